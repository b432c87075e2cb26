//! The structure of a document: an arena of nodes (title block, annexes,
//! parts, sections, subsections, subheadings, paragraphs, subparagraphs,
//! lists, recorded votes), each with its byte range, its number and the exact
//! span of that number, and its stable address (eId).

use crate::lang::states::StateId;
use crate::lang::tables::VoteSide;
use crate::lang::Language;
use crate::text::{PackedRange, TextRange};

pub type NodeId = usize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NodeKind {
    TitleBlock,
    Annex,
    Part,
    Section,
    Subsection,
    /// A numbered (`1.`) or lettered (`(a)`) subheading: a heading, not a paragraph.
    Subheading,
    /// An unnumbered heading between paragraphs.
    Crossheading,
    Article,
    Preamble,
    PreambularParagraph,
    /// An unnumbered paragraph outside a preamble (a chapeau, an introduction).
    UnnumberedParagraph,
    Paragraph,
    Subparagraph,
    List,
    ListItem,
    RecordedVote,
    VoteList,
}

impl NodeKind {
    /// The name used in JSON output.
    pub fn name(self) -> &'static str {
        match self {
            NodeKind::TitleBlock => "title_block",
            NodeKind::Annex => "annex",
            NodeKind::Part => "part",
            NodeKind::Section => "section",
            NodeKind::Subsection => "subsection",
            NodeKind::Subheading => "subheading",
            NodeKind::Crossheading => "crossheading",
            NodeKind::Article => "article",
            NodeKind::Preamble => "preamble",
            NodeKind::PreambularParagraph => "preambular_paragraph",
            NodeKind::UnnumberedParagraph => "unnumbered_paragraph",
            NodeKind::Paragraph => "paragraph",
            NodeKind::Subparagraph => "subparagraph",
            NodeKind::List => "list",
            NodeKind::ListItem => "list_item",
            NodeKind::RecordedVote => "recorded_vote",
            NodeKind::VoteList => "vote_list",
        }
    }

    /// How a drafter names it ("paragraph", "section").
    pub fn label(self) -> &'static str {
        match self {
            NodeKind::TitleBlock => "title block",
            NodeKind::Annex => "annex",
            NodeKind::Part => "part",
            NodeKind::Section => "section",
            NodeKind::Subsection => "subsection",
            NodeKind::Subheading => "subheading",
            NodeKind::Crossheading => "heading",
            NodeKind::Article => "article",
            NodeKind::Preamble => "preamble",
            NodeKind::PreambularParagraph => "preambular paragraph",
            NodeKind::UnnumberedParagraph => "unnumbered paragraph",
            NodeKind::Paragraph => "paragraph",
            NodeKind::Subparagraph => "subparagraph",
            NodeKind::List => "list",
            NodeKind::ListItem => "list item",
            NodeKind::RecordedVote => "recorded vote",
            NodeKind::VoteList => "vote list",
        }
    }

    pub fn is_heading(self) -> bool {
        matches!(
            self,
            NodeKind::Annex
                | NodeKind::Part
                | NodeKind::Section
                | NodeKind::Subsection
                | NodeKind::Subheading
                | NodeKind::Crossheading
                | NodeKind::Article
        )
    }
}

/// How a number is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NumberStyle {
    Arabic,
    Roman,
    LowerRoman,
    Letter,
    CapitalLetter,
    Chinese,
    /// Arabic subparagraph letters in abjad order: `(أ)`, `(ب)`, `(ج)`.
    ArabicLetter,
    /// Arabic letter names numbering subsections: `ألف`, `باء`, `جيم`.
    ArabicLetterName,
    /// Arabic ordinals with the article: `الفصل الأول`, `المرفق الثاني`.
    ArabicOrdinal,
    /// Arabic ordinal adverbs numbering chapters: `أولا -`, `ثانيا -`.
    ArabicAdverbial,
    /// Digits between quotation marks, the second level of Arabic
    /// subparagraphs (`’1‘` for `(i)`).
    QuotedDigit,
    /// Decimal paragraph numbers of budget fascicles and annexes: `19.3`,
    /// `A.2`. The value is the last part; the span covers the whole number,
    /// whose prefix (`19`, `A`) is a numbering scope of its own.
    Decimal,
}

