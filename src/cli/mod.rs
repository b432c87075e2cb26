//! The command line: `check`, `outline`, `refs`, `export` and `lsp`. It parses the
//! arguments (clap), reads files, runs the analysis and prints human, JSON
//! or SARIF output; it is the only place besides the server that does I/O.
//!
//! - `args.rs`: the commands and options, with their `--help`;
//! - `human.rs`, `window.rs`, `term.rs`: the human format (snippets
//!   windowed to the terminal width, colour);
//! - `json.rs`: the JSON formats; `sarif.rs`: SARIF 2.1.0.

mod args;
mod fix;
mod human;
mod json;
mod negotiation;
mod sarif;
mod term;
mod window;

use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde_json::json;

pub use args::command;
pub use human::{render as render_human_styled, Style};
pub use json::{diagnostic_json, outline_human_output, outline_json_output};
pub use sarif::{code_doc, SarifLog};
pub use window::{window, Snippet};

use crate::diagnostics::{Diagnostic, Severity};
use crate::ide::activation::{is_un_document, Activation};
use crate::ide::Analysis;
use crate::lang::Language;
use args::{CheckOptions, FailOn, Format, SingleOptions};
use term::Palette;

/// `path:line:col: severity[code]: message`, the source line (windowed to
/// the default width) and the range underlined, without colour.
pub fn render_human(a: &Analysis, path: &str, d: &Diagnostic, out: &mut String) {
    human::render(a, path, d, Style::default(), out);
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

/// Runs the command line on `args` (without the program name) and returns
/// the exit status: 0 nothing that fails the check, 1 diagnostics that do
/// (errors, or what `--fail-on`/`--deny` names), 2 bad usage or unreadable
/// input; `--help` and `--version` exit 0.
pub fn run(args: &[String]) -> i32 {
    let matches = match command().try_get_matches_from(std::iter::once("rapporteur".to_string()).chain(args.iter().cloned())) {
        Ok(m) => m,
        Err(e) => {
            // Help and version go to standard output with status 0, usage
            // errors to standard error with status 2.
            let _ = e.print();
            return e.exit_code();
        }
    };
    match matches.subcommand() {
        Some(("check", m)) => check(&CheckOptions::from_matches(m)),
        Some(("outline", m)) => single(&SingleOptions::from_matches(m), outline_output),
        Some(("refs", m)) => single(&SingleOptions::from_matches(m), refs_output),
        Some(("export", m)) => single(&SingleOptions::from_matches(m), |a, _, _| crate::export::to_akn(a)),
        Some(("status", m)) => single(&SingleOptions::from_matches(m), negotiation::status_output),
        Some(("diff", m)) => negotiation::diff(
            m.get_one::<PathBuf>("old").map(PathBuf::as_path).unwrap_or(Path::new("")),
            m.get_one::<PathBuf>("new").map(PathBuf::as_path).unwrap_or(Path::new("")),
            m.get_one::<Option<Language>>("lang").copied().flatten(),
            m.get_one::<String>("format").map(String::as_str).unwrap_or("human"),
        ),
        Some(("amend", m)) => negotiation::amend(
            m.get_one::<PathBuf>("draft").map(PathBuf::as_path).unwrap_or(Path::new("")),
            m.get_one::<PathBuf>("amendments").map(PathBuf::as_path).unwrap_or(Path::new("")),
            m.get_one::<Option<Language>>("lang").copied().flatten(),
            m.get_flag("write"),
            m.get_flag("diff"),
        ),
        Some(("fix", m)) => fix::run_fix(m),
        Some(("renumber", m)) => fix::run_renumber(m),
        Some(("lsp", _)) => crate::lsp::run(&[]),
        Some(("version", _)) => print(&format!("rapporteur {}\n", env!("CARGO_PKG_VERSION"))),
        // A new subcommand is declared in `args.rs` and dispatched here.
        _ => {
            let _ = command().print_help();
            2
        }
    }
}

fn check(opts: &CheckOptions) -> i32 {
    let mut files = Vec::new();
    let mut status = 0;
    let mut sarif = SarifLog::new();
    for p in &opts.paths {
        if let Err(e) = collect_files(p, &mut files, opts.skip_other) {
            eprintln!("error: {e}");
            sarif.add_error(&e);
            status = 2;
        }
    }
    let style = Style { palette: Palette { on: opts.color.resolve() }, width: term::width(opts.width) };
    let mut json_files = Vec::new();
    let mut human = String::new();
    let (mut errors, mut warnings, mut others, mut failing) = (0usize, 0usize, 0usize, 0usize);
    let (mut checked, mut skipped) = (0usize, 0usize);
    for input in &files {
        let path = &input.path;
        let shown = path.display().to_string();
        let text = match read_text(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: {e}");
                sarif.add_error(&e);
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
            if opts.fail_on.fails(d.severity) {
                failing += 1;
            }
        }
        match opts.format {
            Format::Json => json_files.push(json::check_file_json(&a, &shown)),
            Format::Sarif => sarif.add_file(path, &a),
            Format::Human => {
                for d in &a.diagnostics {
                    human::render(&a, &shown, d, style, &mut human);
                }
            }
        }
    }
    let out = match opts.format {
        Format::Json => json::to_string_pretty(&json!({"files": json_files})),
        Format::Sarif => json::to_string_pretty(&sarif.finish()),
        Format::Human => {
            let plural = |n: usize| if n == 1 { "" } else { "s" };
            human.push_str(&format!(
                "checked {checked} file{}: {errors} error{}, {warnings} warning{}, {others} other",
                plural(checked),
                plural(errors),
                plural(warnings)
            ));
            if skipped > 0 {
                human.push_str(&format!(" ({skipped} file{} skipped: not UN documents)", plural(skipped)));
            }
            if failing > 0 && opts.fail_on != FailOn::Severity(Severity::Error) {
                human.push_str(&format!("; {failing} at or above {}", opts.fail_on.name()));
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
    } else if failing > 0 {
        1
    } else {
        0
    }
}

fn single(opts: &SingleOptions, render: fn(&Analysis, &str, Format) -> String) -> i32 {
    let text = match read_text(&opts.path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let a = Analysis::new(text, opts.lang, &opts.config);
    print(&render(&a, &opts.path.display().to_string(), opts.format))
}

fn outline_output(a: &Analysis, path: &str, format: Format) -> String {
    match format {
        Format::Human => json::outline_human_output(a),
        _ => json::outline_json_output(a, path),
    }
}

fn refs_output(a: &Analysis, path: &str, format: Format) -> String {
    match format {
        Format::Human => json::refs_human_output(a, path),
        _ => json::refs_json_output(a, path),
    }
}

/// The language given with `--lang` (`auto`: none, detect it).
fn parse_lang(v: &str) -> Result<Option<Language>, String> {
    if v == "auto" {
        Ok(None)
    } else {
        v.parse::<Language>().map(Some)
    }
}
