//! The workspace in the server: on `initialized` the files of the workspace
//! folders that the activation rules accept are read once, analysed and
//! indexed in the background (with `$/progress`: "Indexing 240/1,000
//! drafts"); `workspace/didChangeWatchedFiles` re-reads what changed (the
//! watcher is registered dynamically when the client allows it). An open
//! document is indexed with the editor's text, not the disk's. Nothing
//! outside the workspace folders is read: a symbolic link that leads out of
//! them is not followed.
//!
//! The requests ask [`crate::workspace::Workspace`] (pure) and convert its
//! answers; this file only reads files and speaks the protocol.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};

use tower_lsp_server::ls_types::{
    self as lsp, ClientCapabilities, DiagnosticRelatedInformation, DidChangeWatchedFilesRegistrationOptions, FileChangeType,
    FileSystemWatcher, GlobPattern, Location, ProgressToken, Registration, SymbolInformation, Uri,
};

use super::config::Settings;
use super::log::{self, Level};
use super::server::Shared;
use super::{convert, panic_message};
use crate::ide::activation::{is_un_document, marker};
use crate::ide::Analysis;
use crate::text::{thousands, PositionEncoding, TextRange};
use crate::workspace::{DocKey, SymbolKind, Workspace};

/// Files larger than this are not indexed (a UN document is far smaller).
const MAX_FILE: u64 = 16 * 1024 * 1024;

/// The server's workspace index.
#[derive(Default)]
pub struct Index {
    ws: RwLock<Workspace>,
    /// The client can register a file watcher dynamically.
    dynamic_watchers: AtomicBool,
    /// The client shows work-done progress.
    progress: AtomicBool,
    /// Documents citing one that just changed, whose diagnostics are published again.
    dependents: std::sync::Mutex<Vec<String>>,
}

impl Index {
    pub fn read(&self) -> RwLockReadGuard<'_, Workspace> {
        self.ws.read().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn write(&self) -> RwLockWriteGuard<'_, Workspace> {
        self.ws.write().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Notes what the client can do (from `initialize`).
    pub fn client_capabilities(&self, caps: &ClientCapabilities) {
        let dynamic =
            caps.workspace.as_ref().and_then(|w| w.did_change_watched_files.as_ref()).and_then(|d| d.dynamic_registration).unwrap_or(false);
        self.dynamic_watchers.store(dynamic, Ordering::Release);
        let progress = caps.window.as_ref().and_then(|w| w.work_done_progress).unwrap_or(false);
        self.progress.store(progress, Ordering::Release);
    }

    /// Takes an open document's `earlier` analysis out of the index while
    /// the analysis of its next version updates it (see
    /// [`super::state::DocState::analysis`]), so that the update can own it;
    /// [`Index::open_document`] puts the new one in when it is done, and
    /// has the documents citing it published again. Meanwhile the others
    /// see the document as not indexed: no target in it, no diagnostic
    /// about their references into it.
    pub fn lend(&self, uri: &Uri, earlier: &Arc<Analysis>) {
        let key = uri.as_str();
        let mut ws = self.write();
        if ws.key(key).and_then(|k| ws.get(k)).is_some_and(|e| Arc::ptr_eq(&e.analysis, earlier)) {
            ws.remove(key);
        }
    }

    /// Puts the editor's analysis of an open document in the index (or
    /// takes it out, if it is not a UN document), and returns its
    /// diagnostics about references into the other documents.
    pub fn open_document(
        &self,
        uri: &Uri,
        a: &Arc<Analysis>,
        active: bool,
        enc: PositionEncoding,
        settings: &Settings,
    ) -> Vec<lsp::Diagnostic> {
        let key = uri.as_str();
        if !active {
            self.write().remove(key);
            return Vec::new();
        }
        let current = {
            let ws = self.read();
            ws.key(key).and_then(|k| ws.get(k)).is_some_and(|e| Arc::ptr_eq(&e.analysis, a))
        };
        if !current {
            let k = self.write().insert(key, Arc::clone(a));
            // Their references into this one may now resolve differently.
            let ws = self.read();
            let citing: Vec<String> = ws.citing(k).into_iter().filter_map(|c| Some(ws.get(c)?.path.clone())).collect();
            drop(ws);
            if let Ok(mut pending) = self.dependents.lock() {
                pending.extend(citing);
            }
        }
        let ws = self.read();
        let Some(k) = ws.key(key) else { return Vec::new() };
        cross_diagnostics(&ws, k, a, uri, enc, settings)
    }
}

