//! `brackets.unbalanced` and `brackets.left`.
//!
//! Unbalanced brackets are reported only in a text that reads as a
//! negotiation draft (see [`Markup::draft`]): official texts carry stray
//! brackets from OCR (`[S/1070}`), and a diagnostic is worth only what it
//! is believed. Brackets left in a text are reported (hint) when the text
//! claims to be final ("final text", "as adopted" in its first lines) or when
//! the user switches the code on explicitly (a severity for
//! `brackets.left` in the settings or `--severity brackets.left=hint`).

use super::markup::{Markup, PairKind};
use crate::diagnostics::{Code, Diagnostic};
use crate::syntax::{Document, NodeKind};
use crate::text::TextRange;

/// The paragraph-like node around `offset`: its range.
fn paragraph_around(doc: &Document, offset: usize) -> Option<TextRange> {
    let id = doc.node_at(offset)?;
    std::iter::once(id)
        .chain(doc.ancestors(id))
        .find(|&n| !doc.nodes[n].kind.is_heading() && doc.nodes[n].kind != NodeKind::Subparagraph)
        .map(|n| doc.nodes[n].range())
}

pub fn check(doc: &Document, markup: &Markup, left_forced: bool, out: &mut Vec<Diagnostic>) {
    if markup.draft {
        for u in &markup.unmatched {
            let d = if u.opening {
                let end = paragraph_around(doc, u.at.start).map_or(doc.masked.len(), |r| r.end);
                let end_at = TextRange::empty(end.max(u.at.end));
                Diagnostic::new(Code::BracketsUnbalanced, u.at, "`[` is never closed: no `]` matches it before the end of the text")
                    .with_related(end_at, "the paragraph it opens in ends here")
            } else {
                let start = paragraph_around(doc, u.at.start).map_or(0, |r| r.start).min(u.at.start);
                Diagnostic::new(Code::BracketsUnbalanced, u.at, "`]` closes nothing: no `[` is open here")
                    .with_related(TextRange::empty(start), "no `[` from the start of the paragraph")
            };
            out.push(d);
        }
    }
    if markup.claims_final || left_forced {
        for p in markup.pairs.iter().filter(|p| p.kind == PairKind::Negotiation && p.depth == 0) {
            let why = if markup.claims_final { "a text that claims to be final" } else { "the text" };
            out.push(
                Diagnostic::new(Code::BracketsLeft, p.open, format!("bracketed text left in {why}"))
                    .with_related(p.close, "the bracket closes here"),
            );
        }
    }
}
