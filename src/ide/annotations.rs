//! What an editor can show beside the text without changing it: after each
//! internal reference, the first words (or title) of what it resolves to,
//! so that a reference silently pointing at the wrong paragraph shows it
//! (inlay hints); above each cited node, how many places cite it (code
//! lenses).

use std::collections::BTreeMap;

use crate::model::Status;
use crate::syntax::{NodeId, NodeKind};
use crate::text::TextRange;

use super::Analysis;

/// Characters of the target's text shown after a reference.
pub const HINT_CHARS: usize = 16;

/// `→ "我们欢迎以协商一致方式…"` after a reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetHint {
    /// Where the hint goes: the end of the reference.
    pub offset: usize,
    pub label: String,
    /// The target's address in words, for a tooltip.
    pub tooltip: String,
    pub target: NodeId,
}

/// "cited N times" above a node.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CitedLens {
    /// The node's number (or opening).
    pub range: TextRange,
    pub node: NodeId,
    pub count: usize,
    pub title: String,
}

/// A hint after every resolved internal reference that ends inside
/// `within` (the whole document with `None`).
pub fn target_hints(a: &Analysis, within: Option<TextRange>) -> Vec<TargetHint> {
    let (start, end) = within.map(|w| (w.start, w.end)).unwrap_or((0, a.text.len()));
    let first = a.references.partition_point(|r| r.range().end < start);
    a.references[first..]
        .iter()
        .take_while(|r| r.range().start <= end)
        .filter(|r| r.status == Status::Resolved && r.range().end >= start && r.range().end <= end)
        .filter_map(|r| {
            let target = r.node()?;
            Some(TargetHint {
                offset: r.range().end,
                label: format!("→ \"{}\"", gist(a, target)),
                tooltip: a.address_in_words(target),
                target,
            })
        })
        .collect()
}

/// A lens on every node that at least one resolved reference cites, in
/// document order.
pub fn cited_lenses(a: &Analysis) -> Vec<CitedLens> {
    let mut counts: BTreeMap<NodeId, usize> = BTreeMap::new();
    for r in &a.references {
        if let (Status::Resolved, Some(node)) = (r.status, r.node()) {
            *counts.entry(node).or_default() += 1;
        }
    }
    let mut out: Vec<CitedLens> = counts
        .into_iter()
        .map(|(node, count)| {
            let n = &a.document.nodes[node];
            CitedLens {
                range: n.number().map(|num| num.span).unwrap_or(n.opening()),
                node,
                count,
                title: if count == 1 { "cited once".to_string() } else { format!("cited {count} times") },
            }
        })
        .collect();
    out.sort_by_key(|l| (l.range.start, l.range.end));
    out
}

/// The title of a heading, otherwise the first words of the node's text
/// without its number.
fn gist(a: &Analysis, node: NodeId) -> String {
    let n = &a.document.nodes[node];
    let own = match n.title() {
        Some(t) if n.kind.is_heading() || n.kind == NodeKind::Annex => t,
        _ => {
            let own = crate::syntax::names::own_text(&a.document, node);
            let from = n.number().map(|num| num.span.end).unwrap_or(own.start).clamp(own.start, own.end);
            TextRange::new(from, own.end)
        }
    };
    let raw = &a.text.slice(own.start..own.end);
    let flat = raw.replace("**", "");
    let flat = flat.split_whitespace().collect::<Vec<_>>().join(" ");
    let flat = flat.trim_start_matches(['.', ')', '）', '、', ' ', '．']);
    if flat.chars().count() > HINT_CHARS {
        let cut: String = flat.chars().take(HINT_CHARS).collect();
        format!("{}…", cut.trim_end())
    } else {
        flat.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::DiagnosticsConfig;

    const TEXT: &str = "I. Introduction\n\n1. First paragraph of the text, which is long.\n\n2. Second.\n\n3. Recalls paragraph 2 above and paragraph 1 above.\n\n4. Recalls paragraph 2.\n\n5. Notes paragraph 4 of resolution 70/1.\n";

    #[test]
    fn a_hint_after_each_resolved_internal_reference() {
        let a = Analysis::new(TEXT, None, &DiagnosticsConfig::all_enabled());
        let hints = target_hints(&a, None);
        let labels: Vec<&str> = hints.iter().map(|h| h.label.as_str()).collect();
        assert_eq!(labels, ["→ \"Second.\"", "→ \"First paragraph…\"", "→ \"Second.\""]);
        let first = &hints[0];
        assert!(a.text[..first.offset].ends_with("paragraph 2 above") || a.text[..first.offset].ends_with("paragraph 2"));
        assert!(first.tooltip.contains("paragraph 2"), "{}", first.tooltip);
        // Only those ending in the range asked for.
        let line4 = a.text.find("4. Recalls").unwrap();
        let later = target_hints(&a, Some(TextRange::new(line4, a.text.len())));
        assert_eq!(later.len(), 1);
        assert_eq!(later[0].offset, hints[2].offset);
    }

    #[test]
    fn a_chinese_hint_shows_the_opening_words() {
        let text = "一. 宣言\n\n1. 我们欢迎以协商一致方式通过本成果文件，并重申承诺。\n\n2. 重申第 1 段。\n";
        let a = Analysis::new(text, None, &DiagnosticsConfig::all_enabled());
        let hints = target_hints(&a, None);
        assert_eq!(hints.len(), 1, "{hints:?}");
        assert_eq!(hints[0].label, "→ \"我们欢迎以协商一致方式通过本成果…\"");
    }

    #[test]
    fn lenses_count_the_places_that_cite_a_node() {
        let a = Analysis::new(TEXT, None, &DiagnosticsConfig::all_enabled());
        let lenses = cited_lenses(&a);
        let shown: Vec<(&str, &str)> = lenses.iter().map(|l| (&a.text[l.range.start..l.range.end], l.title.as_str())).collect();
        assert_eq!(shown, [("1", "cited once"), ("2", "cited 2 times")]);
    }
}