/// Publishes again the diagnostics of the open documents that cite one that
/// changed (their analyses are kept; only their cross-document diagnostics
/// are computed again). A document re-published with the same analysis
/// does not set off its own dependents, so this ends.
pub fn republish_dependents(shared: &Arc<Shared>) {
    let pending = match shared.workspace.dependents.lock() {
        Ok(mut p) => std::mem::take(&mut *p),
        Err(_) => return,
    };
    let mut seen = HashSet::new();
    for uri in pending {
        if !seen.insert(uri.clone()) {
            continue;
        }
        let Ok(uri) = uri.parse::<Uri>() else { continue };
        if let Some(doc) = shared.docs.get(&uri) {
            super::publish::schedule(shared, uri, doc);
        }
    }
}

fn uri_of(ws: &Workspace, key: DocKey) -> Option<Uri> {
    ws.get(key)?.path.parse().ok()
}

fn cross_diagnostics(
    ws: &Workspace,
    key: DocKey,
    a: &Analysis,
    uri: &Uri,
    enc: PositionEncoding,
    settings: &Settings,
) -> Vec<lsp::Diagnostic> {
    ws.diagnostics(key, &settings.diagnostics)
        .into_iter()
        .map(|cd| {
            let mut d = convert::diagnostic(a, uri, &cd.diagnostic, enc);
            if let Some((doc, range, message)) = cd.related {
                if let (Some(other), Some(other_uri)) = (ws.get(doc), uri_of(ws, doc)) {
                    let location = convert::location(&other.analysis, &other_uri, range, enc);
                    d.related_information.get_or_insert_with(Vec::new).push(DiagnosticRelatedInformation { location, message });
                }
            }
            d
        })
        .collect()
}

/// Locations in documents of the workspace.
fn locations(ws: &Workspace, found: &[(DocKey, TextRange)], enc: PositionEncoding) -> Vec<Location> {
    found
        .iter()
        .filter_map(|&(doc, range)| {
            let e = ws.get(doc)?;
            Some(convert::location(&e.analysis, &uri_of(ws, doc)?, range, enc))
        })
        .collect()
}

/// The key of `uri`, after putting its current analysis `a` in the index.
fn refreshed(index: &Index, uri: &Uri, a: &Arc<Analysis>) -> Option<DocKey> {
    let key = uri.as_str();
    let ws = index.read();
    let k = ws.key(key)?;
    if ws.get(k).is_some_and(|e| Arc::ptr_eq(&e.analysis, a)) {
        return Some(k);
    }
    drop(ws);
    Some(index.write().insert(key, Arc::clone(a)))
}

/// Go to definition into another document of the workspace.
pub fn definition(index: &Index, uri: &Uri, a: &Arc<Analysis>, offset: usize, enc: PositionEncoding) -> Vec<Location> {
    let Some(k) = refreshed(index, uri, a) else { return Vec::new() };
    let ws = index.read();
    locations(&ws, &ws.definition(k, offset), enc)
}

/// Hover on a reference into another document of the workspace.
pub fn hover(index: &Index, uri: &Uri, a: &Arc<Analysis>, offset: usize, enc: PositionEncoding) -> Option<lsp::Hover> {
    let k = refreshed(index, uri, a)?;
    let ws = index.read();
    let h = ws.hover(k, offset)?;
    Some(convert::hover(a, &h, enc))
}

/// The same paragraph in the other language versions, for a hover on its number.
pub fn other_versions(index: &Index, uri: &Uri, a: &Arc<Analysis>, offset: usize) -> String {
    let Some(k) = refreshed(index, uri, a) else { return String::new() };
    index.read().other_versions_markdown(k, offset)
}

/// The source actions that move references to an earlier revision of a
/// draft to the latest one in the workspace (`workspace::revisions`).
pub fn revision_fixes(index: &Index, uri: &Uri, a: &Analysis, within: TextRange) -> Vec<crate::ide::edit::Fix> {
    let ws = index.read();
    ws.revision_fixes(ws.key(uri.as_str()), a, within)
}

/// The references in the other documents of the workspace.
pub fn references(index: &Index, uri: &Uri, a: &Arc<Analysis>, offset: usize, enc: PositionEncoding) -> Vec<Location> {
    let Some(k) = refreshed(index, uri, a) else { return Vec::new() };
    let ws = index.read();
    locations(&ws, &ws.find_references(k, offset), enc)
}

