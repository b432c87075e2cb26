//! Reading the negotiation markup of a draft: square brackets (nested,
//! across lines), alternatives, attributions to delegations, status tags.
//! Everything is read on the masked text (Markdown links are blanked
//! there), so offsets are offsets into the text.

use crate::lang::tables::negotiation_markup::{self as words, NegotiationWords};
use crate::lang::Language;
use crate::text::TextRange;

/// Names, verbs and status tags the user adds to the language's table (the
/// server's `negotiation` setting, `--vocabulary FILE` on the command line).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Vocabulary {
    /// Delegations and groups (`Wakanda`, `Friends of the Chair`), as written.
    pub delegations: Vec<String>,
    /// Verbs of an attributed proposal (`strike`), lower case.
    pub verbs: Vec<String>,
    /// Status tags meaning agreed (`agreed at PrepCom`), lower case.
    pub agreed: Vec<String>,
    /// Status tags meaning silence was broken, lower case.
    pub silence_broken: Vec<String>,
}

impl Vocabulary {
    pub fn is_empty(&self) -> bool {
        self.delegations.is_empty() && self.verbs.is_empty() && self.agreed.is_empty() && self.silence_broken.is_empty()
    }
}

/// What a matched pair of square brackets holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PairKind {
    /// Text under negotiation.
    Negotiation,
    /// An official text's editorial note (`[on the report of …]`, `[…]`, a symbol).
    Editorial,
    /// A status tag (`[Agreed ad ref]`).
    Tag,
    /// An alternative's label alone (`[Alt]`, `[Alt 2]`).
    AltLabel,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pair {
    pub open: TextRange,
    pub close: TextRange,
    pub kind: PairKind,
    /// 0 for an outermost pair.
    pub depth: u16,
}

impl Pair {
    pub fn range(&self) -> TextRange {
        TextRange::new(self.open.start, self.close.end)
    }
    pub fn inner(&self) -> TextRange {
        TextRange::new(self.open.end, self.close.start)
    }
}

/// A bracket without its partner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unmatched {
    pub at: TextRange,
    /// `[` (else `]`).
    pub opening: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TagKind {
    Agreed,
    SilenceBroken,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tag {
    pub range: TextRange,
    pub kind: TagKind,
}

/// One option of a set of alternatives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The option's text (what stays when it is accepted), with its label.
    pub range: TextRange,
    /// Its label (`Alt 1:`, `[Alt]`), removed when it is accepted.
    pub label: Option<TextRange>,
    /// A whole paragraph (`5. [Alt] Encourages…`): when it is accepted it
    /// takes the number of the first option.
    pub paragraph: bool,
}

/// Alternatives: `[A/B]`, `[Alt 1: …] [Alt 2: …]`, `[Alt]` paragraphs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alternatives {
    /// Everything that accepting one option replaces.
    pub whole: TextRange,
    pub choices: Vec<Choice>,
}

/// A proposal attributed to delegations: `(EU)`, `EU:`, `US delete`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    pub range: TextRange,
    pub names: Vec<TextRange>,
    pub verb: Option<TextRange>,
}

/// The negotiation markup of a text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Markup {
    /// Matched pairs in the order of their opening brackets.
    pub pairs: Vec<Pair>,
    pub unmatched: Vec<Unmatched>,
    pub alternatives: Vec<Alternatives>,
    pub attributions: Vec<Attribution>,
    pub tags: Vec<Tag>,
    /// Whether the text reads as a negotiation draft (status tags,
    /// alternatives or attributions in brackets, or several bracketed
    /// passages). Only a draft gets `brackets.unbalanced`, tags and
    /// attributions: official texts carry stray brackets from OCR.
    pub draft: bool,
    /// Whether the text claims to be final ("final text", "as adopted").
    pub claims_final: bool,
}

impl Markup {
    /// The pairs of bracketed negotiation text, outermost first.
    pub fn negotiation_pairs(&self) -> impl Iterator<Item = &Pair> + '_ {
        self.pairs.iter().filter(|p| p.kind == PairKind::Negotiation)
    }
}

fn is_open(c: char) -> bool {
    matches!(c, '[' | '［')
}
fn is_close(c: char) -> bool {
    matches!(c, ']' | '］')
}

/// `[1]`, `[^12]`, `[a]`, `[*]`: a footnote marker, not a bracket. Returns
/// the end of the marker.
fn footnote_at(masked: &str, open: usize, len: usize) -> Option<usize> {
    let rest = &masked[open + len..];
    let close = rest.char_indices().take(14).find(|&(_, c)| is_close(c) || c == '\n' || is_open(c))?;
    if !is_close(close.1) {
        return None;
    }
    let inner = &rest[..close.0];
    let ok = if let Some(label) = inner.strip_prefix('^') {
        !label.is_empty() && !label.contains(char::is_whitespace)
    } else {
        (!inner.is_empty() && inner.len() <= 4 && inner.bytes().all(|b| b.is_ascii_digit()))
            || inner == "*"
            || (inner.len() == 1 && inner.bytes().all(|b| b.is_ascii_lowercase()))
    };
    ok.then(|| open + len + close.0 + close.1.len_utf8())
}

/// Lower case, trimmed of blanks, full stops and colons.
fn folded(s: &str) -> String {
    s.trim().trim_matches(|c: char| c == '.' || c == ':' || c == '：' || c == '。' || c.is_whitespace()).to_lowercase()
}

