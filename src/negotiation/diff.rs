//! Aligning two revisions of a draft (`rapporteur diff OLD NEW`): the
//! paragraphs are matched by their content, not their numbers (numbers
//! move), and each is reported unchanged, changed (with the words that
//! changed: words in alphabetic scripts, characters in Chinese), moved,
//! inserted, deleted, split into several or merged from several. The
//! old→new number map per numbering scope follows, and the status each
//! paragraph carries over (agreed in the old revision and changed in the
//! new one is a warning).
//!
//! The alignment is near-linear: identical paragraphs are paired through a
//! hash map, the rest through an index of word pairs (rare ones only), and
//! moves are what the longest increasing run of paired positions leaves out.

use std::collections::HashMap;

use super::markup::{Markup, TagKind};
use super::status::{is_counted, paragraph_statuses, Status};
use crate::syntax::{Document, NodeKind};
use crate::text::TextRange;

/// One revision: its text, tree and markup.
pub struct Revision<'a> {
    pub text: &'a str,
    pub doc: &'a Document,
    pub markup: &'a Markup,
}

/// A paragraph of a revision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    /// As a drafter says it: "paragraph 3", "PP2".
    pub label: String,
    /// The number as written (`3`, `PP2` for the second preambular paragraph).
    pub number: String,
    /// The numbering scope: the eId of the container (`annex__sec_II`, `` for the body).
    pub scope: String,
    pub eid: String,
    pub range: TextRange,
    /// The paragraph's status; `None` when the text is no draft.
    pub status: Option<Status>,
    /// The words (and punctuation, and Chinese characters) without the
    /// number and status tags.
    pub tokens: Vec<TextRange>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Unchanged,
    Changed,
    Moved,
    Inserted,
    Deleted,
    Split,
    Merged,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Unchanged => "unchanged",
            Kind::Changed => "changed",
            Kind::Moved => "moved",
            Kind::Inserted => "inserted",
            Kind::Deleted => "deleted",
            Kind::Split => "split",
            Kind::Merged => "merged",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Same,
    Deleted,
    Inserted,
}

/// A run of the word diff: text of the old revision (`Same`, `Deleted`) or
/// of the new one (`Inserted`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub op: Op,
    pub text: String,
}

/// One line of the alignment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub kind: Kind,
    /// Indices into [`RevisionDiff::old`] (empty for an insertion).
    pub old: Vec<usize>,
    /// Indices into [`RevisionDiff::new`] (empty for a deletion).
    pub new: Vec<usize>,
    /// Whether the words changed (a moved paragraph may be changed too).
    pub changed: bool,
    /// The word diff of a changed, moved, split or merged paragraph.
    pub pieces: Vec<Piece>,
}

/// A paragraph agreed in the old revision that the new one changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusWarning {
    pub old: usize,
    pub new: Vec<usize>,
    pub message: String,
}

/// The old numbers of one scope and what became of them (`None`: deleted;
/// `4+5` for a paragraph split in two).
pub type NumberMap = Vec<(String, Option<String>)>;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RevisionDiff {
    pub old: Vec<Unit>,
    pub new: Vec<Unit>,
    /// In the new revision's order, deletions where they were.
    pub entries: Vec<Entry>,
    /// Per scope (old scope), the old numbers and the new ones (`None`: deleted).
    pub number_map: Vec<(String, NumberMap)>,
    pub warnings: Vec<StatusWarning>,
}

impl RevisionDiff {
    pub fn count(&self, kind: Kind) -> usize {
        self.entries.iter().filter(|e| e.kind == kind).count()
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0x3040..=0x30FF | 0xAC00..=0xD7AF | 0x20000..=0x2FFFF)
}

/// Words, single Chinese characters and single punctuation marks of `range`,
/// skipping `skip` (number, tags).
fn tokenize(text: &str, range: TextRange, skip: &[TextRange], out: &mut Vec<TextRange>) {
    let s = &text[range.start..range.end];
    let mut word: Option<usize> = None;
    let in_skip = |at: usize| skip.iter().any(|r| r.start <= at && at < r.end);
    for (i, c) in s.char_indices() {
        let at = range.start + i;
        let wordish = (c.is_alphanumeric() || c == '’' || c == '\'' || c == '-') && !is_cjk(c);
        if wordish && !in_skip(at) {
            word.get_or_insert(at);
            continue;
        }
        if let Some(w) = word.take() {
            out.push(TextRange::new(w, at));
        }
        if in_skip(at) || c.is_whitespace() || matches!(c, '*' | '_' | '#') {
            continue;
        }
        out.push(TextRange::new(at, at + c.len_utf8()));
    }
    if let Some(w) = word {
        out.push(TextRange::new(w, range.end));
    }
}

