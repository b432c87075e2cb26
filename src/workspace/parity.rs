//! Language versions kept in step: two versions of one text compared node
//! by node through their addresses (eIds). On each version it reports what
//! differs from the other: a node only it has (`parity.node`) or numbered
//! otherwise at the same place (`parity.numbering`), a paragraph citing
//! other resolutions, symbols, SDG targets or figures
//! (`parity.facts`), internal references to other addresses
//! (`parity.references`), a recorded vote with other figures or other
//! States (`parity.vote`, States matched across languages through the
//! UNTERM table).
//!
//! Figures are compared as numbers, whatever their format (`1,25`, `1.25`,
//! `1 000`, `1,000`); only figures written in digits in both versions count,
//! so a number written in words in one language is not a difference. A
//! figure below ten is left out (languages write small numbers in words or
//! digits as they please).

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostics::Code;
use crate::ide::Analysis;
use crate::model::external::canonical_sdg_number;
use crate::model::{ExternalKind, RefKind, Status};
use crate::syntax::{names::own_text, NodeId, NodeKind};
use crate::text::TextRange;

use super::identity::{canonical_resolution, canonical_symbol};

/// One difference, on the version `compare` was asked about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub code: Code,
    pub range: TextRange,
    pub message: String,
    /// The same node in the other version (or the nearest node it has).
    pub other_range: TextRange,
    /// The node's address.
    pub eid: String,
}

fn compared(kind: NodeKind) -> bool {
    matches!(
        kind,
        NodeKind::Annex
            | NodeKind::Part
            | NodeKind::Section
            | NodeKind::Subsection
            | NodeKind::Paragraph
            | NodeKind::Subparagraph
            | NodeKind::Article
            | NodeKind::ListItem
    )
}

fn by_eid(a: &Analysis) -> BTreeMap<&str, NodeId> {
    let mut map = BTreeMap::new();
    for (id, n) in a.document.nodes.iter().enumerate() {
        if compared(n.kind) && !a.document.eid(id).is_empty() {
            map.entry(a.document.eid(id)).or_insert(id);
        }
    }
    map
}

/// What a paragraph states that every version must state alike.
#[derive(Default, Debug, PartialEq, Eq)]
struct Facts {
    cited: BTreeSet<String>,
    /// By significant digits (`100` billion and `100.000` millions are one
    /// amount), with the figure as read.
    figures: BTreeMap<String, (String, TextRange)>,
    internal: BTreeSet<String>,
}

fn facts(a: &Analysis, node: NodeId) -> Facts {
    let doc = &a.document;
    let own = own_text(doc, node);
    let mut f = Facts::default();
    let mut claimed: Vec<TextRange> = Vec::new();
    if let Some(num) = doc.nodes[node].number() {
        claimed.push(num.span);
    }
    // (The figures of a recorded vote are compared as votes: `parity.vote`.)
    claimed
        .extend(doc.votes.iter().flat_map(|v| v.figures.iter().map(|(_, f)| f.span)).filter(|r| own.start <= r.start && r.end <= own.end));
    let from = a.references.partition_point(|r| r.range().start < own.start);
    let text = a.text.as_bytes();
    for r in a.references[from..].iter().take_while(|r| r.range().start < own.end) {
        // A number at the start of a line is the line's own (a list of targets), not a citation.
        let written = &a.text.slice(r.range().start..r.range().end);
        let line_number =
            written.rsplit('\n').next().is_some_and(|last| written.contains('\n') && last.starts_with(|c: char| c.is_ascii_digit()));
        if r.range().start == 0 || text[r.range().start - 1] == b'\n' || line_number {
            claimed.push(r.range());
            continue;
        }
        match (r.kind, &r.external) {
            (RefKind::External(k), Some(e)) => {
                let fact = match k {
                    ExternalKind::GeneralAssemblyResolution | ExternalKind::SecurityCouncilResolution | ExternalKind::OtherResolution => {
                        format!("resolution {}", canonical_resolution(&e.id))
                    }
                    ExternalKind::DocumentSymbol => format!("document {}", canonical_symbol(&e.id)),
                    ExternalKind::SdgGoal => format!("Goal {}", canonical_sdg_number(&e.id)),
                    ExternalKind::SdgTarget => format!("target {}", canonical_sdg_number(&e.id)),
                    ExternalKind::SdgIndicator => format!("indicator {}", canonical_sdg_number(&e.id)),
                    // The words of an instrument's name differ by language; its figures are compared below.
                    _ => continue,
                };
                claimed.push(r.range());
                f.cited.insert(fact);
            }
            _ if r.status == Status::Resolved && r.is_internal() => {
                if let Some(n) = r.node() {
                    f.internal.insert(doc.eid(n).to_string());
                }
            }
            _ => {}
        }
    }
    for (range, value) in figures(&a.text, own) {
        if claimed.iter().any(|c| c.start <= range.start && range.end <= c.end) {
            continue;
        }
        f.figures.entry(mantissa(&value)).or_insert((value, range));
    }
    f
}

