//! Masking: a copy of the text, byte for byte the same length, in which the
//! markup that conversion from Word or PDF leaves (`**bold**`, Markdown links
//! `[72/57](#)`, heading hashes, a BOM) is blanked out with spaces. Every
//! pattern runs on the masked text, so every offset it yields is an offset
//! into the original text.

use std::fmt;
use std::sync::Arc;

/// The link whose `](` is at `close`: the offset of its `[` (on the same
/// line) and the end of its `)`.
fn link_at(src: &[u8], close: usize) -> Option<(usize, usize)> {
    let line_start = src[..close].iter().rposition(|&b| b == b'\n' || b == b'\r').map_or(0, |i| i + 1);
    let open = src[line_start..close].iter().rposition(|&b| b == b'[').map(|i| line_start + i)?;
    if close == open + 1 || close - open > 600 || src[open + 1..close].contains(&b']') {
        return None;
    }
    let k = src[close + 2..].iter().take(500).position(|&b| matches!(b, b'(' | b')' | b' ' | b'\t' | b'\n' | b'\r'))? + close + 2;
    (src[k] == b')').then_some((open, k + 1))
}

/// A text as the analysis reads it: masked, with what masking blanked kept
/// aside, so that the text itself can be told again (a range of it at a
/// time, or whole) without being held twice. Text without markup is its
/// own masked text: nothing is copied.
#[derive(Clone, Default)]
pub struct Source {
    masked: Arc<str>,
    /// What masking blanked, in text order, none overlapping another.
    markup: Arc<[Markup]>,
}

/// Markup that masking blanked: where it is, and the bytes it was (the
/// masked text has as many spaces there).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Markup {
    pub at: usize,
    pub original: Box<str>,
}

impl Markup {
    pub fn end(&self) -> usize {
        self.at + self.original.len()
    }

    /// A bold or underline marker (`**`, `__`): inline headings are found from them.
    pub fn is_bold(&self) -> bool {
        matches!(&*self.original, "**" | "__")
    }
}

impl Source {
    /// The source of `text`: `text` itself when there is nothing to blank.
    pub fn of(text: &Arc<str>) -> Source {
        let (blanks, _) = blanks(text);
        if blanks.is_empty() {
            return Source { masked: Arc::clone(text), markup: Arc::from([]) };
        }
        let markup: Vec<Markup> = blanks.iter().map(|&(from, to)| Markup { at: from, original: text[from..to].into() }).collect();
        Source { masked: blanked_shared(text, &blanks), markup: markup.into() }
    }

    /// A source from its parts: `masked`, and the markup blanked in it (in
    /// text order), which the caller has checked.
    pub fn from_parts(masked: Arc<str>, markup: Vec<Markup>) -> Source {
        debug_assert!(markup.windows(2).all(|w| w[0].end() <= w[1].at));
        debug_assert!(markup.iter().all(|m| masked.get(m.at..m.end()).is_some_and(|s| s.bytes().all(|b| b == b' '))));
        Source { masked, markup: markup.into() }
    }

    pub fn masked(&self) -> &Arc<str> {
        &self.masked
    }

    pub fn markup(&self) -> &[Markup] {
        &self.markup
    }

    pub fn len(&self) -> usize {
        self.masked.len()
    }

    pub fn is_empty(&self) -> bool {
        self.masked.is_empty()
    }

    /// The offsets of the bold and underline markers (`**`, `__`).
    pub fn bold(&self) -> Vec<usize> {
        self.markup.iter().filter(|m| m.is_bold()).map(|m| m.at).collect()
    }

    /// Whether the masked text counts the characters of `range` as the text
    /// does (one space for one character, one UTF-16 unit for one): no
    /// markup holding a wider character (a BOM, a link's non-ASCII target)
    /// overlaps it.
    pub fn counts_as_masked(&self, range: std::ops::Range<usize>) -> bool {
        self.markup_over(range).iter().all(|m| m.original.is_ascii())
    }