fn tag_kind(s: &str, w: &NegotiationWords, vocabulary: &Vocabulary) -> Option<TagKind> {
    let f = folded(s);
    let f = f.split_whitespace().collect::<Vec<_>>().join(" ");
    if w.agreed.iter().chain(words::COMMON_AGREED).any(|t| *t == f) || vocabulary.agreed.iter().any(|t| folded(t) == f) {
        return Some(TagKind::Agreed);
    }
    let broken = |t: &str| f == t || (f.starts_with(t) && f.len() < t.len() + 40);
    if w.silence_broken.iter().any(|t| broken(t)) || vocabulary.silence_broken.iter().any(|t| broken(&folded(t))) {
        return Some(TagKind::SilenceBroken);
    }
    None
}

/// `Alt 1:`, `Option B.`, `备选案文2：` at the start of `s`: the label's length.
pub(super) fn alt_label(s: &str, w: &NegotiationWords) -> Option<usize> {
    for label in w.alternative {
        let Some(rest) = s.strip_prefix(label) else { continue };
        if rest.chars().next().is_some_and(|c| c.is_alphabetic() && !c.is_ascii_uppercase() && c.is_ascii()) {
            continue; // "Alternatively", "Options"
        }
        let mut at = label.len();
        let t = rest.trim_start_matches([' ', '\u{a0}']);
        at += rest.len() - t.len();
        let num: usize = t
            .char_indices()
            .take_while(|&(i, c)| c.is_ascii_digit() || (i == 0 && c.is_ascii_uppercase()))
            .map(|(_, c)| c.len_utf8())
            .sum();
        if num > 0 && t[num..].chars().next().is_some_and(char::is_alphanumeric) && !t[num..].starts_with(|c: char| c.is_ascii_digit()) {
            // "Option Boards": a word, not a label.
            if !t[..num].bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
        }
        at += num;
        let after = &s[at..];
        // French puts a blank before the colon: `Variante 1 :`.
        let spaced = after.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
        let punct = spaced.chars().next().filter(|c| matches!(c, ':' | '：' | '.' | ')' | '）'));
        if let Some(p) = punct {
            at += after.len() - spaced.len() + p.len_utf8();
        } else if num == 0 && label.chars().all(char::is_alphabetic) && !after.trim().is_empty() {
            // A bare word followed by text without punctuation is text.
            if !after.starts_with([']', '］']) {
                continue;
            }
        }
        let after = &s[at..];
        at += after.len() - after.trim_start_matches([' ', '\u{a0}']).len();
        return Some(at);
    }
    None
}

fn is_editorial(inner: &str, w: &NegotiationWords) -> bool {
    let f = folded(inner);
    if f.is_empty() || w.editorial.iter().any(|e| f.starts_with(e)) {
        return true;
    }
    // A symbol, a number, a page reference.
    inner.trim().chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || " ./-()–,".contains(c))
}

/// Reads the markup of `masked` (the text with its Markdown markup blanked).
pub fn read(masked: &str, language: Language, vocabulary: &Vocabulary) -> Markup {
    Reading::new(masked, language, vocabulary).into_markup()
}

/// The markup of a text as read, with what an update of the text reuses
/// (see `reread.rs`): the attributions and alternatives are kept even when
/// the text is no draft (a later version may be one).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reading {
    /// The markup, `draft` and `claims_final` decided, nothing cleared.
    pub(super) raw: Markup,
    /// Whether attributions and unbracketed tags were looked for line by line.
    pub(super) lines_read: bool,
    /// How many words of the table's alternative labels (`Option`, `方案`)
    /// the text holds (counted as [`label_words`] does): with none and no
    /// `[Alt]`, no paragraph is an alternative.
    pub(super) label_words: usize,
}

impl Reading {
    /// Reads the markup of `masked` (the text with its Markdown markup blanked).
    pub fn new(masked: &str, language: Language, vocabulary: &Vocabulary) -> Reading {
        read_raw(masked, language, vocabulary)
    }

    /// What the brackets' diagnostics read: the pairs, the unmatched
    /// brackets, `draft` and `claims_final` (the attributions and
    /// alternatives of a text that is no draft are still there).
    pub fn brackets(&self) -> &Markup {
        &self.raw
    }

    /// The markup (of a text that is no draft: without attributions and alternatives).
    pub fn markup(&self) -> Markup {
        self.clone().into_markup()
    }

    pub fn into_markup(self) -> Markup {
        let mut m = self.raw;
        if !m.draft {
            m.attributions.clear();
            m.alternatives.clear();
        }
        m
    }
}

/// The square brackets of a text in text order: `[`, `]` and the full-width
/// `［` `］` (EF BC BB, EF BC BD).
///
/// A text with few full-width characters is searched for `[`, `]` and the
/// lead byte EF at once (memchr3). Chinese punctuation (the full-width comma
/// `，` is EF BC 8C) shares that lead byte, so past [`Brackets::WIDE`] lead
/// bytes that begin no bracket, the full-width brackets are looked for whole
/// (memmem), apart from the ASCII ones (memchr2), and the three merged.
struct Brackets<'t> {
    bytes: &'t [u8],
    /// Lead bytes EF passed that began no bracket.
    misses: usize,
    /// In the second mode, the next `[` or `]`, `［`, `］` from where each was
    /// last looked for (`usize::MAX`: none left); `None`: not looked for yet.
    next: [Option<usize>; 3],
    wide: [memchr::memmem::Finder<'static>; 2],
}

impl<'t> Brackets<'t> {
    const WIDE: usize = 32;

    fn new(bytes: &'t [u8]) -> Self {
        let wide = [memchr::memmem::Finder::new("［".as_bytes()), memchr::memmem::Finder::new("］".as_bytes())];
        Brackets { bytes, misses: 0, next: [None; 3], wide }
    }

