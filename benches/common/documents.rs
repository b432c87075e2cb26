//! Documents of a chosen size built from real text, shared by the
//! benchmarks: copies of the seed's outcome document as numbered annexes of
//! its report (so that the numbering stays consistent).

use rapporteur::lang::numerals::to_chinese;

pub const SEED: &str = include_str!("../../tests/fixtures/seed/000_e12bae3abcaa388b.txt");

/// The seed's report, then its annex repeated as 附件一, 附件二, … up to `target` bytes.
pub fn chinese_document(target: usize) -> String {
    let annex_at = SEED.find("\n附件\n").unwrap_or(SEED.len());
    let (body, annex) = SEED.split_at(annex_at);
    let annex_content = annex.trim_start_matches("\n附件\n");
    let mut doc = String::with_capacity(target + annex.len());
    doc.push_str(body);
    let mut n = 1;
    while doc.len() < target {
        doc.push_str(&format!("\n附件{}\n", to_chinese(n)));
        doc.push_str(annex_content);
        n += 1;
    }
    doc
}

#[allow(dead_code)]
const EN_PARTS: [&str; 3] = [
    include_str!("../../tests/fixtures/corpus/en_A-80-590.txt"),
    include_str!("../../tests/fixtures/corpus/en_S-RES-687-1991.txt"),
    include_str!("../../tests/fixtures/corpus/en_A-RES-73-3.txt"),
];

/// English documents (the corpus's reports and resolutions), each as
/// "Annex N", up to `target` bytes.
#[allow(dead_code)] // (not every benchmark reads English)
pub fn english_document(target: usize) -> String {
    let mut doc = String::with_capacity(target + 200_000);
    doc.push_str("United Nations\n\nA/80/999\n\nGeneral Assembly\n\nCompilation of texts\n\n");
    let mut n = 1;
    while doc.len() < target {
        doc.push_str(&format!("\nAnnex {}\n\n", rapporteur::lang::numerals::to_roman(n)));
        doc.push_str(EN_PARTS[(n as usize - 1) % EN_PARTS.len()]);
        n += 1;
    }
    doc
}

/// Where the keystroke of the update benchmarks is typed: at the end of the line
/// in the middle of the text (after its full stop: the line stops ending a
/// sentence, and the tree is built again), or halfway into that line (the
/// tree is kept, `syntax::Reuse::tree_kept`).
#[allow(dead_code)] // (not every benchmark types)
pub fn keystroke_at(text: &str, inside_line: bool) -> usize {
    let middle = (0..=text.len() / 2).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    let end = text[middle..].find('\n').map_or(middle, |i| middle + i);
    if !inside_line {
        return end;
    }
    let start = text[..end].rfind('\n').map_or(0, |i| i + 1);
    (0..=(start + end) / 2).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(start)
}
