//! The `LanguageServer` implementation. Handlers are thin: convert the
//! request in, call `ide`, convert the answer out.
//!
//! Ordering: the transport calls handlers in the order messages arrive and
//! polls each new handler future for the first time in that order, so
//! document notifications change the store before their first `.await`
//! (there is none before the edit is applied). A handler's panic becomes an
//! error response for that request (or a log line for a notification); the
//! server keeps running.

use std::future::Future;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};
use std::task::{Context, Poll};
use std::time::Instant;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp_server::ls_types::{
    CodeActionParams, CodeActionResponse, CodeLens, CodeLensParams, DidChangeConfigurationParams, DidChangeTextDocumentParams,
    DidChangeWatchedFilesParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams, DocumentHighlight, DocumentHighlightParams,
    DocumentLink, DocumentLinkParams, DocumentSymbolParams, DocumentSymbolResponse, FoldingRange, FoldingRangeParams, GotoDefinitionParams,
    GotoDefinitionResponse, Hover, HoverParams, InitializeParams, InitializeResult, InitializedParams, InlayHint, InlayHintParams,
    Location, MessageType, Position, PrepareRenameResponse, ReferenceParams, RenameParams, SemanticTokens, SemanticTokensParams,
    SemanticTokensRangeParams, SemanticTokensRangeResult, SemanticTokensResult, ServerInfo, TextDocumentIdentifier,
    TextDocumentPositionParams, Uri, WorkspaceEdit, WorkspaceSymbolParams, WorkspaceSymbolResponse,
};
use tower_lsp_server::{Client, LanguageServer};

use super::config::{self, Settings};
use super::doc_text::DocText;
use super::log::{self, Level};
use super::state::{self, DocState, DocStore};
use super::{capabilities, convert, panic_message, publish, sync, Options};
use crate::ide::Analysis;
use crate::syntax::mask::Source;
use crate::text::PositionEncoding;

/// State shared by the handlers and the publishing tasks.
pub struct Shared {
    pub client: Client,
    pub docs: DocStore,
    pub options: Options,
    /// Held while checking the version gate and sending diagnostics.
    pub publish_gate: tokio::sync::Mutex<()>,
    encoding: AtomicU8,
    settings: RwLock<Arc<Settings>>,
    /// Warnings about `initializationOptions`, sent once the client is initialized.
    deferred: Mutex<Vec<String>>,
    /// The workspace folders given at `initialize`, which the `include` and
    /// `exclude` globs are relative to.
    folders: RwLock<Vec<PathBuf>>,
    shutdown_requested: Arc<AtomicBool>,
    /// The documents of the workspace folders (`lsp/workspace.rs`).
    pub workspace: Arc<super::workspace::Index>,
    /// Over stdio, the sink for answers written without a JSON value tree (`lsp/direct.rs`).
    pub direct: std::sync::OnceLock<Arc<super::direct::Direct>>,
}

impl Shared {
    pub fn encoding(&self) -> PositionEncoding {
        match self.encoding.load(Ordering::Acquire) {
            8 => PositionEncoding::Utf8,
            _ => PositionEncoding::Utf16,
        }
    }

    fn set_encoding(&self, enc: PositionEncoding) {
        let tag = match enc {
            PositionEncoding::Utf8 => 8,
            PositionEncoding::Utf16 => 16,
        };
        self.encoding.store(tag, Ordering::Release);
    }

