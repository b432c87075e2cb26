//! Parser tests on small fixtures.

use super::*;

fn outline(text: &str, lang: Language) -> Vec<String> {
    let doc = parse(text, lang);
    doc.nodes.iter().enumerate().map(|(id, n)| format!("{} {}", n.kind.name(), doc.eid(id))).collect()
}

#[test]
fn chinese_report_with_annex_restarting_per_section() {
    let text = "报告\n\n一. 引言\n\n1. 第一段。\n2. 第二段。\n\n二. 事项\n\n3. 第三段。\n\n附件\n\n成果文件**一. 宣言**\n\n1. 甲。\n2. 乙。\n\n二. 执行\n\nA. 国家\n\n1. 各级的协调\n\n(a) 国家一级\n\n1. 丙。\n2. 丁：\n(a) 子；\n(b) 丑。\n";
    let got = outline(text, Language::Zh);
    let want = [
        "title_block preface",
        "section sec_I",
        "paragraph para_1",
        "paragraph para_2",
        "section sec_II",
        "paragraph para_3",
        "annex annex",
        "section annex__sec_I",
        "paragraph annex__sec_I__para_1",
        "paragraph annex__sec_I__para_2",
        "section annex__sec_II",
        "subsection annex__sec_II__subsec_A",
        "subheading annex__sec_II__subsec_A__subheading_1",
        "subheading annex__sec_II__subsec_A__subheading_1__subheading_a",
        "paragraph annex__sec_II__para_1",
        "paragraph annex__sec_II__para_2",
        "subparagraph annex__sec_II__para_2__subpara_a",
        "subparagraph annex__sec_II__para_2__subpara_b",
    ];
    assert_eq!(got, want);
}

#[test]
fn agenda_list_nested_in_a_paragraph() {
    let text = "一. 引言\n\n5. 前一段。\n6. 大会通过议程如下：\n\n1. 开幕。\n2. 选举：\n - (a) 任命；\n - (b) 报告。\n3. 通过。\n\nD. 主席团\n\n7. 下一段。\n";
    let got = outline(text, Language::Zh);
    assert!(
        got.contains(&"list_item sec_I__para_6__list__item_2".to_string()) || got.contains(&"list_item para_6__list__item_2".to_string()),
        "{got:?}"
    );
    assert!(got.iter().any(|s| s.ends_with("para_6__list__item_2__subpara_b")), "{got:?}");
    assert!(got.iter().any(|s| s == "paragraph para_7"), "{got:?}");
}

#[test]
fn english_resolution_preamble_and_operative_paragraphs() {
    let text = "The General Assembly,\n\nRecalling its resolution 72/57,\n\nNoting the report,\n\n1. Decides to convene;\n\n2. Requests:\n(a) the first;\n(b) the second, including:\n(i) one;\n(ii) two;\n(c) the third;\n(i) after (h)? no;\n";
    let got = outline(text, Language::En);
    assert!(got.contains(&"preamble preamble".to_string()), "{got:?}");
    assert!(got.contains(&"preambular_paragraph preamble__rec_2".to_string()), "{got:?}");
    assert!(got.contains(&"subparagraph para_2__subpara_b__subpara_ii".to_string()), "{got:?}");
    assert!(got.contains(&"subparagraph para_2__subpara_c".to_string()), "{got:?}");
}

/// [`reparse`] of `text`, masked afresh, its previous masked text whole at hand.
fn reparse_text(lang: Language, prev: Cow<'_, Document>, reuse: Cow<'_, Reuse>, text: &Arc<str>, change: TextChange) -> (Document, Reuse) {
    let old_window = OldWindowText::of(&prev.masked, change);
    reparse(lang, prev, reuse, &mask::Source::of(text), change, &old_window)
}

/// `reparse` after replacing `old[start..end]` by `insert` gives what `parse` gives.
/// What the borrowing and the consuming `reparse` kept (see
/// [`tree_kept_after`]), having checked that both equal a fresh parse.
fn assert_reparse_equals_parse(old: &str, start: usize, end: usize, insert: &str, lang: Language) -> (Reuse, Reuse) {
    let (prev, reuse) = parse_keeping(&Arc::from(old), lang);
    let mut new = old.to_string();
    new.replace_range(start..end, insert);
    let change = TextChange::between(old, &new);
    let new: Arc<str> = Arc::from(new);
    let fresh = format!("{:?}", parse(&new, lang));
    let borrowed = reparse_text(lang, Cow::Borrowed(&prev), Cow::Borrowed(&reuse), &new, change);
    assert_eq!(format!("{:?}", borrowed.0), fresh, "borrowed: {old:?} → {new:?}");
    let owned = reparse_text(lang, Cow::Owned(prev), Cow::Owned(reuse), &new, change);
    assert_eq!(format!("{:?}", owned.0), fresh, "owned: {old:?} → {new:?}");
    (borrowed.1, owned.1)
}

