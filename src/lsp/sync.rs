//! Applies `didChange` content changes to a document's text, in order.
//!
//! The server keeps each version's text flat, as the analysis reads it
//! (one `Arc<str>`, shared with the analysis: no rope beside it, which was
//! a second copy of the document), with a [`LineIndex`] of it for the
//! positions of the next edits. A change (a keystroke) becomes a byte range
//! through that index ([`LineIndex::offset`], the one place the core
//! converts columns) and the new text is written in one copy, its index
//! updated where the change is ([`LineIndex::update`]). Many ranged changes
//! in one notification (a replace-all) go through a rope, so that they cost
//! O(changes × log n), not a copy of the text each.
//!
//! On the rope, a protocol position becomes a byte offset in two steps: the
//! rope finds where the line starts (ropey is built with `cr_lines` only, so
//! it ends lines exactly where [`LineIndex`] does: `\n`, `\r\n`, `\r`), and
//! [`LineIndex::offset`] on that one line turns the column into bytes in the
//! negotiated encoding. Positions past the end of a line or of the document
//! are clamped, the same on both paths.

use std::borrow::Cow;
use std::sync::Arc;

use ropey::Rope;
use tower_lsp_server::ls_types::{Position, TextDocumentContentChangeEvent};

use crate::text::{LineCol, LineIndex, PositionEncoding, TextChange, Unchanged};

/// The byte offset of `pos` in `rope`, and whether it had to be clamped.
pub fn byte_offset(rope: &Rope, pos: Position, enc: PositionEncoding) -> (usize, bool) {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return (rope.len_bytes(), true);
    }
    let start = rope.line_to_byte(line);
    let text: Cow<str> = rope.line(line).into();
    let (within, clamped) = LineIndex::new(&text).offset(&text, LineCol { line: 0, col: pos.character }, enc);
    (start + within, clamped)
}

/// Applies `changes` one after the other (each range refers to the text as
/// left by the change before it, as the protocol says) and returns the new
/// rope and a note for each change whose range had to be repaired.
#[cfg(test)]
fn apply_changes(rope: &Rope, changes: Vec<TextDocumentContentChangeEvent>, enc: PositionEncoding) -> (Rope, Vec<String>) {
    let (rope, notes, _) = apply_changes_noting(rope, changes, enc);
    (rope, notes)
}

