//! Reference drift: within an editing session, a reference whose target
//! number now holds another paragraph, while the paragraph it cited before
//! the edit lives on under another number — a paragraph inserted and the
//! rest renumbered by hand, say. The references are not broken (the number
//! still exists), so only a comparison with what they cited before can see
//! it.
//!
//! [`track`] compares an analysis with the [`Citations`] of an earlier
//! version of the same text: what each resolved internal reference cited,
//! by content. A reference follows its target if the target's text is the
//! same or close (a paragraph whose own words were edited is the same
//! paragraph); it has drifted only when its target's text is clearly not
//! the one it cited and that text is found, nearly whole, under another
//! number. The fix puts that number in.

use std::collections::HashSet;
use std::sync::{Arc, Weak};

use crate::diagnostics::{Code, Diagnostic, DiagnosticsConfig};
use crate::hash::FastMap;
use crate::model::{NumberRole, Reference, Status};
use crate::syntax::mask::Source;
use crate::syntax::{NodeId, NodeKind};
use crate::text::{TextChange, TextRange};

use super::edit::{Fix, FixKind, TextEdit};
use super::Analysis;

/// Similarity (Dice coefficient of character pairs) at or above which a
/// target's text is taken as the paragraph cited before, edited.
pub const SAME: f64 = 0.5;
/// Similarity at or above which the cited text is taken as found elsewhere.
pub const MOVED: f64 = 0.8;

/// What the resolved internal references of one version cited.
#[derive(Clone, Debug, Default)]
pub struct Citations {
    /// The text of the version they were read from, to compare a later
    /// version with when its analysis does not know the change; held
    /// weakly after [`Citations::hold_text_weakly`].
    text: HeldText,
    /// The analysis they were taken from ([`Analysis::generation`]).
    generation: u64,
    /// In document order.
    entries: Vec<Citation>,
}

#[derive(Clone, Debug)]
struct Citation {
    range: TextRange,
    /// The reference as written, to follow it through a wide change.
    written: Arc<str>,
    kind: NodeKind,
    /// A hash of the cited node's text as written (see [`raw_text`]): while
    /// it stays the same, nothing needs comparing.
    hash: u64,
    /// Where that text lies in the version these citations are of, when it
    /// is the cited node's: a target whose text lies there, moved by the
    /// edit and away from it, has the same hash without reading it again.
    raw: Option<TextRange>,
    /// The cited node's own text without its number, whitespace folded.
    content: Arc<str>,
}

/// The text citations were read from, held or not. Held weakly, it is
/// reached through its analysis's handle (`Analysis::text_handle`): a
/// `Weak` of the text itself would keep the text's allocation.
#[derive(Clone, Debug)]
enum HeldText {
    Strong(Arc<Source>, Weak<Source>),
    Weak(Weak<Source>),
}

impl Default for HeldText {
    fn default() -> HeldText {
        HeldText::Strong(Arc::default(), Weak::new())
    }
}

impl HeldText {
    fn get(&self) -> Option<Arc<Source>> {
        match self {
            HeldText::Strong(text, _) => Some(Arc::clone(text)),
            HeldText::Weak(handle) => handle.upgrade(),
        }
    }
}

/// One reference that drifted.
#[derive(Clone, Debug)]
pub struct Drift {
    pub reference: TextRange,
    /// What it resolves to now.
    pub now: NodeId,
    /// Where the text it cited before is now.
    pub then: NodeId,
    pub diagnostic: Diagnostic,
    /// Puts `then`'s number into the reference (when the two share a
    /// container, so that changing one number is enough).
    pub fix: Option<Fix>,
}

