//! The built binary, `rapporteur lsp --stdio`, driven over pipes with
//! `Content-Length` framing: the seed in both encodings against the CLI's
//! own JSON, random edits written in one go, malformed input, and a clean
//! `shutdown` + `exit`. Everything the server writes to stdout must be a
//! well-formed message.

#[path = "lsp_common.rs"]
mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use common::*;
use serde_json::{json, Value};

const BIN: &str = env!("CARGO_BIN_EXE_rapporteur");

struct Server {
    child: Child,
    stdin: Option<ChildStdin>,
    messages: Receiver<Value>,
    /// Collects stdout framing errors (there must be none).
    reader: Option<JoinHandle<Vec<String>>>,
    next_id: i64,
    /// Notifications received while waiting for something else.
    backlog: Vec<Value>,
}

fn read_messages(stdout: impl Read, tx: std::sync::mpsc::Sender<Value>) -> Vec<String> {
    let mut errors = Vec::new();
    let mut out = BufReader::new(stdout);
    loop {
        let mut length = None;
        loop {
            let mut line = String::new();
            match out.read_line(&mut line) {
                Ok(0) => return errors,
                Ok(_) => {}
                Err(e) => {
                    errors.push(format!("read: {e}"));
                    return errors;
                }
            }
            let line = line.trim_end_matches(['\r', '\n']);
            if line.is_empty() {
                break;
            }
            match line.split_once(": ") {
                Some(("Content-Length", n)) => length = n.parse::<usize>().ok(),
                _ => errors.push(format!("unexpected header line on stdout: {line:?}")),
            }
        }
        let Some(length) = length else {
            errors.push("a message without Content-Length".into());
            continue;
        };
        let mut body = vec![0; length];
        if out.read_exact(&mut body).is_err() {
            errors.push("truncated message".into());
            return errors;
        }
        match serde_json::from_slice::<Value>(&body) {
            Ok(v) if v["jsonrpc"] == "2.0" => {
                let _ = tx.send(v);
            }
            _ => errors.push(format!("not a JSON-RPC message: {}", String::from_utf8_lossy(&body))),
        }
    }
}

impl Server {
    fn start() -> Server {
        let mut child = Command::new(BIN)
            .args(["lsp", "--stdio"])
            .env("RAPPORTEUR_LOG", "error")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start the server");
        let stdout = child.stdout.take().unwrap();
        let (tx, messages) = channel();
        let reader = std::thread::spawn(move || read_messages(stdout, tx));
        Server { stdin: child.stdin.take(), child, messages, reader: Some(reader), next_id: 0, backlog: Vec::new() }
    }