/// The figures written in digits in `range` of `text`, as numbers: a group
/// separator (`,` `.` space, no-break space) followed by exactly three
/// digits joins the groups; another `,` or `.` before digits is the decimal
/// point.
fn figures(text: &str, range: TextRange) -> Vec<(TextRange, String)> {
    let s = &text[range.start..range.end];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let digit = |c: char| c.is_ascii_digit() || ('\u{660}'..='\u{669}').contains(&c);
    // A letter a figure can be glued to (Chinese writes `到2030年`, `1000亿`: not glued).
    let letter = |c: char| c.is_alphabetic() && !('\u{3000}'..='\u{9FFF}').contains(&c);
    let value_of = |c: char| if c.is_ascii_digit() { c } else { char::from(b'0' + (c as u32 - 0x660) as u8) };
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let prev_alnum = i > 0 && (letter(chars[i - 1].1) || chars[i - 1].1.is_numeric() || matches!(chars[i - 1].1, '.' | '/'));
        if !digit(c) || prev_alnum {
            i += 1;
            continue;
        }
        let mut int = String::new();
        let mut frac = String::new();
        let mut j = i;
        while j < chars.len() && digit(chars[j].1) {
            int.push(value_of(chars[j].1));
            j += 1;
        }
        let mut grouped = false;
        while let Some(&(_, sep)) = chars.get(j) {
            if !matches!(sep, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}' | '\u{66c}') {
                break;
            }
            let run: String = chars[j + 1..].iter().map(|&(_, c)| c).take_while(|&c| digit(c)).collect();
            if run.chars().count() == 3 && (grouped || int.len() <= 3) {
                grouped = true;
                int.extend(run.chars().map(value_of));
                j += 1 + 3;
                continue;
            }
            if matches!(sep, ',' | '.' | '\u{66b}') && !run.is_empty() && frac.is_empty() {
                frac = run.chars().map(value_of).collect();
                j += 1 + run.chars().count();
            }
            break;
        }
        let end = chars.get(j).map_or(s.len(), |&(o, _)| o);
        // `16.4`-like numbers read as SDG references are claimed above; a
        // number glued to letters (`A/70/1`, `H2O`) is not a figure.
        let hyphen_word = matches!(chars.get(j).map(|&(_, c)| c), Some('-' | '\u{2010}' | '\u{2011}'))
            && chars.get(j + 1).is_some_and(|&(_, c)| c.is_alphabetic());
        // (Chinese writes a unit after a figure: `2030年`, `1000亿`.)
        let glued = chars.get(j).is_some_and(|&(_, c)| letter(c) || c == '/') || hyphen_word;
        i = j.max(i + 1);
        if glued {
            continue;
        }
        let int_value: u64 = int.parse().unwrap_or(0);
        let frac = frac.trim_end_matches('0');
        let scaled = crate::lang::scale::starts_with_scale(&s[end..]);
        let value = if frac.is_empty() { int_value.to_string() } else { format!("{int_value}.{frac}") };
        // A scaled amount (`100万`, "100 billion") is compared, not reported alone: marked `~`.
        let value = if scaled { format!("~{value}") } else { value };
        out.push((TextRange::new(range.start + start, range.start + end), value));
    }
    out
}

