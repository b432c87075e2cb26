//! The commands and their options (clap's builder, no derive: it compiles
//! faster), with the `--help` text of each.

use std::path::PathBuf;

use clap::{value_parser, Arg, ArgAction, ArgMatches, Command};

use super::parse_lang;
use super::term::ColorChoice;
use super::walk::{follow_links_arg, max_file_size_arg, DEFAULT_MAX_FILE_SIZE};
use crate::diagnostics::{Code, DiagnosticsConfig, Severity};
use crate::lang::Language;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
    Sarif,
}

/// What makes `check` exit with status 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    /// Any diagnostic of this severity or a more serious one.
    Severity(Severity),
    /// Nothing: the status is 0 unless the input could not be read.
    Never,
}

impl FailOn {
    pub fn fails(self, severity: Severity) -> bool {
        match self {
            // Severity orders Error < Warning < Information < Hint.
            FailOn::Severity(limit) => severity <= limit,
            FailOn::Never => false,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            FailOn::Severity(s) => s.name(),
            FailOn::Never => "never",
        }
    }
}

const LANGS: &str = "auto, zh, en, fr, es, ru, ar";

pub(super) fn lang_arg() -> Arg {
    Arg::new("lang")
        .long("lang")
        .value_name("LANG")
        .default_value("auto")
        .value_parser(|v: &str| parse_lang(v))
        .help(format!("Language of the documents ({LANGS}); auto detects it from the text"))
}

fn code_parser(v: &str) -> Result<Code, String> {
    Code::parse(v).ok_or_else(|| format!("unknown diagnostic code `{v}` (see the README's list of codes)"))
}

/// `CODE=LEVEL` for `--severity`.
fn severity_override(v: &str) -> Result<(Code, Option<Severity>), String> {
    let (code, level) = v.split_once('=').ok_or_else(|| format!("`{v}`: expected CODE=LEVEL, e.g. reference.ambiguous=error"))?;
    let code = code_parser(code.trim())?;
    let level = match level.trim() {
        "off" | "none" => None,
        l => Some(Severity::parse(l).ok_or_else(|| format!("unknown level `{l}` (expected error, warning, information, hint or off)"))?),
    };
    Ok((code, level))
}

fn fail_on_parser(v: &str) -> Result<FailOn, String> {
    match v {
        "never" | "none" => Ok(FailOn::Never),
        other => Severity::parse(other)
            .map(FailOn::Severity)
            .ok_or_else(|| format!("unknown level `{other}` (expected error, warning, information, hint or never)")),
    }
}

fn deny_parser(v: &str) -> Result<FailOn, String> {
    match v {
        "warnings" | "warning" => Ok(FailOn::Severity(Severity::Warning)),
        "information" | "info" => Ok(FailOn::Severity(Severity::Information)),
        "hints" | "hint" | "all" => Ok(FailOn::Severity(Severity::Hint)),
        "errors" | "error" => Ok(FailOn::Severity(Severity::Error)),
        other => Err(format!("`--deny {other}`: expected warnings, information or hints")),
    }
}

