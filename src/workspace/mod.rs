//! Many documents at once: a [`Workspace`] holds the analyses of the
//! documents of a folder, knows each by its path and by what it says it is
//! ([`identity`]: symbol, resolution, language, revision), and resolves a
//! reference of one into another — `paragraph 10 of A/CONF.192/2018/RC/2`,
//! `resolution 72/57`, `A/CONF.192/2018/RC/3, annex, section II, paragraph
//! 18` — when that document is present. Pure: analyses in, ranges and
//! strings out; the server and the command line read the files.
//!
//! A reference into another text is never resolved into the citing
//! document: the workspace only ever looks for it in the document it names.

pub mod identity;
pub mod parity;
pub mod revisions;
pub mod symbols;

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use crate::diagnostics::{Code, Diagnostic, DiagnosticsConfig};
use crate::ide::{escape_markdown, Analysis, Hover};
use crate::model::resolve::{resolve_in_indexed, ResolverIndex};
use crate::model::{AnnexSpec, External, ExternalKind, InternalTarget, RefKind, Reference, Status};
use crate::syntax::NodeId;
use crate::text::TextRange;

pub use identity::{identify, Identity, ResolutionId};
pub use symbols::{SymbolHit, SymbolKind};

/// A document's place in a [`Workspace`] (stable while it stays in it).
pub type DocKey = usize;

/// One document of the workspace.
pub struct Entry {
    /// The path (or URI) it is known by.
    pub path: String,
    pub analysis: Arc<Analysis>,
    pub identity: Identity,
    /// What `workspace/symbol` searches, built at the first search (not
    /// for every version of a document being edited: at 10 MB it took
    /// hundreds of milliseconds and 34 MB per keystroke).
    symbols: OnceLock<Vec<symbols::SymbolEntry>>,
    /// The resolver's index of this document, built on the first reference
    /// into it from another document and kept until it changes (a new
    /// analysis is a new entry).
    resolver: OnceLock<ResolverIndex>,
}

impl Entry {
    fn symbols(&self) -> &[symbols::SymbolEntry] {
        self.symbols.get_or_init(|| symbols::entries(&self.analysis, &self.identity))
    }

    /// Resolves a target in this document with its kept index.
    fn resolve(&self, kind: RefKind, target: &InternalTarget) -> crate::model::Resolution {
        let index = self.resolver.get_or_init(|| ResolverIndex::new(&self.analysis.document));
        resolve_in_indexed(&self.analysis.document, index, kind, target)
    }
}

/// Where a reference into another document of the workspace leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CrossTarget {
    pub doc: DocKey,
    /// The cited node; `None` for the document as a whole (a symbol or a
    /// resolution cited alone) or when the cited part is not there.
    pub node: Option<NodeId>,
    /// Why the cited part is not there (the document is).
    pub broken: Option<String>,
}

/// A diagnostic about a reference into another document, with the place in
/// that document it concerns.
#[derive(Clone, Debug)]
pub struct CrossDiagnostic {
    pub diagnostic: Diagnostic,
    pub related: Option<(DocKey, TextRange, String)>,
}

/// The documents of a folder, indexed.
#[derive(Default)]
pub struct Workspace {
    entries: Vec<Option<Entry>>,
    free: Vec<DocKey>,
    by_path: HashMap<String, DocKey>,
    by_symbol: HashMap<String, Vec<DocKey>>,
    by_resolution: HashMap<ResolutionId, Vec<DocKey>>,
}

impl Workspace {
    pub fn new() -> Workspace {
        Workspace::default()
    }

