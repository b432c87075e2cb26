//! `cargo bench --bench outline`: the time of `rapporteur outline` in the
//! human and the JSON format on the 10-MB Chinese document of
//! `benches/check.rs` (the seed's report with its annex repeated as 附件一,
//! 附件二, …), the analysis done once beforehand, one core. Prints the median
//! and best of several runs of each format and the ratio JSON / human, which
//! issue 12 wants within 3 (it was about 25 before the outline JSON stopped
//! looking every node up again by a linear scan).

#[path = "common/documents.rs"]
mod documents;

use std::time::{Duration, Instant};

use documents::chinese_document;
use rapporteur::cli::{outline_human_output, outline_json_output};
use rapporteur::diagnostics::DiagnosticsConfig;
use rapporteur::ide::Analysis;
use rapporteur::lang::Language;

fn time(runs: usize, mut f: impl FnMut() -> usize) -> (Duration, Duration, usize) {
    let mut times = Vec::with_capacity(runs);
    let mut bytes = 0;
    for _ in 0..runs {
        let start = Instant::now();
        bytes = std::hint::black_box(f());
        times.push(start.elapsed());
    }
    times.sort();
    (times[0], times[times.len() / 2], bytes)
}

fn main() {
    // RAPPORTEUR_BENCH_QUICK=1: the 1-MB document, one run (for profilers).
    let quick = std::env::var_os("RAPPORTEUR_BENCH_QUICK").is_some();
    let (label, size, runs) = if quick { ("1 MB", 1 << 20, 1) } else { ("10 MB", 10 << 20, 5) };
    let text = chinese_document(size);
    let analysis = Analysis::new(text.as_str(), Some(Language::Zh), &DiagnosticsConfig::all_enabled());
    let nodes = analysis.document.nodes.len();
    println!(
        "outline of the {label} Chinese document ({:.2} MB, {nodes} nodes), analysis excluded, one core",
        text.len() as f64 / (1 << 20) as f64
    );
    let (h_best, human, h_bytes) = time(runs, || outline_human_output(&analysis).len());
    println!(
        "human  median {:>8.1} ms  best {:>8.1} ms  {:>6.1} MB written",
        human.as_secs_f64() * 1e3,
        h_best.as_secs_f64() * 1e3,
        h_bytes as f64 / 1e6
    );
    let (j_best, json, j_bytes) = time(runs, || outline_json_output(&analysis, "bench.txt").len());
    println!(
        "json   median {:>8.1} ms  best {:>8.1} ms  {:>6.1} MB written",
        json.as_secs_f64() * 1e3,
        j_best.as_secs_f64() * 1e3,
        j_bytes as f64 / 1e6
    );
    println!("json / human = {:.2} (median)", json.as_secs_f64() / human.as_secs_f64());
}
