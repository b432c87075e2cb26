//! `rapporteur status`, `diff` and `amend`: the negotiation commands. Reads
//! the files, runs the core (`negotiation`), prints.

use std::path::Path;

use serde_json::json;

use super::args::Format;
use crate::diagnostics::DiagnosticsConfig;
use crate::ide::Analysis;
use crate::lang::Language;
use crate::negotiation::diff::{self, Kind};
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
                    json!({"eid": a.document.eid(s.node), "label": crate::diagnostics::node_label(&a.document, s.node),
                           "line": a.line_index.line_of(n.range().start) + 1, "status": s.status.name(),
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
                        a.line_index.line_of(a.document.nodes[s.node].range().start) + 1
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

/// The texts of two revisions, or `None` with the error said on standard
/// error.
fn read_revisions(old_path: &Path, new_path: &Path) -> Option<(String, String)> {
    match (super::read_text(old_path), super::read_text(new_path)) {
        (Ok(a), Ok(b)) => Some((a, b)),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("error: {e}");
            None
        }
    }
}

/// `rapporteur diff OLD NEW`: the two revisions aligned by content.
pub fn diff(old_path: &Path, new_path: &Path, lang: Option<Language>, format: &str) -> i32 {
    let Some((old_text, new_text)) = read_revisions(old_path, new_path) else { return 2 };
    let config = DiagnosticsConfig::all_enabled();
    let a = Analysis::new(old_text, lang, &config);
    let b = Analysis::new(new_text, lang.or(Some(a.language())), &config);
    let (ma, mb) = (a.negotiation(), b.negotiation());
    let d = diff::diff(
        &diff::Revision { text: &a.text, doc: &a.document, markup: &ma },
        &diff::Revision { text: &b.text, doc: &b.document, markup: &mb },
    );
    let (on, nn) = (old_path.display().to_string(), new_path.display().to_string());
    let out = match format {
        "html" => crate::negotiation::html::page(&d, &a.text, &b.text, &on, &nn),
        "json" => diff_json(&d, &on, &nn),
        _ => diff_human(&d, &b.text, &on, &nn),
    };
    super::print(&out)
}

fn pieces_inline(pieces: &[diff::Piece]) -> String {
    let mut s = String::new();
    for p in pieces {
        let t = match p.op {
            diff::Op::Same => p.text.clone(),
            diff::Op::Deleted => format!("[-{}-]", p.text),
            diff::Op::Inserted => format!("{{+{}+}}", p.text),
        };
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&t);
    }
    s
}

/// Only the changed stretches of a word diff, with a few words around each.
fn changes_only(pieces: &[diff::Piece]) -> String {
    let mut out: Vec<String> = Vec::new();
    for (k, p) in pieces.iter().enumerate() {
        if p.op == diff::Op::Same {
            let words: Vec<&str> = p.text.split_whitespace().collect();
            if words.len() > 8 {
                let head = if k > 0 { words[..3].join(" ") } else { String::new() };
                let tail = if k + 1 < pieces.len() { words[words.len() - 3..].join(" ") } else { String::new() };
                out.push(format!("{head} … {tail}").trim().to_string());
                continue;
            }
        }
        out.push(pieces_inline(std::slice::from_ref(p)));
    }
    out.join(" ")
}

fn diff_human(d: &diff::RevisionDiff, new_text: &str, on: &str, nn: &str) -> String {
    let mut s = format!("{on} → {nn}:");
    for k in [Kind::Unchanged, Kind::Changed, Kind::Moved, Kind::Inserted, Kind::Deleted, Kind::Split, Kind::Merged] {
        s.push_str(&format!(" {} {},", d.count(k), k.name()));
    }
    s.pop();
    s.push('\n');
    let labels = |us: &[usize], side: &[diff::Unit]| us.iter().map(|&i| side[i].label.clone()).collect::<Vec<_>>().join(" + ");
    for e in &d.entries {
        let (o, n) = (labels(&e.old, &d.old), labels(&e.new, &d.new));
        let line = match e.kind {
            Kind::Unchanged => continue,
            Kind::Inserted => format!("  inserted  {n}: {}", excerpt(new_text, &d.new[e.new[0]])),
            Kind::Deleted => format!("  deleted   {o}"),
            Kind::Moved if !e.changed => format!("  moved     {o} → {n}"),
            k => format!("  {:<9} {o} → {n}: {}", k.name(), changes_only(&e.pieces)),
        };
        s.push_str(&line);
        s.push('\n');
    }
    s.push_str("number map (old → new):\n");
    for (scope, map) in &d.number_map {
        let name = if scope.is_empty() { "body" } else { scope.as_str() };
        let items: Vec<String> = map.iter().map(|(o, n)| format!("{o}→{}", n.as_deref().unwrap_or("—"))).collect();
        s.push_str(&format!("  {name}: {}\n", items.join(" ")));
    }
    for w in &d.warnings {
        s.push_str(&format!("warning: {}\n", w.message));
    }
    s
}

fn excerpt(text: &str, u: &diff::Unit) -> String {
    let mut s = String::new();
    for r in u.tokens.iter().take(14) {
        diff::join_token(&mut s, &text[r.start..r.end]);
    }
    if u.tokens.len() > 14 {
        s.push_str(" …");
    }
    s
}