/// `workspace/symbol`.
#[allow(deprecated)] // `SymbolInformation::deprecated` must be given.
pub fn symbols(index: &Index, query: &str, enc: PositionEncoding) -> Vec<SymbolInformation> {
    let ws = index.read();
    ws.symbols(query, 200)
        .into_iter()
        .filter_map(|hit| {
            let e = ws.get(hit.doc)?;
            let uri = uri_of(&ws, hit.doc)?;
            let kind = match hit.kind {
                SymbolKind::Document => lsp::SymbolKind::FILE,
                SymbolKind::Annex => lsp::SymbolKind::MODULE,
                SymbolKind::Section => lsp::SymbolKind::NAMESPACE,
                SymbolKind::Paragraph => lsp::SymbolKind::STRING,
                SymbolKind::Article => lsp::SymbolKind::CLASS,
            };
            let container = uri.to_file_path().and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()));
            Some(SymbolInformation {
                name: hit.name,
                kind,
                tags: None,
                deprecated: None,
                location: convert::location(&e.analysis, &uri, hit.range, enc),
                container_name: container,
            })
        })
        .collect()
}

/// The `.md` and `.txt` files under `folders`, without following a link
/// out of them (or round in a loop), skipping hidden folders, `target` and
/// `node_modules`, in path order.
pub fn files_in(folders: &[PathBuf]) -> Vec<PathBuf> {
    let roots: Vec<PathBuf> = folders.iter().filter_map(|f| f.canonicalize().ok()).collect();
    let inside = |p: &Path| roots.iter().any(|r| p.starts_with(r));
    let mut seen: HashSet<PathBuf> = HashSet::new();
    let mut out = Vec::new();
    let mut stack: Vec<PathBuf> = roots.clone();
    while let Some(dir) = stack.pop() {
        if !seen.insert(dir.clone()) {
            continue;
        }
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for path in entries.into_iter().rev() {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.starts_with('.') || name == "target" || name == "node_modules" {
                continue;
            }
            let Ok(meta) = std::fs::symlink_metadata(&path) else { continue };
            // A link is followed only to where it stays inside a folder.
            let (real, meta) = if meta.file_type().is_symlink() {
                let Ok(real) = path.canonicalize() else { continue };
                if !inside(&real) {
                    continue;
                }
                let Ok(meta) = std::fs::metadata(&real) else { continue };
                (real, meta)
            } else {
                (path.clone(), meta)
            };
            if meta.is_dir() {
                stack.push(real);
            } else if meta.is_file()
                && meta.len() <= MAX_FILE
                && matches!(path.extension().and_then(|e| e.to_str()), Some("md" | "txt"))
                && seen.insert(real)
            {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Whether a file on disk is a document to index: the globs and the marker
/// force it, otherwise the `detect` setting and the text decide.
fn accepted(shared: &Shared, uri: &Uri, a: &Analysis, settings: &Settings) -> bool {
    if let Some(forced) = marker(&a.opening(5)) {
        return forced;
    }
    match shared.forced_by_globs(uri, settings) {
        Some(forced) => forced,
        None => is_un_document(a, settings.activation),
    }
}

/// Reads and analyses one file; `None` if it is not to be indexed.
fn read_one(shared: &Shared, path: &Path, settings: &Settings) -> Option<(Uri, Analysis)> {
    let uri = Uri::from_file_path(path)?;
    if shared.forced_by_globs(&uri, settings) == Some(false) {
        return None;
    }
    let text = std::fs::read_to_string(path).ok()?;
    let a = Analysis::new(text, settings.language, &settings.diagnostics);
    accepted(shared, &uri, &a, settings).then_some((uri, a))
}

/// Indexes the workspace folders in the background, with work-done progress.
pub fn start(shared: Arc<Shared>, folders: Vec<PathBuf>) {
    if folders.is_empty() {
        return;
    }
    tokio::spawn(async move {
        let files = match tokio::task::spawn_blocking(move || files_in(&folders)).await {
            Ok(files) => files,
            Err(e) => {
                log::stderr(Level::Error, &format!("workspace: listing the folders failed: {e}"));
                return;
            }
        };
        let total = files.len();
        let progress = if shared.workspace.progress.load(Ordering::Acquire) {
            let token = ProgressToken::String("rapporteur/indexing".to_string());
            match shared.client.create_work_done_progress(token.clone()).await {
                Ok(()) => Some(shared.client.progress(token, "Indexing").with_percentage(0).begin().await),
                Err(_) => None,
            }
        } else {
            None
        };
        let started = std::time::Instant::now();
        let workers = std::thread::available_parallelism().map_or(1, |p| p.get());
        let mut indexed = 0usize;
        for (n, chunk) in files.chunks(workers * 8).enumerate() {
            let chunk = chunk.to_vec();
            let task_shared = Arc::clone(&shared);
            let read = tokio::task::spawn_blocking(move || {
                let settings = task_shared.settings();
                let next = std::sync::atomic::AtomicUsize::new(0);
                let slots: Vec<std::sync::Mutex<Option<(Uri, Analysis)>>> = chunk.iter().map(|_| std::sync::Mutex::new(None)).collect();
                std::thread::scope(|scope| {
                    for _ in 0..workers {
                        scope.spawn(|| loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(path) = chunk.get(i) else { break };
                            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_one(&task_shared, path, &settings)));
                            match result {
                                Ok(found) => {
                                    if let Ok(mut slot) = slots[i].lock() {
                                        *slot = found;
                                    }
                                }
                                Err(panic) => log::stderr(
                                    Level::Error,
                                    &format!("workspace: analysing {} failed: {}", path.display(), panic_message(&*panic)),
                                ),
                            }
                        });
                    }
                });
                slots.into_iter().filter_map(|s| s.into_inner().ok().flatten()).collect::<Vec<_>>()
            })
            .await;
            let Ok(read) = read else { continue };
            {
                let mut ws = shared.workspace.write();
                for (uri, a) in read {
                    // An open document is indexed with the editor's text.
                    if shared.docs.get(&uri).is_some() && ws.key(uri.as_str()).is_some() {
                        continue;
                    }
                    ws.insert(uri.as_str(), Arc::new(a));
                    indexed += 1;
                }
            }
            let done = ((n + 1) * workers * 8).min(total);
            if let Some(p) = &progress {
                let percent = (done * 100).checked_div(total).unwrap_or(100) as u32;
                p.report_with_message(format!("{}/{} drafts", thousands(done), thousands(total)), percent).await;
            }
        }
        if let Some(p) = progress {
            p.finish_with_message(format!("{} documents indexed", thousands(indexed))).await;
        }
        let msg = format!("workspace: {indexed} of {total} files indexed in {:?}", started.elapsed());
        shared.log(Level::Info, msg).await;
        register_watcher(&shared).await;
    });
}

/// Asks the client to watch the `.md` and `.txt` files, where it can be asked.
async fn register_watcher(shared: &Shared) {
    if !shared.workspace.dynamic_watchers.load(Ordering::Acquire) {
        return;
    }
    let options = DidChangeWatchedFilesRegistrationOptions {
        watchers: vec![FileSystemWatcher { glob_pattern: GlobPattern::String("**/*.{md,txt}".to_string()), kind: None }],
    };
    let registration = Registration {
        id: "rapporteur/watch".to_string(),
        method: "workspace/didChangeWatchedFiles".to_string(),
        register_options: serde_json::to_value(options).ok(),
    };
    if let Err(e) = shared.client.register_capability(vec![registration]).await {
        log::stderr(Level::Warn, &format!("workspace: the client did not register the file watcher: {e}"));
    }
}

/// `workspace/didChangeWatchedFiles`: re-reads created and changed files
/// (not open ones: the editor's text wins), drops deleted ones.
pub async fn files_changed(shared: &Arc<Shared>, changes: Vec<lsp::FileEvent>, folders: Vec<PathBuf>) {
    let roots: Vec<PathBuf> = folders.iter().filter_map(|f| f.canonicalize().ok()).collect();
    for change in changes {
        let uri = change.uri;
        if shared.docs.get(&uri).is_some() {
            continue;
        }
        if change.typ == FileChangeType::DELETED {
            shared.workspace.write().remove(uri.as_str());
            continue;
        }
        let Some(path) = uri.to_file_path().map(|p| p.into_owned()) else { continue };
        // Inside a folder, by its real path.
        let Ok(real) = path.canonicalize() else { continue };
        if !roots.iter().any(|r| real.starts_with(r)) {
            continue;
        }
        let task_shared = Arc::clone(shared);
        let read = tokio::task::spawn_blocking(move || {
            let settings = task_shared.settings();
            let small = std::fs::metadata(&real).is_ok_and(|m| m.is_file() && m.len() <= MAX_FILE);
            small.then(|| read_one(&task_shared, &path, &settings)).flatten()
        })
        .await;
        match read {
            Ok(Some((uri, a))) => {
                shared.workspace.write().insert(uri.as_str(), Arc::new(a));
            }
            _ => {
                shared.workspace.write().remove(uri.as_str());
            }
        }
    }
}
