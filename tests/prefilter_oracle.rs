//! The literal prefilter of the reference finder (`model::prefilter`)
//! changes no reference: every fixture and every corpus-dev document, read
//! whole and in a middle third (a scan that starts and ends inside the
//! text, as after an edit), gives the same references as the scan of the
//! whole text by every pattern, which stays as the oracle.

use rapporteur::model::find::find_in_scan;
use rapporteur::text::TextRange;

fn texts_under(dir: &std::path::Path, out: &mut Vec<(std::path::PathBuf, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            texts_under(&path, out);
        } else if let Ok(text) = std::fs::read_to_string(&path) {
            out.push((path, text));
        }
    }
}

fn char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[test]
fn prefiltered_finder_equals_the_whole_scan() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut texts = Vec::new();
    texts_under(&root.join("fixtures"), &mut texts);
    texts_under(&root.join("corpus-dev"), &mut texts);
    assert!(texts.len() > 100, "fixtures and corpus-dev documents not found under {}", root.display());
    let mut references = 0;
    for (path, text) in &texts {
        let doc = rapporteur::syntax::parse(text, rapporteur::lang::detect(text));
        let all = TextRange::new(0, doc.masked.len());
        let third = TextRange::new(char_boundary(&doc.masked, all.end / 3), char_boundary(&doc.masked, 2 * all.end / 3));
        for scan in [all, third] {
            let fast = find_in_scan(&doc, scan, true);
            let oracle = find_in_scan(&doc, scan, false);
            assert_eq!(format!("{fast:#?}"), format!("{oracle:#?}"), "{} ({:?})", path.display(), scan);
            references += oracle.len();
        }
    }
    assert!(references > 1000, "only {references} references found");
}
