//! Lists of names: the lists of a recorded vote (with the stated figures),
//! and other lists of States in a paragraph (speakers, the bureau). Names
//! are split at the language's separators; a final conjunction ("和",
//! " and ") is split off only when both halves are States, so that
//! "安提瓜和巴布达" stays one name and "马拉维和吉布提" becomes two.

use crate::lang::numerals::parse_digits;
use crate::lang::states::lookup;
use crate::lang::tables::{Tables, VoteSide};
use crate::text::TextRange;

use super::tree::*;

/// How many States in a row make a list of names.
const MIN_RUN: usize = 4;

pub fn read_votes_and_lists(doc: &mut Document, masked: &str, tables: &Tables, marks: &Marks) {
    let mut marks = Sweeps::new(marks);
    let mut votes = Vec::new();
    let mut has_vote: Vec<bool> = vec![false; doc.nodes.len()];
    for id in 0..doc.nodes.len() {
        if doc.nodes[id].kind != NodeKind::RecordedVote {
            continue;
        }
        let Some(paragraph) = doc.nodes[id].parent else { continue };
        has_vote[paragraph] = true;
        let own = own_text(doc, paragraph);
        let (figures_range, figures, mut extra) = read_figures(masked, own, tables, doc);
        let mut lists = Vec::new();
        for &child in &doc.nodes[id].children {
            let node = &doc.nodes[child];
            let (Some(side), Some(heading)) = (node.vote_side, node.title) else { continue };
            let content = TextRange::new(heading.end, node.range.end);
            let items = split_names(masked, content, tables, doc.language, false);
            let none = items.len() == 1 && is_none_word(masked, &items[0], tables);
            lists.push(VoteListData { side, node: Some(child), heading, items: if none { Vec::new() } else { items }, none });
        }
        // Names given with the figures, when there are no lists below.
        extra.retain(|l| !lists.iter().any(|x: &VoteListData| x.side == l.side));
        lists.extend(extra);
        votes.push(RecordedVoteData { paragraph, node: Some(id), figures_range, figures, lists });
    }
    // Votes stated in one sentence, Security Council style.
    for (id, voted) in has_vote.iter().enumerate() {
        if *voted || !is_text_node(doc.nodes[id].kind) {
            continue;
        }
        let own = own_text(doc, id);
        if !marks.may_state_figures(own) {
            continue;
        }
        let (figures_range, figures, lists) = read_figures(masked, own, tables, doc);
        if figures_range.is_some() {
            votes.push(RecordedVoteData { paragraph: id, node: None, figures_range, figures, lists });
        }
    }
    votes.sort_by_key(|v| doc.nodes[v.paragraph].range.start);
    doc.votes = votes;

    let mut name_lists = Vec::new();
    for id in 0..doc.nodes.len() {
        if !is_text_node(doc.nodes[id].kind) {
            continue;
        }
        let own = own_text(doc, id);
        // A list of names has separators between them: skip prose without.
        // Names are short: prose with a comma every sentence is no list, nor
        // is hard-wrapped prose with a line end every sixty characters.
        if own.len() < MIN_RUN * 2 {
            continue;
        }
        let separators = marks.separators.count_in(own);
        let lines = marks.line_ends.count_in(own) + 1;
        let dense = |n: usize, per: usize| n + 1 >= MIN_RUN && own.len() <= (n + 1) * per;
        if !dense(separators, 40) && !dense(lines, 40) {
            continue;
        }
        let items = split_names(masked, own, tables, doc.language, true);
        // Runs of States; one short unknown name inside a run (a State the
        // table lacks, a misspelling) does not end it.
        let mut run: Vec<NameItem> = Vec::new();
        let mut pending: Option<NameItem> = None;
        for item in items.into_iter().chain(std::iter::once(sentinel())) {
            if item.state.is_some() {
                if let Some(p) = pending.take() {
                    run.push(p);
                }
                run.push(item);
            } else if pending.is_none() && !run.is_empty() && item.name.len() <= 60 && !item.key.is_empty() {
                pending = Some(item);
            } else {
                pending = None;
                if run.iter().filter(|i| i.state.is_some()).count() >= MIN_RUN {
                    name_lists.push(NameList { paragraph: id, items: std::mem::take(&mut run) });
                }
                run.clear();
            }
        }
    }
    doc.name_lists = name_lists;
}

