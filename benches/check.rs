//! `cargo bench --bench check`: parse + resolve + check throughput on
//! documents of about 1 MB and 10 MB built from real text (the Chinese seed
//! report and the English corpus), each copy of the real text becoming a
//! numbered annex so that the numbering stays consistent.
//!
//! Prints MB/s per size (best and median of several runs, one core), the
//! ratio of the 10-MB time to the 1-MB time, the time of an incremental
//! update after one typed character (`Analysis::update` borrowing the
//! previous analysis, `Analysis::into_update` consuming it), and the peak
//! resident memory.

#[path = "common/documents.rs"]
mod documents;

use std::time::{Duration, Instant};

use documents::{chinese_document, english_document, keystroke_at};
use rapporteur::diagnostics::DiagnosticsConfig;
use rapporteur::ide::Analysis;
use rapporteur::lang::Language;

fn time(text: &str, lang: Language, runs: usize) -> (Duration, Duration, usize) {
    let config = DiagnosticsConfig::all_enabled();
    // RAPPORTEUR_BENCH_QUICK: the tables compiled before the timed runs (on
    // two threads taking patterns in turns, so a profile's share of them on
    // this thread varies: N runs minus one run is then N - 1 warm analyses).
    if std::env::var_os("RAPPORTEUR_BENCH_QUICK").is_some() {
        std::hint::black_box(rapporteur::lang::tables::tables(lang));
    }
    let mut times = Vec::new();
    let mut diagnostics = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let analysis = Analysis::new(text, Some(lang), &config);
        times.push(start.elapsed());
        diagnostics = analysis.diagnostics.len();
        std::hint::black_box(&analysis);
    }
    times.sort();
    (times[0], times[times.len() / 2], diagnostics)
}

/// Median times of `Analysis::update` and `Analysis::into_update` after one
/// character typed into (and then deleted from) a paragraph in the middle.
fn time_updates(text: &str, lang: Language, runs: usize, inside_line: bool) -> (Duration, Duration) {
    let config = DiagnosticsConfig::all_enabled();
    let at = keystroke_at(text, inside_line);
    let mut typed = text.to_string();
    typed.insert(at, '我');
    let versions: [std::sync::Arc<str>; 2] = [typed.as_str().into(), text.into()];
    let median = |mut times: Vec<Duration>| {
        times.sort();
        times[times.len() / 2]
    };
    let base = Analysis::new(text, Some(lang), &config);
    let mut borrowed = Vec::new();
    for i in 0..runs {
        let start = Instant::now();
        let updated = base.update(versions[i % 2].clone(), Some(lang), &config);
        borrowed.push(start.elapsed());
        std::hint::black_box(&updated);
    }
    let mut owned = Vec::new();
    let mut current = base;
    for i in 0..runs {
        let start = Instant::now();
        current = current.into_update(versions[i % 2].clone(), Some(lang), &config);
        owned.push(start.elapsed());
    }
    (median(borrowed), median(owned))
}

