//! The model of a document beyond its syntax: the references it makes, found
//! with the language's tables and resolved by one resolver.

pub mod external;
pub mod reference;
pub mod resolve;

use crate::syntax::Document;

pub use external::{External, ExternalKind};
pub use reference::{AnnexSpec, Direction, InternalTarget, NumberRole, NumberSpan, RefKind, Reference, Status};

/// Finds and resolves every reference in the document.
pub fn references(doc: &Document) -> Vec<Reference> {
    let mut refs = reference::find(doc);
    resolve::resolve_all(doc, &mut refs);
    refs
}
