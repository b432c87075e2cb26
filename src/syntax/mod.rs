//! Parsing: text → [`Document`]. Parsing never fails: a half-numbered draft
//! is the normal state of the documents served, so every input yields a tree.
//!
//! The pipeline is: [`mask`] the markup → split into logical lines and
//! classify each ([`lines`]) → build the tree from the line kinds and their
//! context (this module) → infer the paragraph-numbering scheme of the body
//! and of each annex → assign eIds ([`eid`]) → read recorded votes and lists
//! of names ([`names`]).

mod carry;
pub mod eid;
mod keep;
pub mod lines;
pub mod mask;
pub mod names;
pub mod negotiation;
pub mod scope;
pub mod tree;

use std::borrow::Cow;
use std::sync::Arc;

use crate::lang::tables::{tables, Tables};
use crate::lang::Language;
use crate::text::{PackedRange, TextChange, TextRange};

use lines::{ends_sentence, ends_with_colon, is_short, Line, LineKind};
pub use tree::*;

/// Parses `text` written in `language`.
pub fn parse(text: &str, language: Language) -> Document {
    parse_keeping(&Arc::from(text), language).0
}

/// What one parse keeps for the next: the blanked markers and the lines as
/// classified (before tables are marked), both functions of each line's own
/// text, so that [`reparse`] splits again only the lines an edit touched.
#[derive(Clone)]
pub struct Reuse {
    bold: Vec<usize>,
    lines: Vec<lines::Line>,
    marks: names::Marks,
    /// Made by [`reparse`] with the previous tree's shape and ranges carried
    /// over (see [`carry`]).
    carried: bool,
    /// … and the tree moved, not built again (see [`keep`]).
    kept: bool,
}

impl Reuse {
    /// Whether the document was made by [`reparse`] with the tree of the
    /// previous one: the same nodes, kinds, numbers and links, every range
    /// where the change moved it, the same negotiation words after the numbers.
    pub fn shape_carried(&self) -> bool {
        self.carried
    }

    /// Whether [`reparse`] moved the previous tree instead of building it
    /// again: the lines it split again were the same for the tree builder.
    pub fn tree_kept(&self) -> bool {
        self.kept
    }

    /// The offsets of every line feed (`\n`) of the masked text, in order.
    pub fn line_feeds(&self) -> &[u32] {
        &self.marks.line_ends
    }

    /// What it holds, by part, to be dropped and counted
    /// (`cargo bench --bench memory`).
    #[doc(hidden)]
    pub fn take_parts(&mut self) -> Vec<(&'static str, Box<dyn std::any::Any>)> {
        let marks = names::Marks { separators: Vec::new(), line_ends: Vec::new(), hints: None };
        vec![
            ("classified lines", Box::new(std::mem::take(&mut self.lines))),
            ("name-list marks", Box::new(std::mem::replace(&mut self.marks, marks))),
            ("blanked markers", Box::new(std::mem::take(&mut self.bold))),
        ]
    }
}

/// Parses `text` and keeps what a later [`reparse`] can reuse.
pub fn parse_keeping(text: &Arc<str>, language: Language) -> (Document, Reuse) {
    parse_source(&mask::Source::of(text), language)
}

/// [`parse_keeping`] of a text already masked.
pub fn parse_source(source: &mask::Source, language: Language) -> (Document, Reuse) {
    let masked = Arc::clone(source.masked());
    let bold = source.bold();
    let tables = tables(language);
    let mut lines = Vec::new();
    let mut line_ends = Vec::new();
    lines::split_lines_marking(&masked, &bold, tables, 0, masked.len(), &mut lines, |at| line_ends.push(crate::text::pack_offset(at)));
    // (held until the next edit: none of the room reserved for a line
    // every 32 bytes is kept)
    lines.shrink_to_fit();
    let marks = names::Marks::find_beside(&masked, 0, tables, line_ends);
    finish_keeping(masked, Reuse { bold, lines, marks, carried: false, kept: false }, language)
}

/// Parses `source`, the text of `prev` (a document in `language`, with
/// what [`parse_keeping`] kept of it) after `change`, already masked
/// ([`mask::Source::after`]): the same document [`parse`] gives, but line
/// classification is done again only for the lines the change touched; the
/// tree is moved when those lines read the same to the tree builder, else
/// built afresh (carrying what it can over). `old_window` is the previous
/// masked text of the lines the change touched, from the start of its
/// first line (all that is read of the previous masked text: the caller
/// may have let go of the rest). Given the previous parts owned, their
/// buffers are edited in place, not copied.
pub fn reparse(
    language: Language,
    prev: Cow<'_, Document>,
    reuse: Cow<'_, Reuse>,
    source: &mask::Source,
    change: TextChange,
    old_window: &OldWindowText,
) -> (Document, Reuse) {
    let masked = Arc::clone(source.masked());
    let new = masked.as_bytes();
    // The window: whole lines (`\n`-terminated, so that a `\r\n` is never
    // cut) from the line the change starts on to the one it ends on.
    let from = memchr::memrchr(b'\n', &new[..change.start]).map_or(0, |i| i + 1);
    let to = memchr::memchr(b'\n', &new[change.new_end..]).map_or(new.len(), |i| change.new_end + i + 1);
    let old_to = to - change.new_end + change.old_end;
    let tables = tables(language);
    // What the tree builder reads of the lines about to be split again.
    let old_window_facts = (prev.language == language).then(|| {
        let before = reuse.lines.partition_point(|l| l.range.start() < from);
        let after =
            if old_to < old_window.old_len() { reuse.lines.partition_point(|l| l.range.start() < old_to) } else { reuse.lines.len() };
        keep::OldWindow::read_at(old_window.lines(from, old_to), from, &reuse.lines[before..after], tables)
    });
    let window = &masked[from..to];
    let window_bold: Vec<usize> =
        source.markup().iter().filter(|m| from <= m.at && m.at < to && m.is_bold()).map(|m| m.at - from).collect();
    // (the previous masked text is not read past this point)
    let mut prev = match prev {
        Cow::Owned(mut doc) => {
            doc.masked = Arc::from("");
            Cow::Owned(doc)
        }
        borrowed => borrowed,
    };

    let Reuse { mut bold, mut lines, mut marks, .. } = reuse.into_owned();
    splice(&mut bold, from, old_to, window_bold.iter().map(|&b| b + from), change);

    let before = lines.partition_point(|l| l.range.start() < from);
    let after = if to < masked.len() { lines.partition_point(|l| l.range.start() < old_to) } else { lines.len() };
    for line in &mut lines[after..] {
        *line = line.map_ranges(|r| change.moved_range(r));
    }
    let mut window_lines = Vec::new();
    lines::split_lines_between(&masked, &bold, tables, from, to, &mut window_lines);
    let delta = change.delta();
    let offsets = old_window_facts.and_then(|old| keep::OffsetMap::between(&old, &masked, &window_lines, tables, from, old_to, delta));
    // (grown exactly, not doubled: the lines are held until the next edit)
    lines.reserve_exact(window_lines.len().saturating_sub(after - before));
    lines.splice(before..after, window_lines);

    let found = names::Marks::find(window, from, tables);
    splice(&mut marks.separators, from, old_to, found.separators, change);
    splice(&mut marks.line_ends, from, old_to, found.line_ends, change);
    marks.hints = match (marks.hints.take(), found.hints) {
        (Some(mut old), Some(new)) => {
            splice(&mut old, from, old_to, new, change);
            Some(old)
        }
        _ => None,
    };
    let window = TextRange::new(from, to);
    // The same lines for the tree builder: the previous tree, moved.
    if let Some(mut doc) = offsets.and_then(|offsets| keep::moved_tree(&mut prev, &offsets, &masked)) {
        let carry = carry::Carry::kept(prev, change, window);
        names::read_votes_and_lists(&mut doc, &masked, tables, &marks, carry.for_names());
        doc.masked = masked;
        return (doc, Reuse { bold, lines, marks, carried: true, kept: true });
    }
    if let Cow::Owned(doc) = &mut prev {
        doc.containers = Vec::new();
        doc.heading_spans = Vec::new();
    }
    let mut carry = carry::Carry::new(prev, change, window);
    let doc = build(masked, &lines, &marks, language, Some(&mut carry));
    (doc, Reuse { bold, lines, marks, carried: carry.carried(), kept: false })
}

