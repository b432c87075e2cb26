//! Shared helpers for the language-server tests (`lsp_service`, `lsp_stdio`)
//! and the `lsp` benchmark, included by them with `#[path]`. As a test
//! target of its own it holds no tests.
//!
//! - the seed document and positions in it, in either encoding;
//! - diagnostics expected from the CLI's JSON, and the server's published
//!   diagnostics turned into that shape;
//! - a small PRNG and a generator of random edits (CJK, emoji, CRLF, whole
//!   paragraphs) with positions computed independently of the core;
//! - `Session`: a client driving the server in process through its tower
//!   service.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::time::Duration;

use futures::StreamExt;
use rapporteur::cli::diagnostic_json;
use rapporteur::diagnostics::DiagnosticsConfig;
use rapporteur::ide::Analysis;
use rapporteur::lang::Language;
use rapporteur::lsp::{self, Backend, Options};
use rapporteur::text::{LineCol, PositionEncoding};
use serde_json::{json, Value};
use tower::{Service, ServiceExt};
use tower_lsp_server::jsonrpc::{Request, Response};
use tower_lsp_server::LspService;

pub const SEED: &str = include_str!("fixtures/seed/000_e12bae3abcaa388b.txt");
pub const SEED_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed/000_e12bae3abcaa388b.txt");
pub const SEED_URI: &str = "file:///tmp/rapporteur-test/seed.txt";

/// Line `n` (1-based) of the seed.
pub fn seed_line(n: usize) -> &'static str {
    SEED.lines().nth(n - 1).expect("seed line")
}

/// Units of `s` in the encoding (counted here, not by the core).
pub fn units(s: &str, utf8: bool) -> u32 {
    if utf8 {
        s.len() as u32
    } else {
        s.encode_utf16().count() as u32
    }
}

/// The LSP position (0-based) of the first `needle` on seed line `n`
/// (1-based), moved `skip` bytes into the needle.
pub fn seed_pos(n: usize, needle: &str, skip: usize, utf8: bool) -> Value {
    let line = seed_line(n);
    let at = line.find(needle).unwrap_or_else(|| panic!("{needle:?} not on line {n}")) + skip;
    json!({"line": n - 1, "character": units(&line[..at], utf8)})
}

pub fn encoding(utf8: bool) -> PositionEncoding {
    if utf8 {
        PositionEncoding::Utf8
    } else {
        PositionEncoding::Utf16
    }
}

pub fn severity_name(v: &Value) -> &'static str {
    match v.as_i64() {
        Some(1) => "error",
        Some(2) => "warning",
        Some(3) => "information",
        Some(4) => "hint",
        _ => "?",
    }
}

/// A published LSP diagnostic in the CLI's JSON shape (`related.path` = the URI).
pub fn as_cli_json(d: &Value) -> Value {
    let related: Vec<Value> = d
        .get("relatedInformation")
        .and_then(Value::as_array)
        .map(|rs| {
            rs.iter().map(|r| json!({"path": r["location"]["uri"], "range": r["location"]["range"], "message": r["message"]})).collect()
        })
        .unwrap_or_default();
    json!({
        "range": d["range"],
        "severity": severity_name(&d["severity"]),
        "code": d["code"],
        "message": d["message"],
        "related": related,
    })
}

/// Rewrites a UTF-16 range of `a`'s text into UTF-8 columns.
fn range_to_utf8(a: &Analysis, range: &mut Value) {
    for end in ["start", "end"] {
        let p = &mut range[end];
        let lc = LineCol { line: p["line"].as_u64().unwrap() as u32, col: p["character"].as_u64().unwrap() as u32 };
        let (offset, clamped) = a.line_index.offset(&a.text, lc, PositionEncoding::Utf16);
        assert!(!clamped);
        let lc = a.line_index.line_col(&a.text, offset, PositionEncoding::Utf8);
        *p = json!({"line": lc.line, "character": lc.col});
    }
}

/// What the CLI reports for `text` (`rapporteur::cli::diagnostic_json`),
/// with columns in the given encoding and `uri` as the related path.
pub fn cli_diagnostics(text: &str, uri: &str, utf8: bool) -> Vec<Value> {
    cli_diagnostics_with(text, uri, utf8, None, &DiagnosticsConfig::all_enabled())
}

