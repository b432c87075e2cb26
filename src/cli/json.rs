//! The JSON formats (LSP positions: 0-based lines, UTF-16 code units) and
//! the human formats of `outline` and `refs`. Every output is one pass over
//! the analysis: nodes are reached by index, never looked up again.

use std::fmt::Write as _;

use serde::ser::{SerializeStruct as _, Serializer};
use serde::Serialize;
use serde_json::{json, Value};

use crate::diagnostics::Diagnostic;
use crate::ide::{self, Analysis, OutlineItem};
use crate::syntax::NodeId;
use crate::text::{PositionEncoding, TextRange};

pub fn lsp_range(a: &Analysis, r: TextRange) -> Value {
    let s = a.line_col(r.start, PositionEncoding::Utf16);
    let e = a.line_col(r.end, PositionEncoding::Utf16);
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

/// One file of `check --format json`, as a value (the streamed output,
/// [`CheckJsonWriter`], is checked against it).
#[cfg(test)]
pub fn check_file_json(a: &Analysis, path: &str) -> Value {
    json!({
        "path": path,
        "language": a.language().code(),
        "diagnostics": a.diagnostics.iter().map(|d| diagnostic_json(a, path, d)).collect::<Vec<_>>(),
    })
}

/// The output of `check --format json`, written file by file as each is
/// analysed (no JSON value of the whole output is ever built): the same
/// text `to_string_pretty(&json!({"files": [check_file_json(…), …]}))`
/// gives.
pub struct CheckJsonWriter {
    files: usize,
}

impl CheckJsonWriter {
    pub fn start(w: &mut impl std::io::Write) -> std::io::Result<CheckJsonWriter> {
        w.write_all(b"{\n  \"files\": [")?;
        Ok(CheckJsonWriter { files: 0 })
    }

    /// One file's object, serialised straight from the analysis.
    pub fn file(&mut self, w: &mut impl std::io::Write, a: &Analysis, path: &str) -> std::io::Result<()> {
        use serde_json::ser::{Formatter as _, PrettyFormatter};
        w.write_all(if self.files == 0 { b"\n    " } else { b",\n    " })?;
        self.files += 1;
        // The formatter indents as it would two levels down (`{"files": [`).
        let mut formatter = PrettyFormatter::new();
        let mut sink = std::io::sink();
        formatter.begin_object(&mut sink)?;
        formatter.begin_array(&mut sink)?;
        let mut ser = serde_json::Serializer::with_formatter(&mut *w, formatter);
        CheckFile { a, path }.serialize(&mut ser).map_err(std::io::Error::other)
    }

    pub fn finish(self, w: &mut impl std::io::Write) -> std::io::Result<()> {
        w.write_all(if self.files == 0 { b"]\n}\n" } else { b"\n  ]\n}\n" })
    }
}

/// One file of `check --format json`; keys in the order `serde_json::Value`
/// prints them (sorted).
struct CheckFile<'a> {
    a: &'a Analysis,
    path: &'a str,
}

impl Serialize for CheckFile<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Diagnostics<'a>(&'a CheckFile<'a>);
        impl Serialize for Diagnostics<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let f = self.0;
                serializer.collect_seq(f.a.diagnostics.iter().map(|d| DiagnosticOut { a: f.a, path: f.path, d }))
            }
        }
        let mut s = serializer.serialize_struct("File", 3)?;
        s.serialize_field("diagnostics", &Diagnostics(self))?;
        s.serialize_field("language", self.a.language().code())?;
        s.serialize_field("path", self.path)?;
        s.end()
    }
}

#[derive(Serialize)]
struct PositionOut {
    character: u32,
    line: u32,
}

#[derive(Serialize)]
struct RangeOut {
    end: PositionOut,
    start: PositionOut,
}