/// Sorted offsets after `change`, in place: those before `from` kept, those
/// of the window (`from..old_to` in the old text) replaced by `window`, the
/// rest moved.
fn splice<O: Offset>(offsets: &mut Vec<O>, from: usize, old_to: usize, window: impl IntoIterator<Item = O>, change: TextChange) {
    let before = offsets.partition_point(|&o| o.get() < from);
    let after = offsets.partition_point(|&o| o.get() < old_to);
    for o in &mut offsets[after..] {
        *o = O::new(change.moved(o.get()));
    }
    let window: Vec<O> = window.into_iter().collect();
    offsets.reserve_exact(window.len().saturating_sub(after - before));
    offsets.splice(before..after, window);
}

/// An offset as a list of them holds it: `usize`, or `u32` where the
/// list is long (the name-list marks, [`names::Marks`]).
trait Offset: Copy {
    fn get(self) -> usize;
    fn new(offset: usize) -> Self;
}

impl Offset for usize {
    fn get(self) -> usize {
        self
    }
    fn new(offset: usize) -> usize {
        offset
    }
}

impl Offset for u32 {
    fn get(self) -> usize {
        self as usize
    }
    fn new(offset: usize) -> u32 {
        crate::text::pack_offset(offset)
    }
}

/// The previous masked text of the lines an edit touched, kept for
/// [`reparse`] (all it reads of the previous masked text): a copy of the
/// lines, or the whole text shared.
pub struct OldWindowText {
    /// Where `text` starts in the previous text.
    from: usize,
    text: Arc<str>,
    /// The previous text's length.
    old_len: usize,
    /// `text` is a copy of the lines (not the whole text shared).
    copied: bool,
}

impl OldWindowText {
    /// The lines of `masked` (the text before `change`) that `change` touched.
    pub fn of(masked: &str, change: TextChange) -> OldWindowText {
        let (from, to) = Self::lines_around(masked, change.start, change.old_end);
        OldWindowText { from, text: masked[from..to].into(), old_len: masked.len(), copied: true }
    }

    /// The lines of `masked` that hold `start..end`, copied when they come
    /// to at most `max` bytes, else all of `masked`, shared.
    pub fn spanning(masked: &Arc<str>, start: usize, end: usize, max: usize) -> OldWindowText {
        let (from, to) = Self::lines_around(masked, start, end);
        if to - from > max {
            return OldWindowText::whole(masked);
        }
        OldWindowText { from, text: masked[from..to].into(), old_len: masked.len(), copied: true }
    }

    /// All of `masked`, shared.
    pub fn whole(masked: &Arc<str>) -> OldWindowText {
        OldWindowText { from: 0, text: Arc::clone(masked), old_len: masked.len(), copied: false }
    }

    /// Whether this is a copy of some lines (not the whole text shared).
    pub fn is_copy(&self) -> bool {
        self.copied
    }

    /// From the start of the line of `start` to past the `\n` ending the line of `end`.
    fn lines_around(masked: &str, start: usize, end: usize) -> (usize, usize) {
        let old = masked.as_bytes();
        let from = memchr::memrchr(b'\n', &old[..start]).map_or(0, |i| i + 1);
        let to = memchr::memchr(b'\n', &old[end..]).map_or(old.len(), |i| end + i + 1);
        (from, to)
    }

    /// The previous text's bytes `from..to` (within the window).
    pub fn lines(&self, from: usize, to: usize) -> &str {
        &self.text[from - self.from..to - self.from]
    }

    pub fn old_len(&self) -> usize {
        self.old_len
    }
}

fn finish_keeping(masked: Arc<str>, reuse: Reuse, language: Language) -> (Document, Reuse) {
    let doc = build(masked, &reuse.lines, &reuse.marks, language, None);
    (doc, reuse)
}

/// The tree and everything on it, from classified lines (tables not yet marked).
fn build(
    masked: Arc<str>,
    lines: &[lines::Line],
    marks: &names::Marks,
    language: Language,
    mut carry: Option<&mut carry::Carry>,
) -> Document {
    let tables = tables(language);
    let table_rows = lines::table_rows(lines);
    let mut builder = Builder::new(&masked, tables);
    builder.run(lines, &table_rows);
    let Builder { mut nodes, roots, mut heading_spans, .. } = builder;
    nodes.shrink_to_fit();
    // The number markers of headings ("Article 5", "II.", "A.") are not references.
    for n in &nodes {
        if n.kind.is_heading() {
            if let Some(num) = n.number() {
                heading_spans.push(TextRange::new(n.opening().start.min(num.span.start), num.span.end));
            }
        }
    }
    heading_spans.sort_unstable();
    let mut doc = Document {
        language,
        nodes,
        roots,
        child_ids: Vec::new(),
        eids: Eids::default(),
        heading_spans,
        votes: Vec::new(),
        name_lists: Vec::new(),
        schemes: Vec::new(),
        containers: Vec::new(),
        masked: Arc::from(""),
        suffixed: Vec::new(),
    };
    doc.link_children();
    doc.suffixed = negotiation::suffixes(&doc.nodes, &masked);
    finish_ranges(&mut doc);
    doc.containers = containers(&doc);
    doc.schemes = scope::infer_schemes(&doc);
    if let Some(carry) = &mut carry {
        carry.compare(&doc);
    }
    if !carry.as_mut().is_some_and(|c| c.take_eids(&mut doc)) {
        eid::assign(&mut doc, &masked);
    }
    names::read_votes_and_lists(&mut doc, &masked, tables, marks, carry.as_ref().and_then(|c| c.for_names()));
    doc.masked = masked;
    doc
}