    /// Adds the analysis of the document at `path`, or replaces it.
    pub fn insert(&mut self, path: impl Into<String>, analysis: Arc<Analysis>) -> DocKey {
        let path = path.into();
        let identity = identify(&analysis);
        let symbols = OnceLock::new();
        if let Some(&key) = self.by_path.get(&path) {
            self.unindex(key);
            self.entries[key] = Some(Entry { path, analysis, identity, symbols, resolver: OnceLock::new() });
            self.index(key);
            return key;
        }
        let entry = Entry { path: path.clone(), analysis, identity, symbols, resolver: OnceLock::new() };
        let key = match self.free.pop() {
            Some(k) => {
                self.entries[k] = Some(entry);
                k
            }
            None => {
                self.entries.push(Some(entry));
                self.entries.len() - 1
            }
        };
        self.by_path.insert(path, key);
        self.index(key);
        key
    }

    pub fn remove(&mut self, path: &str) -> bool {
        let Some(key) = self.by_path.remove(path) else { return false };
        self.unindex(key);
        self.entries[key] = None;
        self.free.push(key);
        true
    }

    fn index(&mut self, key: DocKey) {
        let Some(e) = &self.entries[key] else { return };
        for s in &e.identity.symbols {
            self.by_symbol.entry(s.clone()).or_default().push(key);
        }
        if let Some(r) = &e.identity.resolution {
            self.by_resolution.entry(r.clone()).or_default().push(key);
        }
    }

    fn unindex(&mut self, key: DocKey) {
        let Some(e) = &self.entries[key] else { return };
        for s in &e.identity.symbols {
            if let Some(v) = self.by_symbol.get_mut(s) {
                v.retain(|&k| k != key);
            }
        }
        if let Some(r) = &e.identity.resolution {
            if let Some(v) = self.by_resolution.get_mut(r) {
                v.retain(|&k| k != key);
            }
        }
    }

    pub fn len(&self) -> usize {
        self.by_path.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_path.is_empty()
    }

    pub fn key(&self, path: &str) -> Option<DocKey> {
        self.by_path.get(path).copied()
    }

    pub fn get(&self, key: DocKey) -> Option<&Entry> {
        self.entries.get(key).and_then(Option::as_ref)
    }

    /// Every document, in path order.
    pub fn entries(&self) -> Vec<(DocKey, &Entry)> {
        let mut all: Vec<(DocKey, &Entry)> = self.entries.iter().enumerate().filter_map(|(k, e)| Some((k, e.as_ref()?))).collect();
        all.sort_by(|a, b| a.1.path.cmp(&b.1.path));
        all
    }

    /// The documents that are the text `e` names (a symbol or a resolution).
    pub fn documents_named(&self, e: &External) -> Vec<DocKey> {
        let keys = match e.kind {
            ExternalKind::DocumentSymbol => {
                let symbol = identity::canonical_symbol(&e.id);
                let mut keys = self.by_symbol.get(&symbol).cloned().unwrap_or_default();
                if let Some(r) = identity::resolution_of_symbol(&symbol) {
                    keys.extend(self.by_resolution.get(&r).into_iter().flatten());
                }
                keys
            }
            ExternalKind::GeneralAssemblyResolution => {
                self.by_resolution.get(&ResolutionId::GeneralAssembly(identity::canonical_resolution(&e.id))).cloned().unwrap_or_default()
            }
            ExternalKind::SecurityCouncilResolution => {
                self.by_resolution.get(&ResolutionId::SecurityCouncil(identity::canonical_resolution(&e.id))).cloned().unwrap_or_default()
            }
            _ => Vec::new(),
        };
        let mut keys: Vec<DocKey> = keys.into_iter().filter(|&k| self.get(k).is_some()).collect();
        keys.sort_by(|&a, &b| self.entries[a].as_ref().map(|e| &e.path).cmp(&self.entries[b].as_ref().map(|e| &e.path)));
        keys.dedup();
        keys
    }

    /// The version of a cited text a reader of `from` would open: the one
    /// in the same language if present, else the English, else the first.
    fn pick(&self, from: DocKey, keys: &[DocKey]) -> Option<DocKey> {
        let lang = self.get(from).map(|e| e.analysis.language());
        let lang_of = |k: DocKey| self.get(k).map(|e| e.analysis.language());
        let others: Vec<DocKey> = keys.iter().copied().filter(|&k| k != from).collect();
        others
            .iter()
            .copied()
            .find(|&k| lang_of(k) == lang)
            .or_else(|| others.iter().copied().find(|&k| lang_of(k) == Some(crate::lang::Language::En)))
            .or_else(|| others.first().copied())
    }

