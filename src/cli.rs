//! The command line: `check`, `outline` and `refs`. It reads files, runs the
//! analysis and prints human or JSON output; it is the only place besides
//! the server that does I/O.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use crate::diagnostics::{Code, Diagnostic, DiagnosticsConfig, Severity};
use crate::ide::activation::{is_un_document, Activation};
use crate::ide::{Analysis, OutlineItem};
use crate::lang::Language;
use crate::text::{display_width, PositionEncoding, TextRange};

pub const USAGE: &str = "\
rapporteur — checks United Nations outcome texts: structure, cross-references, numbering, recorded votes

Usage:
  rapporteur check [--format human|json] [--lang auto|zh|en|fr|es|ru|ar] [--disable CODE]… PATH…
  rapporteur outline [--format json|human] [--lang …] FILE
  rapporteur refs [--format json|human] [--lang …] FILE
  rapporteur export --format akn [--lang …] FILE
  rapporteur lsp [--stdio]
  rapporteur --version | --help

check walks folders for .md and .txt files, skipping those that are not UN documents
(a README, notes: see docs/editors.md); files named on the command line are always
checked. Exit status: 0 no errors, 1 errors found,
2 bad usage or unreadable input.";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Human,
    Json,
}

struct Options {
    format: Format,
    lang: Option<Language>,
    config: DiagnosticsConfig,
    paths: Vec<PathBuf>,
}

fn parse_options(args: &[String], default_format: Format) -> Result<Options, String> {
    let mut opts = Options { format: default_format, lang: None, config: DiagnosticsConfig::all_enabled(), paths: Vec::new() };
    let mut i = 0;
    while i < args.len() {
        let arg = args[i].as_str();
        let mut value = |name: &str| -> Result<String, String> {
            if let Some(v) = arg.strip_prefix(&format!("{name}=")) {
                return Ok(v.to_string());
            }
            i += 1;
            args.get(i).cloned().ok_or_else(|| format!("{name} needs a value"))
        };
        if arg == "--format" || arg.starts_with("--format=") {
            opts.format = match value("--format")?.as_str() {
                "human" => Format::Human,
                "json" => Format::Json,
                other => return Err(format!("unknown format `{other}` (expected human or json)")),
            };
        } else if arg == "--lang" || arg.starts_with("--lang=") {
            let v = value("--lang")?;
            opts.lang = if v == "auto" { None } else { Some(v.parse::<Language>()?) };
        } else if arg == "--disable" || arg.starts_with("--disable=") {
            let v = value("--disable")?;
            let code = Code::parse(&v).ok_or_else(|| format!("unknown diagnostic code `{v}`"))?;
            opts.config.overrides.insert(code, None);
        } else if arg == "--" {
            opts.paths.extend(args[i + 1..].iter().map(PathBuf::from));
            break;
        } else if arg.starts_with("--") {
            return Err(format!("unknown option `{arg}`"));
        } else {
            opts.paths.push(PathBuf::from(arg));
        }
        i += 1;
    }
    Ok(opts)
}

/// Reads a file as UTF-8, with an error naming the file and the byte offset.
pub fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        format!("{}: not valid UTF-8 at byte offset {} (convert the file to UTF-8)", path.display(), e.utf8_error().valid_up_to())
    })
}

/// A file to check, and whether it was found by walking a folder (then a
/// file that is not a UN document is skipped) or named on the command line.
struct Input {
    path: PathBuf,
    walked: bool,
}

fn collect_files(path: &Path, out: &mut Vec<Input>, walked: bool) -> Result<(), String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if meta.is_file() {
        out.push(Input { path: path.to_path_buf(), walked });
        return Ok(());
    }
    let mut entries: Vec<PathBuf> =
        std::fs::read_dir(path).map_err(|e| format!("{}: {e}", path.display()))?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for entry in entries {
        let name = entry.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') || name == "target" || name == "node_modules" {
            continue;
        }
        if entry.is_dir() {
            collect_files(&entry, out, true)?;
        } else if matches!(entry.extension().and_then(|e| e.to_str()), Some("md" | "txt")) {
            out.push(Input { path: entry, walked: true });
        }
    }
    Ok(())
}

fn lsp_range(a: &Analysis, r: TextRange) -> Value {
    let s = a.line_index.line_col(&a.text, r.start, PositionEncoding::Utf16);
    let e = a.line_index.line_col(&a.text, r.end, PositionEncoding::Utf16);
    json!({"start": {"line": s.line, "character": s.col}, "end": {"line": e.line, "character": e.col}})
}

/// A diagnostic as JSON, with LSP positions (0-based lines, UTF-16 units).
pub fn diagnostic_json(a: &Analysis, path: &str, d: &Diagnostic) -> Value {
    json!({
        "range": lsp_range(a, d.range),
        "severity": d.severity.name(),
        "code": d.code.as_str(),
        "message": d.message,
        "related": d.related.iter().map(|r| json!({"path": path, "range": lsp_range(a, r.range), "message": r.message})).collect::<Vec<_>>(),
    })
}

