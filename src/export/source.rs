//! What the exports read of an analysis, as plain data. This is the only
//! place that names the analysis's types (`ide::Analysis`,
//! `syntax::Document`, `model::Reference`): a change there is a change here.

use crate::ide::Analysis;
use crate::lang::tables::VoteSide;
use crate::model::{ExternalKind, Status};
use crate::syntax::NodeKind;

/// The kinds of node the exports distinguish.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    TitleBlock,
    Annex,
    Part,
    Section,
    Subsection,
    Subheading,
    Crossheading,
    Article,
    Preamble,
    PreambularParagraph,
    UnnumberedParagraph,
    Paragraph,
    Subparagraph,
    List,
    ListItem,
    RecordedVote,
    VoteList,
}

impl Kind {
    /// Headings: their opening line is a label and a title.
    pub fn is_heading(self) -> bool {
        matches!(self, Kind::Annex | Kind::Part | Kind::Section | Kind::Subsection | Kind::Subheading | Kind::Crossheading | Kind::Article)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    InFavour,
    Against,
    Abstaining,
}

#[derive(Clone, Debug)]
pub struct Node {
    pub kind: Kind,
    pub eid: String,
    /// The line (or part of a line) that opens the node.
    pub opening: (usize, usize),
    /// The span of its number as written (`15`, `II`, `a`), if numbered.
    pub number: Option<(usize, usize)>,
    /// The heading's text without its number.
    pub title: Option<(usize, usize)>,
    /// Everything it covers, children included.
    pub range: (usize, usize),
    pub children: Vec<usize>,
    pub side: Option<Side>,
}

/// What a reference points at.
#[derive(Clone, Debug)]
pub enum Target {
    /// A node of this document (its eId).
    Internal(String),
    /// Another text, by kind and identifier.
    External { kind: External, id: String, of: Option<(External, String)> },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum External {
    GaResolution,
    ScResolution,
    /// A resolution of another organ; `of` names the organ.
    OtherResolution,
    Symbol,
    Provision,
    Other,
}

#[derive(Clone, Debug)]
pub struct Ref {
    pub range: (usize, usize),
    pub target: Target,
}

#[derive(Clone, Debug)]
pub struct Vote {
    /// The eId of the paragraph recording the vote.
    pub paragraph: String,
    /// The eId of the vote's own node, if any.
    pub node: Option<String>,
    /// Stated figures with their spans.
    pub figures: Vec<(Side, u32, (usize, usize))>,
    /// The lists: side, the list's eId, how many names it gives.
    pub lists: Vec<(Side, Option<String>, usize)>,
}

/// An analysed document, as the exports see it.
pub struct Source<'a> {
    /// The text as given.
    pub text: &'a str,
    /// The same text with markup (`**`, Markdown links, heading hashes, a
    /// BOM) blanked by spaces, byte for byte the same length.
    pub masked: &'a str,
    /// ISO 639-1 code.
    pub language: &'static str,
    pub nodes: Vec<Node>,
    pub roots: Vec<usize>,
    /// Resolved internal and recognised external references, in text order.
    pub refs: Vec<Ref>,
    pub votes: Vec<Vote>,
}

fn side(s: VoteSide) -> Side {
    match s {
        VoteSide::InFavour => Side::InFavour,
        VoteSide::Against => Side::Against,
        VoteSide::Abstaining => Side::Abstaining,
    }
}

fn external(kind: ExternalKind) -> External {
    match kind {
        ExternalKind::GeneralAssemblyResolution => External::GaResolution,
        ExternalKind::SecurityCouncilResolution => External::ScResolution,
        ExternalKind::OtherResolution => External::OtherResolution,
        ExternalKind::DocumentSymbol => External::Symbol,
        ExternalKind::Provision | ExternalKind::RuleOfProcedure => External::Provision,
        _ => External::Other,
    }
}

impl<'a> Source<'a> {
    pub fn new(a: &'a Analysis) -> Source<'a> {
        let doc = &a.document;
        let nodes = doc
            .nodes
            .iter()
            .enumerate()
            .map(|(id, n)| Node {
                kind: match n.kind {
                    NodeKind::TitleBlock => Kind::TitleBlock,
                    NodeKind::Annex => Kind::Annex,
                    NodeKind::Part => Kind::Part,
                    NodeKind::Section => Kind::Section,
                    NodeKind::Subsection => Kind::Subsection,
                    NodeKind::Subheading => Kind::Subheading,
                    NodeKind::Crossheading => Kind::Crossheading,
                    NodeKind::Article => Kind::Article,
                    NodeKind::Preamble => Kind::Preamble,
                    NodeKind::PreambularParagraph => Kind::PreambularParagraph,
                    NodeKind::UnnumberedParagraph => Kind::UnnumberedParagraph,
                    NodeKind::Paragraph => Kind::Paragraph,
                    NodeKind::Subparagraph => Kind::Subparagraph,
                    NodeKind::List => Kind::List,
                    NodeKind::ListItem => Kind::ListItem,
                    NodeKind::RecordedVote => Kind::RecordedVote,
                    NodeKind::VoteList => Kind::VoteList,
                },
                eid: doc.eid(id).to_string(),
                opening: (n.opening().start, n.opening().end),
                number: n.number().map(|x| (x.span.start, x.span.end)),
                title: n.title().map(|t| (t.start, t.end)),
                range: (n.range().start, n.range().end),
                children: doc.children(id).to_vec(),
                side: n.vote_side.map(side),
            })
            .collect();
        let refs = a
            .references
            .iter()
            .filter_map(|r| {
                let target = match r.status {
                    Status::Resolved => Target::Internal(doc.eid(r.node()?).to_string()),
                    Status::External => {
                        let e = r.external.as_ref()?;
                        Target::External {
                            kind: external(e.kind),
                            id: e.id.to_string(),
                            of: e.of.as_ref().map(|o| (external(o.kind), o.id.to_string())),
                        }
                    }
                    _ => return None,
                };
                Some(Ref { range: (r.range().start, r.range().end), target })
            })
            .collect();
        let votes = doc
            .votes
            .iter()
            .map(|v| Vote {
                paragraph: doc.eid(v.paragraph).to_string(),
                node: v.node.map(|n| doc.eid(n).to_string()),
                figures: v.figures.iter().map(|(s, f)| (side(*s), f.value, (f.span.start, f.span.end))).collect(),
                lists: v.lists.iter().map(|l| (side(l.side), l.node.map(|n| doc.eid(n).to_string()), l.items.len())).collect(),
            })
            .collect();
        Source { text: &a.text, masked: &doc.masked, language: doc.language.code(), nodes, roots: doc.roots.clone(), refs, votes }
    }
}
