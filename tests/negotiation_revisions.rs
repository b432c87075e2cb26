//! `rapporteur renumber --follow-revision OLD NEW FILE`: the references of a
//! text to revision OLD of a draft move to the same paragraphs in NEW (their
//! numbers by the diff of the two revisions, the revision's number with
//! them); internal references and other texts' are never touched, and what
//! cannot move (a paragraph deleted in NEW) is left and reported.

use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_rapporteur"))
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/revisions/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn follow(file: &str, extra: &[&str]) -> (i32, String, String) {
    let mut args = vec!["renumber".to_string(), "--follow-revision".into(), fixture("rev1_zh.txt"), fixture("rev2_zh.txt")];
    args.extend(extra.iter().map(|s| s.to_string()));
    args.push(fixture(file));
    let out = bin().args(&args).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn english_comments_follow_a_chinese_revision_pair() {
    let original = std::fs::read_to_string(fixture("comments_en.txt")).unwrap();
    let (code, out, err) = follow("comments_en.txt", &[]);
    assert_eq!(code, 0, "{err}");
    let expected = original.replace(
        "paragraphs 1 and 2 of Rev.1 and on paragraph 4 of A/C.3/80/L.12/Rev.1.",
        "paragraphs 2 and 3 of Rev.2 and on paragraph 4 of A/C.3/80/L.12/Rev.2.",
    );
    assert_ne!(expected, original);
    assert_eq!(out, expected);
    // Paragraph 3 of Rev.1 is deleted in Rev.2: said, and left.
    assert!(err.contains("comments_en.txt:5: not moved: paragraph 3: deleted in revision 2"), "{err}");
}

#[test]
fn chinese_comments_keep_their_numerals_and_the_diff_shows_only_the_moves() {
    let (code, out, err) = follow("comments_zh.txt", &["--diff"]);
    assert_eq!(code, 0, "{err}");
    let changed: Vec<&str> = out.lines().filter(|l| l.starts_with(['-', '+']) && !l.starts_with("---") && !l.starts_with("+++")).collect();
    assert_eq!(
        changed,
        vec![
            "-墨西哥对第一次修订稿第1段和第2段打破沉默，并反对第3段（第1次修订稿）。墨西哥回顾第72/57号决议第1段。",
            "+墨西哥对第二次修订稿第2段和第3段打破沉默，并反对第3段（第1次修订稿）。墨西哥回顾第72/57号决议第1段。",
        ]
    );
    assert!(err.contains("not moved: 第3段: deleted in revision 2"), "{err}");
}

#[test]
fn a_text_that_is_no_revision_is_refused() {
    let out = bin()
        .args(["renumber", "--follow-revision", &fixture("comments_en.txt"), &fixture("rev2_zh.txt"), &fixture("comments_zh.txt")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no revision"), "{}", String::from_utf8_lossy(&out.stderr));
}