fn range_out(a: &Analysis, r: TextRange) -> RangeOut {
    let s = a.line_col(r.start, PositionEncoding::Utf16);
    let e = a.line_col(r.end, PositionEncoding::Utf16);
    RangeOut { end: PositionOut { character: e.col, line: e.line }, start: PositionOut { character: s.col, line: s.line } }
}

struct DiagnosticOut<'a> {
    a: &'a Analysis,
    path: &'a str,
    d: &'a Diagnostic,
}

impl Serialize for DiagnosticOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Related<'a> {
            message: &'a str,
            path: &'a str,
            range: RangeOut,
        }
        let (a, d) = (self.a, self.d);
        let mut s = serializer.serialize_struct("Diagnostic", 5)?;
        s.serialize_field("code", d.code.as_str())?;
        s.serialize_field("message", &d.message)?;
        s.serialize_field("range", &range_out(a, d.range))?;
        let related = d.related.iter().map(|r| Related { message: &r.message, path: self.path, range: range_out(a, r.range) });
        s.serialize_field("related", &SeqOf(std::cell::Cell::new(Some(related))))?;
        s.serialize_field("severity", d.severity.name())?;
        s.end()
    }
}

/// A sequence serialised from an iterator, once.
struct SeqOf<I>(std::cell::Cell<Option<I>>);

impl<I: Iterator<Item = T>, T: Serialize> Serialize for SeqOf<I> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.take().into_iter().flatten())
    }
}

pub fn to_string_pretty(v: &Value) -> String {
    format!("{}\n", serde_json::to_string_pretty(v).unwrap_or_default())
}

/// An LSP position, serialised as `{"character","line"}` (the key order of
/// `serde_json::Value`, so the output reads the same as the other formats).
fn lsp_position(a: &Analysis, offset: usize) -> impl Serialize {
    #[derive(Serialize)]
    struct Position {
        character: u32,
        line: u32,
    }
    let p = a.line_col(offset, PositionEncoding::Utf16);
    Position { character: p.col, line: p.line }
}

/// One outline node, serialised straight to the output (no `Value` tree):
/// keys in the order `serde_json::Value` would print them.
struct OutlineNode<'a> {
    a: &'a Analysis,
    outline: &'a ide::Outline<'a>,
    node: NodeId,
    item: OutlineItem,
}

impl Serialize for OutlineNode<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Range<P: Serialize> {
            end: P,
            start: P,
        }
        let (a, item) = (self.a, &self.item);
        let node = &a.document.nodes[self.node];
        let number = node.number().map(|n| &a.document.masked[n.span.start..n.span.end]);
        let title = node.title().map(|t| a.text[t.start..t.end].replace("**", "").trim().to_string());
        let mut s = serializer.serialize_struct("OutlineNode", 6)?;
        s.serialize_field("children", &OutlineNodes { a, outline: self.outline, nodes: self.outline.children(self.node) })?;
        s.serialize_field("eid", &item.eid)?;
        s.serialize_field("kind", item.kind.name())?;
        s.serialize_field("number", &number)?;
        s.serialize_field("range", &Range { end: lsp_position(a, item.range.end), start: lsp_position(a, item.range.start) })?;
        s.serialize_field("title", &title)?;
        s.end()
    }
}

/// The outline items of `nodes`, each made as it is written.
struct OutlineNodes<'a> {
    a: &'a Analysis,
    outline: &'a ide::Outline<'a>,
    nodes: &'a [NodeId],
}

impl Serialize for OutlineNodes<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let node = |&node: &NodeId| Some(OutlineNode { a: self.a, outline: self.outline, node, item: self.outline.item(node)? });
        serializer.collect_seq(self.nodes.iter().filter_map(node))
    }
}

