//! Robustness (issue acceptance 4): seeded-random text of every sort — random
//! bytes, random CJK, soups of the tokens the parser looks for, a 200 KB
//! line, thousands of subparagraph-like and numbered lines, deeply nested
//! Markdown, ten megabytes of the seed — goes through the whole analysis and
//! every editor feature without a panic, and what comes out is well formed:
//! every range (of nodes, numbers, votes, references, diagnostics and every
//! feature's answer) lies inside the text on character boundaries, a node's
//! range holds its opening and its children's, siblings come in order
//! without overlapping, eIds are unique, references are in text order, and
//! diagnostic positions survive the round trip through line/column in UTF-8
//! and UTF-16. Every fixture is run too, in its own language and another.
//!
//! A failing input is written to `CARGO_TARGET_TMPDIR` so it can be replayed.

mod common;

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};

use common::{seed, Rng};
use rapporteur::diagnostics::DiagnosticsConfig;
use rapporteur::ide::{Analysis, OutlineItem};
use rapporteur::lang::Language;
use rapporteur::syntax::NodeKind;
use rapporteur::text::{PositionEncoding, TextRange};

// ---------------------------------------------------------------------------
// Running one input

/// Analyses `text` (in `language`, or detected) and checks everything; on a
/// panic or a broken invariant, saves the input and fails naming it.
fn run(label: &str, text: &str, language: Option<Language>, rng: &mut Rng) -> Analysis {
    let mut feature_rng = rng.clone();
    rng.next_u64();
    let started = std::time::Instant::now();
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let analysis = Analysis::new(text.to_string(), language, &DiagnosticsConfig::all_enabled());
        let analysed = started.elapsed();
        let problems = check(&analysis, &mut feature_rng);
        if std::env::var_os("ROBUSTNESS_VERBOSE").is_some() {
            println!("{label}: {} bytes, analysis {analysed:?}, checks {:?}", text.len(), started.elapsed() - analysed);
        }
        (analysis, problems)
    }));
    let why = match outcome {
        Ok((analysis, problems)) if problems.is_empty() => return analysis,
        Ok((_, problems)) => format!("{} broken invariant(s):\n  {}", problems.len(), problems[..problems.len().min(20)].join("\n  ")),
        Err(panic) => {
            let msg = panic.downcast_ref::<String>().cloned().or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()));
            format!("panicked: {}", msg.unwrap_or_default())
        }
    };
    let file = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("robustness-{}.txt", label.replace(['/', ' '], "_")));
    let saved = std::fs::write(&file, text).map(|_| file.display().to_string()).unwrap_or_else(|e| format!("(not saved: {e})"));
    panic!("{label} (language {language:?}, {} bytes; input saved to {saved}): {why}", text.len());
}

/// Bytes of line that the line/column round trips of one input may walk.
const ROUND_TRIP_BUDGET: usize = 16 << 20;

fn check_range(problems: &mut Vec<String>, text: &str, what: &str, r: TextRange) {
    if !(r.start <= r.end && r.end <= text.len()) {
        problems.push(format!("{what} {r:?} is not inside the text (length {})", text.len()));
    } else if !text.is_char_boundary(r.start) || !text.is_char_boundary(r.end) {
        problems.push(format!("{what} {r:?} does not lie on character boundaries"));
    }
}

fn check_outline(problems: &mut Vec<String>, text: &str, items: &[OutlineItem]) {
    for item in items {
        check_range(problems, text, &format!("outline `{}` range", item.eid), item.range);
        check_range(problems, text, &format!("outline `{}` selection", item.eid), item.selection_range);
        if !item.range.contains_range(item.selection_range) {
            problems.push(format!("outline `{}`: selection {:?} outside range {:?}", item.eid, item.selection_range, item.range));
        }
        for child in &item.children {
            if !item.range.contains_range(child.range) {
                problems.push(format!("outline `{}` {:?} does not hold child `{}` {:?}", item.eid, item.range, child.eid, child.range));
            }
        }
        check_outline(problems, text, &item.children);
    }
}

/// Every invariant of an analysis, and every feature at about twenty offsets.
fn check(a: &Analysis, rng: &mut Rng) -> Vec<String> {
    let mut p = invariants(a, rng);
    features(a, rng, &mut p);
    p
}