/// Where the marks that the pre-checks count lie in the text: list
/// separators, line ends, and the word every statement of vote figures
/// contains, each found with a vectorised search (not a pass over every
/// node's bytes). Each mark lies within a line, so after an edit only the
/// lines it touched are searched again ([`super::reparse`]).
#[derive(Clone)]
pub struct Marks {
    pub separators: Vec<usize>,
    pub line_ends: Vec<usize>,
    /// `None` when the language has no such word: every node is read.
    pub hints: Option<Vec<usize>>,
}

impl Marks {
    /// The marks in `text`, which starts at offset `base` of the document.
    pub fn find(text: &str, base: usize, tables: &Tables) -> Marks {
        let bytes = text.as_bytes();
        let mut separators: Vec<usize> = Vec::new();
        for c in tables.data.list_separators {
            let mut buf = [0u8; 4];
            let needle = c.encode_utf8(&mut buf).as_bytes();
            separators.extend(memchr::memmem::find_iter(bytes, needle).map(|i| base + i));
        }
        separators.sort_unstable();
        let line_ends = memchr::memchr_iter(b'\n', bytes).map(|i| base + i).collect();
        let hint = tables.data.vote_figures_hint.as_bytes();
        let hints = (!hint.is_empty()).then(|| memchr::memmem::find_iter(bytes, hint).map(|i| base + i).collect());
        Marks { separators, line_ends, hints }
    }
}

/// The marks as sweeps over the nodes, in text order.
struct Sweeps<'m> {
    separators: Sweep<'m>,
    line_ends: Sweep<'m>,
    hints: Option<Sweep<'m>>,
}

impl<'m> Sweeps<'m> {
    fn new(marks: &'m Marks) -> Sweeps<'m> {
        Sweeps {
            separators: Sweep::new(&marks.separators),
            line_ends: Sweep::new(&marks.line_ends),
            hints: marks.hints.as_deref().map(Sweep::new),
        }
    }

    /// Whether the vote-figures word may be inside `range`.
    fn may_state_figures(&mut self, range: TextRange) -> bool {
        self.hints.as_mut().is_none_or(|h| h.count_in(range) > 0)
    }
}

/// Sorted offsets, counted range by range with a cursor that moves forward
/// (and searches again when a range starts before the last one).
struct Sweep<'m> {
    marks: &'m [usize],
    at: usize,
}

impl<'m> Sweep<'m> {
    fn new(marks: &'m [usize]) -> Sweep<'m> {
        Sweep { marks, at: 0 }
    }

    /// How many marks start inside `range`.
    fn count_in(&mut self, range: TextRange) -> usize {
        let marks = self.marks;
        if self.at > 0 && marks[self.at - 1] >= range.start {
            self.at = marks.partition_point(|&m| m < range.start);
        }
        while self.at < marks.len() && marks[self.at] < range.start {
            self.at += 1;
        }
        let mut end = self.at;
        while end < marks.len() && marks[end] < range.end {
            end += 1;
        }
        end - self.at
    }
}

fn sentinel() -> NameItem {
    NameItem { range: TextRange::default(), name: TextRange::default(), key: String::new(), state: None }
}

fn is_text_node(kind: NodeKind) -> bool {
    matches!(
        kind,
        NodeKind::Paragraph | NodeKind::UnnumberedParagraph | NodeKind::PreambularParagraph | NodeKind::ListItem | NodeKind::Subparagraph
    )
}

/// The text of a node up to its first child.
pub fn own_text(doc: &Document, id: NodeId) -> TextRange {
    let node = &doc.nodes[id];
    let end = node.children.first().map(|&c| doc.nodes[c].range.start).unwrap_or(node.range.end);
    TextRange::new(node.range.start, end.max(node.range.start))
}

fn is_none_word(masked: &str, item: &NameItem, tables: &Tables) -> bool {
    let s = masked[item.name.start..item.name.end].trim_end_matches(['。', '.']);
    tables.data.none_words.contains(&s)
}

/// A stated figure: digits, or a word in any language ("one", "une", "عضوين").
fn word_number(s: &str) -> Option<u32> {
    parse_digits(s).or_else(|| crate::lang::numerals::parse_number_word(s))
}

type Figures = (Option<TextRange>, Vec<(VoteSide, Figure)>, Vec<VoteListData>);

fn read_figures(masked: &str, own: TextRange, tables: &Tables, doc: &Document) -> Figures {
    let text = &masked[own.start..own.end];
    if memchr::memmem::find(text.as_bytes(), tables.data.vote_figures_hint.as_bytes()).is_none() {
        return (None, Vec::new(), Vec::new());
    }
    let Some(c) = tables.vote_figures.captures(text) else { return (None, Vec::new(), Vec::new()) };
    let whole = c.get(0).map(|m| TextRange::new(own.start + m.start(), own.start + m.end()));
    let mut figures = Vec::new();
    for (group, side) in [("for", VoteSide::InFavour), ("against", VoteSide::Against), ("abst", VoteSide::Abstaining)] {
        if let Some(m) = c.name(group) {
            if let Some(value) = word_number(m.as_str()) {
                let span = TextRange::new(own.start + m.start(), own.start + m.end());
                figures.push((side, Figure { value, span }));
            }
        }
    }
    let mut lists = Vec::new();
    for (group, side) in [("against_names", VoteSide::Against), ("abst_names", VoteSide::Abstaining)] {
        if let Some(m) = c.name(group) {
            let range = TextRange::new(own.start + m.start(), own.start + m.end());
            let items = split_names(masked, range, tables, doc.language, false);
            lists.push(VoteListData { side, node: None, heading: range, items, none: false });
        }
    }
    (whole, figures, lists)
}

/// Splits `range` into names. With `loose`, also splits at colons, full
/// stops and line ends (for lists inside running text).
pub fn split_names(masked: &str, range: TextRange, tables: &Tables, lang: crate::lang::Language, loose: bool) -> Vec<NameItem> {
    let text = &masked[range.start..range.end];
    let seps = if loose { tables.data.list_separators } else { tables.data.name_separators };
    let is_sep = |c: char| seps.contains(&c) || c == '\n' || c == '\r' || (loose && matches!(c, ':' | '：' | '。' | ';' | '；'));
    let mut items = Vec::new();
    let mut start = 0;
    let mut depth = 0i32;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), '\n'))) {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth -= 1,
            _ => {}
        }
        let at_end = i == text.len();
        if at_end || (depth <= 0 && is_sep(c)) {
            if depth < 0 {
                depth = 0;
            }
            let piece = TextRange::new(range.start + start, range.start + i);
            push_piece(masked, piece, tables, lang, &mut items);
            start = i + c.len_utf8();
            if at_end {
                break;
            }
        }
    }
    items
}

