//! Reference attribution on the failure classes seen on real documents
//! (`failure-classes.md` of issue 9: A.2, A.4, A.6, A.7, A.9, A.11, A.15,
//! B.1, B.2, B.4, B.5): every paragraph, section, annex and article
//! reference belongs to this document or to another text, decided from the
//! words around it; a reference into another text is never resolved into
//! the document, and never reported broken.

use rapporteur::diagnostics::{Code, DiagnosticsConfig};
use rapporteur::ide::Analysis;
use rapporteur::model::{ExternalKind, Reference, Status};

fn analyse(text: &str) -> Analysis {
    Analysis::new(text.to_string(), None, &DiagnosticsConfig::all_enabled())
}

fn text<'a>(a: &'a Analysis, r: &Reference) -> &'a str {
    &a.text[r.range().start..r.range().end]
}

/// Every reference, for failure messages.
fn dump(a: &Analysis) -> String {
    let mut out = String::new();
    for r in &a.references {
        let target = match (r.node(), &r.external) {
            (Some(n), _) => a.document.eid(n).to_string(),
            (_, Some(e)) => e.describe(),
            _ => r.note().map(str::to_string).unwrap_or_default(),
        };
        out.push_str(&format!("  {}:`{}` {:?} -> {}\n", a.line_index.line_of(r.range().start) + 1, text(a, r), r.status, target));
    }
    for d in &a.diagnostics {
        out.push_str(&format!("  diag {}:{} {}\n", a.line_index.line_of(d.range.start) + 1, d.code.as_str(), d.message));
    }
    out
}

/// The reference on line `line` (1-based) whose text starts with `starts`.
fn reference<'a>(a: &'a Analysis, line: usize, starts: &str) -> &'a Reference {
    a.references
        .iter()
        .find(|r| a.line_index.line_of(r.range().start) + 1 == line && text(a, r).starts_with(starts))
        .unwrap_or_else(|| panic!("no reference `{starts}` on line {line}:\n{}", dump(a)))
}

/// The reference is a provision of another text, whose description contains `of`.
fn assert_external(a: &Analysis, line: usize, starts: &str, of: &str) {
    let r = reference(a, line, starts);
    assert_eq!(r.status, Status::External, "line {line} `{starts}`:\n{}", dump(a));
    let e = r.external.as_ref().expect("external");
    assert!(e.describe().contains(of), "line {line} `{starts}`: `{}` should name `{of}`:\n{}", e.describe(), dump(a));
}

fn assert_resolved(a: &Analysis, line: usize, starts: &str, eid: &str) {
    let r = reference(a, line, starts);
    assert_eq!(r.status, Status::Resolved, "line {line} `{starts}`:\n{}", dump(a));
    assert_eq!(a.document.eid(r.node().unwrap()), eid, "line {line} `{starts}`");
}

fn reference_diagnostics(a: &Analysis) -> Vec<String> {
    a.diagnostics
        .iter()
        .filter(|d| d.code.as_str().starts_with("reference."))
        .map(|d| format!("{}:{} {}", a.line_index.line_of(d.range.start) + 1, d.code.as_str(), d.message))
        .collect()
}

fn assert_no_reference_diagnostic(a: &Analysis) {
    assert!(reference_diagnostics(a).is_empty(), "{}", dump(a));
}

/// No reference on `line` is resolved into the document or broken.
fn assert_line_external(a: &Analysis, line: usize) {
    let on: Vec<&Reference> =
        a.references.iter().filter(|r| a.line_index.line_of(r.range().start) + 1 == line && r.target.is_some()).collect();
    assert!(!on.is_empty(), "no internal-looking reference on line {line}:\n{}", dump(a));
    for r in on {
        assert_eq!(r.status, Status::External, "line {line} `{}`:\n{}", text(a, r), dump(a));
    }
}

#[test]
fn a2_paragraphs_of_the_report_of_the_secretary_general() {
    let a = analyse(
        "The General Assembly,\n\
         1. Takes note of the report of the Secretary-General on the Example Mission;\n\
         2. Endorses the proposals set out in paragraphs 14 to 16 of the report of the Secretary-General;\n\
         3. Shares the concern expressed in paragraph 1 of his report.\n",
    );
    assert_no_reference_diagnostic(&a);
    assert_external(&a, 3, "paragraphs 14", "report of the Secretary-General");
    assert_external(&a, 3, "16", "report of the Secretary-General");
    assert_external(&a, 4, "paragraph 1", "his report");
    // The qualifier's exact span is kept.
    let r = reference(&a, 3, "paragraphs 14");
    let q = r.qualifier().expect("qualifier span");
    assert_eq!(&a.text[q.start..q.end], "the report of the Secretary-General");
}

