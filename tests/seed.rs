//! The seed document (the Chinese report of the 2018 small-arms review
//! conference with its annexed outcome document) against
//! `tests/fixtures/seed/EXPECTED.md`: the listed diagnostics and no others,
//! every reference in the table with its status and target, and the
//! structure the file describes.

mod common;

use common::SEED_DIAGNOSTICS;
use rapporteur::diagnostics::DiagnosticsConfig;
use rapporteur::ide::Analysis;
use rapporteur::lang::Language;
use rapporteur::model::Status;
use rapporteur::syntax::{NodeKind, NumberingScheme};

const SEED: &str = include_str!("fixtures/seed/000_e12bae3abcaa388b.txt");

fn seed() -> Analysis {
    Analysis::new(SEED, None, &DiagnosticsConfig::all_enabled())
}

/// 1-based line of a byte offset.
fn line(a: &Analysis, offset: usize) -> usize {
    a.line_index.line_of(offset) + 1
}

#[test]
fn language_is_detected_as_chinese() {
    assert_eq!(seed().language(), Language::Zh);
}

#[test]
fn exactly_the_expected_diagnostics() {
    let a = seed();
    let got: Vec<(String, usize)> = a.diagnostics.iter().map(|d| (d.code.as_str().to_string(), line(&a, d.range.start))).collect();
    let want: Vec<(String, usize)> = SEED_DIAGNOSTICS.iter().map(|(c, l)| (c.to_string(), *l)).collect();
    assert_eq!(got, want, "{:#?}", a.diagnostics);
}

#[test]
fn repeated_runs_are_one_diagnostic_each_with_the_first_occurrence_related() {
    let a = seed();
    let text = |r: rapporteur::text::TextRange| a.text[r.start..r.end].to_string();
    let dups: Vec<_> = a.diagnostics.iter().filter(|d| d.code.as_str().ends_with(".duplicate")).collect();
    // Line 94: the run 哥斯达黎加、厄瓜多尔、法国、越南、多哥 repeated once.
    assert_eq!(text(dups[0].range), "哥斯达黎加、厄瓜多尔、法国、越南、多哥");
    assert!(dups[0].message.starts_with("5 names"), "{}", dups[0].message);
    assert_eq!(text(dups[0].related[0].range), "哥斯达黎加、厄瓜多尔、法国、越南、多哥");
    assert!(dups[0].related[0].range.start < dups[0].range.start);
    // Paragraph 15: 21 repeated names, 肯尼亚 … 南非.
    assert!(dups[1].message.starts_with("21 names"), "{}", dups[1].message);
    assert!(text(dups[1].range).starts_with("肯尼亚") && text(dups[1].range).ends_with("南非"));
    // Paragraph 18: 20 repeated names, 日本 … 塞尔维亚, on the second line of the list.
    assert!(dups[2].message.starts_with("20 names"), "{}", dups[2].message);
    assert!(text(dups[2].range).starts_with("日本") && text(dups[2].range).ends_with("塞尔维亚"));
    // Paragraph 19: 老挝人民民主共和国、拉脱维亚、黎巴嫩.
    assert_eq!(text(dups[3].range), "老挝人民民主共和国、拉脱维亚、黎巴嫩");
}

#[test]
fn vote_figures_match_distinct_names() {
    let a = seed();
    let doc = &a.document;
    let mut rows = Vec::new();
    for v in &doc.votes {
        let para = doc.nodes[v.paragraph].number().map(|n| n.value).unwrap_or(0);
        let figures: Vec<u32> = v.figures.iter().map(|(_, f)| f.value).collect();
        let listed: Vec<usize> = v.lists.iter().map(|l| l.items.len()).collect();
        let mut distinct = Vec::new();
        for l in &v.lists {
            let mut keys: Vec<&str> = l.items.iter().map(|i| i.key.as_str()).collect();
            keys.sort_unstable();
            keys.dedup();
            distinct.push(keys.len());
        }
        rows.push((para, figures, listed, distinct));
    }
    assert_eq!(
        rows,
        vec![
            (15, vec![63, 2, 28], vec![84, 2, 28], vec![63, 2, 28]),
            (17, vec![62, 2, 29], vec![62, 2, 29], vec![62, 2, 29]),
            (18, vec![65, 0, 25], vec![85, 0, 25], vec![65, 0, 25]),
            (19, vec![98, 0, 0], vec![101, 0, 0], vec![98, 0, 0]),
        ]
    );
    // `无` is an empty list, not a name.
    assert!(a.document.votes[2].lists[1].none);
}

