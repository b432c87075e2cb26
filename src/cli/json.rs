//! The JSON formats (LSP positions: 0-based lines, UTF-16 code units) and
//! the human formats of `outline` and `refs`. Every output is one pass over
//! the analysis: nodes are reached by index, never looked up again.

use std::collections::HashMap;
use std::fmt::Write as _;

use serde::ser::{SerializeStruct as _, Serializer};
use serde::Serialize;
use serde_json::{json, Value};

use crate::diagnostics::Diagnostic;
use crate::ide::{Analysis, OutlineItem};
use crate::syntax::NodeId;
use crate::text::{PositionEncoding, TextRange};

pub fn lsp_range(a: &Analysis, r: TextRange) -> Value {
    let s = a.line_index.line_col(&a.text, r.start, PositionEncoding::Utf16);
    let e = a.line_index.line_col(&a.text, r.end, PositionEncoding::Utf16);
    json!({"start": {"line": s.line, "character": s.col}, "end": {"line": e.line, "character": e.col}})
}

/// A diagnostic as JSON, with LSP positions (0-based lines, UTF-16 units).
pub fn diagnostic_json(a: &Analysis, path: &str, d: &Diagnostic) -> Value {
    json!({
        "range": lsp_range(a, d.range),
        "severity": d.severity.name(),
        "code": d.code.as_str(),
        "message": d.message,
        "related": d.related.iter().map(|r| json!({"path": path, "range": lsp_range(a, r.range), "message": r.message})).collect::<Vec<_>>(),
    })
}

/// One file of `check --format json`.
pub fn check_file_json(a: &Analysis, path: &str) -> Value {
    json!({
        "path": path,
        "language": a.language().code(),
        "diagnostics": a.diagnostics.iter().map(|d| diagnostic_json(a, path, d)).collect::<Vec<_>>(),
    })
}

pub fn to_string_pretty(v: &Value) -> String {
    format!("{}\n", serde_json::to_string_pretty(v).unwrap_or_default())
}

/// Each node by its eId, built once (the first node with an eId wins, as
/// `Document::find_eid` would have it).
fn eid_index(a: &Analysis) -> HashMap<&str, NodeId> {
    let mut index = HashMap::with_capacity(a.document.nodes.len());
    for (id, node) in a.document.nodes.iter().enumerate() {
        index.entry(node.eid.as_str()).or_insert(id);
    }
    index
}

/// An LSP position, serialised as `{"character","line"}` (the key order of
/// `serde_json::Value`, so the output reads the same as the other formats).
fn lsp_position(a: &Analysis, offset: usize) -> impl Serialize {
    #[derive(Serialize)]
    struct Position {
        character: u32,
        line: u32,
    }
    let p = a.line_index.line_col(&a.text, offset, PositionEncoding::Utf16);
    Position { character: p.col, line: p.line }
}

/// One outline node, serialised straight to the output (no `Value` tree):
/// keys in the order `serde_json::Value` would print them.
struct OutlineNode<'a> {
    a: &'a Analysis,
    index: &'a HashMap<&'a str, NodeId>,
    item: &'a OutlineItem,
}

impl Serialize for OutlineNode<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Range<P: Serialize> {
            end: P,
            start: P,
        }
        let (a, item) = (self.a, self.item);
        let node = self.index.get(item.eid.as_str()).map(|&n| &a.document.nodes[n]);
        let number = node.and_then(|n| n.number).map(|n| &a.document.masked[n.span.start..n.span.end]);
        let title = node.and_then(|n| n.title).map(|t| a.text[t.start..t.end].replace("**", "").trim().to_string());
        let mut s = serializer.serialize_struct("OutlineNode", 6)?;
        s.serialize_field("children", &Children { parent: self })?;
        s.serialize_field("eid", &item.eid)?;
        s.serialize_field("kind", item.kind.name())?;
        s.serialize_field("number", &number)?;
        s.serialize_field("range", &Range { end: lsp_position(a, item.range.end), start: lsp_position(a, item.range.start) })?;
        s.serialize_field("title", &title)?;
        s.end()
    }
}

struct Children<'a> {
    parent: &'a OutlineNode<'a>,
}

impl Serialize for Children<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let p = self.parent;
        serializer.collect_seq(p.item.children.iter().map(|item| OutlineNode { a: p.a, index: p.index, item }))
    }
}

/// `outline --format json`: one pass over the outline, written as it is
/// walked.
pub fn outline_json_output(a: &Analysis, path: &str) -> String {
    #[derive(Serialize)]
    struct Outline<'a, N: Serialize> {
        language: &'a str,
        nodes: N,
        path: &'a str,
    }
    struct Nodes<'a> {
        a: &'a Analysis,
        index: &'a HashMap<&'a str, NodeId>,
        items: &'a [OutlineItem],
    }
    impl Serialize for Nodes<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_seq(self.items.iter().map(|item| OutlineNode { a: self.a, index: self.index, item }))
        }
    }
    let index = eid_index(a);
    let outline = a.outline();
    let doc = Outline { language: a.language().code(), nodes: Nodes { a, index: &index, items: &outline }, path };
    let mut out = Vec::with_capacity(a.text.len() * 3);
    if serde_json::to_writer_pretty(&mut out, &doc).is_err() {
        return String::new();
    }
    out.push(b'\n');
    String::from_utf8(out).unwrap_or_default()
}

pub fn outline_human_output(a: &Analysis) -> String {
    fn walk(a: &Analysis, item: &OutlineItem, depth: usize, out: &mut String) {
        let line = a.line_index.line_of(item.selection_range.start) + 1;
        let _ = writeln!(out, "{}{}  [{}] line {line}", "  ".repeat(depth), item.name, item.eid);
        for c in &item.children {
            walk(a, c, depth + 1, out);
        }
    }
    let mut out = String::new();
    for i in &a.outline() {
        walk(a, i, 0, &mut out);
    }
    out
}

fn external_json(e: &crate::model::External) -> Value {
    json!({
        "kind": e.kind.name(),
        "id": e.id,
        "description": e.describe(),
        "url": e.url(),
        "of": e.of.as_ref().map(|o| external_json(o)),
    })
}

pub fn refs_json_output(a: &Analysis, path: &str) -> String {
    let items: Vec<Value> = a
        .references
        .iter()
        .map(|r| {
            json!({
                "range": lsp_range(a, r.range),
                "text": &a.text[r.range.start..r.range.end],
                "kind": r.kind.name(),
                "status": r.status.name(),
                "target": r.node.map(|n| a.document.nodes[n].eid.clone()),
                "candidates": r.candidates.iter().map(|&n| a.document.nodes[n].eid.clone()).collect::<Vec<_>>(),
                "numbers": r.numbers.iter().map(|n| json!({"role": format!("{:?}", n.role).to_lowercase(), "range": lsp_range(a, n.span), "value": n.value})).collect::<Vec<_>>(),
                "external": r.external.as_ref().map(external_json),
            })
        })
        .collect();
    to_string_pretty(&json!({"path": path, "references": items}))
}

pub fn refs_human_output(a: &Analysis, path: &str) -> String {
    let mut out = String::new();
    for r in &a.references {
        let line = a.line_index.line_of(r.range.start) + 1;
        let target = match (r.node, &r.external) {
            (Some(n), _) => a.document.nodes[n].eid.clone(),
            (None, Some(e)) => e.describe(),
            _ => r.note.clone().unwrap_or_default(),
        };
        let _ = writeln!(
            out,
            "{path}:{line}: {} {} `{}` → {}",
            r.status.name(),
            r.kind.name(),
            a.text[r.range.start..r.range.end].trim(),
            target
        );
    }
    out
}
