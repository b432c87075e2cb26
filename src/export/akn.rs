//! Akoma Ntoso 3.0 XML in the AKN4UN profile: an analysed document written
//! as `<akomaNtoso>` with a `<statement name="resolution">` (a resolution:
//! a symbol with `/RES/`, or a preamble right after the masthead) or a
//! `<doc name="report">`, its masthead in `<preface>`, its preamble in
//! `<preamble>`, its body in `<mainBody>` and its annexes in
//! `<attachments>`; every node as its element with the eId the analysis
//! computed; resolved references as `<ref href="#eId">`, external ones as
//! `<ref href="/akn/un/…">`; recorded votes as `<quantity>` in the text and
//! `<voting>` in the metadata; FRBR metadata from the masthead.
//!
//! Nothing of the text is lost: the character data of the XML is the
//! document's text with the markup the analysis masks (`**`, `__`, the
//! brackets and target of a Markdown link, heading hashes, a BOM) left
//! out. The text is written in order and its whitespace kept: whitespace
//! between two elements is written between them (XML whitespace as is,
//! other whitespace — a no-break space, an ideographic space — as a space).
//! Characters XML 1.0 forbids are replaced: vertical tab and form feed by a
//! space, the other C0 controls, U+FFFE and U+FFFF by U+FFFD.
//!
//! Pure: an [`Analysis`] in, a `String` out.

use std::fmt::Write as _;
use std::sync::OnceLock;

use regex::Regex;

use super::source::{External, Kind, Node, Side, Source, Target};
use crate::ide::Analysis;
#[cfg(test)]
use crate::text::markup::xml_allowed;
use crate::text::markup::{push_attr, push_text};

/// The namespace of Akoma Ntoso 3.0.
pub const NAMESPACE: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
/// The namespace of the attributes rapporteur adds where the schema allows
/// other namespaces (`rap:listed` on a vote count).
pub const EXTENSION_NAMESPACE: &str = "urn:x-rapporteur:akn:1";

/// The document as Akoma Ntoso 3.0 XML (AKN4UN).
pub fn to_akn(a: &Analysis) -> String {
    write(&Source::new(a))
}

// ---------------------------------------------------------------------------
// Escaping

fn attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    push_attr(out, value);
    out.push('"');
}

// ---------------------------------------------------------------------------
// Identifiers (IRIs)

/// A piece of an IRI: letters, digits and `.-_~` kept, whitespace, `/`,
/// `(` and `)` separating pieces joined by `-`, anything else
/// percent-encoded.
fn iri_piece(s: &str) -> String {
    let mut out = String::new();
    for part in s.split(|c: char| c.is_whitespace() || matches!(c, '/' | '(' | ')' | '*')).filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push('-');
        }
        for c in part.chars() {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '~') {
                out.push(c);
            } else {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    let _ = write!(out, "%{b:02X}");
                }
            }
        }
    }
    if out.is_empty() {
        out.push_str("nn");
    }
    out
}

/// The AKN4UN actor of a symbol's first part: `A` the General Assembly,
/// `S` the Security Council, `E` the Economic and Social Council.
fn actor(organ: &str) -> (String, String) {
    match organ {
        "A" => ("unga".into(), "General Assembly".into()),
        "S" => ("unsc".into(), "Security Council".into()),
        "E" => ("ecosoc".into(), "Economic and Social Council".into()),
        other => (iri_piece(&other.to_lowercase()), other.to_string()),
    }
}

/// The Work IRI of a document symbol: `A/RES/73/3` →
/// `/akn/un/statement/deliberation/unga/73-3`, `A/CONF.192/2018/RC/1` →
/// `/akn/un/doc/unga/CONF.192-2018-RC-1`.
pub fn symbol_iri(symbol: &str) -> String {
    let symbol = symbol.trim().trim_end_matches('*');
    let mut parts = symbol.split('/');
    let organ = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    let (actor, _) = actor(organ);
    match rest.split_first() {
        Some((&"RES", number)) => format!("/akn/un/statement/deliberation/{actor}/{}", iri_piece(&number.join("/"))),
        _ => format!("/akn/un/doc/{actor}/{}", iri_piece(&rest.join("/"))),
    }
}

