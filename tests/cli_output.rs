//! The human format of `rapporteur check` as a user sees it, in snapshots
//! (`tests/snapshots/cli_*.txt`; `UPDATE_EXPECT=1 cargo test --test
//! cli_output` rewrites them after a deliberate change): long lines shown as
//! a window around the span with `...` on the cut sides, sized to the
//! terminal width (`--width`, `COLUMNS`), in Chinese, Arabic and a narrow
//! terminal, with and without colour. Beside each snapshot, checks that
//! hold whatever the text: every snippet fits the width, keeps whole
//! characters, and its underline sits under the diagnostic's span.

use std::path::Path;
use std::process::{Command, Output};

use expect_test::{expect_file, ExpectFile};
use unicode_width::UnicodeWidthStr;

const SEED: &str = "tests/fixtures/seed/000_e12bae3abcaa388b.txt";

fn bin(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_rapporteur"));
    c.current_dir(dir).env_remove("NO_COLOR").env_remove("COLUMNS").env_remove("TERM");
    c
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// Removes ANSI colour sequences.
fn plain(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find("\x1b[") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let end = after.find('m').map_or(after.len(), |i| i + 1);
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Every source line and underline of the human output, checked against
/// the width and against the file: the shown text is a run of the source
/// line (with `...` where cut) and the carets sit under the span that the
/// header's line:column names.
fn check_snippets(output: &str, source: &str, width: usize) -> usize {
    let lines: Vec<&str> = output.lines().collect();
    let source_lines: Vec<&str> = source.lines().collect();
    let mut snippets = 0;
    for (i, l) in lines.iter().enumerate() {
        // `path:line:col: severity[code]: message`
        if l.starts_with(' ') {
            continue;
        }
        let Some((_, rest)) = l.split_once(".txt:") else { continue };
        let mut parts = rest.splitn(3, ':');
        let (Some(line), Some(col)) = (parts.next(), parts.next()) else { continue };
        let (line, col): (usize, usize) = (line.parse().unwrap(), col.parse().unwrap());
        let gutter = line.to_string();
        let shown = lines[i + 2].strip_prefix(&format!("{gutter} | ")).expect(lines[i + 2]);
        let carets = lines[i + 3].strip_prefix(&format!("{} | ", " ".repeat(gutter.len()))).expect(lines[i + 3]);
        assert!(gutter.len() + 3 + shown.width() <= width, "wider than {width}: {}", lines[i + 2]);
        let inner = shown.strip_prefix("...").unwrap_or(shown);
        let inner = inner.strip_suffix("...").unwrap_or(inner);
        let src = source_lines[line - 1];
        assert!(src.contains(inner), "not a run of line {line}: {inner}");
        // The character the header points at is the first one underlined.
        let target: String = src.chars().skip(col - 1).take(1).collect();
        let lead = carets.len() - carets.trim_start().len();
        let mut at = 0;
        let under: String = shown
            .chars()
            .filter(|c| {
                let here = at;
                at += c.to_string().width();
                here >= lead && here < lead + carets.trim().len()
            })
            .collect();
        assert!(under.starts_with(&target), "line {line}:{col}: underline on {under:?}, expected it to start with {target:?}");
        snippets += 1;
    }
    snippets
}

fn snapshot(actual: &str, expected: ExpectFile) {
    expected.assert_eq(actual);
}

#[test]
fn long_chinese_lines_are_windowed() {
    let out = bin(root()).args(["check", "--width", "100", SEED]).output().unwrap();
    let text = stdout(&out);
    assert!(!text.contains('\x1b'), "no colour when piped");
    let source = std::fs::read_to_string(root().join(SEED)).unwrap();
    assert_eq!(check_snippets(&text, &source, 100), 6);
    // Every line of the output fits, where the source's run to 1,792 characters.
    assert!(text.lines().filter(|l| l.contains(" | ")).all(|l| l.width() <= 100));
    snapshot(&text, expect_file!["snapshots/cli_zh_long_lines.txt"]);
}

#[test]
fn long_chinese_lines_in_colour() {
    let out = bin(root()).args(["check", "--width", "100", "--color", "always", SEED]).output().unwrap();
    let text = stdout(&out);
    // Severity with code, message, line numbers and gutter, underline.
    assert!(text.contains("\x1b[1;33mwarning[reference.annex-number]\x1b[0m"), "{text}");
    assert!(text.contains("\x1b[1;34m156\x1b[0m \x1b[1;34m|\x1b[0m "), "{text}");
    assert!(text.contains("\x1b[1;33m^^^^^^\x1b[0m"), "{text}");
    assert!(text.contains("\x1b[1;32mhint[structure.inline-heading]\x1b[0m"), "{text}");
    // Without the colour, the same text as the plain output.
    let plain_out = stdout(&bin(root()).args(["check", "--width", "100", SEED]).output().unwrap());
    assert_eq!(plain(&text), plain_out);
    snapshot(&text, expect_file!["snapshots/cli_zh_long_lines_colour.txt"]);
}

#[test]
fn colour_follows_no_color_and_the_flag() {
    // Piped: `auto` is off; NO_COLOR does not stop `always`; `never` wins.
    let auto = stdout(&bin(root()).args(["check", SEED]).output().unwrap());
    assert!(!auto.contains('\x1b'));
    let forced = stdout(&bin(root()).env("NO_COLOR", "1").args(["check", "--color", "always", SEED]).output().unwrap());
    assert!(forced.contains("\x1b[1;33m"));
    let never = stdout(&bin(root()).args(["check", "--color=never", SEED]).output().unwrap());
    assert!(!never.contains('\x1b'));
    // JSON is never coloured.
    let json = stdout(&bin(root()).args(["check", "--color", "always", "--format", "json", SEED]).output().unwrap());
    assert!(!json.contains('\x1b'));
}

#[test]
fn a_narrow_terminal() {
    let out = bin(root()).args(["check", "--width", "40", SEED]).output().unwrap();
    let text = stdout(&out);
    let source = std::fs::read_to_string(root().join(SEED)).unwrap();
    assert_eq!(check_snippets(&text, &source, 40), 6);
    snapshot(&text, expect_file!["snapshots/cli_zh_narrow.txt"]);
    // COLUMNS gives the width when --width does not, and --width wins.
    let env = stdout(&bin(root()).env("COLUMNS", "40").args(["check", SEED]).output().unwrap());
    assert_eq!(env, text);
    let flag = stdout(&bin(root()).env("COLUMNS", "200").args(["check", "--width", "40", SEED]).output().unwrap());
    assert_eq!(flag, text);
}

/// A draft resolution in Arabic with a broken reference in a long paragraph
/// (with diacritics and tatweel, which must never be cut from their letter).
const ARABIC: &str = "الأمم المتحدة\n\nA/RES/80/999\n\nالجمعية العامة\n\n\
1 - تقرر عقد المؤتمر الاستعراضي في عام 2030.\n\n\
2 - وإذ تؤكـد من جديد التزامها بالتعاون الدولي تعاونا كاملا وفعّالا، وإذ تُشير إلى التقارير المقدَّمة من الدول الأعضاء، وإذ ترحب بالتقدم المحرز في مجال التعاون الدولي والمساعدة، \
تطلب إلى الأمين العام أن يقدم تقريرا عن تنفيذ الفقرة 9 إلى الجمعية العامة في دورتها الخامسة والثمانين، وتشجع جميع الدول على تقديم تقاريرها الوطنية في موعدها، وتدعو المنظمات الإقليمية إلى مواصلة دعمها.\n";

#[test]
fn a_long_arabic_line() {
    let dir = std::env::temp_dir().join(format!("rapporteur-cli-output-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("draft_ar.txt"), ARABIC).unwrap();
    let out = bin(&dir).args(["check", "--width", "80", "draft_ar.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("error[reference.broken]"), "{text}");
    assert_eq!(check_snippets(&text, ARABIC, 80), 1);
    snapshot(&text, expect_file!["snapshots/cli_ar_long_line.txt"]);
    let colour = stdout(&bin(&dir).args(["check", "--width", "80", "--color", "always", "draft_ar.txt"]).output().unwrap());
    assert_eq!(plain(&colour), text);
    snapshot(&colour, expect_file!["snapshots/cli_ar_long_line_colour.txt"]);
}