    pub fn settings(&self) -> Arc<Settings> {
        match self.settings.read() {
            Ok(s) => Arc::clone(&s),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    fn set_settings(&self, settings: Settings) {
        let settings = Arc::new(settings);
        match self.settings.write() {
            Ok(mut s) => *s = settings,
            Err(poisoned) => *poisoned.into_inner() = settings,
        }
    }

    /// Whether the `include`/`exclude` globs of `settings` force `uri` on or
    /// off: matched against its path in the (innermost) workspace folder
    /// that holds it, or its whole path outside any folder.
    pub fn forced_by_globs(&self, uri: &Uri, settings: &Settings) -> Option<bool> {
        if settings.include.is_empty() && settings.exclude.is_empty() {
            return None;
        }
        let path = uri.to_file_path()?;
        let folders = self.folders.read().unwrap_or_else(|poisoned| poisoned.into_inner());
        let relative = folders.iter().filter_map(|f| path.strip_prefix(f).ok()).min_by_key(|rel| rel.as_os_str().len());
        let relative = relative.unwrap_or(&path);
        let relative: Vec<String> = relative
            .components()
            .filter_map(|c| match c {
                std::path::Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect();
        settings.forced_by_globs(&relative.join("/"))
    }

    fn deferred_warnings(&self) -> MutexGuard<'_, Vec<String>> {
        self.deferred.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Logs to stderr and, from `info` up, to the client (`window/logMessage`).
    pub async fn log(&self, level: Level, message: String) {
        log::stderr(level, &message);
        let typ = match level {
            Level::Error => MessageType::ERROR,
            Level::Warn => MessageType::WARNING,
            Level::Info => MessageType::INFO,
            Level::Debug => return,
        };
        self.client.log_message(typ, message).await;
    }

    /// The analysis of `doc` (a snapshot of `uri`), computed on an analysis
    /// thread (`analysts`) if not yet done.
    pub async fn analysis(&self, uri: &Uri, doc: &Arc<DocState>) -> Result<Arc<Analysis>> {
        if let Some(a) = doc.cached_analysis() {
            return Ok(a);
        }
        let doc = Arc::clone(doc);
        let analyzer = Arc::clone(&self.options.analyzer);
        let (index, uri) = (Arc::clone(&self.workspace), uri.clone());
        match super::analysts::run(move || doc.analysis(&analyzer, &index, &uri)).await {
            Ok(a) => Ok(a),
            Err(Some(panic)) => Err(internal(format!("the analysis failed: {}", panic_message(&*panic)))),
            Err(None) => Err(internal("the analysis did not run: no analysis thread".to_string())),
        }
    }
}

/// A byte range from two offsets in either order.
fn rapporteur_range(a: usize, b: usize) -> crate::text::TextRange {
    crate::text::TextRange::new(a.min(b), a.max(b))
}

pub(super) fn internal(message: String) -> Error {
    Error { code: ErrorCode::InternalError, message: message.into(), data: None }
}

fn not_open(uri: &Uri) -> Error {
    Error::invalid_params(format!("document not open: {}", uri.as_str()))
}

/// The language server.
pub struct Backend {
    pub(super) shared: Arc<Shared>,
}

impl Backend {
    /// The workspace index (for the handlers in other files).
    pub(super) fn workspace_index(&self) -> Arc<super::workspace::Index> {
        Arc::clone(&self.shared.workspace)
    }
}

/// Parameters of `rapporteur/documentText`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentTextParams {
    pub text_document: TextDocumentIdentifier,
}

/// Parameters of `rapporteur/invalidNotification`, which the transport sends
/// in place of a notification whose parameters cannot be read.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InvalidNotification {
    pub method: String,
    /// `params.textDocument.uri`, when it could be read.
    #[serde(default)]
    pub uri: Option<String>,
    pub error: String,
}

/// Result of `rapporteur/documentText`: the server's copy of a document.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct DocumentText {
    pub version: i32,
    pub text: String,
}

impl Backend {
    pub fn new(client: Client, options: Options) -> Backend {
        let shared = Shared {
            client,
            docs: DocStore::default(),
            options,
            publish_gate: tokio::sync::Mutex::new(()),
            encoding: AtomicU8::new(16),
            settings: RwLock::new(Arc::new(Settings::default())),
            deferred: Mutex::new(Vec::new()),
            folders: RwLock::new(Vec::new()),
            shutdown_requested: Arc::new(AtomicBool::new(false)),
            workspace: Arc::default(),
            direct: std::sync::OnceLock::new(),
        };
        Backend { shared: Arc::new(shared) }
    }

