//! Text positions: byte ranges inside a document and the one place where they
//! are converted to line/column positions (UTF-8 or UTF-16 columns).
//!
//! Everything below the LSP and CLI layers speaks byte offsets ([`TextRange`]).
//! [`LineIndex`] turns them into LSP positions and back. LSP counts only `\n`,
//! `\r\n` and `\r` as line ends; so does this module.

mod change;
pub mod markup;

use std::fmt;

pub use change::{TextChange, Unchanged};

/// A half-open byte range `start..end` into a document's text.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct TextRange {
    pub start: usize,
    pub end: usize,
}

impl TextRange {
    pub fn new(start: usize, end: usize) -> TextRange {
        debug_assert!(start <= end, "{start} > {end}");
        TextRange { start, end }
    }
    pub fn empty(at: usize) -> TextRange {
        TextRange { start: at, end: at }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    /// True when `offset` lies inside the range or at its end (a cursor just
    /// after the last character still "touches" it).
    pub fn touches(&self, offset: usize) -> bool {
        self.start <= offset && offset <= self.end
    }
    pub fn contains_range(&self, other: TextRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn cover(self, other: TextRange) -> TextRange {
        TextRange::new(self.start.min(other.start), self.end.max(other.end))
    }
    pub fn shifted(self, by: usize) -> TextRange {
        TextRange::new(self.start + by, self.end + by)
    }
}

impl fmt::Debug for TextRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// A [`TextRange`] in half the bytes, for the records an analysis holds by
/// the thousand (tree nodes, classified lines): two `u32` offsets, the start
/// held plus one so that an `Option<PackedRange>` takes no more room.
/// Offsets past 4 GiB − 2 are held as that.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct PackedRange {
    start_plus_one: std::num::NonZeroU32,
    end: u32,
}

/// An offset as held in a [`PackedRange`].
pub fn pack_offset(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX).min(u32::MAX - 1)
}

impl PackedRange {
    pub fn pack(r: TextRange) -> PackedRange {
        PackedRange { start_plus_one: std::num::NonZeroU32::MIN.saturating_add(pack_offset(r.start)), end: pack_offset(r.end) }
    }
    pub fn get(self) -> TextRange {
        TextRange { start: self.start(), end: self.end() }
    }
    pub fn start(self) -> usize {
        (self.start_plus_one.get() - 1) as usize
    }
    pub fn end(self) -> usize {
        self.end as usize
    }
    pub fn len(self) -> usize {
        self.end() - self.start()
    }
    pub fn is_empty(self) -> bool {
        self.end() == self.start()
    }
}

impl Default for PackedRange {
    fn default() -> PackedRange {
        PackedRange::pack(TextRange::default())
    }
}

impl From<PackedRange> for TextRange {
    fn from(r: PackedRange) -> TextRange {
        r.get()
    }
}

impl From<TextRange> for PackedRange {
    fn from(r: TextRange) -> PackedRange {
        PackedRange::pack(r)
    }
}

impl fmt::Debug for PackedRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.get().fmt(f)
    }
}

/// How a client counts columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PositionEncoding {
    Utf8,
    #[default]
    Utf16,
}

/// A zero-based line and column, the column counted in the units of a
/// [`PositionEncoding`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// Line starts of a text, for converting byte offsets to line/column pairs.
///
/// Every conversion costs O(log n) plus a scan of at most [`CHECKPOINT`]
/// bytes, whatever the length of the line: lines longer than that carry
/// checkpoints (every [`CHECKPOINT`] bytes, the columns counted so far), so a
/// document converted into one enormous line, with thousands of diagnostics
/// on it, is not converted in quadratic time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset at which each line starts; the first is always 0
    /// (`u32`: half the memory; texts up to 4 GiB).
    line_starts: Vec<u32>,
    len: usize,
    /// Checkpoints of long lines, in text order.
    checkpoints: Vec<Checkpoint>,
}

