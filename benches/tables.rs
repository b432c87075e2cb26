//! `cargo bench --bench tables`: what compiling a language's tables costs,
//! each language in a fresh process (the tables are compiled once per
//! process, so a second measure in the same one would read nothing).
//!
//! Per language: the CPU time (all threads: the compilation runs on two) and
//! the wall time of `lang::warm_up` (the tables and the State names), the
//! heap it leaves held and its peak (counted by a global allocator: bytes
//! allocated and not yet freed, without the allocator's own overhead), then
//! the heap the tables hold after one analysis of a document in that
//! language (the regexes keep their search caches, which grow as they are
//! used). Each language is measured `RAPPORTEUR_BENCH_RUNS` times (5 by
//! default); the minimum and median are printed. One argument filters the
//! languages by code (`cargo bench --bench tables -- en`).

#[path = "common/documents.rs"]
mod documents;

#[path = "common/counting.rs"]
mod counting;

use counting::{live, mb, peak, reset_peak};

use std::process::Command;
use std::time::Instant;

use rapporteur::diagnostics::DiagnosticsConfig;
use rapporteur::ide::Analysis;
use rapporteur::lang::Language;

/// The CPU time of the whole process (every thread, ended ones included), in ms.
fn cpu_ms() -> f64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid timespec to write into.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 * 1e3 + ts.tv_nsec as f64 / 1e6
}

/// A document in `lang`: the benchmarks' 1-MB documents in Chinese and
/// English, the fixtures of the other languages (the language's review
/// conference and its SDG text).
fn document(lang: Language) -> String {
    match lang {
        Language::Zh => documents::chinese_document(1 << 20),
        Language::En => documents::english_document(1 << 20),
        _ => {
            let code = lang.code();
            let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
            let mut text = String::new();
            let dir = format!("{root}/lang/{code}");
            let mut files: Vec<_> = std::fs::read_dir(&dir).expect("fixtures").flatten().map(|e| e.path()).collect();
            files.sort();
            files.push(format!("{root}/corpus/{code}_A-RES-70-1_SDG-goals-and-targets_assembled.txt").into());
            for f in files {
                text.push_str(&std::fs::read_to_string(&f).expect("fixture"));
                text.push('\n');
            }
            text
        }
    }
}

/// One measure, in this (fresh) process: prints one line of figures.
fn child(lang: Language) {
    let text = document(lang);
    let config = DiagnosticsConfig::all_enabled();
    let base = reset_peak();
    let (cpu, wall) = (cpu_ms(), Instant::now());
    rapporteur::lang::tables::tables(lang);
    let (tables_cpu, tables_wall) = (cpu_ms() - cpu, wall.elapsed().as_secs_f64() * 1e3);
    let tables_held = live() - base;
    let tables_peak = peak() - base;
    let (cpu, wall) = (cpu_ms(), Instant::now());
    rapporteur::lang::warm_up(lang);
    let (states_cpu, states_wall) = (cpu_ms() - cpu, wall.elapsed().as_secs_f64() * 1e3);
    let warm_held = live() - base;
    let warm_peak = peak() - base;
    if std::env::var_os("RAPPORTEUR_TABLES_ONLY").is_some() {
        return; // (for a profile of the compilation alone)
    }
    let analysis = Analysis::new(text.as_str(), Some(lang), &config);
    drop(analysis);
    if std::env::var_os("RAPPORTEUR_TABLES_USED").is_some() {
        let t = rapporteur::lang::tables::tables(lang);
        let unused: Vec<&str> = t.patterns().filter(|(_, p)| !p.is_compiled()).map(|(name, _)| name).collect();
        eprintln!("{lang}: not compiled after the analysis: {}", unused.join(", "));
    }
    let after_analysis = live() - base;
    // tables cpu, wall, held, peak; states cpu, wall; warm-up held, peak; after an analysis
    println!(
        "{tables_cpu:.3} {tables_wall:.3} {tables_held} {tables_peak} {states_cpu:.3} {states_wall:.3} {warm_held} {warm_peak} {after_analysis}"
    );
}

