//! The human format of `check`: `path:line:col: severity[code]: message`,
//! the source line (a window of it when it is long) with the span
//! underlined, and the related locations.

use std::fmt::Write as _;

use super::term::Palette;
use super::window::window_any;
use crate::diagnostics::Diagnostic;
use crate::ide::Analysis;

/// How to print: colours, and the terminal width to fit snippets into.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub palette: Palette,
    pub width: usize,
}

impl Default for Style {
    fn default() -> Style {
        Style { palette: Palette { on: false }, width: super::term::DEFAULT_WIDTH }
    }
}

/// One diagnostic, as rustc prints one. Columns in the header are 1-based
/// characters; the underline is lined up in terminal columns, so it sits
/// right under double-width text.
pub fn render(a: &Analysis, path: &str, d: &Diagnostic, style: Style, out: &mut String) {
    let p = style.palette;
    let line = a.line_index.line_of(d.range.start);
    let line_range = a.line_range(line);
    let line_text = &a.text[line_range.start..line_range.end];
    let col = a.char_col(d.range.start) + 1;
    let _ = writeln!(
        out,
        "{path}:{}:{col}: {}: {}",
        line + 1,
        p.severity(d.severity, &format!("{}[{}]", d.severity.name(), d.code.as_str())),
        p.bold(&d.message)
    );
    let gutter = (line + 1).to_string();
    let pad = " ".repeat(gutter.len());
    // The snippet gets what the gutter (`156 | `) leaves of the width.
    let room = style.width.saturating_sub(gutter.len() + 3);
    let start = d.range.start - line_range.start;
    let end = d.range.end.saturating_sub(line_range.start);
    let snippet = window_any(line_text, start, end, room);
    let bar = p.gutter("|");
    let _ = writeln!(out, "{pad} {bar}");
    let _ = writeln!(out, "{} {bar} {}", p.gutter(&gutter), snippet.text);
    let carets = p.severity(d.severity, &"^".repeat(snippet.caret_width));
    let _ = writeln!(out, "{pad} {bar} {}{carets}", " ".repeat(snippet.caret_col));
    for r in &d.related {
        let rl = a.line_index.line_of(r.range.start);
        let rc = a.char_col(r.range.start) + 1;
        let _ = writeln!(out, "{pad} {} {path}:{}:{rc}: {}", p.gutter("="), rl + 1, r.message);
    }
    out.push('\n');
}
