//! The markup of a text after an edit, from the markup before it: a
//! keystroke reads the lines it touched, not the whole text.
//!
//! Away from brackets and alternative labels, an edit changes nothing but
//! the attributions and unbracketed tags of its own lines (they are read
//! line by line): every pair, unmatched bracket and alternative of the text
//! before is the same, moved by the change. [`Reading::after`] takes that
//! path when the edited lines (before and after the edit) hold no bracket,
//! no pair or alternative reaches them, no two labelled pairs (`[Alt 1: …]
//! [Alt 2: …]`) face each other across them, and, in a text with labels of
//! alternatives (`Option 1:`, `方案` — a common word in Chinese), the edit
//! stays within one line, in a paragraph without brackets whose label (or
//! lack of one) it keeps. Otherwise it gives `None`, and the text is read
//! whole. The result is exactly [`Reading::new`]'s on the new text
//! (the tests below compare the two over random edits).

use super::markup::{self, Markup, PairKind, Reading, Vocabulary};
use crate::lang::tables::negotiation_markup::{self as words, NegotiationWords};
use crate::lang::Language;
use crate::text::{TextChange, TextRange};

/// An edit, in the terms [`Reading::after`] reads it.
#[derive(Clone, Copy, Debug)]
pub struct Edit<'a> {
    pub change: TextChange,
    /// The edited lines: `from..old_to` of the previous masked text (whole
    /// lines, holding the change) became `from..to` of the new one.
    pub from: usize,
    pub old_to: usize,
    pub to: usize,
    /// The previous masked text's `from..old_to`.
    pub old_lines: &'a str,
    /// Whether neither the removed nor the inserted text holds a line break.
    pub in_line: bool,
}

/// How far [`Reading::after`] looks for the paragraph around an edit
/// before it gives up (and the text is read whole).
const PARAGRAPH_REACH: usize = 64 * 1024;

fn has_bracket(s: &str) -> bool {
    memchr::memchr2(b'[', b']', s.as_bytes()).is_some() || s.contains(['［', '］'])
}

/// The paragraph (lines between blank lines) around the lines `from..to`
/// of `masked`, if it is found within [`PARAGRAPH_REACH`] on each side.
fn paragraph_around(masked: &str, from: usize, to: usize) -> Option<TextRange> {
    let bytes = masked.as_bytes();
    // (lines as the alternative paragraphs read them: blank when only
    // white space, of any kind)
    let blank = |line: &[u8]| std::str::from_utf8(line).is_ok_and(|l| l.trim().is_empty());
    let mut start = from;
    while start > 0 {
        if from - start > PARAGRAPH_REACH {
            return None;
        }
        // (`start - 1` is the line break ending the line before)
        let line_start = memchr::memrchr(b'\n', &bytes[..start - 1]).map_or(0, |i| i + 1);
        if blank(&bytes[line_start..start]) {
            break;
        }
        start = line_start;
    }
    let mut end = to;
    while end < bytes.len() {
        if end - to > PARAGRAPH_REACH {
            return None;
        }
        let line_end = memchr::memchr(b'\n', &bytes[end..]).map_or(bytes.len(), |i| end + i + 1);
        if blank(&bytes[end..line_end]) {
            break;
        }
        end = line_end;
    }
    Some(TextRange::new(start, end))
}

/// Whether `p` is a bracketed option with a label (`[Alt 1: …]`).
fn labelled(masked: &str, p: &markup::Pair, w: &NegotiationWords) -> bool {
    p.kind == PairKind::Negotiation && markup::alt_label(masked[p.open.end..p.close.start].trim_start(), w).is_some()
}

