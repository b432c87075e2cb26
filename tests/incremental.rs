//! The incremental analysis (`Analysis::update`, which the language server
//! runs on every edit) gives exactly what a fresh analysis of the same text
//! gives: the same tree (nodes, ranges, eIds, schemes, votes, name lists),
//! the same references with every number span, the same diagnostics, the
//! same negotiation markup.
//!
//! Each document gets a chain of seeded random edits — typing and deleting
//! characters, references, headings, numbers, markup, line ends (LF, CRLF,
//! lone CR), whole lines duplicated, moved or removed, large cuts — and each
//! analysis is updated from the one before (itself an update), so errors
//! would accumulate rather than hide; updates alternate between borrowing the
//! previous analysis (`update`) and consuming it (`into_update`). `RAPPORTEUR_INCREMENTAL_EDITS` sets how
//! many edits per document (default 40).

#[path = "../benches/common/documents.rs"]
mod benchmark_documents;
mod common;

use common::Rng;
use rapporteur::diagnostics::DiagnosticsConfig;
use rapporteur::ide::Analysis;
use rapporteur::text::{TextChange, Unchanged};
use std::sync::Arc;

/// `RAPPORTEUR_INCREMENTAL_EDITS`, or `default`.
fn edits_per_document(default: usize) -> usize {
    std::env::var("RAPPORTEUR_INCREMENTAL_EDITS").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn documents() -> Vec<(String, String)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut out = Vec::new();
    for dir in ["seed", "corpus", "lang/zh", "lang/en", "lang/fr", "lang/es", "lang/ru", "lang/ar"] {
        let mut entries: Vec<_> = std::fs::read_dir(format!("{root}/{dir}")).expect("fixture folder").flatten().map(|e| e.path()).collect();
        entries.sort();
        for path in entries {
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).expect("fixture");
                out.push((format!("{dir}/{}", path.file_name().unwrap().to_string_lossy()), text));
            }
        }
    }
    assert!(out.len() >= 15, "fixtures missing: {}", out.len());
    out
}

/// Text a drafter types: structure, references and punctuation of every language.
const SNIPPETS: &[&str] = &[
    "第二节第 15 段",
    "第一节第 16 段",
    "附件一第 3 段",
    "第 8(a)段",
    "《行动纲领》",
    "《国际追查文书》第 8(a)分段",
    "A/CONF.192/2018/RC/1",
    "第 72/57 号决议",
    "安全理事会第 2370 (2017) 号决议",
    "paragraph 15 of section II",
    "paragraphs 3 to 5",
    "paragraph 8 (a) above",
    "annex I",
    "resolution 72/57",
    "Security Council resolution 2370 (2017)",
    "the Programme of Action",
    "article 5",
    "SDG target 16.4",
    "recorded vote of 150 to 3, with 10 abstentions",
    "以 120 票对 0 票、5 票弃权",
    "paragraphe 12 de la section II",
    "párrafo 4 del anexo",
    "пункт 5(d)",
    "الفقرة 3 من المرفق",
    "\n16. 我们欢迎",
    "\n17. We welcome",
    "\n(c) ",
    "\n(ii) ",
    "\nII. Outcome\n",
    "\n二. 成果\n",
    "\nB. Follow-up\n",
    "\n附件二\n",
    "\nAnnex III\n",
    "\nArticle 4\n",
    "\n赞成：\n",
    "\nIn favour:\n",
    "中国、法国、德国、印度、日本、",
    "France, Germany, India, Japan, ",
    "**",
    "**一. 宣言**",
    "## ",
    "[72/57](#)",
    "\u{feff}",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\t",
    ":",
    "：",
    "。",
    ".",
    ";",
    "(",
    ")",
    "（",
    "）",
    "、",
    ",",
    " ",
    "1",
    "9",
    "a",
    "我们",
    "😀",
    "ـ",
];

