//! Renumbering on the seed (acceptance 1 of issue 10): a paragraph is
//! inserted before paragraph 18 of section II of the annex with the number
//! 18; renumbering that section numbers it 1–81 consecutively, the
//! references on lines 124 and 126 read `第二节第 19 段` and still cite the
//! paragraph they cited before the insertion, the other diagnostics are the
//! seed's, and no byte other than the numbers changes.

use rapporteur::diagnostics::DiagnosticsConfig;
use rapporteur::ide::edit::apply;
use rapporteur::ide::fixes::fixes;
use rapporteur::ide::renumber::{renumber, RenumberScope};
use rapporteur::ide::Analysis;
use rapporteur::model::Status;
use rapporteur::syntax::NodeKind;
use rapporteur::text::TextRange;

const SEED: &str = include_str!("fixtures/seed/000_e12bae3abcaa388b.txt");
const INSERTED: &str = "18. 新插入的一段，供测试重新编号。\n";

fn analyse(text: &str) -> Analysis {
    Analysis::new(text, None, &DiagnosticsConfig::all_enabled())
}

/// The text of line `n` (1-based).
fn line(text: &str, n: usize) -> &str {
    text.lines().nth(n - 1).unwrap()
}

/// The seed with the paragraph inserted before section II paragraph 18, and
/// the offset of the insertion.
fn seed_with_insertion() -> (String, usize) {
    let a = analyse(SEED);
    let p18 = a.document.find_eid("annex__sec_II__para_18").expect("the seed's annex section II has a paragraph 18");
    let at = a.document.nodes[p18].range().start;
    assert!(SEED[at..].starts_with("18."), "{}", &SEED[at..at + 20]);
    let mut text = SEED.to_string();
    text.insert_str(at, INSERTED);
    (text, at)
}

/// The excerpt of what each reference on `line_no` resolves to.
fn targets_on_line(a: &Analysis, line_no: usize) -> Vec<String> {
    a.references
        .iter()
        .filter(|r| a.line_index.line_of(r.range().start) + 1 == line_no && r.is_internal())
        .map(|r| match (r.status, r.node()) {
            // The text without its number, which renumbering changes.
            (Status::Resolved, Some(n)) => a.excerpt(n, 60).trim_start_matches(|c: char| c.is_ascii_digit() || c == '.').trim().to_string(),
            (s, _) => format!("<{}>", s.name()),
        })
        .collect()
}

