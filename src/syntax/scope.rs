//! Numbering scope: the one definition of where paragraph numbers run and
//! where they restart, used by addresses (eIds), the numbering check and the
//! resolver alike.
//!
//! For the body and each annex the scheme is inferred from the numbers
//! themselves: paragraphs run through it, or restart in each part, section
//! (chapter), subsection or article. A paragraph's numbering scope is then
//! the nearest enclosing node where numbering restarts, else its container
//! (the body or its annex).

use super::tree::{Document, NodeId, NodeKind, NumberStyle, NumberingScheme};

/// Whether paragraph numbers restart at `id` (it is a numbering scope of
/// its own): an annex always, a part, section, subsection or article when
/// the scheme of its container says so.
pub fn restarts_at(doc: &Document, id: NodeId) -> bool {
    let kind = doc.nodes[id].kind;
    if kind == NodeKind::Annex {
        return true;
    }
    match doc.scheme_of(doc.container_of(id)) {
        NumberingScheme::Continuous => false,
        NumberingScheme::RestartPerPart => kind == NodeKind::Part,
        NumberingScheme::RestartPerSection => kind == NodeKind::Section,
        NumberingScheme::RestartPerSubsection => matches!(kind, NodeKind::Subsection | NodeKind::Section),
        NumberingScheme::RestartPerArticle => kind == NodeKind::Article,
    }
}

/// The numbering scope of a node: the nearest node at or above it where
/// paragraph numbers restart, or `None` for the body.
/// Decimal paragraph numbers (`19.3`, `A.2`) run through their container,
/// in a sequence of their own for each prefix.
pub fn numbering_scope(doc: &Document, id: NodeId) -> Option<NodeId> {
    if is_decimal(doc, id) {
        return doc.container_of(id);
    }
    std::iter::once(id).chain(doc.ancestors(id)).find(|&a| restarts_at(doc, a))
}

/// Whether a node is numbered in the decimal style (`19.3`, `A.2`).
pub fn is_decimal(doc: &Document, id: NodeId) -> bool {
    doc.nodes[id].number().is_some_and(|n| n.style == NumberStyle::Decimal)
}

/// The prefix of a decimal number (`19` in `19.3`), empty for other numbers.
pub fn decimal_prefix(doc: &Document, id: NodeId) -> &str {
    match doc.nodes[id].number() {
        Some(n) if n.style == NumberStyle::Decimal => {
            let written = &doc.masked[n.span.start..n.span.end];
            written.rfind('.').map_or("", |dot| &written[..dot])
        }
        _ => "",
    }
}

/// [`numbering_scope`] of every node, by node id, in one pass down the
/// tree (a node's scope is its own or its parent's) rather than a walk up
/// the ancestors of each.
pub fn numbering_scopes(doc: &Document) -> Vec<Option<NodeId>> {
    // The nearest node at or above each one where numbers restart.
    let mut restart: Vec<Option<NodeId>> = Vec::with_capacity(doc.nodes.len());
    for (id, n) in doc.nodes.iter().enumerate() {
        let own = if restarts_at(doc, id) {
            Some(id)
        } else {
            match n.parent() {
                // (a parent is opened, and numbered, before its children)
                Some(p) if p < id => restart[p],
                Some(p) => std::iter::once(p).chain(doc.ancestors(p)).find(|&a| restarts_at(doc, a)),
                None => None,
            }
        };
        restart.push(own);
    }
    for (id, scope) in restart.iter_mut().enumerate() {
        if is_decimal(doc, id) {
            *scope = doc.container_of(id);
        }
    }
    restart
}

/// The numbered paragraphs of the document grouped by numbering scope, each
/// group in document order (the sequences the numbering check reads).
pub fn paragraph_sequences(doc: &Document) -> Vec<(Option<NodeId>, Vec<NodeId>)> {
    let mut groups: Vec<(Option<NodeId>, Vec<NodeId>)> = Vec::new();
    let mut group_of: crate::hash::FastMap<(Option<NodeId>, &str), usize> = Default::default();
    let scopes = numbering_scopes(doc);
    // The group of the paragraph before: most paragraphs follow one of
    // their own group, and are put there without a look-up.
    let mut last: Option<((Option<NodeId>, &str), usize)> = None;
    for (id, n) in doc.nodes.iter().enumerate() {
        if n.kind != NodeKind::Paragraph || n.number().is_none() {
            continue;
        }
        let key = (scopes[id], decimal_prefix(doc, id));
        let g = match last {
            Some((k, g)) if same_key(k, key) => g,
            _ => match group_of.get(&key) {
                Some(&g) => g,
                None => {
                    group_of.insert(key, groups.len());
                    groups.push((key.0, Vec::new()));
                    groups.len() - 1
                }
            },
        };
        groups[g].1.push(id);
        last = Some((key, g));
    }
    groups
}

/// Whether two keys of [`paragraph_sequences`] are the same, comparing the
/// prefixes' bytes only when both have any. Almost every paragraph has no
/// prefix (`""`, whose pointer dangles), and `==` on two such strings still
/// calls `memcmp`, which glibc's AVX-512 version answers in 77 ns for a
/// dangling pointer (2 ns otherwise): three quarters of this function's
/// time, 7% of a Chinese analysis.
fn same_key(a: (Option<NodeId>, &str), b: (Option<NodeId>, &str)) -> bool {
    a.0 == b.0 && a.1.len() == b.1.len() && (a.1.is_empty() || a.1 == b.1)
}