/// RAPPORTEUR_BENCH_STAGES=1: the median time of each stage of a fresh
/// analysis (detection, line index, masking, line classification, the rest of
/// the parse: tree, schemes, eIds, votes; finding and attributing references,
/// resolving them, diagnostics), for profiling.
fn time_stages(text: &str, lang: Language, runs: usize) {
    use rapporteur::{diagnostics, lang as lg, model, syntax, text::LineIndex};
    let config = DiagnosticsConfig::all_enabled();
    let tables = rapporteur::lang::tables::tables(lang);
    let mut stages: Vec<(&str, Vec<Duration>)> = Vec::new();
    let mut record = |name: &'static str, d: Duration| match stages.iter_mut().find(|(n, _)| *n == name) {
        Some((_, v)) => v.push(d),
        None => stages.push((name, vec![d])),
    };
    let shared: std::sync::Arc<str> = std::sync::Arc::from(text);
    for _ in 0..runs {
        let t = Instant::now();
        std::hint::black_box(lg::detect(text));
        record("detect", t.elapsed());
        let t = Instant::now();
        std::hint::black_box(LineIndex::new(text));
        record("line index", t.elapsed());
        let t = Instant::now();
        let (masked, bold) = syntax::mask::mask(text);
        record("mask", t.elapsed());
        let t = Instant::now();
        let mut lines = Vec::new();
        syntax::lines::split_lines_between(&masked, &bold, tables, 0, masked.len(), &mut lines);
        record("lines", t.elapsed());
        let t = Instant::now();
        std::hint::black_box(syntax::names::Marks::find(&masked, 0, tables));
        record("name marks", t.elapsed());
        let t = Instant::now();
        let (doc, _) = syntax::parse_keeping(&shared, lang);
        record("parse (all of it)", t.elapsed());
        let t = Instant::now();
        let (refs, _) = model::find::find_keeping(&doc);
        record("find + attribute", t.elapsed());
        let t = Instant::now();
        let res = model::resolve::resolve_all(&doc, &refs);
        record("resolve", t.elapsed());
        let mut refs = model::references(&doc);
        let t = Instant::now();
        std::hint::black_box(diagnostics::check(&doc, &refs, &config));
        record("diagnostics", t.elapsed());
        refs.clear();
        std::hint::black_box((res, refs, masked, lines));
    }
    if std::env::var_os("RAPPORTEUR_BENCH_REGEX").is_some() {
        let (masked, _) = syntax::mask::mask(text);
        let t = tables;
        let mut all = finder_patterns(t);
        all.extend([
            ("vote_figures", t.vote_figures.regex()),
            ("numbered_line", t.numbered_line.regex()),
            ("subparagraph_line", t.subparagraph_line.regex()),
        ]);
        for (name, re) in all {
            let s = Instant::now();
            let n = re.find_iter(&masked).count();
            let f = s.elapsed();
            let s = Instant::now();
            let c = re.captures_iter(&masked).count();
            let cp = s.elapsed();
            println!(
                "    regex {name:24} {n:6} matches  find {:>7.2} ms  captures {:>7.2} ms ({c})",
                f.as_secs_f64() * 1e3,
                cp.as_secs_f64() * 1e3
            );
        }
    }
    if std::env::var_os("RAPPORTEUR_BENCH_PROBE").is_some() {
        // One call of `probe` per pattern (find) and of `probe_captures`
        // (captures), for `valgrind --tool=callgrind --dump-after=probe`.
        let (masked, _) = syntax::mask::mask(text);
        let t = tables;
        let all = finder_patterns(t);
        let mut counts = Vec::new();
        for &(name, re) in &all {
            let n = probe(re, &masked);
            let c = probe_captures(re, &masked);
            counts.push((name, n, c));
        }
        for (name, n, c) in counts {
            println!("    probe {name:24} {n:6} matches ({c})");
        }
    }
    for (name, mut v) in stages {
        v.sort();
        println!("    {name:20} {:>8.2} ms", v[v.len() / 2].as_secs_f64() * 1e3);
    }
}

#[inline(never)]
fn probe(re: &regex::Regex, hay: &str) -> usize {
    re.find_iter(hay).count()
}

#[inline(never)]
fn probe_captures(re: &regex::Regex, hay: &str) -> usize {
    re.captures_iter(hay).count()
}

