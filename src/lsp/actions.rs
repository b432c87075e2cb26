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

// ---- code actions and rename ----

use std::collections::HashMap;

use tower_lsp_server::jsonrpc::{Error, ErrorCode};
use tower_lsp_server::ls_types::{
    self as lsp, CodeActionKind, CodeActionOrCommand, CodeActionParams, CodeActionResponse, PrepareRenameResponse, RenameParams,
    TextDocumentPositionParams, Uri, WorkspaceEdit,
};

use crate::ide::edit::{Fix, FixKind, TextEdit};
use crate::ide::{fixes, renumber, Analysis};
use crate::text::{PositionEncoding, TextRange};

/// The code action kind of a fix. Renumbering is `source.renumber`, so
/// that a client can ask for it alone (`only: ["source.renumber"]`).
pub fn action_kind(kind: FixKind) -> CodeActionKind {
    match kind {
        FixKind::QuickFix => CodeActionKind::QUICKFIX,
        FixKind::Source => CodeActionKind::new("source.renumber"),
        FixKind::Refactor => CodeActionKind::REFACTOR_REWRITE,
    }
}

/// Whether `kind` is asked for by `only` (absent: everything): equal to
/// one of them, or a sub-kind of one (`source.renumber` under `source`).
fn wanted(kind: &CodeActionKind, only: Option<&[CodeActionKind]>) -> bool {
    only.is_none_or(|only| {
        only.iter().any(|o| kind.as_str() == o.as_str() || kind.as_str().strip_prefix(o.as_str()).is_some_and(|rest| rest.starts_with('.')))
    })
}

fn workspace_edit(a: &Analysis, uri: &Uri, edits: &[TextEdit], enc: PositionEncoding) -> WorkspaceEdit {
    let edits = edits.iter().map(|e| lsp::TextEdit { range: convert::range(a, e.range, enc), new_text: e.new_text.clone() }).collect();
    WorkspaceEdit { changes: Some(HashMap::from([(uri.clone(), edits)])), document_changes: None, change_annotations: None }
}

/// A fix as a code action carrying its edit (no client command), with the
/// client's diagnostics it repairs (same code, same range).
fn code_action(a: &Analysis, uri: &Uri, fix: &Fix, client_diagnostics: &[lsp::Diagnostic], enc: PositionEncoding) -> lsp::CodeAction {
    let repaired: Vec<lsp::Diagnostic> = match (fix.code, fix.diagnostic_range) {
        (Some(code), Some(range)) => {
            let range = convert::range(a, range, enc);
            client_diagnostics
                .iter()
                .filter(|d| d.range == range && d.code == Some(lsp::NumberOrString::String(code.to_string())))
                .cloned()
                .collect()
        }
        _ => Vec::new(),
    };
    lsp::CodeAction {
        title: fix.title.clone(),
        kind: Some(action_kind(fix.kind)),
        diagnostics: (!repaired.is_empty()).then_some(repaired),
        edit: Some(workspace_edit(a, uri, &fix.edits, enc)),
        command: None,
        is_preferred: fix.preferred.then_some(true),
        disabled: None,
        data: None,
    }
}

fn rename_refused(reason: String) -> Error {
    Error { code: ErrorCode::InvalidRequest, message: reason.into(), data: None }
}

impl Backend {
    pub(super) async fn actions(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri.clone();
        let range = params.range;
        let context = params.context;
        let index = self.workspace_index();
        let actions = self
            .off_runtime(&uri.clone(), move |doc, a, enc| {
                if !doc.is_active(a) {
                    return Vec::new();
                }
                let (start, _) = convert::offset(a, range.start, enc);
                let (end, _) = convert::offset(a, range.end, enc);
                let within = TextRange::new(start.min(end), start.max(end));
                let mut found = fixes::fixes(a, within);
                // Drift, which only the session knows.
                for d in doc.drift_in(a).iter() {
                    if d.reference.start <= within.end && within.start <= d.reference.end {
                        found.extend(d.fix.clone());
                    }
                }
                // References to an earlier revision present in the workspace.
                found.extend(super::workspace::revision_fixes(&index, &uri, a, within));
                let only = context.only.as_deref();
                found
                    .iter()
                    .filter(|f| wanted(&action_kind(f.kind), only))
                    .map(|f| CodeActionOrCommand::CodeAction(code_action(a, &uri, f, &context.diagnostics, enc)))
                    .collect()
            })
            .await?;
        Ok(Some(actions))
    }

    pub(super) async fn prepare_renaming(&self, params: TextDocumentPositionParams) -> Result<Option<PrepareRenameResponse>> {
        let position = params.position;
        let answer = self
            .off_runtime(&params.text_document.uri, move |_, a, enc| {
                let (offset, _) = convert::offset(a, position, enc);
                renumber::prepare_rename(a, offset).map(|(range, placeholder)| PrepareRenameResponse::RangeWithPlaceholder {
                    range: convert::range(a, range, enc),
                    placeholder,
                })
            })
            .await?;
        answer.map(Some).map_err(rename_refused)
    }

    pub(super) async fn renaming(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let p = params.text_document_position;
        let uri = p.text_document.uri;
        let position = p.position;
        let new_name = params.new_name;
        let answer = self
            .off_runtime(&uri.clone(), move |_, a, enc| {
                let (offset, _) = convert::offset(a, position, enc);
                renumber::rename(a, offset, new_name.trim()).map(|r| workspace_edit(a, &uri, &r.edits, enc))
            })
            .await?;
        answer.map(Some).map_err(rename_refused)
    }
}
