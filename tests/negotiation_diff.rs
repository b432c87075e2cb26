//! `rapporteur diff` as a property: revision pairs made from corpus
//! paragraphs (one insertion, deletion, move, split, merge and word edit
//! each, at random places, fixed seed), renumbered as a secretariat would;
//! the number map and the classification of every paragraph must be the
//! ones the generator knows.

mod common;

use std::collections::HashSet;

use common::Rng;
use rapporteur::diagnostics::DiagnosticsConfig;
use rapporteur::ide::Analysis;
use rapporteur::negotiation::diff::{self, Kind, Revision, RevisionDiff};

fn words(s: &str) -> HashSet<String> {
    s.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).filter(|w| w.len() > 3).collect()
}

fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let inter = a.intersection(b).count() as f64;
    let union = a.union(b).count().max(1) as f64;
    inter / union
}

/// The numbered paragraphs of a corpus document, flattened, that make good
/// material: long enough, no markup, not near-duplicates of each other.
fn material(text: &str) -> Vec<String> {
    let a = Analysis::new(text.to_string(), None, &DiagnosticsConfig::all_enabled());
    let mut out: Vec<String> = Vec::new();
    let mut seen: Vec<HashSet<String>> = Vec::new();
    for (id, n) in a.document.nodes.iter().enumerate() {
        if n.kind != rapporteur::syntax::NodeKind::Paragraph || n.number().is_none() || !a.document.children(id).is_empty() {
            continue;
        }
        let _ = id;
        let num = n.number().unwrap();
        let body = &a.text[num.span.end..n.range().end];
        let flat = body.trim_start_matches(['.', ' ']).split_whitespace().collect::<Vec<_>>().join(" ");
        let ok = flat.split_whitespace().count() >= 26
            && flat.split_whitespace().count() <= 160
            && flat.chars().next().is_some_and(char::is_uppercase)
            && !flat.contains(['[', ']', '*', '#', '|', '_'])
            && flat.ends_with(['.', ';']);
        if !ok {
            continue;
        }
        let w = words(&flat);
        if seen.iter().any(|s| jaccard(s, &w) > 0.3) {
            continue;
        }
        seen.push(w);
        out.push(flat);
    }
    out
}

#[derive(Clone, Debug, PartialEq)]
enum Origin {
    Same(usize),
    Edited(usize),
    Moved(usize),
    Inserted,
    SplitPart(usize),
    Merged(usize, usize),
}

fn render(paragraphs: &[String]) -> String {
    let mut s = String::from("Draft outcome document\n\n");
    for (k, p) in paragraphs.iter().enumerate() {
        s.push_str(&format!("{}. {p}\n\n", k + 1));
    }
    s
}

fn run(old: &str, new: &str) -> RevisionDiff {
    let a = Analysis::new(old.to_string(), None, &DiagnosticsConfig::all_enabled());
    let b = Analysis::new(new.to_string(), None, &DiagnosticsConfig::all_enabled());
    let (ma, mb) = (a.negotiation(), b.negotiation());
    diff::diff(&Revision { text: &a.text, doc: &a.document, markup: &ma }, &Revision { text: &b.text, doc: &b.document, markup: &mb })
}

/// A generated case: the old paragraphs, the new ones with their origins.
type Case = (Vec<String>, Vec<(String, Origin)>);

/// One generated case.
fn generate(rng: &mut Rng, doc: &[String], foreign: &[(String, HashSet<String>)]) -> Option<Case> {
    let n = doc.len().min(24);
    if n < 10 {
        return None;
    }
    let start = rng.below(doc.len() - n + 1);
    let old: Vec<String> = doc[start..start + n].to_vec();
    let mut new: Vec<(String, Origin)> = old.iter().cloned().enumerate().map(|(i, p)| (p, Origin::Same(i))).collect();
    // Distinct sites for the six operations.
    let mut sites: Vec<usize> = (0..n - 1).collect();
    rng.shuffle(&mut sites);
    let pick_site = |sites: &mut Vec<usize>, taken: &mut HashSet<usize>, pred: &dyn Fn(usize) -> bool| -> Option<usize> {
        let k = sites.iter().position(|&s| !taken.contains(&s) && !taken.contains(&(s + 1)) && pred(s))?;
        let s = sites.remove(k);
        taken.insert(s);
        Some(s)
    };
    let mut taken: HashSet<usize> = HashSet::new();
    let long = |i: usize| old[i].split_whitespace().count() >= 30;
    let split = pick_site(&mut sites, &mut taken, &long)?;
    let merge = pick_site(&mut sites, &mut taken, &|_| true)?;
    taken.insert(merge + 1);
    let edit = pick_site(&mut sites, &mut taken, &long)?;
    let delete = pick_site(&mut sites, &mut taken, &|_| true)?;
    let moved = pick_site(&mut sites, &mut taken, &|_| true)?;
    // Edit: two words in the middle replaced.
    {
        let ws: Vec<&str> = old[edit].split_whitespace().collect();
        let at = ws.len() / 2;
        let mut nw: Vec<String> = ws.iter().map(|s| s.to_string()).collect();
        nw[at] = "reinvigorated".into();
        nw[at + 1] = "multilateral".into();
        new[edit] = (nw.join(" "), Origin::Edited(edit));
    }
    // Split at a word boundary in the middle.
    let (first, second) = {
        let ws: Vec<&str> = old[split].split_whitespace().collect();
        let at = ws.len() / 2;
        let mut second = ws[at..].join(" ");
        let mut c = second.chars();
        if let Some(f) = c.next() {
            second = f.to_uppercase().chain(c).collect();
        }
        (format!("{}.", ws[..at].join(" ").trim_end_matches([',', ';'])), second)
    };
    // Merge two neighbours.
    let merged = format!("{} {}", old[merge].trim_end_matches(['.', ';']).to_string() + ",", {
        let s = &old[merge + 1];
        let mut c = s.chars();
        c.next().map(|f| f.to_lowercase().chain(c).collect::<String>()).unwrap_or_default()
    });
    // A foreign paragraph unlike every one of this document.
    let mine: Vec<HashSet<String>> = old.iter().map(|p| words(p)).collect();
    let candidates: Vec<&String> = foreign.iter().filter(|(_, fw)| mine.iter().all(|m| jaccard(m, fw) < 0.2)).map(|(f, _)| f).collect();
    if candidates.is_empty() {
        return None;
    }
    let inserted = (*rng.pick(&candidates)).clone();
    // Assemble in old order, then move one paragraph at least 3 places.
    let mut out: Vec<(String, Origin)> = Vec::new();
    for (i, item) in new.into_iter().enumerate() {
        if i == delete || i == merge + 1 {
            continue;
        }
        if i == split {
            out.push((first.clone(), Origin::SplitPart(i)));
            out.push((second.clone(), Origin::SplitPart(i)));
        } else if i == merge {
            out.push((merged.clone(), Origin::Merged(merge, merge + 1)));
        } else {
            out.push(item);
        }
    }
    let at = rng.below(out.len() + 1);
    out.insert(at, (inserted, Origin::Inserted));
    let from = out.iter().position(|(_, o)| *o == Origin::Same(moved))?;
    let (text, _) = out.remove(from);
    let mut to = rng.below(out.len() + 1);
    if to.abs_diff(from) < 3 {
        to = if from >= 3 { from - 3 } else { (from + 3).min(out.len()) };
    }
    out.insert(to, (text, Origin::Moved(moved)));
    Some((old, out))
}

