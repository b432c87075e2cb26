//! Every action the core offers on a document, in one place: the quick fix
//! of each diagnostic that has one, and the source actions (renumber the
//! whole document, or the scope at the cursor, keeping references). The
//! server turns them into code actions, the CLI (`rapporteur fix`) applies
//! them. Other providers (negotiation actions) add theirs here.

use super::edit::{Fix, FixKind, TextEdit};
use super::renumber::{renumber, scopes_at, RenumberScope};
use super::Analysis;
use crate::diagnostics::{Code, Diagnostic};
use crate::syntax::NodeKind;
use crate::text::TextRange;

/// The quick fixes of the diagnostics touching `range`, then the source
/// actions at its start (renumber the scope at the cursor, the document).
pub fn fixes(analysis: &Analysis, range: TextRange) -> Vec<Fix> {
    let mut out: Vec<Fix> = Vec::new();
    for d in &analysis.diagnostics {
        if d.range.start <= range.end && range.start <= d.range.end {
            out.extend(quick_fix(analysis, d));
        }
    }
    for (scope, title) in scopes_at(analysis, range.start) {
        let r = renumber(analysis, scope);
        if r.edits.is_empty() || out.iter().any(|f| f.kind == FixKind::Source && f.edits == r.edits) {
            continue;
        }
        out.push(Fix {
            title: format!("Renumber {title} (keep references)"),
            kind: FixKind::Source,
            code: None,
            diagnostic_range: None,
            preferred: false,
            edits: r.edits,
        });
    }
    out.extend(crate::negotiation::fixes(analysis, range));
    out
}

/// Every fix of the document for the command line: the renumbering of the
/// whole document first, then the quick fix of each diagnostic that is not
/// about numbering (the renumbering covers those).
pub fn all_fixes(analysis: &Analysis) -> Vec<Fix> {
    let mut out = Vec::new();
    let r = renumber(analysis, RenumberScope::Document);
    if !r.edits.is_empty() {
        out.push(Fix {
            title: "Renumber the whole document (keep references)".to_string(),
            kind: FixKind::Source,
            code: None,
            diagnostic_range: None,
            preferred: false,
            edits: r.edits,
        });
    }
    for d in &analysis.diagnostics {
        if matches!(d.code, Code::NumberingGap | Code::NumberingDuplicate | Code::NumberingOrder) {
            continue;
        }
        out.extend(quick_fix(analysis, d));
    }
    out
}