    /// The markup that overlaps `range`.
    fn markup_over(&self, range: std::ops::Range<usize>) -> &[Markup] {
        let first = self.markup.partition_point(|m| m.end() <= range.start);
        let last = first + self.markup[first..].partition_point(|m| m.at < range.end);
        &self.markup[first..last]
    }

    /// The bytes `range` of the text (not masked): borrowed from the masked
    /// text where no markup lies in it.
    pub fn original_bytes(&self, range: std::ops::Range<usize>) -> std::borrow::Cow<'_, [u8]> {
        let masked = &self.masked.as_bytes()[range.clone()];
        let over = self.markup_over(range.clone());
        if over.is_empty() {
            return std::borrow::Cow::Borrowed(masked);
        }
        let mut bytes = masked.to_vec();
        for m in over {
            let (from, to) = (m.at.max(range.start), m.end().min(range.end));
            bytes[from - range.start..to - range.start].copy_from_slice(&m.original.as_bytes()[from - m.at..to - m.at]);
        }
        std::borrow::Cow::Owned(bytes)
    }

    /// The text of `range` (character boundaries of the text; a character
    /// cut reads as U+FFFD).
    pub fn original(&self, range: std::ops::Range<usize>) -> std::borrow::Cow<'_, str> {
        match self.original_bytes(range) {
            std::borrow::Cow::Borrowed(b) => String::from_utf8_lossy(b),
            std::borrow::Cow::Owned(b) => match String::from_utf8(b) {
                Ok(s) => std::borrow::Cow::Owned(s),
                Err(e) => std::borrow::Cow::Owned(String::from_utf8_lossy(e.as_bytes()).into_owned()),
            },
        }
    }

    /// The source of `text`, which is the text of `self` with the bytes
    /// `change.start..change.old_end` replaced: the masked text is this one
    /// with the edited lines masked again (masking reads nothing past a
    /// line), shared with `text` when neither holds markup.
    pub fn after(&self, text: &Arc<str>, change: crate::text::TextChange) -> Source {
        let bytes = text.as_bytes();
        let from = memchr::memrchr(b'\n', &bytes[..change.start]).map_or(0, |i| i + 1);
        let to = memchr::memchr(b'\n', &bytes[change.new_end..]).map_or(bytes.len(), |i| change.new_end + i + 1);
        let old_to = to - change.new_end + change.old_end;
        let window_blanks = blanks_in(&text[from..to]);
        let before = self.markup.partition_point(|m| m.at < from);
        let after = self.markup.partition_point(|m| m.at < old_to);
        if window_blanks.is_empty() && before == 0 && after == self.markup.len() {
            return Source { masked: Arc::clone(text), markup: Arc::from([]) };
        }
        let mut markup: Vec<Markup> = Vec::with_capacity(before + window_blanks.len() + self.markup.len() - after);
        markup.extend_from_slice(&self.markup[..before]);
        markup.extend(window_blanks.iter().map(|&(a, b)| Markup { at: from + a, original: text[from + a..from + b].into() }));
        markup.extend(self.markup[after..].iter().map(|m| Markup { at: m.at - old_to + to, original: m.original.clone() }));
        let mut masked = String::with_capacity(text.len());
        masked.push_str(&self.masked[..from]);
        masked.push_str(&blanked(&text[from..to], window_blanks));
        masked.push_str(&self.masked[old_to..]);
        debug_assert_eq!(masked.len(), text.len());
        Source { masked: masked.into(), markup: markup.into() }
    }

    /// The whole text: the masked text itself when there is no markup, else a copy.
    pub fn whole(&self) -> Arc<str> {
        if self.markup.is_empty() {
            return Arc::clone(&self.masked);
        }
        self.original(0..self.len()).into()
    }
}

/// Shown as the masked text it holds.
impl fmt::Debug for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.masked, f)
    }
}