#[test]
fn a2_ibid_is_the_last_cited_document() {
    let a = analyse(
        "1. The Advisory Committee notes that four drivers' posts are proposed for abolishment (A/99/123, para. 20).\n\
         2. Two further posts would be moved to the regional hub (ibid., paras. 21 and 22).\n\
         3. One liaison office would close in 2099 (ibid., para. 1).\n",
    );
    assert_no_reference_diagnostic(&a);
    assert_external(&a, 1, "para. 20", "A/99/123");
    assert_external(&a, 2, "paras. 21", "A/99/123");
    assert_external(&a, 2, "22", "A/99/123");
    assert_external(&a, 3, "para. 1", "A/99/123");
}

#[test]
fn a2_sections_of_the_report() {
    let a = analyse(
        "I. Introduction\n\
         1. Details of the proposed savings appear in section III.B of the report of the Secretary-General.\n\
         II. Observations\n\
         2. The mission's priorities are set out in section I of the report of the Secretary-General (A/99/321).\n\
         3. As set out in section I above, and in paragraph 1 of the present report, the mission will close.\n",
    );
    assert_no_reference_diagnostic(&a);
    assert_external(&a, 2, "section III.B", "report of the Secretary-General");
    assert_external(&a, 4, "section I", "A/99/321");
    // The hover names the text and its symbol.
    let r = reference(&a, 4, "section I");
    let hover = a.hover(r.range().start).expect("hover").markdown;
    assert!(hover.contains("section I of the report of the Secretary-General (A/99/321)"), "{hover}");
    // This document's own words keep it internal.
    assert_resolved(&a, 5, "section I", "sec_I");
    assert_resolved(&a, 5, "paragraph 1", "para_1");
}

#[test]
fn a2_table_and_figure_between_the_reference_and_its_text() {
    let a = analyse(
        "1. The Secretary-General provides information in paragraphs 54 to 61 and tables 4 and 5 of his report.\n\
         2. Key assumptions are presented in paragraphs 2 and table 4 of the report.\n",
    );
    assert_no_reference_diagnostic(&a);
    assert_line_external(&a, 1);
    assert_line_external(&a, 2);
}

#[test]
fn a2_citations_in_footnotes() {
    let a = analyse(
        "The General Assembly,\n\
         1. Welcomes the report of the Conference.1\n\
         2. Decides to remain seized of the matter.\n\
         __________________\n\
         1 Official Records of the General Assembly, Forty-seventh Session, Supplement No. 27 (A/47/27),\n    para. 76.\n\
         2 See A/77/5 (Vol. I), chap. II, para. 480.\n\
         3 CD/8/Rev.10, paras. 18 and 32–36.\n\
         4 Ibid., Eighth Year, 630th meeting, paras. 10-68 and appendices I-III.\n",
    );
    assert_no_reference_diagnostic(&a);
    assert_line_external(&a, 6);
    assert_line_external(&a, 7);
    assert_line_external(&a, 8);
    assert_line_external(&a, 9);
}

#[test]
fn a4_follow_up_table_under_a_heading_naming_the_resolution() {
    let a = analyse(
        "I. Mandate\n\
         1. The Mission will reduce its vehicle fleet in 2099.\n\
         2. The Mission will merge two regional offices.\n\
         II. Follow-up to the requests of the General Assembly\n\
         (Resolution 99/250)\n\
         Requests the Secretary-General to report on the use of rental vehicles (para. 14).\tRental vehicles are discussed in paragraph 1 above.\n\
         Requests the Secretary-General to review office space needs (para. 2).\tA review will be completed in 2099.\n",
    );
    assert_no_reference_diagnostic(&a);
    assert_external(&a, 6, "para. 14", "99/250");
    assert_external(&a, 7, "para. 2", "99/250");
    assert_resolved(&a, 6, "paragraph 1 above", "para_1");
}