fn print(out: &str) -> i32 {
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    match lock.write_all(out.as_bytes()).and_then(|_| lock.flush()) {
        Ok(()) => 0,
        // A closed pipe (`| head`) is not an error of the check.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(_) => 2,
    }
}

pub fn run(args: &[String]) -> i32 {
    let Some(command) = args.first() else {
        eprintln!("{USAGE}");
        return 2;
    };
    let rest = &args[1..];
    match command.as_str() {
        "check" => check(rest),
        "outline" => single(rest, outline_output),
        "refs" => single(rest, refs_output),
        "export" => export(rest),
        "-h" | "--help" | "help" => print(&format!("{USAGE}\n")),
        "-V" | "--version" | "version" => print(&format!("rapporteur {}\n", env!("CARGO_PKG_VERSION"))),
        other => {
            eprintln!("error: unknown command `{other}`\n\n{USAGE}");
            2
        }
    }
}

fn check(args: &[String]) -> i32 {
    let opts = match parse_options(args, Format::Human) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e}\n\n{USAGE}");
            return 2;
        }
    };
    if opts.paths.is_empty() {
        eprintln!("error: no PATH given\n\n{USAGE}");
        return 2;
    }
    let mut files = Vec::new();
    let mut status = 0;
    for p in &opts.paths {
        if let Err(e) = collect_files(p, &mut files, false) {
            eprintln!("error: {e}");
            status = 2;
        }
    }
    let mut json_files = Vec::new();
    let mut human = String::new();
    let (mut errors, mut warnings, mut others) = (0usize, 0usize, 0usize);
    let (mut checked, mut skipped) = (0usize, 0usize);
    for input in &files {
        let path = &input.path;
        let shown = path.display().to_string();
        let text = match read_text(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: {e}");
                status = 2;
                continue;
            }
        };
        let a = Analysis::new(text, opts.lang, &opts.config);
        if input.walked && !is_un_document(&a, Activation::Auto) {
            skipped += 1;
            continue;
        }
        checked += 1;
        for d in &a.diagnostics {
            match d.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
                _ => others += 1,
            }
        }
        match opts.format {
            Format::Json => json_files.push(json!({
                "path": shown,
                "language": a.language().code(),
                "diagnostics": a.diagnostics.iter().map(|d| diagnostic_json(&a, &shown, d)).collect::<Vec<_>>(),
            })),
            Format::Human => {
                for d in &a.diagnostics {
                    render_human(&a, &shown, d, &mut human);
                }
            }
        }
    }
    let out = match opts.format {
        Format::Json => format!("{}\n", serde_json::to_string_pretty(&json!({"files": json_files})).unwrap_or_default()),
        Format::Human => {
            let _ = write!(
                human,
                "checked {} file{}: {errors} error{}, {warnings} warning{}, {others} other",
                checked,
                if checked == 1 { "" } else { "s" },
                if errors == 1 { "" } else { "s" },
                if warnings == 1 { "" } else { "s" },
            );
            if skipped > 0 {
                let _ = write!(human, " ({skipped} file{} skipped: not UN documents)", if skipped == 1 { "" } else { "s" });
            }
            human.push('\n');
            human
        }
    };
    if print(&out) != 0 {
        return 2;
    }
    if status == 2 {
        2
    } else if errors > 0 {
        1
    } else {
        0
    }
}

/// `path:line:col: severity[code]: message`, the source line, and the range
/// underlined — lined up under double-width Chinese text.
pub fn render_human(a: &Analysis, path: &str, d: &Diagnostic, out: &mut String) {
    let line = a.line_index.line_of(d.range.start);
    let line_range = a.line_index.line_range(&a.text, line);
    let line_text = &a.text[line_range.start..line_range.end];
    let col = a.text[line_range.start..d.range.start].chars().count() + 1;
    let _ = writeln!(out, "{path}:{}:{col}: {}[{}]: {}", line + 1, d.severity.name(), d.code.as_str(), d.message);
    let gutter = (line + 1).to_string();
    let pad = " ".repeat(gutter.len());
    let shown_line = line_text.replace('\t', "    ");
    let _ = writeln!(out, "{pad} |");
    let _ = writeln!(out, "{gutter} | {shown_line}");
    let before = display_width(&a.text[line_range.start..d.range.start]);
    let end = d.range.end.min(line_range.end).max(d.range.start);
    let width = display_width(&a.text[d.range.start..end]).max(1);
    let _ = writeln!(out, "{pad} | {}{}", " ".repeat(before), "^".repeat(width));
    for r in &d.related {
        let rl = a.line_index.line_of(r.range.start);
        let rls = a.line_index.line_start(rl);
        let rc = a.text[rls..r.range.start].chars().count() + 1;
        let _ = writeln!(out, "{pad} = {path}:{}:{rc}: {}", rl + 1, r.message);
    }
    out.push('\n');
}