/// The IRI a reference to another text points at, where there is one.
fn external_iri(kind: External, id: &str, of: Option<&(External, String)>) -> Option<String> {
    match kind {
        External::GaResolution => Some(format!("/akn/un/statement/deliberation/unga/{}", iri_piece(id))),
        External::ScResolution => Some(format!("/akn/un/statement/deliberation/unsc/{}", iri_piece(id))),
        External::OtherResolution => {
            let organ = of.map(|(_, o)| o.as_str())?;
            Some(format!("/akn/un/statement/deliberation/{}/{}", iri_piece(&organ.to_lowercase()), iri_piece(id)))
        }
        External::Symbol => Some(symbol_iri(id)),
        External::Provision => {
            let (k, o) = of?;
            external_iri(*k, o, None)
        }
        External::Other => None,
    }
}

// ---------------------------------------------------------------------------
// The masthead

/// What the masthead says: the symbol and the date, with their spans.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Masthead {
    pub symbol: Option<(String, (usize, usize))>,
    /// `YYYY-MM-DD`.
    pub date: Option<(String, (usize, usize))>,
}

fn symbol_line() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // `A/80/605`, `S/RES/2370 (2017)`, `A/81/6 (Sect. 14)/Part A`, a
        // reissue's stars after it.
        Regex::new(r"^[A-Z][A-Za-z0-9.\-]*(?:/[A-Za-z0-9.\-]+(?: [A-Z][A-Za-z0-9.\-]*| ?\([A-Za-z0-9. ]{1,20}\))*)+\**$")
            .expect("symbol pattern")
    })
}

fn date_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)(?:\b(\d{1,2})(?:er)?\s+(?:de\s+)?(\p{L}+)\s+(?:de\s+)?(\d{4})\b)|(?:(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)|(?:\b(\d{4})-(\d{2})-(\d{2})\b)",
        )
        .expect("date pattern")
    })
}

fn valid_date(y: u32, m: u32, d: u32) -> Option<String> {
    ((1900..=2200).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Reads the symbol (a line that starts with one: `A/80/605*`) and the
/// first full date (`27 January 2026`, `18 octobre 2018`, `2018年6月18日`)
/// of the masthead `masked[from..to]`.
pub fn read_masthead(masked: &str, from: usize, to: usize) -> Masthead {
    let mut m = Masthead::default();
    let region = &masked[from..to];
    let mut offset = from;
    let mut nonblank_lines = 0;
    for line in region.split_inclusive('\n') {
        if m.symbol.is_some() {
            break;
        }
        // The line, a cell of a table row (`联合国 | S/RES/1985 (2011) |`),
        // or the value of a `symbol:` field of front matter.
        let cells = line.split('|').scan(offset, |at, cell| {
            let start = *at;
            *at += cell.len() + 1;
            Some((start, cell))
        });
        for (start, cell) in cells {
            let value = cell.trim_start().strip_prefix("symbol:").unwrap_or(cell);
            let lead = cell.len() - value.len() + (value.len() - value.trim_start().len());
            let body = value.trim().trim_matches('"');
            let lead = lead + usize::from(value.trim().starts_with('"'));
            // The whole cell, or, in the first two lines, its end after a space
            // (`United Nations S/RES/1445 (2002)`).
            let suffixes = std::iter::once(0).chain(body.match_indices(' ').map(|(i, _)| i + 1).filter(|_| nonblank_lines < 2));
            for skip in suffixes {
                if let Some(found) = symbol_line().find(&body[skip..]) {
                    let symbol = found.as_str().trim_end_matches('*');
                    let at = start + lead + skip;
                    m.symbol = Some((symbol.to_string(), (at, at + symbol.len())));
                    break;
                }
            }
            if m.symbol.is_some() {
                break;
            }
        }
        nonblank_lines += usize::from(!line.trim().is_empty());
        offset += line.len();
    }
    for c in date_pattern().captures_iter(region) {
        let whole = c.get(0).expect("match");
        let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let date = if let Some(mo) = c.get(2) {
            crate::lang::tables::months::month_number(mo.as_str()).and_then(|mo| valid_date(num(3)?, mo, num(1)?))
        } else if c.get(4).is_some() {
            valid_date(num(4).unwrap_or(0), num(5).unwrap_or(0), num(6).unwrap_or(0))
        } else {
            valid_date(num(7).unwrap_or(0), num(8).unwrap_or(0), num(9).unwrap_or(0))
        };
        if let Some(date) = date {
            m.date = Some((date, (from + whole.start(), from + whole.end())));
            break;
        }
    }
    m
}

/// A year in the masthead, for want of a date: `Resolution 687 (1991)`.
fn masthead_year(masked: &str, from: usize, to: usize) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| Regex::new(r"\b(19[4-9]\d|2[01]\d\d)\b").expect("year pattern"));
    re.find(&masked[from..to]).map(|y| format!("{}-01-01", y.as_str()))
}