#[test]
fn a6_annexes_of_a_cited_document() {
    let a = analyse(
        "The General Assembly,\n\
         1. Endorses the declaration contained in the annex to the present resolution.\n\
         2. Recalls the elements agreed in annex I to document A/80/257 and annex II to the Treaty of Pelindaba.\n\
         Annex\n\
         1. We commit ourselves to the Example Programme of Action.1\n\
         __________________\n\
         1 Report of the Example Conference (A/CONF.999/5), chap. I, resolution 1, annexes I and II.\n\
         2 CCW/CONF.X/1, annex III.\n",
    );
    assert_no_reference_diagnostic(&a);
    assert_line_external(&a, 3);
    assert_line_external(&a, 7);
    assert_line_external(&a, 8);
}

#[test]
fn a7_anaphoric_qualifiers() {
    let a = analyse(
        "The General Assembly,\n\
         Recalling Economic and Social Council resolution 1999/12 on observances, in particular paragraphs 3 to 5 of the annex thereto,\n\
         Recalling also its resolution 50/10, including paragraph 1 of the resolution,\n\
         Mindful of Security Council resolution 9999 (2099) and particularly its paragraphs 2 and 7,\n\
         1. Decides to proclaim 1 March the International Day of Example;\n\
         2. Invites all Member States to observe the Day.\n",
    );
    assert_no_reference_diagnostic(&a);
    assert_external(&a, 2, "paragraphs 3", "1999/12");
    assert_external(&a, 2, "5", "1999/12");
    assert_external(&a, 3, "paragraph 1", "50/10");
    assert_external(&a, 4, "paragraphs 2", "9999 (2099)");
    assert_external(&a, 4, "7", "9999 (2099)");
    // The range's end does not swallow the qualifier.
    assert_eq!(text(&a, reference(&a, 2, "5")), "5");
}

#[test]
fn a7_a_list_inherits_the_qualifier_of_its_last_member() {
    let a = analyse(
        "The General Assembly,\n\
         1. Requests the Secretary-General to implement the Global Framework as contained in section IV, paragraphs 22 and 26, and section V, paragraphs 29, 34 and 37, thereof;\n\
         2. Decides to remain seized of the matter.\n",
    );
    assert_no_reference_diagnostic(&a);
    assert_line_external(&a, 2);
}

#[test]
fn a9_lists_of_sections_and_annexes() {
    let a = analyse(
        "I. Introduction\n\
         1. The present report covers the period 2098/99.\n\
         II. Budget performance\n\
         2. Expenditure amounted to $1.2 million.\n\
         III. Resources\n\
         3. Details are given in sections I and II above and in annexes I and II.\n\
         Annex I\n\
         Staffing\n\
         Annex II\n\
         Map\n",
    );
    assert_no_reference_diagnostic(&a);
    let mut targets: Vec<String> = a
        .references
        .iter()
        .filter(|r| a.line_index.line_of(r.range().start) + 1 == 6 && r.status == Status::Resolved)
        .map(|r| a.document.eid(r.node().unwrap()).to_string())
        .collect();
    targets.sort();
    assert_eq!(targets, ["annex_I", "annex_II", "sec_I", "sec_II"], "{}", dump(&a));
}

#[test]
fn a11_garbled_and_impossible_resolution_numbers() {
    let a = analyse(
        "The Security Council,\n\
         Recalling its resolutions 207 (1965), 208 (1965) and 2I9 (1965),\n\
         Recalling also General Assembly resolution 1514 (XVD of 14 December 1960,\n\
         Recalling further its resolution 950 (1971) on the Example Mission,\n\
         Recalling its resolutions 15 (1946), 16 (1947), 902 (1994) and 1445 (2002),\n\
         1. Decides to remain seized of the matter.\n",
    );
    let malformed: Vec<usize> =
        a.diagnostics.iter().filter(|d| d.code == Code::ResolutionMalformed).map(|d| a.line_index.line_of(d.range.start) + 1).collect();
    assert_eq!(malformed, [2, 3, 4], "{}", dump(&a));
    let on = |line: usize| {
        a.diagnostics.iter().find(|d| d.code == Code::ResolutionMalformed && a.line_index.line_of(d.range.start) + 1 == line).unwrap()
    };
    assert!(a.text[on(2).range.start..on(2).range.end].contains("2I9"));
    assert!(a.text[on(3).range.start..on(3).range.end].contains("1514 (XVD"));
    assert!(on(4).message.contains("1971"), "{}", on(4).message);
}

