//! Revisions of one draft in the workspace: a reference in one text to
//! "paragraph 9 of Rev.1" (or `paragraph 9 of A/C.3/80/L.12/Rev.1`,
//! `第1次修订稿第9段`, `第9段（第1次修订稿）`) resolves to that paragraph of
//! the earlier revision when it is present, and the paragraph is followed
//! into the later revision (the citing document's own, or the latest
//! present) through the alignment of `negotiation::diff`: its number and
//! text there. The same map moves the references of a text that cites the
//! old revision to the new numbers ([`follow_revision`]).
//!
//! Revisions are grouped by their symbol's family ([`super::identity`]):
//! `A/C.3/80/L.12/Rev.2` and `A/C.3/80/L.12/Rev.1` are one draft. A bare
//! "Rev.1" names a revision of the citing document's own draft, or, when
//! the citing text has no symbol, of the one draft in the workspace that has
//! such a revision (none when several have: the evidence is mixed).
//! Pure: analyses in, ranges and strings out.

use std::sync::OnceLock;

use regex::Regex;

use super::identity::family_and_revision;
use super::{DocKey, Workspace};
use crate::ide::edit::{Fix, FixKind, TextEdit};
use crate::ide::{escape_markdown, Analysis, Hover};
use crate::lang::tables::negotiation_markup::revision_forms;
use crate::lang::Language;
use crate::model::resolve::resolve_in;
use crate::model::{ExternalKind, NumberRole, RefKind, Reference, Status};
use crate::negotiation::diff::{self, Kind, Revision, RevisionDiff};
use crate::syntax::NodeId;
use crate::text::TextRange;

/// The revision a reference cites, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CitedRevision {
    /// The draft's family when the symbol is written (`A/C.3/80/L.12`);
    /// `None` for a bare "Rev.1".
    pub family: Option<String>,
    pub revision: u32,
    /// Where the revision's number (or the whole symbol) is written: what
    /// [`follow_revision`] rewrites.
    pub designator: TextRange,
}

struct Compiled {
    after: Regex,
    before: Option<Regex>,
}

fn compiled(lang: Language) -> Option<&'static Compiled> {
    static CELLS: [OnceLock<Option<Compiled>>; 6] = [const { OnceLock::new() }; 6];
    let i = match lang {
        Language::Zh => 0,
        Language::En => 1,
        Language::Fr => 2,
        Language::Es => 3,
        Language::Ru => 4,
        Language::Ar => 5,
    };
    CELLS[i]
        .get_or_init(|| {
            let forms = revision_forms(lang);
            let after = Regex::new(&format!("(?i){}", forms.after)).ok()?;
            let before = match forms.before {
                Some(b) => Some(Regex::new(&format!("(?i){b}")).ok()?),
                None => None,
            };
            Some(Compiled { after, before })
        })
        .as_ref()
}

/// A revision's number: digits (Western or Arabic-Indic) or a Chinese numeral.
fn revision_number(s: &str) -> Option<u32> {
    crate::lang::numerals::parse_digits(s).or_else(|| crate::lang::numerals::parse_chinese(s))
}

fn number_group<'h>(caps: &regex::Captures<'h>) -> Option<regex::Match<'h>> {
    caps.name("n").or_else(|| caps.name("m"))
}

