//! Parser tests on small fixtures.

use super::*;

fn outline(text: &str, lang: Language) -> Vec<String> {
    let doc = parse(text, lang);
    doc.nodes.iter().map(|n| format!("{} {}", n.kind.name(), n.eid)).collect()
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

/// `reparse` after replacing `old[start..end]` by `insert` gives what `parse` gives.
fn assert_reparse_equals_parse(old: &str, start: usize, end: usize, insert: &str, lang: Language) {
    let (prev, reuse) = parse_keeping(old, lang);
    let mut new = old.to_string();
    new.replace_range(start..end, insert);
    let change = TextChange::between(old, &new);
    let fresh = format!("{:?}", parse(&new, lang));
    let borrowed = reparse(lang, Cow::Borrowed(&prev), Cow::Borrowed(&reuse), &new, change);
    assert_eq!(format!("{:?}", borrowed.0), fresh, "borrowed: {old:?} → {new:?}");
    let owned = reparse(lang, Cow::Owned(prev), Cow::Owned(reuse), &new, change);
    assert_eq!(format!("{:?}", owned.0), fresh, "owned: {old:?} → {new:?}");
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