    /// The first bracket at or after `at`.
    fn next_from(&mut self, at: usize) -> Option<(usize, char)> {
        let bytes = self.bytes;
        let mut from = at;
        while self.misses < Self::WIDE {
            let i = from + memchr::memchr3(b'[', b']', 0xEF, &bytes[from..])?;
            match (bytes[i], bytes.get(i + 1..i + 3)) {
                (b'[', _) => return Some((i, '[')),
                (b']', _) => return Some((i, ']')),
                (_, Some([0xBC, 0xBB])) => return Some((i, '［')),
                (_, Some([0xBC, 0xBD])) => return Some((i, '］')),
                _ => {
                    self.misses += 1;
                    from = i + 1;
                }
            }
        }
        for kind in 0..3 {
            if self.next[kind].is_none_or(|p| p < from) {
                let rest = &bytes[from..];
                let found = match kind {
                    0 => memchr::memchr2(b'[', b']', rest),
                    _ => self.wide[kind - 1].find(rest),
                };
                self.next[kind] = Some(found.map_or(usize::MAX, |k| from + k));
            }
        }
        let (kind, i) = (0..3).map(|kind| (kind, self.next[kind].unwrap_or(usize::MAX))).min_by_key(|&(_, i)| i)?;
        let c = match kind {
            _ if i == usize::MAX => return None,
            0 => bytes[i] as char,
            1 => '［',
            _ => '］',
        };
        Some((i, c))
    }
}

fn read_raw(masked: &str, language: Language, vocabulary: &Vocabulary) -> Reading {
    let w = words::words(language);
    let mut m = Markup::default();
    // Brackets.
    let mut stack: Vec<(usize, usize)> = Vec::new(); // (offset, index into pairs placeholder)
    let mut raw: Vec<(TextRange, TextRange, u16)> = Vec::new();
    // Only brackets matter here: `[`, `]` and the full-width `［` `］`,
    // found with memchr and memmem, not by decoding every character.
    let mut brackets = Brackets::new(masked.as_bytes());
    let mut at = 0;
    while let Some((i, c)) = brackets.next_from(at) {
        at = i + c.len_utf8();
        if is_open(c) {
            if let Some(end) = footnote_at(masked, i, c.len_utf8()) {
                at = end;
                continue;
            }
            stack.push((i, c.len_utf8()));
        } else {
            match stack.pop() {
                Some((o, len)) => raw.push((TextRange::new(o, o + len), TextRange::new(i, i + c.len_utf8()), stack.len() as u16)),
                None => m.unmatched.push(Unmatched { at: TextRange::new(i, i + c.len_utf8()), opening: false }),
            }
        }
    }
    for (o, len) in stack {
        m.unmatched.push(Unmatched { at: TextRange::new(o, o + len), opening: true });
    }
    m.unmatched.sort_by_key(|u| u.at.start);
    raw.sort_by_key(|p| p.0.start);
    for (open, close, depth) in raw {
        let inner = &masked[open.end..close.start];
        let kind = if let Some(kind) = tag_kind(inner, w, vocabulary) {
            m.tags.push(Tag { range: TextRange::new(open.start, close.end), kind });
            PairKind::Tag
        } else if alt_label(inner.trim(), w).is_some_and(|n| inner.trim()[n..].trim().is_empty()) {
            PairKind::AltLabel
        } else if is_editorial(inner, w) {
            PairKind::Editorial
        } else {
            PairKind::Negotiation
        };
        m.pairs.push(Pair { open, close, kind, depth });
    }
    read_alternatives_in_brackets(masked, w, &mut m);
    let label_words = read_alternative_paragraphs(masked, w, &mut m);
    // Attributions and unbracketed tags are looked for line by line only in
    // a text with bracketed text, a tag or "ad ref" (the line pass costs
    // about as much as the rest of the analysis on texts without them).
    let lines_read = m.pairs.iter().any(|p| p.kind != PairKind::Editorial) || memchr::memmem::find(masked.as_bytes(), AD_REF).is_some();
    if lines_read {
        read_lines(masked, TextRange::new(0, masked.len()), language, w, vocabulary, &mut m);
    }
    in_text_order(&mut m);
    decide_draft(&mut m);
    m.claims_final = claims_final(masked, w);
    Reading { raw: m, lines_read, label_words }
}

/// The tags and attributions [`read_lines`] found, in text order, each once.
pub(super) fn in_text_order(m: &mut Markup) {
    m.tags.sort_by_key(|t| t.range.start);
    m.tags.dedup_by_key(|t| t.range.start);
    m.attributions.sort_by_key(|a| a.range.start);
    m.attributions.dedup_by_key(|a| a.range.start);
}

/// "ad ref": where it is found, attributions and tags are looked for line by line.
pub(super) const AD_REF: &[u8] = b"ad ref";

/// Whether the markup reads as a draft (see [`Markup::draft`]).
pub(super) fn decide_draft(m: &mut Markup) {
    let negotiation = m.negotiation_pairs().count();
    let attributed_in_brackets = m.attributions.iter().any(|a| m.negotiation_pairs().any(|p| p.range().contains_range(a.range)));
    m.draft = !m.tags.is_empty()
        || m.pairs.iter().any(|p| p.kind == PairKind::AltLabel)
        || (negotiation >= 1 && (!m.alternatives.is_empty() || attributed_in_brackets))
        || negotiation >= 3;
}

/// How far into the text [`claims_final`] reads.
pub(super) const HEAD: usize = 1500;

/// Whether the first lines of the text claim it is final.
pub(super) fn claims_final(masked: &str, w: &NegotiationWords) -> bool {
    let mut head_end = masked.len().min(HEAD);
    while !masked.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let head = masked[..head_end].to_lowercase();
    w.final_words.iter().any(|f| head.contains(f))
}

