//! Diagnostic: numbering.gap, numbering.duplicate, numbering.order,
//! numbering.malformed.
//!
//! One checker for every numbered sequence: paragraphs (in their numbering
//! scope), sections, subsections, subheadings, subparagraphs (per level),
//! list items, articles and annexes. It reports at the item where the
//! sequence breaks, and looks one item ahead to tell a typo from a missing
//! or an inserted item, so that one mistake gives one diagnostic.

use crate::hash::FastSet;

use crate::syntax::{Document, NodeId, NodeKind};
use crate::text::TextRange;

use super::{node_label, Code, Diagnostic};

pub(super) fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    for seq in checked_sequences(doc) {
        check_sequence(doc, &seq, out);
    }
    // Numbers written with a slip: reported on their own line.
    for (id, n) in doc.nodes.iter().enumerate() {
        if let (Some(slip), Some(num)) = (n.slip, n.number()) {
            let start = n.opening().start.min(num.span.start);
            let written: String = doc.masked[start..n.opening().end].chars().take_while(|c| !c.is_whitespace()).collect();
            let label = if n.kind == NodeKind::Subparagraph { "label" } else { "number" };
            out.push(
                Diagnostic::new(
                    Code::NumberingMalformed,
                    TextRange::new(start, start + written.len()),
                    format!(
                        "{} {label} `{written}` {}: read as {} {}",
                        what(doc, id),
                        slip.describe(),
                        what(doc, id),
                        num.style.format(num.value)
                    ),
                )
                .with_replacement_if(
                    corrected(doc, id).is_some(),
                    TextRange::new(start, start + written.len()),
                    corrected(doc, id).unwrap_or_default(),
                ),
            );
        }
    }
}

/// A slipped number written as the document writes its kind: `19.` for a
/// paragraph, `(c)` for a subparagraph; `None` where the form is not known.
fn corrected(doc: &Document, id: NodeId) -> Option<String> {
    let n = &doc.nodes[id];
    let num = n.number()?;
    if matches!(num.style, crate::syntax::NumberStyle::QuotedDigit | crate::syntax::NumberStyle::Decimal) {
        return None;
    }
    match n.kind {
        NodeKind::Subparagraph => Some(format!("({})", num.style.format(num.value))),
        NodeKind::Paragraph | NodeKind::ListItem => Some(format!("{}.", num.style.format(num.value))),
        _ => None,
    }
}

/// The sequences the checker expects to run 1, 2, 3 …, each in document
/// order (renumbering numbers exactly these): a part or section that is the
/// only one of its sequence may start anywhere (a fascicle of a larger
/// whole, `Part V`, `Section 19`) and is left out.
pub(super) fn checked_sequences(doc: &Document) -> Vec<Vec<NodeId>> {
    let mut all = sequences(doc);
    all.retain(|seq| !matches!(seq[..], [only] if matches!(doc.nodes[only].kind, NodeKind::Part | NodeKind::Section)));
    all
}

/// The numbered sequences of a document, each in document order.
fn sequences(doc: &Document) -> Vec<Vec<NodeId>> {
    let mut out = Vec::new();
    // Siblings of the same kind (and level) under each parent, paragraphs aside.
    let body: Vec<NodeId> = doc.roots.iter().copied().filter(|&n| doc.nodes[n].kind != NodeKind::Annex).collect();
    let mut parents: Vec<&[NodeId]> = vec![&body];
    parents.extend((0..doc.nodes.len()).map(|n| doc.children(n)).filter(|c| !c.is_empty()));
    for children in parents {
        // (most parents hold one kind: a few groups, kept in key order)
        let mut groups: Vec<((u8, u8), Vec<NodeId>)> = Vec::new();
        for &c in children {
            let n = &doc.nodes[c];
            if n.number().is_none() {
                continue;
            }
            let key = match n.kind {
                NodeKind::Part => 1,
                NodeKind::Section => 2,
                NodeKind::Subsection => 3,
                NodeKind::Subheading => 4,
                NodeKind::Subparagraph => 5,
                NodeKind::ListItem => 6,
                NodeKind::Article => 7,
                // `PP1`, `PP2` … of a negotiation draft.
                NodeKind::PreambularParagraph => 8,
                _ => continue,
            };
            let key = (key, n.level);
            match groups.iter().position(|(k, _)| *k >= key) {
                Some(g) if groups[g].0 == key => groups[g].1.push(c),
                Some(g) => groups.insert(g, (key, vec![c])),
                None => groups.push((key, vec![c])),
            }
        }
        out.extend(groups.into_iter().map(|(_, g)| g));
    }
    // Numbered annexes.
    let annexes: Vec<NodeId> = doc.annexes().into_iter().filter(|&a| doc.nodes[a].number().is_some()).collect();
    if !annexes.is_empty() {
        out.push(annexes);
    }
    // Paragraphs, by numbering scope (the one definition, in `syntax::scope`).
    out.extend(crate::syntax::scope::paragraph_sequences(doc).into_iter().map(|(_, g)| g));
    out
}

fn what(doc: &Document, id: NodeId) -> &'static str {
    let n = &doc.nodes[id];
    match n.kind {
        NodeKind::Subheading if n.level == 2 => "lettered subheading",
        NodeKind::Subheading => "numbered subheading",
        kind => kind.label(),
    }
}

