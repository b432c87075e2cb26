//! Finding references in the text: external ones first (document symbols,
//! resolutions, rules of procedure, instruments, SDG goals and targets),
//! which become the entities that can qualify the internal ones found next
//! (paragraphs, subparagraphs, sections, annexes, articles), each with the
//! exact span of every number in it. Which text each internal reference
//! belongs to is decided by [`super::attribution`]; where it points, by
//! [`super::resolve`]. [`find_after`] re-finds only around an edit, with the
//! margins of [`Reach`].

use std::borrow::Cow;
use std::sync::OnceLock;

use regex::{Captures, Regex};

use crate::lang::numerals::{fold_arabic, parse_chinese, parse_digits, parse_section_numeral};
use crate::lang::tables::{symbol_pattern, tables, Tables};
use crate::lang::Language;
use crate::syntax::Document;
use crate::text::{TextChange, TextRange};

use super::attribution::{self, window_after, window_before, Context, Qualifiers};
use super::external::{
    canonical_sdg_number, classify_resolution, classify_sdg, letter_target_lines, letter_target_lines_at, sdg_list_numbers, symbol_problem,
    External, ExternalKind,
};
use super::reference::{AnnexSpec, InternalTarget, NumberRole, NumberSpan, Problem, RefKind, Reference, Status};

/// An external entity found in the text, which can qualify a reference next to it.
#[derive(Clone, Debug)]
pub(crate) struct Entity {
    pub(crate) phrase: TextRange,
    pub(crate) external: External,
    /// Named in words ("the report of the Secretary-General"), not by a
    /// symbol, a number or a known name.
    pub(crate) in_words: bool,
}

pub(crate) fn span(base: usize, m: regex::Match<'_>) -> TextRange {
    TextRange::new(base + m.start(), base + m.end())
}

/// Ranges already claimed by a reference or a heading marker: one bit per
/// byte of the scan (a lookup or a claim reads or sets the few words under
/// the range, with no search and no allocation; a tree of intervals cost a
/// descent and a node per claim, a cache miss each at 10 MB). A range is
/// never empty here: an empty one claims, and asks for, the byte it is at.
/// The rare claims that reach outside the scan are also kept whole in
/// `outside`, so that what lies outside is answered exactly too.
struct Taken {
    /// The offset of the first bit.
    base: usize,
    bits: Vec<u64>,
    /// Claimed ranges (start, end) that reach outside the bits.
    outside: Vec<(usize, usize)>,
}

impl Taken {
    /// Bits for every byte of `window` and the one after it.
    fn new(window: TextRange) -> Taken {
        let len = window.end.saturating_sub(window.start) + 1;
        Taken { base: window.start, bits: vec![0; len.div_ceil(64)], outside: Vec::new() }
    }

    /// The end of the bits (exclusive).
    fn limit(&self) -> usize {
        self.base + self.bits.len() * 64
    }

    /// The bit range `[lo, hi)` (relative to `base`) of `[start, end)`, if any.
    fn clip(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let (lo, hi) = (start.max(self.base), end.min(self.limit()));
        (lo < hi).then(|| (lo - self.base, hi - self.base))
    }

    fn overlaps(&self, r: TextRange) -> bool {
        let (start, end) = (r.start, r.end.max(r.start + 1));
        if (start < self.base || end > self.limit()) && self.outside.iter().any(|&(s, e)| s < end && start < e) {
            return true;
        }
        let Some((lo, hi)) = self.clip(start, end) else { return false };
        let (first, last) = (lo / 64, (hi - 1) / 64);
        (first..=last).any(|w| self.bits[w] & word_mask(w, lo, hi) != 0)
    }

    fn push(&mut self, r: TextRange) {
        let (start, end) = (r.start, r.end.max(r.start + 1));
        if start < self.base || end > self.limit() {
            self.outside.push((start, end));
        }
        let Some((lo, hi)) = self.clip(start, end) else { return };
        for w in lo / 64..=(hi - 1) / 64 {
            self.bits[w] |= word_mask(w, lo, hi);
        }
    }
}

/// The bits of word `w` that lie in the bit range `[lo, hi)`.
fn word_mask(w: usize, lo: usize, hi: usize) -> u64 {
    let from = lo.saturating_sub(w * 64).min(64);
    let to = (hi - w * 64).min(64);
    let upto = if to == 64 { u64::MAX } else { (1u64 << to) - 1 };
    let below = if from == 64 { u64::MAX } else { (1u64 << from) - 1 };
    upto & !below
}

fn overlaps(taken: &Taken, r: TextRange) -> bool {
    taken.overlaps(r)
}

/// Finds every reference in the document, in text order (unresolved).
pub fn find(doc: &Document) -> Vec<Reference> {
    find_keeping(doc).0
}

/// What the finder keeps for [`find_after`]: the decisions about the whole
/// text that every reference depends on.
#[derive(Clone, Debug)]
pub struct Reuse {
    language: Language,
    /// The document has articles ("article 5" is then internal).
    has_articles: bool,
    /// The text is a list of the SDG goals and targets.
    sdg_list: bool,
    /// A line of the text starts with a letter target (`16.a`): without
    /// one, no list of the SDG goals and targets is looked for after an
    /// edit unless the edited lines start with one (see
    /// [`super::external::letter_target_lines`]).
    letter_targets: bool,
    /// The heading lines and number markers, where no reference was looked for.
    heading_spans: Vec<TextRange>,
    /// What the [`find_after`] that made this found again (`None`: a whole scan).
    found_again: Option<FoundAgain>,
}

/// The references a [`find_after`] found again; every other one is a
/// previous reference, as it was or moved by the change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundAgain {
    /// Their indices in the new list.
    pub refs: std::ops::Range<usize>,
    /// Where they were looked for (new text): the previous references
    /// starting there were dropped.
    pub text: TextRange,
    /// How far (new text) the references found again and those dropped reach.
    pub reach_end: usize,
}

impl Reuse {
    /// What the [`find_after`] that made this found again.
    pub fn found_again(&self) -> Option<&FoundAgain> {
        self.found_again.as_ref()
    }

    /// The heading spans, taken out to be dropped and counted (`cargo bench --bench memory`).
    #[doc(hidden)]
    pub fn take_heading_spans(&mut self) -> Vec<TextRange> {
        std::mem::take(&mut self.heading_spans)
    }
}

/// [`find`], and what a later [`find_after`] can reuse.
pub fn find_keeping(doc: &Document) -> (Vec<Reference>, Reuse) {
    find_keeping_given(doc, None)
}

/// [`find_keeping`], given the offsets of the line feeds of the masked text
/// when the parse found them ([`crate::syntax::Reuse::line_feeds`]).
pub fn find_keeping_given(doc: &Document, line_feeds: Option<&[u32]>) -> (Vec<Reference>, Reuse) {
    let all = TextRange::new(0, doc.masked.len());
    // (the pre-check of `sdg_list_numbers`, one pass over the lines: read
    // once, not again for the list)
    let letter_targets = match line_feeds {
        Some(feeds) => letter_target_lines_at(&doc.masked, feeds),
        None => letter_target_lines(&doc.masked, all),
    };
    let sdg_list = if letter_targets { sdg_list_numbers(&doc.masked) } else { Vec::new() };
    let reuse = Reuse {
        language: doc.language,
        has_articles: doc.has_articles(),
        sdg_list: !sdg_list.is_empty(),
        letter_targets,
        heading_spans: doc.heading_spans.clone(),
        found_again: None,
    };
    (find_in(doc, all, all, &sdg_list), reuse)
}

/// The references that start in `keep`, found by a scan of `scan` (which
/// holds `keep` and a margin on each side, for the context they are read in);
/// `sdg_list` holds the numbers of a list of SDG goals and targets.
fn find_in(doc: &Document, scan: TextRange, keep: TextRange, sdg_list: &[(TextRange, String)]) -> Vec<Reference> {
    find_in_with(doc, scan, keep, sdg_list, true)
}

/// The references found by a scan of `scan`, with the literal prefilters
/// or (`prefilter` false) every pattern run over the whole scan: for the
/// test that holds the two equal (`tests/prefilter_oracle.rs`).
#[doc(hidden)]
pub fn find_in_scan(doc: &Document, scan: TextRange, prefilter: bool) -> Vec<Reference> {
    let sdg_list = sdg_list_numbers(&doc.masked);
    find_in_with(doc, scan, scan, &sdg_list, prefilter)
}

