//! The workspace over the fixture folder `tests/fixtures/workspace/`: a draft
//! resolution, the report it cites in English and French, and the resolution
//! it recalls.

use std::sync::Arc;

use super::*;
use crate::diagnostics::DiagnosticsConfig;

const DRAFT: &str = include_str!("../../tests/fixtures/workspace/draft.txt");
const REPORT_EN: &str = include_str!("../../tests/fixtures/workspace/report_en.txt");
const REPORT_FR: &str = include_str!("../../tests/fixtures/workspace/report_fr.txt");
const RESOLUTION: &str = include_str!("../../tests/fixtures/workspace/resolution_72_57.txt");

fn analysis(text: &str) -> Arc<Analysis> {
    Arc::new(Analysis::new(text, None, &DiagnosticsConfig::all_enabled()))
}

fn workspace() -> Workspace {
    let mut ws = Workspace::new();
    ws.insert("draft.txt", analysis(DRAFT));
    ws.insert("report_en.txt", analysis(REPORT_EN));
    ws.insert("report_fr.txt", analysis(REPORT_FR));
    ws.insert("resolution_72_57.txt", analysis(RESOLUTION));
    ws
}

fn at(text: &str, needle: &str) -> usize {
    text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in the text"))
}

/// The text of the line a range of document `path` starts on.
fn line_at(ws: &Workspace, key: DocKey, range: TextRange) -> String {
    let text = &ws.get(key).unwrap().analysis.text;
    let start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[range.start..].find('\n').map_or(text.len(), |i| range.start + i);
    text[start..end].to_string()
}

#[test]
fn documents_are_known_by_their_symbols_and_resolutions() {
    let ws = workspace();
    let report = External::new(ExternalKind::DocumentSymbol, "A/CONF.192/2018/RC/3");
    let versions = ws.documents_named(&report);
    assert_eq!(versions.len(), 2, "the English and the French report");
    let langs: Vec<String> = versions.iter().map(|&k| ws.get(k).unwrap().analysis.language().to_string()).collect();
    assert_eq!(langs, ["en", "fr"]);
    let res = External::new(ExternalKind::GeneralAssemblyResolution, "72/57");
    assert_eq!(ws.documents_named(&res), vec![ws.key("resolution_72_57.txt").unwrap()]);
    assert!(ws.documents_named(&External::new(ExternalKind::GeneralAssemblyResolution, "72/58")).is_empty());
}

#[test]
fn a_paragraph_of_another_document_is_found_there() {
    let ws = workspace();
    let draft = ws.key("draft.txt").unwrap();
    // `paragraph 3 of resolution 72/57`
    let jump = ws.definition(draft, at(DRAFT, "paragraph 3 of resolution") + 2);
    assert_eq!(jump.len(), 1);
    let (doc, range) = jump[0];
    assert_eq!(ws.get(doc).unwrap().path, "resolution_72_57.txt");
    assert!(line_at(&ws, doc, range).starts_with("3. Decides to convene"), "{}", line_at(&ws, doc, range));
    // `paragraph 4 of the annex to document A/CONF.192/2018/RC/3`: the English version, like the draft.
    let jump = ws.definition(draft, at(DRAFT, "paragraph 4 of the annex") + 2);
    assert_eq!(jump.len(), 1, "{jump:?}");
    let (doc, range) = jump[0];
    assert_eq!(ws.get(doc).unwrap().path, "report_en.txt");
    assert!(line_at(&ws, doc, range).starts_with("4. States undertake to strengthen the tracing"), "{}", line_at(&ws, doc, range));
}

#[test]
fn a_symbol_or_resolution_alone_leads_to_the_document() {
    let ws = workspace();
    let draft = ws.key("draft.txt").unwrap();
    let jump = ws.definition(draft, at(DRAFT, "resolution 72/57 of 4 December") + 12);
    assert_eq!(jump.len(), 1);
    let (doc, range) = jump[0];
    assert_eq!(ws.get(doc).unwrap().path, "resolution_72_57.txt");
    assert_eq!(&ws.get(doc).unwrap().analysis.text[range.start..range.end], "A/RES/72/57");
}

