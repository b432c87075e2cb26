//! Negotiation drafts: official texts are not read as drafts, the fixtures
//! in tests/fixtures/negotiation/ give their expected statuses, tokens and
//! diagnostics, and deleting any one bracket is found where it was.

mod common;

use rapporteur::diagnostics::DiagnosticsConfig;
use rapporteur::ide::Analysis;
use rapporteur::lang::Language;

#[test]
fn official_texts_are_not_read_as_drafts() {
    let mut drafts = Vec::new();
    for f in common::corpus_dev().into_iter().chain(common::all_documents()) {
        let a = Analysis::new(f.text.clone(), None, &DiagnosticsConfig::all_enabled());
        let m = a.negotiation();
        if m.draft {
            let tags: Vec<&str> = m.tags.iter().map(|t| &f.text[t.range.start..t.range.end]).collect();
            drafts.push(format!("{}: tags {tags:?}, {} bracketed", f.name, m.negotiation_pairs().count()));
        }
    }
    assert!(drafts.is_empty(), "{drafts:#?}");
}

fn analyse(name: &str) -> Analysis {
    let path = format!("{}/tests/fixtures/negotiation/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Analysis::new(text, None, &DiagnosticsConfig::all_enabled())
}

/// (scope, paragraphs, agreed, bracketed, open, with alternatives), the total last.
fn summary_rows(a: &Analysis) -> Vec<(String, usize, usize, usize, usize, usize)> {
    let s = a.negotiation_summary().expect("a draft");
    s.rows
        .iter()
        .chain(std::iter::once(&s.total))
        .map(|r| (r.scope.clone(), r.paragraphs, r.agreed, r.bracketed, r.open, r.with_alternatives))
        .collect()
}

fn negotiation_tokens(a: &Analysis) -> Vec<(String, &'static str)> {
    a.semantic_tokens(None)
        .into_iter()
        .filter(|t| matches!(t.kind.lsp_type(), "operator" | "parameter" | "variable" | "decorator"))
        .map(|t| (a.text[t.range.start..t.range.end].to_string(), t.kind.lsp_type()))
        .collect()
}

#[test]
fn drafts_in_three_languages_give_their_statuses_per_section() {
    let want = |scopes: [&str; 3], pre: usize, pre_agreed: usize, pre_bracketed: usize| {
        vec![
            (scopes[0].to_string(), pre, pre_agreed, pre_bracketed, 0, 1),
            (scopes[1].to_string(), 4, 1, 3, 0, 2),
            (scopes[2].to_string(), 3, 1, 0, 2, 0),
            ("total".to_string(), pre + 7, pre_agreed + 2, pre_bracketed + 3, 2, 3),
        ]
    };
    assert_eq!(summary_rows(&analyse("en_draft.txt")), want(["preamble", "section I", "section II"], 3, 1, 2));
    assert_eq!(summary_rows(&analyse("fr_draft.txt")), want(["preamble", "section I", "section II"], 2, 1, 1));
    assert_eq!(summary_rows(&analyse("zh_draft.txt")), want(["preamble", "section 一", "section 二"], 2, 1, 1));
}

#[test]
fn drafts_have_no_diagnostics_and_the_outline_shows_statuses() {
    for name in ["en_draft.txt", "fr_draft.txt", "zh_draft.txt"] {
        let a = analyse(name);
        assert!(a.diagnostics.is_empty(), "{name}: {:?}", a.diagnostics);
        let outline = a.outline();
        let details: Vec<String> = outline.iter().flat_map(|i| i.children.iter()).filter_map(|c| c.detail.clone()).collect();
        assert!(details.iter().any(|d| d.starts_with("[agreed]")), "{name}: {details:?}");
        assert!(details.iter().any(|d| d.starts_with("[bracketed, alternatives]")), "{name}: {details:?}");
        assert!(details.iter().any(|d| d.starts_with("[open, silence broken]")), "{name}: {details:?}");
        // The summary on the title.
        let hover = a.hover(0).expect("hover on the title");
        assert!(hover.markdown.contains("| total | "), "{}", hover.markdown);
    }
}

#[test]
fn tokens_of_the_english_draft() {
    let a = analyse("en_draft.txt");
    let toks = negotiation_tokens(&a);
    let has = |text: &str, ty: &str| toks.iter().any(|(t, k)| t == text && *k == ty);
    for (text, ty) in [
        ("[Agreed ad ref]", "decorator"),
        ("agreed ad ref", "decorator"),
        ("(agreed)", "decorator"),
        ("[silence broken]", "decorator"),
        ("regional", "parameter"),
        ("national", "parameter"),
        ("Alt 1:", "parameter"),
        ("Alt 2:", "parameter"),
        ("G77 and China propose", "variable"),
        ("(EU)", "variable"),
        ("US delete", "variable"),
        ("Mexico; Switzerland retain", "variable"),
        ("[", "operator"),
        ("]", "operator"),
    ] {
        assert!(has(text, ty), "no {ty} token {text:?} in {toks:?}");
    }
    let brackets = toks.iter().filter(|(_, k)| *k == "operator").count();
    // 11 bracketed passages (tags are not brackets): 22 brackets.
    assert_eq!(brackets, 22, "{toks:?}");
}

#[test]
fn tokens_of_the_french_and_chinese_drafts() {
    let a = analyse("fr_draft.txt");
    let toks = negotiation_tokens(&a);
    for want in [
        "[Approuvé ad ref]",
        "(convenu)",
        "[silence rompu]",
        "(UE)",
        "UE : supprimer",
        "Mexique; Suisse : maintenir",
        "Variante 1 :",
        "renforcer",
    ] {
        assert!(toks.iter().any(|(t, _)| t == want), "no token {want:?} in {toks:?}");
    }
    let a = analyse("zh_draft.txt");
    let toks = negotiation_tokens(&a);
    for want in [
        "[已商定]",
        "（已商定）",
        "[沉默程序被打破]",
        "（欧盟）",
        "美国删除",
        "墨西哥；瑞士保留",
        "77国集团和中国提议",
        "备选案文1：",
        "区域",
        "国家",
    ] {
        assert!(toks.iter().any(|(t, _)| t == want), "no token {want:?} in {toks:?}");
    }
}

#[test]
fn a_text_claiming_to_be_final_gets_brackets_left() {
    let a = analyse("en_final.txt");
    let left: Vec<_> = a.diagnostics.iter().filter(|d| d.code.as_str() == "brackets.left").collect();
    assert_eq!(left.len(), 1, "{:?}", a.diagnostics);
    assert_eq!(&a.text[left[0].range.start..left[0].range.end], "[");
    // A draft that does not claim to be final gets none.
    assert!(analyse("en_draft.txt").diagnostics.is_empty());
}

/// Every bracket of every draft, deleted one at a time: a
/// `brackets.unbalanced` error appears at its partner or at a bracket that
/// encloses it.
#[test]
fn deleting_any_bracket_is_found_where_it_was() {
    for name in ["en_draft.txt", "fr_draft.txt", "zh_draft.txt"] {
        let a = analyse(name);
        let m = a.negotiation();
        let pairs: Vec<_> = m.pairs.clone();
        let mut rng = common::Rng::from_label(name, 14);
        let mut order: Vec<(usize, bool)> = (0..pairs.len()).flat_map(|k| [(k, true), (k, false)]).collect();
        rng.shuffle(&mut order);
        for (k, delete_open) in order {
            let p = pairs[k];
            let gone = if delete_open { p.open } else { p.close };
            let mut text = a.text.to_string();
            text.replace_range(gone.start..gone.end, "");
            let shift = |at: usize| if at > gone.start { at - gone.len() } else { at };
            let b = Analysis::new(text.clone(), None, &DiagnosticsConfig::all_enabled());
            let found: Vec<usize> =
                b.diagnostics.iter().filter(|d| d.code.as_str() == "brackets.unbalanced").map(|d| d.range.start).collect();
            // The partner, or a bracket of the same side of an enclosing pair.
            let acceptable: Vec<usize> = pairs
                .iter()
                .filter(|q| q.open.start <= p.open.start && q.close.start >= p.close.start)
                .map(|q| if delete_open { shift(q.close.start) } else { shift(q.open.start) })
                .collect();
            assert!(
                found.len() == 1 && acceptable.contains(&found[0]),
                "{name}: deleting {:?} at {} gave {found:?}, expected one of {acceptable:?}",
                &a.text[gone.start..gone.end],
                gone.start
            );
        }
    }
}

#[test]
fn actions_accept_an_alternative_drop_a_passage_and_mark_agreed() {
    let a = analyse("en_draft.txt");
    let at = a.text.find("Alt 2:").unwrap();
    let fixes = rapporteur::negotiation::fixes(&a, rapporteur::text::TextRange::empty(at));
    let accept = fixes.iter().find(|f| f.title.starts_with("Accept alternative 2")).expect("accept alternative 2");
    let out = rapporteur::ide::edit::apply(&a.text, &accept.edits).unwrap();
    assert!(out.contains("3. Requests the Secretary-General to submit an oral update;\n"), "{out}");
    assert!(!out.contains("eighty-second"));
    let drop = fixes.iter().find(|f| f.title.starts_with("Drop the bracketed text")).expect("drop");
    let out = rapporteur::ide::edit::apply(&a.text, &drop.edits).unwrap();
    assert!(!out.contains("Alt 2") && out.contains("Alt 1"), "{out}");
    let mark = fixes.iter().find(|f| f.title.starts_with("Mark paragraph 3 agreed")).expect("mark agreed");
    let out = rapporteur::ide::edit::apply(&a.text, &mark.edits).unwrap();
    assert!(out.contains("oral update;] [Agreed ad ref]\n"), "{out}");
    // The slash alternative.
    let at = a.text.find("enhance").unwrap();
    let fixes = rapporteur::negotiation::fixes(&a, rapporteur::text::TextRange::empty(at));
    let accept = fixes.iter().find(|f| f.title.starts_with("Accept alternative 2")).unwrap();
    let out = rapporteur::ide::edit::apply(&a.text, &accept.edits).unwrap();
    assert!(out.contains("Member States to enhance their [national] efforts"), "{out}");
    // Chinese: the mark-agreed tag is the language's.
    let z = analyse("zh_draft.txt");
    let at = z.text.find("口头通报").unwrap();
    let fixes = rapporteur::negotiation::fixes(&z, rapporteur::text::TextRange::empty(at));
    assert!(fixes.iter().any(|f| f.edits.iter().any(|e| e.new_text == " [已商定]")), "{fixes:?}");
}

fn rapporteur(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rapporteur"))
        .args(args)
        .current_dir(format!("{}/tests/fixtures/negotiation", env!("CARGO_MANIFEST_DIR")))
        .output()
        .expect("run rapporteur");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn status_command_prints_the_table() {
    let (code, out, _) = rapporteur(&["status", "en_draft.txt"]);
    assert_eq!(code, 0);
    assert!(out.contains("section I            4       1          3     0             2"), "{out}");
    assert!(out.contains("total               10       3          5     2             3"), "{out}");
    let (_, json, _) = rapporteur(&["status", "--format", "json", "zh_draft.txt"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["total"]["agreed"], 3);
    assert_eq!(v["paragraphs"].as_array().unwrap().len(), 9);
}

#[test]
fn diff_command_aligns_rev1_and_rev2() {
    let (code, out, _) = rapporteur(&["diff", "en_draft.txt", "en_draft_rev2.txt"]);
    assert_eq!(code, 0);
    assert!(out.contains("5 unchanged, 3 changed, 1 moved, 1 inserted, 1 deleted, 0 split, 0 merged"), "{out}");
    assert!(out.contains("body: 1→1 2→3 3→4 4→— 5→6 6→5 7→7"), "{out}");
    assert!(out.contains("warning: paragraph 1 was agreed in the old revision and is changed in the new one"), "{out}");
    let (_, json, _) = rapporteur(&["diff", "--format", "json", "en_draft.txt", "en_draft_rev2.txt"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["warnings"].as_array().unwrap().len(), 1);
    let (_, html, _) = rapporteur(&["diff", "--format", "html", "en_draft.txt", "en_draft_rev2.txt"]);
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<del>2027</del>") && html.contains("<ins>2028</ins>"));
    assert!(!html.contains("<script") && !html.contains("src=\"http") && !html.contains("href=\"http"), "self-contained");
}

#[test]
fn amend_command_applies_and_reports() {
    let (code, out, err) = rapporteur(&["amend", "en_resolution.txt", "en_amendments.txt"]);
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("Reaffirming the Charter of the United Nations,\n\nNoting the reports of"), "{out}");
    assert!(
        out.contains("3. Encourages all stakeholders to contribute voluntary funding, including through South-South cooperation;"),
        "{out}"
    );
    assert!(
        err.contains("en_amendments.txt:8:3: error[amendment]: operative paragraph 9 does not exist in the draft (5 such paragraphs)"),
        "{err}"
    );
    assert!(err.contains("en_amendments.txt:9:3: error[amendment]: the wording “2029” is not in operative paragraph 1"), "{err}");
    assert!(err.contains("4 of 6 amendments applied; numbers: PP2→PP3 PP3→PP4 2→deleted 3→2 4→3 5→4"), "{err}");
    let (code, out, err) = rapporteur(&["amend", "--diff", "zh_resolution.txt", "zh_amendments.txt"]);
    assert_eq!(code, 1);
    assert!(out.contains("body: 1→1 2→— 3→2 4→3"), "{out}");
    assert!(err.contains("zh_amendments.txt:4:3: error[amendment]: operative paragraph 8 does not exist"), "{err}");
    assert!(err.contains("the wording “2029年” is not in operative paragraph 1"), "{err}");
}

/// Spanish, Russian and Arabic amendments in the forms of their tables: the
/// same six amendments as the English fixture, the same outcome.
#[test]
fn amend_reads_spanish_russian_and_arabic() {
    let cases = [
        (
            "es",
            vec![
                "Recordando su resolución 70/1, de 25 de septiembre de 2015,\n\nReafirmando la Carta de las Naciones Unidas,\n\nTomando nota de los informes del Secretario General",
                "\n\n2. Solicita al Secretario General",
                "3. Alienta a todas las partes interesadas a que aporten financiación voluntaria, incluso mediante la cooperación Sur-Sur;\n",
            ],
        ),
        (
            "ru",
            vec![
                "2015 года,\n\nвновь подтверждая Устав Организации Объединенных Наций,\n\nпринимая к сведению доклады Генерального секретаря",
                "\n\n2. просит Генерального секретаря",
                "3. рекомендует всем заинтересованным сторонам вносить добровольные взносы, в том числе на основе сотрудничества Юг — Юг;\n",
            ],
        ),
        (
            "ar",
            vec![
                "2015،\n\nوإذ تعيد تأكيد ميثاق الأمم المتحدة،\n\nوإذ تحيط علما بتقارير الأمين العام",
                "\n\n2 - تطلب إلى الأمين العام",
                "3 - تشجع جميع أصحاب المصلحة على تقديم تمويل طوعي، بما في ذلك من خلال التعاون بين بلدان الجنوب؛\n",
            ],
        ),
    ];
    for (lang, expected) in cases {
        let (draft, amendments) = (format!("{lang}_resolution.txt"), format!("{lang}_amendments.txt"));
        let (code, out, err) = rapporteur(&["amend", &draft, &amendments]);
        assert_eq!(code, 1, "{lang}: {err}");
        for e in expected {
            assert!(out.contains(e), "{lang}: {e:?} in\n{out}");
        }
        assert!(
            err.contains(&format!(
                "{amendments}:8:3: error[amendment]: operative paragraph 9 does not exist in the draft (5 such paragraphs)"
            )),
            "{lang}: {err}"
        );
        assert!(
            err.contains(&format!("{amendments}:9:3: error[amendment]: the wording “2029” is not in operative paragraph 1")),
            "{lang}: {err}"
        );
        assert!(err.contains("4 of 6 amendments applied; numbers: PP2→PP3 PP3→PP4 2→deleted 3→2 4→3 5→4"), "{lang}: {err}");
    }
}

/// Other wordings of the same amendments: ordinals in any case or gender,
/// `на` for `словами`, `يحذف`, Arabic-Indic digits, `Elimínese`.
#[test]
fn amendment_variants_in_spanish_russian_and_arabic() {
    use rapporteur::negotiation::amend::{parse, Action, Which};
    let cases: [(Language, &str, bool, Which); 8] = [
        (Language::Es, "Elimínese el tercer párrafo del preámbulo", true, Which::Ordinal(3)),
        (Language::Es, "Suprímase el último párrafo de la parte dispositiva.", false, Which::Last),
        (Language::Es, "En el párrafo 5, reemplácese «a» por «b»", false, Which::Number(5)),
        (Language::Ru, "Исключить третий пункт преамбулы", true, Which::Ordinal(3)),
        (Language::Ru, "В третьем пункте преамбулы заменить слово «а» на «б»", true, Which::Ordinal(3)),
        (Language::Ar, "يحذف الفقرة ٣ من منطوق مشروع القرار", false, Which::Number(3)),
        (Language::Ar, "تحذف الفقرة الحادية عشرة من الديباجة", true, Which::Ordinal(11)),
        (Language::Ar, "في الفقرة الأخيرة من المنطوق، تحذف عبارة «أ»", false, Which::Last),
    ];
    for (lang, text, preambular, which) in cases {
        let (found, problems) = parse(text, lang);
        assert!(problems.is_empty(), "{text}: {problems:?}");
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!((found[0].target.preambular, &found[0].target.which), (preambular, &which), "{text}");
    }
    let (found, _) = parse("В пункте 2 постановляющей части исключить слова «в 2027 году»", Language::Ru);
    assert_eq!(found[0].action, Action::DeleteWords { words: "в 2027 году".into() });
    let (found, _) = parse("في الفقرة 1 من المنطوق، يستعاض عن «2027» بـ«2028»", Language::Ar);
    assert_eq!(found[0].action, Action::ReplaceWords { from: "2027".into(), to: "2028".into() });
}

#[test]
fn alternative_paragraphs_are_accepted_with_the_first_number() {
    let text = "The General Assembly,\n\nRecalling its resolution 70/1, [Agreed ad ref]\n\n1. Decides to meet in 2027; [Agreed ad ref]\n\n2. Encourages States to act;\n\n3. [Alt] Encourages States to consider acting;\n\n4. Decides to remain seized of the matter.\n";
    let a = Analysis::new(text.to_string(), None, &DiagnosticsConfig::all_enabled());
    let at = text.find("consider").unwrap();
    let fixes = rapporteur::negotiation::fixes(&a, rapporteur::text::TextRange::empty(at));
    let accept = fixes.iter().find(|f| f.title.starts_with("Accept alternative 2")).expect("accept");
    let out = rapporteur::ide::edit::apply(text, &accept.edits).unwrap();
    assert!(out.contains("\n\n2. Encourages States to consider acting;\n\n4. Decides"), "{out}");
    assert!(!out.contains("[Alt]"));
}

/// Soups of negotiation markup: nothing panics, every token and action lies
/// on character boundaries and applies, and a text compared with itself is
/// unchanged throughout.
#[test]
fn soups_of_negotiation_markup() {
    const PIECES: &[&str] = &[
        "[",
        "]",
        "［",
        "］",
        "[Alt]",
        "[Alt 1: ",
        "Alt 2:",
        "Option 1:",
        "(EU)",
        "EU:",
        "US delete",
        "– Mexico; Switzerland retain",
        "/",
        "agreed ad ref",
        "[Agreed ad ref]",
        "(agreed)",
        "[silence broken]",
        "\n",
        "\n\n",
        "1. ",
        "2. ",
        "(a) ",
        "Decides",
        "to act",
        ";",
        ",",
        "。",
        "欧盟删除",
        "[已商定]",
        "（欧盟）",
        "备选案文1：",
        "[1]",
        "[^2]",
        "[x](#)",
        "The General Assembly,",
        " ",
        "é",
        "😀",
    ];
    let mut rng = common::Rng::new(14);
    for round in 0..300 {
        let n = rng.range(1, 60);
        let text: String = (0..n).map(|_| *rng.pick(PIECES)).collect();
        let a = Analysis::new(text.clone(), None, &DiagnosticsConfig::all_enabled());
        for t in a.semantic_tokens(None) {
            assert!(
                text.is_char_boundary(t.range.start) && text.is_char_boundary(t.range.end) && t.range.end <= text.len(),
                "{round}: {text:?}"
            );
        }
        let _ = a.outline();
        let _ = a.folding_ranges();
        let _ = a.hover(0);
        for _ in 0..4 {
            let mut at = rng.below(text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            for f in rapporteur::negotiation::fixes(&a, rapporteur::text::TextRange::empty(at)) {
                rapporteur::ide::edit::apply(&text, &f.edits).unwrap_or_else(|e| panic!("{round}: {e} in {text:?}: {f:?}"));
            }
        }
        let m = a.negotiation();
        let rev = rapporteur::negotiation::diff::Revision { text: &a.text, doc: &a.document, markup: &m };
        let d = rapporteur::negotiation::diff::diff(&rev, &rev);
        assert!(d.entries.iter().all(|e| e.kind == rapporteur::negotiation::diff::Kind::Unchanged), "{round}: {text:?} {:?}", d.entries);
    }
}