/// [`find_in`], with the literal prefilters or (`prefilter` false, the
/// oracle of the tests) every pattern run over the whole scan.
fn find_in_with(doc: &Document, scan: TextRange, keep: TextRange, sdg_list: &[(TextRange, String)], prefilter: bool) -> Vec<Reference> {
    let masked = &*doc.masked;
    let mut finder = Finder {
        doc,
        t: tables(doc.language),
        scan: Scan { hay: &masked[..scan.end], from: scan.start, prefilter },
        refs: Vec::new(),
        entities: Vec::new(),
        taken: Taken::new(scan),
    };
    let first = doc.heading_spans.partition_point(|r| r.end < scan.start);
    for r in doc.heading_spans[first..].iter().take_while(|r| r.start <= scan.end) {
        finder.taken.push(*r);
    }
    finder.externals(sdg_list);
    finder.entities.sort_by_key(|e| e.phrase.start);
    finder.internals();
    let mut refs = finder.refs;
    refs.sort_by_key(|r| (r.range().start, r.range().end));
    attribution::coordinate(&mut refs, masked, finder.t);
    // (A reference is read within a paragraph: none spans a blank line.)
    refs.retain(|r| !across_paragraph_break(masked, r.range()));
    if keep.start > 0 || keep.end < masked.len() {
        refs.retain(|r| keep.start <= r.range().start && r.range().start < keep.end);
    }
    refs.sort_by_key(|r| (r.range().start, r.range().end));
    // The list is final (an analysis holds it): no spare capacity.
    refs.shrink_to_fit();
    refs
}

/// Whether `r` runs across a paragraph break (a blank line): `目标\n\n17.17`
/// is a heading and the number of the next paragraph, not target 17.17.
fn across_paragraph_break(masked: &str, r: TextRange) -> bool {
    let Some(text) = masked.get(r.start..r.end) else { return false };
    // A blank line inside: one that starts after a line break and ends at
    // another (no list of the lines is made: most references hold none).
    let Some(first) = memchr::memchr(b'\n', text.as_bytes()) else { return false };
    let mut rest = &text[first + 1..];
    while let Some(end) = memchr::memchr(b'\n', rest.as_bytes()) {
        if rest[..end].trim().is_empty() {
            return true;
        }
        rest = &rest[end + 1..];
    }
    false
}

/// One pass of the finder over a scan: what it has found so far.
struct Finder<'a> {
    doc: &'a Document,
    t: &'a Tables,
    scan: Scan<'a>,
    refs: Vec<Reference>,
    /// The external entities found, which can qualify internal references.
    entities: Vec<Entity>,
    /// What no other reference may overlap.
    taken: Taken,
}

/// How far the finder reads around a reference. Every look it takes while
/// reading one is bounded by one of these windows, and [`find_after`]
/// re-finds every reference that starts within [`Reach::BEFORE`] after a
/// change or [`Reach::AFTER`] before it (they may have read the changed
/// text): each window must fit in its margin, which is checked below at
/// compile time. Attribution reads through the same windows.
pub(crate) struct Reach;

impl Reach {
    /// How far after its start a reference, with what is read after it (its
    /// qualifiers, "of resolution 678 (1990)", an agenda item), can reach.
    pub(crate) const AFTER: usize = 1024;
    /// How far before its start a reference reads (the sentence, the
    /// entities before it, `ibid.`, the heading of the table it is in).
    pub(crate) const BEFORE: usize = 8192;
    /// The earliest start of the sentence a reference is read in.
    pub(crate) const SENTENCE: usize = 800;
    /// One qualifier after a reference ("of section II", "above"); up to
    /// [`Reach::QUALIFIERS`] of them are read one after another.
    pub(crate) const QUALIFIER: usize = 120;
    pub(crate) const QUALIFIERS: usize = 3;
    /// A text named after a reference ("of “The future we want”", "of the
    /// report of the Secretary-General (A/99/123)").
    pub(crate) const NAMED_TEXT: usize = 160;
    /// A short qualifier right before or after it (`成果文件草案`, "thereof").
    pub(crate) const SHORT: usize = 48;
    /// A citation that leads up to it (`(A/99/123, chap. II, para. 4)`, `ibid., paras.`).
    pub(crate) const CITATION: usize = 160;
    /// How far back `ibid.` looks for the document it repeats, and a table
    /// row for the heading that names the text its `(para. N)` cite.
    pub(crate) const ANTECEDENT: usize = 2048;
    /// How far back a row of a table looks for the heading that names the
    /// text its first cell quotes (rows of follow-up tables are long).
    pub(crate) const TABLE: usize = 8000;
    /// How far before and after a reference the bounds of its line are
    /// looked for (is it a table row's first cell, a footnote?): a line
    /// longer than that is neither, and reading further would reach past the
    /// margins an update re-reads.
    pub(crate) const LINE_BEFORE: usize = 4096;
    pub(crate) const LINE_AFTER: usize = 448;
}

impl Reach {
    /// How far past its end (its own words and the qualifiers it took in) a
    /// reference reads: the qualifiers one after another, then a named text
    /// or "thereof".
    pub(crate) const TAIL: usize = Reach::QUALIFIERS * Reach::QUALIFIER + Reach::NAMED_TEXT + Reach::SHORT;
}

const _: () = assert!(Reach::TAIL < Reach::AFTER);
const _: () = assert!(Reach::SENTENCE + Reach::ANTECEDENT <= Reach::BEFORE);
const _: () = assert!(Reach::CITATION + Reach::ANTECEDENT <= Reach::BEFORE);
const _: () = assert!(Reach::TABLE <= Reach::BEFORE);
const _: () = assert!(Reach::LINE_AFTER <= Reach::AFTER - Reach::TAIL && Reach::LINE_BEFORE <= Reach::TABLE);

/// A change larger than this is analysed afresh.
const MAX_CHANGE: usize = 64 * 1024;

