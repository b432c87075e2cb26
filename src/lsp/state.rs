//! The open documents. Each is an immutable snapshot ([`DocState`]: version,
//! text as a rope, the settings it is analysed with, and its analysis once
//! computed) behind an `Arc`; an edit makes a new snapshot and replaces the
//! old one. The store hands out `Arc` clones only, never a map guard, so no
//! guard can be held across an `.await`.

use std::sync::{Arc, OnceLock};

use dashmap::DashMap;
use ropey::Rope;
use tower_lsp_server::ls_types::Uri;

use super::config::Settings;
use super::Analyzer;
use crate::ide::Analysis;

/// One version of one open document.
pub struct DocState {
    pub version: i32,
    pub rope: Rope,
    pub settings: Arc<Settings>,
    /// The analysis of exactly this text and these settings, computed once
    /// by whoever needs it first (the diagnostics publisher or a request).
    analysis: OnceLock<Arc<Analysis>>,
}

impl DocState {
    pub fn new(version: i32, rope: Rope, settings: Arc<Settings>) -> DocState {
        DocState { version, rope, settings, analysis: OnceLock::new() }
    }

    /// The same text and version under other settings (not yet analysed).
    pub fn with_settings(&self, settings: Arc<Settings>) -> DocState {
        DocState::new(self.version, self.rope.clone(), settings)
    }

    pub fn text(&self) -> String {
        let mut s = String::with_capacity(self.rope.len_bytes());
        for chunk in self.rope.chunks() {
            s.push_str(chunk);
        }
        s
    }

    pub fn cached_analysis(&self) -> Option<Arc<Analysis>> {
        self.analysis.get().cloned()
    }

    /// The analysis of this snapshot, computing it if nobody has yet. Blocks
    /// (a concurrent caller waits for the first); call it off the async
    /// runtime. A panic in the analyzer propagates and leaves it uncomputed.
    pub fn analysis(&self, analyzer: &Analyzer) -> Arc<Analysis> {
        self.analysis
            .get_or_init(|| {
                let text: Arc<str> = Arc::from(self.text());
                Arc::new(analyzer(text, self.settings.language, &self.settings.diagnostics))
            })
            .clone()
    }
}

/// The open documents by URI.
#[derive(Default)]
pub struct DocStore {
    docs: DashMap<Uri, Arc<DocState>>,
}

impl DocStore {
    pub fn get(&self, uri: &Uri) -> Option<Arc<DocState>> {
        self.docs.get(uri).map(|entry| Arc::clone(entry.value()))
    }

    /// Opens (or reopens) a document.
    pub fn replace(&self, uri: Uri, doc: Arc<DocState>) {
        self.docs.insert(uri, doc);
    }

    pub fn remove(&self, uri: &Uri) -> Option<Arc<DocState>> {
        self.docs.remove(uri).map(|(_, doc)| doc)
    }

    /// Replaces the snapshot of `uri` by `make(current)`, atomically: no
    /// other update of the same document can come in between. `make` runs
    /// under the map's lock and must not block. `None` if `uri` is not open.
    pub fn update<T>(&self, uri: &Uri, make: impl FnOnce(&DocState) -> (DocState, T)) -> Option<(Arc<DocState>, T)> {
        let mut entry = self.docs.get_mut(uri)?;
        let (next, out) = make(entry.value());
        let next = Arc::new(next);
        *entry.value_mut() = Arc::clone(&next);
        Some((next, out))
    }

    /// True while `doc` is the document's latest snapshot (the version gate).
    pub fn is_current(&self, uri: &Uri, doc: &Arc<DocState>) -> bool {
        self.docs.get(uri).is_some_and(|entry| Arc::ptr_eq(entry.value(), doc))
    }

    pub fn uris(&self) -> Vec<Uri> {
        self.docs.iter().map(|entry| entry.key().clone()).collect()
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }
}
