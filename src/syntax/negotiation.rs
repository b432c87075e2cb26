//! Negotiation numbering: `5 bis`, `5 ter`, `5 alt` (words in
//! `lang::tables::negotiation`). The number of such a paragraph is its base
//! (5) and the word follows its span; this module reads the word after a
//! number, for the parser, addresses, the numbering check, the resolver
//! and renumbering alike.

use crate::lang::tables::negotiation::SUFFIXES;
use crate::text::TextRange;

use super::tree::{Document, NodeId};

/// The negotiation word right after `at` (one optional space or no-break
/// space, then the word, then no letter or digit): its canonical form and
/// the range from `at` to the word's end.
pub fn suffix_at(text: &str, at: usize) -> Option<(&'static str, TextRange)> {
    let rest = text.get(at..)?;
    let skipped = rest.strip_prefix([' ', '\u{a0}']).unwrap_or(rest);
    let gap = rest.len() - skipped.len();
    // Most numbers are followed by none: look the first byte up first.
    let first = *skipped.as_bytes().first()?;
    if !first_bytes()[usize::from(first)] {
        return None;
    }
    for &(word, canonical) in SUFFIXES.iter().filter(|(word, _)| word.as_bytes()[0] == first) {
        if let Some(after) = skipped.strip_prefix(word) {
            // A Latin or Cyrillic word ends at a non-letter; a Chinese one
            // (`之二`) may run into the next character (`5之二段`).
            let closed = word.chars().last().is_some_and(|c| c > '\u{2e80}');
            if closed || after.chars().next().is_none_or(|c| !c.is_alphanumeric()) {
                return Some((canonical, TextRange::new(at, at + gap + word.len())));
            }
        }
    }
    None
}

/// Which bytes start a word of [`SUFFIXES`] (this runs for every number).
fn first_bytes() -> &'static [bool; 256] {
    static FIRST: std::sync::OnceLock<[bool; 256]> = std::sync::OnceLock::new();
    FIRST.get_or_init(|| {
        let mut first = [false; 256];
        for (word, _) in SUFFIXES {
            first[usize::from(word.as_bytes()[0])] = true;
        }
        first
    })
}

/// The negotiation word of a numbered node (`bis` for paragraph `5 bis`).
pub fn suffix_of(doc: &Document, id: NodeId) -> Option<(&'static str, TextRange)> {
    let i = doc.suffixed.binary_search_by_key(&id, |s| s.0).ok()?;
    let (_, word, range) = doc.suffixed[i];
    Some((word, range))
}

/// The negotiation words of all nodes with an Arabic number, by node id
/// (`Document::suffixed`).
pub fn suffixes(nodes: &[super::tree::Node], masked: &str) -> Vec<(NodeId, &'static str, TextRange)> {
    nodes
        .iter()
        .enumerate()
        .filter_map(|(id, n)| {
            let num = n.number().filter(|num| num.style == super::tree::NumberStyle::Arabic)?;
            suffix_at(masked, num.span.end).map(|(word, range)| (id, word, range))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_words_of_every_language() {
        assert_eq!(suffix_at("5 bis. Decides", 1), Some(("bis", TextRange::new(1, 5))));
        assert_eq!(suffix_at("5bis.", 1).map(|s| s.0), Some("bis"));
        assert_eq!(suffix_at("5 quater.", 1).map(|s| s.0), Some("quater"));
        assert_eq!(suffix_at("5 бис.", 1).map(|s| s.0), Some("bis"));
        assert_eq!(suffix_at("5 مكرراً -", 1).map(|s| s.0), Some("bis"));
        assert_eq!(suffix_at("5 alt.", 1).map(|s| s.0), Some("alt"));
        assert_eq!(suffix_at("5之二. 决定", 1), Some(("bis", TextRange::new(1, 7))));
        assert_eq!(suffix_at("5之三段", 1).map(|s| s.0), Some("ter"));
        assert_eq!(suffix_at("5 bis. 决定", 1).map(|s| s.0), Some("bis"));
        assert_eq!(suffix_at("5之后", 1), None);
        assert_eq!(suffix_at("5 bisect", 1), None);
        assert_eq!(suffix_at("5 Decides", 1), None);
    }
}
