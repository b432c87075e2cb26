//! The six official languages, on fixture documents in `tests/fixtures/lang/<code>/`
//! (one report with an annexed outcome document per language, written to the
//! same plan so that the same line holds the same thing in every version) and
//! on the real SDG texts of `tests/fixtures/corpus/`:
//!
//! - every fixture's structure, diagnostics, references and recorded votes are
//!   pinned in `tests/snapshots/lang_<code>.txt` (`UPDATE_SNAPSHOTS=1` rewrites
//!   them; review the diff by eye);
//! - the same defects are found in every language, and each reference form
//!   resolves to its expected target;
//! - the addresses (eIds) are the same in every language version;
//! - ranges are exact in Arabic text with tatweel and diacritics and in mixed
//!   Arabic/Latin lines, in UTF-8 and UTF-16 positions;
//! - the goal and target numbers of the SDG lists are SDG references in every
//!   language, and a target that does not exist gets a warning.

use std::fmt::Write as _;

use rapporteur::diagnostics::{Code, DiagnosticsConfig};
use rapporteur::ide::Analysis;
use rapporteur::lang::{detect, Language};
use rapporteur::model::{ExternalKind, RefKind, Status};
use rapporteur::syntax::NodeKind;
use rapporteur::text::{LineCol, PositionEncoding, TextRange};

fn root() -> String {
    env!("CARGO_MANIFEST_DIR").to_string()
}

/// The fixture files of a language, sorted.
fn fixtures(lang: Language) -> Vec<(String, String)> {
    let dir = format!("{}/tests/fixtures/lang/{}", root(), lang.code());
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixture in {dir}");
    files
}

/// The report every language has, written to the same plan.
fn report(lang: Language) -> Analysis {
    let (_, text) = fixtures(lang).into_iter().next().unwrap();
    Analysis::new(text, None, &DiagnosticsConfig::all_enabled())
}

fn line(a: &Analysis, offset: usize) -> usize {
    a.line_index.line_of(offset) + 1
}

fn text(a: &Analysis, r: TextRange) -> &str {
    &a.text[r.start..r.end]
}

/// What a reference points at: an eId, or the external text it names.
fn target(a: &Analysis, r: &rapporteur::model::Reference) -> String {
    match (r.node(), &r.external) {
        (Some(n), _) => a.document.eid(n).to_string(),
        (None, Some(e)) => e.describe(),
        _ => r.note().map(str::to_string).unwrap_or_else(|| "-".to_string()),
    }
}

fn snapshot(name: &str, a: &Analysis) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {name} (language: {})", a.language().code());
    out.push_str("\n## structure\n");
    for (id, n) in a.document.nodes.iter().enumerate() {
        if matches!(n.kind, NodeKind::ListItem | NodeKind::List) {
            continue;
        }
        let number = n.number().map(|num| format!(" `{}`", text(a, num.span))).unwrap_or_default();
        let _ = writeln!(out, "L{} {} {}{}", line(a, n.opening().start), n.kind.name(), a.document.eid(id), number);
    }
    out.push_str("\n## diagnostics\n");
    for d in &a.diagnostics {
        let _ = writeln!(out, "L{} {} {}: {}", line(a, d.range.start), d.severity.name(), d.code.as_str(), d.message);
    }
    out.push_str("\n## references\n");
    for r in &a.references {
        let _ = writeln!(
            out,
            "L{} `{}` {} {} -> {}",
            line(a, r.range().start),
            text(a, r.range()),
            r.kind.name(),
            r.status.name(),
            target(a, r)
        );
    }
    out.push_str("\n## votes\n");
    for v in &a.document.votes {
        let figures: Vec<String> = v.figures.iter().map(|(side, f)| format!("{} {}", side.name(), f.value)).collect();
        let lists: Vec<String> = v
            .lists
            .iter()
            .map(|l| {
                let names: Vec<&str> = l.items.iter().map(|i| text(a, i.name)).collect();
                format!("{}: {}", l.side.name(), if l.none { "none".to_string() } else { names.join(" | ") })
            })
            .collect();
        let _ = writeln!(
            out,
            "L{} figures [{}]; {}",
            line(a, a.document.nodes[v.paragraph].opening().start),
            figures.join(", "),
            lists.join("; ")
        );
    }
    out
}

