//! Structure, numbering scope and the numbering check on real layouts: one
//! fixture per failure class of issue 9 (`failure-classes.md`, invented text
//! in the style of the documents where each class was seen), asserting the
//! outline addresses and the complete list of diagnostics.

use rapporteur::diagnostics::DiagnosticsConfig;
use rapporteur::ide::Analysis;
use rapporteur::lang::Language;
use rapporteur::syntax::{scope, NodeKind};

fn analyse(text: &str, language: Language) -> Analysis {
    Analysis::new(text, Some(language), &DiagnosticsConfig::all_enabled())
}

fn line_of(a: &Analysis, offset: usize) -> usize {
    a.text[..offset].matches('\n').count() + 1
}

/// Every diagnostic as `line code message`.
fn diagnostics(a: &Analysis) -> Vec<String> {
    a.diagnostics.iter().map(|d| format!("{} {} {}", line_of(a, d.range.start), d.code.as_str(), d.message)).collect()
}

/// Every node as `line kind eid`.
fn outline(a: &Analysis) -> Vec<String> {
    a.document
        .nodes
        .iter()
        .enumerate()
        .map(|(id, n)| format!("{} {} {}", line_of(a, n.opening().start), n.kind.name(), a.document.eid(id)))
        .collect()
}

fn has(a: &Analysis, line: usize, kind: &str, eid: &str) -> bool {
    outline(a).contains(&format!("{line} {kind} {eid}"))
}

#[track_caller]
fn assert_nodes(a: &Analysis, want: &[(usize, &str, &str)]) {
    for (line, kind, eid) in want {
        assert!(has(a, *line, kind, eid), "no {kind} {eid} on line {line}; outline:\n{}", outline(a).join("\n"));
    }
}

#[track_caller]
fn assert_diagnostics(a: &Analysis, want: &[&str]) {
    let got = diagnostics(a);
    assert_eq!(got, want.iter().map(|s| s.to_string()).collect::<Vec<_>>(), "outline:\n{}", outline(a).join("\n"));
}

/// A.1: emphasis around article and annex headings (`_Article 1_`,
/// `**Article 2**`, `*Annex*`) does not hide them.
#[test]
fn a01_emphasis_around_headings() {
    let text = "The General Assembly,\n1. Adopts the declaration annexed to the present resolution.\n*Annex*\n_Article 1_\nAll human beings are born free.\n**Article 2**\nEveryone is entitled to all the rights.\n_Article 3_\nEveryone has the right to life.\n";
    let a = analyse(text, Language::En);
    assert_nodes(
        &a,
        &[(3, "annex", "annex"), (4, "article", "annex__art_1"), (6, "article", "annex__art_2"), (8, "article", "annex__art_3")],
    );
    assert_diagnostics(&a, &[]);
    // A skipped article behind emphasis is still checked.
    let a = analyse(&text.replace("_Article 3_", "_Article 4_"), Language::En);
    assert_diagnostics(&a, &["8 numbering.gap article 3 is missing: expected 3 here, found 4"]);
}

/// A.3: tables are out of scope. A numbered row of a TAB table is a cell,
/// never a paragraph; a gap in row numbers is not reported.
#[test]
fn a03_numbered_table_rows_are_table_content() {
    let text = "19.1 The Commission assists the countries of the region.\nTable 19.3\nDeliverables\t2098\t2099\n1. Sessions of the Commission\t10\t12\n2. Meetings of the working group\t4\t4\n4. Meetings of the expert group\t2\t2\n";
    let a = analyse(text, Language::En);
    assert_nodes(&a, &[(1, "paragraph", "para_19.1")]);
    assert_eq!(a.document.nodes.iter().filter(|n| n.kind == NodeKind::Paragraph).count(), 1, "{}", outline(&a).join("\n"));
    assert_diagnostics(&a, &[]);
}

