//! Each paragraph's status in a draft — agreed, bracketed or open — and the
//! summary the co-facilitators otherwise count by hand: per section, how
//! many paragraphs are agreed, bracketed, with alternatives.

use super::markup::{Markup, PairKind, TagKind};
use crate::syntax::{Document, NodeId, NodeKind};
use crate::text::TextRange;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Tagged agreed (`[Agreed ad ref]`, `（已商定）`) and without brackets.
    Agreed,
    /// Holds bracketed text (brackets win over an agreed tag: the tag is stale).
    Bracketed,
    /// Neither.
    Open,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Agreed => "agreed",
            Status::Bracketed => "bracketed",
            Status::Open => "open",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParagraphStatus {
    pub node: NodeId,
    pub status: Status,
    pub alternatives: usize,
    pub silence_broken: bool,
}

/// Whether a node is a paragraph whose status is counted.
pub fn is_counted(kind: NodeKind) -> bool {
    matches!(kind, NodeKind::Paragraph | NodeKind::PreambularParagraph | NodeKind::UnnumberedParagraph | NodeKind::ListItem)
}

fn overlaps(a: TextRange, b: TextRange) -> bool {
    a.start < b.end && b.start < a.end
}

/// The status of every counted paragraph of a draft, in text order (none
/// for a text that is no draft).
pub fn paragraph_statuses(doc: &Document, markup: &Markup) -> Vec<ParagraphStatus> {
    if !markup.draft {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (id, n) in doc.nodes.iter().enumerate() {
        if !is_counted(n.kind) || doc.ancestors(id).any(|a| is_counted(doc.nodes[a].kind)) {
            continue;
        }
        let r = n.range();
        let bracketed = markup.pairs.iter().any(|p| p.kind == PairKind::Negotiation && overlaps(p.range(), r));
        let agreed = markup.tags.iter().any(|t| t.kind == TagKind::Agreed && overlaps(t.range, r));
        let silence_broken = markup.tags.iter().any(|t| t.kind == TagKind::SilenceBroken && overlaps(t.range, r));
        let alternatives = markup.alternatives.iter().filter(|a| overlaps(a.whole, r)).count();
        let status = if bracketed {
            Status::Bracketed
        } else if agreed {
            Status::Agreed
        } else {
            Status::Open
        };
        out.push(ParagraphStatus { node: id, status, alternatives, silence_broken });
    }
    out
}

/// One row of the summary: a section (or the body, the preamble, an annex).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SummaryRow {
    /// "section II", "annex", "" for the body.
    pub scope: String,
    pub scope_node: Option<NodeId>,
    pub paragraphs: usize,
    pub agreed: usize,
    pub bracketed: usize,
    pub open: usize,
    pub with_alternatives: usize,
    pub silence_broken: usize,
}

impl SummaryRow {
    fn add(&mut self, s: &ParagraphStatus) {
        self.paragraphs += 1;
        match s.status {
            Status::Agreed => self.agreed += 1,
            Status::Bracketed => self.bracketed += 1,
            Status::Open => self.open += 1,
        }
        if s.alternatives > 0 {
            self.with_alternatives += 1;
        }
        if s.silence_broken {
            self.silence_broken += 1;
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub rows: Vec<SummaryRow>,
    pub total: SummaryRow,
}

/// The summary per section (the innermost heading above each paragraph, or
/// the preamble), in text order.
pub fn summary(doc: &Document, statuses: &[ParagraphStatus]) -> Summary {
    let mut s = Summary { total: SummaryRow { scope: "total".into(), ..SummaryRow::default() }, ..Summary::default() };
    for st in statuses {
        let scope_node = doc.ancestors(st.node).find(|&a| {
            let k = doc.nodes[a].kind;
            k.is_heading() && k != NodeKind::Crossheading || k == NodeKind::Preamble
        });
        if s.rows.last().is_none_or(|r| r.scope_node != scope_node) {
            let scope = match scope_node {
                Some(n) => crate::diagnostics::node_label(doc, n),
                None => "body".to_string(),
            };
            s.rows.push(SummaryRow { scope, scope_node, ..SummaryRow::default() });
        }
        if let Some(row) = s.rows.last_mut() {
            row.add(st);
        }
        s.total.add(st);
    }
    s
}
