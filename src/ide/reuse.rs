//! What an update keeps of the previous version's diagnostics. When the
//! rebuilt tree has the previous one's shape (the usual keystroke inside a
//! paragraph: `syntax::Reuse::shape_carried`), the numbering check would
//! report exactly what it reported before, each range moved by the change:
//! it reads the tree's shape and numbers and, at a number written with a
//! slip, the text of the number itself. Those diagnostics are kept (moved)
//! instead of walking every numbered sequence again, unless one of them
//! lies on the lines the change touched; then they are all computed afresh.
//! Likewise the references the update kept keep their resolution (their
//! targets are the same nodes: `model::references_after_same_tree`), so the
//! diagnostics of those not resolved again are kept, moved. The resolver
//! reads the annexes' titles too, so an edit on one of them keeps nothing.
//! `tests/incremental.rs` checks that the result is a fresh analysis's.

use std::ops::Range;

use crate::diagnostics::{Diagnostic, Related};
use crate::model::find::FoundAgain;
use crate::model::Reference;
use crate::syntax::Document;
use crate::text::{TextChange, TextRange};

/// Which diagnostics an update kept from the version before.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeptDiagnostics {
    /// `numbering.*` (see [`kept_numbering`]).
    pub numbering: bool,
    /// Those of the references not resolved again (see [`kept_reference_diagnostics`]).
    pub references: bool,
    /// The negotiation markup (`brackets.*`) of the text before, moved, and
    /// read again on the edited lines only (see `negotiation::reread`).
    pub markup: bool,
}

/// The lines an edit touched: `from..old_to` of the previous text became
/// `from..to` of the new one (whole lines, as `syntax::reparse` reads again).
#[derive(Clone, Copy, Debug)]
pub struct EditedLines {
    change: TextChange,
    from: usize,
    old_to: usize,
}

impl EditedLines {
    pub fn new(new_text: &str, change: TextChange) -> EditedLines {
        let bytes = new_text.as_bytes();
        let from = memchr::memrchr(b'\n', &bytes[..change.start]).map_or(0, |i| i + 1);
        let to = memchr::memchr(b'\n', &bytes[change.new_end..]).map_or(bytes.len(), |i| change.new_end + i + 1);
        EditedLines { change, from, old_to: to - change.new_end + change.old_end }
    }

    /// Where the edited lines start (in both texts).
    pub fn from(&self) -> usize {
        self.from
    }

    /// Where the edited lines end in the previous text.
    pub fn old_to(&self) -> usize {
        self.old_to
    }

    /// Where the edited lines end in the new text.
    pub fn to(&self) -> usize {
        self.old_to - self.change.old_end + self.change.new_end
    }

    /// A range of the previous text in the new one, when it lies away from
    /// the edited lines (not touching them).
    pub fn moved(&self, r: TextRange) -> Option<TextRange> {
        if r.end < self.from {
            Some(r)
        } else if r.start > self.old_to {
            Some(self.change.moved_range(r))
        } else {
            None
        }
    }

    /// A diagnostic of the previous text, moved, when every range of it
    /// lies away from the edited lines.
    pub fn moved_diagnostic(&self, d: &Diagnostic) -> Option<Diagnostic> {
        let range = self.moved(d.range)?;
        let related = d
            .related
            .iter()
            .map(|r| Some(Related { range: self.moved(r.range)?, message: r.message.clone() }))
            .collect::<Option<Vec<_>>>()?;
        let replacement = match d.replacement.as_deref() {
            Some((r, text)) => Some(Box::new((self.moved(*r)?, text.clone()))),
            None => None,
        };
        Some(Diagnostic { range, severity: d.severity, code: d.code, message: d.message.clone(), related, replacement })
    }
}

/// The previous numbering diagnostics, moved, when none lies on the edited
/// lines (`None`: the numbering is checked again).
pub fn kept_numbering(prev: &[Diagnostic], lines: &EditedLines) -> Option<Vec<Diagnostic>> {
    prev.iter().filter(|d| d.code.is_numbering()).map(|d| lines.moved_diagnostic(d)).collect()
}

/// Whether an annex title lies on the edited lines (the resolver reads
/// the annexes' titles: an annex that names an outcome document).
pub fn annex_title_edited(doc: &Document, lines: &EditedLines) -> bool {
    let to = lines.old_to - lines.change.old_end + lines.change.new_end;
    doc.annexes().into_iter().filter_map(|a| doc.nodes[a].title()).any(|t| t.end >= lines.from && t.start <= to)
}

/// The previous diagnostics of the reference rule for the references an
/// update kept with their resolution, moved, and the references whose
/// diagnostics are to be made again: `resolved` (those found or resolved
/// again) and those starting where the last of them starts. `None` when one
/// of those kept lies on the edited lines: all are made again.
pub fn kept_reference_diagnostics(
    prev: &[Diagnostic],
    refs: &[Reference],
    mut resolved: Range<usize>,
    again: &FoundAgain,
    lines: &EditedLines,
) -> Option<(Vec<Diagnostic>, Range<usize>)> {
    while resolved.end < refs.len() && resolved.end > 0 && refs[resolved.end].range().start == refs[resolved.end - 1].range().start {
        resolved.end += 1;
    }
    // (previous text) Those of the references before `again.text` are kept
    // as they were; those of the references after `resolved`, moved.
    let change = lines.change;
    let tail = refs.get(resolved.end).map(|r| r.range().start);
    let tail_old = match tail {
        Some(t) if t >= change.new_end.max(again.text.end) => Some(t - change.new_end + change.old_end),
        Some(_) => return None,
        None => None,
    };
    let mut kept = Vec::new();
    for d in prev.iter().filter(|d| d.code.is_reference_rule()) {
        if d.range.start < again.text.start || tail_old.is_some_and(|t| d.range.start >= t) {
            kept.push(lines.moved_diagnostic(d)?);
        }
    }
    Some((kept, resolved))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Code;

    #[test]
    fn moves_what_lies_away_from_the_edited_lines_and_refuses_the_rest() {
        // (a range starting right at the next line is refused too: the
        // window is taken wide)
        let old = "1. One.\n3. Three.\n\n4. Four.\n";
        let new = "1. One.\n3. Three more.\n\n4. Four.\n";
        let lines = EditedLines::new(new, TextChange::between(old, new));
        let at = |s: &str, text: &str| TextRange::new(text.find(s).unwrap(), text.find(s).unwrap() + s.len());
        let gap = Diagnostic::new(Code::NumberingGap, at("4.", old), "gap").with_related(at("1.", old), "before");
        assert_eq!(lines.moved_diagnostic(&gap).map(|d| (d.range, d.related[0].range)), Some((at("4.", new), at("1.", new))));
        let on_the_line = Diagnostic::new(Code::NumberingGap, at("3.", old), "gap");
        assert_eq!(lines.moved_diagnostic(&on_the_line), None);
        // A related range on the edited line refuses the whole diagnostic.
        let related = Diagnostic::new(Code::NumberingGap, at("4.", old), "gap").with_related(at("Three", old), "x");
        assert_eq!(lines.moved_diagnostic(&related), None);
        assert!(kept_numbering(&[on_the_line], &lines).is_none());
        assert_eq!(kept_numbering(&[gap], &lines).map(|k| k.len()), Some(1));
    }
}
