//! Logical lines and their classification. A logical line is a line of the
//! text with its markup and list bullets skipped, or — for a heading glued onto
//! another line inside `**…**` — a part of a line. Each gets a [`LineKind`]
//! from the language's patterns; the tree builder decides the rest from
//! context.

use crate::lang::numerals::{
    parse_arabic_adverbial, parse_arabic_letter, parse_arabic_letter_name, parse_arabic_ordinal, parse_capital_letter, parse_chinese,
    parse_digits, parse_letter, parse_number_word, parse_roman,
};
use crate::lang::tables::{NumeralStyle, Tables, VoteSide};
use crate::text::{PackedRange, TextRange};

use super::tree::{Number, NumberStyle, PackedNumber, Slip};

#[derive(Clone, Debug)]
pub struct Line {
    /// The content: leading blanks, bullets and trailing blanks skipped.
    pub range: PackedRange,
    /// Part of a line, after other text (an inline heading or what follows it).
    pub inline: bool,
    pub kind: LineKind,
}

#[derive(Clone, Debug)]
pub enum LineKind {
    Blank,
    Annex {
        number: Option<PackedNumber>,
        title: Option<PackedRange>,
    },
    Part {
        number: PackedNumber,
        title: Option<PackedRange>,
    },
    Section {
        number: PackedNumber,
        title: Option<PackedRange>,
    },
    /// A capital-letter heading (`A. Overall` or a bare `A`).
    Subsection {
        number: PackedNumber,
        title: Option<PackedRange>,
    },
    Article {
        number: PackedNumber,
        title: Option<PackedRange>,
    },
    PreambleFormula,
    VoteHeading {
        side: VoteSide,
        rest: PackedRange,
    },
    Numbered {
        number: PackedNumber,
        rest: PackedRange,
        /// A slip in how the number is written (`2,`, `49 For`, `i9.`):
        /// the builder takes it for a paragraph only where the number fits.
        slip: Option<Slip>,
    },
    Lettered {
        number: PackedNumber,
        rest: PackedRange,
        /// A slip in the label (`(ad)`, `(c})`, `(6)` for `(b)`): the builder
        /// takes it for the letter due only where the letters around say so.
        slip: Option<Slip>,
    },
    /// A preambular paragraph labelled in a negotiation draft (`PP3
    /// Recalling…`, `PP5 bis`): numbered in a sequence of its own.
    PreambularNumbered {
        number: PackedNumber,
        rest: PackedRange,
    },
    /// A row of a table (cells separated by tabs): content, never structure.
    TableRow,
    Text,
}

impl Line {
    /// The line with every range in it mapped by `f` (moved after an edit).
    pub fn map_ranges(&self, f: impl Fn(TextRange) -> TextRange) -> Line {
        let f = |r: PackedRange| PackedRange::pack(f(r.get()));
        let number = |n: &PackedNumber| PackedNumber { span: f(n.span), ..*n };
        let kind = match &self.kind {
            LineKind::Blank => LineKind::Blank,
            LineKind::Annex { number: n, title } => LineKind::Annex { number: n.as_ref().map(number), title: title.map(&f) },
            LineKind::Part { number: n, title } => LineKind::Part { number: number(n), title: title.map(&f) },
            LineKind::Section { number: n, title } => LineKind::Section { number: number(n), title: title.map(&f) },
            LineKind::Subsection { number: n, title } => LineKind::Subsection { number: number(n), title: title.map(&f) },
            LineKind::Article { number: n, title } => LineKind::Article { number: number(n), title: title.map(&f) },
            LineKind::PreambleFormula => LineKind::PreambleFormula,
            LineKind::VoteHeading { side, rest } => LineKind::VoteHeading { side: *side, rest: f(*rest) },
            LineKind::Numbered { number: n, rest, slip } => LineKind::Numbered { number: number(n), rest: f(*rest), slip: *slip },
            LineKind::Lettered { number: n, rest, slip } => LineKind::Lettered { number: number(n), rest: f(*rest), slip: *slip },
            LineKind::PreambularNumbered { number: n, rest } => LineKind::PreambularNumbered { number: number(n), rest: f(*rest) },
            LineKind::TableRow => LineKind::TableRow,
            LineKind::Text => LineKind::Text,
        };
        Line { range: f(self.range), inline: self.inline, kind }
    }
}

impl LineKind {
    /// Lines that open something of their own (everything but text and blanks).
    pub fn is_structural(&self) -> bool {
        !matches!(self, LineKind::Blank | LineKind::Text | LineKind::TableRow)
    }
}

const BULLETS: [&str; 6] = ["- ", "* ", "+ ", "• ", "· ", "– "];