/// The paragraphs of a revision, in text order.
pub fn units(rev: &Revision<'_>) -> Vec<Unit> {
    let doc = rev.doc;
    let statuses = paragraph_statuses(doc, rev.markup);
    let status_of: HashMap<usize, Status> = statuses.iter().map(|s| (s.node, s.status)).collect();
    let tags: Vec<TextRange> =
        rev.markup.tags.iter().filter(|t| matches!(t.kind, TagKind::Agreed | TagKind::SilenceBroken)).map(|t| t.range).collect();
    let mut out = Vec::new();
    let mut preambular = 0;
    for (id, n) in doc.nodes.iter().enumerate() {
        if !is_counted(n.kind) || doc.ancestors(id).any(|a| is_counted(doc.nodes[a].kind)) {
            continue;
        }
        let written = n.number().map(|num| doc.masked[num.span.start..num.span.end].to_string());
        let (label, number) = match (n.kind, written) {
            (NodeKind::PreambularParagraph, _) => {
                preambular += 1;
                (format!("PP{preambular}"), format!("PP{preambular}"))
            }
            (_, Some(w)) => (crate::diagnostics::node_label(doc, id), w),
            (_, None) => (crate::diagnostics::node_label(doc, id), String::new()),
        };
        let scope = doc.eid(id).rsplit_once("__").map_or(String::new(), |(s, _)| s.to_string());
        let mut skip: Vec<TextRange> = tags.iter().copied().filter(|t| t.start < n.range().end && n.range().start < t.end).collect();
        if let Some(num) = n.number() {
            // The number with its full stop or brackets.
            let mut end = num.span.end;
            if let Some(c) = rev.text[end..].chars().next().filter(|c| matches!(c, '.' | ')' | '）' | '、' | '．')) {
                end += c.len_utf8();
            }
            skip.push(TextRange::new(n.range().start.min(num.span.start), end));
        }
        let mut tokens = Vec::new();
        tokenize(rev.text, n.range(), &skip, &mut tokens);
        out.push(Unit {
            label,
            number,
            scope,
            eid: doc.eid(id).to_string(),
            range: n.range(),
            status: status_of.get(&id).copied(),
            tokens,
        });
    }
    out
}

fn fold(s: &str) -> String {
    s.to_lowercase()
}

fn hash_str(s: &str) -> u64 {
    crate::hash::hash_str(s)
}

