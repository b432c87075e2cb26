//! The user's negotiation words (delegations, verbs, status tags) extend the
//! language's table: `--vocabulary FILE` for `status` and `check`, and the
//! server's `negotiation` setting. The draft's tag `[Agreed at PrepCom]` and
//! attribution `[Wakanda strike]` are in no table: without the words the
//! text is no draft; with them, paragraph 1 is agreed and paragraph 2
//! carries an attribution.

#[path = "lsp_common.rs"]
mod common;

use std::process::Command;

use common::*;
use rapporteur::lsp::Options;
use serde_json::{json, Value};

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/negotiation_vocabulary/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_rapporteur")).args(args).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn status_reads_the_words_of_the_file() {
    let draft = fixture("draft.txt");
    let (code, out, _) = run(&["status", &draft]);
    assert_eq!(code, 0);
    assert!(out.contains("not a negotiation draft"), "{out}");
    let words = fixture("words.json");
    let (code, out, err) = run(&["status", "--format", "json", "--vocabulary", &words, &draft]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["draft"], true);
    assert_eq!(v["total"]["agreed"], 1, "{v:#}");
    assert_eq!(v["total"]["bracketed"], 1, "{v:#}");
    assert_eq!(v["attributions"], 1, "{v:#}");
    let statuses: Vec<&str> = v["paragraphs"].as_array().unwrap().iter().map(|p| p["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["agreed", "bracketed", "open"]);
}

#[test]
fn check_reads_the_words_and_refuses_a_bad_file() {
    let draft = fixture("draft.txt");
    // `brackets.left` (asked for): with the words, `[Agreed at PrepCom]` is a status tag, not bracketed text.
    let (_, without, _) = run(&["check", "--format", "json", "--severity", "brackets.left=hint", &draft]);
    let (code, with, err) =
        run(&["check", "--format", "json", "--severity", "brackets.left=hint", "--vocabulary", &fixture("words.json"), &draft]);
    assert_eq!(code, 0, "{err}");
    let count = |s: &str| s.matches("\"brackets.left\"").count();
    assert_eq!((count(&without), count(&with)), (2, 1), "{without}\n{with}");
    // The one left is `[Wakanda strike]`, on paragraph 2's line (0-based 4).
    let v: Value = serde_json::from_str(&with).unwrap();
    assert_eq!(v["files"][0]["diagnostics"][0]["range"]["start"], json!({"line": 4, "character": 44}), "{v:#}");
    let dir = std::env::temp_dir().join(format!("rapporteur-vocabulary-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"{"tags": ["x"]}"#).unwrap();
    let (code, _, err) = run(&["check", "--vocabulary", bad.to_str().unwrap(), &draft]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown key `tags`"), "{err}");
    std::fs::write(&bad, "not json").unwrap();
    let (code, _, err) = run(&["status", "--vocabulary", bad.to_str().unwrap(), &draft]);
    assert_eq!(code, 2);
    assert!(err.contains("not JSON"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The outline's detail of paragraph 1 and the semantic tokens' count, with the given settings.
async fn outline_and_tokens(settings: Value) -> (String, usize) {
    let mut s = Session::start(Options::default());
    s.initialize(true, settings).await;
    let text = std::fs::read_to_string(fixture("draft.txt")).unwrap();
    let uri = "file:///draft.txt";
    s.open(uri, &text, 1).await;
    s.diagnostics(uri, Some(1)).await;
    let symbols = s.request("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}})).await.unwrap();
    fn find(v: &Value, name: &str) -> Option<String> {
        for sym in v.as_array()? {
            if sym["name"].as_str().is_some_and(|n| n.contains(name)) {
                return Some(sym["detail"].as_str().unwrap_or("").to_string());
            }
            if let Some(d) = find(&sym["children"], name) {
                return Some(d);
            }
        }
        None
    }
    let detail = find(&symbols, "1").unwrap_or_else(|| panic!("paragraph 1: {symbols:#}"));
    let tokens = s.request("textDocument/semanticTokens/full", json!({"textDocument": {"uri": uri}})).await.unwrap();
    (detail, tokens["data"].as_array().map_or(0, Vec::len) / 5)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_setting_extends_the_table() {
    let settings = json!({"rapporteur": {"detect": "always"}});
    let (detail, tokens) = outline_and_tokens(settings).await;
    assert!(!detail.starts_with("[agreed"), "{detail}");
    let settings = json!({"rapporteur": {"detect": "always", "negotiation": {"delegations": ["Wakanda"], "verbs": ["strike"], "agreed": ["agreed at PrepCom"]}}});
    let (with_detail, with_tokens) = outline_and_tokens(settings).await;
    assert!(with_detail.starts_with("[agreed]"), "{with_detail}");
    // A status tag, two bracket pairs and an attribution are coloured.
    assert!(with_tokens > tokens, "{tokens} → {with_tokens}");
}
