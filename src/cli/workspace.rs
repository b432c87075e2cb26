//! `check` over many files: every file analysed on its own thread (one
//! document per task, as many tasks at once as there are cores; the results
//! come back in the order the files were given), then resolved across one
//! another as a [`Workspace`] — the server's resolution, so the command line
//! reports what the editor shows. A progress line goes to a terminal's
//! standard error on long runs.

use std::io::{IsTerminal as _, Write as _};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::diagnostics::{Diagnostic, DiagnosticsConfig};
use crate::ide::Analysis;
use crate::lang::Language;
use crate::text::thousands;
use crate::workspace::Workspace;

/// How many files make a run long enough for a progress line.
const PROGRESS_FROM: usize = 50;

/// A file's analysis (`None`: not a document to check) or why it could not be read.
pub type Outcome = Result<Option<Analysis>, String>;

/// Reads (with `read`) and analyses `paths` on all cores; `keep` decides, per analysis,
/// whether it is a document to check. Results in the order of `paths`.
pub fn analyse_all(
    paths: &[&Path],
    read: impl Fn(&Path) -> Result<String, String> + Sync,
    lang: Option<Language>,
    config: &DiagnosticsConfig,
    progress: bool,
    keep: impl Fn(usize, &Analysis) -> bool + Sync,
) -> Vec<Outcome> {
    let n = paths.len();
    let slots: Vec<Mutex<Option<Outcome>>> = (0..n).map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism().map_or(1, |p| p.get()).min(n.max(1));
    let show = progress && n >= PROGRESS_FROM && std::io::stderr().is_terminal();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= n {
                    break;
                }
                let result = read(paths[i]).map(|text| {
                    let a = Analysis::new(text, lang, config);
                    keep(i, &a).then_some(a)
                });
                if let Ok(mut slot) = slots[i].lock() {
                    *slot = Some(result);
                }
                done.fetch_add(1, Ordering::Release);
            });
        }
        if show {
            let mut err = std::io::stderr();
            loop {
                let d = done.load(Ordering::Acquire);
                let _ = write!(err, "\r{}", progress_line(d, n, 30));
                let _ = err.flush();
                if d >= n {
                    let _ = write!(err, "\r{}\r", " ".repeat(60));
                    break;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        }
    });
    slots.into_iter().map(|m| m.into_inner().ok().flatten().unwrap_or_else(|| Err("the analysis did not finish".to_string()))).collect()
}

/// `checking [=========>          ] 240/1,000 files`.
fn progress_line(done: usize, total: usize, width: usize) -> String {
    let filled = (done * width).checked_div(total).unwrap_or(width);
    let bar: String = (0..width)
        .map(|i| {
            if i < filled {
                '='
            } else if i == filled {
                '>'
            } else {
                ' '
            }
        })
        .collect();
    format!("checking [{bar}] {}/{} files", thousands(done), thousands(total))
}

/// Resolves the documents (`(path shown, analysis)`) across one another and
/// adds to each the diagnostics about its references into the others
/// (`reference.broken` for a paragraph a present document does not have),
/// naming the other file in the message.
pub fn resolve_across(docs: Vec<(String, Analysis)>, config: &DiagnosticsConfig) -> Vec<Analysis> {
    let mut ws = Workspace::new();
    let keys: Vec<usize> = docs.into_iter().map(|(path, a)| ws.insert(path, Arc::new(a))).collect();
    let extra: Vec<Vec<Diagnostic>> = keys
        .iter()
        .map(|&k| {
            ws.diagnostics(k, config)
                .into_iter()
                .map(|cd| {
                    let mut d = cd.diagnostic;
                    if let Some((doc, range, _)) = cd.related {
                        if let Some(other) = ws.get(doc) {
                            let li = &other.analysis.line_index;
                            let line = li.line_of(range.start);
                            let col = other.analysis.text.get(li.line_start(line)..range.start).map_or(0, |s| s.chars().count());
                            d.message.push_str(&format!(" (see {}:{}:{})", other.path, line + 1, col + 1));
                        }
                    }
                    d
                })
                .collect()
        })
        .collect();
    let arcs: Vec<Arc<Analysis>> = keys.iter().filter_map(|&k| ws.get(k).map(|e| Arc::clone(&e.analysis))).collect();
    drop(ws);
    arcs.into_iter()
        .zip(extra)
        .map(|(a, extra)| {
            let mut a = Arc::try_unwrap(a).unwrap_or_else(|_| unreachable!("the workspace was the only other holder"));
            if !extra.is_empty() {
                a.diagnostics.extend(extra);
                a.diagnostics.sort_by_key(|d| (d.range.start, d.range.end));
            }
            a
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_lines() {
        assert_eq!(progress_line(240, 1000, 10), "checking [==>       ] 240/1,000 files");
        assert_eq!(progress_line(1000, 1000, 4), "checking [====] 1,000/1,000 files");
    }
}
