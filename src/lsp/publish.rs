//! Diagnostics publishing: analysed off the async runtime as soon as a
//! change arrives, coalesced while an analysis runs, and gated by version.
//!
//! Each document has a lane ([`Lane`]). A change whose lane is idle starts a
//! task at once (after the `debounce` setting's quiet time, none by
//! default). A change that arrives while the lane's task is analysing
//! becomes the lane's pending snapshot, replacing any pending one, and the
//! task analyses it as soon as the running analysis ends: a burst of typing
//! costs at most one analysis more than its first keystroke, however long
//! an analysis takes. The task analyses on a blocking thread and then,
//! holding the publish gate (one async mutex for all documents), checks that
//! the snapshot is still the document's latest before sending. So a result
//! computed for an old version is never published, and publications never
//! overtake each other. Closing a document publishes `[]` under the same gate.
//!
//! A publication holds at most [`MAX_PUBLISHED`] diagnostics (the most
//! severe first, then in document order), and then one more that counts,
//! per code, those left out; a document whose text may differ from the
//! client's (`DocState::diverged`) gets none.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant};

use tower_lsp_server::ls_types::{self as lsp, DiagnosticSeverity, NumberOrString, Uri};

use super::log::{self, Level};
use super::server::{CatchPanic, Shared};
use super::state::{self, DocState, Lane};
use super::{convert, panic_message};
use crate::ide::Analysis;
use crate::text::{PositionEncoding, TextRange};

/// The most diagnostics sent in one publication (plus one that summarises
/// the rest).
pub const MAX_PUBLISHED: usize = 2000;

/// The code of the diagnostic that counts those left out of a publication.
pub const TRUNCATED_CODE: &str = "rapporteur.truncated";

fn lock(lane: &Mutex<Lane>) -> std::sync::MutexGuard<'_, Lane> {
    lane.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Schedules the publication of `doc`'s diagnostics (it must already be in the store).
pub fn schedule(shared: &Arc<Shared>, uri: Uri, doc: Arc<DocState>) {
    SCHEDULED.fetch_add(1, Ordering::Relaxed);
    let lane: Arc<Mutex<Lane>> = Arc::clone(&doc.lane);
    {
        let mut lane = lock(&lane);
        if lane.running {
            if let Some(replaced) = lane.pending.replace(doc) {
                state::let_go(replaced);
            }
            return;
        }
        lane.running = true;
    }
    let shared = Arc::clone(shared);
    tokio::spawn(async move {
        let mut next = Some(doc);
        while let Some(doc) = next.take() {
            let started = Instant::now();
            let version = doc.version;
            // A panic here must not leave the lane marked running for ever.
            let diagnostics = match (CatchPanic { inner: Box::pin(prepare(&shared, &uri, &doc)) }).await {
                Ok(diagnostics) => diagnostics,
                Err(panic) => {
                    log::stderr(Level::Error, &format!("publishing {} (version {version}) failed: {panic}", uri.as_str()));
                    None
                }
            };
            // Before sending: the client may answer the diagnostics with the
            // next edit at once, and the update of this analysis should then
            // be its only holder (so that it moves its buffers instead of
            // copying them). So the next snapshot takes the analysis now, and
            // this task lets go of its snapshot.
            {
                let mut l = lock(&lane);
                next = l.pending.take();
                if next.is_none() {
                    l.running = false;
                }
            }
            let handed_over = match (&next, doc.cached_analysis()) {
                (Some(next), Some(analysis)) => next.offer_basis(&doc, analysis),
                _ => false,
            };
            let sent_for = Arc::downgrade(&doc);
            if handed_over || shared.docs.is_current(&uri, &doc) {
                // Its analysis lives on (the next snapshot's basis, or the
                // store's current snapshot): dropping it here frees little.
                drop(doc);
            } else {
                state::let_go(doc);
            }
            if let Some(diagnostics) = diagnostics {
                send(&shared, &uri, &sent_for, version, diagnostics).await;
                if log::enabled(Level::Debug) {
                    let msg = format!("{} version {version}: analysed and published in {:?}", uri.as_str(), started.elapsed());
                    log::stderr(Level::Debug, &msg);
                }
            }
            super::workspace::republish_dependents(&shared);
            if next.is_none() {
                trim_when_idle();
            }
        }
    });
}

