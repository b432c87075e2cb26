//! Invariants of the code base checked from `cargo test`: every diagnostic
//! code is documented in the README, every source file says what it owns in
//! a `//!` line, the analysis core stays free of protocol and runtime crates,
//! and nothing but the CLI writes to stdout.

use std::path::{Path, PathBuf};

use rapporteur::diagnostics::Code;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_diagnostic_code_is_documented_in_the_readme() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    for code in Code::ALL {
        assert!(readme.contains(&format!("### `{}`", code.as_str())), "README has no section for {}", code.as_str());
    }
}

#[test]
fn every_source_file_starts_with_a_module_doc() {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    rust_files(&root().join("tests"), &mut files);
    rust_files(&root().join("benches"), &mut files);
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        assert!(text.trim_start().starts_with("//!"), "{} has no //! line", f.display());
    }
}

#[test]
fn the_core_names_no_protocol_or_runtime_crate() {
    let mut files = Vec::new();
    for dir in ["text", "lang", "syntax", "model", "negotiation", "diagnostics", "ide", "export"] {
        rust_files(&root().join("src").join(dir), &mut files);
    }
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for banned in
            ["tower_lsp", "lsp_types", "ls_types", "tokio", "dashmap", "ropey", "serde", "std::fs", "std::io", "print!", "println!"]
        {
            assert!(!text.contains(banned), "{} mentions {banned}", f.display());
        }
    }
}

#[test]
fn only_the_cli_prints() {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    for f in files {
        if f.ends_with("cli.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap();
        // `eprintln!` goes to stderr; `println!`/`print!` would corrupt the protocol.
        let prints = ["println!", "print!("].iter().any(|m| text.match_indices(m).any(|(i, _)| !text[..i].ends_with('e')));
        assert!(!prints, "{} prints to stdout", f.display());
        assert!(!text.contains("dbg!("), "{} has dbg!", f.display());
    }
}