fn single(args: &[String], render: fn(&Analysis, &str, Format) -> String) -> i32 {
    let opts = match parse_options(args, Format::Json) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e}\n\n{USAGE}");
            return 2;
        }
    };
    let [path] = opts.paths.as_slice() else {
        eprintln!("error: give exactly one FILE\n\n{USAGE}");
        return 2;
    };
    let text = match read_text(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let a = Analysis::new(text, opts.lang, &opts.config);
    print(&render(&a, &path.display().to_string(), opts.format))
}

fn outline_json(a: &Analysis, item: &OutlineItem) -> Value {
    let node = a.document.find_eid(&item.eid);
    let number = node.and_then(|n| a.document.nodes[n].number).map(|n| a.document.masked[n.span.start..n.span.end].to_string());
    let title = node.and_then(|n| a.document.nodes[n].title).map(|t| a.text[t.start..t.end].replace("**", "").trim().to_string());
    json!({
        "kind": item.kind.name(),
        "eid": item.eid,
        "number": number,
        "title": title,
        "range": lsp_range(a, item.range),
        "children": item.children.iter().map(|c| outline_json(a, c)).collect::<Vec<_>>(),
    })
}

fn outline_output(a: &Analysis, path: &str, format: Format) -> String {
    let outline = a.outline();
    match format {
        Format::Json => {
            let v = json!({"path": path, "language": a.language().code(), "nodes": outline.iter().map(|i| outline_json(a, i)).collect::<Vec<_>>()});
            format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default())
        }
        Format::Human => {
            fn walk(a: &Analysis, item: &OutlineItem, depth: usize, out: &mut String) {
                let line = a.line_index.line_of(item.selection_range.start) + 1;
                let _ = writeln!(out, "{}{}  [{}] line {line}", "  ".repeat(depth), item.name, item.eid);
                for c in &item.children {
                    walk(a, c, depth + 1, out);
                }
            }
            let mut out = String::new();
            for i in &outline {
                walk(a, i, 0, &mut out);
            }
            out
        }
    }
}

fn external_json(e: &crate::model::External) -> Value {
    json!({
        "kind": e.kind.name(),
        "id": e.id,
        "description": e.describe(),
        "url": e.url(),
        "of": e.of.as_ref().map(|o| external_json(o)),
    })
}

fn refs_output(a: &Analysis, path: &str, format: Format) -> String {
    let items: Vec<Value> = a
        .references
        .iter()
        .map(|r| {
            let text = a.text[r.range.start..r.range.end].to_string();
            json!({
                "range": lsp_range(a, r.range),
                "text": text,
                "kind": r.kind.name(),
                "status": r.status.name(),
                "target": r.node.map(|n| a.document.nodes[n].eid.clone()),
                "candidates": r.candidates.iter().map(|&n| a.document.nodes[n].eid.clone()).collect::<Vec<_>>(),
                "numbers": r.numbers.iter().map(|n| json!({"role": format!("{:?}", n.role).to_lowercase(), "range": lsp_range(a, n.span), "value": n.value})).collect::<Vec<_>>(),
                "external": r.external.as_ref().map(external_json),
            })
        })
        .collect();
    match format {
        Format::Json => format!("{}\n", serde_json::to_string_pretty(&json!({"path": path, "references": items})).unwrap_or_default()),
        Format::Human => {
            let mut out = String::new();
            for r in &a.references {
                let line = a.line_index.line_of(r.range.start) + 1;
                let target = match (r.node, &r.external) {
                    (Some(n), _) => a.document.nodes[n].eid.clone(),
                    (None, Some(e)) => e.describe(),
                    _ => r.note.clone().unwrap_or_default(),
                };
                let _ = writeln!(
                    out,
                    "{path}:{line}: {} {} `{}` → {}",
                    r.status.name(),
                    r.kind.name(),
                    a.text[r.range.start..r.range.end].trim(),
                    target
                );
            }
            out
        }
    }
}

/// `export --format akn FILE`: the document as Akoma Ntoso XML on stdout.
fn export(args: &[String]) -> i32 {
    let mut format = None;
    let mut rest = Vec::new();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--format" => {
                i += 1;
                format = args.get(i).cloned();
            }
            a if a.starts_with("--format=") => format = Some(a["--format=".len()..].to_string()),
            a => rest.push(a.to_string()),
        }
        i += 1;
    }
    if format.as_deref() != Some("akn") {
        eprintln!("error: export needs --format akn\n\n{USAGE}");
        return 2;
    }
    let opts = match parse_options(&rest, Format::Human) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e}\n\n{USAGE}");
            return 2;
        }
    };
    let [path] = opts.paths.as_slice() else {
        eprintln!("error: give exactly one FILE\n\n{USAGE}");
        return 2;
    };
    let text = match read_text(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let a = Analysis::new(text, opts.lang, &opts.config);
    print(&crate::export::to_akn(&a))
}
