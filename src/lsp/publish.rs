//! Diagnostics publishing: debounced, analysed off the async runtime, and
//! gated by version.
//!
//! Every change schedules a task for the snapshot it produced. The task
//! sleeps for the debounce delay and gives up if the snapshot is no longer
//! the document's latest (a newer edit has its own task). Otherwise it waits
//! for the document's analysis lane (one analysis for diagnostics per
//! document at a time), checks again, analyses the snapshot on a blocking
//! thread and then, holding the publish gate (one async mutex for all
//! documents), checks once more that the snapshot is still the latest
//! before sending. So a result computed for an old version is never
//! published, and publications never overtake each other. Closing a
//! document publishes `[]` under the same gate.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

use tower_lsp_server::ls_types::Uri;

use super::log::Level;
use super::server::Shared;
use super::state::{self, DocState};
use super::{convert, panic_message};

/// Schedules the publication of `doc`'s diagnostics (it must already be in the store).
pub fn schedule(shared: &Arc<Shared>, uri: Uri, doc: Arc<DocState>) {
    let shared = Arc::clone(shared);
    tokio::spawn(async move {
        publish(&shared, uri, &doc).await;
        state::release(doc);
    });
}

async fn publish(shared: &Shared, uri: Uri, doc: &Arc<DocState>) {
    let debounce = shared.options.debounce;
    if !debounce.is_zero() {
        tokio::time::sleep(debounce).await;
    }
    if !shared.docs.is_current(&uri, doc) {
        return;
    }
    let lane = doc.lane.lock().await;
    if !shared.docs.is_current(&uri, doc) {
        return;
    }
    let enc = shared.encoding();
    let analyzer = Arc::clone(&shared.options.analyzer);
    let (task_uri, task_doc) = (uri.clone(), Arc::clone(doc));
    let computed = tokio::task::spawn_blocking(move || {
        catch_unwind(AssertUnwindSafe(|| {
            let analysis = task_doc.analysis(&analyzer);
            // A file that is not a UN document (a README, notes) gets none.
            if task_doc.is_active(&analysis) {
                convert::diagnostics(&analysis, &task_uri, enc)
            } else {
                Vec::new()
            }
        }))
    })
    .await;
    drop(lane);
    let diagnostics = match computed {
        Ok(Ok(diagnostics)) => diagnostics,
        Ok(Err(panic)) => {
            let msg = format!("analysis of {} (version {}) failed: {}", uri.as_str(), doc.version, panic_message(&*panic));
            shared.log(Level::Error, msg).await;
            return;
        }
        Err(join) => {
            let msg = format!("analysis of {} (version {}) did not finish: {join}", uri.as_str(), doc.version);
            shared.log(Level::Error, msg).await;
            return;
        }
    };
    let _gate = shared.publish_gate.lock().await;
    if !shared.docs.is_current(&uri, doc) {
        return;
    }
    shared.client.publish_diagnostics(uri, diagnostics, Some(doc.version)).await;
}

/// Publishes an empty list for a document that was just closed (and removed).
pub async fn clear(shared: &Shared, uri: Uri) {
    let _gate = shared.publish_gate.lock().await;
    if shared.docs.get(&uri).is_some() {
        // Reopened meanwhile: its own publication follows.
        return;
    }
    shared.client.publish_diagnostics(uri, Vec::new(), None).await;
}
