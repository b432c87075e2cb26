//! `rapporteur fix` and `rapporteur renumber`: the core's fixes
//! (`ide::fixes`) applied to files. Renumbering comes first (it rewrites
//! the references it moves), then the quick fixes of the other diagnostics
//! on the renumbered text. Only the bytes the fixes name change, so line
//! endings and a BOM are kept; `--write` writes a temporary file next to the
//! original, gives it the original's permissions and renames it over.

use std::path::{Path, PathBuf};

use clap::{value_parser, Arg, ArgAction, ArgMatches, Command};

use crate::diagnostics::{Code, DiagnosticsConfig};
use crate::ide::edit::{apply, TextEdit};
use crate::ide::fixes::quick_fix;
use crate::ide::renumber::{renumber, RenumberNote, RenumberScope};
use crate::ide::Analysis;
use crate::lang::Language;

pub fn fix_command() -> Command {
    Command::new("fix")
        .about("Apply the fixes: renumber keeping every reference, then the quick fixes (vote figures, repeated names, symbols…)")
        .long_about(
            "Apply the fixes the checker knows: first the renumbering of every numbered sequence (paragraphs, \
             subparagraphs, sections, items) with every internal reference rewritten to cite the same paragraph as \
             before, then the quick fixes of the other diagnostics (a vote's figure, a repeated run of names, a \
             malformed symbol or number, above/below, the annex cited with a number).\n\n\
             Without --write nothing is written: the changes are shown as a unified diff.",
        )
        .after_help("Exit status: 0 done (with --check: nothing would change), 1 with --check: something would change, 2 bad usage or unreadable input.")
        .arg(
            Arg::new("check")
                .long("check")
                .action(ArgAction::SetTrue)
                .conflicts_with_all(["diff", "write"])
                .help("Change nothing; exit with status 1 if anything would change (for CI)"),
        )
        .arg(Arg::new("diff").long("diff").action(ArgAction::SetTrue).conflicts_with("write").help("Print a unified diff (the default)"))
        .arg(Arg::new("write").long("write").action(ArgAction::SetTrue).help("Rewrite the files in place (atomically)"))
        .arg(
            Arg::new("only")
                .long("only")
                .value_name("CODE")
                .value_delimiter(',')
                .action(ArgAction::Append)
                .value_parser(|v: &str| Code::parse(v).ok_or_else(|| format!("unknown diagnostic code `{v}`")))
                .help("Apply only the fixes of these codes, repeated or comma-separated (numbering.gap, numbering.duplicate or numbering.order: the renumbering)"),
        )
        .arg(super::args::lang_arg())
        .arg(Arg::new("paths").value_name("PATH").help("Files and folders").required(true).num_args(1..).value_parser(value_parser!(PathBuf)))
}

pub fn renumber_command() -> Command {
    Command::new("renumber")
        .about("Renumber a document keeping every reference on its target, and print the result (or a diff)")
        .long_about(
            "Renumber every numbered sequence of the document (or those inside the node with the address given by \
             --scope, e.g. annex__sec_II) from 1, and rewrite every internal reference so that it cites the same \
             paragraph as before. The renumbered text goes to standard output (use it as a filter), or a unified \
             diff with --diff; notes (ranges that widened, references whose target is gone) go to standard error.",
        )
        .arg(Arg::new("scope").long("scope").value_name("EID").help("Renumber only inside this node (an eId: annex__sec_II, annex_1)"))
        .arg(
            Arg::new("follow-revision")
                .long("follow-revision")
                .value_names(["OLD", "NEW"])
                .num_args(2)
                .value_parser(value_parser!(PathBuf))
                .conflicts_with("scope")
                .help("Instead: move FILE's references to the revision OLD (\"paragraph 9 of Rev.1\", its symbol) to the same paragraphs in NEW, by their diff"),
        )
        .arg(Arg::new("diff").long("diff").action(ArgAction::SetTrue).help("Print a unified diff instead of the text"))
        .arg(super::args::lang_arg())
        .arg(Arg::new("file").value_name("FILE").help("The document").required(true).value_parser(value_parser!(PathBuf)))
}

fn analyse(text: &str, lang: Option<Language>) -> Analysis {
    Analysis::new(text, lang, &DiagnosticsConfig::all_enabled())
}