fn is_blank_char(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// Skips leading blanks and one list bullet; trims trailing blanks.
fn content_range(masked: &str, range: TextRange) -> TextRange {
    let line = &masked[range.start..range.end];
    let mut start = line.len() - line.trim_start_matches(is_blank_char).len();
    for bullet in BULLETS {
        if line[start..].starts_with(bullet) {
            start += bullet.len();
            start += line[start..].len() - line[start..].trim_start_matches(is_blank_char).len();
            break;
        }
    }
    // Emphasis around a heading or a word: `_Article 1_`, `*Annex*` (a
    // lone `*` or `_` glued to the text; `**`/`__` are masked already).
    let rest = &line.as_bytes()[start..];
    if rest.len() >= 2 && matches!(rest[0], b'*' | b'_') && !matches!(rest[1], b'*' | b'_') && !rest[1].is_ascii_whitespace() {
        start += 1;
    }
    let mut end = line.trim_end_matches(is_blank_char).len().max(start);
    let tail = &line.as_bytes()[start..end];
    if tail.len() >= 2 && matches!(tail[tail.len() - 1], b'*' | b'_') && !matches!(tail[tail.len() - 2], b'*' | b'_' | b' ') {
        end -= 1;
    }
    TextRange::new(range.start + start, range.start + end)
}

/// Whether a line (its content from `content.start`, up to `line_end`,
/// trailing blanks included) holds cells separated by TABs: a tab after
/// text, not the one that may separate a leading number (`1.\tText`) from
/// its text.
pub fn has_cell_tab(masked: &str, content_start: usize, line_end: usize) -> bool {
    let s = &masked.as_bytes()[content_start..line_end];
    let Some(first) = memchr::memchr(b'\t', s) else { return false };
    let lead = &s[..first];
    let marker = !lead.is_empty() && lead.len() <= 8 && !lead.contains(&b' ') && matches!(lead[lead.len() - 1], b'.' | b')');
    if !marker {
        return true;
    }
    // After a marker's tab, another tab after more text is a cell.
    let after = &s[first + 1..];
    let text_start = after.iter().position(|&b| b != b'\t' && b != b' ').unwrap_or(after.len());
    memchr::memchr(b'\t', &after[text_start..]).is_some()
}

fn trim(masked: &str, range: TextRange) -> TextRange {
    let s = &masked[range.start..range.end];
    let start = s.len() - s.trim_start_matches(is_blank_char).len();
    let end = s.trim_end_matches(is_blank_char).len().max(start);
    TextRange::new(range.start + start, range.start + end)
}

/// Splits the physical lines starting in `from..to` into logical lines and
/// classifies each, before tables are marked ([`table_rows`]). `from` must
/// be a line start; `to` a line start or the end of the text. Each line is
/// classified from its own text alone, so a window of lines can be split
/// again after an edit and the lines around it kept.
pub fn split_lines_between(masked: &str, bold: &[usize], tables: &Tables, from: usize, to: usize, lines: &mut Vec<Line>) {
    split_lines_marking(masked, bold, tables, from, to, lines, |_| {});
}

/// [`split_lines_between`], telling `line_feed` the offset of each line
/// feed it passes, in order (the name lists' line ends: the lines are
/// split at them anyway, where a search of their own read the text again).
pub fn split_lines_marking(
    masked: &str,
    bold: &[usize],
    tables: &Tables,
    from: usize,
    to: usize,
    lines: &mut Vec<Line>,
    mut line_feed: impl FnMut(usize),
) {
    let bytes = masked.as_bytes();
    // Room for a line every 32 bytes (lines are longer on average; counting
    // the line breaks costs more than the pages reserved and never touched),
    // reserved once rather than grown by copying the lines.
    lines.reserve(to.saturating_sub(from) / 32 + 16);
    let mut start = from;
    let mut bold_idx = bold.partition_point(|&b| b < from);
    // The next TAB at or after the line's start (`bytes.len()`: none): most
    // texts have few or none, and a line without one is no table row (not
    // a search of each line for one).
    let mut next_tab = 0;
    while start <= bytes.len() && (start < to || to == bytes.len()) {
        let end = memchr::memchr2(b'\n', b'\r', &bytes[start..]).map_or(bytes.len(), |p| start + p);
        if next_tab < start {
            next_tab = memchr::memchr(b'\t', &bytes[start..]).map_or(bytes.len(), |p| start + p);
        }
        let mut next = end;
        if next < bytes.len() {
            if bytes[next] == b'\n' {
                line_feed(next);
                next += 1;
            } else if bytes.get(next + 1) == Some(&b'\n') {
                // (`\r\n`)
                line_feed(next + 1);
                next += 2;
            } else {
                next += 1;
            }
        }
        let raw = TextRange::new(start, end);
        // The bold markers on this line.
        while bold_idx < bold.len() && bold[bold_idx] < start {
            bold_idx += 1;
        }
        let mut k = bold_idx;
        while k < bold.len() && bold[k] < end {
            k += 1;
        }
        push_line(masked, raw, &bold[bold_idx..k], next_tab < end, tables, lines);
        if next == start || end >= bytes.len() {
            break;
        }
        start = next;
    }
}

/// Rows of a table: a block of lines (between blank lines) most of which
/// hold tab-separated cells. Their numbers ("I. Military personnel\t…") are
/// row labels, not headings. One flag per line.
pub fn table_rows(lines: &[Line]) -> Vec<bool> {
    let has_tab = |l: &Line| matches!(l.kind, LineKind::TableRow);
    let mut rows = vec![false; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        if matches!(lines[i].kind, LineKind::Blank) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < lines.len() && !matches!(lines[j].kind, LineKind::Blank) {
            j += 1;
        }
        let tabbed = lines[i..j].iter().filter(|l| has_tab(l)).count();
        let block = j - i;
        if tabbed > 0 {
            // A numbered line without TABs ends the table (the next
            // paragraph right after a table with no blank line between).
            let mut ended = false;
            for (k, line) in lines[i..j].iter().enumerate() {
                ended |= !has_tab(line) && matches!(line.kind, LineKind::Numbered { .. });
                rows[i + k] = has_tab(line) || (!ended && tabbed * 2 >= block && block >= 2);
            }
        }
        i = j;
    }
    rows
}

/// `tab`: whether the line holds a TAB.
fn push_line(masked: &str, raw: TextRange, markers: &[usize], tab: bool, tables: &Tables, out: &mut Vec<Line>) {
    let content = content_range(masked, raw);
    // A line with cells separated by TABs is a table row, never a heading
    // or a paragraph (trailing empty cells count).
    if tab && !content.is_empty() && has_cell_tab(masked, content.start, raw.end) {
        out.push(Line { range: content.into(), inline: false, kind: LineKind::TableRow });
        return;
    }
    if markers.len() >= 2 {
        // Segments between bold markers; a heading in any segment but the
        // first means the line holds several logical lines.
        let mut cuts = vec![content.start];
        cuts.extend(markers.iter().filter(|&&m| m > content.start && m < content.end));
        cuts.push(content.end);
        let segments: Vec<TextRange> = cuts
            .windows(2)
            .map(|w| {
                let s = if w[0] == content.start { w[0] } else { w[0] + 2 };
                trim(masked, TextRange::new(s.min(w[1]), w[1]))
            })
            .filter(|r| !r.is_empty())
            .collect();
        let heading_later = segments.iter().skip(1).any(|&seg| {
            matches!(
                classify(masked, seg, tables),
                LineKind::Section { .. } | LineKind::Subsection { .. } | LineKind::Annex { .. } | LineKind::Part { .. }
            )
        });
        if segments.len() >= 2 && heading_later {
            for (i, seg) in segments.into_iter().enumerate() {
                let kind = classify(masked, seg, tables);
                out.push(Line { range: seg.into(), inline: i > 0, kind });
            }
            return;
        }
    }
    let kind = classify(masked, content, tables);
    out.push(Line { range: content.into(), inline: false, kind });
}

fn group(caps: &regex::Captures<'_>, name: &str, base: usize) -> Option<TextRange> {
    caps.name(name).map(|m| TextRange::new(base + m.start(), base + m.end()))
}

fn non_empty(r: Option<TextRange>) -> Option<TextRange> {
    r.filter(|r| !r.is_empty())
}

/// Parses a heading numeral of the language's section style.
fn section_number(masked: &str, span: TextRange, style: NumeralStyle) -> Option<Number> {
    let s = &masked[span.start..span.end];
    match style {
        NumeralStyle::Chinese => parse_chinese(s).map(|value| Number { value, span, style: NumberStyle::Chinese }),
        NumeralStyle::Roman => parse_roman(s).filter(|_| s.chars().all(|c| c.is_ascii_uppercase())).map(|value| Number {
            value,
            span,
            style: NumberStyle::Roman,
        }),
        // `أولا -` in a report, `الفصل الأول` in a supplement.
        NumeralStyle::Arabic => parse_arabic_adverbial(s)
            .map(|value| Number { value, span, style: NumberStyle::ArabicAdverbial })
            .or_else(|| parse_arabic_ordinal(s).map(|value| Number { value, span, style: NumberStyle::ArabicOrdinal })),
    }
}

fn any_numeral(masked: &str, span: TextRange) -> Option<Number> {
    let s = &masked[span.start..span.end];
    if let Some(value) = parse_digits(s) {
        return Some(Number { value, span, style: NumberStyle::Arabic });
    }
    if let Some(value) = parse_roman(s) {
        return Some(Number { value, span, style: NumberStyle::Roman });
    }
    if let Some(value) = parse_chinese(s) {
        return Some(Number { value, span, style: NumberStyle::Chinese });
    }
    if let Some(value) = parse_arabic_ordinal(s) {
        return Some(Number { value, span, style: NumberStyle::ArabicOrdinal });
    }
    // "Part one", "Première partie", "Article premier", "Часть первая".
    parse_number_word(s).filter(|&v| v > 0).map(|value| Number { value, span, style: NumberStyle::Arabic })
}

/// Classifies one logical line by the language's patterns alone.
/// `re.captures(s)`, with a match test first: most lines match none of the
/// patterns tried on them, and the test (an automaton run over the line's
/// first characters) costs a fraction of a capture search, which builds its
/// slots for every call.
fn captures_of<'h>(re: &regex::Regex, s: &'h str) -> Option<regex::Captures<'h>> {
    if re.is_match(s) {
        re.captures(s)
    } else {
        None
    }
}