fn char_boundary_at_or_before(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn line_bounds(s: &str, at: usize) -> (usize, usize) {
    let start = s[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = s[at..].find('\n').map_or(s.len(), |i| at + i + 1);
    (start, end)
}
/// An edit inside the line at `at`, never at its edge: one of `typed`
/// inserted there (two times in three), else up to `max_delete - 1` bytes
/// deleted from there; the new text with a line for the history. `None`
/// where the line leaves no room.
fn edit_inside_line(rng: &mut Rng, text: &str, at: usize, typed: &[&str], max_delete: usize) -> Option<(String, String)> {
    let (start, end) = line_bounds(text, at);
    if at <= start + 1 || at + 2 >= end {
        return None;
    }
    let mut next = text.to_string();
    if rng.chance(2, 3) {
        let s = *rng.pick(typed);
        next.insert_str(at, s);
        Some((next, format!("type {s:?} at {at}")))
    } else {
        let to = char_boundary_at_or_before(text, (at + rng.range(1, max_delete)).min(end - 2));
        if to <= at {
            return None;
        }
        next.replace_range(at..to, "");
        Some((next, format!("delete {at}..{to}")))
    }
}

/// One random edit of `text`, and what it was (for the failure message).
fn edit(rng: &mut Rng, text: &str) -> (String, String) {
    let at = char_boundary_at_or_before(text, rng.below(text.len() + 1));
    let mut out = text.to_string();
    let what = match rng.below(10) {
        0..=3 => {
            let s = *rng.pick(SNIPPETS);
            out.insert_str(at, s);
            format!("insert {s:?} at {at}")
        }
        4 | 5 => {
            let end = char_boundary_at_or_before(text, at + rng.range(1, 12));
            out.replace_range(at..end, "");
            format!("delete {at}..{end}")
        }
        6 => {
            let end = char_boundary_at_or_before(text, at + rng.range(1, 40));
            let s = *rng.pick(SNIPPETS);
            out.replace_range(at..end, s);
            format!("replace {at}..{end} by {s:?}")
        }
        7 => {
            let (start, end) = line_bounds(text, at);
            let line = text[start..end].to_string();
            out.insert_str(end, &line);
            format!("duplicate the line {start}..{end}")
        }
        8 => {
            let (start, end) = line_bounds(text, at);
            out.replace_range(start..end, "");
            let to = char_boundary_at_or_before(&out, rng.below(out.len() + 1));
            let to = out[..to].rfind('\n').map_or(0, |i| i + 1);
            out.insert_str(to, &text[start..end]);
            format!("move the line {start}..{end} to {to}")
        }
        _ => {
            let end = char_boundary_at_or_before(text, at + rng.range(100, 5000));
            out.replace_range(at..end, "");
            format!("cut {at}..{end}")
        }
    };
    (out, what)
}

fn first_difference(a: &str, b: &str) -> String {
    let at = a.bytes().zip(b.bytes()).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
    let from = char_boundary_at_or_before(a, at.saturating_sub(300));
    let from_b = char_boundary_at_or_before(b, from);
    let to_a = char_boundary_at_or_before(a, at + 300);
    let to_b = char_boundary_at_or_before(b, at + 300);
    format!("updated: …{}…\n  fresh: …{}…", &a[from..to_a], &b[from_b..to_b])
}

fn assert_same(name: &str, history: &[String], updated: &Analysis, fresh: &Analysis) {
    let pairs = [
        ("document", format!("{:?}", updated.document), format!("{:?}", fresh.document)),
        ("references", format!("{:?}", updated.references), format!("{:?}", fresh.references)),
        ("diagnostics", format!("{:?}", updated.diagnostics), format!("{:?}", fresh.diagnostics)),
        ("negotiation markup", format!("{:?}", updated.negotiation()), format!("{:?}", fresh.negotiation())),
    ];
    for (what, u, f) in pairs {
        if u != f {
            let last: Vec<&String> = history.iter().rev().take(5).collect();
            panic!(
                "{name}: the {what} of the update differ from a fresh analysis after {} edits (last first: {last:?})\n{}",
                history.len(),
                first_difference(&u, &f)
            );
        }
    }
}

/// The update of `analysis` to `next` (borrowing it on even keystrokes `k`,
/// consuming it on odd ones), checked against a fresh analysis of `next`.
fn update_checked(name: &str, history: &[String], analysis: Analysis, next: &str, k: usize, config: &DiagnosticsConfig) -> Analysis {
    let updated = if k % 2 == 0 { analysis.update(next, None, config) } else { analysis.into_update(next, None, config) };
    assert_same(name, history, &updated, &Analysis::new(next, None, config));
    updated
}

#[test]
fn updates_equal_fresh_analyses_after_random_edits() {
    let per_document = edits_per_document(40);
    let config = DiagnosticsConfig::all_enabled();
    let mut total = 0;
    for (name, original) in documents() {
        let mut rng = Rng::from_label(&name, 7);
        let mut text = original.clone();
        let mut analysis = Analysis::new(text.clone(), None, &config);
        let mut history = Vec::new();
        for k in 0..per_document {
            let (next, what) = edit(&mut rng, &text);
            history.push(what);
            // Three ways of updating: copying the reused parts, moving them,
            // and moving them after letting go of the text (as the server
            // does, told the ends the edit left alone, or less than them).
            // (and, as the server does, from the masked text of the new
            // version with its markup aside, borrowing the analysis or not)
            let updated = match k % 4 {
                0 => analysis.update(next.clone(), None, &config),
                1 => analysis.into_update(next.clone(), None, &config),
                _ => {
                    let c = TextChange::between(&text, &next);
                    let less = |n: usize, rng: &mut Rng| n - rng.below(n.min(40) + 1);
                    let known = Unchanged { prefix: less(c.start, &mut rng), suffix: less(text.len() - c.old_end, &mut rng) };
                    let source = || rapporteur::syntax::mask::Source::of(&Arc::from(next.as_str()));
                    if k % 4 == 2 {
                        analysis.into_update_making(known, source, None, &config)
                    } else {
                        analysis.update_to_source(known, source(), None, &config)
                    }
                }
            };
            let fresh = Analysis::new(next.clone(), None, &config);
            assert_same(&name, &history, &updated, &fresh);
            text = next;
            analysis = updated;
            total += 1;
            // Drift back now and then, so the text stays a UN document.
            if text.len() < original.len() / 2 {
                text = original.clone();
                analysis = analysis.update(text.clone(), None, &config);
                history.push("back to the original".into());
            }
        }
    }
    assert!(total >= 15 * per_document.min(1), "{total} edits");
}

#[test]
fn an_update_reuses_references_away_from_the_change() {
    // A typed character in the middle of the seed: the references before and
    // after it are the same, moved, and the new one is found.
    let seed = include_str!("fixtures/seed/000_e12bae3abcaa388b.txt");
    let config = DiagnosticsConfig::all_enabled();
    let before = Analysis::new(seed, None, &config);
    let at = seed.find("第一节第 16 段").expect("line 110's reference");
    let mut text = seed.to_string();
    text.insert_str(at, "第 3 段和");
    let after = before.update(text.clone(), None, &config);
    let fresh = Analysis::new(text.clone(), None, &config);
    assert_same("seed", &["insert 第 3 段和".into()], &after, &fresh);
    assert_eq!(after.references.len(), before.references.len() + 1);
    // Found by the numbers' spans: the typed 3, and the 16 moved along.
    let number_at = |a: &Analysis, offset: usize| {
        a.references.iter().flat_map(|r| r.numbers()).find(|n| n.span.start == offset).map(|n| (n.value, n.span.len()))
    };
    let typed = at + "第 ".len();
    assert_eq!(number_at(&after, typed), Some((3, 1)));
    let sixteen = at + "第一节第 ".len();
    assert_eq!(number_at(&before, sixteen), Some((16, 2)));
    assert_eq!(number_at(&after, sixteen + "第 3 段和".len()), Some((16, 2)));
}

/// Text no drafter writes: snippets, markup and stray characters in random
/// order, one line of 80 KB, lone CR line ends.
fn adversarial_documents(rng: &mut Rng) -> Vec<(String, String)> {
    const STRAY: &[&str] =
        &["*", "#", "[", "](", ")", "(", "\t", "\r", "\r\n", "\n", " ", "1.", "a)", "(i)", "/", "、", "，", "\u{feff}", "“", "》"];
    let mut soup = String::new();
    while soup.len() < 30_000 {
        let list = if rng.chance(1, 2) { SNIPPETS } else { STRAY };
        soup.push_str(rng.pick::<&str>(list));
    }
    let mut long_line = String::from("1. ");
    while long_line.len() < 80_000 {
        long_line.push_str("我们重申第二节第 15 段和 paragraph 8 (a) of annex I, resolution 72/57 以及《行动纲领》，");
    }
    long_line.push_str("\n2. 结束。\n");
    let seed = include_str!("fixtures/seed/000_e12bae3abcaa388b.txt");
    let lone_cr = seed.replace('\n', "\r");
    vec![("soup".into(), soup), ("one long line".into(), long_line), ("lone CR".into(), lone_cr)]
}

#[test]
fn updates_equal_fresh_analyses_on_adversarial_text() {
    let config = DiagnosticsConfig::all_enabled();
    let mut rng = Rng::from_label("adversarial", 3);
    for (name, original) in adversarial_documents(&mut rng) {
        let mut text = original.clone();
        let mut analysis = Analysis::new(text.clone(), None, &config);
        let mut history = Vec::new();
        for k in 0..edits_per_document(20) {
            let (next, what) = edit(&mut rng, &text);
            history.push(what);
            let updated = update_checked(&name, &history, analysis, &next, k, &config);
            text = next;
            analysis = updated;
            // A one-line text doubles when its line is duplicated: keep it bounded.
            if text.len() > 2 * original.len() {
                text = original.clone();
                analysis = analysis.update(text.clone(), None, &config);
                history.push("back to the original".into());
            }
        }
    }
}

#[test]
fn typing_in_a_paragraph_reuses_the_references_every_time() {
    // The common case must take the fast path: a sentence typed into a
    // paragraph of the seed character by character, each version updated
    // from the one before, borrowing or consuming it.
    let seed = include_str!("fixtures/seed/000_e12bae3abcaa388b.txt");
    let config = DiagnosticsConfig::all_enabled();
    let at = seed.find("16. ").expect("paragraph 16") + "16. ".len();
    let mut text = seed.to_string();
    let mut analysis = Analysis::new(text.clone(), None, &config);
    assert!(!analysis.references_reused(), "a fresh analysis reuses nothing");
    let mut offset = at;
    for (k, c) in "我们还注意到第二节第 18 段所载承诺😀，并重申《行动纲领》第 3 段。".chars().enumerate() {
        text.insert(offset, c);
        offset += c.len_utf8();
        analysis =
            if k % 2 == 0 { analysis.update(text.clone(), None, &config) } else { analysis.into_update(text.clone(), None, &config) };
        assert!(analysis.references_reused(), "typing {c:?} (keystroke {k}) fell back to finding every reference");
    }
    assert_same("seed", &["typing a sentence".into()], &analysis, &Analysis::new(text, None, &config));
}

/// Typing inside the lines of a paragraph (never at a line's edge): the
/// update's usual case, where the rebuilt tree keeps its shape and the eIds,
/// votes and name lists away from the edited line are carried over
/// (`syntax::carry`). Each update equals a fresh analysis.
#[test]
fn typing_inside_lines_equals_fresh_analyses() {
    const TYPED: &[&str] = &["a", "e", "我", "、", ",", "，", " ", "1", "France, ", "中国、", "x"];
    let per_document = edits_per_document(40);
    let config = DiagnosticsConfig::all_enabled();
    for (name, original) in documents() {
        let mut rng = Rng::from_label(&name, 11);
        let mut text = original.clone();
        let mut analysis = Analysis::new(text.clone(), None, &config);
        let mut history = Vec::new();
        for k in 0..per_document {
            let at = char_boundary_at_or_before(&text, rng.below(text.len() + 1));
            let Some((next, what)) = edit_inside_line(&mut rng, &text, at, TYPED, 4) else { continue };
            history.push(what);
            let updated = update_checked(&name, &history, analysis, &next, k, &config);
            text = next;
            analysis = updated;
        }
    }
}

/// A draft with something to say about its numbering and references: a gap,
/// a duplicate, broken and ambiguous references, a direction said wrong,
/// citations of another text followed by bare numbers, annexes (one titled
/// after an outcome document).
fn diagnosed_document() -> String {
    let mut text = String::from("United Nations\n\nA/80/L.99\n\nGeneral Assembly\n\nDraft resolution\n\nThe General Assembly,\n\n");
    // (long enough that an edit leaves references out of its reach)
    for k in 1..=400 {
        // A gap (no 13) and a duplicate (27 twice).
        let n = match k {
            13 => continue,
            328 => 327,
            k => k,
        };
        let cite = match k % 7 {
            0 => format!("Recalls paragraph {} above and paragraph 99 of section II", k + 3),
            1 => "Takes note of paragraphs 48 to 54 of the report of the Secretary-General (A/79/123), and of paragraph 74".to_string(),
            2 => format!("Refers to paragraph {} below and to annex II", k.max(2) - 1),
            3 => "Welcomes resolution 72/57 and paragraph 3 (b) of annex I".to_string(),
            4 => "Notes paragraph 8 of the annex to the present resolution".to_string(),
            5 => format!("Decides, in line with paragraph {}, to continue", 200 + k),
            _ => "Encourages all States to cooperate".to_string(),
        };
        text.push_str(&format!("{n}. {cite}, and further requests the Secretary-General to report thereon;\n\n"));
        if k == 200 {
            text.push_str("II. Follow-up\n\n");
        }
    }
    text.push_str("Annex I\n\nOutcome document of the Conference\n\n1. States shall cooperate, as set out in paragraph 3 below.\n\n");
    text.push_str("2. See paragraph 1 above;\n\n(a) as in paragraph 9;\n\n(c) and subparagraph (b);\n\n");
    text.push_str("Annex II\n\nList of participants\n\n1. Recalls paragraph 2 of annex I.\n\n3. Recalls paragraph 15 above.\n");
    text
}

/// Typing and deleting near the references and numbers a draft's
/// diagnostics are about, inside their lines: the update keeps the
/// diagnostics of what it did not read again (`ide::reuse`) and must equal
/// a fresh analysis every time; it must also take that path.
#[test]
fn typing_near_diagnosed_references_equals_fresh_analyses() {
    const TYPED: &[&str] = &[
        "a",
        "1",
        "9",
        " ",
        "(",
        ")",
        ",",
        "paragraph 99 ",
        "paragraph 3 above ",
        "of the report of the Secretary-General ",
        "annex ",
        "我",
        "below",
    ];
    let per_document = edits_per_document(40);
    let config = DiagnosticsConfig::all_enabled();
    let diagnosed = Analysis::new(diagnosed_document(), None, &config);
    for code in ["numbering.gap", "numbering.duplicate", "reference.broken", "reference.direction"] {
        assert!(diagnosed.diagnostics.iter().any(|d| d.code.as_str() == code), "the diagnosed draft has no {code}");
    }
    let mut documents = documents();
    documents.insert(0, ("diagnosed".to_string(), diagnosed_document()));
    let (mut kept_numbering, mut kept_references) = (0, 0);
    for (name, original) in documents.into_iter().take(6) {
        let mut rng = Rng::from_label(&name, 13);
        let mut text = original.clone();
        let mut analysis = Analysis::new(text.clone(), None, &config);
        let mut history = Vec::new();
        for k in 0..per_document {
            // Near a diagnostic or a reference, else anywhere.
            let spots: Vec<usize> =
                analysis.diagnostics.iter().map(|d| d.range.start).chain(analysis.references.iter().map(|r| r.range().end)).collect();
            let near = if spots.is_empty() { rng.below(text.len() + 1) } else { *rng.pick(&spots) };
            let at = (near + rng.below(80)).saturating_sub(40).min(text.len());
            let at = char_boundary_at_or_before(&text, at);
            let Some((next, what)) = edit_inside_line(&mut rng, &text, at, TYPED, 6) else { continue };
            history.push(what);
            let updated = update_checked(&name, &history, analysis, &next, k, &config);
            let kept_now = updated.diagnostics_kept();
            kept_numbering += usize::from(kept_now.numbering);
            kept_references += usize::from(kept_now.references);
            text = next;
            analysis = updated;
        }
    }
    let least = edits_per_document(40) / 4;
    assert!(
        kept_numbering >= least && kept_references >= least,
        "diagnostics kept: numbering {kept_numbering}, references {kept_references}"
    );
}

/// The resolver index kept across updates leaves decimal paragraphs (`7.1`)
/// out while no reference cites one; a reference to one typed later must
/// still resolve, exactly as in a fresh analysis.
#[test]
fn a_decimal_reference_typed_later_resolves_as_afresh() {
    let mut text = String::from("I. Findings\n\n");
    for n in 1..=4 {
        text.push_str(&format!("7.{n} The Committee noted the progress made in area {n} of the programme of work.\n\n"));
    }
    text.push_str("8. The Committee recommended further work on the matters described in the report.\n");
    let config = DiagnosticsConfig::all_enabled();
    let mut analysis = Analysis::new(text.clone(), None, &config);
    assert!(analysis.references.is_empty(), "the draft cites nothing yet");
    let mut at = text.find("described in").expect("the sentence") + "described in".len();
    for c in " paragraph 7.3".chars() {
        text.insert(at, c);
        at += c.len_utf8();
        analysis = analysis.update(text.clone(), None, &config);
    }
    let fresh = Analysis::new(text.clone(), None, &config);
    assert_same("decimal", &["typing \" paragraph 7.3\"".into()], &analysis, &fresh);
    let cited = analysis.references.iter().find(|r| text[r.range().start..r.range().end].contains("7.3")).expect("the typed reference");
    let target = cited.node().expect("paragraph 7.3 resolves");
    assert!(text[analysis.document.nodes[target].range().start..].starts_with("7.3 "), "it points at paragraph 7.3");
}

/// What a delegate types into a negotiation draft: brackets, labels,
/// attributions, tags.
const DRAFT_SNIPPETS: &[&str] = &[
    "[",
    "]",
    "［",
    "］",
    "[Alt 1: ",
    "[Alt]",
    "Option 2: ",
    "方案",
    "(EU)",
    "EU: ",
    "US delete",
    "ad ref",
    "[Agreed ad ref]",
    "（已商定）",
    " or ",
    "/",
];

#[test]
fn editing_negotiation_drafts_equals_fresh_analyses() {
    // Each draft repeated (past the head read for "final text"), then edited
    // at random: ordinary typing, markup typed and deleted, lines moved.
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/negotiation");
    let per_document = edits_per_document(40);
    let config = DiagnosticsConfig::all_enabled();
    let mut reread = 0;
    for name in ["en_draft.txt", "en_draft_rev2.txt", "en_final.txt", "fr_draft.txt", "zh_draft.txt", "draft_en.txt", "draft_es.txt"] {
        let draft = std::fs::read_to_string(format!("{root}/{name}")).expect("fixture");
        let original = format!("{}\n", [draft.as_str(); 6].join("\n\n"));
        let mut rng = Rng::from_label(name, 13);
        let mut text = original.clone();
        let mut analysis = Analysis::new(text.clone(), None, &config);
        let mut history = Vec::new();
        for k in 0..per_document * 2 {
            let at = char_boundary_at_or_before(&text, rng.below(text.len() + 1));
            let (next, what) = match rng.below(4) {
                0 => edit(&mut rng, &text),
                1 => {
                    let mut next = text.clone();
                    let s = *rng.pick(DRAFT_SNIPPETS);
                    next.insert_str(at, s);
                    (next, format!("insert {s:?} at {at}"))
                }
                _ => match edit_inside_line(&mut rng, &text, at, &["a", "x", " ", "我", ","], 4) {
                    Some(e) => e,
                    None => continue,
                },
            };
            history.push(what);
            let updated = update_checked(name, &history, analysis, &next, k, &config);
            reread += usize::from(updated.diagnostics_kept().markup);
            text = next;
            analysis = updated;
            if text.len() < original.len() / 2 {
                text = original.clone();
                analysis = analysis.update(text.clone(), None, &config);
                history.push("back to the original".into());
            }
        }
    }
    // Typing inside lines away from the markup reads only those lines.
    assert!(reread * 5 >= per_document, "{reread} updates re-read the markup on the edited lines");
}

/// Typing inside the lines of the benchmark's documents (the Chinese seed
/// report and English texts as numbered annexes, about 150 KB each): the
/// tree is kept (moved, not rebuilt: `Analysis::tree_kept`) on most
/// keystrokes, and every update equals a fresh analysis.
#[test]
fn typing_in_benchmark_documents_keeps_the_tree_and_equals_fresh_analyses() {
    const TYPED: &[&str] = &["a", "e", "我", "的", " ", "x", "ab"];
    let per_document = edits_per_document(40);
    let config = DiagnosticsConfig::all_enabled();
    let english = {
        let parts = [
            include_str!("fixtures/corpus/en_A-80-590.txt"),
            include_str!("fixtures/corpus/en_S-RES-687-1991.txt"),
            include_str!("fixtures/corpus/en_A-RES-73-3.txt"),
        ];
        let mut doc = String::from("United Nations\n\nA/80/999\n\nGeneral Assembly\n\nCompilation of texts\n\n");
        for (n, part) in parts.iter().enumerate() {
            doc.push_str(&format!("\nAnnex {}\n\n{part}", rapporteur::lang::numerals::to_roman(n as u32 + 1)));
        }
        doc
    };
    for (name, original) in [("zh-bench", benchmark_documents::chinese_document(150_000)), ("en-bench", english)] {
        let mut rng = Rng::from_label(name, 13);
        let mut text = original.clone();
        let mut analysis = Analysis::new(text.clone(), None, &config);
        let mut history = Vec::new();
        let (mut updates, mut kept) = (0, 0);
        for k in 0..per_document {
            let at = char_boundary_at_or_before(&text, rng.below(text.len() + 1));
            let Some((next, what)) = edit_inside_line(&mut rng, &text, at, TYPED, 3) else { continue };
            history.push(what);
            let updated = update_checked(name, &history, analysis, &next, k, &config);
            updates += 1;
            kept += usize::from(updated.tree_kept());
            text = next;
            analysis = updated;
        }
        assert!(kept * 2 >= updates, "{name}: the tree kept on {kept} keystrokes of {updates}");
    }
}
