//! The language server driven in process through its tower `LspService`, as
//! a client would drive it: the seed in both position encodings, a seeded
//! run of 1,000+ random incremental edits sent in bursts, robustness,
//! settings, several documents at once, and a panicking analysis.

#[path = "lsp_common.rs"]
mod common;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use common::*;
use rapporteur::diagnostics::{Code, DiagnosticsConfig, Severity};
use rapporteur::ide::Analysis;
use rapporteur::lang::Language;
use rapporteur::lsp::{Analyzer, Options};
use rapporteur::text::Unchanged;
use serde_json::{json, Value};
use tower::ServiceExt;

const EN_DOC: &str = include_str!("fixtures/corpus/en_A-RES-73-3.txt");

fn quick() -> Options {
    Options { debounce: Duration::ZERO, ..Options::default() }
}

fn pos(line: u32, character: u32) -> Value {
    json!({"line": line, "character": character})
}

fn doc_id(uri: &str) -> Value {
    json!({"textDocument": {"uri": uri}})
}

/// (line, character) of a position, for ordering.
fn lc(p: &Value) -> (u64, u64) {
    (p["line"].as_u64().unwrap(), p["character"].as_u64().unwrap())
}

fn anchor(code: &Value) -> String {
    Code::parse(code.as_str().unwrap()).expect("known code").doc_anchor()
}

/// Checks the protocol's rules for nested symbols, recursively: the selection
/// range inside the range, children inside their parent. Returns the count.
fn check_symbols(symbols: &[Value], parent: Option<&Value>) -> usize {
    let mut n = 0;
    for s in symbols {
        let (r, sel) = (&s["range"], &s["selectionRange"]);
        assert!(lc(&r["start"]) <= lc(&sel["start"]) && lc(&sel["end"]) <= lc(&r["end"]), "{s}");
        if let Some(p) = parent {
            assert!(lc(&p["start"]) <= lc(&r["start"]) && lc(&r["end"]) <= lc(&p["end"]), "{s}");
        }
        assert!(!s["name"].as_str().unwrap().is_empty());
        n += 1;
        if let Some(children) = s.get("children").and_then(Value::as_array) {
            n += check_symbols(children, Some(r));
        }
    }
    n
}