/// The revision reference `r` of `a` cites, if it cites one: a symbol with
/// `Rev.N`, or a bare revision written after it (`of Rev.1`) or, where the
/// language writes it so, before it (`第1次修订稿第9段`).
pub fn cited_revision(a: &Analysis, r: &Reference) -> Option<CitedRevision> {
    if !matches!(r.kind, RefKind::Paragraph | RefKind::Subparagraph | RefKind::External(ExternalKind::Provision)) {
        return None;
    }
    r.target.as_ref()?.paragraph?;
    // (the reference's lines only: the text is not made whole for them)
    let (line_start, line) = a.lines_around(r.range());
    let line: &str = &line;
    let line_end = line_start + line.len();
    let text = |from: usize, to: usize| &line[from - line_start..to - line_start];
    if let Some(e) = &r.external {
        if let Some(of) = e.of.as_deref().filter(|o| o.kind == ExternalKind::DocumentSymbol) {
            let symbol = super::identity::canonical_symbol(&of.id);
            let (family, revision) = family_and_revision(&symbol);
            let designator = written_symbol(line_start, line, r, &of.id)?;
            return Some(CitedRevision { family: Some(family), revision: revision?, designator });
        }
    }
    let c = compiled(a.language())?;
    // A revision the parser read as a named text (`第一次修订稿第2段和第3段`).
    if let (Some(of), Some(before)) = (r.external.as_ref().and_then(|e| e.of.as_deref()), &c.before) {
        if let Some(m) = before.captures(&of.id).as_ref().and_then(number_group) {
            let at = nearest(line_start, line, r, &of.id)?;
            let designator = TextRange::new(at + m.start(), at + m.end());
            return Some(CitedRevision { family: None, revision: revision_number(m.as_str())?, designator });
        }
    }
    // A bare revision: read from the words around the reference. Another
    // text named otherwise (a resolution, a report) is never a revision.
    let other_text = r.external.as_ref().and_then(|e| e.of.as_deref()).is_some_and(|o| o.kind != ExternalKind::Instrument);
    if other_text || r.candidate().is_some() {
        return None;
    }
    if let Some(caps) = c.after.captures(text(r.range().end, line_end)) {
        let m = number_group(&caps)?;
        let designator = TextRange::new(r.range().end + m.start(), r.range().end + m.end());
        return Some(CitedRevision { family: None, revision: revision_number(m.as_str())?, designator });
    }
    let caps = c.before.as_ref()?.captures(text(line_start, r.range().start))?;
    let m = number_group(&caps)?;
    let designator = TextRange::new(line_start + m.start(), line_start + m.end());
    Some(CitedRevision { family: None, revision: revision_number(m.as_str())?, designator })
}

/// Where `needle` is written in `r`'s line (`line`, which starts at
/// `line_start`), nearest to `r`.
fn nearest(line_start: usize, line: &str, r: &Reference, needle: &str) -> Option<usize> {
    let distance = |at: usize| if at >= r.range().end { at - r.range().end } else { r.range().start.saturating_sub(at + needle.len()) };
    line.match_indices(needle).map(|(i, _)| line_start + i).min_by_key(|&at| distance(at))
}

/// Where the symbol `id` is written near `r` (after it, or before it as in
/// `A/C.3/80/L.12/Rev.1第3段`): the span of its last `Rev.N` number.
fn written_symbol(line_start: usize, line: &str, r: &Reference, id: &str) -> Option<TextRange> {
    let compact = super::identity::canonical_symbol(id);
    let at = nearest(line_start, line, r, &compact)?;
    let rev = compact.rfind("/Rev.")? + "/Rev.".len();
    let digits = compact[rev..].bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0).then(|| TextRange::new(at + rev, at + rev + digits))
}

/// A paragraph of an earlier revision, followed into a later one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Followed {
    pub old_doc: DocKey,
    pub old_node: NodeId,
    pub new_doc: Option<DocKey>,
    /// The paragraph(s) it became (several when it was split); empty when
    /// it was deleted.
    pub new_nodes: Vec<NodeId>,
    /// Their numbers as written (`11`, `PP4`).
    pub new_numbers: Vec<String>,
    pub kind: Option<Kind>,
}

/// The top paragraph (the unit the diff aligns) `node` is in.
fn unit_index(d_units: &[diff::Unit], a: &Analysis, node: NodeId) -> Option<usize> {
    let doc = &a.document;
    std::iter::once(node).chain(doc.ancestors(node)).find_map(|n| d_units.iter().position(|u| u.eid == doc.eid(n)))
}

/// The diff of two analysed revisions.
pub fn revision_diff(old: &Analysis, new: &Analysis) -> RevisionDiff {
    let (mo, mn) = (old.negotiation(), new.negotiation());
    diff::diff(
        &Revision { text: &old.text, doc: &old.document, markup: &mo },
        &Revision { text: &new.text, doc: &new.document, markup: &mn },
    )
}

/// Where `old_node` of `old` went in `new`, by the diff `d` of the two.
pub fn follow(d: &RevisionDiff, old: &Analysis, new: &Analysis, old_node: NodeId) -> Option<(Kind, Vec<NodeId>, Vec<String>)> {
    let i = unit_index(&d.old, old, old_node)?;
    let e = d.entries.iter().find(|e| e.old.contains(&i))?;
    let nodes: Vec<NodeId> = e.new.iter().filter_map(|&j| new.document.find_eid(&d.new[j].eid)).collect();
    let numbers: Vec<String> = e.new.iter().map(|&j| d.new[j].number.clone()).collect();
    Some((e.kind, nodes, numbers))
}