#[test]
fn a15_decimal_paragraph_numbers_are_not_cut() {
    let a = analyse(
        "7.1 The Office will assist Member States.\n\
         7.2 The Office will also publish two manuals.\n\
         7.3 As noted in paragraph 7.1 above, the structure of the programme has changed.\n",
    );
    assert_no_reference_diagnostic(&a);
    let r = reference(&a, 3, "paragraph 7.1");
    assert_eq!(text(&a, r), "paragraph 7.1 above");
    // Resolved to the paragraph numbered 7.1 where the tree has it; never broken.
    if let Some(n) = r.node() {
        let num = a.document.nodes[n].number().unwrap();
        assert_eq!(&a.text[num.span.start..num.span.end], "7.1");
    }
    assert_ne!(r.status, Status::Broken);
}

#[test]
fn b1_chinese_external_paragraphs() {
    let cases = [
        "安全理事会，\n1. 注意到秘书长报告(S/2025/101)第14段所述建议；\n2. 决定继续积极处理此案。\n",
        "安全理事会，\n1. 回顾第2700(2023)号决议，并重申该决议第5段规定的义务；\n2. 决定继续积极处理此案。\n",
        "安全理事会，\n1. 回顾第2700(2023)号决议，并重申上述决议第5段规定的义务；\n2. 决定继续积极处理此案。\n",
        "安全理事会，\n1. 重申第2700(2023)号决议第5和第8段的规定；\n2. 决定继续积极处理此案。\n",
        "安全理事会，\n1. 重申第2700(2023)号决议第5、8段的规定；\n2. 决定继续积极处理此案。\n",
    ];
    for case in cases {
        let a = analyse(case);
        assert_no_reference_diagnostic(&a);
        assert_line_external(&a, 2);
    }
    let a = analyse(cases[3]);
    assert_external(&a, 2, "第5", "2700 (2023)");
    assert!(a.references.iter().any(|r| text(&a, r).contains('8') && r.status == Status::External), "{}", dump(&a));
    let a = analyse("安全理事会，\n根据联合国宪章第七章采取行动，\n1. 决定延长专家小组的任务期限；\n2. 决定继续积极处理此案。\n");
    assert_no_reference_diagnostic(&a);
    assert_external(&a, 2, "第七章", "宪章");
}

#[test]
fn b2_paragraph_of_an_article_of_the_charter() {
    let cases = [
        "Le Conseil de sécurité,\n1. Rappelle les obligations énoncées au paragraphe 3 de l'Article 2 de la Charte des Nations Unies ;\n2. Décide de rester saisi de la question.\n",
        "El Consejo de Seguridad,\n1. Recuerda las obligaciones enunciadas en el párrafo 4 del Artículo 2 de la Carta de las Naciones Unidas;\n2. Decide seguir ocupándose de la cuestión.\n",
        "Совет Безопасности,\n1. напоминает об обязательствах, изложенных в пункте 4 статьи 2 Устава Организации Объединенных Наций;\n2. постановляет продолжать заниматься этим вопросом.\n",
        "إن مجلس الأمن،\n1 - يشير إلى الالتزامات الواردة في الفقرة 4 من المادة 2 من الميثاق؛\n2 - يقرر أن يبقي المسألة قيد نظره.\n",
        "The Security Council,\n1. Recalls the obligations under paragraph 4 of Article 2 of the Charter;\n2. Decides to remain seized of the matter.\n",
    ];
    for case in cases {
        let a = analyse(case);
        assert_no_reference_diagnostic(&a);
        assert_line_external(&a, 2);
    }
}

