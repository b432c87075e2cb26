//! Revisions of one draft in a workspace folder, through the server: in
//! Rev.2, a reference to "paragraph 1 of Rev.1" (`第一次修订稿第1段`) goes to
//! that paragraph of Rev.1 (definition) and its hover shows the paragraph's
//! text there and its number and text in Rev.2, in both position encodings
//! (Chinese text: an encoding slip moves every position); and the source
//! action that moves a delegation's comments on Rev.1 to Rev.2, with its
//! exact edits.

#[path = "lsp_common.rs"]
mod common;

use std::path::{Path, PathBuf};

use common::*;
use rapporteur::lsp::Options;
use serde_json::{json, Value};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/revisions");

fn folder(name: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("rapporteur-revisions-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).unwrap();
    for f in ["rev1_zh.txt", "rev2_zh.txt", "comments_zh.txt"] {
        std::fs::copy(Path::new(FIXTURES).join(f), root.join(f)).unwrap();
    }
    root
}

async fn scenario(utf8: bool) {
    let root = folder(if utf8 { "utf8" } else { "utf16" });
    let mut s = Session::start(Options::default());
    let encodings = if utf8 { json!(["utf-16", "utf-8"]) } else { json!(["utf-16"]) };
    let params = json!({
        "capabilities": {"general": {"positionEncodings": encodings}},
        "workspaceFolders": [{"uri": file_uri(&root), "name": "revisions"}],
        // The comments are no UN document: the user asks for the checker on every file.
        "initializationOptions": {"rapporteur": {"detect": "always"}},
    });
    s.request("initialize", params).await.unwrap();
    s.notify("initialized", json!({})).await;
    symbols_when(&mut s, "A/C.3/80/L.12", 2, |d| d["kind"] == 1).await;

    let rev1 = std::fs::read_to_string(root.join("rev1_zh.txt")).unwrap();
    let rev2_path = root.join("rev2_zh.txt");
    let rev2 = std::fs::read_to_string(&rev2_path).unwrap();
    let rev2_uri = file_uri(&rev2_path);
    s.open(&rev2_uri, &rev2, 1).await;
    // The citation is of another text: no diagnostic on it.
    let published = s.diagnostics(&rev2_uri, Some(1)).await;
    assert!(published.is_empty(), "{published:#?}");

    let at = position_of_needle(&rev2, "第1段所述", 3, utf8);
    let def = s.request("textDocument/definition", text_position(&rev2_uri, at.clone())).await.unwrap();
    let def = def.as_array().expect("locations");
    assert_eq!(def.len(), 1, "{def:?}");
    assert_eq!(def[0]["uri"], file_uri(&root.join("rev1_zh.txt")));
    assert_eq!(def[0]["range"]["start"], position_of_needle(&rev1, "1. 决定于2027年", 0, utf8));

    let hover = s.request("textDocument/hover", text_position(&rev2_uri, at)).await.unwrap();
    let md = hover["contents"]["value"].as_str().unwrap();
    assert!(md.contains("2027年召开"), "the paragraph in Rev.1: {md}");
    assert!(md.contains("**In this revision**: Paragraph 2 (changed)"), "its number in Rev.2: {md}");
    assert!(md.contains("2028年召开"), "its text in Rev.2: {md}");
    // The hover covers the reference, in the client's encoding.
    assert_eq!(hover["range"]["start"], position_of_needle(&rev2, "第1段所述", 0, utf8));
    assert_eq!(hover["range"]["end"], position_of_needle(&rev2, "所述", 0, utf8));

    // A delegation's comments on Rev.1: the source action moves them to Rev.2, exactly.
    let comments_path = root.join("comments_zh.txt");
    let comments = std::fs::read_to_string(&comments_path).unwrap();
    let comments_uri = file_uri(&comments_path);
    s.open(&comments_uri, &comments, 1).await;
    s.diagnostics(&comments_uri, Some(1)).await;
    let p = position_of_needle(&comments, "第1段和", 3, utf8);
    let params = json!({"textDocument": {"uri": comments_uri}, "range": {"start": p, "end": p}, "context": {"diagnostics": []}});
    let actions = s.request("textDocument/codeAction", params).await.unwrap();
    let actions = actions.as_array().cloned().unwrap_or_default();
    let action = actions
        .iter()
        .find(|a| a["title"].as_str().unwrap_or("").starts_with("Move the references to A/C.3/80/L.12/Rev.1"))
        .unwrap_or_else(|| panic!("a revision action: {actions:#?}"));
    assert_eq!(action["kind"], "source.renumber");
    let mut edits: Vec<Value> = action["edit"]["changes"][&comments_uri].as_array().unwrap().clone();
    edits.sort_by_key(|e| (e["range"]["start"]["line"].as_u64(), e["range"]["start"]["character"].as_u64()));
    let edit = |needle: &str, skip: usize, len: usize, new_text: &str| {
        json!({"range": {"start": position_of_needle(&comments, needle, skip, utf8), "end": position_of_needle(&comments, needle, skip + len, utf8)},
               "newText": new_text})
    };
    // 第一次修订稿第1段和第2段 → 第二次修订稿第2段和第3段; 第3段（第1次修订稿） was deleted
    // in Rev.2 and stays; the resolution's paragraph is another text's.
    let expected = vec![
        edit("第一次修订稿", "第".len(), "一".len(), "二"),
        edit("第1段和", "第".len(), 1, "2"),
        edit("第2段打破", "第".len(), 1, "3"),
    ];
    assert_eq!(edits, expected, "{action:#}");
    let _ = std::fs::remove_dir_all(&root);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn revision_reference_over_utf16() {
    scenario(false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn revision_reference_over_utf8() {
    scenario(true).await;
}
