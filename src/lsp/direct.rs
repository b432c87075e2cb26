//! Large answers written straight to the output, without a JSON value tree.
//!
//! tower-lsp-server turns every result and every notification it sends into
//! a `serde_json::Value` before writing it: for the outline of a 10-MB
//! document that tree is hundreds of megabytes (a map per symbol, a map per
//! position), built and dropped per request. Over stdio the transport
//! therefore hands the server a [`Direct`] sink, one more sender to the one
//! writer of stdout, and:
//! - `textDocument/documentSymbol` requests are passed on renamed
//!   [`DOCUMENT_SYMBOL`] with their id in the parameters, in their place in
//!   the order. The handler serialises the answer from the protocol types
//!   straight to bytes, sends it under the request's id, and returns `null`
//!   to the library, whose now redundant response the transport drops
//!   ([`Direct::swallow`]). An error or a cancellation is the library's
//!   response as before (nothing was sent directly).
//! - `textDocument/publishDiagnostics` is serialised the same way
//!   ([`send_diagnostics`]); every publication takes this path, so that they
//!   never overtake one another.
//!
//! - a large `didOpen` or `didChange` (a whole document) is read once by
//!   the transport into the protocol types and kept here ([`Direct::stash`]);
//!   the library gets a small [`STASHED`] notification in its place, whose
//!   handler takes the parameters back and applies them as the original
//!   notification, in the same place in the order. The library would
//!   otherwise parse the text twice more and keep a read buffer of about
//!   three times its size.
//!
//! Without a sink (the server driven in process as a tower service, as the
//! tests do) everything goes through the library as usual.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};
use tokio::sync::mpsc::UnboundedSender;
use tower_lsp_server::jsonrpc::{Id, Request, Result};
use tower_lsp_server::ls_types::{
    Diagnostic, DidChangeTextDocumentParams, DidOpenTextDocumentParams, DocumentSymbolParams, DocumentSymbolResponse,
    PublishDiagnosticsParams, Uri,
};
use tower_lsp_server::LanguageServer;

use super::log::{self, Level};
use super::server::{Backend, Shared};

/// The name under which the transport passes on `textDocument/documentSymbol`.
pub const DOCUMENT_SYMBOL: &str = "rapporteur/documentSymbolDirect";

/// The notification passed on in place of a large `didOpen` or `didChange`.
pub const STASHED: &str = "rapporteur/stashedNotification";

/// The parameters of a large document notification, kept for its handler.
pub enum Stashed {
    Open(DidOpenTextDocumentParams),
    Change(DidChangeTextDocumentParams),
}

/// Parameters of [`STASHED`].
#[derive(Serialize, Deserialize)]
pub struct StashKey {
    pub key: u64,
}

/// A sender of whole messages to the client, beside the library's.
pub struct Direct {
    /// `None` once the session is over (so that the writer can end).
    out: Mutex<Option<UnboundedSender<Vec<u8>>>>,
    /// Ids of requests answered here (as JSON text), whose library response is dropped.
    answered: Mutex<HashSet<String>>,
    stash: Mutex<HashMap<u64, Stashed>>,
    next_key: AtomicU64,
}

impl Direct {
    pub fn new(out: UnboundedSender<Vec<u8>>) -> Direct {
        Direct { out: Mutex::new(Some(out)), answered: Mutex::default(), stash: Mutex::default(), next_key: AtomicU64::new(0) }
    }