/// The references of `doc`, which is the previous document after
/// `change`, reusing `prev` (the references of the previous document,
/// resolved or not, with what [`find_keeping`] kept of it) away from the
/// change: those well before it are kept, those well after it moved, and
/// the text in between is scanned again with the margins that every
/// reference is read in. The result equals [`find`] on `doc`. `None` when
/// the change is too large or alters what references everywhere depend on
/// (whether the document has articles or is a list of SDG targets), or moves
/// the tree's headings or sentence openings away from it. Given `prev`
/// owned, the references are moved, not copied. With them, what holds for
/// the next update.
pub fn find_after(prev: Cow<'_, [Reference]>, reuse: &Reuse, doc: &Document, change: TextChange) -> Option<(Vec<Reference>, Reuse)> {
    let masked = &*doc.masked;
    if reuse.language != doc.language
        || change.old_end - change.start > MAX_CHANGE
        || change.new_end - change.start > MAX_CHANGE
        || reuse.has_articles != doc.has_articles()
        || reuse.sdg_list
    {
        return None;
    }
    // Offsets taken to whole lines (so on character boundaries).
    let bytes = masked.as_bytes();
    let line_start = |at: usize| memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
    let line_end = |at: usize| memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i + 1);
    // A list of the SDG goals and targets needs a line starting with a
    // letter target: in a text without one before, only the edited lines
    // (which the masking changed, whole) can have brought one.
    let letter_targets = if reuse.letter_targets {
        letter_target_lines(masked, TextRange::new(0, masked.len()))
    } else {
        let edited = TextRange::new(line_start(change.start).saturating_sub(1), line_end(change.new_end));
        letter_target_lines(masked, edited)
    };
    if letter_targets && !sdg_list_numbers(masked).is_empty() {
        return None;
    }
    // Kept as they were: the references starting before `keep.start`, which
    // lies far enough before the change that nothing they read changed.
    let mut keep_start = line_start(change.start.saturating_sub(Reach::AFTER));
    let mut before = prev.partition_point(|r| r.range().start < keep_start);
    while before > 0 && prev[before - 1].range().end + Reach::TAIL > keep_start {
        keep_start = line_start(prev[before - 1].range().start);
        before = prev.partition_point(|r| r.range().start < keep_start);
    }
    // Moved: those starting at or after `keep.end`, far enough after it.
    let keep_end = line_end((change.new_end + Reach::BEFORE).min(masked.len()));
    let after = prev.partition_point(|r| r.range().start < keep_end - change.new_end + change.old_end);
    let scan = TextRange::new(line_start(keep_start.saturating_sub(Reach::BEFORE)), line_end((keep_end + Reach::AFTER).min(masked.len())));
    let found = find_in(doc, scan, TextRange::new(keep_start, keep_end), &[]);
    // A reference as long as the margins is no reference this can vouch for.
    if found.iter().any(|r| r.range().end + Reach::TAIL > scan.end && scan.end < masked.len()) {
        return None;
    }
    // The references kept were found around the old headings: those before
    // and after the window must be where they were (the tree builder can
    // move them far from an edit).
    let keep_end_old = keep_end - change.new_end + change.old_end;
    let before_window = |r: &&TextRange| r.start < keep_start;
    let moved = |r: &TextRange| (r.start >= change.old_end).then(|| change.moved_range(*r));
    let old_after: Option<Vec<TextRange>> = reuse.heading_spans.iter().filter(|r| r.end > keep_end_old).map(moved).collect();
    if !reuse.heading_spans.iter().filter(before_window).eq(doc.heading_spans.iter().filter(before_window))
        || old_after.is_none_or(|old| !old.iter().eq(doc.heading_spans.iter().filter(|r| r.end > keep_end)))
    {
        return None;
    }
    // The references kept read their sentences with floors from the old
    // tree (node openings); an edit can move an opening far away from it (a
    // heading typed before a long paragraph). Then everything is read again.
    let same_floor =
        |r: &Reference, map: &dyn Fn(usize) -> usize| r.keeps_sentence_floor(map, |at| attribution::sentence_floor(doc, masked, at));
    if !prev[..before].iter().all(|r| same_floor(r, &|o| o)) || !prev[after..].iter().all(|r| same_floor(r, &|o| change.moved(o))) {
        return None;
    }
    let at_new = |o: usize| {
        if o >= change.old_end {
            change.moved(o)
        } else if o <= change.start {
            o
        } else {
            change.new_end
        }
    };
    let dropped = prev[before..after].iter().map(|r| at_new(r.range().end));
    let reach_end = dropped.chain(found.iter().map(|r| r.range().end)).fold(keep_end, usize::max);
    let found_again = FoundAgain { refs: before..before + found.len(), text: TextRange::new(keep_start, keep_end), reach_end };
    let mut refs = prev.into_owned();
    for r in &mut refs[after..] {
        r.move_ranges(|range| change.moved_range(range));
    }
    // (grown exactly, not doubled: the list is held until the next edit)
    refs.reserve_exact(found.len().saturating_sub(after - before));
    refs.splice(before..after, found);
    // What holds for the new text (the same decisions, the new headings).
    Some((refs, Reuse { heading_spans: doc.heading_spans.clone(), found_again: Some(found_again), letter_targets, ..reuse.clone() }))
}

/// Where a pass of the finder looks: `hay` is the masked text up to the end
/// of the scan (matches are cut there), and matches start at `from` or
/// later (what is before `from` still counts as context: `\b`).
struct Scan<'h> {
    hay: &'h str,
    from: usize,
    /// Whether patterns that end with a word are run only around its
    /// occurrences ([`super::prefilter`]); the same matches as without.
    prefilter: bool,
}

impl<'h> Scan<'h> {
    fn text(&self) -> &'h str {
        &self.hay[self.from..]
    }

    fn covers(&self, r: TextRange) -> bool {
        self.from <= r.start && r.end <= self.hay.len()
    }

    /// Successive non-overlapping matches, as `Regex::captures_iter` gives
    /// them (the patterns never match the empty string; if one did, the
    /// search moves on by a character).
    fn captures<'r>(&self, re: &'r Regex) -> impl Iterator<Item = Captures<'h>> + 'r
    where
        'h: 'r,
    {
        let hay = self.hay;
        let mut at = Some(self.from);
        let prefilter = if self.prefilter { super::prefilter::for_pattern(re) } else { None };
        let mut run = (0, 0);
        std::iter::from_fn(move || {
            let c = match prefilter {
                Some(p) => p.captures_at(re, hay, at?, &mut run)?,
                None => re.captures_at(hay, at?)?,
            };
            let m = c.get(0)?;
            at = next_start(hay, m);
            Some(c)
        })
    }

    fn matches<'r>(&self, re: &'r Regex) -> impl Iterator<Item = regex::Match<'h>> + 'r
    where
        'h: 'r,
    {
        let hay = self.hay;
        let mut at = Some(self.from);
        let prefilter = if self.prefilter { super::prefilter::for_pattern(re) } else { None };
        let mut run = (0, 0);
        std::iter::from_fn(move || {
            let m = match prefilter {
                Some(p) => p.find_at(re, hay, at?, &mut run)?,
                None => re.find_at(hay, at?)?,
            };
            at = next_start(hay, m);
            Some(m)
        })
    }
}

impl<'h> Scan<'h> {
    /// [`Scan::matches`] of `full`, a pattern `\b(?:the\s+)?(?P<name>…)`,
    /// found through `name` (the same without the article, whose every
    /// alternative starts with a letter or a digit): the next name first,
    /// then `full` from the article before it, if any. The same matches,
    /// without stopping at every "the" of the text. A match of `full`
    /// starts at a name or at an article right before one (a name cannot
    /// start inside "the" or the blanks after it), so none starts between
    /// the search position and the article before the next name.
    fn matches_after_article<'r>(
        &self,
        full: &'r crate::lang::tables::Pattern,
        name: Option<&'r Regex>,
    ) -> Box<dyn Iterator<Item = TextRange> + 'r>
    where
        'h: 'r,
    {
        let Some(name) = name else { return Box::new(self.matches(full.regex()).map(|m| span(0, m))) };
        let hay = self.hay;
        let mut at = Some(self.from);
        Box::new(std::iter::from_fn(move || {
            let from = at?;
            let n = name.find_at(hay, from)?;
            let blanks = hay[from..n.start()].trim_end_matches(char::is_whitespace);
            let before = from + blanks.len();
            let m = if before < n.start() && blanks.ends_with("the") {
                // `full` from the article: the article and the name when the
                // article is a word of its own (`\b` before it), the name
                // alone otherwise (read from the same position, the name's
                // alternatives end where `name`'s did, unless the name itself
                // starts with an article: searched again).
                let word_before = before > 3 && is_ascii_word(hay.as_bytes()[before - 4]);
                if starts_with_article(&hay[n.start()..]) {
                    span(0, full.regex().find_at(hay, before - 3)?)
                } else if word_before {
                    span(0, n)
                } else {
                    TextRange::new(before - 3, n.end())
                }
            } else if starts_with_article(&hay[n.start()..]) {
                span(0, full.regex().find_at(hay, n.start())?)
            } else {
                // No article before the name: `full` matches where `name`
                // does, the same way.
                span(0, n)
            };
            at = next_start_range(hay, m);
            Some(m)
        }))
    }
}

