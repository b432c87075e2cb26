//! Renumbering that keeps every reference on its target.
//!
//! Given a scope (the whole document, an annex, a section, the items of one
//! paragraph), every numbered sequence the numbering check reads in it
//! ([`crate::diagnostics::numbered_sequences`]: paragraphs per numbering
//! scope, subparagraphs per level, sections, subsections, subheadings, list
//! items, articles, annexes) is numbered 1, 2, 3 … in its own numeral system,
//! and every number in an internal reference to a renumbered node is
//! rewritten so that the reference cites the same node as before. Only the
//! characters of numbers change. References that belong to another text
//! ([`Status::External`], [`Status::Unverified`]) are never touched.
//!
//! Two paragraphs with one number (a paragraph inserted and given the number
//! of the one it was put before) make references to that number ambiguous:
//! they are taken to cite the later one, the earlier being the insertion,
//! and a note says so.

use std::collections::HashMap;

use super::edit::TextEdit;
use super::Analysis;
use crate::model::{NumberRole, NumberSpan, Reference, Status};
use crate::syntax::{Document, NodeId, NodeKind, NumberStyle};
use crate::text::TextRange;

/// What to renumber.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum RenumberScope {
    /// Every numbered sequence of the document.
    Document,
    /// The sequences with a member inside the node with this eId (an annex,
    /// a part, a section, a subsection, an article; a paragraph's own
    /// subparagraphs or list items). A sequence that runs on outside the
    /// node (paragraphs numbered continuously through an annex) is
    /// renumbered whole.
    Node(String),
}

/// Something the drafter should look at: a range that widened, a reference
/// whose target is gone, a number that could not be rewritten.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenumberNote {
    pub range: TextRange,
    pub message: String,
}

/// The edits of a renumbering (non-overlapping, in text order) and its notes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Renumbering {
    pub edits: Vec<TextEdit>,
    pub notes: Vec<RenumberNote>,
}

impl Renumbering {
    /// Whether it changes nothing.
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }
}

/// Numbers every sequence in `scope` consecutively from 1 and rewrites the
/// internal references to the nodes whose number changed.
pub fn renumber(analysis: &Analysis, scope: RenumberScope) -> Renumbering {
    let doc = &analysis.document;
    let within = match &scope {
        RenumberScope::Document => None,
        RenumberScope::Node(eid) => match doc.find_eid(eid) {
            Some(n) => Some(n),
            None => {
                return Renumbering {
                    edits: Vec::new(),
                    notes: vec![RenumberNote {
                        range: TextRange::empty(0),
                        message: format!("no part of the document has the address `{eid}`"),
                    }],
                }
            }
        },
    };
    let mut values: HashMap<NodeId, u32> = HashMap::new();
    for seq in crate::diagnostics::numbered_sequences(doc) {
        if let Some(w) = within {
            if !seq.iter().any(|&n| is_inside(doc, n, w)) {
                continue;
            }
        }
        for (i, &n) in seq.iter().enumerate() {
            values.insert(n, i as u32 + 1);
        }
    }
    apply_numbers(analysis, &values)
}

/// The scopes that can be renumbered at `offset`, innermost first, each with
/// its name as a drafter says it ("section II of the annex"); the whole
/// document last.
pub fn scopes_at(analysis: &Analysis, offset: usize) -> Vec<(RenumberScope, String)> {
    let doc = &analysis.document;
    let mut out = Vec::new();
    if let Some(start) = doc.node_at(offset) {
        let sequences = crate::diagnostics::numbered_sequences(doc);
        for a in std::iter::once(start).chain(doc.ancestors(start)) {
            let kind = doc.nodes[a].kind;
            let candidate = matches!(
                kind,
                NodeKind::Annex
                    | NodeKind::Part
                    | NodeKind::Section
                    | NodeKind::Subsection
                    | NodeKind::Article
                    | NodeKind::Paragraph
                    | NodeKind::Subparagraph
                    | NodeKind::ListItem
            );
            if !candidate || !sequences.iter().any(|seq| seq.iter().any(|&n| is_inside(doc, n, a))) {
                continue;
            }
            out.push((RenumberScope::Node(doc.eid(a).to_string()), scope_title(doc, a)));
        }
    }
    out.push((RenumberScope::Document, "the whole document".to_string()));
    out
}

