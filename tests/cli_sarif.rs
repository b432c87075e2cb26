//! `rapporteur check --format sarif`: the log validates against the SARIF
//! 2.1.0 JSON schema (OASIS; copied into `tests/schemas/`), for the seed and
//! corpus documents, and says what a CI dashboard shows: rules for every
//! code with the README's text and link, results with 1-based regions whose
//! columns count UTF-16 code units, related locations, artifact URIs
//! relative to the working directory.

use std::path::Path;
use std::process::Command;

use rapporteur::diagnostics::Code;
use serde_json::Value;

const SEED: &str = "tests/fixtures/seed/000_e12bae3abcaa388b.txt";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn sarif(dir: &Path, args: &[&str]) -> (Option<i32>, Value) {
    let out =
        Command::new(env!("CARGO_BIN_EXE_rapporteur")).current_dir(dir).args(["check", "--format", "sarif"]).args(args).output().unwrap();
    let v = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    (out.status.code(), v)
}

/// The SARIF 2.1.0 schema, compiled. Its one pattern that is no valid
/// regular expression (`language` of a run and of a tool component, with an
/// unbalanced `]`: a slip in the OASIS file that strict validators refuse to
/// compile; rapporteur writes neither property) is read as the expression
/// it means; the file itself stays as published. This copy (see
/// `tests/schemas/SOURCES.md`) keeps the top-level log's schema under
/// `definitions/Root` with nothing pointing to it, so on its own it would
/// accept any JSON: logs are validated against `#/definitions/Root`.
fn validator(formats: bool) -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("tests/schemas/sarif-schema-2.1.0.json")).unwrap();
    let slip = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert_eq!(text.matches(slip).count(), 2, "the schema changed: review this fix");
    let mut schema: Value = serde_json::from_str(&text.replace(slip, r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#)).unwrap();
    assert!(schema.get("properties").is_none() && schema["definitions"]["Root"]["required"].is_array());
    schema["$ref"] = "#/definitions/Root".into();
    jsonschema::options().should_validate_formats(formats).build(&schema).unwrap()
}

fn validate(log: &Value) {
    let validator = validator(true);
    let errors: Vec<String> = validator.iter_errors(log).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "not valid SARIF 2.1.0:\n{}", errors.join("\n"));
}

fn run(log: &Value) -> &Value {
    &log["runs"][0]
}

#[test]
fn the_schema_rejects_what_is_not_sarif() {
    // The validator is live: a log without its version, or with a column
    // kind SARIF does not know, fails.
    let (_, mut log) = sarif(root(), &[SEED]);
    log.as_object_mut().unwrap().remove("version");
    let validator = validator(false);
    assert!(!validator.is_valid(&log));
    let (_, mut log) = sarif(root(), &[SEED]);
    log["runs"][0]["columnKind"] = "characters".into();
    assert!(!validator.is_valid(&log));
}