/// `re.captures(s)` where the set of line patterns said `re` matches.
fn captures_if<'h>(matches: bool, re: &regex::Regex, s: &'h str) -> Option<regex::Captures<'h>> {
    if matches {
        re.captures(s)
    } else {
        None
    }
}

// The places of the patterns in `Tables::line_patterns` (`LINE_PATTERNS`).
const VOTE_LIST_HEADING: usize = 0;
const ANNEX_HEADING: usize = 1;
const PART_HEADING: usize = 2;
const ARTICLE_HEADING: usize = 3;
const SECTION_HEADING: usize = 4;
const SUBSECTION_HEADING: usize = 5;
const PREAMBLE_FORMULA: usize = 6;
const NUMBERED_LINE: usize = 7;
const SUBPARAGRAPH_LINE: usize = 8;

pub fn classify(masked: &str, range: TextRange, tables: &Tables) -> LineKind {
    let s = &masked[range.start..range.end];
    if s.trim().is_empty() {
        return LineKind::Blank;
    }
    let base = range.start;
    // Patterns match a line's start; what follows the marker runs to the
    // end of the line (`rest`, `title`).
    let end = range.end;
    let tail = |c: &regex::Captures<'_>, name: &str| c.name(name).map(|m| TextRange::new(base + m.start(), end));
    let after = |c: &regex::Captures<'_>| TextRange::new(base + c.get(0).map(|m| m.end()).unwrap_or(0), end);
    // A heading's title does not start in lower case: `Article 25 of the
    // Charter and calls upon…` at the start of a line is hard-wrapped text.
    // Nor does it end with a comma or a semicolon (`Article 17 (2) of the
    // Charter…;`, `W. Nimitz shall be Plebiscite Administrator,`).
    let clause_end = s.trim_end().ends_with([',', ';', '，', '；', '،', '؛']);
    let lower_title =
        |c: &regex::Captures<'_>| c.name("title").is_some_and(|m| m.as_str().chars().next().is_some_and(char::is_lowercase) || clause_end);
    // Markers start with a digit (numbered lines), a parenthesis (lettered
    // lines) or a word (everything else): only the patterns that can match run.
    let first = s.chars().next().unwrap_or(' ');
    if first.is_ascii_digit() {
        return numbered(masked, s, base, end, tables)
            .or_else(|| negotiated_number(masked, s, base, end))
            .or_else(|| decimal_number(masked, s, base, end))
            .or_else(|| slipped_number(masked, s, base, end))
            .unwrap_or(LineKind::Text);
    }
    if matches!(first, 'P' | 'O') {
        if let Some(kind) = draft_label(masked, s, base, end) {
            return kind;
        }
    }
    if matches!(first, '(' | '（') {
        return lettered(masked, s, base, end, tables).or_else(|| slipped_label(masked, s, base, end)).unwrap_or(LineKind::Text);
    }
    // One search of the line patterns as a set: only those that match are
    // searched again for their groups (most lines of a document are text
    // and match none: for them a test, which allocates no set of matches,
    // is the whole search).
    let may = tables.line_patterns.is_match(s).then(|| tables.line_patterns.matches(s));
    let may = |pattern: usize| may.as_ref().is_some_and(|may| may.matched(pattern));
    if let Some(c) = captures_if(may(VOTE_LIST_HEADING), &tables.vote_list_heading, s) {
        if let Some(side) = c.name("side").and_then(|m| tables.vote_side(m.as_str())) {
            return LineKind::VoteHeading { side, rest: trim(masked, after(&c)).into() };
        }
    }
    if let Some(c) = captures_if(may(ANNEX_HEADING), &tables.annex_heading, s) {
        let number = group(&c, "num", base).and_then(|span| any_numeral(masked, span));
        return LineKind::Annex { number: number.map(PackedNumber::pack), title: None };
    }
    if let Some(c) = captures_if(may(PART_HEADING), &tables.part_heading, s).filter(|c| !lower_title(c)) {
        if let Some(mut number) = group(&c, "num", base).or_else(|| group(&c, "num2", base)).and_then(|span| any_numeral(masked, span)) {
            // `الجزء الأول` is "Part one": numbered like the other versions.
            if number.style == NumberStyle::ArabicOrdinal {
                number.style = NumberStyle::Arabic;
            }
            return LineKind::Part { number: number.into(), title: non_empty(tail(&c, "title")).map(PackedRange::pack) };
        }
    }
    if let Some(c) = captures_if(may(ARTICLE_HEADING), &tables.article_heading, s).filter(|c| !lower_title(c)) {
        if let Some(number) = group(&c, "num", base).and_then(|span| any_numeral(masked, span)) {
            return LineKind::Article { number: number.into(), title: non_empty(tail(&c, "title")).map(PackedRange::pack) };
        }
    }
    if let Some(c) = captures_if(may(SECTION_HEADING), &tables.section_heading, s).filter(|c| !lower_title(c)) {
        let span = group(&c, "num", base).or_else(|| group(&c, "num2", base)).or_else(|| group(&c, "chnum", base));
        let number = span.and_then(|span| {
            section_number(masked, span, tables.data.section_numerals).or_else(|| {
                // 第一章 in Chinese, Chapter I in English, Chapitre premier in French.
                let text = &masked[span.start..span.end];
                parse_chinese(text)
                    .map(|value| Number { value, span, style: NumberStyle::Chinese })
                    .or_else(|| parse_number_word(text).filter(|&v| v > 0).map(|value| Number { value, span, style: NumberStyle::Roman }))
            })
        });
        if let Some(number) = number {
            return LineKind::Section { number: number.into(), title: non_empty(tail(&c, "title")).map(PackedRange::pack) };
        }
    }
    // A bare Roman numeral of several letters (`II`, `III`): a part marker
    // of a resolution, read as a section.
    if tables.data.section_numerals == NumeralStyle::Roman
        && (2..=5).contains(&s.len())
        && s.bytes().all(|c| matches!(c, b'I' | b'V' | b'X'))
    {
        if let Some(value) = parse_roman(s) {
            return LineKind::Section { number: Number { value, span: range, style: NumberStyle::Roman }.into(), title: None };
        }
    }
    if let Some(c) = captures_if(may(SUBSECTION_HEADING), &tables.subsection_heading, s).filter(|c| !lower_title(c)) {
        if let Some(span) = group(&c, "num", base) {
            // `A.`, a Cyrillic look-alike `В.` in Russian, `باء -` in Arabic.
            let text = &masked[span.start..span.end];
            let number = parse_capital_letter(text)
                .map(|value| Number { value, span, style: NumberStyle::CapitalLetter })
                .or_else(|| parse_arabic_letter_name(text).map(|value| Number { value, span, style: NumberStyle::ArabicLetterName }));
            if let Some(number) = number {
                return LineKind::Subsection { number: number.into(), title: non_empty(tail(&c, "title")).map(PackedRange::pack) };
            }
        }
    }
    if may(PREAMBLE_FORMULA) {
        return LineKind::PreambleFormula;
    }
    if may(NUMBERED_LINE) {
        if let Some(kind) = numbered(masked, s, base, end, tables) {
            return kind;
        }
    }
    if first.is_ascii_uppercase() {
        if let Some(kind) = decimal_number(masked, s, base, end) {
            return kind;
        }
    }
    if matches!(first, 'i' | 'l' | 'I' | 'O') {
        if let Some(kind) = slipped_number(masked, s, base, end) {
            return kind;
        }
    }
    if may(SUBPARAGRAPH_LINE) {
        if let Some(kind) = lettered(masked, s, base, end, tables) {
            return kind;
        }
    }
    if first.is_ascii_lowercase() || first == '©' {
        if let Some(kind) = slipped_bare_label(masked, s, base, end) {
            return kind;
        }
    }
    LineKind::Text
}