fn trim_piece(masked: &str, r: TextRange) -> TextRange {
    let s = &masked[r.start..r.end];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim_start().trim_end().trim_end_matches(['。', '.', '，', ',', '、']).trim_end();
    TextRange::new(r.start + lead, r.start + lead + t.len())
}

fn push_piece(masked: &str, piece: TextRange, tables: &Tables, lang: crate::lang::Language, out: &mut Vec<NameItem>) {
    let piece = trim_piece(masked, piece);
    if piece.is_empty() {
        return;
    }
    let item = make_item(masked, piece, lang);
    if item.state.is_none() {
        // "马拉维和吉布提", "Malawi and Djibouti": split when both halves are States.
        let s = &masked[piece.start..piece.end];
        for conj in tables.data.final_conjunctions {
            let mut search = 0;
            while let Some(pos) = s[search..].find(conj) {
                let at = search + pos;
                let left = trim_piece(masked, TextRange::new(piece.start, piece.start + at));
                let right = trim_piece(masked, TextRange::new(piece.start + at + conj.len(), piece.end));
                let (l, r) = (make_item(masked, left, lang), make_item(masked, right, lang));
                if r.state.is_some() && (l.state.is_some() || left.is_empty()) {
                    if !left.is_empty() {
                        out.push(l);
                    }
                    out.push(r);
                    return;
                }
                search = at + conj.len();
            }
        }
    }
    out.push(item);
}

fn make_item(masked: &str, range: TextRange, lang: crate::lang::Language) -> NameItem {
    let s = &masked[range.start..range.end];
    // The name without a parenthetical that follows it.
    let mut name_end = s.len();
    if let Some(open) = s.find(['(', '（']) {
        if open > 0 {
            name_end = s[..open].trim_end().len();
        }
    }
    let name = TextRange::new(range.start, range.start + name_end);
    let name_text = &masked[name.start..name.end];
    let longest = crate::lang::states::longest_name() + 8;
    if name_text.len() > longest {
        // Too long to be a name: keyed as written, no look-up.
        return NameItem { range, name, key: name_text.to_string(), state: None };
    }
    let key = crate::lang::states::normalize_cow(name_text);
    let mut state = crate::lang::states::lookup_normalized(lang, &key);
    if state.is_none() && name_end < s.len() && s.len() <= longest {
        // "Bolivia (Plurinational State of)" is the whole name.
        state = lookup(lang, s);
    }
    let key = match state {
        Some(id) => format!("#{}", id.code()),
        None => key.into_owned(),
    };
    NameItem { range, name, key, state }
}