/// [`apply_changes`], and what the changes left alone at the two ends of
/// the text (for the analysis, which then compares only the bytes between).
fn apply_changes_noting(
    rope: &Rope,
    changes: Vec<TextDocumentContentChangeEvent>,
    enc: PositionEncoding,
) -> (Rope, Vec<String>, Unchanged) {
    let mut rope = rope.clone();
    let mut notes = Vec::new();
    let mut unchanged = Unchanged { prefix: rope.len_bytes(), suffix: rope.len_bytes() };
    for change in changes {
        let Some(range) = change.range else {
            rope = Rope::from_str(&change.text);
            unchanged = Unchanged::NOTHING;
            continue;
        };
        let (mut start, clamped_start) = byte_offset(&rope, range.start, enc);
        let (mut end, clamped_end) = byte_offset(&rope, range.end, enc);
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
    (rope, notes, unchanged)
}

/// More ranged changes than this in one notification are applied on a rope.
const FLAT_CHANGES: usize = 8;

/// Applies `changes` to `text`, whose lines are `lines`, one after the
/// other (each range refers to the text as left by the change before it):
/// the new text, its lines, and a note for each change whose range had to
/// be repaired, and what the changes left alone at the two ends of the
/// text (for the analysis, which then compares only the bytes between).
/// The same text as [`apply_changes`] on a rope of `text`.
pub fn apply_to_text(
    text: &Arc<str>,
    lines: &LineIndex,
    changes: Vec<TextDocumentContentChangeEvent>,
    enc: PositionEncoding,
) -> (Arc<str>, LineIndex, Vec<String>, Unchanged) {
    if changes.iter().filter(|c| c.range.is_some()).count() > FLAT_CHANGES {
        let (rope, notes, unchanged) = apply_changes_noting(&Rope::from_str(text), changes, enc);
        let text = rope_text(&rope);
        let lines = LineIndex::new(&text);
        return (text, lines, notes, unchanged);
    }
    let mut notes = Vec::new();
    let mut unchanged = Unchanged { prefix: text.len(), suffix: text.len() };
    let mut current: Option<(Arc<str>, LineIndex)> = None;
    for change in changes {
        let (text, lines) = match &current {
            Some((text, lines)) => (text, lines),
            None => (text, lines),
        };
        let Some(range) = change.range else {
            let text: Arc<str> = Arc::from(change.text);
            let lines = LineIndex::new(&text);
            current = Some((text, lines));
            unchanged = Unchanged::NOTHING;
            continue;
        };
        let at = |p: Position| lines.offset(text, LineCol { line: p.line, col: p.character }, enc);
        let ((mut start, clamped_start), (mut end, clamped_end)) = (at(range.start), at(range.end));
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
        if start == end && change.text.is_empty() {
            continue;
        }
        unchanged = unchanged.then(start, end - start, text.len());
        let edited = joined(&[&text[..start], &change.text, &text[end..]]);
        let edit = TextChange { start, old_end: end, new_end: start + change.text.len() };
        let lines = lines.clone().update(&edited, edit);
        current = Some((edited, lines));
    }
    match current {
        Some((text, lines)) => (text, lines, notes, unchanged),
        None => (Arc::clone(text), lines.clone(), notes, unchanged),
    }
}

/// `pieces` end to end in one shared allocation, copied once
/// (`Arc::from(String)` copies twice: a transient second text).
fn joined(pieces: &[&str]) -> Arc<str> {
    let len = pieces.iter().map(|p| p.len()).sum();
    let mut bytes: Arc<[std::mem::MaybeUninit<u8>]> = Arc::new_uninit_slice(len);
    let slots = Arc::get_mut(&mut bytes).expect("a new allocation has one owner");
    let mut at = 0;
    for piece in pieces {
        for (slot, &b) in slots[at..at + piece.len()].iter_mut().zip(piece.as_bytes()) {
            slot.write(b);
        }
        at += piece.len();
    }
    assert_eq!(at, len, "the pieces cover the length");
    // SAFETY: every one of the `len` bytes was written above.
    let bytes: Arc<[u8]> = unsafe { bytes.assume_init() };
    debug_assert!(std::str::from_utf8(&bytes).is_ok());
    // SAFETY: the bytes are `str`s end to end, each cut on character
    // boundaries: valid UTF-8; `str` and `[u8]` have the same layout.
    unsafe { Arc::from_raw(Arc::into_raw(bytes) as *const str) }
}

/// The text of `rope` in one shared allocation, copied once.
pub fn rope_text(rope: &Rope) -> Arc<str> {
    let chunks: Vec<&str> = rope.chunks().collect();
    joined(&chunks)
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

    #[test]
    fn edits_in_both_encodings() {
        let rope = Rope::from_str("第一节😀x\r\n第二行");
        let (r, notes) = apply_changes(&rope, vec![change(0, 5, 0, 6, "Y")], PositionEncoding::Utf16);
        assert_eq!(r.to_string(), "第一节😀Y\r\n第二行");
        assert!(notes.is_empty());
        let (r, _) = apply_changes(&rope, vec![change(0, 13, 0, 14, "Y")], PositionEncoding::Utf8);
        assert_eq!(r.to_string(), "第一节😀Y\r\n第二行");
        // Joining lines across a CRLF; then a second change on the result.
        let (r, _) = apply_changes(&rope, vec![change(0, 6, 1, 0, ""), change(0, 0, 0, 3, "")], PositionEncoding::Utf16);
        assert_eq!(r.to_string(), "😀x第二行");
    }

    #[test]
    fn bad_ranges_are_clamped_not_fatal() {
        let rope = Rope::from_str("ab\ncd");
        let (r, notes) = apply_changes(&rope, vec![change(0, 1, 0, 99, "X")], PositionEncoding::Utf16);
        assert_eq!(r.to_string(), "aX\ncd");
        assert_eq!(notes.len(), 1);
        let (r, _) = apply_changes(&rope, vec![change(7, 0, 9, 9, "!")], PositionEncoding::Utf16);
        assert_eq!(r.to_string(), "ab\ncd!");
        let (r, notes) = apply_changes(&rope, vec![change(1, 1, 0, 1, "")], PositionEncoding::Utf16);
        assert_eq!(r.to_string(), "ad");
        assert_eq!(notes.len(), 1);
        // Inside a surrogate pair: moved to the character's start.
        let rope = Rope::from_str("😀z");
        let (r, _) = apply_changes(&rope, vec![change(0, 1, 0, 1, "|")], PositionEncoding::Utf16);
        assert_eq!(r.to_string(), "|😀z");
    }

    #[test]
    fn full_text_change_replaces_everything() {
        let rope = Rope::from_str("old");
        let full = TextDocumentContentChangeEvent { range: None, range_length: None, text: "new\r\n".into() };
        let (r, _) = apply_changes(&rope, vec![full, change(1, 0, 1, 0, "end")], PositionEncoding::Utf8);
        assert_eq!(r.to_string(), "new\r\nend");
    }

    /// Random positions (past line ends and the text's end too, and inside
    /// characters and surrogate pairs) in a text with every kind of line end.
    fn random_change(rng: &mut crate::test_rng::Rng, lines: u32) -> TextDocumentContentChangeEvent {
        const INSERTS: [&str; 6] = ["", "x", "\n", "\r\n第", "😀", "\r"];
        let mut pos = || Position::new(rng.below(lines as usize + 2) as u32, rng.below(12) as u32);
        let (start, end) = (pos(), pos());
        let text = INSERTS[rng.below(INSERTS.len())].to_string();
        TextDocumentContentChangeEvent { range: Some(Range { start, end }), range_length: None, text }
    }

    #[test]
    fn the_flat_text_is_edited_as_the_rope() {
        let mut rng = crate::test_rng::Rng::new(0x5eed);
        for enc in [PositionEncoding::Utf16, PositionEncoding::Utf8] {
            let mut text: Arc<str> = Arc::from("第一节😀x\r\n第二行\rthird\n\né\u{2028}z");
            let mut lines = LineIndex::new(&text);
            let mut rope = Rope::from_str(&text);
            for round in 0..400 {
                // One change (a keystroke), a few, or more than go flat.
                let count = [1, 1, 3, FLAT_CHANGES + 2][round % 4];
                let changes: Vec<_> = (0..count).map(|_| random_change(&mut rng, lines.line_count() as u32)).collect();
                let (next_rope, rope_notes) = apply_changes(&rope, changes.clone(), enc);
                let (next, next_lines, notes, unchanged) = apply_to_text(&text, &lines, changes, enc);
                assert_eq!(*next, next_rope.to_string(), "round {round}");
                // The ends noted as left alone are the same in both texts.
                let (a, b) = (text.as_bytes(), next.as_bytes());
                assert!(unchanged.prefix <= a.len().min(b.len()) && a[..unchanged.prefix] == b[..unchanged.prefix], "round {round}");
                assert!(unchanged.suffix <= a.len().min(b.len()), "round {round}");
                assert_eq!(a[a.len() - unchanged.suffix..], b[b.len() - unchanged.suffix..], "round {round}");
                assert_eq!(TextChange::between_outside(&text, &next, unchanged), TextChange::between(&text, &next));
                assert_eq!(notes, rope_notes, "round {round}");
                let fresh = LineIndex::new(&next);
                assert_eq!(next_lines.line_count(), fresh.line_count(), "round {round}");
                for line in 0..fresh.line_count() {
                    assert_eq!(next_lines.line_start(line), fresh.line_start(line), "round {round}, line {line}");
                }
                (text, lines, rope) = (next, next_lines, next_rope);
                if text.len() > 400 {
                    let cut = (0..=200).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
                    text = Arc::from(&text[..cut]);
                    lines = LineIndex::new(&text);
                    rope = Rope::from_str(&text);
                }
            }
        }
    }

    #[test]
    fn a_whole_text_change_then_ranged_ones() {
        let text: Arc<str> = Arc::from("old");
        let lines = LineIndex::new(&text);
        let full = TextDocumentContentChangeEvent { range: None, range_length: None, text: "new\r\n".into() };
        let (next, next_lines, _, unchanged) = apply_to_text(&text, &lines, vec![full, change(1, 0, 1, 0, "end")], PositionEncoding::Utf8);
        assert_eq!(unchanged, Unchanged::NOTHING);
        assert_eq!(&*next, "new\r\nend");
        assert_eq!(next_lines.line_start(1), 5);
        // Nothing changed: the same text, not a copy.
        let (same, _, _, _) = apply_to_text(&text, &lines, vec![change(0, 1, 0, 1, "")], PositionEncoding::Utf8);
        assert!(Arc::ptr_eq(&same, &text));
    }

    #[test]
    fn the_ends_the_changes_left_alone_are_noted() {
        let check = |old: &str, changes: Vec<TextDocumentContentChangeEvent>, expected: Unchanged| {
            let text: Arc<str> = Arc::from(old);
            let lines = LineIndex::new(&text);
            let (_, _, _, unchanged) = apply_to_text(&text, &lines, changes, PositionEncoding::Utf16);
            assert_eq!(unchanged, expected, "{old:?}");
        };
        // "第一节" is 9 bytes, "\r\n" 2, "第二行" 9.
        check("第一节x\r\n第二行", vec![change(0, 3, 0, 4, "Y")], Unchanged { prefix: 9, suffix: 11 });
        // Two changes, the second before the first: the smaller ends of both.
        check("第一节x\r\n第二行", vec![change(1, 1, 1, 1, "!"), change(0, 1, 0, 2, "")], Unchanged { prefix: 3, suffix: 6 });
        let full = TextDocumentContentChangeEvent { range: None, range_length: None, text: "abc".into() };
        check("abc", vec![full], Unchanged::NOTHING);
    }
}