#[test]
fn references_in_the_table_resolve_as_expected() {
    let a = seed();
    // (line, text, status, target eid or external description fragment)
    let table: &[(usize, &str, Status, &str)] = &[
        (13, "第 [72/57](#) 号决议", Status::External, "General Assembly resolution 72/57"),
        (14, "A/CONF.192/2018/RC/1", Status::External, "document A/CONF.192/2018/RC/1"),
        (21, "A/CONF.192/2018/RC/INF/3", Status::External, "document A/CONF.192/2018/RC/INF/3"),
        (25, "A/CONF.192/2018/RC/L.3", Status::External, "document A/CONF.192/2018/RC/L.3"),
        (31, "A/CONF.192/2018/RC/L.1", Status::External, "document A/CONF.192/2018/RC/L.1"),
        (88, "议事规则第 4 条", Status::External, "rule 4 of the rules of procedure"),
        (88, "A/CONF.192/2018/RC/L.3", Status::External, "document A/CONF.192/2018/RC/L.3"),
        (90, "第 10 段", Status::External, "of document A/CONF.192/2018/RC/2"),
        (110, "成果文件草案第一节第 16 段", Status::Resolved, "annex__sec_I__para_16"),
        (110, "A/CONF.192/2018/RC/CRP.1/Rev.3", Status::External, "document A/CONF.192/2018/RC/CRP.1/Rev.3"),
        (124, "成果文件草案第二节第 18 段", Status::Resolved, "annex__sec_II__para_18"),
        (126, "第二节第 18 段", Status::Resolved, "annex__sec_II__para_18"),
        (140, "成果文件草案第一节第 13 段", Status::Resolved, "annex__sec_I__para_13"),
        (156, "附件一", Status::Resolved, "annex"),
        (170, "A/CONF.192/2018/RC/L.5", Status::External, "document A/CONF.192/2018/RC/L.5"),
        (178, "第五十一条", Status::External, "of 宪章"),
        (200, "目标16", Status::External, "Sustainable Development Goal 16"),
        (200, "具体目标16.4", Status::External, "SDG target 16.4"),
        (206, "大会第72/55号决议", Status::External, "General Assembly resolution 72/55"),
        (277, "安全理事会第 2370(2017)号决议", Status::External, "Security Council resolution 2370 (2017)"),
        (287, "大会第 60/81 号决议", Status::External, "General Assembly resolution 60/81"),
        (313, "第二节第 15 段", Status::External, "of 行动纲领"),
        (313, "第二节第 32 段", Status::External, "of 行动纲领"),
        (377, "具体目标 16.4.2", Status::External, "SDG indicator 16.4.2"),
        (410, "第 8(a)分段", Status::External, "of 国际追查文书"),
        (411, "第 10 段", Status::External, "of 国际追查文书"),
        (447, "第7段", Status::External, "of 国际追查文书"),
        (449, "第8(a)分段", Status::External, "of 国际追查文书"),
    ];
    for (want_line, want_text, want_status, want_target) in table {
        let found =
            a.references.iter().find(|r| line(&a, r.range().start) == *want_line && &a.text[r.range().start..r.range().end] == *want_text);
        let Some(r) = found else {
            let here: Vec<&str> = a
                .references
                .iter()
                .filter(|r| line(&a, r.range().start) == *want_line)
                .map(|r| &a.text[r.range().start..r.range().end])
                .collect();
            panic!("line {want_line}: no reference `{want_text}`; found {here:?}");
        };
        assert_eq!(r.status, *want_status, "line {want_line} `{want_text}`");
        match r.status {
            Status::Resolved => assert_eq!(a.document.eid(r.node().unwrap()), *want_target),
            _ => {
                let described = r.external.as_ref().map(|e| e.describe()).unwrap_or_default();
                assert!(described.contains(want_target), "line {want_line}: `{described}` lacks `{want_target}`");
            }
        }
    }
    // Resolved targets land on the lines EXPECTED.md names.
    let target_line = |eid: &str| line(&a, a.document.nodes[a.document.find_eid(eid).unwrap()].opening().start);
    assert_eq!(target_line("annex__sec_I__para_16"), 206);
    assert_eq!(target_line("annex__sec_II__para_18"), 255);
    assert_eq!(target_line("annex__sec_I__para_13"), 200);
    assert_eq!(target_line("annex"), 172);
    // Meeting and session numbers, dates and vote figures are not references.
    for r in &a.references {
        let t = &a.text[r.range().start..r.range().end];
        assert!(!t.contains("次会议") && !t.contains("届会议") && !t.contains("票"), "not a reference: {t}");
    }
    // No reference in the seed is broken or ambiguous.
    assert!(a.references.iter().all(|r| !matches!(r.status, Status::Broken | Status::Ambiguous)));
}

