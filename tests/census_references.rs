//! Census of references on the real documents of `tests/corpus-dev/`
//! (issue 9, acceptance point 2), against two reviewed lists:
//!
//! - `census/internal_references.tsv`: references to a paragraph,
//!   subparagraph, section, subsection, annex or article of the same
//!   document, each with the address (eId) it must resolve to. The targets
//!   were determined by reading the documents, not taken from the tool.
//! - `census/external_references.tsv`: paragraph, section and annex
//!   references that belong to another text (a report of the
//!   Secretary-General, "ibid.", a resolution named before them, the
//!   resolution heading a follow-up table, a cited conference report). None
//!   of them may be resolved into the document; an external reference, an
//!   ambiguous one or no reference at all is fine.
//!
//! Columns: file, 1-based line, the exact text as it appears on that line,
//! the target eId (internal list) or the text it belongs to (external list),
//! a note. A row matches the references whose range overlaps an occurrence
//! of its text on its line (an occurrence is not part of a longer word or
//! number, so `annex I` does not match inside `annex II`); a list such as
//! `paragraphs 3 and 7` has one row per target, with the same text.
//!
//! Every failing row is reported at once, with what the tool found there.

use std::collections::HashMap;

use rapporteur::diagnostics::DiagnosticsConfig;
use rapporteur::ide::Analysis;
use rapporteur::model::{Reference, Status};

const INTERNAL: &str = include_str!("census/internal_references.tsv");
const EXTERNAL: &str = include_str!("census/external_references.tsv");

struct Row<'a> {
    /// Line of the row in its list file (1-based, the header is line 1).
    list_line: usize,
    file: &'a str,
    line: usize,
    text: &'a str,
    target: &'a str,
    note: &'a str,
}

fn rows(list: &'static str, name: &str) -> Vec<Row<'static>> {
    let mut out = Vec::new();
    for (i, raw) in list.lines().enumerate().skip(1) {
        if raw.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = raw.split('\t').collect();
        assert_eq!(cols.len(), 5, "{name}:{}: expected 5 TAB-separated columns: {raw:?}", i + 1);
        let line = cols[1].parse().unwrap_or_else(|_| panic!("{name}:{}: bad line number {:?}", i + 1, cols[1]));
        assert!(line >= 1 && !cols[2].is_empty(), "{name}:{}: empty text or line 0", i + 1);
        out.push(Row { list_line: i + 1, file: cols[0], line, text: cols[2], target: cols[3], note: cols[4] });
    }
    out
}

struct Corpus {
    analyses: HashMap<String, Analysis>,
}

impl Corpus {
    fn get(&mut self, file: &str) -> &Analysis {
        self.analyses.entry(file.to_string()).or_insert_with(|| {
            let path = format!("{}/tests/corpus-dev/{file}", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            Analysis::new(text, None, &DiagnosticsConfig::all_enabled())
        })
    }
}

/// The byte ranges (in the whole text) where `needle` occurs on 1-based
/// line `line`, not glued to a longer ASCII word or number; `None` when the
/// document has no such line.
fn occurrences(text: &str, line: usize, needle: &str) -> Option<Vec<(usize, usize)>> {
    let mut start = 0;
    for _ in 1..line {
        start += text[start..].find('\n')? + 1;
    }
    let end = text[start..].find('\n').map_or(text.len(), |n| start + n);
    let hay = &text[start..end];
    let glued = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let first_glued = glued(needle.chars().next());
    let last_glued = glued(needle.chars().next_back());
    let mut out = Vec::new();
    for (at, _) in hay.match_indices(needle) {
        let before = hay[..at].chars().next_back();
        let after = hay[at + needle.len()..].chars().next();
        if (first_glued && glued(before)) || (last_glued && glued(after)) {
            continue;
        }
        out.push((start + at, start + at + needle.len()));
    }
    Some(out)
}

/// How the tool read one reference, for the failure listing.
fn describe(a: &Analysis, r: &Reference) -> String {
    let text = a.text[r.range().start..r.range().end].replace('\n', "⏎");
    let how = match (r.status, r.node()) {
        (Status::Resolved, Some(n)) => format!("resolved -> {}", a.document.eid(n)),
        (status, _) => format!("{status:?}").to_lowercase(),
    };
    format!("`{text}` {how}")
}

fn overlapping<'a>(a: &'a Analysis, spans: &[(usize, usize)]) -> Vec<&'a Reference> {
    a.references.iter().filter(|r| spans.iter().any(|&(s, e)| r.range().start < e && r.range().end > s)).collect()
}

