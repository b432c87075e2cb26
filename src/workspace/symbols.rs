//! Workspace symbols: every document, annex, section and paragraph of the
//! workspace, found by symbol, number, address and title words —
//! "A/CONF.192/2018/RC/3 annex II 18", `第二节 18`, "small arms tracing".
//!
//! Each node is indexed once (when its document enters the workspace) as a
//! line of lower-case words: the document's symbols, its address in words
//! with every number in Arabic and Roman figures, and the words of its
//! title or of the opening of its text. A query is split the same way
//! (Chinese structure words `第二节`, `第18段`, `附件` become "section 2",
//! "paragraph 18", "annex"); a node matches when every query word is one of
//! its words (a number exactly; a word of three letters or more as the
//! start of one).

use crate::ide::Analysis;
use crate::lang::numerals::{parse_chinese, parse_digits, parse_roman};
use crate::syntax::{NodeId, NodeKind};
use crate::text::TextRange;

use super::{DocKey, Identity, Workspace};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymbolKind {
    Document,
    Annex,
    Section,
    Paragraph,
    Article,
}

/// A node as `workspace/symbol` finds it.
#[derive(Clone, Debug)]
pub(super) struct SymbolEntry {
    node: Option<NodeId>,
    kind: SymbolKind,
    name: String,
    /// Lower-case words, space-separated.
    words: String,
    range: TextRange,
}

/// One match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SymbolHit {
    pub doc: DocKey,
    pub node: Option<NodeId>,
    pub kind: SymbolKind,
    /// "A/CONF.192/2018/RC/3: Annex, section II, paragraph 18".
    pub name: String,
    /// The document's path.
    pub container: String,
    pub range: TextRange,
}

const TEXT_WORDS: usize = 16;

pub(super) fn entries(a: &Analysis, identity: &Identity) -> Vec<SymbolEntry> {
    let doc = &a.document;
    let name = identity.name();
    let doc_words: String = identity
        .symbols
        .iter()
        .map(|s| s.to_lowercase())
        .chain(identity.resolution.as_ref().map(|r| match r {
            super::ResolutionId::GeneralAssembly(n) | super::ResolutionId::SecurityCouncil(n) => format!("resolution {}", n.to_lowercase()),
        }))
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = Vec::new();
    let title: String = doc
        .nodes
        .iter()
        .find(|n| n.kind == NodeKind::TitleBlock)
        .map(|n| words_of(&a.text.slice(n.range().start..n.range().end.min(n.range().start + 600)), 40))
        .unwrap_or_default();
    out.push(SymbolEntry {
        node: None,
        kind: SymbolKind::Document,
        name: name.clone().unwrap_or_default(),
        words: format!("{doc_words} {title}"),
        range: identity.masthead.unwrap_or(TextRange::new(0, 0)),
    });
    for (id, n) in doc.nodes.iter().enumerate() {
        let kind = match n.kind {
            NodeKind::Annex => SymbolKind::Annex,
            NodeKind::Section | NodeKind::Subsection | NodeKind::Part => SymbolKind::Section,
            NodeKind::Paragraph => SymbolKind::Paragraph,
            NodeKind::Article => SymbolKind::Article,
            _ => continue,
        };
        let address = a.address_in_words(id);
        let mut words = format!("{doc_words} {}", address_words(&address));
        let text = match n.title() {
            Some(t) => words_of(&a.text.slice(t.start..t.end), 40),
            None if kind == SymbolKind::Paragraph => words_of(&a.excerpt(id, 200), TEXT_WORDS),
            None => String::new(),
        };
        words.push(' ');
        words.push_str(&text);
        let shown = match &name {
            Some(d) => format!("{d}: {address}"),
            None => address,
        };
        out.push(SymbolEntry { node: Some(id), kind, name: shown, words, range: a.target_range(id) });
    }
    out
}

