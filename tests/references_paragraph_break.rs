//! A reference is read within one paragraph: the words before a blank line
//! and the number after it are a heading (or the end of a paragraph) and
//! the number of the next paragraph, not one reference. (Invented text.)

use rapporteur::diagnostics::DiagnosticsConfig;
use rapporteur::ide::Analysis;

/// The SDG references of `text`, as (what the reference covers, the number).
fn sdg_references(text: &str) -> Vec<(String, String)> {
    let a = Analysis::new(text, Some(rapporteur::lang::Language::Zh), &DiagnosticsConfig::all_enabled());
    a.references
        .iter()
        .filter_map(|r| {
            let e = r.external.as_ref()?;
            matches!(e.kind, rapporteur::model::ExternalKind::SdgTarget | rapporteur::model::ExternalKind::SdgGoal)
                .then(|| (text[r.range().start..r.range().end].to_string(), e.id.to_string()))
        })
        .collect()
}

const TEXT: &str = "大会，

1. 重申其对可持续发展目标的承诺；

2. 决定审查以下目标

17.17 鼓励和推动建立有效的公共、公私和民间社会伙伴关系；

3. 又决定在审查中特别注意具体目标 17.16 和目标
17.18 的执行情况。
";

#[test]
fn an_sdg_target_reference_does_not_run_across_a_blank_line() {
    let found = sdg_references(TEXT);
    // `目标\n\n17.17`: a paragraph that ends with 目标, then a list item numbered 17.17.
    assert!(!found.iter().any(|(written, _)| written.contains("\n\n")), "a reference across a blank line: {found:?}");
    assert!(!found.iter().any(|(written, number)| number == "17.17" && written.starts_with('目')), "{found:?}");
    // Within a paragraph, and across a hard line break, the references are read.
    assert!(found.iter().any(|(written, number)| written == "具体目标 17.16" && number == "17.16"), "{found:?}");
    assert!(found.iter().any(|(written, number)| written == "目标\n17.18" && number == "17.18"), "{found:?}");
}

#[test]
fn a_blank_line_with_spaces_or_crlf_is_a_paragraph_break_too() {
    for text in [TEXT.replace("目标\n\n17.17", "目标\n   \n17.17"), TEXT.replace('\n', "\r\n")] {
        let found = sdg_references(&text);
        assert!(!found.iter().any(|(w, n)| n == "17.17" && w.starts_with('目')), "{found:?}");
        assert!(found.iter().any(|(_, n)| n == "17.18"), "{found:?}");
    }
}