/// A.5: `A.1`, `A.2` at the start of annex paragraphs are not subsection A
/// numbered again and again: they and `7.1`, `19.3` are paragraph numbers,
/// each prefix a numbering scope of its own.
#[test]
fn a05_lettered_decimal_paragraph_numbers_are_not_subsections() {
    let text = "7.1 The Office will assist Member States.\nAnnex\nPerformance in 2098\nA.1 The subprogramme held three regional workshops.\nA.2 The related performance measure is shown below.\nA.3 The subprogramme also issued two manuals.\n";
    let a = analyse(text, Language::En);
    assert!(a.document.nodes.iter().all(|n| n.kind != NodeKind::Subsection), "{}", outline(&a).join("\n"));
    assert_nodes(&a, &[(1, "paragraph", "para_7.1"), (4, "paragraph", "annex__para_A.1"), (6, "paragraph", "annex__para_A.3")]);
    assert_diagnostics(&a, &[]);
    // Decimal numbers are checked in their own sequence, and are not the
    // integer paragraphs: `paragraph 2` is not `19.2`.
    let text = "I. Overview\n19.1 The Commission assists the countries of the region.\n19.2 The Commission also publishes studies.\nII. Programme\n19.4 The programme of work is set out below.\n20.1 The Office supports the Commission, as noted in paragraph 2.\n";
    let a = analyse(text, Language::En);
    assert_nodes(&a, &[(2, "paragraph", "para_19.1"), (5, "paragraph", "para_19.4"), (6, "paragraph", "para_20.1")]);
    let got = diagnostics(&a);
    assert_eq!(got[0], "5 numbering.gap paragraph 19.3 is missing: expected 19.3 here, found 19.4", "{got:?}");
    assert!(a.goto_definition(text.find("paragraph 2").unwrap()).is_empty());
    // Nor is a letter glued to a number in a wrapped footnote (`E.86.IX.7)`).
    let a = analyse("1. Decides to act.\n2. Notes the publication (Sales No.\nE.86.IX.7), appendix VII.\n", Language::En);
    assert!(a.document.nodes.iter().all(|n| n.kind != NodeKind::Subsection), "{}", outline(&a).join("\n"));
    assert_diagnostics(&a, &[]);
}

/// A.8: `C.` after `A.`, `B.` is a letter, not section 100.
#[test]
fn a08_letter_beats_a_far_roman_reading() {
    let text = "1. The maps and charts are set out in the annex.\nAnnex\nMaps and charts\nA. Headquarters\nB. Field offices\nC. Logistics hubs\nD. Air fleet\n";
    let a = analyse(text, Language::En);
    assert_nodes(&a, &[(6, "subsection", "annex__subsec_C"), (7, "subsection", "annex__subsec_D")]);
    assert_diagnostics(&a, &[]);
    // `I.` after `H.` inside a section is still a letter; a real section I stays Roman.
    let a = analyse("I. Introduction\nA. One\nB. Two\nII. Next\n", Language::En);
    assert_nodes(&a, &[(1, "section", "sec_I"), (4, "section", "sec_II")]);
    assert_diagnostics(&a, &[]);
}

/// A.10: a hard-wrapped line that starts `Article 25 of the Charter` continues
/// the line above; so does a heading pattern with a title in lower case.
#[test]
fn a10_wrapped_article_reference_is_not_a_heading() {
    let text = "The Security Council,\n1. Condemns the attacks on the Example Mission;\n2. Reminds all States of their obligations under\nArticle 25 of the Charter and calls upon them to\ncomply fully with the present resolution;\n3. Decides to remain seized of the matter.\n";
    let a = analyse(text, Language::En);
    assert_nodes(&a, &[(2, "paragraph", "para_1"), (3, "paragraph", "para_2"), (6, "paragraph", "para_3")]);
    assert!(a.document.nodes.iter().all(|n| n.kind != NodeKind::Article));
    assert_diagnostics(&a, &[]);
    // A numbered line whose text goes on below after a blank line, in lower
    // case, is a paragraph, not a numbered subheading.
    let text = "The General Assembly,\n1. Welcomes the report;\n\n2. Encourages the Commission to further consult with civil society, grass-roots\n\norganizations and youth-led organizations;\n\n3. Decides to remain seized of the matter.\n";
    let a = analyse(text, Language::En);
    assert_nodes(&a, &[(4, "paragraph", "para_2"), (8, "paragraph", "para_3")]);
    assert_diagnostics(&a, &[]);
    // A year or a date on a wrapped line is not a paragraph number.
    let text = "The Security Council,\n1. Welcomes the report of the Secretary-General of\n7 August 1992 (S/24389);\n2. Requests a report by 31 October\n1993.\n3. Decides to remain seized of the matter.\n";
    let a = analyse(text, Language::En);
    assert_nodes(&a, &[(2, "paragraph", "para_1"), (4, "paragraph", "para_2"), (6, "paragraph", "para_3")]);
    assert_diagnostics(&a, &[]);
}

