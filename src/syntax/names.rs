//! Lists of names: the lists of a recorded vote (with the stated figures),
//! and other lists of States in a paragraph (speakers, the bureau). Names
//! are split at the language's separators; a final conjunction ("和",
//! " and ") is split off only when both halves are States, so that
//! "安提瓜和巴布达" stays one name and "马拉维和吉布提" becomes two.

use crate::lang::numerals::parse_digits;
use crate::lang::states::lookup;
use crate::lang::tables::{Tables, VoteSide};
use crate::text::{pack_offset, TextRange};

use super::tree::*;

/// How many States in a row make a list of names.
const MIN_RUN: usize = 4;

/// With `carry` (a reparse whose tree kept its shape and moved with the
/// change), a paragraph away from the edited lines keeps its previous votes
/// and name lists, moved.
pub fn read_votes_and_lists(doc: &mut Document, masked: &str, tables: &Tables, marks: &Marks, carry: Option<&super::carry::Carry>) {
    let mut marks = Sweeps::new(marks);
    let mut votes = Vec::new();
    let mut has_vote: Vec<bool> = vec![false; doc.nodes.len()];
    for id in 0..doc.nodes.len() {
        if doc.nodes[id].kind != NodeKind::RecordedVote {
            continue;
        }
        let Some(paragraph) = doc.nodes[id].parent() else { continue };
        has_vote[paragraph] = true;
        if let Some(carry) = carry.filter(|c| c.untouched(doc.nodes[paragraph].range())) {
            votes.extend(carry.vote_of(paragraph, Some(id)));
            continue;
        }
        let own = own_text(doc, paragraph);
        let (figures_range, figures, mut extra) = read_figures(masked, own, tables, doc);
        let mut lists = Vec::new();
        for &child in doc.children(id) {
            let node = &doc.nodes[child];
            let (Some(side), Some(heading)) = (node.vote_side, node.title()) else { continue };
            let content = TextRange::new(heading.end, node.range().end);
            let items = split_names(masked, content, tables, doc.language, false, true);
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
        if let Some(carry) = carry.filter(|c| c.untouched(own)) {
            votes.extend(carry.vote_of(id, None));
            continue;
        }
        if !marks.may_state_figures(own) {
            continue;
        }
        let (figures_range, figures, lists) = read_figures(masked, own, tables, doc);
        if figures_range.is_some_and(|r| is_own_adoption(doc, id, own, r, masked)) {
            votes.push(RecordedVoteData { paragraph: id, node: None, figures_range, figures, lists });
        }
    }
    votes.sort_by_key(|v| doc.nodes[v.paragraph].range().start);
    doc.votes = votes;

    let mut name_lists = Vec::new();
    for id in 0..doc.nodes.len() {
        if !is_text_node(doc.nodes[id].kind) {
            continue;
        }
        let own = own_text(doc, id);
        if let Some(carry) = carry.filter(|c| c.untouched(own)) {
            name_lists.extend(carry.name_lists_of(id));
            continue;
        }
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
        // (most pieces of a paragraph with commas are no State, and are
        // not kept: their keys are read only for the one kept in a run)
        let items = split_names(masked, own, tables, doc.language, true, false);
        // Runs of States; one short unknown name inside a run (a State the
        // table lacks, a misspelling) does not end it.
        let mut run: Vec<NameItem> = Vec::new();
        let mut pending: Option<NameItem> = None;
        for mut item in items.into_iter().chain(std::iter::once(sentinel())) {
            if item.state.is_some() {
                if let Some(p) = pending.take() {
                    run.push(p);
                }
                run.push(item);
            } else if pending.is_none() && !run.is_empty() && item.name.len() <= 60 && !read_key(masked, &mut item, doc.language).is_empty()
            {
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
/// lines it touched are searched again ([`super::reparse`]). The offsets
/// are `u32` ([`crate::text::pack_offset`]: a line end every 60 bytes is
/// 1.3 MB at 10 MB as `usize`).
#[derive(Clone)]
pub struct Marks {
    pub separators: Vec<u32>,
    pub line_ends: Vec<u32>,
    /// `None` when the language has no such word: every node is read.
    pub hints: Option<Vec<u32>>,
}

impl Marks {
    /// The marks in `text`, which starts at offset `base` of the document.
    pub fn find(text: &str, base: usize, tables: &Tables) -> Marks {
        let line_ends = memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| pack_offset(base + i)).collect();
        Marks::find_beside(text, base, tables, line_ends)
    }

    /// [`Marks::find`] given the line ends (the offsets of every line feed
    /// in `text`, in order), found as the lines were split.
    pub fn find_beside(text: &str, base: usize, tables: &Tables, line_ends: Vec<u32>) -> Marks {
        let bytes = text.as_bytes();
        let at = |i: usize| pack_offset(base + i);
        let mut separators: Vec<u32> = Vec::new();
        match tables.data.list_separators {
            // One or two ASCII separators (`,` and `;`): one search, in order.
            &[a] if a.is_ascii() => separators.extend(memchr::memchr_iter(a as u8, bytes).map(at)),
            &[a, b] if a.is_ascii() && b.is_ascii() => separators.extend(memchr::memchr2_iter(a as u8, b as u8, bytes).map(at)),
            list => {
                for c in list {
                    let mut buf = [0u8; 4];
                    let needle = c.encode_utf8(&mut buf).as_bytes();
                    separators.extend(memchr::memmem::find_iter(bytes, needle).map(at));
                }
                if list.len() > 1 {
                    // (a stable sort merges the sorted runs found per separator)
                    separators.sort();
                }
            }
        }
        let hint = tables.data.vote_figures_hint.as_bytes();
        let hints = (!hint.is_empty()).then(|| memchr::memmem::find_iter(bytes, hint).map(at).collect());
        // (held until the next edit: collected without knowing how many)
        let mut marks = Marks { separators, line_ends, hints };
        marks.separators.shrink_to_fit();
        marks.line_ends.shrink_to_fit();
        if let Some(h) = &mut marks.hints {
            h.shrink_to_fit();
        }
        marks
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
    marks: &'m [u32],
    at: usize,
}

impl<'m> Sweep<'m> {
    fn new(marks: &'m [u32]) -> Sweep<'m> {
        Sweep { marks, at: 0 }
    }

    /// How many marks start inside `range`.
    fn count_in(&mut self, range: TextRange) -> usize {
        let marks = self.marks;
        let (start, end) = (pack_offset(range.start), pack_offset(range.end));
        if self.at > 0 && marks[self.at - 1] >= start {
            self.at = marks.partition_point(|&m| m < start);
        }
        while self.at < marks.len() && marks[self.at] < start {
            self.at += 1;
        }
        let mut end_at = self.at;
        while end_at < marks.len() && marks[end_at] < end {
            end_at += 1;
        }
        end_at - self.at
    }
}

/// How many characters may precede the figures in a preambular paragraph
/// that records the adoption of the document itself: "Adopted at the 2232nd
/// meeting" (OCR'd texts often leave the adoption line in the preamble).
const ADOPTION_LEAD: usize = 60;

/// Whether figures stated in running text are the document's own statement
/// of a vote. A preambular paragraph that states figures further in quotes
/// an earlier vote ("Recalling that the General Assembly adopted resolution
/// 1761 (XVII) by 67 votes to 16 …"), whose lists the document need not give
/// in full: not read. (A report's numbered paragraph that records a vote,
/// "7. The Council adopted resolution 687 (1991) by 12 votes to 1 (Cuba), …",
/// states its lists in full and is read.)
fn is_own_adoption(doc: &Document, id: NodeId, own: TextRange, figures: TextRange, masked: &str) -> bool {
    doc.nodes[id].kind != NodeKind::PreambularParagraph
        || masked[own.start..figures.start.max(own.start)].trim().chars().count() <= ADOPTION_LEAD
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
    let end = doc.children(id).first().map(|&c| doc.nodes[c].range().start).unwrap_or(node.range().end);
    TextRange::new(node.range().start, end.max(node.range().start))
}

fn is_none_word(masked: &str, item: &NameItem, tables: &Tables) -> bool {
    let s = masked[item.name.start..item.name.end].trim_end_matches(['。', '.']);
    tables.data.none_words.contains(&s)
}

/// A stated figure: digits, a word in any language ("one", "une", "عضوين"),
/// or a Chinese numeral ("九", "十四", "零").
fn word_number(s: &str) -> Option<u32> {
    let s = s.trim();
    if matches!(s, "零" | "〇") {
        return Some(0);
    }
    parse_digits(s).or_else(|| crate::lang::numerals::parse_number_word(s)).or_else(|| crate::lang::numerals::parse_chinese(s))
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
    // A pattern may state a figure in two layouts: `abst` or `abst_b`.
    for (group, other, side) in
        [("for", "for_b", VoteSide::InFavour), ("against", "against_b", VoteSide::Against), ("abst", "abst_b", VoteSide::Abstaining)]
    {
        if let Some(m) = c.name(group).or_else(|| c.name(other)) {
            if let Some(value) = word_number(m.as_str()) {
                let span = TextRange::new(own.start + m.start(), own.start + m.end());
                figures.push((side, Figure { value, span }));
            }
        }
    }
    let mut lists = Vec::new();
    for (group, other, side) in
        [("against_names", "against_names_b", VoteSide::Against), ("abst_names", "abst_names_b", VoteSide::Abstaining)]
    {
        if let Some(m) = c.name(group).or_else(|| c.name(other)) {
            let range = TextRange::new(own.start + m.start(), own.start + m.end());
            let items = split_names(masked, range, tables, doc.language, false, true);
            lists.push(VoteListData { side, node: None, heading: range, items, none: false });
        }
    }
    (whole, figures, lists)
}

/// Splits `range` into names. With `loose`, also splits at colons, full
/// stops and semicolons (for lists inside running text). Without `keyed`,
/// a name that is no State is left without its key ([`read_key`] reads it).
///
/// A line break is no separator of its own: printed and OCR'd texts wrap a
/// long name ("United Kingdom of Great Britain and / Northern Ireland",
/// "大不列颠及北爱尔兰 / 联合王国") over two lines, and a line break that does
/// not follow a separator continues the name. Only where every line of a
/// piece is a State of its own and the joined piece is not (one name per
/// line) do line breaks divide names.
pub fn split_names(
    masked: &str,
    range: TextRange,
    tables: &Tables,
    lang: crate::lang::Language,
    loose: bool,
    keyed: bool,
) -> Vec<NameItem> {
    let text = &masked[range.start..range.end];
    let seps = if loose { tables.data.list_separators } else { tables.data.name_separators };
    let loose_seps: &[char] = if loose { &[':', '：', '。', ';', '；'] } else { &[] };
    let is_sep = |c: char| seps.contains(&c) || loose_seps.contains(&c);
    let mut items = Vec::new();
    let mut start = 0;
    let mut depth = 0i32;
    // Only brackets and separators count: the bytes that can start one
    // (ASCII ones, and the lead bytes of the others) are looked for, and
    // only there is a character read (not every character of a paragraph).
    let mut starts = [false; 256];
    for &c in ['(', '（', ')', '）'].iter().chain(seps).chain(loose_seps) {
        let mut buf = [0u8; 4];
        starts[usize::from(c.encode_utf8(&mut buf).as_bytes()[0])] = true;
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    loop {
        // (a byte of `starts` is ASCII or leads a character: `i` stays on
        // a character boundary)
        while i < bytes.len() && !starts[usize::from(bytes[i])] {
            i += 1;
        }
        let at_end = i == text.len();
        let c = if at_end { '\n' } else { text[i..].chars().next().unwrap_or('\n') };
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth -= 1,
            _ => {}
        }
        if at_end || (depth <= 0 && is_sep(c)) {
            if depth < 0 {
                depth = 0;
            }
            let piece = TextRange::new(range.start + start, range.start + i);
            push_wrapped_piece(masked, piece, tables, lang, keyed, &mut items);
            start = i + c.len_utf8();
            if at_end {
                break;
            }
        }
        i += c.len_utf8();
    }
    items
}

/// Pushes the names of a piece between separators that may span lines: the
/// piece read as one (its line breaks continue the name), or, when that
/// finds fewer States, each line read as its own piece.
fn push_wrapped_piece(masked: &str, piece: TextRange, tables: &Tables, lang: crate::lang::Language, keyed: bool, out: &mut Vec<NameItem>) {
    let text = &masked[piece.start..piece.end];
    let inner = text.trim();
    if !inner.contains('\n') {
        push_piece(masked, piece, tables, lang, keyed, out);
        return;
    }
    let mut joined = Vec::new();
    push_piece(masked, piece, tables, lang, keyed, &mut joined);
    // The lines are taken only when every item they give is a State: the
    // first line that gives another settles it (most wrapped pieces are
    // prose), and the lines after it are not read.
    let mut lines = Vec::new();
    let mut at = piece.start;
    for line in text.split_inclusive('\n') {
        let before = lines.len();
        push_piece(masked, TextRange::new(at, at + line.len()), tables, lang, keyed, &mut lines);
        if lines[before..].iter().any(|i| i.state.is_none()) {
            out.extend(joined);
            return;
        }
        at += line.len();
    }
    let states = |v: &[NameItem]| v.iter().filter(|i| i.state.is_some()).count();
    if states(&lines) > states(&joined) {
        out.extend(lines);
    } else {
        out.extend(joined);
    }
}

fn trim_piece(masked: &str, r: TextRange) -> TextRange {
    let s = &masked[r.start..r.end];
    // Stray dashes and bullets that OCR leaves before a name ("— United States").
    let body = s.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '—' | '–' | '•' | '·'));
    let lead = s.len() - body.len();
    let t = body.trim_end().trim_end_matches(['。', '.', '，', ',', '、']).trim_end();
    TextRange::new(r.start + lead, r.start + lead + t.len())
}

/// Where `conj` (" and ", "和") occurs in `s` from `from` on, any run of
/// white space (a line break) standing for its spaces: (start, end).
fn find_conjunction(s: &str, from: usize, conj: &str) -> Option<(usize, usize)> {
    let word = conj.trim();
    let (before, after) = (conj.starts_with(' '), conj.ends_with(' '));
    let mut search = from;
    while let Some(pos) = conjunction_search(word, &s.as_bytes()[search..]) {
        let at = search + pos;
        let end = at + word.len();
        search = end;
        let head = &s[..at];
        let tail = &s[end..];
        let lead = head.len() - head.trim_end().len();
        let trail = tail.len() - tail.trim_start().len();
        if (before && lead == 0) || (after && trail == 0) {
            continue;
        }
        return Some((at - if before { lead } else { 0 }, end + if after { trail } else { 0 }));
    }
    None
}

/// The first occurrence of `word` in `hay`, by a searcher made once per
/// word and thread (`memmem::find` makes one at every call: most pieces of
/// a paragraph are searched for the conjunction, 0.4 M instructions of the
/// 1-MB English bench document).
fn conjunction_search(word: &str, hay: &[u8]) -> Option<usize> {
    thread_local! {
        static SEARCHERS: std::cell::RefCell<Vec<memchr::memmem::Finder<'static>>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    SEARCHERS.with_borrow_mut(|searchers| {
        let at = match searchers.iter().position(|f| f.needle() == word.as_bytes()) {
            Some(at) => at,
            None => {
                searchers.push(memchr::memmem::Finder::new(word.as_bytes()).into_owned());
                searchers.len() - 1
            }
        };
        searchers[at].find(hay)
    })
}

fn push_piece(masked: &str, piece: TextRange, tables: &Tables, lang: crate::lang::Language, keyed: bool, out: &mut Vec<NameItem>) {
    let piece = trim_piece(masked, piece);
    if piece.is_empty() {
        return;
    }
    let item = make_item(masked, piece, lang, keyed);
    if item.state.is_none() {
        // "马拉维和吉布提", "Malawi and Djibouti": split when both halves are States.
        let s = &masked[piece.start..piece.end];
        for conj in tables.data.final_conjunctions {
            let mut search = 0;
            while let Some((at, end)) = find_conjunction(s, search, conj) {
                let left = trim_piece(masked, TextRange::new(piece.start, piece.start + at));
                let right = trim_piece(masked, TextRange::new(piece.start + end, piece.end));
                // (the halves' States first: most pieces of prose with an
                // "and" are no two names, and their items are not kept)
                if read_name(masked, right, lang, false).state.is_some()
                    && (left.is_empty() || read_name(masked, left, lang, false).state.is_some())
                {
                    if !left.is_empty() {
                        out.push(make_item(masked, left, lang, keyed));
                    }
                    out.push(make_item(masked, right, lang, keyed));
                    return;
                }
                search = end;
            }
        }
    }
    out.push(item);
}

fn make_item(masked: &str, range: TextRange, lang: crate::lang::Language, keyed: bool) -> NameItem {
    let Name { name, key, state } = read_name(masked, range, lang, keyed);
    let key = match state {
        // (`#` and the code: no formatting machinery for every State named)
        Some(id) => {
            let code = id.code();
            let mut key = String::with_capacity(1 + code.len());
            key.push('#');
            key.push_str(code);
            key
        }
        None => key.into_owned(),
    };
    NameItem { range, name, key, state }
}

/// The key of `item`, read now if [`split_names`] left it out (a name that
/// is no State, split without keys).
fn read_key<'i>(masked: &str, item: &'i mut NameItem, lang: crate::lang::Language) -> &'i str {
    if item.state.is_none() && item.key.is_empty() {
        item.key = read_name(masked, item.range, lang, true).key.into_owned();
    }
    &item.key
}

/// A name as [`make_item`] reads it, its key not yet copied (and empty when
/// not `keyed` and the name is no State).
struct Name<'a> {
    name: TextRange,
    key: std::borrow::Cow<'a, str>,
    state: Option<crate::lang::states::StateId>,
}

