//! Whether a Markdown or plain-text file is a UN document at all. Editors
//! attach the server to every `.md` and `.txt` file; a README or notes must
//! get no diagnostics and no highlighting. The decision is made from the
//! text, and can be forced either way.
//!
//! - A marker in the first five lines forces it: `rapporteur: on` or
//!   `rapporteur: off` (in any comment form, e.g. `<!-- rapporteur: off -->`).
//! - Otherwise a file is a UN document when it has a UN masthead in its first
//!   forty lines (a line that is just "United Nations", "General Assembly",
//!   "联合国", "Distr.: General", a document symbol, …), a preamble formula
//!   ("The General Assembly,", "大会，"), a recorded vote, or numbered
//!   paragraphs (three or more) under UN structure (sections, an annex,
//!   articles) together with a UN reference (a resolution or a symbol), or
//!   ten SDG goals, targets or indicators (a list of the goals and targets).

use crate::model::{ExternalKind, RefKind};
use crate::syntax::NodeKind;

use super::Analysis;

/// What the user asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Activation {
    /// Decide from the text.
    #[default]
    Auto,
    Always,
    Never,
}

/// The explicit marker in the first lines, if any.
pub fn marker(text: &str) -> Option<bool> {
    for line in text.lines().take(5) {
        let lower = line.to_lowercase();
        if let Some(at) = lower.find("rapporteur:") {
            let rest = lower[at + "rapporteur:".len()..].trim_start();
            if rest.starts_with("on") {
                return Some(true);
            }
            if rest.starts_with("off") {
                return Some(false);
            }
        }
    }
    None
}

/// Whether the analysed text is a UN document (see the module docs).
/// A marker in the text wins over `activation` (`always`, `never`).
pub fn is_un_document(a: &Analysis, activation: Activation) -> bool {
    let opening = a.opening(40);
    if let Some(forced) = marker(&opening) {
        return forced;
    }
    match activation {
        Activation::Always => return true,
        Activation::Never => return false,
        Activation::Auto => {}
    }
    let masthead = opening
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(40)
        .map(|l| l.trim().trim_matches(|c: char| c == '*' || c == '#' || c.is_whitespace()).to_lowercase())
        .any(|l| is_masthead_line(&l) || is_symbol_line(&l));
    if masthead {
        return true;
    }
    let doc = &a.document;
    let has = |kind: NodeKind| doc.nodes.iter().any(|n| n.kind == kind);
    // A recorded vote with its lists (figures quoted in prose do not count).
    if has(NodeKind::Preamble) || has(NodeKind::RecordedVote) {
        return true;
    }
    let paragraphs = doc.nodes.iter().filter(|n| n.kind == NodeKind::Paragraph).count();
    let structure = has(NodeKind::Section) || has(NodeKind::Annex) || has(NodeKind::Article) || has(NodeKind::Subsection);
    let un_reference = a.references.iter().any(|r| {
        matches!(
            r.kind,
            RefKind::External(
                ExternalKind::GeneralAssemblyResolution | ExternalKind::SecurityCouncilResolution | ExternalKind::DocumentSymbol
            )
        )
    });
    // The goals and targets of the 2030 Agenda, listed.
    let sdg = a
        .references
        .iter()
        .filter(|r| matches!(r.kind, RefKind::External(ExternalKind::SdgGoal | ExternalKind::SdgTarget | ExternalKind::SdgIndicator)))
        .count();
    (paragraphs >= 3 && structure && un_reference) || sdg >= 10
}

/// A masthead line ("united nations", "联合国") in any language's table.
fn is_masthead_line(line: &str) -> bool {
    crate::lang::Language::ALL.into_iter().any(|lang| crate::lang::tables::masthead(lang).contains(&line))
}

/// "A/80/590", "S/RES/2370 (2017)": a line that is just a document symbol.
fn is_symbol_line(line: &str) -> bool {
    let upper = line.to_uppercase();
    let first = upper.split('/').next().unwrap_or("");
    let organs = ["A", "S", "E", "ST", "TD", "UNEP", "CRC", "HRC"];
    organs.contains(&first)
        && upper.contains('/')
        && upper.chars().any(|c| c.is_ascii_digit())
        && upper.chars().all(|c| c.is_ascii_alphanumeric() || "/.-*() ".contains(c))
        && upper.len() <= 40
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::DiagnosticsConfig;

    fn decide(text: &str) -> bool {
        let a = Analysis::new(text, None, &DiagnosticsConfig::all_enabled());
        is_un_document(&a, Activation::Auto)
    }

    #[test]
    fn un_documents_are_recognised() {
        assert!(decide("United Nations\n\nA/RES/73/3\n\nGeneral Assembly\n\n1. Reaffirm;\n"));
        assert!(decide("The General Assembly,\n\nRecalling its resolution 72/57,\n\n1. Decides;\n"));
        assert!(decide(include_str!("../../tests/fixtures/seed/000_e12bae3abcaa388b.txt")));
        assert!(decide("I. Introduction\n\n1. See resolution 72/57.\n2. Two.\n3. Three.\n"));
        assert!(decide(include_str!("../../tests/fixtures/corpus/en_A-RES-70-1_SDG-goals-and-targets_assembled.txt")));
        assert!(decide(include_str!("../../tests/fixtures/corpus/ar_A-RES-70-1_SDG-goals-and-targets_assembled.txt")));
    }

    #[test]
    fn other_markdown_is_not() {
        assert!(!decide(include_str!("../../README.md")));
        // Whatever language the client forces.
        for lang in crate::lang::Language::ALL {
            let a = Analysis::new(include_str!("../../README.md"), Some(lang), &DiagnosticsConfig::all_enabled());
            assert!(!is_un_document(&a, Activation::Auto), "README read as {lang}");
        }
        assert!(!decide("# Notes\n\n1. Buy milk.\n2. Call Ana.\n3. Read resolution 72/57 maybe.\n"));
        assert!(!decide(""));
    }

    #[test]
    fn markers_force_either_way() {
        assert!(decide("<!-- rapporteur: on -->\n# Notes\n"));
        assert!(!decide("<!-- rapporteur: off -->\nUnited Nations\n\nGeneral Assembly\n"));
        let a = Analysis::new("# Notes", None, &DiagnosticsConfig::all_enabled());
        assert!(is_un_document(&a, Activation::Always));
        assert!(!is_un_document(&Analysis::new("United Nations", None, &DiagnosticsConfig::all_enabled()), Activation::Never));
    }
}
