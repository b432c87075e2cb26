//! The `rapporteur` command line as a user runs it: exit statuses, the human
//! format (underlines lined up under double-width Chinese), the JSON formats
//! of `check`, `outline` and `refs`, and unreadable input.

use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_rapporteur"))
}

fn fixtures() -> String {
    format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"))
}

fn tmp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("rapporteur-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn clean_document_exits_zero() {
    let out = bin().args(["check", &format!("{}/corpus/en_A-RES-73-3.txt", fixtures())]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("checked 1 file: 0 errors"));
}

#[test]
fn errors_exit_one_and_are_underlined_under_chinese_text() {
    let dir = tmp("errors");
    let file = dir.join("draft.txt");
    std::fs::write(&file, "一. 引言\n\n1. 第一段。\n\n3. 回顾第 9 段。\n").unwrap();
    let out = bin().args(["check", file.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    // numbering.gap at "3", reference.broken at "第 9 段".
    assert!(stdout.contains(":5:1: error[numbering.gap]: paragraph 2 is missing"), "{stdout}");
    assert!(stdout.contains(":5:6: error[reference.broken]: `第 9 段` points nowhere"), "{stdout}");
    // The caret line: "3. 回顾" is 7 columns wide (two CJK characters), then 7 carets for "第 9 段".
    let lines: Vec<&str> = stdout.lines().collect();
    let at = lines.iter().position(|l| l.contains("reference.broken")).unwrap();
    assert_eq!(lines[at + 2], "5 | 3. 回顾第 9 段。");
    assert_eq!(lines[at + 3], "  |        ^^^^^^^");
}

#[test]
fn json_format_uses_lsp_positions() {
    let out = bin().args(["check", "--format", "json", &format!("{}/seed/000_e12bae3abcaa388b.txt", fixtures())]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let file = &v["files"][0];
    assert_eq!(file["language"], "zh");
    let d = file["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "reference.annex-number").unwrap();
    // Line 156 (0-based 155); `附件一` starts after 62 UTF-16 units.
    assert_eq!(d["range"]["start"]["line"], 155);
    assert_eq!(d["range"]["start"]["character"], 62);
    assert_eq!(d["range"]["end"]["character"], 65);
    assert_eq!(d["severity"], "warning");
    assert_eq!(d["related"][0]["range"]["start"]["line"], 171);
}

#[test]
fn outline_and_refs_json() {
    let seed = format!("{}/seed/000_e12bae3abcaa388b.txt", fixtures());
    let out = bin().args(["outline", "--format", "json", &seed]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let annex = v["nodes"].as_array().unwrap().iter().find(|n| n["kind"] == "annex").unwrap();
    assert_eq!(annex["eid"], "annex");
    assert_eq!(annex["children"][0]["eid"], "annex__sec_I");
    assert_eq!(annex["children"][0]["number"], "一");
    let out = bin().args(["refs", "--format", "json", &seed]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let refs = v["references"].as_array().unwrap();
    let r = refs.iter().find(|r| r["text"] == "成果文件草案第一节第 16 段").unwrap();
    assert_eq!(r["status"], "resolved");
    assert_eq!(r["target"], "annex__sec_I__para_16");
    assert_eq!(r["kind"], "paragraph");
    let ext = refs.iter().find(|r| r["text"] == "安全理事会第 2370(2017)号决议").unwrap();
    assert_eq!(ext["status"], "external");
    assert!(ext["target"].is_null());
    assert_eq!(ext["external"]["kind"], "security_council_resolution");
    assert_eq!(ext["external"]["url"], "https://undocs.org/S/RES/2370(2017)");
}

#[test]
fn folders_are_walked_and_non_utf8_files_are_reported_by_offset() {
    let dir = tmp("walk");
    std::fs::write(dir.join("a.md"), "United Nations\n\nI. Introduction\n\n1. Recalls paragraph 1.\n").unwrap();
    std::fs::write(dir.join("notes.md"), "# Notes\n\n1. Buy milk.\n").unwrap();
    std::fs::write(dir.join("b.txt"), b"1. ok\n\xff\xfe bad").unwrap();
    std::fs::write(dir.join("ignored.rs"), "not a draft").unwrap();
    let out = bin().args(["check", dir.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("b.txt: not valid UTF-8 at byte offset 6"), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("checked 1 file: 0 errors") && stdout.contains("(1 file skipped: not UN documents)"), "{stdout}");
    // Named on the command line, the same notes are checked.
    let out = bin().args(["check", dir.join("notes.md").to_str().unwrap()]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("checked 1 file"));
}

#[test]
fn bad_usage_exits_two() {
    assert_eq!(bin().output().unwrap().status.code(), Some(2));
    assert_eq!(bin().args(["check"]).output().unwrap().status.code(), Some(2));
    assert_eq!(bin().args(["check", "--format", "xml", "x"]).output().unwrap().status.code(), Some(2));
    assert_eq!(bin().args(["check", "/no/such/file.txt"]).output().unwrap().status.code(), Some(2));
    assert_eq!(bin().args(["frobnicate"]).output().unwrap().status.code(), Some(2));
    let out = bin()
        .args(["check", "--lang", "zh", "--disable", "reference.broken", &format!("{}/corpus/en_A-RES-73-3.txt", fixtures())])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}