    /// Set once the client has sent `shutdown` (the exit code depends on it).
    pub fn shutdown_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.shared.shutdown_requested)
    }

    /// `rapporteur/documentText`: the server's text and version of an open
    /// document (for tests and for debugging a client's synchronisation).
    pub async fn document_text(&self, params: DocumentTextParams) -> Result<DocumentText> {
        let uri = params.text_document.uri;
        let doc = self.shared.docs.get(&uri).ok_or_else(|| not_open(&uri))?;
        Ok(DocumentText { version: doc.version, text: doc.text() })
    }

    /// `rapporteur/invalidNotification`: a notification the transport could
    /// not read. Logged; a lost `didChange` means the server's copy of the
    /// document may now differ from the editor's, so its diagnostics are
    /// withdrawn and none are published until a `didOpen` or a change that
    /// sends the whole text, and the user is told (once per document until then).
    pub async fn invalid_notification(&self, params: InvalidNotification) {
        let InvalidNotification { method, uri, error } = params;
        let msg = format!("dropped a {method} notification whose parameters cannot be read: {error}");
        self.shared.log(Level::Warn, msg).await;
        if method == "textDocument/didOpen" {
            let what = uri.as_deref().unwrap_or("a document");
            let text = format!("rapporteur: could not open {what}: the editor's message could not be read ({error}); it is not checked.");
            self.shared.client.show_message(MessageType::WARNING, text).await;
        }
        if method != "textDocument/didChange" {
            return;
        }
        let Some(uri) = uri.and_then(|u| u.parse::<Uri>().ok()) else { return };
        let Some(doc) = self.shared.docs.get(&uri) else { return };
        if doc.diverged {
            return;
        }
        let updated = self.shared.docs.update(&uri, |d| {
            let mut next = d.with_settings(Arc::clone(&d.settings), d.forced);
            next.diverged = true;
            (next, ())
        });
        if let Some((doc, (), old)) = updated {
            state::release(old);
            publish::withdraw(&self.shared, uri.clone(), &doc).await;
            let text = format!(
                "rapporteur: a change to {} could not be read ({error}); the server's copy may differ from the editor's, \
                 so its diagnostics are withdrawn until the document is reopened or its whole text is sent again.",
                uri.as_str()
            );
            self.shared.client.show_message(MessageType::WARNING, text).await;
        }
    }

    /// Runs `work` on the latest analysis of `uri` on a blocking thread, so
    /// that a long request (the outline of a 10-MB document) never holds an
    /// async worker. If the request is cancelled (`$/cancelRequest`: the
    /// handler's future is dropped), the work is skipped if not yet begun.
    pub(super) async fn off_runtime<T: Send + 'static>(
        &self,
        uri: &Uri,
        work: impl FnOnce(&DocState, &Analysis, PositionEncoding) -> T + Send + 'static,
    ) -> Result<T> {
        struct CancelOnDrop(Arc<AtomicBool>);
        impl Drop for CancelOnDrop {
            fn drop(&mut self) {
                self.0.store(true, Ordering::Release);
            }
        }
        let doc = self.shared.docs.get(uri).ok_or_else(|| not_open(uri))?;
        let cancelled = Arc::new(AtomicBool::new(false));
        let _guard = CancelOnDrop(Arc::clone(&cancelled));
        let analyzer = Arc::clone(&self.shared.options.analyzer);
        let enc = self.shared.encoding();
        let (index, uri) = (Arc::clone(&self.shared.workspace), uri.clone());
        let task = tokio::task::spawn_blocking(move || {
            catch_unwind(AssertUnwindSafe(|| {
                if cancelled.load(Ordering::Acquire) {
                    return None;
                }
                let analysis = doc.analysis(&analyzer, &index, &uri);
                if cancelled.load(Ordering::Acquire) {
                    return None;
                }
                Some(work(&doc, &analysis, enc))
            }))
        });
        match task.await {
            Ok(Ok(Some(out))) => Ok(out),
            Ok(Ok(None)) => Err(Error::request_cancelled()),
            Ok(Err(panic)) => Err(internal(format!("failed: {}", panic_message(&*panic)))),
            Err(join) => Err(internal(format!("did not finish: {join}"))),
        }
    }

    /// The latest snapshot of `uri` and its analysis.
    async fn analysed(&self, uri: &Uri) -> Result<Arc<Analysis>> {
        let doc = self.shared.docs.get(uri).ok_or_else(|| not_open(uri))?;
        self.shared.analysis(uri, &doc).await
    }

    fn offset(&self, a: &Analysis, uri: &Uri, pos: Position, what: &str) -> usize {
        let (offset, clamped) = convert::offset(a, pos, self.shared.encoding());
        if clamped {
            let msg = format!("{what}: position {}:{} is outside {}; clamped", pos.line, pos.character, uri.as_str());
            log::stderr(Level::Warn, &msg);
        }
        offset
    }

    /// Takes new settings from a client value and re-analyses the open
    /// documents if they changed; returns warnings about the value.
    fn apply_settings(&self, value: &Value, origin: &str) -> Vec<String> {
        let Some((settings, warnings)) = config::parse(value) else {
            log::stderr(Level::Debug, &format!("{origin}: no rapporteur settings"));
            return Vec::new();
        };
        let changed = *self.shared.settings() != settings;
        self.shared.set_settings(settings);
        if changed {
            let settings = self.shared.settings();
            for uri in self.shared.docs.uris() {
                let forced = self.shared.forced_by_globs(&uri, &settings);
                let updated = self.shared.docs.update(&uri, |d| (d.with_settings(Arc::clone(&settings), forced), ()));
                if let Some((doc, (), old)) = updated {
                    publish::schedule(&self.shared, uri, doc);
                    state::release(old);
                }
            }
        }
        warnings.into_iter().map(|w| format!("{origin}: {w}")).collect()
    }
}

