//! Feature tests on small fixtures; `$0` marks the cursor.

use super::*;

fn fixture(text: &str) -> (Analysis, usize) {
    let offset = text.find("$0").expect("cursor marker");
    let clean = text.replacen("$0", "", 1);
    (Analysis::new(clean, None, &DiagnosticsConfig::all_enabled()), offset)
}

fn slice(a: &Analysis, r: TextRange) -> &str {
    &a.text[r.start..r.end]
}

#[test]
fn definition_from_a_chinese_reference_into_the_annex() {
    let (a, at) =
        fixture("一. 引言\n\n1. 会议决定保留成果文件草案第一节第 $02 段。\n\n附件\n\n成果文件\n\n一. 宣言\n\n1. 甲。\n\n2. 乙段的文字。\n");
    let targets = a.goto_definition(at);
    assert_eq!(targets.len(), 1);
    assert!(slice(&a, targets[0]).starts_with("2. 乙段"), "{:?}", slice(&a, targets[0]));
    let hover = a.hover(at).unwrap();
    assert!(hover.markdown.contains("Annex, section I, paragraph 2"), "{}", hover.markdown);
    assert!(hover.markdown.contains("乙段的文字"), "{}", hover.markdown);
}

#[test]
fn references_from_a_paragraph_number_and_from_a_reference() {
    let text = "I. Introduction\n\n1. First.\n\n$02. Second.\n\n3. Recalls paragraph 2 above and paragraphs 1 to 2.\n";
    let (a, at) = fixture(text);
    let refs = a.find_references(at, false);
    let texts: Vec<&str> = refs.iter().map(|r| slice(&a, *r)).collect();
    assert_eq!(texts, vec!["paragraph 2 above", "2"], "{texts:?}");
    let hover = a.hover(at).unwrap();
    assert!(hover.markdown.contains("cited in 2 places"), "{}", hover.markdown);
}

#[test]
fn external_reference_hover_and_link() {
    let (a, at) = fixture("1. Recalls Security Council resolution 23$070 (2017) and document A/CONF.192/2018/RC/1.\n");
    let hover = a.hover(at).unwrap();
    assert!(hover.markdown.contains("Security Council resolution 2370 (2017)"), "{}", hover.markdown);
    let links: Vec<String> = a.document_links().into_iter().map(|l| l.target).collect();
    assert!(links.contains(&"https://undocs.org/S/RES/2370(2017)".to_string()), "{links:?}");
    assert!(links.contains(&"https://undocs.org/A/CONF.192/2018/RC/1".to_string()), "{links:?}");
    assert!(a.goto_definition(at).is_empty());
}

#[test]
fn hover_escapes_the_documents_markdown() {
    let text = "I. Introduction\n\n1. See ![x](https://evil/x.png) [click](command:workbench.action.quit) <img src=x> **b** `c` &amp; <https://e.x>.\n\n2. Recalls paragraph $01 above.\n";
    let (a, at) = fixture(text);
    let hover = a.hover(at).expect("a hover on the reference");
    let md = &hover.markdown;
    let excerpt = md.split_once("\n\n").expect("an excerpt").1;
    let chars: Vec<char> = excerpt.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if "[]<>`!:&*_".contains(*c) {
            assert!(i > 0 && chars[i - 1] == '\\', "{c:?} unescaped at {i} in {excerpt}");
        }
    }
    assert!(md.contains(r"\!\[x\]"), "{md}");
    assert!(md.contains(r"command\:workbench"), "{md}");
    assert!(md.contains(r"\<img"), "{md}");
}

#[test]
fn escape_markdown_keeps_the_text() {
    assert_eq!(escape_markdown("16. 我们欢迎 (a)"), r"16\. 我们欢迎 (a)");
    assert_eq!(escape_markdown("- item\nnext"), r"\- item next");
    assert_eq!(escape_markdown("a_b*c"), r"a\_b\*c");
    assert_eq!(escape_markdown("Security Council resolution 2370 (2017)"), "Security Council resolution 2370 (2017)");
}

#[test]
fn an_update_detects_the_language_again_only_when_the_edit_is_in_what_detection_reads() {
    let config = DiagnosticsConfig::all_enabled();
    // French at the start, then English past the sample detection reads.
    let mut text = String::from("1. Le Conseil décide de la mise en œuvre et des mesures prises par les États.\n");
    while text.len() < crate::lang::DETECT_SAMPLE + 1000 {
        text.push_str("2. Les États membres de la Commission et du Conseil.\n");
    }
    text.push_str("3. The Council decides that the measures of the States and the Commission are in force.\n");
    let before = Analysis::new(text.clone(), None, &config);
    assert_eq!(before.language(), Language::Fr);
    // Typed near the end: the language detected before is kept, as a fresh analysis finds it.
    let mut late = text.clone();
    late.insert_str(text.len() - 10, "and ");
    let updated = before.update(late.clone(), None, &config);
    assert_eq!(updated.detected, Some(Language::Fr));
    assert_eq!(updated.language(), Analysis::new(late, None, &config).language());
    // Typed at the start: detected again, and what a fresh analysis says.
    let early = format!("第一段。{text}");
    let updated = updated.into_update(early.clone(), None, &config);
    assert_eq!(updated.language(), Analysis::new(early, None, &config).language());
    // A language given by the caller is not detected.
    assert_eq!(before.update(text, Some(Language::En), &config).detected, None);
}

