//! What a document says it is: the symbol(s) in its masthead
//! (`A/CONF.192/2018/RC/3`, `A/C.3/80/L.12/Rev.1`), the resolution it is the
//! text of (`S/RES/2370 (2017)`, or a masthead line `第2370(2017)号决议`),
//! its language and its revision. Read from the analysis (the references
//! found in the first lines), so every language is read by its own tables.

use crate::ide::Analysis;
use crate::lang::Language;
use crate::model::{ExternalKind, RefKind};
use crate::text::TextRange;

/// How many non-empty lines from the top are the masthead.
const MASTHEAD_LINES: usize = 40;

/// A resolution, as other texts cite it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ResolutionId {
    /// `72/57`, `3363 (XXX)`.
    GeneralAssembly(String),
    /// `2370 (2017)`.
    SecurityCouncil(String),
}

/// A document's identity.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Identity {
    /// Symbols as written in the masthead, without spaces, in order.
    pub symbols: Vec<String>,
    /// The resolution this is the text of.
    pub resolution: Option<ResolutionId>,
    /// The revision (`Rev.1` → 1) of the first symbol.
    pub revision: Option<u32>,
    /// The first symbol without its revision, corrigendum or addendum:
    /// what the language versions and revisions of one draft share.
    pub family: Option<String>,
    pub language: Option<Language>,
    /// Where the first symbol (or the resolution line) is written.
    pub masthead: Option<TextRange>,
}

impl Identity {
    /// The name a reader knows the document by: its first symbol, else
    /// its resolution.
    pub fn name(&self) -> Option<String> {
        if let Some(s) = self.symbols.first() {
            return Some(s.clone());
        }
        self.resolution.as_ref().map(|r| match r {
            ResolutionId::GeneralAssembly(n) => format!("resolution {n}"),
            ResolutionId::SecurityCouncil(n) => format!("Security Council resolution {n}"),
        })
    }
}

