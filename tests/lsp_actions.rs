//! The drafting features through the language server, in both position
//! encodings: document highlight, inlay hints, code lenses, reference drift
//! on the seed (a paragraph inserted into annex section II and the rest
//! renumbered by hand).

#[path = "lsp_common.rs"]
mod common;

use common::*;
use rapporteur::diagnostics::DiagnosticsConfig;
use rapporteur::ide::Analysis;
use rapporteur::lsp::Options;
use rapporteur::syntax::NodeKind;
use serde_json::{json, Value};

const INSERTED: &str = "18. 决定在下一届审查会议上审议弹药问题，并请秘书长就此提出报告。\n";

async fn start(utf8: bool, with_hints: bool) -> (Session, Value) {
    let mut s = Session::start(Options::default());
    let encodings = if utf8 { json!(["utf-16", "utf-8"]) } else { json!(["utf-16"]) };
    let mut caps = json!({"general": {"positionEncodings": encodings}});
    if with_hints {
        caps["textDocument"] = json!({"inlayHint": {}, "codeLens": {}});
    }
    let init = s.request("initialize", json!({"capabilities": caps})).await.expect("initialize");
    s.notify("initialized", json!({})).await;
    (s, init["capabilities"].clone())
}

fn lines_of(found: &Value) -> Vec<u64> {
    let mut lines: Vec<u64> = found.as_array().unwrap().iter().map(|h| h["range"]["start"]["line"].as_u64().unwrap()).collect();
    lines.sort();
    lines
}