/// No node, in the builder's links.
const NO_NODE: u32 = u32::MAX;

fn level_of(node: &Node) -> u8 {
    match node.kind {
        NodeKind::TitleBlock => 5,
        NodeKind::Annex => 10,
        NodeKind::Part => 20,
        NodeKind::Section => 30,
        NodeKind::Subsection => 40,
        NodeKind::Article => 45,
        NodeKind::Subheading => 48 + node.level * 3,
        NodeKind::Crossheading => 58,
        NodeKind::Preamble => 60,
        NodeKind::PreambularParagraph | NodeKind::UnnumberedParagraph | NodeKind::Paragraph => 70,
        NodeKind::List => 75,
        NodeKind::ListItem => 78,
        NodeKind::Subparagraph => 78 + node.level * 2,
        NodeKind::RecordedVote => 95,
        NodeKind::VoteList => 97,
    }
}

struct Builder<'a> {
    masked: &'a str,
    tables: &'static Tables,
    nodes: Vec<Node>,
    roots: Vec<NodeId>,
    /// By node id, its last child and its previous sibling (`NO_NODE`:
    /// none), while the tree is built (the children's runs are made once
    /// it is: `Document::link_children`).
    last_child: Vec<u32>,
    previous_sibling: Vec<u32>,
    stack: Vec<NodeId>,
    heading_spans: Vec<TextRange>,
    in_title_phase: bool,
    /// The node that takes continuation lines, and how its last line ended.
    open_text: Option<NodeId>,
    open_unfinished: bool,
    open_colon: bool,
    /// The last line of the open text ends a clause (`;`, `,`, `:`), not a sentence.
    open_clause: bool,
    /// The last line of the open text ends with a comma.
    open_comma: bool,
    /// The open list inside a paragraph and its last item number.
    list: Option<(NodeId, u32)>,
    vote_list: Option<NodeId>,
    annex_title_pending: Option<NodeId>,
    /// Last section number seen in the current container (for I/V/X/C/L/D/M
    /// that could be a Roman section or a lettered subsection).
    last_section: u32,
    /// Last subsection letter in the current section.
    last_subsection: u32,
    last_paragraph: u32,
    /// Last numbered subheading in the current section or subsection.
    last_subheading: u32,
    /// The next line that is not blank (after the one being read).
    next_text: Option<Line>,
    /// The next line that is neither blank nor text (a numbered or lettered
    /// item, a heading), past hard-wrapped lines.
    next_item: Option<Line>,
    /// Paragraphs are separated by blank lines (text converted from Word,
    /// Markdown): a heading then stands between blank lines, and a heading
    /// pattern glued to text above and below is a cell of a table.
    blank_separated: bool,
}