/// The shingles of a unit: hashes of pairs of consecutive words (single
/// words for a paragraph of one word), punctuation left out.
fn shingles(text: &str, u: &Unit) -> Vec<u64> {
    let words: Vec<String> =
        u.tokens.iter().map(|r| &text[r.start..r.end]).filter(|w| w.chars().any(char::is_alphanumeric)).map(fold).collect();
    let mut out: Vec<u64> = if words.len() < 2 {
        words.iter().map(|w| hash_str(w)).collect()
    } else {
        words.windows(2).map(|p| hash_str(&format!("{}\u{1}{}", p[0], p[1]))).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

fn key(text: &str, u: &Unit) -> String {
    let mut k = String::new();
    for r in &u.tokens {
        k.push_str(&text[r.start..r.end]);
        k.push('\u{1}');
    }
    k
}

/// Candidates of `from` units among `to` units sharing rare shingles: (to index, shared count).
fn candidates(sh: &[u64], index: &HashMap<u64, Vec<usize>>, limit: usize) -> Vec<(usize, usize)> {
    let mut hits: HashMap<usize, usize> = HashMap::new();
    for h in sh {
        if let Some(list) = index.get(h) {
            if list.len() <= limit {
                for &t in list {
                    *hits.entry(t).or_default() += 1;
                }
            }
        }
    }
    let mut v: Vec<(usize, usize)> = hits.into_iter().collect();
    v.sort_by_key(|&(t, n)| (std::cmp::Reverse(n), t));
    v.truncate(8);
    v
}

/// Aligns the paragraphs of two revisions.
pub fn diff(old: &Revision<'_>, new: &Revision<'_>) -> RevisionDiff {
    let ou = units(old);
    let nu = units(new);
    let mut o2n: Vec<Option<usize>> = vec![None; ou.len()];
    let mut n2o: Vec<Option<usize>> = vec![None; nu.len()];
    // 1. Identical paragraphs, in order.
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for (j, u) in nu.iter().enumerate().rev() {
        by_key.entry(key(new.text, u)).or_default().push(j);
    }
    for (i, u) in ou.iter().enumerate() {
        if let Some(list) = by_key.get_mut(&key(old.text, u)) {
            if let Some(j) = list.pop() {
                o2n[i] = Some(j);
                n2o[j] = Some(i);
            }
        }
    }
    // 2. Similar paragraphs (shingle Dice ≥ 0.5), best first.
    let osh: Vec<Vec<u64>> = ou.iter().map(|u| shingles(old.text, u)).collect();
    let nsh: Vec<Vec<u64>> = nu.iter().map(|u| shingles(new.text, u)).collect();
    let mut nindex: HashMap<u64, Vec<usize>> = HashMap::new();
    for (j, sh) in nsh.iter().enumerate() {
        for &h in sh {
            nindex.entry(h).or_default().push(j);
        }
    }
    let mut oindex: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, sh) in osh.iter().enumerate() {
        for &h in sh {
            oindex.entry(h).or_default().push(i);
        }
    }
    let limit = 64;
    let mut pairs: Vec<(u32, usize, usize, usize)> = Vec::new();
    for i in 0..ou.len() {
        if o2n[i].is_some() || osh[i].is_empty() {
            continue;
        }
        for (j, n) in candidates(&osh[i], &nindex, limit) {
            if n2o[j].is_some() {
                continue;
            }
            let dice = (2000 * n / (osh[i].len() + nsh[j].len())) as u32;
            if dice >= 500 {
                pairs.push((dice, i.abs_diff(j), i, j));
            }
        }
    }
    pairs.sort_by_key(|&(d, dist, i, j)| (std::cmp::Reverse(d), dist, i, j));
    for (_, _, i, j) in pairs {
        if o2n[i].is_none() && n2o[j].is_none() {
            o2n[i] = Some(j);
            n2o[j] = Some(i);
        }
    }
    // 3. Splits: an unpaired new paragraph mostly contained in an old one;
    // merges: an unpaired old paragraph mostly contained in a new one.
    let contained = |part: &[u64], whole: &[u64]| !part.is_empty() && shared(part, whole) * 10 >= part.len() * 6;
    let mut split_of: Vec<Option<usize>> = vec![None; nu.len()];
    for j in 0..nu.len() {
        if n2o[j].is_some() {
            continue;
        }
        let best = candidates(&nsh[j], &oindex, limit).into_iter().map(|(i, _)| i).find(|&i| contained(&nsh[j], &osh[i]));
        split_of[j] = best;
    }
    let mut merge_into: Vec<Option<usize>> = vec![None; ou.len()];
    for i in 0..ou.len() {
        if o2n[i].is_some() {
            continue;
        }
        let best = candidates(&osh[i], &nindex, limit).into_iter().map(|(j, _)| j).find(|&j| contained(&osh[i], &nsh[j]));
        merge_into[i] = best;
    }
    // 4. Moves: paired paragraphs outside the longest increasing run.
    let paired: Vec<(usize, usize)> = o2n.iter().enumerate().filter_map(|(i, j)| j.map(|j| (i, j))).collect();
    let keep = longest_increasing(&paired.iter().map(|&(_, j)| j).collect::<Vec<_>>());
    let mut moved = vec![false; ou.len()];
    for (k, &(i, _)) in paired.iter().enumerate() {
        if !keep[k] {
            moved[i] = true;
        }
    }
    // 5. Entries, in the new revision's order; deletions after the
    // paragraph that preceded them.
    let mut entries: Vec<Entry> = Vec::new();
    let mut done_old = vec![false; ou.len()];
    let mut done_new = vec![false; nu.len()];
    let mut deleted_after: HashMap<Option<usize>, Vec<usize>> = HashMap::new();
    for i in 0..ou.len() {
        if o2n[i].is_none() && merge_into[i].is_none() && !(0..nu.len()).any(|j| split_of[j] == Some(i)) {
            // Anchor: the new position of the nearest paired paragraph before.
            let anchor = (0..i).rev().find_map(|k| o2n[k]);
            deleted_after.entry(anchor).or_default().push(i);
        }
    }
    let push_deleted = |anchor: Option<usize>, entries: &mut Vec<Entry>, done_old: &mut Vec<bool>| {
        if let Some(list) = deleted_after.get(&anchor) {
            for &i in list {
                if !done_old[i] {
                    done_old[i] = true;
                    entries.push(Entry { kind: Kind::Deleted, old: vec![i], new: vec![], changed: true, pieces: vec![] });
                }
            }
        }
    };
    push_deleted(None, &mut entries, &mut done_old);
    // Splits by old paragraph, merges by new paragraph.
    let mut splits: HashMap<usize, Vec<usize>> = HashMap::new();
    for (j, s) in split_of.iter().enumerate() {
        if let Some(i) = s {
            splits.entry(*i).or_default().push(j);
        }
    }
    let mut merges: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, m) in merge_into.iter().enumerate() {
        if let Some(j) = m {
            merges.entry(*j).or_default().push(i);
        }
    }
    for j in 0..nu.len() {
        if done_new[j] {
            continue;
        }
        if let Some(i) = n2o[j].filter(|i| splits.contains_key(i)).or(split_of[j]) {
            // A split: the old paragraph and every new part.
            let mut parts: Vec<usize> = splits.get(&i).cloned().unwrap_or_default();
            if let Some(p) = o2n[i] {
                parts.push(p);
            }
            parts.sort_unstable();
            parts.dedup();
            for &p in &parts {
                done_new[p] = true;
            }
            done_old[i] = true;
            let joined: Vec<TextRange> = parts.iter().flat_map(|&p| nu[p].tokens.iter().copied()).collect();
            let pieces = word_diff(old.text, &ou[i].tokens, new.text, &joined);
            entries.push(Entry { kind: Kind::Split, old: vec![i], new: parts, changed: true, pieces });
        } else if let Some(olds) = merges.get(&j) {
            let mut from: Vec<usize> = olds.clone();
            if let Some(i) = n2o[j] {
                from.push(i);
            }
            from.sort_unstable();
            from.dedup();
            for &i in &from {
                done_old[i] = true;
            }
            done_new[j] = true;
            let joined: Vec<TextRange> = from.iter().flat_map(|&i| ou[i].tokens.iter().copied()).collect();
            let pieces = word_diff(old.text, &joined, new.text, &nu[j].tokens);
            entries.push(Entry { kind: Kind::Merged, old: from, new: vec![j], changed: true, pieces });
        } else if let Some(i) = n2o[j] {
            done_old[i] = true;
            done_new[j] = true;
            let same = key(old.text, &ou[i]) == key(new.text, &nu[j]);
            let pieces = if same { Vec::new() } else { word_diff(old.text, &ou[i].tokens, new.text, &nu[j].tokens) };
            let kind = if moved[i] {
                Kind::Moved
            } else if same {
                Kind::Unchanged
            } else {
                Kind::Changed
            };
            entries.push(Entry { kind, old: vec![i], new: vec![j], changed: !same, pieces });
        } else {
            done_new[j] = true;
            entries.push(Entry { kind: Kind::Inserted, old: vec![], new: vec![j], changed: true, pieces: vec![] });
        }
        push_deleted(Some(j), &mut entries, &mut done_old);
    }
    for (i, done) in done_old.iter().enumerate() {
        if !done {
            entries.push(Entry { kind: Kind::Deleted, old: vec![i], new: vec![], changed: true, pieces: vec![] });
        }
    }
    // 6. The number map, per old scope, in old order.
    let mut target: Vec<Option<String>> = vec![None; ou.len()];
    for e in &entries {
        if let Some(&first) = e.new.first() {
            for &i in &e.old {
                let label = match e.new.len() {
                    1 => nu[first].number.clone(),
                    _ => e.new.iter().map(|&j| nu[j].number.as_str()).collect::<Vec<_>>().join("+"),
                };
                target[i] = Some(label);
            }
        }
    }
    let mut number_map: Vec<(String, NumberMap)> = Vec::new();
    for (i, u) in ou.iter().enumerate() {
        if u.number.is_empty() {
            continue;
        }
        if number_map.last().is_none_or(|(s, _)| *s != u.scope) {
            number_map.push((u.scope.clone(), Vec::new()));
        }
        if let Some((_, list)) = number_map.last_mut() {
            list.push((u.number.clone(), target[i].clone()));
        }
    }
    // 7. Status carried over.
    let mut warnings = Vec::new();
    for e in &entries {
        for &i in &e.old {
            if ou[i].status != Some(Status::Agreed) || !e.changed {
                continue;
            }
            let what = match e.kind {
                Kind::Deleted => "is deleted".to_string(),
                Kind::Split => "is split".to_string(),
                Kind::Merged => "is merged with another".to_string(),
                _ => "is changed".to_string(),
            };
            let now = e.new.iter().map(|&j| nu[j].label.clone()).collect::<Vec<_>>().join(", ");
            let message = if now.is_empty() {
                format!("{} was agreed in the old revision and {what} in the new one", ou[i].label)
            } else {
                format!("{} was agreed in the old revision and {what} in the new one ({now})", ou[i].label)
            };
            warnings.push(StatusWarning { old: i, new: e.new.clone(), message });
        }
    }
    RevisionDiff { old: ou, new: nu, entries, number_map, warnings }
}