/// The text after every fix, and the notes of the renumbering.
pub fn fixed_text(text: &str, lang: Option<Language>, only: &[Code]) -> (String, Vec<RenumberNote>, usize) {
    let wanted = |c: Code| only.is_empty() || only.contains(&c);
    let mut text = text.to_string();
    let mut notes = Vec::new();
    let mut count = 0;
    if wanted(Code::NumberingGap) || wanted(Code::NumberingDuplicate) || wanted(Code::NumberingOrder) {
        let a = analyse(&text, lang);
        let r = renumber(&a, RenumberScope::Document);
        notes = r.notes;
        if let Ok(t) = apply(&text, &r.edits) {
            count += r.edits.len();
            text = t;
        }
    }
    let a = analyse(&text, lang);
    let mut edits: Vec<TextEdit> = Vec::new();
    for d in &a.diagnostics {
        if matches!(d.code, Code::NumberingGap | Code::NumberingDuplicate | Code::NumberingOrder) || !wanted(d.code) {
            continue;
        }
        let Some(fix) = quick_fix(&a, d) else { continue };
        // Fixes that overlap one already taken wait for the next run.
        if fix.edits.iter().all(|e| edits.iter().all(|o| e.range.end <= o.range.start || o.range.end <= e.range.start)) {
            edits.extend(fix.edits);
        }
    }
    if let Ok(t) = apply(&text, &edits) {
        count += edits.len();
        text = t;
    }
    (text, notes, count)
}

fn print_notes(path: &str, text: &str, notes: &[RenumberNote]) {
    let index = crate::text::LineIndex::new(text);
    for n in notes {
        let line = index.line_of(n.range.start);
        let col = text[..n.range.start].rfind('\n').map_or(n.range.start, |nl| n.range.start - nl - 1);
        eprintln!("{path}:{}:{}: note: {}", line + 1, text[n.range.start - col..n.range.start].chars().count() + 1, n.message);
    }
}

pub fn run_fix(m: &ArgMatches) -> i32 {
    let lang = m.get_one::<Option<Language>>("lang").copied().flatten();
    let only: Vec<Code> = m.get_many::<Code>("only").into_iter().flatten().copied().collect();
    let (check, write) = (m.get_flag("check"), m.get_flag("write"));
    let mut status = 0;
    // The same walk as `check` (links not followed out of a folder, special files skipped).
    let mut walk = super::walk::Walk::default();
    for p in m.get_many::<PathBuf>("paths").into_iter().flatten() {
        super::walk::collect(p, false, &mut walk);
    }
    for note in &walk.notes {
        eprintln!("note: {note}");
    }
    for e in &walk.errors {
        eprintln!("error: {e}");
        status = 2;
    }
    let files: Vec<PathBuf> = walk.files.into_iter().map(|i| i.path).collect();
    let mut out = String::new();
    for path in files {
        let shown = path.display().to_string();
        let text = match super::read_text(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: {e}");
                status = 2;
                continue;
            }
        };
        let (fixed, notes, count) = fixed_text(&text, lang, &only);
        print_notes(&shown, &text, &notes);
        if fixed == text {
            continue;
        }
        if check {
            eprintln!("{shown}: {count} fixes would be applied");
            status = status.max(1);
        } else if write {
            match write_atomically(&path, &fixed) {
                Ok(()) => eprintln!("{shown}: {count} fixes applied"),
                Err(e) => {
                    eprintln!("error: {shown}: cannot write: {e}");
                    status = 2;
                }
            }
        } else {
            out.push_str(&unified_diff(&shown, &text, &fixed));
        }
    }
    let printed = super::print(&out);
    status.max(printed)
}

pub fn run_renumber(m: &ArgMatches) -> i32 {
    let lang = m.get_one::<Option<Language>>("lang").copied().flatten();
    let path = m.get_one::<PathBuf>("file").cloned().unwrap_or_default();
    let shown = path.display().to_string();
    let text = match super::read_text(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    if let Some(revisions) = m.get_many::<PathBuf>("follow-revision") {
        let revisions: Vec<&PathBuf> = revisions.collect();
        return super::negotiation::follow_revision(&path, &text, revisions[0], revisions[1], lang, m.get_flag("diff"));
    }
    let a = analyse(&text, lang);
    let scope = match m.get_one::<String>("scope") {
        Some(eid) if a.document.find_eid(eid).is_none() => {
            eprintln!("error: {shown}: no node has the address `{eid}` (see `rapporteur outline {shown}`)");
            return 2;
        }
        Some(eid) => RenumberScope::Node(eid.clone()),
        None => RenumberScope::Document,
    };
    let r = renumber(&a, scope);
    print_notes(&shown, &text, &r.notes);
    let fixed = match apply(&text, &r.edits) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {shown}: {e}");
            return 2;
        }
    };
    if m.get_flag("diff") {
        super::print(&unified_diff(&shown, &text, &fixed))
    } else {
        super::print(&fixed)
    }
}