fn resolved_internally(r: &Reference) -> bool {
    r.status == Status::Resolved && r.node().is_some()
}

/// The failures of one row, or `None` when it passes.
fn check(corpus: &mut Corpus, row: &Row, internal: bool) -> Option<String> {
    let a = corpus.get(row.file);
    let spans = match occurrences(&a.text, row.line, row.text) {
        None => return Some(format!("the document has no line {}", row.line)),
        Some(s) if s.is_empty() => return Some(format!("`{}` does not occur on that line", row.text)),
        Some(s) => s,
    };
    let refs = overlapping(a, &spans);
    let found = || {
        if refs.is_empty() {
            "no reference there".to_string()
        } else {
            refs.iter().map(|r| describe(a, r)).collect::<Vec<_>>().join("; ")
        }
    };
    if internal {
        let hit = refs.iter().any(|r| resolved_internally(r) && r.node().is_some_and(|n| a.document.eid(n) == row.target));
        (!hit).then(|| format!("want {} — tool: {}", row.target, found()))
    } else {
        let wrong = refs.iter().any(|r| resolved_internally(r));
        wrong.then(|| format!("belongs to {} — tool: {}", row.target, found()))
    }
}

/// Rows the checker is known to get wrong today (`known_misses.tsv`: list,
/// row line, cause). They are reported but do not fail the test; a known miss
/// that starts to pass fails it, so that the list only shrinks.
const KNOWN_MISSES: &str = include_str!("census/known_misses.tsv");

fn known_miss(name: &str, list_line: usize) -> bool {
    KNOWN_MISSES.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).any(|l| {
        let mut cols = l.split('\t');
        cols.next() == Some(name) && cols.next().and_then(|n| n.parse().ok()) == Some(list_line)
    })
}

fn run(list: &'static str, name: &str, internal: bool, corpus: &mut Corpus) -> (usize, Vec<String>) {
    let rows = rows(list, name);
    let mut failures = Vec::new();
    let mut known = 0;
    for row in &rows {
        match (check(corpus, row, internal), known_miss(name, row.list_line)) {
            (Some(_), true) => known += 1,
            (Some(why), false) => failures
                .push(format!("  {name}:{} {}:{} `{}`: {why}\n      (note: {})", row.list_line, row.file, row.line, row.text, row.note)),
            (None, true) => failures.push(format!(
                "  {name}:{} {}:{} `{}` passes now: remove it from known_misses.tsv",
                row.list_line, row.file, row.line, row.text
            )),
            (None, false) => {}
        }
    }
    println!("{name}: {known} known misses (tests/census/known_misses.tsv)");
    (rows.len(), failures)
}

#[test]
fn reviewed_references_resolve_as_the_census_says() {
    let mut corpus = Corpus { analyses: HashMap::new() };
    let (n_int, f_int) = run(INTERNAL, "internal_references.tsv", true, &mut corpus);
    let (n_ext, f_ext) = run(EXTERNAL, "external_references.tsv", false, &mut corpus);
    assert!(n_int >= 170, "the internal list has only {n_int} rows");
    assert!(n_ext >= 60, "the external list has only {n_ext} rows");
    let summary = format!(
        "census of references: internal {}/{} rows pass, external {}/{} rows pass ({} documents)",
        n_int - f_int.len(),
        n_int,
        n_ext - f_ext.len(),
        n_ext,
        corpus.analyses.len()
    );
    println!("{summary}");
    if f_int.is_empty() && f_ext.is_empty() {
        return;
    }
    let mut report = summary;
    if !f_int.is_empty() {
        report += &format!("\n\n{} internal references not resolved to their reviewed target:\n{}", f_int.len(), f_int.join("\n"));
    }
    if !f_ext.is_empty() {
        report += &format!("\n\n{} references to another text resolved inside the document:\n{}", f_ext.len(), f_ext.join("\n"));
    }
    panic!("{report}");
}

#[test]
fn occurrences_are_not_glued_to_longer_numbers() {
    let text = "first line\nsee annex II and annex I, not paragraph 50 but paragraph 5.\n";
    let at = |s: &str| occurrences(text, 2, s).unwrap().iter().map(|&(s, _)| s - 11).collect::<Vec<_>>();
    assert_eq!(at("annex I"), vec![17]);
    assert_eq!(at("paragraph 5"), vec![47]);
    assert_eq!(at("paragraph 5").len(), 1);
    assert!(occurrences(text, 4, "annex").is_none());
    assert!(at("annex III").is_empty());
}
