//! Negotiation drafts through the real server, in both position encodings,
//! on Chinese text with a character outside the BMP (an encoding slip moves
//! every column): the semantic tokens of brackets, alternatives,
//! attributions and status tags, exactly; and the code actions — accept an
//! alternative, drop a bracketed passage, mark a paragraph agreed — with
//! their exact edits, applied and checked.

#[path = "lsp_common.rs"]
mod common;

use common::*;
use rapporteur::lsp::Options;
use serde_json::{json, Value};

const URI: &str = "file:///tmp/rapporteur-negotiation/zh_draft.txt";

const DRAFT: &str = "成果文件零案文\n\n大会，\n\n1. 决定于2027年召开一次高级别会议；[已商定]\n\n2. 吁请会员国[加强/增进]其努力（欧盟）；\n\n3. [备选案文1：请秘书长提交报告；] [备选案文2：请秘书长口头通报；]\n\n4. 鼓励𠮷提供[自愿]资金；\n";

fn position(text: &str, offset: usize, utf8: bool) -> Value {
    let (line, character) = naive_position(text, offset, utf8);
    json!({"line": line, "character": character})
}

/// The byte offset of an LSP position, counted here.
fn offset_of(text: &str, pos: &Value, utf8: bool) -> usize {
    let (line, col) = (pos["line"].as_u64().unwrap() as usize, pos["character"].as_u64().unwrap() as u32);
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= col {
            return start + i;
        }
        units += if utf8 { c.len_utf8() as u32 } else { c.len_utf16() as u32 };
    }
    text.len()
}

/// The negotiation tokens as (type, text under it), in order.
fn negotiation_tokens(text: &str, data: &[Value], utf8: bool, legend: &Value) -> Vec<(String, String)> {
    let types: Vec<&str> = legend["tokenTypes"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
    let (mut line, mut col) = (0u64, 0u64);
    let mut out = Vec::new();
    for t in data.chunks(5) {
        let (dl, dc, len, ty) = (t[0].as_u64().unwrap(), t[1].as_u64().unwrap(), t[2].as_u64().unwrap(), t[3].as_u64().unwrap());
        if dl > 0 {
            line += dl;
            col = dc;
        } else {
            col += dc;
        }
        let ty = types[ty as usize];
        if !matches!(ty, "operator" | "parameter" | "variable" | "decorator") {
            continue;
        }
        let start = offset_of(text, &json!({"line": line, "character": col}), utf8);
        let end = offset_of(text, &json!({"line": line, "character": col + len}), utf8);
        out.push((ty.to_string(), text[start..end].to_string()));
    }
    out
}

async fn actions_at(s: &mut Session, text: &str, at: usize, utf8: bool) -> Vec<Value> {
    let p = position(text, at, utf8);
    let params = json!({"textDocument": {"uri": URI}, "range": {"start": p, "end": p}, "context": {"diagnostics": []}});
    s.request("textDocument/codeAction", params).await.unwrap().as_array().cloned().unwrap_or_default()
}

fn titled<'a>(actions: &'a [Value], title: &str) -> &'a Value {
    actions.iter().find(|a| a["title"] == title).unwrap_or_else(|| {
        let titles: Vec<&str> = actions.iter().filter_map(|a| a["title"].as_str()).collect();
        panic!("no action {title:?} among {titles:#?}")
    })
}

/// The single edit of an action, as (replaced text, new text), checked to
/// be at the expected byte range.
fn only_edit(action: &Value, text: &str, utf8: bool) -> (std::ops::Range<usize>, String) {
    assert_eq!(action["kind"], "refactor.rewrite", "{action}");
    let edits = action["edit"]["changes"][URI].as_array().unwrap_or_else(|| panic!("an edit: {action}"));
    assert_eq!(edits.len(), 1, "{action}");
    let e = &edits[0];
    let range = offset_of(text, &e["range"]["start"], utf8)..offset_of(text, &e["range"]["end"], utf8);
    (range, e["newText"].as_str().unwrap().to_string())
}

fn span(text: &str, needle: &str) -> std::ops::Range<usize> {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle:?}"));
    at..at + needle.len()
}