#[test]
fn generated_revisions_are_aligned_and_numbered_right() {
    // The English corpus fixtures and the smaller English corpus-dev texts
    // (an analysis in a debug build is the cost here).
    let dev = common::corpus_dev().into_iter().filter(|f| f.name.contains("/en_") && f.text.len() < 60_000);
    let docs: Vec<Vec<String>> =
        common::english_corpus().into_iter().chain(dev.take(40)).map(|f| material(&f.text)).filter(|m| m.len() >= 10).collect();
    assert!(docs.len() >= 5, "only {} corpus documents give material", docs.len());
    let foreign: Vec<(String, HashSet<String>)> = docs.iter().flat_map(|d| d.iter().take(8).map(|p| (p.clone(), words(p)))).collect();
    let mut rng = Rng::new(0x0014_d1ff);
    let mut cases = 0;
    for round in 0..60 {
        let doc = &docs[round % docs.len()];
        let Some((old, new)) = generate(&mut rng, doc, &foreign) else { continue };
        let old_text = render(&old);
        let new_text = render(&new.iter().map(|(t, _)| t.clone()).collect::<Vec<_>>());
        let d = run(&old_text, &new_text);
        assert_eq!(d.old.len(), old.len(), "round {round}: old parsed into {} paragraphs:\n{old_text}", d.old.len());
        assert_eq!(d.new.len(), new.len(), "round {round}: new parsed into {} paragraphs:\n{new_text}", d.new.len());
        // Expected map: old number → new number(s).
        let mut want: Vec<Option<String>> = vec![None; old.len()];
        for (k, (_, o)) in new.iter().enumerate() {
            let num = (k + 1).to_string();
            match *o {
                Origin::Same(i) | Origin::Edited(i) | Origin::Moved(i) => want[i] = Some(num),
                Origin::SplitPart(i) => {
                    want[i] = Some(match &want[i] {
                        Some(prev) => format!("{prev}+{num}"),
                        None => num,
                    })
                }
                Origin::Merged(i, j) => {
                    want[i] = Some(num.clone());
                    want[j] = Some(num);
                }
                Origin::Inserted => {}
            }
        }
        let got: Vec<Option<String>> = d.number_map.iter().flat_map(|(_, m)| m.iter().map(|(_, n)| n.clone())).collect();
        assert_eq!(got, want, "round {round}: number map\nold:\n{old_text}\nnew:\n{new_text}");
        // Expected kinds, by new position (deletions have none).
        for e in &d.entries {
            let expected = match e.new.first().map(|&j| &new[j].1) {
                None => Kind::Deleted,
                Some(Origin::Same(_)) => Kind::Unchanged,
                Some(Origin::Edited(_)) => Kind::Changed,
                Some(Origin::Moved(_)) => Kind::Moved,
                Some(Origin::Inserted) => Kind::Inserted,
                Some(Origin::SplitPart(_)) => Kind::Split,
                Some(Origin::Merged(..)) => Kind::Merged,
            };
            assert_eq!(e.kind, expected, "round {round}: entry {e:?}\nold:\n{old_text}\nnew:\n{new_text}");
        }
        for k in [Kind::Changed, Kind::Moved, Kind::Inserted, Kind::Deleted, Kind::Split, Kind::Merged] {
            assert_eq!(d.count(k), 1, "round {round}: {} {:?}", d.count(k), k);
        }
        cases += 1;
    }
    assert!(cases >= 30, "only {cases} cases generated");
}
