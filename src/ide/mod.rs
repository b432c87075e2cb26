//! Editor features over one analysed document, in editor terms (byte
//! offsets, ranges, strings), with no protocol types: go to definition,
//! hover, find references, outline, folding, links. [`Analysis`] is an
//! immutable snapshot; the server shares it behind an `Arc`.

pub mod activation;
pub mod annotations;
pub mod drift;
pub mod edit;
pub mod fixes;
pub mod highlight;
pub mod negotiation;
mod original;
pub mod renumber;
pub mod reuse;
pub mod semantic_tokens;
pub mod warm_up;

pub use original::OriginalText;

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use crate::diagnostics::{self, Diagnostic, DiagnosticsConfig};
use crate::lang::{self, Language};
use crate::model::{self, ExternalKind, RefKind, Reference, Status};
use crate::syntax::mask::Source;
use crate::syntax::{self, Document, NodeId, NodeKind};
use crate::text::{LineCol, LineIndex, PositionEncoding, TextChange, TextRange, Unchanged};

/// A document and everything known about it.
pub struct Analysis {
    pub text: OriginalText,
    pub line_index: LineIndex,
    pub document: Document,
    pub references: Vec<Reference>,
    pub diagnostics: Vec<Diagnostic>,
    /// What the parse and the reference finder keep for [`Analysis::update`].
    reuse: syntax::Reuse,
    reference_reuse: model::find::Reuse,
    /// Made by [`Analysis::update`] with the references away from the edit reused.
    references_reused: bool,
    /// The language detected from the text (`None`: given by the caller).
    detected: Option<Language>,
    /// The user's additions to the negotiation words (from the config).
    vocabulary: Arc<crate::negotiation::Vocabulary>,
    /// The severities the diagnostics were made with (from the config).
    overrides: std::collections::HashMap<diagnostics::Code, Option<diagnostics::Severity>>,
    /// The resolver's index of the tree, kept while updates keep the tree's
    /// shape (made on the first such update).
    resolver: Option<Arc<model::resolve::ResolverIndex>>,
    /// Made by [`Analysis::update`] with diagnostics kept from the version
    /// before (see [`reuse`]).
    diagnostics_kept: reuse::KeptDiagnostics,
    /// The negotiation markup (with the words of `vocabulary`), kept for
    /// the next update (see `negotiation::reread`).
    markup: crate::negotiation::Reading,
    /// This analysis among all made in the process (see [`Analysis::change_since`]).
    generation: u64,
    /// The analysis this one updated (its generation) and the change from
    /// its text to this one's, then the one that one updated and the change
    /// since it, and so on (at most [`LINEAGE`], nearest first).
    lineage: Vec<(u64, TextChange)>,
}

/// How many earlier analyses an analysis knows the change since
/// ([`Analysis::change_since`]): reference drift compares a version with
/// the one published last, and in a burst of typing the versions between
/// were analysed but not published.
const LINEAGE: usize = 8;

/// The most bytes of the text before an edit that
/// [`Analysis::into_update_making`] keeps in place of that text.
pub const KEPT_MIDDLE: usize = 64 * 1024;

/// A new [`Analysis::generation`].
fn next_generation() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// The analysis an update starts from: borrowed (its parts are copied) or
/// owned (its parts are moved).
enum Previous<'a> {
    Shared(&'a Analysis),
    Owned(Box<Analysis>),
}

