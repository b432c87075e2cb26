//! Negotiation drafts: official texts are not read as drafts, the fixtures
//! in tests/fixtures/negotiation/ give their expected statuses, tokens and
//! diagnostics, and deleting any one bracket is found where it was.

mod common;

use rapporteur::diagnostics::DiagnosticsConfig;
use rapporteur::ide::Analysis;

#[test]
fn official_texts_are_not_read_as_drafts() {
    let mut drafts = Vec::new();
    for f in common::corpus_dev().into_iter().chain(common::all_documents()) {
        let a = Analysis::new(f.text.clone(), None, &DiagnosticsConfig::all_enabled());
        let m = a.negotiation();
        if m.draft {
            let tags: Vec<&str> = m.tags.iter().map(|t| &f.text[t.range.start..t.range.end]).collect();
            drafts.push(format!("{}: tags {tags:?}, {} bracketed", f.name, m.negotiation_pairs().count()));
        }
    }
    assert!(drafts.is_empty(), "{drafts:#?}");
}
