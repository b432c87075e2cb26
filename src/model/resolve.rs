//! The resolver: one for every language. It maps an internal reference's
//! target (annex, section, subsection, paragraph, subparagraph path, article)
//! onto the nodes of the document, preferring the reference's own numbering
//! scope and container when several fit, and says why when none does.

use std::borrow::Cow;
use std::ops::Range;

use crate::hash::FastMap;

use crate::syntax::{Document, NodeId, NodeKind};

use super::reference::{AnnexSpec, DocScope, InternalTarget, RefKind, Reference, Resolution, Status};

/// Numbered nodes by kind and number, built once per document so that each
/// reference costs a lookup, not a walk of the tree.
struct Index {
    /// The numbered paragraphs, sections and articles, sorted by kind,
    /// number, container rank (0 the body, `i + 1` the `i`-th annex,
    /// `usize::MAX` an annex that is not at the top level), container and
    /// node: the nodes of one number in one container are one stretch of
    /// it, and those in every container, in container order, a longer one
    /// (a reference whose own container has no match looks there once
    /// instead of once per annex: references x annexes in a document of
    /// hundreds of annexes). One list sorted once, not a map of small lists
    /// (an allocation per number per container).
    numbered: Vec<Numbered>,
    /// Paragraphs numbered with a point (`7.1`, `22.19`), by the number as written.
    by_decimal: FastMap<String, Vec<NodeId>>,
    /// The annexes, in order (found once: a walk of the top level per
    /// reference made a document of many top-level paragraphs quadratic).
    annexes: Vec<NodeId>,
    /// Every container in order: the body, then the annexes.
    all: Vec<Option<NodeId>>,
    /// Each annex's rank (its place in `all`).
    rank: FastMap<NodeId, usize>,
    /// The annexes by number, in order.
    annex_numbered: FastMap<u32, Vec<Option<NodeId>>>,
    /// The annexes whose title names an outcome document.
    outcome: Vec<Option<NodeId>>,
    /// Whether `by_decimal` was filled (see [`Index::new`]).
    decimals: bool,
}

/// One entry of [`Index::numbered`]: kind, number, container rank,
/// container (its node + 1, 0 for the body), node; in `u32`s (20 bytes,
/// not 32: the index is held from one update to the next).
type Numbered = (u8, u32, u32, u32, u32);

/// A container's rank in [`Numbered`]: 0 the body, `i + 1` the `i`-th
/// annex, `u32::MAX` an annex that is not at the top level.
fn container_rank(rank: &FastMap<NodeId, usize>, c: Option<NodeId>) -> u32 {
    c.map_or(0, |a| rank.get(&a).map_or(u32::MAX, |&r| r as u32))
}

/// A container's place in [`Numbered`] (its node + 1, 0 for the body).
fn container_key(c: Option<NodeId>) -> u32 {
    c.map_or(0, |a| a as u32 + 1)
}

impl Index {
    /// The index of `doc`; its decimal paragraphs only when `decimals`
    /// (some reference cites a decimal number: reading every paragraph's
    /// number in the text is a cache miss each at 10 MB).
    fn new(doc: &Document, decimals: bool) -> Index {
        let annexes = doc.annexes();
        let rank: FastMap<NodeId, usize> = annexes.iter().enumerate().map(|(i, &a)| (a, i + 1)).collect();
        let mut numbered: Vec<Numbered> = Vec::new();
        let mut by_decimal: FastMap<String, Vec<NodeId>> = FastMap::default();
        for (id, n) in doc.nodes.iter().enumerate() {
            if let (true, Some(num), NodeKind::Paragraph) = (decimals, n.number(), n.kind) {
                let written = doc.masked[num.span.start..num.span.end].trim_end_matches('.');
                if written.contains('.') {
                    by_decimal.entry(written.to_string()).or_default().push(id);
                }
            }
            if let (Some(num), NodeKind::Paragraph | NodeKind::Section | NodeKind::Article) = (n.number(), n.kind) {
                // (a decimal paragraph `19.3` is not paragraph 3)
                if num.style == crate::syntax::NumberStyle::Decimal {
                    continue;
                }
                // `5 bis` is not paragraph 5: it is found from 5 (see `negotiated`).
                if crate::syntax::negotiation::suffix_of(doc, id).is_some() {
                    continue;
                }
                let c = doc.container_of(id);
                let r = container_rank(&rank, c);
                numbered.push((n.kind as u8, num.value, r, container_key(c), id as u32));
            }
        }
        numbered.sort_unstable();
        // (held from one update to the next while the tree keeps its shape)
        numbered.shrink_to_fit();
        let all: Vec<Option<NodeId>> = std::iter::once(None).chain(annexes.iter().copied().map(Some)).collect();
        let words = crate::lang::tables::tables(doc.language).data.outcome_document_words;
        let outcome = annexes
            .iter()
            .copied()
            .filter(|&a| {
                let title = doc.nodes[a].title().map(|t| &doc.masked[t.start..t.end]).unwrap_or("");
                words.iter().any(|w| title.contains(w))
            })
            .map(Some)
            .collect();
        let mut annex_numbered: FastMap<u32, Vec<Option<NodeId>>> = FastMap::default();
        for &a in &annexes {
            if let Some(n) = number_of(doc, a) {
                annex_numbered.entry(n).or_default().push(Some(a));
            }
        }
        Index { numbered, by_decimal, decimals, annexes, all, rank, annex_numbered, outcome }
    }

