//! The open documents. Each is an immutable snapshot ([`DocState`]: version,
//! text ([`DocText`]: shared with the analysis of an earlier version, with
//! the edits since), the settings it is analysed with, and its analysis once
//! computed) behind an `Arc`; an edit makes a new snapshot and replaces the
//! old one. The store hands out `Arc` clones only, never a map guard, so no
//! guard can be held across an `.await`.

use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::time::Duration;

use dashmap::DashMap;
use tower_lsp_server::ls_types::Uri;

use super::config::Settings;
use super::doc_text::DocText;
use super::log::{self, Level};
use super::workspace::Index;
use super::Analyzer;
use crate::ide::drift::{self, Citations, Drift};
use crate::ide::Analysis;
use crate::syntax::mask::Source;
use crate::text::Unchanged;

/// One version of one open document.
pub struct DocState {
    pub version: i32,
    /// Opened with the language id `un-outcome`: always a UN document.
    pub un_outcome: bool,
    /// Matched by the `exclude` (`Some(false)`) or `include` (`Some(true)`)
    /// globs of the settings it is analysed with.
    pub forced: Option<bool>,
    /// The text, made whole by the first analysis of this version (behind a
    /// lock for that moment: see [`DocState::shared_source`]), and whether
    /// the diagnostics publisher has claimed this version for analysis or a
    /// next version has been made from it (see [`DocState::claim`]).
    text: Mutex<TextSlot>,
    /// Signalled when a claim ends: the text made whole, or the analysis
    /// over without making it.
    claim_ended: Condvar,
    pub settings: Arc<Settings>,
    /// Shared by every version of the document: whether an analysis for
    /// diagnostics is running and the latest snapshot waiting for it to end
    /// (see [`super::publish`]), so that one document never has two of them
    /// competing for the cores and a burst of edits costs one more analysis.
    pub lane: Arc<Mutex<Lane>>,
    /// The server's text may differ from the client's (a change could not
    /// be read): nothing is published for it until a `didOpen` or a change
    /// replacing the whole text.
    pub diverged: bool,
    /// Shared by every version of the document: what its references cited
    /// in the version published last, to tell reference drift.
    pub drift: Arc<Mutex<DriftTracker>>,
    /// The analysis of exactly this text and these settings, computed once
    /// by whoever needs it first (the diagnostics publisher or a request).
    analysis: OnceLock<Arc<Analysis>>,
    /// The latest analysis of an earlier version, which the analysis of this
    /// one updates (see [`BasisSlot`]); let go of once that is computed.
    basis: Arc<BasisSlot>,
    /// What the edits from the text of the snapshot that made `basis` to
    /// this one's text left alone at its two ends ([`Unchanged::ALL`] for
    /// that snapshot itself).
    since: Unchanged,
}

/// A version's text and what its claim stands at.
struct TextSlot {
    text: DocText,
    /// The publisher is analysing this version and has not made its text
    /// whole yet.
    claimed: bool,
    /// A next version has been made from this one.
    superseded: bool,
}

impl TextSlot {
    fn new(text: DocText) -> TextSlot {
        TextSlot { text, claimed: false, superseded: false }
    }
}

/// How long a next version waits for a claimed version's text at most.
const CLAIM_WAIT: Duration = Duration::from_secs(2);

/// The publisher's claim on a version ([`DocState::claim`]); ends when its
/// text is made whole, or when this is dropped (the analysis over, or a
/// panic unwinding).
pub struct Claim<'a> {
    doc: &'a DocState,
}

impl Drop for Claim<'_> {
    fn drop(&mut self) {
        let mut slot = self.doc.locked_text();
        self.doc.end_claim(&mut slot);
    }
}

/// The analysis of an earlier version that a snapshot not analysed yet
/// will update, with what the edits from its text to the text of the
/// snapshot that made the slot left alone at the two ends (the update then
/// compares only the bytes between).
///
/// The snapshots made one after another while none of them was analysed
/// share one slot, and the first of them to be analysed takes the analysis
/// out of it under its lock: so in a burst of typing one earlier analysis
/// is never held by two snapshots at once, which would make the update that
/// takes it copy its buffers instead of moving them (at 10 MB, tens of
/// milliseconds and a second copy of the document). The others find the
/// slot empty and are offered the new analysis when it is done
/// ([`DocState::offer_basis`]).
pub type BasisSlot = Mutex<Option<(Arc<Analysis>, Unchanged)>>;

