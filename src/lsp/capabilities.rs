//! What the server offers and the position encoding it agrees with the
//! client: UTF-8 when the client lists it in `general.positionEncodings`,
//! otherwise UTF-16 (the protocol's default, which every client supports).

use tower_lsp_server::ls_types::{
    ClientCapabilities, CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CodeLensOptions, DocumentLinkOptions,
    FoldingRangeProviderCapability, HoverProviderCapability, OneOf, PositionEncodingKind, RenameOptions, SemanticTokenModifier,
    SemanticTokenType, SemanticTokensFullOptions, SemanticTokensLegend, SemanticTokensOptions, SemanticTokensServerCapabilities,
    ServerCapabilities, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions, WorkDoneProgressOptions,
};

use crate::ide::semantic_tokens::{TokenKind, MODIFIERS};

use crate::text::PositionEncoding;

/// The encoding to use with a client that announced `caps`.
pub fn negotiate(caps: &ClientCapabilities) -> PositionEncoding {
    let offered = caps.general.as_ref().and_then(|g| g.position_encodings.as_ref());
    if offered.is_some_and(|kinds| kinds.contains(&PositionEncodingKind::UTF8)) {
        PositionEncoding::Utf8
    } else {
        PositionEncoding::Utf16
    }
}

pub fn encoding_kind(encoding: PositionEncoding) -> PositionEncodingKind {
    match encoding {
        PositionEncoding::Utf8 => PositionEncodingKind::UTF8,
        PositionEncoding::Utf16 => PositionEncodingKind::UTF16,
    }
}

/// The semantic-token legend: the core's token kinds as standard LSP types,
/// in `TokenKind::ALL` order, and its modifiers.
pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: TokenKind::ALL.iter().map(|k| SemanticTokenType::new(k.lsp_type())).collect(),
        token_modifiers: MODIFIERS.iter().map(|m| SemanticTokenModifier::new(m)).collect(),
    }
}

/// What the server offers a client that announced `client`: inlay hints
/// and code lenses only to a client that says it shows them.
pub fn server_capabilities(encoding: PositionEncoding, client: &ClientCapabilities) -> ServerCapabilities {
    let text = client.text_document.as_ref();
    let inlay_hints = text.is_some_and(|t| t.inlay_hint.is_some());
    let code_lens = text.is_some_and(|t| t.code_lens.is_some());
    ServerCapabilities {
        document_highlight_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::new("source.renumber"),
                CodeActionKind::REFACTOR_REWRITE,
            ]),
            work_done_progress_options: WorkDoneProgressOptions::default(),
            resolve_provider: Some(false),
        })),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: WorkDoneProgressOptions::default(),
        })),
        inlay_hint_provider: inlay_hints.then_some(OneOf::Left(true)),
        code_lens_provider: code_lens.then_some(CodeLensOptions { resolve_provider: Some(false) }),
        position_encoding: Some(encoding_kind(encoding)),
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::INCREMENTAL),
            ..TextDocumentSyncOptions::default()
        })),
        definition_provider: Some(OneOf::Left(true)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        references_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
        document_link_provider: Some(DocumentLinkOptions {
            resolve_provider: Some(false),
            work_done_progress_options: WorkDoneProgressOptions::default(),
        }),
        semantic_tokens_provider: Some(SemanticTokensServerCapabilities::SemanticTokensOptions(SemanticTokensOptions {
            work_done_progress_options: WorkDoneProgressOptions::default(),
            legend: legend(),
            range: Some(true),
            full: Some(SemanticTokensFullOptions::Bool(true)),
        })),
        ..ServerCapabilities::default()
    }
}

#[cfg(test)]
mod tests {
    use tower_lsp_server::ls_types::GeneralClientCapabilities;

    use super::*;

    fn offering(kinds: Option<Vec<PositionEncodingKind>>) -> ClientCapabilities {
        ClientCapabilities {
            general: Some(GeneralClientCapabilities { position_encodings: kinds, ..Default::default() }),
            ..Default::default()
        }
    }

    #[test]
    fn utf8_only_when_offered() {
        assert_eq!(negotiate(&ClientCapabilities::default()), PositionEncoding::Utf16);
        assert_eq!(negotiate(&offering(None)), PositionEncoding::Utf16);
        assert_eq!(negotiate(&offering(Some(vec![PositionEncodingKind::UTF16]))), PositionEncoding::Utf16);
        assert_eq!(negotiate(&offering(Some(vec![PositionEncodingKind::UTF32]))), PositionEncoding::Utf16);
        let both = offering(Some(vec![PositionEncodingKind::UTF16, PositionEncodingKind::UTF8]));
        assert_eq!(negotiate(&both), PositionEncoding::Utf8);
    }

    #[test]
    fn hints_and_lenses_only_for_clients_that_show_them() {
        let bare = server_capabilities(PositionEncoding::Utf16, &ClientCapabilities::default());
        assert!(bare.inlay_hint_provider.is_none() && bare.code_lens_provider.is_none());
        assert!(bare.document_highlight_provider.is_some());
        let caps: ClientCapabilities =
            serde_json::from_value(serde_json::json!({"textDocument": {"inlayHint": {}, "codeLens": {}}})).unwrap();
        let full = server_capabilities(PositionEncoding::Utf16, &caps);
        assert!(full.inlay_hint_provider.is_some() && full.code_lens_provider.is_some());
    }
}
