//! Applying amendments to a draft (`rapporteur amend DRAFT AMENDMENTS`).
//! Amendment texts name their targets — `Delete operative paragraph 3`,
//! `In preambular paragraph 4, replace "…" with "…"`, `Insert after the
//! first preambular paragraph a new paragraph reading: …`, `Add the words
//! "…" at the end of paragraph 12`, `删除执行部分第3段`,
//! `在序言部分第4段中，将“…”改为“…”` — in the forms of the language's
//! table (`lang::tables::negotiation_markup::amendment_patterns`). Every target
//! must exist and every quoted wording be found, else the amendment gets a
//! problem and is not applied; the others are applied together (targets
//! are read in the draft as tabled), then the operative paragraphs are
//! renumbered and the number changes reported.

use std::sync::OnceLock;

use regex::Regex;

use super::diff::{self, Revision, Unit};
use super::markup::Markup;
use crate::ide::edit::{apply as apply_edits, TextEdit};
use crate::lang::tables::negotiation_markup::{amendment_patterns, AmendmentPatterns};
use crate::lang::Language;
use crate::syntax::{Document, NodeKind};
use crate::text::TextRange;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Which {
    Number(u32),
    Ordinal(u32),
    Last,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub preambular: bool,
    pub which: Which,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    DeleteParagraph,
    ReplaceWords { from: String, to: String },
    DeleteWords { words: String },
    InsertParagraph { before: bool, text: String },
    AddWordsAtEnd { words: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Amendment {
    /// Where it is in the amendments' text.
    pub range: TextRange,
    pub target: Target,
    pub action: Action,
}

/// An amendment that cannot be read or applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub range: TextRange,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// The amended draft, its operative paragraphs renumbered.
    pub text: String,
    pub applied: usize,
    pub problems: Vec<Problem>,
    /// Old number → new number, for the paragraphs whose number changed.
    pub renumbered: Vec<(String, String)>,
}

struct Compiled {
    delete_paragraph: Regex,
    replace_words: Regex,
    delete_words: Regex,
    insert_paragraph: Regex,
    add_words_at_end: Regex,
    p: &'static AmendmentPatterns,
}

fn compiled(lang: Language) -> Option<&'static Compiled> {
    static EN: OnceLock<Option<Compiled>> = OnceLock::new();
    static ZH: OnceLock<Option<Compiled>> = OnceLock::new();
    static FR: OnceLock<Option<Compiled>> = OnceLock::new();
    static ES: OnceLock<Option<Compiled>> = OnceLock::new();
    static RU: OnceLock<Option<Compiled>> = OnceLock::new();
    static AR: OnceLock<Option<Compiled>> = OnceLock::new();
    let cell = match lang {
        Language::En => &EN,
        Language::Zh => &ZH,
        Language::Fr => &FR,
        Language::Es => &ES,
        Language::Ru => &RU,
        Language::Ar => &AR,
    };
    cell.get_or_init(|| {
        let p = amendment_patterns(lang)?;
        let re = |s: &str| Regex::new(&format!("(?i){s}")).ok();
        Some(Compiled {
            delete_paragraph: re(p.delete_paragraph)?,
            replace_words: re(p.replace_words)?,
            delete_words: re(p.delete_words)?,
            insert_paragraph: re(p.insert_paragraph)?,
            add_words_at_end: re(p.add_words_at_end)?,
            p,
        })
    })
    .as_ref()
}

/// The amendments of a text, one a line (a line ending with a colon goes
/// on with the next: "…a new paragraph reading:" and its text), list
/// markers (`1.`, `(a)`, `-`) skipped.
pub fn parse(text: &str, lang: Language) -> (Vec<Amendment>, Vec<Problem>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let Some(c) = compiled(lang) else {
        problems.push(Problem { range: TextRange::new(0, 0), message: format!("amendments in {} are not read yet", lang.name()) });
        return (out, problems);
    };
    let mut items: Vec<(usize, String, bool)> = Vec::new();
    let mut at = 0;
    let mut joining = false;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if joining {
            if let Some(last) = items.last_mut() {
                last.1.push(' ');
                last.1.push_str(t);
                joining = t.ends_with([':', '：']);
                continue;
            }
        }
        let lead = line.len() - line.trim_start().len();
        let marker = list_marker(t);
        items.push((start + lead + marker, t[marker..].trim_start().to_string(), marker > 0));
        joining = t.ends_with([':', '：']);
    }
    for (start, item, listed) in items {
        let range = TextRange::new(start, start + text[start..].find('\n').unwrap_or(text.len() - start));
        match read_one(&item, c) {
            Some((target, action)) => out.push(Amendment { range, target, action }),
            // A heading above the first amendment ("Amendments proposed by …").
            None if out.is_empty() && problems.is_empty() && !listed => {}
            None => problems.push(Problem { range, message: "not read as an amendment (see the README for the forms)".into() }),
        }
    }
    (out, problems)
}