/// `b) To abstain` where labels are written `(b)`, and `© Promote` (a `(c)`
/// autocorrected into a sign), before a capitalised word.
fn slipped_bare_label(masked: &str, s: &str, base: usize, end: usize) -> Option<LineKind> {
    let (value, slip, len) = if let Some(rest) = s.strip_prefix('©') {
        let _ = rest;
        (0, Slip::Sign, '©'.len_utf8())
    } else {
        let b = s.as_bytes();
        if b.len() < 3 || !b[0].is_ascii_lowercase() || b[1] != b')' {
            return None;
        }
        (u32::from(b[0] - b'a') + 1, Slip::MissingBracket, 2)
    };
    let word = s[len..].trim_start_matches(' ');
    if word.len() == s.len() - len || !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let span = TextRange::new(base, base + if slip == Slip::Sign { len } else { 1 });
    Some(LineKind::Lettered {
        number: Number { value, span, style: NumberStyle::Letter }.into(),
        rest: trim(masked, TextRange::new(base + len, end)).into(),
        slip: Some(slip),
    })
}

fn numbered(masked: &str, s: &str, base: usize, end: usize, tables: &Tables) -> Option<LineKind> {
    if let Some(kind) = plain_numbered(masked, s, base, end) {
        return Some(kind);
    }
    numbered_by_pattern(masked, s, base, end, tables)
}