/// What must hold of the analysis itself.
fn invariants(a: &Analysis, rng: &mut Rng) -> Vec<String> {
    let text: &str = &a.text;
    let doc = &a.document;
    let mut p = Vec::new();

    // The tree.
    let mut eids: HashMap<&str, usize> = HashMap::new();
    for (id, n) in doc.nodes.iter().enumerate() {
        let what = format!("node {id} `{}` ({})", doc.eid(id), n.kind.name());
        check_range(&mut p, text, &format!("{what} range"), n.range());
        check_range(&mut p, text, &format!("{what} opening"), n.opening());
        if let Some(t) = n.title() {
            check_range(&mut p, text, &format!("{what} title"), t);
        }
        if let Some(num) = n.number() {
            check_range(&mut p, text, &format!("{what} number"), num.span);
        }
        if !n.range().contains_range(n.opening()) {
            p.push(format!("{what}: opening {:?} outside range {:?}", n.opening(), n.range()));
        }
        for &c in doc.children(id) {
            let child = &doc.nodes[c];
            if !n.range().contains_range(child.range()) {
                p.push(format!("{what} {:?} does not hold child {c} `{}` {:?}", n.range(), doc.eid(c), child.range()));
            }
            if child.parent() != Some(id) {
                p.push(format!("{what}: child {c} names {:?} as its parent", child.parent()));
            }
        }
        for pair in doc.children(id).windows(2) {
            let (x, y) = (&doc.nodes[pair[0]], &doc.nodes[pair[1]]);
            if x.range().end > y.range().start {
                p.push(format!(
                    "{what}: children `{}` {:?} and `{}` {:?} overlap or are out of order",
                    doc.eid(pair[0]),
                    x.range(),
                    doc.eid(pair[1]),
                    y.range()
                ));
            }
        }
        if doc.eid(id).is_empty() {
            p.push(format!("{what} has no eId"));
        }
        if let Some(other) = eids.insert(doc.eid(id), id) {
            p.push(format!("eId `{}` is used by nodes {other} and {id}", doc.eid(id)));
        }
    }
    for &r in &doc.roots {
        if doc.nodes[r].parent().is_some() {
            p.push(format!("root {r} has a parent"));
        }
    }
    for (i, r) in doc.heading_spans.iter().enumerate() {
        check_range(&mut p, text, &format!("heading span {i}"), *r);
    }
    for (i, v) in doc.votes.iter().enumerate() {
        if let Some(r) = v.figures_range {
            check_range(&mut p, text, &format!("vote {i} figures"), r);
        }
        for (side, f) in &v.figures {
            check_range(&mut p, text, &format!("vote {i} figure {}", side.name()), f.span);
        }
        for list in &v.lists {
            check_range(&mut p, text, &format!("vote {i} list heading"), list.heading);
            for item in &list.items {
                check_range(&mut p, text, &format!("vote {i} item"), item.range);
                check_range(&mut p, text, &format!("vote {i} name"), item.name);
            }
        }
    }
    for (i, l) in doc.name_lists.iter().enumerate() {
        for item in &l.items {
            check_range(&mut p, text, &format!("name list {i} item"), item.range);
            check_range(&mut p, text, &format!("name list {i} name"), item.name);
        }
    }
    if doc.masked.len() != text.len() {
        p.push(format!("the masked text has {} bytes, the text {}", doc.masked.len(), text.len()));
    }

    // References, in text order (finding the one under the cursor relies on it).
    if let Some(w) = a.references.windows(2).find(|w| w[0].range().start > w[1].range().start) {
        p.push(format!("references out of order: {:?} before {:?}", w[0].range(), w[1].range()));
    }
    for (i, r) in a.references.iter().enumerate() {
        check_range(&mut p, text, &format!("reference {i} ({})", r.kind.name()), r.range());
        for n in r.numbers() {
            check_range(&mut p, text, &format!("reference {i} number {:?}", n.role), n.span);
        }
        for &n in r.node().iter().chain(r.candidates()) {
            if n >= doc.nodes.len() {
                p.push(format!("reference {i} targets node {n}, which does not exist"));
            }
        }
    }

    // Diagnostics, and their positions through line/column and back. A
    // conversion costs the length of the line, so on a line of 200 KB with
    // thousands of diagnostics a random sample stands for them all.
    let li = &a.line_index;
    let mut order: Vec<usize> = (0..a.diagnostics.len()).collect();
    rng.shuffle(&mut order);
    let mut spent = 0usize;
    for (checked, &i) in order.iter().enumerate() {
        let d = &a.diagnostics[i];
        let what = format!("{} diagnostic", d.code.as_str());
        check_range(&mut p, text, &format!("{what} range"), d.range);
        for rel in &d.related {
            check_range(&mut p, text, &format!("{what} related"), rel.range);
        }
        let line_len = |o: usize| li.line_range(text, li.line_of(o)).len();
        spent += line_len(d.range.start) + line_len(d.range.end);
        if spent > ROUND_TRIP_BUDGET && checked >= 16 {
            continue;
        }
        for offset in [d.range.start, d.range.end] {
            if offset > text.len() || !text.is_char_boundary(offset) {
                continue; // already reported
            }
            for enc in [PositionEncoding::Utf8, PositionEncoding::Utf16] {
                let lc = li.line_col(text, offset, enc);
                let back = li.offset(text, lc, enc);
                if back != (offset, false) {
                    p.push(format!("{what}: offset {offset} → {lc:?} ({enc:?}) → {back:?}"));
                }
            }
        }
    }

    p
}