    /// Lets go of the output at the end of the session.
    pub fn close(&self) {
        self.out.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).take();
    }

    fn send(&self, bytes: Vec<u8>) -> bool {
        let out = self.out.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        out.as_ref().is_some_and(|out| out.send(bytes).is_ok())
    }

    fn stashed(&self) -> std::sync::MutexGuard<'_, HashMap<u64, Stashed>> {
        self.stash.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Keeps the parameters of `method` (`didOpen` or `didChange`) and
    /// returns the [`STASHED`] message to pass on instead; why they cannot
    /// be read if they cannot.
    pub fn stash(&self, method: &str, params: serde_json::Value) -> std::result::Result<Vec<u8>, String> {
        let stashed = match method {
            "textDocument/didOpen" => Stashed::Open(serde_json::from_value(params).map_err(|e| e.to_string())?),
            _ => Stashed::Change(serde_json::from_value(params).map_err(|e| e.to_string())?),
        };
        let key = self.next_key.fetch_add(1, Ordering::Relaxed);
        self.stashed().insert(key, stashed);
        let message = serde_json::json!({"jsonrpc": "2.0", "method": STASHED, "params": StashKey { key }});
        serde_json::to_vec(&message).map_err(|e| e.to_string())
    }

    fn take(&self, key: u64) -> Option<Stashed> {
        self.stashed().remove(&key)
    }

    fn answered(&self) -> std::sync::MutexGuard<'_, HashSet<String>> {
        self.answered.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Sends the response to request `id`; true if it was sent.
    fn answer<T: Serialize>(&self, id: &Id, result: &T) -> bool {
        #[derive(Serialize)]
        struct Response<'a, T> {
            jsonrpc: &'static str,
            result: &'a T,
            id: &'a Id,
        }
        let Ok(bytes) = serde_json::to_vec(&Response { jsonrpc: "2.0", result, id }) else { return false };
        let key = serde_json::to_string(id).unwrap_or_default();
        self.answered().insert(key);
        self.send(bytes)
    }

    /// Sends a notification.
    fn notify<T: Serialize>(&self, method: &str, params: &T) -> bool {
        #[derive(Serialize)]
        struct Notification<'a, T> {
            jsonrpc: &'static str,
            method: &'a str,
            params: &'a T,
        }
        match serde_json::to_vec(&Notification { jsonrpc: "2.0", method, params }) {
            Ok(bytes) => self.send(bytes),
            Err(_) => false,
        }
    }

    /// True if `body`, a message from the library, is the response to a
    /// request already answered here (it is then forgotten).
    pub fn swallow(&self, body: &[u8]) -> bool {
        #[derive(Deserialize)]
        struct Head {
            #[serde(default)]
            id: Option<serde_json::Value>,
            #[serde(default)]
            method: Option<serde::de::IgnoredAny>,
            #[serde(default)]
            error: Option<serde::de::IgnoredAny>,
        }
        let mut answered = self.answered();
        if answered.is_empty() {
            return false;
        }
        let Ok(head) = serde_json::from_slice::<Head>(body) else { return false };
        match (head.id, head.method, head.error) {
            (Some(id), None, None) => answered.remove(&id.to_string()),
            _ => false,
        }
    }
}

/// The message the transport passes on for `request`, if it is answered
/// directly (see the module's documentation).
pub fn reroute(request: &Request) -> Option<Vec<u8>> {
    if request.method() != "textDocument/documentSymbol" {
        return None;
    }
    let id = request.id()?;
    let params = DirectParams { id: id.clone(), params: request.params().cloned().unwrap_or_default() };
    let message = serde_json::json!({"jsonrpc": "2.0", "id": id, "method": DOCUMENT_SYMBOL, "params": params});
    serde_json::to_vec(&message).ok()
}

/// Parameters of [`DOCUMENT_SYMBOL`]: the request's id and its parameters.
#[derive(Serialize, Deserialize)]
pub struct DirectParams<P = serde_json::Value> {
    pub id: Id,
    pub params: P,
}

/// Publishes `diagnostics` for `uri` (straight to the output when there is a sink).
pub async fn send_diagnostics(shared: &Shared, uri: Uri, diagnostics: Vec<Diagnostic>, version: Option<i32>) {
    if let Some(direct) = shared.direct.get() {
        let params = PublishDiagnosticsParams { uri, diagnostics, version };
        if direct.notify("textDocument/publishDiagnostics", &params) {
            return;
        }
        return shared.client.publish_diagnostics(params.uri, params.diagnostics, params.version).await;
    }
    shared.client.publish_diagnostics(uri, diagnostics, version).await
}

impl Backend {
    /// Attaches the transport's sink (once).
    pub fn set_direct(&self, direct: Arc<Direct>) {
        let _ = self.shared.direct.set(direct);
    }

    /// [`STASHED`]: the large `didOpen` or `didChange` the transport kept, applied now.
    pub async fn stashed_notification(&self, params: StashKey) {
        match self.shared.direct.get().and_then(|d| d.take(params.key)) {
            Some(Stashed::Open(p)) => self.did_open(p).await,
            Some(Stashed::Change(p)) => self.did_change(p).await,
            None => log::stderr(Level::Error, &format!("a kept notification ({}) is missing", params.key)),
        }
    }

    /// `textDocument/documentSymbol` as the transport passes it on: the
    /// answer is sent directly and `null` returned, or returned as usual
    /// without a sink.
    pub async fn document_symbol_direct(&self, params: DirectParams<DocumentSymbolParams>) -> Result<Option<DocumentSymbolResponse>> {
        let DirectParams { id, params } = params;
        let Some(direct) = self.shared.direct.get().map(Arc::clone) else { return self.document_symbol_answer(params).await };
        // Serialised from the outline (megabytes for a large document), without
        // the protocol's tree of symbols, on a blocking thread: the library
        // polls every request's future on one task, so doing it here would
        // hold up the hovers of other documents.
        let sent = self
            .off_runtime(&params.text_document.uri, move |_, a, enc| {
                let outline = a.outline();
                let sent = direct.answer(&id, &super::convert::SymbolsJson { analysis: a, items: &outline, enc });
                drop(outline);
                crate::cli::allocator::trim();
                sent
            })
            .await?;
        if sent {
            return Ok(None);
        }
        // (not sent: answered through the library)
        self.document_symbol_answer(params).await
    }
}