/// The common shape of a numbered line, `12. Text` (one to four ASCII
/// digits, a full stop, then a space, a tab or the end of the line), read
/// without a pattern: every language's `numbered_line` reads it the same
/// way (the number, then the text after the full stop; a unit test holds
/// them to it), and a capture search costs some 1,500 instructions a line.
fn plain_numbered(masked: &str, s: &str, base: usize, end: usize) -> Option<LineKind> {
    let b = s.as_bytes();
    let digits = b.iter().take(5).take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 4 || b.get(digits) != Some(&b'.') || !matches!(b.get(digits + 1), None | Some(b' ' | b'\t')) {
        return None;
    }
    let value = parse_digits(&s[..digits])?;
    let number = Number { value, span: TextRange::new(base, base + digits), style: NumberStyle::Arabic };
    Some(LineKind::Numbered { number: number.into(), rest: trim(masked, TextRange::new(base + digits + 1, end)).into(), slip: None })
}

fn numbered_by_pattern(masked: &str, s: &str, base: usize, end: usize, tables: &Tables) -> Option<LineKind> {
    let after = |c: &regex::Captures<'_>| TextRange::new(base + c.get(0).map(|m| m.end()).unwrap_or(0), end);
    if let Some(c) = captures_of(&tables.numbered_line, s) {
        if let Some(span) = group(&c, "num", base) {
            let rest = match c.name("sep") {
                Some(sep) => TextRange::new(base + sep.end(), end),
                None => after(&c),
            };
            if let Some(value) = parse_digits(&masked[span.start..span.end]) {
                let number = Number { value, span, style: NumberStyle::Arabic };
                return Some(LineKind::Numbered { number: number.into(), rest: trim(masked, rest).into(), slip: None });
            }
        }
    }
    None
}

/// The labels of a negotiation draft: `PP3 Recalling…` (a preambular
/// paragraph), `OP12. Requests…`, `OP 5 bis. Decides…`, `OP.2` (an operative
/// one, a numbered paragraph). The number is the digits; the label before
/// them stays as written.
fn draft_label(masked: &str, s: &str, base: usize, end: usize) -> Option<LineKind> {
    let preambular = s.starts_with("PP");
    if !preambular && !s.starts_with("OP") {
        return None;
    }
    let gap = usize::from(s[2..].starts_with([' ', '.']));
    let at = 2 + gap;
    let digits = s[at..].bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let mut k = at + digits;
    if let Some((_, word)) = super::negotiation::suffix_at(s, k) {
        k = word.end;
    }
    // Then `.`, `:` or `)` and a blank, or a blank and a word that does not
    // start in lower case (`PP1 Recalling`, `OP3 决定`).
    let after = &s[k..];
    let sep = after.strip_prefix(['.', ':', ')']).map_or(0, |_| 1);
    let text = after[sep..].trim_start_matches([' ', '\u{a0}', '\t']);
    if text.len() == after.len() - sep || text.chars().next().is_none_or(|c| c.is_lowercase() || c.is_ascii_digit()) {
        return None;
    }
    let value = parse_digits(&s[at..at + digits])?;
    let number = Number { value, span: TextRange::new(base + at, base + at + digits), style: NumberStyle::Arabic };
    let rest = trim(masked, TextRange::new(base + k + sep, end));
    Some(if preambular {
        LineKind::PreambularNumbered { number: number.into(), rest: rest.into() }
    } else {
        LineKind::Numbered { number: number.into(), rest: rest.into(), slip: None }
    })
}

/// A paragraph number of a negotiation draft: `5 bis. Decides`, `5 ter.`,
/// `5 бис.`, `5 مكرراً - يقرر` (the words in
/// `lang::tables::negotiation`). The number is the base (5); the word
/// follows its span ([`super::negotiation::suffix_of`]).
fn negotiated_number(masked: &str, s: &str, base: usize, end: usize) -> Option<LineKind> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return None;
    }
    let (_, word) = super::negotiation::suffix_at(s, digits)?;
    let after = &s[word.end..];
    let sep = if let Some(r) = after.strip_prefix(['.', '．', '、']) {
        after.len() - r.len()
    } else {
        let t = after.trim_start_matches([' ', '\u{a0}']);
        let dash = t.strip_prefix(['-', '–', '—'])?;
        after.len() - dash.len()
    };
    if !after[sep..].starts_with(char::is_whitespace) && !after[sep..].is_empty() {
        return None;
    }
    let value = parse_digits(&s[..digits])?;
    let number = Number { value, span: TextRange::new(base, base + digits), style: NumberStyle::Arabic };
    Some(LineKind::Numbered { number: number.into(), rest: trim(masked, TextRange::new(base + word.end + sep, end)).into(), slip: None })
}

