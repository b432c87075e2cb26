//! The resolver: one for every language. It maps an internal reference's
//! target (annex, section, subsection, paragraph, subparagraph path, article)
//! onto the nodes of the document, preferring the reference's own numbering
//! scope and container when several fit, and says why when none does.

use crate::hash::FastMap;

use crate::syntax::{Document, NodeId, NodeKind};

use super::reference::{AnnexSpec, DocScope, InternalTarget, RefKind, Reference, Status};

/// Numbered nodes by kind and number, built once per document so that each
/// reference costs a lookup, not a walk of the tree.
struct Index {
    by_number: FastMap<(NodeKind, u32, Option<NodeId>), Vec<NodeId>>,
}

impl Index {
    fn new(doc: &Document) -> Index {
        let mut by_number: FastMap<(NodeKind, u32, Option<NodeId>), Vec<NodeId>> = FastMap::default();
        for (id, n) in doc.nodes.iter().enumerate() {
            if let (Some(num), NodeKind::Paragraph | NodeKind::Section | NodeKind::Article) = (n.number, n.kind) {
                // (a decimal paragraph `19.3` is not paragraph 3)
                if num.style == crate::syntax::NumberStyle::Decimal {
                    continue;
                }
                by_number.entry((n.kind, num.value, doc.container_of(id))).or_default().push(id);
            }
        }
        Index { by_number }
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
        let lookup = |c: Option<NodeId>| -> Vec<NodeId> {
            self.by_number.get(&(kind, value, c)).map(|ids| ids.iter().copied().filter(|&id| accept(id)).collect()).unwrap_or_default()
        };
        if let Some(own) = first.filter(|c| containers.contains(c)) {
            let here = lookup(own);
            if !here.is_empty() {
                return here;
            }
        }
        containers.iter().flat_map(|&c| lookup(c)).collect()
    }
}

pub fn resolve_all(doc: &Document, refs: &mut [Reference]) {
    let index = Index::new(doc);
    for r in refs.iter_mut() {
        if r.status == Status::External || r.external.is_some() {
            r.status = Status::External;
            continue;
        }
        let Some(target) = r.target.clone() else { continue };
        resolve_one(doc, &index, r, &target);
    }
}

fn number_of(doc: &Document, id: NodeId) -> Option<u32> {
    // (a decimal paragraph `19.3` is not paragraph 3)
    doc.nodes[id].number.filter(|n| n.style != crate::syntax::NumberStyle::Decimal).map(|n| n.value)
}

/// The containers (None = body, Some(annex)) a target may be in, and whether
/// an annex number was cited for an unnumbered sole annex (or the reverse).
fn containers(doc: &Document, target: &InternalTarget) -> (Vec<Option<NodeId>>, bool, Option<String>) {
    let annexes = doc.annexes();
    let mut mismatch = false;
    let mut out: Vec<Option<NodeId>> = match target.annex {
        Some(AnnexSpec::Numbered(n)) => {
            let numbered: Vec<NodeId> = annexes.iter().copied().filter(|&a| number_of(doc, a) == Some(n)).collect();
            if !numbered.is_empty() {
                numbered.into_iter().map(Some).collect()
            } else if annexes.len() == 1 && number_of(doc, annexes[0]).is_none() && n == 1 {
                mismatch = true;
                vec![Some(annexes[0])]
            } else if annexes.is_empty() {
                return (Vec::new(), false, Some("the document has no annex".to_string()));
            } else {
                return (
                    Vec::new(),
                    false,
                    Some(format!(
                        "there is no annex {}; the document has {}",
                        crate::lang::numerals::to_roman(n),
                        describe_annexes(doc, &annexes)
                    )),
                );
            }
        }
        Some(AnnexSpec::Sole) => {
            if annexes.is_empty() {
                return (Vec::new(), false, Some("the document has no annex".to_string()));
            }
            if annexes.len() == 1 && number_of(doc, annexes[0]).is_some() {
                mismatch = true;
            }
            annexes.iter().copied().map(Some).collect()
        }
        None => {
            let mut all: Vec<Option<NodeId>> = vec![None];
            all.extend(annexes.iter().copied().map(Some));
            all
        }
    };
    if target.scope == DocScope::OutcomeDocument && target.annex.is_none() {
        let words = crate::lang::tables::tables(doc.language).data.outcome_document_words;
        let outcome: Vec<NodeId> = annexes
            .iter()
            .copied()
            .filter(|&a| {
                let title = doc.nodes[a].title.map(|t| &doc.masked[t.start..t.end]).unwrap_or("");
                words.iter().any(|w| title.contains(w))
            })
            .collect();
        if !outcome.is_empty() {
            out = outcome.into_iter().map(Some).collect();
        } else if !annexes.is_empty() {
            out = annexes.iter().copied().map(Some).collect();
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
        Some(a) => doc.nodes[a].children.clone(),
        None => doc.roots.iter().copied().filter(|&n| doc.nodes[n].kind != NodeKind::Annex).collect(),
    };
    let mut out = Vec::new();
    for t in tops {
        if doc.nodes[t].kind == kind {
            out.push(t);
        }
        out.extend(doc.descendants(t).into_iter().filter(|&n| doc.nodes[n].kind == kind));
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
        let next = doc.nodes[cur].children.iter().copied().find(|&c| {
            let n = &doc.nodes[c];
            n.kind == NodeKind::Subparagraph
                && n.number.is_some_and(|num| doc.masked[num.span.start..num.span.end].eq_ignore_ascii_case(letters))
        })?;
        cur = next;
    }
    Some(cur)
}

fn resolve_one(doc: &Document, index: &Index, r: &mut Reference, target: &InternalTarget) {
    let (containers, mismatch, why_none) = containers(doc, target);
    r.annex_number_mismatch = mismatch;
    if let Some(why) = why_none {
        r.status = Status::Broken;
        r.note = Some(why);
        return;
    }
    let here = doc.node_at(r.range.start);
    let here_container = here.map(|h| doc.container_of(h)).or(Some(None));
    let mut found: Vec<NodeId> = Vec::new();
    let mut why: Option<String> = None;

    match r.kind {
        RefKind::Annex => {
            found = containers.iter().flatten().copied().collect();
        }
        RefKind::Section | RefKind::Subsection => {
            for s in index.find(NodeKind::Section, target.section, &containers, here_container, |_| true) {
                {
                    match target.subsection {
                        Some(sub) => {
                            found.extend(
                                doc.nodes[s]
                                    .children
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
        RefKind::Paragraph | RefKind::Subparagraph => {
            match target.paragraph {
                Some(p) => {
                    let accept = |id: NodeId| {
                        target.section.is_none_or(|s| has_ancestor_numbered(doc, id, NodeKind::Section, s))
                            && target.subsection.is_none_or(|sub| has_ancestor_numbered(doc, id, NodeKind::Subsection, sub))
                    };
                    let paragraphs = index.find(NodeKind::Paragraph, Some(p), &containers, here_container, accept);
                    if paragraphs.is_empty() {
                        why = Some(describe_missing_paragraph(doc, target, &containers, here));
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
    match found.len() {
        0 => {
            r.status = Status::Broken;
            r.note = why.or_else(|| Some("no such target".to_string()));
        }
        1 => {
            r.status = Status::Resolved;
            r.node = Some(found[0]);
        }
        _ => {
            r.status = Status::Ambiguous;
            r.candidates = found;
        }
    }
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
                    .descendants(sec)
                    .into_iter()
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