/// [`cli_diagnostics`] for a given language and configuration.
pub fn cli_diagnostics_with(text: &str, uri: &str, utf8: bool, language: Option<Language>, config: &DiagnosticsConfig) -> Vec<Value> {
    let a = Analysis::new(text, language, config);
    a.diagnostics
        .iter()
        .map(|d| {
            let mut v = diagnostic_json(&a, uri, d);
            if utf8 {
                range_to_utf8(&a, &mut v["range"]);
                for r in v["related"].as_array_mut().unwrap() {
                    range_to_utf8(&a, &mut r["range"]);
                }
            }
            v
        })
        .collect()
}

/// Asserts that published diagnostics equal the CLI's, one by one.
/// `reference.drift` is the session's own (it compares a version with the
/// one published before, see `ide::drift`); the CLI never reports it, so
/// it is left out of the comparison.
pub fn assert_same_diagnostics(published: &[Value], expected: &[Value]) {
    let got: Vec<Value> = published.iter().filter(|d| d["code"] != "reference.drift").map(as_cli_json).collect();
    assert_eq!(got.len(), expected.len(), "number of diagnostics\n got: {got:#?}\n expected: {expected:#?}");
    for (g, e) in got.iter().zip(expected) {
        assert_eq!(g, e);
    }
}

// ---- random edits ----

/// The seeded generator every test shares (tests/common/mod.rs).
#[path = "common/mod.rs"]
mod shared;
pub use shared::Rng;

const SNIPPETS: &[&str] = &[
    "我们",
    "重申",
    "第二节第 15 段",
    "第一节第 16 段",
    "😀",
    "🇺🇳",
    "𠀋",
    "\r\n",
    "\n",
    "\r",
    "الفقرة 15",
    "a",
    "。",
    "，",
    " ",
    "A/RES/72/57",
    "第 18 段",
    "（a）",
    "e\u{301}",
];

const PARAGRAPHS: &[&str] = &[
    "\n99. 我们欢迎以协商一致方式通过本文件，并重申第二节第 18 段所载承诺。\n",
    "\r\n7. 注意到安全理事会第 2370(2017)号决议😀。\r\n",
    "\n 12. 呼吁各国执行《行动纲领》第二节第 15 段。\n",
    "\n一. 新的一节\n1. 第一段。\n2. 第二段，见第 1 段。\n",
];

/// The `file://` URI of a path (the tests' folders hold no characters that
/// need escaping).
pub fn file_uri(path: &std::path::Path) -> String {
    format!("file://{}", path.display())
}

/// The LSP position of the first `needle` in `text`, `skip` bytes into it.
pub fn position_of_needle(text: &str, needle: &str, skip: usize, utf8: bool) -> Value {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle:?}")) + skip;
    let (line, character) = naive_position(text, at, utf8);
    json!({"line": line, "character": character})
}

/// A position (0-based line and column) of byte `offset`, counted naively
/// here: `\n`, `\r\n` and `\r` end lines.
pub fn naive_position(text: &str, offset: usize, utf8: bool) -> (u32, u32) {
    let bytes = text.as_bytes();
    let (mut line, mut col) = (0u32, 0u32);
    for (i, c) in text[..offset].char_indices() {
        match c {
            '\n' => (line, col) = (line + 1, 0),
            '\r' if bytes.get(i + 1) == Some(&b'\n') => {}
            '\r' => (line, col) = (line + 1, 0),
            _ => col += if utf8 { c.len_utf8() as u32 } else { c.len_utf16() as u32 },
        }
    }
    (line, col)
}