/// A decimal paragraph number (`19.3 The Commission…`, `A.2 The
/// subprogramme…`): digits or a capital letter, a full stop, digits, then
/// a blank and text that does not start in lower case (`2.5 per cent` is not one).
fn decimal_number(masked: &str, s: &str, base: usize, end: usize) -> Option<LineKind> {
    let b = s.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let mut major = if digits == 0 { usize::from(b.first().is_some_and(u8::is_ascii_uppercase)) } else { digits };
    // `29E.1`: the section of a budget fascicle may carry a letter.
    if digits > 0 && b.get(major).is_some_and(u8::is_ascii_uppercase) {
        major += 1;
    }
    if major == 0 || digits > 3 || b.get(major) != Some(&b'.') {
        return None;
    }
    // `3.I.9`: a Roman part numeral between section and paragraph.
    let mut mid = major + 1;
    let roman = b[mid..].iter().take_while(|c| matches!(c, b'I' | b'V' | b'X')).count();
    if digits > 0 && (1..=4).contains(&roman) && b.get(mid + roman) == Some(&b'.') {
        mid += roman + 1;
    }
    let minor = b[mid..].iter().take_while(|c| c.is_ascii_digit()).count();
    if minor == 0 || minor > 3 || !b.get(mid + minor).is_some_and(|&c| c == b' ' || c == b'\t') {
        return None;
    }
    let k = mid + minor;
    let rest = s[k..].trim_start();
    if rest.chars().next().is_none_or(|c| c.is_lowercase() || c.is_ascii_digit()) {
        return None;
    }
    let value = parse_digits(&s[mid..k])?;
    let number = Number { value, span: TextRange::new(base, base + k), style: NumberStyle::Decimal };
    Some(LineKind::Numbered { number: number.into(), rest: trim(masked, TextRange::new(base + k, end)).into(), slip: None })
}

/// A paragraph number with a slip in it, as OCR and typing leave them:
/// `2, Requests` (a comma), `49 For` (no full stop), `i9. Calls` (a letter
/// for a digit). Only before a capitalised word; the builder takes it for a
/// paragraph only where the number fits the sequence.
fn slipped_number(masked: &str, s: &str, base: usize, end: usize) -> Option<LineKind> {
    let b = s.as_bytes();
    let mut k = 0;
    while k < b.len() && k < 4 && (b[k].is_ascii_digit() || matches!(b[k], b'i' | b'l' | b'I' | b'O')) {
        k += 1;
    }
    let digits = b[..k].iter().filter(|c| c.is_ascii_digit()).count();
    // `ll.` for `11.`: only lower-case `l`, which is no numeral of its own.
    let all_l = k > 0 && b[..k].iter().all(|&c| c == b'l');
    if k == 0 || k > 3 || (digits == 0 && !all_l) {
        return None;
    }
    let after = &s[k..];
    let (slip, sep) = if digits < k || all_l {
        (Slip::LetterForDigit, usize::from(after.starts_with('.')))
    } else if after.starts_with(',') {
        (Slip::Comma, 1)
    } else {
        (Slip::NoStop, 0)
    };
    if slip == Slip::LetterForDigit && sep == 0 {
        return None;
    }
    // Then a blank and a capitalised word (`Requests`, not `November 1973`
    // alone: the builder checks the number fits).
    let rest = &after[sep..];
    let word = rest.trim_start_matches([' ', '\u{a0}']);
    if word.len() == rest.len() {
        return None;
    }
    let mut chars = word.chars();
    if !(chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_lowercase)) {
        return None;
    }
    let value = b[..k].iter().fold(0u32, |v, &c| {
        v * 10
            + match c {
                b'0'..=b'9' => u32::from(c - b'0'),
                b'O' => 0,
                _ => 1,
            }
    });
    if value == 0 {
        return None;
    }
    let span = TextRange::new(base, base + k);
    let rest = trim(masked, TextRange::new(base + k + sep, end));
    Some(LineKind::Numbered { number: Number { value, span, style: NumberStyle::Arabic }.into(), rest: rest.into(), slip: Some(slip) })
}

/// A subparagraph label with a slip, as OCR leaves them: `(6)` or `(2)`
/// for a letter, `(ad)` for `(d)`, `(c})` for `(c)`; then a blank and a
/// capitalised word. The value is the last letter (0 for digits: the
/// builder decides which letter was meant, from the letters around it).
fn slipped_label(masked: &str, s: &str, base: usize, end: usize) -> Option<LineKind> {
    if !s.starts_with('(') {
        return None;
    }
    let close = s.find(')')?;
    let inner = s.get(1..close)?;
    if inner.is_empty() || inner.len() > 3 {
        return None;
    }
    let (value, slip) = if inner.bytes().all(|c| c.is_ascii_digit()) {
        (0, Slip::DigitForLetter)
    } else {
        let letters: Vec<u8> = inner.bytes().filter(u8::is_ascii_lowercase).collect();
        let stray = inner.len() - letters.len();
        match (letters.as_slice(), stray) {
            ([l], 1) | ([_, l], 0) if inner.len() >= 2 => (u32::from(l - b'a') + 1, Slip::StrayLetter),
            _ => return None,
        }
    };
    let word = s[close + 1..].trim_start_matches(' ');
    if word.len() == s.len() - close - 1 || !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let number = Number { value, span: TextRange::new(base + 1, base + close), style: NumberStyle::Letter };
    Some(LineKind::Lettered { number: number.into(), rest: trim(masked, TextRange::new(base + close + 1, end)).into(), slip: Some(slip) })
}

/// The digit an OCR slip wrote as a letter in a number (`S` for 5, `l`
/// and `I` for 1, `O` for 0), for a one-letter number.
pub fn digit_for_letter(s: &str) -> Option<u32> {
    match s {
        "S" => Some(5),
        "l" | "I" => Some(1),
        "O" => Some(0),
        _ => None,
    }
}