fn list_marker(t: &str) -> usize {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && t[digits..].starts_with(['.', ')', '、']) {
        return digits + 1;
    }
    if t.starts_with('(') {
        if let Some(close) = t.find(')').filter(|&c| c <= 4) {
            return close + 1;
        }
    }
    if t.starts_with(['-', '–', '•']) {
        return t.chars().next().map_or(0, char::len_utf8);
    }
    0
}

fn target_of(caps: &regex::Captures<'_>, p: &AmendmentPatterns) -> Option<Target> {
    let preambular = caps.name("part").is_some_and(|m| p.preambular.iter().any(|w| m.as_str().eq_ignore_ascii_case(w)));
    let which = if let Some(n) = caps.name("num") {
        let s = n.as_str();
        Which::Number(crate::lang::numerals::parse_digits(s).or_else(|| crate::lang::numerals::parse_chinese(s))?)
    } else if let Some(o) = caps.name("ord") {
        let o = o.as_str().split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        if o == p.last {
            Which::Last
        } else {
            Which::Ordinal(p.ordinals.iter().position(|w| *w == o)? as u32 + 1)
        }
    } else {
        return None;
    };
    // "the first preambular paragraph" and "preambular paragraph 1" are one.
    let which = match which {
        Which::Number(n) if preambular => Which::Ordinal(n),
        w => w,
    };
    Some(Target { preambular, which })
}

fn read_one(item: &str, c: &Compiled) -> Option<(Target, Action)> {
    let q = |caps: &regex::Captures<'_>, name: &str| caps.name(name).map(|m| m.as_str().trim().to_string()).unwrap_or_default();
    if let Some(caps) = c.replace_words.captures(item) {
        return Some((target_of(&caps, c.p)?, Action::ReplaceWords { from: q(&caps, "q1"), to: q(&caps, "q2") }));
    }
    if let Some(caps) = c.delete_words.captures(item) {
        return Some((target_of(&caps, c.p)?, Action::DeleteWords { words: q(&caps, "q1") }));
    }
    if let Some(caps) = c.insert_paragraph.captures(item) {
        let before = caps.name("where").is_some_and(|w| c.p.before.iter().any(|b| w.as_str().ends_with(b)));
        let text = q(&caps, "q1");
        let text = text.trim_matches(['"', '“', '”', '«', '»', '「', '」']).trim().to_string();
        return Some((target_of(&caps, c.p)?, Action::InsertParagraph { before, text }));
    }
    if let Some(caps) = c.add_words_at_end.captures(item) {
        return Some((target_of(&caps, c.p)?, Action::AddWordsAtEnd { words: q(&caps, "q1") }));
    }
    if let Some(caps) = c.delete_paragraph.captures(item) {
        return Some((target_of(&caps, c.p)?, Action::DeleteParagraph));
    }
    None
}

fn describe(t: &Target) -> String {
    let part = if t.preambular { "preambular paragraph" } else { "operative paragraph" };
    match t.which {
        Which::Number(n) => format!("{part} {n}"),
        Which::Ordinal(n) => format!("{part} {n}"),
        Which::Last => format!("the last {part}"),
    }
}

