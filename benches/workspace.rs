//! `cargo bench --bench workspace`: a workspace of 1,000 documents.
//!
//! The documents are generated from the corpus (`tests/fixtures/corpus/`,
//! the General Assembly's political declaration on tuberculosis, 53
//! paragraphs, 37 KB): document *i* has the symbol `A/BENCH/i` in its
//! masthead, and a paragraph citing paragraphs of three others
//! (`paragraph 12 of A/BENCH/j`, one of them missing) and resolution 73/3.
//! They are written to a temporary folder and then, as the server does on
//! `initialize` and `rapporteur check DIR` does:
//! - indexing: every file read and analysed on all cores, then put in the
//!   [`Workspace`] (wall time);
//! - memory: the process's peak resident memory (VmHWM) with the 1,000 analyses held;
//! - cross-document diagnostics of every document (`reference.broken`, parity);
//! - a keystroke in one document: the incremental update of its analysis,
//!   its place in the workspace, and its cross-document diagnostics
//!   (median, p95 over 40 keystrokes);
//! - find references to a paragraph: the references of every other document
//!   into it (median, p95 over 20 documents);
//! - `workspace/symbol` queries (median, p95).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rapporteur::diagnostics::DiagnosticsConfig;
use rapporteur::ide::Analysis;
use rapporteur::workspace::Workspace;

const DOCS: usize = 1000;

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn percentile(mut v: Vec<Duration>, p: f64) -> Duration {
    v.sort();
    v[((v.len() as f64 - 1.0) * p).round() as usize]
}

fn generate(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let base = include_str!("../tests/fixtures/corpus/en_A-RES-73-3.txt");
    std::fs::create_dir_all(dir).unwrap();
    (0..DOCS)
        .map(|i| {
            let (a, b, c) = ((i * 7 + 3) % DOCS, (i * 13 + 5) % DOCS, (i * 31 + 11) % DOCS);
            let text = base.replacen("A/RES/73/3", &format!("A/BENCH/{i}"), 1).replacen("73/3.", "", 1)
                + &format!(
                    "\n54. Recalls paragraph 12 of A/BENCH/{a}, paragraph 30 of A/BENCH/{b} and paragraph 99 of A/BENCH/{c}, and resolution 73/3;\n"
                );
            let path = dir.join(format!("doc_{i:04}.txt"));
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect()
}

fn main() {
    let dir = std::env::temp_dir().join(format!("rapporteur-bench-ws-{}", std::process::id()));
    let paths = generate(&dir);
    let config = DiagnosticsConfig::all_enabled();
    let rss_before = peak_rss_mb();

    // Indexing: read + analyse on all cores, then index.
    let started = Instant::now();
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<Analysis>>> = paths.iter().map(|_| Mutex::new(None)).collect();
    let workers = std::thread::available_parallelism().map_or(1, |p| p.get());
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = paths.get(i) else { break };
                let text = std::fs::read_to_string(path).unwrap();
                *slots[i].lock().unwrap() = Some(Analysis::new(text, None, &config));
            });
        }
    });
    let analysed = started.elapsed();
    let mut ws = Workspace::new();
    for (path, slot) in paths.iter().zip(slots) {
        ws.insert(path.display().to_string(), Arc::new(slot.into_inner().unwrap().unwrap()));
    }
    let indexed = started.elapsed();
    println!("indexing {DOCS} documents on {workers} cores: {indexed:.2?} (analysis {analysed:.2?}, index {:.2?})", indexed - analysed);

    let started = Instant::now();
    let keys: Vec<usize> = paths.iter().map(|p| ws.key(&p.display().to_string()).unwrap()).collect();
    let broken: usize = keys.iter().map(|&k| ws.diagnostics(k, &config).len()).sum();
    println!("cross-document diagnostics of all {DOCS}: {:.2?} ({broken} reported, one per document expected)", started.elapsed());
    assert_eq!(broken, DOCS);
    println!("peak memory: {:.0} MB (before indexing {:.0} MB)", peak_rss_mb(), rss_before);

    // Keystrokes in document 500: update, re-index, cross-document diagnostics.
    let key = keys[500];
    let path = paths[500].display().to_string();
    let mut text = ws.get(key).unwrap().analysis.text.to_string();
    let at = text.find("\n10. ").unwrap() + 6;
    let mut times = Vec::new();
    for i in 0..40 {
        let previous = Arc::clone(&ws.get(key).unwrap().analysis);
        if i % 2 == 0 {
            text.insert(at, 'x');
        } else {
            text.remove(at);
        }
        let started = Instant::now();
        let updated = Arc::new(previous.update(text.as_str(), None, &config));
        let k = ws.insert(path.clone(), updated);
        let n = ws.diagnostics(k, &config).len();
        times.push(started.elapsed());
        assert_eq!(n, 1);
    }
    println!(
        "keystroke (update + re-index + cross-document diagnostics), {DOCS} documents: median {:.2?}, p95 {:.2?}",
        percentile(times.clone(), 0.5),
        percentile(times, 0.95)
    );

    // Find references to paragraph 12 of a document: every other document's
    // references into it resolved (each one against the cited document).
    let mut times = Vec::new();
    let mut found = 0;
    for &k in keys.iter().take(20) {
        let doc = &ws.get(k).unwrap().analysis.text;
        let at = doc.find("\n12. ").unwrap() + 1;
        let started = Instant::now();
        found += ws.find_references(k, at).len();
        times.push(started.elapsed());
    }
    println!(
        "find references to a paragraph across {DOCS} documents: median {:.2?}, p95 {:.2?} ({found} found in 20 queries)",
        percentile(times.clone(), 0.5),
        percentile(times, 0.95)
    );

    let mut times = Vec::new();
    for q in ["A/BENCH/500 12", "tuberculosis prevention", "A/BENCH/7", "paragraph 54", ""] {
        for _ in 0..5 {
            let started = Instant::now();
            let hits = ws.symbols(q, 200);
            times.push(started.elapsed());
            assert!(!hits.is_empty(), "{q}");
        }
    }
    println!("workspace/symbol: median {:.2?}, p95 {:.2?}", percentile(times.clone(), 0.5), percentile(times, 0.95));
    let _ = std::fs::remove_dir_all(&dir);
}
