//! `cargo bench --bench lsp`: the language server under typing, in process
//! through its tower service (JSON in and out, as over stdio, minus the pipe).
//!
//! For a ~1-MB and a ~10-MB Chinese document (the seed's report, then its
//! annex repeated as 附件一, 附件二, … so that every copy numbers its
//! paragraphs afresh) it replays typing a sentence into a paragraph in the
//! middle of the document and deleting it again, one keystroke per
//! `didChange`, and reports:
//! - keystroke → `publishDiagnostics` for that version (median, p95), with
//!   the server's default settings (no fixed debounce) so that the figure is the server's own work: apply
//!   the edit, copy the rope out, update the previous analysis, convert,
//!   publish (`RAPPORTEUR_BENCH_FRESH=1`: analyse afresh instead);
//! - the `didChange` notification's round trip (the handler applies the edit
//!   to the rope in tens of microseconds, see `RAPPORTEUR_LOG=debug`; the rest
//!   is waiting for a core while the analysis of the previous keystroke's
//!   text is being freed and the new one starts);
//! - hover, definition and references on a reference (median, p95), on a
//!   version already analysed;
//! - the peak resident memory of the process (VmHWM).
//!
//! `cargo bench --bench lsp -- 1` runs the 1-MB document only (`-- 10`, the
//! 10-MB one); `RAPPORTEUR_BENCH_KEYS=N` adds N keystrokes to each.
//!
//! First, as the user feels it: the built binary `rapporteur lsp` driven by
//! a client over stdio (pipes, `Content-Length` framing, the server's
//! default settings) at 100 KB, 1 MB and 10 MB: open → first diagnostics,
//! and keystroke → diagnostics for that version (each keystroke waits for
//! its diagnostics), and the server's peak memory. The client's locale is
//! `zh-cn`, as a Chinese-language editor's is (the server readies that
//! language at `initialize`); a last line times the 1-MB open from an
//! editor whose locale is English. `-- stdio` runs only that;
//! `RAPPORTEUR_BENCH_BIN=path` drives another build (to compare).

#[path = "../tests/lsp_common.rs"]
mod common;

#[path = "common/documents.rs"]
mod documents;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{naive_position, Session};
use documents::{chinese_document, SEED};
use rapporteur::diagnostics::DiagnosticsConfig;
use rapporteur::ide::Analysis;
use rapporteur::lang::Language;
use rapporteur::lsp::{analyze, Analyzer, Options};
use rapporteur::text::Unchanged;
use serde_json::{json, Value};

const URI: &str = "file:///bench/document.txt";
const TYPED: &str = "我们还注意到第二节第 18 段所载承诺😀，并重申第 3 段。";

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn report(what: &str, mut times: Vec<Duration>) {
    times.sort();
    println!(
        "  {what:42} median {:>9.3} ms   p95 {:>9.3} ms   ({} samples)",
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.95)),
        times.len()
    );
}

/// A `/proc/self/status` figure in KiB (`VmHWM`: peak resident, `VmRSS`: now).
fn status_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn position(line: u32, character: u32) -> Value {
    json!({"line": line, "character": character})
}

