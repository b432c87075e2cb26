//! Masking: a copy of the text, byte for byte the same length, in which the
//! markup that conversion from Word or PDF leaves (`**bold**`, Markdown links
//! `[72/57](#)`, heading hashes, a BOM) is blanked out with spaces. Every
//! pattern runs on the masked text, so every offset it yields is an offset
//! into the original text.

/// Returns the masked copy of `text` and the offsets of the `**` markers that
/// were blanked (inline headings are found from them).
pub fn mask(text: &str) -> (String, Vec<usize>) {
    let mut bytes = text.as_bytes().to_vec();
    let mut bold = Vec::new();
    // BOM anywhere (it is three bytes: EF BB BF).
    let mut i = if text.contains('\u{feff}') { 0 } else { bytes.len() };
    while i + 2 < bytes.len() {
        if bytes[i] == 0xEF && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF {
            bytes[i] = b' ';
            bytes[i + 1] = b' ';
            bytes[i + 2] = b' ';
            i += 3;
        } else {
            i += 1;
        }
    }
    // Bold and underline markers.
    let mut i = if text.contains("**") || text.contains("__") { 0 } else { bytes.len() };
    while i + 1 < bytes.len() {
        if (bytes[i] == b'*' && bytes[i + 1] == b'*') || (bytes[i] == b'_' && bytes[i + 1] == b'_') {
            bold.push(i);
            bytes[i] = b' ';
            bytes[i + 1] = b' ';
            i += 2;
        } else {
            i += 1;
        }
    }
    // Markdown links `[label](target)` on one line: keep the label, blank
    // the brackets and the target.
    let mut i = if text.contains("](") { 0 } else { bytes.len() };
    while i < bytes.len() {
        if bytes[i] != b'[' {
            i += 1;
            continue;
        }
        let open = i;
        let mut j = open + 1;
        while j < bytes.len() && j - open <= 600 && !matches!(bytes[j], b'[' | b']' | b'\n' | b'\r') {
            j += 1;
        }
        if j + 1 < bytes.len() && j > open + 1 && bytes[j] == b']' && bytes[j + 1] == b'(' {
            let mut k = j + 2;
            while k < bytes.len() && k - j <= 500 && !matches!(bytes[k], b'(' | b')' | b' ' | b'\t' | b'\n' | b'\r') {
                k += 1;
            }
            if k < bytes.len() && bytes[k] == b')' {
                bytes[open] = b' ';
                for b in &mut bytes[j..=k] {
                    *b = b' ';
                }
                i = k + 1;
                continue;
            }
        }
        i = open + 1;
    }
    // Heading hashes and blockquote markers at the start of a line.
    if text.contains('#') || text.contains('>') {
        let starts = std::iter::once(0).chain(text.match_indices(['\n', '\r']).map(|(i, _)| i + 1));
        for start in starts {
            let mut j = start;
            while j < bytes.len() && bytes[j] == b' ' {
                j += 1;
            }
            let mut k = j;
            while k < bytes.len() && (bytes[k] == b'#' || bytes[k] == b'>') {
                k += 1;
            }
            if k > j && (k == bytes.len() || bytes[k] == b' ') {
                for b in &mut bytes[j..k] {
                    *b = b' ';
                }
            }
        }
    }
    let masked = String::from_utf8(bytes).unwrap_or_else(|_| text.to_string());
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