fn language3(code: &str) -> &'static str {
    match code {
        "zh" => "zho",
        "fr" => "fra",
        "es" => "spa",
        "ru" => "rus",
        "ar" => "ara",
        _ => "eng",
    }
}

/// The document's identity: FRBR metadata.
struct Identity {
    work: String,
    expression: String,
    date: String,
    date_name: &'static str,
    number: Option<String>,
    name: &'static str,
    subtype: &'static str,
    language: &'static str,
    actor: (String, String),
}

impl Identity {
    fn meta(&self, out: &mut String, component: &str, extra: &str) {
        let w = |out: &mut String, tag: &str, this: &str, uri: &str, author: &str, props: &dyn Fn(&mut String)| {
            let _ = write!(out, "<{tag}><FRBRthis");
            attr(out, "value", this);
            out.push_str("/><FRBRuri");
            attr(out, "value", uri);
            out.push_str("/><FRBRdate");
            attr(out, "date", &self.date);
            attr(out, "name", self.date_name);
            out.push_str("/><FRBRauthor");
            attr(out, "href", author);
            out.push_str("/>");
            props(out);
            let _ = write!(out, "</{tag}>");
        };
        out.push_str("<meta><identification source=\"#rapporteur\">");
        w(out, "FRBRWork", &format!("{}/!{component}", self.work), &self.work, "#author", &|out| {
            out.push_str("<FRBRcountry value=\"un\"/><FRBRsubtype");
            attr(out, "value", self.subtype);
            out.push_str("/>");
            if let Some(n) = &self.number {
                out.push_str("<FRBRnumber");
                attr(out, "value", n);
                out.push_str("/>");
            }
            out.push_str("<FRBRname");
            attr(out, "value", self.name);
            out.push_str("/>");
        });
        w(out, "FRBRExpression", &format!("{}/!{component}", self.expression), &self.expression, "#author", &|out| {
            out.push_str("<FRBRlanguage");
            attr(out, "language", self.language);
            out.push_str("/>");
        });
        let manifestation = format!("{}/!{component}.xml", self.expression);
        w(out, "FRBRManifestation", &manifestation, &format!("{}.akn", self.expression), "#rapporteur", &|out| {
            out.push_str("<FRBRformat value=\"application/akn+xml\"/>");
        });
        out.push_str("</identification>");
        out.push_str(extra);
        out.push_str("</meta>");
    }
}

// ---------------------------------------------------------------------------
// The writer

/// An inline element over a span of the text.
struct Span {
    start: usize,
    end: usize,
    open: String,
    close: &'static str,
}

struct Writer<'s, 'a> {
    src: &'s Source<'a>,
    out: String,
    spans: Vec<Span>,
    identity: Identity,
}

fn side_concept(s: Side) -> &'static str {
    match s {
        Side::InFavour => "inFavour",
        Side::Against => "against",
        Side::Abstaining => "abstaining",
    }
}

/// The element (and `name` of an `hcontainer`) a node is written as in a
/// hierarchy.
fn hier_tag(n: &Node) -> (&'static str, Option<&'static str>) {
    match n.kind {
        Kind::Part => ("part", None),
        Kind::Section => ("section", None),
        Kind::Subsection => ("subsection", None),
        Kind::Article => ("article", None),
        Kind::Paragraph | Kind::UnnumberedParagraph => ("paragraph", None),
        Kind::Subparagraph => ("subparagraph", None),
        Kind::List => ("list", None),
        Kind::ListItem => ("point", None),
        Kind::Annex => ("hcontainer", Some("annex")),
        Kind::Subheading => ("hcontainer", Some("subheading")),
        Kind::Crossheading => ("hcontainer", Some("crossheading")),
        Kind::Preamble => ("hcontainer", Some("preamble")),
        Kind::PreambularParagraph => ("hcontainer", Some("recital")),
        Kind::TitleBlock => ("hcontainer", Some("titleBlock")),
        Kind::RecordedVote => ("hcontainer", Some("recordedVote")),
        Kind::VoteList => ("hcontainer", Some(n.side.map(side_concept).unwrap_or("voteList"))),
    }
}

fn kind_class(k: Kind) -> &'static str {
    match k {
        Kind::TitleBlock => "titleBlock",
        Kind::Annex => "annex",
        Kind::Part => "part",
        Kind::Section => "section",
        Kind::Subsection => "subsection",
        Kind::Subheading => "subheading",
        Kind::Crossheading => "crossheading",
        Kind::Article => "article",
        Kind::Preamble => "preamble",
        Kind::PreambularParagraph => "recital",
        Kind::UnnumberedParagraph => "unnumberedParagraph",
        Kind::Paragraph => "paragraph",
        Kind::Subparagraph => "subparagraph",
        Kind::List => "list",
        Kind::ListItem => "point",
        Kind::RecordedVote => "recordedVote",
        Kind::VoteList => "voteList",
    }
}