/// Bytes between two checkpoints of a long line (moved back to a character
/// boundary).
pub const CHECKPOINT: usize = 1024;

/// A point inside a long line with the columns before it on its line, in
/// UTF-16 code units and in characters (the UTF-8 column is the byte
/// distance).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Checkpoint {
    offset: usize,
    utf16: usize,
    chars: usize,
}

/// Number of characters in `s` (counted over bytes).
fn char_count(s: &str) -> usize {
    s.len() - byte_classes(s.as_bytes()).0
}

/// How many bytes of `b` continue a character (`10xxxxxx`) and how many
/// lead a four-byte one (`11110xxx`), counted eight bytes at a time: the
/// character and UTF-16 counts of a text are its length minus the first,
/// plus the second (this runs over every long line of every analysis).
fn byte_classes(b: &[u8]) -> (usize, usize) {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let (mut continuation, mut four) = (0usize, 0usize);
    let mut words = b.chunks_exact(8);
    for w in &mut words {
        let x = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
        // Bit 7 of each byte, then bits 6, 5 and 4 moved up to bit 7.
        continuation += (x & !(x << 1) & HIGH).count_ones() as usize;
        four += (x & (x << 1) & (x << 2) & (x << 3) & HIGH).count_ones() as usize;
    }
    for &c in words.remainder() {
        continuation += usize::from(c & 0xC0 == 0x80);
        four += usize::from(c >= 0xF0);
    }
    (continuation, four)
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let line_starts = LineIndex::line_starts_of(text);
        let checkpoints = Self::checkpoints(text, &line_starts);
        LineIndex { line_starts, len: text.len(), checkpoints }
    }

    /// [`LineIndex::new`] given the offsets of every line feed of `text`
    /// (found already by the parse, [`crate::syntax::Reuse::line_feeds`]):
    /// when the text holds no `\r`, its lines start after them and the text
    /// is not searched again for line ends.
    pub fn with_line_feeds(text: &str, line_feeds: &[u32]) -> LineIndex {
        if memchr::memchr(b'\r', text.as_bytes()).is_some() || u32::try_from(text.len()).map_or(true, |n| n >= u32::MAX - 1) {
            return LineIndex::new(text);
        }
        let mut line_starts = Vec::with_capacity(line_feeds.len() + 1);
        line_starts.push(0);
        line_starts.extend(line_feeds.iter().map(|&at| at + 1));
        debug_assert_eq!(line_starts, LineIndex::line_starts_of(text));
        let checkpoints = Self::checkpoints(text, &line_starts);
        LineIndex { line_starts, len: text.len(), checkpoints }
    }

    /// The offset at which each line of `text` starts: 0, then after each
    /// `\n`, `\r\n` and `\r` (the protocol's line ends), the end of the text
    /// included when it ends a line.
    pub fn line_starts_of(text: &str) -> Vec<u32> {
        let bytes = text.as_bytes();
        let mut line_starts = Vec::with_capacity(bytes.len() / 64 + 1);
        line_starts.push(0);
        let mut skip_lf_at = usize::MAX;
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if i == skip_lf_at {
                continue; // the \n of a \r\n
            }
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                skip_lf_at = i + 1;
                line_starts.push(pack_offset(i + 2));
            } else {
                line_starts.push(pack_offset(i + 1));
            }
        }
        line_starts
    }

    /// Whether a line starts at `s` in a text whose bytes at `s - 1` and `s`
    /// are `before` and `at` (`\n`, or `\r` not followed by `\n`, before it).
    pub fn starts_line_between(before: u8, at: Option<u8>) -> bool {
        before == b'\n' || (before == b'\r' && at != Some(b'\n'))
    }

    /// The index of `text`, this index's text after `change`: the same as
    /// [`LineIndex::new`], but only the lines the change touched are read
    /// again (the line starts before it are kept, those after it moved, and
    /// so are the checkpoints of the long lines on either side).
    pub fn update(mut self, text: &str, change: TextChange) -> LineIndex {
        let bytes = text.as_bytes();
        // Whether a line starts at `s` depends on the bytes at `s - 1` and
        // `s` only (`\n`, or `\r` not followed by `\n`): the starts before
        // the change and those more than one byte after it are the old ones.
        let is_start = |s: usize| s > 0 && LineIndex::starts_line_between(bytes[s - 1], bytes.get(s).copied());
        let before = self.line_starts.partition_point(|&s| (s as usize) < change.start.max(1));
        let after = self.line_starts.partition_point(|&s| s as usize <= change.old_end);
        let touched: Vec<u32> = (change.start.max(1)..=change.new_end.min(text.len())).filter(|&s| is_start(s)).map(pack_offset).collect();
        for s in &mut self.line_starts[after..] {
            *s = pack_offset(change.moved(*s as usize));
        }
        self.line_starts.splice(before..after, touched);
        // Checkpoints: those of the lines from the one the change starts on
        // to the one it ends on are counted again.
        let first = self.line_starts[self.line_of_in(change.start)] as usize;
        let last_line = self.line_of_in(change.new_end);
        let end = self.line_starts.get(last_line + 1).map_or(text.len(), |&s| s as usize);
        let old_end = end.wrapping_add_signed(-change.delta());
        let keep = self.checkpoints.partition_point(|c| c.offset < first);
        let moved = self.checkpoints.partition_point(|c| c.offset <= old_end);
        for c in &mut self.checkpoints[moved..] {
            c.offset = change.moved(c.offset);
        }
        let lines = &self.line_starts[self.line_of_in(first)..=last_line];
        let recounted = Self::checkpoints_between(text, lines, end);
        self.checkpoints.splice(keep..moved, recounted);
        self.len = text.len();
        self
    }

    /// [`LineIndex::line_of`] before `len` is updated.
    fn line_of_in(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s as usize <= offset) - 1
    }

    fn checkpoints(text: &str, line_starts: &[u32]) -> Vec<Checkpoint> {
        Self::checkpoints_between(text, line_starts, text.len())
    }

    /// The checkpoints of the lines starting at `line_starts`, the last one
    /// ending at `end`.
    fn checkpoints_between(text: &str, line_starts: &[u32], end_of_last: usize) -> Vec<Checkpoint> {
        let mut out = Vec::new();
        let mut long_line = |start: usize, end: usize| {
            let (mut at, mut utf16, mut chars) = (start, 0, 0);
            loop {
                let mut next = at + CHECKPOINT;
                if next >= end {
                    break;
                }
                while !text.is_char_boundary(next) {
                    next -= 1;
                }
                // (the bytes of the piece read once for both counts)
                let piece = &text[at..next];
                let (continuation, four) = byte_classes(piece.as_bytes());
                utf16 += piece.len() - continuation + four;
                chars += piece.len() - continuation;
                out.push(Checkpoint { offset: next, utf16, chars });
                at = next;
            }
        };
        // (each line's end is the next one's start: pairs of starts, then
        // the last line; most lines are short and skipped)
        for pair in line_starts.windows(2) {
            let (start, end) = (pair[0] as usize, pair[1] as usize);
            if end - start > CHECKPOINT {
                long_line(start, end);
            }
        }
        if let Some(&last) = line_starts.last() {
            if end_of_last - last as usize > CHECKPOINT {
                long_line(last as usize, end_of_last);
            }
        }
        out
    }

    /// The last checkpoint at or before `offset` on the line starting at
    /// `line_start` (the line start itself when there is none).
    fn checkpoint_before(&self, line_start: usize, offset: usize) -> Checkpoint {
        let i = self.checkpoints.partition_point(|c| c.offset <= offset);
        match i.checked_sub(1).map(|i| self.checkpoints[i]) {
            Some(c) if c.offset > line_start => c,
            _ => Checkpoint { offset: line_start, utf16: 0, chars: 0 },
        }
    }

    /// Zero-based column of `offset` on its line counted in characters
    /// (Unicode scalar values), as the command line prints columns. An
    /// offset inside a character is moved back to that character's start.
    pub fn char_col(&self, text: &str, offset: usize) -> usize {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let start = self.line_start(self.line_of(offset));
        let from = self.checkpoint_before(start, offset);
        from.chars + char_count(&text[from.offset..offset])
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Byte offset where zero-based `line` starts (clamped to the text).
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts.get(line).map_or(self.len, |&s| s as usize)
    }

    /// Zero-based line that contains `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        match self.line_starts.binary_search(&pack_offset(offset)) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// The byte range of a line's content, without its line end.
    pub fn line_range(&self, text: &str, line: usize) -> TextRange {
        let start = self.line_start(line);
        let mut end = self.line_starts.get(line + 1).map_or(self.len, |&s| s as usize);
        let bytes = text.as_bytes();
        if end > start && bytes[end - 1] == b'\n' {
            end -= 1;
        }
        if end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        TextRange::new(start, end.max(start))
    }

    /// Converts a byte offset to a line and column. An offset inside a
    /// character is moved back to that character's start.
    pub fn line_col(&self, text: &str, offset: usize, encoding: PositionEncoding) -> LineCol {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.line_start(line);
        let col = match encoding {
            PositionEncoding::Utf8 => offset - start,
            PositionEncoding::Utf16 => {
                let from = self.checkpoint_before(start, offset);
                from.utf16 + utf16_len(&text[from.offset..offset])
            }
        };
        LineCol { line: line as u32, col: col as u32 }
    }

    /// Converts a line and column to a byte offset. A line past the end is
    /// clamped to the end of the text; a column past the end of its line is
    /// clamped to the end of the line; a column inside a character (the middle
    /// of a UTF-8 sequence or of a surrogate pair) is moved to its start.
    /// Returns the offset and whether clamping was needed.
    pub fn offset(&self, text: &str, pos: LineCol, encoding: PositionEncoding) -> (usize, bool) {
        let line = pos.line as usize;
        if line >= self.line_count() {
            return (text.len(), true);
        }
        let range = self.line_range(text, line);
        let want = pos.col as usize;
        // Start from the last checkpoint of the line before the column.
        let (mut from, mut units) = (range.start, 0usize);
        if encoding == PositionEncoding::Utf8 {
            let at = (range.start + want).min(range.end);
            from = self.checkpoint_before(range.start, at).offset;
            units = from - range.start;
        } else {
            let first = self.checkpoints.partition_point(|c| c.offset <= range.start);
            let last = self.checkpoints.partition_point(|c| c.offset < range.end);
            let line_points = &self.checkpoints[first..last];
            let k = line_points.partition_point(|c| c.utf16 <= want);
            if let Some(c) = k.checked_sub(1).map(|k| line_points[k]) {
                (from, units) = (c.offset, c.utf16);
            }
        }
        let content = &text[from..range.end];
        for (i, ch) in content.char_indices() {
            if units == want {
                return (from + i, false);
            }
            let w = match encoding {
                PositionEncoding::Utf8 => ch.len_utf8(),
                PositionEncoding::Utf16 => ch.len_utf16(),
            };
            if units + w > want {
                return (from + i, true);
            }
            units += w;
        }
        (range.end, units != want)
    }
}