fn check_sequence(doc: &Document, seq: &[NodeId], out: &mut Vec<Diagnostic>) {
    let value = |i: usize| doc.nodes[seq[i]].number().map(|n| n.value).unwrap_or(0);
    let style = |i: usize| doc.nodes[seq[i]].number().map(|n| n.style);
    let span = |i: usize| doc.nodes[seq[i]].number().map(|n| n.span).unwrap_or(doc.nodes[seq[i]].opening());
    // A decimal number (`19.3`) is written with its prefix.
    let format = |i: usize, v: u32| match crate::syntax::scope::decimal_prefix(doc, seq[i]) {
        "" => style(i).map(|s| s.format(v)).unwrap_or_else(|| v.to_string()),
        prefix => format!("{prefix}.{v}"),
    };
    let mut max = 0u32;
    let mut seen = Seen::default();
    let mut first_at: Vec<(u32, usize)> = Vec::new();
    for i in 0..seq.len() {
        let v = value(i);
        // `5 bis` after 5 (negotiation numbering) continues the sequence.
        if crate::syntax::negotiation::suffix_of(doc, seq[i]).is_some() && (v == max || seen.contains(&v)) {
            continue;
        }
        let next = (i + 1 < seq.len()).then(|| value(i + 1));
        let mut expected = max + 1;
        while seen.contains(&expected) {
            expected += 1;
        }
        let kind = what(doc, seq[i]);
        let mut record = true;
        if v == expected {
            max = max.max(v);
        } else if seen.contains(&v) {
            let first = first_at.iter().find(|(x, _)| *x == v).map(|(_, at)| *at).unwrap_or(0);
            let d = Diagnostic::new(
                Code::NumberingDuplicate,
                span(i),
                format!("{kind} {} is numbered twice: expected {} here", format(i, v), format(i, expected)),
            )
            .with_related(span(first), format!("{} first used here", node_label(doc, seq[first])));
            out.push(d);
            if next.is_none_or(|n| n == expected + 1) {
                // A wrong number where `expected` belonged.
                max = expected;
                seen.insert(expected);
            }
        } else if v < expected {
            let d = Diagnostic::new(
                Code::NumberingOrder,
                span(i),
                format!(
                    "{kind} {} is out of order: it comes after {} {}; expected {}",
                    format(i, v),
                    kind,
                    format(i, max),
                    format(i, expected)
                ),
            );
            out.push(d);
        } else if next == Some(expected) {
            // Two numbers swapped: this one came too early.
            let d = Diagnostic::new(
                Code::NumberingOrder,
                span(i),
                format!(
                    "{kind} {} is out of order: expected {} here, and {} follows",
                    format(i, v),
                    format(i, expected),
                    format(i, expected)
                ),
            );
            out.push(d);
        } else if next.is_none_or(|n| n == v + 1) || next.is_some_and(|n| n > v + 1) {
            let missing = if v == expected + 1 {
                format!("{} {} is missing", kind, format(i, expected))
            } else {
                format!("{} {}–{} are missing", plural(kind), format(i, expected), format(i, v - 1))
            };
            out.push(Diagnostic::new(
                Code::NumberingGap,
                span(i),
                format!("{missing}: expected {} here, found {}", format(i, expected), format(i, v)),
            ));
            max = v;
        } else {
            // A typo: the next item carries on from `expected`.
            out.push(Diagnostic::new(
                Code::NumberingGap,
                span(i),
                format!(
                    "{kind} numbered {} where {} was expected (the next is {})",
                    format(i, v),
                    format(i, expected),
                    format(i, next.unwrap_or(0))
                ),
            ));
            max = expected;
            seen.insert(expected);
            record = false;
        }
        if record {
            if !seen.contains(&v) {
                first_at.push((v, i));
            }
            seen.insert(v);
        }
    }
}

/// The numbers a sequence has used: one bit per number up to
/// [`Seen::BITS`] (a paragraph's number is small, and each is looked up
/// several times), a set of the few beyond.
#[derive(Default)]
struct Seen {
    bits: Vec<u64>,
    far: FastSet<u32>,
}

impl Seen {
    const BITS: u32 = 1 << 16;

    fn contains(&self, v: &u32) -> bool {
        let v = *v;
        if v < Self::BITS {
            self.bits.get((v / 64) as usize).is_some_and(|w| w & (1 << (v % 64)) != 0)
        } else {
            self.far.contains(&v)
        }
    }

    fn insert(&mut self, v: u32) {
        if v < Self::BITS {
            let word = (v / 64) as usize;
            if word >= self.bits.len() {
                self.bits.resize(word + 1, 0);
            }
            self.bits[word] |= 1 << (v % 64);
        } else {
            self.far.insert(v);
        }
    }
}

fn plural(kind: &str) -> String {
    if let Some(stem) = kind.strip_suffix('x') {
        format!("{stem}xes")
    } else {
        format!("{kind}s")
    }
}

#[cfg(test)]
mod tests {
    use super::Seen;

    #[test]
    fn seen_holds_what_a_set_holds() {
        let mut seen = Seen::default();
        let mut set = std::collections::HashSet::new();
        let values = [0, 1, 63, 64, 65, 127, 128, 4_000, Seen::BITS - 1, Seen::BITS, Seen::BITS + 1, 1_000_000, u32::MAX];
        for &v in &values {
            for &w in &values {
                assert_eq!(seen.contains(&w), set.contains(&w), "{w} after inserting up to {v}");
            }
            seen.insert(v);
            set.insert(v);
        }
        assert!(values.iter().all(|v| seen.contains(v)));
        assert!(!seen.contains(&2) && !seen.contains(&(u32::MAX - 1)));
    }
}
