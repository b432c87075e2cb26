//! `check --format sarif`: SARIF 2.1.0, as GitHub code scanning and other CI
//! dashboards read it. One run; the tool's rules are every diagnostic code,
//! with the README's text for it as help; regions count lines and columns
//! from 1, columns in UTF-16 code units (`columnKind`), the end column just
//! past the span; artifact URIs are relative to the working directory
//! (`%SRCROOT%`).

use std::path::Path;

use serde_json::{json, Value};

use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::ide::Analysis;
use crate::text::{PositionEncoding, TextRange};

/// Where the README lives: each rule's `helpUri` is its section there.
pub const DOCS_URL: &str = env!("CARGO_PKG_REPOSITORY");

const README: &str = include_str!("../../README.md");

/// The README's text for a code: the paragraph under its `### \`code\``
/// heading, without the leading severity word ("Error. ").
pub fn code_doc(code: Code) -> Option<String> {
    let heading = format!("### `{}`\n", code.as_str());
    let at = README.find(&heading)? + heading.len();
    let section = &README[at..];
    let end = section.find("\n#").unwrap_or(section.len());
    let text = section[..end].trim();
    let text = ["Error.", "Warning.", "Information.", "Hint."].iter().find_map(|w| text.strip_prefix(w)).unwrap_or(text).trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// The first sentence of a README paragraph: up to the first full stop
/// followed by a space or the end, outside `code` and not in "e.g.".
pub fn first_sentence(text: &str) -> &str {
    let mut in_code = false;
    for (i, c) in text.char_indices() {
        match c {
            '`' => in_code = !in_code,
            '.' if !in_code => {
                let rest = &text[i + 1..];
                let before = &text[..i];
                if (rest.is_empty() || rest.starts_with(char::is_whitespace)) && !before.ends_with("e.g") && !before.ends_with("i.e") {
                    return &text[..=i];
                }
            }
            _ => {}
        }
    }
    text
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information | Severity::Hint => "note",
    }
}

fn rule(code: Code) -> Value {
    let doc = code_doc(code).unwrap_or_else(|| code.as_str().to_string());
    let help_uri = format!("{DOCS_URL}#{}", code.doc_anchor());
    json!({
        "id": code.as_str(),
        "name": code.as_str(),
        "shortDescription": {"text": first_sentence(&doc)},
        "fullDescription": {"text": doc},
        "help": {"text": format!("{doc}\n\nSee {help_uri}"), "markdown": format!("{doc}\n\n[Documentation]({help_uri})")},
        "helpUri": help_uri,
        "defaultConfiguration": {"level": level(code.default_severity())},
    })
}