/// Number of UTF-16 code units in `s`.
pub fn utf16_len(s: &str) -> usize {
    // One unit per character, two for those outside the BMP (4-byte
    // sequences): counted over bytes, which is much faster than decoding.
    let (continuation, four) = byte_classes(s.as_bytes());
    s.len() - continuation + four
}

/// Display width of `s` in a terminal: East Asian wide and full-width
/// characters take two columns, combining marks none.
pub fn display_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

fn char_width(c: char) -> usize {
    let u = c as u32;
    if c == '\t' {
        return 4;
    }
    if is_combining(u) {
        return 0;
    }
    let wide = matches!(u,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF |
        0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF |
        0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1F64F |
        0x1F900..=0x1F9FF | 0x20000..=0x2FFFD | 0x30000..=0x3FFFD);
    if wide {
        2
    } else {
        1
    }
}

fn is_combining(u: u32) -> bool {
    matches!(u, 0x0300..=0x036F | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 |
        0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7 | 0x06E8 | 0x06EA..=0x06ED |
        0x200B..=0x200F | 0xFE00..=0xFE0F)
}

/// A count with its thousands grouped by commas, as progress messages show
/// it ("Indexing 240/1,000 drafts").
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_updated_index_is_the_index_of_the_new_text() {
        // Line ends of every kind, edits that split and join `\r\n`, long
        // lines with checkpoints (wide characters cross their boundaries).
        let pieces = ["\n", "\r", "\r\n", "a", "我", "😀", "é", &"x".repeat(700), &"汉".repeat(500)];
        let mut rng = crate::test_rng::Rng::new(0x9e37_79b9_7f4a_7c15);
        let mut next = |n: usize| rng.below(n);
        let mut text: String = (0..60).map(|i| pieces[i * 7 % pieces.len()]).collect();
        let mut index = LineIndex::new(&text);
        for _ in 0..3000 {
            let boundary = |t: &str, mut i: usize| {
                while !t.is_char_boundary(i) {
                    i -= 1;
                }
                i
            };
            let at = boundary(&text, next(text.len() + 1));
            let end = boundary(&text, (at + next(4) * next(400)).min(text.len()));
            let insert: String = (0..next(3)).map(|_| pieces[next(pieces.len())]).collect();
            let mut new = text.clone();
            new.replace_range(at..end, &insert);
            if new.len() > 20_000 {
                new.truncate(boundary(&new, 10_000));
            }
            let change = TextChange::between(&text, &new);
            index = index.update(&new, change);
            assert_eq!(index, LineIndex::new(&new), "{text:?} -> {new:?}");
            text = new;
        }
    }

    #[test]
    fn thousands_are_grouped_by_commas() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(240), "240");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn line_starts_from_the_line_feeds_are_those_searched() {
        for text in [
            "",
            "a",
            "\n",
            "a\nb\n\nc",
            "a\r\nb\nc",
            "a\rb",
            "\u{feff}一\n二\n",
            &"x".repeat(3000),
            &format!("{}\n{}", "é".repeat(900), "b\n".repeat(5)),
        ] {
            let feeds: Vec<u32> = memchr::memchr_iter(b'\n', text.as_bytes()).map(pack_offset).collect();
            assert_eq!(LineIndex::with_line_feeds(text, &feeds), LineIndex::new(text), "{text:?}");
        }
    }

    #[test]
    fn line_ends_are_lf_crlf_and_cr_only() {
        let text = "a\nb\r\nc\rd\u{c}e\u{2028}f";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        assert_eq!(&text[index.line_range(text, 1).start..index.line_range(text, 1).end], "b");
        let last = index.line_range(text, 3);
        assert_eq!(&text[last.start..last.end], "d\u{c}e\u{2028}f");
    }

    #[test]
    fn utf16_and_utf8_columns_round_trip_over_cjk_arabic_and_emoji() {
        let text = "一. 引言\r\nالفقرة 15 😀 第二节第 15 段\n𠀋x";
        let index = LineIndex::new(text);
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            if text[..offset].ends_with('\r') && text[offset..].starts_with('\n') {
                continue; // inside a CRLF: not a position LSP can name
            }
            for enc in [PositionEncoding::Utf8, PositionEncoding::Utf16] {
                let lc = index.line_col(text, offset, enc);
                assert_eq!(index.offset(text, lc, enc), (offset, false), "{offset} {enc:?} {lc:?}");
            }
        }
        let emoji = text.find('😀').unwrap();
        let lc = index.line_col(text, emoji + '😀'.len_utf8(), PositionEncoding::Utf16);
        assert_eq!(lc, LineCol { line: 1, col: 12 });
        let ext_b = index.line_col(text, text.find('x').unwrap(), PositionEncoding::Utf16);
        assert_eq!(ext_b, LineCol { line: 2, col: 2 });
    }

    #[test]
    fn positions_past_the_end_are_clamped() {
        let text = "一二\nab";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, LineCol { line: 0, col: 99 }, PositionEncoding::Utf16), (6, true));
        assert_eq!(index.offset(text, LineCol { line: 9, col: 0 }, PositionEncoding::Utf16), (text.len(), true));
        // The middle of a surrogate pair is moved to the character's start.
        let text = "😀a";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, LineCol { line: 0, col: 1 }, PositionEncoding::Utf16), (0, true));
    }

    #[test]
    fn long_lines_convert_through_checkpoints_as_short_ones_do() {
        // Lines of every length around the checkpoint spacing, mixing 1- to
        // 4-byte characters and CRLF: every offset converts to the column a
        // plain count from the line start gives, and back.
        let pieces = ["a", "é", "第", "😀", " ", "ا"];
        let mut text = String::new();
        let mut seed = 11u64;
        for len in [CHECKPOINT - 1, CHECKPOINT, CHECKPOINT + 1, 3 * CHECKPOINT + 7, 10 * CHECKPOINT] {
            let mut line = String::new();
            while line.len() < len {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                line.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            text.push_str(&line);
            text.push_str(if seed % 2 == 0 { "\n" } else { "\r\n" });
        }
        let index = LineIndex::new(&text);
        assert!(!index.checkpoints.is_empty());
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            if text[..offset].ends_with('\r') && text[offset..].starts_with('\n') {
                continue;
            }
            let start = index.line_start(index.line_of(offset));
            let before = &text[start..offset];
            assert_eq!(index.char_col(&text, offset), before.chars().count());
            for enc in [PositionEncoding::Utf8, PositionEncoding::Utf16] {
                let lc = index.line_col(&text, offset, enc);
                let want = if enc == PositionEncoding::Utf8 { before.len() } else { before.encode_utf16().count() };
                assert_eq!(lc.col as usize, want, "{offset} {enc:?}");
                assert_eq!(index.offset(&text, lc, enc), (offset, false), "{offset} {enc:?} {lc:?}");
            }
        }
        // Columns past the end and inside a character are still clamped.
        let last = index.line_count() - 2;
        let end = index.line_range(&text, last).end;
        assert_eq!(index.offset(&text, LineCol { line: last as u32, col: 1 << 30 }, PositionEncoding::Utf16), (end, true));
    }

    #[test]
    fn utf16_length_by_bytes_equals_by_characters() {
        for s in [
            "",
            "abc",
            "第二节",
            "😀a𠀋",
            "الفقرة ١٥",
            "\r\n\u{feff}",
            "abcdefgh😀第二节ijklmnop𠀋qrstuvwx€yz",
            "12345678\u{7f}\u{80}\u{10ffff}",
        ] {
            assert_eq!(utf16_len(s), s.chars().map(char::len_utf16).sum::<usize>(), "{s:?}");
            assert_eq!(char_count(s), s.chars().count(), "{s:?}");
            // Every offset of a longer text, for the word-at-a-time loop and its remainder.
            let long = s.repeat(5);
            for (at, _) in long.char_indices() {
                assert_eq!(utf16_len(&long[at..]), long[at..].chars().map(char::len_utf16).sum::<usize>(), "{s:?} from {at}");
                assert_eq!(char_count(&long[at..]), long[at..].chars().count(), "{s:?} from {at}");
            }
        }
    }

    #[test]
    fn display_width_counts_cjk_as_two() {
        assert_eq!(display_width("第二节ab"), 8);
        assert_eq!(display_width("الفقرة"), 6);
    }
}