fn lettered(masked: &str, s: &str, base: usize, end: usize, tables: &Tables) -> Option<LineKind> {
    let after = |c: &regex::Captures<'_>| TextRange::new(base + c.get(0).map(|m| m.end()).unwrap_or(0), end);
    if let Some(c) = captures_of(&tables.subparagraph_line, s) {
        if let Some(span) = group(&c, "num", base).or_else(|| group(&c, "num3", base)) {
            let rest = after(&c);
            let text = &masked[span.start..span.end];
            // Letter or lower-case Roman: decided in context by the builder.
            let (value, style) = match parse_letter(text) {
                Some(v) => (v, NumberStyle::Letter),
                None => match parse_roman(text) {
                    Some(v) => (v, NumberStyle::LowerRoman),
                    None => match parse_arabic_letter(text) {
                        Some(v) => (v, NumberStyle::ArabicLetter),
                        None => return None,
                    },
                },
            };
            return Some(LineKind::Lettered { number: Number { value, span, style }.into(), rest: trim(masked, rest).into(), slip: None });
        }
        // The second level of Arabic subparagraphs: `’1‘`.
        if let Some(span) = group(&c, "num2", base) {
            let value = parse_digits(&masked[span.start..span.end])?;
            let number = Number { value, span, style: NumberStyle::QuotedDigit };
            return Some(LineKind::Lettered { number: number.into(), rest: trim(masked, after(&c)).into(), slip: None });
        }
    }
    None
}

/// Whether a line of text ends a sentence (or a clause: `;`, `:`, `,`),
/// looking through closing quotes, brackets, bold markers and a trailing
/// footnote number.
pub fn ends_sentence(s: &str) -> bool {
    // Most lines end with their full stop: nothing below could then say
    // otherwise (this runs for every line the tree builder reads, on every
    // keystroke that builds the tree again).
    s.chars().next_back().is_some_and(is_terminal) || ends_sentence_read(s)
}

/// [`ends_sentence`] of a line whose last character is not a terminal
/// punctuation mark (it holds for one that is).
fn ends_sentence_read(s: &str) -> bool {
    let mut t = s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '"' | '”' | '’' | '»' | '」' | '』'));
    // A trailing footnote marker: "…Development; 2" or "…Action,1" or "[3]".
    let without_digits = t.trim_end_matches(|c: char| c.is_ascii_digit());
    if without_digits.len() < t.len() && t.len() - without_digits.len() <= 3 {
        let before = without_digits.trim_end();
        if before.ends_with(is_terminal) {
            return true;
        }
        // "Action,1": a word, punctuation, digits.
    }
    if t.ends_with(']') {
        if let Some(open) = t.rfind('[') {
            if t[open + 1..t.len() - 1].chars().all(|c| c.is_ascii_digit()) {
                t = t[..open].trim_end();
            }
        }
    }
    // "…financing, agreed ad ref": a status tag in Latin, in any language.
    // (compared without case and without a lower-case copy: this runs for every line)
    let tail = t.get(t.len().saturating_sub(24)..).unwrap_or("").as_bytes();
    let tail_is = |e: &str| tail.len() >= e.len() && tail[tail.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes());
    if let Some(at) = ["ad referendum", "ad ref.", "ad ref"].iter().find_map(|e| tail_is(e).then(|| t.len() - e.len())) {
        let before = t[..at].trim_end();
        let before = before.rsplit_once(' ').map_or("", |(b, _)| b).trim_end();
        if before.ends_with(is_terminal) {
            return true;
        }
    }
    // A negotiation draft's trailing tag or attribution — "…; [Agreed ad
    // ref]", "…efforts; (EU)", "[Alt 2: …;]" — does not make a heading.
    if let Some(close) = t.chars().next_back().filter(|c| matches!(c, ']' | '］' | ')' | '）')) {
        let open = if matches!(close, ']' | '］') { ['[', '［'] } else { ['(', '（'] };
        if let Some(o) = t.rfind(open) {
            let inner = t[o..t.len() - close.len_utf8()].trim_end();
            let before = t[..o].trim_end();
            let full_stop = |c: char| matches!(c, '.' | '。' | ';' | '；' | ',' | '，');
            if before.ends_with(full_stop) || (matches!(close, ']' | '］') && inner.ends_with(full_stop)) {
                return true;
            }
        }
    }
    let t = t.trim_end_matches([')', '）']);
    let last_closer = s.trim_end().ends_with([')', '）']);
    if last_closer {
        // "…(A/CONF.192/2018/RC/L.3)。" ends with 。; "(MINUSMA)" alone does not.
        return t.ends_with(is_terminal) || s.trim_end().trim_end_matches([')', '）']).ends_with(is_terminal);
    }
    t.ends_with(is_terminal)
}

/// Whether a line of text ends a clause (`;`, `,`, `:`) rather than a
/// sentence, looking through a trailing footnote number (`…Nations; 111`).
pub fn ends_clause(s: &str) -> bool {
    // (nothing to trim: the last character decides)
    match s.chars().next_back() {
        Some(c) if !c.is_whitespace() && !c.is_ascii_digit() => return CLAUSE_ENDS.contains(&c),
        _ => {}
    }
    let t = s.trim_end();
    let without_digits = t.trim_end_matches(|c: char| c.is_ascii_digit());
    let t = if t.len() - without_digits.len() <= 3 { without_digits.trim_end() } else { t };
    t.ends_with(CLAUSE_ENDS)
}

/// What ends a clause rather than a sentence.
const CLAUSE_ENDS: [char; 8] = [';', '；', ',', '，', ':', '：', '،', '؛'];

fn is_terminal(c: char) -> bool {
    matches!(c, '。' | '.' | ';' | '；' | ':' | '：' | ',' | '，' | '!' | '?' | '！' | '？' | '،' | '؛' | '؟' | '、')
}

/// Whether the text ends with a colon (it introduces a list).
pub fn ends_with_colon(s: &str) -> bool {
    // (nothing to trim: the last character decides)
    match s.chars().next_back() {
        Some(c) if !c.is_whitespace() && c != '*' => return matches!(c, ':' | '：'),
        _ => {}
    }
    let t = s.trim_end_matches(|c: char| c.is_whitespace() || c == '*');
    t.ends_with([':', '：'])
}