/// Every editor feature: over the whole document, for a few nodes, and at
/// about twenty offsets; what each returns must lie inside the text.
fn features(a: &Analysis, rng: &mut Rng, p: &mut Vec<String>) {
    let text: &str = &a.text;
    let doc = &a.document;
    check_outline(p, text, &a.outline());
    for f in a.folding_ranges() {
        check_range(p, text, "fold", f.range);
    }
    for l in a.document_links() {
        check_range(p, text, "link", l.range);
        if l.target.is_empty() {
            p.push(format!("link {:?} has no target", l.range));
        }
    }
    for _ in 0..3.min(doc.nodes.len()) {
        let id = rng.below(doc.nodes.len());
        let _ = a.address_in_words(id);
        let _ = a.excerpt(id, rng.below(80));
        check_range(p, text, "target range", a.target_range(id));
    }

    // Features at offsets: the ends, random ones (moved back to a character
    // boundary), and the edges of references and numbers.
    let mut offsets = vec![0, text.len()];
    for _ in 0..6 {
        let mut o = rng.below(text.len() + 1);
        while !text.is_char_boundary(o) {
            o -= 1;
        }
        offsets.push(o);
    }
    for _ in 0..3.min(a.references.len()) {
        let r = a.references[rng.below(a.references.len())].range();
        offsets.extend([r.start, r.end, r.start + (r.end - r.start) / 2]);
    }
    let numbered: Vec<TextRange> = doc.nodes.iter().filter_map(|n| n.number().map(|x| x.span)).collect();
    for _ in 0..3.min(numbered.len()) {
        let s = numbered[rng.below(numbered.len())];
        offsets.extend([s.start, s.end]);
    }
    for mut o in offsets {
        while !text.is_char_boundary(o) {
            o -= 1;
        }
        for r in a.goto_definition(o) {
            check_range(p, text, &format!("definition from {o}"), r);
        }
        if let Some(h) = a.hover(o) {
            check_range(p, text, &format!("hover at {o}"), h.range);
        }
        for include in [false, true] {
            for r in a.find_references(o, include) {
                check_range(p, text, &format!("reference to the target at {o}"), r);
            }
        }
        let _ = a.target_at(o);
    }

    // The Akoma Ntoso export: no panic, no text lost (`tests/akn.rs` also
    // validates it against the schema on every real document).
    let xml = rapporteur::export::to_akn(a);
    if let Err(why) = common::akn::check_text(text, &doc.masked, &xml) {
        p.push(format!("Akoma Ntoso export: {why}"));
    }
}

fn language(rng: &mut Rng) -> Option<Language> {
    match rng.below(3) {
        0 => None,
        _ => Some(*rng.pick(&Language::ALL)),
    }
}

