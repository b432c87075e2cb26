//! The census: every diagnostic that `check` reports on the 398 official
//! documents of `tests/corpus-dev/` (which no rule was written for), compared
//! with a reviewed list, `tests/census/diagnostics.tsv`. Each row names a
//! file, a line, a code and why it is a real defect of that document (an OCR
//! or conversion slip, a genuine error of the text). Official texts have few
//! defects, so a diagnostic that is not in the list is a false alarm to fix in
//! the checker, and a listed one that is no longer produced is a defect the
//! checker stopped seeing: both fail.
//!
//! `RAPPORTEUR_BLESS=1 cargo test --test census` rewrites the list from what
//! the checker reports, keeping the reasons already written and marking new
//! rows `UNREVIEWED`; a row so marked fails until somebody has read the
//! document and written the reason.

mod common;

use std::collections::BTreeMap;

use rapporteur::diagnostics::DiagnosticsConfig;
use rapporteur::ide::Analysis;

const LIST: &str = "tests/census/diagnostics.tsv";
const UNREVIEWED: &str = "UNREVIEWED";

type Key = (String, usize, String);

/// What the checker reports: (file, 1-based line, code) → the messages.
fn reported() -> BTreeMap<Key, Vec<String>> {
    let mut out: BTreeMap<Key, Vec<String>> = BTreeMap::new();
    let files = common::corpus_dev();
    assert_eq!(files.len(), 398, "the corpus has 398 documents");
    for fixture in files {
        let name = fixture.name.trim_start_matches("corpus-dev/").to_string();
        let a = Analysis::new(fixture.text, None, &DiagnosticsConfig::all_enabled());
        for d in &a.diagnostics {
            let line = a.line_index.line_of(d.range.start) + 1;
            out.entry((name.clone(), line, d.code.as_str().to_string())).or_default().push(d.message.clone());
        }
    }
    out
}

/// The reviewed list: (file, line, code) → the reasons, one per expected diagnostic.
fn reviewed(text: &str) -> BTreeMap<Key, Vec<String>> {
    let mut out: BTreeMap<Key, Vec<String>> = BTreeMap::new();
    for (i, row) in text.lines().enumerate() {
        if row.trim().is_empty() || row.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = row.splitn(4, '\t').collect();
        assert_eq!(cols.len(), 4, "{LIST}:{}: expected file, line, code and reason separated by tabs", i + 1);
        let line: usize = cols[1].parse().unwrap_or_else(|_| panic!("{LIST}:{}: bad line number {:?}", i + 1, cols[1]));
        out.entry((cols[0].to_string(), line, cols[2].to_string())).or_default().push(cols[3].to_string());
    }
    out
}

fn header() -> &'static str {
    "# Reviewed census of the diagnostics on tests/corpus-dev/ (see tests/census.rs).\n\
     # file<TAB>line<TAB>code<TAB>why it is a real defect of that document\n"
}

#[test]
fn every_diagnostic_on_the_real_corpus_is_a_reviewed_defect() {
    let path = format!("{}/{LIST}", env!("CARGO_MANIFEST_DIR"));
    let list_text = std::fs::read_to_string(&path).unwrap_or_default();
    let expected = reviewed(&list_text);
    let found = reported();

    if std::env::var_os("RAPPORTEUR_BLESS").is_some() {
        let mut out = String::from(header());
        for (key, messages) in &found {
            let reasons = expected.get(key).cloned().unwrap_or_default();
            for (k, message) in messages.iter().enumerate() {
                let reason = reasons.get(k).cloned().unwrap_or_else(|| format!("{UNREVIEWED}: {message}"));
                out.push_str(&format!("{}\t{}\t{}\t{}\n", key.0, key.1, key.2, reason));
            }
        }
        std::fs::write(&path, out).expect("write the census list");
    }

    let mut problems = Vec::new();
    for (key, messages) in &found {
        let want = expected.get(key).map_or(0, Vec::len);
        for message in messages.iter().skip(want) {
            problems.push(format!("not in the reviewed list (a false alarm?): {}:{} {} — {message}", key.0, key.1, key.2));
        }
    }
    for (key, reasons) in &expected {
        let got = found.get(key).map_or(0, Vec::len);
        for reason in reasons.iter().skip(got) {
            problems.push(format!("listed but no longer reported: {}:{} {} — {reason}", key.0, key.1, key.2));
        }
        for reason in reasons.iter().filter(|r| r.starts_with(UNREVIEWED)) {
            problems.push(format!("not reviewed yet: {}:{} {} — {reason}", key.0, key.1, key.2));
        }
    }
    let total: usize = found.values().map(Vec::len).sum();
    let mut per_code: BTreeMap<&str, usize> = BTreeMap::new();
    for (key, messages) in &found {
        *per_code.entry(key.2.as_str()).or_default() += messages.len();
    }
    eprintln!("census: {total} diagnostics on 398 documents: {per_code:?}");
    assert!(problems.is_empty(), "{} census problems:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn the_reviewed_list_gives_a_reason_for_every_row() {
    let path = format!("{}/{LIST}", env!("CARGO_MANIFEST_DIR"));
    let list_text = std::fs::read_to_string(&path).expect("the reviewed list exists");
    let names: Vec<String> = common::corpus_dev().into_iter().map(|f| f.name).collect();
    for (key, reasons) in reviewed(&list_text) {
        assert!(names.contains(&format!("corpus-dev/{}", key.0)), "{LIST}: no document {}", key.0);
        assert!(rapporteur::diagnostics::Code::parse(&key.2).is_some(), "{LIST}: unknown code {}", key.2);
        for reason in reasons {
            assert!(reason.trim().len() >= 12, "{LIST}: {}:{} {}: the reason is too short to be a reason", key.0, key.1, key.2);
        }
    }
}