impl Workspace {
    /// The document of `family` at `revision`, in `lang` if present, else
    /// in English, else the first.
    fn revision_doc(&self, family: &str, revision: u32, lang: Language) -> Option<DocKey> {
        let keys: Vec<DocKey> = self
            .entries()
            .into_iter()
            .filter(|(_, e)| e.identity.family.as_deref() == Some(family) && e.identity.revision.unwrap_or(0) == revision)
            .map(|(k, _)| k)
            .collect();
        let lang_of = |k: DocKey| self.get(k).map(|e| e.analysis.language());
        keys.iter()
            .copied()
            .find(|&k| lang_of(k) == Some(lang))
            .or_else(|| keys.iter().copied().find(|&k| lang_of(k) == Some(Language::En)))
            .or_else(|| keys.first().copied())
    }

    /// The draft a bare "Rev.N" in `from` names: its own, or the only one
    /// in the workspace with that revision.
    fn family_for(&self, from: DocKey, revision: u32) -> Option<String> {
        self.family_of_bare(Some(from), self.get(from)?.identity.family.as_deref(), revision)
    }

    fn family_of_bare(&self, from: Option<DocKey>, own: Option<&str>, revision: u32) -> Option<String> {
        if let Some(f) = own {
            return Some(f.to_string());
        }
        let mut families: Vec<&str> = self
            .entries()
            .into_iter()
            .filter(|(k, o)| Some(*k) != from && o.identity.revision == Some(revision))
            .filter_map(|(_, o)| o.identity.family.as_deref())
            .collect();
        families.sort_unstable();
        families.dedup();
        match families.as_slice() {
            [one] => Some(one.to_string()),
            _ => None,
        }
    }

    /// The paragraph of an earlier revision that reference `r` of `from`
    /// cites, followed into the later revision: `from` itself when it is a
    /// later revision of that draft, else the latest present.
    pub fn follow_reference(&self, from: DocKey, r: &Reference) -> Option<Followed> {
        let e = self.get(from)?;
        let cited = cited_revision(&e.analysis, r)?;
        let family = match &cited.family {
            Some(f) => f.clone(),
            None => self.family_for(from, cited.revision)?,
        };
        let lang = e.analysis.language();
        let old_doc = self.revision_doc(&family, cited.revision, lang).filter(|&k| k != from)?;
        let old = &self.get(old_doc)?.analysis;
        let res = resolve_in(&old.document, RefKind::Paragraph, r.target.as_ref()?);
        let old_node = match (res.status, res.node) {
            (Status::Resolved, Some(n)) => n,
            _ => return None,
        };
        let later = if e.identity.family.as_deref() == Some(family.as_str()) && e.identity.revision.unwrap_or(0) > cited.revision {
            Some(from)
        } else {
            self.entries()
                .into_iter()
                .filter(|(_, o)| o.identity.family.as_deref() == Some(family.as_str()) && o.identity.revision.unwrap_or(0) > cited.revision)
                .max_by_key(|(k, o)| (o.identity.revision, o.analysis.language() == lang, std::cmp::Reverse(*k)))
                .map(|(k, _)| k)
        };
        let Some(new_doc) = later else {
            return Some(Followed { old_doc, old_node, new_doc: None, new_nodes: Vec::new(), new_numbers: Vec::new(), kind: None });
        };
        let new = &self.get(new_doc)?.analysis;
        let d = revision_diff(old, new);
        let (kind, new_nodes, new_numbers) = follow(&d, old, new, old_node).unwrap_or((Kind::Deleted, Vec::new(), Vec::new()));
        Some(Followed { old_doc, old_node, new_doc: Some(new_doc), new_nodes, new_numbers, kind: Some(kind) })
    }

    /// Go to definition on a reference to a paragraph of an earlier revision.
    pub fn revision_definition(&self, from: DocKey, offset: usize) -> Option<(DocKey, TextRange)> {
        let e = self.get(from)?;
        let r = e.analysis.reference_at(offset)?;
        let f = self.follow_reference(from, r)?;
        Some((f.old_doc, self.get(f.old_doc)?.analysis.target_range(f.old_node)))
    }