fn diff_json(d: &diff::RevisionDiff, on: &str, nn: &str) -> String {
    let unit = |u: &diff::Unit| json!({"label": u.label, "number": u.number, "eid": u.eid, "status": u.status.map(|s| s.name())});
    let entries: Vec<_> = d
        .entries
        .iter()
        .map(|e| {
            json!({
                "kind": e.kind.name(),
                "changed": e.changed,
                "old": e.old.iter().map(|&i| unit(&d.old[i])).collect::<Vec<_>>(),
                "new": e.new.iter().map(|&j| unit(&d.new[j])).collect::<Vec<_>>(),
                "words": e.pieces.iter().map(|p| json!({"op": match p.op { diff::Op::Same => "same", diff::Op::Deleted => "deleted", diff::Op::Inserted => "inserted" }, "text": p.text})).collect::<Vec<_>>(),
            })
        })
        .collect();
    let map: Vec<_> = d
        .number_map
        .iter()
        .map(|(scope, m)| json!({"scope": scope, "numbers": m.iter().map(|(o, n)| json!({"old": o, "new": n})).collect::<Vec<_>>()}))
        .collect();
    let v = json!({"old": on, "new": nn, "entries": entries, "number_map": map,
        "warnings": d.warnings.iter().map(|w| w.message.clone()).collect::<Vec<_>>()});
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}

/// `rapporteur amend DRAFT AMENDMENTS [--write | --diff]`.
pub fn amend(draft_path: &Path, amendments_path: &Path, lang: Option<Language>, write: bool, show_diff: bool) -> i32 {
    let (draft, amendments) = match (super::read_text(draft_path), super::read_text(amendments_path)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let a = Analysis::new(draft, lang, &DiagnosticsConfig::all_enabled());
    let markup = a.negotiation();
    let (list, mut problems) = crate::negotiation::amend::parse(&amendments, a.language());
    let mut outcome = crate::negotiation::amend::apply(&a.text, &a.document, &markup, &list);
    problems.append(&mut outcome.problems);
    problems.sort_by_key(|p| p.range.start);
    let index = crate::text::LineIndex::new(&amendments);
    let shown = amendments_path.display();
    for p in &problems {
        let lc = index.line_col(&amendments, p.range.start, crate::text::PositionEncoding::Utf8);
        eprintln!("{shown}:{}:{}: error[amendment]: {}", lc.line + 1, lc.col + 1, p.message);
    }
    let mut report = format!("{} of {} amendments applied", outcome.applied, outcome.applied + problems.len());
    if !outcome.renumbered.is_empty() {
        let moves: Vec<String> = outcome.renumbered.iter().map(|(o, n)| format!("{o}→{n}")).collect();
        report.push_str(&format!("; numbers: {}", moves.join(" ")));
    }
    report.push('\n');
    let status = if problems.is_empty() { 0 } else { 1 };
    if write {
        if let Err(e) = std::fs::write(draft_path, &outcome.text) {
            eprintln!("error: {}: cannot write: {e}", draft_path.display());
            return 2;
        }
        eprint!("{report}");
        return status;
    }
    eprint!("{report}");
    let out = if show_diff {
        let b = Analysis::new(outcome.text.clone(), Some(a.language()), &DiagnosticsConfig::all_enabled());
        let mb = b.negotiation();
        let d = diff::diff(
            &diff::Revision { text: &a.text, doc: &a.document, markup: &markup },
            &diff::Revision { text: &b.text, doc: &b.document, markup: &mb },
        );
        diff_human(&d, &b.text, &draft_path.display().to_string(), "amended")
    } else {
        outcome.text
    };
    match super::print(&out) {
        0 => status,
        s => s,
    }
}

/// `rapporteur renumber --follow-revision OLD NEW FILE`: the references of
/// FILE to the revision OLD moved to the same paragraphs in NEW (the
/// numbers by the diff of the two, the revision's number with them); what
/// cannot move (a paragraph deleted or split) is left and said on
/// standard error.
pub fn follow_revision(path: &Path, text: &str, old_path: &Path, new_path: &Path, lang: Option<Language>, diff: bool) -> i32 {
    let Some((old_text, new_text)) = read_revisions(old_path, new_path) else { return 2 };
    let config = DiagnosticsConfig::all_enabled();
    let citing = Analysis::new(text, lang, &config);
    let old = Analysis::new(old_text, None, &config);
    let new = Analysis::new(new_text, Some(old.language()), &config);
    for (p, a) in [(old_path, &old), (new_path, &new)] {
        if crate::workspace::identify(a).revision.is_none() {
            eprintln!("error: {}: no revision (`…/Rev.N`) in the symbol of its masthead", p.display());
            return 2;
        }
    }
    let (edits, unmoved) = crate::workspace::revisions::follow_revision(&citing, &old, &new);
    let shown = path.display().to_string();
    for u in &unmoved {
        eprintln!("{shown}:{}: not moved: {}", citing.line_index.line_of(u.range.start) + 1, u.reason);
    }
    let fixed = match crate::ide::edit::apply(text, &edits) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {shown}: {e}");
            return 2;
        }
    };
    if diff {
        super::print(&super::fix::unified_diff(&shown, text, &fixed))
    } else {
        super::print(&fixed)
    }
}

/// `--vocabulary FILE` (`check`, `status`): the negotiation words of the
/// server's `negotiation` setting, from a JSON file of the same shape.
pub(super) fn vocabulary_arg() -> clap::Arg {
    clap::Arg::new("vocabulary")
        .long("vocabulary")
        .value_name("FILE")
        .value_parser(vocabulary_file)
        .help("Negotiation words to add to the language's table: a JSON file {\"delegations\": […], \"verbs\": […], \"agreed\": […], \"silenceBroken\": […]}")
}

fn vocabulary_file(path: &str) -> Result<crate::negotiation::Vocabulary, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("{path}: not JSON: {e}"))?;
    let mut warnings = Vec::new();
    let v = crate::lsp::config::read_vocabulary(&value, "vocabulary", &mut warnings);
    match warnings.first() {
        Some(w) => Err(format!("{path}: {}", w.trim_start_matches("settings: "))),
        None => Ok(v),
    }
}
