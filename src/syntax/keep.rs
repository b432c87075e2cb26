//! The tree kept on a keystroke. The tree builder reads the lines in order
//! and decides from each line's kind, number and a few facts of its text
//! (how it ends, whether it is short, how it starts…), its neighbours' and
//! the state left by the lines above. When the lines an edit re-split are,
//! one for one, the same as before in everything the builder reads
//! ([`LineFacts`]), it would make every decision again as it made it: the
//! tree is the previous one with its offsets moved — those before the edit
//! kept, those after it moved by its length, and those on the edited lines
//! mapped from each old line to the new one that replaces it
//! ([`OffsetMap`]). [`super::reparse`] then skips the builder and the passes
//! over the whole tree (schemes, containers, eIds) and moves the previous
//! tree instead; anything it cannot map and it builds afresh.

use std::borrow::Cow;

use crate::lang::tables::{Tables, VoteSide};
use crate::text::TextRange;

use super::lines::{self, Line, LineKind};
use super::tree::{Document, NodeId, NumberStyle, Slip};

/// What the builder reads of a text: a whole line's, or what follows its
/// number (`rest`). Every predicate of `Builder` and of the functions it
/// calls on a line's text or rest has a field here (those it never reads
/// of one of the two are left `false` there, so that an edit that changes
/// only them keeps the tree).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
struct TextFacts {
    empty: bool,
    ends_sentence: bool,
    short: bool,
    /// The first character is lower case.
    lower_start: bool,
    // Of a line:
    ends_with_colon: bool,
    ends_clause: bool,
    ends_comma: bool,
    /// A figure, a space and a lower-case letter (`8 voix contre…`).
    figure_then_lower: bool,
    /// An operative verb alone before a colon / opening the text.
    chapeau: bool,
    operative_verb: bool,
    // Of a rest:
    /// At most 40 / 100 characters (an item that continues a list).
    within_40: bool,
    within_100: bool,
    /// More than seven words.
    over_7_words: bool,
    /// Narrower than 25 columns (a wide character counts two).
    narrow: bool,
    /// Opens with a bracket (a paragraph that opens with its first subparagraph).
    opens_label: bool,
}

impl TextFacts {
    fn of_line(s: &str, tables: &Tables) -> TextFacts {
        TextFacts {
            ends_with_colon: lines::ends_with_colon(s),
            ends_clause: lines::ends_clause(s),
            ends_comma: super::ends_with_comma(s),
            figure_then_lower: super::figure_then_lower(s),
            chapeau: super::is_operative_chapeau(s),
            operative_verb: super::opens_with_operative_verb(s, tables.data.operative_verbs),
            ..TextFacts::common(s)
        }
    }

    fn of_rest(s: &str) -> TextFacts {
        TextFacts {
            within_40: s.chars().nth(40).is_none(),
            within_100: s.chars().nth(100).is_none(),
            over_7_words: super::over_seven_words(s),
            narrow: super::is_narrow(s),
            opens_label: super::opens_with_label(s),
            ..TextFacts::common(s)
        }
    }

    fn common(s: &str) -> TextFacts {
        TextFacts {
            empty: s.is_empty(),
            ends_sentence: lines::ends_sentence(s),
            short: lines::is_short(s),
            lower_start: super::starts_lower(s),
            ..TextFacts::default()
        }
    }
}

/// Everything the tree builder reads of a line — by itself, as the line
/// above or below another, as the next line with text or the next item,
/// and in deciding whether paragraphs are separated by blank lines —
/// except its offsets. Two lines with the same facts (and the same number
/// as written) lead the builder to the same decisions.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct LineFacts {
    kind: std::mem::Discriminant<LineKind>,
    number: Option<(u32, NumberStyle)>,
    slip: Option<Slip>,
    side: Option<VoteSide>,
    /// Whether it has a title, and whether that starts in upper case.
    title: Option<bool>,
    inline: bool,
    /// Longer than 100 bytes (counted for the blank-separated layout).
    long: bool,
    /// A dash before the content on its line (`- Decide…`).
    dashed: bool,
    text: TextFacts,
    rest: Option<TextFacts>,
}