fn format_arg(default: &'static str, values: &'static [&'static str]) -> Arg {
    Arg::new("format")
        .long("format")
        .value_name("FORMAT")
        .default_value(default)
        .value_parser(values.to_vec())
        .help(format!("Output format: {}", values.join(", ")))
}

fn format_of(m: &ArgMatches) -> Format {
    match m.get_one::<String>("format").map(String::as_str).unwrap_or("human") {
        "json" => Format::Json,
        "sarif" => Format::Sarif,
        _ => Format::Human,
    }
}

/// The command line, for parsing and for `--help`.
pub fn command() -> Command {
    Command::new("rapporteur")
        .version(env!("CARGO_PKG_VERSION"))
        .about("Checks United Nations outcome texts: structure, cross-references, numbering, recorded votes")
        .propagate_version(true)
        .subcommand_required(true)
        .arg_required_else_help(true)
        .after_help("Documentation: the README (diagnostic codes, CI, editors). Exit status of check: 0 no errors, 1 errors found, 2 bad usage or unreadable input.")
        .subcommand(check_command())
        .subcommand(
            Command::new("outline")
                .about("Print the structure tree of a document (sections, paragraphs, annexes) with their addresses")
                .arg(format_arg("json", &["json", "human"]))
                .arg(lang_arg())
                .arg(disable_arg().hide(true))
                .arg(max_file_size_arg())
                .arg(Arg::new("file").value_name("FILE").help("The document").required(true).value_parser(value_parser!(PathBuf))),
        )
        .subcommand(
            Command::new("refs")
                .about("Print every reference of a document: what it cites and whether it resolves")
                .arg(format_arg("json", &["json", "human"]))
                .arg(lang_arg())
                .arg(disable_arg().hide(true))
                .arg(max_file_size_arg())
                .arg(Arg::new("file").value_name("FILE").help("The document").required(true).value_parser(value_parser!(PathBuf))),
        )
        .subcommand(
            Command::new("export")
                .about("Write a document as Akoma Ntoso 3.0 XML (AKN4UN) on standard output")
                .arg(
                    Arg::new("format")
                        .long("format")
                        .value_name("FORMAT")
                        .required(true)
                        .value_parser(["akn"])
                        .help("Output format: akn (Akoma Ntoso 3.0, the AKN4UN profile)"),
                )
                .arg(lang_arg())
                .arg(disable_arg().hide(true))
                .arg(max_file_size_arg())
                .arg(Arg::new("file").value_name("FILE").help("The document").required(true).value_parser(value_parser!(PathBuf))),
        )
        .subcommand(
            Command::new("status")
                .about("Summarise a negotiation draft: per section, paragraphs agreed, bracketed, open, with alternatives")
                .arg(format_arg("human", &["human", "json"]))
                .arg(lang_arg())
                .arg(disable_arg().hide(true))
                .arg(max_file_size_arg())
                .arg(super::negotiation::vocabulary_arg())
                .arg(Arg::new("file").value_name("FILE").help("The draft").required(true).value_parser(value_parser!(PathBuf))),
        )
        .subcommand(
            Command::new("diff")
                .about("Compare two revisions of a draft: paragraphs aligned by content, inserted, deleted, moved, split, merged, words changed, the number map")
                .arg(format_arg("human", &["human", "json", "html"]))
                .arg(lang_arg())
                .arg(Arg::new("old").value_name("OLD").help("The earlier revision").required(true).value_parser(value_parser!(PathBuf)))
                .arg(Arg::new("new").value_name("NEW").help("The later revision").required(true).value_parser(value_parser!(PathBuf))),
        )
        .subcommand(
            Command::new("amend")
                .about("Apply amendments (\"Delete operative paragraph 3\", \"In preambular paragraph 4, replace … with …\") to a draft; print the amended draft")
                .arg(lang_arg())
                .arg(Arg::new("write").long("write").action(ArgAction::SetTrue).conflicts_with("diff").help("Write the amended draft over DRAFT"))
                .arg(Arg::new("diff").long("diff").action(ArgAction::SetTrue).help("Print what the amendments change (as `rapporteur diff`) instead of the amended draft"))
                .arg(Arg::new("draft").value_name("DRAFT").help("The draft").required(true).value_parser(value_parser!(PathBuf)))
                .arg(Arg::new("amendments").value_name("AMENDMENTS").help("The amendments, one a line").required(true).value_parser(value_parser!(PathBuf))),
        )
        .subcommand(
            Command::new("lsp")
                .about("Start the language server (LSP 3.17 over standard input and output)")
                .arg(Arg::new("stdio").long("stdio").action(ArgAction::SetTrue).help("Talk over standard input and output (the default and only transport)")),
        )
        .subcommand(super::fix::fix_command())
        .subcommand(super::fix::renumber_command())
        .subcommand(Command::new("version").about("Print the version").hide(true))
    // A new subcommand is added here with `.subcommand(…)` and dispatched in
    // `cli::run`.
}

fn disable_arg() -> Arg {
    Arg::new("disable")
        .long("disable")
        .value_name("CODE")
        .action(ArgAction::Append)
        .value_parser(code_parser)
        .help("Switch a diagnostic code off (repeatable)")
}

fn check_command() -> Command {
    Command::new("check")
        .about("Check documents and report broken references, numbering slips, vote counts that do not add up…")
        .long_about(
            "Check documents and report what is wrong: broken and ambiguous references, misnumbered paragraphs, \
             recorded votes whose figures do not match their lists, malformed symbols.\n\n\
             Folders are walked for .md and .txt files, skipping those that do not read as UN documents \
             (a README, notes); a file named on the command line is always checked unless \
             --skip-non-un-documents is given.",
        )
        .after_help(
            "Exit status: 0 nothing at or above the --fail-on level (errors by default), 1 diagnostics that fail \
             the check, 2 bad usage or a file that cannot be read (the other files are still checked).",
        )
        .arg(format_arg("human", &["human", "json", "sarif"]))
        .arg(lang_arg())
        .arg(disable_arg())
        .arg(
            Arg::new("severity")
                .long("severity")
                .value_name("CODE=LEVEL")
                .action(ArgAction::Append)
                .value_parser(severity_override)
                .help("Change a code's severity: error, warning, information, hint or off (repeatable)"),
        )
        .arg(
            Arg::new("fail-on")
                .long("fail-on")
                .value_name("LEVEL")
                .value_parser(fail_on_parser)
                .help("Exit with status 1 on diagnostics of this severity or worse: error (default), warning, information, hint, never"),
        )
        .arg(
            Arg::new("deny")
                .short('D')
                .long("deny")
                .value_name("WHAT")
                .value_parser(deny_parser)
                .conflicts_with("fail-on")
                .help("`--deny warnings`: warnings fail the check too (same as --fail-on warning)"),
        )
        .arg(
            Arg::new("color")
                .long("color")
                .value_name("WHEN")
                .default_value("auto")
                .value_parser(["auto", "always", "never"])
                .help("Colour the human format: auto (on a terminal, unless NO_COLOR is set), always, never"),
        )
        .arg(
            Arg::new("width")
                .long("width")
                .value_name("COLUMNS")
                .value_parser(value_parser!(usize))
                .help("Terminal width to fit source snippets into (default: $COLUMNS, else the terminal's, else 140)"),
        )
        .arg(
            Arg::new("skip-non-un-documents")
                .long("skip-non-un-documents")
                .action(ArgAction::SetTrue)
                .help("Skip files named on the command line that do not read as UN documents, as in folders (for pre-commit)"),
        )
        .arg(follow_links_arg())
        .arg(max_file_size_arg())
        .arg(super::negotiation::vocabulary_arg())
        .arg(
            Arg::new("paths")
                .value_name("PATH")
                .help("Files and folders to check")
                .required(true)
                .num_args(1..)
                .value_parser(value_parser!(PathBuf)),
        )
}

pub struct CheckOptions {
    pub format: Format,
    pub lang: Option<Language>,
    pub config: DiagnosticsConfig,
    pub fail_on: FailOn,
    pub color: ColorChoice,
    pub width: Option<usize>,
    pub skip_other: bool,
    pub paths: Vec<PathBuf>,
    /// Follow symbolic links out of the folders given (`--follow-links`).
    pub follow_links: bool,
    /// The largest file read, in bytes (`--max-file-size`).
    pub max_file_size: u64,
}

fn config_of(m: &ArgMatches) -> DiagnosticsConfig {
    let mut config = DiagnosticsConfig::all_enabled();
    if let Ok(Some(v)) = m.try_get_one::<crate::negotiation::Vocabulary>("vocabulary") {
        config.negotiation = v.clone();
    }
    if let Ok(Some(severities)) = m.try_get_many::<(Code, Option<Severity>)>("severity") {
        for &(code, level) in severities {
            config.overrides.insert(code, level);
        }
    }
    for &code in m.get_many::<Code>("disable").into_iter().flatten() {
        config.overrides.insert(code, None);
    }
    config
}

impl CheckOptions {
    pub fn from_matches(m: &ArgMatches) -> CheckOptions {
        let fail_on =
            m.get_one::<FailOn>("fail-on").or_else(|| m.get_one::<FailOn>("deny")).copied().unwrap_or(FailOn::Severity(Severity::Error));
        CheckOptions {
            format: format_of(m),
            lang: m.get_one::<Option<Language>>("lang").copied().flatten(),
            config: config_of(m),
            fail_on,
            color: match m.get_one::<String>("color").map(String::as_str) {
                Some("always") => ColorChoice::Always,
                Some("never") => ColorChoice::Never,
                _ => ColorChoice::Auto,
            },
            width: m.get_one::<usize>("width").copied(),
            skip_other: m.get_flag("skip-non-un-documents"),
            paths: m.get_many::<PathBuf>("paths").into_iter().flatten().cloned().collect(),
            follow_links: m.get_flag("follow-links"),
            max_file_size: m.get_one::<u64>("max-file-size").copied().unwrap_or(DEFAULT_MAX_FILE_SIZE),
        }
    }
}

pub struct SingleOptions {
    pub format: Format,
    pub lang: Option<Language>,
    pub config: DiagnosticsConfig,
    pub path: PathBuf,
    /// The largest file read, in bytes (`--max-file-size`).
    pub max_file_size: u64,
}

impl SingleOptions {
    pub fn from_matches(m: &ArgMatches) -> SingleOptions {
        SingleOptions {
            format: format_of(m),
            lang: m.get_one::<Option<Language>>("lang").copied().flatten(),
            config: config_of(m),
            path: m.get_one::<PathBuf>("file").cloned().unwrap_or_default(),
            max_file_size: m.get_one::<u64>("max-file-size").copied().unwrap_or(DEFAULT_MAX_FILE_SIZE),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_is_consistent() {
        command().debug_assert();
    }

    #[test]
    fn fail_on_orders_severities() {
        let w = FailOn::Severity(Severity::Warning);
        assert!(w.fails(Severity::Error) && w.fails(Severity::Warning));
        assert!(!w.fails(Severity::Information) && !w.fails(Severity::Hint));
        assert!(!FailOn::Never.fails(Severity::Error));
        assert_eq!(deny_parser("warnings"), Ok(w));
        assert_eq!(severity_override("reference.ambiguous=error"), Ok((Code::ReferenceAmbiguous, Some(Severity::Error))));
        assert_eq!(severity_override("vote.count=off"), Ok((Code::VoteCount, None)));
        assert!(severity_override("vote.count").is_err());
    }
}