/// A future that turns a panic while polling into `Err(message)`.
pub(crate) struct CatchPanic<F> {
    pub(crate) inner: Pin<Box<F>>,
}

impl<F: Future> Future for CatchPanic<F> {
    type Output = std::result::Result<F::Output, String>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let inner = self.get_mut().inner.as_mut();
        match catch_unwind(AssertUnwindSafe(|| inner.poll(cx))) {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(out)) => Poll::Ready(Ok(out)),
            Err(panic) => Poll::Ready(Err(panic_message(&*panic))),
        }
    }
}

impl Backend {
    /// Runs a request handler; a panic becomes an internal-error response.
    /// The answer to `textDocument/documentSymbol` (sent by the library or by `lsp/direct.rs`).
    pub(super) async fn document_symbol_answer(&self, params: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>> {
        self.request("textDocument/documentSymbol", async {
            let symbols = self.off_runtime(&params.text_document.uri, |_, a, enc| convert::symbols(a, &a.outline(), enc)).await?;
            Ok(Some(DocumentSymbolResponse::Nested(symbols)))
        })
        .await
    }

    async fn request<T>(&self, method: &str, fut: impl Future<Output = Result<T>>) -> Result<T> {
        match (CatchPanic { inner: Box::pin(fut) }).await {
            Ok(result) => result,
            Err(panic) => {
                let msg = format!("{method} failed: {panic}");
                self.shared.log(Level::Error, msg.clone()).await;
                Err(internal(msg))
            }
        }
    }

    /// Runs a notification handler; a panic is logged.
    async fn notification(&self, method: &str, fut: impl Future<Output = ()>) {
        if let Err(panic) = (CatchPanic { inner: Box::pin(fut) }).await {
            self.shared.log(Level::Error, format!("{method} failed: {panic}")).await;
        }
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        self.request("initialize", async {
            // The language the user most likely works in readied off the
            // critical path of the first didOpen (see `ide::warm_up`): the
            // language of the editor's locale, else English. The others
            // are compiled when a document in them comes (the workspace's
            // indexing reads its documents at once): each language's
            // tables and caches hold 2–3 MB, all five 10 MB, half the
            // memory the issue allows a small document.
            let first = params.locale.as_deref().and_then(crate::ide::warm_up::locale_language).unwrap_or(crate::lang::Language::En);
            let tables = super::analysts::ready(first);
            let enc = capabilities::negotiate(&params.capabilities);
            self.shared.set_encoding(enc);
            self.shared.workspace.client_capabilities(&params.capabilities);
            #[allow(deprecated)] // `root_uri`: for clients without workspace folders.
            let folders: Vec<PathBuf> = match &params.workspace_folders {
                Some(folders) if !folders.is_empty() => {
                    folders.iter().filter_map(|f| f.uri.to_file_path().map(|p| p.into_owned())).collect()
                }
                _ => params.root_uri.iter().filter_map(|u| u.to_file_path().map(|p| p.into_owned())).collect(),
            };
            *self.shared.folders.write().unwrap_or_else(|poisoned| poisoned.into_inner()) = folders;
            if let Some(options) = &params.initialization_options {
                // The client cannot be sent log messages before `initialized`.
                let warnings = self.apply_settings(options, "initializationOptions");
                self.shared.deferred_warnings().extend(warnings);
            }
            // Answered once the tables are compiled (the server's debug log
            // times it: on this project's 2-core machine, under load,
            // Chinese 5–8 ms, English about 11, Arabic about 90), so that
            // the first `didOpen`, which an editor sends right after, finds
            // them ready instead of competing with their compilation for
            // the cores while it is read, and then waiting for them: its
            // analysis is the longest part of the way to its diagnostics,
            // and it starts at once.
            let _ = tables.await;
            Ok(InitializeResult {
                capabilities: capabilities::server_capabilities(enc, &params.capabilities),
                server_info: Some(ServerInfo { name: "rapporteur".to_string(), version: Some(env!("CARGO_PKG_VERSION").to_string()) }),
                offset_encoding: None,
            })
        })
        .await
    }

    async fn initialized(&self, _: InitializedParams) {
        let enc = capabilities::encoding_kind(self.shared.encoding());
        let msg = format!("rapporteur {} ready; position encoding {}", env!("CARGO_PKG_VERSION"), enc.as_str());
        self.shared.log(Level::Info, msg).await;
        let warnings = std::mem::take(&mut *self.shared.deferred_warnings());
        for warning in warnings {
            self.shared.log(Level::Warn, warning).await;
        }
        let folders = self.shared.folders.read().map(|f| f.clone()).unwrap_or_default();
        super::workspace::start(Arc::clone(&self.shared), folders);
    }

    async fn shutdown(&self) -> Result<()> {
        self.shared.shutdown_requested.store(true, Ordering::Release);
        log::stderr(Level::Info, "shutdown requested");
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        self.notification("textDocument/didOpen", async {
            let mut doc = params.text_document;
            // (the text of the message is freed once copied: the analysis shares the copy)
            let text = DocText::new(Source::of(&Arc::from(std::mem::take(&mut doc.text))));
            let settings = self.shared.settings();
            let forced = self.shared.forced_by_globs(&doc.uri, &settings);
            let mut state = DocState::open(doc.version, text, settings);
            state.un_outcome = doc.language_id == "un-outcome";
            state.forced = forced;
            let snapshot = Arc::new(state);
            let replaced = self.shared.docs.replace(doc.uri.clone(), Arc::clone(&snapshot));
            publish::schedule(&self.shared, doc.uri.clone(), snapshot);
            if let Some(old) = replaced {
                state::release(old);
            }
            log::stderr(Level::Debug, &format!("opened {} (version {})", doc.uri.as_str(), doc.version));
        })
        .await
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        self.notification("textDocument/didChange", async {
            let uri = params.text_document.uri;
            let version = params.text_document.version;
            let enc = self.shared.encoding();
            let changes = params.content_changes;
            // Versions only go up: an older one is a stale or replayed change.
            if let Some(current) = self.shared.docs.get(&uri) {
                if version < current.version {
                    let msg = format!(
                        "didChange {}: version {version} is older than the document's version {}; change refused",
                        uri.as_str(),
                        current.version
                    );
                    self.shared.log(Level::Warn, msg).await;
                    return;
                }
            }
            // A change sending the whole text puts the copies back in step.
            let resync = changes.iter().any(|c| c.range.is_none());
            // Applied right here, before any `.await`.
            let started = Instant::now();
            let updated = self.shared.docs.update(&uri, |old| {
                let (text, notes, unchanged) = sync::apply_changes_noting(&old.next_text(), changes, enc);
                let mut next = old.edited(version, text, unchanged);
                let resynced = resync && next.diverged;
                if resync {
                    next.diverged = false;
                }
                (next, (notes, resynced))
            });
            if log::enabled(Level::Debug) {
                log::stderr(Level::Debug, &format!("didChange {} v{version} applied in {:?}", uri.as_str(), started.elapsed()));
            }
            match updated {
                Some((doc, (notes, resynced), old)) => {
                    // The new snapshot holds the old one's analysis (its
                    // basis), so dropping the old one frees only its handles
                    // on the text; dropped here rather than on
                    // another thread so that the update owns that analysis.
                    drop(old);
                    publish::schedule(&self.shared, uri.clone(), doc);
                    if resynced {
                        let msg = format!("{}: the whole text was sent again; diagnostics resume", uri.as_str());
                        self.shared.log(Level::Info, msg).await;
                    }
                    for note in notes {
                        let msg = format!("didChange {} (version {version}): {note}", uri.as_str());
                        self.shared.log(Level::Warn, msg).await;
                    }
                }
                None => {
                    let msg = format!("didChange for a document that is not open: {}", uri.as_str());
                    self.shared.log(Level::Warn, msg).await;
                }
            }
        })
        .await
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        self.notification("textDocument/didClose", async {
            let uri = params.text_document.uri;
            if let Some(old) = self.shared.docs.remove(&uri) {
                state::release(old);
                publish::clear(&self.shared, uri).await;
            }
        })
        .await
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        self.notification("workspace/didChangeConfiguration", async {
            for warning in self.apply_settings(&params.settings, "didChangeConfiguration") {
                self.shared.log(Level::Warn, warning).await;
            }
        })
        .await
    }

    async fn goto_definition(&self, params: GotoDefinitionParams) -> Result<Option<GotoDefinitionResponse>> {
        self.request("textDocument/definition", async {
            let p = params.text_document_position_params;
            let uri = p.text_document.uri;
            let a = self.analysed(&uri).await?;
            let offset = self.offset(&a, &uri, p.position, "definition");
            let targets = a.goto_definition(offset);
            if targets.is_empty() {
                let across = super::workspace::definition(&self.shared.workspace, &uri, &a, offset, self.shared.encoding());
                return Ok((!across.is_empty()).then_some(GotoDefinitionResponse::Array(across)));
            }
            let locations = convert::locations(&a, &uri, &targets, self.shared.encoding());
            Ok(Some(GotoDefinitionResponse::Array(locations)))
        })
        .await
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        self.request("textDocument/hover", async {
            let p = params.text_document_position_params;
            let uri = p.text_document.uri;
            let a = self.analysed(&uri).await?;
            let offset = self.offset(&a, &uri, p.position, "hover");
            if let Some(across) = super::workspace::hover(&self.shared.workspace, &uri, &a, offset, self.shared.encoding()) {
                return Ok(Some(across));
            }
            let elsewhere = super::workspace::other_versions(&self.shared.workspace, &uri, &a, offset);
            Ok(a.hover(offset).map(|mut h| {
                h.markdown.push_str(&elsewhere);
                convert::hover(&a, &h, self.shared.encoding())
            }))
        })
        .await
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        self.request("textDocument/references", async {
            let p = params.text_document_position;
            let uri = p.text_document.uri;
            let position = p.position;
            let include_declaration = params.context.include_declaration;
            let index = Arc::clone(&self.shared.workspace);
            let locations = self
                .off_runtime(&uri.clone(), move |_, a, enc| {
                    let (offset, clamped) = convert::offset(a, position, enc);
                    if clamped {
                        let msg =
                            format!("references: position {}:{} is outside {}; clamped", position.line, position.character, uri.as_str());
                        log::stderr(Level::Warn, &msg);
                    }
                    let found = a.find_references(offset, include_declaration);
                    (convert::locations(a, &uri, &found, enc), uri, offset)
                })
                .await?;
            let (mut locations, uri, offset) = locations;
            let a = self.analysed(&uri).await?;
            locations.extend(super::workspace::references(&index, &uri, &a, offset, self.shared.encoding()));
            Ok(Some(locations))
        })
        .await
    }

    async fn document_symbol(&self, params: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>> {
        self.document_symbol_answer(params).await
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        self.request("textDocument/foldingRange", async {
            let folds = self.off_runtime(&params.text_document.uri, |_, a, enc| convert::folds(a, &a.folding_ranges(), enc)).await?;
            Ok(Some(folds))
        })
        .await
    }

    async fn semantic_tokens_full(&self, params: SemanticTokensParams) -> Result<Option<SemanticTokensResult>> {
        self.request("textDocument/semanticTokens/full", async {
            let data = self
                .off_runtime(&params.text_document.uri, |doc, a, enc| {
                    if doc.is_active(a) {
                        convert::semantic_tokens(a, &a.semantic_tokens(None), enc)
                    } else {
                        Vec::new()
                    }
                })
                .await?;
            Ok(Some(SemanticTokensResult::Tokens(SemanticTokens { result_id: None, data })))
        })
        .await
    }

    async fn semantic_tokens_range(&self, params: SemanticTokensRangeParams) -> Result<Option<SemanticTokensRangeResult>> {
        self.request("textDocument/semanticTokens/range", async {
            let uri = params.text_document.uri;
            let doc = self.shared.docs.get(&uri).ok_or_else(|| not_open(&uri))?;
            let a = self.shared.analysis(&uri, &doc).await?;
            let start = self.offset(&a, &uri, params.range.start, "semanticTokens/range");
            let end = self.offset(&a, &uri, params.range.end, "semanticTokens/range");
            let within = rapporteur_range(start, end);
            let data = if doc.is_active(&a) {
                convert::semantic_tokens(&a, &a.semantic_tokens(Some(within)), self.shared.encoding())
            } else {
                Vec::new()
            };
            Ok(Some(SemanticTokensRangeResult::Tokens(SemanticTokens { result_id: None, data })))
        })
        .await
    }

    async fn document_highlight(&self, params: DocumentHighlightParams) -> Result<Option<Vec<DocumentHighlight>>> {
        self.request("textDocument/documentHighlight", self.highlight(params)).await
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        self.request("textDocument/inlayHint", self.hints(params)).await
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        self.request("textDocument/codeLens", self.lenses(params)).await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        self.request("textDocument/codeAction", self.actions(params)).await
    }

    async fn prepare_rename(&self, params: TextDocumentPositionParams) -> Result<Option<PrepareRenameResponse>> {
        self.request("textDocument/prepareRename", self.prepare_renaming(params)).await
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        self.request("textDocument/rename", self.renaming(params)).await
    }

    async fn symbol(&self, params: WorkspaceSymbolParams) -> Result<Option<WorkspaceSymbolResponse>> {
        self.request("workspace/symbol", async {
            let index = Arc::clone(&self.shared.workspace);
            let enc = self.shared.encoding();
            let found = tokio::task::spawn_blocking(move || super::workspace::symbols(&index, &params.query, enc))
                .await
                .map_err(|e| internal(format!("workspace/symbol did not finish: {e}")))?;
            Ok(Some(WorkspaceSymbolResponse::Flat(found)))
        })
        .await
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        self.notification("workspace/didChangeWatchedFiles", async {
            let folders = self.shared.folders.read().map(|f| f.clone()).unwrap_or_default();
            super::workspace::files_changed(&self.shared, params.changes, folders).await;
        })
        .await
    }

    async fn document_link(&self, params: DocumentLinkParams) -> Result<Option<Vec<DocumentLink>>> {
        self.request("textDocument/documentLink", async {
            let links = self.off_runtime(&params.text_document.uri, |_, a, enc| convert::links(a, &a.document_links(), enc)).await?;
            Ok(Some(links))
        })
        .await
    }
}