#[test]
fn b4_chinese_direction() {
    let a =
        analyse("安全理事会，\n1. 请上文第2段所述专家小组提交报告；\n2. 决定设立一个专家小组；\n3. 请下文第1段所述专家小组提交报告；\n");
    let direction: Vec<usize> =
        a.diagnostics.iter().filter(|d| d.code == Code::ReferenceDirection).map(|d| a.line_index.line_of(d.range.start) + 1).collect();
    assert_eq!(direction, [2, 4], "{}", dump(&a));
    let d = a.diagnostics.iter().find(|d| d.code == Code::ReferenceDirection).unwrap();
    assert!(a.text[d.range.start..d.range.end].starts_with("上文"), "{}", dump(&a));
    // The right direction says nothing.
    let a = analyse("安全理事会，\n1. 决定设立一个专家小组；\n2. 请上文第1段所述专家小组提交报告；\n");
    assert_no_reference_diagnostic(&a);
    assert_resolved(&a, 3, "上文第1段", "para_1");
}

#[test]
fn b5_chinese_dated_resolution_lists_and_the_charter() {
    let a = analyse(
        "安全理事会，\n\
         回顾其2020年3月1日第2510(2020)号、2021年3月2日第2570(2021)号和2022年3月3日第2620(2022)号等决议，\n\
         又回顾宪章第二十五条，\n\
         1. 决定继续积极处理此案。\n",
    );
    let resolutions: Vec<String> = a
        .references
        .iter()
        .filter(|r| r.kind == rapporteur::model::RefKind::External(ExternalKind::SecurityCouncilResolution))
        .map(|r| r.external.as_ref().unwrap().id.to_string())
        .collect();
    assert_eq!(resolutions, ["2510 (2020)", "2570 (2021)", "2620 (2022)"], "{}", dump(&a));
    assert_external(&a, 3, "第二十五条", "宪章");
    assert_no_reference_diagnostic(&a);
}

#[test]
fn the_discourse_rule_does_not_swallow_this_documents_own_references() {
    // A direction or "the present report" after an instrument keeps the reference here.
    let a = analyse(
        "The General Assembly,\n\
         1. Decides to implement the Programme of Action as set out in paragraph 2 below;\n\
         2. Decides to remain seized of the matter.\n",
    );
    assert_no_reference_diagnostic(&a);
    assert_resolved(&a, 2, "paragraph 2 below", "para_2");
}

#[test]
fn qualifiers_after_what_is_cited_with_the_reference() {
    let a = analyse(
        "Article 1\n\
         1. The mandate derives from Articles 13, 98 and 102 and other relevant provisions of the Charter of the United Nations.\n\
         Article 2\n\
         1. The Council endorses paragraph 3 that resolution.\n\
         2. Details appear in the Board's report (ibid., chap. II, para. 247, and chap. IV, para. 1).\n",
    );
    assert_no_reference_diagnostic(&a);
    assert_line_external(&a, 2);
    assert_line_external(&a, 5);
    assert_line_external(&a, 4);
}

#[test]
fn a_lettered_article_in_a_list_with_a_qualified_member() {
    let a = analyse(
        "Article 1\n\
         In discharging its obligations under Article 76 a\n\
         and Article 84 of the Charter, the Administering Authority shall report.\n\
         Article 2\n\
         The Authority shall apply article 1.\n",
    );
    assert_no_reference_diagnostic(&a);
    assert_external(&a, 2, "Article 76", "Charter");
    assert_resolved(&a, 5, "article 1", "art_1");
}

/// Found on the developer corpus after the classes above: a label after a
/// paragraph's label is its sibling in the same paragraph ("paragraph 1 (a),
/// (b) and (c)"), not a subparagraph of the paragraph the reference stands in.
#[test]
fn sibling_labels_after_a_paragraph_label_stay_in_that_paragraph() {
    let a = analyse(
        "The Security Council,\n1. Decides that:\n(a) One;\n(b) Two;\n(c) Three;\n\
         2. Requests a report on paragraph 1 (a), (b) and (c);\n3. Notes paragraph 1 (a) to (c);\n",
    );
    assert_resolved(&a, 6, "paragraph 1 (a)", "para_1__subpara_a");
    assert_resolved(&a, 6, "(b)", "para_1__subpara_b");
    assert_resolved(&a, 6, "(c)", "para_1__subpara_c");
    assert_resolved(&a, 7, "(c)", "para_1__subpara_c");
    assert!(reference_diagnostics(&a).is_empty(), "{}", dump(&a));
}