impl<'a> Builder<'a> {
    fn new(masked: &'a str, tables: &'static Tables) -> Builder<'a> {
        Builder {
            masked,
            tables,
            nodes: Vec::new(),
            roots: Vec::new(),
            last_child: Vec::new(),
            previous_sibling: Vec::new(),
            stack: Vec::new(),
            heading_spans: Vec::new(),
            in_title_phase: true,
            open_text: None,
            open_unfinished: false,
            open_colon: false,
            open_clause: false,
            open_comma: false,
            list: None,
            vote_list: None,
            annex_title_pending: None,
            last_section: 0,
            last_subsection: 0,
            last_paragraph: 0,
            last_subheading: 0,
            next_text: None,
            next_item: None,
            blank_separated: false,
        }
    }

    fn text(&self, r: impl Into<TextRange>) -> &'a str {
        let r = r.into();
        &self.masked[r.start..r.end]
    }

    fn top(&self) -> Option<NodeId> {
        self.stack.last().copied()
    }

    /// The children of `id` opened so far, the last first.
    fn children_from_last(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        let last = Some(self.last_child[id]).filter(|&c| c != NO_NODE);
        std::iter::successors(last, |&c| Some(self.previous_sibling[c as usize]).filter(|&p| p != NO_NODE)).map(|c| c as NodeId)
    }

    fn pop_while(&mut self, mut pred: impl FnMut(&Node) -> bool) {
        while let Some(top) = self.top() {
            if pred(&self.nodes[top]) {
                self.stack.pop();
            } else {
                break;
            }
        }
        if let Some((list, _)) = self.list {
            if !self.stack.contains(&list) {
                self.list = None;
            }
        }
        if let Some(v) = self.vote_list {
            if !self.stack.contains(&v) {
                self.vote_list = None;
            }
        }
    }

    /// Opens a node: closes what it cannot be nested in, attaches it, pushes it.
    fn open(&mut self, kind: NodeKind, level: u8, number: Option<Number>, opening: TextRange, title: Option<TextRange>) -> NodeId {
        let mut node = Node::new(kind, level, number, opening, title);
        let new_level = level_of(&node);
        let closes_preamble = kind == NodeKind::Paragraph || kind == NodeKind::UnnumberedParagraph || new_level < 70;
        self.pop_while(|n| level_of(n) >= new_level || (closes_preamble && n.kind == NodeKind::Preamble && new_level >= 60));
        let id = self.nodes.len();
        node.set_parent(self.top());
        self.nodes.push(node);
        self.last_child.push(NO_NODE);
        match self.top() {
            Some(parent) => {
                self.previous_sibling.push(self.last_child[parent]);
                self.last_child[parent] = id as u32;
            }
            None => {
                self.previous_sibling.push(NO_NODE);
                self.roots.push(id);
            }
        }
        self.stack.push(id);
        id
    }

    fn set_open_text(&mut self, id: NodeId, last_line: TextRange) {
        self.open_text = Some(id);
        let s = self.text(last_line);
        self.open_unfinished = !ends_sentence(s);
        self.open_colon = ends_with_colon(s);
        self.open_clause = lines::ends_clause(s);
        self.open_comma = ends_with_comma(s);
    }

    fn close_open_text(&mut self) {
        self.open_text = None;
        self.open_unfinished = false;
        self.open_colon = false;
    }

    fn extend(&mut self, id: NodeId, line: TextRange) {
        let r = self.nodes[id].range();
        if line.end > r.end {
            self.nodes[id].set_range(TextRange::new(r.start, line.end));
        }
    }

    fn leave_title_phase(&mut self) {
        if self.in_title_phase {
            self.in_title_phase = false;
            self.stack.clear();
            self.close_open_text();
        }
    }

    fn nearest(&self, kinds: &[NodeKind]) -> Option<NodeId> {
        self.stack.iter().rev().copied().find(|&n| kinds.contains(&self.nodes[n].kind))
    }

    /// Reads the lines in order; a line flagged in `table_rows` is read as a row of a table.
    fn run(&mut self, lines: &[Line], table_rows: &[bool]) {
        let view = |i: usize| -> Option<std::borrow::Cow<'_, Line>> {
            let line = lines.get(i)?;
            Some(if table_rows[i] {
                std::borrow::Cow::Owned(Line { kind: LineKind::TableRow, ..line.clone() })
            } else {
                std::borrow::Cow::Borrowed(line)
            })
        };
        // Blank-separated layout: most long lines (paragraphs, not table
        // rows nor hard-wrapped lines) are followed by a blank line.
        let (mut texts, mut followed) = (0usize, 0usize);
        for w in lines.windows(2) {
            let long = w[0].range.len() > 100 && !matches!(w[0].kind, LineKind::Blank | LineKind::TableRow);
            if long && !w[0].inline && !w[1].inline {
                texts += 1;
                followed += usize::from(matches!(w[1].kind, LineKind::Blank));
            }
        }
        self.blank_separated = texts >= 10 && followed * 10 >= texts * 7;
        // About one node per line that is not blank (paragraphs, headings;
        // fewer where lines are hard-wrapped): reserved once, not grown by
        // copying the nodes over and over.
        let filled = lines.iter().filter(|l| !matches!(l.kind, LineKind::Blank)).count();
        self.nodes.reserve(filled + filled / 8 + 16);
        // The next non-blank line after each line, and the next line that
        // is neither blank nor text (`lines.len()`: none): cursors that move
        // forward with it (not an array of each over all the lines).
        let next_after =
            |from: usize, wanted: fn(&LineKind) -> bool| (from..lines.len()).find(|&j| wanted(&lines[j].kind)).unwrap_or(lines.len());
        let not_blank: fn(&LineKind) -> bool = |k| !matches!(k, LineKind::Blank);
        let not_text: fn(&LineKind) -> bool = |k| !matches!(k, LineKind::Blank | LineKind::Text);
        // (each copied for the builder when it moves: the next item line
        // stays the same over many lines)
        let (mut after, mut item) = (0, 0);
        for i in 0..lines.len() {
            if after <= i {
                after = next_after(i + 1, not_blank);
                self.next_text = view(after).map(|l| l.into_owned());
            }
            if item <= i {
                item = next_after(i + 1, not_text);
                self.next_item = view(item).map(|l| l.into_owned());
            }
            let (prev, line, next) = (i.checked_sub(1).and_then(view), view(i), view(i + 1));
            if let Some(line) = line {
                self.line(&line, prev.as_deref(), next.as_deref());
            }
        }
    }

    fn standalone(prev: Option<&Line>, next: Option<&Line>) -> bool {
        let next_ok = next.is_none_or(|n| n.kind.is_structural() || matches!(n.kind, LineKind::Blank) || n.inline);
        let prev_ok = prev.is_none_or(|p| !matches!(p.kind, LineKind::Text) || p.inline);
        next_ok && prev_ok
    }

    /// A heading pattern glued to text above and below in a document whose
    /// headings stand between blank lines: a cell of a table whose TABs
    /// were lost (`Category and subcategory` / `C. Substantive deliverables`).
    fn glued(&self, line: &Line, prev: Option<&Line>, next: Option<&Line>) -> bool {
        let texty = |l: Option<&Line>| l.is_some_and(|l| !matches!(l.kind, LineKind::Blank) && !l.inline);
        self.blank_separated && !line.inline && texty(prev) && texty(next)
    }

    fn line(&mut self, line: &Line, prev: Option<&Line>, next: Option<&Line>) {
        let r = line.range.get();
        if matches!(line.kind, LineKind::Section { .. } | LineKind::Subsection { .. }) && self.glued(line, prev, next) {
            self.text_line(line, prev, next);
            return;
        }
        match &line.kind {
            LineKind::Blank => {}
            LineKind::Annex { number, .. } => {
                self.leave_title_phase();
                self.stack.clear();
                let id = self.open(NodeKind::Annex, 0, (*number).map(PackedNumber::get), r, None);
                self.nodes[id].inline = line.inline;
                self.heading_spans.push(r);
                self.annex_title_pending = Some(id);
                self.last_section = 0;
                self.last_paragraph = 0;
                self.close_open_text();
            }
            LineKind::Part { number, title } => {
                self.leave_title_phase();
                let id = self.open(NodeKind::Part, 0, Some(number.get()), r, (*title).map(PackedRange::get));
                self.nodes[id].inline = line.inline;
                self.heading_spans.push(r);
                self.after_heading();
            }
            LineKind::Section { number, title } => {
                // I, V, X, L, C, D, M: a Roman section or a lettered
                // subsection? The reading that fits its own sequence better.
                let single_letter = number.span.len() == 1;
                let letter = crate::lang::numerals::parse_letter(self.text(number.span)).unwrap_or(0);
                let as_section = number.value.abs_diff(self.last_section + 1);
                let as_subsection = letter.abs_diff(self.last_subsection + 1);
                // A Roman reading that implies several missing sections loses
                // to the letter reading (`C.` after `A.`, `B.` in an annex).
                if single_letter && as_subsection < as_section && (self.nearest(&[NodeKind::Section]).is_some() || as_section > 2) {
                    // "C. Mission support": a lettered subsection, not section 100.
                    let letter = crate::lang::numerals::parse_letter(self.text(number.span)).unwrap_or(number.value);
                    let n = Number { value: letter, span: number.span.get(), style: NumberStyle::CapitalLetter };
                    self.subsection(line, n, (*title).map(PackedRange::get));
                    return;
                }
                self.leave_title_phase();
                self.last_section = number.value;
                self.last_subsection = 0;
                let id = self.open(NodeKind::Section, 0, Some(number.get()), r, (*title).map(PackedRange::get));
                self.nodes[id].inline = line.inline;
                self.after_heading();
            }
            LineKind::Subsection { number, title } => {
                let letters = self.text(number.span);
                // `S. Decides…` where paragraph 5 is due: a letter for a digit.
                if let Some(digit) = lines::digit_for_letter(letters) {
                    let title_upper = title.is_some_and(|t| self.text(t).chars().next().is_some_and(char::is_uppercase));
                    let open_paragraph = self.open_text.is_some_and(|t| self.nodes[t].kind == NodeKind::Paragraph);
                    if title_upper && open_paragraph && self.open_clause && self.last_subsection == 0 && digit == self.last_paragraph + 1 {
                        let n = Number { value: digit, span: number.span.get(), style: NumberStyle::Arabic };
                        let id = self.open(NodeKind::Paragraph, 0, Some(n), r, None);
                        self.nodes[id].slip = Some(Slip::LetterForDigit);
                        self.last_paragraph = digit;
                        self.set_open_text(id, r);
                        return;
                    }
                }
                // A bare `A` before the enacting formula opens part A of a resolution.
                let before_formula = self.next_text.as_ref().is_some_and(|n| matches!(n.kind, LineKind::PreambleFormula));
                if title.is_none() && self.in_title_phase && !before_formula {
                    self.text_line(line, prev, next);
                    return;
                }
                // A bare `I`, `V`, `X`: a Roman part marker when that reads better.
                if title.is_none() && number.style == NumberStyle::CapitalLetter {
                    if let Some(roman) = crate::lang::numerals::parse_roman(letters).filter(|_| letters.len() == 1) {
                        // (only where no lettered part runs: `I` after `H` is a letter)
                        if self.last_subsection == 0
                            && roman.abs_diff(self.last_section + 1) < number.value.abs_diff(self.last_subsection + 1)
                        {
                            let n = Number { value: roman, span: number.span.get(), style: NumberStyle::Roman };
                            self.line(&Line { kind: LineKind::Section { number: n.into(), title: None }, ..line.clone() }, prev, next);
                            return;
                        }
                    }
                }
                self.subsection(line, number.get(), (*title).map(PackedRange::get));
            }
            LineKind::Article { number, title } => {
                self.leave_title_phase();
                let id = self.open(NodeKind::Article, 0, Some(number.get()), r, (*title).map(PackedRange::get));
                self.nodes[id].inline = line.inline;
                self.after_heading();
            }
            LineKind::PreambleFormula => {
                self.leave_title_phase();
                let id = self.open(NodeKind::Preamble, 0, None, r, Some(r));
                self.after_heading();
                self.open_text = None;
                let _ = id;
            }
            LineKind::VoteHeading { side, rest } => {
                if self.in_title_phase {
                    self.text_line(line, prev, next);
                    return;
                }
                let holder = self.nearest(&[
                    NodeKind::Paragraph,
                    NodeKind::UnnumberedParagraph,
                    NodeKind::ListItem,
                    NodeKind::Subparagraph,
                    NodeKind::PreambularParagraph,
                ]);
                let vote = self.nearest(&[NodeKind::RecordedVote]).filter(|&v| self.nodes[v].parent() == holder);
                if vote.is_none() {
                    if let Some(h) = holder {
                        self.pop_while(|n| level_of(n) >= 95);
                        while self.top() != Some(h) && self.top().is_some() {
                            self.stack.pop();
                        }
                    }
                    self.open(NodeKind::RecordedVote, 0, None, r, None);
                }
                let id = self.open(NodeKind::VoteList, 0, None, r, Some(TextRange::new(r.start, rest.start())));
                self.nodes[id].vote_side = Some(*side);
                self.vote_list = Some(id);
                self.open_text = Some(id);
                self.open_unfinished = false;
                self.open_colon = false;
            }
            LineKind::Numbered { number, rest, slip } => self.numbered(line, number.get(), rest.get(), *slip, prev, next),
            LineKind::Lettered { number, rest, slip: None } => self.lettered(line, number.get(), rest.get(), prev, next),
            LineKind::Lettered { number, slip: Some(slip), .. } => self.slipped_label(line, number.get(), *slip, prev, next),
            LineKind::PreambularNumbered { .. } => {
                // `PP3 Recalling…`: a preambular paragraph numbered in its own sequence.
                if self.in_title_phase {
                    self.leave_title_phase();
                }
                self.annex_title_pending = None;
                self.list = None;
                let number = match &line.kind {
                    LineKind::PreambularNumbered { number, .. } => *number,
                    _ => unreachable!(),
                };
                let id = self.open(NodeKind::PreambularParagraph, 0, Some(number.get()), r, None);
                self.set_open_text(id, r);
            }
            LineKind::Text => self.text_line(line, prev, next),
            LineKind::TableRow => {
                if self.in_title_phase {
                    self.text_line(line, prev, next);
                } else if let Some(open) = self.open_text.or(self.top()) {
                    self.extend(open, r);
                }
            }
        }
    }

    fn after_heading(&mut self) {
        if let Some(top) = self.top() {
            if matches!(self.nodes[top].kind, NodeKind::Section | NodeKind::Subsection | NodeKind::Annex | NodeKind::Part) {
                self.last_subheading = 0;
            }
        }
        self.close_open_text();
        self.annex_title_pending = None;
        self.list = None;
        self.vote_list = None;
    }

    fn subsection(&mut self, line: &Line, number: Number, title: Option<TextRange>) {
        self.leave_title_phase();
        self.last_subsection = number.value;
        let id = self.open(NodeKind::Subsection, 0, Some(number), line.range.get(), title);
        self.nodes[id].inline = line.inline;
        self.after_heading();
    }

    fn numbered(&mut self, line: &Line, number: Number, rest: TextRange, slip: Option<Slip>, prev: Option<&Line>, next: Option<&Line>) {
        let r = line.range.get();
        let rest_text = self.text(rest);
        let prev_unfinished = prev.is_some_and(|p| {
            matches!(p.kind, LineKind::Text | LineKind::TableRow | LineKind::Numbered { slip: Some(_), .. })
                && !ends_sentence(self.text(p.range))
        });
        let unfinished_above = (self.open_text.is_some() && self.open_unfinished && !self.in_title_phase) || prev_unfinished;
        if slip.is_some() {
            // `7, Requests`: a paragraph only where 7 is the next paragraph
            // and the paragraph above ends a clause (`;`, `,`, `:`), as the
            // paragraphs of a resolution do; otherwise plain text (a date
            // `1 December 1973`, a footnote `6 Ibid.`).
            let no_colon = !self.open_colon;
            let clause_above = no_colon
                && self.open_text.is_some_and(|t| {
                    let t = &self.nodes[t];
                    matches!(
                        t.kind,
                        NodeKind::Paragraph | NodeKind::PreambularParagraph | NodeKind::UnnumberedParagraph | NodeKind::Subparagraph
                    )
                })
                && self.open_clause;
            // (a comma or a letter for a digit cannot be a date or a footnote)
            let fits = number.value == self.last_paragraph + 1
                && self.list.is_none()
                && !unfinished_above
                && !self.in_title_phase
                && (clause_above || slip != Some(Slip::NoStop));
            if !fits {
                self.text_line(line, prev, next);
                return;
            }
            let id = self.open(NodeKind::Paragraph, 0, Some(number), r, None);
            self.nodes[id].slip = slip;
            self.last_paragraph = number.value;
            self.set_open_text(id, r);
            return;
        }
        // `19.3 The Commission…`: a paragraph of a decimal sequence of its
        // own (a short line without a full stop stays a heading of text).
        if number.style == NumberStyle::Decimal {
            // (only the line right above can be wrapped into it: a caption
            // without a full stop above a blank line does not continue)
            let wrapped = self.open_text.is_some() && self.open_unfinished && prev_unfinished;
            if wrapped || (!ends_sentence(rest_text) && is_narrow(rest_text)) {
                self.text_line(line, prev, next);
                return;
            }
            if self.in_title_phase {
                self.leave_title_phase();
            }
            self.annex_title_pending = None;
            self.list = None;
            let id = self.open(NodeKind::Paragraph, 0, Some(number), r, None);
            self.set_open_text(id, r);
            return;
        }
        // A number far beyond the paragraphs on a line that continues an
        // unfinished one is wrapped text (`…by 31 October` / `1963.`).
        let last_number = self.last_paragraph.max(self.last_subheading).max(self.list.map_or(0, |(_, last)| last));
        let far = number.value > last_number + 5;
        if far && (unfinished_above || (rest_text.is_empty() && number.value >= 1000)) {
            self.text_line(line, prev, next);
            return;
        }
        if self.in_title_phase {
            self.leave_title_phase();
        }
        self.annex_title_pending = None;
        // An open list inside a paragraph continues while its numbers do.
        if let Some((list, last)) = self.list {
            // When the number fits both the list and the paragraphs, an item
            // right below the previous one (no blank line) or a short one
            // continues the list.
            let fits_paragraph = number.value == self.last_paragraph + 1;
            let contiguous = prev.is_some_and(|p| !matches!(p.kind, LineKind::Blank));
            // (at most 100 or 40 characters, counted no further than that)
            let short = rest_text.chars().nth(if self.tables.data.full_stop_ends_sentence { 100 } else { 40 }).is_none();
            // A list tolerates its own numbering mistakes (a missing, repeated
            // or swapped item) as long as the items stay together.
            let near = number.value <= last + 3 && number.value + 3 >= last;
            let exact = number.value == last + 1;
            let stays = if fits_paragraph { contiguous && short } else { contiguous || short };
            if (exact && (!fits_paragraph || self.open_colon || contiguous || short)) || (!exact && near && stays) {
                self.pop_while(|n| n.kind != NodeKind::List);
                let item = self.open(NodeKind::ListItem, 0, Some(number), r, None);
                self.list = Some((list, number.value.max(last)));
                self.set_open_text(item, r);
                return;
            }
            self.list = None;
        }
        let holder = self
            .open_text
            .filter(|&t| matches!(self.nodes[t].kind, NodeKind::Paragraph | NodeKind::UnnumberedParagraph | NodeKind::PreambularParagraph));
        if let Some(holder) = holder {
            // (a list whose first two items were swapped starts at 2)
            if self.open_colon && number.value <= 2 && number.value != self.last_paragraph + 1 && self.last_paragraph >= 1 {
                // A numbered list introduced by a colon (an agenda).
                while self.top() != Some(holder) && self.top().is_some() {
                    self.stack.pop();
                }
                let list = self.open(NodeKind::List, 0, None, r, None);
                let item = self.open(NodeKind::ListItem, 0, Some(number), r, None);
                self.list = Some((list, number.value));
                self.set_open_text(item, r);
                return;
            }
        }
        // A heading has no closing punctuation and stands on its own; a long
        // one still is a heading when it continues the subheadings' numbers.
        let continues_headings = self.last_subheading > 0
            && number.value + 1 >= self.last_subheading
            && number.value <= self.last_subheading + 3
            && number.value != self.last_paragraph + 1;
        // Not a heading: a line whose text goes on below in lower case
        // (hard-wrapped across a blank line), nor a long sentence that
        // continues the paragraphs' numbers where there are no subheadings.
        let wraps = self.next_text.as_ref().is_some_and(|n| match n.kind {
            LineKind::Text => starts_lower(self.text(n.range)),
            // `…report of` / `7 August 1992 (S/24389);`: a date, not paragraph 7.
            // (a slip is never a heading's follower: `2 April 1993 (S/25518)`)
            LineKind::Numbered { slip: Some(_), .. } => true,
            // `…for the purposes of paragraph 3` / `(c) and 4 of resolution…`
            LineKind::Lettered { rest, .. } => starts_lower(self.text(rest)) && !self.tables.data.lower_case_paragraphs,
            // `…by 31 October` / `1963.`: a year, far beyond the numbers.
            LineKind::Numbered { number: m, slip: None, .. } => m.value > number.value.max(self.last_paragraph) + 5,
            _ => false,
        });
        // (counted only where the rest would make a heading: a Chinese
        // line has no blanks, and counting its words decodes all of it)
        let continues_paragraphs = || {
            number.value == self.last_paragraph + 1 && self.last_paragraph > 0 && self.last_subheading == 0 && over_seven_words(rest_text)
        };
        let heading = !rest_text.is_empty()
            && !ends_sentence(rest_text)
            && !wraps
            && (is_short(rest_text) || continues_headings)
            && Self::standalone(None, next)
            && !continues_paragraphs();
        if heading {
            self.last_subheading = number.value;
            let id = self.open(NodeKind::Subheading, 1, Some(number), r, Some(rest));
            self.nodes[id].inline = line.inline;
            self.after_heading();
            let _ = prev;
            return;
        }
        let id = self.open(NodeKind::Paragraph, 0, Some(number), r, None);
        self.last_paragraph = number.value;
        self.set_open_text(id, r);
        // `10. (a) The Government…`: the paragraph opens with its first subparagraph.
        let label_first = opens_with_label(rest_text);
        if let Some(LineKind::Lettered { number: m, slip: None, .. }) = label_first.then(|| lines::classify(self.masked, rest, self.tables))
        {
            if crate::lang::numerals::parse_letter(self.text(m.span)) == Some(1) {
                let sub = self.open(
                    NodeKind::Subparagraph,
                    1,
                    Some(Number { value: 1, span: m.span.get(), style: NumberStyle::Letter }),
                    rest,
                    None,
                );
                self.nodes[sub].inline = true;
                self.set_open_text(sub, r);
            }
        }
    }

    /// `(6) To place…` between `(a)` and `(c)`: the letter due, with its slip
    /// reported; otherwise text.
    fn slipped_label(&mut self, line: &Line, number: Number, slip: Slip, prev: Option<&Line>, next: Option<&Line>) {
        let holder = self.nearest(&[NodeKind::Paragraph, NodeKind::ListItem, NodeKind::UnnumberedParagraph, NodeKind::PreambularParagraph]);
        let open_letter =
            self.stack.iter().rev().copied().find(|&n| self.nodes[n].kind == NodeKind::Subparagraph && self.nodes[n].level == 1);
        let last = open_letter.and_then(|n| self.nodes[n].number()).filter(|n| n.style == NumberStyle::Letter).map(|n| n.value);
        let due = last.map_or(1, |v| v + 1);
        let next_letter = self.next_item.as_ref().and_then(|n| match n.kind {
            LineKind::Lettered { number: m, slip: None, .. } => crate::lang::numerals::parse_letter(self.text(m.span)),
            _ => None,
        });
        // A digit needs the letters on both sides; a stray character, the letter due.
        let fits = match slip {
            Slip::DigitForLetter | Slip::Sign => next_letter == Some(due + 1) && (last.is_some() || self.open_colon),
            _ => number.value == due && (last.is_some() || next_letter == Some(due + 1)),
        };
        let Some(h) = holder.filter(|_| fits && !self.in_title_phase) else {
            self.text_line(line, prev, next);
            return;
        };
        let hl = level_of(&self.nodes[h]);
        self.pop_while(|n| level_of(n) >= 80 && level_of(n) > hl);
        let n = Number { value: due, span: number.span, style: NumberStyle::Letter };
        let id = self.open(NodeKind::Subparagraph, 1, Some(n), line.range.get(), None);
        self.nodes[id].slip = Some(slip);
        self.set_open_text(id, line.range.get());
    }

    fn lettered(&mut self, line: &Line, number: Number, rest: TextRange, prev: Option<&Line>, next: Option<&Line>) {
        let r = line.range.get();
        let rest_text = self.text(rest);
        // `…for the purposes of paragraphs 3` / `(c) and 4 of resolution…`:
        // a hard-wrapped reference, where items start in upper case.
        let prev_unfinished = prev.is_some_and(|p| matches!(p.kind, LineKind::Text) && !ends_sentence(self.text(p.range)))
            || (self.open_text.is_some() && self.open_unfinished && prev.is_some_and(|p| !matches!(p.kind, LineKind::Blank)));
        if !self.tables.data.lower_case_paragraphs && prev_unfinished && starts_lower(rest_text) {
            self.text_line(line, prev, next);
            return;
        }
        let letters = self.text(number.span);
        let in_subparagraph = self.nearest(&[NodeKind::Subparagraph]);
        let holder = self.nearest(&[NodeKind::Paragraph, NodeKind::ListItem, NodeKind::UnnumberedParagraph, NodeKind::PreambularParagraph]);
        let context_list = self.open_colon || in_subparagraph.is_some();
        let heading_like = !rest_text.is_empty() && !ends_sentence(rest_text) && is_short(rest_text) && Self::standalone(None, next);
        if holder.is_none() || (!context_list && heading_like) {
            if self.in_title_phase {
                self.text_line(line, prev, next);
                return;
            }
            let value = crate::lang::numerals::parse_letter(letters).unwrap_or(number.value);
            let style = if crate::lang::numerals::parse_letter(letters).is_some() { NumberStyle::Letter } else { number.style };
            let n = Number { value, span: number.span, style };
            let id = self.open(NodeKind::Subheading, 2, Some(n), r, Some(rest));
            self.nodes[id].inline = line.inline;
            self.after_heading();
            return;
        }
        // Letter or Roman? "(i)" after "(h)" is a letter; inside a lettered
        // subparagraph it starts the Roman level.
        let letter = crate::lang::numerals::parse_letter(letters);
        let roman = crate::lang::numerals::parse_roman(letters);
        let open_letter_level =
            self.stack.iter().rev().copied().find(|&n| self.nodes[n].kind == NodeKind::Subparagraph && self.nodes[n].level == 1);
        let (value, style, level) = match (letter, roman) {
            (Some(l), Some(ro)) => {
                let prev_letter = open_letter_level.and_then(|n| self.nodes[n].number()).map(|n| n.value);
                // The Roman numeral the level below the open letter expects next.
                let next_roman = open_letter_level.map(|n| {
                    let last = self.children_from_last(n).find_map(|c| {
                        let c = &self.nodes[c];
                        (c.kind == NodeKind::Subparagraph && c.level == 2).then_some(c.number().map(|x| x.value).unwrap_or(0))
                    });
                    last.unwrap_or(0) + 1
                });
                // A Roman level already open under the letter continues even
                // past a skipped numeral: (i), (iii).
                let roman_open = next_roman.is_some_and(|n| n > 1 && ro >= n.saturating_sub(1) && ro <= n + 3);
                // `(i)` followed by `(j)` at the same level is the letter,
                // even after `(g)` (a letter was skipped).
                let next_is_letter_after = self.next_text.as_ref().is_some_and(|n| match n.kind {
                    LineKind::Lettered { number: m, .. } => crate::lang::numerals::parse_letter(self.text(m.span)) == Some(l + 1),
                    _ => false,
                });
                let prev_roman = open_letter_level.and_then(|n| self.nodes[n].number()).is_some_and(|n| n.style == NumberStyle::LowerRoman);
                match prev_letter {
                    // A list numbered (i), (ii), (iii) at the first level.
                    Some(p) if prev_roman && ro == p + 1 => (ro, NumberStyle::LowerRoman, 1),
                    // `(i)` opening a list where no letter is open, followed by `(ii)`.
                    None if ro == 1
                        && self.next_text.as_ref().is_some_and(|n| match n.kind {
                            LineKind::Lettered { number: m, .. } => self.text(m.span) == "ii",
                            _ => false,
                        }) =>
                    {
                        (1, NumberStyle::LowerRoman, 1)
                    }
                    Some(p) if l == p + 1 => (l, NumberStyle::Letter, 1),
                    Some(p) if l > p && l <= p + 3 && next_is_letter_after => (l, NumberStyle::Letter, 1),
                    // `(ii)` where no letter runs: Roman 2, not the 35th letter.
                    None if l > 26 && ro <= 10 => (ro, NumberStyle::LowerRoman, 1),
                    Some(_) if next_roman == Some(ro) || roman_open => (ro, NumberStyle::LowerRoman, 2),
                    _ => (l, NumberStyle::Letter, 1),
                }
            }
            (Some(l), None) => (l, NumberStyle::Letter, 1),
            (None, Some(ro)) => (ro, NumberStyle::LowerRoman, if open_letter_level.is_some() { 2 } else { 1 }),
            // Arabic `(ب)` (level 1) and `’2‘` (level 2 under a letter).
            (None, None) => (number.value, number.style, if open_letter_level.is_some() { number.style.subparagraph_level() } else { 1 }),
        };
        if let Some(h) = holder {
            // Close subparagraphs at this level or deeper, keep the holder.
            let hl = level_of(&self.nodes[h]);
            let target = 78 + level * 2;
            self.pop_while(|n| level_of(n) >= target && level_of(n) > hl);
        }
        let id = self.open(NodeKind::Subparagraph, level, Some(Number { value, span: number.span, style }), r, None);
        self.set_open_text(id, r);
    }

    fn text_line(&mut self, line: &Line, prev: Option<&Line>, next: Option<&Line>) {
        let r = line.range.get();
        let s = self.text(r);
        if self.in_title_phase {
            let id = match self.roots.first().copied().filter(|&n| self.nodes[n].kind == NodeKind::TitleBlock) {
                Some(id) => id,
                None => self.open(NodeKind::TitleBlock, 0, None, r, None),
            };
            self.extend(id, r);
            return;
        }
        if let Some(v) = self.vote_list {
            self.extend(v, r);
            if let Some(parent) = self.nodes[v].parent() {
                self.extend(parent, r);
            }
            return;
        }
        if let Some(annex) = self.annex_title_pending {
            if !ends_sentence(s) && is_short(s) {
                let title = match self.nodes[annex].title() {
                    Some(t) => t.cover(r),
                    None => r,
                };
                self.nodes[annex].set_title(Some(title));
                self.extend(annex, r);
                return;
            }
            self.annex_title_pending = None;
        }
        // A line that starts in lower case continues the paragraph above
        // (hard-wrapped text: "…for the implementation of paragraph 8,\nthe following:").
        // Where paragraphs themselves begin in lower case (Russian), only a
        // line with no blank line before it continues.
        let lower_start =
            starts_lower(s) && !(self.tables.data.lower_case_paragraphs && prev.is_some_and(|p| matches!(p.kind, LineKind::Blank)));
        // In an operative paragraph, a line ending with a comma goes on
        // below, even in upper case (`…the peoples of Angola,` / `Mozambique…`).
        let comma_wrap = self.open_comma
            && prev.is_some_and(|p| !matches!(p.kind, LineKind::Blank))
            && self
                .open_text
                .is_some_and(|t| matches!(self.nodes[t].kind, NodeKind::Paragraph | NodeKind::Subparagraph | NodeKind::ListItem));
        // A sentence glued to a lettered item, with more items below, is
        // part of the item (`…within its competence.` / `Upon agreement…`).
        let inside_list = prev.is_some_and(|p| !matches!(p.kind, LineKind::Blank))
            && self.open_text.is_some_and(|t| self.nodes[t].kind == NodeKind::Subparagraph)
            && self.next_item.as_ref().is_some_and(|n| matches!(n.kind, LineKind::Lettered { .. }));
        if let Some(open) = self.open_text {
            if self.open_unfinished || self.open_colon || lower_start || comma_wrap || inside_list {
                self.extend(open, r);
                self.set_open_text(open, r);
                if self.open_colon {
                    // Entries of a list introduced by a colon keep it open.
                    self.open_colon = true;
                }
                return;
            }
        }
        // A short line whose text goes on below, after a blank line, in
        // lower case or with a figure (`Adoptée à la 500e séance par` /
        // `8 voix contre zéro…`) is a paragraph split by the blank, not a heading.
        let goes_on = self.next_text.as_ref().is_some_and(|n| {
            let t = self.text(n.range);
            matches!(n.kind, LineKind::Text) && (starts_lower(t) || figure_then_lower(t))
        });
        if !ends_sentence(s) && is_short(s) && Self::standalone(prev, next) && !goes_on {
            let id = self.open(NodeKind::Crossheading, 0, None, r, Some(r));
            self.nodes[id].inline = line.inline;
            self.after_heading();
            return;
        }
        let mut in_preamble = self.nearest(&[NodeKind::Preamble]).is_some();
        // An operative verb alone with a colon, followed by lettered items
        // (`决定：`, `Décide :`, `يقرر:`), starts the operative part.
        if in_preamble && ends_with_colon(s) && is_operative_chapeau(s) {
            let lettered_below = self.next_text.as_ref().is_some_and(|n| matches!(n.kind, LineKind::Lettered { .. }));
            if lettered_below {
                in_preamble = false;
            }
        }
        // A paragraph whose number a conversion replaced by a dash
        // (`- Insta…`, `– Decide…`) is operative when an operative verb opens it.
        if in_preamble && dashed(self.masked, r) && opens_with_operative_verb(s, self.tables.data.operative_verbs) {
            in_preamble = false;
        }
        let kind = if in_preamble { NodeKind::PreambularParagraph } else { NodeKind::UnnumberedParagraph };
        let id = self.open(kind, 0, None, r, None);
        self.set_open_text(id, r);
    }
}