#[test]
fn a_missing_paragraph_of_a_present_document_is_broken() {
    let ws = workspace();
    let draft = ws.key("draft.txt").unwrap();
    let diags = ws.diagnostics(draft, &DiagnosticsConfig::all_enabled());
    assert_eq!(diags.len(), 1, "{diags:?}");
    let d = &diags[0];
    assert_eq!(d.diagnostic.code, Code::ReferenceBroken);
    assert_eq!(&DRAFT[d.diagnostic.range.start..d.diagnostic.range.end], "paragraph 40");
    let (doc, _, _) = d.related.as_ref().unwrap();
    assert_eq!(ws.get(*doc).unwrap().path, "report_en.txt");
    assert!(d.diagnostic.message.contains("A/CONF.192/2018/RC/3"), "{}", d.diagnostic.message);
    // Switched off with the code.
    let mut config = DiagnosticsConfig::all_enabled();
    config.overrides.insert(Code::ReferenceBroken, None);
    assert!(ws.diagnostics(draft, &config).is_empty());
}

#[test]
fn an_absent_document_leads_nowhere_and_is_not_reported() {
    let mut ws = workspace();
    ws.remove("report_en.txt");
    ws.remove("report_fr.txt");
    let draft = ws.key("draft.txt").unwrap();
    assert!(ws.definition(draft, at(DRAFT, "paragraph 4 of the annex") + 2).is_empty());
    assert!(ws.diagnostics(draft, &DiagnosticsConfig::all_enabled()).is_empty());
    // Nor is a reference into another text ever resolved in the citing document.
    assert!(ws.get(draft).unwrap().analysis.goto_definition(at(DRAFT, "paragraph 4 of the annex") + 2).is_empty());
}

#[test]
fn hover_shows_the_cited_paragraph_and_its_document() {
    let ws = workspace();
    let draft = ws.key("draft.txt").unwrap();
    let h = ws.hover(draft, at(DRAFT, "paragraph 3 of resolution") + 2).unwrap();
    assert!(h.markdown.contains("Decides to convene the third Review Conference"), "{}", h.markdown);
    assert!(h.markdown.contains("A/RES/72/57"), "{}", h.markdown);
    assert!(h.markdown.contains("resolution\\_72\\_57.txt"), "{}", h.markdown);
}

#[test]
fn references_are_found_across_documents() {
    let ws = workspace();
    let report = ws.key("report_en.txt").unwrap();
    let draft = ws.key("draft.txt").unwrap();
    let refs = ws.find_references(report, at(REPORT_EN, "4. States undertake"));
    assert_eq!(refs.len(), 1, "{refs:?}");
    assert_eq!(refs[0].0, draft);
    assert_eq!(&DRAFT[refs[0].1.start..refs[0].1.end], "paragraph 4");
}

#[test]
fn workspace_symbols_by_symbol_address_and_words() {
    let ws = workspace();
    let hits = ws.symbols("A/CONF.192/2018/RC/3 annex II 4", 10);
    assert!(!hits.is_empty());
    assert!(hits[0].name.contains("paragraph 4"), "{hits:?}");
    let hits = ws.symbols("small arms tracing", 10);
    assert!(hits.iter().any(|h| h.container == "report_en.txt" && h.name.contains("paragraph 4")), "{hits:?}");
    let hits = ws.symbols("第二节 4", 10);
    assert!(hits.iter().any(|h| h.name.contains("section II, paragraph 4")), "{hits:?}");
    let docs = ws.symbols("", 10);
    assert_eq!(docs.len(), 4, "every document by an empty query: {docs:?}");
    assert!(ws.symbols("A/CONF.192/2018/RC/9", 10).is_empty());
}

#[test]
fn language_versions_are_compared_node_by_node() {
    let ws = workspace();
    let en = ws.key("report_en.txt").unwrap();
    let fr = ws.key("report_fr.txt").unwrap();
    assert_eq!(ws.language_versions(en), vec![fr]);
    assert_eq!(ws.language_versions(fr), vec![en]);
    assert!(ws.language_versions(ws.key("draft.txt").unwrap()).is_empty());
    // The French report has no paragraph 5: reported on the English one, pointing at the French annex.
    let found = ws.parity(en, &DiagnosticsConfig::all_enabled());
    assert_eq!(found.len(), 1, "{found:#?}");
    let d = &found[0];
    assert_eq!(d.diagnostic.code, Code::ParityNode);
    assert!(REPORT_EN[d.diagnostic.range.start..].starts_with("5. States undertake to keep"), "{:?}", d.diagnostic);
    let (doc, range, _) = d.related.as_ref().unwrap();
    assert_eq!(*doc, fr);
    assert!(REPORT_FR[range.start..].starts_with("Annexe"), "{}", &REPORT_FR[range.start..]);
    assert!(ws.parity(fr, &DiagnosticsConfig::all_enabled()).is_empty(), "nothing the French has that the English lacks");
    // Hover on a paragraph's number shows it in the other language.
    let md = ws.other_versions_markdown(en, at(REPORT_EN, "4. States undertake"));
    assert!(md.contains("French") && md.contains("renforcer le traçage"), "{md}");
    assert!(ws.other_versions_markdown(en, at(REPORT_EN, "5. States undertake")).is_empty());
}

