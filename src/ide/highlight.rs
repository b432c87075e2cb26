//! Document highlight: the cursor on a paragraph's number, or on a
//! reference to it, marks the paragraph's number (the target) and every
//! reference in the document that resolves to it.

use crate::text::TextRange;

use super::Analysis;

/// What a highlighted range is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HighlightKind {
    /// The cited node's own number (or opening, for a node without one).
    Target,
    /// A reference that resolves to it.
    Reference,
}

/// The target of the number or reference under `offset` and every
/// reference to it, in document order; empty elsewhere.
pub fn highlights(a: &Analysis, offset: usize) -> Vec<(TextRange, HighlightKind)> {
    let Some(target) = a.target_at(offset) else { return Vec::new() };
    let node = &a.document.nodes[target];
    let own = node.number().map(|n| n.span).unwrap_or(node.opening());
    let mut out: Vec<(TextRange, HighlightKind)> = vec![(own, HighlightKind::Target)];
    out.extend(a.references_to(target).map(|r| (r.range(), HighlightKind::Reference)));
    out.sort_by_key(|(r, _)| (r.start, r.end));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::DiagnosticsConfig;

    fn fixture(text: &str) -> (Analysis, usize) {
        let offset = text.find("$0").expect("cursor marker");
        (Analysis::new(text.replacen("$0", "", 1), None, &DiagnosticsConfig::all_enabled()), offset)
    }

    fn shown(a: &Analysis, hs: &[(TextRange, HighlightKind)]) -> Vec<(String, HighlightKind)> {
        hs.iter().map(|(r, k)| (a.text[r.start..r.end].to_string(), *k)).collect()
    }

    const TEXT: &str = "I. Introduction\n\n1. First.\n\n2. Second.\n\n3. Recalls paragraph 2 above.\n\n4. Recalls paragraph 1 above and paragraph 2 above.\n";

    #[test]
    fn from_a_number_and_from_a_reference_alike() {
        let on_number = TEXT.replacen("2. Second", "$02. Second", 1);
        let (a, at) = fixture(&on_number);
        let from_number = highlights(&a, at);
        let lines: Vec<usize> = from_number.iter().map(|(r, _)| a.line_index.line_of(r.start)).collect();
        assert_eq!(lines, [4, 6, 8], "{:?}", shown(&a, &from_number));
        assert_eq!(from_number[0].1, HighlightKind::Target);
        assert_eq!(&a.text[from_number[0].0.start..from_number[0].0.end], "2");
        assert!(from_number[1..].iter().all(|(_, k)| *k == HighlightKind::Reference));
        let on_reference = TEXT.replacen("paragraph 2 above.", "paragraph $02 above.", 1);
        let (b, at) = fixture(&on_reference);
        assert_eq!(highlights(&b, at), from_number);
    }

    #[test]
    fn nothing_on_plain_text_or_an_external_reference() {
        let (a, at) = fixture("1. Recalls its resolution 72/$057 and paragraph 3 of resolution 70/1.\n\n2. Plain text.\n");
        assert!(highlights(&a, at).is_empty());
        let (a, at) = fixture("1. Recalls paragraph $03 of resolution 70/1.\n\n2. Two.\n\n3. Three.\n");
        assert!(highlights(&a, at).is_empty(), "{:?}", highlights(&a, at));
    }
}