impl Previous<'_> {
    fn get(&self) -> &Analysis {
        match self {
            Previous::Shared(a) => a,
            Previous::Owned(a) => a,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hover {
    pub range: TextRange,
    pub markdown: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutlineItem {
    pub name: String,
    pub detail: Option<String>,
    pub kind: NodeKind,
    pub eid: String,
    pub range: TextRange,
    pub selection_range: TextRange,
    pub children: Vec<OutlineItem>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FoldKind {
    Region,
    Comment,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fold {
    pub range: TextRange,
    pub kind: FoldKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub range: TextRange,
    pub target: String,
    pub tooltip: String,
}

impl Analysis {
    /// What the analysis keeps for the next update, by part, taken out to be
    /// dropped and counted (`cargo bench --bench memory`).
    #[doc(hidden)]
    pub fn take_kept_parts(&mut self) -> Vec<(&'static str, Box<dyn std::any::Any>)> {
        let mut parts = self.reuse.take_parts();
        parts.push(("reference finder's spans", Box::new(self.reference_reuse.take_heading_spans())));
        parts.push(("negotiation markup", Box::new(std::mem::take(&mut self.markup))));
        parts.push(("resolver index", Box::new(self.resolver.take())));
        parts
    }

    /// Analyses `text`. With `language` `None` the language is detected.
    pub fn new(text: impl Into<Arc<str>>, language: Option<Language>, config: &DiagnosticsConfig) -> Analysis {
        Analysis::of(OriginalText::of(text.into()), language, config)
    }

    /// Analyses the text of `source` (masked already, the markup aside):
    /// the text is made whole only if something reads it whole.
    pub fn from_source(source: Source, language: Option<Language>, config: &DiagnosticsConfig) -> Analysis {
        Analysis::of(OriginalText::from_source(source), language, config)
    }

    fn of(text: OriginalText, language: Option<Language>, config: &DiagnosticsConfig) -> Analysis {
        let detected = language.is_none().then(|| detect(&text));
        // (one of the two is set)
        let language = language.or(detected).unwrap_or(Language::En);
        // (the line starts are the masked text's: no markup spans a line end)
        let (document, reuse) = syntax::parse_source(text.source(), language);
        // (the line feeds the parse found: the text is not searched again)
        let line_index = LineIndex::with_line_feeds(text.source().masked(), reuse.line_feeds());
        // (the resolver's index is kept for the updates that keep the tree)
        let (references, reference_reuse, resolver) = model::references_keeping_given(&document, Some(reuse.line_feeds()));
        let markup = crate::negotiation::Reading::new(&document.masked, language, &config.negotiation);
        let diagnostics = diagnostics::check_keeping(&document, &references, config, Vec::new(), diagnostics::Kept::default(), &markup);
        let vocabulary = Arc::new(config.negotiation.clone());
        Analysis {
            text,
            line_index,
            document,
            references,
            diagnostics,
            reuse,
            reference_reuse,
            references_reused: false,
            detected,
            vocabulary,
            overrides: config.overrides.clone(),
            resolver: Some(Arc::new(resolver)),
            diagnostics_kept: reuse::KeptDiagnostics::default(),
            markup,
            generation: next_generation(),
            lineage: Vec::new(),
        }
    }

    /// Analyses `text`, a later version of this analysis's text: the same
    /// result as [`Analysis::new`], computed faster by reusing what lies
    /// away from the change (see [`syntax::reparse`] and
    /// [`model::references_after`]). The text may differ anywhere; the
    /// change is found by comparing the two versions.
    pub fn update(&self, text: impl Into<Arc<str>>, language: Option<Language>, config: &DiagnosticsConfig) -> Analysis {
        self.update_outside(text.into(), Unchanged::NOTHING, language, config)
    }

    /// [`Analysis::update`] that takes this analysis, and moves (rather than
    /// copies) the parts it reuses: its lines, tree and references.
    pub fn into_update(self, text: impl Into<Arc<str>>, language: Option<Language>, config: &DiagnosticsConfig) -> Analysis {
        self.into_update_outside(text.into(), Unchanged::NOTHING, language, config)
    }

    /// [`Analysis::update`] told which ends of the text the edits since this
    /// analysis left alone (the editor knows where it edited): only the
    /// bytes between are compared to find the change.
    pub fn update_outside(&self, text: Arc<str>, known: Unchanged, language: Option<Language>, config: &DiagnosticsConfig) -> Analysis {
        let (change, old_line_feed) = self.change_to(&text, known);
        let (new, old_window) = self.next_text(text, change);
        Analysis::update_from(Previous::Shared(self), new, change, old_line_feed, &old_window, language, config)
    }

    /// [`Analysis::into_update`] told what [`Analysis::update_outside`] is.
    pub fn into_update_outside(self, text: Arc<str>, known: Unchanged, language: Option<Language>, config: &DiagnosticsConfig) -> Analysis {
        let (change, old_line_feed) = self.change_to(&text, known);
        let (new, old_window) = self.next_text(text, change);
        Analysis::update_from(Previous::Owned(Box::new(self)), new, change, old_line_feed, &old_window, language, config)
    }

    /// The update to the text of `source` (a later version of this one's,
    /// whose ends `known` are this one's), this analysis borrowed.
    pub fn update_to_source(&self, known: Unchanged, source: Source, language: Option<Language>, config: &DiagnosticsConfig) -> Analysis {
        let before = EditedSpan::of(self, known);
        let new = OriginalText::from_source(source);
        let (change, old_line_feed) = before.change_to(&new);
        Analysis::update_from(Previous::Shared(self), new, change, old_line_feed, &before.old_window, language, config)
    }

    /// [`Analysis::update_to_source`] of the source `make_source` makes,
    /// this analysis taken, and called once this analysis has let go of its
    /// text where it can: when the edits (`known`) left all but at most
    /// [`KEPT_MIDDLE`] bytes of it alone, only the lines holding those bytes
    /// are kept. So the two versions are never held at once when nobody
    /// else holds the old one, and when the maker holds it (the server
    /// makes the new version from the old one and the edits), it may let go
    /// of each part as it has copied it (at 10 MB, 10 MB less at the peak of
    /// every keystroke).
    pub fn into_update_making(
        mut self,
        known: Unchanged,
        make_source: impl FnOnce() -> Source,
        language: Option<Language>,
        config: &DiagnosticsConfig,
    ) -> Analysis {
        let before = EditedSpan::of(&self, known);
        if before.is_small() {
            // (the document's masked text is the source's: both let go of)
            self.text = OriginalText::default();
            self.document.masked = Arc::from("");
        }
        let new = OriginalText::from_source(make_source());
        let (change, old_line_feed) = before.change_to(&new);
        Analysis::update_from(Previous::Owned(Box::new(self)), new, change, old_line_feed, &before.old_window, language, config)
    }

    /// The change from this analysis's text to `text`, whose ends `known`
    /// are this one's, and whether the bytes it replaced held a line feed.
    fn change_to(&self, text: &str, known: Unchanged) -> (TextChange, bool) {
        let change = TextChange::between_outside(&self.text, text, known);
        (change, self.text.as_bytes()[change.start..change.old_end].contains(&b'\n'))
    }

    /// The text `text`, masked from this one's after `change`, and this
    /// one's masked lines that `change` touched.
    fn next_text(&self, text: Arc<str>, change: TextChange) -> (OriginalText, syntax::OldWindowText) {
        let source = self.text.source().after(&text, change);
        let old_window = syntax::OldWindowText::of(&self.document.masked, change);
        (OriginalText::with_source(text, source), old_window)
    }

    /// The handle on the text that [`drift::Citations`] hold weakly.
    pub(crate) fn text_handle(&self) -> &Arc<Source> {
        self.text.source_handle()
    }

    /// The line and column of `offset` (moved back to its character's start),
    /// read on the masked text through the line index, or on the text of the
    /// line where markup there counts otherwise than its spaces: the one
    /// place an analysis converts an offset, so that the text is never made
    /// whole for it.
    pub fn line_col(&self, offset: usize, encoding: PositionEncoding) -> LineCol {
        let source = self.text.source();
        let offset = offset.min(source.len());
        let line = self.line_index.line_of(offset);
        let start = self.line_index.line_start(line);
        if source.counts_as_masked(start..offset) {
            return self.line_index.line_col(source.masked(), offset, encoding);
        }
        let text = self.text.slice(start..self.line_index.line_start(line + 1));
        LineCol { line: line as u32, col: LineIndex::new(&text).line_col(&text, offset - start, encoding).col }
    }

    /// The offset of `pos`, and whether it was clamped (see [`LineIndex::offset`]).
    pub fn offset(&self, pos: LineCol, encoding: PositionEncoding) -> (usize, bool) {
        let source = self.text.source();
        let line = pos.line as usize;
        if line >= self.line_index.line_count() {
            return (source.len(), true);
        }
        let (start, end) = (self.line_index.line_start(line), self.line_index.line_start(line + 1));
        if source.counts_as_masked(start..end) {
            return self.line_index.offset(source.masked(), pos, encoding);
        }
        let text = self.text.slice(start..end);
        let (within, clamped) = LineIndex::new(&text).offset(&text, LineCol { line: 0, col: pos.col }, encoding);
        (start + within, clamped)
    }

    /// The column of `offset` on its line in characters (see [`LineIndex::char_col`]).
    pub fn char_col(&self, offset: usize) -> usize {
        let source = self.text.source();
        let offset = offset.min(source.len());
        let line = self.line_index.line_of(offset);
        let start = self.line_index.line_start(line);
        if source.counts_as_masked(start..offset) {
            return self.line_index.char_col(source.masked(), offset);
        }
        let text = self.text.slice(start..self.line_index.line_start(line + 1));
        LineIndex::new(&text).char_col(&text, offset - start)
    }

    /// The range of line `line`'s content, without its line end.
    pub fn line_range(&self, line: usize) -> TextRange {
        self.line_index.line_range(self.text.source().masked(), line)
    }

    /// The text up to the end of its `lines`-th line that is not blank (all
    /// of it if it has fewer): what is read of a document's opening lines,
    /// without making the text whole.
    pub fn opening(&self, lines: usize) -> Cow<'_, str> {
        let masked = self.text.source().masked().as_bytes();
        let (mut end, mut seen) = (0, 0);
        while end < masked.len() && seen < lines {
            let next = memchr::memchr(b'\n', &masked[end..]).map_or(masked.len(), |i| end + i + 1);
            if !self.text.slice(end..next).trim().is_empty() {
                seen += 1;
            }
            end = next;
        }
        self.text.slice(0..end)
    }

    /// The text of the lines that hold `range`, from the start of the first
    /// to the end of the last (without its line feed), and where it starts.
    pub fn lines_around(&self, range: TextRange) -> (usize, Cow<'_, str>) {
        let masked = self.text.source().masked().as_bytes();
        let end = range.end.min(masked.len());
        let start = memchr::memrchr(b'\n', &masked[..range.start.min(end)]).map_or(0, |i| i + 1);
        let end = memchr::memchr(b'\n', &masked[end..]).map_or(masked.len(), |i| end + i);
        (start, self.text.slice(start..end))
    }

    /// A number telling this analysis from every other made in the process.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The change from the text of analysis `generation` to this one's, if
    /// this analysis is that one or an update of it, or of an update of it
    /// (see [`LINEAGE`]): a later pass over the two versions, reference
    /// drift, need not compare them again, nor keep the earlier text. The
    /// change through several updates covers all of theirs (it may be wider
    /// than the smallest).
    pub fn change_since(&self, generation: u64) -> Option<TextChange> {
        if generation == self.generation {
            let end = self.text.len();
            return Some(TextChange { start: end, old_end: end, new_end: end });
        }
        self.lineage.iter().find(|(from, _)| *from == generation).map(|&(_, change)| change)
    }

    /// The update to `text`, `change` being the change from the previous
    /// text (whose bytes it replaced held a line feed if `old_line_feed`;
    /// the previous analysis's text is not read: it may have let go of it).
    fn update_from(
        previous: Previous<'_>,
        text: OriginalText,
        change: TextChange,
        old_line_feed: bool,
        old_window: &syntax::OldWindowText,
        language: Option<Language>,
        config: &DiagnosticsConfig,
    ) -> Analysis {
        let prev = previous.get();
        let lineage: Vec<(u64, TextChange)> = std::iter::once((prev.generation, change))
            .chain(prev.lineage.iter().take(LINEAGE - 1).map(|&(from, earlier)| (from, earlier.then(change))))
            .collect();
        // Detection reads the start of the text: past it, a keystroke keeps
        // the language detected before.
        let detected = match (language, prev.detected) {
            (Some(_), _) => None,
            (None, Some(before)) if change.start > lang::DETECT_SAMPLE + 4 => Some(before),
            (None, _) => Some(detect(&text)),
        };
        // (one of the two is set)
        let language = language.or(detected).unwrap_or(Language::En);
        // A new language, or a change of most of the text, is a new document.
        if language != prev.language() || (change.old_end - change.start).max(change.new_end - change.start) * 2 > text.len() {
            let mut fresh = Analysis::of(text, Some(language), config);
            fresh.detected = detected;
            fresh.lineage = lineage;
            return fresh;
        }
        // The diagnostics before are kept where nothing they read changed
        // (only under the same settings).
        let same_vocabulary = *prev.vocabulary == config.negotiation;
        let same_config = same_vocabulary && prev.overrides == config.overrides;
        let masked = Arc::clone(text.source().masked());
        let edited = reuse::EditedLines::new(&masked, change);
        // What the markup is read again from: the edited lines before.
        let old_lines = old_window.lines(edited.from(), edited.old_to()).to_string();
        let in_line = !old_line_feed && !masked.as_bytes()[change.start..change.new_end].contains(&b'\n');
        let (line_index, prev_document, reuse, references, reference_reuse, prev_diagnostics, prev_resolver, prev_markup) = match previous {
            Previous::Shared(prev) => (
                prev.line_index.clone().update(&masked, change),
                Cow::Borrowed(&prev.document),
                Cow::Borrowed(&prev.reuse),
                Cow::Borrowed(&prev.references[..]),
                prev.reference_reuse.clone(),
                Cow::Borrowed(&prev.diagnostics[..]),
                prev.resolver.clone(),
                Cow::Borrowed(&prev.markup),
            ),
            Previous::Owned(prev) => {
                let Analysis { line_index, document, references, reuse, reference_reuse, diagnostics, resolver, markup, .. } = *prev;
                (
                    line_index.update(&masked, change),
                    Cow::Owned(document),
                    Cow::Owned(reuse),
                    Cow::Owned(references),
                    reference_reuse,
                    Cow::Owned(diagnostics),
                    resolver,
                    Cow::Owned(markup),
                )
            }
        };
        drop(masked);
        let (document, reuse) = syntax::reparse(language, prev_document, reuse, text.source(), change, old_window);
        // The negotiation markup: moved, and read again on the edited
        // lines, when the edit keeps away from brackets and labels.
        let markup_edit = crate::negotiation::reread::Edit {
            change,
            from: edited.from(),
            old_to: edited.old_to(),
            to: edited.to(),
            old_lines: &old_lines,
            in_line,
        };
        let reread = same_vocabulary.then(|| prev_markup.after(&document.masked, language, &config.negotiation, &markup_edit)).flatten();
        drop(prev_markup);
        let markup_reread = reread.is_some();
        let markup = reread.unwrap_or_else(|| crate::negotiation::Reading::new(&document.masked, language, &config.negotiation));
        // The tree is the previous one's, moved (and so is the resolver's
        // index of it): the references kept point where they did.
        let same_tree = reuse.shape_carried() && !reuse::annex_title_edited(&document, &edited);
        let (references, reference_reuse, references_reused, resolver, resolved) = if same_tree {
            let mut resolver =
                prev_resolver.unwrap_or_else(|| Arc::new(model::resolve::ResolverIndex::for_references(&document, &references)));
            let (references, reference_reuse, resolved) =
                model::references_after_same_tree(references, reference_reuse, &document, change, &mut resolver);
            (references, reference_reuse, resolved.is_some(), Some(resolver), resolved)
        } else {
            let (references, reference_reuse, reused) = model::references_after(references, reference_reuse, &document, change);
            (references, reference_reuse, reused, None, None)
        };
        let kept_numbering = (same_config && same_tree).then(|| reuse::kept_numbering(&prev_diagnostics, &edited)).flatten();
        let kept_references = match (same_config, resolved, reference_reuse.found_again()) {
            (true, Some(resolved), Some(again)) => {
                reuse::kept_reference_diagnostics(&prev_diagnostics, &references, resolved, again, &edited)
            }
            _ => None,
        };
        drop(prev_diagnostics);
        let which = diagnostics::Kept { numbering: kept_numbering.is_some() };
        let mut kept = kept_numbering.unwrap_or_default();
        let checked = match kept_references {
            Some((diagnostics, checked)) => {
                kept.extend(diagnostics);
                &references[checked]
            }
            None => &references[..],
        };
        let diagnostics_kept =
            reuse::KeptDiagnostics { numbering: which.numbering, references: checked.len() < references.len(), markup: markup_reread };
        let diagnostics = diagnostics::check_keeping(&document, checked, config, kept, which, &markup);
        let vocabulary = Arc::new(config.negotiation.clone());
        let overrides = config.overrides.clone();
        Analysis {
            text,
            line_index,
            document,
            references,
            diagnostics,
            reuse,
            reference_reuse,
            references_reused,
            detected,
            vocabulary,
            overrides,
            resolver,
            diagnostics_kept,
            markup,
            generation: next_generation(),
            lineage,
        }
    }

    /// Whether this analysis is an update that reused the references away
    /// from the edit (an update falls back to finding them all when the edit
    /// changed what they all depend on).
    pub fn references_reused(&self) -> bool {
        self.references_reused
    }

    /// Whether this analysis is an update that moved the previous tree
    /// instead of building it again (`syntax::Reuse::tree_kept`).
    pub fn tree_kept(&self) -> bool {
        self.reuse.tree_kept()
    }

    /// Which diagnostics of the version before this analysis (an update)
    /// kept instead of making them again: the numbering's, those of the
    /// references it did not resolve again.
    pub fn diagnostics_kept(&self) -> reuse::KeptDiagnostics {
        self.diagnostics_kept
    }

    pub fn language(&self) -> Language {
        self.document.language
    }

    /// The reference under `offset`, if any (the innermost).
    pub fn reference_at(&self, offset: usize) -> Option<&Reference> {
        let idx = self.references.partition_point(|r| r.range().start <= offset);
        self.references[..idx].iter().rev().take(8).filter(|r| r.range().touches(offset)).min_by_key(|r| r.range().len())
    }

    /// The node whose number is under `offset` (a paragraph's "16.").
    pub fn numbered_node_at(&self, offset: usize) -> Option<NodeId> {
        let id = self.document.node_at(offset)?;
        std::iter::once(id)
            .chain(self.document.ancestors(id))
            .find(|&n| self.document.nodes[n].number().is_some_and(|num| num.span.touches(offset)))
    }

    /// Where a reference under `offset` points: the opening of its target.
    pub fn goto_definition(&self, offset: usize) -> Vec<TextRange> {
        let Some(r) = self.reference_at(offset) else { return Vec::new() };
        match r.status {
            Status::Resolved => r.node().map(|n| vec![self.target_range(n)]).unwrap_or_default(),
            Status::Ambiguous => r.candidates().iter().map(|&n| self.target_range(n)).collect(),
            _ => Vec::new(),
        }
    }

    /// The range a jump lands on: the node's number if it has one, else its opening.
    pub fn target_range(&self, node: NodeId) -> TextRange {
        let n = &self.document.nodes[node];
        match n.number() {
            Some(num) => TextRange::new(n.opening().start.min(num.span.start), n.opening().end),
            None => n.opening(),
        }
    }

    /// The node a cursor stands for: a reference's target or a numbered node.
    pub fn target_at(&self, offset: usize) -> Option<NodeId> {
        if let Some(r) = self.reference_at(offset) {
            return r.node().filter(|_| r.status == Status::Resolved);
        }
        self.numbered_node_at(offset)
    }

    /// Every reference to the node under `offset` (from its number or from
    /// any reference to it); with `include_declaration`, the node itself.
    pub fn find_references(&self, offset: usize, include_declaration: bool) -> Vec<TextRange> {
        let Some(target) = self.target_at(offset) else { return Vec::new() };
        let mut out = Vec::new();
        if include_declaration {
            out.push(self.target_range(target));
        }
        out.extend(self.references_to(target).map(|r| r.range()));
        out
    }

    pub fn references_to(&self, node: NodeId) -> impl Iterator<Item = &Reference> + '_ {
        self.references.iter().filter(move |r| r.status == Status::Resolved && r.node() == Some(node))
    }

    /// "Annex, section I, paragraph 16".
    pub fn address_in_words(&self, node: NodeId) -> String {
        let doc = &self.document;
        let mut chain: Vec<NodeId> = doc.ancestors(node).collect();
        chain.reverse();
        chain.push(node);
        let mut parts = Vec::new();
        for id in chain {
            let n = &doc.nodes[id];
            let written = n.number().map(|num| &doc.masked[num.span.start..num.span.end]);
            let roman = n.number().map(|num| crate::lang::numerals::to_roman(num.value));
            let part = match n.kind {
                NodeKind::Annex => Some(match roman {
                    Some(r) => format!("Annex {r}"),
                    None => "Annex".to_string(),
                }),
                NodeKind::Part => roman.map(|r| format!("part {r}")),
                NodeKind::Section => roman.map(|r| format!("section {r}")),
                NodeKind::Subsection => written.map(|w| format!("subsection {w}")),
                NodeKind::Article => written.map(|w| format!("article {w}")),
                NodeKind::Paragraph => written.map(|w| format!("paragraph {w}")),
                NodeKind::Subparagraph => written.map(|w| format!("subparagraph ({w})")),
                NodeKind::ListItem => written.map(|w| format!("item {w}")),
                NodeKind::List => Some("list".to_string()),
                NodeKind::PreambularParagraph => Some("preambular paragraph".to_string()),
                NodeKind::UnnumberedParagraph => Some("unnumbered paragraph".to_string()),
                _ => None,
            };
            parts.extend(part);
        }
        let mut s = parts.join(", ");
        if let Some(first) = s.get(0..1) {
            let upper = first.to_uppercase();
            s.replace_range(0..1, &upper);
        }
        s
    }

    /// The text of a node up to its first child, shortened to `max_chars`.
    pub fn excerpt(&self, node: NodeId, max_chars: usize) -> String {
        let range = syntax::names::own_text(&self.document, node);
        let raw = &self.text.slice(range.start..range.end);
        let mut flat = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        flat = flat.replace("**", "");
        if flat.chars().count() > max_chars {
            let cut: String = flat.chars().take(max_chars).collect();
            format!("{}…", cut.trim_end())
        } else {
            flat
        }
    }

    /// What to show on hover at `offset`, in Markdown. Every piece of the
    /// document's own text in it (excerpts, the reference as written, names
    /// read from the text) is escaped ([`escape_markdown`]): the document
    /// cannot put images, links, HTML or emphasis into a hover.
    pub fn hover(&self, offset: usize) -> Option<Hover> {
        let esc = escape_markdown;
        if let Some(h) = self.title_hover(offset) {
            return Some(h);
        }
        if let Some(r) = self.reference_at(offset) {
            let text = &self.text.slice(r.range().start..r.range().end);
            let markdown = match r.status {
                Status::Resolved => {
                    let node = r.node()?;
                    let mut md = format!(
                        "**{}** ({})\n\n{}",
                        esc(&self.address_in_words(node)),
                        code_span(self.document.eid(node)),
                        esc(&self.excerpt(node, 400))
                    );
                    if r.annex_number_mismatch() {
                        md.push_str("\n\n⚠ the document's sole annex is unnumbered");
                    }
                    md
                }
                Status::External => {
                    let e = r.external.as_ref()?;
                    // A provision of another text says which, in the words
                    // that say so: "paragraph 14 of the report of the
                    // Secretary-General (A/99/123)".
                    let named = r.qualifier().filter(|_| e.kind == ExternalKind::Provision).map(|q| {
                        let words = self.text.slice(q.start..q.end).split_whitespace().collect::<Vec<_>>().join(" ");
                        let words = words.trim_start_matches(['(', '（']).trim_end_matches([',', '，']);
                        let words = words.strip_prefix("of ").unwrap_or(words);
                        format!("{} of {}", e.id, words)
                    });
                    let mut md = format!("**{}**", esc(&named.unwrap_or_else(|| e.describe())));
                    if let (Some(of), Some(_)) = (e.of.as_deref(), r.qualifier()) {
                        if !md.contains(&*of.id) {
                            md.push_str(&format!("\n\n{}", esc(&of.describe())));
                        }
                    }
                    if let Some(url) = e.url() {
                        md.push_str(&format!("\n\n<{}>", url.replace(['<', '>', ' '], "")));
                    }
                    md.push_str("\n\nExternal reference: not part of this document.");
                    md
                }
                Status::Broken => format!("**Broken reference** {}\n\n{}", esc(text.trim()), esc(r.note().unwrap_or_default())),
                Status::Unverified => format!("**Not checked** {}\n\n{}", esc(text.trim()), esc(r.note().unwrap_or_default())),
                Status::Ambiguous => {
                    let places: Vec<String> = r.candidates().iter().map(|&c| format!("- {}", esc(&self.address_in_words(c)))).collect();
                    format!("**Ambiguous reference** {} fits:\n{}", esc(text.trim()), places.join("\n"))
                }
            };
            return Some(Hover { range: r.range(), markdown });
        }
        let node = self.numbered_node_at(offset)?;
        let n = &self.document.nodes[node];
        let count = self.references_to(node).count();
        let cited = match count {
            0 => "not cited elsewhere in this document".to_string(),
            1 => "cited in 1 place".to_string(),
            c => format!("cited in {c} places"),
        };
        Some(Hover {
            range: n.number().map(|x| x.span).unwrap_or(n.opening()),
            markdown: format!("**{}** ({})\n\n{}", esc(&self.address_in_words(node)), code_span(self.document.eid(node)), cited),
        })
    }

    /// The outline: annexes, parts, sections, subsections, headings and
    /// paragraphs, named as a drafter would say them.
    pub fn outline(&self) -> Vec<OutlineItem> {
        fn items(outline: &Outline<'_>, ids: &[NodeId]) -> Vec<OutlineItem> {
            let item = |&id: &NodeId| {
                let mut item = outline.item(id)?;
                item.children = items(outline, outline.children(id));
                Some(item)
            };
            ids.iter().filter_map(item).collect()
        }
        let outline = self.outline_reader();
        items(&outline, outline.roots())
    }

    /// The outline read one item at a time, for writing out a large one
    /// without holding it whole (at 10 MB, 14 MB of items).
    pub fn outline_reader(&self) -> Outline<'_> {
        Outline { analysis: self, statuses: self.outline_statuses() }
    }

    /// Folding ranges: headings with what they hold, long paragraphs, vote lists.
    pub fn folding_ranges(&self) -> Vec<Fold> {
        let doc = &self.document;
        let mut out = Vec::new();
        for (id, n) in doc.nodes.iter().enumerate() {
            let foldable = match n.kind {
                kind if kind.is_heading() => true,
                NodeKind::TitleBlock | NodeKind::Preamble => true,
                NodeKind::RecordedVote | NodeKind::VoteList | NodeKind::List => true,
                NodeKind::Paragraph | NodeKind::UnnumberedParagraph => !doc.children(id).is_empty() || n.range().len() > 2000,
                _ => false,
            };
            if !foldable {
                continue;
            }
            let start_line = self.line_index.line_of(n.range().start);
            let end_line = self.line_index.line_of(n.range().end);
            if end_line > start_line {
                out.push(Fold { range: n.range(), kind: FoldKind::Region });
            }
        }
        out.extend(self.alternative_folds(&self.negotiation()));
        out
    }

    /// Links to the UN's document resolver for symbols and resolutions.
    pub fn document_links(&self) -> Vec<Link> {
        self.references
            .iter()
            .filter_map(|r| {
                let e = r.external.as_ref()?;
                if !matches!(r.kind, RefKind::External(_)) {
                    return None;
                }
                let url = e.url()?;
                Some(Link { range: r.range(), target: url, tooltip: e.describe() })
            })
            .collect()
    }
}

/// `s` as Markdown text that renders as itself: every ASCII punctuation
/// character that Markdown gives a meaning to (emphasis, code, links and
/// images, HTML, entities, tables, and `:` so that no scheme such as
/// `command:` or `https:` can start a link) is backslash-escaped, line
/// breaks become spaces, and a list or heading marker at the start of a
/// line is escaped too.
pub fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    let mut line_start = true;
    let mut digits_only = true;
    for c in s.chars() {
        let c = if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}') { ' ' } else { c };
        let special = matches!(c, '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '<' | '>' | '#' | '!' | '|' | '~' | '&' | ':' | '$')
            || (line_start && matches!(c, '-' | '+' | '=' | '.'))
            || (digits_only && !line_start && matches!(c, '.'));
        if special {
            out.push('\\');
        }
        out.push(c);
        if c.is_ascii_digit() {
            line_start = false;
        } else if !c.is_whitespace() || !line_start {
            line_start = false;
            digits_only = false;
        }
    }
    out
}

/// `s` as a Markdown code span (fenced by more backticks than any run in it).
fn code_span(s: &str) -> String {
    let longest = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{s}{pad}{fence}")
}

/// The outline of an analysis, one item at a time ([`Analysis::outline_reader`]).
pub struct Outline<'a> {
    analysis: &'a Analysis,
    /// In a draft, each paragraph's status, written before its detail.
    statuses: HashMap<NodeId, String>,
}