/// The number under `offset` that can be renamed — a node's own number or a
/// number in an internal reference to it — and its current text; or why
/// not.
pub fn prepare_rename(analysis: &Analysis, offset: usize) -> Result<(TextRange, String), String> {
    rename_target(analysis, offset).map(|(range, written, _)| (range, written))
}

/// Gives the node whose number is under `offset` (or that the reference
/// under `offset` cites) the number `new_number`: the nodes before it in
/// its sequence keep their numbers, those after it follow on from the new
/// one, and every internal reference to a renumbered node is rewritten.
pub fn rename(analysis: &Analysis, offset: usize, new_number: &str) -> Result<Renumbering, String> {
    let (_, _, target) = rename_target(analysis, offset)?;
    let doc = &analysis.document;
    let seq = crate::diagnostics::numbered_sequences(doc)
        .into_iter()
        .find(|s| s.contains(&target))
        .ok_or_else(|| format!("{} is not part of a numbered sequence", crate::diagnostics::node_label(doc, target)))?;
    let number = doc.nodes[target].number().ok_or("the target has no number")?;
    let value = parse_in_style(doc, target, number.style, new_number.trim())
        .ok_or_else(|| format!("`{}` is not a number written as {} are", new_number.trim(), plural_label(doc, target)))?;
    let at = seq.iter().position(|&n| n == target).unwrap_or(0);
    if let Some(&before) = at.checked_sub(1).and_then(|i| seq.get(i)) {
        let prev = doc.nodes[before].number().map_or(0, |n| n.value);
        if value <= prev {
            return Err(format!(
                "{} comes after {}: its number must be higher",
                crate::diagnostics::node_label(doc, target),
                crate::diagnostics::node_label(doc, before)
            ));
        }
    }
    let mut values = HashMap::new();
    for (k, &n) in seq[at..].iter().enumerate() {
        values.insert(n, value + k as u32);
    }
    Ok(apply_numbers(analysis, &values))
}

fn rename_target(analysis: &Analysis, offset: usize) -> Result<(TextRange, String, NodeId), String> {
    let doc = &analysis.document;
    if let Some(r) = analysis.reference_at(offset) {
        let quoted = analysis.text.slice(r.range().start..r.range().end).split_whitespace().collect::<Vec<_>>().join(" ");
        return match r.status {
            Status::External | Status::Unverified => Err(format!("`{quoted}` cites another text: it is not renamed here")),
            Status::Broken => Err(format!("`{quoted}` points nowhere in this document")),
            Status::Ambiguous | Status::Resolved => {
                let (target, _) = cited_node(doc, r).ok_or_else(|| format!("`{quoted}` fits more than one place"))?;
                let ns = r.numbers().find(|n| n.span.touches(offset)).ok_or("put the cursor on a number of the reference")?;
                let node = designated_nodes(doc, target, r)
                    .into_iter()
                    .find(|(n, _)| n.span == ns.span)
                    .map(|(_, d)| d)
                    .ok_or("this number of the reference cites no numbered node")?;
                Ok((ns.span, analysis.text.slice(ns.span.start..ns.span.end).to_string(), node))
            }
        };
    }
    if let Some(id) = analysis.numbered_node_at(offset) {
        let num = doc.nodes[id].number().ok_or("no number here")?;
        if !crate::diagnostics::numbered_sequences(doc).iter().any(|s| s.contains(&id)) {
            return Err(format!("{} is not part of a sequence that is renumbered", crate::diagnostics::node_label(doc, id)));
        }
        return Ok((num.span, analysis.text.slice(num.span.start..num.span.end).to_string(), id));
    }
    Err("rename works on the number of a paragraph, section, subparagraph or item, or on a number in a reference to one".to_string())
}

/// Whether `n` lies strictly inside `scope`.
fn is_inside(doc: &Document, n: NodeId, scope: NodeId) -> bool {
    doc.ancestors(n).any(|a| a == scope)
}

/// The number of `id` written with `value` (a decimal number keeps its prefix).
fn written_form(doc: &Document, id: NodeId, value: u32) -> Option<String> {
    let num = doc.nodes[id].number()?;
    Some(match crate::syntax::scope::decimal_prefix(doc, id) {
        "" => num.style.format(value),
        prefix => format!("{prefix}.{value}"),
    })
}