impl Citations {
    /// The analysis these citations were read from ([`Analysis::generation`]).
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Holds the text they were read from only while something else does
    /// (its analysis): a later version is compared with them through the
    /// change its analysis knows since theirs ([`Analysis::change_since`]:
    /// an update of theirs, or of an update of it), else with that text if
    /// it is still held, else not at all (an analysis made afresh after the
    /// text was let go of finds no drift: every reference then cites what
    /// it resolves to). The server keeps them so, since it updates each
    /// analysis from the one before, which lets go of its text as soon as
    /// the change is known: at 10 MB, a copy of the text less while the
    /// next version is analysed.
    pub fn hold_text_weakly(&mut self) {
        if let HeldText::Strong(_, handle) = &self.text {
            self.text = HeldText::Weak(handle.clone());
        }
    }
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Compares `a` with the citations of an earlier version (`None`: the first
/// version of the session, nothing drifted) and returns the citations to
/// compare the next version with, and the drifted references. A drifted
/// reference keeps what it cited before, so it is reported until it is
/// fixed or edited.
pub fn track(previous: Option<&Citations>, a: &Analysis, config: &DiagnosticsConfig) -> (Citations, Vec<Drift>) {
    let mut contents: FastMap<NodeId, Arc<str>> = FastMap::default();
    let mut content_of = |node: NodeId| Arc::clone(contents.entry(node).or_insert_with(|| content(a, node).into()));
    let mut hashes: FastMap<NodeId, u64> = FastMap::default();
    let mut hash_of = |node: NodeId| *hashes.entry(node).or_insert_with(|| crate::hash::hash_str(&raw_text(a, node)));
    // (an update of the analysis of the version before, or of an update of
    // it, knows the change; any other is compared with the text, if kept)
    let change = previous
        .and_then(|p| a.change_since(p.generation).or_else(|| p.text.get().map(|before| TextChange::between(&before.whole(), &a.text))));
    let carried = match (previous, change) {
        (Some(p), Some(change)) => carry(p, a, change),
        _ => vec![None; a.references.len()],
    };
    let mut entries = Vec::new();
    let mut drifts = Vec::new();
    let mut found: FastMap<Arc<str>, Option<(NodeId, f64)>> = FastMap::default();
    for (i, r) in a.references.iter().enumerate() {
        let before = carried[i];
        let now = r.node().filter(|_| r.status == Status::Resolved && r.target.is_some());
        let Some(now) = now else {
            // Ambiguous or broken for now (a duplicate number half-way
            // through renumbering): keep what it cited.
            if let Some(before) = before {
                entries.push(Citation { range: r.range(), raw: None, ..before.clone() });
            }
            continue;
        };
        let kind = a.document.nodes[now].kind;
        let raw = raw_range(a, now);
        // The text where the one cited before lay, untouched: the same
        // hash (the usual case at a keystroke, settled without reading it).
        let untouched = |b: &Citation| match (b.raw, change) {
            (Some(then), Some(c)) => moved_away(then, c) == Some(raw),
            _ => false,
        };
        let hash = match before {
            Some(b) if b.kind == kind && untouched(b) => b.hash,
            _ => hash_of(now),
        };
        // The same text as before: the usual case, settled without reading it.
        if let Some(before) = before.filter(|b| b.kind == kind && b.hash == hash) {
            entries.push(Citation { range: r.range(), raw: Some(raw), ..before.clone() });
            continue;
        }
        let current = content_of(now);
        let fresh = Citation {
            range: r.range(),
            written: a.text.slice(r.range().start..r.range().end).into(),
            kind,
            hash,
            raw: Some(raw),
            content: Arc::clone(&current),
        };
        let Some(before) = before.filter(|b| b.kind == kind) else {
            entries.push(fresh);
            continue;
        };
        if before.content == current || similarity(&before.content, &current) >= SAME {
            entries.push(fresh);
            continue;
        }
        let best = *found.entry(Arc::clone(&before.content)).or_insert_with(|| best_match(a, kind, &before.content));
        let now_number = a.document.nodes[now].number().map(|n| n.value);
        match best {
            Some((then, score))
                if then != now && score >= MOVED && a.document.nodes[then].number().is_some_and(|n| Some(n.value) != now_number) =>
            {
                if let Some(severity) = config.severity(Code::ReferenceDrift) {
                    let mut drift = drifted(a, r, now, then);
                    drift.diagnostic.severity = severity;
                    drifts.push(drift);
                }
                entries.push(Citation { range: r.range(), raw: None, ..before.clone() });
            }
            // The cited text is gone (rewritten, deleted): the reference
            // now cites what it resolves to.
            _ => entries.push(fresh),
        }
    }
    (
        Citations {
            text: HeldText::Strong(Arc::clone(a.text_handle()), Arc::downgrade(a.text_handle())),
            generation: a.generation(),
            entries,
        },
        drifts,
    )
}

/// The earlier citations, by index of the reference in `a` they belong to:
/// references away from the change by position; inside it, by their
/// written text, in order. Both lists are in document order, so those away
/// from the change are matched in one walk.
fn carry<'c>(previous: &'c Citations, a: &Analysis, change: TextChange) -> Vec<Option<&'c Citation>> {
    let mut out = vec![None; a.references.len()];
    let mut inside_old: Vec<&Citation> = Vec::new();
    let mut away: Vec<(TextRange, &Citation)> = Vec::with_capacity(previous.entries.len());
    for c in &previous.entries {
        if c.range.end <= change.start {
            away.push((c.range, c));
        } else if c.range.start >= change.old_end {
            away.push((change.moved_range(c.range), c));
        } else {
            inside_old.push(c);
        }
    }
    let key = |r: TextRange| (r.start, r.end);
    let mut j = 0;
    let mut inside_new: Vec<usize> = Vec::new();
    for (i, r) in a.references.iter().enumerate() {
        if r.range().end <= change.start || r.range().start >= change.new_end {
            while j < away.len() && key(away[j].0) < key(r.range()) {
                j += 1;
            }
            if j < away.len() && away[j].0 == r.range() {
                out[i] = Some(away[j].1);
                j += 1;
            }
        } else {
            inside_new.push(i);
        }
    }
    let mut next = 0;
    for i in inside_new {
        let r = &a.references[i];
        let written = &a.text.slice(r.range().start..r.range().end);
        if let Some(k) = inside_old[next..].iter().position(|c| &*c.written == written) {
            out[i] = Some(inside_old[next + k]);
            next += k + 1;
        }
    }
    out
}