async fn seed_scenario(utf8: bool) {
    let mut s = Session::start(Options::default());
    let init = s.initialize(utf8, Value::Null).await;
    let caps = &init["capabilities"];
    assert_eq!(caps["positionEncoding"], if utf8 { "utf-8" } else { "utf-16" });
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    for provider in ["definitionProvider", "hoverProvider", "referencesProvider", "documentSymbolProvider", "foldingRangeProvider"] {
        assert_eq!(caps[provider], true, "{provider}");
    }
    assert!(caps["documentLinkProvider"].is_object());

    // Diagnostics: what the CLI reports, with the version and a link per code.
    s.open(SEED_URI, SEED, 1).await;
    let published = s.diagnostics(SEED_URI, Some(1)).await;
    assert!(published.len() >= 3, "{published:#?}");
    assert_same_diagnostics(&published, &cli_diagnostics(SEED, SEED_URI, utf8));
    for d in &published {
        assert_eq!(d["source"], "rapporteur");
        let href = format!("https://github.com/rapporteur-un/rapporteur#{}", anchor(&d["code"]));
        assert_eq!(d["codeDescription"]["href"], href);
    }
    assert!(published.iter().any(|d| d["relatedInformation"].as_array().is_some_and(|r| !r.is_empty())));

    // Definition of `第一节第 16 段` (line 110) → paragraph 16 of annex section 一 (line 206).
    for skip in [0, "第一节第 ".len(), "第一节第 1".len()] {
        let at = seed_pos(110, "第一节第 16 段", skip, utf8);
        let def = s.request("textDocument/definition", text_position(SEED_URI, at)).await.unwrap();
        let locations = def.as_array().expect("locations");
        assert_eq!(locations.len(), 1, "{def}");
        assert_eq!(locations[0]["uri"], SEED_URI);
        assert_eq!(locations[0]["range"]["start"], seed_pos(206, "16. 我们欢迎", 0, utf8));
        assert_eq!(locations[0]["range"]["end"]["line"], 205);
    }

    // Hover there: the cited paragraph, with its opening words.
    let at = seed_pos(110, "第一节第 16 段", "第一节第 ".len(), utf8);
    let hover = s.request("textDocument/hover", text_position(SEED_URI, at.clone())).await.unwrap();
    assert_eq!(hover["contents"]["kind"], "markdown");
    let markdown = hover["contents"]["value"].as_str().unwrap();
    assert!(markdown.contains("我们欢迎以协商一致方式通过"), "{markdown}");
    let range = &hover["range"];
    assert!(lc(&range["start"]) <= lc(&at) && lc(&at) <= lc(&range["end"]), "{hover}");

    // `第二节第 15 段` on line 313 cites the Programme of Action: no location.
    let at = seed_pos(313, "第二节第 15 段", "第二节第 ".len(), utf8);
    let def = s.request("textDocument/definition", text_position(SEED_URI, at.clone())).await.unwrap();
    assert!(def.is_null() || def.as_array().is_some_and(Vec::is_empty), "{def}");
    let hover = s.request("textDocument/hover", text_position(SEED_URI, at)).await.unwrap();
    assert!(hover["contents"]["value"].as_str().unwrap().contains("External"), "{hover}");

    // References to annex section 二 paragraph 18 (line 255), from its number.
    for skip in [0, 1] {
        let at = seed_pos(255, "18. ", skip, utf8);
        for (include, expected) in [(false, vec![123, 125]), (true, vec![123, 125, 254])] {
            let mut params = text_position(SEED_URI, at.clone());
            params["context"] = json!({"includeDeclaration": include});
            let refs = s.request("textDocument/references", params).await.unwrap();
            let mut lines: Vec<u64> = refs.as_array().unwrap().iter().map(|l| l["range"]["start"]["line"].as_u64().unwrap()).collect();
            lines.sort();
            assert_eq!(lines, expected, "{refs}");
        }
    }
    // … and from a reference to it (line 126).
    let at = seed_pos(126, "第二节第 18 段", "第二节第 ".len(), utf8);
    let mut params = text_position(SEED_URI, at);
    params["context"] = json!({"includeDeclaration": false});
    let refs = s.request("textDocument/references", params).await.unwrap();
    assert_eq!(refs.as_array().unwrap().len(), 2);

    // Outline, folds and links.
    let symbols = s.request("textDocument/documentSymbol", doc_id(SEED_URI)).await.unwrap();
    let symbols = symbols.as_array().unwrap();
    assert!(check_symbols(symbols, None) > 100);
    let annex = symbols.iter().find(|s| s["name"].as_str().unwrap().starts_with("Annex")).expect("the annex");
    assert_eq!(annex["kind"], 2, "module");
    assert!(annex["children"].as_array().is_some_and(|c| c.len() >= 5), "{}", annex["children"]);
    let folds = s.request("textDocument/foldingRange", doc_id(SEED_URI)).await.unwrap();
    let folds = folds.as_array().unwrap();
    assert!(folds.len() > 5);
    assert!(folds.iter().all(|f| f["startLine"].as_u64() < f["endLine"].as_u64()));
    let links = s.request("textDocument/documentLink", doc_id(SEED_URI)).await.unwrap();
    let targets: Vec<&str> = links.as_array().unwrap().iter().map(|l| l["target"].as_str().unwrap()).collect();
    assert!(targets.contains(&"https://undocs.org/A/CONF.192/2018/RC/1"), "{targets:?}");
    assert!(targets.iter().all(|t| t.starts_with("https://")));

    // Closing clears the diagnostics; the document is then unknown.
    s.notify("textDocument/didClose", doc_id(SEED_URI)).await;
    assert!(s.diagnostics(SEED_URI, None).await.is_empty());
    let err = s.request("textDocument/documentSymbol", doc_id(SEED_URI)).await.unwrap_err();
    assert_eq!(err["code"], -32602);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seed_over_utf16() {
    seed_scenario(false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seed_over_utf8() {
    seed_scenario(true).await;
}

/// ≥ 1,000 random edits in bursts sent without waiting; then the server's
/// text is the expected text, publications never went back in version,
/// each carried the diagnostics of its version's text, and the last one
/// (for the last version) equals a fresh analysis.
async fn random_edits(utf8: bool, debounce: Duration, seed: u64) {
    const URI: &str = "file:///tmp/rapporteur-test/edited.txt";
    let mut s = Session::start(Options { debounce, ..Options::default() });
    s.initialize(utf8, Value::Null).await;
    let mut doc = SEED.to_string();
    s.open(URI, &doc, 0).await;
    let mut rng = Rng::new(seed);
    let mut version: i64 = 0;
    let mut texts: HashMap<i64, String> = HashMap::from([(0, doc.clone())]);
    while version < 1000 {
        let mut burst = Vec::new();
        for _ in 0..1 + rng.below(60) {
            let n_changes = if rng.below(8) == 0 { 2 + rng.below(3) } else { 1 };
            let mut changes = Vec::new();
            for _ in 0..n_changes {
                let edit = random_edit(&mut rng, &doc);
                changes.push(edit.change(&doc, utf8));
                edit.apply(&mut doc);
            }
            version += 1;
            texts.insert(version, doc.clone());
            let params = json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": changes});
            burst.push(s.build("textDocument/didChange", params, false));
        }
        if rng.below(3) == 0 {
            let at = rng.below(doc.len() + 1);
            let at = (0..=at).rev().find(|&i| doc.is_char_boundary(i)).unwrap();
            let (line, character) = naive_position(&doc, at, utf8);
            let method = *rng.pick(&["textDocument/hover", "textDocument/definition", "textDocument/documentSymbol"]);
            let mut params = text_position(URI, pos(line, character));
            if method == "textDocument/documentSymbol" {
                params = doc_id(URI);
            }
            burst.push(s.build(method, params, true));
        }
        for response in s.burst(burst).await.into_iter().flatten() {
            assert!(response.is_ok(), "{response:?}");
        }
        if rng.below(4) == 0 {
            tokio::time::sleep(Duration::from_millis(rng.below(20) as u64)).await;
        }
    }

    let (server_version, server_text) = s.document_text(URI).await;
    assert_eq!(server_version, version);
    assert!(server_text == doc, "server text differs from the expected text");

    let last = s.diagnostics(URI, Some(version)).await;
    assert_same_diagnostics(&last, &cli_diagnostics(&doc, URI, utf8));

    let publications: Vec<(i64, Vec<Value>)> = s
        .published
        .iter()
        .filter(|p| p["uri"] == URI)
        .map(|p| (p["version"].as_i64().unwrap(), p["diagnostics"].as_array().unwrap().clone()))
        .collect();
    eprintln!("{version} versions, {} publications, final text {} bytes", publications.len(), doc.len());
    assert!(publications.windows(2).all(|w| w[0].0 <= w[1].0), "versions went back");
    let step = (publications.len() / 6).max(1);
    for (v, diagnostics) in publications.iter().step_by(step) {
        assert_same_diagnostics(diagnostics, &cli_diagnostics(&texts[v], URI, utf8));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn random_edits_utf16_debounced() {
    random_edits(false, Options::default().debounce, 0x5EED_0001).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn random_edits_utf8_without_debounce() {
    random_edits(true, Duration::ZERO, 0x5EED_0002).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn robustness() {
    let mut s = Session::start(quick());
    // Before `initialize`: "server not initialized".
    let err = s.request("textDocument/hover", text_position(SEED_URI, pos(0, 0))).await.unwrap_err();
    assert_eq!(err["code"], -32002);
    s.initialize(false, Value::Null).await;
    // A second `initialize` is refused.
    assert_eq!(s.request("initialize", json!({"capabilities": {}})).await.unwrap_err()["code"], -32600);

    // Unknown methods: an error for a request, silence for a `$/` notification.
    assert_eq!(s.request("rapporteur/noSuchMethod", json!({})).await.unwrap_err()["code"], -32601);
    s.notify("$/noSuchNotification", json!({})).await;
    // Bad parameters.
    assert_eq!(s.request("textDocument/hover", json!({"nonsense": true})).await.unwrap_err()["code"], -32602);

    // Unknown URIs.
    let unknown = "file:///nowhere.txt";
    for method in ["textDocument/hover", "textDocument/definition"] {
        let err = s.request(method, text_position(unknown, pos(0, 0))).await.unwrap_err();
        assert_eq!(err["code"], -32602, "{method}");
    }
    for method in ["textDocument/documentSymbol", "textDocument/foldingRange", "textDocument/documentLink"] {
        assert_eq!(s.request(method, doc_id(unknown)).await.unwrap_err()["code"], -32602, "{method}");
    }
    let change = json!({"textDocument": {"uri": unknown, "version": 2}, "contentChanges": [{"text": "x"}]});
    s.notify("textDocument/didChange", change).await;
    s.notify("textDocument/didClose", doc_id(unknown)).await;

    // Positions past the end of a line and of the document are clamped.
    s.open(SEED_URI, SEED, 1).await;
    for p in [pos(109, 100_000), pos(100_000, 3), pos(u32::MAX, u32::MAX)] {
        for method in ["textDocument/hover", "textDocument/definition"] {
            assert!(s.request(method, text_position(SEED_URI, p.clone())).await.is_ok(), "{method} {p}");
        }
        let mut params = text_position(SEED_URI, p.clone());
        params["context"] = json!({"includeDeclaration": true});
        assert!(s.request("textDocument/references", params).await.is_ok());
    }
    // Edits with such positions are clamped too (and one whose range is reversed).
    let changes = json!([
        {"range": {"start": pos(100_000, 0), "end": pos(100_001, 7)}, "text": "\n附言"},
        {"range": {"start": pos(0, 9_999), "end": pos(0, 9_999)}, "text": "X"},
        {"range": {"start": pos(1, 0), "end": pos(0, 1)}, "text": ""}
    ]);
    let params = json!({"textDocument": {"uri": SEED_URI, "version": 2}, "contentChanges": changes});
    s.notify("textDocument/didChange", params).await;
    // Appended at the end; `X` at the end of line 0; then line 0 after its
    // first character, with its line break, deleted.
    let mut expected = SEED.to_string() + "\n附言";
    let line0 = seed_line(1).len();
    expected.insert(line0, 'X');
    let after_first = expected.chars().next().unwrap().len_utf8();
    expected.replace_range(after_first..line0 + 2, "");
    assert_eq!(s.document_text(SEED_URI).await, (2, expected.clone()));
    let published = s.diagnostics(SEED_URI, Some(2)).await;
    assert_same_diagnostics(&published, &cli_diagnostics(&expected, SEED_URI, false));

    // `shutdown`, then requests are refused; `exit` stops the service.
    assert_eq!(s.request("shutdown", Value::Null).await, Ok(Value::Null));
    assert_eq!(s.request("textDocument/hover", text_position(SEED_URI, pos(0, 0))).await.unwrap_err()["code"], -32600);
    let exit = s.build("exit", Value::Null, false);
    assert!(s.send(exit).await.is_none());
    assert!(s.service.ready().await.is_err(), "the service has exited");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panic_answers_one_request_with_an_error() {
    // Two injected faults: the analysis itself panics (on a blocking
    // thread), or it yields references that point past the tree, so
    // that hover panics inside the request handler (on the async side).
    let analyzer: Analyzer = Arc::new(
        |text: &dyn Fn() -> rapporteur::syntax::mask::Source,
         language: Option<Language>,
         config: &DiagnosticsConfig,
         _: Option<Arc<Analysis>>,
         _: Unchanged| {
            let text = text();
            if text.whole().contains("PANIC!") {
                panic!("injected analysis failure");
            }
            let mut analysis = Analysis::from_source(text, language, config);
            if analysis.text.contains("HOVER-PANIC") {
                // (the references pointed past the tree: the outline
                // stands, hover on a reference indexes past it)
                for r in &mut analysis.references {
                    r.set_node(Some(1 << 30));
                }
            }
            analysis
        },
    );
    let mut s = Session::start(Options { analyzer, debounce: Duration::ZERO });
    s.initialize(false, Value::Null).await;
    let (bad, good) = ("file:///bad.txt", "file:///good.txt");
    s.open(bad, "1. PANIC!\n", 1).await;
    s.open(good, SEED, 1).await;
    let err = s.request("textDocument/hover", text_position(bad, pos(0, 0))).await.unwrap_err();
    assert_eq!(err["code"], -32603);
    assert!(err["message"].as_str().unwrap().contains("injected analysis failure"), "{err}");
    let err = s.request("textDocument/documentSymbol", doc_id(bad)).await.unwrap_err();
    assert_eq!(err["code"], -32603);
    // The other document is served as usual…
    assert!(!s.diagnostics(good, Some(1)).await.is_empty());
    assert!(s.request("textDocument/documentSymbol", doc_id(good)).await.is_ok());
    // A panic inside the handler itself: an error for that request only.
    let tricky = "file:///tricky.txt";
    s.open(tricky, "1. 见第 2 段。HOVER-PANIC\n2. 内容。\n", 1).await;
    s.diagnostics(tricky, Some(1)).await;
    let err = s.request("textDocument/hover", text_position(tricky, pos(0, 5))).await.unwrap_err();
    assert_eq!(err["code"], -32603, "{err}");
    assert!(err["message"].as_str().unwrap().contains("textDocument/hover"), "{err}");
    assert!(s.request("textDocument/documentSymbol", doc_id(tricky)).await.is_ok());
    assert!(s.request("textDocument/hover", text_position(good, pos(109, 60))).await.is_ok());
    // …and the failing one recovers once its text no longer panics.
    let fix = json!([{"range": {"start": pos(0, 3), "end": pos(0, 9)}, "text": "fine。"}]);
    s.notify("textDocument/didChange", json!({"textDocument": {"uri": bad, "version": 2}, "contentChanges": fix})).await;
    s.diagnostics(bad, Some(2)).await;
    assert!(s.request("textDocument/hover", text_position(bad, pos(0, 0))).await.is_ok());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn settings_choose_codes_severities_and_language() {
    let mut s = Session::start(quick());
    let init = json!({"rapporteur": {"diagnostics": {"vote.duplicate": "off", "list.duplicate": "error", "no.such-code": "off"}}});
    s.initialize(false, init).await;
    // What could not be read is reported to the client once it is initialized.
    loop {
        let m = s.next_message().await;
        let text = m["params"]["message"].as_str().unwrap_or_default();
        if m["method"] == "window/logMessage" && text.contains("unknown diagnostic code `no.such-code`") {
            assert_eq!(m["params"]["type"], 2, "a warning");
            break;
        }
    }
    s.open(SEED_URI, SEED, 1).await;
    let published = s.diagnostics(SEED_URI, Some(1)).await;
    let mut config = DiagnosticsConfig::all_enabled();
    config.overrides.insert(Code::VoteDuplicate, None);
    config.overrides.insert(Code::ListDuplicate, Some(Severity::Error));
    assert_same_diagnostics(&published, &cli_diagnostics_with(SEED, SEED_URI, false, None, &config));
    assert!(published.iter().all(|d| d["code"] != "vote.duplicate"));
    assert!(published.iter().any(|d| d["code"] == "list.duplicate" && d["severity"] == 1));

    // New settings (here without the wrapper) replace the old ones; the
    // open document is published again, same version.
    let settings = json!({"settings": {"diagnostics": {"list.duplicate": "hint"}}});
    s.notify("workspace/didChangeConfiguration", settings).await;
    let published = s.diagnostics(SEED_URI, Some(1)).await;
    let mut config = DiagnosticsConfig::all_enabled();
    config.overrides.insert(Code::ListDuplicate, Some(Severity::Hint));
    assert_same_diagnostics(&published, &cli_diagnostics_with(SEED, SEED_URI, false, None, &config));
    assert!(published.iter().any(|d| d["code"] == "vote.duplicate"));

    // A language override.
    let settings = json!({"settings": {"rapporteur": {"language": "en"}}});
    s.notify("workspace/didChangeConfiguration", settings).await;
    let published = s.diagnostics(SEED_URI, Some(1)).await;
    let all = DiagnosticsConfig::all_enabled();
    assert_same_diagnostics(&published, &cli_diagnostics_with(SEED, SEED_URI, false, Some(Language::En), &all));

    // Settings of other tools leave ours alone: nothing is republished,
    // and the next edit is still analysed as English.
    s.notify("workspace/didChangeConfiguration", json!({"settings": {"otherTool": {"x": 1}}})).await;
    let edit = json!([{"range": {"start": pos(0, 0), "end": pos(0, 0)}, "text": " "}]);
    s.notify("textDocument/didChange", json!({"textDocument": {"uri": SEED_URI, "version": 2}, "contentChanges": edit})).await;
    let published = s.diagnostics(SEED_URI, None).await;
    let text = format!(" {SEED}");
    assert_same_diagnostics(&published, &cli_diagnostics_with(&text, SEED_URI, false, Some(Language::En), &all));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn several_documents_at_once() {
    let mut s = Session::start(quick());
    s.initialize(true, Value::Null).await;
    let docs =
        [("file:///a/seed.txt", SEED), ("file:///b/resolution.md", EN_DOC), ("untitled:Untitled-1", "联合国\n1. 短文。\n2. 见第 1 段。\n")];
    for (uri, text) in docs {
        s.open(uri, text, 7).await;
    }
    for (uri, text) in docs {
        let published = s.diagnostics(uri, Some(7)).await;
        assert_same_diagnostics(&published, &cli_diagnostics(text, uri, true));
        assert!(s.request("textDocument/documentSymbol", doc_id(uri)).await.is_ok());
    }
    // Editing one leaves the others as they are.
    let edit = json!([{"range": {"start": pos(2, 0), "end": pos(2, 0)}, "text": "3. 新段。\n"}]);
    s.notify("textDocument/didChange", json!({"textDocument": {"uri": docs[2].0, "version": 8}, "contentChanges": edit})).await;
    let published = s.diagnostics(docs[2].0, Some(8)).await;
    let edited = "联合国\n1. 短文。\n3. 新段。\n2. 见第 1 段。\n";
    assert_same_diagnostics(&published, &cli_diagnostics(edited, docs[2].0, true));
    assert_eq!(s.document_text(docs[0].0).await, (7, SEED.to_string()));
    s.notify("textDocument/didClose", doc_id(docs[0].0)).await;
    assert!(s.diagnostics(docs[0].0, None).await.is_empty());
    assert_eq!(s.document_text(docs[1].0).await, (7, EN_DOC.to_string()));
}

#[tokio::test]
async fn files_that_are_not_un_documents_get_no_diagnostics_or_tokens() {
    let mut s = Session::start(quick());
    s.initialize(true, Value::Null).await;
    let notes = "# Notes\n\n1. Buy milk.\n3. Read paragraph 9.\n";
    s.open("file:///notes.md", notes, 1).await;
    assert!(s.diagnostics("file:///notes.md", Some(1)).await.is_empty());
    let tokens = s.request("textDocument/semanticTokens/full", doc_id("file:///notes.md")).await.unwrap();
    assert_eq!(tokens["data"], json!([]));
    // A marker in the first lines turns it on.
    let forced = format!("<!-- rapporteur: on -->\n{notes}");
    s.open("file:///forced.md", &forced, 1).await;
    let published = s.diagnostics("file:///forced.md", Some(1)).await;
    assert!(!published.is_empty());
    let tokens = s.request("textDocument/semanticTokens/full", doc_id("file:///forced.md")).await.unwrap();
    assert!(tokens["data"].as_array().is_some_and(|d| !d.is_empty()));
}

/// Decodes relative semantic tokens into `line:col type+modifiers «text»`
/// rows, taking columns in the negotiated encoding.
fn token_rows(text: &str, data: &[Value], utf8: bool, legend: &Value) -> Vec<String> {
    let lines: Vec<&str> = text.split('\n').collect();
    let types: Vec<&str> = legend["tokenTypes"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    let mods: Vec<&str> = legend["tokenModifiers"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    let (mut line, mut col) = (0u64, 0u64);
    let mut rows = Vec::new();
    for t in data.chunks(5) {
        let (dl, ds, len, ty, m) =
            (t[0].as_u64().unwrap(), t[1].as_u64().unwrap(), t[2].as_u64().unwrap(), t[3].as_u64().unwrap(), t[4].as_u64().unwrap());
        line += dl;
        col = if dl == 0 { col + ds } else { ds };
        let l = lines[line as usize].trim_end_matches('\r');
        // Column → byte offset in this line, in the negotiated unit.
        let to_byte = |units: u64| -> usize {
            let mut count = 0u64;
            for (i, c) in l.char_indices() {
                if count >= units {
                    return i;
                }
                count += if utf8 { c.len_utf8() as u64 } else { c.len_utf16() as u64 };
            }
            l.len()
        };
        let (a, b) = (to_byte(col), to_byte(col + len));
        let names: Vec<&str> = mods.iter().enumerate().filter(|(i, _)| m & (1 << i) != 0).map(|(_, n)| *n).collect();
        rows.push(format!(
            "{}:{} {}{}{} «{}»",
            line + 1,
            col,
            types[ty as usize],
            if names.is_empty() { "" } else { "+" },
            names.join("+"),
            &l[a..b]
        ));
    }
    rows
}

#[tokio::test]
async fn semantic_tokens_on_the_seed_in_both_encodings() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots/seed.tokens.txt");
    let mut texts = Vec::new();
    for utf8 in [false, true] {
        let mut s = Session::start(quick());
        let init = s.initialize(utf8, Value::Null).await;
        let legend = init["capabilities"]["semanticTokensProvider"]["legend"].clone();
        s.open(SEED_URI, SEED, 1).await;
        let tokens = s.request("textDocument/semanticTokens/full", doc_id(SEED_URI)).await.unwrap();
        let rows = token_rows(SEED, tokens["data"].as_array().unwrap(), utf8, &legend);
        // Columns differ between the encodings; the text under each token must not.
        let under: Vec<String> = rows
            .iter()
            .map(|r| format!("{} {}", r.split(' ').next().unwrap().split(':').next().unwrap(), r.split_once(' ').unwrap().1))
            .collect();
        texts.push(under.join("\n") + "\n");
        // A range request returns the tokens of those lines only.
        let range = json!({"textDocument": {"uri": SEED_URI}, "range": {"start": pos(109, 0), "end": pos(110, 0)}});
        let part = s.request("textDocument/semanticTokens/range", range).await.unwrap();
        let part_rows = token_rows(SEED, part["data"].as_array().unwrap(), utf8, &legend);
        assert!(!part_rows.is_empty() && part_rows.iter().all(|r| r.starts_with("110:")), "{part_rows:?}");
    }
    assert_eq!(texts[0], texts[1], "the text under the tokens differs between UTF-16 and UTF-8");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(path, &texts[0]).unwrap();
    }
    let want = std::fs::read_to_string(path).unwrap_or_default();
    assert!(want == texts[0], "semantic tokens differ from {path} (UPDATE_SNAPSHOTS=1 rewrites it)");
    assert!(texts[0].contains("110 property «成果文件草案第一节第 16 段»"), "the reference on line 110");
    assert!(texts[0].contains("14 macro+external «A/CONF.192/2018/RC/1»"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_edit_is_analysed_as_an_update_of_the_version_before() {
    // The analyzer is handed the latest analysis of an earlier version (the
    // one it reuses what lies away from the edit from), and its result
    // equals a fresh analysis of the new text.
    // (the text analysed, the text of the analysis it updated, how many
    // held that analysis)
    type Calls = Vec<(String, Option<String>, usize)>;
    let calls: Arc<std::sync::Mutex<Calls>> = Arc::default();
    let record = Arc::clone(&calls);
    let analyzer: Analyzer = Arc::new(
        move |text: &dyn Fn() -> rapporteur::syntax::mask::Source,
              language: Option<Language>,
              config: &DiagnosticsConfig,
              previous: Option<Arc<Analysis>>,
              unchanged: Unchanged| {
            let holders = previous.as_ref().map_or(0, Arc::strong_count);
            record.lock().unwrap().push((text().whole().to_string(), previous.as_ref().map(|p| p.text.to_string()), holders));
            rapporteur::lsp::analyze(text, language, config, previous, unchanged)
        },
    );
    let mut s = Session::start(Options { analyzer, debounce: Duration::ZERO });
    s.initialize(false, Value::Null).await;
    let uri = "file:///update.txt";
    s.open(uri, SEED, 1).await;
    s.diagnostics(uri, Some(1)).await;
    let mut text = SEED.to_string();
    let mut rng = Rng::new(31);
    for version in 2..=6 {
        let edit = random_edit(&mut rng, &text);
        let change = edit.change(&text, false);
        edit.apply(&mut text);
        s.notify("textDocument/didChange", json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})).await;
        let published = s.diagnostics(uri, Some(version)).await;
        assert_same_diagnostics(&published, &cli_diagnostics(&text, uri, false));
    }
    let calls = calls.lock().unwrap();
    assert_eq!(calls.first().map(|c| c.1.is_none()), Some(true), "the opened text is analysed afresh");
    assert!(calls.len() >= 6, "{} analyses", calls.len());
    for window in calls.windows(2) {
        // Each update starts from the text analysed just before it.
        assert_eq!(window[1].1.as_deref(), Some(window[0].0.as_str()));
    }
    // … and is its only holder (neither the workspace index nor the
    // snapshot published before keeps it), so that it edits its buffers in
    // place instead of copying them.
    let holders: Vec<usize> = calls[1..].iter().map(|c| c.2).collect();
    assert!(holders.iter().all(|&n| n == 1), "holders of the analysis each update started from: {holders:?}");
}

#[tokio::test]
async fn include_and_exclude_globs_force_files_on_and_off() {
    // Globs relative to the workspace folder: `exclude` wins over `include`,
    // `include` over the text, and a marker in the first lines over both.
    let mut s = Session::start(quick());
    let params = json!({
        "capabilities": {},
        "workspaceFolders": [{"uri": "file:///ws", "name": "ws"}],
        "initializationOptions": {"rapporteur": {"include": ["drafts/**"], "exclude": ["**/README.md", "notes/**"]}},
    });
    s.request("initialize", params).await.expect("initialize");
    s.notify("initialized", json!({})).await;
    let notes = "# Notes\n\n1. Buy milk.\n3. Read paragraph 9.\n";
    let cases = [
        ("file:///ws/drafts/notes.md", notes.to_string(), true),
        ("file:///ws/drafts/README.md", SEED.to_string(), false),
        ("file:///ws/notes/seed.txt", SEED.to_string(), false),
        ("file:///ws/notes/marked.txt", format!("<!-- rapporteur: on -->\n{notes}"), true),
        ("file:///ws/other/seed.txt", SEED.to_string(), true),
        ("file:///ws/other/notes.md", notes.to_string(), false),
        ("file:///elsewhere/README.md", SEED.to_string(), false),
    ];
    for (uri, text, checked) in &cases {
        s.open(uri, text, 1).await;
        let published = s.diagnostics(uri, Some(1)).await;
        assert_eq!(!published.is_empty(), *checked, "{uri}: {} diagnostics", published.len());
        let tokens = s.request("textDocument/semanticTokens/full", doc_id(uri)).await.unwrap();
        assert_eq!(tokens["data"].as_array().is_some_and(|d| !d.is_empty()), *checked, "{uri}: tokens");
    }
    // New settings apply to the open documents: without the globs, the notes
    // under drafts/ are off again and the seed under notes/ is on.
    s.notify("workspace/didChangeConfiguration", json!({"settings": {"rapporteur": {}}})).await;
    assert!(s.diagnostics(cases[0].0, Some(1)).await.is_empty());
    assert!(!s.diagnostics(cases[2].0, Some(1)).await.is_empty());
}

/// No fixed delay, and a burst costs one analysis more than its first
/// keystroke: the first change is analysed at once, the ones arriving
/// meanwhile are coalesced into one analysis of the latest text, and only
/// that version is published.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_changes_is_coalesced_into_one_more_analysis() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Instant;
    let count = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&count);
    // How many held the analysis each update started from, and what it was
    // told the edits left alone at the ends.
    let updates: Arc<std::sync::Mutex<Vec<(usize, Unchanged)>>> = Arc::default();
    let record = Arc::clone(&updates);
    let analyzer: Analyzer = Arc::new(
        move |text: &dyn Fn() -> rapporteur::syntax::mask::Source,
              language: Option<Language>,
              config: &DiagnosticsConfig,
              previous: Option<Arc<Analysis>>,
              unchanged: Unchanged| {
            counter.fetch_add(1, Ordering::SeqCst);
            if let Some(previous) = &previous {
                record.lock().unwrap().push((Arc::strong_count(previous), unchanged));
            }
            std::thread::sleep(Duration::from_millis(150));
            rapporteur::lsp::analyze(text, language, config, previous, unchanged)
        },
    );
    let mut s = Session::start(Options { analyzer, debounce: Duration::ZERO });
    s.keep_history = true;
    s.initialize(false, Value::Null).await;
    let uri = "file:///burst.txt";
    let started = Instant::now();
    s.open(uri, SEED, 0).await;
    s.diagnostics(uri, Some(0)).await;
    // Open → diagnostics waits for nothing but the (150-ms) analysis.
    assert!(started.elapsed() < Duration::from_secs(20), "{:?}", started.elapsed());
    assert_eq!(count.swap(0, Ordering::SeqCst), 1);

    let mut doc = SEED.to_string();
    let mut burst = Vec::new();
    for version in 1..=40 {
        let change = json!({"range": {"start": pos(0, 0), "end": pos(0, 0)}, "text": "x"});
        doc.insert(0, 'x');
        burst.push(s.build(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}),
            false,
        ));
    }
    s.burst(burst).await;
    let published = s.diagnostics(uri, Some(40)).await;
    assert_same_diagnostics(&published, &cli_diagnostics(&doc, uri, false));
    let analyses = count.load(Ordering::SeqCst);
    assert!((1..=2).contains(&analyses), "{analyses} analyses for a burst of 40 changes");
    // Nothing was published for a version between the first and the last.
    let versions: Vec<i64> = s.published.iter().filter(|p| p["uri"] == uri).filter_map(|p| p["version"].as_i64()).collect();
    assert!(versions.iter().all(|&v| v == 0 || v == 40), "{versions:?}");
    // Every analysis of the burst updated an earlier one (none started
    // afresh), as its only holder (the snapshots of the burst share what
    // they will update: whichever is analysed first takes it, so it is
    // never copied), knowing that the typing left the end of the text alone.
    let updates = updates.lock().unwrap();
    assert_eq!(updates.len(), analyses, "analyses of the burst that updated an earlier one: {updates:?}");
    for (holders, unchanged) in updates.iter() {
        assert_eq!(*holders, 1, "the analysis an update started from had other holders: {updates:?}");
        assert!(unchanged.suffix >= SEED.len(), "the end of the text was typed nowhere near: {updates:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn initialize_is_answered_once_the_locale_s_tables_are_compiled() {
    // The first document, sent right after, then finds them ready (no test
    // of this file opens a Spanish document, or readies Spanish).
    let mut s = Session::start(quick());
    let result = s.request("initialize", json!({"capabilities": {}, "locale": "es-419"})).await.expect("initialize");
    assert!(result["capabilities"].is_object());
    assert!(rapporteur::lang::tables::is_compiled(Language::Es), "the Spanish tables are compiled when initialize is answered");
}