/// Edits scheduled so far, in every document.
static SCHEDULED: AtomicU64 = AtomicU64::new(0);

/// How long typing must pause before freed memory goes back to the system.
const TRIM_AFTER: Duration = Duration::from_secs(1);

/// Gives what the analyses freed back to the system once no edit has come
/// for [`TRIM_AFTER`]: trimming after every keystroke would make the next
/// one fault its buffers in again (at 10 MB, milliseconds per keystroke).
fn trim_when_idle() {
    let seen = SCHEDULED.load(Ordering::Relaxed);
    tokio::spawn(async move {
        tokio::time::sleep(TRIM_AFTER).await;
        if SCHEDULED.load(Ordering::Relaxed) == seen {
            tokio::task::spawn_blocking(trim_timed);
        }
    });
}

fn trim_timed() {
    let started = Instant::now();
    crate::cli::allocator::trim();
    if log::enabled(Level::Debug) {
        log::stderr(Level::Debug, &format!("free memory returned to the system in {:?}", started.elapsed()));
    }
}

/// Analyses `doc` and makes its diagnostics, to send if it is still the
/// latest; `None` when it was not analysed (superseded, or diverged from
/// the client's text) or the analysis failed (logged).
async fn prepare(shared: &Arc<Shared>, uri: &Uri, doc: &Arc<DocState>) -> Option<Vec<lsp::Diagnostic>> {
    let debounce = doc.settings.debounce_ms.map(Duration::from_millis).unwrap_or(shared.options.debounce);
    if !debounce.is_zero() {
        tokio::time::sleep(debounce).await;
    }
    // A text that may differ from the client's: its diagnostics were
    // withdrawn, and nothing is analysed or sent until it is resynchronised.
    if doc.diverged || !shared.docs.is_current(uri, doc) {
        return None;
    }
    let enc = shared.encoding();
    let analyzer = Arc::clone(&shared.options.analyzer);
    let (task_uri, task_doc) = (uri.clone(), Arc::clone(doc));
    let index = Arc::clone(&shared.workspace);
    let store = Arc::clone(shared);
    let computed = super::analysts::run(move || {
        // Superseded while it waited for the analysis thread (a burst of
        // keystrokes read at once): the latest snapshot is analysed instead,
        // updating the same earlier analysis. Analysing this one would also
        // make its text whole while the newer snapshots still hold the
        // earlier text (at 10 MB, a second copy at the peak).
        if !store.docs.is_current(&task_uri, &task_doc) {
            return None;
        }
        // Claimed, or superseded since: a next version made from now on
        // waits for this one's text to be made whole rather than share the
        // earlier text (see `DocState::next_text`).
        let claim = task_doc.claim()?;
        {
            let analysis = task_doc.analysis(&analyzer, &index, &task_uri);
            drop(claim);
            // A file that is not a UN document (a README, notes) gets none.
            let active = task_doc.is_active(&analysis);
            // The workspace takes the editor's text; references into other documents are checked there.
            let across = index.open_document(&task_uri, &analysis, active, enc, &task_doc.settings);
            if !active {
                Some(Vec::new())
            } else {
                let mut published = capped(&analysis, &task_uri, enc, MAX_PUBLISHED);
                // Drift is known only to the session: compared with the version published before.
                let drifts = task_doc.track_drift(&analysis);
                published.extend(drifts.iter().map(|d| convert::diagnostic(&analysis, &task_uri, &d.diagnostic, enc)));
                published.extend(across);
                Some(published)
            }
        }
    })
    .await;
    match computed {
        Ok(diagnostics) => diagnostics,
        Err(Some(panic)) => {
            let msg = format!("analysis of {} (version {}) failed: {}", uri.as_str(), doc.version, panic_message(&*panic));
            shared.log(Level::Error, msg).await;
            None
        }
        Err(None) => {
            let msg = format!("analysis of {} (version {}) did not run: no analysis thread", uri.as_str(), doc.version);
            shared.log(Level::Error, msg).await;
            None
        }
    }
}