#[test]
fn seed_insertion_renumbered_keeps_the_voted_paragraph() {
    let before = analyse(SEED);
    assert!(line(SEED, 124).contains("第二节第 18 段") && line(SEED, 126).contains("第二节第 18 段"));
    let voted = targets_on_line(&before, 124);
    assert!(!voted.is_empty() && !voted[0].starts_with('<'), "{voted:?}");

    let (inserted, at) = seed_with_insertion();
    let a = analyse(&inserted);
    assert!(a.diagnostics.iter().any(|d| d.code.as_str() == "numbering.duplicate"));

    // The quick fix on the duplicate renumbers section II of the annex.
    let dup = a.diagnostics.iter().find(|d| d.code.as_str() == "numbering.duplicate").unwrap();
    let fix = fixes(&a, dup.range).into_iter().find(|f| f.code == Some("numbering.duplicate")).expect("a quick fix on the duplicate");
    assert_eq!(fix.title, "Renumber section 二 of the annex (keep references)");
    let section = a.document.find_eid("annex__sec_II").unwrap();
    let r = renumber(&a, RenumberScope::Node("annex__sec_II".into()));
    assert_eq!(fix.edits, r.edits);
    let out = apply(&inserted, &r.edits).unwrap();

    // Section II of the annex numbers 1–81 consecutively.
    let after = analyse(&out);
    let section_after = after.document.find_eid("annex__sec_II").unwrap();
    let numbers: Vec<u32> = after
        .document
        .descendants(section_after)
        .into_iter()
        .filter(|&n| after.document.nodes[n].kind == NodeKind::Paragraph)
        .filter_map(|n| after.document.nodes[n].number().map(|x| x.value))
        .collect();
    assert_eq!(numbers, (1..=81).collect::<Vec<_>>());
    assert_eq!(section, section_after);

    // The references on lines 124 and 126 read 第二节第 19 段 and cite the same text.
    assert!(line(&out, 124).contains("第二节第 19 段"), "{}", line(&out, 124));
    assert!(line(&out, 126).contains("第二节第 19 段"), "{}", line(&out, 126));
    assert_eq!(targets_on_line(&after, 124), voted);
    assert_eq!(targets_on_line(&after, 126), targets_on_line(&before, 126));
    for r in &after.references {
        if let (Status::Resolved, Some(n)) = (r.status, r.node()) {
            assert!(
                !after.excerpt(n, 200).contains("新插入"),
                "a reference now cites the inserted paragraph: {:?}",
                &out[r.range().start..r.range().end]
            );
        }
    }

    // The seed's other diagnostics, unchanged (shifted by the insertion).
    let shift =
        |range: TextRange| if range.start >= at { TextRange::new(range.start - INSERTED.len(), range.end - INSERTED.len()) } else { range };
    let mut want: Vec<(&str, TextRange, String)> =
        before.diagnostics.iter().map(|d| (d.code.as_str(), d.range, d.message.clone())).collect();
    let mut got: Vec<(&str, TextRange, String)> = after
        .diagnostics
        .iter()
        .filter(|d| !(at..at + INSERTED.len()).contains(&d.range.start))
        .map(|d| (d.code.as_str(), shift(d.range), d.message.clone()))
        .collect();
    want.sort_by_key(|d| (d.1.start, d.0));
    got.sort_by_key(|d| (d.1.start, d.0));
    assert_eq!(got, want);

    // No other byte differs: each edit replaces one number by the next, and
    // removing the insertion gives the seed with those numbers changed.
    for e in &r.edits {
        let old: u32 =
            inserted[e.range.start..e.range.end].trim().parse().unwrap_or_else(|_| panic!("{:?}", &inserted[e.range.start..e.range.end]));
        assert_eq!(e.new_text, (old + 1).to_string());
    }
    assert_eq!(
        out.len(),
        inserted.len() + r.edits.iter().map(|e| e.new_text.len() as isize - e.range.len() as isize).sum::<isize>() as usize
    );
    let mut expected_len = SEED.len() + INSERTED.len();
    for e in &r.edits {
        expected_len = expected_len + e.new_text.len() - e.range.len();
    }
    assert_eq!(out.len(), expected_len);
    let changed_bytes = inserted.bytes().zip(out.bytes()).filter(|(x, y)| x != y).count();
    assert!(changed_bytes <= r.edits.len() * 3);

    // A second renumbering changes nothing.
    assert!(renumber(&after, RenumberScope::Document).edits.is_empty());
}

#[test]
fn the_seed_as_it_is_has_nothing_to_renumber_but_its_own_slips() {
    // The seed has numbering diagnostics of its own (EXPECTED.md): the
    // renumbering of the document touches exactly those sequences.
    let a = analyse(SEED);
    let r = renumber(&a, RenumberScope::Document);
    let out = apply(SEED, &r.edits).unwrap();
    let after = analyse(&out);
    assert!(
        !after.diagnostics.iter().any(|d| matches!(d.code.as_str(), "numbering.gap" | "numbering.duplicate" | "numbering.order")),
        "{:#?}",
        after.diagnostics
    );
    assert!(renumber(&after, RenumberScope::Document).edits.is_empty());
}

