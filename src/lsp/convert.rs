//! Conversions between the core's values (byte offsets, [`TextRange`]s,
//! `ide` results) and protocol values, in the negotiated encoding. Every
//! position goes through the analysis's [`crate::text::LineIndex`]; nothing
//! here counts columns itself.

use std::str::FromStr;

use tower_lsp_server::ls_types::{
    self as lsp, CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, DocumentLink, DocumentSymbol, FoldingRange,
    FoldingRangeKind, HoverContents, Location, MarkupContent, MarkupKind, NumberOrString, Position, Range, SymbolKind, Uri,
};

use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::ide::{self, Analysis, Fold, FoldKind, Link, Outline, OutlineItem};
use crate::syntax::{NodeId, NodeKind};
use crate::text::{LineCol, PositionEncoding, TextRange};

/// Where the README documents the diagnostic codes.
pub const CODES_URL: &str = "https://github.com/rapporteur-un/rapporteur";

// ---- from the protocol ----

/// The byte offset of `pos`, clamped into the text; the flag tells whether
/// clamping was needed (a position past the end of its line or document, or
/// inside a character).
pub fn offset(a: &Analysis, pos: Position, enc: PositionEncoding) -> (usize, bool) {
    a.offset(LineCol { line: pos.line, col: pos.character }, enc)
}

// ---- to the protocol ----

pub fn position(a: &Analysis, offset: usize, enc: PositionEncoding) -> Position {
    let lc = a.line_col(offset, enc);
    Position { line: lc.line, character: lc.col }
}

pub fn range(a: &Analysis, r: TextRange, enc: PositionEncoding) -> Range {
    Range { start: position(a, r.start, enc), end: position(a, r.end, enc) }
}

pub fn location(a: &Analysis, uri: &Uri, r: TextRange, enc: PositionEncoding) -> Location {
    Location { uri: uri.clone(), range: range(a, r, enc) }
}

pub fn locations(a: &Analysis, uri: &Uri, ranges: &[TextRange], enc: PositionEncoding) -> Vec<Location> {
    ranges.iter().map(|&r| location(a, uri, r, enc)).collect()
}

pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Information => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// The README section of a code: `…/rapporteur#<Code::doc_anchor>`.
pub fn code_href(code: Code) -> Option<Uri> {
    Uri::from_str(&format!("{CODES_URL}#{}", code.doc_anchor())).ok()
}

pub fn diagnostic(a: &Analysis, uri: &Uri, d: &Diagnostic, enc: PositionEncoding) -> lsp::Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = d
        .related
        .iter()
        .map(|r| DiagnosticRelatedInformation { location: location(a, uri, r.range, enc), message: r.message.clone() })
        .collect();
    lsp::Diagnostic {
        range: range(a, d.range, enc),
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.code.as_str().to_string())),
        code_description: code_href(d.code).map(|href| CodeDescription { href }),
        source: Some("rapporteur".to_string()),
        message: d.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

pub fn diagnostics(a: &Analysis, uri: &Uri, enc: PositionEncoding) -> Vec<lsp::Diagnostic> {
    a.diagnostics.iter().map(|d| diagnostic(a, uri, d, enc)).collect()
}

/// Semantic tokens, relative-encoded as the protocol wants them; lengths
/// and columns in the negotiated encoding.
pub fn semantic_tokens(a: &Analysis, tokens: &[ide::semantic_tokens::Token], enc: PositionEncoding) -> Vec<lsp::SemanticToken> {
    let mut out = Vec::with_capacity(tokens.len());
    let (mut prev_line, mut prev_col) = (0u32, 0u32);
    for t in tokens {
        let start = a.line_col(t.range.start, enc);
        let end = a.line_col(t.range.end, enc);
        if end.line != start.line || end.col <= start.col {
            continue;
        }
        let delta_line = start.line - prev_line;
        let delta_start = if delta_line == 0 { start.col - prev_col } else { start.col };
        let token_type = ide::semantic_tokens::TokenKind::ALL.iter().position(|k| *k == t.kind).unwrap_or(0) as u32;
        out.push(lsp::SemanticToken {
            delta_line,
            delta_start,
            length: end.col - start.col,
            token_type,
            token_modifiers_bitset: t.modifiers,
        });
        prev_line = start.line;
        prev_col = start.col;
    }
    out
}

pub fn hover(a: &Analysis, h: &ide::Hover, enc: PositionEncoding) -> lsp::Hover {
    lsp::Hover {
        contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: h.markdown.clone() }),
        range: Some(range(a, h.range, enc)),
    }
}

