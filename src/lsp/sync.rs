//! Applies `didChange` content changes to a document's text, in order.
//!
//! A protocol position becomes a byte offset in two steps: the text's line
//! starts find where the line starts (lines end exactly where [`LineIndex`]
//! ends them: `\n`, `\r\n`, `\r`), and [`LineIndex::offset`] on that one line
//! turns the column into bytes in the negotiated encoding (see
//! [`DocText::offset`]). So columns are converted in the one place the core
//! converts them, and an edit costs O(log n + line length) besides moving
//! the line starts after it. Positions past the end of a line or of the
//! document are clamped.

use std::sync::Arc;

use tower_lsp_server::ls_types::{Position, TextDocumentContentChangeEvent};

use super::doc_text::DocText;
use crate::syntax::mask::Source;
#[cfg(doc)]
use crate::text::LineIndex;
use crate::text::{LineCol, PositionEncoding, Unchanged};

/// The byte offset of `pos` in `text`, and whether it had to be clamped.
pub fn byte_offset(text: &DocText, pos: Position, enc: PositionEncoding) -> (usize, bool) {
    text.offset(LineCol { line: pos.line, col: pos.character }, enc)
}

/// Applies `changes` one after the other (each range refers to the text as
/// left by the change before it, as the protocol says) and returns the new
/// text and a note for each change whose range had to be repaired.
#[cfg(test)]
fn apply_changes(text: &DocText, changes: Vec<TextDocumentContentChangeEvent>, enc: PositionEncoding) -> (DocText, Vec<String>) {
    let (text, notes, _) = apply_changes_noting(text, changes, enc);
    (text, notes)
}

/// [`apply_changes`], and what the changes left alone at the two ends of
/// the text (for the analysis, which then compares only the bytes between).
pub fn apply_changes_noting(
    text: &DocText,
    changes: Vec<TextDocumentContentChangeEvent>,
    enc: PositionEncoding,
) -> (DocText, Vec<String>, Unchanged) {
    let mut text = text.clone();
    let mut notes = Vec::new();
    let mut unchanged = Unchanged { prefix: text.len(), suffix: text.len() };
    for change in changes {
        let Some(range) = change.range else {
            text = DocText::new(Source::of(&Arc::from(change.text)));
            unchanged = Unchanged::NOTHING;
            continue;
        };
        let (mut start, clamped_start) = byte_offset(&text, range.start, enc);
        let (mut end, clamped_end) = byte_offset(&text, range.end, enc);
        if clamped_start || clamped_end {
            notes.push(format!(
                "change range {}:{}-{}:{} lies outside the text; clamped",
                range.start.line, range.start.character, range.end.line, range.end.character
            ));
        }
        if start > end {
            notes.push("change range ends before it starts; swapped".to_string());
            std::mem::swap(&mut start, &mut end);
        }
        unchanged = unchanged.then(start, end - start, text.len());
        text.edit(start, end, &change.text);
    }
    (text, notes, unchanged)
}

#[cfg(test)]
mod tests {
    use tower_lsp_server::ls_types::Range;

    use super::*;