/// `[0-9A-Za-z_]`: a word byte for an ASCII word boundary (`(?-u:\b)`).
fn is_ascii_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether `s` starts with the article `the` and a blank (where `full`'s
/// optional article could match too).
fn starts_with_article(s: &str) -> bool {
    s.strip_prefix("the").and_then(|rest| rest.chars().next()).is_some_and(char::is_whitespace)
}

/// Where the search after the match `m` starts (a character further on
/// after an empty match).
fn next_start_range(hay: &str, m: TextRange) -> Option<usize> {
    if m.end > m.start {
        return Some(m.end);
    }
    hay[m.end..].chars().next().map(|c| m.end + c.len_utf8())
}

/// `s` with its words joined by one space (as `split_whitespace` and
/// `join(" ")` would), copied once.
fn single_spaced(s: &str) -> String {
    // No byte that is or can start a blank (`char::is_whitespace`: the
    // controls and the space, U+0085 and U+00A0 after 0xC2, U+1680 after
    // 0xE1, U+2000–U+205F after 0xE2, U+3000 after 0xE3): one word, as it
    // is (most Chinese names of instruments).
    if !s.bytes().any(|b| b <= b' ' || matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3)) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn next_start(hay: &str, m: regex::Match<'_>) -> Option<usize> {
    next_start_range(hay, span(0, m))
}

impl Finder<'_> {
    fn externals(&mut self, sdg_list: &[(TextRange, String)]) {
        let Finder { doc, t, ref scan, ref mut refs, ref mut entities, ref mut taken } = *self;
        let masked = &*doc.masked;
        // Rules of procedure first: "议事规则第 4 条" is one reference.
        for c in scan.captures(&t.rule_of_procedure) {
            let (Some(whole), Some(num)) = (c.get(0), c.name("num")) else { continue };
            let r = span(0, whole);
            if overlaps(taken, r) {
                continue;
            }
            let n = parse_digits(num.as_str()).or_else(|| parse_chinese(num.as_str())).unwrap_or(0);
            let mut e = External::new(ExternalKind::RuleOfProcedure, n.to_string());
            e.of = Some(Box::new(External::new(ExternalKind::Instrument, "rules of procedure")));
            taken.push(r);
            entities.push(Entity { phrase: r, external: e.clone(), in_words: false });
            refs.push(Reference::external(r, e));
        }
        // Document symbols.
        let symbols = if scan.text().contains('/') { Some(scan.matches(symbol_pattern())) } else { None };
        for m in symbols.into_iter().flatten() {
            // The match may start with the character before the organ letter.
            let whole = m.as_str();
            let skip = whole.char_indices().find(|(_, ch)| ch.is_ascii_uppercase() || *ch == '$').map(|(i, _)| i).unwrap_or(0);
            let start = m.start() + skip;
            let written = whole[skip..].trim_end_matches(['.', '*']);
            if !written.contains('/') || !written.chars().any(|ch| ch.is_ascii_digit()) {
                continue;
            }
            let r = TextRange::new(start, start + written.len());
            if overlaps(taken, r) {
                continue;
            }
            let id: String = written.chars().filter(|ch| !ch.is_whitespace()).collect();
            let e = External::new(ExternalKind::DocumentSymbol, id);
            let mut reference = Reference::external(r, e.clone());
            if let Some(p) = symbol_problem(written) {
                reference.set_problem(Problem::MalformedSymbol(p));
            }
            taken.push(r);
            entities.push(Entity { phrase: r, external: e, in_words: false });
            refs.push(reference);
        }
        // Resolutions, one reference per number in a list.
        let [list_group, organ_group, organ2_group] = ["list", "organ", "organ2"].map(|name| group_index(&t.resolution_list, name));
        for c in scan.captures(&t.resolution_list) {
            let (Some(whole), Some(list)) = (c.get(0), c.get(list_group)) else { continue };
            let phrase = span(0, whole);
            if overlaps(taken, phrase) {
                continue;
            }
            // The organ before the number ("Security Council resolution") or after
            // it ("résolution 2370 (2017) du Conseil de sécurité").
            let organ = c.get(organ_group).or_else(|| c.get(organ2_group)).map(|o| o.as_str()).unwrap_or("");
            let folded = if organ.is_ascii() { std::borrow::Cow::Borrowed(organ) } else { std::borrow::Cow::Owned(fold_arabic(organ)) };
            let is = |words: &[&str]| !organ.is_empty() && words.iter().any(|w| *w == organ || fold_arabic(w) == *folded);
            let sc = is(t.data.security_council_words);
            let other_organ = is(t.data.other_organs);
            let numbers: Vec<TextRange> = t.resolution_number.find_iter(list.as_str()).map(|m| span(list.start(), m)).collect();
            let single = numbers.len() == 1;
            for (i, n) in numbers.iter().enumerate() {
                let written = &masked[n.start..n.end];
                let range = if single {
                    phrase
                } else if i == 0 {
                    TextRange::new(phrase.start, n.end)
                } else {
                    *n
                };
                let reference = match classify_resolution(written, sc) {
                    Ok((_, id)) if other_organ => {
                        let mut e = External::new(ExternalKind::OtherResolution, id);
                        e.of = Some(Box::new(External::new(ExternalKind::Instrument, organ)));
                        entities.push(Entity { phrase, external: e.clone(), in_words: false });
                        Reference::external(range, e)
                    }
                    Ok((kind, id)) => {
                        let e = External::new(kind, id);
                        entities.push(Entity { phrase, external: e.clone(), in_words: false });
                        Reference::external(range, e)
                    }
                    Err(msg) => {
                        let kind = if sc { ExternalKind::SecurityCouncilResolution } else { ExternalKind::GeneralAssemblyResolution };
                        let e = External::new(kind, written.split_whitespace().collect::<Vec<_>>().join(" "));
                        // Still the text cited: it qualifies what follows it.
                        entities.push(Entity { phrase, external: e.clone(), in_words: false });
                        let mut r = Reference::external(range, e);
                        r.set_problem(Problem::MalformedResolution(msg));
                        r
                    }
                };
                refs.push(reference);
            }
            taken.push(phrase);
        }
        // Older texts write the number in numerals of the language
        // (`决议案四十六(一九四八)`, `第一百九十四(三)号决议`): read as digits.
        for c in scan.captures(&t.resolution_in_numerals) {
            let (Some(whole), Some(num)) = (c.get(0), c.name("num")) else { continue };
            let phrase = span(0, whole);
            let worded = c.name("head").is_some_and(|h| !h.as_str().trim_start().starts_with('第'));
            if (!worded && c.name("tail").is_none()) || overlaps(taken, phrase) {
                continue;
            }
            let Some(number) = crate::lang::numerals::parse_chinese_positional(num.as_str()).or_else(|| parse_chinese(num.as_str())) else {
                continue;
            };
            let inner = match (c.name("year"), c.name("session")) {
                (Some(y), _) => crate::lang::numerals::parse_chinese_positional(y.as_str()).map(|y| y.to_string()),
                (None, Some(s)) => parse_chinese(s.as_str()).map(crate::lang::numerals::to_roman),
                _ => None,
            };
            let Some(inner) = inner else { continue };
            let organ = c.name("organ").map(|o| o.as_str()).unwrap_or("");
            let sc = t.data.security_council_words.contains(&organ) || organ == "安理会";
            let Ok((kind, id)) = classify_resolution(&format!("{number} ({inner})"), sc) else { continue };
            let e = External::new(kind, id);
            entities.push(Entity { phrase, external: e.clone(), in_words: false });
            refs.push(Reference::external(phrase, e));
            taken.push(phrase);
        }
        for c in scan.captures(&t.resolution_without_year) {
            let (Some(whole), Some(num)) = (c.get(0), c.name("num")) else { continue };
            let r = TextRange::new(whole.start(), num.end() + if doc.language == crate::lang::Language::Zh { "号决议".len() } else { 0 });
            let r = TextRange::new(r.start, r.end.min(whole.end()));
            if overlaps(taken, r) {
                continue;
            }
            let mut reference = Reference::external(r, External::new(ExternalKind::SecurityCouncilResolution, num.as_str()));
            reference.set_problem(Problem::MalformedResolution(format!(
                "Security Council resolution {} is cited without its year: write `{} (YYYY)`",
                num.as_str(),
                num.as_str()
            )));
            taken.push(r);
            refs.push(reference);
        }
        // Named instruments.
        // (the Chinese pattern is read without the regex engine: the same
        // matches, see `chinese_instrument`; the scan without prefilters,
        // the oracle of `tests/prefilter_oracle.rs`, keeps the regex)
        let instruments = if scan.prefilter && t.instrument.as_str() == super::chinese_instrument::PATTERN {
            Box::new(super::chinese_instrument::instruments(scan.hay, scan.from))
        } else {
            scan.matches_after_article(&t.instrument, t.instrument_name.as_deref())
        };
        for r in instruments {
            if overlaps(taken, r) {
                continue;
            }
            let whole = &masked[r.start..r.end];
            // A name inside a longer word is no name ("Carta" in "Cartagena").
            let wordy = |c: char| c.is_alphanumeric() && !('\u{2E80}'..='\u{9FFF}').contains(&c);
            if whole.chars().last().is_some_and(wordy) && masked[r.end..].chars().next().is_some_and(wordy) {
                continue;
            }
            let name = whole.strip_prefix("the ").or_else(|| whole.strip_prefix("The ")).unwrap_or(whole);
            let id = single_spaced(name.trim_start_matches('《').trim_end_matches('》'));
            let e = External::new(ExternalKind::Instrument, id);
            taken.push(r);
            entities.push(Entity { phrase: r, external: e.clone(), in_words: false });
            refs.push(Reference::external(r, e));
        }
        // Texts named in words ("the report of the Secretary-General", "his
        // report"): not references of their own, but they qualify those near them.
        // (the match is its `name` group: no captures needed, see the test
        // `named_text_is_its_name`)
        for name in scan.matches(&t.named_text) {
            let r = span(0, name);
            if overlaps(taken, r) {
                continue;
            }
            let id = name.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
            entities.push(Entity { phrase: r, external: External::new(ExternalKind::Instrument, id), in_words: true });
        }
        // "Ibid.": the text cited last before it (looked for within
        // `Reach::ANTECEDENT`), which can qualify a reference after it.
        let mut ibids: Vec<TextRange> = scan.matches(&t.ibid).map(|m| span(0, m)).collect();
        if !ibids.is_empty() {
            entities.sort_by_key(|e| e.phrase.start);
            ibids.retain(|r| !overlaps(taken, *r));
            let mut found: Vec<Entity> = Vec::new();
            for r in ibids {
                // Only the entities that start within the look-back (and the
                // ibid. before it) can be the text it repeats.
                let upto = entities.partition_point(|e| e.phrase.start < r.start);
                let near = entities[..upto].iter().rev().take_while(|e| e.phrase.start + Reach::ANTECEDENT >= r.start);
                let cited = near.chain(found.last()).filter(|e| e.phrase.end <= r.start).max_by_key(|e| e.phrase.end);
                let external = match cited.filter(|e| e.phrase.end + Reach::ANTECEDENT >= r.start) {
                    Some(e) => e.external.clone(),
                    None => External::new(ExternalKind::Instrument, masked[r.start..r.end].to_string()),
                };
                found.push(Entity { phrase: r, external, in_words: true });
            }
            entities.extend(found);
        }
        // SDG goals, targets and indicators.
        let [kw_group, num_group] = ["kw", "num"].map(|name| group_index(&t.sdg, name));
        for c in scan.captures(&t.sdg) {
            let (Some(kw), Some(num)) = (c.get(kw_group), c.get(num_group)) else { continue };
            let start = c.get(0).map(|m| m.start()).unwrap_or(kw.start());
            let r = TextRange::new(start, num.end());
            if overlaps(taken, r) || across_paragraph_break(masked, r) {
                continue;
            }
            // "16.4"; Arabic writes "16-4".
            let canonical = canonical_sdg_number(num.as_str());
            let number = canonical.as_str();
            let kw = kw.as_str().to_lowercase();
            // "the Millennium Development Goals 6": a footnote, not an SDG.
            let (_, before) = window_before(masked, start, 40);
            if before.trim_end().ends_with("Millennium Development") || before.trim_end().ends_with("千年发展") {
                continue;
            }
            // A plural keyword needs a list: "Goals 1 and 2", "targets 3.1 to 3.3".
            if kw.ends_with('s') && !kw.ends_with("ss") {
                let after = window_after(masked, num.end(), 16);
                // "Goals 1 and 2", "cibles 3.1 et 3.2", "metas 3.1 a 3.3", "targets 3.1, 3.2".
                let digit = after.find(|ch: char| ch.is_ascii_digit()).unwrap_or(after.len());
                let gap = &after[..digit];
                let word = gap.trim().trim_start_matches(',').trim();
                let list_follows = digit < after.len()
                    && gap.starts_with([' ', ','])
                    && (gap.trim() == "," || ["and", "or", "to", "et", "ou", "à", "y", "o", "a", "e", "u"].contains(&word));
                if !list_follows {
                    continue;
                }
            }
            // A bare "goal 3" outside SDG wording in English is too loose: keep
            // goals only when written with a capital or the SDG words.
            if kw == "goal" && !c.get(0).is_some_and(|m| m.as_str().starts_with("Sustainable")) && number.contains('.') {
                continue;
            }
            let reference = match classify_sdg(number) {
                Ok(kind) => Reference::external(r, External::new(kind, number)),
                Err(msg) => {
                    let kind = if number.contains('.') { ExternalKind::SdgTarget } else { ExternalKind::SdgGoal };
                    let mut reference = Reference::external(r, External::new(kind, number));
                    reference.set_problem(Problem::UnknownSdgTarget(msg));
                    reference
                }
            };
            taken.push(r);
            refs.push(reference);
        }
        // The numbers of a list of the Goals and targets ("16.4 By 2030, …").
        let sdg_refs: Vec<TextRange> = refs.iter().filter(|r| is_sdg(r)).map(|r| r.range()).collect();
        for (r, number) in sdg_list.iter().filter(|(r, _)| scan.covers(*r)).cloned() {
            if sdg_refs.iter().any(|s| s.start < r.end && r.start < s.end) {
                continue;
            }
            let kind = if number.contains('.') { ExternalKind::SdgTarget } else { ExternalKind::SdgGoal };
            let mut reference = Reference::external(r, External::new(kind, number.clone()));
            if let Err(msg) = classify_sdg(&number) {
                reference.set_problem(Problem::UnknownSdgTarget(msg));
            }
            taken.push(r);
            refs.push(reference);
        }
    }
}