// What the builder reads of a line's text (and `keep` compares, to tell
// whether the builder would decide again as it did).

/// Starts with a lower-case letter.
fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

/// A figure, a space and a lower-case letter (`8 voix contre…`).
fn figure_then_lower(s: &str) -> bool {
    let after_figure = s.trim_start_matches(|c: char| c.is_ascii_digit());
    after_figure.len() < s.len() && after_figure.starts_with(' ') && starts_lower(&after_figure[1..])
}

fn ends_with_comma(s: &str) -> bool {
    s.trim_end().ends_with([',', '，', '،'])
}

/// Narrower than 25 columns, a wide character counting two (a caption
/// rather than a paragraph after a decimal number).
fn is_narrow(s: &str) -> bool {
    let mut width = 0usize;
    for c in s.chars() {
        width += if (c as u32) >= 0x2E80 { 2 } else { 1 };
        if width >= 25 {
            return false;
        }
    }
    true
}

fn over_seven_words(s: &str) -> bool {
    s.split_whitespace().nth(7).is_some()
}

/// `10. (a) The Government…`: the text after a number opens with a label.
fn opens_with_label(s: &str) -> bool {
    s.starts_with(['(', '（'])
}

/// A dash before the content of the line `r` lies on (`- Decide…`: a
/// number a conversion replaced).
fn dashed(masked: &str, r: TextRange) -> bool {
    let line_start = masked[..r.start].rfind('\n').map_or(0, |i| i + 1);
    masked[line_start..r.start].trim().starts_with(['-', '–', '—'])
}

