//! The command line in CI and at the prompt: `--help`, `-h` and `--version`
//! for every subcommand, and what makes `check` fail the build (`--deny
//! warnings`, `--fail-on`, `--severity`, `--skip-non-un-documents` for
//! pre-commit, which names every staged file).

use std::process::Command;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_rapporteur"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

/// The seed has warnings, a hint and no error.
const SEED: &str = "tests/fixtures/seed/000_e12bae3abcaa388b.txt";

fn status(args: &[&str]) -> Option<i32> {
    bin().args(args).output().unwrap().status.code()
}

#[test]
fn every_subcommand_has_help_and_version() {
    for sub in ["check", "outline", "refs", "export", "lsp"] {
        for flag in ["--help", "-h"] {
            let out = bin().args([sub, flag]).output().unwrap();
            assert_eq!(out.status.code(), Some(0), "{sub} {flag}");
            let text = String::from_utf8(out.stdout).unwrap();
            assert!(text.contains(&format!("Usage: rapporteur {sub}")), "{sub} {flag}: {text}");
        }
        let out = bin().args([sub, "--version"]).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        assert!(String::from_utf8_lossy(&out.stdout).contains(env!("CARGO_PKG_VERSION")));
    }
    let out = bin().args(["check", "--help"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for option in ["--format", "sarif", "--deny", "--fail-on", "--color", "--width", "Exit status"] {
        assert!(text.contains(option), "check --help lacks {option}");
    }
    let out = bin().arg("--version").output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), format!("rapporteur {}", env!("CARGO_PKG_VERSION")));
    // The old spellings still work.
    assert_eq!(status(&["help"]), Some(0));
    assert_eq!(status(&["version"]), Some(0));
}

#[test]
fn usage_errors_say_what_is_wrong_and_exit_two() {
    let out = bin().args(["check", "--colour", "never", SEED]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--colour") && err.contains("--color"), "{err}");
    assert_eq!(status(&["check", "--disable", "no.such-code", SEED]), Some(2));
    assert_eq!(status(&["check", "--lang", "xx", SEED]), Some(2));
    assert_eq!(status(&["check", "--deny", "warnings", "--fail-on", "hint", SEED]), Some(2));
    assert_eq!(status(&["outline", SEED, SEED]), Some(2));
}

#[test]
fn what_fails_the_build() {
    // Default: errors only.
    assert_eq!(status(&["check", SEED]), Some(0));
    // Warnings too.
    assert_eq!(status(&["check", "--deny", "warnings", SEED]), Some(1));
    assert_eq!(status(&["check", "-D", "warnings", SEED]), Some(1));
    assert_eq!(status(&["check", "--fail-on", "warning", "--format", "json", SEED]), Some(1));
    // A code made an error, or switched off.
    assert_eq!(status(&["check", "--severity", "reference.annex-number=error", SEED]), Some(1));
    let out = bin()
        .args([
            "check",
            "--deny",
            "warnings",
            "--disable",
            "vote.duplicate",
            "--disable",
            "list.duplicate",
            "--severity",
            "reference.annex-number=hint",
            SEED,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 errors, 0 warnings, 2 other"));
    // The hint fails at --fail-on hint, nothing at never.
    assert_eq!(
        status(&[
            "check",
            "--fail-on",
            "information",
            "--disable",
            "vote.duplicate",
            "--disable",
            "list.duplicate",
            "--disable",
            "reference.annex-number",
            SEED
        ]),
        Some(0)
    );
    assert_eq!(status(&["check", "--fail-on", "hint", SEED]), Some(1));
    assert_eq!(status(&["check", "--fail-on", "never", "examples/"]), Some(0));
    assert_eq!(status(&["check", "examples/"]), Some(1));
    // The summary says how many diagnostics fail the check.
    let out = bin().args(["check", "--deny", "warnings", SEED]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("; 5 at or above warning"));
}

#[test]
fn files_that_are_not_un_documents_can_be_skipped() {
    // pre-commit passes every staged .md file, a README among them.
    let dir = std::env::temp_dir().join(format!("rapporteur-cli-ci-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("notes.md"), "# Notes\n\n1. Buy milk.\n\n3. Recalls paragraph 9.\n").unwrap();
    let notes = dir.join("notes.md");
    let notes = notes.to_str().unwrap();
    assert_eq!(status(&["check", notes]), Some(1), "named, it is checked");
    let out = bin().args(["check", "--skip-non-un-documents", notes]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("checked 0 files: 0 errors, 0 warnings, 0 other (1 file skipped: not UN documents)")
    );
    // A UN document is still checked.
    assert_eq!(status(&["check", "--skip-non-un-documents", "examples/"]), Some(1));
}