/// XML whitespace (what may stand between elements).
fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

impl<'s, 'a> Writer<'s, 'a> {
    fn masked(&self, from: usize, to: usize) -> &'a str {
        &self.src.masked[from..to]
    }

    fn is_blank(&self, from: usize, to: usize) -> bool {
        from >= to || self.masked(from, to).chars().all(char::is_whitespace)
    }

    /// Where child `c` starts, written from `pos` on: at its range, or at a
    /// bullet (`-`, `•`) or a footnote star before it on its line, which goes
    /// with it.
    fn child_start(&self, c: usize, pos: usize) -> usize {
        let start = self.src.nodes[c].range.0.max(pos);
        let before = self.masked(pos, start);
        let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
        let bullet = line.trim();
        if !bullet.is_empty() && bullet.chars().all(|ch| matches!(ch, '-' | '–' | '—' | '•' | '·' | '▪' | '●' | '*')) {
            start - line.trim_start().len()
        } else {
            start
        }
    }

    /// The characters of `from..to` that are not markup (those the
    /// analysis masked: blank in the masked text, not in the text).
    fn kept(&self, from: usize, to: usize) -> impl Iterator<Item = char> + 'a {
        let masked = self.src.masked.as_bytes();
        self.src.text[from..to].char_indices().filter(move |&(i, c)| c == ' ' || masked[from + i] != b' ').map(|(_, c)| c)
    }

    /// The text `from..to` as character data, markup left out.
    fn text(&mut self, from: usize, to: usize) {
        let src = self.src;
        let masked = src.masked.as_bytes();
        let text = &src.text[from..to];
        // Most pieces hold no markup: escape them whole.
        if masked[from..to] == *text.as_bytes() {
            push_text(&mut self.out, text);
            return;
        }
        let mut run = from;
        for (i, c) in text.char_indices() {
            let at = from + i;
            if c != ' ' && masked[at] == b' ' {
                push_text(&mut self.out, &src.text[run..at]);
                run = at + c.len_utf8();
            }
        }
        push_text(&mut self.out, &src.text[run..to]);
    }

    /// Whitespace between elements, markup left out: XML whitespace as is,
    /// other whitespace as a space.
    fn raw_space(&mut self, from: usize, to: usize) {
        if from >= to {
            return;
        }
        let kept: Vec<char> = self.kept(from, to).collect();
        for c in kept {
            self.out.push(if is_xml_space(c) { c } else { ' ' });
        }
    }

    /// The text `from..to` with its inline elements.
    fn inline(&mut self, from: usize, to: usize) {
        let first = self.spans.partition_point(|s| s.start < from);
        let mut stack: Vec<(usize, &'static str)> = Vec::new();
        let mut cursor = from;
        let mut i = first;
        while i < self.spans.len() && self.spans[i].start < to {
            let (start, end) = (self.spans[i].start, self.spans[i].end);
            i += 1;
            if end > to || start >= end {
                continue;
            }
            while let Some(&(top_end, close)) = stack.last() {
                if top_end <= start {
                    self.text(cursor, top_end);
                    self.out.push_str(close);
                    cursor = top_end;
                    stack.pop();
                } else {
                    break;
                }
            }
            if start < cursor || stack.last().is_some_and(|&(top_end, _)| end > top_end) {
                continue; // overlaps what is already open or written
            }
            self.text(cursor, start);
            let span = &self.spans[i - 1];
            self.out.push_str(&span.open);
            stack.push((end, span.close));
            cursor = start;
        }
        while let Some((top_end, close)) = stack.pop() {
            self.text(cursor, top_end);
            self.out.push_str(close);
            cursor = top_end;
        }
        self.text(cursor, to);
    }

    /// The text `from..to` inside the elements `wrap` (outermost first, each
    /// the inside of its opening tag), whitespace at either end outside
    /// them. Blank text is written as whitespace only. Says whether an
    /// element was written.
    fn piece(&mut self, from: usize, to: usize, wrap: &[&str]) -> bool {
        if from >= to {
            return false;
        }
        if self.is_blank(from, to) {
            self.raw_space(from, to);
            return false;
        }
        let s = self.masked(from, to);
        let a = from + (s.len() - s.trim_start().len());
        let b = to - (s.len() - s.trim_end().len());
        self.raw_space(from, a);
        for w in wrap {
            let _ = write!(self.out, "<{w}>");
        }
        self.inline(a, b);
        for w in wrap.iter().rev() {
            let name = w.split(' ').next().unwrap_or(w);
            let _ = write!(self.out, "</{name}>");
        }
        self.raw_space(b, to);
        true
    }

    /// Each line of `from..to` as a `<p>`. Says whether one was written.
    fn lines(&mut self, from: usize, to: usize) -> bool {
        let mut any = false;
        let mut at = from;
        while at < to {
            let end = self.masked(at, to).find('\n').map_or(to, |i| at + i + 1);
            any |= self.piece(at, end, &["p"]);
            at = end;
        }
        any
    }

    fn open(&mut self, tag: &str, name: Option<&str>, eid: &str, class: Option<&str>) {
        let _ = write!(self.out, "<{tag}");
        if let Some(name) = name {
            attr(&mut self.out, "name", name);
        }
        if !eid.is_empty() {
            attr(&mut self.out, "eId", eid);
        }
        if let Some(class) = class {
            attr(&mut self.out, "class", class);
        }
        self.out.push('>');
    }

    fn close(&mut self, tag: &str) {
        let _ = write!(self.out, "</{tag}>");
    }

    /// Writes the label (`<num>`) and the heading (`<heading>`) of node
    /// `id` from `from`, up to `limit` (its first child); returns where its
    /// own text goes on.
    fn label_and_heading(&mut self, id: usize, from: usize, limit: usize) -> usize {
        let n = &self.src.nodes[id];
        let mut pos = from;
        let (o_start, o_end) = n.opening;
        let label_end = if n.number.is_some() || n.kind == Kind::Annex {
            if n.kind.is_heading() {
                match n.title {
                    Some((t, _)) if t > o_start && t <= o_end => Some(t),
                    _ => Some(o_end),
                }
            } else {
                n.number.filter(|&(s, e)| s >= o_start && e <= o_end).map(|(_, e)| {
                    let rest = self.masked(e, o_end);
                    let punct = rest.find(|c: char| !matches!(c, '.' | ')' | '）' | '．' | '、' | '‘' | '’')).unwrap_or(rest.len());
                    // The dash of an Arabic paragraph number: `1 - تقرر`.
                    let after = &rest[punct..];
                    let spaced = after.trim_start_matches(' ');
                    let dash = spaced
                        .strip_prefix(['-', '–', '—'])
                        .filter(|r| r.starts_with(char::is_whitespace))
                        .map_or(0, |r| after.len() - r.len());
                    e + punct + dash
                })
            }
        } else {
            None
        };
        if let Some(end) = label_end.map(|e| e.min(limit)) {
            if end > pos && self.piece(pos, end, &["num"]) {
                pos = end;
            }
        }
        let heading = match (n.title, n.kind) {
            (Some(t), _) => Some(t),
            (None, Kind::Crossheading) => Some(n.opening),
            _ => None,
        };
        if let Some((_, end)) = heading {
            if end > pos && end <= limit && self.piece(pos, end, &["heading"]) {
                pos = end;
            }
        }
        pos
    }

    /// Node `id` as a hierarchy element, from `from` (where the text
    /// already written ends). Returns where it ends.
    fn hier(&mut self, id: usize, from: usize) -> usize {
        let src = self.src;
        let n = &src.nodes[id];
        let (tag, name) = hier_tag(n);
        let end = n.range.1.max(from);
        let children = &n.children;
        self.open(tag, name, &n.eid, None);
        let first = children.first().map_or(end, |&c| self.child_start(c, from).min(end));
        let mut pos = self.label_and_heading(id, from, first);
        if children.is_empty() {
            self.piece(pos, end, &["content", "p"]);
        } else {
            self.piece(pos, first, &["intro", "p"]);
            pos = first;
            for (i, &c) in children.iter().enumerate() {
                let start = self.child_start(c, pos);
                if i > 0 {
                    self.piece(pos, start, &["hcontainer name=\"continuation\"", "content", "p"]);
                }
                pos = self.hier(c, start);
            }
            self.piece(pos, end, &["wrapUp", "p"]);
        }
        self.close(tag);
        end.max(pos)
    }

    /// Node `id` as a block element `tag` (`recital`, `blockContainer`):
    /// its children as nested `<blockContainer>`s, its text as `<p>`s.
    fn block(&mut self, id: usize, from: usize, tag: &str) -> usize {
        let src = self.src;
        let n = &src.nodes[id];
        let end = n.range.1.max(from);
        let children = &n.children;
        let class = (tag == "blockContainer").then(|| kind_class(n.kind));
        self.open(tag, None, &n.eid, class);
        let first = children.first().map_or(end, |&c| self.child_start(c, from).min(end));
        let mut pos = self.label_and_heading(id, from, first);
        let mut blocks = self.piece(pos, first, &["p"]);
        pos = pos.max(first);
        for &c in children {
            let start = self.child_start(c, pos);
            self.piece(pos, start, &["p"]);
            pos = self.block(c, start, "blockContainer");
            blocks = true;
        }
        blocks |= self.piece(pos, end, &["p"]);
        if !blocks {
            self.out.push_str("<p/>");
        }
        self.close(tag);
        end.max(pos)
    }

    /// A preamble at the top of a document: its opening as the formula,
    /// preambular paragraphs as `<recitals>`.
    fn preamble(&mut self, id: usize, from: usize) -> usize {
        let src = self.src;
        let n = &src.nodes[id];
        let end = n.range.1.max(from);
        let children = &n.children;
        self.open("preamble", None, &n.eid, None);
        // Text before the preamble (when it does not follow a title block).
        let start = n.range.0.clamp(from, end);
        let mut any = self.lines(from, start);
        let first = children.first().map_or(end, |&c| self.child_start(c, start).min(end));
        any |= self.piece(start, first, &["formula name=\"actingEntity\"", "p"]);
        let mut pos = first;
        let mut in_recitals = false;
        for &c in children {
            let start = self.child_start(c, pos);
            if !self.is_blank(pos, start) && in_recitals {
                self.close("recitals");
                in_recitals = false;
            }
            self.piece(pos, start, &["p"]);
            let recital = self.src.nodes[c].kind == Kind::PreambularParagraph;
            if recital && !in_recitals {
                self.out.push_str("<recitals>");
                in_recitals = true;
            } else if !recital && in_recitals {
                self.close("recitals");
                in_recitals = false;
            }
            pos = self.block(c, start, if recital { "recital" } else { "blockContainer" });
            any = true;
        }
        if in_recitals {
            self.close("recitals");
        }
        any |= self.piece(pos, end, &["p"]);
        if !any {
            self.out.push_str("<p/>");
        }
        self.close("preamble");
        end.max(pos)
    }

    /// `<mainBody>`: the roots `roots` (hierarchies) and the text between
    /// them, from `from` to `to`.
    fn main_body(&mut self, roots: &[usize], from: usize, to: usize) {
        self.out.push_str("<mainBody>");
        let mut any = false;
        let mut pos = from;
        for &r in roots {
            let start = self.child_start(r, pos);
            self.piece(pos, start, &["p"]);
            pos = self.hier(r, start);
            any = true;
        }
        any |= self.piece(pos, to.max(pos), &["p"]);
        if !any {
            self.out.push_str("<p/>");
        }
        self.out.push_str("</mainBody>");
    }

    /// An annex as an `<attachment>` holding a `<doc name="annex">`, with
    /// the roots that follow it up to `to`.
    fn attachment(&mut self, id: usize, trailing: &[usize], to: usize) {
        let src = self.src;
        let n = &src.nodes[id];
        let eid = &n.eid;
        let children = &n.children;
        let end = n.range.1;
        let from = n.range.0;
        self.open("attachment", None, eid, None);
        let first = children.first().map_or(end, |&c| self.child_start(c, from).min(end));
        let mut pos = self.label_and_heading(id, from, first);
        self.out.push_str("<doc name=\"annex\">");
        let mut meta = String::new();
        self.identity.meta(&mut meta, eid, "");
        self.out.push_str(&meta);
        if !self.is_blank(pos, first) {
            self.out.push_str("<preface>");
            self.lines(pos, first);
            self.out.push_str("</preface>");
        } else {
            self.raw_space(pos, first);
        }
        pos = first;
        let mut rest: &[usize] = children;
        if let Some((&p, tail)) = children.split_first() {
            if self.src.nodes[p].kind == Kind::Preamble {
                pos = self.preamble(p, pos);
                rest = tail;
            }
        }
        let mut body: Vec<usize> = rest.to_vec();
        body.extend_from_slice(trailing);
        self.main_body(&body, pos, to);
        self.out.push_str("</doc>");
        self.close("attachment");
    }
}