async fn scenario(utf8: bool) {
    let mut s = Session::start(Options::default());
    let init = s.initialize(utf8, json!({"rapporteur": {"detect": "always"}})).await;
    let legend = init["capabilities"]["semanticTokensProvider"]["legend"].clone();
    s.open(URI, DRAFT, 1).await;
    s.diagnostics(URI, Some(1)).await;

    let tokens = s.request("textDocument/semanticTokens/full", json!({"textDocument": {"uri": URI}})).await.unwrap();
    let got = negotiation_tokens(DRAFT, tokens["data"].as_array().unwrap(), utf8, &legend);
    let want: Vec<(String, String)> = [
        ("decorator", "[已商定]"),
        ("operator", "["),
        ("parameter", "加强"),
        ("parameter", "增进"),
        ("operator", "]"),
        ("variable", "（欧盟）"),
        ("operator", "["),
        ("parameter", "备选案文1："),
        ("operator", "]"),
        ("operator", "["),
        ("parameter", "备选案文2："),
        ("operator", "]"),
        ("operator", "["),
        ("operator", "]"),
    ]
    .iter()
    .map(|(t, s)| (t.to_string(), s.to_string()))
    .collect();
    assert_eq!(got, want, "utf8: {utf8}");

    // Accept the second of `[加强/增进]`: the brackets and the other option go.
    let actions = actions_at(&mut s, DRAFT, DRAFT.find("增进").unwrap(), utf8).await;
    let (range, new_text) = only_edit(titled(&actions, "Accept alternative 2: “增进”"), DRAFT, utf8);
    assert_eq!((range, new_text.as_str()), (span(DRAFT, "[加强/增进]"), "增进"));

    // Accept the first of two labelled alternative passages.
    let actions = actions_at(&mut s, DRAFT, DRAFT.find("口头").unwrap(), utf8).await;
    let (range, new_text) = only_edit(titled(&actions, "Accept alternative 1: “请秘书长提交报告；”"), DRAFT, utf8);
    assert_eq!(
        (range, new_text.as_str()),
        (span(DRAFT, "[备选案文1：请秘书长提交报告；] [备选案文2：请秘书长口头通报；]"), "请秘书长提交报告；")
    );

    // Drop `[自愿]`, after the character outside the BMP on that line.
    let actions = actions_at(&mut s, DRAFT, DRAFT.find("自愿").unwrap(), utf8).await;
    let (range, new_text) = only_edit(titled(&actions, "Drop the bracketed text “自愿”"), DRAFT, utf8);
    assert_eq!((range, new_text.as_str()), (span(DRAFT, "[自愿]"), ""));
    // Mark paragraph 4 agreed: the language's tag after its last character.
    let (range, new_text) = only_edit(titled(&actions, "Mark paragraph 4 agreed ([已商定])"), DRAFT, utf8);
    let end = DRAFT.find("资金；").unwrap() + "资金；".len();
    assert_eq!((range, new_text.as_str()), (end..end, " [已商定]"));
    // Paragraph 1 is agreed already: nothing to mark.
    let actions = actions_at(&mut s, DRAFT, DRAFT.find("高级别").unwrap(), utf8).await;
    assert!(actions.iter().all(|a| !a["title"].as_str().unwrap_or("").starts_with("Mark")), "{actions:#?}");

    // The edit applied through the server: the tag is read back as a status.
    let edited = format!("{}{}{}", &DRAFT[..end], " [已商定]", &DRAFT[end..]);
    let p = position(DRAFT, end, utf8);
    let change = json!({"range": {"start": p, "end": p}, "text": " [已商定]"});
    s.notify("textDocument/didChange", json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [change]})).await;
    s.diagnostics(URI, Some(2)).await;
    assert_eq!(s.document_text(URI).await.1, edited);
    let tokens = s.request("textDocument/semanticTokens/full", json!({"textDocument": {"uri": URI}})).await.unwrap();
    let got = negotiation_tokens(&edited, tokens["data"].as_array().unwrap(), utf8, &legend);
    assert_eq!(got.last(), Some(&("decorator".to_string(), "[已商定]".to_string())), "{got:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn negotiation_over_utf16() {
    scenario(false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn negotiation_over_utf8() {
    scenario(true).await;
}