    /// A container's place in `all` (None for a node outside every container listed).
    fn rank_of(&self, c: Option<NodeId>) -> Option<usize> {
        match c {
            None => Some(0),
            Some(a) => self.rank.get(&a).copied(),
        }
    }

    /// Whether `c` is one of `containers` (a list in container order, as
    /// `containers` makes them): a binary search, not a scan of every annex.
    fn holds(&self, containers: &[Option<NodeId>], c: Option<NodeId>) -> bool {
        let Some(r) = self.rank_of(c) else { return containers.contains(&c) };
        self.holds_rank(containers, r)
    }

    fn holds_rank(&self, containers: &[Option<NodeId>], r: usize) -> bool {
        containers.binary_search_by_key(&r, |&x| self.rank_of(x).unwrap_or(usize::MAX)).is_ok()
    }

    /// Nodes of `kind` numbered `value` in one of `containers`, looking in
    /// `first` (the reference's own container) before the others.
    fn find(
        &self,
        kind: NodeKind,
        value: Option<u32>,
        containers: &[Option<NodeId>],
        first: Option<Option<NodeId>>,
        accept: impl Fn(NodeId) -> bool,
    ) -> Vec<NodeId> {
        let Some(value) = value else { return Vec::new() };
        // Every container's candidates, in container order.
        let key = (kind as u8, value);
        let from = self.numbered.partition_point(|e| (e.0, e.1) < key);
        let upto = from + self.numbered[from..].partition_point(|e| (e.0, e.1) == key);
        let list = &self.numbered[from..upto];
        if let Some(own) = first.filter(|&c| self.holds(containers, c)) {
            let r = container_rank(&self.rank, own);
            let c = (r, container_key(own));
            let start = list.partition_point(|e| (e.2, e.3) < c);
            let here: Vec<NodeId> =
                list[start..].iter().take_while(|e| (e.2, e.3) == c).map(|e| e.4 as NodeId).filter(|&id| accept(id)).collect();
            if !here.is_empty() {
                return here;
            }
        }
        list.iter()
            .filter(|e| e.2 != u32::MAX && self.holds_rank(containers, e.2 as usize) && accept(e.4 as NodeId))
            .map(|e| e.4 as NodeId)
            .collect()
    }
}

/// Where each reference points, in the order given: external ones point
/// outside the document, internal ones are resolved against its tree.
pub fn resolve_all(doc: &Document, refs: &[Reference]) -> Vec<Resolution> {
    let index = Index::new(doc, cites_decimal(refs));
    let mut last_cited = None;
    refs.iter().map(|r| resolve_next(doc, &index, r, &mut last_cited)).collect()
}

/// Whether some reference cites a decimal paragraph (`paragraph 7.1`).
fn cites_decimal(refs: &[Reference]) -> bool {
    refs.iter().any(|r| r.target.as_ref().is_some_and(|t| t.decimal.is_some()))
}

/// The last provision of another text cited with the words that say which
/// ("paragraphs 48 to 54 of this report"), and where it ends.
type LastCited<'r> = Option<(usize, &'r super::external::External)>;