/// A.12: a line with TABs (trailing empty cells included) is a table row,
/// never a heading.
#[test]
fn a12_tab_rows_are_never_headings() {
    let text = "I. Programme of work\nA. Programme of work for 2099\n19.1 The Commission assists the countries of the region.\n\nCategory\t2098 planned\t2099 planned\nA. Meetings serviced\t\t\n1. Sessions of the Commission\t2\t2\nC. Outreach\t\t\n\nB. Evaluation\n";
    let a = analyse(text, Language::En);
    assert_nodes(&a, &[(1, "section", "sec_I"), (2, "subsection", "sec_I__subsec_A"), (10, "subsection", "sec_I__subsec_B")]);
    assert_diagnostics(&a, &[]);
    // A table whose TABs were lost, in a blank-separated layout: the
    // category rows glued to the lines around them are not subsections.
    let long = "The subprogramme will continue to support Member States through advice, workshops and publications on the subject.";
    let mut text = String::from("A. Proposed programme plan\n\n");
    for i in 1..=10 {
        text.push_str(&format!("{long} {i}\n\n"));
    }
    text.push_str("Category and subcategory\nC. Substantive deliverables\nConsultation, advice and advocacy: meetings.\nD. Communication deliverables\nOutreach programmes.\n\nB. Post resources\n");
    let a = analyse(&text, Language::En);
    assert_nodes(&a, &[(1, "subsection", "subsec_A"), (29, "subsection", "subsec_B")]);
    assert_diagnostics(&a, &[]);
}

/// A.13: a fascicle that starts at Part V (the only part) is not missing parts I–IV.
#[test]
fn a13_sole_part_may_start_anywhere() {
    let text = "Proposed programme budget for 2099\nPart V\nRegional cooperation for development\nSection 19\n19.1 The Commission assists the countries of the region.\n";
    let a = analyse(text, Language::En);
    assert_nodes(&a, &[(2, "part", "part_V")]);
    assert_diagnostics(&a, &[]);
    // Two parts are a sequence: a gap between them is reported.
    let a = analyse("Part I\n1. Text.\nPart III\n2. Text.\n", Language::En);
    assert_diagnostics(&a, &["3 numbering.gap part II is missing: expected II here, found III"]);
}

/// A.16: `(i)` after `(g)` and before `(j)` is the letter i.
#[test]
fn a16_i_before_j_is_a_letter() {
    let text = "1. Calls upon all States:\n(a) To adopt laws;\n(b) To train judges;\n(c) To train police;\n(d) To train prosecutors;\n(e) To fund shelters;\n(f) To collect data;\n(g) To share data;\n(i) To report annually;\n(j) To cooperate.\n";
    let a = analyse(text, Language::En);
    assert_nodes(&a, &[(9, "subparagraph", "para_1__subpara_i"), (10, "subparagraph", "para_1__subpara_j")]);
    assert_diagnostics(&a, &["9 numbering.gap subparagraph h is missing: expected h here, found i"]);
    // A list numbered (i), (ii), (iii) at the first level is Roman.
    let text = "The Security Council,\n1. Calls upon the Governments concerned:\n(i) To order an immediate cease-fire;\n(ii) To implement the resolution;\n(iii) To allow the supervision of the truce.\n";
    let a = analyse(text, Language::En);
    assert_nodes(
        &a,
        &[(3, "subparagraph", "para_1__subpara_i"), (4, "subparagraph", "para_1__subpara_ii"), (5, "subparagraph", "para_1__subpara_iii")],
    );
    assert_diagnostics(&a, &[]);
}

