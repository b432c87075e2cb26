//! The part of a long source line shown under a diagnostic: a window around
//! the span, `...` on each cut side (as rustc does), measured in terminal
//! columns (double-width characters count two) and cut only between
//! grapheme clusters, so no character, no combining mark and no emoji
//! sequence is ever split.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// What marks a cut side of the line.
pub const ELLIPSIS: &str = "...";

/// The narrowest source column budget honoured: below it, windows would
/// show too little to recognise the text.
pub const MIN_WIDTH: usize = 16;

/// A line (or the window of it) ready to print, with the underline's place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    /// The text to print after the gutter: tabs expanded to four spaces,
    /// `...` on each cut side.
    pub text: String,
    /// Terminal columns before the underline starts.
    pub caret_col: usize,
    /// Terminal columns the underline covers (at least one).
    pub caret_width: usize,
    pub cut_left: bool,
    pub cut_right: bool,
}

/// Display width of one grapheme cluster: a tab is four columns (it is
/// printed as four spaces), everything else as `unicode-width` counts it.
fn grapheme_width(g: &str) -> usize {
    if g == "\t" {
        4
    } else {
        g.width()
    }
}

fn expand(g: &str, out: &mut String) {
    if g == "\t" {
        out.push_str("    ");
    } else {
        out.push_str(g);
    }
}

/// Lines longer than this are trimmed to [`REACH`] bytes around the span
/// before they are measured, so a document converted into one enormous line
/// (or whose line ends are U+2029, which are no line ends for LSP) costs
/// each diagnostic a bounded amount of work and output, not the whole line.
pub const LONG_LINE: usize = 4 * REACH;
/// Bytes kept on each side of the span of a line longer than [`LONG_LINE`]:
/// far more than any terminal shows, unless the text is mostly combining
/// marks.
pub const REACH: usize = 2 * 1024;

/// [`window`], for a line of any length: a line longer than [`LONG_LINE`] is
/// trimmed to eight bytes per column of `width` on each side of the span
/// (at most [`REACH`]; whole graphemes),
/// and a trimmed side is marked `...` like any cut side.
pub fn window_any(line: &str, start: usize, end: usize, width: usize) -> Snippet {
    if line.len() <= LONG_LINE {
        return window(line, start, end, width);
    }
    // Eight bytes per column on each side: more than any script needs to
    // fill the window (a CJK character is three bytes for two columns).
    let reach = (width.max(MIN_WIDTH) * 8).min(REACH);
    let start = start.min(line.len());
    let end = end.clamp(start, line.len()).min(start + reach);
    let mut from = start.saturating_sub(reach);
    while !line.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + reach).min(line.len());
    while !line.is_char_boundary(to) {
        to += 1;
    }
    // A trimmed end may have split a grapheme: drop the piece.
    if from > 0 {
        if let Some((next, _)) = line[from..to].grapheme_indices(true).nth(1) {
            from = (from + next).min(start);
        }
    }
    if to < line.len() {
        if let Some((last, _)) = line[end..to].grapheme_indices(true).next_back() {
            to = end + last;
        }
    }
    let mut s = window(&line[from..to], start - from, end - from, width);
    if from > 0 && !s.cut_left {
        s.text.insert_str(0, ELLIPSIS);
        s.caret_col += ELLIPSIS.len();
        s.cut_left = true;
    }
    if to < line.len() && !s.cut_right {
        s.text.push_str(ELLIPSIS);
        s.cut_right = true;
    }
    s
}