/// Whether a heading candidate is short enough to be a heading.
pub fn is_short(s: &str) -> bool {
    // Beyond 160 characters nothing is short: count no further (a heading
    // candidate can be a whole paragraph).
    if s.len() > 160 && s.chars().nth(160).is_some() {
        return false;
    }
    let chars = s.chars().count();
    let wide = s.chars().filter(|c| (*c as u32) >= 0x2E80).count();
    if wide * 2 > chars {
        chars <= 70
    } else {
        chars <= 160
    }
}

/// Parses a numeral of any style (used for references too).
pub fn numeral(masked: &str, span: TextRange) -> Option<Number> {
    any_numeral(masked, span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::tables::{tables, LINE_PATTERNS};
    use crate::lang::Language;

    #[test]
    fn a_line_ending_with_its_full_stop_ends_a_sentence_without_being_read() {
        // What `ends_sentence` answers without reading the line, the reading
        // answers too, for every line of the corpus and drafts' endings.
        let texts = [
            include_str!("../../tests/fixtures/seed/000_e12bae3abcaa388b.txt"),
            include_str!("../../tests/fixtures/corpus/en_A-80-590.txt"),
            include_str!("../../tests/fixtures/corpus/en_S-RES-687-1991.txt"),
            include_str!("../../tests/fixtures/corpus/ar_A-RES-70-1_SDG-goals-and-targets_assembled.txt"),
        ];
        let endings =
            ["", " ad ref.", "; [Agreed ad ref]", " (EU);", "]", ")", " 12,", "”。", "**:", ": 12", "; 1234", ",  ", "；\u{3000}"];
        let mut checked = 0;
        for line in texts.iter().flat_map(|t| t.lines()) {
            for ending in endings {
                let s = format!("{line}{ending}");
                if s.chars().next_back().is_some_and(is_terminal) {
                    assert!(ends_sentence_read(&s), "{s:?}");
                    checked += 1;
                }
                assert_eq!(
                    ends_with_colon(&s),
                    s.trim_end_matches(|c: char| c.is_whitespace() || c == '*').ends_with([':', '：']),
                    "{s:?}"
                );
                let t = s.trim_end();
                let without_digits = t.trim_end_matches(|c: char| c.is_ascii_digit());
                let t = if t.len() - without_digits.len() <= 3 { without_digits.trim_end() } else { t };
                assert_eq!(ends_clause(&s), t.ends_with(CLAUSE_ENDS), "{s:?}");
            }
        }
        assert!(checked > 1000, "{checked} lines");
    }

    /// Lines of several layouts and languages (`tests/line_patterns.rs`
    /// runs the same checks over every line of the texts in `tests/`).
    fn sample_lines() -> Vec<String> {
        [
            "1. Decides",
            "12.\tText",
            "1234. A",
            "12345. A",
            "1.5 per cent",
            "3. 5",
            "007. x",
            "1.",
            "2.、",
            "1.\u{3000}各",
            "5 bis. Decides",
            "19.3 The Commission",
            "(a) To note",
            "(i) text",
            "a) Les États",
            "（a）决定",
            "(أ) العمل",
            "1 - تقرر",
            "١٢ - تقرر",
            "Annex",
            "ANNEX II",
            "附件一",
            "Part one",
            "第一部分 总则",
            "I. Introduction",
            "第一章 导言",
            "A. Overall",
            "Article 5",
            "第5条",
            "The General Assembly,",
            "大会，",
            "In favour: Albania",
            "赞成：",
            "Recalling its resolution",
            "决定：",
            "2010年3月1日",
        ]
        .map(String::from)
        .to_vec()
    }

    /// The set's indices name the patterns they stand for (that the set
    /// matches as each pattern does is `tests/line_patterns.rs`, over every
    /// line of the fixtures and corpus-dev documents).
    #[test]
    fn line_pattern_indices_name_their_patterns() {
        assert_eq!(LINE_PATTERNS[VOTE_LIST_HEADING], "vote_list_heading");
        assert_eq!(LINE_PATTERNS[SUBSECTION_HEADING], "subsection_heading");
        assert_eq!(LINE_PATTERNS[NUMBERED_LINE], "numbered_line");
        assert_eq!(LINE_PATTERNS[SUBPARAGRAPH_LINE], "subparagraph_line");
        let t = tables(Language::En);
        assert_eq!(t.line_pattern_regexes()[NUMBERED_LINE].as_str(), t.numbered_line.as_str());
        assert_eq!(t.line_patterns.len(), LINE_PATTERNS.len());
    }

    #[test]
    fn plain_numbered_lines_read_as_every_language_pattern_reads_them() {
        let lines = sample_lines();
        let mut plain = 0;
        for lang in Language::ALL {
            let t = tables(lang);
            for line in lines.iter().filter(|l| l.starts_with(|c: char| c.is_ascii_digit())) {
                let range = TextRange::new(0, line.len());
                if let Some(fast) = plain_numbered(line, line, 0, range.end) {
                    plain += 1;
                    let slow = numbered_by_pattern(line, line, 0, range.end, t);
                    assert_eq!(Some(format!("{fast:?}")), slow.map(|k| format!("{k:?}")), "{lang:?} on {line:?}");
                }
            }
        }
        assert!(plain >= 24, "{plain} plain numbered lines");
    }

    #[test]
    fn sentence_ends_through_closers_and_footnotes() {
        assert!(ends_sentence("大会通过了议事规则(A/CONF.192/2018/RC/L.3)。"));
        assert!(ends_sentence("Reaffirm the 2030 Agenda for Sustainable Development; 2"));
        assert!(ends_sentence("the right to development,"));
        assert!(!ends_sentence("1. 各级的协调和执行"));
        assert!(!ends_sentence("Financing of the Mission (MINUSMA)"));
        assert!(!ends_sentence("欧洲联盟观察员(代"));
    }
}