/// A.17: a malformed number is a defect of its own line, not a gap at the next.
#[test]
fn a17_malformed_numbers_are_reported_where_they_are() {
    let text = "The Security Council,\n1. Decides to extend the mandate of the Example Mission;\n2, Requests the Secretary-General to report by 1 June;\n3. Decides to remain seized of the matter.\n";
    let a = analyse(text, Language::En);
    assert_nodes(&a, &[(3, "paragraph", "para_2"), (4, "paragraph", "para_3")]);
    assert_diagnostics(&a, &["3 numbering.malformed paragraph number `2,` has a comma instead of a full stop: read as paragraph 2"]);
    let text = "The Security Council,\n1. Decides to extend the mandate;\n2 Requests the Secretary-General to report;\n3. Decides to remain seized of the matter.\n";
    let a = analyse(text, Language::En);
    assert_diagnostics(&a, &["3 numbering.malformed paragraph number `2` has no full stop after it: read as paragraph 2"]);
    let mut text = String::from("The Security Council,\n");
    for i in 1..=18 {
        text.push_str(&format!("{i}. Decides item {i};\n"));
    }
    text.push_str("i9. Calls upon all States to comply;\n20. Decides to remain seized of the matter.\n");
    let a = analyse(&text, Language::En);
    assert_nodes(&a, &[(20, "paragraph", "para_19")]);
    assert_diagnostics(&a, &["20 numbering.malformed paragraph number `i9.` has a letter for a digit: read as paragraph 19"]);
    let text = "The Security Council,\n1. Decides to act;\n2. Requests a report;\n3. Urges restraint;\n4. Calls for calm;\nS. Decides to remain seized of the matter.\n";
    let a = analyse(text, Language::En);
    assert_diagnostics(&a, &["6 numbering.malformed paragraph number `S.` has a letter for a digit: read as paragraph 5"]);
    // Subparagraph labels: a digit for a letter between two letters, a stray
    // letter or character, each read as the letter due.
    let text = "The Security Council,\n1. Calls upon all States:\n(a) To adopt laws;\n(6) To train judges and\nprosecutors;\n(c) To train police;\n(ad) To fund shelters;\n(e}) To collect data;\n(f) To share data.\n";
    let a = analyse(text, Language::En);
    assert_nodes(
        &a,
        &[(4, "subparagraph", "para_1__subpara_b"), (7, "subparagraph", "para_1__subpara_d"), (8, "subparagraph", "para_1__subpara_e")],
    );
    assert_diagnostics(
        &a,
        &[
            "4 numbering.malformed subparagraph label `(6)` has a digit for a letter: read as subparagraph b",
            "7 numbering.malformed subparagraph label `(ad)` has a stray character in its label: read as subparagraph d",
            "8 numbering.malformed subparagraph label `(e})` has a stray character in its label: read as subparagraph e",
        ],
    );
    // A label that lost its opening bracket, and `(c)` autocorrected into `©`.
    let text = "The Security Council,\n1. Calls upon all States:\n(a) To adopt laws;\nb) To train judges;\n© To train police;\n(d) To fund shelters.\n";
    let a = analyse(text, Language::En);
    assert_nodes(&a, &[(4, "subparagraph", "para_1__subpara_b"), (5, "subparagraph", "para_1__subpara_c")]);
    assert_diagnostics(
        &a,
        &[
            "4 numbering.malformed subparagraph label `b)` has lost its opening bracket: read as subparagraph b",
            "5 numbering.malformed subparagraph label `©` is a sign where a letter is due: read as subparagraph c",
        ],
    );
    // A numbered list in brackets is no slip.
    let a = analyse("The Security Council,\n1. Notes:\n(1) The report;\n(2) The letter.\n", Language::En);
    assert!(diagnostics(&a).iter().all(|d| !d.contains("malformed")), "{:?}", diagnostics(&a));
    // Not a slip: a date, a footnote after a finished paragraph.
    let text = "The Security Council,\nNoting the report of the Secretary-General of\n1 December 1973 (S/11137),\n1. Decides to extend the mandate.\n\n2 Ibid., document S/17093.\n";
    let a = analyse(text, Language::En);
    assert_diagnostics(&a, &[]);
}