    /// Where reference `r` of document `from` leads in another document of
    /// the workspace, if it names one that is present.
    pub fn resolve(&self, from: DocKey, r: &Reference) -> Option<CrossTarget> {
        let (named, target, certain) = cited(r)?;
        let doc = self.pick(from, &self.documents_named(named))?;
        let entry = self.get(doc)?;
        let Some(target) = target else { return Some(CrossTarget { doc, node: None, broken: None }) };
        let kind = match r.kind {
            RefKind::External(_) => RefKind::Paragraph,
            k => k,
        };
        // `A/80/605, annex II, para. 21 (a)`: the annex the citation names
        // before the paragraph is where the paragraph is.
        let in_annex;
        let target = match (target.annex, self.annex_named_before(from, r, named)) {
            (None, Some(annex)) => {
                in_annex = InternalTarget { annex: Some(annex), ..target.clone() };
                &in_annex
            }
            _ => target,
        };
        // A document present without the annex cited (an annex issued
        // separately, an extract): nothing to say, rather than a confident
        // error about the body.
        if let Some(annex) = target.annex {
            if kind != RefKind::Annex && !self.has_annex(doc, annex) {
                return None;
            }
        }
        let res = entry.resolve(kind, target);
        if kind == RefKind::Annex && res.status != Status::Resolved {
            return None;
        }
        match (res.status, res.node) {
            (Status::Resolved, Some(node)) => Some(CrossTarget { doc, node: Some(node), broken: None }),
            // Mixed evidence: only a target that is there settles it.
            _ if !certain => None,
            (Status::Broken, _) => Some(CrossTarget { doc, node: None, broken: res.note.or_else(|| Some("not found".to_string())) }),
            _ => None,
        }
    }

    /// The annex a citation names just before reference `r` of `from`, in
    /// the same chain of parts of the same text (`A/80/605, annex II, para.
    /// 21 (a)`, `annex II to A/80/605, paragraph 21`): the references before
    /// it joined to it by a comma or a space only, back to the first that
    /// names the annex.
    fn annex_named_before(&self, from: DocKey, r: &Reference, named: &External) -> Option<AnnexSpec> {
        let e = self.get(from)?;
        let refs = &e.analysis.references;
        let text = &e.analysis.text;
        let mut at = refs.partition_point(|x| x.range().start < r.range().start);
        let mut start = r.range().start;
        while at > 0 {
            at -= 1;
            let p = &refs[at];
            if p.range().end > start {
                continue;
            }
            let gap = text.get(p.range().end..start)?;
            if gap.chars().count() > 3 || !gap.chars().all(|c| c.is_whitespace() || matches!(c, ',' | '，' | '、')) {
                return None;
            }
            let (of, part, _) = cited(p)?;
            if identity::canonical_symbol(&of.id) != identity::canonical_symbol(&named.id) {
                return None;
            }
            if p.kind == RefKind::Annex {
                return part?.annex;
            }
            start = p.range().start;
        }
        None
    }

    /// Whether document `doc` has the annex `annex` (a sole annex for "the annex").
    fn has_annex(&self, doc: DocKey, annex: AnnexSpec) -> bool {
        let Some(e) = self.get(doc) else { return false };
        let probe = InternalTarget { annex: Some(annex), ..InternalTarget::default() };
        e.resolve(RefKind::Annex, &probe).status == Status::Resolved
    }