impl DocState {
    /// A document just opened.
    pub fn open(version: i32, text: DocText, settings: Arc<Settings>) -> DocState {
        DocState {
            version,
            un_outcome: false,
            forced: None,
            text: Mutex::new(TextSlot::new(text)),
            claim_ended: Condvar::new(),
            settings,
            lane: Arc::default(),
            diverged: false,
            drift: Arc::default(),
            analysis: OnceLock::new(),
            basis: Arc::default(),
            since: Unchanged::ALL,
        }
    }

    /// Whether diagnostics and highlighting apply to this document, by the
    /// first of: a marker in its first lines, the language `un-outcome`
    /// (on), the `exclude` globs (off), the `include` globs (on), the
    /// `detect` setting (`always`, `never`), its text (see
    /// [`crate::ide::activation`]).
    pub fn is_active(&self, analysis: &Analysis) -> bool {
        use crate::ide::activation::{is_un_document, marker};
        if let Some(marked) = marker(&analysis.opening(5)) {
            return marked;
        }
        if self.un_outcome {
            return true;
        }
        match self.forced {
            Some(forced) => forced,
            None => is_un_document(analysis, self.settings.activation),
        }
    }

    /// The next version of this document, with the text `text`; `edits`:
    /// what the edits from this version's text left alone at its ends.
    pub fn edited(&self, version: i32, text: DocText, edits: Unchanged) -> DocState {
        let (basis, since) = self.basis_after(edits);
        DocState {
            version,
            un_outcome: self.un_outcome,
            forced: self.forced,
            text: Mutex::new(TextSlot::new(text)),
            claim_ended: Condvar::new(),
            settings: Arc::clone(&self.settings),
            lane: Arc::clone(&self.lane),
            diverged: self.diverged,
            drift: Arc::clone(&self.drift),
            analysis: OnceLock::new(),
            basis,
            since,
        }
    }

    /// The same text and version under other settings (not yet analysed),
    /// forced on or off by their globs as `forced` says.
    pub fn with_settings(&self, settings: Arc<Settings>, forced: Option<bool>) -> DocState {
        let (basis, since) = self.basis_after(Unchanged::ALL);
        DocState {
            version: self.version,
            un_outcome: self.un_outcome,
            forced,
            text: Mutex::new(TextSlot::new(self.next_text())),
            claim_ended: Condvar::new(),
            settings,
            lane: Arc::clone(&self.lane),
            diverged: self.diverged,
            drift: Arc::clone(&self.drift),
            analysis: OnceLock::new(),
            basis,
            since,
        }
    }

    /// This version's text (a copy of its handles: see [`DocText`]), to make
    /// the next version's from: this version is superseded from then on
    /// ([`DocState::claim`] fails). If the publisher has claimed it, waits
    /// until its text is made whole, so that the next version shares the
    /// new text, not the earlier one that the copy gives back as it goes
    /// (a text shared with a newer version cannot be given back: at 10 MB,
    /// a second copy at the peak of a burst of keystrokes).
    pub fn next_text(&self) -> DocText {
        let mut slot = self.locked_text();
        slot.superseded = true;
        let waited = std::time::Instant::now();
        while slot.claimed {
            let left = CLAIM_WAIT.saturating_sub(waited.elapsed());
            if left.is_zero() {
                // (a safeguard: the claimed analysis makes the text whole within milliseconds)
                log::stderr(Level::Debug, &format!("version {}: the next version made without waiting for its text", self.version));
                break;
            }
            slot = self.claim_ended.wait_timeout(slot, left).unwrap_or_else(|poisoned| poisoned.into_inner()).0;
        }
        slot.text.clone()
    }