impl NumberStyle {
    /// Formats `value` in this style (renumbering writes with this).
    pub fn format(self, value: u32) -> String {
        use crate::lang::numerals::*;
        match self {
            NumberStyle::Arabic => value.to_string(),
            NumberStyle::Roman => to_roman(value),
            NumberStyle::LowerRoman => to_roman(value).to_lowercase(),
            NumberStyle::Letter => to_letter(value),
            NumberStyle::CapitalLetter => to_letter(value).to_uppercase(),
            NumberStyle::Chinese => to_chinese(value),
            NumberStyle::ArabicLetter => to_arabic_letter(value),
            NumberStyle::ArabicLetterName => to_arabic_letter_name(value),
            NumberStyle::ArabicOrdinal => to_arabic_ordinal(value),
            NumberStyle::ArabicAdverbial => to_arabic_adverbial(value),
            NumberStyle::QuotedDigit | NumberStyle::Decimal => value.to_string(),
        }
    }

    /// The style the other language versions write the same number in, which
    /// addresses (eIds) use so that they are the same in every language:
    /// `(ب)` is `b`, `باء` is `B`, `الثاني` and `ثانيا` are `II`, `’2‘` is `ii`.
    pub fn eid_style(self) -> NumberStyle {
        match self {
            NumberStyle::ArabicLetter => NumberStyle::Letter,
            NumberStyle::ArabicLetterName => NumberStyle::CapitalLetter,
            NumberStyle::ArabicOrdinal | NumberStyle::ArabicAdverbial => NumberStyle::Roman,
            NumberStyle::QuotedDigit => NumberStyle::LowerRoman,
            other => other,
        }
    }

    /// The subparagraph level a marker of this style opens when nothing else
    /// decides it: 2 for the second-level styles (`(i)`, `’1‘`), else 1.
    pub fn subparagraph_level(self) -> u8 {
        match self {
            NumberStyle::LowerRoman | NumberStyle::QuotedDigit => 2,
            _ => 1,
        }
    }
}

/// A slip in how a number is written (an OCR or typing error): the number is
/// read all the same, and the slip is reported on its own line
/// (`numbering.malformed`) rather than as a gap at the next item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Slip {
    /// `2, Requests` for `2. Requests`.
    Comma,
    /// `49 For` for `49. For`.
    NoStop,
    /// `i9. Calls` for `19. Calls`: a letter for a digit.
    LetterForDigit,
    /// `(ad)` for `(d)`, `(c})` for `(c)`: a stray character in a label.
    StrayLetter,
    /// `(6)` for `(b)`: a digit where a letter is due.
    DigitForLetter,
    /// `b) To abstain` for `(b) To abstain`.
    MissingBracket,
    /// `©` for `(c)`: a label turned into a sign by autocorrection.
    Sign,
}

impl Slip {
    /// What is wrong with the number as written, for a message.
    pub fn describe(self) -> &'static str {
        match self {
            Slip::Comma => "has a comma instead of a full stop",
            Slip::NoStop => "has no full stop after it",
            Slip::LetterForDigit => "has a letter for a digit",
            Slip::StrayLetter => "has a stray character in its label",
            Slip::DigitForLetter => "has a digit for a letter",
            Slip::MissingBracket => "has lost its opening bracket",
            Slip::Sign => "is a sign where a letter is due",
        }
    }
}

/// A number as written: its value, the exact span of its digits or letters,
/// and its style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Number {
    pub value: u32,
    pub span: TextRange,
    pub style: NumberStyle,
}

/// A [`Number`] as a node or a classified line holds it: 16 bytes
/// instead of 32.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PackedNumber {
    pub value: u32,
    pub span: PackedRange,
    pub style: NumberStyle,
}

impl PackedNumber {
    pub fn pack(n: Number) -> PackedNumber {
        PackedNumber { value: n.value, span: PackedRange::pack(n.span), style: n.style }
    }
    pub fn get(self) -> Number {
        Number { value: self.value, span: self.span.get(), style: self.style }
    }
}

impl From<Number> for PackedNumber {
    fn from(n: Number) -> PackedNumber {
        PackedNumber::pack(n)
    }
}

impl From<PackedNumber> for Number {
    fn from(n: PackedNumber) -> Number {
        n.get()
    }
}

