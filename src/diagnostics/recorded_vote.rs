//! Diagnostic: vote.count, vote.duplicate, vote.overlap, list.unknown-state.
//!
//! A stated figure is compared with the number of distinct names in its
//! list; a name listed twice in one list is reported once per repeated run
//! (page-break artefacts repeat whole runs); a State in two lists of one vote
//! is an error; a name that is no State in a list of States is information.

use std::collections::HashMap;

use crate::lang::states::{closest, is_organisation};
use crate::syntax::names::display_name;
use crate::syntax::{Document, NameItem};

use super::{Code, Diagnostic};

pub(super) fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    for vote in &doc.votes {
        for list in &vote.lists {
            let distinct = distinct_count(&list.items);
            // A list without one State in it is no list of voters read right
            // (a symbol, "see annex", a name garbled beyond recognition), nor
            // is one with digits in a name (a footnote or page number that the
            // OCR ran into the parenthesis): silence.
            let garbled = |i: &NameItem| doc.masked[i.name.start..i.name.end].bytes().any(|b| b.is_ascii_digit());
            let read = list.none || (list.items.iter().any(|i| i.state.is_some()) && !list.items.iter().any(garbled));
            if let Some((_, figure)) = vote.figures.iter().find(|(side, _)| *side == list.side).filter(|_| read) {
                if figure.value as usize != distinct {
                    let listed = match (distinct, list.items.len()) {
                        (1, 1) => "1 name is listed".to_string(),
                        (1, entries) => format!("1 distinct name is listed ({entries} entries)"),
                        (d, entries) if entries != d => format!("{d} distinct names are listed ({entries} entries)"),
                        (d, _) => format!("{d} names are listed"),
                    };
                    out.push(
                        Diagnostic::new(
                            Code::VoteCount,
                            figure.span,
                            format!("the vote states {} {}, but {}", figure.value, list.side.name(), listed),
                        )
                        .with_related(list.heading, format!("the list {}", list.side.name()))
                        .with_replacement_if(
                            figure_written_in_digits(doc, figure.span),
                            figure.span,
                            distinct.to_string(),
                        ),
                    );
                }
            }
            for run in repeated_runs(&list.items) {
                out.push(run_diagnostic(doc, Code::VoteDuplicate, &list.items, &run, &format!("in the list {}", list.side.name())));
            }
            unknown_states(doc, &list.items, out);
        }
        // A State in two lists of one vote.
        let mut first: HashMap<&str, (usize, &NameItem)> = HashMap::new();
        for (li, list) in vote.lists.iter().enumerate() {
            for item in &list.items {
                if item.key.is_empty() {
                    continue;
                }
                match first.get(item.key.as_str()) {
                    Some((other, first_item)) if *other != li => {
                        let name = display_name(&doc.masked, item.name);
                        out.push(
                            Diagnostic::new(
                                Code::VoteOverlap,
                                item.range,
                                format!("{name} is listed both {} and {}", vote.lists[*other].side.name(), list.side.name()),
                            )
                            .with_related(first_item.range, format!("listed {} here", vote.lists[*other].side.name())),
                        );
                    }
                    Some(_) => {}
                    None => {
                        first.insert(item.key.as_str(), (li, item));
                    }
                }
            }
        }
    }
}

/// `list.unknown-state`: in a list that is mostly States, each name that is
/// none (a misspelling, a name the UNTERM table lacks), with the nearest
/// State name as a suggestion. Organisations (the European Union) are
/// expected in lists of speakers and are left alone; former names are States.
pub(super) fn unknown_states(doc: &Document, items: &[NameItem], out: &mut Vec<Diagnostic>) {
    let known = items.iter().filter(|i| i.state.is_some()).count();
    if known == 0 || known * 2 < items.len() {
        return;
    }
    for item in items.iter().filter(|i| i.state.is_none() && !i.key.is_empty()) {
        let name = display_name(&doc.masked, item.name);
        let name = name.as_ref();
        let plausible = name.chars().count() <= 80 && !name.chars().any(|c| c.is_ascii_digit()) && name.chars().any(char::is_alphabetic);
        if !plausible || is_organisation(name) {
            continue;
        }
        let mut message = format!("`{name}` is not the name of a State (UNTERM short, formal or former name in {})", doc.language.name());
        if let Some(suggestion) = closest(doc.language, name) {
            message.push_str(&format!(": did you mean `{suggestion}`?"));
        }
        out.push(Diagnostic::new(Code::ListUnknownState, item.name, message));
    }
}

/// Whether a stated figure is written in ASCII digits (then the quick fix
/// can write the count in its place).
fn figure_written_in_digits(doc: &Document, span: crate::text::TextRange) -> bool {
    let written = &doc.masked[span.start..span.end];
    !written.is_empty() && written.bytes().all(|b| b.is_ascii_digit())
}

pub(super) fn distinct_count(items: &[NameItem]) -> usize {
    let mut keys: Vec<&str> = items.iter().map(|i| i.key.as_str()).filter(|k| !k.is_empty()).collect();
    keys.sort_unstable();
    keys.dedup();
    keys.len()
}

/// A run of repeated names: indices of the repeats, and of their first occurrences.
pub(super) struct Run {
    pub repeats: Vec<usize>,
    pub firsts: Vec<usize>,
}

/// Groups repeated names into runs: consecutive repeats whose first
/// occurrences are also consecutive form one run.
pub(super) fn repeated_runs(items: &[NameItem]) -> Vec<Run> {
    let mut first_index: HashMap<&str, usize> = HashMap::new();
    let mut runs: Vec<Run> = Vec::new();
    let mut last_repeat: Option<(usize, usize)> = None;
    for (i, item) in items.iter().enumerate() {
        if item.key.is_empty() {
            continue;
        }
        match first_index.get(item.key.as_str()) {
            Some(&f) => {
                let continues = last_repeat.is_some_and(|(pi, pf)| pi + 1 == i && pf + 1 == f);
                match runs.last_mut() {
                    Some(run) if continues => {
                        run.repeats.push(i);
                        run.firsts.push(f);
                    }
                    _ => runs.push(Run { repeats: vec![i], firsts: vec![f] }),
                }
                last_repeat = Some((i, f));
            }
            None => {
                first_index.insert(item.key.as_str(), i);
            }
        }
    }
    runs
}

pub(super) fn run_diagnostic(doc: &Document, code: Code, items: &[NameItem], run: &Run, where_: &str) -> Diagnostic {
    let name = |i: usize| display_name(&doc.masked, items[i].name);
    let first_repeat = run.repeats[0];
    let last_repeat = *run.repeats.last().unwrap_or(&first_repeat);
    let range = items[first_repeat].range.cover(items[last_repeat].range);
    let first_range = items[run.firsts[0]].range.cover(items[*run.firsts.last().unwrap_or(&run.firsts[0])].range);
    let message = if run.repeats.len() == 1 {
        format!("{} is listed twice {where_}", name(first_repeat))
    } else {
        format!(
            "{} names are listed twice {where_}: {} … {} repeat an earlier run",
            run.repeats.len(),
            name(first_repeat),
            name(last_repeat)
        )
    };
    // The fix removes the run with the separator before it.
    let removal =
        first_repeat.checked_sub(1).map(|before| crate::text::TextRange::new(items[before].range.end, items[last_repeat].range.end));
    let d = Diagnostic::new(code, range, message).with_related(first_range, "first listed here");
    match removal {
        Some(r) if !doc.masked[r.start..r.end].contains("\n\n") => d.with_replacement(r, ""),
        _ => d,
    }
}