fn is_sdg(r: &Reference) -> bool {
    matches!(r.kind, RefKind::External(ExternalKind::SdgGoal | ExternalKind::SdgTarget | ExternalKind::SdgIndicator))
}

/// The index of `re`'s group `name`, or one past its groups when it has
/// none (which `Captures::get` reads as no match): looked up once per
/// pattern and search, where `Captures::name` hashes the name at every call.
fn group_index(re: &Regex, name: &str) -> usize {
    re.capture_names().position(|n| n == Some(name)).unwrap_or(usize::MAX)
}

/// The groups of [`number_tokens`], by index (`number_token_groups` holds
/// them to the pattern's names).
const TOKEN_NUM: usize = 1;
const TOKEN_SUB: usize = 2;
const TOKEN_RANGE: usize = 3;

/// Tokens of a list of numbers: "3 to 5", "8 (a) (ii)", "6和7", "3至5".
fn number_tokens() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // `(a)`, `a)` (French, Spanish), `(أ)` (Arabic); ranges in every language.
        Regex::new(r"(?P<num>[0-9\x{660}-\x{669}]{1,4}(?:[A-Z]?\.(?:[IVX]{1,4}\.)?[0-9]{1,3})?)|[(（]?(?P<sub>[a-z]{1,5}|[\x{621}-\x{64A}][\x{640}\x{64B}-\x{65F}]*)[)）]|(?P<range>\bto\b|\bthrough\b|\bà\b|\ba\b|\bal\b|\bдо\b|\bпо\b|إلى|[-–—‑‐至到])")
            .expect("number token pattern")
    })
}

struct Item {
    paragraph: Option<(u32, TextRange)>,
    subs: Vec<(String, TextRange)>,
    through: bool,
    range: TextRange,
}

/// Whether only blanks stand between the start of its line and `offset`.
fn starts_line(masked: &str, offset: usize) -> bool {
    for c in masked[..offset].chars().rev() {
        match c {
            '\n' | '\r' => return true,
            ' ' | '\t' | '\u{3000}' => {}
            _ => return false,
        }
    }
    true
}