/// A figure below ten is compared (`1` million matches `100`万) but not
/// reported: languages write small numbers in words or digits as they please.
fn reportable(value: &str) -> bool {
    !value.starts_with('~') && (value.contains('.') || value.parse::<u64>().is_ok_and(|v| v >= 10))
}

/// The significant digits of a figure: `100000` → `1`, `1.25` → `125`.
fn mantissa(value: &str) -> String {
    let digits: String = value.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_start_matches('0').trim_end_matches('0');
    if digits.is_empty() {
        "0".to_string()
    } else {
        digits.to_string()
    }
}

fn list(set: &BTreeSet<String>) -> String {
    set.iter().map(String::as_str).collect::<Vec<_>>().join(", ")
}

/// What differs in `this` from `other` (the version in `other_name`).
pub fn compare(this: &Analysis, other: &Analysis, other_name: &str) -> Vec<Finding> {
    let mine = by_eid(this);
    let theirs = by_eid(other);
    let mut out = Vec::new();
    let nearest = |eid: &str| -> TextRange {
        // The nearest node the other version has: the parent's address, shortened.
        let mut e = eid;
        while let Some(cut) = e.rfind("__") {
            e = &e[..cut];
            if let Some(&n) = theirs.get(e) {
                return other.target_range(n);
            }
        }
        TextRange::new(0, 0)
    };
    let renumbered = renumbered(this, other, &mine, &theirs);
    for (&eid, &node) in &mine {
        let range = this.target_range(node);
        // (Inside a node numbered otherwise there, addresses do not line up.)
        if this.document.ancestors(node).any(|a| renumbered.contains_key(&a)) {
            continue;
        }
        if let Some(&twin) = renumbered.get(&node) {
            out.push(Finding {
                code: Code::ParityNumbering,
                range: this.document.nodes[node].number().map_or(range, |n| n.span),
                message: format!(
                    "{} here is {} in the {other_name} version, at the same place",
                    this.address_in_words(node),
                    other.address_in_words(twin)
                ),
                other_range: other.target_range(twin),
                eid: eid.to_string(),
            });
            continue;
        }
        let Some(&twin) = theirs.get(eid) else {
            // Report only the outermost node missing (not each of its children).
            let parent_missing = this.document.nodes[node].parent().is_some_and(|p| {
                let pe = this.document.eid(p);
                compared(this.document.nodes[p].kind) && mine.contains_key(pe) && !theirs.contains_key(pe)
            });
            if !parent_missing {
                out.push(Finding {
                    code: Code::ParityNode,
                    range,
                    message: format!("{} (`{eid}`) is not in the {other_name} version", this.address_in_words(node)),
                    other_range: nearest(eid),
                    eid: eid.to_string(),
                });
            }
            continue;
        };
        let other_range = other.target_range(twin);
        let (a, b) = (facts(this, node), facts(other, twin));
        let only = |x: &BTreeSet<String>, y: &BTreeSet<String>| x.difference(y).cloned().collect::<BTreeSet<String>>();
        let cited = only(&a.cited, &b.cited);
        if !cited.is_empty() {
            out.push(Finding {
                code: Code::ParityFacts,
                range,
                message: format!("cites {} here; the {other_name} version does not", list(&cited)),
                other_range,
                eid: eid.to_string(),
            });
        }
        // A figure counts only if the other version writes figures there too.
        type Figures = BTreeMap<String, (String, TextRange)>;
        let shown = |x: &Figures, y: &Figures| -> BTreeSet<String> {
            x.iter().filter(|(k, (v, _))| !y.contains_key(*k) && reportable(v)).map(|(_, (v, _))| v.clone()).collect()
        };
        let figures = shown(&a.figures, &b.figures);
        if !figures.is_empty() && !b.figures.is_empty() {
            let theirs_only = shown(&b.figures, &a.figures);
            let their_part = if theirs_only.is_empty() { String::new() } else { format!(" (it has {})", list(&theirs_only)) };
            // At the first figure the other version lacks.
            let at = a.figures.iter().find(|(k, (v, _))| !b.figures.contains_key(*k) && reportable(v)).map_or(range, |(_, (_, r))| *r);
            out.push(Finding {
                code: Code::ParityFacts,
                range: at,
                message: format!("figure {} here is not in the {other_name} version{their_part}", list(&figures)),
                other_range,
                eid: eid.to_string(),
            });
        }
        if a.internal != b.internal && !a.internal.is_empty() && !b.internal.is_empty() {
            out.push(Finding {
                code: Code::ParityReferences,
                range,
                message: format!(
                    "refers to {} here; the {other_name} version to {}",
                    list(&only(&a.internal, &b.internal)),
                    list(&only(&b.internal, &a.internal))
                ),
                other_range,
                eid: eid.to_string(),
            });
        }
    }
    out.extend(votes(this, other, other_name));
    out
}