/// A node of the tree, in a compact record (64 bytes): its ranges as `u32`
/// offsets, its children a run of [`Document::children`], its eId in
/// [`Document::eid`]. The ranges, number, title and parent are read (and
/// set) through methods.
#[derive(Clone, Debug)]
pub struct Node {
    pub kind: NodeKind,
    /// A heading that does not stand on a line of its own.
    pub inline: bool,
    /// For subparagraphs, the nesting level (1 = (a), 2 = (i), …); for
    /// subheadings, 1 = numbered, 2 = lettered.
    pub level: u8,
    /// For a vote list, its side.
    pub vote_side: Option<VoteSide>,
    /// A slip in how the number is written.
    pub slip: Option<Slip>,
    number: Option<PackedNumber>,
    /// The line (or, for an inline heading, the part of a line) that opens the node.
    opening: PackedRange,
    /// The heading's text without its number, for headings.
    title: Option<PackedRange>,
    /// Everything the node covers, children included.
    range: PackedRange,
    /// `NO_PARENT` for a root.
    parent: u32,
    /// Its children's ids: `Document::child_ids[start..end]`.
    children: (u32, u32),
}

const NO_PARENT: u32 = u32::MAX;

impl Node {
    /// A node as the tree builder opens it: its range is its opening, it has
    /// no parent or children yet.
    pub fn new(kind: NodeKind, level: u8, number: Option<Number>, opening: TextRange, title: Option<TextRange>) -> Node {
        Node {
            kind,
            inline: false,
            level,
            vote_side: None,
            slip: None,
            number: number.map(PackedNumber::pack),
            opening: PackedRange::pack(opening),
            title: title.map(PackedRange::pack),
            range: PackedRange::pack(opening),
            parent: NO_PARENT,
            children: (0, 0),
        }
    }

    pub fn number(&self) -> Option<Number> {
        self.number.map(PackedNumber::get)
    }
    pub fn set_number(&mut self, number: Option<Number>) {
        self.number = number.map(PackedNumber::pack);
    }

    /// The line (or, for an inline heading, the part of a line) that opens the node.
    pub fn opening(&self) -> TextRange {
        self.opening.get()
    }
    pub fn set_opening(&mut self, opening: TextRange) {
        self.opening = PackedRange::pack(opening);
    }

    /// The heading's text without its number, for headings.
    pub fn title(&self) -> Option<TextRange> {
        self.title.map(PackedRange::get)
    }
    pub fn set_title(&mut self, title: Option<TextRange>) {
        self.title = title.map(PackedRange::pack);
    }

    /// Everything the node covers, children included.
    pub fn range(&self) -> TextRange {
        self.range.get()
    }
    pub fn set_range(&mut self, range: TextRange) {
        self.range = PackedRange::pack(range);
    }

    pub fn parent(&self) -> Option<NodeId> {
        (self.parent != NO_PARENT).then_some(self.parent as NodeId)
    }
    pub(crate) fn set_parent(&mut self, parent: Option<NodeId>) {
        self.parent = parent.map_or(NO_PARENT, |p| u32::try_from(p).expect("fewer than 4 billion nodes"));
    }

    /// Whether it has the same children as `other` (in trees of the same
    /// nodes: the same run of the child ids).
    pub(crate) fn same_children(&self, other: &Node) -> bool {
        self.children == other.children
    }
}

/// The eIds of a document's nodes, by node id, in one string (a node's
/// eId is a slice of it, not an allocation of its own).
#[derive(Clone, Default)]
pub struct Eids {
    text: String,
    spans: Vec<PackedRange>,
}

impl Eids {
    /// Room for the eIds of `nodes` nodes, none assigned.
    pub(crate) fn with_nodes(nodes: usize) -> Eids {
        Eids { text: String::with_capacity(nodes * 24), spans: vec![PackedRange::default(); nodes] }
    }

    /// The eId of `id` (empty when none was given).
    pub fn get(&self, id: NodeId) -> &str {
        self.spans.get(id).map_or("", |r| {
            let r = r.get();
            &self.text[r.start..r.end]
        })
    }

    pub(crate) fn set(&mut self, id: NodeId, eid: &str) {
        let start = self.text.len();
        self.text.push_str(eid);
        self.spans[id] = PackedRange::pack(TextRange::new(start, self.text.len()));
    }

    pub(crate) fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
    }
}

impl std::fmt::Debug for Eids {
    /// The eIds by node id (however the string holds them).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries((0..self.spans.len()).map(|id| self.get(id))).finish()
    }
}

/// One name in a list (a vote list, a list of speakers, the bureau).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameItem {
    /// The whole item as written, without separators.
    pub range: TextRange,
    /// The name itself, without a parenthetical ("(代表不结盟运动)").
    pub name: TextRange,
    /// The name folded for comparison.
    pub key: String,
    pub state: Option<StateId>,
}