impl Reading {
    /// The reading of `masked`, the text this reading's text became after
    /// `edit`, from this one (see the module's documentation); `None` when
    /// the text must be read whole.
    pub fn after(&self, masked: &str, language: Language, vocabulary: &Vocabulary, edit: &Edit<'_>) -> Option<Reading> {
        let w = words::words(language);
        let Edit { change, from, old_to, to, old_lines, in_line } = *edit;
        let new_lines = &masked[from..to];
        if has_bracket(old_lines) || has_bracket(new_lines) {
            return None;
        }
        let prev = &self.raw;
        let near = |r: TextRange| r.end >= from && r.start <= old_to;
        if prev.pairs.iter().any(|p| near(p.range())) || prev.alternatives.iter().any(|a| near(a.whole)) {
            return None;
        }
        let some_open = prev.pairs.iter().any(|p| p.kind != PairKind::Editorial);
        let ad_ref = |s: &str| memchr::memmem::find(s.as_bytes(), markup::AD_REF).is_some();
        if !some_open && (ad_ref(old_lines) || ad_ref(new_lines)) {
            return None;
        }
        // Paragraphs labelled as alternatives: with labels in the text, the
        // paragraphs must stay as they were, and the edited one keep its
        // label (or none).
        let label_words = self.label_words - markup::label_words(old_lines, w) + markup::label_words(new_lines, w);
        let alt_labels = prev.pairs.iter().any(|p| p.kind == PairKind::AltLabel);
        match (alt_labels || self.label_words > 0, alt_labels || label_words > 0) {
            (false, false) => {}
            (true, _) => {
                if !in_line || old_lines.trim().is_empty() || new_lines.trim().is_empty() {
                    return None;
                }
                let p = paragraph_around(masked, from, to)?;
                if has_bracket(&masked[p.start..p.end]) {
                    return None;
                }
                let new_paragraph = masked[p.start..p.end].trim_end();
                let old_paragraph = [&masked[p.start..from], old_lines, &masked[to..p.end]].concat();
                let old_paragraph = old_paragraph.trim_end();
                fn label<'b>(block: &'b str, w: &NegotiationWords) -> Option<&'b str> {
                    markup::word_label(block, w).map(|r| &block[r])
                }
                if label(new_paragraph, w) != label(old_paragraph, w) {
                    return None;
                }
            }
            // (labels typed into a text without any)
            (false, true) => return None,
        }
        // Everything read before lies before or after the edited lines.
        let moved = |r: TextRange| if r.end < from { r } else { change.moved_range(r) };
        let mut m = Markup {
            pairs: prev.pairs.iter().map(|p| markup::Pair { open: moved(p.open), close: moved(p.close), ..*p }).collect(),
            unmatched: prev.unmatched.iter().map(|u| markup::Unmatched { at: moved(u.at), ..*u }).collect(),
            alternatives: prev
                .alternatives
                .iter()
                .map(|a| markup::Alternatives {
                    whole: moved(a.whole),
                    choices: a
                        .choices
                        .iter()
                        .map(|c| markup::Choice { range: moved(c.range), label: c.label.map(moved), paragraph: c.paragraph })
                        .collect(),
                })
                .collect(),
            attributions: Vec::new(),
            tags: Vec::new(),
            draft: false,
            claims_final: prev.claims_final,
        };
        // Two labelled options facing each other across the edited lines
        // (nothing but those lines between them): the edit may join them.
        let before = m.pairs.iter().filter(|p| p.close.end <= from).max_by_key(|p| p.close.end);
        let after = m.pairs.iter().filter(|p| p.open.start >= to).min_by_key(|p| p.open.start);
        if let (Some(b), Some(a)) = (before, after) {
            let between = |at: usize| at >= b.close.end && at < a.open.start;
            let other =
                m.pairs.iter().any(|p| between(p.open.start) || between(p.close.start)) || m.unmatched.iter().any(|u| between(u.at.start));
            if !other && labelled(masked, b, w) && labelled(masked, a, w) {
                return None;
            }
        }
        // The attributions and unbracketed tags: those of the edited lines
        // read again (each lies on one line).
        let mut window = Markup { pairs: std::mem::take(&mut m.pairs), ..Markup::default() };
        if self.lines_read {
            markup::read_lines(masked, TextRange::new(from, to), language, w, vocabulary, &mut window);
            markup::in_text_order(&mut window);
        }
        m.pairs = window.pairs;
        let kept = |r: TextRange| r.start < from || r.start >= old_to;
        let split = |r: TextRange| r.start < from;
        m.tags = spliced(&prev.tags, window.tags, |t| t.range, kept, split, |t| markup::Tag { range: moved(t.range), ..*t });
        m.attributions = spliced(
            &prev.attributions,
            window.attributions,
            |a| a.range,
            kept,
            split,
            |a| markup::Attribution { range: moved(a.range), names: a.names.iter().map(|&n| moved(n)).collect(), verb: a.verb.map(moved) },
        );
        markup::decide_draft(&mut m);
        if from <= markup::HEAD {
            m.claims_final = markup::claims_final(masked, w);
        }
        Some(Reading { raw: m, lines_read: self.lines_read, label_words })
    }
}

