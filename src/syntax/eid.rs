//! Stable addresses (eIds) in the style of Akoma Ntoso for the UN (AKN4UN):
//! `para_15`, `sec_II__para_18`, `annex__sec_II__para_18`, `annex_I__…`,
//! `annex__sec_II__subsec_A`, `…__para_8__subpara_a__subpara_ii`, `art_51`,
//! `para_6__list__item_9`. Sections get Roman numerals whatever the language.
//! Paragraphs are addressed from their numbering scope (the body or annex
//! when numbered continuously, the section when numbering restarts), not
//! from the headings between them.

use crate::hash::{hash_str, FastMap, FastSet};

use super::tree::{Document, Eids, NodeId, NodeKind, NumberStyle};
use crate::lang::numerals::{to_letter, to_roman};

pub fn assign(doc: &mut Document, masked: &str) {
    // Ordinals of unnumbered nodes among their siblings of the same kind.
    let mut ordinals = vec![0usize; doc.nodes.len()];
    let mut parents: Vec<&[NodeId]> = vec![&doc.roots];
    parents.extend((0..doc.nodes.len()).map(|n| doc.children(n)));
    // Counts per kind, indexed by the kind's discriminant.
    let mut counts = [0usize; 32];
    for siblings in parents {
        counts.iter_mut().for_each(|c| *c = 0);
        for &s in siblings {
            let c = &mut counts[doc.nodes[s].kind as usize % 32];
            *c += 1;
            ordinals[s] = *c;
        }
    }
    let mut used = Used { once: FastSet::with_capacity_and_hasher(doc.nodes.len(), Default::default()), more: FastMap::default() };
    let mut eids = Eids::with_nodes(doc.nodes.len());
    let mut eid = String::new();
    for &root in &doc.roots {
        assign_node(doc, &mut eids, &mut eid, masked, root, None, &ordinals, &mut used);
    }
    eids.shrink_to_fit();
    doc.eids = eids;
}

/// The eIds given so far (by hash), and how many times each was wanted:
/// a set of hashes (half the memory of a map, so fewer cache misses on a
/// large document) with the counts of the few wanted more than once aside.
struct Used {
    once: FastSet<u64>,
    more: FastMap<u64, u32>,
}

impl Used {
    /// Records one more use of `hash`: how many times it is used now.
    fn count(&mut self, hash: u64) -> u32 {
        if self.once.insert(hash) {
            return 1;
        }
        let more = self.more.entry(hash).or_insert(1);
        *more += 1;
        *more
    }

    /// Records `hash` as used once (an eId made unique with `__2`); the
    /// previous count, if any, is forgotten.
    fn mark(&mut self, hash: u64) {
        self.once.insert(hash);
        self.more.remove(&hash);
    }
}

/// Appends the number part of a node's eId: Arabic digits, Roman numerals
/// for sections (whatever the language), letters as written.
fn push_number(out: &mut String, doc: &Document, masked: &str, id: NodeId) {
    let Some(n) = doc.nodes[id].number() else { return };
    if n.style == NumberStyle::Decimal {
        // `para_19.3`, `annex__para_A.2`: the number as written.
        out.push_str(&masked[n.span.start..n.span.end]);
        return;
    }
    #[allow(unreachable_patterns)]
    match n.style.eid_style() {
        NumberStyle::Arabic => {
            push_decimal(out, n.value);
            // `5 bis` is `para_5bis`.
            if let Some((word, _)) = super::negotiation::suffix_of(doc, id) {
                out.push_str(word);
            }
        }
        NumberStyle::Roman | NumberStyle::Chinese => out.push_str(&to_roman(n.value)),
        NumberStyle::LowerRoman => out.push_str(&to_roman(n.value).to_lowercase()),
        NumberStyle::Letter => out.push_str(&to_letter(n.value)),
        NumberStyle::CapitalLetter => out.push_str(&to_letter(n.value).to_uppercase()),
        _ => push_decimal(out, n.value),
    }
}

/// Appends `v` in decimal digits (without the formatting machinery: this
/// runs for every node of every analysis).
fn push_decimal(out: &mut String, mut v: u32) {
    let mut digits = [0u8; 10];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    // (ASCII digits: one copy, not a character at a time)
    out.push_str(std::str::from_utf8(&digits[i..]).unwrap_or_default());
}