/// Decides, for the body and each annex, whether paragraph numbers run
/// through it or restart in each section (or subsection).
pub(crate) fn infer_schemes(doc: &Document) -> Vec<(Option<NodeId>, NumberingScheme)> {
    let mut out = Vec::new();
    let body: Vec<NodeId> = doc.roots.iter().copied().filter(|&n| doc.nodes[n].kind != NodeKind::Annex).collect();
    out.push((None, scheme_for(doc, &body)));
    for annex in doc.annexes() {
        out.push((Some(annex), scheme_for(doc, doc.children(annex))));
    }
    out
}

fn paragraphs_in(doc: &Document, id: NodeId) -> Vec<u32> {
    doc.each_descendant(id)
        .filter(|&n| doc.nodes[n].kind == NodeKind::Paragraph && !is_decimal(doc, n))
        .filter_map(|n| doc.nodes[n].number().map(|x| x.value))
        .collect()
}

fn scheme_for(doc: &Document, tops: &[NodeId]) -> NumberingScheme {
    let mut sections = Vec::new();
    for &n in tops {
        match doc.nodes[n].kind {
            NodeKind::Section => sections.push(n),
            NodeKind::Part => sections.extend(doc.children(n).iter().copied().filter(|&c| doc.nodes[c].kind == NodeKind::Section)),
            _ => {}
        }
    }
    if restarts(doc, &sections) {
        return NumberingScheme::RestartPerSection;
    }
    // Subsections of each section.
    let mut votes = (0, 0);
    for &s in &sections {
        let subs: Vec<NodeId> = doc.children(s).iter().copied().filter(|&c| doc.nodes[c].kind == NodeKind::Subsection).collect();
        let (r, c) = restart_votes(doc, &subs);
        votes.0 += r;
        votes.1 += c;
    }
    if votes.0 > votes.1 {
        return NumberingScheme::RestartPerSubsection;
    }
    // Subsections outside sections (parts `A`, `B` of a resolution),
    // articles (declarations, conventions) and parts.
    let mut under = Vec::new();
    for &t in tops {
        under.push(t);
        under.extend(doc.each_descendant(t));
    }
    let of_kind = |kind: NodeKind| -> Vec<NodeId> {
        under
            .iter()
            .copied()
            .filter(|&n| doc.nodes[n].kind == kind && doc.nodes[n].parent().is_none_or(|p| doc.nodes[p].kind != NodeKind::Section))
            .collect()
    };
    if restarts(doc, &of_kind(NodeKind::Subsection)) {
        return NumberingScheme::RestartPerSubsection;
    }
    if restarts(doc, &of_kind(NodeKind::Article)) {
        return NumberingScheme::RestartPerArticle;
    }
    if restarts(doc, &of_kind(NodeKind::Part)) {
        return NumberingScheme::RestartPerPart;
    }
    NumberingScheme::Continuous
}

fn restart_votes(doc: &Document, scopes: &[NodeId]) -> (usize, usize) {
    let mut restart = 0;
    let mut continuous = 0;
    let mut prev_last: Option<u32> = None;
    for &s in scopes {
        let paras = paragraphs_in(doc, s);
        let (Some(&first), Some(&last)) = (paras.first(), paras.last()) else { continue };
        if let Some(p) = prev_last {
            if first == p + 1 {
                continuous += 1;
            } else if first <= p || first == 1 {
                restart += 1;
            } else {
                continuous += 1;
            }
        }
        prev_last = Some(last);
    }
    (restart, continuous)
}

fn restarts(doc: &Document, sections: &[NodeId]) -> bool {
    let (r, c) = restart_votes(doc, sections);
    r > c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_the_same_only_with_the_same_scope_and_prefix() {
        assert!(same_key((None, ""), (None, "")));
        assert!(same_key((Some(3), "19"), (Some(3), "19")));
        assert!(!same_key((Some(3), ""), (Some(4), "")));
        assert!(!same_key((None, ""), (None, "19")));
        assert!(!same_key((None, "19"), (None, "18")));
        assert!(!same_key((None, "A"), (Some(0), "A")));
    }

    #[test]
    fn decimal_paragraphs_run_in_a_sequence_of_their_own_per_prefix() {
        let text = "1. One.\n\n2. Two.\n\n19.1 Decimal one.\n\n19.2 Decimal two.\n\n20.1 Other prefix.\n\n3. Three.\n";
        let doc = crate::syntax::parse(text, crate::lang::Language::En);
        let numbers = |ids: &[NodeId]| -> Vec<String> {
            ids.iter()
                .map(|&id| doc.nodes[id].number().map_or(String::new(), |n| doc.masked[n.span.start..n.span.end].to_string()))
                .collect()
        };
        let groups: Vec<Vec<String>> = paragraph_sequences(&doc).iter().map(|(_, ids)| numbers(ids)).collect();
        assert_eq!(groups, [vec!["1", "2", "3"], vec!["19.1", "19.2"], vec!["20.1"]]);
    }
}