/// A random character boundary that is not inside a `\r\n`.
pub fn random_offset(rng: &mut Rng, text: &str) -> usize {
    let mut at = rng.below(text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    fix_crlf(text, at, false)
}

fn fix_crlf(text: &str, at: usize, forward: bool) -> usize {
    let b = text.as_bytes();
    if at > 0 && at < b.len() && b[at - 1] == b'\r' && b[at] == b'\n' {
        if forward {
            at + 1
        } else {
            at - 1
        }
    } else {
        at
    }
}

/// One replacement of bytes `start..end` by `text`.
#[derive(Clone, Debug)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Edit {
    pub fn apply(&self, doc: &mut String) {
        doc.replace_range(self.start..self.end, &self.text);
    }
    /// The `TextDocumentContentChangeEvent` for this edit on `doc` (before it).
    pub fn change(&self, doc: &str, utf8: bool) -> Value {
        let (sl, sc) = naive_position(doc, self.start, utf8);
        let (el, ec) = naive_position(doc, self.end, utf8);
        json!({"range": {"start": {"line": sl, "character": sc}, "end": {"line": el, "character": ec}}, "text": self.text})
    }
}

/// A random edit of `doc`: insertions and deletions of CJK text, emoji,
/// line breaks, whole lines and paragraphs; deletions win when the text is
/// long.
pub fn random_edit(rng: &mut Rng, doc: &str) -> Edit {
    let grow = doc.len() < 80_000;
    let roll = rng.below(100);
    if roll < 45 && grow || doc.is_empty() {
        let at = random_offset(rng, doc);
        let mut text = String::new();
        for _ in 0..=rng.below(3) {
            text.push_str(rng.pick::<&str>(SNIPPETS));
        }
        return Edit { start: at, end: at, text };
    }
    if roll < 55 && grow {
        // a whole paragraph, at a line start
        let at = random_offset(rng, doc);
        let line_start = doc[..at].rfind(['\n', '\r']).map(|i| i + 1).unwrap_or(0);
        let line_start = fix_crlf(doc, line_start, true);
        return Edit { start: line_start, end: line_start, text: rng.pick(PARAGRAPHS).to_string() };
    }
    if roll < 65 {
        // a whole line with its line break
        let at = random_offset(rng, doc);
        let start = doc[..at].rfind(['\n', '\r']).map(|i| i + 1).unwrap_or(0);
        let start = fix_crlf(doc, start, true);
        let end = doc[start..].find(['\n', '\r']).map(|i| start + i + 1).unwrap_or(doc.len());
        let end = fix_crlf(doc, end, true);
        return Edit { start, end, text: String::new() };
    }
    // delete (and sometimes replace) a few characters
    let start = random_offset(rng, doc);
    let n = 1 + rng.below(if grow { 12 } else { 400 });
    let end = doc[start..].char_indices().nth(n).map(|(i, _)| start + i).unwrap_or(doc.len());
    let end = fix_crlf(doc, end, true);
    let text = if rng.below(4) == 0 { rng.pick(SNIPPETS).to_string() } else { String::new() };
    Edit { start, end, text }
}

// ---- in-process client ----

/// A client driving the server in process through its tower service.
pub struct Session {
    pub service: LspService<Backend>,
    next_id: i64,
    inbox: tokio::sync::mpsc::UnboundedReceiver<Value>,
    /// Publications not yet claimed by [`Session::diagnostics`].
    unclaimed: VecDeque<Value>,
    /// Every `publishDiagnostics` params received, in order (while `keep_history`).
    pub published: Vec<Value>,
    pub keep_history: bool,
}

pub const TIMEOUT: Duration = Duration::from_secs(60);

impl Session {
    /// Starts a server; must run inside a (multi-threaded) tokio runtime.
    pub fn start(options: Options) -> Session {
        let (service, mut socket) = lsp::service(options);
        let (tx, inbox) = tokio::sync::mpsc::unbounded_channel();
        tokio::spawn(async move {
            while let Some(req) = socket.next().await {
                if tx.send(serde_json::to_value(&req).expect("message")).is_err() {
                    break;
                }
            }
        });
        Session { service, next_id: 0, inbox, unclaimed: VecDeque::new(), published: Vec::new(), keep_history: true }
    }

    pub fn build(&mut self, method: &str, params: Value, request: bool) -> Request {
        let builder = Request::build(method.to_string()).params(params);
        if request {
            self.next_id += 1;
            builder.id(self.next_id).finish()
        } else {
            builder.finish()
        }
    }

    /// Sends one message and returns the server's response (`None` for a notification).
    pub async fn send(&mut self, req: Request) -> Option<Response> {
        let svc = self.service.ready().await.expect("service ready");
        svc.call(req).await.expect("service running")
    }