#[test]
fn a_keystroke_in_a_draft_reads_the_markup_of_its_lines_only() {
    let config = DiagnosticsConfig::all_enabled();
    let draft = "1. Decides [to act] now;\n\n2. Welcomes [the report];\n\n3. Notes [the plan];\n\n4. Requests a report.\n\n5. Decides to remain seized.\n";
    let a = Analysis::new(draft, None, &config);
    assert!(a.diagnostics.iter().all(|d| d.code != diagnostics::Code::BracketsUnbalanced));
    // An ordinary keystroke away from the brackets: the cheap path.
    let typed = draft.replace("a report", "a full report");
    let b = a.update(typed.as_str(), None, &config);
    assert!(b.diagnostics_kept().markup);
    assert_eq!(b.negotiation(), Analysis::new(typed.as_str(), None, &config).negotiation());
    // A bracket typed: the whole text is read, and the unbalanced bracket found.
    let opened = draft.replace("a report", "a [report");
    let c = b.update(opened.as_str(), None, &config);
    assert!(!c.diagnostics_kept().markup);
    assert!(c.diagnostics.iter().any(|d| d.code == diagnostics::Code::BracketsUnbalanced));
    assert_eq!(c.diagnostics, Analysis::new(opened.as_str(), None, &config).diagnostics);
    // Typing inside bracketed text: read whole too.
    let inside = draft.replace("[the plan]", "[the new plan]");
    assert!(!a.update(inside.as_str(), None, &config).diagnostics_kept().markup);
}

#[test]
fn an_update_knows_its_change_from_the_analyses_it_updated_and_no_other() {
    let config = DiagnosticsConfig::all_enabled();
    let first = Analysis::new("1. 会议决定。\n\n2. 乙段的文字。\n", None, &config);
    let text = "1. 会议决定。\n\n2. 乙段的新文字。\n";
    let known = crate::text::Unchanged { prefix: 10, suffix: 3 };
    let second = first.update_outside(Arc::from(text), known, None, &config);
    let change = TextChange::between(&first.text, text);
    assert_eq!(second.change_since(first.generation()), Some(change));
    let end = text.len();
    assert_eq!(second.change_since(second.generation()), Some(TextChange { start: end, old_end: end, new_end: end }));
    // Another analysis of the same first text is not the one updated.
    let other = Analysis::new("1. 会议决定。\n\n2. 乙段的文字。\n", None, &config);
    assert_ne!(other.generation(), first.generation());
    assert_eq!(second.change_since(other.generation()), None);
    // Consumed, the same; an update of an update knows the change since
    // either (through two, one covering both), and no other.
    let (second_generation, second_text) = (second.generation(), second.text.clone());
    let last = "1. 会议决定。\n";
    let third = second.into_update_outside(Arc::from(last), crate::text::Unchanged::NOTHING, None, &config);
    assert_eq!(third.change_since(second_generation), Some(TextChange::between(&second_text, last)));
    let since_first = third.change_since(first.generation()).expect("the change since the first");
    assert_eq!(&first.text[..since_first.start], &last[..since_first.start]);
    assert_eq!(&first.text[since_first.old_end..], &last[since_first.new_end..]);
    assert_eq!(third.change_since(other.generation()), None);
}

/// What an update keeps of the version before it lets go of it finds a
/// change that accounts for every byte that differs: for random edits of
/// texts with markup, wide characters and line feeds, told the ends the
/// edit left alone or less than them, the bytes outside the change are the
/// same in both texts, its ends are character boundaries of both, and it
/// lies between the ends it was told (moved out to character boundaries).
#[test]
fn the_span_kept_of_the_version_before_finds_the_change() {
    let pieces = ["a", "第", "😀", "\n", "é", " ", "**", "[x](#第)", "\u{feff}", "# "];
    let mut rng = crate::test_rng::Rng::new(0x04d1_dd1e);
    let config = DiagnosticsConfig::all_enabled();
    for _ in 0..600 {
        let old: String = (0..rng.below(30)).map(|_| pieces[rng.below(pieces.len())]).collect();
        let cut = |rng: &mut crate::test_rng::Rng| {
            let mut at = rng.below(old.len() + 1);
            while !old.is_char_boundary(at) {
                at -= 1;
            }
            at
        };
        let (x, y) = (cut(&mut rng), cut(&mut rng));
        let (from, to) = (x.min(y), x.max(y));
        let inserted: String = (0..rng.below(4)).map(|_| pieces[rng.below(pieces.len())]).collect();
        let new = format!("{}{inserted}{}", &old[..from], &old[to..]);
        let (p, q) = (from - rng.below(from.min(3) + 1), (old.len() - to) - rng.below((old.len() - to).min(3) + 1));
        let before = Analysis::new(old.as_str(), Some(Language::En), &config);
        let span = EditedSpan::of(&before, Unchanged { prefix: p, suffix: q });
        assert!(span.is_small());
        let (change, line_feed) = span.change_to(&OriginalText::of(Arc::from(new.as_str())));
        let what = format!("{old:?} -> {new:?}, {p}, {q}: {change:?}");
        // (between the ends told, moved out to character boundaries)
        let low = (0..=p).rev().find(|&i| old.is_char_boundary(i)).unwrap_or(0);
        let high = (old.len() - q..=old.len()).find(|&i| old.is_char_boundary(i)).unwrap_or(old.len());
        assert!(low <= change.start && change.old_end <= high, "{what}");
        assert_eq!(old[..change.start], new[..change.start], "{what}");
        assert_eq!(old[change.old_end..], new[change.new_end..], "{what}");
        assert_eq!(line_feed, old[change.start..change.old_end].contains('\n'), "{what}");
        assert!(old.len() - change.old_end == new.len() - change.new_end, "{what}");
    }
}