/// A stated figure of a recorded vote, with its span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Figure {
    pub value: u32,
    pub span: TextRange,
}

#[derive(Clone, Debug)]
pub struct VoteListData {
    pub side: VoteSide,
    /// The node of the list (its heading and names).
    pub node: Option<NodeId>,
    pub heading: TextRange,
    pub items: Vec<NameItem>,
    /// The list says "none" (`无`).
    pub none: bool,
}

#[derive(Clone, Debug)]
pub struct RecordedVoteData {
    /// The paragraph that records the vote.
    pub paragraph: NodeId,
    pub node: Option<NodeId>,
    /// The sentence that states the figures, and the figures.
    pub figures_range: Option<TextRange>,
    pub figures: Vec<(VoteSide, Figure)>,
    pub lists: Vec<VoteListData>,
}

/// A list of names outside a vote: speakers, members of a bureau.
#[derive(Clone, Debug)]
pub struct NameList {
    pub paragraph: NodeId,
    pub items: Vec<NameItem>,
}

/// Whether paragraph numbers run through a container or restart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberingScheme {
    Continuous,
    RestartPerSection,
    RestartPerSubsection,
    RestartPerPart,
    RestartPerArticle,
}

impl NumberingScheme {
    pub fn describe(self) -> &'static str {
        match self {
            NumberingScheme::Continuous => "numbered continuously",
            NumberingScheme::RestartPerSection => "numbered from 1 in each section",
            NumberingScheme::RestartPerSubsection => "numbered from 1 in each subsection",
            NumberingScheme::RestartPerPart => "numbered from 1 in each part",
            NumberingScheme::RestartPerArticle => "numbered from 1 in each article",
        }
    }
}