/// A symbol without spaces (the key it is indexed by).
pub fn canonical_symbol(written: &str) -> String {
    written.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A resolution number in one spelling: `2370(2017)` and `2370 (2017)` alike.
pub fn canonical_resolution(written: &str) -> String {
    let compact: String = crate::model::external::canonical_resolution_number(written).chars().filter(|c| !c.is_whitespace()).collect();
    match compact.find('(') {
        Some(open) => format!("{} {}", &compact[..open], &compact[open..]),
        None => compact,
    }
}

/// The resolution a symbol is the text of: `A/RES/72/57` → 72/57,
/// `S/RES/2370 (2017)` → 2370 (2017).
pub fn resolution_of_symbol(symbol: &str) -> Option<ResolutionId> {
    let compact = canonical_symbol(symbol);
    if let Some(n) = compact.strip_prefix("A/RES/") {
        return Some(ResolutionId::GeneralAssembly(canonical_resolution(n)));
    }
    if let Some(n) = compact.strip_prefix("S/RES/") {
        return n.contains('(').then(|| ResolutionId::SecurityCouncil(canonical_resolution(n)));
    }
    None
}

/// The symbol without the trailing `Rev.N`, `Corr.N`, `Add.N` parts, and its revision.
pub fn family_and_revision(symbol: &str) -> (String, Option<u32>) {
    let parts: Vec<&str> = symbol.split('/').collect();
    let mut keep = parts.len();
    let mut revision = None;
    while keep > 1 {
        let p = parts[keep - 1];
        let modifier = ["Rev.", "Corr.", "Add.", "Amend."].iter().find_map(|m| p.strip_prefix(m));
        match modifier {
            Some(n) => {
                if p.starts_with("Rev.") && revision.is_none() {
                    revision = n.parse().ok();
                }
                keep -= 1;
            }
            None => break,
        }
    }
    (parts[..keep].join("/"), revision)
}

/// Reads the identity of an analysed document from its masthead: a line
/// (among the first forty that are not empty) that is a document symbol,
/// or a resolution's number, and nothing more.
pub fn identify(a: &Analysis) -> Identity {
    let mut id = Identity { language: Some(a.language()), ..Identity::default() };
    // (the opening lines only: the text is not made whole for them)
    let opening = a.opening(MASTHEAD_LINES);
    let text: &str = &opening;
    let mut start = 0;
    let mut seen = 0;
    let mut lines = Vec::new();
    for line in text.split_inclusive('\n') {
        let range = TextRange::new(start, start + line.len());
        start += line.len();
        if line.trim().is_empty() {
            continue;
        }
        seen += 1;
        if seen > MASTHEAD_LINES {
            break;
        }
        lines.push(range);
    }
    let Some(last) = lines.last().copied() else { return id };
    let first_after = a.references.partition_point(|r| r.range().start < last.end);
    for r in &a.references[..first_after] {
        let Some(e) = &r.external else { continue };
        let Some(line) = lines.iter().find(|l| l.start <= r.range().start && r.range().end <= l.end) else { continue };
        // `S/RES/2370 (2017)`: the year after the symbol is part of it.
        let year = (e.kind == ExternalKind::DocumentSymbol && e.id.starts_with("S/RES/") && !e.id.contains('('))
            .then(|| council_year(&text[r.range().end..line.end]))
            .flatten();
        let end = r.range().end + year.as_ref().map_or(0, |(len, _)| *len);
        // Alone on its line: everything else is markup, punctuation or the symbol's label.
        let rest: String = text[line.start..r.range().start].chars().chain(text[end..line.end].chars()).collect();
        let alone = rest.chars().filter(|c| c.is_alphanumeric()).count() <= 2;
        match (r.kind, e.kind) {
            (RefKind::External(ExternalKind::DocumentSymbol), _) if alone || symbol_label(&rest) => {
                let symbol = match &year {
                    Some((_, y)) => format!("{}({y})", canonical_symbol(&e.id)),
                    None => canonical_symbol(&e.id),
                };
                if id.symbols.contains(&symbol) {
                    continue;
                }
                if id.symbols.is_empty() {
                    let (family, revision) = family_and_revision(&symbol);
                    id.family = Some(family);
                    id.revision = revision;
                    id.masthead = Some(r.range());
                }
                if id.resolution.is_none() {
                    id.resolution = resolution_of_symbol(&symbol);
                }
                id.symbols.push(symbol);
            }
            // The heading is among the first lines and ends there: a hard-wrapped
            // "resolution 687 (1991)," further down cites another text.
            (RefKind::External(ExternalKind::SecurityCouncilResolution | ExternalKind::GeneralAssemblyResolution), kind)
                if id.resolution.is_none()
                    && lines.iter().position(|l| l.start == line.start).is_some_and(|i| i < HEADING_LINES)
                    && !rest.trim_end().ends_with([',', ';', ':'])
                    && resolution_heading(&rest) =>
            {
                let n = canonical_resolution(&e.id);
                id.resolution = Some(match kind {
                    ExternalKind::SecurityCouncilResolution => ResolutionId::SecurityCouncil(n),
                    _ => ResolutionId::GeneralAssembly(n),
                });
                if id.masthead.is_none() {
                    id.masthead = Some(r.range());
                }
            }
            _ => {}
        }
    }
    id
}

/// How many of the masthead's first lines may head a resolution's text.
const HEADING_LINES: usize = 6;

/// ` (2017)` at the start of `after`: its length and the year.
fn council_year(after: &str) -> Option<(usize, String)> {
    let trimmed = after.trim_start_matches([' ', '\u{a0}']);
    let inner = trimmed.strip_prefix('(')?;
    let year: String = inner.chars().take_while(char::is_ascii_digit).collect();
    let close = inner[year.len()..].strip_prefix(')')?;
    (year.len() == 4).then(|| (after.len() - close.len(), year))
}

/// "Distr.: General", "Symbol:", `文号`: words a masthead puts beside a symbol.
fn symbol_label(rest: &str) -> bool {
    let words = rest.trim().trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    words.len() <= 12 && ["symbol", "cote", "signatura", "условное", "文号", "الرمز"].iter().any(|w| words.starts_with(w))
}

/// What may stand beside a resolution number on the line that heads a
/// resolution's text: "Resolution 2370 (2017)", `第2370(2017)号决议`,
/// "Résolution", "Resolución", "Резолюция", "القرار", and nothing else.
fn resolution_heading(rest: &str) -> bool {
    let words: String = rest.chars().filter(|c| c.is_alphanumeric() || *c == ' ').collect::<String>().trim().to_lowercase();
    matches!(words.as_str(), "" | "resolution" | "résolution" | "resolución" | "резолюция" | "القرار" | "第号决议" | "号决议" | "决议")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::DiagnosticsConfig;

    fn identity(text: &str) -> Identity {
        identify(&Analysis::new(text, None, &DiagnosticsConfig::all_enabled()))
    }

    #[test]
    fn symbols_revisions_and_resolutions_from_the_masthead() {
        let id = identity(
            "United Nations\n\nA/C.3/80/L.12/Rev.1\n\nGeneral Assembly\nDistr.: Limited\n\nThe General Assembly,\n\n1. Decides;\n",
        );
        assert_eq!(id.symbols, ["A/C.3/80/L.12/Rev.1"]);
        assert_eq!(id.family.as_deref(), Some("A/C.3/80/L.12"));
        assert_eq!(id.revision, Some(1));
        assert_eq!(id.resolution, None);
        let id = identity("United Nations\n\nS/RES/2370 (2017)\n\nSecurity Council\n\n1. Decides;\n");
        assert_eq!(id.resolution, Some(ResolutionId::SecurityCouncil("2370 (2017)".into())));
        let id = identity("联合国\n\n第2370(2017)号决议\n\n安全理事会，\n\n1. 决定；\n");
        assert_eq!(id.resolution, Some(ResolutionId::SecurityCouncil("2370 (2017)".into())), "{id:?}");
        let id = identity("United Nations\n\nA/RES/72/57\n\nGeneral Assembly\n\n1. Decides;\n");
        assert_eq!(id.resolution, Some(ResolutionId::GeneralAssembly("72/57".into())));
    }

    #[test]
    fn a_symbol_cited_in_the_text_is_not_the_document_s() {
        let id = identity("The General Assembly,\n\nRecalling resolution 72/57 and document A/CONF.192/2018/RC/3,\n\n1. Decides;\n");
        assert!(id.symbols.is_empty() && id.resolution.is_none(), "{id:?}");
    }

    #[test]
    fn a_hard_wrapped_citation_is_no_heading() {
        // OCR text of a resolution whose own heading is not read as a reference:
        // "resolution 687 (1991)," wrapped onto a line of its own cites another text.
        let text = "Resolution 707 (1991)\nof 15 August 1991\nThe Security Council,\n\nRecalling its resolution 687 (1991) of 3 April 1991,\nNoting the failure to comply with its obligations\nunder the resolution adopted on that date, namely\nresolution 687 (1991),\n\n1. Decides;\n";
        let id = identity(text);
        assert_ne!(id.resolution, Some(ResolutionId::SecurityCouncil("687 (1991)".into())), "{id:?}");
    }

    #[test]
    fn families() {
        assert_eq!(family_and_revision("A/C.3/80/L.12/Rev.2"), ("A/C.3/80/L.12".to_string(), Some(2)));
        assert_eq!(family_and_revision("A/80/590/Add.1"), ("A/80/590".to_string(), None));
        assert_eq!(family_and_revision("A/CONF.192/2018/RC/3"), ("A/CONF.192/2018/RC/3".to_string(), None));
    }
}