/// The resolution of `r`, the reference after those whose citations
/// `last_cited` followed (it then follows `r`'s).
fn resolve_next<'r>(doc: &Document, index: &Index, r: &'r Reference, last_cited: &mut LastCited<'r>) -> Resolution {
    let resolution = match (&r.external, &r.target) {
        (None, Some(target)) => match r.candidate() {
            None => {
                let here = preambular(doc, r, negotiated(doc, r, resolve_one(doc, index, r, target, true)));
                match *last_cited {
                    // "… endorses the concept outlined in paragraphs 48 to
                    // 54 of this report" then, in the next paragraph, "the
                    // mechanism in paragraph 74": a bare number this document
                    // does not have, right after a citation of another text,
                    // is read as that text's: mixed evidence, not an error.
                    Some((end, other)) if here.status == Status::Broken && !r.evidence() && end + CITATION_CARRIES >= r.range().start => {
                        mixed(doc, here, other, true)
                    }
                    _ => here,
                }
            }
            // Only whether it resolves matters: no walk to explain a failure.
            Some(other) => mixed(doc, resolve_one(doc, index, r, target, false), other, r.candidate_in_words()),
        },
        _ => Resolution::external(),
    };
    follow_citation(r, last_cited);
    resolution
}

/// Notes the provision of another text that `r` cites with the words that
/// say which, if it does.
fn follow_citation<'r>(r: &'r Reference, last_cited: &mut LastCited<'r>) {
    match (&r.external, &r.target) {
        (None, Some(_)) => {
            if let (Some(other), true) = (r.candidate(), r.candidate_in_words()) {
                *last_cited = Some((r.range().end, other));
            }
        }
        (Some(e), _) => {
            if let (Some(of), Some(_)) = (e.of.as_deref(), r.qualifier()) {
                *last_cited = Some((r.range().end, of));
            }
        }
        _ => {}
    }
}

/// Resolves again, against `index` (the document's), the references
/// `refs[window]` and those after them that a citation ending before
/// `reach_end` can reach (see `CITATION_CARRIES`); the others keep what
/// they were resolved to. For an incremental update whose tree is the
/// previous one's (`model::references_after_same_tree`). Returns the
/// indices resolved.
pub fn resolve_window(
    doc: &Document,
    index: &ResolverIndex,
    refs: &mut [Reference],
    window: Range<usize>,
    reach_end: usize,
) -> Range<usize> {
    let end = window.end + refs[window.end..].iter().take_while(|r| r.range().start <= reach_end + CITATION_CARRIES).count();
    let resolutions: Vec<Resolution> = {
        let mut last_cited = None;
        for r in &refs[..window.start] {
            follow_citation(r, &mut last_cited);
        }
        refs[window.start..end].iter().map(|r| resolve_next(doc, &index.0, r, &mut last_cited)).collect()
    };
    for (r, resolution) in refs[window.start..end].iter_mut().zip(resolutions) {
        r.set_resolution(resolution);
    }
    window.start..end
}

/// "preambular paragraph 3": the preambular paragraph labelled `PP3` in a
/// negotiation draft (with its `bis`), never operative paragraph 3; where
/// no preambular paragraph is so labelled, neither resolved nor reported.
fn preambular(doc: &Document, r: &super::reference::Reference, here: Resolution) -> Resolution {
    use crate::syntax::negotiation::{suffix_at, suffix_of};
    let before = doc.masked[..r.range().start].trim_end();
    let word = "preambular";
    let said = before.len() >= word.len()
        && before.is_char_boundary(before.len() - word.len())
        && before[before.len() - word.len()..].eq_ignore_ascii_case(word);
    if !said {
        return here;
    }
    let Some(number) = r.numbers().find(|n| n.role == super::reference::NumberRole::Paragraph) else { return here };
    let suffix = suffix_at(&doc.masked, number.span.end).map(|(w, _)| w);
    let found = doc.nodes.iter().enumerate().find(|&(id, n)| {
        n.kind == NodeKind::PreambularParagraph
            && n.number().map(|x| x.value) == Some(number.value)
            && suffix_of(doc, id).map(|(w, _)| w) == suffix
    });
    match found {
        Some((id, _)) => {
            Resolution { status: Status::Resolved, node: Some(id), candidates: Vec::new(), note: None, annex_number_mismatch: false }
        }
        None => Resolution { status: Status::Unverified, node: None, candidates: Vec::new(), note: None, annex_number_mismatch: false },
    }
}