    /// The references of `from` that lead into other documents, with where.
    pub fn cross_references(&self, from: DocKey) -> Vec<(&Reference, CrossTarget)> {
        let Some(e) = self.get(from) else { return Vec::new() };
        // Alone in the workspace (a file opened without a folder): no
        // reference leads to another document, and none is looked up (at
        // 10 MB, a millisecond and a half per keystroke).
        if self.len() == 1 {
            return Vec::new();
        }
        e.analysis.references.iter().filter_map(|r| Some((r, self.resolve(from, r)?))).collect()
    }

    /// `reference.broken` for each reference into a document of the
    /// workspace that does not have the cited part, and the `parity.*`
    /// differences from the other language versions.
    pub fn diagnostics(&self, from: DocKey, config: &DiagnosticsConfig) -> Vec<CrossDiagnostic> {
        let mut out = self.parity(from, config);
        let Some(severity) = config.severity(Code::ReferenceBroken) else { return out };
        for (r, t) in self.cross_references(from) {
            let Some(why) = &t.broken else { continue };
            let Some(other) = self.get(t.doc) else { continue };
            let name = other.identity.name().unwrap_or_else(|| other.path.clone());
            let written = self.get(from).map(|e| e.analysis.text.slice(r.range().start..r.range().end)).unwrap_or_default();
            let written = written.split_whitespace().collect::<Vec<_>>().join(" ");
            let mut d = Diagnostic::new(Code::ReferenceBroken, r.range(), format!("{written}: {name} has no such part: {why}"));
            d.severity = severity;
            let at = other.identity.masthead.unwrap_or(TextRange::new(0, 0));
            out.push(CrossDiagnostic { diagnostic: d, related: Some((t.doc, at, format!("{name} is this document"))) });
        }
        out
    }

    /// The other language versions of a document: the documents with the
    /// same first symbol (or the same resolution) in another language.
    pub fn language_versions(&self, key: DocKey) -> Vec<DocKey> {
        let Some(e) = self.get(key) else { return Vec::new() };
        let lang = e.analysis.language();
        let same: Vec<DocKey> = match (e.identity.symbols.first(), &e.identity.resolution) {
            (Some(s), _) => self.by_symbol.get(s).cloned().unwrap_or_default(),
            (None, Some(r)) => self.by_resolution.get(r).cloned().unwrap_or_default(),
            (None, None) => Vec::new(),
        };
        let mut out: Vec<DocKey> =
            same.into_iter().filter(|&k| k != key && self.get(k).is_some_and(|o| o.analysis.language() != lang)).collect();
        out.sort_by(|&a, &b| self.entries[a].as_ref().map(|e| &e.path).cmp(&self.entries[b].as_ref().map(|e| &e.path)));
        out.dedup();
        out
    }

    /// `parity.*`: what differs in this version from each other language
    /// version present, with the same node there as the related location.
    pub fn parity(&self, key: DocKey, config: &DiagnosticsConfig) -> Vec<CrossDiagnostic> {
        let Some(e) = self.get(key) else { return Vec::new() };
        let mut out = Vec::new();
        for other in self.language_versions(key) {
            let Some(o) = self.get(other) else { continue };
            let name = format!("{} ({})", o.analysis.language().name(), o.path);
            for f in parity::compare(&e.analysis, &o.analysis, &name) {
                let Some(severity) = config.severity(f.code) else { continue };
                let mut d = Diagnostic::new(f.code, f.range, f.message);
                d.severity = severity;
                let related = (other, f.other_range, format!("`{}` in the {} version", f.eid, o.analysis.language().name()));
                out.push(CrossDiagnostic { diagnostic: d, related: Some(related) });
            }
        }
        out
    }

    /// The same node in the other language versions present.
    pub fn same_node_elsewhere(&self, key: DocKey, node: NodeId) -> Vec<(DocKey, NodeId)> {
        let Some(e) = self.get(key) else { return Vec::new() };
        let eid = &e.analysis.document.eid(node);
        self.language_versions(key).into_iter().filter_map(|k| Some((k, self.get(k)?.analysis.document.find_eid(eid)?))).collect()
    }