/// The reference finder's patterns of a language, by name.
fn finder_patterns(t: &rapporteur::lang::tables::Tables) -> Vec<(&'static str, &regex::Regex)> {
    let mut all: Vec<(&str, &regex::Regex)> = vec![
        ("rule_of_procedure", &t.rule_of_procedure),
        ("symbol", rapporteur::lang::tables::symbol_pattern()),
        ("resolution_list", &t.resolution_list),
        ("resolution_in_numerals", &t.resolution_in_numerals),
        ("resolution_without_year", &t.resolution_without_year),
        ("instrument", &t.instrument),
        ("named_text", &t.named_text),
        ("ibid", &t.ibid),
        ("sdg", &t.sdg),
        ("paragraph_reference", &t.paragraph_reference),
        ("section_reference", &t.section_reference),
        ("annex_reference", &t.annex_reference),
        ("article_reference", &t.article_reference),
    ];
    if let Some(n) = &t.instrument_name {
        all.push(("instrument_name", n));
    }
    all
}

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    rapporteur::cli::allocator::configure(rapporteur::cli::allocator::Workload::Batch);
    // `cargo bench` passes `--bench`; any other argument filters by name.
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    type Builder = fn(usize) -> String;
    let cases: [(&str, Language, Builder); 2] =
        [("zh-seed", Language::Zh, chinese_document), ("en-corpus", Language::En, english_document)];
    println!("parse + resolve + check (ide::Analysis::new), one core");
    for (name, lang, build) in cases {
        if filter.as_deref().is_some_and(|f| !name.contains(f)) {
            continue;
        }
        let mut results = Vec::new();
        // RAPPORTEUR_BENCH_QUICK=1: one run of the 1-MB document (for profilers).
        let quick = std::env::var_os("RAPPORTEUR_BENCH_QUICK").is_some();
        // RAPPORTEUR_BENCH_QUICK=N: N runs (a profile of warm runs).
        let quick_runs = std::env::var("RAPPORTEUR_BENCH_QUICK").ok().and_then(|v| v.parse().ok()).unwrap_or(1);
        // RAPPORTEUR_BENCH_TEN=1 (with QUICK): the 10-MB document instead.
        let sizes: &[(&str, usize, usize)] = if quick && std::env::var_os("RAPPORTEUR_BENCH_TEN").is_some() {
            &[("10 MB", 10 << 20, quick_runs)]
        } else if quick {
            &[("1 MB", 1 << 20, quick_runs)]
        } else {
            &[("1 MB", 1 << 20, 9), ("10 MB", 10 << 20, 3)]
        };
        for &(label, size, runs) in sizes {
            let text = build(size);
            let (best, median, diagnostics) = time(&text, lang, runs);
            let mb = text.len() as f64 / (1024.0 * 1024.0);
            println!(
                "{name:10} {label:6} {:>6.2} MB  best {:>8.1} ms ({:>6.1} MB/s)  median {:>8.1} ms ({:>6.1} MB/s)  {diagnostics} diagnostics",
                mb,
                best.as_secs_f64() * 1e3,
                mb / best.as_secs_f64(),
                median.as_secs_f64() * 1e3,
                mb / median.as_secs_f64(),
            );
            results.push((text.len(), median));
            if std::env::var_os("RAPPORTEUR_BENCH_STAGES").is_some() {
                time_stages(&text, lang, runs);
            }
            // RAPPORTEUR_BENCH_INSIDE=1: only the keystroke inside a line (for profilers).
            let inside_only = std::env::var_os("RAPPORTEUR_BENCH_INSIDE").is_some();
            // RAPPORTEUR_BENCH_END=1: only the keystroke at a line's end.
            let end_only = std::env::var_os("RAPPORTEUR_BENCH_END").is_some();
            for (inside_line, place) in [(false, "at a line's end"), (true, "inside a line")] {
                if inside_only && !inside_line || end_only && inside_line {
                    continue;
                }
                let (borrowed, owned) = time_updates(&text, lang, if quick { 5 } else { 41 }, inside_line);
                println!(
                    "{name:10} {label:6} update after a keystroke {place}: median {:>6.2} ms (borrowing the previous analysis), {:>6.2} ms (consuming it)",
                    borrowed.as_secs_f64() * 1e3,
                    owned.as_secs_f64() * 1e3
                );
            }
        }
        if let [(s1, t1), (s10, t10)] = results[..] {
            let ratio = t10.as_secs_f64() / t1.as_secs_f64();
            println!("{name:10} 10-MB time / 1-MB time = {ratio:.2} (size ratio {:.2})", s10 as f64 / s1 as f64);
        }
    }
    if let Some(kib) = peak_rss_kib() {
        println!("peak resident memory of the bench process: {:.1} MB", kib as f64 / 1024.0);
    }
}