/// "Annex II: articles 2 (2) …" opening a line of a list of another text's
/// provisions (a mandates table under the instrument's name) is a label,
/// not a reference to the document's own annex.
#[test]
fn an_annex_label_opening_a_list_of_provisions_is_no_reference() {
    let a = analyse(
        "I. Mandates\n\n1. The Office services the following provisions.\n\n\
         United Nations Convention on the Law of the Sea\n\nAnnex II: articles 2 (2) and 6 (3)\n\nAnnex V: article 3 (e)\n",
    );
    assert!(a.references.iter().all(|r| !a.text[r.range().start..r.range().end].starts_with("Annex")), "{}", dump(&a));
    assert!(reference_diagnostics(&a).is_empty(), "{}", dump(&a));
    // Written as a reference in running text, it is one, and broken here.
    let b = analyse("I. Mandates\n\n1. The Office services the following provisions.\n\n2. See annex II for details.\n");
    assert_eq!(reference(&b, 5, "annex II").status, Status::Broken, "{}", dump(&b));
}

/// A bare paragraph number that the document does not have, right after a
/// citation of another text's paragraphs, is read as that text's: mixed
/// evidence, not a confident error. Far from any such citation it is broken.
#[test]
fn a_citation_of_another_text_carries_to_the_next_bare_number() {
    let a = analyse(
        "The Security Council,\n1. Endorses the concept of operations outlined in paragraphs 48 to 54 of the report of the Secretary-General;\n\
         2. Endorses also the funding mechanism in paragraph 74 for the voluntary programme;\n3. Recalls paragraph 9;\n",
    );
    assert_eq!(reference(&a, 3, "paragraph 74").status, Status::Unverified, "{}", dump(&a));
    assert_eq!(reference(&a, 4, "paragraph 9").status, Status::Unverified, "{}", dump(&a));
    let far = format!(
        "{}\n{}4. Recalls paragraph 9;\n",
        a.text.trim_end().replace("3. Recalls paragraph 9;", ""),
        "3. Notes the work done.\n".repeat(60)
    );
    let b = analyse(&far);
    let line = b.text.lines().count();
    assert_eq!(reference(&b, line, "paragraph 9").status, Status::Broken, "{}", dump(&b));
}

/// "resolution 283 (1970), in particular paragraphs 1 to 8" and
/// "(A/99/611, table 1, para. 35)": what is cited with the text, or an
/// emphasis, between the text and the reference does not detach it.
#[test]
fn emphasis_and_tables_between_a_cited_text_and_its_paragraphs() {
    let a = analyse(
        "The Security Council,\n1. Reaffirms the provisions of resolution 283 (1970), in particular paragraphs 1 to 8 and 11;\n\
         2. Notes the proposed posts (A/99/611, table 1, para. 35);\n3. Decides to remain seized of the matter.\n",
    );
    assert_external(&a, 2, "paragraphs 1", "283 (1970)");
    assert_external(&a, 2, "11", "283 (1970)");
    assert_external(&a, 3, "para. 35", "A/99/611");
    assert!(reference_diagnostics(&a).is_empty(), "{}", dump(&a));
}

/// A qualifier that names another text without its article ("of report of
/// the Secretary-General (A/99/611)") still attributes the reference; a
/// language without articles reads it the same way.
#[test]
fn a_qualifier_without_its_article_names_another_text() {
    let a = analyse(
        "I. Introduction\n\n1. The Committee notes the proposals.\n\nII. Findings\n\n\
         2. The actions to be taken are indicated in section II of report of the Secretary-General (A/99/611).\n",
    );
    assert_external(&a, 7, "section II", "A/99/611");
    assert_no_reference_diagnostic(&a);
    let ru = analyse(
        "I. Введение\n\n1. Комитет принимает к сведению предложения.\n\nII. Выводы\n\n\
         2. Меры изложены в разделе II доклада Генерального секретаря (A/99/611).\n",
    );
    assert_line_external(&ru, 7);
    // Without a name after it, a bare noun is no qualifier: the section is this document's.
    let b = analyse("I. Introduction\n\n1. The Committee notes the proposals.\n\nII. Findings\n\n2. See section II of programme budget.\n");
    assert_resolved(&b, 7, "section II", "sec_II");
}