    fn change(sl: u32, sc: u32, el: u32, ec: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range { start: Position::new(sl, sc), end: Position::new(el, ec) }),
            range_length: None,
            text: text.to_string(),
        }
    }

    fn doc(text: &str) -> DocText {
        DocText::new(Source::of(&Arc::from(text)))
    }

    fn whole(text: &DocText) -> String {
        text.slice(0..text.len()).into_owned()
    }

    #[test]
    fn lines_end_where_line_index_lines_end() {
        // Form feed, NEL, LS and PS are not line ends in LSP.
        let text = "a\nb\r\nc\rd\u{c}e\u{85}f\u{2028}g\u{2029}h\r\r\n\n😀";
        let index = crate::text::LineIndex::new(text);
        assert_eq!(doc(text).line_count(), index.line_count());
        for line in 0..index.line_count() {
            let pos = Position::new(line as u32, 0);
            assert_eq!(byte_offset(&doc(text), pos, PositionEncoding::Utf16), (index.line_start(line), false), "line {line}");
        }
    }

    #[test]
    fn edits_in_both_encodings() {
        let text = doc("第一节😀x\r\n第二行");
        let (r, notes) = apply_changes(&text, vec![change(0, 5, 0, 6, "Y")], PositionEncoding::Utf16);
        assert_eq!(whole(&r), "第一节😀Y\r\n第二行");
        assert!(notes.is_empty());
        let (r, _) = apply_changes(&text, vec![change(0, 13, 0, 14, "Y")], PositionEncoding::Utf8);
        assert_eq!(whole(&r), "第一节😀Y\r\n第二行");
        // Joining lines across a CRLF; then a second change on the result.
        let (r, _) = apply_changes(&text, vec![change(0, 6, 1, 0, ""), change(0, 0, 0, 3, "")], PositionEncoding::Utf16);
        assert_eq!(whole(&r), "😀x第二行");
    }

    #[test]
    fn bad_ranges_are_clamped_not_fatal() {
        let text = doc("ab\ncd");
        let (r, notes) = apply_changes(&text, vec![change(0, 1, 0, 99, "X")], PositionEncoding::Utf16);
        assert_eq!(whole(&r), "aX\ncd");
        assert_eq!(notes.len(), 1);
        let (r, _) = apply_changes(&text, vec![change(7, 0, 9, 9, "!")], PositionEncoding::Utf16);
        assert_eq!(whole(&r), "ab\ncd!");
        let (r, notes) = apply_changes(&text, vec![change(1, 1, 0, 1, "")], PositionEncoding::Utf16);
        assert_eq!(whole(&r), "ad");
        assert_eq!(notes.len(), 1);
        // Inside a surrogate pair: moved to the character's start.
        let text = doc("😀z");
        let (r, _) = apply_changes(&text, vec![change(0, 1, 0, 1, "|")], PositionEncoding::Utf16);
        assert_eq!(whole(&r), "|😀z");
    }

    #[test]
    fn the_ends_the_changes_left_alone_are_noted() {
        // Each check: the ends noted are unchanged, and no longer than the
        // ends the smallest change between the two texts leaves.
        let check = |old: &str, changes: Vec<TextDocumentContentChangeEvent>, expected: Unchanged| {
            let (r, _, unchanged) = apply_changes_noting(&doc(old), changes, PositionEncoding::Utf16);
            let new = whole(&r);
            assert_eq!(unchanged, expected, "{old:?} → {new:?}");
            let smallest = crate::text::TextChange::between(old, &new);
            assert!(unchanged.prefix <= smallest.start && unchanged.suffix <= old.len() - smallest.old_end);
        };
        // "第一节" is 9 bytes, "\r\n" 2, "第二行" 9.
        check("第一节x\r\n第二行", vec![change(0, 3, 0, 4, "Y")], Unchanged { prefix: 9, suffix: 11 });
        // Two changes, the second before the first: the smaller ends of both.
        check("第一节x\r\n第二行", vec![change(1, 1, 1, 1, "!"), change(0, 1, 0, 1, "")], Unchanged { prefix: 3, suffix: 6 });
        // A whole text sent: nothing is known.
        let full = TextDocumentContentChangeEvent { range: None, range_length: None, text: "abc".into() };
        check("abc", vec![full], Unchanged::NOTHING);
    }

    #[test]
    fn full_text_change_replaces_everything() {
        let text = doc("old");
        let full = TextDocumentContentChangeEvent { range: None, range_length: None, text: "new\r\n".into() };
        let (r, _) = apply_changes(&text, vec![full, change(1, 0, 1, 0, "end")], PositionEncoding::Utf8);
        assert_eq!(whole(&r), "new\r\nend");
    }
}