async fn run_case(label: &str, size: usize, keystrokes: usize, lookups: usize) {
    let text = chinese_document(size);
    println!("{label}: {:.2} MB, {} lines", text.len() as f64 / (1 << 20) as f64, text.lines().count());
    // The server's analyzer (an update of the previous version's analysis),
    // timed, so that the server's own share shows. With
    // RAPPORTEUR_BENCH_FRESH=1 every version is analysed from scratch.
    let fresh = std::env::var_os("RAPPORTEUR_BENCH_FRESH").is_some();
    let analysis_times = Arc::new(Mutex::new(Vec::new()));
    let recorder = Arc::clone(&analysis_times);
    let analyzer: Analyzer = Arc::new(
        move |text: &dyn Fn() -> rapporteur::syntax::mask::Source,
              language: Option<Language>,
              config: &DiagnosticsConfig,
              previous: Option<Arc<Analysis>>,
              unchanged: Unchanged| {
            let start = Instant::now();
            let analysis =
                if fresh { Analysis::from_source(text(), language, config) } else { analyze(text, language, config, previous, unchanged) };
            recorder.lock().unwrap().push(start.elapsed());
            analysis
        },
    );
    let mut s = Session::start(Options { debounce: Duration::ZERO, analyzer });
    s.keep_history = false;
    s.initialize(false, Value::Null).await;

    let start = Instant::now();
    s.open(URI, &text, 0).await;
    let diagnostics = s.diagnostics(URI, Some(0)).await;
    println!("  open → diagnostics: {:.1} ms ({} diagnostics)", ms(start.elapsed()), diagnostics.len());
    print_peak("after opening");

    // Typing spot: the start of paragraph 16's text in the middle copy of the annex.
    let middle = (0..=text.len() / 2).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    let at = middle + text[middle..].find("16. 我们欢迎").expect("a paragraph 16") + "16. ".len();
    let (line, col) = naive_position(&text, at, false);

    analysis_times.lock().unwrap().clear();
    let mut to_diagnostics = Vec::new();
    let mut handler = Vec::new();
    let mut version = 0;
    let mut typed: Vec<char> = Vec::new();
    let chars: Vec<char> = TYPED.chars().collect();
    for k in 0..keystrokes {
        // Type the sentence, then delete it again character by character.
        let round = k % (2 * chars.len());
        let change = if round < chars.len() {
            let c = chars[round];
            let column = col + typed.iter().map(|c| c.len_utf16() as u32).sum::<u32>();
            typed.push(c);
            json!({"range": {"start": position(line, column), "end": position(line, column)}, "text": c.to_string()})
        } else {
            let c = typed.pop().expect("typed text");
            let end = col + typed.iter().map(|c| c.len_utf16() as u32).sum::<u32>() + c.len_utf16() as u32;
            let start = end - c.len_utf16() as u32;
            json!({"range": {"start": position(line, start), "end": position(line, end)}, "text": ""})
        };
        version += 1;
        let params = json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": [change]});
        let message = s.build("textDocument/didChange", params, false);
        let start = Instant::now();
        s.send(message).await;
        handler.push(start.elapsed());
        s.diagnostics(URI, Some(version)).await;
        to_diagnostics.push(start.elapsed());
    }
    report("keystroke → diagnostics", to_diagnostics);
    report(
        if fresh { "  of which Analysis::new" } else { "  of which the analysis (Analysis::update)" },
        analysis_times.lock().unwrap().clone(),
    );
    report("didChange round trip", handler);

    // Lookups in the report body (the same lines as in the seed), on a
    // version already analysed: `附件一` (line 156) resolves to the first
    // annex; `第一节第 16 段` (line 110) fits section 一 of every annex copy.
    let at = |line: usize, needle: &str, skip: usize| {
        let text = SEED.lines().nth(line - 1).expect("a seed line");
        let column = text[..text.find(needle).expect("the reference") + skip].encode_utf16().count();
        json!({"textDocument": {"uri": URI}, "position": position(line as u32 - 1, column as u32)})
    };
    let resolved = at(156, "附件一", "附件".len());
    let ambiguous = at(110, "第一节第 16 段", "第一节第 ".len());
    let cases = [
        ("hover, resolved ref (line 156)", "textDocument/hover", &resolved),
        ("definition, resolved ref (line 156)", "textDocument/definition", &resolved),
        ("references to annex I (line 156)", "textDocument/references", &resolved),
        ("hover, ambiguous ref (line 110)", "textDocument/hover", &ambiguous),
        ("definition, ambiguous ref (line 110)", "textDocument/definition", &ambiguous),
    ];
    for (what, method, params) in cases {
        let mut params = params.clone();
        if method == "textDocument/references" {
            params["context"] = json!({"includeDeclaration": true});
        }
        let mut times = Vec::new();
        let mut found = 0;
        for _ in 0..lookups {
            let start = Instant::now();
            let result = s.request(method, params.clone()).await.expect("an answer");
            times.push(start.elapsed());
            found = result.as_array().map_or(usize::from(!result.is_null()), Vec::len);
        }
        assert!(found > 0, "{what}: nothing found");
        report(&format!("{what} [{found}]"), times);
    }
    print_peak("after typing and lookups");
    let start = Instant::now();
    let symbols = s.request("textDocument/documentSymbol", json!({"textDocument": {"uri": URI}})).await.expect("symbols");
    let elapsed = start.elapsed();
    fn count(symbols: &Value) -> usize {
        symbols.as_array().map_or(0, |list| list.iter().map(|s| 1 + count(&s["children"])).sum())
    }
    println!("  documentSymbol: {:.1} ms ({} symbols)", ms(elapsed), count(&symbols));
}

/// A client of `rapporteur lsp` over stdio.
struct StdioClient {
    child: std::process::Child,
    stdin: std::process::ChildStdin,
    /// Each message with the time its last byte was read (before it was parsed).
    messages: std::sync::mpsc::Receiver<(Instant, Vec<u8>)>,
    next_id: i64,
}