/// The node of `kind` whose text is most like `content`, with the score.
fn best_match(a: &Analysis, kind: NodeKind, content: &str) -> Option<(NodeId, f64)> {
    let wanted = pairs(content);
    let mut best: Option<(NodeId, f64)> = None;
    for (id, n) in a.document.nodes.iter().enumerate() {
        if n.kind != kind || n.number().is_none() {
            continue;
        }
        let own = self::content(a, id);
        // The coefficient cannot reach MOVED when the lengths differ too much.
        let (x, y) = (own.chars().count() as f64, content.chars().count() as f64);
        if x.min(y) * 2.0 < MOVED * (x + y) - 2.0 {
            continue;
        }
        let score = dice(&wanted, &pairs(&own));
        if best.is_none_or(|(_, s)| score > s) {
            best = Some((id, score));
        }
    }
    best
}

fn drifted(a: &Analysis, r: &Reference, now: NodeId, then: NodeId) -> Drift {
    let doc = &a.document;
    let written_of = |n: NodeId| doc.nodes[n].number().map(|num| doc.masked[num.span.start..num.span.end].to_string()).unwrap_or_default();
    let (now_no, then_no) = (written_of(now), written_of(then));
    let message = format!(
        "this reference now cites {} (\"{}\"), not the {} it cited before the edit (\"{}\"), which is now numbered {then_no}",
        lower_first(&a.address_in_words(now)),
        short(a, now),
        doc.nodes[then].kind.label(),
        short(a, then),
    );
    let diagnostic = Diagnostic::new(Code::ReferenceDrift, r.range(), message)
        .with_related(a.target_range(then), format!("the text it cited, now {}", lower_first(&a.address_in_words(then))));
    let role = match doc.nodes[now].kind {
        NodeKind::Paragraph => Some(NumberRole::Paragraph),
        NodeKind::Subparagraph => Some(NumberRole::Subparagraph),
        NodeKind::Section => Some(NumberRole::Section),
        NodeKind::Subsection => Some(NumberRole::Subsection),
        NodeKind::Annex => Some(NumberRole::Annex),
        NodeKind::Article => Some(NumberRole::Article),
        _ => None,
    };
    let same_container = doc.nodes[now].parent() == doc.nodes[then].parent();
    let span = role.filter(|_| same_container).and_then(|role| r.numbers().rev().find(|n| n.role == role));
    let fix = span.and_then(|span| {
        let written = &a.text.slice(span.span.start..span.span.end);
        let new_text = if written.bytes().all(|b| b.is_ascii_digit()) {
            doc.nodes[then].number()?.value.to_string()
        } else if **written == now_no {
            then_no.clone()
        } else {
            return None;
        };
        Some(Fix {
            title: format!("Cite {} again (number {new_text})", doc.nodes[then].kind.label()),
            kind: FixKind::QuickFix,
            code: Some(Code::ReferenceDrift.as_str()),
            diagnostic_range: Some(r.range()),
            preferred: true,
            edits: vec![TextEdit::replace(span.span, new_text)],
        })
    });
    Drift { reference: r.range(), now, then, diagnostic, fix }
}