/// `[A/B]` and runs of `[Alt 1: …] [Alt 2: …]`.
fn read_alternatives_in_brackets(masked: &str, w: &NegotiationWords, m: &mut Markup) {
    let mut labelled: Vec<(Pair, usize)> = Vec::new();
    for (k, p) in m.pairs.iter().enumerate() {
        if p.kind != PairKind::Negotiation {
            continue;
        }
        let inner = &masked[p.open.end..p.close.start];
        let lead = inner.len() - inner.trim_start().len();
        if let Some(n) = alt_label(inner.trim_start(), w) {
            labelled.push((*p, lead + n));
            continue;
        }
        // Nested pairs are options' content, not separators.
        let nested: Vec<TextRange> = m.pairs[k + 1..].iter().take_while(|q| q.open.start < p.close.start).map(|q| q.range()).collect();
        if inner.len() > 300 || inner.contains("://") || w.and_or.iter().any(|a| inner.contains(a)) {
            continue;
        }
        let mut cuts = Vec::new();
        for (i, _) in inner.match_indices('/') {
            let at = p.open.end + i;
            if nested.iter().any(|r| r.touches(at)) {
                continue;
            }
            let before = inner[..i].trim_end().chars().next_back();
            let after = inner[i + 1..].trim_start().chars().next();
            let letter = |c: Option<char>| c.is_some_and(|c| c.is_alphabetic() || matches!(c, ']' | '［' | '['));
            if letter(before) && letter(after) && !before.is_some_and(|c| c.is_ascii_uppercase() && inner[..i].ends_with(c)) {
                cuts.push(at);
            } else {
                cuts.clear();
                break;
            }
        }
        if cuts.is_empty() {
            continue;
        }
        let mut choices = Vec::new();
        let mut start = p.open.end;
        for cut in cuts.into_iter().chain(std::iter::once(p.close.start)) {
            let s = &masked[start..cut];
            let a = start + (s.len() - s.trim_start().len());
            let b = start + s.trim_end().len();
            choices.push(Choice { range: TextRange::new(a, b.max(a)), label: None, paragraph: false });
            start = cut + 1;
        }
        m.alternatives.push(Alternatives { whole: p.range(), choices });
    }
    // Runs of labelled pairs, joined by blanks (or "or").
    let mut i = 0;
    while i < labelled.len() {
        let mut j = i + 1;
        while j < labelled.len() {
            // A labelled pair inside another is no sibling option.
            if labelled[j - 1].0.close.end > labelled[j].0.open.start {
                break;
            }
            let gap = masked[labelled[j - 1].0.close.end..labelled[j].0.open.start].trim();
            if !(gap.is_empty() || matches!(gap.to_lowercase().as_str(), "or" | "ou" | "o" | "или" | "或" | "أو")) {
                break;
            }
            j += 1;
        }
        if j - i >= 2 {
            let run = &labelled[i..j];
            let choices = run
                .iter()
                .map(|(p, n)| {
                    let label = TextRange::new(p.open.start, p.open.end + n);
                    Choice { range: TextRange::new(p.open.start, p.close.end), label: Some(label), paragraph: false }
                })
                .collect();
            m.alternatives.push(Alternatives { whole: TextRange::new(run[0].0.open.start, run[j - i - 1].0.close.end), choices });
        }
        i = j;
    }
    m.alternatives.sort_by_key(|a| a.whole.start);
}