#[test]
fn snapshots_of_every_fixture() {
    let mut failures = Vec::new();
    for lang in Language::ALL {
        let mut out = String::new();
        for (name, text) in fixtures(lang) {
            let a = Analysis::new(text, None, &DiagnosticsConfig::all_enabled());
            out.push_str(&snapshot(&name, &a));
            out.push('\n');
        }
        let path = format!("{}/tests/snapshots/lang_{}.txt", root(), lang.code());
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            std::fs::write(&path, &out).unwrap();
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if want != out {
            failures.push(format!("{path} differs (UPDATE_SNAPSHOTS=1 rewrites it):\n{out}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_fixture_is_detected_as_its_language() {
    for lang in Language::ALL {
        for (name, text) in fixtures(lang) {
            assert_eq!(detect(&text), lang, "{name}");
        }
    }
}

/// The defects written into every version of the report, at the same lines:
/// a misspelt State in the list of participants, a recorded vote whose list in
/// favour repeats a name and so does not match its figure, a missing
/// paragraph 5, and an SDG target that does not exist.
#[test]
fn the_same_defects_are_found_in_every_language() {
    let want = [
        (19, Code::ListUnknownState),
        (23, Code::VoteCount),
        (26, Code::VoteDuplicate),
        (34, Code::NumberingGap),
        (66, Code::SdgUnknownTarget),
    ];
    for lang in Language::ALL {
        let a = report(lang);
        let got: Vec<(usize, Code)> = a.diagnostics.iter().map(|d| (line(&a, d.range.start), d.code)).collect();
        assert_eq!(got, want, "{lang}: {:#?}", a.diagnostics);
        // The unknown name comes with the State it misspells.
        let unknown = &a.diagnostics[0];
        assert!(unknown.message.contains("did you mean"), "{lang}: {}", unknown.message);
        // The figure is underlined, the duplicate is the second occurrence.
        let count = &a.diagnostics[1];
        assert_eq!(text(&a, count.range), "6", "{lang}");
        let dup = &a.diagnostics[2];
        assert!(dup.related[0].range.start < dup.range.start, "{lang}");
    }
}

/// Every language's recorded votes: the General Assembly vote with its
/// three lists, and the Security Council vote stated in one sentence.
#[test]
fn recorded_votes_in_every_language() {
    for lang in Language::ALL {
        let a = report(lang);
        let votes: Vec<(Vec<u32>, Vec<usize>)> = a
            .document
            .votes
            .iter()
            .map(|v| (v.figures.iter().map(|(_, f)| f.value).collect(), v.lists.iter().map(|l| l.items.len()).collect()))
            .collect();
        assert_eq!(votes, [(vec![6, 2, 1], vec![6, 2, 1]), (vec![12, 1, 2], vec![1, 2])], "{lang}");
        let sc = &a.document.votes[1];
        assert!(sc.lists.iter().flat_map(|l| &l.items).all(|i| i.state.is_some()), "{lang}: the Security Council lists are States");
    }
}

type Expected = (usize, &'static str, Status, &'static str);

/// (line, reference as written, status, eId or a fragment of the external description).
fn expected_references(lang: Language) -> Vec<Expected> {
    use Status::*;
    match lang {
        Language::Fr => vec![
            (11, "résolution 72/57 de l'Assemblée générale", External, "General Assembly resolution 72/57"),
            (11, "résolution 2370 (2017) du Conseil de sécurité", External, "Security Council resolution 2370 (2017)"),
            (13, "annexe I", Resolved, "annex_I"),
            (34, "paragraphe 2 ci-dessus", Resolved, "para_2"),
            (34, "paragraphe 3 de la section II", Resolved, "para_3"),
            (34, "alinéa b) ii) du paragraphe 1 de l'annexe II", Resolved, "annex_II__part_1__para_1__subpara_b__subpara_ii"),
            (34, "paragraphe 8 a) ii)", External, "of Security Council resolution 986 (1995)"),
            (34, "paragraphe 5 d)", External, "of General Assembly resolution 58/316"),
            (34, "résolutions 3363 (XXX)", External, "General Assembly resolution 3363 (XXX)"),
            (34, "377 A (V)", External, "General Assembly resolution 377 A (V)"),
            (54, "paragraphes 1", External, "of General Assembly resolution 61/53"),
            (54, "16", External, "of General Assembly resolution 61/53"),
            (66, "cible 16.4", External, "SDG target 16.4"),
            (68, "paragraphe 1 b) ii) ci-dessus", Resolved, "annex_II__part_1__para_1__subpara_b__subpara_ii"),
            (68, "section I", Resolved, "annex_II__part_2__sec_I"),
            (82, "article premier de l'annexe III", Resolved, "annex_III__art_1"),
            (94, "article 1", Resolved, "annex_III__art_1"),
        ],
        Language::Es => vec![
            (11, "resolución 64/254 de la Asamblea General", External, "General Assembly resolution 64/254"),
            (13, "anexo I", Resolved, "annex_I"),
            (23, "anexo II", Resolved, "annex_II"),
            (34, "párrafo 2 supra", Resolved, "para_2"),
            (34, "párrafo 3 de la sección II", Resolved, "para_3"),
            (34, "apartado b) ii) del párrafo 1 del anexo II", Resolved, "annex_II__part_1__para_1__subpara_b__subpara_ii"),
            (34, "párrafo 8 a) ii)", External, "of Security Council resolution 986 (1995)"),
            (34, "párrafo 5 d)", External, "of General Assembly resolution 58/316"),
            (34, "resoluciones de la Asamblea General 3363 (XXX)", External, "General Assembly resolution 3363 (XXX)"),
            (54, "párrafos 1", External, "of General Assembly resolution 61/53"),
            (66, "meta 16.4", External, "SDG target 16.4"),
            (68, "párrafo 1 b) ii) supra", Resolved, "annex_II__part_1__para_1__subpara_b__subpara_ii"),
            (82, "artículo 1 del anexo III", Resolved, "annex_III__art_1"),
        ],
        Language::Ru => vec![
            (11, "резолюцией 72/57 Генеральной Ассамблеи", External, "General Assembly resolution 72/57"),
            (13, "приложении I", Resolved, "annex_I"),
            (34, "пункт 2 выше", Resolved, "para_2"),
            (34, "пункт 3 раздела II", Resolved, "para_3"),
            (34, "подпункт (b)(ii) пункта 1 приложения II", Resolved, "annex_II__part_1__para_1__subpara_b__subpara_ii"),
            (34, "пункт 8 (a) (ii)", External, "of Security Council resolution 986 (1995)"),
            (34, "пункт 5(d)", External, "of General Assembly resolution 58/316"),
            (34, "резолюции Генеральной Ассамблеи 3363 (XXX)", External, "General Assembly resolution 3363 (XXX)"),
            (34, "377 А (V)", External, "General Assembly resolution 377 A (V)"),
            (54, "пункты 1", External, "of General Assembly resolution 61/53"),
            (66, "задачу 16.4", External, "SDG target 16.4"),
            (68, "пункта 1(b)(ii) выше", Resolved, "annex_II__part_1__para_1__subpara_b__subpara_ii"),
            (68, "раздела I", Resolved, "annex_II__part_2__sec_I"),
            (82, "статьей 1 приложения III", Resolved, "annex_III__art_1"),
        ],
        Language::Ar => vec![
            (11, "قرار الجمعية العامة 72/57", External, "General Assembly resolution 72/57"),
            (11, "قرار مجلس الأمن 2370 (2017)", External, "Security Council resolution 2370 (2017)"),
            (13, "المرفـق الأول", Resolved, "annex_I"),
            (34, "الفقـرة 2 أعلاه", Resolved, "para_2"),
            (34, "الفِقْرَة 3 من الفرع الثاني", Resolved, "para_3"),
            (34, "الفقرة الفرعية (ب) من الفقرة 1 من المرفق الثاني", Resolved, "annex_II__part_1__para_1__subpara_b"),
            (34, "الفقرة 8 (أ)", External, "of Security Council resolution 986 (1995)"),
            (34, "الفقرة 5 (د)", External, "of General Assembly resolution 58/316"),
            (34, "قراري الجمعية العامة 3363 (د-30)", External, "General Assembly resolution 3363 (XXX)"),
            (34, "377 ألف (د-5)", External, "General Assembly resolution 377 A (V)"),
            (54, "الفقرتين 1", External, "of General Assembly resolution 61/53"),
            (54, "16", External, "of General Assembly resolution 61/53"),
            (66, "الغاية 16-4", External, "SDG target 16.4"),
            (66, "الهدف 16", External, "Sustainable Development Goal 16"),
            (68, "الفقرة 1 (ب) أعلاه", Resolved, "annex_II__part_1__para_1__subpara_b"),
            (68, "الفرع أولا", Resolved, "annex_II__part_2__sec_I"),
            (82, "للمادة 1 من المرفق الثالث", Resolved, "annex_III__art_1"),
        ],
        Language::En => vec![
            (13, "annex I", Resolved, "annex_I"),
            (34, "paragraph 3 of section II", Resolved, "para_3"),
            (34, "subparagraph (b) (ii) of paragraph 1 of annex II", Resolved, "annex_II__part_1__para_1__subpara_b__subpara_ii"),
            (34, "paragraph 8 (a) (ii)", External, "of Security Council resolution 986 (1995)"),
            (34, "paragraph 5 (d)", External, "of General Assembly resolution 58/316"),
            (54, "paragraphs 1", External, "of General Assembly resolution 61/53"),
            (66, "target 16.4", External, "SDG target 16.4"),
        ],
        Language::Zh => vec![
            (13, "附件一", Resolved, "annex_I"),
            (34, "第二节第3段", Resolved, "para_3"),
            (34, "附件二第1(b)(ii)段", Resolved, "annex_II__part_I__para_1__subpara_b__subpara_ii"),
            (34, "第8(a)(ii)段", External, "of Security Council resolution 986 (1995)"),
            (34, "大会第3363(XXX)", External, "General Assembly resolution 3363 (XXX)"),
            (66, "具体目标16.4", External, "SDG target 16.4"),
        ],
    }
}

#[test]
fn reference_forms_resolve_to_their_targets() {
    for lang in Language::ALL {
        let a = report(lang);
        for (want_line, want_text, want_status, want_target) in expected_references(lang) {
            let found = a.references.iter().find(|r| line(&a, r.range().start) == want_line && text(&a, r.range()) == want_text);
            let Some(r) = found else {
                let here: Vec<&str> =
                    a.references.iter().filter(|r| line(&a, r.range().start) == want_line).map(|r| text(&a, r.range())).collect();
                panic!("{lang} line {want_line}: no reference `{want_text}`; found {here:?}");
            };
            assert_eq!(r.status, want_status, "{lang} line {want_line} `{want_text}`: {:?}", r.note());
            let got = target(&a, r);
            match want_status {
                Status::Resolved => assert_eq!(got, want_target, "{lang} line {want_line} `{want_text}`"),
                _ => assert!(got.contains(want_target), "{lang} line {want_line} `{want_text}`: `{got}` lacks `{want_target}`"),
            }
        }
        // Nothing in the fixtures is broken or ambiguous: every reference has its target.
        for r in &a.references {
            assert!(
                !matches!(r.status, Status::Broken | Status::Ambiguous),
                "{lang} line {}: `{}` {:?}",
                line(&a, r.range().start),
                text(&a, r.range()),
                r.note()
            );
        }
    }
}

/// `пункт 118 повестки дня` is an agenda item.
#[test]
fn a_russian_agenda_item_is_no_paragraph_reference() {
    let a = report(Language::Ru);
    assert!(a.text.contains("пункт 118 повестки дня"));
    assert!(a.references.iter().all(|r| !text(&a, r.range()).contains("118")));
}

/// The language versions number the same things the same way, so their
/// addresses are the same (Chinese writes parts and articles with Chinese
/// numerals, which address as Roman numerals: it is compared apart).
#[test]
fn addresses_are_the_same_in_every_language() {
    let eids = |lang: Language| -> Vec<String> {
        let a = report(lang);
        a.document
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| !matches!(n.kind, NodeKind::Crossheading | NodeKind::TitleBlock | NodeKind::List | NodeKind::ListItem))
            .map(|(id, _)| a.document.eid(id).to_string())
            .collect()
    };
    let english = eids(Language::En);
    assert!(english.contains(&"annex_II__part_1__para_1__subpara_b__subpara_ii".to_string()));
    for lang in [Language::Fr, Language::Es, Language::Ru, Language::Ar] {
        assert_eq!(eids(lang), english, "{lang}");
    }
    let chinese: Vec<String> = eids(Language::Zh)
        .into_iter()
        .map(|e| e.replace("part_II", "part_2").replace("part_I", "part_1").replace("art_II", "art_2").replace("art_I", "art_1"))
        .collect();
    assert_eq!(chinese, english);
}

// --- Exact ranges in Arabic text -------------------------------------------

/// Arabic with full diacritics, tatweel, Arabic-Indic digits and Latin symbols
/// on the same lines.
const VOCALISED: &str = "أَوَّلاً - مُقَدِّمَة\n\n١ - تُقَرِّرُ أَنْ تَعْقِدَ المُؤْتَمَرَ (A/CONF.300/2024/1، الفقرة 9)؛\n\n٢ - تُشِيرُ إِلَى الْفِقْرَةِ ١ أَعْلَاهُ وَإِلَى الْقَـرَارِ 61/53 والغـايـة 16-4 والغاية 16.4؛\n\n٣ - تُشِيرُ إِلَى الفقـرتين ١ و ٢ من الفـرع الأوّل والفقرة 7 من A/CONF.192/2018/RC/3؛\n";

fn check_ranges(a: &Analysis) -> usize {
    let mut ranges: Vec<TextRange> = Vec::new();
    for r in &a.references {
        ranges.push(r.range());
        ranges.extend(r.numbers().map(|n| n.span));
    }
    for d in &a.diagnostics {
        ranges.push(d.range);
        ranges.extend(d.related.iter().map(|r| r.range));
    }
    for n in &a.document.nodes {
        ranges.push(n.opening());
        ranges.extend(n.number().map(|num| num.span));
        ranges.extend(n.title());
    }
    for r in &ranges {
        let t = &a.text;
        assert!(r.start <= r.end && r.end <= t.len(), "{r:?}");
        assert!(t.is_char_boundary(r.start) && t.is_char_boundary(r.end), "{r:?} cuts a character");
        // The masked text the patterns ran on has the same bytes under the range.
        assert_eq!(a.document.masked[r.start..r.end].len(), t[r.start..r.end].len());
        for enc in [PositionEncoding::Utf8, PositionEncoding::Utf16] {
            let start = a.line_index.line_col(t, r.start, enc);
            let end = a.line_index.line_col(t, r.end, enc);
            assert_eq!(a.line_index.offset(t, start, enc), (r.start, false), "{enc:?} start of {r:?}");
            assert_eq!(a.line_index.offset(t, end, enc), (r.end, false), "{enc:?} end of {r:?}");
            // The text between the two positions, counted in the encoding's
            // own units on the line, is the text under the byte range.
            if start.line == end.line {
                let line_range = a.line_index.line_range(t, start.line as usize);
                let line_text = &t[line_range.start..line_range.end];
                let under = match enc {
                    PositionEncoding::Utf8 => line_text.as_bytes()[start.col as usize..end.col as usize].to_vec(),
                    PositionEncoding::Utf16 => {
                        let units: Vec<u16> = line_text.encode_utf16().collect();
                        String::from_utf16(&units[start.col as usize..end.col as usize]).unwrap().into_bytes()
                    }
                };
                assert_eq!(under, t[r.start..r.end].as_bytes(), "{enc:?} {r:?}");
            }
        }
    }
    ranges.len()
}

#[test]
fn ranges_are_exact_in_arabic_text_in_utf8_and_utf16() {
    let a = report(Language::Ar);
    assert!(check_ranges(&a) > 100);
    let v = Analysis::new(VOCALISED, Some(Language::Ar), &DiagnosticsConfig::all_enabled());
    check_ranges(&v);
    let texts: Vec<&str> = v.references.iter().map(|r| text(&v, r.range())).collect();
    assert_eq!(
        texts,
        [
            "A/CONF.300/2024/1",
            "الفقرة 9",
            "الْفِقْرَةِ ١ أَعْلَاهُ",
            "الْقَـرَارِ 61/53",
            "الغـايـة 16-4",
            "الغاية 16.4",
            "الفقـرتين ١",
            "٢ من الفـرع الأوّل",
            "الفقرة 7",
            "A/CONF.192/2018/RC/3",
        ]
    );
    // The structure reads through the diacritics: section I, paragraphs 1–3.
    let sec_id = v.document.nodes.iter().position(|n| n.kind == NodeKind::Section).expect("section");
    let sec = &v.document.nodes[sec_id];
    assert_eq!(v.document.eid(sec_id), "sec_I");
    assert_eq!(text(&v, sec.number().unwrap().span), "أَوَّلاً");
    let paras: Vec<u32> =
        v.document.nodes.iter().filter(|n| n.kind == NodeKind::Paragraph).filter_map(|n| n.number().map(|x| x.value)).collect();
    assert_eq!(paras, [1, 2, 3]);
    // "paragraph 9 of A/CONF.300/2024/1" is the document's; the others resolve.
    let status = |t: &str| v.references.iter().find(|r| text(&v, r.range()) == t).map(|r| (r.status, target(&v, r))).unwrap();
    assert_eq!(status("الفقرة 9").0, Status::External);
    assert_eq!(status("الْفِقْرَةِ ١ أَعْلَاهُ"), (Status::Resolved, "para_1".to_string()));
    assert_eq!(status("٢ من الفـرع الأوّل"), (Status::Resolved, "para_2".to_string()));
    assert!(status("الفقرة 7").1.contains("of document A/CONF.192/2018/RC/3"));
    // A position in the middle of a line after Arabic text: UTF-16 counts
    // each Arabic letter and mark as one unit, UTF-8 as two bytes.
    let symbol = v.references.iter().find(|r| text(&v, r.range()).starts_with("A/CONF.300")).unwrap();
    let utf16 = v.line_index.line_col(&v.text, symbol.range().start, PositionEncoding::Utf16);
    let utf8 = v.line_index.line_col(&v.text, symbol.range().start, PositionEncoding::Utf8);
    let before = &v.text[v.line_index.line_start(2)..symbol.range().start];
    assert_eq!(utf16, LineCol { line: 2, col: before.encode_utf16().count() as u32 });
    assert_eq!(utf8, LineCol { line: 2, col: before.len() as u32 });
    assert!(utf8.col > utf16.col);
}

// --- SDG goals and targets -------------------------------------------------

fn sdg_file(lang: Language) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/corpus/{}_A-RES-70-1_SDG-goals-and-targets_assembled.txt", root(), lang.code()))
        .unwrap()
}

#[test]
fn sdg_goals_and_targets_are_references_in_every_language() {
    for lang in Language::ALL {
        let a = Analysis::new(sdg_file(lang), None, &DiagnosticsConfig::all_enabled());
        assert_eq!(a.language(), lang);
        let count = |kind: ExternalKind| a.references.iter().filter(|r| r.kind == RefKind::External(kind)).count();
        assert_eq!((count(ExternalKind::SdgGoal), count(ExternalKind::SdgTarget)), (17, 169), "{lang}");
        let target = a.references.iter().find(|r| text(&a, r.range()) == "16.4").expect("16.4");
        assert_eq!(target.external.as_ref().unwrap().describe(), "SDG target 16.4");
        assert_eq!(
            text(&a, a.references.iter().find(|r| r.external.as_ref().is_some_and(|e| &*e.id == "17.19")).unwrap().range()),
            "17.19"
        );
        // The official texts have no defect.
        assert!(a.diagnostics.is_empty(), "{lang}: {:#?}", a.diagnostics);
        // A target that does not exist, inserted after 16.b: a warning on it.
        let text16 = sdg_file(lang);
        let at = text16.find("\n17. ").expect("goal 17");
        let broken = format!("{}\n16.11 —{}", &text16[..at], &text16[at..]);
        let b = Analysis::new(broken, Some(lang), &DiagnosticsConfig::all_enabled());
        let warnings: Vec<String> = b.diagnostics.iter().map(|d| format!("{} {}", d.code.as_str(), text(&b, d.range))).collect();
        assert_eq!(warnings, ["sdg.unknown-target 16.11"], "{lang}");
    }
}

/// The forms the README lists for each language, outside the fixtures.
#[test]
fn forms_listed_in_the_readme() {
    let cases: [(Language, &str, &str, &str); 4] = [
        (
            Language::Fr,
            "Chapitre premier Dispositions\n\n1. Texte.\n\n2. Texte.\n\n3. Décide :\n\na) Texte;\n\nb) Texte.\n\n4. Rappelle les paragraphes 1 à 3 et l'alinéa b) du paragraphe 3.\n\n5. Le projet a été adopté par 63 voix contre 2, avec 28 abstentions.\n",
            "alinéa b) du paragraphe 3",
            "para_3__subpara_b",
        ),
        (
            Language::Es,
            "Capítulo III Disposiciones\n\n1. Texto.\n\n2. Recuerda los párrafos 1 y 3 y el párrafo 1 de la sección III.\n\n3. Aprobado por 63 votos contra 2 y 28 abstenciones.\n",
            "párrafo 1 de la sección III",
            "para_1",
        ),
        (
            Language::Ru,
            "Часть первая\n\nГлава I Общие положения\n\n1. текст.\n\n2. ссылается на пункты 1‑3.\n\n3. принята 63 голосами против 2 при 28 воздержавшихся.\n",
            "пункты 1",
            "part_1__para_1",
        ),
        (
            Language::Ar,
            "الفصل الأول - أحكام\n\n1 - نص.\n\n2 - يشير إلى الفقرة 1 أعلاه والفقرة 3 أدناه.\n\n3 - اعتمد بأغلبية 63 صوتا مقابل 2 وامتناع 28 عن التصويت.\n",
            "الفقرة 3 أدناه",
            "para_3",
        ),
    ];
    for (lang, doc, reference, eid) in cases {
        let a = Analysis::new(doc, None, &DiagnosticsConfig::all_enabled());
        assert_eq!(a.language(), lang);
        let first = a.document.nodes.iter().position(|n| matches!(n.kind, NodeKind::Part | NodeKind::Section)).expect("heading");
        let first = a.document.eid(first);
        assert!(first == "sec_I" || first == "sec_III" || first == "part_1", "{lang}: {first}");
        let r = a.references.iter().find(|r| text(&a, r.range()) == reference).unwrap_or_else(|| panic!("{lang}: no `{reference}`"));
        assert_eq!(r.node().map(|n| a.document.eid(n)), Some(eid), "{lang}");
        let figures: Vec<u32> = a.document.votes.iter().flat_map(|v| v.figures.iter().map(|(_, f)| f.value)).collect();
        assert_eq!(figures, [63, 2, 28], "{lang}");
    }
}

/// Russian preambular paragraphs begin in lower case: after a blank line a
/// lower-case line starts a paragraph; without one it continues the line above.
#[test]
fn russian_lower_case_preambular_paragraphs() {
    let doc = "Генеральная Ассамблея,\n\nссылаясь на свою резолюцию 72/57,\n\nподтверждая свою приверженность\nосуществлению Программы действий,\n\n1. постановляет созвать конференцию;\n\n2. просит Генерального секретаря представить доклад.\n";
    let a = Analysis::new(doc, None, &DiagnosticsConfig::all_enabled());
    assert_eq!(a.language(), Language::Ru);
    let eids: Vec<(&str, usize)> =
        a.document.nodes.iter().enumerate().map(|(id, n)| (a.document.eid(id), line(&a, n.range().end))).collect();
    assert_eq!(eids, [("preamble", 6), ("preamble__rec_1", 3), ("preamble__rec_2", 6), ("para_1", 8), ("para_2", 10)]);
}