fn read_name(masked: &str, range: TextRange, lang: crate::lang::Language, keyed: bool) -> Name<'_> {
    let s = &masked[range.start..range.end];
    // The name without a parenthetical that follows it.
    let mut name_end = s.len();
    if let Some(open) = first_open_bracket(s) {
        if open > 0 {
            name_end = s[..open].trim_end().len();
        }
    }
    let name = TextRange::new(range.start, range.start + name_end);
    let written = &masked[name.start..name.end];
    let longest = crate::lang::states::longest_name() + 8;
    if written.len() > 2 * longest {
        // Too long to be a name even once its line breaks are undone.
        return Name { name, key: std::borrow::Cow::Borrowed(if keyed { written } else { "" }), state: None };
    }
    // A name wrapped over lines, read as one line.
    let joined = unwrap_lines(written, true);
    if joined.len() > longest {
        // Too long to be a name: keyed as written, no look-up.
        return Name { name, key: if keyed { joined } else { std::borrow::Cow::Borrowed("") }, state: None };
    }
    let name_text: &str = &joined;
    let (key, mut state) = if keyed {
        let key = crate::lang::states::normalize_cow(name_text);
        let state = crate::lang::states::lookup_normalized(lang, &key);
        (key, state)
    } else {
        (std::borrow::Cow::Borrowed(""), crate::lang::states::lookup_folding(lang, name_text))
    };
    if state.is_none() && joined.len() != written.len() {
        // "Guinea-/Bissau": the hyphen at the line end belongs to the name.
        state = lookup(lang, &unwrap_lines(written, false));
    }
    if state.is_none() && name_end < s.len() && s.len() <= longest {
        // "Bolivia (Plurinational State of)" is the whole name.
        state = lookup(lang, &unwrap_lines(s, true));
    }
    // (a State is keyed by its code: its name's key is not kept)
    let key = if state.is_some() { std::borrow::Cow::Borrowed("") } else { std::borrow::Cow::Owned(key.into_owned()) };
    Name { name, key, state }
}

