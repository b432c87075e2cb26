//! The server holds a draft's text once: its analysis keeps the masked text
//! and the markup it blanked aside, and tells the text again a range at a
//! time. This checks that what an editor asks on every keystroke (the
//! diagnostics, the outline, folds, semantic tokens, links, code lenses,
//! inlay hints, highlights, code actions, hover, definition, references)
//! never makes a marked-up draft's text whole again, and that the positions
//! it gives on lines holding markup (a BOM, a link whose target is not
//! ASCII) are the text's, not the masked text's. (A test binary of its own:
//! the count of texts made whole is the process's.)

#[path = "lsp_common.rs"]
mod common;

use common::*;
use rapporteur::ide::OriginalText;
use rapporteur::lsp::Options;
use serde_json::{json, Value};

const URI: &str = "file:///tmp/rapporteur-test/marked.md";

fn doc_id() -> Value {
    json!({"uri": URI})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_usual_requests_never_make_a_marked_up_draft_whole() {
    // The seed (Markdown links) with a BOM, bold headings and a link whose
    // target is Chinese on the line of a reference.
    let text = format!(
        "\u{feff}{}",
        SEED.replacen("二. 组织事项和会议记录", "**二. 组织事项和会议记录**", 1).replacen(
            "第一节第 16 段",
            "[第一节第 16 段](#第一节) 第一节第 16 段",
            1
        )
    );
    let mut s = Session::start(Options { debounce: std::time::Duration::ZERO, ..Options::default() });
    s.initialize(false, Value::Null).await;
    let before = OriginalText::made_whole_count();
    s.open(URI, &text, 1).await;
    let published = s.diagnostics(URI, Some(1)).await;
    assert!(!published.is_empty());
    // Typing on a line with markup, twice.
    let line = text.lines().position(|l| l.contains("](#第一节)")).expect("the link's line") as u32;
    let after_link = text.lines().nth(line as usize).unwrap().to_string();
    let typed_at = after_link.find(") 第一节第").unwrap() + 1;
    let col = after_link[..typed_at].encode_utf16().count() as u32;
    for (version, typed) in [(2, "x"), (3, "y")] {
        let at = json!({"line": line, "character": col});
        s.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": [{"range": {"start": at, "end": at}, "text": typed}]}),
        )
        .await;
        s.diagnostics(URI, Some(version)).await;
    }
    let mut text = text;
    let line_start: usize = text.split_inclusive('\n').take(line as usize).map(str::len).sum();
    text.insert_str(line_start + typed_at, "xy");
    let whole_line = text.lines().nth(line as usize).unwrap().to_string();

    // The reference after the link: its definition and hover, asked at a
    // UTF-16 column counted on the text (the link's target is Chinese).
    let reference_col = whole_line[..whole_line.find("xy 第一节第 16 段").unwrap() + "xy 第一节第 ".len()].encode_utf16().count() as u32;
    let position = json!({"textDocument": doc_id(), "position": {"line": line, "character": reference_col}});
    let definition = s.request("textDocument/definition", position.clone()).await.unwrap();
    assert_eq!(definition.as_array().map(Vec::len), Some(1), "{definition}");
    let hover = s.request("textDocument/hover", position.clone()).await.unwrap();
    let range = &hover["range"];
    let start = range["start"]["character"].as_u64().unwrap() as usize;
    let end = range["end"]["character"].as_u64().unwrap() as usize;
    let units: Vec<u16> = whole_line.encode_utf16().collect();
    assert_eq!(String::from_utf16_lossy(&units[start..end]), "第一节第 16 段", "{hover}");
    let mut params = position.clone();
    params["context"] = json!({"includeDeclaration": true});
    assert!(s.request("textDocument/references", params).await.unwrap().as_array().is_some_and(|r| !r.is_empty()));
    s.request("textDocument/documentHighlight", position.clone()).await.unwrap();

    for method in [
        "textDocument/documentSymbol",
        "textDocument/foldingRange",
        "textDocument/semanticTokens/full",
        "textDocument/documentLink",
        "textDocument/codeLens",
    ] {
        let answer = s.request(method, json!({"textDocument": doc_id()})).await.unwrap();
        assert!(!answer.is_null(), "{method}");
    }
    let whole = json!({"start": {"line": 0, "character": 0}, "end": {"line": text.lines().count(), "character": 0}});
    s.request("textDocument/inlayHint", json!({"textDocument": doc_id(), "range": whole})).await.unwrap();
    let here = json!({"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}});
    s.request("textDocument/codeAction", json!({"textDocument": doc_id(), "range": here, "context": {"diagnostics": []}})).await.unwrap();

    assert_eq!(OriginalText::made_whole_count(), before, "a request made the text whole");
}