impl Outline<'_> {
    /// The nodes at the top of the document.
    pub fn roots(&self) -> &[NodeId] {
        &self.analysis.document.roots
    }

    /// The nodes in node `id`.
    pub fn children(&self, id: NodeId) -> &[NodeId] {
        self.analysis.document.children(id)
    }

    /// Whether node `id` has an item (recorded votes are left out, with
    /// what they hold).
    pub fn shows(&self, id: NodeId) -> bool {
        !matches!(self.analysis.document.nodes[id].kind, NodeKind::RecordedVote | NodeKind::VoteList)
    }

    /// The item of node `id` without its children (see [`Outline::children`]);
    /// `None` for a node the outline leaves out with all it holds.
    pub fn item(&self, id: NodeId) -> Option<OutlineItem> {
        let a = self.analysis;
        let doc = &a.document;
        let n = &doc.nodes[id];
        if !self.shows(id) {
            return None;
        }
        let title = n.title().map(|t| a.text.slice(t.start..t.end).replace("**", "").trim().to_string());
        let written = n.number().map(|num| doc.masked[num.span.start..num.span.end].to_string());
        let name = match (n.kind, &written) {
            (NodeKind::TitleBlock, _) => "Title".to_string(),
            (NodeKind::Annex, Some(w)) => format!("Annex {w}"),
            (NodeKind::Annex, None) => "Annex".to_string(),
            (NodeKind::Preamble, _) => "Preamble".to_string(),
            (NodeKind::Crossheading, _) => title.clone().unwrap_or_default(),
            (NodeKind::Subparagraph, Some(w)) => format!("({w})"),
            (NodeKind::Subheading, Some(w)) if n.level == 2 => format!("({w}) {}", title.clone().unwrap_or_default()),
            (NodeKind::Paragraph, Some(w)) => format!("Paragraph {w}"),
            (NodeKind::ListItem, Some(w)) => format!("Item {w}"),
            (NodeKind::Article, Some(w)) => format!("Article {w}"),
            (NodeKind::PreambularParagraph, _) | (NodeKind::UnnumberedParagraph, _) => {
                let first: String = a.excerpt(id, 40);
                first
            }
            (NodeKind::List, _) => "List".to_string(),
            (_, Some(w)) => format!("{w}. {}", title.clone().unwrap_or_default()),
            (_, None) => title.clone().unwrap_or_else(|| n.kind.label().to_string()),
        };
        let detail = match n.kind {
            NodeKind::Paragraph | NodeKind::ListItem | NodeKind::Subparagraph => Some(a.excerpt(id, 60)),
            NodeKind::Annex => title.clone(),
            _ => None,
        };
        let detail = match self.statuses.get(&id) {
            Some(label) => Some(match detail {
                Some(d) => format!("[{label}] {d}"),
                None => format!("[{label}]"),
            }),
            None => detail,
        };
        Some(OutlineItem {
            name: name.trim().to_string(),
            detail,
            kind: n.kind,
            eid: doc.eid(id).to_string(),
            range: n.range(),
            selection_range: n.opening(),
            children: Vec::new(),
        })
    }
}

