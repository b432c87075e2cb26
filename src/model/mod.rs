//! The model of a document beyond its syntax: the references it makes, found
//! with the language's tables and resolved by one resolver.

pub mod attribution;
pub mod external;
pub mod find;
mod prefilter;
pub mod reference;
pub mod resolve;

use std::borrow::Cow;

use crate::syntax::Document;
use crate::text::TextChange;

pub use external::{External, ExternalKind};
pub use reference::{AnnexSpec, Direction, InternalTarget, NumberRole, NumberSpan, Problem, RefKind, Reference, Resolution, Status};

/// Finds and resolves every reference in the document.
pub fn references(doc: &Document) -> Vec<Reference> {
    let mut refs = find::find(doc);
    resolve(doc, &mut refs);
    refs
}

/// [`references`], and what a later [`references_after`] can reuse.
pub fn references_keeping(doc: &Document) -> (Vec<Reference>, find::Reuse) {
    let (mut refs, reuse) = find::find_keeping(doc);
    resolve(doc, &mut refs);
    (refs, reuse)
}

/// The references of `doc`, which is the previous document after `change`,
/// reusing its references `prev` away from the change (see
/// [`find::find_after`]); all are resolved afresh, against `doc`. The
/// flag says whether they could be reused (else they were all found again).
pub fn references_after(
    prev: Cow<'_, [Reference]>,
    reuse: find::Reuse,
    doc: &Document,
    change: TextChange,
) -> (Vec<Reference>, find::Reuse, bool) {
    let (mut refs, reuse, reused) = match find::find_after(prev, &reuse, doc, change) {
        Some((refs, reuse)) => (refs, reuse, true),
        None => {
            let (refs, reuse) = find::find_keeping(doc);
            (refs, reuse, false)
        }
    };
    resolve(doc, &mut refs);
    (refs, reuse, reused)
}

/// Resolves every reference against `doc`, replacing what an earlier
/// resolution said.
fn resolve(doc: &Document, refs: &mut [Reference]) {
    let resolutions = resolve::resolve_all(doc, refs);
    for (r, resolution) in refs.iter_mut().zip(resolutions) {
        r.set_resolution(resolution);
    }
}