#[test]
fn a_plain_text_stays_its_own_masked_text_until_markup_is_typed() {
    let shared = |doc: &Document, text: &Arc<str>| Arc::ptr_eq(&doc.masked, text);
    let old: Arc<str> = Arc::from("一. 引言\n\n1. 第一段。\n2. 第二段。\n");
    let (doc, reuse) = parse_keeping(&old, Language::Zh);
    assert!(shared(&doc, &old));
    // Typing text: still the text itself (not a copy), owned or borrowed.
    let typed: Arc<str> = Arc::from(old.replace("第一段", "第一段落"));
    let change = TextChange::between(&old, &typed);
    let (borrowed, _) = reparse_text(Language::Zh, Cow::Borrowed(&doc), Cow::Borrowed(&reuse), &typed, change);
    assert!(shared(&borrowed, &typed));
    let (doc, reuse) = reparse_text(Language::Zh, Cow::Owned(doc), Cow::Owned(reuse), &typed, change);
    assert!(shared(&doc, &typed));
    // Markup typed: a masked copy of its own, the same as a fresh parse's.
    let marked: Arc<str> = Arc::from(typed.replace("第二段", "**第二段**"));
    let change = TextChange::between(&typed, &marked);
    let (doc, _) = reparse_text(Language::Zh, Cow::Owned(doc), Cow::Owned(reuse), &marked, change);
    assert!(!Arc::ptr_eq(&doc.masked, &marked));
    assert_eq!(&*doc.masked, &*parse(&marked, Language::Zh).masked);
    assert!(doc.masked.contains("  第二段  "));
}

#[test]
fn reparse_equals_parse_at_line_ends_markup_and_tables() {
    let text = "一. 引言\r\n\r\n1. 第一段。\r\n2. 第二段\r3. 第三段。\n\n**二. 事项**\n\n4. 甲\t乙\n5. 丙\t丁\n\n附件\n\n1. 子。";
    let at = |needle: &str| text.find(needle).expect(needle);
    // Joining a CR and an LF into one line end, and splitting a CRLF.
    assert_reparse_equals_parse(text, at("\r3."), at("\r3."), "\n", Language::Zh);
    assert_reparse_equals_parse(text, at("\r\n\r\n1.") + 1, at("\r\n\r\n1.") + 1, "x", Language::Zh);
    // A heading made inline by bold markers, and undone.
    assert_reparse_equals_parse(text, at("**二"), at("**二") + 2, "", Language::Zh);
    assert_reparse_equals_parse(text, at("2. 第二段"), at("2. 第二段"), "**三. 新** ", Language::Zh);
    // A table row losing its tab (the table of two rows is then one row).
    assert_reparse_equals_parse(text, at("\t乙"), at("\t乙") + 1, " ", Language::Zh);
    // At the very start and the very end, and everything at once.
    assert_reparse_equals_parse(text, 0, 0, "\u{feff}# ", Language::Zh);
    assert_reparse_equals_parse(text, text.len(), text.len(), "\n2. 丑。\n", Language::Zh);
    assert_reparse_equals_parse(text, 0, text.len(), "1. New.", Language::En);
}

/// `reparse` after replacing `old[start..end]` by `insert`: whether it kept
/// the previous tree (moved), having checked that it equals a fresh parse,
/// borrowing and consuming the previous document.
fn tree_kept_after(old: &str, start: usize, end: usize, insert: &str, lang: Language) -> bool {
    let (borrowed_reuse, owned_reuse) = assert_reparse_equals_parse(old, start, end, insert, lang);
    assert_eq!(borrowed_reuse.tree_kept(), owned_reuse.tree_kept());
    if owned_reuse.tree_kept() {
        assert!(owned_reuse.shape_carried());
    }
    owned_reuse.tree_kept()
}

const DRAFT: &str = "The General Assembly,\n\nRecalling its resolution 72/57,\n\nNoting the report,\n\n\
    1. Decides to convene a conference in the year 2026;\n\n\
    2. Requests the Secretary-General to report:\n(a) on the first matter;\n(b) on the second matter;\n\n\
    A. Follow-up\n\n\
    3. Encourages Member States to contribute to the fund, including through voluntary contributions;\n\n\
    4. Adopted by a recorded vote of 150 to 3, with 5 abstentions.\n\
    In favour: France, Germany, India.\nAgainst: Chile.\n";

fn at(needle: &str) -> usize {
    DRAFT.find(needle).expect(needle)
}

