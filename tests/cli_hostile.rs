//! The command line against input that used to hang it, stall it or
//! exhaust its memory: enormous lines (positions, snippets), line ends that
//! are no line ends (U+2029), many top-level paragraphs citing each other,
//! and a folder holding symbolic-link loops, a FIFO, a link to `/dev/zero`,
//! links out of the folder, an unreadable folder and a file over the size
//! limit. Each run has a generous time budget: a regression guard against
//! hangs and quadratic blow-ups, not a speed claim (the figures are in
//! docs/benchmarks.md).

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_rapporteur");

struct Run {
    status: Option<i32>,
    stdout: String,
    stderr: String,
    took: Duration,
}

/// Runs the binary; kills it and fails past `budget`.
fn run(args: &[&str], budget: Duration) -> Run {
    let started = Instant::now();
    let mut child = Command::new(BIN).args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > budget {
            let _ = child.kill();
            let _ = child.wait();
            panic!("rapporteur {args:?} still running after {budget:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        status: status.code(),
        stdout: String::from_utf8_lossy(&out_reader.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&err_reader.join().unwrap()).into_owned(),
        took: started.elapsed(),
    }
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rapporteur-hostile-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/corpus/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// One line of `n` broken references (`paragraph 1000 above`, …).
fn one_line_of_references(n: usize) -> String {
    let refs: Vec<String> = (0..n).map(|i| format!("as set out in paragraph {} above,", 1000 + i)).collect();
    format!("1. The Assembly, {}\n", refs.join(" "))
}

/// A 365-KB line with 10,000 diagnostics: JSON positions are converted from
/// checkpoints of the line (before: 26.7 s for 20,000 on one line in a release build), and every
/// human snippet is a window of the terminal's width (before: the whole line
/// reprinted per diagnostic, 578 MB of output for a 100-KB line).
#[test]
fn an_enormous_line_is_converted_and_shown_in_bounded_time_and_output() {
    let dir = tmp("line");
    let text = one_line_of_references(10_000);
    let path = dir.join("one-line.txt");
    std::fs::write(&path, &text).unwrap();
    let p = path.to_str().unwrap();
    let json = run(&["check", "--format", "json", p], Duration::from_secs(240));
    assert_eq!(json.status, Some(1), "{}", json.stderr);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let diagnostics = v["files"][0]["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 10_000);
    for d in diagnostics {
        let at = d["range"]["start"]["character"].as_u64().unwrap() as usize;
        let quoted = d["message"].as_str().unwrap().split('`').nth(1).unwrap();
        assert!(text[at..].starts_with(quoted), "{d}");
    }
    let human = run(&["check", "--width", "100", p], Duration::from_secs(240));
    assert_eq!(human.status, Some(1));
    let longest = human.stdout.lines().filter(|l| l.starts_with("1 | ")).map(|l| l.chars().count()).max().unwrap();
    assert!(longest <= 100, "{longest}");
    assert!(human.stdout.len() < 10_000 * 600, "{} bytes", human.stdout.len());
    eprintln!("json {:?}, human {:?}", json.took, human.took);
}

/// A document whose line ends are U+2029 (no line end for LSP, so one line
/// of 500 KB): the human output stays a window per diagnostic.
#[test]
fn paragraph_separators_make_one_line_that_is_shown_in_windows() {
    let dir = tmp("u2029");
    let doc = fixture("en_A-80-590.txt").replace("\r\n", "\n").replace('\n', "\u{2029}");
    let text: String = doc.repeat(500_000 / doc.len() + 1);
    let path = dir.join("separators.txt");
    std::fs::write(&path, &text).unwrap();
    let r = run(&["check", "--width", "120", path.to_str().unwrap()], Duration::from_secs(180));
    assert!(r.status == Some(0) || r.status == Some(1), "{}", r.stderr);
    for line in r.stdout.lines() {
        assert!(line.chars().count() < 2000, "{} characters", line.chars().count());
    }
}

/// 40,000 top-level paragraphs, each citing itself: every reference was
/// resolved against a fresh list of the top-level nodes (4.8 s in a
/// release build, 1,000,000 lines never finished).
#[test]
fn many_top_level_paragraphs_outline_in_linear_time() {
    let dir = tmp("outline");
    let text: String = (1..=40_000).map(|i| format!("{i}. Text of paragraph {i}.\n")).collect();
    let path = dir.join("many.txt");
    std::fs::write(&path, &text).unwrap();
    let r = run(&["outline", "--format", "json", path.to_str().unwrap()], Duration::from_secs(180));
    assert_eq!(r.status, Some(0), "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["nodes"].as_array().unwrap().len(), 40_000);
}

#[cfg(unix)]
fn symlink(target: impl AsRef<Path>, link: impl AsRef<Path>) {
    std::os::unix::fs::symlink(target, link).unwrap();
}

/// The paths `check --format json` reported, relative to `root`.
fn checked(r: &Run, root: &Path) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout));
    let root = root.to_str().unwrap();
    let mut paths: Vec<String> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().trim_start_matches(root).trim_start_matches('/').to_string())
        .collect();
    paths.sort();
    paths
}

