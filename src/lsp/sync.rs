//! Applies `didChange` content changes to a document's text, in order.
//!
//! The server stores each version's text in one shared allocation, the
//! `Arc<str>` the analysis takes as it is (a rope beside it would hold the
//! text a third time: the rope, the analysed version, the masked copy), with
//! its [`LineIndex`], which converts the positions of the next edits — the
//! one place the core converts positions, in the negotiated encoding, in
//! O(log n + 1 KB) whatever the line's length.
//!
//! A message with one change (what typing sends) costs one copy of the text
//! with the change spliced in, and an update of the line index where the
//! change is. A message with several changes (a multi-cursor edit, a
//! formatter's edits) is applied to a rope (`ropey`, built with `cr_lines`
//! only, so that it ends lines exactly where [`LineIndex`] does: `\n`,
//! `\r\n`, `\r`), each change in O(log n + line length), then copied out
//! once: never a copy of the whole text per change.
//! Positions past the end of a line or of the document are clamped.

use std::borrow::Cow;
use std::sync::Arc;

use ropey::Rope;
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent};

use crate::text::{LineCol, LineIndex, PositionEncoding, TextChange, Unchanged};

/// A version of a document's text as the server stores it.
#[derive(Clone, Debug)]
pub struct StoredText {
    /// The text, shared with the analysis of this version.
    pub text: Arc<str>,
    /// Converts the positions of the changes made to this version.
    pub lines: Arc<LineIndex>,
}

impl StoredText {
    pub fn new(text: Arc<str>) -> StoredText {
        let lines = Arc::new(LineIndex::new(&text));
        StoredText { text, lines }
    }

    /// The byte offset of `pos`, and whether it had to be clamped.
    fn byte_offset(&self, pos: Position, enc: PositionEncoding) -> (usize, bool) {
        self.lines.offset(&self.text, LineCol { line: pos.line, col: pos.character }, enc)
    }
}

/// The text made of `pieces`, `len` bytes in all, in one shared allocation
/// written once (`Arc::from(String)` would copy it a second time: a
/// transient 20 MB for a 10-MB document on every keystroke).
fn shared_from_pieces<'a>(len: usize, pieces: impl IntoIterator<Item = &'a str>) -> Arc<str> {
    let mut bytes: Arc<[std::mem::MaybeUninit<u8>]> = Arc::new_uninit_slice(len);
    let slots = Arc::get_mut(&mut bytes).expect("a new allocation has one owner");
    let mut at = 0;
    for piece in pieces {
        let end = at + piece.len();
        assert!(end <= len, "the pieces fit the length given");
        // SAFETY: `slots[at..end]` is in bounds (asserted) and `piece` does
        // not overlap a new allocation: a copy of `piece.len()` bytes.
        unsafe { std::ptr::copy_nonoverlapping(piece.as_ptr(), slots[at..end].as_mut_ptr().cast::<u8>(), piece.len()) };
        at = end;
    }
    assert_eq!(at, len, "the pieces cover the length given");
    // SAFETY: every one of the `len` bytes was written above.
    let bytes: Arc<[u8]> = unsafe { bytes.assume_init() };
    debug_assert!(std::str::from_utf8(&bytes).is_ok());
    // SAFETY: the bytes are `str`s end to end, each cut on character
    // boundaries: valid UTF-8; `str` and `[u8]` have the same layout.
    unsafe { Arc::from_raw(Arc::into_raw(bytes) as *const str) }
}

/// Orders a change's two ends, noting a range that had to be repaired.
fn repaired(
    range: Range,
    (mut start, clamped_start): (usize, bool),
    (mut end, clamped_end): (usize, bool),
    notes: &mut Vec<String>,
) -> (usize, usize) {
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
    (start, end)
}

/// The byte offset of `pos` in `rope`, and whether it had to be clamped.
fn rope_byte_offset(rope: &Rope, pos: Position, enc: PositionEncoding) -> (usize, bool) {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return (rope.len_bytes(), true);
    }
    let start = rope.line_to_byte(line);
    let text: Cow<str> = rope.line(line).into();
    let (within, clamped) = LineIndex::new(&text).offset(&text, LineCol { line: 0, col: pos.character }, enc);
    (start + within, clamped)
}

