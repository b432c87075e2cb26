//! Semantic tokens: the highlighting of a draft in Markdown and plain-text
//! buffers, where no grammar applies. Headings, paragraph numbers,
//! subparagraph markers, internal references (broken ones marked), external
//! references by kind, and recorded-vote keywords. Tokens come back in text
//! order, without overlaps, each within one line.

use crate::model::{ExternalKind, RefKind, Status};
use crate::syntax::NodeKind;
use crate::text::TextRange;

use super::Analysis;

/// What a token is. The LSP layer maps each onto a standard token type
/// (see [`TokenKind::lsp_type`]) so that ordinary themes colour them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TokenKind {
    /// Annex, part and section headings.
    Heading,
    /// Subsections, subheadings and unnumbered headings.
    Subheading,
    ParagraphNumber,
    SubparagraphMarker,
    InternalReference,
    Resolution,
    DocumentSymbol,
    Instrument,
    SdgTarget,
    VoteKeyword,
    /// A square bracket of a negotiation draft.
    Bracket,
    /// An alternative: a label (`Alt 1:`) or an option of `[A/B]`.
    Alternative,
    /// A proposal attributed to delegations (`(EU)`, `US delete`).
    Attribution,
    /// A status tag (`[Agreed ad ref]`, `[silence broken]`).
    NegotiationStatus,
}

impl TokenKind {
    pub const ALL: [TokenKind; 14] = [
        TokenKind::Heading,
        TokenKind::Subheading,
        TokenKind::ParagraphNumber,
        TokenKind::SubparagraphMarker,
        TokenKind::InternalReference,
        TokenKind::Resolution,
        TokenKind::DocumentSymbol,
        TokenKind::Instrument,
        TokenKind::SdgTarget,
        TokenKind::VoteKeyword,
        // Appended: the legend's earlier indices stay as they were.
        TokenKind::Bracket,
        TokenKind::Alternative,
        TokenKind::Attribution,
        TokenKind::NegotiationStatus,
    ];

    /// The standard LSP token type it is shown as (ordinary themes colour
    /// these; the editor plugins map them onto the grammar's colours).
    pub fn lsp_type(self) -> &'static str {
        match self {
            TokenKind::Heading => "namespace",
            TokenKind::Subheading => "class",
            TokenKind::ParagraphNumber => "number",
            TokenKind::SubparagraphMarker => "enumMember",
            TokenKind::InternalReference => "property",
            TokenKind::Resolution => "type",
            TokenKind::DocumentSymbol => "macro",
            TokenKind::Instrument => "string",
            TokenKind::SdgTarget => "enum",
            TokenKind::VoteKeyword => "keyword",
            TokenKind::Bracket => "operator",
            TokenKind::Alternative => "parameter",
            TokenKind::Attribution => "variable",
            TokenKind::NegotiationStatus => "decorator",
        }
    }
}

/// Token modifiers, as bits in this order: `declaration` (a heading or
/// number others can cite), `broken` (a reference to nothing, an SDG target
/// that does not exist), `ambiguous`, `external`.
pub const MODIFIERS: [&str; 4] = ["declaration", "broken", "ambiguous", "external"];
pub const DECLARATION: u32 = 1;
pub const BROKEN: u32 = 2;
pub const AMBIGUOUS: u32 = 4;
pub const EXTERNAL: u32 = 8;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub range: TextRange,
    pub kind: TokenKind,
    pub modifiers: u32,
}