/// A.10 and A.14 in the operative part of hard-wrapped text: a line ending
/// with a comma goes on below even in upper case (a State name); a sentence
/// glued to a lettered item with more items below is part of it; `10. (a)`
/// opens subparagraph (a) on the paragraph's line.
#[test]
fn a10_wrapped_lines_inside_operative_paragraphs() {
    let text = "The Security Council,\n1. Calls upon Portugal:\n(a) To recognize the right of the peoples of Angola,\nMozambique and Guinea (Bissau);\n(b) To cease the colonial wars.\nThe Commission shall report.\n(c) To withdraw its forces;\n2. Decides that:\n3. (a) The Government should agree;\n(b) The Administrator should act.\n";
    let a = analyse(text, Language::En);
    assert_nodes(
        &a,
        &[
            (3, "subparagraph", "para_1__subpara_a"),
            (5, "subparagraph", "para_1__subpara_b"),
            (7, "subparagraph", "para_1__subpara_c"),
            (9, "subparagraph", "para_3__subpara_a"),
            (10, "subparagraph", "para_3__subpara_b"),
        ],
    );
    assert!(a.document.nodes.iter().all(|n| n.kind != NodeKind::UnnumberedParagraph), "{}", outline(&a).join("\n"));
    assert_diagnostics(&a, &[]);
    // `(ii)` where no letter runs is Roman 2: the lost `(i)` is reported as such.
    let a = analyse("The General Assembly,\n1. Decides:\nTo act;\n(ii) To report.\n", Language::En);
    assert_diagnostics(&a, &["4 numbering.gap subparagraph i is missing: expected i here, found ii"]);
}

/// A.18: a numbered line without TABs right after a table row ends the table.
#[test]
fn a18_numbered_line_after_a_table_row_ends_the_table() {
    let text = "1. The Mission will reduce its fleet.\n\nTable 1\n\nCategory\tAmount\nVehicles\t120\n2. The Mission will merge two offices.\n\n3. The Mission will close one hub.\n";
    let a = analyse(text, Language::En);
    assert_nodes(&a, &[(1, "paragraph", "para_1"), (7, "paragraph", "para_2"), (9, "paragraph", "para_3")]);
    assert_diagnostics(&a, &[]);
}

/// A.19: paragraphs restart in each part (and article, section, subsection,
/// annex); addresses, the numbering check and the resolver agree.
#[test]
fn a19_paragraphs_restart_in_each_part() {
    let text = "Part one\n1. States shall cooperate.\n2. States shall report.\nPart two\n1. The secretariat shall assist.\n2. The secretariat shall publish.\n3. As provided in paragraph 2, reports are public.\n";
    let a = analyse(text, Language::En);
    assert_nodes(&a, &[(2, "paragraph", "part_1__para_1"), (5, "paragraph", "part_2__para_1"), (6, "paragraph", "part_2__para_2")]);
    assert_diagnostics(&a, &[]);
    // `paragraph 2` in part two goes to part two's paragraph 2.
    let at = text.find("paragraph 2").unwrap();
    let target = a.goto_definition(at);
    assert_eq!(target.len(), 1, "{target:?}");
    assert_eq!(line_of(&a, target[0].start), 6);
    // Parts A and B of a Security Council resolution, each with its own
    // preamble and paragraphs from 1.
    let text = "A\nThe Security Council,\nRecalling its resolution 1,\n1. Decides to act;\n2. Requests a report;\nB\nThe Security Council,\n1. Urges restraint;\n2. Decides to remain seized of the matter.\n";
    let a = analyse(text, Language::En);
    assert_nodes(&a, &[(1, "subsection", "subsec_A"), (4, "paragraph", "subsec_A__para_1"), (8, "paragraph", "subsec_B__para_1")]);
    assert_diagnostics(&a, &[]);
}

