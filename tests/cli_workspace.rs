//! `rapporteur check DIR` resolves the files it is given across one another:
//! a paragraph cited from a document present in the folder is checked there,
//! and the same check as the server's (`src/workspace`) reports it.

use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_rapporteur"))
}

fn workspace() -> String {
    format!("{}/tests/fixtures/workspace", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn a_missing_paragraph_of_a_document_in_the_folder_is_broken() {
    let out = bin().args(["check", &workspace()]).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("checked 4 files: 1 error, 1 warning"), "{stdout}");
    // The French report lacks the English one's paragraph 5.
    let parity = stdout.lines().find(|l| l.contains("warning[parity.node]")).unwrap();
    assert!(parity.contains("report_en.txt:40:1:") && parity.contains("French") && parity.contains("report_fr.txt:"), "{parity}");
    let line = stdout.lines().find(|l| l.contains("error[reference.broken]")).unwrap();
    assert!(line.contains("draft.txt:27:10:"), "{line}");
    assert!(line.contains("A/CONF.192/2018/RC/3"), "{line}");
    assert!(line.contains("report_en.txt:3:1)"), "the other document's place: {line}");
}

#[test]
fn alone_the_draft_cites_nothing_present_and_is_clean() {
    let out = bin().args(["check", &format!("{}/draft.txt", workspace())]).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("checked 1 file: 0 errors"), "{stdout}");
}

#[test]
fn json_output_is_in_the_order_given_and_has_the_cross_document_diagnostic() {
    let out = bin().args(["check", "--format", "json", &workspace()]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = v["files"].as_array().unwrap();
    let paths: Vec<&str> = files.iter().map(|f| f["path"].as_str().unwrap().rsplit('/').next().unwrap()).collect();
    assert_eq!(paths, ["draft.txt", "report_en.txt", "report_fr.txt", "resolution_72_57.txt"]);
    let codes = |i: usize| -> Vec<String> {
        files[i]["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(codes(0), ["reference.broken"]);
    assert_eq!(codes(1), ["parity.node"]);
    assert!(codes(2).is_empty() && codes(3).is_empty());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("checking ["), "no progress bar when piped");
}

/// `(A/99/705, annex II, para. 4 (a))`: the annex the citation names is
/// where its paragraph is looked for — not the body of A/99/705, whose
/// paragraph 4 has no subparagraph (a). A paragraph missing from that annex
/// is broken (and says so of the annex); an annex the document does not
/// have leaves the reference unverified, not broken.
#[test]
fn a_paragraph_cited_in_an_annex_of_another_document_is_looked_for_in_that_annex() {
    let folder = format!("{}/tests/fixtures/workspace_annex", env!("CARGO_MANIFEST_DIR"));
    let out = bin().args(["check", &folder]).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("checked 2 files: 1 error, 0 warnings, 0 other"), "{stdout}");
    let broken: Vec<&str> = stdout.lines().filter(|l| l.contains("error[reference.broken]")).collect();
    assert_eq!(broken.len(), 1, "{stdout}");
    assert!(broken[0].contains("advisory_report.txt:24:") && broken[0].contains("para. 9"), "{}", broken[0]);
    assert!(broken[0].contains("annex II has paragraphs 1–5"), "{}", broken[0]);
}

/// Three language versions of one report (`tests/fixtures/parity/`) checked
/// as a folder: the vote and numbering differences are reported on each
/// version, with the same place in the other version.
#[test]
fn vote_and_numbering_differences_between_versions_are_reported_with_the_other_place() {
    let folder = format!("{}/tests/fixtures/parity", env!("CARGO_MANIFEST_DIR"));
    let out = bin().args(["check", &folder]).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let line = |needle: &str| stdout.lines().find(|l| l.contains(needle)).unwrap_or_else(|| panic!("{needle}: {stdout}")).to_string();
    let figure = line("report_en.txt:22:88: warning[parity.vote]");
    assert!(figure.contains("5 in favour here; 6 in the Spanish") && figure.contains("report_es.txt:23:89)"), "{figure}");
    let state = line("report_fr.txt:26:29: warning[parity.vote]");
    assert!(state.contains("Pérou (PER) voting in favour") && state.contains("report_en.txt:24:1)"), "{state}");
    let numbering = line("report_en.txt:37:1: warning[parity.numbering]");
    assert!(
        numbering.contains("paragraph 5 here is Section II, paragraph 6 in the French") && numbering.contains("report_fr.txt:38:1)"),
        "{numbering}"
    );
    // English and Spanish are numbered alike: no numbering difference between them.
    assert!(!stdout.lines().any(|l| l.contains("report_en.txt") && l.contains("parity.numbering") && l.contains("Spanish")), "{stdout}");
}