impl LineFacts {
    /// The facts of `line` in `masked`, with the number as written.
    fn of<'m>(masked: &'m str, line: &Line, tables: &Tables) -> (LineFacts, &'m str) {
        let text = |r: TextRange| &masked[r.start..r.end];
        let (number, title, rest, side, slip) = match &line.kind {
            LineKind::Annex { number, title } => (*number, *title, None, None, None),
            LineKind::Part { number, title }
            | LineKind::Section { number, title }
            | LineKind::Subsection { number, title }
            | LineKind::Article { number, title } => (Some(*number), *title, None, None, None),
            LineKind::VoteHeading { side, rest } => (None, None, Some(*rest), Some(*side), None),
            LineKind::Numbered { number, rest, slip } | LineKind::Lettered { number, rest, slip } => {
                (Some(*number), None, Some(*rest), None, *slip)
            }
            LineKind::PreambularNumbered { number, rest } => (Some(*number), None, Some(*rest), None, None),
            LineKind::Blank | LineKind::PreambleFormula | LineKind::TableRow | LineKind::Text => (None, None, None, None, None),
        };
        let r = line.range;
        let facts = LineFacts {
            kind: std::mem::discriminant(&line.kind),
            number: number.map(|n| (n.value, n.style)),
            slip,
            side,
            title: title.map(|t| text(t.get()).chars().next().is_some_and(char::is_uppercase)),
            inline: line.inline,
            long: r.len() > 100,
            dashed: super::dashed(masked, r.get()),
            text: TextFacts::of_line(text(r.get()), tables),
            // (the lengths and words of a rest are read after a number only)
            rest: rest.map(|x| match line.kind {
                LineKind::Numbered { .. } => TextFacts::of_rest(text(x.get())),
                _ => TextFacts::common(text(x.get())),
            }),
        };
        (facts, number.map_or("", |n| text(n.span.get())))
    }
}

/// The offsets of a line's ranges, in a fixed order (the same for two
/// lines of the same kind with a title on both or on neither).
fn offsets(line: &Line, out: &mut Vec<usize>) {
    let mut push = |r: TextRange| {
        out.push(r.start);
        out.push(r.end);
    };
    push(line.range.get());
    match &line.kind {
        LineKind::Annex { number, title } => {
            number.iter().for_each(|n| push(n.span.get()));
            title.iter().for_each(|&t| push(t.get()));
        }
        LineKind::Part { number, title }
        | LineKind::Section { number, title }
        | LineKind::Subsection { number, title }
        | LineKind::Article { number, title } => {
            push(number.span.get());
            title.iter().for_each(|&t| push(t.get()));
        }
        LineKind::VoteHeading { rest, .. } => push(rest.get()),
        LineKind::Numbered { number, rest, .. }
        | LineKind::Lettered { number, rest, .. }
        | LineKind::PreambularNumbered { number, rest } => {
            push(number.span.get());
            push(rest.get());
        }
        LineKind::Blank | LineKind::PreambleFormula | LineKind::TableRow | LineKind::Text => {}
    }
}

/// The old window's lines (before the edit): their facts, numbers as
/// written and offsets, read before the masked text is edited.
pub struct OldWindow {
    facts: Vec<(LineFacts, String)>,
    offsets: Vec<usize>,
}

impl OldWindow {
    /// The facts of `lines`, which lie in `window`: the previous masked
    /// text from `from` (a line's start) on.
    pub fn read_at(window: &str, from: usize, lines: &[Line], tables: &Tables) -> OldWindow {
        let mut offsets_of = Vec::new();
        let facts = lines
            .iter()
            .map(|l| {
                offsets(l, &mut offsets_of);
                let within = l.map_ranges(|r| TextRange::new(r.start - from, r.end - from));
                let (f, number) = LineFacts::of(window, &within, tables);
                (f, number.to_string())
            })
            .collect();
        OldWindow { facts, offsets: offsets_of }
    }
}

/// Where each offset of the old text lies in the new one, for a window of
/// lines replaced one for one by lines with the same facts.
pub struct OffsetMap {
    /// The window: `from..old_to` in the old text, `from..old_to + delta` in the new.
    from: usize,
    old_to: usize,
    delta: isize,
    /// The offsets of the window's old lines and of the new ones, by old offset.
    pairs: Vec<(usize, usize)>,
}

impl OffsetMap {
    /// The map from the old window to `new_lines` (of `masked`, the new
    /// text), or `None` when a line differs in anything the builder reads.
    pub fn between(
        old: &OldWindow,
        masked: &str,
        new_lines: &[Line],
        tables: &Tables,
        from: usize,
        old_to: usize,
        delta: isize,
    ) -> Option<OffsetMap> {
        if old.facts.len() != new_lines.len() {
            return None;
        }
        let mut new_offsets = Vec::with_capacity(old.offsets.len());
        for ((facts, number), line) in old.facts.iter().zip(new_lines) {
            let (f, n) = LineFacts::of(masked, line, tables);
            // (a paragraph opening with its label `10. (a) …` reads the
            // rest again: not kept)
            if f != *facts || n != number || (f.number.is_some() && f.rest.is_some_and(|r| r.opens_label)) {
                return None;
            }
            offsets(line, &mut new_offsets);
        }
        if new_offsets.len() != old.offsets.len() {
            return None;
        }
        let mut pairs: Vec<(usize, usize)> = old.offsets.iter().copied().zip(new_offsets).collect();
        pairs.sort_unstable();
        pairs.dedup();
        // One place for each old offset, in the same order.
        if pairs.windows(2).any(|w| w[0].0 == w[1].0 || w[0].1 > w[1].1) {
            return None;
        }
        Some(OffsetMap { from, old_to, delta, pairs })
    }

