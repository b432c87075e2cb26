//! Language versions of one report (invented: `tests/fixtures/parity/`)
//! that differ in a recorded vote and in numbering. English: 5 to 2, with 1
//! abstention, Chile among those in favour, section II numbered 4, 5, 6.
//! French: the same figures, Peru instead of Chile, section II numbered 4,
//! 6, 7. Spanish: 6 in favour (Chile and Peru), numbered as the English.

use rapporteur::diagnostics::DiagnosticsConfig;
use rapporteur::ide::Analysis;
use rapporteur::workspace::parity::{compare, Finding};

fn version(lang: &str) -> Analysis {
    let path = format!("{}/tests/fixtures/parity/report_{lang}.txt", env!("CARGO_MANIFEST_DIR"));
    Analysis::new(std::fs::read_to_string(path).unwrap(), None, &DiagnosticsConfig::all_enabled())
}

/// (code, address, the text at the finding, the text at the related place's start).
fn found(a: &Analysis, b: &Analysis, name: &str) -> Vec<(String, String, String, String)> {
    let line = |x: &Analysis, at: usize| x.text[at..].lines().next().unwrap_or("").chars().take(24).collect::<String>();
    compare(a, b, name)
        .into_iter()
        .map(|f: Finding| {
            (f.code.as_str().to_string(), f.eid, a.text[f.range.start..f.range.end].to_string(), line(b, f.other_range.start))
        })
        .collect()
}

fn row(code: &str, eid: &str, here: &str, there: &str) -> (String, String, String, String) {
    (code.to_string(), eid.to_string(), here.to_string(), there.to_string())
}

#[test]
fn a_state_that_votes_in_one_version_and_not_the_other_is_reported_on_each() {
    let (en, fr) = (version("en"), version("fr"));
    let on_en = found(&en, &fr, "French");
    assert!(on_en.contains(&row("parity.vote", "para_3", "Chile", "Votent pour :")), "{on_en:#?}");
    let on_fr = found(&fr, &en, "English");
    assert!(on_fr.contains(&row("parity.vote", "para_3", "Pérou", "In favour:")), "{on_fr:#?}");
    // Algérie is Algeria, Brésil is Brazil: matched through UNTERM, not reported.
    let messages: Vec<String> = compare(&fr, &en, "English").into_iter().map(|f| f.message).collect();
    assert!(messages.iter().any(|m| m.contains("Pérou (PER)") && m.contains("in favour")), "{messages:#?}");
    assert!(!messages.iter().any(|m| m.contains("Algérie") || m.contains("Brésil")), "{messages:#?}");
}

#[test]
fn different_vote_figures_are_reported_at_the_figure() {
    let (en, es) = (version("en"), version("es"));
    let on_en = found(&en, &es, "Spanish");
    let votes: Vec<_> = on_en.iter().filter(|f| f.0 == "parity.vote").collect();
    // The figure 5 (in favour), against the Spanish 6; no State is in the English list that the Spanish lacks.
    assert_eq!(votes, [&row("parity.vote", "para_3", "5", "6 votos contra 2 y 1 abs")], "{on_en:#?}");
    let message = &compare(&en, &es, "Spanish").into_iter().find(|f| f.code.as_str() == "parity.vote").unwrap().message;
    assert_eq!(message, "5 in favour here; 6 in the Spanish version");
    // The Spanish version: its figure, and Peru, whom the English list lacks.
    let on_es = found(&es, &en, "English");
    assert!(on_es.contains(&row("parity.vote", "para_3", "6", "5 to 2, with 1 abstentio")), "{on_es:#?}");
    assert!(on_es.contains(&row("parity.vote", "para_3", "Perú", "In favour:")), "{on_es:#?}");
    // The vote's figures are not also reported as figures of the paragraph.
    assert!(!on_en.iter().any(|f| f.0 == "parity.facts"), "{on_en:#?}");
}

#[test]
fn a_paragraph_numbered_otherwise_at_the_same_place_is_a_numbering_difference() {
    let (en, fr) = (version("en"), version("fr"));
    let on_en: Vec<_> = found(&en, &fr, "French").into_iter().filter(|f| f.0 != "parity.vote").collect();
    assert_eq!(
        on_en,
        [
            row("parity.numbering", "para_5", "5", "6. La Conférence recomma"),
            row("parity.numbering", "para_6", "6", "7. La Conférence recomma"),
        ]
    );
    let message = &compare(&en, &fr, "French").into_iter().find(|f| f.code.as_str() == "parity.numbering").unwrap().message;
    assert!(message.contains("paragraph 5") && message.contains("paragraph 6 in the French version"), "{message}");
    let on_fr: Vec<_> = found(&fr, &en, "English").into_iter().filter(|f| f.0 != "parity.vote").collect();
    assert_eq!(
        on_fr,
        [
            row("parity.numbering", "para_6", "6", "5. The Conference recomm"),
            row("parity.numbering", "para_7", "7", "6. The Conference recomm"),
        ]
    );
}

#[test]
fn versions_in_step_report_nothing() {
    for lang in ["en", "fr", "es"] {
        let a = version(lang);
        assert_eq!(compare(&a, &a, lang), [], "{lang}");
    }
    // English and Spanish differ only in the vote.
    let (en, es) = (version("en"), version("es"));
    assert!(compare(&en, &es, "Spanish").iter().all(|f| f.code.as_str() == "parity.vote"));
}