/// Where the first `(` or `（` of `s` is (`s.find(['(', '（'])`, with a
/// vectorised search for `(` and the lead byte of `（`).
fn first_open_bracket(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut at = 0;
    while let Some(i) = memchr::memchr2(b'(', 0xEF, &bytes[at..]) {
        let i = at + i;
        // (0xEF only leads a character: `i` is a character boundary)
        if bytes[i] == b'(' || s[i..].starts_with('（') {
            return Some(i);
        }
        at = i + 1;
    }
    None
}

/// A name as a message shows it: on one line, however the text wraps it.
pub fn display_name(masked: &str, range: TextRange) -> std::borrow::Cow<'_, str> {
    unwrap_lines(&masked[range.start..range.end], true)
}

/// `s` with its line breaks undone: a break between two Chinese characters
/// joins them, a word hyphenated at the line end ("King-/dom") is joined
/// without its hyphen when `dehyphenate`, any other break is one space.
fn unwrap_lines(s: &str, dehyphenate: bool) -> std::borrow::Cow<'_, str> {
    if !s.contains('\n') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut lines = s.split('\n').peekable();
    while let Some(line) = lines.next() {
        let Some(next) = lines.peek() else {
            out.push_str(line.trim_start());
            break;
        };
        let line = if out.is_empty() { line } else { line.trim_start() };
        let line = line.trim_end();
        let next = next.trim_start();
        let last = line.chars().last();
        let first = next.chars().next();
        let cjk = |c: Option<char>| c.is_some_and(|c| ('\u{3400}'..='\u{9FFF}').contains(&c));
        if cjk(last) && cjk(first) {
            out.push_str(line);
        } else if line.ends_with('-') && line[..line.len() - 1].chars().last().is_some_and(char::is_alphabetic) {
            let keep = !dehyphenate || !first.is_some_and(char::is_lowercase);
            out.push_str(if keep { line } else { &line[..line.len() - 1] });
        } else {
            out.push_str(line);
            out.push(' ');
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_are_undone_as_a_reader_would() {
        assert_eq!(unwrap_lines("United\n    Kingdom", true), "United Kingdom");
        assert_eq!(unwrap_lines("United King-\ndom", true), "United Kingdom");
        assert_eq!(unwrap_lines("United King-\ndom", false), "United King-dom");
        assert_eq!(unwrap_lines("Guinea-\nBissau", true), "Guinea-Bissau");
        assert_eq!(unwrap_lines("大不列颠及北爱尔兰\n联合王国", true), "大不列颠及北爱尔兰联合王国");
        assert_eq!(unwrap_lines("Ghana", true), "Ghana");
    }

    #[test]
    fn the_first_open_bracket_is_found_as_a_character_search_finds_it() {
        for s in ["Bolivia (Plurinational State of)", "中国（香港）", "，；（", "Ghana", "a（b(c", "a(b（c", "", "（", "ｘ(y"]
        {
            assert_eq!(first_open_bracket(s), s.find(['(', '（']), "{s}");
        }
    }

    #[test]
    fn a_conjunction_matches_across_a_line_break() {
        assert_eq!(find_conjunction("Nicaragua and\nZimbabwe", 0, " and "), Some((9, 14)));
        assert_eq!(find_conjunction("Rwanda", 0, " and "), None);
        assert_eq!(find_conjunction("马拉维和吉布提", 0, "和"), Some((9, 12)));
    }
}