/// The one numbering scope: addresses of numbered paragraphs are unique
/// within each sequence of the numbering check, and a paragraph's scope is
/// the same whichever way it is asked.
#[test]
fn addresses_sequences_and_scopes_agree() {
    let texts = [
        "Part one\n1. A.\n2. B.\nPart two\n1. C.\n2. D.\n",
        "I. One\n1. A.\n2. B.\nII. Two\n1. C.\n2. D.\nAnnex\nI. Three\n1. E.\nII. Four\n1. F.\n",
        "I. One\n1. A.\n2. B.\nII. Two\n3. C.\n4. D.\n",
        "Article 1\n1. A.\n2. B.\nArticle 2\n1. C.\n",
        "A\nThe Security Council,\n1. A;\nB\nThe Security Council,\n1. B;\n2. C.\n",
    ];
    for text in texts {
        let a = analyse(text, Language::En);
        let doc = &a.document;
        let sequences = scope::paragraph_sequences(doc);
        let mut all = std::collections::HashSet::new();
        for (scope_node, seq) in &sequences {
            let mut eids = std::collections::HashSet::new();
            for &p in seq {
                assert_eq!(scope::numbering_scope(doc, p), *scope_node, "{text}");
                assert!(eids.insert(doc.eid(p).to_string()), "{text}: {} twice in one sequence", doc.eid(p));
                assert!(all.insert(doc.eid(p).to_string()), "{text}: {} in two sequences", doc.eid(p));
                // The address starts with the address of its numbering scope.
                if let Some(s) = scope_node {
                    assert!(doc.eid(p).starts_with(doc.eid(*s)), "{text}: {} outside {}", doc.eid(p), doc.eid(*s));
                }
            }
        }
        // Each sequence restarts at 1 and runs without gaps: no diagnostic.
        assert_diagnostics(&a, &[]);
    }
}

/// B.6: an operative verb alone with a colon, followed by lettered items,
/// starts the operative part (zh, fr, ar).
#[test]
fn b06_operative_verb_with_a_colon_starts_the_operative_part() {
    for (lang, text) in [
        (Language::Zh, "安全理事会，\n审议了秘书长的报告，\n决定：\n(a) 将观察员部队的任务期限延长六个月；\n(b) 请秘书长提出报告。\n"),
        (Language::Fr, "Le Conseil de sécurité,\nAyant examiné le rapport du Secrétaire général,\nDécide :\na) De proroger le mandat de la Force ;\nb) De prier le Secrétaire général de faire rapport.\n"),
        (Language::Ar, "إن مجلس الأمن،\nوقد نظر في تقرير الأمين العام،\nيقرر:\n(أ) أن يجدد ولاية القوة لفترة ستة أشهر،\n(ب) أن يطلب إلى الأمين العام تقديم تقرير.\n"),
    ] {
        let a = analyse(text, lang);
        assert_nodes(&a, &[(3, "unnumbered_paragraph", "intro_1"), (4, "subparagraph", "intro_1__subpara_a"), (5, "subparagraph", "intro_1__subpara_b")]);
        assert_diagnostics(&a, &[]);
    }
}

/// B.8: the Arabic enacting formula without `،`, and `(أ )` with a blank.
#[test]
fn b08_arabic_formula_without_comma_and_spaced_letter() {
    let gap = "5 numbering.gap subparagraph ب is missing: expected ب here, found ج";
    let text = "إن مجلس الأمن\nوقد نظر في تقرير الأمين العام،\nيقرر:\n(أ ) أن يجدد ولاية القوة لفترة ستة أشهر،\n(ج) أن يطلب إلى الأمين العام تقديم تقرير.\n";
    let a = analyse(text, Language::Ar);
    assert_nodes(&a, &[(1, "preamble", "preamble"), (4, "subparagraph", "intro_1__subpara_a")]);
    assert_diagnostics(&a, &[gap]);
    let a = analyse(&text.replace("إن مجلس الأمن\n", "إن مجلس الأمن،\n").replace("(أ )", "(أ)"), Language::Ar);
    assert_diagnostics(&a, &[gap]);
}

/// B.9: fr vote lines split by a blank line are one paragraph, not a
/// crossheading; ar items written `أ –` are subparagraphs.
#[test]
fn b09_split_vote_lines_and_dashed_arabic_items() {
    let text = "Le Conseil de sécurité,\n1. Décide de rester saisi de la question.\n\nAdoptée à la 500e séance par\n\n8 voix contre zéro, avec 3 abstentions (Argentine, Royaume-Uni, Syrie).\n";
    let a = analyse(text, Language::Fr);
    assert!(a.document.nodes.iter().all(|n| n.kind != NodeKind::Crossheading), "{}", outline(&a).join("\n"));
    let text = "إن مجلس الأمن،\nوقد نظر في تقرير الأمين العام،\nيقرر:\nأ – أن يجدد ولاية القوة لفترة ستة أشهر،\nب – أن يطلب إلى الأمين العام تقديم تقرير.\n";
    let a = analyse(text, Language::Ar);
    assert_nodes(&a, &[(4, "subparagraph", "intro_1__subpara_a"), (5, "subparagraph", "intro_1__subpara_b")]);
    assert_diagnostics(&a, &[]);
}