// ---------------------------------------------------------------------------
// Generators

/// The tokens the parser and the reference finder look for, and text that
/// tends to break byte arithmetic.
const TOKENS: &[&str] = &[
    "1. ",
    "2. ",
    "15. ",
    "(a) ",
    "(b) ",
    "(i) ",
    "(ii) ",
    "(c) ",
    "(x) ",
    "(aa) ",
    "a) ",
    "一. ",
    "二、",
    "十一. ",
    "A. ",
    "B ",
    "I. ",
    "IV. ",
    "CHAPTER V ",
    "第三章 ",
    "Part II ",
    "Article 5 ",
    "附件",
    "附件一",
    "Annex I",
    "Annex",
    "ANNEX II",
    "**",
    "__",
    "# ",
    "## ",
    "> ",
    " - ",
    "第二节第 15 段",
    "第 18 段",
    "第 8(a)分段",
    "成果文件草案第一节第 16 段",
    "paragraph 3 to 5 of section II",
    "paragraphs 8 (a) and 9 (b)",
    "paragraph 8 above",
    "subparagraphs (a) and (b) above",
    "section VI of the present report",
    "annex I to the present resolution",
    "para. 12",
    "paras. 21–25 above",
    "赞成:",
    "赞成：",
    "反对:",
    "弃权:",
    "In favour:",
    "Against:",
    "Abstaining:",
    "无",
    "None",
    "以 63 票对 2 票、28 票弃权",
    "by 12 votes to 1, with 2 abstentions",
    "中国、法国、美国",
    "China, France and United States",
    "、",
    ", ",
    "，",
    "。",
    ".",
    "；",
    ";",
    "：",
    ":",
    "(",
    ")",
    "（",
    "）",
    "[",
    "]",
    "《",
    "》",
    "\r\n",
    "\r",
    "\n",
    "\n\n",
    "\t",
    "  ",
    "😀",
    "👨\u{200d}👩\u{200d}👧",
    "🇺🇳",
    "الفِقْرَةُ ١٥ مِنَ القَرار",
    "١٢. ",
    "𠀋",
    "𪚥",
    "\u{feff}",
    "\u{200b}",
    "\u{202e}",
    "e\u{301}",
    "\u{0}",
    "１２．",
    "ＡＢ",
    "[72/57](#)",
    "[x](",
    "](#)",
    "A/CONF.192/2018/RC/1",
    "A/80/590",
    "S/RES/687 (1991)",
    "resolution 2370 (2017)",
    "第 [72/57](#) 号决议",
    "第72/55号决议",
    "《宪章》第五十一条",
    "Article 51 of the Charter",
    "目标16",
    "具体目标 16.4.2",
    "target 16.4",
    "Goal 17",
    "17.a ",
    "0. ",
    "99999999999999999999. ",
    "(zzzzz) ",
    "(mmmmcm) ",
    "the present resolution",
    "the draft outcome document",
];

fn random_word(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => (0..rng.range(1, 8)).map(|_| char::from(b'a' + rng.below(26) as u8)).collect(),
        1 => (0..rng.range(1, 6)).map(|_| char::from_u32(0x4E00 + rng.below(0x5000) as u32).unwrap_or('中')).collect(),
        2 => rng.below(3000).to_string(),
        _ => ["the", "General", "Assembly", "Decides", "会议", "决定", "États", "Совет", "الجمعية"][rng.below(9)].to_string(),
    }
}

fn token_soup(rng: &mut Rng, tokens: usize) -> String {
    let mut s = String::new();
    for _ in 0..tokens {
        if rng.chance(2, 3) {
            s.push_str(TOKENS[rng.below(TOKENS.len())]);
        } else {
            s.push_str(&random_word(rng));
            s.push(' ');
        }
    }
    s
}