#[test]
fn the_documents_citing_one_are_known() {
    let ws = workspace();
    let draft = ws.key("draft.txt").unwrap();
    assert_eq!(ws.citing(ws.key("report_en.txt").unwrap()), vec![draft]);
    assert_eq!(ws.citing(ws.key("resolution_72_57.txt").unwrap()), vec![draft]);
    assert!(ws.citing(draft).is_empty());
}

const ADVISORY: &str = include_str!("../../tests/fixtures/workspace_annex/advisory_report.txt");
const SG_REPORT: &str = include_str!("../../tests/fixtures/workspace_annex/secretary_general_report.txt");

#[test]
fn a_paragraph_cited_in_a_named_annex_of_another_document_is_in_that_annex() {
    let mut ws = Workspace::new();
    let advisory = ws.insert("advisory_report.txt", analysis(ADVISORY));
    let report = ws.insert("secretary_general_report.txt", analysis(SG_REPORT));
    // `(A/99/705, annex II, para. 4 (a))` lands on (a) of paragraph 4 of annex II, not on the body's paragraph 4.
    let jump = ws.definition(advisory, at(ADVISORY, "para. 4 (a)") + 6);
    assert_eq!(jump.len(), 1, "{jump:?}");
    assert_eq!(jump[0].0, report);
    assert!(line_at(&ws, report, jump[0].1).starts_with("(a) A single budget"), "{}", line_at(&ws, report, jump[0].1));
    // `annex IV, para. 2`: A/99/705 has no annex IV: no jump and no diagnostic.
    assert!(ws.definition(advisory, at(ADVISORY, "annex IV, para. 2") + 16).is_empty());
    let diags = ws.diagnostics(advisory, &DiagnosticsConfig::all_enabled());
    let messages: Vec<&str> = diags.iter().map(|d| d.diagnostic.message.as_str()).collect();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(messages[0].starts_with("para. 9: A/99/705 has no such part") && messages[0].contains("annex II"), "{messages:?}");
}

#[test]
fn a_changed_document_is_resolved_into_as_it_now_reads() {
    let mut ws = workspace();
    let draft = ws.key("draft.txt").unwrap();
    let cite = at(DRAFT, "paragraph 4 of the annex") + 2;
    // The report's index is built by the first jump into it and kept…
    let before = ws.definition(draft, cite);
    assert_eq!(before.len(), 1);
    assert!(line_at(&ws, before[0].0, before[0].1).starts_with("4. States undertake to strengthen"));
    assert_eq!(ws.diagnostics(draft, &DiagnosticsConfig::all_enabled()).len(), 1);
    // …until the report changes: its annex now has paragraphs up to 40, the old 4 is gone.
    let changed = REPORT_EN
        .replace("4. States undertake to strengthen the tracing", "7. States undertake to strengthen the tracing")
        .replace("5. States undertake to keep", "40. States undertake to keep");
    ws.insert("report_en.txt", analysis(&changed));
    // (A jump on a broken reference lands on the document's symbol.)
    let after = ws.definition(draft, cite);
    assert_eq!(after.iter().map(|&(k, r)| line_at(&ws, k, r)).collect::<Vec<_>>(), ["A/CONF.192/2018/RC/3"]);
    let messages: Vec<String> =
        ws.diagnostics(draft, &DiagnosticsConfig::all_enabled()).into_iter().map(|d| d.diagnostic.message).collect();
    assert!(messages.iter().any(|m| m.starts_with("paragraph 4")), "{messages:?}");
    assert!(!messages.iter().any(|m| m.starts_with("paragraph 40")), "{messages:?}");
}