/// A list whose first labels were lost in a conversion, so that `(ii)` is the
/// first label left: it is Roman 2 ("subparagraph i is missing"), not the
/// 35th letter ("a–hh missing").
#[test]
fn a_first_label_ii_after_nothing_is_roman() {
    let a = analyse(
        "The General Assembly,\n\n1. Decides the following:\n\nAssisting Member States in building capacities;\n\n\
         (ii) Inviting international financial institutions to engage;\n\n(iii) Requesting a report;\n",
        Language::En,
    );
    let d = diagnostics(&a);
    assert!(d.iter().any(|m| m.contains("subparagraph i is missing")), "{d:?}");
    assert!(d.iter().all(|m| !m.contains("hh")), "{d:?}");
}

/// B.9 (es): operative paragraphs whose numbers a web conversion replaced by
/// a dash (`- Insta…`, `– Decide…`) are operative, read from the verb; a
/// dashed preambular participle (`- Recordando`) stays in the preamble.
#[test]
fn b09_dashed_operative_paragraphs_are_operative() {
    let text = "La Asamblea General,\n\n- Recordando su resolución 70/1,\n\nHabiendo examinado el informe del Secretario General,\n\n- Insta a los Estados a que cooperen;\n\n– Decide seguir ocupándose de la cuestión.\n\n- Pide al Secretario General que informe.\n";
    let a = analyse(text, Language::Es);
    let kind_on = |line: usize| unnumbered_paragraph_kind_on(&a, line);
    assert_eq!(kind_on(3), Some(NodeKind::PreambularParagraph), "{}", outline(&a).join("\n"));
    assert_eq!(kind_on(5), Some(NodeKind::PreambularParagraph), "{}", outline(&a).join("\n"));
    for line in [7, 9, 11] {
        assert_eq!(kind_on(line), Some(NodeKind::UnnumberedParagraph), "line {line}:\n{}", outline(&a).join("\n"));
    }
    assert_diagnostics(&a, &[]);
}

/// B.9 in the languages without spaces or with other verb forms: a dashed
/// paragraph opening with an operative verb (`敦促`, `Просит`, `تطلب`) is
/// operative; a dashed preambular one (`回顾`, `Ссылаясь`, `إذ تشير`) is not.
#[test]
fn b09_dashed_operative_paragraphs_in_chinese_russian_and_arabic() {
    let cases = [
        (Language::Zh, "大会，\n\n- 回顾其第70/1号决议，\n\n- 敦促各国开展合作；\n\n- 请秘书长提出报告。\n"),
        (
            Language::Ru,
            "Генеральная Ассамблея,\n\n- Ссылаясь на свою резолюцию 70/1,\n\n- Настоятельно призывает государства сотрудничать;\n\n- Просит Генерального секретаря представить доклад.\n",
        ),
        (Language::Ar, "إن الجمعية العامة،\n\n- إذ تشير إلى قرارها 70/1،\n\n- تحث الدول على التعاون؛\n\n- تطلب إلى الأمين العام أن يقدم تقريرا.\n"),
    ];
    for (lang, text) in cases {
        let a = analyse(text, lang);
        let kind_on = |line: usize| unnumbered_paragraph_kind_on(&a, line);
        assert_eq!(kind_on(3), Some(NodeKind::PreambularParagraph), "{lang:?}:\n{}", outline(&a).join("\n"));
        for line in [5, 7] {
            assert_eq!(kind_on(line), Some(NodeKind::UnnumberedParagraph), "{lang:?} line {line}:\n{}", outline(&a).join("\n"));
        }
    }
}

/// Whether the paragraph opening on `line` (1-based) is read as preambular or
/// as an unnumbered operative one.
fn unnumbered_paragraph_kind_on(a: &Analysis, line: usize) -> Option<NodeKind> {
    a.document
        .nodes
        .iter()
        .filter(|n| line_of(a, n.opening().start) == line)
        .map(|n| n.kind)
        .find(|k| matches!(k, NodeKind::PreambularParagraph | NodeKind::UnnumberedParagraph))
}