impl StdioClient {
    fn start(bin: &str) -> StdioClient {
        use std::io::{BufRead, BufReader, Read};
        let mut child = std::process::Command::new(bin)
            .args(["lsp", "--stdio"])
            .env("RAPPORTEUR_LOG", "error")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("start the server");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, messages) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut out = BufReader::new(stdout);
            loop {
                let mut length = 0;
                loop {
                    let mut line = String::new();
                    if out.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse().unwrap_or(0);
                    }
                }
                let mut body = vec![0; length];
                if out.read_exact(&mut body).is_err() {
                    return;
                }
                // Parsed by the receiver: a large message must not hold up
                // the arrival time of the next.
                if tx.send((Instant::now(), body)).is_err() {
                    return;
                }
            }
        });
        let stdin = child.stdin.take().expect("stdin");
        StdioClient { child, stdin, messages, next_id: 0 }
    }

    fn send(&mut self, message: &Value) {
        use std::io::Write;
        let body = message.to_string();
        let mut bytes = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        bytes.extend_from_slice(body.as_bytes());
        self.stdin.write_all(&bytes).and_then(|_| self.stdin.flush()).expect("write to the server");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.request_timed(method, params).1
    }

    /// The next message from the server, with the time it had arrived.
    fn next_message(&mut self, waiting_for: &str) -> (Instant, Value) {
        loop {
            let (arrived, body) = self.messages.recv_timeout(Duration::from_secs(600)).expect(waiting_for);
            if let Ok(v) = serde_json::from_slice::<Value>(&body) {
                return (arrived, v);
            }
        }
    }

    /// The answer to a request, with the time its bytes had all arrived.
    fn request_timed(&mut self, method: &str, params: Value) -> (Instant, Value) {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let (arrived, m) = self.next_message("an answer");
            if m["id"] == id && m.get("method").is_none() {
                return (arrived, m);
            }
        }
    }

    /// Waits for diagnostics of `uri` for `version`; returns how many.
    fn diagnostics(&mut self, uri: &str, version: i64) -> usize {
        loop {
            let (_, m) = self.next_message("diagnostics");
            if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri && m["params"]["version"] == version {
                return m["params"]["diagnostics"].as_array().map_or(0, Vec::len);
            }
        }
    }

    /// The server process's peak resident memory in MB.
    fn peak_mb(&self) -> Option<f64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        Some(line.split_whitespace().nth(1)?.parse::<f64>().ok()? / 1024.0)
    }
}

impl StdioClient {
    /// A server started by an editor of `locale`, `text` opened right after
    /// `initialized`: the client, the number of diagnostics and the time
    /// from the open to them.
    fn open(bin: &str, locale: &str, text: &str) -> (StdioClient, usize, Duration) {
        let mut c = StdioClient::start(bin);
        c.request("initialize", json!({"capabilities": {}, "locale": locale}));
        c.notify("initialized", json!({}));
        let start = Instant::now();
        let doc = json!({"uri": URI, "languageId": "plaintext", "version": 0, "text": text});
        c.notify("textDocument/didOpen", json!({ "textDocument": doc }));
        let n = c.diagnostics(URI, 0);
        (c, n, start.elapsed())
    }
}