/// [`lang::detect`] of `text` (which reads its first
/// [`lang::DETECT_SAMPLE`] bytes), without making it whole.
fn detect(text: &OriginalText) -> Language {
    detect_language(text.source())
}

/// The language of the text of `source`, as [`lang::detect`] finds it.
pub fn detect_language(source: &Source) -> Language {
    let end = source.len().min(lang::DETECT_SAMPLE + 3);
    let sample = source.original_bytes(0..end);
    let valid = std::str::from_utf8(&sample).map_or_else(|e| &sample[..e.valid_up_to()], |s| s.as_bytes());
    lang::detect(std::str::from_utf8(valid).unwrap_or_default())
}

/// What an update needs of the previous version before it is let go of:
/// the original bytes between the ends the edits left alone, and the
/// masked lines holding them ([`syntax::reparse`] reads them).
struct EditedSpan {
    prefix: usize,
    suffix: usize,
    old_len: usize,
    middle: Middle,
    old_window: syntax::OldWindowText,
}

enum Middle {
    Copied(Vec<u8>),
    Held(Arc<Source>),
}

impl EditedSpan {
    fn of(a: &Analysis, known: Unchanged) -> EditedSpan {
        let old_len = a.text.len();
        let source = a.text.source_handle();
        // (ends moved to character boundaries, outward: the bytes before a
        // character's lead are the same in both texts, so is its length)
        let continues = |at: usize| at < old_len && (source.original_bytes(at..at + 1)[0] as i8) < -0x40;
        let mut prefix = known.prefix.min(old_len);
        while continues(prefix) {
            prefix -= 1;
        }
        let mut suffix = known.suffix.min(old_len - prefix);
        while continues(old_len - suffix) {
            suffix -= 1;
        }
        let middle = prefix..old_len - suffix;
        let old_window = syntax::OldWindowText::spanning(source.masked(), middle.start, middle.end, KEPT_MIDDLE);
        let middle = if old_window.is_copy() && middle.len() <= KEPT_MIDDLE {
            Middle::Copied(source.original_bytes(middle).into_owned())
        } else {
            Middle::Held(Arc::clone(source))
        };
        EditedSpan { prefix, suffix, old_len, middle, old_window }
    }

