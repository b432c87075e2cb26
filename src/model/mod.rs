//! The model of a document beyond its syntax: the references it makes, found
//! with the language's tables and resolved by one resolver.

pub mod external;
pub mod reference;
pub mod resolve;

use std::borrow::Cow;

use crate::syntax::Document;
use crate::text::TextChange;

pub use external::{External, ExternalKind};
pub use reference::{AnnexSpec, Direction, InternalTarget, NumberRole, NumberSpan, RefKind, Reference, Status};

/// Finds and resolves every reference in the document.
pub fn references(doc: &Document) -> Vec<Reference> {
    let mut refs = reference::find(doc);
    resolve::resolve_all(doc, &mut refs);
    refs
}

/// [`references`], and what a later [`references_after`] can reuse.
pub fn references_keeping(doc: &Document) -> (Vec<Reference>, reference::Reuse) {
    let (mut refs, reuse) = reference::find_keeping(doc);
    resolve::resolve_all(doc, &mut refs);
    (refs, reuse)
}

/// The references of `doc`, which is the previous document after `change`,
/// reusing its references `prev` away from the change (see
/// [`reference::find_after`]); all are resolved afresh, against `doc`. The
/// flag says whether they could be reused (else they were all found again).
pub fn references_after(
    prev: Cow<'_, [Reference]>,
    reuse: reference::Reuse,
    doc: &Document,
    change: TextChange,
) -> (Vec<Reference>, reference::Reuse, bool) {
    let (mut refs, reuse, reused) = match reference::find_after(prev, &reuse, doc, change) {
        Some((refs, reuse)) => (refs, reuse, true),
        None => {
            let (refs, reuse) = reference::find_keeping(doc);
            (refs, reuse, false)
        }
    };
    resolve::resolve_all(doc, &mut refs);
    (refs, reuse, reused)
}
