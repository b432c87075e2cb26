//! `cargo bench --bench renumber`: renumbering the 1-MB benchmark document
//! (the Chinese seed repeated as numbered annexes, as in `check`) and
//! computing its edit, after a paragraph is inserted with a duplicate number
//! into the middle of it (target: under 50 ms). The analysis is made once;
//! the time is that of `renumber` alone and of the quick fixes at the
//! insertion (what a code action request computes).

#[path = "common/documents.rs"]
mod documents;

use std::time::{Duration, Instant};

use documents::chinese_document;
use rapporteur::diagnostics::DiagnosticsConfig;
use rapporteur::ide::fixes::fixes;
use rapporteur::ide::renumber::{renumber, RenumberScope};
use rapporteur::ide::Analysis;
use rapporteur::lang::Language;
use rapporteur::text::TextRange;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let base = chinese_document(1_000_000);
    // A paragraph inserted in the middle, numbered as the one it goes before.
    let middle = base.len() / 2;
    let at = middle + base[middle..].find("\n18. ").expect("a paragraph 18 after the middle") + 1;
    let mut text = base.clone();
    text.insert_str(at, "18. 新插入的一段。\n");
    let a = Analysis::new(text.as_str(), Some(Language::Zh), &DiagnosticsConfig::all_enabled());
    let runs = 15;
    let mut renumber_times = Vec::new();
    let mut edits = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let r = renumber(&a, RenumberScope::Document);
        renumber_times.push(start.elapsed());
        edits = r.edits.len();
        std::hint::black_box(&r);
    }
    let mut fix_times = Vec::new();
    let mut actions = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let f = fixes(&a, TextRange::new(at, at + 3));
        fix_times.push(start.elapsed());
        actions = f.len();
        std::hint::black_box(&f);
    }
    println!(
        "renumber: {:.1} MB document, {} edits: median {:.1} ms (target < 50 ms)",
        text.len() as f64 / 1e6,
        edits,
        median(renumber_times).as_secs_f64() * 1e3
    );
    println!("code actions at the insertion: {actions} actions: median {:.1} ms", median(fix_times).as_secs_f64() * 1e3);
}