/// A reference to `paragraph 5 bis` (the word after its paragraph number):
/// the paragraph numbered `5 bis` in the numbering scope of the paragraph 5
/// it resolved to, else broken.
fn negotiated(doc: &Document, r: &Reference, here: Resolution) -> Resolution {
    use crate::syntax::negotiation::{suffix_at, suffix_of};
    let Some(number) = r.numbers().find(|n| n.role == super::reference::NumberRole::Paragraph) else { return here };
    let Some((word, _)) = suffix_at(&doc.masked, number.span.end) else { return here };
    let Some(base) = here.node.filter(|_| here.status == Status::Resolved) else { return here };
    let Some(base) = std::iter::once(base).chain(doc.ancestors(base)).find(|&n| doc.nodes[n].kind == NodeKind::Paragraph) else {
        return here;
    };
    let scope = crate::syntax::scope::numbering_scope(doc, base);
    let value = doc.nodes[base].number().map(|n| n.value);
    let found = doc.nodes.iter().enumerate().skip(base).find(|&(id, n)| {
        n.kind == NodeKind::Paragraph
            && n.number().map(|x| x.value) == value
            && suffix_of(doc, id).is_some_and(|(w, _)| w == word)
            && crate::syntax::scope::numbering_scope(doc, id) == scope
    });
    match found {
        Some((id, _)) => {
            Resolution { status: Status::Resolved, node: Some(id), candidates: Vec::new(), note: None, annex_number_mismatch: false }
        }
        None => Resolution::broken(format!("there is no paragraph {} {word}", value.unwrap_or(0))),
    }
}

/// How far (in bytes) a citation of another text's paragraphs carries to a
/// bare paragraph number after it that this document does not have: about
/// one operative paragraph.
const CITATION_CARRIES: usize = 1200;

/// A reference in a sentence that names another text before it (mixed
/// evidence): neither resolved nor reported (the note gives both readings),
/// unless the other text is a resolution or symbol named in passing and the
/// reference resolves here.
fn mixed(doc: &Document, here: Resolution, other: &super::external::External, in_words: bool) -> Resolution {
    if !in_words && here.status == Status::Resolved {
        return here;
    }
    let this = match (here.status, here.node) {
        (Status::Resolved, Some(n)) => format!("this document's {}", doc.eid(n)),
        _ => "nothing in this document".to_string(),
    };
    Resolution {
        status: Status::Unverified,
        node: None,
        candidates: Vec::new(),
        note: Some(format!("it may belong to {}, named just before it, or point at {this}", other.describe())),
        annex_number_mismatch: false,
    }
}

fn number_of(doc: &Document, id: NodeId) -> Option<u32> {
    // (a decimal paragraph `19.3` is not paragraph 3)
    doc.nodes[id].number().filter(|n| n.style != crate::syntax::NumberStyle::Decimal).map(|n| n.value)
}