/// The quick fix of one diagnostic, if it has one.
pub fn quick_fix(analysis: &Analysis, d: &Diagnostic) -> Option<Fix> {
    let doc = &analysis.document;
    let fix = |title: String, edits: Vec<TextEdit>| Fix {
        title,
        kind: FixKind::QuickFix,
        code: Some(d.code.as_str()),
        diagnostic_range: Some(d.range),
        preferred: true,
        edits,
    };
    match d.code {
        Code::NumberingGap | Code::NumberingDuplicate | Code::NumberingOrder => {
            let node = analysis.numbered_node_at(d.range.start)?;
            let scope = match doc.nodes[node].kind {
                NodeKind::Paragraph => crate::syntax::scope::numbering_scope(doc, node),
                _ => doc.nodes[node].parent(),
            };
            let (scope, title) = match scope {
                Some(s) => {
                    let eid = doc.eid(s).to_string();
                    let title = scopes_at(analysis, doc.nodes[s].opening().start)
                        .into_iter()
                        .find(|(sc, _)| *sc == RenumberScope::Node(eid.clone()))
                        .map(|(_, t)| t)
                        .unwrap_or_else(|| crate::diagnostics::node_label(doc, s));
                    (RenumberScope::Node(eid), title)
                }
                None => (RenumberScope::Document, "the whole document".to_string()),
            };
            let r = renumber(analysis, scope);
            (!r.edits.is_empty()).then(|| fix(format!("Renumber {title} (keep references)"), r.edits))
        }
        _ => {
            let (range, text) = *d.replacement.clone()?;
            let written = &analysis.text.slice(range.start..range.end);
            let title = match d.code {
                Code::VoteCount => format!("Set the figure to {text}"),
                Code::VoteDuplicate | Code::ListDuplicate => "Remove the repeated names".to_string(),
                _ if text.is_empty() => format!("Remove `{}`", written.trim()),
                _ => format!("Write `{text}`"),
            };
            Some(fix(title, vec![TextEdit::replace(range, text)]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::DiagnosticsConfig;
    use crate::ide::edit::apply;
    use crate::lang::Language;

    /// The text after the quick fix of the first diagnostic with `code`.
    fn fixed(text: &str, lang: Language, code: &str) -> (String, String) {
        let a = Analysis::new(text, Some(lang), &DiagnosticsConfig::all_enabled());
        let d = a.diagnostics.iter().find(|d| d.code.as_str() == code).unwrap_or_else(|| panic!("no {code} in {:#?}", a.diagnostics));
        let fix = fixes(&a, d.range).into_iter().find(|f| f.code == Some(code)).unwrap_or_else(|| panic!("no fix for {code}"));
        assert_eq!(fix.diagnostic_range, Some(d.range));
        assert_eq!(fix.kind, FixKind::QuickFix);
        let out = apply(text, &fix.edits).unwrap();
        // The fix repairs its diagnostic.
        let after = Analysis::new(out.as_str(), Some(lang), &DiagnosticsConfig::all_enabled());
        let count = |a: &Analysis| a.diagnostics.iter().filter(|d| d.code.as_str() == code).count();
        assert_eq!(count(&after), count(&a) - 1, "{code} left after the fix: {out}");
        (out, fix.title)
    }

    #[test]
    fn direction_is_swapped_in_every_language() {
        let en = "The General Assembly,\n\n1. Recalls paragraph 3 above;\n\n2. Decides to act;\n\n3. Requests a report.\n";
        let (out, title) = fixed(en, Language::En, "reference.direction");
        assert!(out.contains("1. Recalls paragraph 3 below;"), "{out}");
        assert_eq!(title, "Write `below`");
        let zh = "大会，\n\n1. 回顾上文第3段；\n\n2. 决定采取行动；\n\n3. 请提交报告。\n";
        assert!(fixed(zh, Language::Zh, "reference.direction").0.contains("1. 回顾下文第3段；"));
        let fr = "L'Assemblée générale,\n\n1. Rappelle le paragraphe 3 ci-dessus;\n\n2. Décide d'agir;\n\n3. Prie le Secrétaire général de faire rapport.\n";
        assert!(fixed(fr, Language::Fr, "reference.direction").0.contains("le paragraphe 3 ci-dessous;"));
    }

    #[test]
    fn numbered_annex_cited_as_the_sole_annex() {
        let en = "The General Assembly,\n\n1. Adopts the programme contained in annex I to the present resolution;\n\n2. Decides to act.\n\nAnnex\n\nProgramme\n\n1. First.\n";
        let (out, _) = fixed(en, Language::En, "reference.annex-number");
        assert!(out.contains("contained in the annex to the present resolution"), "{out}");
        let zh = "大会，\n\n1. 通过本决议附件一所载方案；\n\n2. 决定采取行动。\n\n附件\n\n方案\n\n1. 第一段。\n";
        let a = Analysis::new(zh, Some(Language::Zh), &DiagnosticsConfig::all_enabled());
        if a.diagnostics.iter().any(|d| d.code.as_str() == "reference.annex-number") {
            assert!(fixed(zh, Language::Zh, "reference.annex-number").0.contains("通过本决议附件所载方案"));
        }
    }

    #[test]
    fn sole_numbered_annex_cited_as_the_annex() {
        let en = "The General Assembly,\n\n1. Adopts the programme contained in the annex to the present resolution;\n\n2. Decides to act.\n\nAnnex I\n\nProgramme\n\n1. First.\n";
        let (out, _) = fixed(en, Language::En, "reference.annex-number");
        assert!(out.contains("contained in annex I to the present resolution"), "{out}");
        let zh = "大会，\n\n1. 通过本决议附件所载方案；\n\n2. 决定采取行动。\n\n附件一\n\n方案\n\n1. 第一段。\n";
        let (out, _) = fixed(zh, Language::Zh, "reference.annex-number");
        assert!(out.contains("通过本决议附件一所载方案"), "{out}");
    }

    #[test]
    fn malformed_symbols_are_written_right() {
        let text = "1. Takes note of documents $/2018/1 and A/CONF.192/2018/RC/CRP1.\n";
        let (out, title) = fixed(text, Language::En, "symbol.malformed");
        assert!(out.contains("documents S/2018/1 and"), "{out}");
        assert_eq!(title, "Write `S/2018/1`");
        let a = Analysis::new(out.as_str(), Some(Language::En), &DiagnosticsConfig::all_enabled());
        let d = a.diagnostics.iter().find(|d| d.code.as_str() == "symbol.malformed").unwrap();
        let fix = quick_fix(&a, d).unwrap();
        assert!(apply(&out, &fix.edits).unwrap().contains("RC/CRP.1."));
    }

    #[test]
    fn vote_figure_and_repeated_names() {
        let text = "1. Notes.\n\n2. The draft resolution was adopted by a recorded vote of 5 to 1, with 0 abstentions. The voting was as follows:\n\nIn favour:\nAlgeria, Angola, Argentina, Austria, Algeria, Angola.\n\nAgainst:\nFrance.\n\nAbstaining:\nNone.\n";
        let (out, title) = fixed(text, Language::En, "vote.count");
        assert!(out.contains("recorded vote of 4 to 1"), "{out}");
        assert_eq!(title, "Set the figure to 4");
        let (out, title) = fixed(text, Language::En, "vote.duplicate");
        assert!(out.contains("Algeria, Angola, Argentina, Austria.\n"), "{out}");
        assert_eq!(title, "Remove the repeated names");
        let zh = "1. 注意到。\n\n2. 决议草案以 3 票对 1 票、0 票弃权的记录表决获得通过。表决结果如下：\n\n赞成：\n阿尔及利亚、安哥拉、阿根廷、奥地利、阿尔及利亚、安哥拉。\n\n反对：\n法国。\n\n弃权：\n无。\n";
        let (out, _) = fixed(zh, Language::Zh, "vote.duplicate");
        assert!(out.contains("阿尔及利亚、安哥拉、阿根廷、奥地利。"), "{out}");
        let (out, _) = fixed(zh, Language::Zh, "vote.count");
        assert!(out.contains("以 4 票对 1 票"), "{out}");
    }

    #[test]
    fn numbering_diagnostics_offer_the_renumbering_of_their_scope() {
        let es = "La Asamblea General,\n\n1. Recuerda.\n\n3. Decide, como se indica en el párrafo 4 infra.\n\n4. Pide un informe.\n";
        let (out, title) = fixed(es, Language::Es, "numbering.gap");
        assert_eq!(title, "Renumber the whole document (keep references)");
        assert!(out.contains("2. Decide, como se indica en el párrafo 3 infra.\n\n3. Pide"), "{out}");
        let a = Analysis::new(es, Some(Language::Es), &DiagnosticsConfig::all_enabled());
        let source: Vec<String> =
            fixes(&a, TextRange::empty(0)).into_iter().filter(|f| f.kind == FixKind::Source).map(|f| f.title).collect();
        assert_eq!(source, vec!["Renumber the whole document (keep references)".to_string()]);
        assert_eq!(all_fixes(&a).len(), 1);
    }
}
