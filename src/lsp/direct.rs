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
//! Without a sink (the server driven in process as a tower service, as the
//! tests do) everything goes through the library as usual.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};
use tokio::sync::mpsc::UnboundedSender;
use tower_lsp_server::jsonrpc::{Id, Request, Result};
use tower_lsp_server::ls_types::{Diagnostic, DocumentSymbolParams, DocumentSymbolResponse, PublishDiagnosticsParams, Uri};

use super::server::{Backend, Shared};

/// The name under which the transport passes on `textDocument/documentSymbol`.
pub const DOCUMENT_SYMBOL: &str = "rapporteur/documentSymbolDirect";

/// A sender of whole messages to the client, beside the library's.
pub struct Direct {
    out: UnboundedSender<Vec<u8>>,
    /// Ids of requests answered here (as JSON text), whose library response is dropped.
    answered: Mutex<HashSet<String>>,
}

impl Direct {
    pub fn new(out: UnboundedSender<Vec<u8>>) -> Direct {
        Direct { out, answered: Mutex::default() }
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
        self.out.send(bytes).is_ok()
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
            Ok(bytes) => self.out.send(bytes).is_ok(),
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

    /// `textDocument/documentSymbol` as the transport passes it on: the
    /// answer is sent directly and `null` returned, or returned as usual
    /// without a sink.
    pub async fn document_symbol_direct(&self, params: DirectParams<DocumentSymbolParams>) -> Result<Option<DocumentSymbolResponse>> {
        let DirectParams { id, params } = params;
        let symbols = self.document_symbol_answer(params).await?;
        match self.shared.direct.get() {
            Some(direct) if direct.answer(&id, &symbols) => Ok(None),
            _ => Ok(symbols),
        }
    }
}