/// Lower-case words of a text, punctuation dropped, at most `max`.
fn words_of(text: &str, max: usize) -> String {
    text.split(|c: char| !c.is_alphanumeric() && c != '/' && c != '.' && c != '-')
        .map(|w| w.trim_matches(['.', '-', '/']))
        .filter(|w| !w.is_empty())
        .take(max)
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Annex, section II, paragraph 18" → "annex section ii 2 paragraph 18".
fn address_words(address: &str) -> String {
    let mut out = Vec::new();
    for w in words_of(address, usize::MAX).split(' ') {
        out.push(w.to_string());
        if let Some(n) = parse_roman(&w.to_uppercase()).filter(|_| w.chars().all(|c| "ivxlc".contains(c))) {
            out.push(n.to_string());
        }
    }
    out.join(" ")
}

/// The words of a query, structure words of Chinese read as English ones.
fn query_words(query: &str) -> Vec<String> {
    let mut out = Vec::new();
    for token in query.split(|c: char| c.is_whitespace() || c == ',' || c == '，' || c == '、') {
        let token = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '/');
        if token.is_empty() {
            continue;
        }
        if token.chars().any(is_cjk) {
            out.extend(chinese_structure(token));
            continue;
        }
        let lower = token.to_lowercase();
        out.push(lower);
    }
    out
}

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// `第二节` → section 2, `第18段` → paragraph 18, `附件二` → annex 2, `第3条` → article 3;
/// other Chinese words are kept as they are.
fn chinese_structure(token: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = token.chars().collect();
    let mut i = 0;
    let mut rest = String::new();
    while i < chars.len() {
        if chars[i] == '附' && chars.get(i + 1) == Some(&'件') {
            out.push("annex".to_string());
            i += 2;
            continue;
        }
        let start = i;
        while i < chars.len() && (chars[i].is_ascii_digit() || parse_chinese(&chars[i].to_string()).is_some()) {
            i += 1;
        }
        if i > start {
            let number: String = chars[start..i].iter().collect();
            let value = parse_digits(&number).or_else(|| parse_chinese(&number));
            let word = match chars.get(i) {
                Some('节') => Some("section"),
                Some('段') => Some("paragraph"),
                Some('条') => Some("article"),
                Some('部') => Some("part"),
                _ => None,
            };
            if let Some(w) = word {
                out.push(w.to_string());
                i += 1;
            }
            if let Some(v) = value {
                out.push(v.to_string());
            }
            continue;
        }
        if chars[i] != '第' {
            rest.push(chars[i]);
        }
        i += 1;
    }
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// How well `words` (an entry's) answer the query; `None` if a query word is missing.
fn score(entry_words: &str, query: &[String]) -> Option<usize> {
    let mut score = 0;
    for q in query {
        let numeric = q.chars().all(|c| c.is_ascii_digit()) || parse_roman(&q.to_uppercase()).is_some() && q.len() <= 4;
        let found = entry_words.split(' ').any(|w| {
            w == q
                || (!numeric && q.chars().count() >= 3 && w.starts_with(q.as_str()))
                || (q.contains('/') && w.starts_with(q.as_str()))
                || (!q.is_ascii() && w.contains(q.as_str()))
        });
        if !found {
            return None;
        }
        score += 1;
    }
    Some(score)
}

pub(super) fn search(ws: &Workspace, query: &str, limit: usize) -> Vec<SymbolHit> {
    let query = query_words(query);
    let mut hits: Vec<(usize, usize, SymbolHit)> = Vec::new();
    for (key, e) in ws.entries() {
        for s in e.symbols() {
            if query.is_empty() && s.kind != SymbolKind::Document {
                continue;
            }
            let Some(points) = score(&s.words, &query) else { continue };
            // Shorter entries (fewer words) are the more specific matches.
            let length = s.words.split(' ').count();
            let name = if s.name.is_empty() { format!("{}: {}", e.path, s.kind_name()) } else { s.name.clone() };
            hits.push((
                points,
                length,
                SymbolHit { doc: key, node: s.node, kind: s.kind, name, container: e.path.clone(), range: s.range },
            ));
        }
    }
    hits.sort_by(|a, b| {
        b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.container.cmp(&b.2.container)).then(a.2.range.start.cmp(&b.2.range.start))
    });
    hits.truncate(limit);
    hits.into_iter().map(|(_, _, h)| h).collect()
}

impl SymbolEntry {
    fn kind_name(&self) -> &'static str {
        match self.kind {
            SymbolKind::Document => "document",
            SymbolKind::Annex => "annex",
            SymbolKind::Section => "section",
            SymbolKind::Paragraph => "paragraph",
            SymbolKind::Article => "article",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_queries_become_structure_words() {
        assert_eq!(query_words("第二节 18"), ["section", "2", "18"]);
        assert_eq!(query_words("附件第二节第18段"), ["annex", "section", "2", "paragraph", "18"]);
        assert_eq!(query_words("A/CONF.192/2018/RC/3 annex II 18"), ["a/conf.192/2018/rc/3", "annex", "ii", "18"]);
    }

    #[test]
    fn numbers_match_exactly_words_by_their_start() {
        let w = "a/conf.192/2018/rc/3 annex section ii 2 paragraph 18 tracing of small arms";
        assert!(score(w, &query_words("A/CONF.192/2018/RC/3 annex II 18")).is_some());
        assert!(score(w, &query_words("small arms trac")).is_some());
        assert!(score(w, &query_words("paragraph 1")).is_none());
        assert!(score(w, &query_words("第二节 18")).is_some());
    }
}
