//! Diagnostic: reference.broken, reference.ambiguous, reference.annex-number,
//! reference.direction; and the problems found while reading external
//! references: symbol.malformed, resolution.malformed, sdg.unknown-target.

use crate::lang::tables::directions;
use crate::model::{AnnexSpec, Direction, Problem, Reference, Status};
use crate::syntax::Document;
use crate::text::TextRange;

use super::{node_label, Code, Diagnostic};

pub(super) fn check(doc: &Document, refs: &[Reference], out: &mut Vec<Diagnostic>) {
    for r in refs {
        // The reference as a message quotes it (on one line), built only for
        // the few that get a message.
        let text = || doc.masked[r.range().start..r.range().end].split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(problem) = r.problem() {
            let code = match problem {
                Problem::MalformedSymbol(_) => Code::SymbolMalformed,
                Problem::MalformedResolution(_) => Code::ResolutionMalformed,
                Problem::UnknownSdgTarget(_) => Code::SdgUnknownTarget,
            };
            let mut d = Diagnostic::new(code, r.range(), problem.message().to_string());
            if let Problem::MalformedSymbol(_) = problem {
                if let Some(fixed) = crate::model::external::symbol_correction(&doc.masked[r.range().start..r.range().end]) {
                    d = d.with_replacement(r.range(), fixed);
                }
            }
            out.push(d);
        }
        match r.status {
            Status::Broken => {
                let why = r.note().map(str::to_string).unwrap_or_else(|| "no such target".to_string());
                out.push(Diagnostic::new(Code::ReferenceBroken, r.range(), format!("`{}` points nowhere: {why}", text())));
            }
            Status::Ambiguous => {
                let mut d = Diagnostic::new(
                    Code::ReferenceAmbiguous,
                    r.range(),
                    format!("`{}` fits {} places; name the section or annex", text(), r.candidates().len()),
                );
                for &c in r.candidates() {
                    d = d.with_related(doc.node(c).opening(), format!("candidate: {} ({})", node_label(doc, c), doc.eid(c)));
                }
                out.push(d);
            }
            Status::Resolved => {
                let Some(node) = r.node() else { continue };
                if r.annex_number_mismatch() {
                    let message = match r.target.as_ref().and_then(|t| t.annex) {
                        Some(AnnexSpec::Numbered(n)) => format!(
                            "`{}` cites annex {} but the document has a single unnumbered annex: cite it as the annex",
                            text(),
                            crate::lang::numerals::to_roman(n)
                        ),
                        _ => "the sole annex is numbered: cite it with its number".to_string(),
                    };
                    let d =
                        Diagnostic::new(Code::ReferenceAnnexNumber, r.range(), message).with_related(doc.node(node).opening(), "the annex");
                    let fix = match r.target.as_ref().and_then(|t| t.annex) {
                        Some(AnnexSpec::Numbered(_)) => sole_annex_replacement(doc, r),
                        _ => numbered_annex_replacement(doc, r, node),
                    };
                    out.push(match fix {
                        Some((range, text)) => d.with_replacement(range, text),
                        None => d,
                    });
                }
                if let Some(dir) = r.target.as_ref().and_then(|t| t.direction) {
                    let target_start = doc.node(node).range().start;
                    let wrong = match dir {
                        Direction::Above => target_start > r.range().start,
                        Direction::Below => target_start < r.range().start,
                    };
                    if wrong {
                        let (said, is) = match dir {
                            Direction::Above => ("above", "below"),
                            Direction::Below => ("below", "above"),
                        };
                        let d = Diagnostic::new(
                            Code::ReferenceDirection,
                            r.range(),
                            format!("`{}` says {said}, but {} is {is}", text(), node_label(doc, node)),
                        )
                        .with_related(doc.node(node).opening(), "the target");
                        out.push(match direction_replacement(doc, r, dir) {
                            Some((range, word)) => d.with_replacement(range, word),
                            None => d,
                        });
                    }
                }
            }
            Status::External | Status::Unverified => {}
        }
    }
}