/// The nodes numbered differently in `other` at the same place: under a
/// parent both versions have, the children of each kind are aligned by
/// position when both versions have as many; a child whose counterpart
/// there has another address is the same node with another number (not a
/// node missing here and another extra there, nor the node that has its
/// number there, one place on).
fn renumbered(
    this: &Analysis,
    other: &Analysis,
    mine: &BTreeMap<&str, NodeId>,
    theirs: &BTreeMap<&str, NodeId>,
) -> BTreeMap<NodeId, NodeId> {
    let (d, o) = (&this.document, &other.document);
    let mut out = BTreeMap::new();
    // The pairs of sibling lists: the top level, then each parent both have.
    let mut pairs: Vec<(&[NodeId], &[NodeId])> = vec![(&d.roots, &o.roots)];
    for (&eid, &n) in mine {
        if let Some(&t) = theirs.get(eid) {
            pairs.push((d.children(n), o.children(t)));
        }
    }
    let numbered = |doc: &crate::syntax::Document, list: &[NodeId], kind: NodeKind| -> Vec<NodeId> {
        list.iter().copied().filter(|&c| doc.nodes[c].kind == kind && doc.nodes[c].number().is_some() && !doc.eid(c).is_empty()).collect()
    };
    for (a, b) in pairs {
        for kind in [
            NodeKind::Annex,
            NodeKind::Part,
            NodeKind::Section,
            NodeKind::Subsection,
            NodeKind::Paragraph,
            NodeKind::Subparagraph,
            NodeKind::Article,
        ] {
            let (x, y) = (numbered(d, a, kind), numbered(o, b, kind));
            if x.len() != y.len() {
                continue;
            }
            for (&m, &t) in x.iter().zip(&y) {
                let (me, te) = (d.eid(m), o.eid(t));
                if me != te {
                    out.insert(m, t);
                }
            }
        }
    }
    out
}