/// Percent-encodes what may not stand in a URI path (keeps `/`).
fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn slashes(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// An artifact location: relative to the working directory (`%SRCROOT%`)
/// when the file is under it, else an absolute `file://` URI.
fn artifact_location(path: &Path, cwd: Option<&Path>) -> Value {
    if path.is_relative() {
        return json!({"uri": encode_path(&slashes(path)), "uriBaseId": "%SRCROOT%"});
    }
    if let Some(rel) = cwd.and_then(|c| path.strip_prefix(c).ok()) {
        return json!({"uri": encode_path(&slashes(rel)), "uriBaseId": "%SRCROOT%"});
    }
    let abs = slashes(path);
    let abs = if abs.starts_with('/') { abs } else { format!("/{abs}") };
    json!({"uri": format!("file://{}", encode_path(&abs))})
}

fn region(a: &Analysis, r: TextRange) -> Value {
    let s = a.line_col(r.start, PositionEncoding::Utf16);
    let e = a.line_col(r.end, PositionEncoding::Utf16);
    json!({"startLine": s.line + 1, "startColumn": s.col + 1, "endLine": e.line + 1, "endColumn": e.col + 1})
}

/// Writes the SARIF log of one `check` run as the files are checked: the
/// artifacts and notifications first (known before any file's results are
/// written), then each file's results, then the rules. Only one result is
/// a JSON value at a time; the text is the same as the pretty-printed value
/// of the whole log ([`SarifLog::log_value`], which the tests compare).
pub struct SarifLog {
    cwd: Option<std::path::PathBuf>,
    artifacts: Vec<Value>,
    notifications: Vec<Value>,
    /// Results written so far.
    written: usize,
    /// What follows the results, once the head is written.
    tail: Option<String>,
}

impl Default for SarifLog {
    fn default() -> SarifLog {
        SarifLog::new()
    }
}

/// Stands for the results in the log's value while its head is printed.
const RESULTS_MARK: &str = "\u{1}rapporteur-results\u{1}";

impl SarifLog {
    pub fn new() -> SarifLog {
        SarifLog { cwd: std::env::current_dir().ok(), artifacts: Vec::new(), notifications: Vec::new(), written: 0, tail: None }
    }

    /// Registers a file whose results follow; returns its artifact index.
    pub fn add_artifact(&mut self, path: &Path, a: &Analysis) -> usize {
        self.artifacts.push(json!({
            "location": artifact_location(path, self.cwd.as_deref()),
            "length": a.text.len(),
            "encoding": "utf-8",
            "sourceLanguage": a.language().code(),
        }));
        self.artifacts.len() - 1
    }

    /// The results of the file registered as artifact `index`.
    fn results<'a>(&self, path: &Path, a: &'a Analysis, index: usize) -> impl Iterator<Item = Value> + 'a {
        let mut location = artifact_location(path, self.cwd.as_deref());
        location["index"] = json!(index);
        a.diagnostics.iter().map(move |d| result(a, &location, d))
    }

    /// A file that could not be read or found.
    pub fn add_error(&mut self, message: &str) {
        self.notifications.push(json!({"level": "error", "message": {"text": message}}));
    }

    /// Writes the log up to the first result: call after every artifact
    /// and error is registered.
    pub fn start(&mut self, w: &mut impl std::io::Write) -> std::io::Result<()> {
        let text = serde_json::to_string_pretty(&self.log_value(Value::String(RESULTS_MARK.to_string()))).map_err(std::io::Error::other)?;
        let mark = serde_json::to_string(RESULTS_MARK).map_err(std::io::Error::other)?;
        let at = text.find(&mark).ok_or_else(|| std::io::Error::other("the results' place in the SARIF log"))?;
        w.write_all(&text.as_bytes()[..at])?;
        w.write_all(b"[")?;
        self.tail = Some(format!("{}\n", &text[at + mark.len()..]));
        Ok(())
    }

    /// Writes the results of the file registered as artifact `index`.
    pub fn write_file(&mut self, w: &mut impl std::io::Write, path: &Path, a: &Analysis, index: usize) -> std::io::Result<()> {
        use serde_json::ser::{Formatter as _, PrettyFormatter};
        for result in self.results(path, a, index) {
            w.write_all(if self.written == 0 { b"\n        " } else { b",\n        " })?;
            self.written += 1;
            // Indented as four levels down (`{"runs": [{"results": [`).
            let mut formatter = PrettyFormatter::new();
            let mut sink = std::io::sink();
            for _ in 0..2 {
                formatter.begin_object(&mut sink)?;
                formatter.begin_array(&mut sink)?;
            }
            let mut ser = serde_json::Serializer::with_formatter(&mut *w, formatter);
            serde::Serialize::serialize(&result, &mut ser).map_err(std::io::Error::other)?;
        }
        Ok(())
    }

    /// Writes the rest of the log.
    pub fn finish(mut self, w: &mut impl std::io::Write) -> std::io::Result<()> {
        if self.tail.is_none() {
            self.start(w)?;
        }
        w.write_all(if self.written == 0 { b"]" } else { b"\n      ]" })?;
        w.write_all(self.tail.unwrap_or_default().as_bytes())
    }

    /// The whole log as a value, with `results` in its place.
    fn log_value(&self, results: Value) -> Value {
        let mut run = json!({
            "tool": {"driver": {
                "name": "rapporteur",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": DOCS_URL,
                "rules": Code::ALL.iter().map(|&c| rule(c)).collect::<Vec<_>>(),
            }},
            "invocations": [{
                "executionSuccessful": self.notifications.is_empty(),
                "toolExecutionNotifications": self.notifications,
            }],
            "columnKind": "utf16CodeUnits",
            "artifacts": self.artifacts,
            "results": results,
        });
        if let Some(cwd) = &self.cwd {
            let mut root = slashes(cwd);
            if !root.starts_with('/') {
                root.insert(0, '/');
            }
            if !root.ends_with('/') {
                root.push('/');
            }
            run["originalUriBaseIds"] = json!({"%SRCROOT%": {"uri": format!("file://{}", encode_path(&root))}});
        }
        json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [run],
        })
    }
}

