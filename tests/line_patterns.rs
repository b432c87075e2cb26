//! The line classifier's shortcuts read real lines as the patterns they
//! stand for: `Tables::line_patterns` (one set search) reports the same
//! patterns as matching as a search with each, and a plain `12. Text` line
//! is read by every language's `numbered_line` as the number and the text
//! after its full stop, over every line of the texts in `tests/`.

use rapporteur::lang::tables::{tables, LINE_PATTERNS};
use rapporteur::lang::Language;

/// The lines of the texts in `tests/` (fixtures and corpus), each cut to
/// its first 120 bytes, without repeats.
fn sample_lines() -> Vec<String> {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "txt" || e == "md") {
                out.push(path);
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut files = Vec::new();
    walk(&root.join("fixtures"), &mut files);
    walk(&root.join("corpus-dev"), &mut files);
    let mut seen = std::collections::BTreeSet::new();
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else { continue };
        for line in text.lines() {
            let line = line.trim();
            let mut cut = line.len().min(120);
            while !line.is_char_boundary(cut) {
                cut -= 1;
            }
            seen.insert(line[..cut].to_string());
        }
    }
    assert!(seen.len() > 10_000, "{} sample lines", seen.len());
    seen.into_iter().collect()
}

#[test]
fn the_line_pattern_set_matches_as_each_pattern() {
    let lines = sample_lines();
    for lang in Language::ALL {
        let t = tables(lang);
        let each = t.line_pattern_regexes();
        assert_eq!(each.len(), LINE_PATTERNS.len());
        for line in &lines {
            let set = t.line_patterns.matches(line);
            for (i, re) in each.iter().enumerate() {
                assert_eq!(set.matched(i), re.is_match(line), "{lang:?} {} on {line:?}", LINE_PATTERNS[i]);
            }
        }
    }
}

#[test]
fn plain_numbered_lines_read_as_every_language_pattern_reads_them() {
    let lines = sample_lines();
    let mut plain = 0;
    for lang in Language::ALL {
        let t = tables(lang);
        for line in &lines {
            let b = line.as_bytes();
            let digits = b.iter().take(5).take_while(|c| c.is_ascii_digit()).count();
            if digits == 0 || digits > 4 || b.get(digits) != Some(&b'.') || !matches!(b.get(digits + 1), None | Some(b' ' | b'\t')) {
                continue;
            }
            plain += 1;
            let c = t.numbered_line.captures(line).unwrap_or_else(|| panic!("{lang:?} does not read {line:?}"));
            let num = c.name("num").expect("num");
            assert_eq!((num.start(), num.end()), (0, digits), "{lang:?} on {line:?}");
            // The text starts after the full stop (the blank after it is trimmed).
            let rest = c.name("sep").map_or_else(|| c.get(0).map_or(0, |m| m.end()), |m| m.end());
            assert!(rest == digits + 1 || (rest == digits + 2 && line[digits + 1..rest].trim().is_empty()), "{lang:?} on {line:?}");
        }
    }
    assert!(plain > 1_000, "{plain} plain numbered lines");
}
