//! Chinese section and annex numbers of any size (一百 and up) are read: a
//! long Chinese draft with more than 99 sections or annexes gets no false
//! numbering gaps or broken references past 九十九.

use rapporteur::diagnostics::DiagnosticsConfig;
use rapporteur::ide::Analysis;
use rapporteur::lang::numerals::to_chinese;
use rapporteur::syntax::NodeKind;

#[test]
fn sections_and_annexes_past_ninety_nine() {
    let mut text = String::from("大会，\n\n1. 决定通过附件一百二十所载的宣言，并注意到第一百零五节第 1 段。\n\n");
    for s in 1..=130 {
        text.push_str(&format!("{}. 第{}节的标题\n\n1. 本节第一段的文字。\n\n2. 本节第二段的文字。\n\n", to_chinese(s), to_chinese(s)));
    }
    for a in 1..=120 {
        text.push_str(&format!("附件{}\n\n1. 本附件的文字。\n\n", to_chinese(a)));
    }
    let a = Analysis::new(text.as_str(), None, &DiagnosticsConfig::all_enabled());
    let noisy: Vec<String> = a.diagnostics.iter().map(|d| format!("{}: {}", d.code.as_str(), d.message)).collect();
    assert!(noisy.is_empty(), "{} false alarms, e.g. {:?}", noisy.len(), &noisy[..noisy.len().min(5)]);
    // Every section and annex is in the outline, numbered as written.
    let outline = a.outline();
    let sections = outline.iter().flat_map(|i| std::iter::once(i).chain(i.children.iter())).filter(|i| i.kind == NodeKind::Section).count();
    let annexes = outline.iter().filter(|i| i.kind == NodeKind::Annex).count();
    assert_eq!((sections, annexes), (130, 120));
    assert!(outline.iter().any(|i| i.name == "Annex 一百二十"), "{:?}", outline.iter().map(|i| &i.name).collect::<Vec<_>>());
}