    /// Sends `reqs` back to back: every handler is called in order before
    /// any is awaited, as the stdio transport does; returns the responses.
    pub async fn burst(&mut self, reqs: Vec<Request>) -> Vec<Option<Response>> {
        let mut futures = Vec::with_capacity(reqs.len());
        for req in reqs {
            let svc = self.service.ready().await.expect("service ready");
            futures.push(svc.call(req));
        }
        futures::future::join_all(futures).await.into_iter().map(|r| r.expect("service running")).collect()
    }

    /// A request: `Ok(result)` or `Err(error object)`.
    pub async fn request(&mut self, method: &str, params: Value) -> Result<Value, Value> {
        let req = self.build(method, params, true);
        let resp = self.send(req).await.expect("a response");
        let v = serde_json::to_value(&resp).unwrap();
        match v.get("error") {
            Some(e) => Err(e.clone()),
            None => Ok(v["result"].clone()),
        }
    }

    pub async fn notify(&mut self, method: &str, params: Value) {
        let req = self.build(method, params, false);
        assert!(self.send(req).await.is_none());
    }

    pub async fn initialize(&mut self, utf8: bool, options: Value) -> Value {
        let encodings = if utf8 { json!(["utf-16", "utf-8"]) } else { json!(["utf-16"]) };
        let mut params = json!({"capabilities": {"general": {"positionEncodings": encodings}}});
        if !options.is_null() {
            params["initializationOptions"] = options;
        }
        let result = self.request("initialize", params).await.expect("initialize");
        self.notify("initialized", json!({})).await;
        result
    }

    pub async fn open(&mut self, uri: &str, text: &str, version: i32) {
        let doc = json!({"uri": uri, "languageId": "plaintext", "version": version, "text": text});
        self.notify("textDocument/didOpen", json!({ "textDocument": doc })).await;
    }

    /// The next message from the server (waiting up to [`TIMEOUT`]).
    pub async fn next_message(&mut self) -> Value {
        let m =
            tokio::time::timeout(TIMEOUT, self.inbox.recv()).await.expect("a message from the server in time").expect("server socket open");
        if m["method"] == "textDocument/publishDiagnostics" {
            if self.keep_history {
                self.published.push(m["params"].clone());
            }
            self.unclaimed.push_back(m["params"].clone());
        }
        m
    }

    /// Waits for diagnostics of `uri` published for `version` (`None`: the
    /// next publication for `uri`, whatever its version). Publications are
    /// claimed in order: earlier ones for `uri` are passed over.
    pub async fn diagnostics(&mut self, uri: &str, version: Option<i64>) -> Vec<Value> {
        let mut seen = 0;
        loop {
            while seen < self.unclaimed.len() {
                let p = &self.unclaimed[seen];
                if p["uri"] == uri {
                    let p = self.unclaimed.remove(seen).unwrap();
                    if version.is_none() || p["version"].as_i64() == version {
                        return p["diagnostics"].as_array().cloned().unwrap_or_default();
                    }
                } else {
                    seen += 1;
                }
            }
            self.next_message().await;
        }
    }

    /// The server's copy of a document: (version, text).
    pub async fn document_text(&mut self, uri: &str) -> (i64, String) {
        let r = self.request(lsp::DOCUMENT_TEXT, json!({"textDocument": {"uri": uri}})).await.expect("documentText");
        (r["version"].as_i64().unwrap(), r["text"].as_str().unwrap().to_string())
    }
}

pub fn text_position(uri: &str, pos: Value) -> Value {
    json!({"textDocument": {"uri": uri}, "position": pos})
}

/// Asks `workspace/symbol` until `query` finds `count` symbols that `counted`
/// accepts (indexing runs in the background), or 30 s have passed; returns
/// the last answer.
pub async fn symbols_when(s: &mut Session, query: &str, count: usize, counted: impl Fn(&Value) -> bool) -> Vec<Value> {
    let started = std::time::Instant::now();
    loop {
        let found = s.request("workspace/symbol", json!({"query": query})).await.unwrap();
        let found = found.as_array().cloned().unwrap_or_default();
        if found.iter().filter(|d| counted(d)).count() >= count || started.elapsed() > Duration::from_secs(30) {
            return found;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