    /// Hover on a reference to a paragraph of an earlier revision: its text
    /// there, then its number and text in the later revision.
    pub fn revision_hover(&self, from: DocKey, offset: usize) -> Option<Hover> {
        let e = self.get(from)?;
        let r = e.analysis.reference_at(offset)?;
        let f = self.follow_reference(from, r)?;
        let old = self.get(f.old_doc)?;
        let old_name = old.identity.name().unwrap_or_else(|| old.path.clone());
        let mut md = format!(
            "**{}** of {}\n\n{}",
            escape_markdown(&old.analysis.address_in_words(f.old_node)),
            escape_markdown(&old_name),
            escape_markdown(&old.analysis.excerpt(f.old_node, 600))
        );
        if let Some(new_doc) = f.new_doc {
            let new = self.get(new_doc)?;
            let new_name =
                if new_doc == from { "this revision".to_string() } else { new.identity.name().unwrap_or_else(|| new.path.clone()) };
            match f.kind {
                Some(Kind::Deleted) | None => md.push_str(&format!("\n\n**In {}**: deleted", escape_markdown(&new_name))),
                Some(kind) => {
                    let labels: Vec<String> = f.new_nodes.iter().map(|&n| new.analysis.address_in_words(n)).collect();
                    let how = match kind {
                        Kind::Unchanged => "unchanged",
                        Kind::Changed => "changed",
                        Kind::Moved => "moved",
                        Kind::Split => "split",
                        Kind::Merged => "merged",
                        _ => "",
                    };
                    md.push_str(&format!("\n\n**In {}**: {} ({how})", escape_markdown(&new_name), escape_markdown(&labels.join(", "))));
                    for &n in &f.new_nodes {
                        md.push_str(&format!("\n\n{}", escape_markdown(&new.analysis.excerpt(n, 600))));
                    }
                }
            }
        }
        md.push_str(&format!("\n\n*In the workspace:* {}", escape_markdown(&old.path)));
        Some(Hover { range: r.range(), markdown: md })
    }
}

impl Workspace {
    /// The source actions for a text (`from`, analysed as `citing`) whose
    /// references in `within` cite an earlier revision of a draft when a
    /// later one is in the workspace: move them to the latest revision.
    /// None for a text that is itself a later revision of that draft (its
    /// citations of the earlier one are what it says).
    pub fn revision_fixes(&self, from: Option<DocKey>, citing: &Analysis, within: TextRange) -> Vec<Fix> {
        let own = super::identify(citing);
        let lang = citing.language();
        let mut pairs: Vec<(DocKey, DocKey)> = Vec::new();
        for r in citing.references.iter().filter(|r| r.range().start <= within.end && within.start <= r.range().end) {
            let Some(c) = cited_revision(citing, r) else { continue };
            let Some(family) = c.family.clone().or_else(|| self.family_of_bare(from, own.family.as_deref(), c.revision)) else { continue };
            if own.family.as_deref() == Some(family.as_str()) && own.revision.unwrap_or(0) > c.revision {
                continue;
            }
            let Some(old) = self.revision_doc(&family, c.revision, lang).filter(|&k| Some(k) != from) else { continue };
            let latest = self
                .entries()
                .into_iter()
                .filter(|(k, o)| Some(*k) != from && o.identity.family.as_deref() == Some(family.as_str()))
                .filter_map(|(_, o)| o.identity.revision)
                .filter(|&n| n > c.revision)
                .max();
            let Some(new) = latest.and_then(|n| self.revision_doc(&family, n, lang)) else { continue };
            if !pairs.contains(&(old, new)) {
                pairs.push((old, new));
            }
        }
        let name = |k: DocKey| self.get(k).map(|e| e.identity.name().unwrap_or_else(|| e.path.clone())).unwrap_or_default();
        pairs
            .into_iter()
            .filter_map(|(old, new)| {
                let (o, n) = (self.get(old)?, self.get(new)?);
                follow_revision_fix(citing, &o.analysis, &n.analysis, &name(old), &name(new))
            })
            .collect()
    }
}

/// What [`follow_revision`] did not move, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unmoved {
    pub range: TextRange,
    pub reason: String,
}