    /// Where `old` lies in the new text (`None`: on the edited lines but not
    /// an offset of a line).
    pub fn map(&self, old: usize) -> Option<usize> {
        if old < self.from {
            return Some(old);
        }
        if old <= self.old_to {
            if let Ok(i) = self.pairs.binary_search_by_key(&old, |p| p.0) {
                return Some(self.pairs[i].1);
            }
            if old < self.old_to {
                return None;
            }
        }
        Some(old.wrapping_add_signed(self.delta))
    }

    fn range(&self, r: TextRange) -> Option<TextRange> {
        Some(TextRange::new(self.map(r.start)?, self.map(r.end)?))
    }

    fn on_window(&self, r: TextRange) -> bool {
        r.end >= self.from && r.start <= self.old_to
    }

    /// Whether every offset of the tree on the edited lines maps.
    fn maps_tree(&self, doc: &Document) -> bool {
        let ranges = doc
            .nodes
            .iter()
            .flat_map(|n| [Some(n.range()), Some(n.opening()), n.title(), n.number().map(|x| x.span)].into_iter().flatten());
        ranges.chain(doc.heading_spans.iter().copied()).all(|r| !self.on_window(r) || self.range(r).is_some())
    }

    fn moved(&self, r: TextRange) -> TextRange {
        // (most ranges lie before or after the window; every range was
        // checked by `maps_tree`)
        if r.end < self.from {
            r
        } else if r.start > self.old_to {
            TextRange::new(r.start.wrapping_add_signed(self.delta), r.end.wrapping_add_signed(self.delta))
        } else {
            self.range(r).unwrap_or(r)
        }
    }
}

/// The previous tree moved into the new text (`masked`), when the map
/// covers it and no negotiation word after a number on the edited lines
/// changed (an eId reads it); the votes and name lists are left to read
/// (the previous ones stay in `prev` for the carry). `None`: build afresh.
pub fn moved_tree(prev: &mut Cow<'_, Document>, map: &OffsetMap, masked: &str) -> Option<Document> {
    if !map.maps_tree(prev) {
        return None;
    }
    // The negotiation words after the numbers on the edited lines, read again.
    let on_window = |doc: &Document| -> Vec<NodeId> {
        doc.nodes.iter().enumerate().filter(|(_, n)| n.number().is_some_and(|x| map.on_window(x.span))).map(|(id, _)| id).collect()
    };
    let near = on_window(prev);
    let mut again = Vec::new();
    for &id in &near {
        let num = prev.nodes[id].number().filter(|n| n.style == NumberStyle::Arabic);
        if let Some(num) = num {
            if let Some((word, range)) = super::negotiation::suffix_at(masked, map.moved(num.span).end) {
                again.push((id, word, range));
            }
        }
    }
    let before: Vec<(NodeId, &str)> = prev.suffixed.iter().filter(|s| near.binary_search(&s.0).is_ok()).map(|s| (s.0, s.1)).collect();
    if before.len() != again.len() || before.iter().zip(&again).any(|(a, b)| a.0 != b.0 || a.1 != b.1) {
        return None;
    }
    let mut doc = match prev {
        Cow::Owned(prev) => Document {
            language: prev.language,
            nodes: std::mem::take(&mut prev.nodes),
            roots: std::mem::take(&mut prev.roots),
            child_ids: std::mem::take(&mut prev.child_ids),
            eids: std::mem::take(&mut prev.eids),
            heading_spans: std::mem::take(&mut prev.heading_spans),
            votes: Vec::new(),
            name_lists: Vec::new(),
            schemes: std::mem::take(&mut prev.schemes),
            containers: std::mem::take(&mut prev.containers),
            masked: std::sync::Arc::from(""),
            suffixed: std::mem::take(&mut prev.suffixed),
        },
        Cow::Borrowed(prev) => Document {
            language: prev.language,
            nodes: prev.nodes.clone(),
            roots: prev.roots.clone(),
            child_ids: prev.child_ids.clone(),
            eids: prev.eids.clone(),
            heading_spans: prev.heading_spans.clone(),
            votes: Vec::new(),
            name_lists: Vec::new(),
            schemes: prev.schemes.clone(),
            containers: prev.containers.clone(),
            masked: std::sync::Arc::from(""),
            suffixed: prev.suffixed.clone(),
        },
    };
    for n in &mut doc.nodes {
        n.set_range(map.moved(n.range()));
        n.set_opening(map.moved(n.opening()));
        n.set_title(n.title().map(|t| map.moved(t)));
        if let Some(mut num) = n.number() {
            num.span = map.moved(num.span);
            n.set_number(Some(num));
        }
    }
    for r in &mut doc.heading_spans {
        *r = map.moved(*r);
    }
    // (the map keeps the order of offsets: the spans stay sorted)
    doc.suffixed.retain(|s| near.binary_search(&s.0).is_err());
    for s in &mut doc.suffixed {
        s.2 = map.moved(s.2);
    }
    if !again.is_empty() {
        doc.suffixed.extend(again);
        doc.suffixed.sort_unstable_by_key(|s| s.0);
    }
    Some(doc)
}
