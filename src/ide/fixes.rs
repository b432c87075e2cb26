//! Every action the core offers on a document, in one place: the quick fix
//! of each diagnostic that has one, and the source actions (renumber the
//! whole document, or the scope at the cursor, keeping references). The
//! server turns them into code actions, the CLI (`rapporteur fix`) applies
//! them. Other providers (negotiation actions) add theirs here.

use super::edit::{Fix, FixKind, TextEdit};
use super::renumber::{renumber, scopes_at, RenumberScope};
use super::Analysis;
use crate::diagnostics::{Code, Diagnostic};
use crate::syntax::NodeKind;
use crate::text::TextRange;

/// The quick fixes of the diagnostics touching `range`, then the source
/// actions at its start (renumber the scope at the cursor, the document).
pub fn fixes(analysis: &Analysis, range: TextRange) -> Vec<Fix> {
    let mut out: Vec<Fix> = Vec::new();
    for d in &analysis.diagnostics {
        if d.range.start <= range.end && range.start <= d.range.end {
            out.extend(quick_fix(analysis, d));
        }
    }
    for (scope, title) in scopes_at(analysis, range.start) {
        let r = renumber(analysis, scope);
        if r.edits.is_empty() || out.iter().any(|f| f.kind == FixKind::Source && f.edits == r.edits) {
            continue;
        }
        out.push(Fix {
            title: format!("Renumber {title} (keep references)"),
            kind: FixKind::Source,
            code: None,
            diagnostic_range: None,
            preferred: false,
            edits: r.edits,
        });
    }
    out
}

/// Every fix of the document for the command line: the renumbering of the
/// whole document first, then the quick fix of each diagnostic that is not
/// about numbering (the renumbering covers those).
pub fn all_fixes(analysis: &Analysis) -> Vec<Fix> {
    let mut out = Vec::new();
    let r = renumber(analysis, RenumberScope::Document);
    if !r.edits.is_empty() {
        out.push(Fix {
            title: "Renumber the whole document (keep references)".to_string(),
            kind: FixKind::Source,
            code: None,
            diagnostic_range: None,
            preferred: false,
            edits: r.edits,
        });
    }
    for d in &analysis.diagnostics {
        if matches!(d.code, Code::NumberingGap | Code::NumberingDuplicate | Code::NumberingOrder) {
            continue;
        }
        out.extend(quick_fix(analysis, d));
    }
    out
}

/// The quick fix of one diagnostic, if it has one.
pub fn quick_fix(analysis: &Analysis, d: &Diagnostic) -> Option<Fix> {
    let doc = &analysis.document;
    let fix = |title: String, edits: Vec<TextEdit>| Fix {
        title,
        kind: FixKind::QuickFix,
        code: Some(d.code.as_str()),
        diagnostic_range: Some(d.range),
        preferred: true,
        edits,
    };
    match d.code {
        Code::NumberingGap | Code::NumberingDuplicate | Code::NumberingOrder => {
            let node = analysis.numbered_node_at(d.range.start)?;
            let scope = match doc.nodes[node].kind {
                NodeKind::Paragraph => crate::syntax::scope::numbering_scope(doc, node),
                _ => doc.nodes[node].parent,
            };
            let (scope, title) = match scope {
                Some(s) => {
                    let eid = doc.nodes[s].eid.clone();
                    let title = scopes_at(analysis, doc.nodes[s].opening.start)
                        .into_iter()
                        .find(|(sc, _)| *sc == RenumberScope::Node(eid.clone()))
                        .map(|(_, t)| t)
                        .unwrap_or_else(|| crate::diagnostics::node_label(doc, s));
                    (RenumberScope::Node(eid), title)
                }
                None => (RenumberScope::Document, "the whole document".to_string()),
            };
            let r = renumber(analysis, scope);
            (!r.edits.is_empty()).then(|| fix(format!("Renumber {title} (keep references)"), r.edits))
        }
        _ => {
            let (range, text) = d.replacement.clone()?;
            let written = &analysis.text[range.start..range.end];
            let title = match d.code {
                Code::VoteCount => format!("Set the figure to {text}"),
                Code::VoteDuplicate | Code::ListDuplicate => "Remove the repeated names".to_string(),
                _ if text.is_empty() => format!("Remove `{}`", written.trim()),
                _ => format!("Write `{text}`"),
            };
            Some(fix(title, vec![TextEdit::replace(range, text)]))
        }
    }
}