#[test]
fn a_keystroke_inside_a_paragraph_keeps_the_tree() {
    // Typing, deleting and replacing inside the text of paragraphs and items.
    assert!(tree_kept_after(DRAFT, at("convene"), at("convene"), "x", Language::En));
    assert!(tree_kept_after(DRAFT, at("Member"), at("Member") + 7, "", Language::En));
    assert!(tree_kept_after(DRAFT, at("first matter"), at("first matter") + 5, "third", Language::En));
    assert!(tree_kept_after(DRAFT, at("voluntary"), at("voluntary"), "a", Language::En));
    // In a preambular paragraph, a heading's title, and the names of a vote.
    assert!(tree_kept_after(DRAFT, at("resolution 72"), at("resolution 72"), "the ", Language::En));
    assert!(tree_kept_after(DRAFT, at("Follow"), at("Follow") + 6, "Action", Language::En));
    assert!(tree_kept_after(DRAFT, at("India"), at("India"), "Japan, ", Language::En));
    // A blank typed after a heading (trimmed: its range stays), and typing
    // in the last line of the text.
    assert!(tree_kept_after(DRAFT, at("-up\n") + 3, at("-up\n") + 3, " ", Language::En));
    assert!(tree_kept_after(DRAFT, at("Chile"), at("Chile") + 2, "Ch", Language::En));
    assert!(tree_kept_after(DRAFT, at("Chile") + 2, at("Chile") + 2, "x", Language::En));
    // Chinese: inside a paragraph of a report with sections and an annex.
    let zh = "一. 引言\n\n1. 第一段内容。\n2. 第二段内容。\n\n附件\n\n1. 子。\n";
    let i = zh.find("第二段").unwrap();
    assert!(tree_kept_after(zh, i, i, "新的", Language::Zh));
}

#[test]
fn an_edit_that_changes_what_the_builder_reads_builds_afresh() {
    // A line that stops ending with a colon (its items were a list).
    assert!(!tree_kept_after(DRAFT, at(":\n(a)"), at(":\n(a)") + 1, "", Language::En));
    // A line that stops ending a sentence, and one made to end with a comma.
    assert!(!tree_kept_after(DRAFT, at(";\n\n2."), at(";\n\n2.") + 1, "", Language::En));
    assert!(!tree_kept_after(DRAFT, at(";\n\n2."), at(";\n\n2.") + 1, ",", Language::En));
    // A heading made long, and one given a full stop.
    let long = " and review of the implementation of the outcome of the conference by all the Member States and by the United Nations";
    assert!(!tree_kept_after(DRAFT, at("-up\n"), at("-up\n") + 3, long, Language::En));
    assert!(!tree_kept_after(DRAFT, at("-up\n"), at("-up\n") + 3, "-up.", Language::En));
    // A chapeau verb typed in the preamble (`Decides:` above lettered items).
    let pre = "The Council,\n\nRecalling its resolution 1,\n\nNoting:\n(a) the first;\n(b) the second.\n";
    let i = pre.find("Noting").unwrap();
    assert!(!tree_kept_after(pre, i, i + 6, "Decides", Language::En));
    // A blank line inserted, a number typed, a number changed, a line start made lower case.
    assert!(!tree_kept_after(DRAFT, at("(b) on"), at("(b) on"), "\n", Language::En));
    assert!(!tree_kept_after(DRAFT, at("Noting"), at("Noting"), "5. ", Language::En));
    assert!(!tree_kept_after(DRAFT, at("3. Enc"), at("3. Enc") + 1, "4", Language::En));
    assert!(!tree_kept_after(DRAFT, at("Encourages"), at("Encourages") + 1, "e", Language::En));
    // A negotiation word typed after a number (another eId), and a vote line's side.
    assert!(!tree_kept_after(DRAFT, at(". Encourages"), at(". Encourages"), " bis", Language::En));
    assert!(!tree_kept_after(DRAFT, at("Against"), at("Against") + 7, "Abstaining", Language::En));
}

/// The line ends found as the lines are split are the line feeds a search
/// of the text finds (`\r\n`, a lone `\r`, a feed at the end, none).
#[test]
fn line_ends_found_with_the_lines_are_every_line_feed() {
    for text in ["", "a", "a\n", "\n\n", "1. a\r\n2. b\r\n", "a\rb\nc\r", "a\r\n\r\n\rb\n", "甲，乙、丙\n\n票数\r\n"] {
        for lang in [Language::En, Language::Zh] {
            let (doc, reuse) = parse_keeping(&Arc::from(text), lang);
            let searched = names::Marks::find(&doc.masked, 0, tables(lang));
            assert_eq!(reuse.marks.line_ends, searched.line_ends, "{text:?}");
            assert_eq!(reuse.marks.separators, searched.separators, "{text:?}");
            assert_eq!(reuse.marks.hints, searched.hints, "{text:?}");
        }
    }
}

/// The list separators found by their last bytes are those a search for
/// each separator finds, in order.
#[test]
fn list_separators_are_found_in_order() {
    let text = "甲、乙；丙;丁，戊、、;；票、\n、末";
    for lang in [Language::Zh, Language::En] {
        let t = tables(lang);
        let marks = names::Marks::find(text, 7, t);
        let want: Vec<u32> = text.char_indices().filter(|(_, c)| t.data.list_separators.contains(c)).map(|(i, _)| (i + 7) as u32).collect();
        assert_eq!(marks.separators, want, "{lang:?}");
    }
}