/// The document as Akoma Ntoso XML.
pub(crate) fn write(src: &Source) -> String {
    let roots = &src.roots;
    let nodes = &src.nodes;
    let len = src.masked.len();
    // Preface: the title block if it comes first.
    let title_block = roots.first().copied().filter(|&r| nodes[r].kind == Kind::TitleBlock);
    let mut k = usize::from(title_block.is_some());
    let preamble = roots.get(k).copied().filter(|&r| nodes[r].kind == Kind::Preamble);
    // The preface runs to the preamble, or to the end of the title block.
    let preface_end = match (preamble, title_block) {
        (Some(p), _) => nodes[p].range.0,
        (None, Some(t)) => nodes[t].range.1,
        (None, None) => roots.first().map_or(len, |&r| nodes[r].range.0),
    };
    k += usize::from(preamble.is_some());
    let first_annex = roots[k..].iter().position(|&r| nodes[r].kind == Kind::Annex).map(|i| i + k);
    let body_roots = &roots[k..first_annex.unwrap_or(roots.len())];

    let mut masthead = read_masthead(src.masked, 0, preface_end);
    if masthead.symbol.is_none() {
        // A masthead that opens with the resolution it is (`Resolution 687
        // (1991)`): its symbol.
        let first_line = src.masked[..preface_end]
            .split_inclusive('\n')
            .scan(0, |at, l| {
                let start = *at;
                *at += l.len();
                Some((start, l))
            })
            .find(|(_, l)| !l.trim().is_empty());
        if let Some((start, line)) = first_line {
            let end = start + line.trim_end().len();
            let own = src.refs.iter().take_while(|r| r.range.0 < end).find(|r| r.range.0 >= start);
            if let Some(r) = own {
                let organ = match &r.target {
                    Target::External { kind: External::GaResolution, id, .. } => Some(("A", id)),
                    Target::External { kind: External::ScResolution, id, .. } => Some(("S", id)),
                    _ => None,
                };
                if let Some((organ, id)) = organ {
                    // The span on the first line (the reference may run on).
                    masthead.symbol = Some((format!("{organ}/RES/{id}"), (r.range.0, r.range.1.min(end))));
                }
            }
        }
    }
    let symbol = masthead.symbol.as_ref().map(|(s, _)| s.clone());
    let resolution = symbol.as_deref().is_some_and(|s| s.contains("/RES/")) || preamble.is_some();
    let (doc_type, subtype, name) = if resolution { ("statement", "deliberation", "resolution") } else { ("doc", "report", "report") };
    let (work, actor) = match &symbol {
        Some(s) => (symbol_iri(s), actor(s.split('/').next().unwrap_or(""))),
        None => {
            let actor = ("un".to_string(), "United Nations".to_string());
            let work = if resolution { "/akn/un/statement/deliberation/un/nn".to_string() } else { "/akn/un/doc/un/nn".to_string() };
            (work, actor)
        }
    };
    let language = language3(src.language);
    let (date, date_name) = match &masthead.date {
        Some((d, _)) => (d.clone(), "masthead"),
        None => match masthead_year(src.masked, 0, preface_end) {
            Some(y) => (y, "year"),
            None => ("0001-01-01".to_string(), "unknown"),
        },
    };
    let identity = Identity {
        expression: format!("{work}/{language}@"),
        work,
        date,
        date_name,
        number: symbol.clone(),
        name,
        subtype,
        language,
        actor,
    };

    // Inline elements: the masthead's symbol and date, references, vote figures.
    let mut spans = Vec::new();
    if let Some((_, (s, e))) = &masthead.symbol {
        spans.push(Span { start: *s, end: *e, open: "<docNumber>".into(), close: "</docNumber>" });
    }
    if let Some((d, (s, e))) = &masthead.date {
        let mut open = String::from("<docDate");
        attr(&mut open, "date", d);
        open.push('>');
        spans.push(Span { start: *s, end: *e, open, close: "</docDate>" });
    }
    let own_symbol = masthead.symbol.as_ref().map(|(_, span)| *span);
    for r in &src.refs {
        // The masthead's symbol is the document itself, not a reference.
        if own_symbol.is_some_and(|(s, e)| r.range.0 >= s && r.range.1 <= e) {
            continue;
        }
        let href = match &r.target {
            Target::Internal(eid) => Some(format!("#{eid}")),
            Target::External { kind, id, of } => external_iri(*kind, id, of.as_ref()),
        };
        if let Some(href) = href {
            let mut open = String::from("<ref");
            attr(&mut open, "href", &href);
            open.push('>');
            spans.push(Span { start: r.range.0, end: r.range.1, open, close: "</ref>" });
        }
    }
    for v in &src.votes {
        for &(side, value, (s, e)) in &v.figures {
            let mut open = String::from("<quantity");
            attr(&mut open, "refersTo", &format!("#{}", side_concept(side)));
            attr(&mut open, "normalized", &value.to_string());
            open.push('>');
            spans.push(Span { start: s, end: e, open, close: "</quantity>" });
        }
    }
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));

    // Metadata beyond identification: votes and the parties named.
    let mut extra = String::new();
    let votes: Vec<_> = src.votes.iter().filter(|v| !v.figures.is_empty() || !v.lists.is_empty()).collect();
    if !votes.is_empty() {
        extra.push_str("<analysis source=\"#rapporteur\"><parliamentary>");
        for v in &votes {
            extra.push_str("<voting");
            attr(&mut extra, "href", &format!("#{}", v.node.as_deref().unwrap_or(&v.paragraph)));
            attr(&mut extra, "refersTo", "#recordedVote");
            extra.push('>');
            for side in [Side::InFavour, Side::Against, Side::Abstaining] {
                let stated = v.figures.iter().find(|f| f.0 == side).map(|f| f.1);
                let list = v.lists.iter().find(|l| l.0 == side);
                let Some(value) = stated.or(list.map(|l| l.2 as u32)) else { continue };
                extra.push_str("<count");
                attr(&mut extra, "value", &value.to_string());
                attr(&mut extra, "refersTo", &format!("#{}", side_concept(side)));
                if let Some(eid) = list.and_then(|l| l.1.as_deref()) {
                    attr(&mut extra, "href", &format!("#{eid}"));
                }
                if let Some(l) = list {
                    attr(&mut extra, "rap:listed", &l.2.to_string());
                }
                extra.push_str("/>");
            }
            extra.push_str("</voting>");
        }
        extra.push_str("</parliamentary></analysis>");
    }
    extra.push_str("<references source=\"#rapporteur\">");
    extra.push_str("<TLCOrganization eId=\"rapporteur\" href=\"/akn/ontology/organization/rapporteur\" showAs=\"rapporteur\"/>");
    extra.push_str("<TLCOrganization eId=\"author\"");
    attr(&mut extra, "href", &format!("/akn/ontology/organization/un/{}", identity.actor.0));
    attr(&mut extra, "showAs", &identity.actor.1);
    extra.push_str("/>");
    if !votes.is_empty() {
        for (eid, show) in
            [("recordedVote", "recorded vote"), ("inFavour", "in favour"), ("against", "against"), ("abstaining", "abstaining")]
        {
            let _ = write!(extra, "<TLCConcept eId=\"{eid}\" href=\"/akn/ontology/concept/un/{eid}\" showAs=\"{show}\"/>");
        }
    }
    extra.push_str("</references>");

    let mut w = Writer { src, out: String::with_capacity(len * 2 + 4096), spans, identity };
    w.out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = write!(w.out, "<akomaNtoso xmlns=\"{NAMESPACE}\" xmlns:rap=\"{EXTENSION_NAMESPACE}\">\n<{doc_type} name=\"{name}\">\n");
    let mut meta = String::new();
    w.identity.meta(&mut meta, "main", &extra);
    w.out.push_str(&meta);
    w.out.push('\n');

    // Preface.
    if !w.is_blank(0, preface_end) {
        let eid = title_block.map_or("", |t| nodes[t].eid.as_str());
        w.open("preface", None, eid, None);
        match title_block {
            Some(t) => {
                let start = nodes[t].range.0;
                w.lines(0, start);
                let mut pos = start;
                for &c in &nodes[t].children {
                    let cs = nodes[c].range.0.max(pos);
                    w.lines(pos, cs);
                    pos = w.block(c, cs, "blockContainer");
                }
                w.lines(pos, preface_end.max(pos));
            }
            None => {
                w.lines(0, preface_end);
            }
        }
        w.out.push_str("</preface>");
    } else {
        w.raw_space(0, preface_end);
    }
    let mut pos = preface_end;
    if let Some(p) = preamble {
        pos = w.preamble(p, pos);
    }
    let body_end = first_annex.map_or(len, |i| nodes[roots[i]].range.0).max(pos);
    w.main_body(body_roots, pos, body_end);
    if let Some(first) = first_annex {
        w.out.push_str("<attachments>");
        let annexes: Vec<usize> = (first..roots.len()).filter(|&i| nodes[roots[i]].kind == Kind::Annex).collect();
        for (j, &i) in annexes.iter().enumerate() {
            let next = annexes.get(j + 1).copied().unwrap_or(roots.len());
            let to = annexes.get(j + 1).map_or(len, |&n| nodes[roots[n]].range.0);
            w.attachment(roots[i], &roots[i + 1..next], to);
        }
        w.out.push_str("</attachments>");
    }
    let _ = write!(w.out, "\n</{doc_type}>\n</akomaNtoso>\n");
    w.out
}

#[cfg(test)]
mod tests;