async fn highlight_hints_and_lenses(utf8: bool) {
    let (mut s, caps) = start(utf8, true).await;
    assert_eq!(caps["documentHighlightProvider"], true);
    assert_eq!(caps["inlayHintProvider"], true);
    assert!(caps["codeLensProvider"].is_object());
    s.open(SEED_URI, SEED, 1).await;
    s.diagnostics(SEED_URI, Some(1)).await;

    // From the number of annex section II paragraph 18 and from a reference to it.
    for at in [seed_pos(255, "18. ", 1, utf8), seed_pos(126, "第二节第 18 段", "第二节第 1".len(), utf8)] {
        let found = s.request("textDocument/documentHighlight", text_position(SEED_URI, at)).await.unwrap();
        assert_eq!(lines_of(&found), [123, 125, 254], "{found}");
        let target = found.as_array().unwrap().iter().find(|h| h["range"]["start"]["line"] == 254).unwrap();
        assert_eq!(target["kind"], 3, "write: the paragraph itself");
        assert_eq!(target["range"]["start"], seed_pos(255, "18", 0, utf8));
        assert_eq!(target["range"]["end"], seed_pos(255, ". ", 0, utf8));
        let reference = found.as_array().unwrap().iter().find(|h| h["range"]["start"]["line"] == 125).unwrap();
        assert_eq!(reference["kind"], 2, "read: a reference");
    }
    // An external reference (line 313, the Programme of Action's paragraph): nothing.
    let at = seed_pos(313, "第二节第 15 段", "第二节第 ".len(), utf8);
    let found = s.request("textDocument/documentHighlight", text_position(SEED_URI, at)).await.unwrap();
    assert!(found.is_null(), "{found}");

    // Inlay hints: after `第一节第 16 段` (line 110), the words of the paragraph it cites.
    let range = json!({"start": {"line": 109, "character": 0}, "end": {"line": 110, "character": 0}});
    let hints = s.request("textDocument/inlayHint", json!({"textDocument": {"uri": SEED_URI}, "range": range})).await.unwrap();
    let hints = hints.as_array().unwrap();
    assert_eq!(hints.len(), 1, "{hints:?}");
    assert_eq!(hints[0]["label"], "→ \"我们欢迎以协商一致方式通过的大会…\"");
    assert_eq!(hints[0]["position"], seed_pos(110, "第一节第 16 段", "第一节第 16 段".len(), utf8));
    assert!(hints[0]["tooltip"].as_str().unwrap().contains("paragraph 16"));
    let whole = json!({"start": {"line": 0, "character": 0}, "end": {"line": 9999, "character": 0}});
    let all = s.request("textDocument/inlayHint", json!({"textDocument": {"uri": SEED_URI}, "range": whole})).await.unwrap();
    let all = all.as_array().unwrap();
    let a = Analysis::new(SEED, None, &DiagnosticsConfig::all_enabled());
    let resolved = a.references.iter().filter(|r| r.status == rapporteur::model::Status::Resolved).count();
    assert_eq!(all.len(), resolved);
    // No hint on the external reference of line 313.
    assert!(all.iter().all(|h| h["position"]["line"] != 312), "{all:?}");

    // Code lenses: annex section II paragraph 18 is cited twice.
    let lenses = s.request("textDocument/codeLens", json!({"textDocument": {"uri": SEED_URI}})).await.unwrap();
    let lenses = lenses.as_array().unwrap();
    let on_18 = lenses.iter().find(|l| l["range"]["start"]["line"] == 254).expect("a lens on line 255");
    assert_eq!(on_18["command"]["title"], "cited 2 times");
    assert_eq!(on_18["command"]["command"], "", "no client-specific command");
    assert!(lenses.len() >= 2);

    // Turned off by the settings.
    s.notify("workspace/didChangeConfiguration", json!({"settings": {"rapporteur": {"inlayHints": false, "codeLens": false}}})).await;
    let none = s.request("textDocument/inlayHint", json!({"textDocument": {"uri": SEED_URI}, "range": whole})).await.unwrap();
    assert_eq!(none, json!([]));
    let none = s.request("textDocument/codeLens", json!({"textDocument": {"uri": SEED_URI}})).await.unwrap();
    assert_eq!(none, json!([]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn highlight_hints_and_lenses_utf16() {
    highlight_hints_and_lenses(false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn highlight_hints_and_lenses_utf8() {
    highlight_hints_and_lenses(true).await;
}

#[tokio::test]
async fn no_hints_or_lenses_offered_to_a_client_without_them() {
    let (_, caps) = start(false, false).await;
    assert!(caps.get("inlayHintProvider").is_none_or(Value::is_null), "{caps}");
    assert!(caps.get("codeLensProvider").is_none_or(Value::is_null), "{caps}");
}

/// The seed with a paragraph inserted before annex section II paragraph 18
/// (line 255), and the changes that renumber 18… of that section by hand
/// (one change per number, last first), with the text they make.
pub fn inserted_and_renumbered_by_hand(utf8: bool) -> (String, Vec<Value>, String) {
    let at = SEED.find(seed_line(255)).unwrap();
    let mut inserted = SEED.to_string();
    inserted.insert_str(at, INSERTED);
    let a = Analysis::new(inserted.as_str(), None, &DiagnosticsConfig::all_enabled());
    let new = a.numbered_node_at(at).expect("the new paragraph");
    assert_eq!(a.document.eid(new), "annex__sec_II__para_18");
    let section = a.document.ancestors(new).find(|&p| a.document.nodes[p].kind == NodeKind::Section).expect("annex section II");
    let mut spans: Vec<(usize, usize, u32)> = (0..a.document.nodes.len())
        .filter(|&id| a.document.nodes[id].kind == NodeKind::Paragraph && a.document.ancestors(id).any(|p| p == section))
        .filter_map(|id| a.document.nodes[id].number().map(|num| (num.span.start, num.span.end, num.value)))
        .filter(|&(start, _, value)| start > at + 2 && value >= 18)
        .collect();
    assert!(spans.len() > 50, "{}", spans.len());
    spans.sort();
    let mut changes = Vec::new();
    let mut text = inserted.clone();
    for &(start, end, value) in spans.iter().rev() {
        let edit = Edit { start, end, text: (value + 1).to_string() };
        changes.push(edit.change(&text, utf8));
        edit.apply(&mut text);
    }
    (inserted, changes, text)
}

async fn drift_on_the_seed(utf8: bool) {
    let (mut s, _) = start(utf8, false).await;
    s.open(SEED_URI, SEED, 1).await;
    let first = s.diagnostics(SEED_URI, Some(1)).await;
    assert!(first.iter().all(|d| d["code"] != "reference.drift"));

    // Insert the new paragraph 18: a duplicate number, and no drift yet.
    let (inserted, changes, renumbered) = inserted_and_renumbered_by_hand(utf8);
    let line = json!({"line": 254, "character": 0});
    let insert = json!({"range": {"start": line, "end": line}, "text": INSERTED});
    s.notify("textDocument/didChange", json!({"textDocument": {"uri": SEED_URI, "version": 2}, "contentChanges": [insert]})).await;
    let second = s.diagnostics(SEED_URI, Some(2)).await;
    assert!(second.iter().any(|d| d["code"] == "numbering.duplicate"), "{second:#?}");
    assert!(second.iter().all(|d| d["code"] != "reference.drift"), "{second:#?}");
    assert_eq!(s.document_text(SEED_URI).await.1, inserted);

    // Renumber by hand: the numbering is clean again, the references on
    // lines 124 and 126 now cite the new paragraph, and that is reported.
    s.notify("textDocument/didChange", json!({"textDocument": {"uri": SEED_URI, "version": 3}, "contentChanges": changes})).await;
    let third = s.diagnostics(SEED_URI, Some(3)).await;
    assert_eq!(s.document_text(SEED_URI).await.1, renumbered);
    let numbering = |ds: &[Value]| ds.iter().filter(|d| d["code"].as_str().unwrap().starts_with("numbering.")).count();
    assert_eq!(numbering(&third), numbering(&first), "{third:#?}");
    let drift: Vec<&Value> = third.iter().filter(|d| d["code"] == "reference.drift").collect();
    assert_eq!(drift.iter().map(|d| d["range"]["start"]["line"].as_u64().unwrap()).collect::<Vec<_>>(), [123, 125], "{drift:#?}");
    for d in &drift {
        eprintln!("{}:{}: {}", d["range"]["start"]["line"].as_u64().unwrap() + 1, d["code"], d["message"]);
        assert_eq!(d["severity"], 2, "warning");
        let message = d["message"].as_str().unwrap();
        assert!(message.contains("now numbered 19"), "{message}");
        let related = &d["relatedInformation"][0]["location"]["range"]["start"]["line"];
        assert_eq!(related, 255, "the old paragraph 18, now 19 (line 256)");
        let start = &d["range"]["start"];
        let line = renumbered.lines().nth(start["line"].as_u64().unwrap() as usize).unwrap();
        let end = d["range"]["end"]["character"].as_u64().unwrap() as usize;
        let col = start["character"].as_u64().unwrap() as usize;
        let cited: String =
            if utf8 { line[col..end].to_string() } else { String::from_utf16(&line.encode_utf16().collect::<Vec<_>>()[col..end]).unwrap() };
        assert!(cited.contains("第 18 段"), "{cited}");
    }
    // Other diagnostics: those of a fresh check of the renumbered text.
    assert_same_diagnostics(&third, &cli_diagnostics(&renumbered, SEED_URI, utf8));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn drift_on_the_seed_utf16() {
    drift_on_the_seed(false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn drift_on_the_seed_utf8() {
    drift_on_the_seed(true).await;
}

// ---- code actions and rename ----

/// The byte offset of an LSP position in `text`, counted here (not by the
/// core): lines end at `\n`, `\r\n`, `\r`; columns in UTF-8 bytes or UTF-16 units.
fn offset_at(text: &str, pos: &Value, utf8: bool) -> usize {
    let (line, col) = (pos["line"].as_u64().unwrap() as usize, pos["character"].as_u64().unwrap() as usize);
    let bytes = text.as_bytes();
    let mut start = 0;
    for _ in 0..line {
        let next = text[start..].find(['\n', '\r']).map(|i| start + i).unwrap_or(text.len());
        start = if bytes.get(next) == Some(&b'\r') && bytes.get(next + 1) == Some(&b'\n') { next + 2 } else { next + 1 };
    }
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= col || c == '\n' || c == '\r' {
            return start + i;
        }
        units += if utf8 { c.len_utf8() } else { c.len_utf16() };
    }
    text.len()
}

/// `text` with the LSP text edits applied (given in any order, non-overlapping).
fn apply_lsp_edits(text: &str, edits: &[Value], utf8: bool) -> String {
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| (offset_at(text, &e["range"]["start"], utf8), offset_at(text, &e["range"]["end"], utf8), e["newText"].as_str().unwrap()))
        .collect();
    spans.sort_by_key(|s| (s.0, s.1));
    let mut out = text.to_string();
    for (start, end, new) in spans.into_iter().rev() {
        out.replace_range(start..end, new);
    }
    out
}

fn position_of(text: &str, offset: usize, utf8: bool) -> Value {
    let (line, character) = naive_position(text, offset, utf8);
    json!({"line": line, "character": character})
}

async fn code_actions(
    s: &mut Session,
    uri: &str,
    text: &str,
    at: usize,
    diagnostics: &[Value],
    only: Option<Value>,
    utf8: bool,
) -> Vec<Value> {
    let p = position_of(text, at, utf8);
    let mut context = json!({"diagnostics": diagnostics});
    if let Some(only) = only {
        context["only"] = only;
    }
    let params = json!({"textDocument": {"uri": uri}, "range": {"start": p, "end": p}, "context": context});
    s.request("textDocument/codeAction", params).await.unwrap().as_array().cloned().unwrap_or_default()
}

fn edits_of<'a>(action: &'a Value, uri: &str) -> &'a [Value] {
    assert!(action.get("command").is_none_or(Value::is_null), "no client command: {action}");
    action["edit"]["changes"][uri].as_array().map(Vec::as_slice).unwrap_or_else(|| panic!("a workspace edit for {uri}: {action}"))
}

/// Acceptance 1 through the server: insert a paragraph before annex section
/// II paragraph 18, apply the renumber quick fix the server attaches to the
/// duplicate number, and check the text, the hover and the diagnostics.
async fn seed_renumbered_by_the_quick_fix(utf8: bool) {
    let (mut s, caps) = start(utf8, false).await;
    assert!(caps["codeActionProvider"]["codeActionKinds"].as_array().unwrap().contains(&json!("quickfix")));
    assert_eq!(caps["renameProvider"]["prepareProvider"], true);
    s.open(SEED_URI, SEED, 1).await;
    let before = s.diagnostics(SEED_URI, Some(1)).await;
    let hover_at = |text: &str| {
        let line = text.lines().nth(125).unwrap();
        let col = line.find("第二节第 1").unwrap() + "第二节第 ".len();
        json!({"line": 125, "character": units(&line[..col], utf8)})
    };
    let hover_before = s.request("textDocument/hover", text_position(SEED_URI, hover_at(SEED))).await.unwrap();

    let (inserted, _, by_hand) = inserted_and_renumbered_by_hand(utf8);
    let line = json!({"line": 254, "character": 0});
    let insert = json!({"range": {"start": line, "end": line}, "text": INSERTED});
    s.notify("textDocument/didChange", json!({"textDocument": {"uri": SEED_URI, "version": 2}, "contentChanges": [insert]})).await;
    let published = s.diagnostics(SEED_URI, Some(2)).await;
    let duplicate = published.iter().find(|d| d["code"] == "numbering.duplicate").expect("numbering.duplicate");
    let at = offset_at(&inserted, &duplicate["range"]["start"], utf8);
    let actions = code_actions(&mut s, SEED_URI, &inserted, at, &published, None, utf8).await;
    for a in &actions {
        eprintln!("code action: {} [{}]", a["title"], a["kind"]);
    }
    let fix = actions
        .iter()
        .find(|a| a["kind"] == "quickfix" && a["title"].as_str().unwrap().starts_with("Renumber"))
        .unwrap_or_else(|| panic!("a renumber quick fix: {actions:#?}"));
    assert_eq!(fix["diagnostics"][0]["code"], "numbering.duplicate", "{fix}");
    assert_eq!(fix["diagnostics"][0]["range"], duplicate["range"]);
    assert_eq!(fix["isPreferred"], true);
    let edits = edits_of(fix, SEED_URI);
    // Only numbers change: each edit puts digits in place of digits.
    for e in edits {
        let start = offset_at(&inserted, &e["range"]["start"], utf8);
        let end = offset_at(&inserted, &e["range"]["end"], utf8);
        assert!(inserted[start..end].chars().all(|c| c.is_ascii_digit()), "{e}");
        assert!(e["newText"].as_str().unwrap().chars().all(|c| c.is_ascii_digit()), "{e}");
    }
    let renumbered = apply_lsp_edits(&inserted, edits, utf8);
    // The same text as renumbering by hand, and the references follow.
    let mut expected = by_hand.clone();
    for n in [124, 126] {
        let old = by_hand.lines().nth(n - 1).unwrap();
        expected = expected.replacen(old, &old.replace("第二节第 18 段", "第二节第 19 段"), 1);
    }
    assert!(renumbered == expected, "the renumbered seed differs from the expected text");
    for n in [124, 126] {
        assert!(renumbered.lines().nth(n - 1).unwrap().contains("第二节第 19 段"));
    }
    // Send it as the client would, in the order given (each edit's range is in the text before any).
    let mut changes: Vec<&Value> = edits.iter().collect();
    changes.sort_by_key(|e| std::cmp::Reverse((e["range"]["start"]["line"].as_u64(), e["range"]["start"]["character"].as_u64())));
    let changes: Vec<Value> = changes.into_iter().map(|e| json!({"range": e["range"], "text": e["newText"]})).collect();
    s.notify("textDocument/didChange", json!({"textDocument": {"uri": SEED_URI, "version": 3}, "contentChanges": changes})).await;
    let after = s.diagnostics(SEED_URI, Some(3)).await;
    assert_eq!(s.document_text(SEED_URI).await.1, renumbered);
    // The seed's own diagnostics, and nothing else: no drift, no numbering error.
    let codes = |ds: &[Value]| {
        let mut c: Vec<String> = ds.iter().map(|d| d["code"].as_str().unwrap().to_string()).collect();
        c.sort();
        c
    };
    assert_eq!(codes(&after), codes(&before), "{after:#?}");
    let hover_after = s.request("textDocument/hover", text_position(SEED_URI, hover_at(&renumbered))).await.unwrap();
    // The cited paragraph's text, without its number (which the renumbering changed).
    let cited = |h: &Value| {
        let excerpt = h["contents"]["value"].as_str().unwrap().rsplit("\n\n").next().unwrap().to_string();
        excerpt.split_once("\\. ").map(|(_, words)| words.to_string()).unwrap_or(excerpt)
    };
    assert_eq!(cited(&hover_after), cited(&hover_before), "the references cite the same paragraph");
    assert!(hover_after["contents"]["value"].as_str().unwrap().contains("paragraph 19"), "{hover_after}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seed_renumbered_by_the_quick_fix_utf16() {
    seed_renumbered_by_the_quick_fix(false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seed_renumbered_by_the_quick_fix_utf8() {
    seed_renumbered_by_the_quick_fix(true).await;
}

/// The drift quick fix through the server: the renumbered-by-hand seed, fixed.
async fn drift_fixed(utf8: bool) {
    let (mut s, _) = start(utf8, false).await;
    s.open(SEED_URI, SEED, 1).await;
    s.diagnostics(SEED_URI, Some(1)).await;
    let (_, changes, by_hand) = inserted_and_renumbered_by_hand(utf8);
    let line = json!({"line": 254, "character": 0});
    let insert = json!({"range": {"start": line, "end": line}, "text": INSERTED});
    s.notify("textDocument/didChange", json!({"textDocument": {"uri": SEED_URI, "version": 2}, "contentChanges": [insert]})).await;
    s.diagnostics(SEED_URI, Some(2)).await;
    s.notify("textDocument/didChange", json!({"textDocument": {"uri": SEED_URI, "version": 3}, "contentChanges": changes})).await;
    let published = s.diagnostics(SEED_URI, Some(3)).await;
    let drift: Vec<&Value> = published.iter().filter(|d| d["code"] == "reference.drift").collect();
    assert_eq!(drift.len(), 2);
    let at = offset_at(&by_hand, &drift[1]["range"]["start"], utf8) + "第二节第 1".len();
    let actions = code_actions(&mut s, SEED_URI, &by_hand, at, &published, Some(json!(["quickfix"])), utf8).await;
    let fix = actions.iter().find(|a| a["diagnostics"][0]["code"] == "reference.drift").unwrap_or_else(|| panic!("{actions:#?}"));
    assert_eq!(fix["isPreferred"], true);
    let fixed = apply_lsp_edits(&by_hand, edits_of(fix, SEED_URI), utf8);
    let line125 = fixed.lines().nth(125).unwrap();
    assert!(line125.contains("第二节第 19 段"), "{line125}");
    assert_eq!(fixed.len(), by_hand.len(), "one digit for one digit");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn drift_fixed_utf16() {
    drift_fixed(false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn drift_fixed_utf8() {
    drift_fixed(true).await;
}

/// A fixture: the text with `$0` at the cursor taken out, and the cursor.
fn marked(text: &str) -> (String, usize) {
    let at = text.find("$0").expect("a cursor marker");
    (text.replacen("$0", "", 1), at)
}

struct Case {
    code: &'static str,
    text: &'static str,
    /// The text once the fix is applied.
    after: &'static str,
}

/// One fixture per quick fix the core offers (cursor markers), each with an
/// emoji or CJK text before the cursor so that UTF-8 and UTF-16 columns differ.
const CASES: &[Case] = &[
    Case {
        code: "reference.direction",
        text: "The General Assembly,\n\n1. Recalls 😀 paragraph 3 $0above;\n\n2. Decides to act;\n\n3. Requests a report.\n",
        after: "The General Assembly,\n\n1. Recalls 😀 paragraph 3 below;\n\n2. Decides to act;\n\n3. Requests a report.\n",
    },
    Case {
        code: "reference.direction",
        text: "大会，\n\n1. 回顾$0上文第3段；\n\n2. 决定采取行动；\n\n3. 请提交报告。\n",
        after: "大会，\n\n1. 回顾下文第3段；\n\n2. 决定采取行动；\n\n3. 请提交报告。\n",
    },
    Case {
        code: "reference.annex-number",
        text: "The General Assembly,\n\n1. Adopts the programme 😀 contained in $0annex I to the present resolution;\n\n2. Decides to act.\n\nAnnex\n\nProgramme\n\n1. First.\n",
        after: "The General Assembly,\n\n1. Adopts the programme 😀 contained in the annex to the present resolution;\n\n2. Decides to act.\n\nAnnex\n\nProgramme\n\n1. First.\n",
    },
    Case {
        code: "symbol.malformed",
        text: "1. Takes note 😀 of documents $0$/2018/1 and A/CONF.192/2018/RC/3.\n",
        after: "1. Takes note 😀 of documents S/2018/1 and A/CONF.192/2018/RC/3.\n",
    },
    Case {
        code: "numbering.malformed",
        text: "The Security Council,\n1. Decides to extend the mandate 😀;\n$02, Requests the Secretary-General to report by 1 June;\n3. Decides to remain seized of the matter.\n",
        after: "The Security Council,\n1. Decides to extend the mandate 😀;\n2. Requests the Secretary-General to report by 1 June;\n3. Decides to remain seized of the matter.\n",
    },
    Case {
        code: "vote.count",
        text: "1. Notes 😀.\n\n2. The draft resolution was adopted by a recorded vote of $05 to 1, with 0 abstentions. The voting was as follows:\n\nIn favour:\nAlgeria, Angola, Argentina, Austria.\n\nAgainst:\nFrance.\n\nAbstaining:\nNone.\n",
        after: "1. Notes 😀.\n\n2. The draft resolution was adopted by a recorded vote of 4 to 1, with 0 abstentions. The voting was as follows:\n\nIn favour:\nAlgeria, Angola, Argentina, Austria.\n\nAgainst:\nFrance.\n\nAbstaining:\nNone.\n",
    },
    Case {
        code: "vote.duplicate",
        text: "1. 注意到😀。\n\n2. 决议草案以 4 票对 1 票、0 票弃权的记录表决获得通过。表决结果如下：\n\n赞成：\n阿尔及利亚、安哥拉、阿根廷、奥地利、$0阿尔及利亚、安哥拉。\n\n反对：\n法国。\n\n弃权：\n无。\n",
        after: "1. 注意到😀。\n\n2. 决议草案以 4 票对 1 票、0 票弃权的记录表决获得通过。表决结果如下：\n\n赞成：\n阿尔及利亚、安哥拉、阿根廷、奥地利。\n\n反对：\n法国。\n\n弃权：\n无。\n",
    },
    Case {
        code: "numbering.gap",
        text: "I. Introduction 😀\n\n1. Decides one 😀.\n\n$03. Decides three.\n\n4. Recalls paragraph 3.\n",
        after: "I. Introduction 😀\n\n1. Decides one 😀.\n\n2. Decides three.\n\n3. Recalls paragraph 2.\n",
    },
    Case {
        code: "numbering.duplicate",
        text: "一. 宣言\n\n1. 甲段😀。\n\n2. 乙段。\n\n$02. 丙段。\n\n3. 丁段。\n",
        after: "一. 宣言\n\n1. 甲段😀。\n\n2. 乙段。\n\n3. 丙段。\n\n4. 丁段。\n",
    },
];

async fn quick_fixes_at_cursor_markers(utf8: bool) {
    let (mut s, _) = start(utf8, false).await;
    for (i, case) in CASES.iter().enumerate() {
        let uri = format!("file:///tmp/rapporteur-test/fix-{i}.txt");
        let (text, at) = marked(case.text);
        s.notify("textDocument/didOpen", json!({"textDocument": {"uri": uri, "languageId": "un-outcome", "version": 1, "text": text}}))
            .await;
        let published = s.diagnostics(&uri, Some(1)).await;
        let diagnostic = published
            .iter()
            .find(|d| {
                d["code"] == case.code
                    && offset_at(&text, &d["range"]["start"], utf8) <= at
                    && at <= offset_at(&text, &d["range"]["end"], utf8)
            })
            .unwrap_or_else(|| panic!("{}: no {} at the cursor: {published:#?}", case.code, case.code));
        let actions = code_actions(&mut s, &uri, &text, at, &published, None, utf8).await;
        let fix = actions
            .iter()
            .find(|a| a["kind"] == "quickfix" && a["diagnostics"][0]["code"] == case.code)
            .unwrap_or_else(|| panic!("{}: no quick fix: {actions:#?}", case.code));
        assert_eq!(&fix["diagnostics"][0]["range"], &diagnostic["range"], "{}", case.code);
        assert_eq!(fix["isPreferred"], true);
        let fixed = apply_lsp_edits(&text, edits_of(fix, &uri), utf8);
        assert_eq!(fixed, case.after, "{}", case.code);
        // The core's own edits, applied by the core: the same text.
        let a = Analysis::new(text.as_str(), None, &DiagnosticsConfig::all_enabled());
        let core = rapporteur::ide::fixes::fixes(&a, rapporteur::text::TextRange::empty(at));
        let core_fix = core.iter().find(|f| f.title == fix["title"].as_str().unwrap()).expect("the core's fix");
        assert_eq!(rapporteur::ide::edit::apply(&text, &core_fix.edits).unwrap(), fixed);
        // Applied through the server: the diagnostic is gone.
        let changes: Vec<Value> = edits_of(fix, &uri).iter().rev().map(|e| json!({"range": e["range"], "text": e["newText"]})).collect();
        let mut sorted = changes.clone();
        sorted.sort_by_key(|c| std::cmp::Reverse(offset_at(&text, &c["range"]["start"], utf8)));
        s.notify("textDocument/didChange", json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": sorted})).await;
        let after = s.diagnostics(&uri, Some(2)).await;
        assert!(after.iter().all(|d| d["code"] != case.code), "{}: {after:#?}", case.code);
        assert_eq!(s.document_text(&uri).await.1, case.after);
    }
}

/// The quick fixes of the seed's own defects (EXPECTED.md): `附件一` on line
/// 156 and the repeated run of speakers on line 94, at cursors on those lines.
async fn quick_fixes_on_the_seed(utf8: bool) {
    let (mut s, _) = start(utf8, false).await;
    s.open(SEED_URI, SEED, 1).await;
    let published = s.diagnostics(SEED_URI, Some(1)).await;
    for (line, needle, code) in [(156, "附件一", "reference.annex-number"), (94, "哥斯达黎加", "list.duplicate")] {
        let on_line = SEED.find(seed_line(line)).unwrap();
        // The cursor: the last occurrence of `needle` on the line (the repeat, for a run).
        let at = on_line + seed_line(line).rfind(needle).unwrap();
        let actions = code_actions(&mut s, SEED_URI, SEED, at, &published, Some(json!(["quickfix"])), utf8).await;
        let fix =
            actions.iter().find(|a| a["diagnostics"][0]["code"] == code).unwrap_or_else(|| panic!("{code} on line {line}: {actions:#?}"));
        let fixed = apply_lsp_edits(SEED, edits_of(fix, SEED_URI), utf8);
        let a = Analysis::new(SEED, None, &DiagnosticsConfig::all_enabled());
        let core = rapporteur::ide::fixes::fixes(&a, rapporteur::text::TextRange::empty(at));
        let core_fix = core.iter().find(|f| f.title == fix["title"].as_str().unwrap()).expect("the core's fix");
        assert_eq!(rapporteur::ide::edit::apply(SEED, &core_fix.edits).unwrap(), fixed, "{code}");
        let after = Analysis::new(fixed.as_str(), None, &DiagnosticsConfig::all_enabled());
        assert!(after.diagnostics.iter().all(|d| d.code.as_str() != code), "{code} fixed");
        assert_eq!(fixed.lines().count(), SEED.lines().count(), "{code}: no line added or removed");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quick_fixes_on_the_seed_utf16() {
    quick_fixes_on_the_seed(false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quick_fixes_on_the_seed_utf8() {
    quick_fixes_on_the_seed(true).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quick_fixes_at_cursor_markers_utf16() {
    quick_fixes_at_cursor_markers(false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quick_fixes_at_cursor_markers_utf8() {
    quick_fixes_at_cursor_markers(true).await;
}

/// Source actions: the section at the cursor and the whole document,
/// filtered by `context.only`.
async fn source_actions_and_only(utf8: bool) {
    let (mut s, _) = start(utf8, false).await;
    let (inserted, _, _) = inserted_and_renumbered_by_hand(utf8);
    s.open(SEED_URI, &inserted, 1).await;
    let published = s.diagnostics(SEED_URI, Some(1)).await;
    let at = inserted.find(INSERTED).unwrap() + 1;
    let all = code_actions(&mut s, SEED_URI, &inserted, at, &published, None, utf8).await;
    let titles = |actions: &[Value]| actions.iter().map(|a| a["title"].as_str().unwrap().to_string()).collect::<Vec<_>>();
    let kinds = |actions: &[Value]| actions.iter().map(|a| a["kind"].as_str().unwrap().to_string()).collect::<Vec<_>>();
    // At the inserted paragraph: the innermost scope that needs renumbering
    // (the wider ones would make the same edits, so they are not repeated).
    assert_eq!(titles(&all), ["Renumber subsection A of the annex (keep references)"]);
    // In the report's body, which needs none: the whole document.
    let body = inserted.find("大会第七十二届会议").unwrap();
    let source = code_actions(&mut s, SEED_URI, &inserted, body, &published, Some(json!(["source"])), utf8).await;
    assert_eq!(titles(&source), ["Renumber the whole document (keep references)"]);
    assert!(kinds(&source).iter().all(|k| k == "source.renumber"), "{:?}", kinds(&source));
    assert!(source.iter().all(|a| a.get("isPreferred").is_none_or(|p| p != true)));
    let on_duplicate = inserted.find(INSERTED).unwrap() + INSERTED.len();
    let quick = code_actions(&mut s, SEED_URI, &inserted, on_duplicate, &published, Some(json!(["quickfix"])), utf8).await;
    assert!(!quick.is_empty() && kinds(&quick).iter().all(|k| k == "quickfix"), "{:?}", kinds(&quick));
    let none = code_actions(&mut s, SEED_URI, &inserted, at, &published, Some(json!(["refactor.extract"])), utf8).await;
    assert!(none.is_empty(), "{:?}", titles(&none));
    // The whole-document renumbering gives the text the quick fix gives.
    let whole = source.iter().find(|a| a["title"] == "Renumber the whole document (keep references)").unwrap();
    let renumbered = apply_lsp_edits(&inserted, edits_of(whole, SEED_URI), utf8);
    assert!(renumbered.lines().nth(125).unwrap().contains("第二节第 19 段"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn source_actions_and_only_utf16() {
    source_actions_and_only(false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn source_actions_and_only_utf8() {
    source_actions_and_only(true).await;
}

async fn rename_on_the_seed(utf8: bool) {
    let (mut s, _) = start(utf8, false).await;
    s.open(SEED_URI, SEED, 1).await;
    s.diagnostics(SEED_URI, Some(1)).await;
    // On the number of annex section II paragraph 18, and on a reference to it.
    let on_number = seed_pos(255, "18. ", 1, utf8);
    let prepared = s.request("textDocument/prepareRename", text_position(SEED_URI, on_number.clone())).await.unwrap();
    assert_eq!(prepared["placeholder"], "18", "{prepared}");
    assert_eq!(prepared["range"]["start"], seed_pos(255, "18", 0, utf8));
    assert_eq!(prepared["range"]["end"], seed_pos(255, ". ", 0, utf8));
    let on_reference = seed_pos(126, "第二节第 18 段", "第二节第 1".len(), utf8);
    let prepared = s.request("textDocument/prepareRename", text_position(SEED_URI, on_reference.clone())).await.unwrap();
    assert_eq!(prepared["placeholder"], "18", "{prepared}");
    // Elsewhere, no: with the reason.
    for (line, needle, skip) in [(5, "联合国", 0), (313, "第二节第 15 段", "第二节第 1".len())] {
        let err = s.request("textDocument/prepareRename", text_position(SEED_URI, seed_pos(line, needle, skip, utf8))).await.unwrap_err();
        assert!(!err["message"].as_str().unwrap().is_empty(), "{err}");
    }
    let params = |pos: Value, name: &str| json!({"textDocument": {"uri": SEED_URI}, "position": pos, "newName": name});
    let err = s.request("textDocument/rename", params(on_reference.clone(), "x")).await.unwrap_err();
    assert!(err["message"].as_str().unwrap().contains('x'), "{err}");
    // Paragraph 18 becomes 20: those after it follow on, both references follow.
    let edit = s.request("textDocument/rename", params(on_reference, "20")).await.unwrap();
    let renamed = apply_lsp_edits(SEED, edit["changes"][SEED_URI].as_array().unwrap(), utf8);
    let line = |n: usize| renamed.lines().nth(n - 1).unwrap().to_string();
    assert!(line(124).contains("第二节第 20 段") && line(126).contains("第二节第 20 段"));
    assert!(line(255).starts_with("20. ") && line(256).starts_with("21. "), "{}\n{}", line(255), line(256));
    assert!(line(254).starts_with("17. "));
    assert_eq!(renamed.lines().count(), SEED.lines().count());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rename_on_the_seed_utf16() {
    rename_on_the_seed(false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rename_on_the_seed_utf8() {
    rename_on_the_seed(true).await;
}
