//! Attribution: which text an internal reference belongs to — this
//! document, or another one — decided in one place, from the evidence on
//! both sides of it: qualifiers after it ("of section II", "above", "of the
//! present report", "of resolution 678 (1990)", "thereof"), the words and
//! entities before it (`成果文件草案`, a symbol right before it, an
//! instrument named earlier in the sentence). A reference is internal only
//! when nothing says otherwise.

use crate::lang::numerals::{parse_digits, parse_section_numeral};
use crate::lang::tables::Tables;
use crate::syntax::Document;
use crate::text::TextRange;

use super::external::{External, ExternalKind};
use super::find::{span, Entity, Reach};
use super::reference::{AnnexSpec, Direction, DocScope};

/// What attribution reads: the document, its language's tables and the
/// external entities found in it (sorted by start).
pub(crate) struct Context<'a> {
    pub(crate) doc: &'a Document,
    pub(crate) masked: &'a str,
    pub(crate) t: &'a Tables,
    pub(crate) entities: &'a [Entity],
}

#[derive(Default)]
pub(crate) struct Qualifiers {
    pub(crate) annex: Option<(AnnexSpec, TextRange)>,
    pub(crate) section: Option<(u32, TextRange)>,
    /// "of paragraph 8" after a subparagraph ("l'alinéa a) du paragraphe 8").
    pub(crate) paragraph: Option<(u32, TextRange)>,
    pub(crate) scope: DocScope,
    pub(crate) direction: Option<Direction>,
    pub(crate) external: Option<External>,
    /// Where the reference phrase ends, qualifiers after it included.
    pub(crate) end: usize,
    /// Where a qualifier written before it starts ("成果文件草案").
    pub(crate) start: Option<usize>,
    /// The sentence floor it was read with (see [`Reference::sentence_floor`]).
    pub(crate) floor: Option<(usize, usize)>,
}

pub(crate) fn window_before(masked: &str, start: usize, len: usize) -> (usize, &str) {
    let mut from = start.saturating_sub(len);
    while !masked.is_char_boundary(from) {
        from += 1;
    }
    (from, &masked[from..start])
}

pub(crate) fn window_after(masked: &str, end: usize, len: usize) -> &str {
    let mut to = (end + len).min(masked.len());
    while !masked.is_char_boundary(to) {
        to -= 1;
    }
    &masked[end..to]
}

/// How far back the sentence that contains `offset` can start: 800 bytes,
/// and not before the opening of the node it is in.
pub(crate) fn sentence_floor(doc: &Document, masked: &str, offset: usize) -> usize {
    let line_floor = doc.node_at(offset).map(|n| doc.nodes[n].opening.start).unwrap_or(0);
    let (from, _) = window_before(masked, offset, Reach::SENTENCE);
    from.max(line_floor.min(offset))
}

/// Start of the sentence that contains `offset`, which cannot start before `from`.
fn sentence_start(masked: &str, t: &Tables, from: usize, offset: usize) -> usize {
    let before = &masked[from..offset];
    let mut cut = 0;
    for (i, c) in before.char_indices() {
        let next_is_upper = || before[i + c.len_utf8()..].trim_start().chars().next().is_some_and(char::is_uppercase);
        let ends = t.data.sentence_ends.contains(&c)
            || (t.data.full_stop_ends_sentence && c == '.' && before[i + 1..].starts_with(' ') && next_is_upper());
        if ends {
            cut = i + c.len_utf8();
        }
    }
    from + cut
}

/// The start of the sentence at `offset` (recording its floor in `q`), or
/// `None` when no entity starts in the 800 bytes before it: then none can
/// be in its sentence, whatever the floor, and the tree is not consulted.
fn sentence_start_near_entities(cx: &Context<'_>, offset: usize, q: &mut Qualifiers) -> Option<usize> {
    let Context { doc, masked, t, entities } = *cx;
    let upto = entities.partition_point(|e| e.phrase.start < offset);
    let (reach, _) = window_before(masked, offset, Reach::SENTENCE);
    entities[..upto].last().filter(|e| e.phrase.start >= reach)?;
    let floor = sentence_floor(doc, masked, offset);
    q.floor = Some((offset, floor));
    Some(sentence_start(masked, t, floor, offset))
}

