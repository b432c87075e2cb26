//! `rapporteur fix` and `rapporteur renumber` on copies of the seed in a
//! temporary folder: the diff of the seed scenario, `--check` failing then
//! passing after `--write`, `check` reporting no numbering.* afterwards, line
//! endings, BOM and permissions kept, `--only`, `renumber --scope`.

use std::path::PathBuf;
use std::process::{Command, Output};

const SEED: &str = include_str!("fixtures/seed/000_e12bae3abcaa388b.txt");

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_rapporteur"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

/// A fresh folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rapporteur-cli-fix-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The seed with a paragraph inserted before annex section II paragraph 18.
fn seed_with_insertion() -> String {
    let at = SEED.find("18. 确认对轻小武器弹药").unwrap();
    let mut text = SEED.to_string();
    text.insert_str(at, "18. 新插入的一段。\n");
    text
}

#[test]
fn diff_of_the_seed_scenario() {
    let dir = scratch("diff");
    let file = dir.join("seed.txt");
    std::fs::write(&file, seed_with_insertion()).unwrap();
    let out = run(&["fix", "--diff", "--only", "numbering.duplicate", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let diff = String::from_utf8(out.stdout).unwrap();
    assert!(diff.contains("-16. 在第 18 次会议上，会议并以协商一致方式决定对成果文件草案第二节第 18 段进行口头修正。"), "{diff}");
    assert!(diff.contains("+16. 在第 18 次会议上，会议并以协商一致方式决定对成果文件草案第二节第 19 段进行口头修正。"), "{diff}");
    assert!(diff.contains("+81. "), "{diff}");
    // --only numbering.*: no vote fix in the diff.
    assert!(!diff.lines().any(|l| l.starts_with('-') && l.contains("赞成")), "{diff}");
    let notes = String::from_utf8(out.stderr).unwrap();
    assert!(notes.contains(":124:") && notes.contains("numbered twice"), "{notes}");
    // Nothing was written.
    assert_eq!(std::fs::read_to_string(&file).unwrap(), seed_with_insertion());
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn check_then_write_then_check_passes() {
    let dir = scratch("write");
    let file = dir.join("seed.txt");
    // CRLF line endings and a BOM.
    let original = format!("\u{feff}{}", seed_with_insertion().replace('\n', "\r\n"));
    std::fs::write(&file, &original).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let path = file.to_str().unwrap();
    assert_eq!(run(&["fix", "--check", path]).status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), original, "--check wrote");
    let out = run(&["fix", "--write", path]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(written.starts_with('\u{feff}'));
    assert_eq!(written.matches("\r\n").count(), original.matches("\r\n").count());
    assert_eq!(written.matches('\n').count(), original.matches('\n').count());
    assert!(written.contains("第二节第 19 段"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o640);
    }
    // No temporary file is left behind.
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
    assert_eq!(run(&["fix", "--check", path]).status.code(), Some(0));
    let check = run(&["check", "--format", "json", path]);
    let json = String::from_utf8(check.stdout).unwrap();
    assert!(
        !json.contains("\"numbering.gap\"") && !json.contains("\"numbering.duplicate\"") && !json.contains("\"numbering.order\""),
        "{json}"
    );
    assert!(!json.contains("\"vote.duplicate\""), "{json}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn renumber_prints_the_text_or_a_diff() {
    let dir = scratch("renumber");
    let file = dir.join("draft.txt");
    let text = "1. Welcomes the report.\n\n2. Inserted.\n\n2. Decides as in paragraph 3 below.\n\n3. Requests a report.\n";
    std::fs::write(&file, text).unwrap();
    let path = file.to_str().unwrap();
    let out = run(&["renumber", "--lang", "en", path]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "1. Welcomes the report.\n\n2. Inserted.\n\n3. Decides as in paragraph 4 below.\n\n4. Requests a report.\n"
    );
    let out = run(&["renumber", "--diff", "--lang", "en", path]);
    let diff = String::from_utf8(out.stdout).unwrap();
    assert!(diff.contains("-3. Requests a report.\n+4. Requests a report.\n"), "{diff}");
    let out = run(&["renumber", "--scope", "annex__sec_IX", path]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("annex__sec_IX"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn renumber_scope_leaves_the_rest() {
    let dir = scratch("scope");
    let file = dir.join("seed.txt");
    let mut text = seed_with_insertion();
    // A gap in the body too, outside the scope.
    text = text.replacen("\n14. ", "\n15. ", 1);
    std::fs::write(&file, &text).unwrap();
    let out = run(&["renumber", "--scope", "annex__sec_II", "--diff", file.to_str().unwrap()]);
    let diff = String::from_utf8(out.stdout).unwrap();
    assert!(diff.contains("+19. 确认对轻小武器弹药"), "{diff}");
    assert!(diff.contains("第二节第 19 段"), "{diff}");
    assert!(!diff.contains("+14. "), "{diff}");
    std::fs::remove_dir_all(dir).unwrap();
}