#[test]
fn seed_log_is_valid_and_complete() {
    let (status, log) = sarif(root(), &[SEED]);
    assert_eq!(status, Some(0), "the seed has warnings only");
    validate(&log);
    assert_eq!(log["version"], "2.1.0");
    let run = run(&log);
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    assert_eq!(run["tool"]["driver"]["name"], "rapporteur");
    // Every code is a rule, with the README's text and its section as help.
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), Code::ALL.len());
    for (rule, code) in rules.iter().zip(Code::ALL) {
        assert_eq!(rule["id"], code.as_str());
        assert_eq!(rule["helpUri"], format!("{}#{}", env!("CARGO_PKG_REPOSITORY"), code.doc_anchor()));
        let short = rule["shortDescription"]["text"].as_str().unwrap();
        assert!(short.ends_with('.') && short.len() > 10, "{short}");
        assert!(rule["help"]["text"].as_str().unwrap().contains(short));
    }
    assert_eq!(rules[0]["shortDescription"]["text"], "The target does not exist.");
    assert_eq!(rules[0]["defaultConfiguration"]["level"], "error");
    // The artifact, relative to the working directory.
    assert_eq!(run["artifacts"][0]["location"]["uri"], SEED);
    assert_eq!(run["artifacts"][0]["location"]["uriBaseId"], "%SRCROOT%");
    assert!(run["originalUriBaseIds"]["%SRCROOT%"]["uri"].as_str().unwrap().starts_with("file:///"));
    // `附件一` on line 156 after 62 UTF-16 units: columns 63 to 66 (the end
    // column is the one just past the span), the annex (line 172) related.
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 6);
    let r = results.iter().find(|r| r["ruleId"] == "reference.annex-number").unwrap();
    assert_eq!(r["level"], "warning");
    assert_eq!(rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"], "reference.annex-number");
    let region = &r["locations"][0]["physicalLocation"]["region"];
    assert_eq!((region["startLine"].as_u64(), region["startColumn"].as_u64()), (Some(156), Some(63)));
    assert_eq!((region["endLine"].as_u64(), region["endColumn"].as_u64()), (Some(156), Some(66)));
    assert_eq!(r["locations"][0]["physicalLocation"]["artifactLocation"]["index"], 0);
    assert_eq!(r["relatedLocations"][0]["physicalLocation"]["region"]["startLine"], 172);
    assert_eq!(r["relatedLocations"][0]["message"]["text"], "the annex");
    // Hints are notes.
    assert!(results.iter().any(|r| r["ruleId"] == "structure.inline-heading" && r["level"] == "note"));
}

#[test]
fn corpus_logs_are_valid() {
    let (_, log) = sarif(
        root(),
        &[
            "tests/fixtures/corpus",
            "tests/corpus-dev/en_A-80-604-Add.4.txt",
            "tests/corpus-dev/en_A-80-605.txt",
            "tests/fixtures/lang/ar/al-mutamar-al-istiradi.txt",
        ],
    );
    validate(&log);
    let run = run(&log);
    assert!(run["artifacts"].as_array().unwrap().len() >= 12);
    assert!(!run["results"].as_array().unwrap().is_empty());
    // Every result points into an artifact of the log.
    let n = run["artifacts"].as_array().unwrap().len() as u64;
    for r in run["results"].as_array().unwrap() {
        assert!(r["locations"][0]["physicalLocation"]["artifactLocation"]["index"].as_u64().unwrap() < n);
    }
}

#[test]
fn columns_count_utf16_code_units_and_errors_fail() {
    let dir = std::env::temp_dir().join(format!("rapporteur-cli-sarif-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("drafts")).unwrap();
    // `😀` is one character but two UTF-16 code units.
    std::fs::write(dir.join("drafts/draft.txt"), "United Nations\n\nI. Introduction\n\n1. 😀 Recalls paragraph 9.\n").unwrap();
    std::fs::write(dir.join("drafts/bad.txt"), b"1. ok\n\xff").unwrap();
    let (status, log) = sarif(&dir, &["drafts/draft.txt", "./drafts/bad.txt"]);
    assert_eq!(status, Some(2), "an unreadable file is exit status 2");
    validate(&log);
    let run = run(&log);
    let r = run["results"].as_array().unwrap().iter().find(|r| r["ruleId"] == "reference.broken").unwrap();
    assert_eq!(r["level"], "error");
    let region = &r["locations"][0]["physicalLocation"]["region"];
    // "1. 😀 Recalls " is 14 UTF-16 units: the reference starts in column 15.
    assert_eq!(region["startLine"], 5);
    assert_eq!(region["startColumn"], 15);
    assert_eq!(region["endColumn"], 15 + "paragraph 9".len() as u64);
    assert_eq!(run["artifacts"][0]["location"]["uri"], "drafts/draft.txt");
    // The unreadable file is a notification, and the run did not succeed.
    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    assert!(invocation["toolExecutionNotifications"][0]["message"]["text"].as_str().unwrap().contains("not valid UTF-8"));
    // Without the unreadable file, errors make exit status 1.
    let (status, _) = sarif(&dir, &["drafts/draft.txt"]);
    assert_eq!(status, Some(1));
}