/// The containers (None = body, Some(annex)) a target may be in, in
/// container order, and whether an annex number was cited for an unnumbered
/// sole annex (or the reverse). The lists every reference shares (all
/// containers, all annexes, the outcome documents) are borrowed from the
/// index, not built again per reference.
fn containers<'a>(doc: &Document, index: &'a Index, target: &InternalTarget) -> (Cow<'a, [Option<NodeId>]>, bool, Option<String>) {
    let annexes = &index.annexes[..];
    let mut mismatch = false;
    let mut out: Cow<'a, [Option<NodeId>]> = match target.annex {
        Some(AnnexSpec::Numbered(n)) => {
            if let Some(numbered) = index.annex_numbered.get(&n) {
                Cow::Borrowed(&numbered[..])
            } else if annexes.len() == 1 && number_of(doc, annexes[0]).is_none() && n == 1 {
                mismatch = true;
                Cow::Owned(vec![Some(annexes[0])])
            } else if annexes.is_empty() {
                return (Cow::Borrowed(&[]), false, Some("the document has no annex".to_string()));
            } else {
                return (
                    Cow::Borrowed(&[]),
                    false,
                    Some(format!(
                        "there is no annex {}; the document has {}",
                        crate::lang::numerals::to_roman(n),
                        describe_annexes(doc, annexes)
                    )),
                );
            }
        }
        Some(AnnexSpec::Sole) => {
            if annexes.is_empty() {
                return (Cow::Borrowed(&[]), false, Some("the document has no annex".to_string()));
            }
            if annexes.len() == 1 && number_of(doc, annexes[0]).is_some() {
                mismatch = true;
            }
            Cow::Borrowed(&index.all[1..])
        }
        None => Cow::Borrowed(&index.all[..]),
    };
    if target.scope == DocScope::OutcomeDocument && target.annex.is_none() {
        if !index.outcome.is_empty() {
            out = Cow::Borrowed(&index.outcome[..]);
        } else if !annexes.is_empty() {
            out = Cow::Borrowed(&index.all[1..]);
        }
    }
    (out, mismatch, None)
}

fn describe_annexes(doc: &Document, annexes: &[NodeId]) -> String {
    let names: Vec<String> = annexes
        .iter()
        .map(|&a| match number_of(doc, a) {
            Some(n) => format!("annex {}", crate::lang::numerals::to_roman(n)),
            None => "one unnumbered annex".to_string(),
        })
        .collect();
    names.join(", ")
}

/// Nodes of `kind` in a container, in order.
fn nodes_in(doc: &Document, container: Option<NodeId>, kind: NodeKind) -> Vec<NodeId> {
    let tops: Vec<NodeId> = match container {
        Some(a) => doc.children(a).to_vec(),
        None => doc.roots.iter().copied().filter(|&n| doc.nodes[n].kind != NodeKind::Annex).collect(),
    };
    let mut out = Vec::new();
    for t in tops {
        if doc.nodes[t].kind == kind {
            out.push(t);
        }
        out.extend(doc.each_descendant(t).filter(|&n| doc.nodes[n].kind == kind));
    }
    out
}

fn has_ancestor_numbered(doc: &Document, id: NodeId, kind: NodeKind, value: u32) -> bool {
    doc.ancestors(id).any(|a| doc.nodes[a].kind == kind && number_of(doc, a) == Some(value))
}

/// The numbering scope of a node (the one definition, in `syntax::scope`).
fn scope_of(doc: &Document, id: NodeId) -> Option<NodeId> {
    crate::syntax::scope::numbering_scope(doc, id)
}

/// Follows a subparagraph path ("a", "ii") down from a node.
fn descend(doc: &Document, from: NodeId, path: &[String]) -> Option<NodeId> {
    let mut cur = from;
    for letters in path {
        let next = doc.children(cur).iter().copied().find(|&c| {
            let n = &doc.nodes[c];
            n.kind == NodeKind::Subparagraph
                && n.number().is_some_and(|num| doc.masked[num.span.start..num.span.end].eq_ignore_ascii_case(letters))
        })?;
        cur = next;
    }
    Some(cur)
}

