//! `cargo bench --bench actions`: what the drafting features cost on the
//! 1-MB benchmark document (the seed's annex repeated): reference drift
//! compared with the version before after one typed character (what the
//! server adds to every publication), document highlight, the inlay hints of
//! one screen and of the whole document, the code lenses, and the code
//! actions at a numbering error. Best and median of several runs, one core.

#[path = "common/documents.rs"]
mod documents;

use std::time::{Duration, Instant};

use documents::chinese_document;
use rapporteur::diagnostics::DiagnosticsConfig;
use rapporteur::ide::{annotations, drift, fixes, highlight, Analysis};
use rapporteur::text::TextRange;

fn measure<T>(what: &str, runs: usize, mut f: impl FnMut() -> T) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .collect();
    times.sort();
    println!("{what:<55} best {:>9.2?}  median {:>9.2?}", times[0], times[runs / 2]);
}

/// About `target` bytes of English paragraphs in sections, each citing the
/// paragraph before it and one ten paragraphs on: the most references the
/// drafting features have to follow (the benchmark document's references are
/// mostly to other texts).
fn cross_referenced_document(target: usize) -> String {
    let mut doc = String::from("The General Assembly,\n\n");
    let mut n = 1;
    let mut section = 1;
    while doc.len() < target {
        if n % 200 == 1 {
            doc.push_str(&format!("{}. Section {section}\n\n", rapporteur::lang::numerals::to_roman(section)));
            section += 1;
        }
        let body = match n {
            1 => "Decides to convene a conference on the matter".to_string(),
            _ => format!("Recalls paragraph {} above, and decides to consider item {n} of its agenda with due care", n - 1),
        };
        doc.push_str(&format!("{n}. {body};\n\n"));
        n += 1;
    }
    doc
}

fn main() {
    let config = DiagnosticsConfig::all_enabled();
    for (name, text) in
        [("1-MB benchmark document", chinese_document(1 << 20)), ("1-MB cross-referenced document", cross_referenced_document(1 << 20))]
    {
        println!("== {name}");
        features(&config, text);
    }
}

fn features(config: &DiagnosticsConfig, text: String) {
    let config = config.clone();
    let a = Analysis::new(text.as_str(), None, &config);
    let resolved = a.references.iter().filter(|r| r.node().is_some()).count();
    println!("{} bytes, {} references ({resolved} resolved), {} nodes", text.len(), a.references.len(), a.document.nodes.len());
    let (citations, _) = drift::track(None, &a, &config);
    println!("{} citations tracked", citations.len());
    // One character typed in the middle of the document.
    let mid = (text.len() / 2..).find(|&i| text.is_char_boundary(i)).unwrap();
    let mut edited = text.clone();
    edited.insert(mid, '。');
    let b = a.update(edited.as_str(), None, &config);
    measure("drift: first version (no previous)", 9, || drift::track(None, &a, &config));
    measure("drift: after one typed character", 9, || drift::track(Some(&citations), &b, &config));
    let on_number = a.references.iter().find_map(|r| r.node()).map(|n| a.document.nodes[n].number().unwrap().span.start).unwrap();
    measure("highlight: from a cited paragraph's number", 9, || highlight::highlights(&a, on_number));
    let screen = TextRange::new(mid, (mid + 6000).min(text.len()));
    measure("inlay hints: one screen (6 KB)", 9, || annotations::target_hints(&a, Some(screen)));
    measure("inlay hints: the whole document", 9, || annotations::target_hints(&a, None));
    measure("code lenses: the whole document", 9, || annotations::cited_lenses(&a));
    // A paragraph inserted into the last annex: a duplicate number to fix.
    let at = text.rfind("\n18. ").or_else(|| text.rfind("\n\n1")).unwrap() + 1;
    let mut inserted = text.clone();
    let number: String = text[at..].chars().take_while(char::is_ascii_digit).collect();
    inserted.insert_str(at, &format!("{number}. 新的段落。\n"));
    let c = Analysis::new(inserted.as_str(), None, &config);
    let dup = c.diagnostics.iter().find(|d| d.code.as_str() == "numbering.duplicate").map(|d| d.range).unwrap();
    measure("code actions at a numbering.duplicate (renumber)", 5, || fixes::fixes(&c, dup));
}
