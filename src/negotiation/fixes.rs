//! The actions a draft offers at the cursor, as [`Fix`]es
//! (`FixKind::Refactor`): accept one of a set of alternatives (the brackets
//! and the other options go), drop a bracketed passage, keep a bracketed
//! passage (the brackets go), mark a paragraph agreed.

use super::markup::{Markup, PairKind, TagKind};
use super::status::is_counted;
use crate::ide::edit::{Fix, FixKind, TextEdit};
use crate::ide::Analysis;
use crate::lang::tables::negotiation_markup::words;
use crate::syntax::Document;
use crate::text::TextRange;

fn short(s: &str) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > 40 {
        format!("{}…", flat.chars().take(40).collect::<String>())
    } else {
        flat
    }
}

fn refactor(title: String, edits: Vec<TextEdit>) -> Fix {
    Fix { title, kind: FixKind::Refactor, code: None, diagnostic_range: None, preferred: false, edits }
}

/// The negotiation actions at `range` (a cursor or a selection) of an analysed draft.
pub fn fixes(a: &Analysis, range: TextRange) -> Vec<Fix> {
    let markup = a.negotiation();
    if !markup.draft && markup.pairs.iter().all(|p| p.kind != PairKind::Negotiation) {
        return Vec::new();
    }
    // What the fixes read: the text up to the end of the line where the
    // last passage or paragraph they touch ends (the text is not made whole).
    let touches = |r: TextRange| r.start <= range.end && range.start <= r.end;
    let mut end = range.end;
    end = markup.alternatives.iter().filter(|x| touches(x.whole)).fold(end, |e, x| e.max(x.whole.end));
    end = markup.pairs.iter().filter(|p| touches(p.range())).fold(end, |e, p| e.max(p.range().end));
    let doc = &a.document;
    if let Some(id) = doc.node_at(range.start) {
        end = std::iter::once(id)
            .chain(doc.ancestors(id))
            .filter(|&n| is_counted(doc.nodes[n].kind))
            .fold(end, |e, n| e.max(doc.nodes[n].range().end));
    }
    let (line_start, line) = a.lines_around(TextRange::empty(end.min(a.text.len())));
    let text = a.text.slice(0..line_start + line.len());
    fixes_in(&text, doc, &markup, range)
}

/// The same, from the text, its tree and its markup.
pub fn fixes_in(text: &str, doc: &Document, markup: &Markup, range: TextRange) -> Vec<Fix> {
    let mut out = Vec::new();
    if !markup.draft && markup.pairs.iter().all(|p| p.kind != PairKind::Negotiation) {
        return out;
    }
    let touches = |r: TextRange| r.start <= range.end && range.start <= r.end;
    // Accept an alternative.
    if let Some(alts) = markup.alternatives.iter().filter(|x| touches(x.whole)).min_by_key(|x| x.whole.len()) {
        for (i, c) in alts.choices.iter().enumerate() {
            let kept = match c.label {
                // A paragraph: the first option's number, this one's text.
                _ if c.paragraph => {
                    let first = alts.choices[0].range;
                    let number = &text[first.start..first.start + super::markup::skip_paragraph_number(&text[first.start..first.end])];
                    let own = &text[c.range.start..c.range.end];
                    let body_start = c.label.map_or(c.range.start + super::markup::skip_paragraph_number(own), |l| l.end);
                    format!("{number}{}", &text[body_start..c.range.end])
                }
                // `[Alt 1: text]`: the text between the label and the `]`.
                Some(l) if text[c.range.start..c.range.end].ends_with([']', '］']) => {
                    let close = text[..c.range.end].chars().next_back().map_or(1, char::len_utf8);
                    text[l.end..c.range.end - close].trim().to_string()
                }
                Some(l) => text[l.end..c.range.end].trim_start().to_string(),
                None => text[c.range.start..c.range.end].to_string(),
            };
            out.push(refactor(format!("Accept alternative {}: “{}”", i + 1, short(&kept)), vec![TextEdit::replace(alts.whole, kept)]));
        }
    }
    // Drop or keep the innermost bracketed passage.
    if let Some(p) = markup.pairs.iter().filter(|p| p.kind == PairKind::Negotiation && touches(p.range())).min_by_key(|p| p.range().len()) {
        let r = p.range();
        // One blank goes with it, so that no double space is left.
        let mut del = r;
        if text[r.end..].starts_with(' ') && (r.start == 0 || text[..r.start].ends_with([' ', '\n'])) {
            del.end += 1;
        } else if text[..r.start].ends_with(' ') {
            del.start -= 1;
        }
        let inner = &text[p.open.end..p.close.start];
        out.push(refactor(format!("Drop the bracketed text “{}”", short(inner)), vec![TextEdit::delete(del)]));
        out.push(refactor(
            format!("Keep the bracketed text “{}” (remove the brackets)", short(inner)),
            vec![TextEdit::delete(p.open), TextEdit::delete(p.close)],
        ));
    }
    // Mark the paragraph agreed.
    if markup.draft {
        if let Some(id) = doc.node_at(range.start) {
            let para = std::iter::once(id).chain(doc.ancestors(id)).filter(|&n| is_counted(doc.nodes[n].kind)).last();
            if let Some(para) = para {
                let r = doc.nodes[para].range();
                let tagged = markup.tags.iter().any(|t| t.kind == TagKind::Agreed && r.contains_range(t.range));
                if !tagged {
                    let end = r.start + text[r.start..r.end].trim_end().len();
                    let tag = words(doc.language).agreed_tag;
                    out.push(refactor(
                        format!("Mark {} agreed ({tag})", crate::diagnostics::node_label(doc, para)),
                        vec![TextEdit::insert(end, format!(" {tag}"))],
                    ));
                }
            }
        }
    }
    out
}
