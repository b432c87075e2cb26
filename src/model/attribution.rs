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
use super::reference::{AnnexSpec, Direction, DocScope, Reference};

/// What attribution reads: the document, its language's tables and the
/// external entities found in it (sorted by start).
pub(crate) struct Context<'a> {
    pub(crate) doc: &'a Document,
    pub(crate) masked: &'a str,
    pub(crate) t: &'a Tables,
    pub(crate) entities: &'a [Entity],
}

#[derive(Clone, Default)]
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
    /// The words that attribute it to another text (kept on the reference).
    pub(crate) qualifier: Option<TextRange>,
    /// Whether the attribution rests on words (a qualifier, a direction, a
    /// cited text before it) rather than on the default (this document).
    pub(crate) evidence: bool,
    /// A text named earlier in the sentence (not an instrument): mixed
    /// evidence, with the span of the name.
    /// Whether that text is named in words ("the report of the
    /// Secretary-General"), which weighs more than a resolution named in passing.
    pub(crate) candidate: Option<(External, TextRange, bool)>,
}

impl Qualifiers {
    fn external(&mut self, of: External, qualifier: TextRange) {
        self.external = Some(of);
        self.qualifier = Some(qualifier);
        self.evidence = true;
    }
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
    let line_floor = doc.node_at(offset).map(|n| doc.nodes[n].opening().start).unwrap_or(0);
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

/// The evidence around an internal reference phrase `range`, and from it
/// the text the reference belongs to: `external` set when another text,
/// else this document (`evidence` says whether words said so). `structured`
/// says the phrase names a section or annex of its own (`第二节第 15 段`).
pub(crate) fn qualifiers(cx: &Context<'_>, range: TextRange) -> Qualifiers {
    let Context { masked, t, entities, .. } = *cx;
    let mut q = Qualifiers { end: range.end, ..Qualifiers::default() };
    // The first cell of a row of a table under a heading that names a text
    // (`(Resolution 99/250)` over a follow-up table) quotes that text, its
    // `(para. 14)` and its "para. 27 below" included.
    if let Some((of, heading)) = table_heading(cx, range) {
        q.external(of, heading);
        return q;
    }
    // A direction right before (`上文第2段`) is evidence for this document.
    let (from, before) = window_before(masked, range.start, Reach::SHORT);
    if let Some(c) = tested_captures(&t.direction_before, before) {
        q.direction = c.name("dir").map(|_| if c.name("above").is_some() { Direction::Above } else { Direction::Below });
        q.start = c.name("dir").map(|m| from + m.start());
        q.evidence = true;
    }
    // After the reference: "of section II", "of annex I", "above", "of the
    // draft outcome document", "of the report of the Secretary-General",
    // "of Article 2 of the Charter"; `read` moves past what is cited with it
    // ("and tables 4 and 5") without making it part of the reference.
    let mut read = q.end;
    let mut article: Option<usize> = None;
    // Whether something cited with it was just passed ("and table 2"): a
    // direction after it is that thing's ("(ibid., para. 47, and table 2 below)").
    let mut coordinated = false;
    for _ in 0..Reach::QUALIFIERS + 1 {
        let after = window_after(masked, read, Reach::QUALIFIER);
        if let Some(c) = tested_captures(&t.internal_after, after) {
            let whole = c.get(0).map(|m| m.end()).unwrap_or(0);
            if let Some(sec) = c.name("sec") {
                q.section = parse_section_numeral(sec.as_str()).map(|v| (v, span(read, sec)));
            }
            if let Some(p) = c.name("para") {
                q.paragraph = parse_digits(p.as_str()).map(|v| (v, span(read, p)));
            }
            if c.name("annexword").is_some() {
                q.annex = Some(match c.name("annex") {
                    Some(a) => (AnnexSpec::Numbered(parse_section_numeral(a.as_str()).unwrap_or(0)), span(read, a)),
                    None => (AnnexSpec::Sole, span(read, c.name("annexword").unwrap_or_else(|| c.get(0).expect("match")))),
                });
            }
            read += whole;
            q.end = read;
            q.evidence = true;
            continue;
        }
        if let Some(c) = coordinated.then(|| tested_captures(&t.direction_after, after)).flatten() {
            read += c.get(0).map(|m| m.end()).unwrap_or(0);
            continue;
        }
        if let Some(c) = tested_captures(&t.direction_after, after) {
            let above = c.name("above").is_some();
            q.direction = c.name("dir").map(|d| if above || d.as_str() == "above" { Direction::Above } else { Direction::Below });
            read += c.get(0).map(|m| m.end()).unwrap_or(0);
            q.end = read;
            q.evidence = true;
            continue;
        }
        if let Some(m) = t.coordinated_after(after) {
            read += m.end();
            coordinated = true;
            continue;
        }
        if let Some(c) = tested_captures(&t.part_anaphor_after, after) {
            let at = c.name("q").map_or(TextRange::new(read, read + c.get(0).map_or(0, |m| m.end())), |m| span(read, m));
            part_of_text_before(cx, range.start, at, c.name("article").is_some(), &mut q);
            q.end = at.end;
            return q;
        }
        if let Some(found) = text_after(cx, read, after) {
            let (of, qualifier) = found;
            q.external(of, qualifier);
            q.end = qualifier.end;
            return q;
        }
        if let Some(c) = tested_captures(&t.document_after, after) {
            let word = c.name("q").map(|m| m.as_str()).unwrap_or("");
            let outcome = c.name("outcome").is_some() || word.contains("outcome");
            q.scope = if outcome { DocScope::OutcomeDocument } else { DocScope::Present };
            read += c.get(0).map(|m| m.end()).unwrap_or(0);
            q.end = read;
            q.evidence = true;
            break;
        }
        if let Some(m) = t.article_after.find(after) {
            // "paragraph 4 of Article 2 (of the Charter)": the article's text decides.
            article.get_or_insert(read + m.start());
            read += m.end();
            continue;
        }
        break;
    }
    if q.direction.is_some() || q.scope != DocScope::Any {
        return q;
    }
    // "Thereof" (`منه`, "de celle-ci", "the annex thereto"): the text named last before it in the sentence.
    if q.section.is_none() && matches!(q.annex, None | Some((AnnexSpec::Sole, _))) {
        let m = t.thereof_after.find(window_after(masked, read, Reach::SHORT));
        if let Some(m) = m {
            // "of the present resolution, in particular paragraphs 5 and 6
            // thereof": this document, when nothing is named in between.
            let (from, before) = window_before(masked, range.start, Reach::QUALIFIER);
            if let Some(p) = t.present_text.find_iter(before).last() {
                let named = cx.entities.partition_point(|e| e.phrase.start < from + p.end());
                let upto = cx.entities.partition_point(|e| e.phrase.start < range.start);
                if named == upto {
                    q.scope = DocScope::Present;
                    q.evidence = true;
                    q.end = read + m.end();
                    return q;
                }
            }
            // The text named last in the sentence, or one the tables do not know.
            let of =
                antecedent(cx, range.start, &mut q).unwrap_or_else(|| External::new(ExternalKind::Instrument, "the text named before it"));
            q.external(of, TextRange::new(read, read + m.end()));
            q.end = read + m.end();
            return q;
        }
    }
    // An external text right after: "paragraph 2 of resolution 678 (1990)",
    // also through "the annex to" ("пункта 5(d) приложения к резолюции 58/316"),
    // and "of Article 2 of the Charter".
    let sole_annex = matches!(q.annex, None | Some((AnnexSpec::Sole, _)));
    if sole_annex && q.section.is_none() {
        let from = entities.partition_point(|e| e.phrase.start < read);
        for e in entities[from..].iter().take_while(|e| e.phrase.start <= read + 40) {
            if masked.is_char_boundary(e.phrase.start) && t.external_gap_after.is_match(&masked[read..e.phrase.start]) {
                q.external(e.external.clone(), TextRange::new(article.unwrap_or(e.phrase.start), e.phrase.end));
                return q;
            }
        }
    }
    // "Of Article 2" and no text after it: an article of this document if it has articles.
    if let Some(at) = article.filter(|_| !cx.doc.has_articles()) {
        let words = masked[at..read].trim_start_matches(|c: char| c == ',' || c.is_whitespace());
        let label = words.split_whitespace().skip(1).collect::<Vec<_>>().join(" ");
        q.external(External::new(ExternalKind::Instrument, label), TextRange::new(at, read));
        return q;
    }
    // A named text after it that the tables do not know: "of “The future we want”".
    if q.annex.is_none() && q.section.is_none() {
        let after = window_after(masked, read, Reach::NAMED_TEXT);
        if let Some(c) = tested_captures(&t.named_text_after, after) {
            let name_m = c.name("quoted").or(c.name("name"));
            let name = name_m.map(|m| m.as_str().trim()).unwrap_or("");
            let first = name.split_whitespace().next().unwrap_or("");
            let structural = ["Section", "Chapter", "Annex", "Part", "This", "These", "Its", "That", "The", "A", "An"];
            if let (Some(m), false) = (name_m, name.is_empty()) {
                if c.name("quoted").is_some() || !structural.contains(&first) {
                    q.external(External::new(ExternalKind::Instrument, name), span(read, m));
                    return q;
                }
            }
        }
    }
    // Before the reference: "成果文件草案".
    if let Some(c) = tested_captures(&t.document_before, before) {
        let word = c.name("q").map(|m| m.as_str()).unwrap_or("");
        q.start = c.name("q").map(|m| from + m.start());
        let outcome = c.name("outcome").is_some() || word.contains("成果文件") || word.contains("outcome");
        q.scope = if outcome { DocScope::OutcomeDocument } else { DocScope::Present };
        q.evidence = true;
        return q;
    }
    // A part of a text pointed back at, before it: `该条第2款`.
    if let Some(c) = tested_captures(&t.part_anaphor_before, before) {
        if let Some(m) = c.name("q") {
            part_of_text_before(cx, range.start, span(from, m), c.name("article").is_some(), &mut q);
            q.start = Some(from + m.start());
            return q;
        }
    }
    // A word pointing back: "its paragraphs 2 and 7", `该决议第5段`.
    if let Some(c) = tested_captures(&t.anaphor_before, before) {
        if let Some(m) = c.name("q") {
            let at = span(from, m);
            let of = antecedent(cx, range.start, &mut q).unwrap_or_else(|| External::new(ExternalKind::Instrument, m.as_str()));
            q.external(of, at);
            return q;
        }
    }
    // A citation that leads up to it: `(A/99/123, para. 20)`, `(ibid., paras. 21 and 22)`,
    // `(A/47/27), chap. IV, para. 24`, `秘书长报告(S/2025/101)第14段`, `第2700(2023)号决议第5段`.
    let upto = entities.partition_point(|e| e.phrase.start < range.start);
    let nearby = entities[..upto].iter().rev().take_while(|e| e.phrase.start + Reach::CITATION + Reach::SHORT >= range.start);
    for e in nearby.filter(|e| e.phrase.end <= range.start && e.phrase.end + Reach::CITATION >= range.start) {
        if masked.is_char_boundary(e.phrase.end) && t.citation_gap_before.is_match(&masked[e.phrase.end..range.start]) {
            q.external(e.external.clone(), e.phrase);
            return q;
        }
    }
    // A citation in a footnote: `1 Official Records … (A/47/27),\n    para. 76.`
    if let Some((of, at)) = footnote_citation(cx, range) {
        q.external(of, at);
        return q;
    }
    // A text named earlier in the same sentence: an instrument takes the
    // reference (seed line 313); a text named in words ("the report of the
    // Secretary-General", "his report") makes the evidence mixed. A
    // resolution or symbol named in passing does neither: an unqualified
    // paragraph of a resolution is its own.
    if q.annex.is_none() {
        let Some(start) = sentence_start_near_entities(cx, range.start, &mut q) else { return q };
        let upto = entities.partition_point(|e| e.phrase.start < range.start);
        let earlier = || entities[..upto].iter().rev().take_while(|e| e.phrase.start >= start).filter(|e| e.phrase.end <= range.start);
        if let Some(e) = earlier().find(|e| e.external.kind == ExternalKind::Instrument && !e.in_words) {
            q.external(e.external.clone(), e.phrase);
        } else if let Some(e) = earlier().find(|e| e.in_words) {
            // "The report of the Secretary-General requested in paragraph 5":
            // the paragraph is where it was asked for, not a part of it.
            let asked_for = masked.is_char_boundary(e.phrase.end) && t.requested_in.is_match(&masked[e.phrase.end..range.start]);
            if !asked_for {
                q.candidate = Some((e.external.clone(), e.phrase, e.in_words));
            }
        }
    }
    q
}

/// For a reference in a footnote (a line `[^3]: …` or `3 Official Records …`,
/// with the lines that continue it), the text its citation names before it.
fn footnote_citation(cx: &Context<'_>, range: TextRange) -> Option<(External, TextRange)> {
    static START: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let start_re = START.get_or_init(|| regex::Regex::new(r"^\s*(?:\[\^[^\]\s]+\]:|[0-9]{1,3}\s+[A-Z(“\x22])").expect("footnote pattern"));
    let bytes = cx.masked.as_bytes();
    let floor = range.start.saturating_sub(Reach::CITATION * 4);
    let mut ls = line_start_near(bytes, range.start)?;
    for _ in 0..4 {
        let mut le = line_end_near(bytes, ls);
        while !cx.masked.is_char_boundary(le) {
            le -= 1;
        }
        if start_re.is_match(&cx.masked[ls..le]) {
            let from = cx.entities.partition_point(|e| e.phrase.start < ls);
            let upto = cx.entities.partition_point(|e| e.phrase.start < range.start);
            let e = cx.entities[from..upto].iter().filter(|e| e.phrase.end <= range.start).max_by_key(|e| e.phrase.end)?;
            return Some((e.external.clone(), e.phrase));
        }
        if ls == 0 || ls <= floor {
            return None;
        }
        let prev = match memchr::memrchr(b'\n', &bytes[floor..ls - 1]) {
            Some(i) => floor + i + 1,
            None if floor == 0 => 0,
            None => return None,
        };
        if cx.masked[prev..ls].trim().is_empty() || cx.t.numbered_line.is_match(&cx.masked[prev..ls]) {
            return None;
        }
        ls = prev;
    }
    None
}

/// "Of the report of the Secretary-General (A/99/123)", "of his report",
/// "of that resolution", "of the consensus report of the group": the text it
/// names and the span of the qualifier (with the symbol after it, if any).
/// `None` for this document's own words ("of the present report", "of the
/// draft outcome document").
fn text_after(cx: &Context<'_>, at: usize, after: &str) -> Option<(External, TextRange)> {
    let c = tested_captures(&cx.t.text_after, after)?;
    let qm = c.name("q")?;
    // Where the table makes the preposition optional (`prep`), it may be
    // left out only when the qualifier points back ("paragraph 3 that
    // resolution", an OCR slip): "paragraph 3 the report" is no qualifier.
    let anaphor = c.name("anaphor").is_some_and(|m| !m.as_str().is_empty());
    let optional_preposition = cx.t.text_after.capture_names().any(|n| n == Some("prep"));
    if optional_preposition && c.name("prep").is_none() && !anaphor {
        return None;
    }
    let words = c.name("words").map(|m| m.as_str()).unwrap_or("");
    let noun = c.name("noun").map(|m| m.as_str()).unwrap_or("");
    let tail = c.name("tail").is_some_and(|m| !m.as_str().is_empty());
    // Where the table makes the article optional (`article`), a qualifier
    // without one needs its preposition and what names it: "of report of
    // the Secretary-General", not "of programme budget".
    let optional_article = cx.t.text_after.capture_names().any(|n| n == Some("article"));
    if optional_article && c.name("article").is_none() && !anaphor && (c.name("prep").is_none() || !tail) {
        return None;
    }
    let own = cx.t.document_after.is_match(after)
        && (c.name("tail").is_none_or(|m| m.as_str().is_empty()) || words.contains("draft") || words.contains("present"));
    if own || words.split_whitespace().any(|w| w == "present" || w == "this") {
        return None;
    }
    let mut qualifier = span(at, qm);
    // A symbol or resolution in it or right after it names it: "(A/99/123)",
    // "de la résolution 986 (1995)".
    // A text named in words may be followed by its symbol: the symbol names it.
    let mut named: Option<&Entity> = None;
    let from = cx.entities.partition_point(|e| e.phrase.start < qualifier.start);
    for e in &cx.entities[from..] {
        let inside = e.phrase.start < qualifier.end;
        let right_after = !inside
            && e.phrase.start <= qualifier.end + 3
            && cx.masked.is_char_boundary(e.phrase.start)
            && cx.masked[qualifier.end..e.phrase.start].trim().trim_start_matches(['(', '（']).is_empty();
        if !inside && !right_after {
            break;
        }
        let close = (right_after && cx.masked[e.phrase.end..].starts_with([')'])) as usize;
        qualifier.end = e.phrase.end + close;
        named = Some(e);
        if !e.in_words {
            break;
        }
    }
    if let Some(e) = named {
        return Some((e.external.clone(), qualifier));
    }
    // Pointing back ("that resolution", "the annex thereto", "its statute"):
    // the text named last in the sentence, when there is one.
    let anaphoric = c.name("anaphor").is_some_and(|m| !m.as_str().is_empty())
        || c.name("thereto").is_some_and(|m| !m.as_str().is_empty())
        || (words.is_empty() && c.name("tail").is_none_or(|m| m.as_str().is_empty()) && is_resolution_word(noun));
    if anaphoric {
        let mut scratch = Qualifiers::default();
        if let Some(of) = antecedent(cx, at, &mut scratch) {
            return Some((of, qualifier));
        }
    }
    let name = cx.masked[qualifier.start..qualifier.end].split_whitespace().collect::<Vec<_>>().join(" ");
    Some((External::new(ExternalKind::Instrument, name), qualifier))
}

/// "Paragraphs 2 and 3 of that article", "de dicho artículo", `该条第2款`: a
/// part of a text named before it. The text named last in the sentence
/// takes it; with none, an article of a document that has no articles is
/// another text's; otherwise the part pointed at may be this document's
/// (a section named before) and the evidence is mixed.
fn part_of_text_before(cx: &Context<'_>, offset: usize, at: TextRange, article: bool, q: &mut Qualifiers) {
    if let Some(of) = antecedent(cx, offset, q) {
        q.external(of, at);
        return;
    }
    let unnamed = External::new(ExternalKind::Instrument, "the text named before it");
    if article && !cx.doc.has_articles() {
        q.external(unnamed, at);
    } else {
        q.candidate = Some((unnamed, at, true));
        q.evidence = true;
    }
}

fn is_resolution_word(noun: &str) -> bool {
    let n = noun.to_lowercase();
    n.starts_with("resolution")
        || n.starts_with("résolution")
        || n.starts_with("resoluci")
        || n.starts_with("резолюц")
        || n.contains("القرار")
}

/// The text named last before `offset` in its sentence (for "its", "that
/// resolution", `该决议`).
fn antecedent(cx: &Context<'_>, offset: usize, q: &mut Qualifiers) -> Option<External> {
    let start = sentence_start_near_entities(cx, offset, q)?;
    let upto = cx.entities.partition_point(|e| e.phrase.start < offset);
    cx.entities[..upto].iter().rev().take_while(|e| e.phrase.start >= start).find(|e| e.phrase.end <= offset).map(|e| e.external.clone())
}

/// The start of the line that `at` is on, if it lies within [`Reach::LINE_BEFORE`]
/// before it (a line that starts further back is no table row or footnote).
fn line_start_near(bytes: &[u8], at: usize) -> Option<usize> {
    let lo = at.saturating_sub(Reach::LINE_BEFORE);
    match memchr::memrchr(b'\n', &bytes[lo..at]) {
        Some(i) => Some(lo + i + 1),
        None if lo == 0 => Some(0),
        None => None,
    }
}

/// The end of the line that `at` is on, read up to [`Reach::LINE_AFTER`] after it.
fn line_end_near(bytes: &[u8], at: usize) -> usize {
    let hi = (at + Reach::LINE_AFTER).min(bytes.len());
    memchr::memchr(b'\n', &bytes[at..hi]).map_or(hi, |i| at + i)
}

/// For a reference in the first cell of a table row (a line with a TAB): the text named by
/// the parenthesised line that heads the table (`(Resolution 99/250)`,
/// `(A/99/700/Add.3 and General Assembly resolution 99/260)`), looked for up
/// to [`Reach::ANTECEDENT`] back and not past a numbered paragraph.
fn table_heading(cx: &Context<'_>, range: TextRange) -> Option<(External, TextRange)> {
    let masked = cx.masked;
    let bytes = masked.as_bytes();
    let line_start = line_start_near(bytes, range.start)?;
    let line_end = line_end_near(bytes, range.start);
    // In the first cell: a TAB after it on its line, none before it.
    if !bytes[range.start..line_end].contains(&b'\t') || bytes[line_start..range.start].contains(&b'\t') {
        return None;
    }
    let floor = range.start.saturating_sub(Reach::TABLE);
    let mut end = line_start;
    while end > floor {
        let start = match memchr::memrchr(b'\n', &bytes[floor..end - 1]) {
            Some(i) => floor + i + 1,
            None if floor == 0 => 0,
            None => return None,
        };
        let raw = &masked[start..end];
        end = start;
        let line = raw.trim();
        if line.starts_with('(') && line.ends_with(')') {
            let open = start + (raw.len() - raw.trim_start().len());
            let heading = TextRange::new(open + 1, open + line.len() - 1);
            let from = cx.entities.partition_point(|e| e.phrase.start < heading.start);
            let inside: Vec<&Entity> = cx.entities[from..].iter().take_while(|e| e.phrase.end <= heading.end).collect();
            let last = inside.last()?;
            let of = if inside.len() == 1 {
                last.external.clone()
            } else {
                External::new(ExternalKind::Instrument, masked[heading.start..heading.end].split_whitespace().collect::<Vec<_>>().join(" "))
            };
            return Some((of, heading));
        }
        if cx.t.numbered_line.is_match(line) {
            return None;
        }
    }
    None
}

pub(crate) fn provision(label: String, of: External) -> External {
    External { kind: ExternalKind::Provision, id: label.into(), of: Some(Box::new(of)) }
}

/// A list whose members are separate phrases ("section IV, paragraphs 22 and
/// 26, and section V, paragraphs 29 and 34, thereof", `第2700(2023)号决议第5段和第8段`):
/// a member that words attribute to another text passes it to the members
/// next to it that nothing attributes, across a separator or a conjunction.
pub(crate) fn coordinate(refs: &mut [Reference], masked: &str, t: &Tables) {
    let members: Vec<usize> = (0..refs.len()).filter(|&i| refs[i].target.is_some()).collect();
    let joined = |a: &Reference, b: &Reference| {
        a.range().end <= b.range().start
            && b.range().start - a.range().end <= Reach::SHORT
            && masked.is_char_boundary(a.range().end)
            && (b.through() || t.coordination.is_match(&masked[a.range().end..b.range().start]))
    };
    let inherit = |from: &Reference, to: &mut Reference| {
        let Some(of) = from.external.as_ref().and_then(|e| e.of.clone()) else { return };
        let label = masked[to.range().start..to.range().end].split_whitespace().collect::<Vec<_>>().join(" ");
        to.external = Some(External { kind: ExternalKind::Provision, id: label.into(), of: Some(of) });
        to.status = super::reference::Status::External;
        to.set_qualifier(from.qualifier());
        to.set_evidence(true);
    };
    // Backwards (a qualifier after the last member), then forwards (one before the first).
    for w in members.windows(2).rev() {
        let (a, b) = (w[0], w[1]);
        if refs[b].external.is_some() && refs[b].evidence() && !refs[a].evidence() && joined(&refs[a], &refs[b]) {
            let from = refs[b].clone();
            inherit(&from, &mut refs[a]);
        }
    }
    for w in members.windows(2) {
        let (a, b) = (w[0], w[1]);
        if refs[a].external.is_some() && refs[a].evidence() && !refs[b].evidence() && joined(&refs[a], &refs[b]) {
            let from = refs[a].clone();
            inherit(&from, &mut refs[b]);
        }
    }
}

/// `re.captures(hay)` after a test of whether `re` matches at all: most
/// windows around a reference hold no match, and the test, unlike a search
/// for captures, allocates nothing and stops at the first byte that rules a
/// match out.
fn tested_captures<'h>(re: &regex::Regex, hay: &'h str) -> Option<regex::Captures<'h>> {
    if re.is_match(hay) {
        re.captures(hay)
    } else {
        None
    }
}