/// The parsed document. It does not own the text: every range points into the
/// text it was parsed from.
#[derive(Clone, Debug)]
pub struct Document {
    pub language: Language,
    pub nodes: Vec<Node>,
    pub roots: Vec<NodeId>,
    /// The children of every node, each node's in a run (in text order):
    /// read through [`Document::children`].
    pub child_ids: Vec<NodeId>,
    /// The nodes' eIds: read through [`Document::eid`].
    pub eids: Eids,
    /// Ranges (in the text) of heading lines and number markers, where no
    /// reference is looked for, in text order.
    pub heading_spans: Vec<TextRange>,
    pub votes: Vec<RecordedVoteData>,
    pub name_lists: Vec<NameList>,
    /// Paragraph numbering of the body (index 0) and of each annex.
    pub schemes: Vec<(Option<NodeId>, NumberingScheme)>,
    /// The annex each node is in, by node id, `u32::MAX` for the body
    /// (half the memory of `Option<NodeId>`): read through
    /// [`Document::container_of`].
    pub containers: Vec<u32>,
    /// The masked text (markup blanked, same offsets as the text): the
    /// text itself where there was nothing to blank.
    pub masked: std::sync::Arc<str>,
    /// The nodes whose Arabic number a negotiation word follows (`5 bis`),
    /// by node id, with the word's canonical form and the range from the
    /// number's end to the word's: read once, so that eIds, the resolver and
    /// the numbering check do not go back to the text for every number.
    pub suffixed: Vec<(NodeId, &'static str, TextRange)>,
}

impl Document {
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id]
    }

    /// The children of `id`, in text order.
    pub fn children(&self, id: NodeId) -> &[NodeId] {
        let (start, end) = self.nodes[id].children;
        &self.child_ids[start as usize..end as usize]
    }

    /// The stable address of `id` in the style of AKN4UN: `annex__sec_II__para_18`.
    pub fn eid(&self, id: NodeId) -> &str {
        self.eids.get(id)
    }

    /// Gives `id` the eId `eid` (the tree's own are assigned by the parse;
    /// this is for tools and tests that alter a tree).
    pub fn set_eid(&mut self, id: NodeId, eid: &str) {
        if self.eids.spans.len() < self.nodes.len() {
            self.eids.spans.resize(self.nodes.len(), PackedRange::default());
        }
        self.eids.set(id, eid);
    }

    /// Gives every node its children, from the parents (children in id
    /// order, which is text order: a node is opened after its elder siblings).
    pub(crate) fn link_children(&mut self) {
        let mut counts = vec![0u32; self.nodes.len()];
        for n in &self.nodes {
            if let Some(p) = n.parent() {
                counts[p] += 1;
            }
        }
        // (each run is filled from its start: `children.1` moves to its end)
        let mut at = 0u32;
        for (n, count) in self.nodes.iter_mut().zip(counts) {
            n.children = (at, at);
            at += count;
        }
        let mut child_ids = vec![0; at as usize];
        for id in 0..self.nodes.len() {
            if let Some(p) = self.nodes[id].parent() {
                let end = &mut self.nodes[p].children.1;
                child_ids[*end as usize] = id;
                *end += 1;
            }
        }
        self.child_ids = child_ids;
    }

    /// Ancestors of `id`, nearest first, not including `id`.
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.nodes[id].parent(), move |&p| self.nodes[p].parent())
    }

    /// The annex that contains `id`, if any (`None` means the body).
    pub fn container_of(&self, id: NodeId) -> Option<NodeId> {
        if let Some(&c) = self.containers.get(id) {
            return (c != NO_PARENT).then_some(c as NodeId);
        }
        std::iter::once(id).chain(self.ancestors(id)).find(|&n| self.nodes[n].kind == NodeKind::Annex)
    }

    /// The deepest node whose range contains `offset`.
    pub fn node_at(&self, offset: usize) -> Option<NodeId> {
        let mut level: &[NodeId] = &self.roots;
        let mut found = None;
        loop {
            // Siblings are in text order: the candidate is the last one
            // starting at or before `offset`.
            let idx = level.partition_point(|&n| self.nodes[n].range().start <= offset);
            let next = idx.checked_sub(1).map(|i| level[i]).filter(|&n| {
                let r = self.nodes[n].range();
                r.start <= offset && offset < r.end.max(r.start + 1)
            });
            match next {
                Some(n) => {
                    found = Some(n);
                    level = self.children(n);
                }
                None => return found,
            }
        }
    }

    /// The node with the given eId.
    pub fn find_eid(&self, eid: &str) -> Option<NodeId> {
        (0..self.nodes.len()).find(|&n| self.eid(n) == eid)
    }

    /// Every node of a subtree, in document order.
    pub fn descendants(&self, id: NodeId) -> Vec<NodeId> {
        self.each_descendant(id).collect()
    }

    /// [`Document::descendants`], one at a time (no list of them made).
    pub fn each_descendant(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        let mut stack: Vec<NodeId> = self.children(id).iter().rev().copied().collect();
        std::iter::from_fn(move || {
            let n = stack.pop()?;
            stack.extend(self.children(n).iter().rev().copied());
            Some(n)
        })
    }

    /// The paragraph-numbering scheme of the body or an annex.
    pub fn scheme_of(&self, container: Option<NodeId>) -> NumberingScheme {
        // The body is first; annexes follow in order of their ids.
        let found = match container {
            None => self.schemes.first().filter(|(c, _)| c.is_none()),
            Some(a) => self.schemes.binary_search_by_key(&Some(a), |(c, _)| *c).ok().map(|i| &self.schemes[i]),
        };
        found.map(|(_, s)| *s).unwrap_or(NumberingScheme::Continuous)
    }

    /// Whether the document is divided into articles (then "article 5" is internal).
    pub fn has_articles(&self) -> bool {
        self.nodes.iter().any(|n| n.kind == NodeKind::Article)
    }

    /// The annexes, in order.
    pub fn annexes(&self) -> Vec<NodeId> {
        self.roots.iter().copied().filter(|&n| self.nodes[n].kind == NodeKind::Annex).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_stay_compact() {
        // An analysis holds one node per paragraph, heading and subparagraph
        // (57,000 in 10 MB of Chinese): the sizes are part of its memory.
        assert!(std::mem::size_of::<Node>() <= 60, "{}", std::mem::size_of::<Node>());
        assert_eq!(std::mem::size_of::<Option<crate::text::PackedRange>>(), 8);
        for (start, end) in [(0, 0), (0, 7), (12, 4_000_000_000), (4_000_000_000, 4_000_000_001)] {
            let r = TextRange::new(start, end);
            assert_eq!(PackedRange::pack(r).get(), r);
        }
        assert_eq!(std::mem::size_of::<Option<PackedNumber>>(), 16);
        // … and one classified line per line of text (93,000), kept for the next update.
        assert!(std::mem::size_of::<super::super::lines::Line>() <= 40, "{}", std::mem::size_of::<super::super::lines::Line>());
    }
}