/// Gives the nodes of `values` their new numbers and rewrites the references.
fn apply_numbers(analysis: &Analysis, values: &HashMap<NodeId, u32>) -> Renumbering {
    let doc = &analysis.document;
    let mut out = Renumbering::default();
    let mut changed: HashMap<NodeId, (u32, u32)> = HashMap::new();
    let mut ids: Vec<(&NodeId, &u32)> = values.iter().collect();
    ids.sort_unstable();
    for (&id, &new) in ids {
        let node = &doc.nodes[id];
        let Some(num) = node.number() else { continue };
        // `5 bis` becomes a number of its own (the "finalize" of a negotiation).
        let suffix = crate::syntax::negotiation::suffix_of(doc, id);
        if num.value == new && suffix.is_none() {
            continue;
        }
        let written = &*analysis.text.slice(num.span.start..num.span.end);
        let (Some(old_form), Some(new_form)) = (written_form(doc, id, num.value), written_form(doc, id, new)) else { continue };
        if written != old_form && node.slip.is_none() {
            out.notes.push(RenumberNote {
                range: num.span,
                message: format!(
                    "{} is written `{written}`, which is not renumbered: give it number {new_form} by hand",
                    crate::diagnostics::node_label(doc, id)
                ),
            });
            continue;
        }
        changed.insert(id, (num.value, new));
        let span = suffix.map_or(num.span, |(_, word)| num.span.cover(word));
        out.edits.push(TextEdit::replace(span, new_form));
    }
    if changed.is_empty() {
        return out;
    }
    // (old, new) of the innermost renumbered number of the reference before,
    // for ranges ("paragraphs 3 to 5").
    let mut previous: Option<(usize, Option<(u32, u32)>)> = None;
    for (i, r) in analysis.references.iter().enumerate() {
        if !r.is_internal() || !matches!(r.status, Status::Resolved | Status::Ambiguous | Status::Broken) {
            continue;
        }
        if r.status == Status::Broken {
            let quoted = analysis.text.slice(r.range().start..r.range().end).split_whitespace().collect::<Vec<_>>().join(" ");
            out.notes.push(RenumberNote {
                range: r.range(),
                message: format!("`{quoted}` cites nothing in the document (deleted?): left as it is"),
            });
            previous = None;
            continue;
        }
        let Some((target, duplicate)) = cited_node(doc, r) else {
            previous = None;
            continue;
        };
        let mut innermost = None;
        let mut rewritten = false;
        for (ns, node) in designated_nodes(doc, target, r) {
            let Some(&(old, new)) = changed.get(&node) else {
                if let Some(n) = doc.nodes[node].number() {
                    innermost = Some((n.value, n.value));
                }
                continue;
            };
            innermost = Some((old, new));
            if ns.value != old {
                continue;
            }
            let written = &*analysis.text.slice(ns.span.start..ns.span.end);
            // `paragraph 5 bis` of a paragraph `5 bis`: the word goes too.
            let span = match crate::syntax::negotiation::suffix_of(doc, node) {
                Some(_) => {
                    let (base, line) = analysis.lines_around(ns.span);
                    crate::syntax::negotiation::suffix_at(&line, ns.span.end - base)
                        .map_or(ns.span, |(_, w)| ns.span.cover(w.shifted(base)))
                }
                None => ns.span,
            };
            match restyle(written, old, new, doc.nodes[node].number().map(|n| n.style)) {
                Some(new_text) => {
                    out.edits.push(TextEdit::replace(span, new_text));
                    rewritten = true;
                }
                None => out.notes.push(RenumberNote {
                    range: ns.span,
                    message: format!(
                        "`{written}` cites {} but is written in a way that is not renumbered: make it {new} by hand",
                        crate::diagnostics::node_label(doc, node)
                    ),
                }),
            }
        }
        if duplicate && rewritten {
            out.notes.push(RenumberNote {
                range: r.range(),
                message: format!(
                    "{} was numbered twice: this reference is taken to cite the later one (the earlier taken as inserted)",
                    crate::diagnostics::node_label(doc, target)
                ),
            });
        }
        if r.through() {
            if let Some((p, Some((old_start, new_start)))) = previous.filter(|(p, _)| p + 1 == i) {
                if let Some((old_end, new_end)) = innermost {
                    let _ = p;
                    if old_end.checked_sub(old_start) != new_end.checked_sub(new_start) {
                        let range = analysis.references[i - 1].range().cover(r.range());
                        out.notes.push(RenumberNote {
                            range,
                            message: format!(
                                "the range {old_start} to {old_end} now runs from {new_start} to {new_end}: something was inserted into it, moved or deleted; check that it still says what was meant"
                            ),
                        });
                    }
                }
            }
        }
        previous = Some((i, innermost));
    }
    out.edits.sort_by_key(|e| (e.range.start, e.range.end));
    out.edits.dedup_by_key(|e| e.range);
    out
}