/// Marks which elements belong to one longest strictly increasing run.
fn longest_increasing(v: &[usize]) -> Vec<bool> {
    let mut tails: Vec<usize> = Vec::new(); // indices into v
    let mut prev: Vec<Option<usize>> = vec![None; v.len()];
    for (k, &x) in v.iter().enumerate() {
        let pos = tails.partition_point(|&t| v[t] < x);
        if pos > 0 {
            prev[k] = Some(tails[pos - 1]);
        }
        if pos == tails.len() {
            tails.push(k);
        } else {
            tails[pos] = k;
        }
    }
    let mut keep = vec![false; v.len()];
    let mut at = tails.last().copied();
    while let Some(k) = at {
        keep[k] = true;
        at = prev[k];
    }
    keep
}

/// The word diff of two token lists (longest common subsequence over the
/// tokens, after the common prefix and suffix; a very long pair is compared
/// by prefix and suffix only).
pub fn word_diff(old_text: &str, a: &[TextRange], new_text: &str, b: &[TextRange]) -> Vec<Piece> {
    let at = |r: &TextRange| &old_text[r.start..r.end];
    let bt = |r: &TextRange| &new_text[r.start..r.end];
    let mut pre = 0;
    while pre < a.len() && pre < b.len() && at(&a[pre]) == bt(&b[pre]) {
        pre += 1;
    }
    let mut suf = 0;
    while suf < a.len() - pre && suf < b.len() - pre && at(&a[a.len() - 1 - suf]) == bt(&b[b.len() - 1 - suf]) {
        suf += 1;
    }
    let (am, bm) = (&a[pre..a.len() - suf], &b[pre..b.len() - suf]);
    let mut ops: Vec<(Op, String)> = Vec::new();
    ops.extend(a[..pre].iter().map(|r| (Op::Same, at(r).to_string())));
    if am.len() * bm.len() <= 4_000_000 {
        let (n, m) = (am.len(), bm.len());
        let mut dp = vec![0u32; (n + 1) * (m + 1)];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                dp[i * (m + 1) + j] = if at(&am[i]) == bt(&bm[j]) {
                    dp[(i + 1) * (m + 1) + j + 1] + 1
                } else {
                    dp[(i + 1) * (m + 1) + j].max(dp[i * (m + 1) + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && at(&am[i]) == bt(&bm[j]) {
                ops.push((Op::Same, at(&am[i]).to_string()));
                i += 1;
                j += 1;
            } else if i < n && (j == m || dp[(i + 1) * (m + 1) + j] >= dp[i * (m + 1) + j + 1]) {
                ops.push((Op::Deleted, at(&am[i]).to_string()));
                i += 1;
            } else {
                ops.push((Op::Inserted, bt(&bm[j]).to_string()));
                j += 1;
            }
        }
    } else {
        ops.extend(am.iter().map(|r| (Op::Deleted, at(r).to_string())));
        ops.extend(bm.iter().map(|r| (Op::Inserted, bt(r).to_string())));
    }
    ops.extend(a[a.len() - suf..].iter().map(|r| (Op::Same, at(r).to_string())));
    // Runs of one op become one piece, tokens joined as text is written.
    let mut pieces: Vec<Piece> = Vec::new();
    for (op, t) in ops {
        match pieces.last_mut() {
            Some(p) if p.op == op => join_token(&mut p.text, &t),
            _ => pieces.push(Piece { op, text: t }),
        }
    }
    pieces
}

/// Appends a token with a space between words (none before punctuation or
/// between Chinese characters).
pub fn join_token(s: &mut String, t: &str) {
    if needs_space(s, t) {
        s.push(' ');
    }
    s.push_str(t);
}

/// Whether a space goes between `before` and `after` when tokens are
/// joined as text is written.
pub fn needs_space(before: &str, after: &str) -> bool {
    let prev = before.chars().next_back();
    let first = after.chars().next();
    match (prev, first) {
        (Some(p), Some(f)) => {
            !(is_cjk(p)
                || is_cjk(f)
                || (!f.is_alphanumeric() && !matches!(f, '(' | '[' | '“' | '«' | '‘' | '–' | '—'))
                || matches!(p, '(' | '[' | '“' | '«' | '‘' | '/' | '［' | '（'))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Language;

    fn run(a: &str, b: &str, lang: Language) -> RevisionDiff {
        let da = crate::syntax::parse(a, lang);
        let db = crate::syntax::parse(b, lang);
        let ma = crate::negotiation::read(&da.masked, lang, &Default::default());
        let mb = crate::negotiation::read(&db.masked, lang, &Default::default());
        diff(&Revision { text: a, doc: &da, markup: &ma }, &Revision { text: b, doc: &db, markup: &mb })
    }

    #[test]
    fn numbers_move_with_content() {
        let a = "1. Decides to convene a high-level meeting on oceans in 2027.\n\n2. Requests the Secretary-General to report on progress made.\n\n3. Decides to remain seized of the matter.\n";
        let b = "1. Welcomes the work of the regional commissions on the review.\n\n2. Decides to convene a high-level meeting on oceans in 2028.\n\n3. Requests the Secretary-General to report on progress made.\n\n4. Decides to remain seized of the matter.\n";
        let d = run(a, b, Language::En);
        let kinds: Vec<Kind> = d.entries.iter().map(|e| e.kind).collect();
        assert_eq!(kinds, vec![Kind::Inserted, Kind::Changed, Kind::Unchanged, Kind::Unchanged]);
        let map = &d.number_map[0].1;
        assert_eq!(map, &vec![("1".into(), Some("2".into())), ("2".into(), Some("3".into())), ("3".into(), Some("4".into()))]);
        let changed = &d.entries[1].pieces;
        assert!(changed.contains(&Piece { op: Op::Deleted, text: "2027".into() }), "{changed:?}");
        assert!(changed.contains(&Piece { op: Op::Inserted, text: "2028".into() }));
    }

    #[test]
    fn chinese_by_character_and_agreed_changed_warns() {
        let a = "1. 决定于2027年召开一次关于海洋问题的高级别会议；[已商定]\n\n2. 请秘书长提交关于进展情况的报告；\n";
        let b = "1. 决定于2028年召开一次关于海洋问题的高级别会议；[已商定]\n\n2. 请秘书长提交关于进展情况的报告；\n";
        let d = run(a, b, Language::Zh);
        assert_eq!(d.entries[0].kind, Kind::Changed);
        assert!(d.entries[0].pieces.iter().any(|p| p.op == Op::Inserted && p.text == "2028"));
        assert_eq!(d.warnings.len(), 1, "{:?}", d.warnings);
    }

    #[test]
    fn lis_marks_the_moved_one() {
        assert_eq!(longest_increasing(&[0, 1, 5, 2, 3, 4]), vec![true, true, false, true, true, true]);
    }
}
