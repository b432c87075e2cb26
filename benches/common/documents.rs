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