/// Where one internal reference points; `explain` says whether to describe
/// a failure (which walks the container).
fn resolve_one(doc: &Document, index: &Index, r: &Reference, target: &InternalTarget, explain: bool) -> Resolution {
    let (containers, annex_number_mismatch, why_none) = containers(doc, index, target);
    if let Some(why) = why_none {
        return Resolution::broken(why);
    }
    let here = doc.node_at(r.range().start);
    let here_container = here.map(|h| doc.container_of(h)).or(Some(None));
    let mut found: Vec<NodeId> = Vec::new();
    let mut why: Option<String> = None;

    match r.kind {
        RefKind::Annex => {
            found = containers.iter().flatten().copied().collect();
        }
        RefKind::Section | RefKind::Subsection => {
            // "Section B below": a subsection of the section the reference is in.
            let enclosing = |at: NodeId| std::iter::once(at).chain(doc.ancestors(at)).find(|&n| doc.nodes[n].kind == NodeKind::Section);
            let sections: Vec<NodeId> = match (target.section, target.subsection) {
                (None, Some(_)) => here.and_then(enclosing).into_iter().collect(),
                _ => index.find(NodeKind::Section, target.section, &containers, here_container, |_| true).into_iter().collect(),
            };
            for s in sections {
                {
                    match target.subsection {
                        Some(sub) => {
                            found.extend(
                                doc.children(s)
                                    .iter()
                                    .copied()
                                    .filter(|&x| doc.nodes[x].kind == NodeKind::Subsection && number_of(doc, x) == Some(sub)),
                            );
                        }
                        None => found.push(s),
                    }
                }
            }
            if found.is_empty() {
                why = Some(match target.section {
                    Some(s) => format!("there is no section {}", crate::lang::numerals::to_roman(s)),
                    None => "no such section".to_string(),
                });
            }
        }
        RefKind::Article => {
            found.extend(index.find(NodeKind::Article, target.article, &containers, here_container, |_| true));
            if found.is_empty() {
                why = Some(format!("there is no article {}", target.article.unwrap_or(0)));
            }
        }
        RefKind::Paragraph | RefKind::Subparagraph if target.decimal.is_some() => {
            let written = target.decimal.as_deref().unwrap_or("");
            // A decimal number where the tree numbers no paragraph so: not checked.
            if index.by_decimal.is_empty() {
                return Resolution {
                    status: Status::Unverified,
                    node: None,
                    candidates: Vec::new(),
                    note: Some(format!("no paragraph of the document is numbered like {written}")),
                    annex_number_mismatch,
                };
            }
            for &id in index.by_decimal.get(written).into_iter().flatten() {
                if index.holds(&containers, doc.container_of(id)) {
                    if let Some(n) = descend(doc, id, &target.subparagraphs) {
                        found.push(n);
                    }
                }
            }
            if found.is_empty() {
                why = Some(format!("there is no paragraph {written}"));
            }
        }
        RefKind::Paragraph | RefKind::Subparagraph => {
            match target.paragraph {
                Some(p) => {
                    let accept = |id: NodeId| {
                        target.section.is_none_or(|s| has_ancestor_numbered(doc, id, NodeKind::Section, s))
                            && target.subsection.is_none_or(|sub| has_ancestor_numbered(doc, id, NodeKind::Subsection, sub))
                    };
                    let paragraphs = index.find(NodeKind::Paragraph, Some(p), &containers, here_container, accept);
                    if paragraphs.is_empty() {
                        why = explain.then(|| describe_missing_paragraph(doc, target, &containers, here));
                    }
                    for id in paragraphs {
                        match descend(doc, id, &target.subparagraphs) {
                            Some(n) => found.push(n),
                            None => {
                                why = Some(format!("paragraph {} has no subparagraph ({})", p, target.subparagraphs.join(") (")));
                            }
                        }
                    }
                }
                None => {
                    // "subparagraph (a)", "paragraph (i)": relative to where it stands.
                    if let Some(h) = here {
                        for a in std::iter::once(h).chain(doc.ancestors(h)) {
                            if !matches!(
                                doc.nodes[a].kind,
                                NodeKind::Subparagraph
                                    | NodeKind::Paragraph
                                    | NodeKind::ListItem
                                    | NodeKind::UnnumberedParagraph
                                    | NodeKind::PreambularParagraph
                            ) {
                                break;
                            }
                            if let Some(n) = descend(doc, a, &target.subparagraphs) {
                                found.push(n);
                                break;
                            }
                        }
                    }
                    if found.is_empty() {
                        why = Some(format!("no subparagraph ({}) in the paragraph it stands in", target.subparagraphs.join(") (")));
                    }
                }
            }
        }
        RefKind::External(_) => {}
    }

    found.sort_unstable();
    found.dedup();
    if found.len() > 1 {
        if let Some(h) = here {
            // Prefer the reference's own numbering scope, then its container.
            let own_scope = scope_of(doc, h);
            let same_scope: Vec<NodeId> = found.iter().copied().filter(|&f| scope_of(doc, f) == own_scope).collect();
            let same_container: Vec<NodeId> = found.iter().copied().filter(|&f| doc.container_of(f) == doc.container_of(h)).collect();
            if same_scope.len() == 1 {
                found = same_scope;
            } else if same_container.len() == 1 {
                found = same_container;
            }
        }
    }
    let (status, node, candidates) = match found.len() {
        0 => return Resolution::broken(why.unwrap_or_else(|| "no such target".to_string())),
        1 => (Status::Resolved, Some(found[0]), Vec::new()),
        _ => (Status::Ambiguous, None, found),
    };
    Resolution { status, node, candidates, note: None, annex_number_mismatch }
}