    /// The range a jump into `t` lands on.
    pub fn target_range(&self, t: &CrossTarget) -> Option<TextRange> {
        let e = self.get(t.doc)?;
        Some(match t.node {
            Some(n) => e.analysis.target_range(n),
            None => e.identity.masthead.unwrap_or(TextRange::new(0, 0)),
        })
    }

    /// Go to definition from `offset` in `from` into another document.
    pub fn definition(&self, from: DocKey, offset: usize) -> Vec<(DocKey, TextRange)> {
        let Some(e) = self.get(from) else { return Vec::new() };
        let Some(r) = e.analysis.reference_at(offset) else { return Vec::new() };
        // A paragraph of an earlier revision of the draft (`revisions`).
        if let Some(found) = self.revision_definition(from, offset) {
            return vec![found];
        }
        self.resolve(from, r).and_then(|t| Some((t.doc, self.target_range(&t)?))).into_iter().collect()
    }

    /// Hover on a reference into another document: the cited paragraph's
    /// text and which document it is in.
    pub fn hover(&self, from: DocKey, offset: usize) -> Option<Hover> {
        // A paragraph of an earlier revision, followed into the later one (`revisions`).
        if let Some(h) = self.revision_hover(from, offset) {
            return Some(h);
        }
        let e = self.get(from)?;
        let r = e.analysis.reference_at(offset)?;
        let t = self.resolve(from, r)?;
        let other = self.get(t.doc)?;
        let name = other.identity.name().unwrap_or_else(|| other.path.clone());
        let lang = other.analysis.language();
        let markdown = match (t.node, &t.broken) {
            (Some(n), _) => format!(
                "**{}** of {} ({})\n\n{}\n\n*In the workspace:* {}",
                escape_markdown(&other.analysis.address_in_words(n)),
                escape_markdown(&name),
                lang,
                escape_markdown(&other.analysis.excerpt(n, 600)),
                escape_markdown(&other.path)
            ),
            (None, Some(why)) => format!(
                "**Broken reference**: {} ({}) has no such part\n\n{}",
                escape_markdown(&name),
                escape_markdown(&other.path),
                escape_markdown(why)
            ),
            (None, None) => format!("**{}** ({})\n\n*In the workspace:* {}", escape_markdown(&name), lang, escape_markdown(&other.path)),
        };
        Some(Hover { range: r.range(), markdown })
    }

    /// For a hover on a paragraph's number: the same paragraph in the other
    /// language versions present (Markdown, empty if none).
    pub fn other_versions_markdown(&self, key: DocKey, offset: usize) -> String {
        let Some(e) = self.get(key) else { return String::new() };
        let Some(node) = e.analysis.numbered_node_at(offset) else { return String::new() };
        let mut md = String::new();
        for (k, n) in self.same_node_elsewhere(key, node) {
            let Some(o) = self.get(k) else { continue };
            if md.is_empty() {
                md.push_str("\n\n**In the other languages**");
            }
            md.push_str(&format!(
                "\n\n- {} ({}): {}",
                o.analysis.language().name(),
                escape_markdown(&o.path),
                escape_markdown(&o.analysis.excerpt(n, 200))
            ));
        }
        md
    }

    /// The other documents that cite `doc` (a symbol or resolution of it,
    /// or a part of it): their cross-document diagnostics change with it.
    pub fn citing(&self, doc: DocKey) -> Vec<DocKey> {
        self.entries()
            .into_iter()
            .filter(|&(k, e)| {
                k != doc
                    && e.analysis.references.iter().any(|r| {
                        // (Its own symbol, in its masthead, names its language versions: not a citation.)
                        cited(r).is_some_and(|(named, _, _)| {
                            let docs = self.documents_named(named);
                            docs.contains(&doc) && !docs.contains(&k)
                        })
                    })
            })
            .map(|(k, _)| k)
            .collect()
    }