/// Paragraphs labelled as alternatives: `5. [Alt] Encourages…` (an
/// alternative to the paragraph before), `[Alt 1] …` / `Option 2: …` runs.
/// Returns how many words of `w.alternative` the text holds (see [`label_words`]).
fn read_alternative_paragraphs(masked: &str, w: &NegotiationWords, m: &mut Markup) -> usize {
    // A block's label is a bracketed one (`[Alt 1]`) or one of the words of
    // `w.alternative` (`Alt 1:`): a text with neither has no alternative
    // paragraphs, and its lines need not be read.
    // Where a word of `w.alternative` starts, in text order: only a block
    // with one of these (or a bracketed label) may be labelled, and most
    // blocks (`方案` is a common word) are passed over without reading
    // their start. (A word that starts with another is found with it.)
    let mut word_starts: Vec<usize> = Vec::new();
    for label in shortest_labels(w) {
        word_starts.extend(memchr::memmem::find_iter(masked.as_bytes(), label.as_bytes()));
    }
    if !m.pairs.iter().any(|p| p.kind == PairKind::AltLabel) && word_starts.is_empty() {
        m.alternatives.sort_by_key(|a| a.whole.start);
        return 0;
    }
    // (a stable sort merges the sorted runs found per word)
    word_starts.sort();
    // The labels in brackets (`[Alt 1]`), in text order (as the pairs are):
    // each block finds its own by a binary search, not a pass over all.
    let alt_labels: Vec<&Pair> = m.pairs.iter().filter(|p| p.kind == PairKind::AltLabel).collect();
    // The blocks of text between blank lines that hold a label word or a
    // bracketed label, in text order, each once: only these may be labelled,
    // and the lines of the others (most of a Chinese text, where `方案` is a
    // common word) are not read.
    let mut candidates: Vec<usize> = word_starts.iter().copied().chain(alt_labels.iter().map(|p| p.open.start)).collect();
    candidates.sort_unstable();
    let mut blocks: Vec<TextRange> = Vec::new();
    for at in candidates {
        if blocks.last().is_some_and(|b| at < b.end) {
            continue;
        }
        blocks.push(block_around(masked, at));
    }
    // Each block's label: (label range, bare).
    let label_of = |b: TextRange| -> Option<(TextRange, bool)> {
        let from = word_starts.partition_point(|&s| s < b.start);
        let word = word_starts.get(from).is_some_and(|&s| s < b.end);
        let from = alt_labels.partition_point(|p| p.open.start < b.start);
        let bracketed = alt_labels.get(from).is_some_and(|p| p.open.start < b.end);
        if !word && !bracketed {
            return None;
        }
        let first = &masked[b.start..b.end];
        let lead = skip_paragraph_number(first);
        let at = b.start + lead;
        let spaced = |r: TextRange| {
            let rest = &masked[r.end..b.end];
            TextRange::new(r.start, r.end + rest.len() - rest.trim_start().len())
        };
        let from = alt_labels.partition_point(|p| p.open.start < at);
        if let Some(p) = alt_labels[from..].iter().take_while(|p| p.open.start == at).find(|p| p.close.end <= b.end) {
            let bare = !masked[p.open.end..p.close.start].chars().any(|c| c.is_ascii_digit());
            return Some((spaced(p.range()), bare));
        }
        word_label(first, w).map(|r| (TextRange::new(b.start + r.start, b.start + r.end), false))
    };
    let labels: Vec<Option<(TextRange, bool)>> = blocks.iter().map(|&b| label_of(b)).collect();
    // Whether block `b` comes right after block `a` (only blank lines between).
    let next_to = |a: TextRange, b: TextRange| masked[a.end..b.start].trim_start().is_empty();
    let mut k = 0;
    while k < blocks.len() {
        if labels[k].is_none() {
            k += 1;
            continue;
        }
        let mut j = k;
        // A bare label or a first one (`Alt 1`, `Option A`) starts a new set.
        let starts_set = |i: usize| {
            labels[i].is_some_and(|(r, bare)| {
                let label = masked[r.start..r.end].trim_end().trim_end_matches([':', '：', ']', '］', '.', ')']);
                let digits = label.len() - label.trim_end_matches(|c: char| c.is_ascii_digit()).len();
                let first = if digits > 0 { &label[label.len() - digits..] == "1" } else { label.ends_with(" A") };
                bare || first
            })
        };
        j += 1;
        while j < blocks.len() && labels[j].is_some() && next_to(blocks[j - 1], blocks[j]) && !starts_set(j) {
            j += 1;
        }
        let mut choices: Vec<Choice> = Vec::with_capacity(j - k + 1);
        // A bare label (`[Alt]`) offers an alternative to the block before.
        if labels[k].is_some_and(|(_, bare)| bare) {
            if let Some(previous) = block_before(masked, blocks[k]) {
                let label = if k > 0 && blocks[k - 1] == previous { labels[k - 1] } else { None };
                choices.push(Choice { range: previous, label: label.map(|(r, _)| r), paragraph: true });
            }
        }
        choices.extend((k..j).map(|i| Choice { range: blocks[i], label: labels[i].map(|(r, _)| r), paragraph: true }));
        if choices.len() >= 2 {
            m.alternatives.push(Alternatives { whole: TextRange::new(choices[0].range.start, blocks[j - 1].end), choices });
        }
        k = j;
    }
    m.alternatives.sort_by_key(|a| a.whole.start);
    word_starts.len()
}

/// Where the line holding `at` starts.
fn line_start(masked: &str, at: usize) -> usize {
    memchr::memrchr(b'\n', &masked.as_bytes()[..at]).map_or(0, |i| i + 1)
}

/// Where the line that starts at `start` ends, its line break included.
fn line_end(masked: &str, start: usize) -> usize {
    memchr::memchr(b'\n', &masked.as_bytes()[start..]).map_or(masked.len(), |i| start + i + 1)
}

fn is_blank(line: &str) -> bool {
    line.trim_start().is_empty()
}

/// The block of text between blank lines that holds `at` (in a line that is
/// not blank): from the start of its first line to the end of the text of
/// its last.
fn block_around(masked: &str, at: usize) -> TextRange {
    let mut start = line_start(masked, at);
    while start > 0 {
        let previous = line_start(masked, start - 1);
        if is_blank(&masked[previous..start]) {
            break;
        }
        start = previous;
    }
    let mut last = line_start(masked, at);
    let mut end = line_end(masked, last);
    while end < masked.len() {
        let next = line_end(masked, end);
        if is_blank(&masked[end..next]) {
            break;
        }
        last = end;
        end = next;
    }
    TextRange::new(start, last + masked[last..end].trim_end().len())
}

/// The block of text between blank lines before `block`, if any.
fn block_before(masked: &str, block: TextRange) -> Option<TextRange> {
    let mut start = block.start;
    while start > 0 {
        let previous = line_start(masked, start - 1);
        if !is_blank(&masked[previous..start]) {
            return Some(block_around(masked, previous));
        }
        start = previous;
    }
    None
}

/// The words of `w.alternative` that do not start with another one (a
/// word that does is found with the other).
fn shortest_labels<'w>(w: &'w NegotiationWords) -> impl Iterator<Item = &'w str> + 'w {
    let starts_with_another = |label: &&str| w.alternative.iter().any(|other| other != label && label.starts_with(other));
    w.alternative.iter().copied().filter(move |label| !starts_with_another(label))
}

/// How many times the words of alternative labels occur in `s` (each word
/// that starts with another counted with it).
pub(super) fn label_words(s: &str, w: &NegotiationWords) -> usize {
    shortest_labels(w).map(|label| memchr::memmem::find_iter(s.as_bytes(), label.as_bytes()).count()).sum()
}

/// The label in words a paragraph (`block`, from the start of its first
/// line to the end of its text) starts with (`Option 1:`, after its
/// number): where it lies in `block`.
pub(super) fn word_label(block: &str, w: &NegotiationWords) -> Option<std::ops::Range<usize>> {
    let lead = skip_paragraph_number(block);
    let rest = &block[lead..];
    let n = alt_label(rest, w)?;
    rest[..n].trim_end().ends_with([':', '：']).then_some(lead..lead + n)
}