    /// Claims this version for the diagnostics publisher's analysis, unless
    /// a next version has been made from it. Until the claim ends (the text
    /// made whole by [`DocState::shared_source`], or the claim dropped), a
    /// next version waits for the text in [`DocState::next_text`].
    pub fn claim(&self) -> Option<Claim<'_>> {
        let mut slot = self.locked_text();
        if slot.superseded {
            return None;
        }
        slot.claimed = true;
        Some(Claim { doc: self })
    }

    fn end_claim(&self, slot: &mut TextSlot) {
        if slot.claimed {
            slot.claimed = false;
            self.claim_ended.notify_all();
        }
    }

    fn locked_text(&self) -> std::sync::MutexGuard<'_, TextSlot> {
        // (the lock is held across no code that panics but on a broken
        // invariant of `DocText::make_whole`; should it, the text may then be
        // unreadable, each request or change reading it answered with an
        // error, until the document is opened again)
        self.text.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn text(&self) -> String {
        let slot = self.locked_text();
        slot.text.slice(0..slot.text.len()).into_owned()
    }

    /// The text as the analysis takes it, in one allocation, which this
    /// version keeps from then on. The first call makes it from the text of
    /// an earlier version and the edits since; called once the analysis of
    /// that version has let go of its text (see
    /// [`Analysis::into_update_making`]), it gives back each part of that
    /// text as it copies it, so the two are never resident at once. A
    /// change to the next version waits for it (at 10 MB, a few
    /// milliseconds).
    pub fn shared_source(&self) -> Source {
        let mut slot = self.locked_text();
        let source = slot.text.make_whole();
        self.end_claim(&mut slot);
        source
    }

    pub fn cached_analysis(&self) -> Option<Arc<Analysis>> {
        self.analysis.get().cloned()
    }

    /// Gives this snapshot, if it has not been analysed and has nothing to
    /// update, the analysis of `earlier` (a snapshot of an earlier version)
    /// to update: a snapshot made while that analysis was running could not
    /// take it (see [`super::publish`]), and analysing it afresh would cost
    /// a 10-MB document a second.
    /// True if it took it.
    pub fn offer_basis(&self, earlier: &DocState, analysis: Arc<Analysis>) -> bool {
        if self.analysis.get().is_some() {
            return false;
        }
        // Sharing the slot, both texts were edited from the text of the
        // snapshot that made it: what both edits left alone is unchanged
        // between them (the update composes it with `self.since`).
        let unchanged = if Arc::ptr_eq(&self.basis, &earlier.basis) { earlier.since } else { Unchanged::NOTHING };
        match self.basis.lock() {
            Ok(mut basis) if basis.is_none() => {
                *basis = Some((analysis, unchanged));
                true
            }
            _ => false,
        }
    }

    /// The basis of the next snapshot, whose text `edits` made from this
    /// one's: a new slot holding this snapshot's analysis if it has been
    /// computed, else this snapshot's own slot (the first of the two to be
    /// analysed takes what it holds).
    fn basis_after(&self, edits: Unchanged) -> (Arc<BasisSlot>, Unchanged) {
        match self.cached_analysis() {
            Some(analysis) => (Arc::new(Mutex::new(Some((analysis, edits)))), Unchanged::ALL),
            None => (Arc::clone(&self.basis), self.since.and(edits)),
        }
    }

    /// The analysis of this snapshot, computing it if nobody has yet. Blocks
    /// (a concurrent caller waits for the first); call it off the async
    /// runtime. A panic in the analyzer propagates and leaves it uncomputed.
    /// The workspace `index` (where this is document `uri`) lends out the
    /// earlier analysis about to be updated: an update that owns it edits
    /// its buffers in place instead of copying them (at 10 MB, tens of
    /// milliseconds and a second copy of the document).
    pub fn analysis(&self, analyzer: &Analyzer, index: &Index, uri: &Uri) -> Arc<Analysis> {
        self.analysis
            .get_or_init(|| {
                let started = std::time::Instant::now();
                // (made whole once the basis has let go of its text)
                let text = || self.shared_source();
                let (basis, unchanged) = match self.basis.lock().ok().and_then(|mut b| b.take()) {
                    Some((basis, unchanged)) => (Some(basis), unchanged.and(self.since)),
                    None => (None, Unchanged::NOTHING),
                };
                if let Some(basis) = &basis {
                    index.lend(uri, basis);
                }
                let how = match &basis {
                    None => "afresh",
                    Some(basis) if Arc::strong_count(basis) == 1 => "as an update of the earlier analysis, moved",
                    Some(_) => "as an update of the earlier analysis, copied (it is still in use)",
                };
                let analysis = analyzer(&text, self.settings.language, &self.settings.diagnostics, basis, unchanged);
                if log::enabled(Level::Debug) {
                    let reused = if analysis.references_reused() { ", references away from the edit reused" } else { "" };
                    log::stderr(Level::Debug, &format!("version {} analysed {how} in {:?}{reused}", self.version, started.elapsed()));
                }
                Arc::new(analysis)
            })
            .clone()
    }
}

/// What the references of a document cited in the version published
/// last, and the drift found in it ([`crate::ide::drift`]).
#[derive(Default)]
pub struct DriftTracker {
    citations: Option<Citations>,
    latest: Option<Arc<Vec<Drift>>>,
}

