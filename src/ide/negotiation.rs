//! Negotiation drafts in editor terms: the markup of the analysed text,
//! each paragraph's status for the outline, the summary for the hover on
//! the title, folding of alternatives.

use super::{Analysis, Fold, FoldKind};
use crate::negotiation::{self, Markup, ParagraphStatus, Summary, Vocabulary};
use crate::syntax::NodeId;

impl Analysis {
    /// The negotiation markup of the text (brackets, alternatives,
    /// attributions, status tags), read on demand.
    pub fn negotiation(&self) -> Markup {
        negotiation::read(&self.document.masked, self.language(), &Vocabulary::default())
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