fn list_items(masked: &str, nums: TextRange) -> Vec<Item> {
    let text = &masked[nums.start..nums.end];
    let mut items: Vec<Item> = Vec::new();
    let mut pending_through = false;
    let mut last_end = 0;
    for c in number_tokens().captures_iter(text) {
        // "(a) and (b)": a separator between two markers starts a new item.
        let gap = &text[last_end..c.get(0).map(|m| m.start()).unwrap_or(last_end)];
        // Anything but blanks between two markers separates them: ",", "and", "et", "و", "和".
        let separated = !gap.trim().is_empty();
        last_end = c.get(0).map(|m| m.end()).unwrap_or(last_end);
        if let Some(m) = c.get(TOKEN_NUM) {
            let r = span(nums.start, m);
            items.push(Item {
                // `7.1`: a decimal number, resolved by how it is written.
                paragraph: Some((parse_digits(m.as_str().split('.').next().unwrap_or("")).unwrap_or(0), r)),
                subs: Vec::new(),
                through: pending_through,
                range: r,
            });
            pending_through = false;
        } else if let Some(m) = c.get(TOKEN_SUB) {
            let r = span(nums.start, m);
            let whole = c.get(0).map(|w| span(nums.start, w)).unwrap_or(r);
            match items.last_mut() {
                Some(item) if !pending_through && !separated => {
                    item.subs.push((m.as_str().to_string(), r));
                    item.range = item.range.cover(whole);
                }
                // "paragraph 1 (a), (b) and (c)", "1 (a) to (c)": a label
                // after a paragraph's label is a sibling of that label, in
                // the same paragraph.
                Some(item) if item.paragraph.is_some() && !item.subs.is_empty() => {
                    let mut subs = item.subs.clone();
                    subs.pop();
                    subs.push((m.as_str().to_string(), r));
                    let paragraph = item.paragraph;
                    items.push(Item { paragraph, subs, through: pending_through, range: whole });
                    pending_through = false;
                }
                _ => {
                    items.push(Item { paragraph: None, subs: vec![(m.as_str().to_string(), r)], through: pending_through, range: whole });
                    pending_through = false;
                }
            }
        } else if c.get(TOKEN_RANGE).is_some() {
            pending_through = true;
        }
    }
    items
}

impl Finder<'_> {
    fn internals(&mut self) {
        let Finder { doc, t, ref scan, ref mut refs, ref entities, ref mut taken } = *self;
        let masked = &*doc.masked;
        let cx = Context { doc, masked, t, entities };
        let has_articles = doc.has_articles();
        // Paragraph references.
        let mut at = scan.from;
        let groups = ParagraphGroups::of(&t.paragraph_reference);
        while let Some(c) = t.paragraph_reference.captures_at(scan.hay, at) {
            let (Some(whole), Some(nums)) = (c.get(0), c.get(groups.nums)) else { break };
            at = whole.end();
            let phrase = span(0, whole);
            if overlaps(taken, phrase) {
                // "… of section II, paragraph 1 of section I": the optional
                // "section II, " prefix belongs to the reference before; the
                // reference itself starts at its keyword.
                if let Some(kw) = c.get(groups.kw).or_else(|| c.get(groups.subkw)).filter(|k| k.start() > whole.start()) {
                    if !overlaps(taken, TextRange::new(kw.start(), whole.end())) {
                        at = kw.start();
                    }
                }
                continue;
            }
            // `пункт 118 повестки дня`: an agenda item, not a paragraph.
            if t.paragraph_exclusion_after.is_match(window_after(masked, phrase.end, 64)) {
                continue;
            }
            taken.push(phrase);
            let before = refs.len();
            paragraph_reference(&cx, &c, &groups, phrase, span(0, nums), refs);
            // The qualifiers it took in ("of section II", "above") are part of it.
            for r in &refs[before..] {
                taken.push(r.range());
            }
        }
        // Section and chapter references.
        for c in scan.captures(&t.section_reference) {
            if let Some(sub) = c.name("subonly") {
                subsection_of_this_section(&cx, c.get(0).map_or(sub.start(), |m| m.start()), sub, refs, taken);
                continue;
            }
            let (Some(whole), Some(sec)) = (c.get(0), c.name("sec")) else { continue };
            let phrase = span(0, whole);
            if overlaps(taken, phrase) {
                continue;
            }
            let Some(value) = parse_section_numeral(sec.as_str()) else { continue };
            taken.push(phrase);
            let mut target = InternalTarget { section: Some(value), ..InternalTarget::default() };
            let mut numbers = vec![NumberSpan { role: NumberRole::Section, span: span(0, sec), value }];
            let mut kind = RefKind::Section;
            let mut first_end = sec.end();
            if let Some(sub) = c.name("sub") {
                let v = crate::lang::numerals::parse_letter(sub.as_str()).unwrap_or(0);
                target.subsection = Some(v);
                numbers.push(NumberSpan { role: NumberRole::Subsection, span: span(0, sub), value: v });
                kind = RefKind::Subsection;
                first_end = sub.end();
            }
            let q = attribution::qualifiers(&cx, phrase);
            let mut items = vec![ListItem { range: TextRange::new(phrase.start, first_end), kind, target, numbers, through: false }];
            for (range, value, through) in c.name("more").map(|m| roman_list(m.as_str(), m.start())).unwrap_or_default() {
                let target = InternalTarget { section: Some(value), ..InternalTarget::default() };
                let numbers = vec![NumberSpan { role: NumberRole::Section, span: range, value }];
                items.push(ListItem { range, kind: RefKind::Section, target, numbers, through });
            }
            push_list(refs, phrase, items, q, masked);
        }
        // Annex references.
        for c in scan.captures(&t.annex_reference) {
            let Some(whole) = c.get(0) else { continue };
            let phrase = span(0, whole);
            if overlaps(taken, phrase) {
                continue;
            }
            // "Annex II: articles 2 (2) and 6 (3)" opening a line: the label
            // of a list of another text's provisions (a mandates table under
            // the instrument's name), not a cross-reference. The document's
            // own annex headings are headings, not text.
            if starts_line(masked, phrase.start) && masked[phrase.end..].trim_start_matches([' ', '\t']).starts_with([':', '：']) {
                continue;
            }
            taken.push(phrase);
            let mut numbers = Vec::new();
            let spec = match c.name("annex") {
                Some(a) => {
                    let v = parse_section_numeral(a.as_str()).unwrap_or(0);
                    numbers.push(NumberSpan { role: NumberRole::Annex, span: span(0, a), value: v });
                    AnnexSpec::Numbered(v)
                }
                None => AnnexSpec::Sole,
            };
            let first_end = c.name("annex").map_or(phrase.end, |a| a.end());
            let target = InternalTarget { annex: Some(spec), ..InternalTarget::default() };
            let mut q = attribution::qualifiers(&cx, phrase);
            // (`本决议附件一`: the present resolution's annex I)
            if c.name("present").or_else(|| c.name("presentn")).is_some() {
                q.external = None;
                q.evidence = true;
            }
            let mut items =
                vec![ListItem { range: TextRange::new(phrase.start, first_end), kind: RefKind::Annex, target, numbers, through: false }];
            for (range, value, through) in c.name("more").map(|m| roman_list(m.as_str(), m.start())).unwrap_or_default() {
                let target = InternalTarget { annex: Some(AnnexSpec::Numbered(value)), ..InternalTarget::default() };
                let numbers = vec![NumberSpan { role: NumberRole::Annex, span: range, value }];
                items.push(ListItem { range, kind: RefKind::Annex, target, numbers, through });
            }
            push_list(refs, phrase, items, q, masked);
        }
        // Articles: internal only in a document that has articles.
        for c in scan.captures(&t.article_reference) {
            let (Some(whole), Some(nums)) = (c.get(0), c.name("nums")) else { continue };
            let phrase = span(0, whole);
            if overlaps(taken, phrase) {
                continue;
            }
            let q = attribution::qualifiers(&cx, phrase);
            if q.external.is_none() && !has_articles {
                continue;
            }
            taken.push(phrase);
            // 第五十一条, "article premier", or digits.
            let word = parse_chinese(nums.as_str()).or_else(|| crate::lang::numerals::parse_number_word(nums.as_str()).filter(|&v| v > 0));
            let values: Vec<(u32, TextRange)> = if let Some(v) = word {
                vec![(v, span(0, nums))]
            } else {
                number_tokens()
                    .captures_iter(nums.as_str())
                    .filter_map(|cc| cc.get(TOKEN_NUM).map(|m| (parse_digits(m.as_str()).unwrap_or(0), span(nums.start(), m))))
                    .collect()
            };
            for (i, (v, sp)) in values.iter().enumerate() {
                let range = if i == 0 { TextRange::new(phrase.start, sp.end.max(phrase.start)) } else { *sp };
                let range = if values.len() == 1 { phrase } else { range };
                let target = InternalTarget { article: Some(*v), ..InternalTarget::default() };
                let numbers = vec![NumberSpan { role: NumberRole::Article, span: *sp, value: *v }];
                let q2 = Qualifiers {
                    external: q.external.clone(),
                    end: q.end,
                    floor: q.floor,
                    qualifier: q.qualifier,
                    evidence: q.evidence,
                    ..Qualifiers::default()
                };
                push_internal(refs, range, RefKind::Article, target, numbers, q2, masked);
            }
        }
    }
}