fn is_delegation(name: &str, language: Language, w: &NegotiationWords, vocabulary: &Vocabulary) -> bool {
    let name = name.trim().trim_end_matches(['.', ',']);
    if name.is_empty() || name.len() > 80 {
        return false;
    }
    if words::COMMON_DELEGATIONS.contains(&name) || w.delegations.contains(&name) || vocabulary.delegations.iter().any(|d| d == name) {
        return true;
    }
    if !name.starts_with(|c: char| !c.is_lowercase()) {
        return false;
    }
    crate::lang::states::lookup(language, name).is_some()
}

/// `seg` read as a list of delegations: their ranges (offset by `base`).
fn delegations(seg: &str, base: usize, language: Language, w: &NegotiationWords, vocabulary: &Vocabulary) -> Option<Vec<TextRange>> {
    let mut out = Vec::new();
    let trimmed = seg.trim();
    if trimmed.is_empty() {
        return None;
    }
    let mut start = 0;
    let bytes_sep = |c: char| matches!(c, ';' | ',' | '/' | '、' | '；' | '，');
    let mut parts: Vec<(usize, &str)> = Vec::new();
    for (i, c) in seg.char_indices() {
        if bytes_sep(c) {
            parts.push((start, &seg[start..i]));
            start = i + c.len_utf8();
        }
    }
    parts.push((start, &seg[start..]));
    // "G77 and China" is one name; "Mexico and Peru" two.
    if is_delegation(trimmed, language, w, vocabulary) {
        let at = base + seg.len() - seg.trim_start().len();
        return Some(vec![TextRange::new(at, at + trimmed.len())]);
    }
    for (off, part) in parts {
        let t = part.trim();
        if t.is_empty() {
            return None;
        }
        let at = base + off + (part.len() - part.trim_start().len());
        if is_delegation(t, language, w, vocabulary) {
            out.push(TextRange::new(at, at + t.len()));
            continue;
        }
        let conj = w.conjunctions.iter().find_map(|c| t.find(c).map(|i| (i, c.len())))?;
        let (a, b) = (&t[..conj.0], &t[conj.0 + conj.1..]);
        if !is_delegation(a, language, w, vocabulary) || !is_delegation(b, language, w, vocabulary) {
            return None;
        }
        out.push(TextRange::new(at, at + a.trim_end().len()));
        let bs = at + conj.0 + conj.1 + (b.len() - b.trim_start().len());
        out.push(TextRange::new(bs, bs + b.trim().len()));
    }
    Some(out)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk(c)
}
fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// Attributions and unbracketed status tags, line by line (the lines of
/// `lines`, whole lines of `masked`).
pub(super) fn read_lines(
    masked: &str,
    lines: TextRange,
    language: Language,
    w: &NegotiationWords,
    vocabulary: &Vocabulary,
    m: &mut Markup,
) {
    let mut line_start = lines.start;
    for line in masked[lines.start..lines.end].split_inclusive('\n') {
        let base = line_start;
        line_start += line.len();
        let body = line.trim_end();
        if body.trim().is_empty() {
            continue;
        }
        // `(EU)`, `（欧盟）`, `(agreed)`: each `(` or `（` (EF BC 88), found
        // with memchr rather than by decoding every character.
        let bytes = body.as_bytes();
        let mut from = 0;
        while let Some(k) = memchr::memchr2(b'(', 0xEF, &bytes[from..]) {
            let i = from + k;
            from = i + 1;
            let c = if bytes[i] == b'(' {
                '('
            } else if bytes.get(i + 1..i + 3) == Some(&[0xBC, 0x88][..]) {
                '（'
            } else {
                continue;
            };
            let rest = &body[i + c.len_utf8()..];
            let Some(close) = rest.char_indices().take(120).find(|&(_, c)| c == ')' || c == '）' || c == '(' || c == '（') else {
                continue;
            };
            if close.1 == '(' || close.1 == '（' {
                continue;
            }
            let inner = &rest[..close.0];
            let range = TextRange::new(base + i, base + i + c.len_utf8() + close.0 + close.1.len_utf8());
            if let Some(kind) = tag_kind(inner, w, vocabulary) {
                m.tags.push(Tag { range, kind });
            } else if let Some(names) = delegations(inner, base + i + c.len_utf8(), language, w, vocabulary) {
                m.attributions.push(Attribution { range, names, verb: None });
            }
        }
        // Unbracketed `agreed ad ref` at the end of a line or sentence.
        // (No lower-case copy of a line without "ad ref" in any case: no
        // other letter lower-cases to one of its letters.)
        let ad_ref = memchr::memchr2_iter(b'f', b'F', bytes).any(|f| f >= 5 && bytes[f - 5..=f].eq_ignore_ascii_case(b"ad ref"));
        let lower = if ad_ref { body.to_lowercase() } else { String::new() };
        if ad_ref && lower.len() == body.len() {
            if let Some(i) = lower.rfind("ad ref") {
                let mut start = i;
                for t in w.agreed.iter().chain(words::COMMON_AGREED) {
                    if let Some(prefix) = t.strip_suffix("ad ref").or_else(|| t.strip_suffix("ad referendum")) {
                        if !prefix.is_empty() && lower[..i].ends_with(prefix) {
                            start = i - prefix.len();
                        }
                    }
                }
                let mut end = i + "ad ref".len();
                if lower[end..].starts_with("erendum") {
                    end += "erendum".len();
                }
                let inside_pair = m.pairs.iter().any(|p| p.kind == PairKind::Tag && p.range().touches(base + i));
                let tail = lower[end..].trim_start_matches(['.', ')', ']', ' ']);
                if !inside_pair && tail.is_empty() && body.is_char_boundary(start) {
                    m.tags.push(Tag { range: TextRange::new(base + start, base + end), kind: TagKind::Agreed });
                }
            }
        }
        // Segments: from the line's start, a `[`, a dash or a full stop.
        read_segments(body, base, language, w, vocabulary, m);
    }
}