pub fn symbol_kind(kind: NodeKind) -> SymbolKind {
    match kind {
        NodeKind::TitleBlock => SymbolKind::FILE,
        NodeKind::Annex => SymbolKind::MODULE,
        NodeKind::Part => SymbolKind::PACKAGE,
        NodeKind::Section => SymbolKind::NAMESPACE,
        NodeKind::Subsection => SymbolKind::CLASS,
        NodeKind::Subheading | NodeKind::Crossheading => SymbolKind::STRING,
        NodeKind::Article => SymbolKind::STRUCT,
        NodeKind::Preamble => SymbolKind::OBJECT,
        NodeKind::PreambularParagraph | NodeKind::UnnumberedParagraph | NodeKind::Paragraph => SymbolKind::FIELD,
        NodeKind::Subparagraph | NodeKind::ListItem => SymbolKind::ENUM_MEMBER,
        NodeKind::List => SymbolKind::ARRAY,
        NodeKind::RecordedVote | NodeKind::VoteList => SymbolKind::EVENT,
    }
}

/// The outline as nested symbols. The protocol wants each selection range
/// inside its range; an item whose opening sticks out is given its range.
pub fn symbols(a: &Analysis, items: &[OutlineItem], enc: PositionEncoding) -> Vec<DocumentSymbol> {
    items.iter().map(|item| symbol(a, item, enc)).collect()
}

fn symbol(a: &Analysis, item: &OutlineItem, enc: PositionEncoding) -> DocumentSymbol {
    DocumentSymbol { children: (!item.children.is_empty()).then(|| symbols(a, &item.children, enc)), ..symbol_alone(a, item, enc) }
}

/// The symbol of `item` without its children.
fn symbol_alone(a: &Analysis, item: &OutlineItem, enc: PositionEncoding) -> DocumentSymbol {
    let selection = if item.range.contains_range(item.selection_range) { item.selection_range } else { item.range };
    let name = if item.name.trim().is_empty() { item.kind.label().to_string() } else { item.name.clone() };
    #[allow(deprecated)]
    DocumentSymbol {
        name,
        detail: item.detail.clone().filter(|d| !d.is_empty()),
        kind: symbol_kind(item.kind),
        tags: None,
        deprecated: None,
        range: range(a, item.range, enc),
        selection_range: range(a, selection, enc),
        children: None,
    }
}

/// The outline of `nodes` serialised as the `DocumentSymbol[]` of
/// [`symbols`] (the same JSON), one symbol at a time as the outline reader
/// makes it: for a 10-MB document the outline's items were 14 MB, and the
/// protocol's tree of symbols as large again.
pub struct SymbolsJson<'a> {
    pub analysis: &'a Analysis,
    pub outline: &'a Outline<'a>,
    pub nodes: &'a [NodeId],
    pub enc: PositionEncoding,
}

impl serde::Serialize for SymbolsJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let symbol = |&id: &NodeId| {
            let item = self.outline.item(id)?;
            Some(SymbolJson { of: self, id, item })
        };
        serializer.collect_seq(self.nodes.iter().filter_map(symbol))
    }
}

struct SymbolJson<'a> {
    of: &'a SymbolsJson<'a>,
    id: NodeId,
    item: OutlineItem,
}

impl serde::Serialize for SymbolJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        // The fields of `DocumentSymbol`, in its order, skipped where it skips them.
        let symbol = symbol_alone(self.of.analysis, &self.item, self.of.enc);
        let mut out = serializer.serialize_struct("DocumentSymbol", 6)?;
        out.serialize_field("name", &symbol.name)?;
        if let Some(detail) = &symbol.detail {
            out.serialize_field("detail", detail)?;
        }
        out.serialize_field("kind", &symbol.kind)?;
        out.serialize_field("range", &symbol.range)?;
        out.serialize_field("selectionRange", &symbol.selection_range)?;
        let nodes = self.of.outline.children(self.id);
        if nodes.iter().any(|&c| self.of.outline.shows(c)) {
            let children = SymbolsJson { nodes, ..*self.of };
            out.serialize_field("children", &children)?;
        }
        out.end()
    }
}

/// Line-based folds. A fold whose range ends at the start of a line (just
/// after a line break) ends on the line before; folds left with one line go.
pub fn folds(a: &Analysis, folds: &[Fold], enc: PositionEncoding) -> Vec<FoldingRange> {
    folds
        .iter()
        .filter_map(|f| {
            let start = a.line_col(f.range.start, enc);
            let end = a.line_col(f.range.end, enc);
            let end_line = if end.col == 0 && end.line > start.line { end.line - 1 } else { end.line };
            (end_line > start.line).then_some(FoldingRange {
                start_line: start.line,
                start_character: None,
                end_line,
                end_character: None,
                kind: Some(match f.kind {
                    FoldKind::Region => FoldingRangeKind::Region,
                    FoldKind::Comment => FoldingRangeKind::Comment,
                }),
                collapsed_text: None,
            })
        })
        .collect()
}

