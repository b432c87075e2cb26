//! Stable addresses (eIds) in the style of Akoma Ntoso for the UN (AKN4UN):
//! `para_15`, `sec_II__para_18`, `annex__sec_II__para_18`, `annex_I__…`,
//! `annex__sec_II__subsec_A`, `…__para_8__subpara_a__subpara_ii`, `art_51`,
//! `para_6__list__item_9`. Sections get Roman numerals whatever the language.
//! Paragraphs are addressed from their numbering scope (the body or annex
//! when numbered continuously, the section when numbering restarts), not
//! from the headings between them.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: eIds are short strings, and SipHash's resistance to flooding is
/// not needed for them.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
        self.0 = h;
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

use super::tree::{Document, NodeId, NodeKind, NumberStyle, NumberingScheme};
use crate::lang::numerals::{to_letter, to_roman};

fn join(prefix: &str, part: &str) -> String {
    if prefix.is_empty() {
        part.to_string()
    } else {
        format!("{prefix}__{part}")
    }
}

pub fn assign(doc: &mut Document, _masked: &str) {
    // Ordinals of unnumbered nodes among their siblings of the same kind.
    let mut ordinals = vec![0usize; doc.nodes.len()];
    let mut parents: Vec<&[NodeId]> = vec![&doc.roots];
    parents.extend(doc.nodes.iter().map(|n| n.children.as_slice()));
    for siblings in parents {
        let mut counts: FastMap<NodeKind, usize> = FastMap::default();
        for &s in siblings {
            let c = counts.entry(doc.nodes[s].kind).or_insert(0);
            *c += 1;
            ordinals[s] = *c;
        }
    }
    let mut used: FastMap<String, u32> = FastMap::default();
    let roots = doc.roots.clone();
    for root in roots {
        assign_node(doc, root, "", "", &ordinals, &mut used);
    }
}

fn number_part(doc: &Document, id: NodeId) -> Option<String> {
    let n = doc.nodes[id].number?;
    Some(match n.style {
        NumberStyle::Arabic => n.value.to_string(),
        NumberStyle::Roman | NumberStyle::Chinese => to_roman(n.value),
        NumberStyle::LowerRoman => to_roman(n.value).to_lowercase(),
        NumberStyle::Letter => to_letter(n.value),
        NumberStyle::CapitalLetter => to_letter(n.value).to_uppercase(),
    })
}


/// `parent` is the eId of the parent; `scope` the eId that paragraphs below
/// this node are addressed from.
fn assign_node(doc: &mut Document, id: NodeId, parent: &str, scope: &str, ordinals: &[usize], used: &mut FastMap<String, u32>) {
    let kind = doc.nodes[id].kind;
    let num = number_part(doc, id);
    let container = doc.container_of(id);
    let scheme = doc.scheme_of(container);
    let base = match kind {
        NodeKind::TitleBlock => "preface".to_string(),
        NodeKind::Annex => match &num {
            Some(n) => format!("annex_{n}"),
            None => "annex".to_string(),
        },
        NodeKind::Part => join(parent, &format!("part_{}", num.clone().unwrap_or_default())),
        NodeKind::Section => join(parent, &format!("sec_{}", num.clone().unwrap_or_default())),
        NodeKind::Subsection => join(parent, &format!("subsec_{}", num.clone().unwrap_or_default())),
        NodeKind::Subheading => join(parent, &format!("subheading_{}", num.clone().unwrap_or_default())),
        NodeKind::Crossheading => join(parent, &format!("crossheading_{}", ordinals[id])),
        NodeKind::Article => join(scope, &format!("art_{}", num.clone().unwrap_or_default())),
        NodeKind::Preamble => join(parent, "preamble"),
        NodeKind::PreambularParagraph => join(parent, &format!("rec_{}", ordinals[id])),
        NodeKind::UnnumberedParagraph => join(parent, &format!("intro_{}", ordinals[id])),
        NodeKind::Paragraph => join(scope, &format!("para_{}", num.clone().unwrap_or_default())),
        NodeKind::Subparagraph => join(parent, &format!("subpara_{}", num.clone().unwrap_or_default())),
        NodeKind::List => join(parent, "list"),
        NodeKind::ListItem => join(parent, &format!("item_{}", num.clone().unwrap_or_default())),
        NodeKind::RecordedVote => join(parent, "vote"),
        NodeKind::VoteList => join(parent, doc.nodes[id].vote_side.map(|s| s.key()).unwrap_or("list")),
    };
    let eid = match used.get_mut(&base) {
        Some(count) => {
            *count += 1;
            format!("{base}__{count}")
        }
        None => {
            used.insert(base.clone(), 1);
            base
        }
    };
    // The scope for paragraphs below this node.
    let child_scope = match kind {
        NodeKind::Annex => eid.clone(),
        NodeKind::Section if scheme != NumberingScheme::Continuous => eid.clone(),
        NodeKind::Subsection if scheme == NumberingScheme::RestartPerSubsection => eid.clone(),
        NodeKind::Part => eid.clone(),
        _ => scope.to_string(),
    };
    doc.nodes[id].eid = eid.clone();
    let children = doc.nodes[id].children.clone();
    for child in children {
        assign_node(doc, child, &eid, &child_scope, ordinals, used);
    }
}