fn result(a: &Analysis, location: &Value, d: &Diagnostic) -> Value {
    let rule_index = Code::ALL.iter().position(|&c| c == d.code);
    json!({
        "ruleId": d.code.as_str(),
        "ruleIndex": rule_index,
        "level": level(d.severity),
        "message": {"text": d.message},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": region(a, d.range)}}],
        "relatedLocations": d.related.iter().enumerate().map(|(i, r)| json!({
            "id": i,
            "physicalLocation": {"artifactLocation": location, "region": region(a, r.range)},
            "message": {"text": r.message},
        })).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_its_readme_text() {
        for code in Code::ALL {
            let doc = code_doc(code).unwrap_or_else(|| panic!("README has no section for {}", code.as_str()));
            assert!(!doc.starts_with("Error") && !doc.starts_with("Warning"), "{doc}");
            let short = first_sentence(&doc);
            assert!(short.ends_with('.') && short.len() >= 10, "{}: {short:?}", code.as_str());
        }
        assert_eq!(first_sentence(&code_doc(Code::ReferenceBroken).unwrap()), "The target does not exist.");
        assert!(first_sentence(&code_doc(Code::ReferenceAmbiguous).unwrap()).contains("the candidates are the related locations"));
    }

    #[test]
    fn the_streamed_log_is_the_pretty_printed_value() {
        use crate::diagnostics::DiagnosticsConfig;
        let seed = include_str!("../../tests/fixtures/seed/000_e12bae3abcaa388b.txt");
        let config = DiagnosticsConfig::all_enabled();
        let analyses = [Analysis::new(seed, None, &config), Analysis::new("1. a\n3. b 😀 paragraph 9\n", None, &config)];
        assert!(analyses.iter().all(|a| !a.diagnostics.is_empty()));
        for n in 0..=analyses.len() {
            for errors in [0, 1] {
                let mut log = SarifLog::new();
                (0..errors).for_each(|_| log.add_error("x.txt: no such file"));
                let paths: Vec<std::path::PathBuf> = (0..n).map(|i| format!("d/f{i}.txt").into()).collect();
                let indices: Vec<usize> = (0..n).map(|i| log.add_artifact(&paths[i], &analyses[i])).collect();
                let results: Vec<Value> =
                    (0..n).flat_map(|i| log.results(&paths[i], &analyses[i], indices[i]).collect::<Vec<_>>()).collect();
                let expected = format!("{}\n", serde_json::to_string_pretty(&log.log_value(Value::Array(results))).unwrap());
                let mut streamed = Vec::new();
                log.start(&mut streamed).unwrap();
                for i in 0..n {
                    log.write_file(&mut streamed, &paths[i], &analyses[i], indices[i]).unwrap();
                }
                log.finish(&mut streamed).unwrap();
                assert_eq!(String::from_utf8(streamed).unwrap(), expected, "{n} files, {errors} errors");
            }
        }
    }

    #[test]
    fn paths_become_relative_uris() {
        let cwd = Path::new("/work/repo");
        assert_eq!(artifact_location(Path::new("./drafts/a b.md"), Some(cwd))["uri"], "drafts/a%20b.md");
        assert_eq!(artifact_location(Path::new("/work/repo/x/附件.txt"), Some(cwd))["uri"], "x/%E9%99%84%E4%BB%B6.txt");
        assert_eq!(artifact_location(Path::new("/work/repo/x.txt"), Some(cwd))["uriBaseId"], "%SRCROOT%");
        let outside = artifact_location(Path::new("/tmp/x.txt"), Some(cwd));
        assert_eq!(outside["uri"], "file:///tmp/x.txt");
        assert!(outside.get("uriBaseId").is_none());
    }
}