impl DocState {
    /// Compares `analysis` (of this snapshot, being published) with the
    /// version published before, and keeps it for the next comparison.
    pub fn track_drift(&self, analysis: &Analysis) -> Arc<Vec<Drift>> {
        let mut tracker = self.drift.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let (mut citations, drifts) = drift::track(tracker.citations.as_ref(), analysis, &self.settings.diagnostics);
        // (the next version's analysis updates this one, or an update of it)
        citations.hold_text_weakly();
        let drifts = Arc::new(drifts);
        tracker.citations = Some(citations);
        tracker.latest = Some(Arc::clone(&drifts));
        drifts
    }

    /// The drift in `analysis` (of this snapshot): what its publication
    /// found, or, for a version not published yet, a comparison with the
    /// version published last (not kept).
    pub fn drift_in(&self, analysis: &Analysis) -> Arc<Vec<Drift>> {
        let tracker = self.drift.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        match (&tracker.citations, &tracker.latest) {
            (Some(c), Some(latest)) if c.generation() == analysis.generation() => Arc::clone(latest),
            (previous, _) => Arc::new(drift::track(previous.as_ref(), analysis, &self.settings.diagnostics).1),
        }
    }
}

/// The diagnostics lane of a document.
#[derive(Default)]
pub struct Lane {
    /// An analysis for diagnostics is running (a task owns the lane).
    pub running: bool,
    /// The latest snapshot that arrived meanwhile, analysed next.
    pub pending: Option<Arc<DocState>>,
}

/// Lets go of a snapshot on a blocking thread: freeing the analysis of a
/// large document takes milliseconds (about 17 ms at 10 MB), which an async
/// worker, or an edit waiting behind it, should not spend. Whoever holds the
/// last reference frees it there, wherever the others were dropped.
pub fn release<T: Send + Sync + 'static>(value: Arc<T>) {
    tokio::task::spawn_blocking(move || drop(value));
}