/// The text after `changes`, applied one after the other (each range
/// refers to the text as left by the change before it, as the protocol
/// says); a note for each change whose range had to be repaired; and what
/// the changes left alone at the two ends of the text (for the analysis,
/// which then compares only the bytes between).
pub fn apply_changes(
    before: &StoredText,
    mut changes: Vec<TextDocumentContentChangeEvent>,
    enc: PositionEncoding,
) -> (StoredText, Vec<String>, Unchanged) {
    let len = before.text.len();
    let mut notes = Vec::new();
    match changes.len() {
        0 => (before.clone(), notes, Unchanged::ALL),
        1 => {
            let change = changes.pop().expect("one change");
            let Some(range) = change.range else {
                return (StoredText::new(Arc::from(change.text)), notes, Unchanged::NOTHING);
            };
            let (start, end) = repaired(range, before.byte_offset(range.start, enc), before.byte_offset(range.end, enc), &mut notes);
            let unchanged = Unchanged { prefix: len, suffix: len }.then(start, end - start, len);
            let inserted = change.text.as_str();
            let text = shared_from_pieces(len - (end - start) + inserted.len(), [&before.text[..start], inserted, &before.text[end..]]);
            let edit = TextChange { start, old_end: end, new_end: start + inserted.len() };
            let lines = Arc::new(LineIndex::clone(&before.lines).update(&text, edit));
            (StoredText { text, lines }, notes, unchanged)
        }
        _ => {
            let mut rope = Rope::from_str(&before.text);
            let mut unchanged = Unchanged { prefix: len, suffix: len };
            for change in changes {
                let Some(range) = change.range else {
                    rope = Rope::from_str(&change.text);
                    unchanged = Unchanged::NOTHING;
                    continue;
                };
                let (start, end) =
                    repaired(range, rope_byte_offset(&rope, range.start, enc), rope_byte_offset(&rope, range.end, enc), &mut notes);
                unchanged = unchanged.then(start, end - start, rope.len_bytes());
                let start_char = rope.byte_to_char(start);
                if end > start {
                    let end_char = rope.byte_to_char(end);
                    rope.remove(start_char..end_char);
                }
                if !change.text.is_empty() {
                    rope.insert(start_char, &change.text);
                }
            }
            (StoredText::new(shared_from_pieces(rope.len_bytes(), rope.chunks())), notes, unchanged)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(sl: u32, sc: u32, el: u32, ec: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range { start: Position::new(sl, sc), end: Position::new(el, ec) }),
            range_length: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn rope_lines_end_where_line_index_lines_end() {
        // Form feed, NEL, LS and PS are not line ends in LSP, so not in the rope either.
        let text = "a\nb\r\nc\rd\u{c}e\u{85}f\u{2028}g\u{2029}h\r\r\n\n😀";
        let rope = Rope::from_str(text);
        let index = LineIndex::new(text);
        assert_eq!(rope.len_lines(), index.line_count());
        for line in 0..index.line_count() {
            assert_eq!(rope.line_to_byte(line), index.line_start(line), "line {line}");
        }
    }

    /// The text after `changes`, and the notes; checks that the line index
    /// stored with it is the text's.
    fn apply(text: &str, changes: Vec<TextDocumentContentChangeEvent>, enc: PositionEncoding) -> (String, Vec<String>) {
        let (after, notes, _) = apply_changes(&StoredText::new(text.into()), changes, enc);
        assert_eq!(*after.lines, LineIndex::new(&after.text), "the stored line index is not the text's");
        (after.text.to_string(), notes)
    }

    #[test]
    fn edits_in_both_encodings() {
        let text = "第一节😀x\r\n第二行";
        let (r, notes) = apply(text, vec![change(0, 5, 0, 6, "Y")], PositionEncoding::Utf16);
        assert_eq!(r, "第一节😀Y\r\n第二行");
        assert!(notes.is_empty());
        let (r, _) = apply(text, vec![change(0, 13, 0, 14, "Y")], PositionEncoding::Utf8);
        assert_eq!(r, "第一节😀Y\r\n第二行");
        // Joining lines across a CRLF; then a second change on the result.
        let (r, _) = apply(text, vec![change(0, 6, 1, 0, ""), change(0, 0, 0, 3, "")], PositionEncoding::Utf16);
        assert_eq!(r, "😀x第二行");
        // The same two changes sent one message each.
        let (r, _) = apply(text, vec![change(0, 6, 1, 0, "")], PositionEncoding::Utf16);
        let (r, _) = apply(&r, vec![change(0, 0, 0, 3, "")], PositionEncoding::Utf16);
        assert_eq!(r, "😀x第二行");
    }

    /// One change (spliced, positions through the stored line index) and
    /// the same change among several (through a rope) give the same text
    /// and the same notes, in both encodings, for
    /// random ranges (clamped, reversed, inside characters) of texts with
    /// every line end and wide characters.
    #[test]
    fn one_change_and_several_agree() {
        let pieces = ["a", "第", "😀", "\n", "\r\n", "\r", " ", "é", "\u{2028}"];
        let mut rng = crate::test_rng::Rng::new(0x5eed_0017);
        for _ in 0..400 {
            let text: String = (0..rng.below(40)).map(|_| pieces[rng.below(pieces.len())]).collect();
            let lines = text.matches('\n').count() + text.matches('\r').count() + 2;
            let mut pos = || (rng.below(lines) as u32, rng.below(12) as u32);
            let ((sl, sc), (el, ec)) = (pos(), pos());
            let inserted = pieces[rng.below(pieces.len())];
            for enc in [PositionEncoding::Utf16, PositionEncoding::Utf8] {
                let before = StoredText::new(text.as_str().into());
                let one = apply_changes(&before, vec![change(sl, sc, el, ec, inserted)], enc);
                let empty = change(0, 0, 0, 0, "");
                let several = apply_changes(&before, vec![change(sl, sc, el, ec, inserted), empty], enc);
                assert_eq!(one.0.text, several.0.text, "{text:?} {sl}:{sc}-{el}:{ec} {enc:?}");
                assert_eq!(*one.0.lines, LineIndex::new(&one.0.text));
                assert_eq!(one.1, several.1);
            }
        }
    }

    #[test]
    fn bad_ranges_are_clamped_not_fatal() {
        let (r, notes) = apply("ab\ncd", vec![change(0, 1, 0, 99, "X")], PositionEncoding::Utf16);
        assert_eq!(r, "aX\ncd");
        assert_eq!(notes.len(), 1);
        let (r, _) = apply("ab\ncd", vec![change(7, 0, 9, 9, "!")], PositionEncoding::Utf16);
        assert_eq!(r, "ab\ncd!");
        let (r, notes) = apply("ab\ncd", vec![change(1, 1, 0, 1, "")], PositionEncoding::Utf16);
        assert_eq!(r, "ad");
        assert_eq!(notes.len(), 1);
        // Inside a surrogate pair: moved to the character's start.
        let (r, _) = apply("😀z", vec![change(0, 1, 0, 1, "|")], PositionEncoding::Utf16);
        assert_eq!(r, "|😀z");
    }

    #[test]
    fn the_ends_the_changes_left_alone_are_noted() {
        // Each check: the ends noted are unchanged, and no longer than the
        // ends the smallest change between the two texts leaves.
        let check = |old: &str, changes: Vec<TextDocumentContentChangeEvent>, expected: Unchanged| {
            let (r, _, unchanged) = apply_changes(&StoredText::new(old.into()), changes, PositionEncoding::Utf16);
            let new = r.text.to_string();
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
        let full = || TextDocumentContentChangeEvent { range: None, range_length: None, text: "new\r\n".into() };
        let (r, _) = apply("old", vec![full(), change(1, 0, 1, 0, "end")], PositionEncoding::Utf8);
        assert_eq!(r, "new\r\nend");
        let (r, _) = apply("old", vec![full()], PositionEncoding::Utf8);
        assert_eq!(r, "new\r\n");
    }

    #[test]
    fn the_text_copied_out_of_a_rope_is_the_ropes_text() {
        let mut text: String = (0..3000).map(|i| format!("{i}. 段落 paragraph 😀\n")).collect();
        let mut rope = Rope::from_str(&text);
        rope.insert(17, "é中");
        let at = text.char_indices().nth(17).map_or(text.len(), |(i, _)| i);
        text.insert_str(at, "é中");
        assert!(rope.chunks().count() > 1);
        assert_eq!(*shared_from_pieces(rope.len_bytes(), rope.chunks()), *text);
        assert_eq!(&*shared_from_pieces(0, []), "");
    }
}
