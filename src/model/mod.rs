//! The model of a document beyond its syntax: the references it makes, found
//! with the language's tables and resolved by one resolver.

pub mod attribution;
mod chinese_instrument;
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

/// [`references`], what a later [`references_after`] can reuse, and the
/// resolver index they were resolved against (which an update that keeps
/// the tree keeps: [`references_after_same_tree`]).
pub fn references_keeping(doc: &Document) -> (Vec<Reference>, find::Reuse, resolve::ResolverIndex) {
    references_keeping_given(doc, None)
}

/// [`references_keeping`], given the offsets of the line feeds of the masked
/// text when the parse found them ([`crate::syntax::Reuse::line_feeds`]).
pub fn references_keeping_given(doc: &Document, line_feeds: Option<&[u32]>) -> (Vec<Reference>, find::Reuse, resolve::ResolverIndex) {
    let (mut refs, reuse) = find::find_keeping_given(doc, line_feeds);
    let index = resolve::ResolverIndex::for_references(doc, &refs);
    resolve_every(doc, &index, &mut refs);
    (refs, reuse, index)
}

/// Resolves every reference of `refs` against `index`, `doc`'s.
fn resolve_every(doc: &Document, index: &resolve::ResolverIndex, refs: &mut [Reference]) {
    let all = refs.len();
    resolve::resolve_window(doc, index, refs, 0..all, 0);
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

/// [`references_after`] for a document whose tree is the previous one's,
/// moved by the change (`syntax::Reuse::shape_carried`, no annex title
/// edited), with `index` its resolver index: a reference kept from the
/// previous document points where it did (its target is the same node),
/// so only those found again, and those after them that a citation among
/// them can reach, are resolved. With the indices resolved (`None`: all).
pub fn references_after_same_tree(
    prev: Cow<'_, [Reference]>,
    reuse: find::Reuse,
    doc: &Document,
    change: TextChange,
    index: &mut std::sync::Arc<resolve::ResolverIndex>,
) -> (Vec<Reference>, find::Reuse, Option<std::ops::Range<usize>>) {
    let (mut refs, reuse) = find::find_after(prev, &reuse, doc, change).unwrap_or_else(|| find::find_keeping(doc));
    // (the references kept were covered by the index; new ones may cite a
    // decimal paragraph it left out)
    let new = reuse.found_again().map_or(&refs[..], |again| &refs[again.refs.clone()]);
    if !index.covers(new) {
        *index = std::sync::Arc::new(resolve::ResolverIndex::new(doc));
    }
    match reuse.found_again() {
        Some(again) => {
            let resolved = resolve::resolve_window(doc, index, &mut refs, again.refs.clone(), again.reach_end);
            (refs, reuse, Some(resolved))
        }
        None => {
            resolve_every(doc, index, &mut refs);
            (refs, reuse, None)
        }
    }
}

/// Resolves every reference against `doc`, replacing what an earlier
/// resolution said.
fn resolve(doc: &Document, refs: &mut [Reference]) {
    let resolutions = resolve::resolve_all(doc, refs);
    for (r, resolution) in refs.iter_mut().zip(resolutions) {
        r.set_resolution(resolution);
    }
}
