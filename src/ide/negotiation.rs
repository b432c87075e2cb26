//! Negotiation drafts in editor terms: the markup of the analysed text,
//! each paragraph's status for the outline, the summary for the hover on
//! the title, folding of alternatives.

use std::collections::HashMap;

use super::semantic_tokens::{Token, TokenKind};
use super::{Analysis, Fold, FoldKind, Hover};
use crate::negotiation::{self, Markup, PairKind, ParagraphStatus, Summary, Vocabulary};
use crate::syntax::{NodeId, NodeKind};
use crate::text::TextRange;

impl Analysis {
    /// The negotiation markup of the text (brackets, alternatives,
    /// attributions, status tags), as the analysis read it.
    pub fn negotiation(&self) -> Markup {
        self.markup.markup()
    }

    /// The user's additions to the negotiation words this analysis read with.
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// The status of every paragraph of a draft (none for other texts).
    pub fn paragraph_statuses(&self, markup: &Markup) -> Vec<ParagraphStatus> {
        negotiation::paragraph_statuses(&self.document, markup)
    }

    /// Per section: paragraphs agreed, bracketed, open, with alternatives.
    pub fn negotiation_summary(&self) -> Option<Summary> {
        let markup = self.negotiation();
        if !markup.draft {
            return None;
        }
        Some(negotiation::summary(&self.document, &self.paragraph_statuses(&markup)))
    }

    /// The status of one paragraph, for the outline.
    pub fn status_of(statuses: &[ParagraphStatus], node: NodeId) -> Option<&ParagraphStatus> {
        statuses.binary_search_by_key(&node, |s| s.node).ok().map(|i| &statuses[i])
    }

    /// Folds for alternatives that span lines.
    pub fn alternative_folds(&self, markup: &Markup) -> Vec<Fold> {
        let mut out = Vec::new();
        for a in &markup.alternatives {
            for c in &a.choices {
                if self.line_index.line_of(c.range.end) > self.line_index.line_of(c.range.start) {
                    out.push(Fold { range: c.range, kind: FoldKind::Region });
                }
            }
        }
        out
    }
}

/// The summary as a Markdown table (the hover on the title).
pub fn summary_markdown(s: &Summary) -> String {
    let mut md = String::from(
        "**Negotiation status**\n\n| | paragraphs | agreed | bracketed | open | with alternatives |\n|---|---:|---:|---:|---:|---:|\n",
    );
    for r in s.rows.iter().chain(std::iter::once(&s.total)) {
        md.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            super::escape_markdown(&r.scope),
            r.paragraphs,
            r.agreed,
            r.bracketed,
            r.open,
            r.with_alternatives
        ));
    }
    md
}

impl Analysis {
    /// Semantic tokens of a draft's markup: brackets, alternatives,
    /// attributions, status tags (none for a text that is no draft).
    pub(super) fn negotiation_tokens(&self) -> Vec<Token> {
        let m = self.negotiation();
        let mut out = Vec::new();
        if !m.draft {
            return out;
        }
        let tok = |range, kind| Token { range, kind, modifiers: 0 };
        for p in &m.pairs {
            match p.kind {
                PairKind::Negotiation => {
                    out.push(tok(p.open, TokenKind::Bracket));
                    out.push(tok(p.close, TokenKind::Bracket));
                }
                PairKind::AltLabel => out.push(tok(p.range(), TokenKind::Alternative)),
                _ => {}
            }
        }
        for a in &m.alternatives {
            for c in &a.choices {
                match c.label {
                    Some(l) => {
                        let label = &self.text.slice(l.start..l.end);
                        let lead = label.len() - label.trim_start_matches(['[', '［']).len();
                        let a = l.start + lead;
                        out.push(tok(TextRange::new(a, a + label[lead..].trim_end().len()), TokenKind::Alternative));
                    }
                    None => out.push(tok(c.range, TokenKind::Alternative)),
                }
            }
        }
        for a in &m.attributions {
            out.push(tok(a.range, TokenKind::Attribution));
        }
        for t in &m.tags {
            out.push(tok(t.range, TokenKind::NegotiationStatus));
        }
        out.retain(|t| !t.range.is_empty());
        out
    }

    /// In a draft, each paragraph's status as the outline writes it before
    /// its detail, by node (nothing in a text that is not a draft).
    pub(super) fn outline_statuses(&self) -> HashMap<NodeId, String> {
        let m = self.negotiation();
        if !m.draft {
            return HashMap::new();
        }
        let label = |s: &ParagraphStatus| {
            let mut label = s.status.name().to_string();
            if s.alternatives > 0 {
                label.push_str(", alternatives");
            }
            if s.silence_broken {
                label.push_str(", silence broken");
            }
            label
        };
        self.paragraph_statuses(&m).iter().map(|s| (s.node, label(s))).collect()
    }

    /// On the title of a draft (its title block, or its first line when it
    /// has none), the summary of the paragraphs' statuses.
    pub(super) fn title_hover(&self, offset: usize) -> Option<Hover> {
        let doc = &self.document;
        let title = doc.roots.iter().map(|&r| &doc.nodes[r]).find(|n| n.kind == NodeKind::TitleBlock).map(|n| n.range());
        let range = match title {
            Some(r) => r,
            None => self.line_range(0),
        };
        if !range.touches(offset) || doc.node_at(offset).is_some_and(|n| doc.nodes[n].number().is_some()) {
            return None;
        }
        let s = self.negotiation_summary()?;
        Some(Hover { range, markdown: summary_markdown(&s) })
    }
}
