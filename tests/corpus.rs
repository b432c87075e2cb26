//! The real documents in `tests/fixtures/corpus/` (copied from the shared
//! corpus; see its SOURCES.md): language detection, and for the English
//! documents the complete list of diagnostics (each one a real defect of the
//! document — there are none: the texts are the official ones) and that every
//! internal reference resolves, with spot checks of the targets.

use rapporteur::diagnostics::DiagnosticsConfig;
use rapporteur::ide::Analysis;
use rapporteur::lang::{detect, Language};
use rapporteur::model::{RefKind, Status};
use rapporteur::syntax::NodeKind;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/corpus/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

const ENGLISH: [&str; 6] = [
    "en_A-80-590.txt",
    "en_A-RES-217-III-A_UDHR.txt",
    "en_A-RES-70-1_SDG-goals-and-targets_assembled.txt",
    "en_A-RES-73-3.txt",
    "en_S-RES-687-1991.txt",
    "en_UNDL-453500_A-C.3-56-draft-right-to-development.txt",
];

#[test]
fn language_detection_pins_every_corpus_file() {
    let dir = format!("{}/tests/fixtures/corpus", env!("CARGO_MANIFEST_DIR"));
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        if !name.ends_with(".txt") {
            continue;
        }
        let want: Language = name[..2].parse().unwrap();
        assert_eq!(detect(&std::fs::read_to_string(&path).unwrap()), want, "{name}");
        seen += 1;
    }
    assert_eq!(seen, 11);
    assert_eq!(detect(include_str!("fixtures/seed/000_e12bae3abcaa388b.txt")), Language::Zh);
}

#[test]
fn english_documents_have_no_false_diagnostics() {
    // These are official UN texts; none of the checks finds a defect in them.
    // A diagnostic appearing here is a false positive to fix in the checker.
    for name in ENGLISH {
        let a = Analysis::new(fixture(name), None, &DiagnosticsConfig::all_enabled());
        let found: Vec<String> = a
            .diagnostics
            .iter()
            .map(|d| format!("{}:{} {} {}", name, a.line_index.line_of(d.range.start) + 1, d.code.as_str(), d.message))
            .collect();
        assert!(found.is_empty(), "{found:#?}");
    }
}

#[test]
fn every_internal_reference_in_the_english_documents_resolves() {
    let mut internal = 0;
    for name in ENGLISH {
        let a = Analysis::new(fixture(name), None, &DiagnosticsConfig::all_enabled());
        for r in &a.references {
            if r.is_internal() {
                internal += 1;
                assert_eq!(
                    r.status,
                    Status::Resolved,
                    "{name}:{} `{}` {:?}",
                    a.line_index.line_of(r.range().start) + 1,
                    &a.text[r.range().start..r.range().end],
                    r.note()
                );
            }
        }
    }
    // A/80/590's follow-up table quotes the Advisory Committee's report
    // (A/79/817): its `(para. N)` are that report's, not internal (issue 9, A.4).
    assert!(internal >= 50, "only {internal} internal references found");
}

fn target_of(a: &Analysis, line: usize, text: &str) -> String {
    let r = a
        .references
        .iter()
        .find(|r| a.line_index.line_of(r.range().start) + 1 == line && a.text[r.range().start..r.range().end].contains(text))
        .unwrap_or_else(|| panic!("no reference `{text}` on line {line}"));
    match (r.node(), &r.external) {
        (Some(n), _) => a.document.eid(n).to_string(),
        (None, Some(e)) => e.describe(),
        _ => format!("{:?}", r.status),
    }
}

#[test]
fn security_council_resolution_687_spot_checks() {
    let a = Analysis::new(fixture("en_S-RES-687-1991.txt"), None, &DiagnosticsConfig::all_enabled());
    // Paragraphs 1–34 run through sections A–I.
    let paragraphs = a.document.nodes.iter().filter(|n| n.kind == NodeKind::Paragraph).count();
    assert_eq!(paragraphs, 34);
    let subsections: Vec<&str> =
        (0..a.document.nodes.len()).filter(|&n| a.document.nodes[n].kind == NodeKind::Subsection).map(|n| a.document.eid(n)).collect();
    assert_eq!(subsections, ["subsec_A", "subsec_B", "subsec_C", "subsec_D", "subsec_E", "subsec_F", "subsec_G", "subsec_H", "subsec_I"]);
    assert_eq!(target_of(&a, 234, "paragraph 8 (a)"), "para_8__subpara_a");
    assert_eq!(target_of(&a, 236, "paragraph (i)"), "para_9__subpara_b__subpara_i");
    assert_eq!(target_of(&a, 21, "paragraph 2"), "paragraph 2 of Security Council resolution 678 (1990)");
    assert_eq!(target_of(&a, 45, "Article 102"), "Article 102 of Charter of the United Nations");
    // The vote: 12 to 1 (Cuba), 2 abstentions (Ecuador, Yemen).
    let vote = a.document.votes.last().expect("the vote");
    let figures: Vec<u32> = vote.figures.iter().map(|(_, f)| f.value).collect();
    assert_eq!(figures, [12, 1, 2]);
    let names: Vec<usize> = vote.lists.iter().map(|l| l.items.len()).collect();
    assert_eq!(names, [1, 2]);
}

#[test]
fn budget_report_a_80_590_spot_checks() {
    let a = Analysis::new(fixture("en_A-80-590.txt"), None, &DiagnosticsConfig::all_enabled());
    assert_eq!(target_of(&a, 110, "section VI"), "sec_VI");
    assert_eq!(target_of(&a, 566, "subparagraphs (a)"), "para_79__subpara_a");
    assert_eq!(target_of(&a, 566, "(b) above"), "para_79__subpara_b");
    assert_eq!(target_of(&a, 607, "paragraph 64"), "paragraph 64 of General Assembly resolution 79/257");
    // Table rows ("I. Military and police personnel\t…") are not sections.
    let sections: Vec<&str> =
        (0..a.document.nodes.len()).filter(|&n| a.document.nodes[n].kind == NodeKind::Section).map(|n| a.document.eid(n)).collect();
    assert_eq!(sections, ["sec_I", "sec_II", "sec_III", "sec_IV", "sec_V", "sec_VI", "sec_VII"]);
}

#[test]
fn udhr_articles_and_draft_resolution_structure() {
    let a = Analysis::new(fixture("en_A-RES-217-III-A_UDHR.txt"), None, &DiagnosticsConfig::all_enabled());
    assert_eq!(a.document.nodes.iter().filter(|n| n.kind == NodeKind::Article).count(), 30);
    assert!(a.references.iter().all(|r| r.kind != RefKind::Article), "article headings are not references");
    let d = Analysis::new(fixture("en_UNDL-453500_A-C.3-56-draft-right-to-development.txt"), None, &DiagnosticsConfig::all_enabled());
    let pp = d.document.nodes.iter().filter(|n| n.kind == NodeKind::PreambularParagraph).count();
    let op = d.document.nodes.iter().filter(|n| n.kind == NodeKind::Paragraph).count();
    assert_eq!((pp, op), (14, 25), "preambular and operative paragraphs");
}