/// The edits that move the references of `citing` to revision `old` (by
/// its symbol, or a bare "Rev.N" of the same draft) to the same paragraphs
/// in revision `new`: each paragraph number is replaced by its new number
/// and the revision's number by the new revision's. References to other
/// texts and internal ones are never touched; a list of references that
/// share one "of Rev.1" is moved only when each of them can be (a deleted
/// or split paragraph leaves the list as it was, reported).
pub fn follow_revision(citing: &Analysis, old: &Analysis, new: &Analysis) -> (Vec<TextEdit>, Vec<Unmoved>) {
    let old_id = super::identify(old);
    let new_id = super::identify(new);
    let citing_id = super::identify(citing);
    let (Some(old_rev), Some(new_rev)) = (old_id.revision, new_id.revision) else {
        return (
            Vec::new(),
            vec![Unmoved { range: TextRange::new(0, 0), reason: "the old or the new text has no revision in its symbol".into() }],
        );
    };
    let d = revision_diff(old, new);
    // Grouped by the designator they share.
    let mut groups: Vec<(TextRange, Vec<TextEdit>, Vec<Unmoved>)> = Vec::new();
    for r in &citing.references {
        let Some(c) = cited_revision(citing, r) else { continue };
        let same_draft = match &c.family {
            Some(f) => old_id.family.as_deref() == Some(f.as_str()),
            None => citing_id.family.is_none() || citing_id.family == old_id.family,
        };
        if !same_draft || c.revision != old_rev {
            continue;
        }
        let at = match groups.iter().position(|g| g.0 == c.designator) {
            Some(i) => i,
            None => {
                groups.push((c.designator, Vec::new(), Vec::new()));
                groups.len() - 1
            }
        };
        let g = &mut groups[at];
        let written = citing.text.slice(r.range().start..r.range().end).to_string();
        let res = r.target.as_ref().map(|t| resolve_in(&old.document, RefKind::Paragraph, t));
        let Some(node) = res.and_then(|res| (res.status == Status::Resolved).then_some(res.node).flatten()) else {
            g.2.push(Unmoved { range: r.range(), reason: format!("{written}: no such paragraph in revision {old_rev}") });
            continue;
        };
        match follow(&d, old, new, node) {
            Some((kind, _, numbers)) if numbers.len() == 1 && kind != Kind::Merged => {
                let Some(span) = r.numbers().find(|n| n.role == NumberRole::Paragraph) else { continue };
                let number = numbers[0].strip_prefix("PP").unwrap_or(&numbers[0]).to_string();
                if citing.text.slice(span.span.start..span.span.end) != number {
                    g.1.push(TextEdit::replace(span.span, number));
                }
            }
            Some((Kind::Merged, _, numbers)) if numbers.len() == 1 => {
                // Merged with another: it is in that paragraph now.
                if let Some(span) = r.numbers().find(|n| n.role == NumberRole::Paragraph) {
                    let number = numbers[0].strip_prefix("PP").unwrap_or(&numbers[0]).to_string();
                    if citing.text.slice(span.span.start..span.span.end) != number {
                        g.1.push(TextEdit::replace(span.span, number));
                    }
                }
            }
            Some((Kind::Split, _, numbers)) => g
                .2
                .push(Unmoved { range: r.range(), reason: format!("{written}: split into {} in revision {new_rev}", numbers.join(", ")) }),
            _ => g.2.push(Unmoved { range: r.range(), reason: format!("{written}: deleted in revision {new_rev}") }),
        }
    }
    let mut edits = Vec::new();
    let mut unmoved = Vec::new();
    for (designator, mut group_edits, group_unmoved) in groups {
        if !group_unmoved.is_empty() {
            unmoved.extend(group_unmoved);
            continue;
        }
        edits.append(&mut group_edits);
        let written = &citing.text.slice(designator.start..designator.end);
        if revision_number(written) != Some(new_rev) {
            // Written as the text writes numbers: a Chinese numeral stays one.
            let ascii = written.chars().all(|c| c.is_ascii_digit());
            let n = if ascii { new_rev.to_string() } else { crate::lang::numerals::to_chinese(new_rev) };
            edits.push(TextEdit::replace(designator, n));
        }
    }
    edits.sort_by_key(|e| e.range.start);
    edits.dedup();
    (edits, unmoved)
}