/// "Annex, section II" → "annex, section II".
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

/// The first words of a node's text, without its number.
fn short(a: &Analysis, node: NodeId) -> String {
    let text = content(a, node);
    match text.char_indices().nth(24) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text,
    }
}

/// A node's own text after its number, as written.
fn raw_text(a: &Analysis, node: NodeId) -> std::borrow::Cow<'_, str> {
    let r = raw_range(a, node);
    a.text.slice(r.start..r.end)
}

/// Where [`raw_text`] reads.
fn raw_range(a: &Analysis, node: NodeId) -> TextRange {
    let n = &a.document.nodes[node];
    let own = crate::syntax::names::own_text(&a.document, node);
    let from = n.number().map(|num| num.span.end).unwrap_or(own.start).clamp(own.start, own.end);
    TextRange::new(from, own.end)
}

/// A range of the text before `change` in the text after it, when the
/// change neither touches nor borders it (its text is then the same).
fn moved_away(r: TextRange, change: TextChange) -> Option<TextRange> {
    if r.end < change.start {
        Some(r)
    } else if r.start > change.old_end {
        Some(change.moved_range(r))
    } else {
        None
    }
}

/// A node's own text without its number, whitespace folded, markup out.
fn content(a: &Analysis, node: NodeId) -> String {
    let raw = raw_text(a, node);
    let folded = raw.replace("**", "").split_whitespace().collect::<Vec<_>>().join(" ");
    folded.trim_start_matches(['.', ')', '）', '、', '．', ' ']).to_string()
}

fn pairs(s: &str) -> HashSet<(char, char)> {
    let chars: Vec<char> = s.chars().collect();
    chars.windows(2).map(|w| (w[0], w[1])).collect()
}

fn dice(x: &HashSet<(char, char)>, y: &HashSet<(char, char)>) -> f64 {
    if x.is_empty() && y.is_empty() {
        return 1.0;
    }
    2.0 * x.intersection(y).count() as f64 / (x.len() + y.len()) as f64
}