/// The ranges of `text` (whole lines: what masking reads never crosses a
/// line break) that masking blanks, sorted.
pub fn blanks_in(text: &str) -> Vec<(usize, usize)> {
    blanks(text).0
}

/// Returns the masked copy of `text` and the offsets of the `**` markers that
/// were blanked (inline headings are found from them). Every markup form is
/// found with a substring search, so text without it costs one copy.
pub fn mask(text: &str) -> (String, Vec<usize>) {
    let (blanks, bold) = blanks(text);
    (blanked(text, blanks), bold)
}

/// `text` with the ranges `blanks` (sorted) written over with spaces.
/// The copy is made piece by piece, the text between the ranges and the
/// spaces of each (not a copy of the whole text and a splice per range,
/// with a string of spaces allocated for each: 0.4 M instructions more in
/// the 1-MB Chinese bench document).
fn blanked(text: &str, blanks: Vec<(usize, usize)>) -> String {
    let mut masked = String::with_capacity(text.len());
    // `text[..copied]` is in `masked`, blanked.
    let mut copied = 0;
    for (from, to) in blanks {
        // (a range that starts inside one blanked before it: the rest of
        // it, whose start is now a space)
        let from = from.max(copied);
        // Every range covers whole characters (ASCII markup, a BOM).
        if from < to && text.is_char_boundary(from) && text.is_char_boundary(to) {
            masked.push_str(&text[copied..from]);
            masked.extend(std::iter::repeat_n(' ', to - from));
            copied = to;
        }
    }
    masked.push_str(&text[copied..]);
    debug_assert_eq!(masked.len(), text.len());
    masked
}

/// [`blanked`], written straight into the shared text (not into a `String`
/// then copied into an `Arc<str>`: one copy of the text fewer, 1 M
/// instructions in the 1-MB English bench document).
fn blanked_shared(text: &str, blanks: &[(usize, usize)]) -> Arc<str> {
    use std::mem::MaybeUninit;
    let mut shared: Arc<[MaybeUninit<u8>]> = Arc::new_uninit_slice(text.len());
    let out = Arc::get_mut(&mut shared).expect("a new allocation is not shared");
    let src = text.as_bytes();
    let copy = |out: &mut [MaybeUninit<u8>], from: usize, to: usize| {
        let piece = &src[from..to];
        let dst = &mut out[from..to];
        // SAFETY: `dst` and `piece` are as long (the same range of two
        // slices as long), in two allocations.
        unsafe { std::ptr::copy_nonoverlapping(piece.as_ptr(), dst.as_mut_ptr().cast::<u8>(), piece.len()) };
    };
    // `text[..copied]` is in `out`, blanked.
    let mut copied = 0;
    for &(from, to) in blanks {
        // (as in `blanked`)
        let from = from.max(copied);
        if from < to && text.is_char_boundary(from) && text.is_char_boundary(to) {
            copy(out, copied, from);
            out[from..to].fill(MaybeUninit::new(b' '));
            copied = to;
        }
    }
    copy(out, copied, text.len());
    // SAFETY: every byte was written above: the pieces from `copied` to each
    // range kept, each range kept, then the rest.
    let bytes: Arc<[u8]> = unsafe { shared.assume_init() };
    debug_assert!(std::str::from_utf8(&bytes).is_ok());
    // SAFETY: the bytes are `text` with whole characters (the ranges, on
    // character boundaries) overwritten with spaces: valid UTF-8; `str` and
    // `[u8]` have the same layout.
    unsafe { Arc::from_raw(Arc::into_raw(bytes) as *const str) }
}

