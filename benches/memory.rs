//! `cargo bench --bench memory`: the heap an analysis holds and the peak it
//! reaches, counted by a global allocator that adds up the bytes allocated
//! and not yet freed (the allocator's own overhead and freed pages it keeps
//! are not counted: `VmHWM` of the server, `cargo bench --bench lsp --
//! stdio`, is what the user sees).
//!
//! For the Chinese and English documents of `cargo bench --bench check` at
//! about 1 MB and 10 MB: what a fresh analysis holds, by part (the text, the
//! masked text, the tree's nodes, the references, the diagnostics, the line
//! index, the rest: what the parse and the finder keep for the next
//! update), the peak during the analysis, then the same after updates that
//! each type one character (consuming the previous analysis, as the server
//! does), and the peak of an update above what the text and the analysis it
//! updates hold.

#[path = "common/documents.rs"]
mod documents;

#[path = "common/counting.rs"]
mod counting;

use counting::{live, mb, peak, reset_peak};

use std::sync::Arc;

use documents::{chinese_document, english_document, keystroke_at};
use rapporteur::diagnostics::DiagnosticsConfig;
use rapporteur::ide::Analysis;
use rapporteur::lang::Language;

/// The bytes freed by dropping what `take` takes out of the analysis.
fn part<T>(analysis: &mut Analysis, take: impl FnOnce(&mut Analysis) -> T) -> usize {
    let before = live();
    drop(take(analysis));
    before - live()
}

fn measure(name: &str, label: &str, text: String, lang: Language) {
    let config = DiagnosticsConfig::all_enabled();
    let text: Arc<str> = text.into();
    let size = text.len();
    let base = reset_peak();
    let analysis = Analysis::new(Arc::clone(&text), Some(lang), &config);
    let held = live() - base;
    let counts = (analysis.document.nodes.len(), analysis.references.len(), analysis.diagnostics.len());
    let fresh_peak = peak() - base;
    println!(
        "{name:10} {label:6} {:>6.2} MB text: a fresh analysis holds {:>6.1} MB besides the text ({:.2} × the text), peak {:>6.1} MB",
        mb(size),
        mb(held),
        held as f64 / size as f64,
        mb(fresh_peak)
    );
    println!("{name:10} {label:6} {} nodes, {} references, {} diagnostics", counts.0, counts.1, counts.2);

    // Typing: each update consumes the previous analysis; the text of the
    // version before is let go of as the server does.
    let at = keystroke_at(&text, true);
    let mut current = analysis;
    let mut typed = text.to_string();
    let mut worst_update = 0;
    let keys = 5;
    for k in 0..keys {
        typed.insert(at + 3 * k, '我');
        let next: Arc<str> = typed.as_str().into();
        let before = reset_peak();
        current = current.into_update(next, Some(lang), &config);
        worst_update = worst_update.max(peak() - before);
    }
    drop(typed);
    let after = live() - base;
    println!(
        "{name:10} {label:6} after {keys} keystrokes the analysis and its text hold {:>6.1} MB; an update's peak above the analysis before it and both texts: {:>6.1} MB",
        mb(after),
        mb(worst_update)
    );

    // What the parts hold (the text counted once, in the analysis).
    let mut analysis = current;
    let mut parts = Vec::new();
    parts.push(("references", part(&mut analysis, |a| std::mem::take(&mut a.references))));
    parts.push(("diagnostics", part(&mut analysis, |a| std::mem::take(&mut a.diagnostics))));
    parts.push(("masked text", part(&mut analysis, |a| std::mem::take(&mut a.document.masked))));
    parts.push(("tree nodes", part(&mut analysis, |a| std::mem::take(&mut a.document.nodes))));
    parts.push(("children and eIds", {
        part(&mut analysis, |a| (std::mem::take(&mut a.document.child_ids), std::mem::take(&mut a.document.eids)))
    }));
    parts.push(("votes, names, spans", {
        part(&mut analysis, |a| {
            (
                std::mem::take(&mut a.document.votes),
                std::mem::take(&mut a.document.name_lists),
                std::mem::take(&mut a.document.heading_spans),
                std::mem::take(&mut a.document.containers),
                std::mem::take(&mut a.document.schemes),
            )
        })
    }));
    parts.push(("line index", part(&mut analysis, |a| std::mem::replace(&mut a.line_index, rapporteur::text::LineIndex::new("")))));
    for (what, kept) in analysis.take_kept_parts() {
        let before = live();
        drop(kept);
        parts.push((what, before - live()));
    }
    let before = live();
    drop(analysis);
    parts.push(("text and the rest", before - live()));
    let summary: Vec<String> = parts.iter().map(|(what, bytes)| format!("{what} {:.1}", mb(*bytes))).collect();
    println!("{name:10} {label:6} by part (MB): {}", summary.join(", "));
}

fn main() {
    // The server's settings: two arenas, glibc's thresholds.
    rapporteur::cli::allocator::configure(rapporteur::cli::allocator::Workload::Server);
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    type Builder = fn(usize) -> String;
    let cases: [(&str, Language, Builder); 2] =
        [("zh-seed", Language::Zh, chinese_document), ("en-corpus", Language::En, english_document)];
    println!("heap held by an analysis and its peak (counting allocator)");
    println!(
        "bytes per line {}, per node {}, per reference {}, per diagnostic {}",
        std::mem::size_of::<rapporteur::syntax::lines::Line>(),
        std::mem::size_of::<rapporteur::syntax::Node>(),
        std::mem::size_of::<rapporteur::model::reference::Reference>(),
        std::mem::size_of::<rapporteur::diagnostics::Diagnostic>(),
    );
    // The tables compiled before measuring (they are held for good).
    for lang in [Language::Zh, Language::En] {
        drop(Analysis::new("1. Text.", Some(lang), &DiagnosticsConfig::all_enabled()));
    }
    for (name, lang, build) in cases {
        if filter.as_deref().is_some_and(|f| !name.contains(f)) {
            continue;
        }
        for (label, size) in [("1 MB", 1 << 20), ("10 MB", 10 << 20)] {
            measure(name, label, build(size), lang);
        }
    }
}