/// Lets go of a snapshot: at once when it was never analysed and the
/// earlier analysis it would update is another snapshot's too (dropping it
/// then frees only its handles on the text), else on a blocking thread
/// ([`release`]). A superseded snapshot whose drop waited for a blocking
/// thread still held the earlier text when the next analysis made its own
/// text whole, and that copy could not give the earlier text back.
pub fn let_go(doc: Arc<DocState>) {
    let cheap = doc.analysis.get().is_none() && (Arc::strong_count(&doc.basis) > 1 || doc.basis.lock().is_ok_and(|basis| basis.is_none()));
    if cheap {
        drop(doc);
    } else {
        release(doc);
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

    /// Opens (or reopens) a document; returns the snapshot it replaces.
    pub fn replace(&self, uri: Uri, doc: Arc<DocState>) -> Option<Arc<DocState>> {
        self.docs.insert(uri, doc)
    }

    pub fn remove(&self, uri: &Uri) -> Option<Arc<DocState>> {
        self.docs.remove(uri).map(|(_, doc)| doc)
    }

    /// Replaces the snapshot of `uri` by `make(current)`, atomically: no
    /// other update of the same document can come in between. `make` runs
    /// under the map's lock and must not block. Returns the new snapshot,
    /// what `make` returned, and the old snapshot; `None` if `uri` is not open.
    pub fn update<T>(&self, uri: &Uri, make: impl FnOnce(&DocState) -> (DocState, T)) -> Option<(Arc<DocState>, T, Arc<DocState>)> {
        let mut entry = self.docs.get_mut(uri)?;
        let (next, out) = make(entry.value());
        let next = Arc::new(next);
        let old = std::mem::replace(entry.value_mut(), Arc::clone(&next));
        Some((next, out, old))
    }

    /// True while `doc` is the document's latest snapshot (the version gate).
    pub fn is_current(&self, uri: &Uri, doc: &Arc<DocState>) -> bool {
        self.docs.get(uri).is_some_and(|entry| Arc::ptr_eq(entry.value(), doc))
    }

    /// [`DocStore::is_current`] for a snapshot the caller may have let go
    /// of (a `Weak` keeps its address from being reused).
    pub fn is_current_snapshot(&self, uri: &Uri, doc: &std::sync::Weak<DocState>) -> bool {
        self.docs.get(uri).is_some_and(|entry| std::ptr::eq(Arc::as_ptr(entry.value()), doc.as_ptr()))
    }

    pub fn uris(&self) -> Vec<Uri> {
        self.docs.iter().map(|entry| entry.key().clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shared_text_is_the_edited_text_and_is_kept() {
        let mut text: String = (0..3000).map(|i| format!("{i}. 段落 paragraph 😀\n")).collect();
        let mut doc_text = DocText::new(Source::of(&Arc::from(text.as_str())));
        let at = text.char_indices().nth(17).map_or(text.len(), |(i, _)| i);
        doc_text.edit(at, at, "é中");
        text.insert_str(at, "é中");
        let doc = DocState::open(0, doc_text, Arc::default());
        let shared = doc.shared_source();
        assert!(*shared.whole() == *text, "the shared text differs from the edited text");
        assert!(Arc::ptr_eq(shared.masked(), doc.shared_source().masked()), "the text made whole is kept, not made again");
        assert_eq!(doc.text(), text);
        assert_eq!(&*DocState::open(0, DocText::default(), Arc::default()).shared_source().whole(), "");
    }

    /// A version whose text has an edit since its base (so that making it
    /// whole makes a new source), and its text.
    fn edited_version() -> (DocState, String) {
        let mut text: String = (0..2000).map(|i| format!("{i}. 段落 paragraph\n")).collect();
        let mut doc_text = DocText::new(Source::of(&Arc::from(text.as_str())));
        doc_text.edit(40, 40, "中");
        text.insert(40, '中');
        (DocState::open(0, doc_text, Arc::default()), text)
    }

    /// The next version's text of `doc` (claimed), asked for on a thread of
    /// `scope`: still waiting a while later.
    fn next_text_waiting<'scope>(
        scope: &'scope std::thread::Scope<'scope, '_>,
        doc: &'scope DocState,
    ) -> std::thread::ScopedJoinHandle<'scope, DocText> {
        let next = scope.spawn(|| doc.next_text());
        std::thread::sleep(Duration::from_millis(100));
        assert!(!next.is_finished(), "the next version's text was taken while the claimed one was not made whole");
        next
    }

    #[test]
    fn a_next_version_waits_for_the_claimed_text_and_shares_it_made_whole() {
        let (doc, text) = edited_version();
        let claim = doc.claim().expect("a version nothing was made from can be claimed");
        std::thread::scope(|scope| {
            let next = next_text_waiting(scope, &doc);
            let made = doc.shared_source();
            let next = DocState::open(1, next.join().expect("no panic"), Arc::default());
            // (no edit since: the next version's text is the source made whole, not a copy of its own)
            assert!(Arc::ptr_eq(next.shared_source().masked(), made.masked()), "the next version does not share the text made whole");
            assert_eq!(next.text(), text);
        });
        drop(claim);
        assert!(doc.claim().is_none(), "a version a next one was made from is superseded");
    }

    #[test]
    fn a_claim_dropped_without_making_the_text_whole_lets_the_next_version_go_on() {
        let (doc, text) = edited_version();
        let claim = doc.claim().expect("a version nothing was made from can be claimed");
        std::thread::scope(|scope| {
            let next = next_text_waiting(scope, &doc);
            let started = std::time::Instant::now();
            drop(claim);
            let next = next.join().expect("no panic");
            assert!(started.elapsed() < CLAIM_WAIT / 2, "the next version waited for the safeguard's time, not the claim's end");
            assert_eq!(DocState::open(1, next, Arc::default()).text(), text);
        });
    }

    #[test]
    fn a_superseded_snapshot_never_analysed_is_let_go_of_at_once() {
        let (doc, _) = edited_version();
        let next = doc.edited(1, doc.next_text(), Unchanged::ALL);
        let doc = Arc::new(doc);
        let weak = Arc::downgrade(&doc);
        // (no tokio runtime here: `release` would panic spawning its blocking task)
        let_go(doc);
        assert!(weak.upgrade().is_none(), "the superseded snapshot (and its handles on the earlier text) is still held");
        assert!(Arc::strong_count(&next.basis) == 1, "the next snapshot holds the basis slot alone");
    }

    #[test]
    fn an_unclaimed_version_gives_its_text_at_once() {
        let (doc, text) = edited_version();
        let started = std::time::Instant::now();
        let next = doc.next_text();
        assert!(started.elapsed() < CLAIM_WAIT / 2);
        assert_eq!(DocState::open(1, next, Arc::default()).text(), text);
        assert!(doc.claim().is_none());
    }
}
