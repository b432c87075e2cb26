//! Diagnostic: structure.inline-heading — a heading that does not stand on a
//! line of its own (glued onto the annex title by conversion, for instance).
//! It is still recognised; the hint says where a line break belongs.

use crate::syntax::Document;

use super::{node_label, Code, Diagnostic};

pub(super) fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    for (id, node) in doc.nodes.iter().enumerate() {
        if node.inline && node.kind.is_heading() && node.number().is_some() {
            out.push(Diagnostic::new(
                Code::StructureInlineHeading,
                node.opening(),
                format!("the heading of {} is not on a line of its own; it was read as a heading", node_label(doc, id)),
            ));
        }
    }
}
