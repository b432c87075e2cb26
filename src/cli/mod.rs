//! The command line: `check`, `outline`, `refs`, `export` and `lsp`. It parses the
//! arguments (clap), reads files, runs the analysis and prints human, JSON
//! or SARIF output; it is the only place besides the server that does I/O.
//!
//! - `args.rs`: the commands and options, with their `--help`;
//! - `human.rs`, `window.rs`, `term.rs`: the human format (snippets
//!   windowed to the terminal width, colour);
//! - `json.rs`: the JSON formats; `sarif.rs`: SARIF 2.1.0.

pub mod allocator;
mod args;
mod fix;
mod human;
mod json;
mod negotiation;
mod sarif;
mod term;
mod walk;
mod window;
mod workspace;

use std::io::Write as _;
use std::path::{Path, PathBuf};

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

/// Reads a file as UTF-8, with an error naming the file and the byte offset
/// (at most [`walk::DEFAULT_MAX_FILE_SIZE`] bytes: see [`walk::read_bounded`]).
pub fn read_text(path: &Path) -> Result<String, String> {
    walk::read_bounded(path, walk::DEFAULT_MAX_FILE_SIZE)
}

/// Standard output for a command that writes as it goes: a closed pipe
/// (`| head`) ends the writing but is not an error of the check; another
/// write error is (status 2).
struct Output {
    w: std::io::BufWriter<std::io::StdoutLock<'static>>,
    closed: bool,
    failed: bool,
}

impl Output {
    fn new() -> Output {
        Output { w: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock()), closed: false, failed: false }
    }

    /// Runs one write unless the output is already closed.
    fn write(&mut self, f: impl FnOnce(&mut std::io::BufWriter<std::io::StdoutLock<'static>>) -> std::io::Result<()>) {
        if self.closed {
            return;
        }
        if let Err(e) = f(&mut self.w) {
            self.closed = true;
            self.failed = e.kind() != std::io::ErrorKind::BrokenPipe;
        }
    }

    /// Flushes; returns 2 on a write error other than a closed pipe.
    fn finish(mut self) -> i32 {
        self.write(|w| w.flush());
        if self.failed {
            2
        } else {
            0
        }
    }
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
        Some(("outline", m)) => outline(&SingleOptions::from_matches(m)),
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
    let mut walk = walk::Walk::default();
    let mut status = 0;
    let mut sarif = SarifLog::new();
    for p in &opts.paths {
        let named = walk.files.len();
        walk::collect(p, opts.follow_links, &mut walk);
        // `--skip-non-un-documents` treats named files as walked ones.
        for input in &mut walk.files[named..] {
            input.walked |= opts.skip_other;
        }
    }
    for note in &walk.notes {
        eprintln!("note: {note}");
    }
    for e in &walk.errors {
        eprintln!("error: {e}");
        sarif.add_error(e);
        status = 2;
    }
    let style = Style { palette: Palette { on: opts.color.resolve() }, width: term::width(opts.width) };
    // Each file's output is written as soon as it is analysed: memory holds
    // one file's analysis at a time, never the whole output.
    let mut out = Output::new();
    let mut json_out = None;
    if opts.format == Format::Json {
        out.write(|w| {
            json_out = Some(json::CheckJsonWriter::start(w)?);
            Ok(())
        });
    }
    let mut block = String::new();
    let (mut errors, mut warnings, mut others, mut failing) = (0usize, 0usize, 0usize, 0usize);
    let (mut checked, mut skipped) = (0usize, 0usize);
    // Analysed on all cores, then resolved across one another.
    let paths: Vec<&Path> = walk.files.iter().map(|f| f.path.as_path()).collect();
    let progress = opts.format == Format::Human;
    let read = |path: &Path| walk::read_bounded(path, opts.max_file_size);
    let results = workspace::analyse_all(&paths, read, opts.lang, &opts.config, progress, |i, a| {
        !walk.files[i].walked || is_un_document(a, Activation::Auto)
    });
    let mut kept = Vec::new();
    for (input, result) in walk.files.iter().zip(results) {
        match result {
            Err(e) => {
                eprintln!("error: {e}");
                sarif.add_error(&e);
                status = 2;
            }
            Ok(None) => skipped += 1,
            Ok(Some(a)) => kept.push((input, a)),
        }
    }
    let (inputs, docs): (Vec<&walk::Input>, Vec<(String, Analysis)>) =
        kept.into_iter().map(|(input, a)| (input, (input.path.display().to_string(), a))).unzip();
    let analyses = workspace::resolve_across(docs, &opts.config);
    if opts.format == Format::Sarif {
        // The artifacts come before the results: registered first, then written file by file.
        for (input, a) in inputs.iter().zip(&analyses) {
            sarif.add_artifact(&input.path, a);
        }
        out.write(|w| sarif.start(w));
    }
    for (index, (input, a)) in inputs.into_iter().zip(analyses).enumerate() {
        let path = &input.path;
        let shown = path.display().to_string();
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
            Format::Json => {
                if let Some(j) = json_out.as_mut() {
                    out.write(|w| j.file(w, &a, &shown));
                }
            }
            Format::Sarif => out.write(|w| sarif.write_file(w, path, &a, index)),
            Format::Human => {
                for d in &a.diagnostics {
                    block.clear();
                    human::render(&a, &shown, d, style, &mut block);
                    out.write(|w| w.write_all(block.as_bytes()));
                }
            }
        }
    }
    match opts.format {
        Format::Json => {
            if let Some(j) = json_out {
                out.write(|w| j.finish(w));
            }
        }
        Format::Sarif => out.write(|w| sarif.finish(w)),
        Format::Human => {
            let plural = |n: usize| if n == 1 { "" } else { "s" };
            let mut summary = format!(
                "checked {checked} file{}: {errors} error{}, {warnings} warning{}, {others} other",
                plural(checked),
                plural(errors),
                plural(warnings)
            );
            if skipped > 0 {
                summary.push_str(&format!(" ({skipped} file{} skipped: not UN documents)", plural(skipped)));
            }
            if failing > 0 && opts.fail_on != FailOn::Severity(Severity::Error) {
                summary.push_str(&format!("; {failing} at or above {}", opts.fail_on.name()));
            }
            summary.push('\n');
            out.write(|w| w.write_all(summary.as_bytes()));
        }
    }
    if out.finish() != 0 {
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

/// The analysis of the one file a command names, or exit status 2 with the
/// error said on standard error.
fn analyse_single(opts: &SingleOptions) -> Result<Analysis, i32> {
    match walk::read_bounded(&opts.path, opts.max_file_size) {
        Ok(text) => Ok(Analysis::new(text, opts.lang, &opts.config)),
        Err(e) => {
            eprintln!("error: {e}");
            Err(2)
        }
    }
}

fn single(opts: &SingleOptions, render: fn(&Analysis, &str, Format) -> String) -> i32 {
    match analyse_single(opts) {
        Ok(a) => print(&render(&a, &opts.path.display().to_string(), opts.format)),
        Err(status) => status,
    }
}

/// `outline`: the JSON format is written to stdout as the outline is walked.
fn outline(opts: &SingleOptions) -> i32 {
    if opts.format == Format::Human {
        return single(opts, |a, _, _| json::outline_human_output(a));
    }
    let a = match analyse_single(opts) {
        Ok(a) => a,
        Err(status) => return status,
    };
    let mut out = Output::new();
    out.write(|w| json::write_outline_json(w, &a, &opts.path.display().to_string()));
    out.finish()
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