/// `EU:` and `US delete` / `– Mexico; Switzerland retain` / `欧盟删除`.
fn read_segments(body: &str, base: usize, language: Language, w: &NegotiationWords, vocabulary: &Vocabulary, m: &mut Markup) {
    // Where a segment may start: the line's start and after each opener.
    let mut starts = vec![0usize];
    for (i, c) in body.char_indices() {
        let next = i + c.len_utf8();
        match c {
            '[' | '［' | '(' | '（' | '。' | ':' | '：' => starts.push(next),
            '–' | '—' | '-' if body[..i].ends_with(' ') || i == 0 => starts.push(next),
            '.' | ';' | '；' if body[next..].starts_with(' ') => starts.push(next),
            _ => {}
        }
    }
    // Number and label at the line's start do not belong to the segment.
    let lead = skip_paragraph_number(body);
    if lead > 0 {
        starts.push(lead);
    }
    for &s in &starts {
        let seg = &body[s..];
        // `EU:` — the names up to a colon.
        if let Some(colon) = seg.char_indices().take(80).find(|&(_, c)| c == ':' || c == '：').map(|(i, _)| i) {
            let names_part = &seg[..colon];
            if !names_part.trim().is_empty() && names_part.trim() == names_part.trim_end() {
                if let Some(names) = delegations(names_part, base + s, language, w, vocabulary) {
                    let a = base + s + (names_part.len() - names_part.trim_start().len());
                    m.attributions.push(Attribution {
                        range: TextRange::new(
                            a,
                            base + s + colon + ':'.len_utf8().max(seg[colon..].chars().next().map_or(1, char::len_utf8)),
                        ),
                        names,
                        verb: None,
                    });
                    continue;
                }
            }
        }
    }
    // Verbs: look left to the nearest segment start.
    let verbs = w.verbs.iter().map(|v| v.to_string()).chain(vocabulary.verbs.iter().cloned());
    for verb in verbs {
        let mut from = 0;
        while let Some(k) = find_ci(&body[from..], &verb) {
            let at = from + k;
            from = at + verb.len();
            let before = body[..at].chars().next_back();
            let after = body[at + verb.len()..].chars().next();
            let alphabetic = verb.chars().next().is_some_and(|c| !is_cjk(c));
            if alphabetic && (before.is_some_and(is_word_char) || after.is_some_and(is_word_char)) {
                continue;
            }
            starts.sort_unstable();
            for &s in starts.iter().filter(|&&s| s <= at) {
                let seg = &body[s..at];
                let seg = seg.trim_end().trim_end_matches([':', '：']);
                let lead = seg.len() - seg.trim_start_matches([' ', '-', '–', '—']).len();
                let names_part = &seg[lead..];
                if names_part.trim().is_empty() {
                    continue;
                }
                if let Some(names) = delegations(names_part, base + s + lead, language, w, vocabulary) {
                    let a = names.first().map_or(base + at, |n| n.start);
                    m.attributions.retain(|x| !(x.range.start >= a && x.range.end <= base + at + verb.len()));
                    m.attributions.push(Attribution {
                        range: TextRange::new(a, base + at + verb.len()),
                        names,
                        verb: Some(TextRange::new(base + at, base + at + verb.len())),
                    });
                    break;
                }
            }
        }
    }
}