/// A paragraph inserted before operative paragraph 1 of the resolution in
/// the French, Spanish, Russian and Arabic fixtures: the reference to
/// paragraph 1 and its subparagraphs now cites paragraph 2; the references
/// to other texts on the same lines (`paragraphe 8 a) ii) de la résolution
/// 986 (1995)`) are unchanged.
#[test]
fn other_languages_keep_their_references() {
    let cases = [
        (
            "fr/conference_d_examen.txt",
            "1. Décide",
            "1. Texte inséré.\n\n",
            "paragraphe 1 b) ii) ci-dessus",
            "paragraphe 2 b) ii) ci-dessus",
        ),
        ("es/conferencia_de_examen.txt", "1. Decide:", "1. Texto insertado.\n\n", "párrafo 1 b) ii) supra", "párrafo 2 b) ii) supra"),
        ("ru/obzornaya_konferentsiya.txt", "1. постановляет", "1. Новый текст.\n\n", "пункта 1(b)(ii) выше", "пункта 2(b)(ii) выше"),
        ("ar/al-mutamar-al-istiradi.txt", "1 - يقرر", "1 - نص جديد.\n\n", "الفقرة 1 (ب) أعلاه", "الفقرة 2 (ب) أعلاه"),
    ];
    for (file, before_line, inserted, reference, rewritten) in cases {
        let path = format!("{}/tests/fixtures/lang/{file}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap();
        let at = text.find(&format!("\n{before_line}")).unwrap_or_else(|| panic!("{file}: no `{before_line}`")) + 1;
        let mut mutated = text.clone();
        mutated.insert_str(at, inserted);
        let a = analyse(&mutated);
        let r = renumber(&a, RenumberScope::Document);
        let out = apply(&mutated, &r.edits).unwrap();
        assert!(text.contains(reference), "{file}: the fixture lacks `{reference}`");
        assert!(out.contains(rewritten), "{file}: `{reference}` not rewritten to `{rewritten}`");
        // External references are as they were.
        for external in a.references.iter().filter(|x| matches!(x.status, Status::External | Status::Unverified)) {
            let written = &mutated[external.range().start..external.range().end];
            assert!(out.contains(written), "{file}: external `{written}` changed");
        }
        let after = analyse(&out);
        assert!(renumber(&after, RenumberScope::Document).edits.is_empty(), "{file}: not idempotent");
    }
}

/// A negotiation draft labelled `PP1`, `PP1 bis`, `OP1 bis` (English and
/// Spanish fixtures): preambular and operative paragraphs are numbered in
/// sequences of their own, the numbering check accepts the `bis`
/// paragraphs, and renumbering (the "finalize" of a negotiation) makes each
/// sequence consecutive, keeps every reference on its target and leaves
/// the labels `PP`/`OP` as written.
#[test]
fn negotiation_draft_labels_are_finalized() {
    for (file, cited_before, cited_after) in
        [("draft_en.txt", "paragraph 1 bis;", "paragraph 2;"), ("draft_es.txt", "párrafo 2;", "párrafo 2;")]
    {
        let path = format!("{}/tests/fixtures/negotiation/{file}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap();
        let a = analyse(&text);
        assert!(!a.diagnostics.iter().any(|d| d.code.as_str().starts_with("numbering.")), "{file}: {:#?}", a.diagnostics);
        let preambular = a.document.nodes.iter().filter(|n| n.kind == NodeKind::PreambularParagraph && n.number().is_some()).count();
        let operative = a.document.nodes.iter().filter(|n| n.kind == NodeKind::Paragraph).count();
        assert_eq!((preambular, operative), (3, 4), "{file}");
        assert!(text.contains(cited_before));
        let r = renumber(&a, RenumberScope::Document);
        let out = apply(&text, &r.edits).unwrap();
        assert!(out.contains(cited_after), "{file}: {out}");
        let labels: Vec<&str> =
            out.lines().filter_map(|l| l.split([' ', '.']).next()).filter(|w| w.starts_with("PP") || w.starts_with("OP")).collect();
        assert_eq!(labels, ["PP1", "PP2", "PP3", "OP1", "OP2", "OP3", "OP4"], "{file}: {out}");
        assert!(!out.contains(" bis"), "{out}");
        // Every reference still resolves to the paragraph it cited (its
        // first words, the label aside).
        let words = |a: &Analysis, n| {
            let e = a.excerpt(n, 60);
            e.split_whitespace()
                .skip_while(|w| !w.chars().any(char::is_lowercase) || w.starts_with("bis"))
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        };
        let b = analyse(&out);
        let before: Vec<_> = a.references.iter().filter(|r| r.status == Status::Resolved).map(|r| words(&a, r.node().unwrap())).collect();
        let after: Vec<_> = b.references.iter().filter(|r| r.status == Status::Resolved).map(|r| words(&b, r.node().unwrap())).collect();
        assert_eq!(before, after, "{file}");
        assert!(!before.is_empty(), "{file}");
        if file == "draft_en.txt" {
            // `preambular paragraph 1 bis` cites `PP1 bis`, then `PP2`.
            assert!(before.contains(&"Noting the report".to_string()), "{before:?}");
            assert!(out.contains("as noted in preambular paragraph 2,"), "{out}");
        }
        assert!(renumber(&b, RenumberScope::Document).edits.is_empty(), "{file}: finalizing twice changes nothing");
    }
}
