//! The server over a workspace folder: the documents of the folder are
//! indexed in the background (as the activation rules, `include`/`exclude`
//! and the folder's bounds allow), and definition, hover, references,
//! diagnostics and workspace symbols reach across them, in both position
//! encodings.

#[path = "lsp_common.rs"]
mod common;

use std::path::{Path, PathBuf};

use common::*;
use rapporteur::lsp::Options;
use serde_json::{json, Value};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/workspace");

/// A workspace folder with the fixture documents, a README, a document
/// excluded by glob, and a link to a folder outside with a document in it.
fn folder(name: &str) -> PathBuf {
    let base = std::env::temp_dir().join(format!("rapporteur-ws-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let root = base.join("negotiation");
    let outside = base.join("outside");
    std::fs::create_dir_all(root.join("drafts")).unwrap();
    std::fs::create_dir_all(root.join("excluded")).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    for f in ["draft.txt", "report_en.txt", "report_fr.txt", "resolution_72_57.txt"] {
        let to = if f == "draft.txt" { root.join("drafts").join(f) } else { root.join(f) };
        std::fs::copy(Path::new(FIXTURES).join(f), to).unwrap();
    }
    std::fs::write(root.join("README.md"), "# Notes\n\n1. Read A/CONF.192/2018/RC/3.\n").unwrap();
    let other = std::fs::read_to_string(Path::new(FIXTURES).join("resolution_72_57.txt")).unwrap().replace("A/RES/72/57", "A/RES/72/99");
    std::fs::write(root.join("excluded").join("resolution_72_99.txt"), &other).unwrap();
    std::fs::write(outside.join("outside.txt"), other.replace("A/RES/72/99", "A/CONF.192/2018/RC/9")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&outside, root.join("link-out")).unwrap();
    root
}

async fn scenario(utf8: bool) {
    let root = folder(if utf8 { "utf8" } else { "utf16" });
    let mut s = Session::start(Options::default());
    let encodings = if utf8 { json!(["utf-16", "utf-8"]) } else { json!(["utf-16"]) };
    let params = json!({
        "capabilities": {"general": {"positionEncodings": encodings}},
        "workspaceFolders": [{"uri": file_uri(&root), "name": "negotiation"}],
        "initializationOptions": {"rapporteur": {"exclude": ["excluded/**"]}},
    });
    let init = s.request("initialize", params).await.unwrap();
    assert_eq!(init["capabilities"]["workspaceSymbolProvider"], true);
    s.notify("initialized", json!({})).await;

    // Indexed: the four documents, not the README, the excluded file or what the link leads to.
    let docs = symbols_when(&mut s, "", 4, |_| true).await;
    let mut names: Vec<&str> = docs.iter().map(|d| d["name"].as_str().unwrap()).collect();
    names.sort();
    assert_eq!(names, ["A/C.1/73/L.20", "A/CONF.192/2018/RC/3", "A/CONF.192/2018/RC/3", "A/RES/72/57"], "{docs:#?}");
    // (The files are indexed in batches of sixteen or more: with the four found, all were read.)
    assert!(symbols_when(&mut s, "A/RES/72/99", 0, |_| true).await.is_empty());
    assert!(symbols_when(&mut s, "A/CONF.192/2018/RC/9", 0, |_| true).await.is_empty());
    // Paragraphs by symbol, address and words.
    let hits = symbols_when(&mut s, "A/CONF.192/2018/RC/3 annex II 4", 1, |_| true).await;
    assert!(hits[0]["name"].as_str().unwrap().contains("paragraph 4"), "{hits:#?}");
    let report_en = root.join("report_en.txt");
    assert!(hits.iter().any(|h| h["location"]["uri"] == file_uri(&report_en)), "{hits:#?}");

    // The draft, opened: its reference to a paragraph the report lacks is broken, pointing at the report.
    let draft_path = root.join("drafts").join("draft.txt");
    let draft = std::fs::read_to_string(&draft_path).unwrap();
    let draft_uri = file_uri(&draft_path);
    s.open(&draft_uri, &draft, 1).await;
    let published = s.diagnostics(&draft_uri, Some(1)).await;
    let broken: Vec<&Value> = published.iter().filter(|d| d["code"] == "reference.broken").collect();
    assert_eq!(broken.len(), 1, "{published:#?}");
    assert_eq!(broken[0]["range"]["start"], position_of_needle(&draft, "paragraph 40", 0, utf8));
    assert_eq!(broken[0]["relatedInformation"][0]["location"]["uri"], file_uri(&report_en));

    // Definition: `paragraph 3 of resolution 72/57` → the resolution's paragraph 3.
    let resolution = std::fs::read_to_string(root.join("resolution_72_57.txt")).unwrap();
    let at = position_of_needle(&draft, "paragraph 3 of resolution", 10, utf8);
    let def = s.request("textDocument/definition", text_position(&draft_uri, at.clone())).await.unwrap();
    let def = def.as_array().expect("locations");
    assert_eq!(def.len(), 1, "{def:?}");
    assert_eq!(def[0]["uri"], file_uri(&root.join("resolution_72_57.txt")));
    assert_eq!(def[0]["range"]["start"], position_of_needle(&resolution, "3. Decides to convene", 0, utf8));
    // Hover: the paragraph's text and its document.
    let hover = s.request("textDocument/hover", text_position(&draft_uri, at)).await.unwrap();
    let md = hover["contents"]["value"].as_str().unwrap();
    assert!(md.contains("Decides to convene the third Review Conference") && md.contains("A/RES/72/57"), "{md}");

    // References to the report's paragraph 4, from its number: the draft's citation.
    let report = std::fs::read_to_string(&report_en).unwrap();
    s.open(&file_uri(&report_en), &report, 1).await;
    let mut params = text_position(&file_uri(&report_en), position_of_needle(&report, "4. States undertake", 0, utf8));
    params["context"] = json!({"includeDeclaration": false});
    let refs = s.request("textDocument/references", params).await.unwrap();
    let refs = refs.as_array().unwrap();
    assert_eq!(refs.len(), 1, "{refs:?}");
    assert_eq!(refs[0]["uri"], draft_uri);
    assert_eq!(refs[0]["range"]["start"], position_of_needle(&draft, "paragraph 4 of the annex", 0, utf8));

    // The editor's text wins over the disk's: a paragraph 40 typed into the open report mends the draft.
    let added = format!("{report}\n40. States undertake to report on tracing.\n");
    let change = json!({"textDocument": {"uri": file_uri(&report_en), "version": 2}, "contentChanges": [{"text": added}]});
    s.notify("textDocument/didChange", change).await;
    s.diagnostics(&file_uri(&report_en), Some(2)).await;
    // … and the draft, which cites it, is published again without the broken reference.
    // (Earlier publications, from when the report was opened, may come first.)
    let mut again = s.diagnostics(&draft_uri, Some(1)).await;
    for _ in 0..5 {
        if again.iter().all(|d| d["code"] != "reference.broken") {
            break;
        }
        again = s.diagnostics(&draft_uri, Some(1)).await;
    }
    assert!(again.iter().all(|d| d["code"] != "reference.broken"), "{again:#?}");
    let at = position_of_needle(&draft, "paragraph 40", 10, utf8);
    let def = s.request("textDocument/definition", text_position(&draft_uri, at)).await.unwrap();
    assert_eq!(def[0]["uri"], file_uri(&report_en), "{def}");
    let _ = std::fs::remove_dir_all(root.parent().unwrap());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn workspace_over_utf16() {
    scenario(false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn workspace_over_utf8() {
    scenario(true).await;
}