/// `scope` is the node paragraphs below this one are addressed from
/// (`None`: the body).
/// `eid` is the buffer the eId is written in (one for all nodes).
#[allow(clippy::too_many_arguments)]
fn assign_node(
    doc: &Document,
    eids: &mut Eids,
    eid: &mut String,
    masked: &str,
    id: NodeId,
    scope: Option<NodeId>,
    ordinals: &[usize],
    used: &mut Used,
) {
    use std::fmt::Write as _;
    let kind = doc.nodes[id].kind;
    {
        let out = &mut *eid;
        out.clear();
        let parent = doc.nodes[id].parent().map(|p| eids.get(p)).unwrap_or("");
        // A decimal paragraph number is its own scope within the container.
        let decimal = doc.nodes[id].number().is_some_and(|n| n.style == NumberStyle::Decimal);
        let scope = if decimal { super::scope::numbering_scope(doc, id) } else { scope };
        let scope_eid = scope.map(|s| eids.get(s)).unwrap_or("");
        let prefix = match kind {
            NodeKind::TitleBlock | NodeKind::Annex => "",
            NodeKind::Article | NodeKind::Paragraph => scope_eid,
            _ => parent,
        };
        out.push_str(prefix);
        if !prefix.is_empty() {
            out.push_str("__");
        }
        let numbered = |out: &mut String, word: &str| {
            out.push_str(word);
            push_number(out, doc, masked, id);
        };
        match kind {
            NodeKind::TitleBlock => out.push_str("preface"),
            NodeKind::Annex => {
                out.push_str("annex");
                if doc.nodes[id].number().is_some() {
                    numbered(out, "_");
                }
            }
            NodeKind::Part => numbered(out, "part_"),
            NodeKind::Section => numbered(out, "sec_"),
            NodeKind::Subsection => numbered(out, "subsec_"),
            NodeKind::Subheading => numbered(out, "subheading_"),
            NodeKind::Crossheading => {
                out.push_str("crossheading_");
                push_decimal(out, ordinals[id] as u32);
            }
            NodeKind::Article => numbered(out, "art_"),
            NodeKind::Preamble => out.push_str("preamble"),
            // `PP3` of a negotiation draft is `preamble__rec_3`.
            NodeKind::PreambularParagraph if doc.nodes[id].number().is_some() => numbered(out, "rec_"),
            NodeKind::PreambularParagraph => {
                out.push_str("rec_");
                push_decimal(out, ordinals[id] as u32);
            }
            NodeKind::UnnumberedParagraph => {
                out.push_str("intro_");
                push_decimal(out, ordinals[id] as u32);
            }
            NodeKind::Paragraph => numbered(out, "para_"),
            NodeKind::Subparagraph => numbered(out, "subpara_"),
            NodeKind::List => out.push_str("list"),
            NodeKind::ListItem => numbered(out, "item_"),
            NodeKind::RecordedVote => out.push_str("vote"),
            NodeKind::VoteList => out.push_str(doc.nodes[id].vote_side.map(|s| s.key()).unwrap_or("list")),
        }
    }
    // A duplicate number gives a duplicate address: the second gets `__2`.
    let count = used.count(hash_str(eid));
    if count > 1 {
        let _ = write!(eid, "__{count}");
        used.mark(hash_str(eid));
    }
    eids.set(id, eid);
    // The scope for paragraphs below this node.
    // Its numbering scope (one definition: `scope::restarts_at`); a part
    // is always in the address (AKN4UN), which only refines the scope.
    // (most nodes are paragraphs without children: no scope to work out)
    let children = doc.children(id);
    if children.is_empty() {
        return;
    }
    let child_scope = if kind == NodeKind::Part || super::scope::restarts_at(doc, id) { Some(id) } else { scope };
    for &child in children {
        assign_node(doc, eids, eid, masked, child, child_scope, ordinals, used);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn decimals() {
        for v in [0, 1, 9, 10, 18, 99, 100, 4_294_967_295] {
            let mut s = String::from("para_");
            super::push_decimal(&mut s, v);
            assert_eq!(s, format!("para_{v}"));
        }
    }
}