/// The ranges of `text` that masking blanks, sorted, and the offsets of the
/// `**` markers among them.
fn blanks(text: &str) -> (Vec<(usize, usize)>, Vec<usize>) {
    // The ranges to blank are collected first, then written into one copy
    // of the text (no byte-by-byte pass, no second UTF-8 validation).
    let mut blanks: Vec<(usize, usize)> = Vec::new();
    let blank = |blanks: &mut Vec<(usize, usize)>, from: usize, to: usize| blanks.push((from, to));
    let src = text.as_bytes();
    // BOM anywhere.
    // (a substring search: a search for the character would stop at every
    // byte `BF`, which ends many CJK ideographs)
    for i in memchr::memmem::find_iter(src, "\u{feff}".as_bytes()) {
        blank(&mut blanks, i, i + 3);
    }
    // Bold and underline markers (`**`, `__`) and Markdown links
    // `[label](target)` on one line, in one pass over the bytes: keep the
    // label, blank the brackets and the target.
    let mut bold: Vec<usize> = Vec::new();
    let mut i = 0;
    while let Some(p) = memchr::memchr3(b'*', b'_', b']', &src[i..]) {
        let at = i + p;
        i = at + 1;
        match (src[at], src.get(at + 1)) {
            (b'*', Some(b'*')) | (b'_', Some(b'_')) => {
                bold.push(at);
                blank(&mut blanks, at, at + 2);
                i = at + 2;
            }
            (b']', Some(b'(')) => {
                if let Some((open, end)) = link_at(src, at) {
                    blank(&mut blanks, open, open + 1);
                    blank(&mut blanks, at, end);
                    i = end;
                }
            }
            _ => {}
        }
    }
    // Heading hashes and blockquote markers at the start of a line (after
    // blanks or a BOM): found from each `#` or `>`.
    let mut run_end = 0;
    for at in memchr::memchr2_iter(b'#', b'>', src) {
        if at < run_end {
            continue; // inside a run already blanked from its first marker
        }
        // Only blanks (or a BOM, EF BB BF) may stand before the marker on
        // its line: most `#` and `>` are inside text (`[72/57](#)`), told
        // by the byte before them without a search for the line start.
        if at > 0 && !matches!(src[at - 1], b' ' | b'\n' | b'\r' | 0xBF) {
            continue;
        }
        let line_start = src[..at].iter().rposition(|&b| b == b'\n' || b == b'\r').map_or(0, |i| i + 1);
        let lead = &text[line_start..at];
        if !lead.chars().all(|c| c == ' ' || c == '\u{feff}') {
            continue;
        }
        let mut k = at;
        while k < src.len() && (src[k] == b'#' || src[k] == b'>') {
            k += 1;
        }
        if k == src.len() || src[k] == b' ' {
            blank(&mut blanks, at, k);
            run_end = k;
        }
    }
    blanks.sort_unstable();
    // (ranges never overlap but for a BOM inside a link's target: merged)
    blanks.dedup_by(|next, kept| {
        let overlaps = next.0 < kept.1;
        if overlaps {
            kept.1 = kept.1.max(next.1);
        }
        overlaps
    });
    (blanks, bold)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_markup_and_keeps_offsets() {
        let text = "\u{feff}# 第 [72/57](#) 号决议 **一. 宣言**";
        let (masked, bold) = mask(text);
        assert_eq!(masked.len(), text.len());
        assert_eq!(masked, "     第  72/57     号决议   一. 宣言  ");
        assert_eq!(bold.len(), 2);
    }

    /// The blanking as it was first written: a copy of the text, each
    /// range written over in turn where its ends are character boundaries.
    fn blanked_by_splices(text: &str, blanks: &[(usize, usize)]) -> String {
        let mut masked = text.to_string();
        for &(from, to) in blanks {
            if masked.is_char_boundary(from) && masked.is_char_boundary(to) {
                masked.replace_range(from..to, &" ".repeat(to - from));
            }
        }
        masked
    }

    #[test]
    fn blanking_piece_by_piece_is_blanking_range_by_range() {
        let text = "\u{feff}# 第 [72/57](#) 号决议 **一. 宣言** __x__ > y";
        let n = text.len();
        // Every sorted pair of ranges, overlapping or not, on character
        // boundaries or not (a range inside `第` is skipped).
        let ranges: Vec<(usize, usize)> = (0..=n).flat_map(|a| (a..=n.min(a + 7)).map(move |b| (a, b))).collect();
        for (i, &r1) in ranges.iter().enumerate().step_by(3) {
            for &r2 in ranges[i..].iter().step_by(5) {
                let blanks = [r1, r2];
                assert_eq!(blanked(text, blanks.to_vec()), blanked_by_splices(text, &blanks), "{blanks:?}");
                assert_eq!(*blanked_shared(text, &blanks), *blanked_by_splices(text, &blanks), "{blanks:?}");
            }
        }
        let (blanks, _) = blanks(text);
        assert_eq!(blanked(text, blanks.clone()), blanked_by_splices(text, &blanks));
    }

    #[test]
    fn a_text_without_markup_is_its_own_masked_text() {
        let plain: Arc<str> = Arc::from("1. 第 72/57 号决议 # 不是标题\n(a) a * b_c [x] (y)\n");
        let source = Source::of(&plain);
        assert!(Arc::ptr_eq(source.masked(), &plain), "{source:?}");
        assert!(source.markup().is_empty() && source.bold().is_empty());
        assert!(Arc::ptr_eq(&source.whole(), &plain));
        let marked: Arc<str> = Arc::from("1. **第一节** 见 [72/57](#)\n");
        let source = Source::of(&marked);
        assert_eq!(**source.masked(), mask(&marked).0);
        assert_eq!(source.bold(), mask(&marked).1);
        assert_eq!(source.bold().len(), 2);
        assert_eq!(&*source.whole(), &*marked);
    }

    #[test]
    fn the_text_is_told_again_from_any_range() {
        let text: Arc<str> = Arc::from("\u{feff}# 标题\n1. **见** [第 72/57 号](https://例子.org/x) 决议\n> 引文 __下划线__\n");
        let source = Source::of(&text);
        assert_eq!(source.masked().len(), text.len());
        for from in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            for to in (from..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                assert_eq!(source.original(from..to), &text[from..to], "{from}..{to}");
            }
        }
    }

    /// A small random generator (xorshift), so the test needs no crate.
    fn next(state: &mut u64) -> u64 {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        *state
    }

    #[test]
    fn an_edited_source_is_the_source_of_the_edited_text() {
        const PIECES: [&str; 14] = ["*", "**", "_", "__", "[", "]", "](#)", "(", ")", "#", "> ", "\n", "\r\n", "\u{feff}"];
        const WORDS: [&str; 6] = ["第", "a", " ", "72/57", "é", "决议"];
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut text = String::new();
        let mut source = Source::of(&Arc::from(text.as_str()));
        for _ in 0..3000 {
            let pick = |state: &mut u64| {
                let n = next(state);
                if n % 3 == 0 {
                    PIECES[(n / 3) as usize % PIECES.len()]
                } else {
                    WORDS[(n / 3) as usize % WORDS.len()]
                }
            };
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let a = bounds[next(&mut state) as usize % bounds.len()];
            let b = bounds[next(&mut state) as usize % bounds.len()];
            let (start, old_end) = (a.min(b), a.max(b).min(a.min(b) + 8));
            let old_end = (start..=old_end).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(start);
            let insert: String = (0..next(&mut state) % 4).map(|_| pick(&mut state)).collect();
            text.replace_range(start..old_end, &insert);
            let shared: Arc<str> = Arc::from(text.as_str());
            let change = crate::text::TextChange { start, old_end, new_end: start + insert.len() };
            source = source.after(&shared, change);
            let fresh = Source::of(&shared);
            assert_eq!(source.masked(), fresh.masked(), "{text:?}");
            assert_eq!(source.markup(), fresh.markup(), "{text:?}");
            assert_eq!(source.markup().is_empty(), Arc::ptr_eq(source.masked(), &shared));
            assert_eq!(&*source.whole(), text.as_str());
            if text.len() > 400 {
                text.clear();
                source = Source::of(&Arc::from(""));
            }
        }
    }
}