/// Applies `amendments` to the draft; returns the amended text and the
/// problems (an amendment with a problem is left out).
pub fn apply(text: &str, doc: &Document, markup: &Markup, amendments: &[Amendment]) -> Outcome {
    let units = diff::units(&Revision { text, doc, markup });
    let pre: Vec<&Unit> = units.iter().filter(|u| u.number.starts_with("PP")).collect();
    let ops: Vec<&Unit> = units.iter().filter(|u| u.scope.is_empty() && !u.number.starts_with("PP") && !u.number.is_empty()).collect();
    let mut edits: Vec<(TextEdit, usize)> = Vec::new();
    let mut problems = Vec::new();
    let mut applied = 0;
    for (k, a) in amendments.iter().enumerate() {
        let pool = if a.target.preambular { &pre } else { &ops };
        let unit = match a.target.which {
            Which::Number(n) => pool.iter().find(|u| u.number == n.to_string()),
            Which::Ordinal(n) => pool.get(n as usize - 1),
            Which::Last => pool.last(),
        };
        let Some(unit) = unit else {
            let have = if pool.is_empty() { "none".to_string() } else { format!("{}", pool.len()) };
            problems.push(Problem {
                range: a.range,
                message: format!("{} does not exist in the draft ({have} such paragraphs)", describe(&a.target)),
            });
            continue;
        };
        let r = unit.range;
        let body = &text[r.start..r.end];
        let edit = match &a.action {
            Action::DeleteParagraph => {
                let mut end = r.end;
                end += text[end..].len() - text[end..].trim_start().len();
                TextEdit::delete(TextRange::new(r.start, end))
            }
            Action::ReplaceWords { from, .. } | Action::DeleteWords { words: from } => {
                let Some(i) = body.find(from.as_str()).filter(|_| !from.is_empty()) else {
                    problems.push(Problem {
                        range: a.range,
                        message: format!("the wording “{from}” is not in {} ({})", describe(&a.target), unit.label),
                    });
                    continue;
                };
                let mut range = TextRange::new(r.start + i, r.start + i + from.len());
                match &a.action {
                    Action::ReplaceWords { to, .. } => TextEdit::replace(range, to.clone()),
                    _ => {
                        if text[range.end..].starts_with(' ') {
                            range.end += 1;
                        } else if text[..range.start].ends_with(' ') {
                            range.start -= 1;
                        }
                        TextEdit::delete(range)
                    }
                }
            }
            Action::InsertParagraph { before, text: new } => {
                let number = if a.target.preambular {
                    String::new()
                } else {
                    format!("{}. ", unit.number.parse::<u32>().unwrap_or(0) + u32::from(!before))
                };
                if *before {
                    TextEdit::insert(r.start, format!("{number}{new}\n\n"))
                } else {
                    let end = r.start + body.trim_end().len();
                    TextEdit::insert(end, format!("\n\n{number}{new}"))
                }
            }
            Action::AddWordsAtEnd { words } => {
                let trimmed = body.trim_end();
                let no_stop = trimmed.trim_end_matches(['.', ';', ',', '。', '；', '，', '؛', '،']);
                let at = r.start + no_stop.len();
                let space = if words.starts_with(|c: char| c.is_alphanumeric()) && !no_stop.ends_with(|c: char| (c as u32) >= 0x3000) {
                    " "
                } else {
                    ""
                };
                TextEdit::insert(at, format!("{space}{words}"))
            }
        };
        if let Some((_, other)) = edits.iter().find(|(e, _)| overlaps(e.range, edit.range)) {
            problems.push(Problem { range: a.range, message: format!("touches the same text as amendment {} (not applied)", other + 1) });
            continue;
        }
        edits.push((edit, k));
        applied += 1;
    }
    let edits: Vec<TextEdit> = edits.into_iter().map(|(e, _)| e).collect();
    let amended = apply_edits(text, &edits).unwrap_or_else(|_| text.to_string());
    let renumbered_text = renumber(&amended, doc.language);
    // What each paragraph's number became.
    let new_doc = crate::syntax::parse(&renumbered_text, doc.language);
    let new_markup = super::read(&new_doc.masked, doc.language, &Default::default());
    let d = diff::diff(&Revision { text, doc, markup }, &Revision { text: &renumbered_text, doc: &new_doc, markup: &new_markup });
    let mut renumbered = Vec::new();
    for (_, map) in &d.number_map {
        for (o, n) in map {
            let n = n.clone().unwrap_or_else(|| "deleted".into());
            if *o != n {
                renumbered.push((o.clone(), n));
            }
        }
    }
    Outcome { text: renumbered_text, applied, problems, renumbered }
}

fn overlaps(a: TextRange, b: TextRange) -> bool {
    a.start < b.end && b.start < a.end || (a.is_empty() && b.is_empty() && a.start == b.start)
}