    fn send_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(bytes).and_then(|_| stdin.flush()).expect("write to the server");
    }

    fn framed(body: &[u8]) -> Vec<u8> {
        let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        out.extend_from_slice(body);
        out
    }

    fn send(&mut self, message: &Value) {
        let bytes = Self::framed(message.to_string().as_bytes());
        self.send_raw(&bytes);
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn next(&mut self) -> Value {
        self.messages.recv_timeout(TIMEOUT).expect("a message from the server in time")
    }

    /// Waits for the response to `id`, keeping other messages.
    fn response(&mut self, id: &Value) -> Value {
        if let Some(i) = self.backlog.iter().position(|m| &m["id"] == id && m.get("method").is_none()) {
            return self.backlog.remove(i);
        }
        loop {
            let m = self.next();
            if &m["id"] == id && m.get("method").is_none() {
                return m;
            }
            self.backlog.push(m);
        }
    }

    /// A request; returns the whole response.
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = json!(self.next_id);
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.response(&id)
    }

    fn result(&mut self, method: &str, params: Value) -> Value {
        let r = self.call(method, params);
        assert!(r.get("error").is_none(), "{method}: {r}");
        r["result"].clone()
    }

    fn error_code(&mut self, method: &str, params: Value) -> i64 {
        let r = self.call(method, params);
        r["error"]["code"].as_i64().unwrap_or_else(|| panic!("{method}: expected an error, got {r}"))
    }

    fn initialize(&mut self, utf8: bool) -> Value {
        let encodings = if utf8 { json!(["utf-8", "utf-16"]) } else { json!(["utf-16"]) };
        let r = self.result("initialize", json!({"capabilities": {"general": {"positionEncodings": encodings}}}));
        self.notify("initialized", json!({}));
        r
    }

    /// Waits for diagnostics of `uri` for `version` (`None`: the next ones).
    fn diagnostics(&mut self, uri: &str, version: Option<i64>) -> Vec<Value> {
        let matches = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && (version.is_none() || m["params"]["version"].as_i64() == version)
        };
        if let Some(i) = self.backlog.iter().position(matches) {
            return self.backlog.remove(i)["params"]["diagnostics"].as_array().cloned().unwrap();
        }
        loop {
            let m = self.next();
            if matches(&m) {
                return m["params"]["diagnostics"].as_array().cloned().unwrap();
            }
            self.backlog.push(m);
        }
    }

    /// `shutdown` then `exit`; returns the exit status.
    fn shutdown_and_exit(mut self) -> ExitStatus {
        assert_eq!(self.result("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        self.wait()
    }

    /// Waits for the process to end (stdin is left open, as some clients do).
    fn wait(&mut self) -> ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                let errors = self.reader.take().unwrap().join().expect("reader thread");
                assert!(errors.is_empty(), "stdout carried more than protocol messages: {errors:?}");
                return status;
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `rapporteur check --format json` on the seed: its diagnostics.
fn cli_check_json() -> Vec<Value> {
    let out = Command::new(BIN).args(["check", "--format", "json", SEED_PATH]).output().expect("run the CLI");
    let v: Value = serde_json::from_slice(&out.stdout).expect("CLI JSON");
    v["files"][0]["diagnostics"].as_array().cloned().expect("diagnostics")
}

fn without_paths(mut diagnostics: Vec<Value>) -> Vec<Value> {
    for d in &mut diagnostics {
        for r in d["related"].as_array_mut().into_iter().flatten() {
            r["path"] = Value::Null;
        }
    }
    diagnostics
}

fn seed_over_stdio(utf8: bool) {
    let mut server = Server::start();
    let init = server.initialize(utf8);
    assert_eq!(init["capabilities"]["positionEncoding"], if utf8 { "utf-8" } else { "utf-16" });
    let doc = json!({"uri": SEED_URI, "languageId": "plaintext", "version": 3, "text": SEED});
    server.notify("textDocument/didOpen", json!({ "textDocument": doc }));
    let published = server.diagnostics(SEED_URI, Some(3));
    if utf8 {
        assert_same_diagnostics(&published, &cli_diagnostics(SEED, SEED_URI, true));
    } else {
        // What the CLI binary itself prints, field for field.
        let published: Vec<Value> = published.iter().map(as_cli_json).collect();
        assert_eq!(without_paths(published), without_paths(cli_check_json()));
    }

    let at = seed_pos(110, "第一节第 16 段", "第一节第 ".len(), utf8);
    let def = server.result("textDocument/definition", text_position(SEED_URI, at.clone()));
    assert_eq!(def[0]["range"]["start"], seed_pos(206, "16. 我们欢迎", 0, utf8), "{def}");
    let hover = server.result("textDocument/hover", text_position(SEED_URI, at));
    assert!(hover["contents"]["value"].as_str().unwrap().contains("我们欢迎以协商一致方式通过"));
    let at = seed_pos(313, "第二节第 15 段", "第二节第 ".len(), utf8);
    let def = server.result("textDocument/definition", text_position(SEED_URI, at));
    assert!(def.is_null() || def.as_array().is_some_and(Vec::is_empty), "{def}");
    let mut params = text_position(SEED_URI, seed_pos(255, "18. ", 1, utf8));
    params["context"] = json!({"includeDeclaration": false});
    let refs = server.result("textDocument/references", params);
    let mut lines: Vec<u64> = refs.as_array().unwrap().iter().map(|l| l["range"]["start"]["line"].as_u64().unwrap()).collect();
    lines.sort();
    assert_eq!(lines, [123, 125]);

    server.notify("textDocument/didClose", json!({"textDocument": {"uri": SEED_URI}}));
    assert!(server.diagnostics(SEED_URI, None).is_empty());
    assert_eq!(server.shutdown_and_exit().code(), Some(0));
}

#[test]
fn seed_over_stdio_utf16() {
    seed_over_stdio(false);
}

#[test]
fn seed_over_stdio_utf8() {
    seed_over_stdio(true);
}

#[test]
fn random_edits_written_in_one_go() {
    const URI: &str = "file:///tmp/rapporteur-test/typed.txt";
    let mut server = Server::start();
    server.initialize(false);
    let mut doc = SEED.to_string();
    let open = json!({"uri": URI, "languageId": "plaintext", "version": 1, "text": doc});
    server.notify("textDocument/didOpen", json!({ "textDocument": open }));
    let mut rng = Rng::new(0x5EED_0003);
    // All 1,000 changes in one write, without waiting for anything.
    let mut bytes = Vec::new();
    for version in 2..1002 {
        let edit = random_edit(&mut rng, &doc);
        let change = edit.change(&doc, false);
        edit.apply(&mut doc);
        let params = json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": [change]});
        let message = json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": params});
        bytes.extend(Server::framed(message.to_string().as_bytes()));
    }
    server.send_raw(&bytes);
    let text = server.result(rapporteur::lsp::DOCUMENT_TEXT, json!({"textDocument": {"uri": URI}}));
    assert_eq!(text["version"], 1001);
    assert!(text["text"] == doc, "server text differs from the expected text");
    let published = server.diagnostics(URI, Some(1001));
    assert_same_diagnostics(&published, &cli_diagnostics(&doc, URI, false));
    assert_eq!(server.shutdown_and_exit().code(), Some(0));
}

#[test]
fn malformed_input_and_bad_requests_leave_the_server_up() {
    let mut server = Server::start();
    let origin = json!({"line": 0, "character": 0});
    assert_eq!(server.error_code("textDocument/hover", text_position(SEED_URI, origin.clone())), -32002, "before initialize");
    server.initialize(false);
    let doc = json!({"uri": SEED_URI, "languageId": "plaintext", "version": 1, "text": SEED});
    server.notify("textDocument/didOpen", json!({ "textDocument": doc }));
    let symbols = json!({"textDocument": {"uri": SEED_URI}});
    let still_up = |server: &mut Server| {
        assert!(server.result("textDocument/documentSymbol", symbols.clone()).is_array());
    };

    // Malformed JSON, and bytes that are not JSON at all: parse errors.
    for body in [&br#"{"jsonrpc": "2.0", "id": 77, "method": "#[..], b"\xff\xfe not json", b""] {
        server.send_raw(&Server::framed(body));
        let m = server.response(&Value::Null);
        assert_eq!(m["error"]["code"], -32700, "{m}");
        still_up(&mut server);
    }
    // JSON that is not a JSON-RPC message: invalid request, with its id if it has one.
    for (body, id) in [
        (&br#"{"id": 5, "hello": "world"}"#[..], json!(5)),
        (b"[1, 2, 3]", Value::Null),
        (br#"{"jsonrpc": "1.0", "id": "x", "method": "initialize"}"#, json!("x")),
        (br#"{"jsonrpc": "2.0", "id": 1.5, "method": "textDocument/hover"}"#, Value::Null),
    ] {
        server.send_raw(&Server::framed(body));
        let m = server.response(&id);
        assert_eq!(m["error"]["code"], -32600, "{m}");
        still_up(&mut server);
    }
    // Headers without a Content-Length: a parse error, then the stream goes on.
    server.send_raw(b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n");
    assert_eq!(server.response(&Value::Null)["error"]["code"], -32700);
    still_up(&mut server);
    // Headers that tower-lsp-server itself would reject are accepted.
    let body = json!({"jsonrpc": "2.0", "id": 900, "method": "textDocument/documentSymbol", "params": symbols}).to_string();
    let message = format!("Content-Length: {}\r\nContent-Type: application/json; charset=latin1\r\nX-Other: 1\r\n\r\n{body}", body.len());
    server.send_raw(message.as_bytes());
    assert!(server.response(&json!(900))["result"].is_array());

    // Unknown methods, unknown URIs, positions past the end.
    assert_eq!(server.error_code("rapporteur/noSuchMethod", json!({})), -32601);
    server.notify("$/noSuchNotification", json!({}));
    assert_eq!(server.error_code("textDocument/hover", text_position("file:///nowhere.txt", origin)), -32602);
    server.result("textDocument/hover", text_position(SEED_URI, json!({"line": 109, "character": 99_999})));
    let def = server.result("textDocument/definition", text_position(SEED_URI, json!({"line": 99_999, "character": 0})));
    assert!(def.is_null());
    still_up(&mut server);
    assert_eq!(server.shutdown_and_exit().code(), Some(0));
}

#[test]
fn exit_without_shutdown_and_end_of_input() {
    let mut server = Server::start();
    server.initialize(true);
    server.notify("exit", Value::Null);
    assert_eq!(server.wait().code(), Some(1), "exit without shutdown");

    let mut server = Server::start();
    server.initialize(false);
    server.stdin = None; // closes the pipe
    assert_eq!(server.wait().code(), Some(1), "end of input");
}

/// The server's text and version of `uri` (`rapporteur/documentText`).
fn document_text(server: &mut Server, uri: &str) -> (i64, String) {
    let r = server.result(rapporteur::lsp::DOCUMENT_TEXT, json!({"textDocument": {"uri": uri}}));
    (r["version"].as_i64().unwrap(), r["text"].as_str().unwrap().to_string())
}

fn request_bytes(id: i64, method: &str, params: Value) -> Vec<u8> {
    json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}).to_string().into_bytes()
}

/// A wrong `Content-Length` (too short, too long, over the limit, not a
/// number) costs at most that message: the stream resynchronises on the
/// next header and every later request is answered.
#[test]
fn a_wrong_content_length_does_not_kill_the_stream() {
    let started = Instant::now();
    let mut server = Server::start();
    server.initialize(false);
    let doc = json!({"uri": SEED_URI, "languageId": "plaintext", "version": 1, "text": SEED});
    server.notify("textDocument/didOpen", json!({ "textDocument": doc }));
    let text_params = json!({"textDocument": {"uri": SEED_URI}});

    // Too short: the message is lost (a parse error), the next one is served.
    let body = request_bytes(101, rapporteur::lsp::DOCUMENT_TEXT, text_params.clone());
    let mut bytes = format!("Content-Length: {}\r\n\r\n", body.len() - 7).into_bytes();
    bytes.extend_from_slice(&body);
    bytes.extend(Server::framed(&request_bytes(102, rapporteur::lsp::DOCUMENT_TEXT, text_params.clone())));
    server.send_raw(&bytes);
    assert_eq!(server.response(&json!(102))["result"]["version"], 1);
    assert_eq!(server.response(&Value::Null)["error"]["code"], -32700);

    // Too long, followed at once by another message: both are served.
    let body = request_bytes(103, rapporteur::lsp::DOCUMENT_TEXT, text_params.clone());
    let mut bytes = format!("Content-Length: {}\r\n\r\n", body.len() + 60).into_bytes();
    bytes.extend_from_slice(&body);
    bytes.extend(Server::framed(&request_bytes(104, rapporteur::lsp::DOCUMENT_TEXT, text_params.clone())));
    server.send_raw(&bytes);
    assert_eq!(server.response(&json!(103))["result"]["version"], 1);
    assert_eq!(server.response(&json!(104))["result"]["version"], 1);

    // Over the limit, and not a number: refused; the body is skipped.
    for length in ["99999999999999", "12abc", "-5"] {
        let body = request_bytes(105, rapporteur::lsp::DOCUMENT_TEXT, text_params.clone());
        let mut bytes = format!("Content-Length: {length}\r\n\r\n").into_bytes();
        bytes.extend_from_slice(&body);
        bytes.extend(Server::framed(&request_bytes(106, rapporteur::lsp::DOCUMENT_TEXT, text_params.clone())));
        server.send_raw(&bytes);
        assert_eq!(server.response(&json!(106))["result"]["version"], 1, "after Content-Length: {length}");
        assert_eq!(server.response(&Value::Null)["error"]["code"], -32700);
        assert!(server.backlog.iter().all(|m| m["id"] != 105), "the refused message was not served");
    }
    // Garbage between messages, with line breaks.
    server.send_raw(b"garbage\r\nmore: {\"x\": 1}\r\n\r\n{ \"jsonrpc\" }");
    let text = document_text(&mut server, SEED_URI);
    assert_eq!(text.0, 1);
    assert_eq!(server.shutdown_and_exit().code(), Some(0));
    assert!(started.elapsed() < Duration::from_secs(60), "{:?}", started.elapsed());
}

/// A `didChange` whose parameters have the wrong types is not dropped in
/// silence: the user is told once, the document's diagnostics are withdrawn
/// and no more are published until the whole text is sent again.
#[test]
fn an_unreadable_change_stops_publishing_until_a_full_change() {
    const URI: &str = "file:///tmp/rapporteur-test/diverged.txt";
    let mut server = Server::start();
    server.initialize(false);
    let open = json!({"uri": URI, "languageId": "plaintext", "version": 1, "text": SEED});
    server.notify("textDocument/didOpen", json!({ "textDocument": open }));
    assert!(!server.diagnostics(URI, Some(1)).is_empty());

    let change = json!({"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "x"});
    for _ in 0..2 {
        server.notify("textDocument/didChange", json!({"textDocument": {"uri": URI, "version": "2"}, "contentChanges": [change]}));
    }
    // Withdrawn, with the version the server holds.
    assert!(server.diagnostics(URI, Some(1)).is_empty());
    // A readable incremental change: applied, but nothing published.
    server.notify("textDocument/didChange", json!({"textDocument": {"uri": URI, "version": 3}, "contentChanges": [change]}));
    assert_eq!(document_text(&mut server, URI), (3, format!("x{SEED}")));
    // The whole text again: publishing resumes, for exactly that text.
    let full = format!("1. 第一段。\n3. 第三段。\n{SEED}");
    server.notify("textDocument/didChange", json!({"textDocument": {"uri": URI, "version": 4}, "contentChanges": [{"text": full}]}));
    let published = server.diagnostics(URI, Some(4));
    assert_same_diagnostics(&published, &cli_diagnostics(&full, URI, false));
    let shown: Vec<&Value> = server.backlog.iter().filter(|m| m["method"] == "window/showMessage").collect();
    assert_eq!(shown.len(), 1, "told once: {shown:?}");
    let message = shown[0]["params"]["message"].as_str().unwrap();
    assert!(message.contains(URI) && message.contains("withdrawn") && message.contains("whole text"), "{message}");
    assert!(
        server.backlog.iter().all(|m| !(m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == 3)),
        "nothing published for the diverged version"
    );
    assert_eq!(server.shutdown_and_exit().code(), Some(0));
}

/// A request named `$/…` is answered MethodNotFound; a notification `$/…`
/// is ignored; a change with an older version is refused; a lone surrogate
/// in a change becomes U+FFFD and the rest of the change is kept.
#[test]
fn dollar_requests_old_versions_and_lone_surrogates() {
    const URI: &str = "file:///tmp/rapporteur-test/small.txt";
    let mut server = Server::start();
    server.initialize(false);
    assert_eq!(server.error_code("$/noSuchRequest", json!({})), -32601);
    assert_eq!(server.error_code("$/cancelRequest", json!({"id": 1})), -32601);
    server.notify("$/noSuchNotification", json!({}));
    server.notify("$/setTrace", json!({"value": "off"}));

    // An unreadable didOpen: the user is told.
    let open = json!({"uri": URI, "languageId": "plaintext", "version": "5", "text": "1. 甲。\n"});
    server.notify("textDocument/didOpen", json!({ "textDocument": open }));
    assert_eq!(server.error_code(rapporteur::lsp::DOCUMENT_TEXT, json!({"textDocument": {"uri": URI}})), -32602, "not opened");
    let told = |m: &Value| m["method"] == "window/showMessage" && m["params"]["message"].as_str().is_some_and(|t| t.contains(URI));
    while !server.backlog.iter().any(told) {
        let m = server.next();
        server.backlog.push(m);
    }
    let open = json!({"uri": URI, "languageId": "plaintext", "version": 5, "text": "1. 甲。\n"});
    server.notify("textDocument/didOpen", json!({ "textDocument": open }));
    let change = |version: i64, text: &str| {
        json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": [
            {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": text}]})
    };
    server.notify("textDocument/didChange", change(3, "old "));
    assert_eq!(document_text(&mut server, URI), (5, "1. 甲。\n".to_string()), "an older version is refused");
    server.notify("textDocument/didChange", change(6, "new "));
    assert_eq!(document_text(&mut server, URI), (6, "new 1. 甲。\n".to_string()));

    // JSON with lone surrogates cannot be written by serde_json: by hand.
    let body = format!(
        r#"{{"jsonrpc":"2.0","method":"textDocument/didChange","params":{{"textDocument":{{"uri":"{URI}","version":7}},"contentChanges":[{{"range":{{"start":{{"line":0,"character":0}},"end":{{"line":0,"character":0}}}},"text":"a\ud800b\udc00c\ud83d\ude00\\ud800"}}]}}}}"#
    );
    server.send_raw(&Server::framed(body.as_bytes()));
    assert_eq!(document_text(&mut server, URI), (7, "a\u{FFFD}b\u{FFFD}c😀\\ud800new 1. 甲。\n".to_string()));
    assert_eq!(server.shutdown_and_exit().code(), Some(0));
}

/// A text of `paragraphs` paragraphs numbered 1, 3, 5, … (a gap at each).
fn gappy(paragraphs: usize) -> String {
    (0..paragraphs).map(|i| format!("{}. 本段的文字，其内容与上一段相同。\n", 2 * i + 1)).collect()
}

/// A publication is capped, with one diagnostic counting the rest per code.
#[test]
fn a_publication_is_capped() {
    const URI: &str = "file:///tmp/rapporteur-test/gaps.txt";
    let mut server = Server::start();
    server.initialize(false);
    let text = gappy(5000);
    let open = json!({"uri": URI, "languageId": "un-outcome", "version": 1, "text": text});
    server.notify("textDocument/didOpen", json!({ "textDocument": open }));
    let published = server.diagnostics(URI, Some(1));
    let expected = cli_diagnostics(&text, URI, false);
    assert!(expected.len() > 4000, "{}", expected.len());
    assert_eq!(published.len(), 2001);
    let summary = published.last().unwrap();
    assert_eq!(summary["code"], "rapporteur.truncated");
    let message = summary["message"].as_str().unwrap();
    assert!(message.starts_with(&format!("{} more diagnostics not shown", expected.len() - 2000)), "{message}");
    assert_eq!(server.shutdown_and_exit().code(), Some(0));
}

/// Long requests (the outline of a large document) run off the async
/// runtime: hover on another document is answered while they run, and a
/// cancelled one answers -32800.
#[test]
fn long_requests_do_not_delay_other_documents() {
    const BIG: &str = "file:///tmp/rapporteur-test/big.txt";
    let mut server = Server::start();
    server.initialize(false);
    let big = SEED.repeat(40);
    let open = json!({"uri": BIG, "languageId": "plaintext", "version": 1, "text": big});
    server.notify("textDocument/didOpen", json!({ "textDocument": open }));
    let doc = json!({"uri": SEED_URI, "languageId": "plaintext", "version": 1, "text": SEED});
    server.notify("textDocument/didOpen", json!({ "textDocument": doc }));
    server.diagnostics(BIG, Some(1));
    server.diagnostics(SEED_URI, Some(1));

    let mut bytes = Vec::new();
    for id in 500..506 {
        let method = ["textDocument/documentSymbol", "textDocument/foldingRange", "textDocument/semanticTokens/full"][id as usize % 3];
        bytes.extend(Server::framed(&request_bytes(id, method, json!({"textDocument": {"uri": BIG}}))));
    }
    let cancel = json!({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 505}});
    bytes.extend(Server::framed(cancel.to_string().as_bytes()));
    let at = seed_pos(110, "第一节第 16 段", "第一节第 ".len(), false);
    bytes.extend(Server::framed(&request_bytes(600, "textDocument/hover", text_position(SEED_URI, at))));
    let sent = Instant::now();
    server.send_raw(&bytes);
    let hover = server.response(&json!(600));
    let hover_time = sent.elapsed();
    // The long requests were sent first; the hover is not queued behind all of them.
    let long_done_before_hover = server.backlog.iter().filter(|m| m["id"].as_i64().is_some_and(|id| (500..506).contains(&id))).count();
    assert!(long_done_before_hover < 4, "the hover was answered after {long_done_before_hover} of the 6 long requests");
    assert!(hover["result"]["contents"]["value"].as_str().is_some_and(|v| v.contains("我们欢迎")), "{hover}");
    let mut answered = Vec::new();
    for id in 500..506 {
        let r = server.response(&json!(id));
        answered.push((id, r.get("error").map(|e| e["code"].clone())));
    }
    let all_time = sent.elapsed();
    let cancelled = answered.iter().find(|(id, _)| *id == 505).unwrap();
    assert!(cancelled.1.is_none() || cancelled.1 == Some(json!(-32800)), "{answered:?}");
    assert!(answered.iter().filter(|(id, _)| *id != 505).all(|(_, e)| e.is_none()), "{answered:?}");
    assert!(hover_time <= all_time && all_time < Duration::from_secs(120), "hover {hover_time:?}, long requests {all_time:?}");
    assert_eq!(server.shutdown_and_exit().code(), Some(0));
}

/// A standing property test over the protocol, with a fixed seed and count
/// (`RAPPORTEUR_FUZZ_SEED`, `RAPPORTEUR_FUZZ_BURSTS` change them): bursts of
/// random edits mixed with malformed and hostile messages (bad JSON, a
/// `Content-Length` too short or too long, `$/` requests, versions going
/// back, wrong-typed parameters, lone surrogates) and requests at random
/// positions, single edits and several in one `didChange`, each burst
/// written in one go to the real binary. After each
/// burst every request has been answered and the server's text equals the
/// client's; at the end its diagnostics equal the CLI's for the final text.
#[test]
fn fuzz_the_protocol_over_stdio() {
    const URI: &str = "file:///tmp/rapporteur-test/fuzz.txt";
    let seed = std::env::var("RAPPORTEUR_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0xF0_22ED);
    let bursts: usize = std::env::var("RAPPORTEUR_FUZZ_BURSTS").ok().and_then(|s| s.parse().ok()).unwrap_or(100);
    let started = Instant::now();
    let mut rng = Rng::new(seed);
    let mut server = Server::start();
    server.initialize(false);
    let mut doc = SEED[..SEED.len().min(20_000)].to_string();
    while !doc.is_char_boundary(doc.len()) {
        doc.pop();
    }
    let mut version = 1i64;
    let open = json!({"uri": URI, "languageId": "plaintext", "version": version, "text": doc});
    server.notify("textDocument/didOpen", json!({ "textDocument": open }));
    let mut id = 10_000i64;
    let mut diverged = false;
    for burst in 0..bursts {
        let mut bytes = Vec::new();
        let mut expected_ids = Vec::new();
        let mut parse_errors = 0;
        let mut method_not_found = Vec::new();
        let steps = 1 + rng.below(12);
        let mut step = 0;
        while step < steps {
            step += 1;
            let change_msg = |version: i64, change: Value| {
                json!({"jsonrpc": "2.0", "method": "textDocument/didChange",
                       "params": {"textDocument": {"uri": URI, "version": version}, "contentChanges": [change]}})
                .to_string()
            };
            match rng.below(100) {
                0..=9 => {
                    // Several changes in one message, each on the text the
                    // one before it left (as the protocol says).
                    let mut changes = Vec::new();
                    for _ in 0..2 + rng.below(3) {
                        let edit = random_edit(&mut rng, &doc);
                        changes.push(edit.change(&doc, false));
                        edit.apply(&mut doc);
                    }
                    version += 1;
                    let body = json!({"jsonrpc": "2.0", "method": "textDocument/didChange",
                                      "params": {"textDocument": {"uri": URI, "version": version}, "contentChanges": changes}});
                    bytes.extend(Server::framed(body.to_string().as_bytes()));
                }
                10..=49 => {
                    let edit = random_edit(&mut rng, &doc);
                    let change = edit.change(&doc, false);
                    edit.apply(&mut doc);
                    version += 1;
                    bytes.extend(Server::framed(change_msg(version, change).as_bytes()));
                }
                50..=54 => {
                    // A lone surrogate in the inserted text: the server keeps U+FFFD.
                    // Anywhere but inside a `\r\n`, where no LSP position lies.
                    let at = random_offset(&mut rng, &doc);
                    let edit = Edit { start: at, end: at, text: "«\u{FFFD}»".to_string() };
                    let change = edit.change(&doc, false);
                    edit.apply(&mut doc);
                    version += 1;
                    let body = change_msg(version, change).replace('\u{FFFD}', r"\udc01");
                    bytes.extend(Server::framed(body.as_bytes()));
                }
                55..=59 => {
                    // A version going back: refused.
                    let change =
                        json!({"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "STALE"});
                    bytes.extend(Server::framed(change_msg(version - 1 - rng.below(3) as i64, change).as_bytes()));
                }
                60..=62 => {
                    // Wrong-typed parameters: dropped, and the document marked diverged.
                    let change =
                        json!({"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "LOST"});
                    let body = change_msg(version + 1, change)
                        .replace(&format!("\"version\":{}", version + 1), &format!("\"version\":\"{}\"", version + 1));
                    bytes.extend(Server::framed(body.as_bytes()));
                    diverged = true;
                }
                63..=67 => {
                    bytes.extend(Server::framed(br#"{"jsonrpc": "2.0", "id": 3, "method": "#));
                    parse_errors += 1;
                }
                68..=71 => {
                    // Too short: that message is lost (a parse error).
                    id += 1;
                    let body = request_bytes(id, "textDocument/documentSymbol", json!({"textDocument": {"uri": URI}}));
                    let cut = 1 + rng.below(6);
                    bytes.extend(format!("Content-Length: {}\r\n\r\n", body.len() - cut).into_bytes());
                    bytes.extend(body);
                    parse_errors += 1;
                }
                72..=75 => {
                    // Too long, with another message right behind it: both served.
                    id += 1;
                    let body = request_bytes(id, rapporteur::lsp::DOCUMENT_TEXT, json!({"textDocument": {"uri": URI}}));
                    bytes.extend(format!("Content-Length: {}\r\n\r\n", body.len() + 15 + rng.below(30)).into_bytes());
                    bytes.extend(body);
                    expected_ids.push(id);
                    id += 1;
                    bytes.extend(Server::framed(&request_bytes(id, "textDocument/foldingRange", json!({"textDocument": {"uri": URI}}))));
                    expected_ids.push(id);
                }
                76..=79 => {
                    id += 1;
                    bytes.extend(Server::framed(&request_bytes(id, "$/fuzz", json!({}))));
                    method_not_found.push(id);
                }
                80..=81 => {
                    bytes.extend(Server::framed(br#"{"jsonrpc": "2.0", "method": "$/ignored", "params": {}}"#));
                }
                _ => {
                    id += 1;
                    let method = *rng.pick(&[
                        "textDocument/hover",
                        "textDocument/definition",
                        "textDocument/documentSymbol",
                        "textDocument/references",
                    ]);
                    let position = json!({"line": rng.below(400), "character": rng.below(120)});
                    let mut params = text_position(URI, position);
                    params["context"] = json!({"includeDeclaration": rng.below(2) == 0});
                    bytes.extend(Server::framed(&request_bytes(id, method, params)));
                    expected_ids.push(id);
                }
            }
        }
        let last = burst + 1 == bursts;
        if diverged && (last || rng.below(3) == 0) {
            version += 1;
            bytes.extend(Server::framed(change_msg_full(URI, version, &doc).as_bytes()));
            diverged = false;
        }
        server.send_raw(&bytes);
        for id in &expected_ids {
            let r = server.response(&json!(id));
            assert!(r.get("result").is_some() || r.get("error").is_some(), "burst {burst}: {r}");
        }
        for id in &method_not_found {
            assert_eq!(server.response(&json!(id))["error"]["code"], -32601, "burst {burst}");
        }
        for _ in 0..parse_errors {
            assert_eq!(server.response(&Value::Null)["error"]["code"], -32700, "burst {burst}");
        }
        let (server_version, server_text) = document_text(&mut server, URI);
        assert_eq!(server_version, version, "burst {burst}");
        assert!(server_text == doc, "burst {burst} (seed {seed}): the server's text differs from the client's");
        server.backlog.retain(|m| m["method"] != "textDocument/publishDiagnostics" || m["params"]["version"].as_i64() == Some(version));
    }
    let published = server.diagnostics(URI, Some(version));
    assert_same_diagnostics(&published, &cli_diagnostics(&doc, URI, false));
    assert_eq!(server.shutdown_and_exit().code(), Some(0));
    // A generous budget, scaled with the count (a guard against hangs).
    let budget = Duration::from_secs(120 * (bursts as u64 / 100).max(1));
    assert!(started.elapsed() < budget, "{:?}", started.elapsed());
}

fn change_msg_full(uri: &str, version: i64, text: &str) -> String {
    json!({"jsonrpc": "2.0", "method": "textDocument/didChange",
           "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}})
    .to_string()
}

/// Hostile `include`/`exclude` globs (`{a,b}/` repeated, `**/` repeated) are
/// matched against every opened document: the open is still answered at
/// once (before: 21 s and 1.17 GB inside `didOpen`), and a glob over the
/// length bound is ignored with a warning.
#[test]
fn hostile_settings_globs_do_not_stall_an_open() {
    let started = Instant::now();
    let mut server = Server::start();
    let braces = format!("{}x.md", "{a,b}/".repeat(160));
    let stars = format!("{}y.md", "**/".repeat(300));
    let long = "a".repeat(5000);
    let options = json!({"rapporteur": {"include": [braces, stars], "exclude": [long, format!("{}z.md", "**/".repeat(300))]}});
    server.result("initialize", json!({"capabilities": {}, "initializationOptions": options}));
    server.notify("initialized", json!({}));
    let uri = format!("file:///tmp/rapporteur-test/{}x.md", "a/".repeat(150));
    let open = json!({"uri": uri, "languageId": "markdown", "version": 1, "text": SEED});
    server.notify("textDocument/didOpen", json!({ "textDocument": open }));
    let diagnostics = server.diagnostics(&uri, Some(1));
    assert!(!diagnostics.is_empty(), "the include glob matched: the seed is checked");
    let at = seed_pos(110, "第一节第 16 段", "第一节第 ".len(), false);
    assert!(server.result("textDocument/hover", text_position(&uri, at)).is_object());
    assert_eq!(server.shutdown_and_exit().code(), Some(0));
    // A generous budget: the matching takes milliseconds.
    assert!(started.elapsed() < Duration::from_secs(60), "{:?}", started.elapsed());
}

/// A keystroke on a 730-KB line carrying 20,000 broken references: each
/// position is converted from a checkpoint of the line, not from its start
/// (before: 10–11 s per keystroke in a release build, quadratic in the
/// line's length).
#[test]
fn a_keystroke_on_an_enormous_line_is_not_quadratic() {
    const URI: &str = "file:///tmp/rapporteur-test/one-line.txt";
    let line: Vec<String> = (0..20_000).map(|i| format!("as set out in paragraph {} above,", 1000 + i)).collect();
    let line = format!("1. The Assembly, {}", line.join(" "));
    let text = format!("<!-- rapporteur: on -->\n{line}\n");
    let started = Instant::now();
    let mut server = Server::start();
    server.initialize(false);
    let open = json!({"uri": URI, "languageId": "plaintext", "version": 1, "text": text});
    server.notify("textDocument/didOpen", json!({ "textDocument": open }));
    let first = server.diagnostics(URI, Some(1));
    let end = line.len() as u32; // ASCII: bytes are UTF-16 units
    let change = json!({"range": {"start": {"line": 1, "character": end}, "end": {"line": 1, "character": end}}, "text": " x"});
    server.notify("textDocument/didChange", json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [change]}));
    let second = server.diagnostics(URI, Some(2));
    assert_eq!(first.len(), second.len());
    // Each reference's position, counted in UTF-16 units from the line start
    // (ASCII: bytes), is where the text it quotes is.
    let mut checked = 0;
    for d in &second {
        let (Some(message), Some(at)) = (d["message"].as_str(), d["range"]["start"]["character"].as_u64()) else { continue };
        if let Some(quoted) = message.strip_prefix('`').and_then(|m| m.split('`').next()) {
            assert!(line[at as usize..].starts_with(quoted), "{d}");
            checked += 1;
        }
    }
    assert!(checked > 1000, "{checked} of {}", second.len());
    assert_eq!(server.shutdown_and_exit().code(), Some(0));
    assert!(started.elapsed() < Duration::from_secs(180), "{:?}", started.elapsed());
}

/// Over stdio the outline is answered without a JSON value tree
/// (`lsp/direct.rs`): the same answer as the protocol library gives in
/// process, exactly one response per request whatever its id, and errors
/// and cancellations answered as before.
#[test]
fn document_symbols_are_written_directly_and_answered_once() {
    // The library's own answer, through the tower service in process.
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    let expected = runtime.block_on(async {
        let mut s = Session::start(rapporteur::lsp::Options::default());
        s.initialize(false, Value::Null).await;
        s.open(SEED_URI, SEED, 1).await;
        s.request("textDocument/documentSymbol", json!({"textDocument": {"uri": SEED_URI}})).await.expect("symbols")
    });
    assert!(expected.as_array().is_some_and(|a| !a.is_empty()), "{expected}");

    let mut server = Server::start();
    server.initialize(false);
    let doc = json!({"uri": SEED_URI, "languageId": "plaintext", "version": 1, "text": SEED});
    server.notify("textDocument/didOpen", json!({ "textDocument": doc }));
    server.diagnostics(SEED_URI, Some(1));
    let params = json!({"textDocument": {"uri": SEED_URI}});
    let ids = [json!(800), json!("outline"), json!(801), json!(802), json!(803)];
    let mut bytes = Vec::new();
    for id in &ids[..4] {
        let request = json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/documentSymbol", "params": params});
        bytes.extend(Server::framed(request.to_string().as_bytes()));
    }
    let cancel = json!({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 802}});
    bytes.extend(Server::framed(cancel.to_string().as_bytes()));
    bytes.extend(Server::framed(&request_bytes(
        803,
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": "file:///nowhere.txt"}}),
    )));
    server.send_raw(&bytes);
    for id in &ids[..3] {
        let r = server.response(id);
        assert_eq!(r["result"], expected, "id {id}");
        assert!(r.get("error").is_none());
    }
    let cancelled = server.response(&json!(802));
    assert!(cancelled["result"] == expected || cancelled["error"]["code"] == -32800, "{cancelled}");
    assert_eq!(server.response(&json!(803))["error"]["code"], -32602);
    // No second response to any of them, even after the others are done.
    assert_eq!(server.result("shutdown", Value::Null), Value::Null);
    std::thread::sleep(Duration::from_millis(300));
    let late: Vec<Value> = server.messages.try_iter().chain(server.backlog.drain(..)).collect();
    let again: Vec<&Value> = late.iter().filter(|m| m.get("method").is_none() && ids.contains(&m["id"])).collect();
    assert!(again.is_empty(), "answered twice: {again:?}");
    server.notify("exit", Value::Null);
    assert_eq!(server.wait().code(), Some(0));
}

/// A large `didOpen` or `didChange` (from 256 KB) is read once by the
/// transport and handed to the server beside the protocol library
/// (`lsp/direct.rs`): the server's text is the client's, in order with the
/// small changes around it, diagnostics are those of the CLI, and one whose
/// parameters cannot be read is refused as a small one is.
#[test]
fn large_document_notifications_are_applied_in_order() {
    const URI: &str = "file:///tmp/rapporteur-test/large.txt";
    let mut server = Server::start();
    server.initialize(false);
    let text = SEED.repeat(6);
    assert!(text.len() > 256 << 10);
    let open = json!({"uri": URI, "languageId": "plaintext", "version": 1, "text": text});
    let small = |version: i64, text: &str| {
        let at = json!({"line": 0, "character": 0});
        json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": [{"range": {"start": at, "end": at}, "text": text}]})
    };
    // Written in one go: the large open, a small change, a large full change, a small change.
    let full = format!("1. 第一段。\n3. 第三段。\n{text}");
    let mut bytes = Vec::new();
    for (method, params) in [
        ("textDocument/didOpen", json!({ "textDocument": open })),
        ("textDocument/didChange", small(2, "a")),
        ("textDocument/didChange", json!({"textDocument": {"uri": URI, "version": 3}, "contentChanges": [{"text": full}]})),
        ("textDocument/didChange", small(4, "b")),
    ] {
        bytes.extend(Server::framed(json!({"jsonrpc": "2.0", "method": method, "params": params}).to_string().as_bytes()));
    }
    server.send_raw(&bytes);
    let expected = format!("b{full}");
    let published = server.diagnostics(URI, Some(4));
    assert!(document_text(&mut server, URI) == (4, expected.clone()), "the server's text differs from the client's");
    assert_same_diagnostics(&published, &cli_diagnostics(&expected, URI, false));
    // Unreadable (a version that is a string): refused, the text is not trusted until a whole text comes.
    let bad = json!({"textDocument": {"uri": URI, "version": "5"}, "contentChanges": [{"text": text}]});
    server.notify("textDocument/didChange", bad);
    assert!(server.diagnostics(URI, Some(4)).is_empty(), "withdrawn");
    assert_eq!(document_text(&mut server, URI).0, 4);
    let shown = server.backlog.iter().filter(|m| m["method"] == "window/showMessage").count();
    assert_eq!(shown, 1);
    server.notify("textDocument/didChange", json!({"textDocument": {"uri": URI, "version": 6}, "contentChanges": [{"text": text}]}));
    assert_same_diagnostics(&server.diagnostics(URI, Some(6)), &cli_diagnostics(&text, URI, false));
    assert!(document_text(&mut server, URI) == (6, text.clone()));
    assert_eq!(server.shutdown_and_exit().code(), Some(0));
}