impl Analysis {
    /// The tokens of the document, or of the part that `within` covers.
    pub fn semantic_tokens(&self, within: Option<TextRange>) -> Vec<Token> {
        let doc = &self.document;
        let mut raw: Vec<Token> = Vec::new();
        for n in &doc.nodes {
            let kind = match n.kind {
                NodeKind::Annex | NodeKind::Part | NodeKind::Section | NodeKind::Article => Some(TokenKind::Heading),
                NodeKind::Subsection | NodeKind::Subheading | NodeKind::Crossheading => Some(TokenKind::Subheading),
                NodeKind::Paragraph | NodeKind::ListItem => n.number().map(|_| TokenKind::ParagraphNumber),
                NodeKind::Subparagraph => Some(TokenKind::SubparagraphMarker),
                NodeKind::VoteList => Some(TokenKind::VoteKeyword),
                _ => None,
            };
            let Some(kind) = kind else { continue };
            let range = match kind {
                TokenKind::Heading | TokenKind::Subheading => n.opening(),
                TokenKind::VoteKeyword => {
                    let r = n.title().unwrap_or(n.opening());
                    let trimmed = self.text.slice(r.start..r.end).trim_end().len();
                    TextRange::new(r.start, r.start + trimmed)
                }
                // The number with its full stop or parentheses.
                _ => match n.number() {
                    Some(num) => marker_range(self, num.span, n.opening()),
                    None => continue,
                },
            };
            let modifiers = if kind == TokenKind::VoteKeyword { 0 } else { DECLARATION };
            raw.push(Token { range, kind, modifiers });
        }
        for r in &self.references {
            let broken = if r.problem().is_some() { BROKEN } else { 0 };
            let (kind, modifiers) = match r.kind {
                RefKind::External(
                    ExternalKind::GeneralAssemblyResolution | ExternalKind::SecurityCouncilResolution | ExternalKind::OtherResolution,
                ) => (TokenKind::Resolution, EXTERNAL | broken),
                RefKind::External(ExternalKind::DocumentSymbol) => (TokenKind::DocumentSymbol, EXTERNAL | broken),
                RefKind::External(ExternalKind::SdgGoal | ExternalKind::SdgTarget | ExternalKind::SdgIndicator) => {
                    (TokenKind::SdgTarget, EXTERNAL | broken)
                }
                RefKind::External(_) => (TokenKind::Instrument, EXTERNAL),
                _ => match r.status {
                    Status::External => (TokenKind::InternalReference, EXTERNAL),
                    Status::Broken => (TokenKind::InternalReference, BROKEN),
                    Status::Ambiguous => (TokenKind::InternalReference, AMBIGUOUS),
                    Status::Resolved | Status::Unverified => (TokenKind::InternalReference, 0),
                },
            };
            raw.push(Token { range: r.range(), kind, modifiers });
        }
        raw.extend(self.negotiation_tokens());
        raw.sort_by_key(|t| (t.range.start, std::cmp::Reverse(t.range.end)));
        // No overlaps: a token inside an earlier one (a reference inside a
        // heading) is kept, and the outer one is cut around it.
        let mut out: Vec<Token> = Vec::with_capacity(raw.len());
        for t in raw {
            if let Some(w) = within {
                if t.range.end <= w.start || t.range.start >= w.end {
                    continue;
                }
            }
            if let Some(last) = out.last_mut() {
                if t.range.start < last.range.end {
                    let tail_end = last.range.end;
                    last.range.end = t.range.start;
                    let kind = last.kind;
                    let modifiers = last.modifiers;
                    if last.range.is_empty() {
                        out.pop();
                    }
                    out.push(t);
                    if t.range.end < tail_end {
                        out.push(Token { range: TextRange::new(t.range.end, tail_end), kind, modifiers });
                    }
                    continue;
                }
            }
            out.push(t);
        }
        // One line each: split at line ends.
        let mut lined = Vec::with_capacity(out.len());
        for t in out {
            let mut start = t.range.start;
            let first_line = self.line_index.line_of(start);
            let last_line = self.line_index.line_of(t.range.end);
            for line in first_line..=last_line {
                let lr = self.line_range(line);
                let s = start.max(lr.start);
                let e = t.range.end.min(lr.end);
                if e > s {
                    lined.push(Token { range: TextRange::new(s, e), ..t });
                }
                start = lr.end;
            }
        }
        lined
    }
}

/// "15." with its full stop, "(a)" with its parentheses.
fn marker_range(a: &Analysis, span: TextRange, opening: TextRange) -> TextRange {
    let mut start = span.start;
    let mut end = span.end;
    // (the number's line only: the text is not made whole for it)
    let (base, line) = a.lines_around(TextRange::new(opening.start.min(start), end));
    let before = &line[opening.start.min(start) - base..start - base];
    if let Some(c) = before.chars().next_back().filter(|c| matches!(c, '(' | '（')) {
        start -= c.len_utf8();
    }
    if let Some(c) = line[end - base..].chars().next().filter(|c| matches!(c, '.' | '．' | ')' | '）' | '、')) {
        end += c.len_utf8();
    }
    TextRange::new(start, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::DiagnosticsConfig;

    fn tokens(text: &str) -> Vec<(String, &'static str, u32)> {
        let a = Analysis::new(text, None, &DiagnosticsConfig::all_enabled());
        a.semantic_tokens(None).iter().map(|t| (a.text[t.range.start..t.range.end].to_string(), t.kind.lsp_type(), t.modifiers)).collect()
    }

    #[test]
    fn headings_numbers_references_and_votes() {
        let got =
            tokens("I. Introduction\n\n1. Recalls paragraph 9 and resolution 72/57:\n(a) A/CONF.192/2018/RC/1;\n\nIn favour: Chile\n");
        let want = vec![
            ("I. Introduction".to_string(), "namespace", DECLARATION),
            ("1.".to_string(), "number", DECLARATION),
            ("paragraph 9".to_string(), "property", BROKEN),
            ("resolution 72/57".to_string(), "type", EXTERNAL),
            ("(a)".to_string(), "enumMember", DECLARATION),
            ("A/CONF.192/2018/RC/1".to_string(), "macro", EXTERNAL),
            ("In favour:".to_string(), "keyword", 0),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn tokens_do_not_overlap_and_stay_on_one_line() {
        let text = include_str!("../../tests/fixtures/seed/000_e12bae3abcaa388b.txt");
        let a = Analysis::new(text, None, &DiagnosticsConfig::all_enabled());
        let toks = a.semantic_tokens(None);
        assert!(toks.len() > 500);
        for w in toks.windows(2) {
            assert!(w[0].range.end <= w[1].range.start, "{:?} overlaps {:?}", w[0], w[1]);
        }
        for t in &toks {
            assert_eq!(a.line_index.line_of(t.range.start), a.line_index.line_of(t.range.end));
        }
    }
}