fn describe_missing_paragraph(doc: &Document, target: &InternalTarget, containers: &[Option<NodeId>], here: Option<NodeId>) -> String {
    let p = target.paragraph.unwrap_or(0);
    let here_container = here.and_then(|h| doc.container_of(h));
    let mut parts = Vec::new();
    for &c in containers {
        let place = match c {
            None => "the body".to_string(),
            Some(a) => match number_of(doc, a) {
                Some(n) => format!("annex {}", crate::lang::numerals::to_roman(n)),
                None => "the annex".to_string(),
            },
        };
        if let Some(s) = target.section {
            let sections: Vec<NodeId> = nodes_in(doc, c, NodeKind::Section).into_iter().filter(|&x| number_of(doc, x) == Some(s)).collect();
            for sec in sections {
                let nums: Vec<u32> = doc
                    .each_descendant(sec)
                    .filter(|&n| doc.nodes[n].kind == NodeKind::Paragraph)
                    .filter_map(|n| number_of(doc, n))
                    .collect();
                parts.push(format!("section {} of {} has {}", crate::lang::numerals::to_roman(s), place, span_text(&nums)));
            }
        } else if c == here_container || containers.len() == 1 {
            let nums: Vec<u32> = nodes_in(doc, c, NodeKind::Paragraph).into_iter().filter_map(|n| number_of(doc, n)).collect();
            if !nums.is_empty() {
                parts.push(format!("{} has {}", place, span_text(&nums)));
            }
        }
    }
    let what = match target.section {
        Some(s) => format!("there is no paragraph {p} in section {}", crate::lang::numerals::to_roman(s)),
        None => format!("there is no paragraph {p}"),
    };
    if parts.is_empty() {
        what
    } else {
        format!("{what}: {}", parts.join("; "))
    }
}

fn span_text(nums: &[u32]) -> String {
    match (nums.iter().min(), nums.iter().max()) {
        (Some(a), Some(b)) if a == b => format!("paragraph {a}"),
        (Some(a), Some(b)) => format!("paragraphs {a}–{b}"),
        _ => "no numbered paragraphs".to_string(),
    }
}

/// Where `target`, cited by another text as a `kind` of this document
/// ("paragraph 10 of A/CONF.192/2018/RC/2"), points in `doc`: the same
/// resolver, looking from the top of the document (the body before the
/// annexes).
pub fn resolve_in(doc: &Document, kind: RefKind, target: &InternalTarget) -> Resolution {
    resolve_in_indexed(doc, &ResolverIndex::new(doc), kind, target)
}

/// A document's resolver index, built once and kept by whoever resolves
/// many references into it (the workspace, for references from other
/// documents); valid for that document's tree only.
pub struct ResolverIndex(Index);

impl ResolverIndex {
    pub fn new(doc: &Document) -> ResolverIndex {
        ResolverIndex(Index::new(doc, true))
    }

    /// The index `refs` need: the decimal paragraphs only when one of them
    /// cites one (see [`ResolverIndex::covers`]).
    pub fn for_references(doc: &Document, refs: &[Reference]) -> ResolverIndex {
        ResolverIndex(Index::new(doc, cites_decimal(refs)))
    }

    /// Whether this index can resolve `refs` (it holds the decimal
    /// paragraphs, or none of them cites one).
    pub fn covers(&self, refs: &[Reference]) -> bool {
        self.0.decimals || !cites_decimal(refs)
    }
}

/// [`resolve_in`] with the document's index already built.
pub fn resolve_in_indexed(doc: &Document, index: &ResolverIndex, kind: RefKind, target: &InternalTarget) -> Resolution {
    let index = &index.0;
    let mut target = target.clone();
    target.direction = None;
    target.scope = DocScope::Any;
    let probe = Reference::internal(crate::text::TextRange::new(0, 0), kind, target.clone(), Vec::new());
    resolve_one(doc, index, &probe, &target, true)
}
