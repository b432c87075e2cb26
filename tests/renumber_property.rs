//! Renumbering after random edits (acceptance 2 of issue 10), with a fixed
//! seed, over the seed, a sample of corpus-dev and the six-language
//! fixtures: a numbered paragraph or subparagraph is inserted (with the
//! number of the one it goes before), deleted, or moved after its next
//! sibling; then the document is renumbered, and
//! - every numbered sequence is consecutive (no numbering.gap, .duplicate,
//!   .order diagnostic), and a second renumbering changes nothing;
//! - every internal reference that resolved before the edit resolves to a
//!   node with the same text (numbers aside), or its target was deleted and
//!   the renumbering reported it;
//! - every external (or unverified) reference is byte for byte as it was.

mod common;

use common::Rng;
use rapporteur::diagnostics::DiagnosticsConfig;
use rapporteur::ide::edit::{apply, TextEdit};
use rapporteur::ide::renumber::{renumber, RenumberScope};
use rapporteur::ide::Analysis;
use rapporteur::model::Status;
use rapporteur::syntax::{NodeId, NodeKind};

fn analyse(text: &str) -> Analysis {
    Analysis::new(text, None, &DiagnosticsConfig::all_enabled())
}

/// A node's own text (up to its first child) without digits or Chinese numerals (which renumbering
/// changes), whitespace collapsed.
fn fingerprint(a: &Analysis, n: NodeId) -> String {
    a.excerpt(n, 300)
        .chars()
        .filter(|c| !c.is_ascii_digit() && !"〇一二三四五六七八九十百".contains(*c))
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// An offset of the text before an edit, in the text after it: the edits
/// are applied in order, each mapping offsets at or after its end by its
/// change of length (offsets inside a deleted range go to its start).
fn map_offset(mut at: usize, edits: &[TextEdit]) -> Option<usize> {
    let mut sorted: Vec<&TextEdit> = edits.iter().collect();
    sorted.sort_by_key(|e| e.range.start);
    let mut shift: isize = 0;
    for e in sorted {
        if e.range.end <= at && !(e.range.is_empty() && e.range.start == at) {
            shift += e.new_text.len() as isize - e.range.len() as isize;
        } else if e.range.start < at {
            return None;
        }
    }
    at = (at as isize + shift) as usize;
    Some(at)
}

enum Mutation {
    Insert,
    Delete,
    Move,
}

/// A random edit of one numbered paragraph or subparagraph: the edit, as
/// text edits of the original (a move is a deletion and an insertion), and
/// the node deleted, if any.
fn mutate(a: &Analysis, rng: &mut Rng) -> Option<(Vec<TextEdit>, Option<NodeId>)> {
    let doc = &a.document;
    let sequences = rapporteur::diagnostics::numbered_sequences(doc);
    let candidates: Vec<(usize, usize)> = sequences
        .iter()
        .enumerate()
        .filter(|(_, s)| s.len() >= 3 && matches!(doc.nodes[s[0]].kind, NodeKind::Paragraph | NodeKind::Subparagraph))
        .flat_map(|(i, s)| (0..s.len() - 1).map(move |k| (i, k)))
        .collect();
    if candidates.is_empty() {
        return None;
    }
    let &(si, k) = rng.pick(&candidates);
    let seq = &sequences[si];
    let node = seq[k];
    let n = &doc.nodes[node];
    let num = n.number()?;
    // Whole lines only: the node starts a line and the next starts a line.
    let line_start = |at: usize| at == 0 || a.text.as_bytes()[at - 1] == b'\n';
    let next = seq[k + 1];
    let next_range = doc.nodes[next].range();
    if !line_start(n.range().start)
        || !line_start(next_range.start)
        || n.range().end > next_range.start
        || n.inline
        || num.span.start < n.range().start
    {
        return None;
    }
    let own = n.range().start..next_range.start;
    let mutation = match rng.below(3) {
        0 => Mutation::Insert,
        1 => Mutation::Delete,
        _ => Mutation::Move,
    };
    match mutation {
        Mutation::Insert => {
            // A copy of the opening up to and including the number, then new words.
            let prefix = &a.text[n.range().start..num.span.end];
            let after_number: String =
                a.text[num.span.end..n.opening().end].chars().take_while(|c| !c.is_alphanumeric() && *c != '\n').collect();
            let words = match doc.language {
                rapporteur::lang::Language::Zh => "新插入的一段。",
                rapporteur::lang::Language::Ru => "Новый текст.",
                rapporteur::lang::Language::Ar => "نص جديد.",
                _ => "Inserted text.",
            };
            let text = format!("{prefix}{after_number}{words}\n\n");
            Some((vec![TextEdit::insert(n.range().start, text)], None))
        }
        Mutation::Delete => Some((vec![TextEdit::delete(rapporteur::text::TextRange::new(own.start, own.end))], Some(node))),
        Mutation::Move => {
            // After the next sibling, which must end where its follower starts.
            let after = seq.get(k + 2).map(|&m| doc.nodes[m].range().start)?;
            if !line_start(after) || doc.nodes[next].range().end > after {
                return None;
            }
            let moved = a.text[own.clone()].to_string();
            let moved = if moved.ends_with('\n') { moved } else { format!("{moved}\n") };
            Some((vec![TextEdit::delete(rapporteur::text::TextRange::new(own.start, own.end)), TextEdit::insert(after, moved)], None))
        }
    }
}

fn check_document(name: &str, text: &str, rng: &mut Rng, rounds: usize) -> usize {
    let before = analyse(text);
    let mut checked = 0;
    let mut fell_back = 0;
    for _ in 0..rounds {
        let Some((mutation, deleted)) = mutate(&before, rng) else { continue };
        let mutated = apply(text, &mutation).unwrap();
        let a = analyse(&mutated);
        let r = renumber(&a, RenumberScope::Document);
        let out = apply(&mutated, &r.edits).unwrap();
        let after = analyse(&out);
        // Consecutive in every scope, idempotent.
        let numbering: Vec<String> = after
            .diagnostics
            .iter()
            .filter(|d| matches!(d.code.as_str(), "numbering.gap" | "numbering.duplicate" | "numbering.order"))
            .map(|d| format!("{}: {}", d.code.as_str(), d.message))
            .collect();
        let unrenumbered = r.notes.iter().any(|n| n.message.contains("not renumbered"));
        assert!(numbering.is_empty() || unrenumbered, "{name}: numbering after renumbering: {numbering:?}");
        assert!(renumber(&after, RenumberScope::Document).edits.is_empty(), "{name}: a second renumbering changes something");
        // The moved paragraph's own references point the other way: skip moves for direction.
        let is_move = mutation.len() == 2;
        for reference in &before.references {
            let (Some(m1), true) = (map_offset(reference.range().start, &mutation), map_offset(reference.range().end, &mutation).is_some())
            else {
                continue;
            };
            if is_move && mutation[0].range.contains_range(reference.range()) {
                continue;
            }
            let Some(m2) = map_offset(m1, &r.edits) else { continue };
            match reference.status {
                Status::External | Status::Unverified => {
                    let len = reference.range().len();
                    assert_eq!(
                        out.get(m2..m2 + len),
                        Some(&text[reference.range().start..reference.range().end]),
                        "{name}: external reference changed"
                    );
                }
                Status::Resolved if reference.is_internal() => {
                    let target = reference.node().unwrap();
                    let gone = deleted.is_some_and(|d| target == d || before.document.ancestors(target).any(|x| x == d));
                    if gone {
                        let now = a.references.iter().find(|x| x.range().start == m1);
                        // Known limit: with its target deleted, a reference can
                        // fall back on a paragraph of the same number in another
                        // numbering scope (the resolver looks in the other
                        // containers); without the version before the edit the
                        // renumbering cannot tell (the server's drift check can).
                        let elsewhere = now.is_some_and(|x| {
                            x.status == Status::Resolved
                                && x.node().is_some_and(|n| {
                                    rapporteur::syntax::scope::numbering_scope(&a.document, n)
                                        != rapporteur::syntax::scope::numbering_scope(&before.document, target)
                                })
                        });
                        if elsewhere {
                            fell_back += 1;
                            continue;
                        }
                        assert!(
                            r.notes.iter().any(|n| n.range.start == m1),
                            "{name}: a reference to the deleted paragraph is not reported: `{}` now {:?}",
                            &text[reference.range().start..reference.range().end],
                            now.map(|x| (x.status, &mutated[x.range().start..x.range().end]))
                        );
                        continue;
                    }
                    let Some(now) = after.references.iter().find(|x| x.range().start == m2) else { continue };
                    // A relative or direction-dependent reading may change with the edit.
                    if now.status != Status::Resolved {
                        continue;
                    }
                    assert_eq!(
                        fingerprint(&after, now.node().unwrap()),
                        fingerprint(&before, target),
                        "{name}: `{}` now cites another paragraph",
                        &out[now.range().start..now.range().end]
                    );
                    checked += 1;
                }
                _ => {}
            }
        }
    }
    if fell_back > 0 {
        eprintln!("{name}: {fell_back} references to a deleted paragraph fell back on one elsewhere");
    }
    checked
}

#[test]
fn renumbering_after_random_edits_keeps_every_reference() {
    let mut docs = vec![common::seed()];
    let dev = common::corpus_dev();
    docs.extend(dev.into_iter().step_by(25));
    for lang in ["zh", "en", "fr", "es", "ru", "ar"] {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lang").join(lang);
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            docs.push(common::Fixture { name: format!("lang/{lang}/{}", entry.file_name().to_string_lossy()), text });
        }
    }
    let mut rng = Rng::new(0x5EED_0010);
    let mut checked = 0;
    for doc in &docs {
        checked += check_document(&doc.name, &doc.text, &mut rng, 4);
    }
    eprintln!("{checked} references followed across {} documents", docs.len());
    // The property was tested on references, not vacuously.
    assert!(checked > 50, "only {checked} references checked");
}