/// Numbers the body's operative paragraphs 1, 2, 3… as they now stand.
fn renumber(text: &str, lang: Language) -> String {
    let doc = crate::syntax::parse(text, lang);
    let mut edits = Vec::new();
    let mut expected = 0;
    for (id, n) in doc.nodes.iter().enumerate() {
        if n.kind != NodeKind::Paragraph || (!doc.containers.is_empty() && doc.container_of(n.parent().unwrap_or(0)).is_some()) {
            continue;
        }
        if n.parent().is_some_and(|p| doc.nodes[p].kind == NodeKind::Paragraph) || doc.eid(id).contains("annex") {
            continue;
        }
        let Some(num) = n.number() else { continue };
        if num.style != crate::syntax::NumberStyle::Arabic {
            continue;
        }
        expected += 1;
        if num.value != expected {
            edits.push(TextEdit::replace(num.span, expected.to_string()));
        }
    }
    apply_edits(text, &edits).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amend(draft: &str, amendments: &str, lang: Language) -> Outcome {
        let doc = crate::syntax::parse(draft, lang);
        let m = super::super::read(&doc.masked, lang, &Default::default());
        let (list, mut problems) = parse(amendments, lang);
        let mut out = apply(draft, &doc, &m, &list);
        problems.append(&mut out.problems);
        out.problems = problems;
        out
    }

    const DRAFT: &str = "The General Assembly,\n\nRecalling its resolution 70/1,\n\nNoting the report of the Secretary-General,\n\n1. Decides to convene a high-level meeting in 2027;\n\n2. Calls upon Member States to strengthen their efforts;\n\n3. Requests the Secretary-General to report on progress;\n\n4. Decides to remain seized of the matter.\n";

    #[test]
    fn english_amendments_apply_and_renumber() {
        let a = "1. Delete operative paragraph 2\n2. In preambular paragraph 2, replace \"the report\" with \"the reports\"\n3. Insert after the first preambular paragraph a new paragraph reading:\n\"Reaffirming the Charter,\"\n4. Add the words \", including through South-South cooperation\" at the end of paragraph 3\n";
        let out = amend(DRAFT, a, Language::En);
        assert!(out.problems.is_empty(), "{:?}", out.problems);
        assert_eq!(out.applied, 4);
        assert!(out.text.contains("Recalling its resolution 70/1,\n\nReaffirming the Charter,\n\nNoting the reports of"), "{}", out.text);
        assert!(
            out.text.contains("2. Requests the Secretary-General to report on progress, including through South-South cooperation;"),
            "{}",
            out.text
        );
        assert!(out.text.contains("3. Decides to remain seized"), "{}", out.text);
        assert!(
            out.renumbered.contains(&("3".into(), "2".into())) && out.renumbered.contains(&("2".into(), "deleted".into())),
            "{:?}",
            out.renumbered
        );
    }

    #[test]
    fn missing_targets_and_wordings_are_problems() {
        let a = "Delete operative paragraph 9\nIn operative paragraph 1, replace \"2029\" with \"2030\"\n";
        let out = amend(DRAFT, a, Language::En);
        assert_eq!(out.applied, 0);
        let msgs: Vec<&str> = out.problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            msgs,
            vec![
                "operative paragraph 9 does not exist in the draft (4 such paragraphs)",
                "the wording “2029” is not in operative paragraph 1 (paragraph 1)"
            ]
        );
        assert_eq!(&a[out.problems[1].range.start..out.problems[1].range.end], "In operative paragraph 1, replace \"2029\" with \"2030\"");
    }

    #[test]
    fn chinese_amendments() {
        let draft = "大会，\n\n回顾其第70/1号决议，\n\n注意到秘书长的报告，\n\n1. 决定于2027年召开一次高级别会议；\n\n2. 吁请会员国加强努力；\n\n3. 决定继续处理此案。\n";
        let a = "1. 删除执行部分第1段\n2. 在序言部分第2段中，将“报告”改为“各份报告”\n3. 在执行部分第2段末尾添加“，包括通过南南合作”\n4. 在执行部分第7段中，将“甲”改为“乙”\n";
        let out = amend(draft, a, Language::Zh);
        assert_eq!(out.applied, 3, "{:?}", out.problems);
        assert_eq!(out.problems.len(), 1);
        assert!(out.text.contains("注意到秘书长的各份报告，"), "{}", out.text);
        assert!(out.text.contains("1. 吁请会员国加强努力，包括通过南南合作；"), "{}", out.text);
        assert!(out.text.contains("2. 决定继续处理此案。"), "{}", out.text);
    }
}