/// How alike two texts are, 0 to 1.
pub fn similarity(x: &str, y: &str) -> f64 {
    dice(&pairs(x), &pairs(y))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyse(text: &str) -> Analysis {
        Analysis::new(text, None, &DiagnosticsConfig::all_enabled())
    }

    const BEFORE: &str = "一. 宣言\n\n1. 我们决定召开会议审查执行情况。\n\n2. 我们将这一会议提交大会表决并通过。\n\n3. 我们欢迎各国提交国家报告。\n\n二. 后续\n\n4. 重申第 2 段所载决定。\n";

    #[test]
    fn a_paragraph_inserted_and_renumbered_by_hand_is_drift() {
        let config = DiagnosticsConfig::all_enabled();
        let (citations, drifts) = track(None, &analyse(BEFORE), &config);
        assert!(drifts.is_empty());
        assert_eq!(citations.len(), 1);
        // Insert a new paragraph 2 and renumber the old 2 and 3 by hand.
        let after = BEFORE
            .replace("2. 我们将", "3. 我们将")
            .replace("3. 我们欢迎", "4. 我们欢迎")
            .replace("4. 重申", "5. 重申")
            .replace("\n\n3. 我们将", "\n\n2. 我们还决定设立一个新的工作组，负责筹备。\n\n3. 我们将");
        // One step at a time: the intermediate duplicate keeps the citation.
        let half = BEFORE.replace("\n\n2. 我们将", "\n\n2. 我们还决定设立一个新的工作组，负责筹备。\n\n2. 我们将");
        let (citations, drifts) = track(Some(&citations), &analyse(&half), &config);
        assert!(drifts.is_empty(), "{drifts:?}");
        let a = analyse(&after);
        let (citations, drifts) = track(Some(&citations), &a, &config);
        assert_eq!(drifts.len(), 1, "{drifts:?}");
        let d = &drifts[0];
        assert_eq!(&a.text[d.reference.start..d.reference.end], "第 2 段");
        assert!(a.excerpt(d.then, 40).contains("提交大会表决"));
        assert_eq!(
            d.diagnostic.message,
            "this reference now cites section I, paragraph 2 (\"我们还决定设立一个新的工作组，负责筹备。\"), \
             not the paragraph it cited before the edit (\"我们将这一会议提交大会表决并通过。\"), which is now numbered 3"
        );
        let fixed = crate::ide::edit::apply(&a.text, &d.fix.as_ref().expect("a fix").edits).unwrap();
        assert!(fixed.contains("重申第 3 段所载决定"), "{fixed}");
        // Still reported on the next version, gone once fixed.
        let (citations, drifts) = track(Some(&citations), &analyse(&after), &config);
        assert_eq!(drifts.len(), 1);
        let (_, drifts) = track(Some(&citations), &analyse(&fixed), &config);
        assert!(drifts.is_empty(), "{drifts:?}");
    }

    #[test]
    fn citations_holding_their_text_weakly_compare_through_the_updates_lineage() {
        let config = DiagnosticsConfig::all_enabled();
        let swapped = BEFORE.replace("2. 我们将这一会议提交大会表决并通过。", "2. 我们欢迎各国提交国家报告。").replacen(
            "3. 我们欢迎各国提交国家报告。",
            "3. 我们将这一会议提交大会表决并通过。",
            1,
        );
        let before = analyse(BEFORE);
        let (mut citations, _) = track(None, &before, &config);
        citations.hold_text_weakly();
        // The citations do not hold the text, not even weakly: a `Weak` of
        // it would keep its memory.
        assert_eq!(Arc::weak_count(before.text.source().masked()), 0);
        // Another analysis of the swapped text: compared with the text while
        // its analysis holds it…
        assert_eq!(track(Some(&citations), &analyse(&swapped), &config).1.len(), 1);
        // … and through the change an update knows once nothing holds it.
        let updated = before.into_update(swapped.as_str(), None, &config);
        assert_eq!(track(Some(&citations), &updated, &config).1.len(), 1);
        // Neither: nothing to compare, so no drift (every reference cites
        // what it resolves to).
        assert!(track(Some(&citations), &analyse(&swapped), &config).1.is_empty());
    }

    #[test]
    fn an_edited_or_rewritten_target_is_not_drift() {
        let config = DiagnosticsConfig::all_enabled();
        let (citations, _) = track(None, &analyse(BEFORE), &config);
        let edited = BEFORE.replace("提交大会表决并通过", "提交大会全体会议表决并通过");
        let (c2, drifts) = track(Some(&citations), &analyse(&edited), &config);
        assert!(drifts.is_empty());
        // Rewritten wholly: the text cited is nowhere else, nothing to say.
        let rewritten = BEFORE.replace("我们将这一会议提交大会表决并通过", "各代表团对秘书处的协助表示感谢");
        let (_, drifts) = track(Some(&c2), &analyse(&rewritten), &config);
        assert!(drifts.is_empty());
        // Switched off.
        let mut off = DiagnosticsConfig::all_enabled();
        off.overrides.insert(Code::ReferenceDrift, None);
        let swapped = BEFORE.replace("2. 我们将这一会议提交大会表决并通过。", "2. 我们欢迎各国提交国家报告。").replacen(
            "3. 我们欢迎各国提交国家报告。",
            "3. 我们将这一会议提交大会表决并通过。",
            1,
        );
        let (_, drifts) = track(Some(&citations), &analyse(&swapped), &off);
        assert!(drifts.is_empty());
        let (_, drifts) = track(Some(&citations), &analyse(&swapped), &config);
        assert_eq!(drifts.len(), 1, "two paragraphs swapped by hand");
    }

    #[test]
    fn keystrokes_reuse_the_hashes_of_untouched_targets_and_no_more() {
        // Each version's drift and citations equal those found without the
        // ranges (every cited text hashed again), keystroke by keystroke:
        // typing in the cited paragraph, beside it, in the reference, and
        // a paragraph swapped by hand.
        let config = DiagnosticsConfig::all_enabled();
        let forget = |c: &Citations| Citations {
            text: c.text.clone(),
            generation: 0,
            entries: c.entries.iter().map(|e| Citation { raw: None, ..e.clone() }).collect(),
        };
        let summary = |c: &Citations| c.entries.iter().map(|e| (e.range, e.hash, e.content.to_string())).collect::<Vec<_>>();
        let mut text = BEFORE.to_string();
        let (mut citations, _) = track(None, &analyse(&text), &config);
        let mut reused = 0;
        let mut versions: Vec<String> = Vec::new();
        for (needle, insert) in [("我们将", "还"), ("提交大会", "全体"), ("二. 后续", "工作"), ("3. 我们欢迎", "所有"), ("重申", "再次")]
        {
            let at = text.find(needle).unwrap() + needle.len();
            text.insert_str(at, insert);
            versions.push(text.clone());
        }
        versions.push(text.replace("2. 我们还将", "2. 我们所有欢迎").replacen("3. 我们所有欢迎", "3. 我们还将", 1));
        for version in versions {
            let a = analyse(&version);
            let (kept, drifts) = track(Some(&citations), &a, &config);
            let (fresh, fresh_drifts) = track(Some(&forget(&citations)), &a, &config);
            assert_eq!(summary(&kept), summary(&fresh), "{version}");
            assert_eq!(format!("{drifts:?}"), format!("{fresh_drifts:?}"), "{version}");
            reused += kept.entries.iter().zip(&citations.entries).filter(|(k, c)| k.raw.is_some() && c.raw.is_some()).count();
            citations = kept;
        }
        assert!(reused > 0);
    }

    #[test]
    fn a_reference_typed_anew_cites_what_it_resolves_to() {
        let config = DiagnosticsConfig::all_enabled();
        let (citations, _) = track(None, &analyse(BEFORE), &config);
        let retyped = BEFORE.replace("重申第 2 段", "重申第 3 段");
        let (_, drifts) = track(Some(&citations), &analyse(&retyped), &config);
        assert!(drifts.is_empty(), "{drifts:?}");
    }
}