/// The node a reference cites, and whether it was chosen among duplicates:
/// a resolved reference's target, or, for a reference ambiguous only
/// because one number was given twice in a sequence, the later of those.
fn cited_node(doc: &Document, r: &Reference) -> Option<(NodeId, bool)> {
    match r.status {
        Status::Resolved => r.node().map(|n| (n, false)),
        Status::Ambiguous => {
            let first = *r.candidates().first()?;
            let signature = |n: NodeId| -> Vec<(NodeKind, Option<u32>)> {
                std::iter::once(n).chain(doc.ancestors(n)).map(|a| (doc.nodes[a].kind, doc.nodes[a].number().map(|x| x.value))).collect()
            };
            let scope = |n: NodeId| crate::syntax::scope::numbering_scope(doc, n);
            let same = r.candidates().iter().all(|&c| signature(c) == signature(first) && scope(c) == scope(first));
            same.then(|| (*r.candidates().iter().max().unwrap_or(&first), true))
        }
        _ => None,
    }
}

/// Each number of a reference with the node it designates: the target or
/// the ancestor of the target of that role (the section of `第二节第 18 段`).
fn designated_nodes(doc: &Document, target: NodeId, r: &Reference) -> Vec<(NumberSpan, NodeId)> {
    let mut chain: Vec<NodeId> = doc.ancestors(target).collect();
    chain.reverse();
    chain.push(target);
    let subparagraphs: Vec<NodeId> = chain.iter().copied().filter(|&n| doc.nodes[n].kind == NodeKind::Subparagraph).collect();
    let mut sub_index = 0;
    let mut out = Vec::new();
    for ns in r.numbers() {
        let found = match ns.role {
            NumberRole::Subparagraph => {
                sub_index += 1;
                subparagraphs.get(sub_index - 1).copied()
            }
            role => {
                let kind = match role {
                    NumberRole::Annex => NodeKind::Annex,
                    NumberRole::Section => NodeKind::Section,
                    NumberRole::Subsection => NodeKind::Subsection,
                    // (`preambular paragraph 3` cites `PP3`)
                    NumberRole::Paragraph if doc.nodes[target].kind == NodeKind::PreambularParagraph => NodeKind::PreambularParagraph,
                    NumberRole::Paragraph => NodeKind::Paragraph,
                    NumberRole::Article => NodeKind::Article,
                    NumberRole::Subparagraph => NodeKind::Subparagraph,
                };
                chain.iter().rev().copied().find(|&n| doc.nodes[n].kind == kind)
            }
        };
        if let Some(n) = found.filter(|&n| doc.nodes[n].number().is_some()) {
            out.push((ns, n));
        }
    }
    out
}

/// The text of number `new` written as `written` writes `old`: the same
/// digits (ASCII, full-width, Arabic-Indic), Roman numerals, letters,
/// Chinese numerals, Arabic letter names or ordinals. `None` where `written`
/// is not `old` in any of them.
fn restyle(written: &str, old: u32, new: u32, hint: Option<NumberStyle>) -> Option<String> {
    for zero in ['0', '０', '٠', '۰'] {
        let digit = |c: char| (c as u32).checked_sub(zero as u32).filter(|d| *d < 10);
        if !written.is_empty() && written.chars().all(|c| digit(c).is_some()) {
            let value = written.chars().try_fold(0u32, |acc, c| acc.checked_mul(10)?.checked_add(digit(c)?))?;
            if value != old {
                return None;
            }
            return Some(new.to_string().chars().map(|c| char::from_u32(zero as u32 + (c as u32 - '0' as u32)).unwrap_or(c)).collect());
        }
    }
    let styles = [
        NumberStyle::Roman,
        NumberStyle::LowerRoman,
        NumberStyle::Letter,
        NumberStyle::CapitalLetter,
        NumberStyle::Chinese,
        NumberStyle::ArabicLetter,
        NumberStyle::ArabicLetterName,
        NumberStyle::ArabicOrdinal,
        NumberStyle::ArabicAdverbial,
    ];
    hint.into_iter()
        .filter(|s| !matches!(s, NumberStyle::Arabic | NumberStyle::Decimal | NumberStyle::QuotedDigit))
        .chain(styles)
        .find(|s| s.format(old) == written)
        .map(|s| s.format(new))
}