fn random_bytes(rng: &mut Rng, len: usize) -> String {
    const INTERESTING: &[u8] = b"0123456789.()[]*#>-\n\r\t :;,aivxIVXA";
    let bytes: Vec<u8> = (0..len).map(|_| if rng.chance(1, 2) { *rng.pick(INTERESTING) } else { rng.below(256) as u8 }).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn random_cjk(rng: &mut Rng, chars: usize) -> String {
    const PUNCT: &[char] =
        &['。', '，', '、', '；', '：', '（', '）', '《', '》', '“', '”', '第', '节', '段', '票', '\n', '\n', ' ', '１', '.'];
    (0..chars)
        .map(|_| {
            let cp = match rng.below(10) {
                0..=4 => 0x4E00 + rng.below(0x5200) as u32,
                5 => 0x3400 + rng.below(0x19C0) as u32,
                6 => 0x20000 + rng.below(0xA6E0) as u32,
                7 => 0x3040 + rng.below(0xC0) as u32,
                _ => u32::from(*rng.pick(PUNCT)),
            };
            char::from_u32(cp).unwrap_or('字')
        })
        .collect()
}

/// Lines of subparagraph-like markers: `(a) (i) (a) (i)`.
fn nesting_lines(rng: &mut Rng, lines: usize) -> String {
    const MARKERS: &[&str] =
        &["(a)", "(b)", "(c)", "(i)", "(ii)", "(iii)", "(iv)", "(v)", "(x)", "(h)", "(aa)", "(I)", "(A)", "1.", "a)", "i)", "-", "•"];
    const ENDS: &[&str] = &["", ";", ":", ".", "；", "：", "。", " and", ","];
    let mut s = String::new();
    for _ in 0..lines {
        s.push_str(&" ".repeat(rng.below(3) * 2));
        for _ in 0..rng.range(1, 4) {
            s.push_str(MARKERS[rng.below(MARKERS.len())]);
            s.push(' ');
        }
        if rng.chance(2, 3) {
            s.push_str(&random_word(rng));
        }
        s.push_str(ENDS[rng.below(ENDS.len())]);
        s.push_str(if rng.chance(1, 4) { "\n\n" } else { "\n" });
    }
    s
}

/// Lines `N. x` whose numbers mostly run on, with mistakes, jumps and huge numbers.
fn numbered_lines(rng: &mut Rng, lines: usize) -> String {
    let mut s = String::new();
    let mut n: u64 = 0;
    for _ in 0..lines {
        n = match rng.below(20) {
            0 => rng.below(100_000) as u64,
            1 => n,
            2 => n.saturating_sub(1),
            3 => u64::MAX - rng.below(3) as u64,
            _ => n.wrapping_add(1),
        };
        let body = random_word(rng);
        let end = if rng.chance(3, 4) { "." } else { "" };
        s.push_str(&format!("{n}. {body}{end}\n"));
        if rng.chance(1, 3) {
            s.push('\n');
        }
    }
    s
}

/// Markdown nested as deep as `depth`: quotes, list bullets, bold, links
/// inside links, heading hashes.
fn nested_markdown(rng: &mut Rng, lines: usize, depth: usize) -> String {
    let mut s = String::new();
    for _ in 0..lines {
        let d = rng.below(depth + 1);
        for _ in 0..d {
            s.push_str(["> ", "- ", "  ", "* ", "1. "][rng.below(5)]);
        }
        if rng.chance(1, 3) {
            s.push_str(&"#".repeat(rng.range(1, 12)));
            s.push(' ');
        }
        let inner = rng.below(depth.min(50) + 1);
        s.push_str(&"[**".repeat(inner));
        s.push_str(&token_soup(rng, 3).replace(['\n', '\r'], " "));
        for _ in 0..inner {
            s.push_str(["**](#)", "](x)**", "**]", ")"][rng.below(4)]);
        }
        s.push('\n');
    }
    s
}

// ---------------------------------------------------------------------------
// The tests

#[test]
fn the_checks_catch_a_broken_analysis() {
    // The invariants are not vacuous: each kind of damage is reported.
    let mut rng = Rng::from_label("self-test", 0);
    let text = "一. 引言\n\n1. 会议决定保留第 2 段。\n\n2. 第二段。\n";
    let fresh = || Analysis::new(text.to_string(), None, &DiagnosticsConfig::all_enabled());
    assert!(check(&fresh(), &mut rng).is_empty(), "{:?}", check(&fresh(), &mut rng));
    let para = |a: &Analysis| a.document.nodes.iter().position(|n| n.kind == NodeKind::Paragraph).expect("a paragraph");
    type Damage = fn(&mut Analysis, usize);
    let damages: [(&str, Damage); 5] = [
        ("past the end", |a, _| {
            let r = a.document.nodes[0].range();
            a.document.nodes[0].set_range(TextRange::new(r.start, a.text.len() + 1))
        }),
        ("inside a character", |a, _| {
            let r = a.document.nodes[0].opening();
            a.document.nodes[0].set_opening(TextRange::new(r.start + 1, r.end))
        }),
        ("child outside its parent", |a, _| {
            let (r, o) = (a.document.nodes[0].range(), a.document.nodes[0].opening());
            a.document.nodes[0].set_range(TextRange::new(r.start, o.end))
        }),
        ("duplicate eId", |a, p| {
            let first = a.document.eid(0).to_string();
            a.document.set_eid(p, &first)
        }),
        ("reference past the end", |a, _| {
            a.references.iter_mut().for_each(|r| r.set_range(TextRange::new(r.range().start, a.text.len() + 3)))
        }),
    ];
    for (what, damage) in damages {
        let mut a = fresh();
        let p = para(&a);
        damage(&mut a, p);
        assert!(!invariants(&a, &mut rng).is_empty(), "{what} went unnoticed");
    }
}

#[test]
fn random_bytes_made_text() {
    let mut rng = Rng::from_label("random bytes", 1);
    for i in 0..150 {
        let len = if i < 5 { i } else { rng.below(3000) };
        let text = random_bytes(&mut rng, len);
        let lang = language(&mut rng);
        run(&format!("random-bytes-{i}"), &text, lang, &mut rng);
    }
}

#[test]
fn soups_of_the_tokens_the_parser_looks_for() {
    let mut rng = Rng::from_label("token soup", 2);
    for i in 0..300 {
        let n = rng.range(1, 400);
        let text = token_soup(&mut rng, n);
        let lang = language(&mut rng);
        run(&format!("token-soup-{i}"), &text, lang, &mut rng);
    }
}

#[test]
fn random_cjk_text() {
    let mut rng = Rng::from_label("cjk", 3);
    for i in 0..100 {
        let n = rng.range(0, 2000);
        let mut text = random_cjk(&mut rng, n);
        if rng.chance(1, 2) {
            // Numbered Chinese lines among the noise.
            text = text.replace('\n', &format!("\n{}. ", rng.below(30)));
        }
        let lang = language(&mut rng);
        run(&format!("cjk-{i}"), &text, lang, &mut rng);
    }
}

#[test]
fn a_line_of_two_hundred_kilobytes() {
    let mut rng = Rng::from_label("long line", 4);
    let mut tokens = token_soup(&mut rng, 40_000).replace(['\n', '\r'], " ");
    while tokens.len() < 200 * 1024 {
        tokens.push_str("第二节第 15 段，");
    }
    let cjk = random_cjk(&mut rng, 70_000).replace('\n', "");
    let numbered = format!("1. {}", "paragraph 3 to 5 of section II, ".repeat(200 * 1024 / 32));
    for (label, text) in [("long-line-tokens", tokens), ("long-line-cjk", cjk), ("long-line-numbered", numbered)] {
        assert!(text.len() >= 200 * 1024 && !text.contains('\n'), "{label}: {} bytes", text.len());
        run(label, &text, None, &mut rng);
    }
}

#[test]
fn five_thousand_lines_of_nesting_markers() {
    let mut rng = Rng::from_label("nesting", 5);
    let text = nesting_lines(&mut rng, 5_000);
    run("nesting-en", &text, Some(Language::En), &mut rng);
    let plain = "(a) (i) (a) (i)\n".repeat(5_000);
    run("nesting-plain", &plain, None, &mut rng);
    // Inside a numbered paragraph that introduces them with a colon.
    let holder = format!("I. Section\n\n1. The Council decides:\n\n{}", nesting_lines(&mut rng, 5_000));
    run("nesting-in-paragraph", &holder, Some(Language::En), &mut rng);
}

#[test]
fn ten_thousand_numbered_lines() {
    let mut rng = Rng::from_label("numbered", 6);
    let text = numbered_lines(&mut rng, 10_000);
    run("numbered-en", &text, Some(Language::En), &mut rng);
    let zh = format!("一. 引言\n\n{}", numbered_lines(&mut rng, 10_000).replace(". ", ". 会议决定").replace('.', "。"));
    run("numbered-zh", &zh, Some(Language::Zh), &mut rng);
    // Correctly numbered paragraphs up to the largest paragraph number the
    // tables read (four digits): all found, none reported.
    let clean: String = (1..=9_999).map(|n| format!("{n}. The Assembly decides to remain seized of the matter.\n\n")).collect();
    let a = run("numbered-clean", &clean, Some(Language::En), &mut rng);
    let paragraphs = a.document.nodes.iter().filter(|n| n.kind == NodeKind::Paragraph && n.number().is_some()).count();
    assert_eq!(paragraphs, 9_999);
    assert!(a.diagnostics.is_empty(), "{:?}", a.diagnostics.first());
}

#[test]
fn deeply_nested_markdown() {
    let mut rng = Rng::from_label("markdown", 7);
    for (i, depth) in [3usize, 20, 200].into_iter().enumerate() {
        let text = nested_markdown(&mut rng, 400, depth);
        run(&format!("markdown-{i}"), &text, None, &mut rng);
    }
    let tower = format!("{}1. x\n", "> ".repeat(10_000));
    run("markdown-tower", &tower, None, &mut rng);
    let brackets = format!("{}paragraph 5{}", "[".repeat(5_000), "](#)".repeat(5_000));
    run("markdown-brackets", &brackets, None, &mut rng);
}

#[test]
fn line_ends_of_every_kind() {
    // The seed with its line ends replaced by CRLF, CR, or a random mix.
    let mut rng = Rng::from_label("line ends", 8);
    let seed = seed().text;
    let mixed: String = seed.split('\n').map(|l| format!("{l}{}", ["\n", "\r\n", "\r"][rng.below(3)])).collect();
    for (label, text) in [("seed-crlf", seed.replace('\n', "\r\n")), ("seed-cr", seed.replace('\n', "\r")), ("seed-mixed", mixed)] {
        run(label, &text, None, &mut rng);
    }
}

#[test]
fn every_fixture_in_every_language() {
    let mut rng = Rng::from_label("fixtures", 10);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus");
    let mut names: Vec<_> = std::fs::read_dir(&dir).expect("corpus").filter_map(|e| e.ok()).map(|e| e.path()).collect();
    names.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    names.sort();
    let mut texts = vec![("seed".to_string(), seed().text)];
    texts.extend(
        names
            .iter()
            .map(|p| (p.file_name().unwrap_or_default().to_string_lossy().into_owned(), std::fs::read_to_string(p).expect("fixture"))),
    );
    assert!(texts.len() >= 12, "{} fixtures", texts.len());
    for (name, text) in &texts {
        run(name, text, None, &mut rng);
        // Read as a language it is not written in, too.
        let other = language(&mut rng).unwrap_or(Language::Ru);
        run(&format!("{name}-as-{}", other.code()), text, Some(other), &mut rng);
    }
}

#[test]
fn ten_megabytes_of_the_seed() {
    let mut rng = Rng::from_label("ten megabytes", 9);
    let seed = seed().text;
    let once = run("seed", &seed, None, &mut rng);
    let per_copy = once.document.nodes.iter().filter(|n| n.kind == NodeKind::Paragraph).count();
    let copies = (10 * 1024 * 1024) / seed.len() + 1;
    let mut text = String::with_capacity(copies * (seed.len() + 1));
    for _ in 0..copies {
        text.push_str(&seed);
        text.push('\n');
    }
    let a = run("seed-x-many", &text, None, &mut rng);
    let found = a.document.nodes.iter().filter(|n| n.kind == NodeKind::Paragraph).count();
    let expected = copies * per_copy;
    println!("{copies} copies of the seed ({} bytes): {found} paragraphs, {per_copy} per copy", text.len());
    assert!(
        found.abs_diff(expected) * 100 <= expected,
        "{copies} copies of a seed with {per_copy} paragraphs gave {found} paragraphs (expected about {expected})"
    );
}