/// Case-insensitive find for ASCII case (enough for the verbs' first letter).
fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    if let Some(i) = hay.find(needle) {
        let cap = capitalised(needle);
        return Some(hay[..i].find(&cap).unwrap_or(i));
    }
    hay.find(&capitalised(needle))
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The length of a paragraph number at the start of a line (`5.`, `PP3`,
/// `(a)`) with the blanks after it: 0 when there is none.
pub fn skip_paragraph_number(line: &str) -> usize {
    let t = line.trim_start();
    let lead = line.len() - t.len();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 4 && t[digits..].starts_with(['.', '、', ')']) {
        let rest = &t[digits + 1..];
        return lead + digits + 1 + (rest.len() - rest.trim_start().len());
    }
    if t.starts_with('(') {
        if let Some(close) = t.find(')').filter(|&c| c <= 6 && t[1..c].bytes().all(|b| b.is_ascii_lowercase())) {
            let rest = &t[close + 1..];
            return lead + close + 1 + (rest.len() - rest.trim_start().len());
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_en(text: &str) -> Markup {
        let (masked, _) = crate::syntax::mask::mask(text);
        read(&masked, Language::En, &Vocabulary::default())
    }

    fn slice(text: &str, r: TextRange) -> &str {
        &text[r.start..r.end]
    }

    #[test]
    fn footnotes_and_links_are_not_brackets() {
        let t = "1. Recalls resolution [72/57](https://undocs.org/A/RES/72/57)[1] and [^2].\n";
        let m = read_en(t);
        assert!(m.pairs.is_empty(), "{:?}", m.pairs);
        assert!(m.unmatched.is_empty());
    }

    #[test]
    fn nested_pairs_and_unmatched() {
        let t = "1. Calls [upon [all] States] to act [now.\n2. Decides] to [remain seized.\n";
        let m = read_en(t);
        let spans: Vec<&str> = m.pairs.iter().map(|p| slice(t, p.range())).collect();
        assert_eq!(spans, vec!["[upon [all] States]", "[all]", "[now.\n2. Decides]"]);
        assert_eq!(m.pairs[1].depth, 1);
        assert_eq!(m.unmatched.len(), 1);
        assert!(m.unmatched[0].opening);
        assert_eq!(&t[m.unmatched[0].at.start..], "[remain seized.\n");
    }

    #[test]
    fn alternatives_in_three_forms() {
        let t = "1. [regional/national] plans and [shall/should] act [and/or] [A/RES/70/1].\n2. [Alt 1: Decides to act] [Alt 2: Decides to wait]\n";
        let m = read_en(t);
        assert!(m.draft);
        let alts: Vec<Vec<&str>> = m.alternatives.iter().map(|a| a.choices.iter().map(|c| slice(t, c.range)).collect()).collect();
        assert_eq!(
            alts,
            vec![vec!["regional", "national"], vec!["shall", "should"], vec!["[Alt 1: Decides to act]", "[Alt 2: Decides to wait]"]]
        );
        assert_eq!(slice(t, m.alternatives[2].choices[0].label.unwrap()), "[Alt 1: ");
    }

    #[test]
    fn attributions_and_tags() {
        let t = "1. Decides [to act (EU)] [US delete] [– Mexico; Switzerland retain] [G77 and China propose: “now”]\nEU: keep it\n2. Welcomes the report. [Agreed ad ref]\n3. Notes the plan. agreed ad ref\n4. Takes note (agreed)\n5. Urges [silence broken]\n";
        let m = read_en(t);
        let attrs: Vec<&str> = m.attributions.iter().map(|a| slice(t, a.range)).collect();
        assert_eq!(attrs, vec!["(EU)", "US delete", "Mexico; Switzerland retain", "G77 and China propose", "EU:"]);
        let names: Vec<&str> = m.attributions[2].names.iter().map(|&r| slice(t, r)).collect();
        assert_eq!(names, vec!["Mexico", "Switzerland"]);
        let tags: Vec<(&str, TagKind)> = m.tags.iter().map(|g| (slice(t, g.range), g.kind)).collect();
        assert_eq!(
            tags,
            vec![
                ("[Agreed ad ref]", TagKind::Agreed),
                ("agreed ad ref", TagKind::Agreed),
                ("(agreed)", TagKind::Agreed),
                ("[silence broken]", TagKind::SilenceBroken)
            ]
        );
    }

    #[test]
    fn alternative_paragraphs() {
        let t = "4. Encourages States to act;\n\n5. [Alt] Encourages States to consider acting;\n\nOption 1: Decides to meet;\n\nOption 2: Decides to wait;\n";
        let m = read_en(t);
        assert!(m.draft);
        let alts: Vec<Vec<(&str, Option<&str>)>> =
            m.alternatives.iter().map(|a| a.choices.iter().map(|c| (slice(t, c.range), c.label.map(|l| slice(t, l)))).collect()).collect();
        assert_eq!(
            alts,
            vec![
                vec![("4. Encourages States to act;", None), ("5. [Alt] Encourages States to consider acting;", Some("[Alt] "))],
                vec![("Option 1: Decides to meet;", Some("Option 1: ")), ("Option 2: Decides to wait;", Some("Option 2: "))]
            ]
        );
    }

    #[test]
    fn official_texts_are_no_drafts() {
        let t =
            "1. Decides to remain seized of the matter.\n[on the report of the Third Committee (A/80/1)]\n2. Notes [S/1070} the letter.\n";
        let m = read_en(t);
        assert!(!m.draft);
        assert_eq!(m.pairs[0].kind, PairKind::Editorial);
    }

    #[test]
    fn chinese_and_french() {
        let t = "1. 决定[区域/国家]计划[欧盟删除]（已商定）\n2. [备选案文1：决定行动] [备选案文2：决定等待]\n";
        let (masked, _) = crate::syntax::mask::mask(t);
        let m = read(&masked, Language::Zh, &Vocabulary::default());
        assert!(m.draft);
        assert_eq!(m.alternatives.len(), 2);
        assert_eq!(slice(t, m.attributions[0].range), "欧盟删除");
        assert_eq!(slice(t, m.tags[0].range), "（已商定）");
        let f = "1. Décide [d’agir/de ne pas agir] (UE) [Approuvé ad ref]\nUE : supprimer\n";
        let (masked, _) = crate::syntax::mask::mask(f);
        let m = read(&masked, Language::Fr, &Vocabulary::default());
        assert_eq!(m.alternatives.len(), 1);
        assert_eq!(m.tags.len(), 1);
        let attrs: Vec<&str> = m.attributions.iter().map(|a| slice(f, a.range)).collect();
        assert_eq!(attrs, vec!["(UE)", "UE : supprimer"]);
    }

    #[test]
    fn user_vocabulary_extends_the_table() {
        let t = "1. Decides [to act] [Wakanda delete] [Wakanda proposes] [now]\n";
        let (masked, _) = crate::syntax::mask::mask(t);
        let v = Vocabulary { delegations: vec!["Wakanda".into()], ..Vocabulary::default() };
        let m = read(&masked, Language::En, &v);
        assert_eq!(m.attributions.len(), 2);
        let m = read(&masked, Language::En, &Vocabulary::default());
        assert!(m.attributions.is_empty());
    }

    #[test]
    fn user_status_tags_extend_the_table() {
        let t = "1. Decides to act. [Agreed at PrepCom]\n2. Notes the plan. [Objection raised]\n";
        let (masked, _) = crate::syntax::mask::mask(t);
        let v = Vocabulary {
            agreed: vec!["Agreed at PrepCom".into()],
            silence_broken: vec!["objection raised".into()],
            ..Vocabulary::default()
        };
        let kinds: Vec<TagKind> = read(&masked, Language::En, &v).tags.iter().map(|t| t.kind).collect();
        assert_eq!(kinds, vec![TagKind::Agreed, TagKind::SilenceBroken]);
        assert!(read(&masked, Language::En, &Vocabulary::default()).tags.is_empty());
    }
}