/// `outline --format json`: one pass over the outline, written to `w` as
/// it is walked, each item made as it is written (the output of a 10-MB
/// document is about 34 MB: neither it nor the outline is held whole).
pub fn write_outline_json(w: &mut impl std::io::Write, a: &Analysis, path: &str) -> std::io::Result<()> {
    #[derive(Serialize)]
    struct Outline<'a, N: Serialize> {
        language: &'a str,
        nodes: N,
        path: &'a str,
    }
    let outline = a.outline_reader();
    let nodes = OutlineNodes { a, outline: &outline, nodes: outline.roots() };
    let doc = Outline { language: a.language().code(), nodes, path };
    serde_json::to_writer_pretty(&mut *w, &doc).map_err(std::io::Error::other)?;
    w.write_all(b"\n")
}

/// [`write_outline_json`] into a string.
pub fn outline_json_output(a: &Analysis, path: &str) -> String {
    let mut out = Vec::new();
    if write_outline_json(&mut out, a, path).is_err() {
        return String::new();
    }
    String::from_utf8(out).unwrap_or_default()
}

pub fn outline_human_output(a: &Analysis) -> String {
    fn walk(a: &Analysis, outline: &ide::Outline<'_>, nodes: &[NodeId], depth: usize, out: &mut String) {
        for &node in nodes {
            let Some(item) = outline.item(node) else { continue };
            let line = a.line_index.line_of(item.selection_range.start) + 1;
            let _ = writeln!(out, "{}{}  [{}] line {line}", "  ".repeat(depth), item.name, item.eid);
            walk(a, outline, outline.children(node), depth + 1, out);
        }
    }
    let outline = a.outline_reader();
    let mut out = String::new();
    walk(a, &outline, outline.roots(), 0, &mut out);
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
                "range": lsp_range(a, r.range()),
                "text": &a.text[r.range().start..r.range().end],
                "kind": r.kind.name(),
                "status": r.status.name(),
                "target": r.node().map(|n| a.document.eid(n).to_string()),
                "candidates": r.candidates().iter().map(|&n| a.document.eid(n).to_string()).collect::<Vec<_>>(),
                "numbers": r.numbers().map(|n| json!({"role": format!("{:?}", n.role).to_lowercase(), "range": lsp_range(a, n.span), "value": n.value})).collect::<Vec<_>>(),
                "external": r.external.as_ref().map(external_json),
            })
        })
        .collect();
    to_string_pretty(&json!({"path": path, "references": items}))
}

pub fn refs_human_output(a: &Analysis, path: &str) -> String {
    let mut out = String::new();
    for r in &a.references {
        let line = a.line_index.line_of(r.range().start) + 1;
        let target = match (r.node(), &r.external) {
            (Some(n), _) => a.document.eid(n).to_string(),
            (None, Some(e)) => e.describe(),
            _ => r.note().map(str::to_string).unwrap_or_default(),
        };
        let _ = writeln!(
            out,
            "{path}:{line}: {} {} `{}` → {}",
            r.status.name(),
            r.kind.name(),
            a.text[r.range().start..r.range().end].trim(),
            target
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::DiagnosticsConfig;

    #[test]
    fn the_streamed_check_output_is_the_pretty_printed_value() {
        let seed = include_str!("../../tests/fixtures/seed/000_e12bae3abcaa388b.txt");
        let config = DiagnosticsConfig::all_enabled();
        let analyses = [Analysis::new(seed, None, &config), Analysis::new("1. a\n3. b 😀 paragraph 9\n", None, &config)];
        for n in 0..=analyses.len() {
            let mut streamed = Vec::new();
            let mut w = CheckJsonWriter::start(&mut streamed).unwrap();
            for (i, a) in analyses[..n].iter().enumerate() {
                w.file(&mut streamed, a, &format!("f{i}.txt")).unwrap();
            }
            w.finish(&mut streamed).unwrap();
            let files: Vec<Value> = analyses[..n].iter().enumerate().map(|(i, a)| check_file_json(a, &format!("f{i}.txt"))).collect();
            assert_eq!(String::from_utf8(streamed).unwrap(), to_string_pretty(&json!({ "files": files })));
        }
    }
}