/// `Insta a…`, `Decide…`: the text opens with one of `verbs` as a word.
fn opens_with_operative_verb(s: &str, verbs: &[&str]) -> bool {
    let s = s.trim_start().trim_start_matches(['-', '–', '—']).trim_start();
    let word = s.split(|c: char| !c.is_alphabetic()).next().unwrap_or_default();
    // Chinese writes no space after the verb (`敦促各国…`): it opens the run.
    if word.starts_with(|c: char| (c as u32) >= 0x2E80) {
        return verbs.iter().any(|v| word.starts_with(v));
    }
    !word.is_empty() && verbs.contains(&word)
}

/// A line short enough to be a verb alone before a colon: at most three
/// words (`Décide :`, `Decides further:`) or eight wide characters (`决定：`).
fn is_operative_chapeau(s: &str) -> bool {
    let t = s.trim_end().trim_end_matches([':', '：']).trim_end();
    let wide = t.chars().filter(|c| (*c as u32) >= 0x2E80).count();
    if wide > 0 {
        return t.chars().count() <= 8;
    }
    (1..=3).contains(&t.split_whitespace().count())
}

/// Extends every node's range over its children.
/// The annex each node is in ([`Document::container_of`]), by node id, in
/// one pass down the tree: a node's container is itself (an annex) or its
/// parent's, read without a walk up the ancestors of each node.
fn containers(doc: &Document) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::with_capacity(doc.nodes.len());
    for (id, n) in doc.nodes.iter().enumerate() {
        let container = match n.parent() {
            _ if n.kind == NodeKind::Annex => id as u32,
            // (a parent is opened before its children)
            Some(p) if p < id => out[p],
            _ => doc.container_of(id).map_or(u32::MAX, |c| c as u32),
        };
        out.push(container);
    }
    out
}

fn finish_ranges(doc: &mut Document) {
    for id in (0..doc.nodes.len()).rev() {
        let end = doc.children(id).iter().map(|&c| doc.nodes[c].range().end).max();
        if let Some(end) = end {
            let r = doc.nodes[id].range();
            doc.nodes[id].set_range(TextRange::new(r.start, r.end.max(end)));
        }
    }
}

#[cfg(test)]
mod tests;