/// What `compile` costs, the fastest of five runs: its time in ms, the
/// heap what it builds holds, and the peak on the way.
fn compile_costs<T>(compile: impl Fn() -> T) -> (f64, usize, usize) {
    let (mut best, mut held, mut top) = (f64::INFINITY, 0, 0);
    for _ in 0..5 {
        let base = reset_peak();
        let t = Instant::now();
        let built = compile();
        best = best.min(t.elapsed().as_secs_f64() * 1e3);
        held = live() - base;
        top = peak() - base;
        drop(built);
    }
    (best, held, top)
}

/// Each pattern of `lang` compiled alone (the fastest of five), with the
/// heap its compiled form holds, the costliest first.
fn patterns(lang: Language) {
    let mut rows = Vec::new();
    for (name, source) in rapporteur::lang::tables::pattern_sources(lang) {
        let (best, held, top) = compile_costs(|| regex::Regex::new(&source).expect("a table pattern"));
        rows.push((best, held, top, name, source.len()));
    }
    let lines: Vec<String> = rapporteur::lang::tables::LINE_PATTERNS
        .iter()
        .map(|name| rapporteur::lang::tables::pattern_sources(lang).into_iter().find(|(n, _)| n == name).expect("a line pattern").1)
        .collect();
    let (best, held, top) = compile_costs(|| regex::RegexSet::new(&lines).expect("the line patterns"));
    rows.push((best, held, top, "line_patterns (set)", lines.iter().map(String::len).sum()));
    rows.sort_by(|a, b| b.0.total_cmp(&a.0));
    let total: f64 = rows.iter().map(|r| r.0).sum();
    let total_held: usize = rows.iter().map(|r| r.1).sum();
    println!("{lang}: {} patterns, {total:.2} ms, {:.2} MB held", rows.len(), mb(total_held));
    for (ms, held, top, name, len) in rows {
        println!("{lang} {ms:>7.3} ms {:>7.1} KB held {:>7.1} KB peak  {name} ({len} bytes)", held as f64 / 1024.0, top as f64 / 1024.0);
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn min(v: &[f64]) -> f64 {
    v.iter().copied().fold(f64::INFINITY, f64::min)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(i) = args.iter().position(|a| a == "--child") {
        let lang: Language = args[i + 1].parse().expect("a language code");
        child(lang);
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--patterns") {
        for lang in Language::ALL {
            if args.get(i + 1).is_none_or(|code| code == lang.code()) {
                patterns(lang);
            }
        }
        return;
    }
    let filter = args.iter().find(|a| !a.starts_with('-'));
    let runs: usize = std::env::var("RAPPORTEUR_BENCH_RUNS").ok().and_then(|r| r.parse().ok()).unwrap_or(5);
    let exe = std::env::current_exe().expect("this benchmark's path");
    println!("compiling a language's tables in a fresh process, {runs} runs: min / median");
    println!(
        "{:4} {:>17} {:>17} {:>9} {:>9} {:>17} {:>11} {:>11} {:>13}",
        "", "tables CPU ms", "tables wall ms", "held MB", "peak MB", "+ names CPU ms", "warm MB", "warm peak", "after 1 anal."
    );
    for lang in Language::ALL {
        if filter.is_some_and(|f| f != lang.code()) {
            continue;
        }
        let mut rows: Vec<Vec<f64>> = Vec::new();
        for _ in 0..runs {
            let out = Command::new(&exe).args(["--child", lang.code()]).output().expect("the child runs");
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            let line = String::from_utf8_lossy(&out.stdout);
            rows.push(line.split_whitespace().map(|f| f.parse().expect("a figure")).collect());
        }
        let col = |i: usize| rows.iter().map(|r| r[i]).collect::<Vec<f64>>();
        let pair = |i: usize| format!("{:.1} / {:.1}", min(&col(i)), median(col(i)));
        let bytes = |i: usize| format!("{:.2}", mb(median(col(i)) as usize));
        println!(
            "{:4} {:>17} {:>17} {:>9} {:>9} {:>17} {:>11} {:>11} {:>13}",
            lang.code(),
            pair(0),
            pair(1),
            bytes(2),
            bytes(3),
            pair(4),
            bytes(6),
            bytes(7),
            bytes(8)
        );
    }
}