/// Sends the diagnostics of `doc` (version `version`) if it is still the
/// document's latest snapshot, under the publish gate.
async fn send(shared: &Shared, uri: &Uri, doc: &Weak<DocState>, version: i32, diagnostics: Vec<lsp::Diagnostic>) {
    let _gate = shared.publish_gate.lock().await;
    if !shared.docs.is_current_snapshot(uri, doc) {
        if log::enabled(Level::Debug) {
            log::stderr(Level::Debug, &format!("version {version} of {} superseded; not published", uri.as_str()));
        }
        return;
    }
    super::direct::send_diagnostics(shared, uri.clone(), diagnostics, Some(version)).await;
}

/// The analysis's diagnostics as protocol values, at most `cap` of them
/// (the most severe first, then in document order; sent in document
/// order), then one that counts the rest per code.
pub fn capped(a: &Analysis, uri: &Uri, enc: PositionEncoding, cap: usize) -> Vec<lsp::Diagnostic> {
    if a.diagnostics.len() <= cap {
        return convert::diagnostics(a, uri, enc);
    }
    let mut order: Vec<usize> = (0..a.diagnostics.len()).collect();
    order.sort_by_key(|&i| a.diagnostics[i].severity as u8);
    let (kept, left) = order.split_at(cap);
    let mut kept = kept.to_vec();
    kept.sort_unstable();
    let mut out: Vec<lsp::Diagnostic> = kept.iter().map(|&i| convert::diagnostic(a, uri, &a.diagnostics[i], enc)).collect();
    let mut per_code: BTreeMap<&str, usize> = BTreeMap::new();
    for &i in left {
        *per_code.entry(a.diagnostics[i].code.as_str()).or_default() += 1;
    }
    let counts: Vec<String> = per_code.iter().map(|(code, n)| format!("{n} {code}")).collect();
    out.push(lsp::Diagnostic {
        range: convert::range(a, TextRange::new(0, 0), enc),
        severity: Some(DiagnosticSeverity::INFORMATION),
        code: Some(NumberOrString::String(TRUNCATED_CODE.to_string())),
        code_description: None,
        source: Some("rapporteur".to_string()),
        message: format!(
            "{} more diagnostics not shown (at most {cap} are sent at once; `rapporteur check` lists them all): {}",
            left.len(),
            counts.join(", ")
        ),
        related_information: None,
        tags: None,
        data: None,
    });
    out
}

/// Publishes an empty list for a document that was just closed (and removed).
pub async fn clear(shared: &Shared, uri: Uri) {
    let _gate = shared.publish_gate.lock().await;
    if shared.docs.get(&uri).is_some() {
        // Reopened meanwhile: its own publication follows.
        return;
    }
    super::direct::send_diagnostics(shared, uri, Vec::new(), None).await;
}

/// Publishes an empty list for a document whose text may have diverged
/// from the client's (if `doc` is still its latest snapshot).
pub async fn withdraw(shared: &Shared, uri: Uri, doc: &Arc<DocState>) {
    let _gate = shared.publish_gate.lock().await;
    if shared.docs.is_current(&uri, doc) {
        super::direct::send_diagnostics(shared, uri, Vec::new(), Some(doc.version)).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::DiagnosticsConfig;

    #[test]
    fn a_publication_is_capped_with_a_summary_per_code() {
        // 300 paragraphs numbered 1, 3, 5, …: a gap at each.
        let text: String = (0..300).map(|i| format!("{}. 段落文字。\n", 2 * i + 1)).collect();
        let a = Analysis::new(text.as_str(), None, &DiagnosticsConfig::all_enabled());
        let total = a.diagnostics.len();
        assert!(total > 100, "{total} diagnostics");
        let uri: Uri = "file:///t.txt".parse().unwrap();
        let all = capped(&a, &uri, PositionEncoding::Utf16, total);
        assert_eq!(all.len(), total);
        let some = capped(&a, &uri, PositionEncoding::Utf16, 50);
        assert_eq!(some.len(), 51);
        let summary = some.last().unwrap();
        assert_eq!(summary.code, Some(NumberOrString::String(TRUNCATED_CODE.into())));
        assert!(summary.message.starts_with(&format!("{} more diagnostics not shown", total - 50)), "{}", summary.message);
        assert!(summary.message.contains(" numbering.gap"), "{}", summary.message);
        // The kept ones are in document order.
        let lines: Vec<u32> = some[..50].iter().map(|d| d.range.start.line).collect();
        assert!(lines.windows(2).all(|w| w[0] <= w[1]), "{lines:?}");
    }
}
