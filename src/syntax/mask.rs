//! Masking: a copy of the text, byte for byte the same length, in which the
//! markup that conversion from Word or PDF leaves (`**bold**`, Markdown links
//! `[72/57](#)`, heading hashes, a BOM) is blanked out with spaces. Every
//! pattern runs on the masked text, so every offset it yields is an offset
//! into the original text.

/// Returns the masked copy of `text` and the offsets of the `**` markers that
/// were blanked (inline headings are found from them). Every markup form is
/// found with a substring search, so text without it costs one copy.
pub fn mask(text: &str) -> (String, Vec<usize>) {
    // The ranges to blank are collected first, then written into one copy
    // of the text (no byte-by-byte pass, no second UTF-8 validation).
    let mut blanks: Vec<(usize, usize)> = Vec::new();
    let blank = |blanks: &mut Vec<(usize, usize)>, from: usize, to: usize| blanks.push((from, to));
    let src = text.as_bytes();
    // BOM anywhere.
    for (i, _) in text.match_indices('\u{feff}') {
        blank(&mut blanks, i, i + 3);
    }
    // Bold and underline markers, in order of position.
    let mut bold: Vec<usize> = Vec::new();
    for marker in ["**", "__"] {
        let mut from = 0;
        while let Some(p) = text[from..].find(marker) {
            let at = from + p;
            bold.push(at);
            from = at + 2;
        }
    }
    bold.sort_unstable();
    bold.dedup();
    for &at in &bold {
        blank(&mut blanks, at, at + 2);
    }
    // Markdown links `[label](target)` on one line: keep the label, blank
    // the brackets and the target.
    let mut from = 0;
    while let Some(p) = text[from..].find("](") {
        let close = from + p;
        from = close + 2;
        let line_start = src[..close].iter().rposition(|&b| b == b'\n' || b == b'\r').map_or(0, |i| i + 1);
        let Some(open) = src[line_start..close].iter().rposition(|&b| b == b'[').map(|i| line_start + i) else { continue };
        if close == open + 1 || close - open > 600 || src[open + 1..close].contains(&b']') {
            continue;
        }
        let target_end = src[close + 2..].iter().take(500).position(|&b| matches!(b, b'(' | b')' | b' ' | b'\t' | b'\n' | b'\r'));
        let Some(k) = target_end.map(|k| close + 2 + k).filter(|&k| src[k] == b')') else { continue };
        blank(&mut blanks, open, open + 1);
        blank(&mut blanks, close, k + 1);
        from = k + 1;
    }
    // Heading hashes and blockquote markers at the start of a line.
    if text.contains('#') || text.contains('>') {
        let mut start = 0;
        loop {
            let mut j = start;
            while j < src.len() && src[j] == b' ' {
                j += 1;
            }
            if src[j..].starts_with("\u{feff}".as_bytes()) {
                j += 3;
                while j < src.len() && src[j] == b' ' {
                    j += 1;
                }
            }
            let mut k = j;
            while k < src.len() && (src[k] == b'#' || src[k] == b'>') {
                k += 1;
            }
            if k > j && (k == src.len() || src[k] == b' ') {
                blank(&mut blanks, j, k);
            }
            match src[start..].iter().position(|&b| b == b'\n' || b == b'\r') {
                Some(p) => start += p + 1,
                None => break,
            }
        }
    }
    let mut masked = text.to_string();
    for (from, to) in blanks {
        // Every range covers whole characters (ASCII markup, a BOM).
        if masked.is_char_boundary(from) && masked.is_char_boundary(to) {
            masked.replace_range(from..to, &" ".repeat(to - from));
        }
    }
    debug_assert_eq!(masked.len(), text.len());
    (masked, bold)
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
}
