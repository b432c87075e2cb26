//! Masking: a copy of the text, byte for byte the same length, in which the
//! markup that conversion from Word or PDF leaves (`**bold**`, Markdown links
//! `[72/57](#)`, heading hashes, a BOM) is blanked out with spaces. Every
//! pattern runs on the masked text, so every offset it yields is an offset
//! into the original text.

use std::sync::OnceLock;

use regex::Regex;

/// Returns the masked copy of `text` and the offsets of the `**` markers that
/// were blanked (inline headings are found from them).
pub fn mask(text: &str) -> (String, Vec<usize>) {
    let mut bytes = text.as_bytes().to_vec();
    let mut bold = Vec::new();
    // BOM anywhere (it is three bytes: EF BB BF).
    let mut i = 0;
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
    let mut i = 0;
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
    // Markdown links: keep the label, blank the brackets and the target.
    static LINK: OnceLock<Regex> = OnceLock::new();
    let link = LINK.get_or_init(|| {
        Regex::new(r"\[([^\[\]\n]{1,300})\]\(([^()\s]{0,500})\)").expect("link pattern")
    });
    // Only ASCII bytes were replaced so far, so the buffer is still UTF-8.
    let snapshot = String::from_utf8(bytes.clone()).unwrap_or_else(|_| text.to_string());
    for caps in link.captures_iter(&snapshot) {
        let (Some(whole), Some(label)) = (caps.get(0), caps.get(1)) else { continue };
        bytes[whole.start()] = b' ';
        for b in &mut bytes[label.end()..whole.end()] {
            *b = b' ';
        }
    }
    // Heading hashes and blockquote markers at the start of a line.
    let mut at_line_start = true;
    let mut i = 0;
    while i < bytes.len() {
        if at_line_start {
            let mut j = i;
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
        at_line_start = bytes[i] == b'\n' || bytes[i] == b'\r';
        i += 1;
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