/// Writes `text` to a temporary file beside `path` with `path`'s
/// permissions, then renames it over `path`.
fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let meta = std::fs::metadata(path)?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("document");
    let tmp = path.with_file_name(format!(".{name}.rapporteur-{}.tmp", std::process::id()));
    let result = std::fs::write(&tmp, text)
        .and_then(|_| std::fs::set_permissions(&tmp, meta.permissions()))
        .and_then(|_| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// The lines of `text`, each with its line ending.
fn lines_of(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

/// A unified diff (three lines of context) of two versions of a file.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    let a = lines_of(old);
    let b = lines_of(new);
    // The changed region is found line by line from both ends, then each
    // changed line pair inside it is matched by a longest common
    // subsequence over that region (fixes change few lines).
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (a_mid, b_mid) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    // Operations over the middle: (old index, new index) of equal lines.
    let ops = if a_mid.len() == b_mid.len() {
        // Same number of lines (numbers rewritten): pair them up.
        (0..a_mid.len()).map(|i| (Some(i), Some(i), a_mid[i] == b_mid[i])).collect::<Vec<_>>()
    } else {
        lcs_ops(a_mid, b_mid)
    };
    // Each op as (old line, new line, equal), absolute.
    let mut all: Vec<(Option<usize>, Option<usize>, bool)> = (0..prefix).map(|i| (Some(i), Some(i), true)).collect();
    all.extend(ops.into_iter().map(|(x, y, eq)| (x.map(|x| x + prefix), y.map(|y| y + prefix), eq)));
    let (oa, ob) = (a.len() - suffix, b.len() - suffix);
    all.extend((0..suffix).map(|i| (Some(oa + i), Some(ob + i), true)));
    let (from, to) = if path.starts_with('/') { (path.to_string(), path.to_string()) } else { (format!("a/{path}"), format!("b/{path}")) };
    let mut out = format!("--- {from}\n+++ {to}\n");
    let changed: Vec<usize> = all.iter().enumerate().filter(|(_, op)| !op.2).map(|(i, _)| i).collect();
    let mut i = 0;
    while i < changed.len() {
        let start = changed[i].saturating_sub(3);
        let mut end = changed[i];
        while i + 1 < changed.len() && changed[i + 1] <= end + 7 {
            i += 1;
            end = changed[i];
        }
        let end = (end + 4).min(all.len());
        let hunk = &all[start..end];
        let old_start = hunk.iter().find_map(|op| op.0).unwrap_or(0);
        let new_start = hunk.iter().find_map(|op| op.1).unwrap_or(0);
        let old_count = hunk.iter().filter(|op| op.0.is_some()).count();
        let new_count = hunk.iter().filter(|op| op.1.is_some()).count();
        out.push_str(&format!("@@ -{},{} +{},{} @@\n", old_start + 1, old_count, new_start + 1, new_count));
        let mut minus = String::new();
        let mut plus = String::new();
        let flush = |out: &mut String, minus: &mut String, plus: &mut String| {
            out.push_str(minus);
            out.push_str(plus);
            minus.clear();
            plus.clear();
        };
        for &(x, y, eq) in hunk {
            if eq {
                flush(&mut out, &mut minus, &mut plus);
                push_line(&mut out, ' ', a[x.unwrap_or(0)]);
            } else {
                if let Some(x) = x {
                    push_line(&mut minus, '-', a[x]);
                }
                if let Some(y) = y {
                    push_line(&mut plus, '+', b[y]);
                }
            }
        }
        flush(&mut out, &mut minus, &mut plus);
        i += 1;
    }
    if changed.is_empty() {
        return String::new();
    }
    out
}

fn push_line(out: &mut String, mark: char, line: &str) {
    out.push(mark);
    out.push_str(line);
    if !line.ends_with('\n') {
        out.push_str("\n\\ No newline at end of file\n");
    }
}

/// Diff operations between two short runs of lines by longest common
/// subsequence: (old index, new index, equal).
fn lcs_ops(a: &[&str], b: &[&str]) -> Vec<(Option<usize>, Option<usize>, bool)> {
    if a.len() * b.len() > 4_000_000 {
        // Too long to match: all old lines out, all new lines in.
        let mut ops: Vec<_> = (0..a.len()).map(|i| (Some(i), None, false)).collect();
        ops.extend((0..b.len()).map(|j| (None, Some(j), false)));
        return ops;
    }
    let mut table = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            table[i][j] = if a[i] == b[j] { table[i + 1][j + 1] + 1 } else { table[i + 1][j].max(table[i][j + 1]) };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut ops = Vec::new();
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            ops.push((Some(i), Some(j), true));
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || table[i][j + 1] >= table[i + 1][j]) {
            ops.push((None, Some(j), false));
            j += 1;
        } else {
            ops.push((Some(i), None, false));
            i += 1;
        }
    }
    ops
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_of_a_changed_line_has_context_and_counts() {
        let old = "a\nb\nc\nd\ne\nf\ng\nh\n";
        let new = "a\nb\nc\nd\nE\nf\ng\nh\n";
        let d = unified_diff("x.txt", old, new);
        assert_eq!(d, "--- a/x.txt\n+++ b/x.txt\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n");
        assert_eq!(unified_diff("x", old, old), "");
    }

    #[test]
    fn diff_of_removed_lines_and_no_final_newline() {
        let d = unified_diff("x", "a\nb\nc", "a\nc");
        assert_eq!(d, "--- a/x\n+++ b/x\n@@ -1,3 +1,2 @@\n a\n-b\n c\n\\ No newline at end of file\n");
    }
}
