//! `rapporteur status`, `diff` and `amend`: the negotiation commands. Reads
//! the files, runs the core (`negotiation`), prints.

use serde_json::json;

use super::args::Format;
use crate::ide::Analysis;
use crate::negotiation::status::Status;

/// `rapporteur status FILE`: per section, how many paragraphs are agreed,
/// bracketed, open, with alternatives; then each bracketed paragraph.
pub fn status_output(a: &Analysis, path: &str, format: Format) -> String {
    let m = a.negotiation();
    let statuses = a.paragraph_statuses(&m);
    let summary = crate::negotiation::summary(&a.document, &statuses);
    let row_json = |r: &crate::negotiation::status::SummaryRow| {
        json!({"scope": r.scope, "paragraphs": r.paragraphs, "agreed": r.agreed, "bracketed": r.bracketed, "open": r.open,
               "with_alternatives": r.with_alternatives, "silence_broken": r.silence_broken})
    };
    match format {
        Format::Json => {
            let paragraphs: Vec<_> = statuses
                .iter()
                .map(|s| {
                    let n = &a.document.nodes[s.node];
                    json!({"eid": n.eid, "label": crate::diagnostics::node_label(&a.document, s.node),
                           "line": a.line_index.line_of(n.range.start) + 1, "status": s.status.name(),
                           "alternatives": s.alternatives, "silence_broken": s.silence_broken})
                })
                .collect();
            let v = json!({"path": path, "draft": m.draft, "claims_final": m.claims_final,
                "sections": summary.rows.iter().map(row_json).collect::<Vec<_>>(), "total": row_json(&summary.total),
                "paragraphs": paragraphs,
                "unbalanced_brackets": m.unmatched.len(),
                "attributions": m.attributions.len()});
            let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
            s.push('\n');
            s
        }
        _ => {
            if !m.draft {
                return format!("{path}: not a negotiation draft (no status tags, alternatives or attributed brackets)\n");
            }
            let mut out = format!("{path}: negotiation status\n\n");
            let width = summary.rows.iter().map(|r| r.scope.chars().count()).max().unwrap_or(5).max(5);
            out.push_str(&format!(
                "{:width$}  {:>10}  {:>6}  {:>9}  {:>4}  {:>12}\n",
                "", "paragraphs", "agreed", "bracketed", "open", "alternatives"
            ));
            for r in summary.rows.iter().chain(std::iter::once(&summary.total)) {
                out.push_str(&format!(
                    "{:width$}  {:>10}  {:>6}  {:>9}  {:>4}  {:>12}\n",
                    r.scope, r.paragraphs, r.agreed, r.bracketed, r.open, r.with_alternatives
                ));
            }
            let bracketed: Vec<String> = statuses
                .iter()
                .filter(|s| s.status == Status::Bracketed)
                .map(|s| {
                    format!(
                        "{} (line {})",
                        crate::diagnostics::node_label(&a.document, s.node),
                        a.line_index.line_of(a.document.nodes[s.node].range.start) + 1
                    )
                })
                .collect();
            if !bracketed.is_empty() {
                out.push_str(&format!("\nbracketed: {}\n", bracketed.join(", ")));
            }
            if !m.unmatched.is_empty() {
                out.push_str(&format!("{} unbalanced bracket(s): see `rapporteur check`\n", m.unmatched.len()));
            }
            out
        }
    }
}