/// "(ibid., para. 47, and table 2 below)": the direction belongs to the table
/// cited with the paragraph, so the citation (ibid.) still takes the paragraph.
#[test]
fn a_direction_after_a_table_cited_with_the_reference_is_the_tables() {
    let a = analyse(
        "1. The Committee notes the report of the Secretary-General (A/99/611).\n\n\
         2. It is proposed to abolish two posts (ibid., para. 1, and table 2 below).\n\n\
         3. The Committee notes paragraph 1 and table 2 above.\n",
    );
    assert_external(&a, 3, "para. 1", "A/99/611");
    assert_resolved(&a, 5, "paragraph 1", "para_1");
    let fr = analyse(
        "1. Le Comité prend note du rapport du Secrétaire général (A/99/611).\n\n\
         2. Il est proposé de supprimer deux postes (ibid., par. 1, et tableau 2 ci-après).\n",
    );
    assert!(fr.references.iter().all(|r| r.status != Status::Resolved), "{}", dump(&fr));
}

/// "The resolution of the Organization of African Unity …, in particular
/// paragraph 1", across the printed line breaks: a text named in words earlier
/// in the sentence makes the evidence mixed; the paragraph is not resolved here.
#[test]
fn a_resolution_of_another_body_named_before_in_the_sentence() {
    let a = analyse(
        "The Security Council,\n\nTaking into consideration the resolution of the\nOrganization of African Unity dated 1 May 1999, 26\n\
         in particular paragraph 1 relating to mercenaries,\n\n1. Decides to remain seized of the matter.\n",
    );
    assert_ne!(reference(&a, 5, "paragraph 1").status, Status::Resolved, "{}", dump(&a));
    assert_no_reference_diagnostic(&a);
    let fr = analyse(
        "Le Conseil de sécurité,\n\nPrenant en considération la résolution de l'Organisation de l'Unité africaine \
         en date du 1er mai 1999, en particulier le paragraphe 1 relatif aux mercenaires,\n\n1. Décide de rester saisi de la question.\n",
    );
    assert_ne!(reference(&fr, 3, "paragraphe 1").status, Status::Resolved, "{}", dump(&fr));
}

/// "Paragraphs 2 and 3 of that article" (an article of another agreement
/// named before), "de ce même article", "de dicho artículo", `этой статьи`,
/// `该条第2款`: a part of a text pointed back at is that text's. In a text with
/// articles of its own, or for a section, the evidence is mixed: not resolved,
/// not reported.
#[test]
fn paragraphs_of_that_article_belong_to_the_text_named_before() {
    let en = analyse(
        "The Security Council,\n\n1. Notes that, with regard to article VIII of the General Armistice Agreement, \
         the functions contemplated in paragraphs 2 and 3 of that article are carried out;\n\n2. Requests a report.\n",
    );
    assert_line_external(&en, 3);
    let fr = analyse(
        "I. Introduction\n\n1. Le Comité prend note des propositions.\n\n2. Le Comité note l'article VIII de la Convention \
         générale d'armistice et les fonctions visées aux paragraphes 1 et 2 de ce même article.\n",
    );
    assert_line_external(&fr, 5);
    let es = analyse(
        "I. Introducción\n\n1. La Comisión toma nota de las propuestas.\n\n2. La Comisión observa el artículo VIII del Acuerdo \
         General de Armisticio y las funciones previstas en los párrafos 1 y 2 de dicho artículo.\n",
    );
    assert_line_external(&es, 5);
    let ru = analyse(
        "I. Введение\n\n1. Комитет принимает к сведению предложения.\n\n2. Комитет отмечает статью VIII Общего соглашения \
         о перемирии и функции, предусмотренные в пунктах 1 и 2 этой статьи.\n",
    );
    assert_line_external(&ru, 5);
    let zh = analyse("一. 导言\n\n1. 委员会注意到这些提议。\n\n2. 委员会注意到停战协定第八条以及该条第1款所述职能。\n");
    assert_ne!(reference(&zh, 5, "第1款").status, Status::Resolved, "{}", dump(&zh));
    // "Of that section" after a section of this document: mixed, never a confident error.
    let sec = analyse(
        "I. Introduction\n\n1. The Committee notes the proposals.\n\nII. Findings\n\n2. As set out in section II, the Committee notes paragraph 7 of that section.\n",
    );
    assert_eq!(reference(&sec, 7, "paragraph 7").status, Status::Unverified, "{}", dump(&sec));
    assert_no_reference_diagnostic(&sec);
    // "Of the same resolution", "du même rapport": another text named before.
    let same = analyse(
        "The Security Council,\n\n1. Recalls resolution 1234 (2000), in particular paragraph 2 thereof, and paragraph 3 of the same resolution;\n",
    );
    assert_external(&same, 3, "paragraph 3", "1234 (2000)");
}