/// The groups of a table's `paragraph_reference` pattern, by index.
struct ParagraphGroups {
    nums: usize,
    kw: usize,
    subkw: usize,
    unit: usize,
    sec: usize,
    sub: usize,
    annexword: usize,
    annex: usize,
}

impl ParagraphGroups {
    fn of(re: &Regex) -> ParagraphGroups {
        let g = |name| group_index(re, name);
        ParagraphGroups {
            nums: g("nums"),
            kw: g("kw"),
            subkw: g("subkw"),
            unit: g("unit"),
            sec: g("sec"),
            sub: g("sub"),
            annexword: g("annexword"),
            annex: g("annex"),
        }
    }
}

/// One paragraph reference phrase: a reference per item of its list.
fn paragraph_reference(
    cx: &Context<'_>,
    c: &Captures<'_>,
    groups: &ParagraphGroups,
    phrase: TextRange,
    nums: TextRange,
    refs: &mut Vec<Reference>,
) {
    let masked = cx.masked;
    let kw = c.get(groups.kw).map(|m| m.as_str()).unwrap_or("");
    let unit = c.get(groups.unit).map(|m| m.as_str()).unwrap_or("");
    let sub_kind = kw.to_lowercase().starts_with("subparagraph") || unit == "分段" || c.get(groups.subkw).is_some();
    let mut prefix_numbers = Vec::new();
    let mut base = InternalTarget::default();
    if let Some(sec) = c.get(groups.sec) {
        if let Some(v) = parse_section_numeral(sec.as_str()) {
            base.section = Some(v);
            prefix_numbers.push(NumberSpan { role: NumberRole::Section, span: span(0, sec), value: v });
        }
    }
    if let Some(sub) = c.get(groups.sub) {
        if let Some(v) = crate::lang::numerals::parse_letter(sub.as_str()) {
            base.subsection = Some(v);
            prefix_numbers.push(NumberSpan { role: NumberRole::Subsection, span: span(0, sub), value: v });
        }
    }
    if c.get(groups.annexword).is_some() {
        base.annex = Some(match c.get(groups.annex).filter(|a| !a.as_str().is_empty()) {
            Some(a) => {
                let v = parse_section_numeral(a.as_str()).unwrap_or(0);
                prefix_numbers.push(NumberSpan { role: NumberRole::Annex, span: span(0, a), value: v });
                AnnexSpec::Numbered(v)
            }
            None => AnnexSpec::Sole,
        });
    }
    let q = attribution::qualifiers(cx, phrase);
    let items = list_items(masked, nums);
    let single = items.len() == 1;
    for (i, item) in items.iter().enumerate() {
        let mut target = base.clone();
        let mut numbers = prefix_numbers.clone();
        if let Some((v, sp)) = item.paragraph {
            target.paragraph = Some(v);
            let written = &masked[sp.start..sp.end];
            target.decimal = written.contains('.').then(|| written.to_string());
            numbers.push(NumberSpan { role: NumberRole::Paragraph, span: sp, value: v });
        }
        for (letters, sp) in &item.subs {
            target.subparagraphs.push(letters.clone());
            numbers.push(NumberSpan { role: NumberRole::Subparagraph, span: *sp, value: 0 });
        }
        let kind = if sub_kind || (!item.subs.is_empty() && item.paragraph.is_none()) { RefKind::Subparagraph } else { RefKind::Paragraph };
        let range = if single {
            phrase
        } else if i == 0 {
            TextRange::new(phrase.start, item.range.end)
        } else if i + 1 == items.len() {
            TextRange::new(item.range.start, phrase.end)
        } else {
            item.range
        };
        let end = if i + 1 == items.len() { q.end } else { range.end };
        let start = if i == 0 { q.start } else { None };
        let q2 = Qualifiers { end, start, ..q.clone() };
        let before = refs.len();
        push_internal(refs, range, kind, target, numbers, q2, masked);
        if let Some(r) = refs.get_mut(before) {
            r.set_through(item.through);
        }
    }
}

/// One member of a list of sections or annexes ("sections I and II").
struct ListItem {
    range: TextRange,
    kind: RefKind,
    target: InternalTarget,
    numbers: Vec<NumberSpan>,
    through: bool,
}

/// The further members of a list of Roman numerals (", II and III", " to
/// IV"), each with its span (from `base`), value and whether it ends a range.
fn roman_list(text: &str, base: usize) -> Vec<(TextRange, u32, bool)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| Regex::new(r"(?P<sep>[^IVXLC]*)(?P<num>[IVXLC]+)").expect("roman list pattern"));
    // (the groups by index: `sep` is 1, `num` 2)
    re.captures_iter(text)
        .filter_map(|c| {
            let num = c.get(2)?;
            let value = parse_section_numeral(num.as_str())?;
            let through = c.get(1).is_some_and(|s| {
                s.as_str().contains(['-', '–']) || s.as_str().split_whitespace().any(|w| w == "to" || w == "à" || w == "a")
            });
            Some((TextRange::new(base + num.start(), base + num.end()), value, through))
        })
        .collect()
}

/// The references of a list phrase: the first member starts the phrase, the
/// last takes in the qualifiers after it; all are read with the same qualifiers.
fn push_list(refs: &mut Vec<Reference>, phrase: TextRange, items: Vec<ListItem>, q: Qualifiers, masked: &str) {
    let n = items.len();
    for (i, item) in items.into_iter().enumerate() {
        let range = if n == 1 {
            phrase
        } else if i + 1 == n {
            TextRange::new(item.range.start, phrase.end)
        } else {
            item.range
        };
        let q2 = Qualifiers { end: if i + 1 == n { q.end } else { range.end }, start: if i == 0 { q.start } else { None }, ..q.clone() };
        let at = refs.len();
        push_internal(refs, range, item.kind, item.target, item.numbers, q2, masked);
        if let Some(r) = refs.get_mut(at) {
            r.set_through(item.through);
        }
    }
}

/// "Section B below" (`section B ci-dessous`): a letter-only subsection,
/// with its direction, of the section the reference is in (the resolver
/// finds that section). The phrase ends at the letter so that the direction
/// is read as its qualifier.
fn subsection_of_this_section(cx: &Context<'_>, start: usize, sub: regex::Match<'_>, refs: &mut Vec<Reference>, taken: &mut Taken) {
    let phrase = TextRange::new(start, sub.end());
    if overlaps(taken, phrase) {
        return;
    }
    taken.push(phrase);
    let letter = crate::lang::numerals::parse_letter(sub.as_str()).unwrap_or(0);
    let target = InternalTarget { subsection: Some(letter), ..InternalTarget::default() };
    let numbers = vec![NumberSpan { role: NumberRole::Subsection, span: span(0, sub), value: letter }];
    let q = attribution::qualifiers(cx, phrase);
    let item = ListItem { range: phrase, kind: RefKind::Subsection, target, numbers, through: false };
    push_list(refs, phrase, vec![item], q, cx.masked);
}