    /// Whether the previous version may be let go of (what this holds is a copy).
    fn is_small(&self) -> bool {
        matches!(self.middle, Middle::Copied(_)) && self.old_window.is_copy()
    }

    /// The change from the previous text to `new` (the same outside the
    /// ends this was made with), and whether the bytes it replaced held a
    /// line feed.
    fn change_to(&self, new: &OriginalText) -> (TextChange, bool) {
        let suffix = self.suffix.min(new.len().saturating_sub(self.prefix));
        let old_middle: std::borrow::Cow<'_, [u8]> = match &self.middle {
            Middle::Copied(bytes) => std::borrow::Cow::Borrowed(&bytes[..]),
            Middle::Held(source) => source.original_bytes(self.prefix..self.old_len - self.suffix),
        };
        let old_middle = &old_middle[..old_middle.len() - (self.suffix - suffix)];
        let new_middle = new.source().original_bytes(self.prefix..new.len() - suffix);
        // (the middles lie between character boundaries: the change between
        // them is the one between the texts; should the ends told have cut
        // a character anyway, the whole middle is the change)
        let within = match (std::str::from_utf8(old_middle), std::str::from_utf8(&new_middle)) {
            (Ok(a), Ok(b)) => TextChange::between(a, b),
            _ => TextChange { start: 0, old_end: old_middle.len(), new_end: new_middle.len() },
        };
        let change =
            TextChange { start: self.prefix + within.start, old_end: self.prefix + within.old_end, new_end: self.prefix + within.new_end };
        (change, old_middle[within.start..within.old_end].contains(&b'\n'))
    }
}

#[cfg(test)]
mod tests;