pub(crate) fn qualifiers(cx: &Context<'_>, range: TextRange) -> Qualifiers {
    let Context { masked, t, entities, .. } = *cx;
    let mut q = Qualifiers { end: range.end, ..Qualifiers::default() };
    // After the reference: "of section II", "of annex I", "above",
    // "of the draft outcome document", "of resolution 72/57".
    for _ in 0..Reach::QUALIFIERS {
        let after = window_after(masked, q.end, Reach::QUALIFIER);
        if let Some(c) = t.internal_after.captures(after) {
            let whole = c.get(0).map(|m| m.end()).unwrap_or(0);
            if let Some(sec) = c.name("sec") {
                q.section = parse_section_numeral(sec.as_str()).map(|v| (v, span(q.end, sec)));
            }
            if let Some(p) = c.name("para") {
                q.paragraph = parse_digits(p.as_str()).map(|v| (v, span(q.end, p)));
            }
            if c.name("annexword").is_some() {
                q.annex = Some(match c.name("annex") {
                    Some(a) => (AnnexSpec::Numbered(parse_section_numeral(a.as_str()).unwrap_or(0)), span(q.end, a)),
                    None => (AnnexSpec::Sole, span(q.end, c.name("annexword").unwrap_or_else(|| c.get(0).expect("match")))),
                });
            }
            q.end += whole;
            continue;
        }
        if let Some(c) = t.direction_after.captures(after) {
            let above = c.name("above").is_some();
            q.direction = c.name("dir").map(|d| if above || d.as_str() == "above" { Direction::Above } else { Direction::Below });
            q.end += c.get(0).map(|m| m.end()).unwrap_or(0);
            continue;
        }
        if let Some(c) = t.document_after.captures(after) {
            let word = c.name("q").map(|m| m.as_str()).unwrap_or("");
            let outcome = c.name("outcome").is_some() || word.contains("outcome");
            q.scope = if outcome { DocScope::OutcomeDocument } else { DocScope::Present };
            q.end += c.get(0).map(|m| m.end()).unwrap_or(0);
            break;
        }
        break;
    }
    // "Thereof" (`منه`, "de celle-ci"): the text named last before it in the sentence.
    if q.scope == DocScope::Any && q.annex.is_none() && q.section.is_none() {
        let m = t.thereof_after.find(window_after(masked, q.end, Reach::SHORT));
        if let (Some(m), Some(start)) = (m, sentence_start_near_entities(cx, range.start, &mut q)) {
            let upto = entities.partition_point(|e| e.phrase.start < range.start);
            if let Some(e) = entities[..upto].iter().rev().take_while(|e| e.phrase.start >= start).find(|e| e.phrase.end <= range.start) {
                q.external = Some(e.external.clone());
                q.end += m.end();
                return q;
            }
        }
    }
    // An external text right after: "paragraph 2 of resolution 678 (1990)",
    // also through "the annex to" ("пункта 5(d) приложения к резолюции 58/316").
    let sole_annex = matches!(q.annex, None | Some((AnnexSpec::Sole, _)));
    if q.scope == DocScope::Any && sole_annex && q.section.is_none() {
        let from = entities.partition_point(|e| e.phrase.start < q.end);
        for e in entities[from..].iter().take_while(|e| e.phrase.start <= q.end + 40) {
            if masked.is_char_boundary(e.phrase.start) && t.external_gap_after.is_match(&masked[q.end..e.phrase.start]) {
                q.external = Some(e.external.clone());
                return q;
            }
        }
    }
    // A named text after it that the tables do not know: "of “The future we want”".
    if q.scope == DocScope::Any && q.annex.is_none() && q.section.is_none() {
        let after = window_after(masked, q.end, Reach::NAMED_TEXT);
        if let Some(c) = t.named_text_after.captures(after) {
            let name = c.name("quoted").or(c.name("name")).map(|m| m.as_str().trim()).unwrap_or("");
            let first = name.split_whitespace().next().unwrap_or("");
            let structural = ["Section", "Chapter", "Annex", "Part", "This", "These", "Its", "That", "The", "A", "An"];
            if !name.is_empty() && (c.name("quoted").is_some() || !structural.contains(&first)) {
                q.external = Some(External::new(ExternalKind::Instrument, name));
                return q;
            }
        }
    }
    // Before the reference: "成果文件草案", an external text right before.
    let (from, before) = window_before(masked, range.start, Reach::SHORT);
    if let Some(c) = t.document_before.captures(before) {
        let word = c.name("q").map(|m| m.as_str()).unwrap_or("");
        q.start = c.name("q").map(|m| from + m.start());
        let outcome = c.name("outcome").is_some() || word.contains("成果文件") || word.contains("outcome");
        q.scope = if outcome { DocScope::OutcomeDocument } else { DocScope::Present };
        return q;
    }
    let upto = entities.partition_point(|e| e.phrase.start < range.start);
    let nearby = entities[..upto].iter().rev().take_while(|e| e.phrase.start + 2048 >= range.start);
    for e in nearby.filter(|e| e.phrase.end <= range.start && e.phrase.end + 12 >= range.start) {
        if t.external_gap_before.is_match(&masked[e.phrase.end..range.start]) {
            q.external = Some(e.external.clone());
            return q;
        }
    }
    // An instrument named earlier in the same sentence.
    if q.direction.is_none() && q.scope == DocScope::Any && q.annex.is_none() {
        let Some(start) = sentence_start_near_entities(cx, range.start, &mut q) else { return q };
        let upto = entities.partition_point(|e| e.phrase.start < range.start);
        if let Some(e) = entities[..upto]
            .iter()
            .rev()
            .take_while(|e| e.phrase.start >= start)
            .find(|e| e.phrase.end <= range.start && e.external.kind == ExternalKind::Instrument)
        {
            q.external = Some(e.external.clone());
        }
    }
    q
}

pub(crate) fn provision(label: String, of: External) -> External {
    External { kind: ExternalKind::Provision, id: label, of: Some(Box::new(of)) }
}