/// The window of `line` to show for the byte span `start..end` (relative to
/// the line; `end` may lie past the line's end for a span that goes on to
/// the next lines), in at most `width` terminal columns.
pub fn window(line: &str, start: usize, end: usize, width: usize) -> Snippet {
    let width = width.max(MIN_WIDTH);
    let start = start.min(line.len());
    let end = end.clamp(start, line.len());
    // Graphemes with their byte offset and starting column.
    let mut graphemes: Vec<(usize, &str, usize)> = Vec::new();
    let mut col = 0;
    for (at, g) in line.grapheme_indices(true) {
        graphemes.push((at, g, col));
        col += grapheme_width(g);
    }
    let total = col;
    let col_of = |byte: usize, round_up: bool| -> usize {
        // The column where the grapheme holding `byte` starts (or, rounding
        // up, where the grapheme after it starts unless `byte` is a boundary).
        match graphemes.binary_search_by_key(&byte, |&(at, _, _)| at) {
            Ok(i) => graphemes[i].2,
            Err(0) => 0,
            Err(i) if round_up => graphemes.get(i).map_or(total, |g| g.2),
            Err(i) => graphemes[i - 1].2,
        }
    };
    let span_start = col_of(start, false);
    let span_end = col_of(end, true).max(span_start);
    let span_width = (span_end - span_start).max(1);

    if total <= width {
        let mut text = String::with_capacity(line.len());
        for (_, g, _) in &graphemes {
            expand(g, &mut text);
        }
        return Snippet { text, caret_col: span_start, caret_width: span_width, cut_left: false, cut_right: false };
    }

    let mark = ELLIPSIS.len();
    // The columns [from, to) of the line to show.
    let (from, to) = if span_start + span_width <= width - mark {
        // The span fits with the start of the line: cut only on the right.
        (0, width - mark)
    } else if total - span_start <= width - mark {
        // It fits with the end of the line: cut only on the left.
        (total - (width - mark), total)
    } else {
        // Cut both sides. Centre the span; a span wider than the window
        // starts a few columns in, with a little context before it.
        let room = width - 2 * mark;
        let before = if span_width <= room { (room - span_width) / 2 } else { (room / 8).min(span_start) };
        let from = span_start - before.min(span_start);
        (from, from + room)
    };
    let cut_left = from > 0;
    let cut_right = to < total;
    let mut text = String::new();
    if cut_left {
        text.push_str(ELLIPSIS);
    }
    let mut shown_from = None;
    let mut shown_to = from;
    for (_, g, c) in &graphemes {
        let w = grapheme_width(g);
        if *c < from {
            continue;
        }
        if c + w > to {
            break;
        }
        shown_from.get_or_insert(*c);
        expand(g, &mut text);
        shown_to = c + w;
    }
    let shown_from = shown_from.unwrap_or(from);
    if cut_right {
        text.push_str(ELLIPSIS);
    }
    let lead = if cut_left { mark } else { 0 };
    let caret_from = span_start.max(shown_from);
    let caret_to = span_end.min(shown_to);
    let caret_col = lead + caret_from - shown_from;
    let caret_width = caret_to.saturating_sub(caret_from).max(1);
    Snippet { text, caret_col, caret_width, cut_left, cut_right }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn width_of(s: &str) -> usize {
        s.graphemes(true).map(grapheme_width).sum()
    }

    /// The underlined part of the shown text.
    fn underlined(s: &Snippet) -> String {
        let mut col = 0;
        let mut out = String::new();
        for g in s.text.graphemes(true) {
            if col >= s.caret_col && col < s.caret_col + s.caret_width {
                out.push_str(g);
            }
            col += grapheme_width(g);
        }
        out
    }

    #[test]
    fn a_short_line_is_shown_whole() {
        let line = "3. 回顾第 9 段。";
        let at = line.find('第').unwrap();
        let s = window(line, at, at + "第 9 段".len(), 80);
        assert_eq!(s.text, line);
        assert_eq!((s.caret_col, s.caret_width), (7, 7));
        assert!(!s.cut_left && !s.cut_right);
        assert_eq!(underlined(&s), "第 9 段");
    }

    #[test]
    fn tabs_are_four_columns() {
        let s = window("\tx = 1", 1, 2, 80);
        assert_eq!(s.text, "    x = 1");
        assert_eq!((s.caret_col, s.caret_width), (4, 1));
    }

    #[test]
    fn a_long_chinese_line_is_cut_on_both_sides_around_the_span() {
        let line = format!("{}见附件一。{}", "会议".repeat(200), "表决".repeat(200));
        let at = line.find("附件一").unwrap();
        let s = window(&line, at, at + "附件一".len(), 60);
        assert!(s.cut_left && s.cut_right);
        assert!(s.text.starts_with("...") && s.text.ends_with("..."));
        assert!(width_of(&s.text) <= 60, "{}", s.text);
        assert_eq!(underlined(&s), "附件一");
        assert_eq!(s.caret_width, 6);
    }

    #[test]
    fn a_span_near_the_start_cuts_only_the_right() {
        let line = format!("Recalls paragraph 9 {}", "and so on ".repeat(30));
        let s = window(&line, 8, 19, 40);
        assert!(!s.cut_left && s.cut_right);
        assert_eq!(width_of(&s.text), 40);
        assert_eq!(underlined(&s), "paragraph 9");
    }

    #[test]
    fn a_span_near_the_end_cuts_only_the_left() {
        let line = format!("{}paragraph 9.", "and so on ".repeat(30));
        let at = line.find("paragraph").unwrap();
        let s = window(&line, at, at + 11, 40);
        assert!(s.cut_left && !s.cut_right);
        assert!(s.text.ends_with("paragraph 9."));
        assert_eq!(underlined(&s), "paragraph 9");
    }

    #[test]
    fn a_span_wider_than_the_window_is_underlined_to_the_cut() {
        let line = format!("{}{}{}", "x".repeat(100), "y".repeat(100), "z".repeat(100));
        let s = window(&line, 100, 200, 40);
        assert!(s.cut_left && s.cut_right);
        let u = underlined(&s);
        assert!(u.starts_with('y') && u.chars().all(|c| c == 'y'), "{u}");
        assert!(width_of(&s.text) <= 40);
    }

    #[test]
    fn an_enormous_line_is_trimmed_before_it_is_measured() {
        // A whole document converted into one line: each diagnostic looks at
        // a bounded piece of it, and shows the same window as from the whole.
        let line = format!("{}Recalls paragraph 9 {}", "第一段。".repeat(40_000), "第二段。".repeat(40_000));
        assert!(line.len() > LONG_LINE);
        let at = line.find("paragraph").unwrap();
        let whole = window(&line, at, at + 11, 80);
        let trimmed = window_any(&line, at, at + 11, 80);
        assert_eq!(trimmed, whole);
        assert_eq!(underlined(&trimmed), "paragraph 9");
        // Near the start, the trimmed right side is still marked.
        let s = window_any(&line, 0, 3, 80);
        assert!(!s.cut_left && s.cut_right && s.text.starts_with("第一段"));
        // Zero-width marks only: the trimmed piece fits, the cuts are marked.
        let marks = format!("a{}b{}", "\u{301}".repeat(40_000), "\u{301}".repeat(40_000));
        let b = marks.find('b').unwrap();
        let s = window_any(&marks, b, b + 1, 80);
        assert!(s.cut_left && s.cut_right && s.text.starts_with("...") && s.text.ends_with("..."));
        assert_eq!(&s.text[s.caret_col..s.caret_col + 1], "b");
    }

    #[test]
    fn an_empty_span_gets_one_caret() {
        let line = "a".repeat(300);
        let s = window(&line, 150, 150, 50);
        assert_eq!(s.caret_width, 1);
        assert!(width_of(&s.text) <= 50);
    }

    #[test]
    fn never_cuts_a_grapheme_and_always_shows_the_span_start() {
        // Arabic with diacritics, decomposed accents, CJK, emoji sequences,
        // tabs: every window keeps whole graphemes, fits, and starts its
        // underline on the span's first grapheme.
        let pieces = ["الْفِقْرَة ", "e\u{301}", "第", "👩\u{200d}🔬", "\t", "a", " ", "١٢", "ﻻ"];
        let mut seed = 7u64;
        for _ in 0..300 {
            let mut line = String::new();
            let n = 1 + (seed % 200) as usize;
            for _ in 0..n {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                line.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            let boundaries: Vec<usize> = line.grapheme_indices(true).map(|(i, _)| i).chain([line.len()]).collect();
            let a = boundaries[(seed >> 20) as usize % boundaries.len()];
            let b = boundaries[(seed >> 40) as usize % boundaries.len()];
            let (start, end) = (a.min(b), a.max(b));
            let width = MIN_WIDTH + (seed >> 50) as usize % 100;
            let s = window(&line, start, end, width);
            assert!(width_of(&s.text) <= width.max(width_of(&line)), "{line:?} → {:?}", s.text);
            if s.cut_left || s.cut_right {
                assert!(width_of(&s.text) <= width, "{line:?} → {:?}", s.text);
            }
            let inner = s.text.strip_prefix(ELLIPSIS).filter(|_| s.cut_left).unwrap_or(&s.text);
            let inner = inner.strip_suffix(ELLIPSIS).filter(|_| s.cut_right).unwrap_or(inner);
            // The shown text is a run of whole graphemes of the line.
            let expanded: String = line.replace('\t', "    ");
            assert!(expanded.contains(inner), "{line:?} → {inner:?}");
            let first = inner.graphemes(true).next();
            if let Some(g) = first.filter(|_| s.cut_left) {
                assert!(!g.starts_with(|c: char| unicode_width::UnicodeWidthChar::width(c) == Some(0)), "{g:?}");
            }
            if start < line.len() {
                let g = line[start..].graphemes(true).next().unwrap().replace('\t', "    ");
                assert!(underlined(&s).starts_with(&g), "{line:?} {start}..{end} → {s:?}");
            }
        }
    }
}
