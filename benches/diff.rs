//! `cargo bench --bench diff`: `rapporteur diff` on two 1-MB revisions — the
//! 1-MB Chinese document of `benches/check.rs` and a revision of it with a
//! paragraph deleted every 40, one inserted every 60, words edited in one
//! every 25, one moved every 90 — and on a pair of 1-MB English texts made
//! of the corpus's paragraphs. Prints the analysis of both revisions and the
//! alignment (units, markup, matching, word diffs), median of five runs, one
//! core. Issue 14 wants the whole under a second.

#[path = "common/documents.rs"]
mod documents;

use std::time::{Duration, Instant};

use rapporteur::diagnostics::DiagnosticsConfig;
use rapporteur::ide::Analysis;
use rapporteur::negotiation::diff::{self, Kind, Revision};

fn revise(text: &str) -> String {
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    let mut out: Vec<String> = Vec::with_capacity(paragraphs.len() + paragraphs.len() / 50);
    let mut moved: Vec<String> = Vec::new();
    for (k, p) in paragraphs.iter().enumerate() {
        if k % 40 == 39 {
            continue;
        }
        if k % 90 == 89 {
            moved.push(p.to_string());
            continue;
        }
        if k % 60 == 59 {
            out.push(format!("New paragraph {k}: the Assembly welcomes the revised text and the contributions of all delegations."));
        }
        if k % 25 == 24 {
            out.push(p.replacen('的', "之", 1).replacen(" the ", " this ", 1));
        } else {
            out.push(p.to_string());
        }
        if k % 90 == 30 {
            out.append(&mut moved);
        }
    }
    out.join("\n\n")
}

fn english(target: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus-dev");
    let mut names: Vec<_> = std::fs::read_dir(dir).map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect()).unwrap_or_default();
    names.sort();
    let mut out = String::with_capacity(target);
    for p in names.iter().filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("en_"))) {
        if out.len() >= target {
            break;
        }
        out.push_str(&std::fs::read_to_string(p).unwrap_or_default());
        out.push_str("\n\n");
    }
    out
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn bench(label: &str, old: &str) {
    let new = revise(old);
    let config = DiagnosticsConfig::all_enabled();
    let (mut analysis, mut align, mut total) = (Vec::new(), Vec::new(), Vec::new());
    let mut summary = String::new();
    for _ in 0..5 {
        let t0 = Instant::now();
        let a = Analysis::new(old, None, &config);
        let b = Analysis::new(new.as_str(), Some(a.language()), &config);
        let t1 = Instant::now();
        let (ma, mb) = (a.negotiation(), b.negotiation());
        let d = diff::diff(
            &Revision { text: &a.text, doc: &a.document, markup: &ma },
            &Revision { text: &b.text, doc: &b.document, markup: &mb },
        );
        let t2 = Instant::now();
        analysis.push(t1 - t0);
        align.push(t2 - t1);
        total.push(t2 - t0);
        summary = format!(
            "{} → {} paragraphs: {} unchanged, {} changed, {} moved, {} inserted, {} deleted",
            d.old.len(),
            d.new.len(),
            d.count(Kind::Unchanged),
            d.count(Kind::Changed),
            d.count(Kind::Moved),
            d.count(Kind::Inserted),
            d.count(Kind::Deleted)
        );
    }
    let a = Analysis::new(old, None, &config);
    let mut read = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        std::hint::black_box(a.negotiation());
        read.push(t.elapsed());
    }
    println!(
        "{label}: reading the negotiation markup of the 1-MB text (part of every analysis): {:.1} ms",
        median(read).as_secs_f64() * 1e3
    );
    println!(
        "{label} ({:.2} MB → {:.2} MB): analysis of both {:.0} ms, markup + alignment {:.0} ms, total {:.0} ms (median of 5)\n  {summary}",
        old.len() as f64 / 1e6,
        new.len() as f64 / 1e6,
        median(analysis).as_secs_f64() * 1e3,
        median(align).as_secs_f64() * 1e3,
        median(total).as_secs_f64() * 1e3
    );
}

fn main() {
    bench("Chinese", &documents::chinese_document(1 << 20));
    bench("English", &english(1 << 20));
}
