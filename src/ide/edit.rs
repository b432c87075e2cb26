//! Edits the core proposes to a document — quick fixes, renumbering, rename,
//! negotiation actions — as plain data: byte ranges into the analysed text
//! and the text to put there. The server turns a [`Fix`] into an LSP code
//! action with a `WorkspaceEdit`; the CLI applies it with [`apply`].

use crate::text::TextRange;

/// Replace the bytes of `range` with `new_text`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TextEdit {
    pub range: TextRange,
    pub new_text: String,
}

impl TextEdit {
    pub fn replace(range: TextRange, new_text: impl Into<String>) -> TextEdit {
        TextEdit { range, new_text: new_text.into() }
    }
    pub fn insert(at: usize, new_text: impl Into<String>) -> TextEdit {
        TextEdit { range: TextRange::empty(at), new_text: new_text.into() }
    }
    pub fn delete(range: TextRange) -> TextEdit {
        TextEdit { range, new_text: String::new() }
    }
}

/// What kind of action a fix is, in the editor's terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FixKind {
    /// Repairs the diagnostic it is attached to.
    QuickFix,
    /// Acts on the whole document or a scope of it (renumber the document).
    Source,
    /// Rewrites the text without repairing a diagnostic (accept an alternative).
    Refactor,
}

/// One action the user may take: a title, the edits, and the diagnostic it
/// repairs (by code and range) if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub kind: FixKind,
    /// The code of the diagnostic this fix repairs (`numbering.gap`).
    pub code: Option<&'static str>,
    /// The range of that diagnostic.
    pub diagnostic_range: Option<TextRange>,
    /// The edit the client should prefer (`isPreferred`).
    pub preferred: bool,
    /// Non-overlapping edits into the analysed text.
    pub edits: Vec<TextEdit>,
}

/// Why edits could not be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// Two edits touch the same bytes.
    Overlap(TextRange, TextRange),
    /// A range lies outside the text or splits a character.
    OutOfText(TextRange),
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::Overlap(a, b) => write!(f, "edits {a:?} and {b:?} overlap"),
            EditError::OutOfText(r) => write!(f, "edit {r:?} lies outside the text or splits a character"),
        }
    }
}

impl std::error::Error for EditError {}

/// Applies `edits` (in any order, non-overlapping; insertions at one offset
/// keep their given order) to `text`.
pub fn apply(text: &str, edits: &[TextEdit]) -> Result<String, EditError> {
    let mut order: Vec<&TextEdit> = edits.iter().collect();
    order.sort_by_key(|e| (e.range.start, e.range.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    let mut last: Option<TextRange> = None;
    for edit in order {
        let r = edit.range;
        if r.end > text.len() || !text.is_char_boundary(r.start) || !text.is_char_boundary(r.end) {
            return Err(EditError::OutOfText(r));
        }
        if let Some(prev) = last {
            if r.start < prev.end {
                return Err(EditError::Overlap(prev, r));
            }
        }
        out.push_str(&text[at..r.start]);
        out.push_str(&edit.new_text);
        at = r.end;
        last = Some(r);
    }
    out.push_str(&text[at..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applies_edits_given_in_any_order() {
        let text = "第二节第 18 段和第 19 段";
        let a = text.find("18").unwrap();
        let b = text.find("19").unwrap();
        let edits = [TextEdit::replace(TextRange::new(b, b + 2), "20"), TextEdit::replace(TextRange::new(a, a + 2), "19")];
        assert_eq!(apply(text, &edits).unwrap(), "第二节第 19 段和第 20 段");
    }

    #[test]
    fn refuses_overlapping_and_split_characters() {
        let text = "段落 12";
        assert!(matches!(
            apply(text, &[TextEdit::delete(TextRange::new(0, 4)), TextEdit::delete(TextRange::new(3, 6))]),
            Err(EditError::OutOfText(_)) | Err(EditError::Overlap(..))
        ));
        assert_eq!(apply(text, &[TextEdit::delete(TextRange::new(1, 3))]), Err(EditError::OutOfText(TextRange::new(1, 3))));
        let ok = [TextEdit::delete(TextRange::new(0, 3)), TextEdit::delete(TextRange::new(3, 6))];
        assert_eq!(apply(text, &ok).unwrap(), " 12");
        let overlap = [TextEdit::delete(TextRange::new(0, 6)), TextEdit::delete(TextRange::new(3, 6))];
        assert!(matches!(apply(text, &overlap), Err(EditError::Overlap(..))));
    }
}