/// `prev` without the items on the edited lines (`kept` false), the others
/// moved (`moved`), with `window` (the items read again there) in their place.
fn spliced<T>(
    prev: &[T],
    window: Vec<T>,
    range: impl Fn(&T) -> TextRange,
    kept: impl Fn(TextRange) -> bool,
    before: impl Fn(TextRange) -> bool,
    moved: impl Fn(&T) -> T,
) -> Vec<T> {
    let mut out = Vec::with_capacity(prev.len() + window.len());
    let mut window = Some(window);
    for item in prev {
        let r = range(item);
        if !before(r) {
            out.extend(window.take().into_iter().flatten());
        }
        if kept(r) {
            out.push(moved(item));
        }
    }
    out.extend(window.into_iter().flatten());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::mask::mask;

    /// The reading of `new` after the edit from `old`, and whether it was
    /// made from `old`'s (rather than by a whole read).
    fn reread(old: &str, new: &str, language: Language) -> (Reading, bool) {
        let vocabulary = Vocabulary::default();
        let (old_masked, _) = mask(old);
        let (new_masked, _) = mask(new);
        let before = Reading::new(&old_masked, language, &vocabulary);
        let change = TextChange::between(old, new);
        let bytes = new.as_bytes();
        let from = memchr::memrchr(b'\n', &bytes[..change.start]).map_or(0, |i| i + 1);
        let to = memchr::memchr(b'\n', &bytes[change.new_end..]).map_or(bytes.len(), |i| change.new_end + i + 1);
        let old_to = to - change.new_end + change.old_end;
        let in_line = !old[change.start..change.old_end].contains('\n') && !new[change.start..change.new_end].contains('\n');
        let edit = Edit { change, from, old_to, to, old_lines: &old_masked[from..old_to], in_line };
        let fresh = Reading::new(&new_masked, language, &vocabulary);
        match before.after(&new_masked, language, &vocabulary, &edit) {
            Some(after) => {
                assert_eq!(after, fresh, "{old:?}\n→ {new:?}");
                (after, true)
            }
            None => (fresh, false),
        }
    }

    const DRAFT: &str = "Draft outcome\n\n1. Decides [to act (EU)] on the plan;\n\n2. Welcomes the report. [Agreed ad ref]\n\n3. Notes the plan. (US delete)\n\n4. [Alt 1: Decides to meet] [Alt 2: Decides to wait]\n\n5. Requests the Secretary-General to report.\n\n6. Encourages States to act;\n\n7. [Alt] Encourages States to consider acting;\n\nOption 1: Decides to meet;\n\nOption 2: Decides to wait;\n\n8. Calls upon [all] States to act [now.\n9. Decides] to remain seized.\n\n10. Stresses the plan.\n";

    #[test]
    fn a_keystroke_away_from_the_markup_is_read_on_its_line_only() {
        let at = DRAFT.find("Secretary-General").unwrap();
        let mut new = DRAFT.to_string();
        new.insert(at, 'x');
        let (r, cheap) = reread(DRAFT, &new, Language::En);
        assert!(cheap);
        assert!(r.raw.draft);
        // An attribution typed on a line is found there.
        let new = DRAFT.replace("Stresses the plan.", "Stresses the plan. (EU)");
        let (r, cheap) = reread(DRAFT, &new, Language::En);
        assert!(cheap);
        assert_eq!(r.raw.attributions.iter().filter(|a| &new[a.range.start..a.range.end] == "(EU)").count(), 2);
        // Chinese: a keystroke in a plain paragraph.
        // (`方案`, "programme", is a label's word too: here it labels nothing)
        let zh = "1. 决定[区域/国家]计划[欧盟删除]（已商定）\n\n2. 请秘书长提交援助方案报告。\n\n3. 决定继续处理此案。\n";
        let (_, cheap) = reread(zh, &zh.replace("提交援助", "提交一份援助"), Language::Zh);
        assert!(cheap);
        let (_, cheap) = reread(zh, &zh.replace("援助方案", "援助"), Language::Zh);
        assert!(cheap);
        // A label made at a paragraph's start: read whole.
        let (r, cheap) = reread(zh, &zh.replace("3. 决定", "3. 方案2：决定"), Language::Zh);
        assert!(!cheap);
        assert_eq!(r.label_words, 2);
    }

    #[test]
    fn an_edit_of_the_markup_reads_the_whole_text() {
        for (from, to) in [
            // typing a bracket, deleting one
            ("Stresses the plan.", "Stresses [the plan."),
            ("Stresses the plan.", "Stresses the] plan."),
            ("[Agreed ad ref]", "Agreed ad ref]"),
            // inside bracketed text, and a pair spanning lines
            ("to act (EU)", "to act now (EU)"),
            ("to act [now.", "to act [right now."),
            // a label typed
            ("Stresses the plan.", "Option 3: Stresses the plan."),
            // a line break in a text with labels
            ("Requests the Secretary-General", "Requests the\nSecretary-General"),
        ] {
            let new = DRAFT.replacen(from, to, 1);
            let (_, cheap) = reread(DRAFT, &new, Language::En);
            assert!(!cheap, "{to:?}");
        }
        // Two labelled options with only the edited line between them.
        let t = "1. [Alt 1: Decides to act]\nand also\n[Alt 2: Decides to wait]\n";
        let (r, cheap) = reread(t, &t.replace("and also", "or"), Language::En);
        assert!(!cheap);
        assert_eq!(r.raw.alternatives.len(), 1);
    }

    #[test]
    fn equals_a_whole_read_over_random_edits() {
        // Edits of every kind at every place of small drafts: whenever the
        // reading after the edit is made from the one before, it is the
        // whole read's (checked in `reread`).
        let texts: [(&str, Language); 3] = [
            (DRAFT, Language::En),
            ("Final text\n\n1. Decides to act.\n\n2. Notes [the report] of the Secretary-General.\n\n3. Agreed ad ref\n\n4. Takes note.\n", Language::En),
            ("1. 决定[区域/国家]计划[欧盟删除]（已商定）\n\n2. [备选案文1：决定行动] [备选案文2：决定等待]\n\n3. 请秘书长提交报告。\n\n方案\n4. 决定继续。\n", Language::Zh),
        ];
        let inserts = ["x", " ", "\n", "\n\n", "[", "]", "(EU)", "EU: ", "or", "Alt", "ad ref", "方案", "。", "a)"];
        let mut cheap = 0;
        let mut rng = crate::test_rng::Rng::new(0x2545_f491_4f6c_dd1d);
        let mut next = |n: usize| rng.below(n);
        for (text, language) in texts {
            let boundaries: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            for _ in 0..600 {
                let a = boundaries[next(boundaries.len())];
                let b = boundaries[(boundaries.partition_point(|&x| x < a) + next(4)).min(boundaries.len() - 1)];
                let insert = if next(3) == 0 { "" } else { inserts[next(inserts.len())] };
                let new = format!("{}{}{}", &text[..a], insert, &text[b..]);
                if new == text {
                    continue;
                }
                cheap += usize::from(reread(text, &new, language).1);
            }
        }
        // (these drafts are dense with markup: a fair share of the edits
        // still take the cheap path)
        assert!(cheap > 300, "{cheap}");
    }
}