/// The value `written` stands for in the numbering of `id` (`12`, `XII`,
/// `十二`, `l`); digits are accepted for every style, and a decimal number
/// with or without its prefix.
fn parse_in_style(doc: &Document, id: NodeId, style: NumberStyle, written: &str) -> Option<u32> {
    if written.is_empty() {
        return None;
    }
    let prefix = crate::syntax::scope::decimal_prefix(doc, id);
    let written = written.strip_prefix(prefix).and_then(|w| w.strip_prefix('.')).filter(|_| !prefix.is_empty()).unwrap_or(written);
    if let Ok(v) = written.parse::<u32>() {
        return (v > 0 && v < 100_000).then_some(v);
    }
    (1..=2000).find(|&v| style.format(v) == written)
}

/// "paragraphs", "sections", for messages.
fn plural_label(doc: &Document, id: NodeId) -> String {
    let label = doc.nodes[id].kind.label();
    if let Some(stem) = label.strip_suffix('x') {
        format!("{stem}xes")
    } else {
        format!("{label}s")
    }
}

/// A scope as a drafter names it: "section II of the annex", "annex I",
/// "the subparagraphs of paragraph 6".
fn scope_title(doc: &Document, id: NodeId) -> String {
    let n = &doc.nodes[id];
    let written = n.number().map(|num| doc.masked[num.span.start..num.span.end].to_string());
    let own = match (n.kind, &written) {
        (NodeKind::Annex, None) => return "the annex".to_string(),
        (NodeKind::Annex, Some(w)) => return format!("annex {w}"),
        (NodeKind::Paragraph | NodeKind::Subparagraph | NodeKind::ListItem, _) => {
            let what =
                if doc.children(id).iter().any(|&c| doc.nodes[c].kind == NodeKind::Subparagraph) { "subparagraphs" } else { "items" };
            return format!("the {what} of {}", crate::diagnostics::node_label(doc, id));
        }
        (kind, Some(w)) => format!("{} {w}", kind.label()),
        (kind, None) => format!("the {}", kind.label()),
    };
    match doc.container_of(id) {
        Some(a) => match doc.nodes[a].number() {
            Some(num) => format!("{own} of annex {}", &doc.masked[num.span.start..num.span.end]),
            None => format!("{own} of the annex"),
        },
        None => own,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::DiagnosticsConfig;
    use crate::ide::edit::apply;
    use crate::lang::Language;

    fn analyse(text: &str, lang: Language) -> Analysis {
        Analysis::new(text, Some(lang), &DiagnosticsConfig::all_enabled())
    }

    fn renumbered(text: &str, lang: Language) -> (String, Renumbering) {
        let a = analyse(text, lang);
        let r = renumber(&a, RenumberScope::Document);
        (apply(text, &r.edits).unwrap(), r)
    }

    #[test]
    fn negotiation_numbering_is_read_and_finalized() {
        let text = "1. Recalls.\n\n2. Decides.\n\n2 bis. Also decides, as in paragraph 2 bis and paragraph 3.\n\n2 ter. Further decides.\n\n3. Requests a report under paragraph 2 bis.\n";
        let a = analyse(text, Language::En);
        assert!(!a.diagnostics.iter().any(|d| d.code.as_str().starts_with("numbering.")), "{:#?}", a.diagnostics);
        let bis = a.document.find_eid("para_2bis").expect("para_2bis");
        assert!(a.document.find_eid("para_2ter").is_some());
        let cites: Vec<_> = a.references.iter().filter(|r| r.node() == Some(bis)).collect();
        assert_eq!(cites.len(), 2, "{:?}", a.references);
        let two = a.document.find_eid("para_2").unwrap();
        assert!(a.references.iter().all(|r| r.status != Status::Ambiguous));
        let _ = two;
        let (out, _) = renumbered(text, Language::En);
        assert_eq!(out, "1. Recalls.\n\n2. Decides.\n\n3. Also decides, as in paragraph 3 and paragraph 5.\n\n4. Further decides.\n\n5. Requests a report under paragraph 3.\n");
        let ru = "1. Напоминает.\n\n1 бис. Постановляет.\n\n2. Просит.\n";
        assert_eq!(renumbered(ru, Language::Ru).0, "1. Напоминает.\n\n2. Постановляет.\n\n3. Просит.\n");
        let ar = "1 - يشير.\n\n1 مكرراً - يقرر.\n\n2 - يطلب.\n";
        assert_eq!(renumbered(ar, Language::Ar).0, "1 - يشير.\n\n2 - يقرر.\n\n3 - يطلب.\n");
        // Chinese `之二` (bis) and the Latin `bis` kept in a Chinese draft.
        let zh = "1. 回顾。\n\n1之二. 决定。\n\n1 ter. 又决定。\n\n2. 请求。\n";
        let a = analyse(zh, Language::Zh);
        assert!(a.document.find_eid("para_1bis").is_some() && a.document.find_eid("para_1ter").is_some());
        assert!(!a.diagnostics.iter().any(|d| d.code.as_str().starts_with("numbering.")), "{:#?}", a.diagnostics);
        assert_eq!(renumbered(zh, Language::Zh).0, "1. 回顾。\n\n2. 决定。\n\n3. 又决定。\n\n4. 请求。\n");
    }

    #[test]
    fn draft_labels_number_preambular_and_operative_paragraphs_apart() {
        let text = "The General Assembly,\n\nPP1 Recalling its resolution 70/1,\n\nPP1 bis Noting the report,\n\nPP2 Welcoming the progress,\n\nOP1. Decides to act;\n\nOP1 bis. Also decides;\n\nOP2. Requests a report.\n";
        let a = analyse(text, Language::En);
        assert!(!a.diagnostics.iter().any(|d| d.code.as_str().starts_with("numbering.")), "{:#?}", a.diagnostics);
        for eid in ["preamble__rec_1", "preamble__rec_1bis", "preamble__rec_2", "para_1", "para_1bis", "para_2"] {
            assert!(
                a.document.find_eid(eid).is_some(),
                "{eid}: {:?}",
                (0..a.document.nodes.len()).map(|n| a.document.eid(n)).collect::<Vec<_>>()
            );
        }
        assert_eq!(a.document.nodes[a.document.find_eid("preamble__rec_2").unwrap()].kind, NodeKind::PreambularParagraph);
        let (out, _) = renumbered(text, Language::En);
        assert_eq!(out, "The General Assembly,\n\nPP1 Recalling its resolution 70/1,\n\nPP2 Noting the report,\n\nPP3 Welcoming the progress,\n\nOP1. Decides to act;\n\nOP2. Also decides;\n\nOP3. Requests a report.\n");
        // A gap in the preambular labels is a gap of their own sequence.
        let gap = analyse("PP1 Recalling,\n\nPP3 Noting,\n\nOP1. Decides.\n", Language::En);
        assert!(gap.diagnostics.iter().any(|d| d.code.as_str() == "numbering.gap"), "{:#?}", gap.diagnostics);
        // Lower case after the label is text (`OP 2 of …`), not a paragraph.
        let text = analyse("1. Decides.\n\nOP 2 of the draft was withdrawn.\n", Language::En);
        assert!(text.document.find_eid("para_2").is_none());
        let fr = "L’Assemblée générale,\n\nPP1 Rappelant sa résolution,\n\nPP1 bis Notant le rapport,\n\nOP1. Décide ;\n";
        assert_eq!(
            renumbered(fr, Language::Fr).0,
            "L’Assemblée générale,\n\nPP1 Rappelant sa résolution,\n\nPP2 Notant le rapport,\n\nOP1. Décide ;\n"
        );
    }

    #[test]
    fn restyles_numbers_in_every_script() {
        assert_eq!(restyle("18", 18, 19, None).as_deref(), Some("19"));
        assert_eq!(restyle("１８", 18, 19, None).as_deref(), Some("１９"));
        assert_eq!(restyle("١٨", 18, 19, None).as_deref(), Some("١٩"));
        assert_eq!(restyle("II", 2, 3, None).as_deref(), Some("III"));
        assert_eq!(restyle("ii", 2, 3, Some(NumberStyle::LowerRoman)).as_deref(), Some("iii"));
        assert_eq!(restyle("二", 2, 3, None).as_deref(), Some("三"));
        assert_eq!(restyle("十八", 18, 19, None).as_deref(), Some("十九"));
        assert_eq!(restyle("b", 2, 3, Some(NumberStyle::Letter)).as_deref(), Some("c"));
        assert_eq!(restyle("17", 18, 19, None), None);
    }

    #[test]
    fn inserted_paragraph_keeps_references_on_their_targets() {
        let text = "1. The Assembly welcomes the report.\n\n2. New paragraph inserted here.\n\n2. Decides to act, as stated in paragraph 3 below.\n\n3. Requests a report on the matter in paragraph 2 above.\n";
        let (out, r) = renumbered(text, Language::En);
        assert_eq!(
            out,
            "1. The Assembly welcomes the report.\n\n2. New paragraph inserted here.\n\n3. Decides to act, as stated in paragraph 4 below.\n\n4. Requests a report on the matter in paragraph 3 above.\n"
        );
        assert!(r.notes.iter().any(|n| n.message.contains("numbered twice")), "{:?}", r.notes);
        // Idempotent.
        let (again, second) = renumbered(&out, Language::En);
        assert_eq!(again, out);
        assert!(second.edits.is_empty());
    }

    #[test]
    fn ranges_that_widen_are_rewritten_and_reported() {
        let text = "1. First.\n\n2. Second.\n\n3. Third.\n\n4. Inserted.\n\n4. Fourth.\n\n5. Recalls paragraphs 2 to 4 above.\n";
        let (out, r) = renumbered(text, Language::En);
        assert!(out.contains("6. Recalls paragraphs 2 to 5 above."), "{out}");
        assert!(r.notes.iter().any(|n| n.message.contains("range 2 to 4 now runs from 2 to 5")), "{:?}", r.notes);
    }

    #[test]
    fn external_references_are_never_rewritten() {
        let text = "1. Recalls paragraph 5 of resolution 70/1.\n\n3. Notes paragraph 3 of the report of the Secretary-General (A/70/100).\n\n4. Recalls paragraph 3 above.\n";
        let (out, _) = renumbered(text, Language::En);
        assert!(out.contains("1. Recalls paragraph 5 of resolution 70/1."), "{out}");
        assert!(out.contains("2. Notes paragraph 3 of the report"), "{out}");
        assert!(out.contains("3. Recalls paragraph 2 above."), "{out}");
    }

    #[test]
    fn chinese_section_and_paragraph_references() {
        let text = "一、总则\n\n1. 第一段。\n\n2. 新插入的段落。\n\n2. 第二段，见上文第2段和第3段。\n\n3. 第三段。\n";
        let (out, _) = renumbered(text, Language::Zh);
        assert!(out.contains("3. 第二段，见上文第3段和第4段。"), "{out}");
        assert!(out.contains("4. 第三段。"), "{out}");
    }

    #[test]
    fn deleted_target_is_left_and_reported() {
        let text = "1. First.\n\n3. Third, see paragraph 2.\n\n4. Fourth.\n";
        let (out, r) = renumbered(text, Language::En);
        assert_eq!(out, "1. First.\n\n2. Third, see paragraph 2.\n\n3. Fourth.\n");
        assert!(r.notes.iter().any(|n| n.message.contains("cites nothing")), "{:?}", r.notes);
    }

    #[test]
    fn rename_renumbers_what_follows() {
        let text = "1. First.\n\n2. Second.\n\n3. Third, see paragraph 2.\n";
        let a = analyse(text, Language::En);
        let at = text.find("2. Second").unwrap();
        assert_eq!(prepare_rename(&a, at).unwrap().1, "2");
        let r = rename(&a, at, "5").unwrap();
        assert_eq!(apply(text, &r.edits).unwrap(), "1. First.\n\n5. Second.\n\n6. Third, see paragraph 5.\n");
        assert!(rename(&a, at, "1").is_err());
        assert!(prepare_rename(&a, text.find("First").unwrap()).is_err());
        // From the reference.
        let at = text.rfind("2.").unwrap();
        assert_eq!(prepare_rename(&a, at).unwrap().1, "2");
    }

    #[test]
    fn scopes_name_sections_and_the_document() {
        let text = "Annex\n\nI. General\n\n1. First.\n\n2. Second.\n\nII. Other\n\n1. Third.\n";
        let a = analyse(text, Language::En);
        let scopes = scopes_at(&a, text.find("Second").unwrap());
        let titles: Vec<&str> = scopes.iter().map(|(_, t)| t.as_str()).collect();
        assert!(titles.contains(&"the whole document"), "{titles:?}");
        assert!(titles.iter().any(|t| t.starts_with("section I")), "{titles:?}");
    }
}