/// The direction word of a reference (after it, or right before it:
/// `上文第2段`) and the opposite word, in the case it is written in.
fn direction_replacement(doc: &Document, r: &Reference, said: Direction) -> Option<(TextRange, String)> {
    let mut from = r.range().start.saturating_sub(16);
    while !doc.masked.is_char_boundary(from) {
        from -= 1;
    }
    let window = &doc.masked[from..r.range().end];
    let mut best: Option<(TextRange, String)> = None;
    for &(up, down) in directions::direction_pairs(doc.language) {
        let (word, other) = match said {
            Direction::Above => (up, down),
            Direction::Below => (down, up),
        };
        let lower = window.to_lowercase();
        // Lower-casing keeps byte offsets for these scripts only when the
        // lengths agree.
        if lower.len() != window.len() {
            continue;
        }
        if let Some(at) = lower.rfind(word) {
            let range = TextRange::new(from + at, from + at + word.len());
            let written = &doc.masked[range.start..range.end];
            let capital = written.chars().next().is_some_and(char::is_uppercase);
            let replacement = if capital {
                let mut c = other.chars();
                c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
            } else {
                other.to_string()
            };
            if best.as_ref().is_none_or(|(b, _)| range.start > b.start) {
                best = Some((range, replacement));
            }
        }
    }
    best
}

/// For a numbered annex cited where the document has one unnumbered annex
/// (`annex I`, `附件一`): the number (and the space before it) removed, and
/// the article put in where the language needs one ("in annex I" → "in the
/// annex").
/// "the annex" for a sole annex that is numbered (`Annex I`): the annex
/// word of the reference with the annex's number as the annex writes it
/// ("annex I", `附件一`, "l'annexe I"), the article dropped where the
/// language writes one before an unnumbered annex only ("the annex").
fn numbered_annex_replacement(doc: &Document, r: &Reference, node: crate::syntax::NodeId) -> Option<(TextRange, String)> {
    let annex = std::iter::once(node).chain(doc.ancestors(node)).find(|&n| doc.nodes[n].kind == crate::syntax::NodeKind::Annex)?;
    let number = doc.nodes[annex].number()?;
    let written = doc.masked.get(number.span.start..number.span.end)?.trim_end_matches(['.', '．']);
    let phrase = doc.masked.get(r.range().start..r.range().end)?;
    let word = directions::annex_word(doc.language);
    let lower = phrase.to_lowercase();
    // (lower-casing keeps byte lengths for the words looked for)
    let at = lower.find(word).filter(|_| lower.len() == phrase.len())?;
    let end = at + word.len();
    if phrase[end..].chars().next().is_some_and(char::is_alphabetic) && !word.starts_with(|c: char| c as u32 >= 0x2E80) {
        return None;
    }
    let sep = if word.starts_with(|c: char| c as u32 >= 0x2E80) { "" } else { " " };
    let article = directions::sole_annex_article(doc.language);
    let abs = r.range().start + at;
    let before = &doc.masked[abs.saturating_sub(article.len())..abs];
    let start = if !article.is_empty() && before.len() == article.len() && before.eq_ignore_ascii_case(article) {
        abs - article.len()
    } else {
        abs
    };
    let range = TextRange::new(start, r.range().start + end);
    Some((range, format!("{}{sep}{written}", &phrase[at..end])))
}

fn sole_annex_replacement(doc: &Document, r: &Reference) -> Option<(TextRange, String)> {
    let number = r.numbers().find(|n| n.role == crate::model::NumberRole::Annex)?;
    let before = &doc.masked[..number.span.start];
    let word_end = before.trim_end().len();
    let word_start =
        before[..word_end].rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let word = &doc.masked[word_start..word_end];
    if word.is_empty() || word_end - word_start > 40 {
        return None;
    }
    let article = directions::sole_annex_article(doc.language);
    let has_article = article.is_empty() || before[..word_start].to_lowercase().trim_end().ends_with(article.trim());
    if has_article {
        Some((TextRange::new(word_end, number.span.end), String::new()))
    } else {
        let lower = word.to_lowercase();
        Some((TextRange::new(word_start, number.span.end), format!("{article}{lower}")))
    }
}