/// An internal reference phrase as its qualifiers make it: a provision of
/// another text, or a target in this document with what the qualifiers add.
fn push_internal(
    refs: &mut Vec<Reference>,
    mut range: TextRange,
    kind: RefKind,
    mut target: InternalTarget,
    mut numbers: Vec<NumberSpan>,
    q: Qualifiers,
    masked: &str,
) {
    if let Some(e) = q.external {
        let label = masked[range.start..range.end].split_whitespace().collect::<Vec<_>>().join(" ");
        let mut r = Reference::internal(range, kind, target, numbers);
        r.external = Some(attribution::provision(label, e));
        r.status = Status::External;
        r.set_sentence_floor(q.floor);
        r.set_qualifier(q.qualifier);
        r.set_evidence(q.evidence);
        refs.push(r);
        return;
    }
    if let Some((of, at, in_words)) = q.candidate.clone() {
        // A text named earlier in the sentence: settled by resolution.
        let mut r = Reference::internal(range, kind, target, numbers);
        r.set_candidate(of);
        r.set_candidate_in_words(in_words);
        r.set_qualifier(Some(at));
        r.set_sentence_floor(q.floor);
        refs.push(r);
        return;
    }
    if target.section.is_none() {
        if let Some((v, sp)) = q.section {
            target.section = Some(v);
            numbers.push(NumberSpan { role: NumberRole::Section, span: sp, value: v });
        }
    }
    if target.paragraph.is_none() && !target.subparagraphs.is_empty() {
        if let Some((v, sp)) = q.paragraph {
            target.paragraph = Some(v);
            numbers.insert(0, NumberSpan { role: NumberRole::Paragraph, span: sp, value: v });
        }
    }
    if target.annex.is_none() {
        if let Some((spec, sp)) = q.annex {
            target.annex = Some(spec);
            if let AnnexSpec::Numbered(v) = spec {
                numbers.push(NumberSpan { role: NumberRole::Annex, span: sp, value: v });
            }
        }
    }
    target.scope = q.scope;
    target.direction = q.direction;
    if let Some(start) = q.start {
        range.start = start.min(range.start);
    }
    // The phrase takes in the qualifiers written after it ("of section II", "above").
    if q.end > range.end && masked[range.end..q.end].len() <= 120 && !masked[range.end..q.end].contains('\n') {
        let after = &masked[range.end..q.end];
        let is_tail = after.trim_start().starts_with(|c: char| c.is_alphabetic()) || after.starts_with(',');
        if is_tail {
            range.end = q.end;
        }
    }
    let mut r = Reference::internal(range, kind, target, numbers);
    r.set_sentence_floor(q.floor);
    r.set_evidence(q.evidence);
    refs.push(r);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The groups read by index are the ones named so.
    #[test]
    fn number_token_groups() {
        let re = number_tokens();
        assert_eq!(group_index(re, "num"), TOKEN_NUM);
        assert_eq!(group_index(re, "sub"), TOKEN_SUB);
        assert_eq!(group_index(re, "range"), TOKEN_RANGE);
        let c = re.captures("12").expect("a number");
        assert_eq!(c.get(TOKEN_NUM).map(|m| m.as_str()), Some("12"));
        assert_eq!(group_index(re, "absent"), usize::MAX);
        assert!(c.get(group_index(re, "absent")).is_none());
        let romans = roman_list(", II to IV", 10);
        assert_eq!(romans, vec![(TextRange::new(12, 14), 2, false), (TextRange::new(18, 20), 4, true)]);
    }

    #[test]
    fn single_spaced_joins_the_words_by_one_space() {
        let blanks: String = (0..=0x3000u32).filter_map(char::from_u32).filter(|c| c.is_whitespace()).collect();
        for s in ["", "联合国宪章", "Programme of  Action", " a\tb\n", "议事\u{3000}规则", "a\u{a0}b", "x\u{2003}y\u{85}z", "、。", "é"]
        {
            assert_eq!(single_spaced(s), s.split_whitespace().collect::<Vec<_>>().join(" "), "{s:?}");
        }
        for c in blanks.chars() {
            let s = format!("a{c}b");
            assert_eq!(single_spaced(&s), "a b", "{c:?}");
        }
    }

    /// The finder reads a text named in words as the whole match of
    /// `named_text` (no captures): every language's pattern is its `name`
    /// group with at most a word boundary on either side.
    #[test]
    fn named_text_is_its_name() {
        use regex_syntax::hir::{HirKind, Look};
        for lang in Language::ALL {
            let pattern = crate::lang::tables::tables(lang).named_text.as_str();
            let hir = regex_syntax::Parser::new().parse(pattern).expect("pattern");
            let parts = match hir.kind() {
                HirKind::Concat(parts) => parts.clone(),
                _ => vec![hir.clone()],
            };
            let is_boundary = |h: &regex_syntax::hir::Hir| matches!(h.kind(), HirKind::Look(Look::WordAscii));
            let names: Vec<_> = parts.iter().filter(|h| !is_boundary(h)).collect();
            assert_eq!(names.len(), 1, "{lang:?}: {pattern}");
            assert!(
                matches!(names[0].kind(), HirKind::Capture(c) if c.name.as_deref() == Some("name")),
                "{lang:?}: the match is not its name group: {pattern}"
            );
        }
        // And a match is what the group was.
        let t = crate::lang::tables::tables(Language::En);
        let text = "as stated in the report of the Secretary-General, and";
        let c = t.named_text.captures(text).expect("a match");
        assert_eq!(c.get(0).map(|m| m.range()), c.name("name").map(|m| m.range()));
    }

    #[test]
    fn an_sdg_list_is_looked_for_only_when_a_letter_target_line_is_typed() {
        let old = "Goals\n\n1. End poverty in all its forms everywhere\n1.1 By 2030, eradicate extreme poverty\n1.2 By 2030, reduce at least by half\n2. End hunger\n2.1 By 2030, end hunger\n2.2 By 2030, end all forms of malnutrition\n\nSee target 2.1 above.\n";
        let doc = crate::syntax::parse(old, Language::En);
        let (refs, reuse) = find_keeping(&doc);
        assert!(!reuse.letter_targets && !reuse.sdg_list);
        let after = |new: &str| {
            let change = TextChange::between(old, new);
            find_after(Cow::Borrowed(&refs), &reuse, &crate::syntax::parse(new, Language::En), change)
        };
        // An ordinary keystroke: no letter target anywhere, none looked for.
        let typed = old.replace("eradicate", "eradicatee");
        let (_, next) = after(&typed).expect("kept");
        assert!(!next.letter_targets);
        // A letter target typed on a line of its own: the text is now a
        // list of the goals and targets, and every reference is found again.
        let listed = old.replace("malnutrition\n", "malnutrition\n2.a Increase investment\n");
        assert!(!sdg_list_numbers(&listed).is_empty());
        assert!(after(&listed).is_none());
        // Typed at the start of an existing line.
        let started = old.replace("\n2.2 By", "\n2.a By");
        assert_eq!(after(&started).is_none(), !sdg_list_numbers(&started).is_empty());
    }

    #[test]
    fn taken_answers_as_the_list_of_its_claims() {
        // Claims and questions at random, inside and across the window's
        // edges, empty ranges among them: the bits (and the claims kept
        // whole outside them) answer as a scan of every claim would.
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize % n
        };
        for window in [TextRange::new(0, 300), TextRange::new(130, 200), TextRange::new(64, 128)] {
            let mut taken = Taken::new(window);
            let mut claims: Vec<(usize, usize)> = Vec::new();
            for _ in 0..2000 {
                let start = next(360);
                let r = TextRange::new(start, start + next(40) * (next(3) / 2));
                let (s, e) = (r.start, r.end.max(r.start + 1));
                if next(4) == 0 {
                    taken.push(r);
                    claims.push((s, e));
                } else {
                    let expected = claims.iter().any(|&(cs, ce)| cs < e && s < ce);
                    assert_eq!(taken.overlaps(r), expected, "{r:?} in {window:?}");
                }
            }
        }
    }

    #[test]
    fn a_blank_line_inside_a_range_is_a_paragraph_break() {
        let text = "paragraph 1\n\nof the report\n  \nend\nlast";
        let all = |s: &str| TextRange::new(0, s.len());
        assert!(across_paragraph_break(text, all(text)));
        assert!(!across_paragraph_break("paragraph 1\nof the report", all("paragraph 1\nof the report")));
        // A blank last line (the range ends at a line break) is no break inside.
        assert!(!across_paragraph_break("paragraph 1\nof\n", all("paragraph 1\nof\n")));
        assert!(across_paragraph_break("a\n \u{3000}\nb", all("a\n \u{3000}\nb")));
        assert!(across_paragraph_break("a\n\n", all("a\n\n")));
        assert!(across_paragraph_break("a\n\n\n", all("a\n\n\n")));
        assert!(!across_paragraph_break(text, TextRange::new(0, 100)));
    }
}
