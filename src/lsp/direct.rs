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
//!   straight to bytes — twice: once to count them, then in pieces of 64 KB
//!   that the writer of stdout writes as they come (`transport::Outgoing`),
//!   so the answer is never whole in memory — under the request's id, and returns `null`
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
use super::transport::Outgoing;

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
    out: Mutex<Option<UnboundedSender<Outgoing>>>,
    /// Ids of requests answered here (as JSON text), whose library response is dropped.
    answered: Mutex<HashSet<String>>,
    stash: Mutex<HashMap<u64, Stashed>>,
    next_key: AtomicU64,
}

impl Direct {
    pub fn new(out: UnboundedSender<Outgoing>) -> Direct {
        Direct { out: Mutex::new(Some(out)), answered: Mutex::default(), stash: Mutex::default(), next_key: AtomicU64::new(0) }
    }

    /// Lets go of the output at the end of the session.
    pub fn close(&self) {
        self.out.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).take();
    }

    fn send(&self, bytes: Vec<u8>) -> bool {
        self.send_outgoing(Outgoing::Message(bytes))
    }

    fn send_outgoing(&self, outgoing: Outgoing) -> bool {
        let out = self.out.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        out.as_ref().is_some_and(|out| out.send(outgoing).is_ok())
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

    /// Sends the response to request `id`, serialised twice: once to count
    /// its bytes (the header comes first), then in pieces of [`PIECE`]
    /// bytes handed to the writer as they are made, never more than a few
    /// of them in memory (the outline of a 10-MB document is 20 MB of JSON;
    /// serialising it whole was most of the server's peak). Call it off the
    /// async runtime: it waits for the writer. True if it was sent.
    fn answer<T: Serialize>(&self, id: &Id, result: &T) -> bool {
        #[derive(Serialize)]
        struct Response<'a, T> {
            jsonrpc: &'static str,
            result: &'a T,
            id: &'a Id,
        }
        let response = Response { jsonrpc: "2.0", result, id };
        let mut counted = Counted(0);
        if serde_json::to_writer(&mut counted, &response).is_err() {
            return false;
        }
        let (pieces, received) = tokio::sync::mpsc::channel(PIECES_AHEAD);
        let key = serde_json::to_string(id).unwrap_or_default();
        self.answered().insert(key.clone());
        if !self.send_outgoing(Outgoing::Pieces(counted.0, received)) {
            self.answered().remove(&key);
            return false;
        }
        let mut writer = Pieces { piece: Vec::with_capacity(PIECE), pieces };
        // (an error here is the writer gone: the session is over)
        let _ = serde_json::to_writer(&mut writer, &response).and_then(|()| writer.send().map_err(serde_json::Error::io));
        true
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

/// The size of the pieces [`Direct::answer`] hands to the writer.
const PIECE: usize = 64 * 1024;

/// How many pieces may wait for the writer.
const PIECES_AHEAD: usize = 4;

/// A writer that only counts the bytes written to it.
struct Counted(usize);

impl std::io::Write for Counted {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0 += bytes.len();
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A writer that hands what is written to it to the stdout writer, a
/// piece of [`PIECE`] bytes at a time (waiting while [`PIECES_AHEAD`]
/// pieces are not written yet).
struct Pieces {
    piece: Vec<u8>,
    pieces: tokio::sync::mpsc::Sender<Vec<u8>>,
}

impl Pieces {
    fn send(&mut self) -> std::io::Result<()> {
        if self.piece.is_empty() {
            return Ok(());
        }
        let piece = std::mem::replace(&mut self.piece, Vec::with_capacity(PIECE));
        self.pieces.blocking_send(piece).map_err(|_| std::io::Error::from(std::io::ErrorKind::BrokenPipe))
    }
}

impl std::io::Write for Pieces {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.piece.extend_from_slice(bytes);
        if self.piece.len() >= PIECE {
            self.send()?;
        }
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
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
                let outline = a.outline_reader();
                let sent = direct.answer(&id, &super::convert::SymbolsJson { analysis: a, outline: &outline, nodes: outline.roots(), enc });
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

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::sync::mpsc::unbounded_channel;

    /// An answer of many pieces reaches the writer as the bytes the whole
    /// serialisation gives, under a length counted before them.
    #[test]
    fn an_answer_is_sent_in_pieces_under_its_counted_length() {
        let runtime = tokio::runtime::Builder::new_current_thread().build().expect("a runtime");
        let (out, mut written) = unbounded_channel();
        let direct = Arc::new(Direct::new(out));
        let result: Vec<String> = (0..40_000).map(|i| format!("第 {i} 段 \"quoted\"")).collect();
        let expected = format!(r#"{{"jsonrpc":"2.0","result":{},"id":7}}"#, serde_json::to_string(&result).expect("JSON")).into_bytes();
        assert!(expected.len() > 4 * PIECE, "more pieces than may wait for the writer");
        let answering = {
            let direct = Arc::clone(&direct);
            std::thread::spawn(move || direct.answer(&Id::Number(7), &result))
        };
        let (len, body) = runtime.block_on(async {
            match written.recv().await {
                Some(Outgoing::Pieces(len, mut pieces)) => {
                    let mut body = Vec::new();
                    while let Some(piece) = pieces.recv().await {
                        assert!(piece.len() <= PIECE + 64, "a piece of {} bytes", piece.len());
                        body.extend(piece);
                    }
                    (len, body)
                }
                _ => panic!("the answer did not come in pieces"),
            }
        });
        assert!(answering.join().expect("no panic"));
        assert_eq!(len, expected.len());
        assert!(body == expected, "the pieces differ from the whole answer");
        // The library's own (null) response to the request is dropped.
        assert!(direct.swallow(br#"{"jsonrpc":"2.0","result":null,"id":7}"#));
    }
}