/// `parity.vote`: a recorded vote whose figures differ from the same vote
/// (the vote of the paragraph at the same address) in the other version,
/// or whose list of a side names a State that the other's does not. States
/// are matched across languages by their UNTERM names (`lang::states`);
/// a list of the other version with a name not read as a State leaves that
/// side unreported (the State may be there under a name the table lacks).
fn votes(this: &Analysis, other: &Analysis, other_name: &str) -> Vec<Finding> {
    let (d, o) = (&this.document, &other.document);
    let mut out = Vec::new();
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for v in &d.votes {
        let eid = d.eid(v.paragraph);
        if eid.is_empty() {
            continue;
        }
        // The n-th vote of that paragraph here is the n-th there.
        let nth = seen.entry(eid).or_default();
        let Some(w) = o.votes.iter().filter(|w| o.eid(w.paragraph) == eid).nth(*nth) else {
            *nth += 1;
            continue;
        };
        *nth += 1;
        for &(side, fig) in &v.figures {
            let Some(&(_, theirs)) = w.figures.iter().find(|(s, _)| *s == side) else { continue };
            if theirs.value != fig.value {
                out.push(Finding {
                    code: Code::ParityVote,
                    range: fig.span,
                    message: format!("{} {} here; {} in the {other_name} version", fig.value, side.name(), theirs.value),
                    other_range: theirs.span,
                    eid: eid.to_string(),
                });
            }
        }
        for list in &v.lists {
            let Some(twin) = w.lists.iter().find(|l| l.side == list.side) else { continue };
            if twin.items.iter().any(|i| i.state.is_none()) {
                continue;
            }
            let there: BTreeSet<&str> = twin.items.iter().filter_map(|i| i.state.as_ref()).map(|s| s.code()).collect();
            let only: Vec<&crate::syntax::NameItem> =
                list.items.iter().filter(|i| i.state.as_ref().is_some_and(|s| !there.contains(s.code()))).collect();
            let Some(first) = only.first() else { continue };
            let names: Vec<String> = only
                .iter()
                .map(|i| {
                    format!(
                        "{} ({})",
                        this.text.slice(i.name.start..i.name.end).split_whitespace().collect::<Vec<_>>().join(" "),
                        i.state.as_ref().map_or("", |s| s.code())
                    )
                })
                .collect();
            out.push(Finding {
                code: Code::ParityVote,
                range: first.range,
                message: format!("{} voting {} here, not in the {other_name} version's list", names.join(", "), list.side.name()),
                other_range: twin.heading,
                eid: eid.to_string(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::DiagnosticsConfig;

    #[test]
    fn figures_are_numbers_whatever_their_format() {
        let vals = |t: &str| figures(t, TextRange::new(0, t.len())).into_iter().map(|(_, v)| v).collect::<Vec<_>>();
        assert_eq!(vals("less than $1.25 a day by 2030"), ["1.25", "2030"]);
        assert_eq!(vals("moins de 1,25 dollar d’ici à 2030"), ["1.25", "2030"]);
        assert_eq!(vals("1 000 000 and 1,000,000 and 1.000"), ["1000000", "1000000", "1000"]);
        assert_eq!(vals("3 targets, A/70/1, 20 per cent, 20,5 %, a 10-year plan"), ["3", "20", "20.5"]);
        assert_eq!(vals("到2030年,每100万人口"), ["2030", "~100"]);
        assert_eq!(mantissa("100000"), mantissa("1"));
    }

    #[test]
    fn identical_structures_report_nothing_and_differences_are_found() {
        let config = DiagnosticsConfig::all_enabled();
        let en =
            Analysis::new("I. One\n\n1. Recalls resolution 72/57 and 40 per cent;\n\n2. Notes paragraph 1;\n\n3. Ends.\n", None, &config);
        let fr = Analysis::new(
            "I. Un\n\n1. Rappelle la résolution 72/57 et 40 pour cent;\n\n2. Prend note du paragraphe 1;\n\n3. Fin.\n",
            None,
            &config,
        );
        assert_eq!(compare(&en, &fr, "French"), []);
        assert_eq!(compare(&fr, &en, "English"), []);
        let fr2 =
            Analysis::new("I. Un\n\n1. Rappelle la résolution 72/58 et 45 pour cent;\n\n2. Prend note du paragraphe 1;\n", None, &config);
        let found = compare(&en, &fr2, "French");
        let codes: Vec<(&str, &str)> = found.iter().map(|f| (f.code.as_str(), f.eid.as_str())).collect();
        assert_eq!(codes, [("parity.facts", "para_1"), ("parity.facts", "para_1"), ("parity.node", "para_3")], "{found:#?}");
        assert!(found[0].message.contains("resolution 72/57"), "{}", found[0].message);
        assert!(found[1].message.contains("figure 40") && found[1].message.contains("45"), "{}", found[1].message);
    }
}
