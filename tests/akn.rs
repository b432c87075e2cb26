//! The Akoma Ntoso export (`rapporteur export --format akn`) of the seed and
//! of every corpus document (`tests/fixtures/corpus/`, `tests/fixtures/lang/`
//! and `tests/corpus-dev/`):
//!
//! - validates against the official Akoma Ntoso 3.0 schema
//!   (`tests/schemas/akomantoso30.xsd` with the `xml.xsd` it imports, see
//!   `tests/schemas/SOURCES.md`) with `xmllint --schema`, many files per call;
//!   without `xmllint` (Debian package `libxml2-utils`) the test fails;
//! - loses nothing: the character data of the XML (references decoded) is
//!   the document's text once (1) the markup the analysis masks is left out
//!   (`**` and `__` markers, the brackets and target of a Markdown link
//!   `[label](target)`, heading hashes and blockquote markers at the start of
//!   a line, a BOM: the characters `syntax::mask` blanks, checked here to be
//!   nothing else),
//!   (2) characters XML 1.0 forbids are replaced (vertical tab and form feed
//!   by a space, others by U+FFFD), and (3) in both, every run of whitespace
//!   is collapsed to one space and the ends trimmed.

mod common;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use rapporteur::diagnostics::DiagnosticsConfig;
use rapporteur::export::to_akn;
use rapporteur::ide::Analysis;
use rapporteur::syntax::mask::mask;

use common::akn::check_text;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files_in(dir: &Path, accept: impl Fn(&str) -> bool, out: &mut Vec<PathBuf>) {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && accept(p.file_name().unwrap().to_str().unwrap()))
        .collect();
    found.sort();
    out.extend(found);
}

/// The seed and every corpus document.
fn documents() -> Vec<PathBuf> {
    let r = root();
    let mut out = Vec::new();
    let txt = |n: &str| n.ends_with(".txt");
    files_in(&r.join("tests/fixtures/seed"), txt, &mut out);
    files_in(&r.join("tests/fixtures/corpus"), txt, &mut out);
    for lang in ["ar", "en", "es", "fr", "ru", "zh"] {
        files_in(&r.join("tests/fixtures/lang").join(lang), txt, &mut out);
    }
    files_in(&r.join("tests/corpus-dev"), |n| (n.ends_with(".txt") || n.ends_with(".md")) && n.contains('_'), &mut out);
    out
}

/// Checks that masking blanked markup only: every changed run is `*`, `_`,
/// `#`, `>`, `[`, `]`, a BOM, or the `](target)` of a Markdown link.
fn check_mask_is_markup_only(name: &str, text: &str, masked: &str) {
    let (t, m) = (text.as_bytes(), masked.as_bytes());
    let mut i = 0;
    while i < t.len() {
        if t[i] == m[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < t.len() && t[i] != m[i] {
            i += 1;
        }
        let run = &text[start..i];
        let markup = run.chars().all(|c| matches!(c, '*' | '_' | '#' | '>' | '[' | ']' | '\u{feff}'))
            || (run.starts_with("](") && run.ends_with(')'));
        assert!(markup, "{name}: masking blanked {run:?}, which is not markup");
    }
}

const INSTALL_XMLLINT: &str = "the Akoma Ntoso export is validated with xmllint, which is not installed: \
     install it with `apt-get install -y libxml2-utils` (Debian/Ubuntu; `.ci/run` does) or your system's libxml2 tools";

#[test]
fn export_is_valid_akoma_ntoso_and_loses_no_text() {
    // Fail at once, and say why, without xmllint.
    if let Err(e) = Command::new("xmllint").arg("--version").output() {
        panic!("{INSTALL_XMLLINT} ({e})");
    }
    let started = std::time::Instant::now();
    let docs = documents();
    assert!(docs.len() >= 400, "expected the seed and every corpus document, found {}", docs.len());
    let out_dir = std::env::temp_dir().join(format!("rapporteur-akn-test-{}", std::process::id()));
    std::fs::create_dir_all(&out_dir).unwrap();
    let mut written = Vec::new();
    let mut bytes = 0;
    for (i, path) in docs.iter().enumerate() {
        let name = path.strip_prefix(root()).unwrap().display().to_string();
        let text = std::fs::read_to_string(path).unwrap();
        let a = Analysis::new(text.as_str(), None, &DiagnosticsConfig::all_enabled());
        let xml = to_akn(&a);
        // Nothing lost.
        let (masked, _) = mask(&text);
        check_mask_is_markup_only(&name, &text, &masked);
        if let Err(why) = check_text(&text, &masked, &xml) {
            panic!("{name}: {why}");
        }
        // Every node is in the XML with its eId.
        let eids: HashSet<&str> = xml.split(" eId=\"").skip(1).filter_map(|s| s.split('"').next()).collect();
        for id in 0..a.document.nodes.len() {
            let eid = a.document.eid(id);
            assert!(eids.contains(eid), "{name}: node {eid} is missing");
        }
        let file = out_dir.join(format!("{i:04}.xml"));
        std::fs::write(&file, &xml).unwrap();
        bytes += xml.len();
        written.push((file, name));
    }
    let exported = started.elapsed();

    // Valid against the official schema.
    let schema = root().join("tests/schemas/akomantoso30.xsd");
    let mut failures = Vec::new();
    for batch in written.chunks(100) {
        let output = match Command::new("xmllint").arg("--noout").arg("--schema").arg(&schema).args(batch.iter().map(|(f, _)| f)).output() {
            Ok(o) => o,
            Err(e) => panic!("{INSTALL_XMLLINT} ({e})"),
        };
        let stderr = String::from_utf8_lossy(&output.stderr);
        for (file, name) in batch {
            let f = file.display().to_string();
            if !stderr.lines().any(|l| l == format!("{f} validates")) {
                let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with(&f)).take(5).collect();
                failures.push(format!("{name}:\n    {}", errors.join("\n    ")));
            }
        }
        if failures.is_empty() {
            assert!(output.status.success(), "xmllint failed: {stderr}");
        }
    }
    let _ = std::fs::remove_dir_all(&out_dir);
    assert!(failures.is_empty(), "{} of {} exports fail to validate:\n{}", failures.len(), written.len(), failures.join("\n"));
    eprintln!(
        "{} documents exported ({:.1} MB of XML) in {:.2?}, validated in {:.2?}",
        written.len(),
        bytes as f64 / 1e6,
        exported,
        started.elapsed() - exported
    );
}

/// The command line writes the same XML, and refuses bad usage with 2.
#[test]
fn export_command() {
    let bin = env!("CARGO_BIN_EXE_rapporteur");
    let seed = root().join("tests/fixtures/corpus/en_A-RES-73-3.txt");
    let out = Command::new(bin).args(["export", "--format", "akn"]).arg(&seed).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(&seed).unwrap();
    let a = Analysis::new(text.as_str(), None, &DiagnosticsConfig::all_enabled());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), to_akn(&a));
    for args in [
        &["export", "--format", "json"][..],
        &["export", "--format", "akn"][..],
        &["export", "--format", "akn", "/nonexistent/file.txt"][..],
    ] {
        let out = Command::new(bin).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}
