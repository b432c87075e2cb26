//! Masking: a copy of the text, byte for byte the same length, in which the
//! markup that conversion from Word or PDF leaves (`**bold**`, Markdown links
//! `[72/57](#)`, heading hashes, a BOM) is blanked out with spaces. Every
//! pattern runs on the masked text, so every offset it yields is an offset
//! into the original text.

use std::fmt;
use std::ops::Deref;
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

/// The masked text of a document: the text itself, shared, when masking
/// blanked nothing (a plain-text draft: at 10 MB, 10 MB not held twice),
/// else a copy of its own. Read it as a `str`.
#[derive(Clone)]
pub enum Masked {
    Shared(Arc<str>),
    Own(String),
}

impl Masked {
    pub fn as_str(&self) -> &str {
        match self {
            Masked::Shared(text) => text,
            Masked::Own(masked) => masked,
        }
    }
}

impl Default for Masked {
    fn default() -> Masked {
        Masked::Own(String::new())
    }
}

impl Deref for Masked {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

/// Shown as the text it holds, whether shared or not (so that two
/// documents of the same text compare the same).
impl fmt::Debug for Masked {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// [`mask`] of a shared text: the text itself when there is nothing to blank.
pub fn mask_shared(text: &Arc<str>) -> (Masked, Vec<usize>) {
    let (blanks, bold) = blanks(text);
    if blanks.is_empty() {
        return (Masked::Shared(Arc::clone(text)), bold);
    }
    (Masked::Own(blanked(text, blanks)), bold)
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
            }
        }
        let (blanks, _) = blanks(text);
        assert_eq!(blanked(text, blanks.clone()), blanked_by_splices(text, &blanks));
    }

    #[test]
    fn a_text_without_markup_is_its_own_masked_text() {
        let plain: Arc<str> = Arc::from("1. 第 72/57 号决议 # 不是标题\n(a) a * b_c [x] (y)\n");
        let (masked, bold) = mask_shared(&plain);
        assert!(matches!(&masked, Masked::Shared(t) if Arc::ptr_eq(t, &plain)), "{masked:?}");
        assert!(bold.is_empty());
        let marked: Arc<str> = Arc::from("1. **第一节** 见 [72/57](#)\n");
        let (masked, bold) = mask_shared(&marked);
        assert!(matches!(masked, Masked::Own(_)));
        assert_eq!(&*masked, mask(&marked).0);
        assert_eq!(bold.len(), 2);
    }
}