    /// The references, in every other document, that lead to `node` of `doc`.
    pub fn references_to(&self, doc: DocKey, node: NodeId) -> Vec<(DocKey, TextRange)> {
        let Some(target) = self.get(doc) else { return Vec::new() };
        let names: Vec<External> = target
            .identity
            .symbols
            .iter()
            .map(|s| External::new(ExternalKind::DocumentSymbol, s.clone()))
            .chain(target.identity.resolution.iter().map(|r| match r {
                ResolutionId::GeneralAssembly(n) => External::new(ExternalKind::GeneralAssemblyResolution, n.clone()),
                ResolutionId::SecurityCouncil(n) => External::new(ExternalKind::SecurityCouncilResolution, n.clone()),
            }))
            .collect();
        if names.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for (key, e) in self.entries() {
            if key == doc {
                continue;
            }
            for r in &e.analysis.references {
                let Some((named, _, _)) = cited(r) else { continue };
                if !names.iter().any(|n| self.documents_named(named).contains(&doc) && same_text(n, named)) {
                    continue;
                }
                if self.resolve(key, r).is_some_and(|t| t.doc == doc && t.node == Some(node)) {
                    out.push((key, r.range()));
                }
            }
        }
        out
    }

    /// Find references from `offset` in `doc`: the node there (its number,
    /// or a reference to it, here or into another document) and every
    /// reference to it in the other documents.
    pub fn find_references(&self, doc: DocKey, offset: usize) -> Vec<(DocKey, TextRange)> {
        let Some(e) = self.get(doc) else { return Vec::new() };
        if let Some(node) = e.analysis.target_at(offset) {
            return self.references_to(doc, node);
        }
        let Some(r) = e.analysis.reference_at(offset) else { return Vec::new() };
        let Some(t) = self.resolve(doc, r) else { return Vec::new() };
        let Some(node) = t.node else { return Vec::new() };
        let mut out: Vec<(DocKey, TextRange)> = vec![(t.doc, self.target_range(&t).unwrap_or(r.range()))];
        out.extend(self.get(t.doc).into_iter().flat_map(|o| o.analysis.references_to(node).map(move |x| (t.doc, x.range()))));
        out.extend(self.references_to(t.doc, node));
        out
    }

    /// `workspace/symbol`: documents, sections and paragraphs matching `query`.
    pub fn symbols(&self, query: &str, limit: usize) -> Vec<SymbolHit> {
        symbols::search(self, query, limit)
    }
}

/// The same text named twice (`A/RES/72/57` and resolution 72/57 are one).
fn same_text(a: &External, b: &External) -> bool {
    a.kind == b.kind && identity::canonical_symbol(&a.id) == identity::canonical_symbol(&b.id)
        || matches!(
            (a.kind, b.kind),
            (ExternalKind::DocumentSymbol, ExternalKind::GeneralAssemblyResolution | ExternalKind::SecurityCouncilResolution)
                | (ExternalKind::GeneralAssemblyResolution | ExternalKind::SecurityCouncilResolution, ExternalKind::DocumentSymbol)
        )
}

/// The text a reference names (a symbol or a resolution), the part of it
/// cited (none: the whole text) and whether the words say so (`false`:
/// mixed evidence, the text was only named earlier in the sentence).
fn cited(r: &Reference) -> Option<(&External, Option<&InternalTarget>, bool)> {
    let names_document = |e: &External| {
        matches!(e.kind, ExternalKind::DocumentSymbol | ExternalKind::GeneralAssemblyResolution | ExternalKind::SecurityCouncilResolution)
    };
    match (r.status, &r.external) {
        (Status::External, Some(e)) if e.kind == ExternalKind::Provision => {
            let of = e.of.as_deref().filter(|o| names_document(o))?;
            Some((of, Some(r.target.as_ref()?), true))
        }
        (Status::External, Some(e)) if names_document(e) && r.problem().is_none() => Some((e, None, true)),
        (Status::Unverified, None) => {
            let c = r.candidate().filter(|c| names_document(c))?;
            Some((c, Some(r.target.as_ref()?), false))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests;