#[test]
fn structure_as_described() {
    let a = seed();
    let doc = &a.document;
    let eids = |kind: NodeKind| -> Vec<String> {
        (0..doc.nodes.len()).filter(|&n| doc.nodes[n].kind == kind).map(|n| doc.eid(n).to_string()).collect()
    };
    assert_eq!(
        eids(NodeKind::Section),
        [
            "sec_I",
            "sec_II",
            "sec_III",
            "sec_IV",
            "sec_V",
            "annex__sec_I",
            "annex__sec_II",
            "annex__sec_III",
            "annex__sec_IV",
            "annex__sec_V"
        ]
    );
    assert_eq!(eids(NodeKind::Annex), ["annex"]);
    // Body paragraphs 1–20 run through the chapters; the annex restarts per section.
    assert_eq!(doc.scheme_of(None), NumberingScheme::Continuous);
    assert_eq!(doc.scheme_of(Some(doc.find_eid("annex").unwrap())), NumberingScheme::RestartPerSection);
    let count = |prefix: &str| {
        (0..doc.nodes.len())
            .filter(|&n| {
                doc.nodes[n].kind == NodeKind::Paragraph && doc.eid(n).starts_with(prefix) && !doc.eid(n)[prefix.len()..].contains("__")
            })
            .count()
    };
    assert_eq!(count("para_"), 20);
    assert_eq!(count("annex__sec_I__para_"), 23);
    assert_eq!(count("annex__sec_II__para_"), 80);
    assert_eq!(count("annex__sec_III__para_"), 26);
    assert_eq!(count("annex__sec_IV__para_"), 28);
    assert_eq!(count("annex__sec_V__para_"), 17);
    // The agenda is a list of 14 items inside paragraph 6; item 9 has (a) and (b).
    let items: Vec<String> = eids(NodeKind::ListItem);
    assert_eq!(items.len(), 14);
    assert_eq!(items[8], "para_6__list__item_9");
    assert!(doc.find_eid("para_6__list__item_9__subpara_b").is_some());
    // Subsections A–E in chapter 二, the unnumbered subheadings of chapter 四.
    assert_eq!(
        eids(NodeKind::Subsection)[..5],
        ["sec_II__subsec_A", "sec_II__subsec_B", "sec_II__subsec_C", "sec_II__subsec_D", "sec_II__subsec_E"]
    );
    let crossheadings: Vec<String> = doc
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Crossheading)
        .map(|n| a.text[n.opening().start..n.opening().end].to_string())
        .collect();
    for h in ["政府间组织发言", "非政府组织发言", "活动方案", "2018-2024 年会议安排", "区域会议", "民间社会的参与", "报告", "与会支持"]
    {
        assert!(crossheadings.iter().any(|c| c == h), "{h} not a heading: {crossheadings:?}");
    }
    // Annex section 二: numbered subheadings 1.–5. under A and 1.–3. under B.
    let subheadings = |parent: &str| {
        (0..doc.nodes.len())
            .filter(|&id| {
                let n = &doc.nodes[id];
                n.kind == NodeKind::Subheading
                    && n.level == 1
                    && doc.eid(id).starts_with(parent)
                    && !doc.eid(id)[parent.len()..].contains("__")
            })
            .count()
    };
    assert_eq!(subheadings("annex__sec_II__subsec_A__subheading_"), 5);
    assert_eq!(subheadings("annex__sec_II__subsec_B__subheading_"), 3);
    // Annex section 五: a preamble with four unnumbered preambular paragraphs.
    assert_eq!(
        (0..doc.nodes.len())
            .filter(|&n| doc.nodes[n].kind == NodeKind::PreambularParagraph && doc.eid(n).starts_with("annex__sec_V__preamble"))
            .count(),
        4
    );
    // The heading glued onto line 174 is section 一, marked inline.
    let sec1 = &doc.nodes[doc.find_eid("annex__sec_I").unwrap()];
    assert!(sec1.inline);
    assert_eq!(line(&a, sec1.opening().start), 174);
    assert_eq!(&a.text[sec1.title().unwrap().start..sec1.title().unwrap().end], "《2018 年宣言》");
}

#[test]
fn outline_snapshot() {
    let a = seed();
    let mut out = String::new();
    fn walk(a: &Analysis, items: &[rapporteur::ide::OutlineItem], depth: usize, out: &mut String) {
        for i in items {
            if matches!(i.kind, NodeKind::Subparagraph | NodeKind::ListItem) {
                continue;
            }
            let line = a.line_index.line_of(i.selection_range.start) + 1;
            out.push_str(&format!("{}{} [{}] L{line}\n", "  ".repeat(depth), i.name, i.eid));
            walk(a, &i.children, depth + 1, out);
        }
    }
    walk(&a, &a.outline(), 0, &mut out);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots/seed.outline.txt");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(path, &out).unwrap();
    }
    let want = std::fs::read_to_string(path).unwrap_or_default();
    assert!(want == out, "outline differs from {path} (UPDATE_SNAPSHOTS=1 rewrites it):\n{out}");
}