pub fn links(a: &Analysis, links: &[Link], enc: PositionEncoding) -> Vec<DocumentLink> {
    links
        .iter()
        .filter_map(|l| {
            let target = Uri::from_str(&l.target).ok()?;
            Some(DocumentLink { range: range(a, l.range, enc), target: Some(target), tooltip: Some(l.tooltip.clone()), data: None })
        })
        .collect()
}

pub fn highlights(
    a: &Analysis,
    found: &[(TextRange, ide::highlight::HighlightKind)],
    enc: PositionEncoding,
) -> Vec<lsp::DocumentHighlight> {
    found
        .iter()
        .map(|&(r, kind)| lsp::DocumentHighlight {
            range: range(a, r, enc),
            kind: Some(match kind {
                ide::highlight::HighlightKind::Target => lsp::DocumentHighlightKind::WRITE,
                ide::highlight::HighlightKind::Reference => lsp::DocumentHighlightKind::READ,
            }),
        })
        .collect()
}

pub fn inlay_hints(a: &Analysis, hints: &[ide::annotations::TargetHint], enc: PositionEncoding) -> Vec<lsp::InlayHint> {
    hints
        .iter()
        .map(|h| lsp::InlayHint {
            position: position(a, h.offset, enc),
            label: lsp::InlayHintLabel::String(h.label.clone()),
            kind: None,
            text_edits: None,
            tooltip: Some(lsp::InlayHintTooltip::String(h.tooltip.clone())),
            padding_left: Some(true),
            padding_right: None,
            data: None,
        })
        .collect()
}

/// "cited N times" lenses. The protocol has no command that every client
/// runs, so each lens carries its title with an empty command: shown, and
/// clicking it does nothing.
pub fn code_lenses(a: &Analysis, lenses: &[ide::annotations::CitedLens], enc: PositionEncoding) -> Vec<lsp::CodeLens> {
    lenses
        .iter()
        .map(|l| lsp::CodeLens {
            range: range(a, l.range, enc),
            command: Some(lsp::Command { title: l.title.clone(), command: String::new(), arguments: None }),
            data: None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::DiagnosticsConfig;

    #[test]
    fn the_outline_is_serialised_as_its_symbols() {
        let texts = [
            include_str!("../../tests/fixtures/seed/000_e12bae3abcaa388b.txt"),
            include_str!("../../tests/fixtures/negotiation/en_draft.txt"),
            "Annex I\n\nI. **Title**\n\n1. First; see paragraph 2.\n\n(a) One 😀;\n\n2. Second.\n",
            "",
        ];
        for text in texts {
            let a = Analysis::new(text, None, &DiagnosticsConfig::all_enabled());
            let outline = a.outline();
            assert!(text.is_empty() || outline.iter().any(|i| !i.children.is_empty()));
            if text.contains("ad ref") {
                let detail = |i: &OutlineItem| i.detail.clone().unwrap_or_default();
                let statuses = outline.iter().flat_map(|i| std::iter::once(i).chain(&i.children)).filter(|i| detail(i).starts_with('['));
                assert!(statuses.count() > 0, "a draft's paragraphs carry their status");
            }
            for enc in [PositionEncoding::Utf16, PositionEncoding::Utf8] {
                let tree = serde_json::to_string(&symbols(&a, &outline, enc)).unwrap();
                let reader = a.outline_reader();
                let direct = serde_json::to_string(&SymbolsJson { analysis: &a, outline: &reader, nodes: reader.roots(), enc }).unwrap();
                assert_eq!(direct, tree);
            }
        }
    }

    #[test]
    fn every_code_has_a_link() {
        for code in Code::ALL {
            let href = code_href(code).expect("valid URI");
            assert_eq!(href.as_str(), format!("{CODES_URL}#{}", code.doc_anchor()));
        }
    }

    #[test]
    fn positions_follow_the_encoding() {
        let a = Analysis::new("一二😀x\r\nab", None, &DiagnosticsConfig::all_enabled());
        let x = a.text.find('x').unwrap();
        assert_eq!(position(&a, x, PositionEncoding::Utf16), Position { line: 0, character: 4 });
        assert_eq!(position(&a, x, PositionEncoding::Utf8), Position { line: 0, character: 10 });
        assert_eq!(offset(&a, Position { line: 0, character: 4 }, PositionEncoding::Utf16), (x, false));
        assert_eq!(offset(&a, Position { line: 0, character: 99 }, PositionEncoding::Utf16), (x + 1, true));
        assert_eq!(offset(&a, Position { line: 9, character: 0 }, PositionEncoding::Utf8), (a.text.len(), true));
    }
}