impl Drop for StdioClient {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Opening a 1-MB Chinese draft right after `initialize` from an editor
/// whose locale is English: the server readied English, and compiles the
/// Chinese tables for this document (median of five fresh servers).
fn stdio_open_unready(bin: &str, size: usize) {
    let text = chinese_document(size);
    let mut times = Vec::new();
    for _ in 0..5 {
        let (_, _, open) = StdioClient::open(bin, "en", &text);
        times.push(open);
    }
    times.sort();
    println!(
        "{} MB over stdio, the editor's locale English: open → diagnostics median {:.1} ms (of 5: {:.1}–{:.1} ms)",
        size >> 20,
        ms(times[2]),
        ms(times[0]),
        ms(times[4])
    );
}

/// Typing through the real binary over stdio, as an editor does.
fn stdio_case(bin: &str, label: &str, size: usize, keystrokes: usize) {
    let text = chinese_document(size);
    // A Chinese translator's editor: its locale readies Chinese at once.
    let (mut c, n, open) = StdioClient::open(bin, "zh-cn", &text);
    let peak_open = c.peak_mb();
    let middle = (0..=text.len() / 2).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    let at = middle + text[middle..].find("16. 我们欢迎").expect("a paragraph 16") + "16. ".len();
    let (line, col) = naive_position(&text, at, false);
    let chars: Vec<char> = TYPED.chars().collect();
    let mut typed = 0u32;
    let mut times = Vec::new();
    for k in 0..keystrokes {
        let c0 = chars[k % chars.len()];
        let column = col + typed;
        typed += c0.len_utf16() as u32;
        let change = json!({"range": {"start": position(line, column), "end": position(line, column)}, "text": c0.to_string()});
        let version = k as i64 + 1;
        let start = Instant::now();
        c.notify("textDocument/didChange", json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": [change]}));
        c.diagnostics(URI, version);
        times.push(start.elapsed());
    }
    println!(
        "{label} over stdio ({:.2} MB): open → diagnostics {:.1} ms ({n} diagnostics)",
        text.len() as f64 / (1 << 20) as f64,
        ms(open)
    );
    report("keystroke → diagnostics (stdio)", times);
    // A burst: 20 keystrokes written at once, to the diagnostics of the last.
    let start = Instant::now();
    for k in 0..20 {
        let c0 = chars[k % chars.len()];
        let column = col + typed;
        typed += c0.len_utf16() as u32;
        let change = json!({"range": {"start": position(line, column), "end": position(line, column)}, "text": c0.to_string()});
        let version = (keystrokes + k) as i64 + 1;
        c.notify("textDocument/didChange", json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": [change]}));
    }
    c.diagnostics(URI, (keystrokes + 20) as i64);
    println!("  burst of 20 keystrokes → diagnostics of the last: {:.1} ms", ms(start.elapsed()));
    if let (Some(open), Some(typed)) = (peak_open, c.peak_mb()) {
        println!("  server peak memory (VmHWM): {open:.1} MB after opening, {typed:.1} MB after typing");
    }
    let start = Instant::now();
    let symbols = c.request("textDocument/documentSymbol", json!({"textDocument": {"uri": URI}}));
    println!("  documentSymbol: {:.1} ms ({} top-level symbols)", ms(start.elapsed()), symbols["result"].as_array().map_or(0, Vec::len));
    // Hover on another (small) document while the outline of this one is computed and sent.
    const SMALL: &str = "file:///bench/small.txt";
    let doc = json!({"uri": SMALL, "languageId": "plaintext", "version": 0, "text": SEED});
    c.notify("textDocument/didOpen", json!({ "textDocument": doc }));
    c.diagnostics(SMALL, 0);
    c.next_id += 1;
    let symbols_id = c.next_id;
    c.send(&json!({"jsonrpc": "2.0", "id": symbols_id, "method": "textDocument/documentSymbol", "params": {"textDocument": {"uri": URI}}}));
    std::thread::sleep(Duration::from_millis(20));
    let line = SEED.lines().nth(109).expect("line 110");
    let column = line[..line.find("第一节第 16 段").expect("the reference") + "第一节第 ".len()].encode_utf16().count() as u32;
    let start = Instant::now();
    let (arrived, _) = c.request_timed("textDocument/hover", json!({"textDocument": {"uri": SMALL}, "position": position(109, column)}));
    // The answer comes after the outline's on the one stream when the outline
    // was ready first: the second figure adds the client's parse of it.
    println!(
        "  hover on another document, sent 20 ms after a documentSymbol: answer read in {:.1} ms, parsed (after the outline's answer) in {:.1} ms",
        ms(arrived - start),
        ms(start.elapsed())
    );
    if let Some(peak) = c.peak_mb() {
        println!("  server peak memory (VmHWM): {peak:.1} MB after two documentSymbol requests");
    }
}

fn main() {
    rapporteur::cli::allocator::configure(rapporteur::cli::allocator::Workload::Server);
    // `cargo bench` passes `--bench`; a "1" or "10" argument picks one size.
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    if filter.as_deref().is_none_or(|f| f == "stdio") {
        let bin = std::env::var("RAPPORTEUR_BENCH_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_rapporteur").to_string());
        let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
        println!("rapporteur lsp over stdio: {bin}; load average {}", load.split_whitespace().take(3).collect::<Vec<_>>().join(" "));
        for (label, size, keys) in [("100 KB", 100 << 10, 40), ("1 MB", 1 << 20, 30), ("10 MB", 10 << 20, 10)] {
            stdio_case(&bin, label, size, keys);
        }
        stdio_open_unready(&bin, 1 << 20);
        if filter.is_some() {
            return;
        }
    }
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("tokio runtime");
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    println!("rapporteur lsp: in-process LSP service, UTF-16 positions, debounce 0, {cores} cores");
    let extra: usize = std::env::var("RAPPORTEUR_BENCH_KEYS").ok().and_then(|v| v.parse().ok()).unwrap_or(0);
    for (label, mb, keystrokes, lookups) in [("1 MB", 1, 60 + extra, 300), ("10 MB", 10, 20 + extra, 100)] {
        if filter.as_deref().is_some_and(|f| f != mb.to_string()) {
            continue;
        }
        runtime.block_on(run_case(label, mb << 20, keystrokes, lookups));
    }
    print_peak("at the end");
}

fn print_peak(when: &str) {
    if let (Some(peak), Some(now)) = (status_kib("VmHWM:"), status_kib("VmRSS:")) {
        println!("  memory {when}: peak (VmHWM) {:.1} MB, resident now {:.1} MB", peak as f64 / 1024.0, now as f64 / 1024.0);
    }
}