/// [`follow_revision`] as one source action for the editor.
pub fn follow_revision_fix(citing: &Analysis, old: &Analysis, new: &Analysis, old_name: &str, new_name: &str) -> Option<Fix> {
    let (edits, _) = follow_revision(citing, old, new);
    (!edits.is_empty()).then(|| Fix {
        title: format!("Move the references to {old_name} to {new_name} (its new paragraph numbers)"),
        kind: FixKind::Source,
        code: None,
        diagnostic_range: None,
        preferred: false,
        edits,
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::diagnostics::DiagnosticsConfig;
    use crate::ide::edit::apply;

    fn analysis(text: &str) -> Arc<Analysis> {
        Arc::new(Analysis::new(text, None, &DiagnosticsConfig::all_enabled()))
    }

    const REV1: &str = "United Nations\n\nA/C.3/80/L.12/Rev.1\n\nGeneral Assembly\n\nThe General Assembly,\n\n1. Decides to convene a high-level meeting on oceans in 2027;\n\n2. Requests the Secretary-General to report on progress made;\n\n3. Encourages Member States to share their national experience;\n\n4. Decides to remain seized of the matter.\n";
    const REV2: &str = "United Nations\n\nA/C.3/80/L.12/Rev.2\n\nGeneral Assembly\n\nThe General Assembly,\n\n1. Welcomes the work of the regional commissions on the review;\n\n2. Decides to convene a high-level meeting on oceans in 2028;\n\n3. Requests the Secretary-General to report on progress made;\n\n4. Decides to remain seized of the matter.\n";

    #[test]
    fn bare_and_symbol_revisions_are_read() {
        let a = analysis("United Nations\n\nA/C.3/80/L.12/Rev.2\n\nThe General Assembly,\n\n1. Recalls paragraph 2 of Rev.1, paragraphs 1 and 3 of Rev.1 and paragraph 3 of A/C.3/80/L.12/Rev.1;\n\n2. Notes paragraph 1 of resolution 72/57 and paragraph 1;\n");
        let cited: Vec<(String, Option<u32>)> = a
            .references
            .iter()
            .map(|r| (a.text[r.range().start..r.range().end].to_string(), cited_revision(&a, r).map(|c| c.revision)))
            .collect();
        let revs: Vec<Option<u32>> = cited.iter().filter(|(w, _)| w.contains(char::is_numeric) && !w.contains('/')).map(|c| c.1).collect();
        assert_eq!(revs, vec![Some(1), Some(1), Some(1), Some(1), None, None], "{cited:?}");
    }

    #[test]
    fn chinese_forms_before_and_after() {
        let a = analysis(
            "联合国\n\nA/C.3/80/L.12/Rev.2\n\n大会，\n\n1. 回顾第一次修订稿第2段和第3段以及第4段（第1次修订稿）；\n\n2. 注意到第2段；\n",
        );
        let revs: Vec<(String, u32)> = a
            .references
            .iter()
            .filter_map(|r| Some((a.text[r.range().start..r.range().end].to_string(), cited_revision(&a, r)?.revision)))
            .collect();
        let expected: Vec<(String, u32)> = [("第2段", 1), ("第3段", 1), ("第4段", 1)].iter().map(|(w, n)| (w.to_string(), *n)).collect();
        assert_eq!(revs, expected, "{:?}", a.references);
    }

    #[test]
    fn every_language_reads_a_bare_revision_as_another_text() {
        for text in [
            "Nations Unies\n\nA/C.3/80/L.12/Rev.2\n\nL’Assemblée générale,\n\n1. Rappelle le paragraphe 9 de la Rev.1 et les paragraphes 2 et 3 de la Rev.1;\n",
            "Naciones Unidas\n\nA/C.3/80/L.12/Rev.2\n\nLa Asamblea General,\n\n1. Recuerda el párrafo 9 de la Rev.1 y los párrafos 2 y 3 de la Rev.1;\n",
            "Организация Объединенных Наций\n\nA/C.3/80/L.12/Rev.2\n\nГенеральная Ассамблея,\n\n1. ссылается на пункт 9 Rev.1 и пункты 2 и 3 Rev.1;\n",
            "الأمم المتحدة\n\nA/C.3/80/L.12/Rev.2\n\nإن الجمعية العامة،\n\n1 - تشير إلى الفقرة 9 من Rev.1 والفقرتين 2 و 3 من Rev.1؛\n",
        ] {
            let a = analysis(text);
            let paragraphs: Vec<&Reference> = a.references.iter().filter(|r| r.kind != RefKind::External(ExternalKind::DocumentSymbol)).collect();
            assert_eq!(paragraphs.len(), 3, "{text}: {paragraphs:?}");
            for r in paragraphs {
                assert_eq!(r.status, Status::External, "{text}: {r:?}");
                assert_eq!(cited_revision(&a, r).map(|c| c.revision), Some(1), "{text}: {r:?}");
            }
        }
    }

    #[test]
    fn hover_follows_the_paragraph_into_the_citing_revision() {
        let citing = "United Nations\n\nA/C.3/80/L.12/Rev.2\n\nGeneral Assembly\n\nThe General Assembly,\n\n1. Welcomes the work of the regional commissions on the review;\n\n2. Decides to convene a high-level meeting on oceans in 2028, as in paragraph 1 of Rev.1;\n\n3. Requests the Secretary-General to report on progress made;\n";
        let mut ws = Workspace::new();
        let old = ws.insert("rev1.md", analysis(REV1));
        let from = ws.insert("rev2.md", analysis(citing));
        let offset = citing.find("paragraph 1 of").unwrap() + 3;
        let h = ws.revision_hover(from, offset).expect("a hover");
        assert!(h.markdown.contains("2027"), "{}", h.markdown);
        assert!(h.markdown.contains("**In this revision**: Paragraph 2 (changed)"), "{}", h.markdown);
        assert!(h.markdown.contains("2028"), "{}", h.markdown);
        let (doc, range) = ws.revision_definition(from, offset).expect("a definition");
        assert_eq!(doc, old);
        assert!(REV1[range.start..range.end].starts_with('1'), "{:?}", &REV1[range.start..range.end]);
        // Its own paragraph 1 is internal: not a revision's.
        assert!(ws.revision_hover(from, citing.find("1. Welcomes").unwrap()).is_none());
    }

    #[test]
    fn a_bare_revision_without_the_draft_in_the_workspace_stays_unresolved() {
        let mut ws = Workspace::new();
        ws.insert("rev1.md", analysis(REV1));
        let citing = "United Nations\n\nA/C.3/81/L.4\n\nThe General Assembly,\n\n1. Recalls paragraph 1 of Rev.1;\n";
        let from = ws.insert("other.md", analysis(citing));
        assert!(ws.revision_hover(from, citing.find("paragraph 1").unwrap() + 2).is_none());
    }

    #[test]
    fn the_source_action_moves_a_comment_to_the_latest_revision() {
        let mut ws = Workspace::new();
        ws.insert("rev1.md", analysis(REV1));
        ws.insert("rev2.md", analysis(REV2));
        let citing = "Comments of Mexico\n\nMexico broke silence on paragraphs 1 and 2 of Rev.1.\n";
        let a = analysis(citing);
        let from = ws.insert("comments.md", Arc::clone(&a));
        let fixes = ws.revision_fixes(Some(from), &a, TextRange::new(0, citing.len()));
        assert_eq!(fixes.len(), 1, "{fixes:?}");
        assert_eq!(fixes[0].kind, FixKind::Source);
        assert_eq!(apply(citing, &fixes[0].edits).unwrap(), citing.replace("1 and 2 of Rev.1", "2 and 3 of Rev.2"));
        // Rev.2 itself citing Rev.1 is offered nothing.
        let rev2 = ws.key("rev2.md").unwrap();
        let r2 = Arc::clone(&ws.get(rev2).unwrap().analysis);
        assert!(ws.revision_fixes(Some(rev2), &r2, TextRange::new(0, REV2.len())).is_empty());
    }

    #[test]
    fn references_follow_the_revision_and_nothing_else_moves() {
        let citing = "Comments of Mexico\n\nMexico broke silence on paragraphs 1 and 2 of Rev.1 and on paragraph 4 of A/C.3/80/L.12/Rev.1. It recalls paragraph 1 of resolution 72/57 and its own paragraph 2.\n\nIt opposes paragraph 3 of Rev.1 and paragraph 4 of Rev.1.\n";
        let (edits, unmoved) = follow_revision(&analysis(citing), &analysis(REV1), &analysis(REV2));
        let out = apply(citing, &edits).unwrap();
        assert!(out.contains("paragraphs 2 and 3 of Rev.2 and on paragraph 4 of A/C.3/80/L.12/Rev.2."), "{out}");
        assert!(out.contains("paragraph 1 of resolution 72/57 and its own paragraph 2."), "{out}");
        // Paragraph 3 of Rev.1 was deleted: it is left as it was, and said so.
        assert!(out.contains("It opposes paragraph 3 of Rev.1 and paragraph 4 of Rev.2."), "{out}");
        assert_eq!(unmoved.len(), 1, "{unmoved:?}");
        assert!(unmoved[0].reason.contains("deleted"), "{unmoved:?}");
    }
}