/// A folder with every trap at once. Each file is checked once; loops,
/// the FIFO, the device and the links out of the folder are skipped with a
/// note on standard error; nothing hangs.
#[cfg(unix)]
#[test]
fn the_folder_walk_survives_links_fifos_and_devices() {
    let dir = tmp("walk");
    let root = dir.join("drafts");
    let outside = dir.join("elsewhere");
    std::fs::create_dir_all(root.join("a")).unwrap();
    std::fs::create_dir_all(root.join("b")).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    let doc = fixture("en_A-RES-73-3.txt");
    std::fs::write(root.join("one.txt"), &doc).unwrap();
    std::fs::write(root.join("a/two.txt"), &doc).unwrap();
    std::fs::write(root.join("b/three.md"), &doc).unwrap();
    std::fs::write(outside.join("four.txt"), &doc).unwrap();
    symlink(".", root.join("self"));
    symlink("../b", root.join("a/to-b"));
    symlink("../a", root.join("b/to-a"));
    symlink("one.txt", root.join("same.txt"));
    symlink(&outside, root.join("out"));
    symlink(outside.join("four.txt"), root.join("four.txt"));
    symlink("/dev/zero", root.join("zero.txt"));
    symlink(root.join("missing.txt"), root.join("broken.txt"));
    let fifo = root.join("pipe.txt");
    let have_fifo = Command::new("mkfifo").arg(&fifo).status().map(|s| s.success()).unwrap_or(false);
    if !have_fifo {
        eprintln!("skipping the FIFO part: `mkfifo` is not available");
    }
    let r = run(&["check", "--format", "json", root.to_str().unwrap()], Duration::from_secs(60));
    assert_eq!(r.status, Some(0), "{}", r.stderr);
    assert_eq!(checked(&r, &root), ["a/two.txt", "b/three.md", "one.txt"], "{}", r.stderr);
    assert!(r.stderr.contains("self: skipped: a symbolic link loop"), "{}", r.stderr);
    assert!(r.stderr.contains("out: skipped: a symbolic link to") && r.stderr.contains("--follow-links"), "{}", r.stderr);
    assert!(r.stderr.contains("zero.txt: skipped: a symbolic link to /dev/zero"), "{}", r.stderr);
    assert!(r.stderr.contains("broken.txt: skipped: a broken symbolic link"), "{}", r.stderr);
    if have_fifo {
        assert!(r.stderr.contains("pipe.txt: skipped: not a regular file (a FIFO)"), "{}", r.stderr);
    }

    // Following links: the files outside are checked (once each), the loops
    // are still loops, and the device is no regular file.
    let r = run(&["check", "--format", "json", "--follow-links", root.to_str().unwrap()], Duration::from_secs(60));
    assert_eq!(r.status, Some(0), "{}", r.stderr);
    let paths = checked(&r, &root);
    assert_eq!(paths.iter().filter(|p| p.ends_with("four.txt")).count(), 1, "{paths:?}");
    assert!(paths.len() == 4, "{paths:?}");
    assert!(r.stderr.contains("zero.txt: skipped: not a regular file (a character device)"), "{}", r.stderr);
    assert!(r.stderr.contains("skipped: a symbolic link loop"), "{}", r.stderr);
}

/// An unreadable folder is reported (exit status 2) and the files after it
/// are still checked. Root reads every folder: then this part is skipped.
#[cfg(unix)]
#[test]
fn an_unreadable_folder_is_reported_and_the_walk_goes_on() {
    use std::os::unix::fs::PermissionsExt as _;
    let root = tmp("unreadable");
    let doc = fixture("en_A-RES-73-3.txt");
    std::fs::create_dir_all(root.join("b-locked")).unwrap();
    std::fs::write(root.join("b-locked/hidden.txt"), &doc).unwrap();
    std::fs::write(root.join("a.txt"), &doc).unwrap();
    std::fs::write(root.join("c.txt"), &doc).unwrap();
    std::fs::set_permissions(root.join("b-locked"), std::fs::Permissions::from_mode(0o000)).unwrap();
    let readable = std::fs::read_dir(root.join("b-locked")).is_ok();
    if readable {
        eprintln!("skipping: this user (root?) reads a folder with mode 000");
    } else {
        let r = run(&["check", "--format", "json", root.to_str().unwrap()], Duration::from_secs(60));
        assert_eq!(r.status, Some(2), "{}", r.stderr);
        assert_eq!(checked(&r, &root), ["a.txt", "c.txt"]);
        assert!(r.stderr.contains("b-locked: cannot read folder"), "{}", r.stderr);
    }
    std::fs::set_permissions(root.join("b-locked"), std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// A file over `--max-file-size` is an error naming the limit and the flag;
/// a device named on the command line is read only up to the limit.
#[cfg(unix)]
#[test]
fn files_over_the_size_limit_are_refused_clearly() {
    let dir = tmp("size");
    let doc = fixture("en_A-RES-73-3.txt");
    let big = dir.join("big.txt");
    std::fs::write(&big, doc.repeat(3_000_000 / doc.len() + 1)).unwrap();
    let r = run(&["check", "--max-file-size", "1M", big.to_str().unwrap()], Duration::from_secs(60));
    assert_eq!(r.status, Some(2));
    assert!(r.stderr.contains("larger than the limit of 1 MiB") && r.stderr.contains("--max-file-size"), "{}", r.stderr);
    let r = run(&["check", "--format", "json", "--max-file-size", "10M", big.to_str().unwrap()], Duration::from_secs(120));
    assert_ne!(r.status, Some(2), "{}", r.stderr);
    let r = run(&["outline", "--max-file-size", "1M", big.to_str().unwrap()], Duration::from_secs(60));
    assert_eq!(r.status, Some(2));
    assert!(r.stderr.contains("--max-file-size"), "{}", r.stderr);
    // `/dev/zero` named on the command line: read up to the limit, refused.
    let r = run(&["check", "--max-file-size", "2M", "/dev/zero"], Duration::from_secs(60));
    assert_eq!(r.status, Some(2));
    assert!(r.stderr.contains("/dev/zero: what it holds is larger than the limit of 2 MiB"), "{}", r.stderr);
    let r = run(&["check", "--max-file-size", "lots", big.to_str().unwrap()], Duration::from_secs(60));
    assert_eq!(r.status, Some(2), "bad usage");
}
