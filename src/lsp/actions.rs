//! The handlers of the drafting features: document highlight, inlay hints
//! (what a reference cites), code lenses (how often a paragraph is cited).
//! Thin, like the rest: the core computes, `convert` turns the answer into
//! protocol values in the negotiated encoding.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{CodeLens, CodeLensParams, DocumentHighlight, DocumentHighlightParams, InlayHint, InlayHintParams};

use super::convert;
use super::server::Backend;
use crate::ide::{annotations, highlight};

impl Backend {
    pub(super) async fn highlight(&self, params: DocumentHighlightParams) -> Result<Option<Vec<DocumentHighlight>>> {
        let p = params.text_document_position_params;
        let position = p.position;
        let found = self
            .off_runtime(&p.text_document.uri, move |_, a, enc| {
                let (offset, _) = convert::offset(a, position, enc);
                convert::highlights(a, &highlight::highlights(a, offset), enc)
            })
            .await?;
        Ok((!found.is_empty()).then_some(found))
    }

    pub(super) async fn hints(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        let range = params.range;
        let hints = self
            .off_runtime(&params.text_document.uri, move |doc, a, enc| {
                if !doc.settings.inlay_hints || !doc.is_active(a) {
                    return Vec::new();
                }
                let (start, _) = convert::offset(a, range.start, enc);
                let (end, _) = convert::offset(a, range.end, enc);
                let within = crate::text::TextRange::new(start.min(end), start.max(end));
                convert::inlay_hints(a, &annotations::target_hints(a, Some(within)), enc)
            })
            .await?;
        Ok(Some(hints))
    }

    pub(super) async fn lenses(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        let lenses = self
            .off_runtime(&params.text_document.uri, |doc, a, enc| {
                if !doc.settings.code_lens || !doc.is_active(a) {
                    return Vec::new();
                }
                convert::code_lenses(a, &annotations::cited_lenses(a), enc)
            })
            .await?;
        Ok(Some(lenses))
    }
}