/// "The report of the Secretary-General requested in paragraph 5": the
/// paragraph is where the text was asked for, not a part of it, so the text
/// named before it does not make the evidence mixed.
#[test]
fn the_paragraph_a_named_text_was_requested_in_is_this_documents() {
    let a = analyse(
        "The Security Council,\n\n1. Decides that the following conditions apply:\n\n(a) Approval by the Council, following the report of the\n\
         Secretary-General requested in paragraph 2, of a scheme;\n\n2. Requests the Secretary-General to submit a report;\n",
    );
    assert_resolved(&a, 6, "paragraph 2", "para_2");
    // Without the words that say so, the paragraph is the report's (or mixed).
    let b = analyse(
        "The Security Council,\n\n1. Decides that the following conditions apply:\n\n(a) Approval by the Council of the report of the\n\
         Secretary-General, in particular paragraph 2, of a scheme;\n\n2. Requests the Secretary-General to submit a report;\n",
    );
    assert_ne!(reference(&b, 6, "paragraph 2").status, Status::Resolved, "{}", dump(&b));
    let fr = analyse(
        "Le Conseil de sécurité,\n\n1. Décide que les conditions suivantes s'appliquent :\n\n\
         a) L'approbation par le Conseil, après le rapport du Secrétaire général demandé au paragraphe 2, d'un plan;\n\n\
         2. Prie le Secrétaire général de lui présenter un rapport;\n",
    );
    assert_resolved(&fr, 5, "paragraphe 2", "para_2");
}

/// "(see section B below)" inside section IV: a letter-only subsection with
/// its direction is a subsection of the section it is written in.
#[test]
fn a_letter_only_subsection_is_in_the_section_of_the_reference() {
    let a = analyse(
        "I. Introduction\n\n1. The Committee notes the proposals.\n\nII. Findings\n\nA. Staffing\n\n\
         2. The reductions are explained below (see section B below).\n\nB. Operations\n\n3. The Committee notes the operations.\n",
    );
    assert_resolved(&a, 9, "section B", "sec_II__subsec_B");
    assert_no_reference_diagnostic(&a);
    let fr = analyse(
        "I. Introduction\n\n1. Le Comité prend note des propositions.\n\nII. Conclusions\n\nA. Personnel\n\n\
         2. Les réductions sont expliquées plus loin (voir section B ci-dessous).\n\nB. Opérations\n\n3. Le Comité prend note des opérations.\n",
    );
    assert_resolved(&fr, 9, "section B", "sec_II__subsec_B");
}

/// Historical Chinese texts write resolution numbers in Chinese numerals,
/// positional (`一八一`, years `一九四八`) or counted (`一百九十四`): each is
/// a resolution of another text with its number, never a reference here.
#[test]
fn chinese_numeral_resolution_numbers() {
    let a = analyse(
        "安全理事会，\n\
         回顾其决议案四十六(一九四八)，\n\
         又回顾大会第一百九十四(三)号决议和大会决议案一八一(二)，\n\
         1. 决定继续积极处理此案。\n",
    );
    let ids = |kind: ExternalKind| -> Vec<String> {
        a.references
            .iter()
            .filter(|r| r.kind == rapporteur::model::RefKind::External(kind) && r.status == Status::External)
            .map(|r| r.external.as_ref().unwrap().id.to_string())
            .collect()
    };
    assert_eq!(ids(ExternalKind::SecurityCouncilResolution), ["46 (1948)"], "{}", dump(&a));
    assert_eq!(ids(ExternalKind::GeneralAssemblyResolution), ["194 (III)", "181 (II)"], "{}", dump(&a));
    assert_eq!(text(&a, reference(&a, 2, "决议案")), "决议案四十六(一九四八)");
    assert_eq!(text(&a, reference(&a, 3, "大会第")), "大会第一百九十四(三)号决议");
    assert_no_reference_diagnostic(&a);
}
