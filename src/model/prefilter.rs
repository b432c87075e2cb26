//! A literal prefilter for the finder's patterns: instead of running a
//! pattern over the whole text, where an optional organ or article before
//! its keyword makes every digit or every "the" a place to try
//! (`…第 2370 (2017) 号决议`, "the report of the Secretary-General"), find
//! the next occurrence of a word every match holds (`决议`, `report`) and run
//! the pattern only over the stretch of text around it that the pattern
//! could match at all.
//!
//! Why the matches are the same as a scan of the whole text:
//! - The pattern's *alphabet* (every character any of its literals or
//!   classes can match, and every word character when it tests a word
//!   boundary) is read from its syntax tree. A match holds only characters
//!   of the alphabet, so it lies inside one *run* (a maximal stretch of
//!   alphabet characters).
//! - Every match holds one of the *required words* (read from the syntax
//!   tree too), so a match starting at or after the search position holds
//!   an occurrence of one at or after that position: the run of the first
//!   such occurrence is the first run that can hold a match, and the runs
//!   before it hold none.
//! - The search in that run sees the text before it (for `\b` and `^`) and
//!   ends where the run ends: no match crosses that end, and the assertions
//!   allowed (word boundaries, line and text starts) read the same there as
//!   before the character that ends the run (not a word character, not the
//!   end of a line). So the matches, and which one the pattern prefers, are
//!   those of the whole text.
//!
//! A pattern with an end assertion (`$`), no required word or a syntax this
//! reading does not cover gets no prefilter (a scan of the whole text).
//! `model::find` keeps the scan of the whole text as the oracle of
//! `tests/prefilter_oracle.rs`.

use memchr::memmem;
use regex::{Captures, Regex};
use regex_syntax::hir::{Class, Hir, HirKind, Look};

pub(crate) struct Prefilter {
    /// The required words: every match holds one of them.
    words: Words,
    /// Whether the pattern opens with a *lead*: one character at most (a
    /// class, or a line start or a class: `(?:^|[^A-Za-z0-9/.])` before a
    /// document symbol) that is left out of the alphabet. A match then
    /// starts at most one character before its run.
    lead: bool,
    /// 1 for an alphabet character below 128, 0 for any other byte (a byte
    /// above 127 is read with the character it is part of).
    ascii: [u8; 256],
    /// The alphabet above 127, as sorted, merged ranges.
    ranges: Vec<(char, char)>,
}

impl Prefilter {
    /// The prefilter of `pattern`, when every match holds one word that
    /// does not start it, it has no end assertion and its alphabet can be
    /// read.
    pub(crate) fn new(pattern: &str) -> Option<Prefilter> {
        let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
        // A pattern that starts with a required word is already searched
        // by it (the regex library's own prefilter).
        if leading_words(&hir).is_some() {
            return None;
        }
        // One word, found by `memchr`'s vector search; or a few long words
        // (`report`, `statement`, `resolution`, … of the texts named in
        // words), found together by one search of their alternation: short
        // or many words cost more than the passes they spare (measured), but
        // a pattern whose every match holds one of a few long words would
        // otherwise stop at every "the" of the text.
        let mut words = required_words(&hir)?;
        words.sort();
        words.dedup();
        let words = match &words[..] {
            [word] => Words::One(Box::new(memmem::Finder::new(word.as_bytes()).into_owned())),
            many if many.len() <= MANY_WORDS && many.iter().all(|w| w.len() >= MANY_WORD_LEN) => {
                let alternation = many.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|");
                Words::Many(Regex::new(&alternation).ok()?)
            }
            _ => return None,
        };
        let mut ranges = Vec::new();
        let mut looks = Looks::default();
        let lead = match hir.kind() {
            HirKind::Concat(parts)
                if parts.len() > 1 && !matches!(parts[0].kind(), HirKind::Look(_)) && at_most_one_character(&parts[0]) =>
            {
                // The lead's own assertions still count (a line start is
                // fine, an end is not); its characters do not.
                alphabet(&parts[0], &mut Vec::new(), &mut looks)?;
                for part in &parts[1..] {
                    alphabet(part, &mut ranges, &mut looks)?;
                }
                true
            }
            _ => {
                alphabet(&hir, &mut ranges, &mut looks)?;
                false
            }
        };
        if looks.end {
            return None;
        }
        // A word boundary reads the same before a character that is not a
        // word character as at the end of the text: every word character
        // belongs to the runs.
        if looks.unicode_word {
            let HirKind::Class(Class::Unicode(word)) = regex_syntax::Parser::new().parse(r"\w").ok()?.kind().clone() else { return None };
            ranges.extend(word.iter().map(|r| (r.start(), r.end())));
        }
        if looks.ascii_word {
            ranges.extend([('0', '9'), ('A', 'Z'), ('a', 'z'), ('_', '_')]);
        }
        ranges.sort_unstable();
        let mut merged: Vec<(char, char)> = Vec::new();
        for (lo, hi) in ranges {
            match merged.last_mut() {
                Some(prev) if (lo as u32) <= (prev.1 as u32).saturating_add(1) => prev.1 = prev.1.max(hi),
                _ => merged.push((lo, hi)),
            }
        }
        let mut ascii = [0u8; 256];
        for (i, slot) in ascii.iter_mut().enumerate().take(128) {
            let c = char::from(i as u8);
            *slot = u8::from(merged.iter().any(|&(lo, hi)| lo <= c && c <= hi));
        }
        let ranges = merged.into_iter().filter(|&(_, hi)| hi as u32 >= 128).collect();
        Some(Prefilter { words, lead, ascii, ranges })
    }

    fn in_alphabet(&self, c: char) -> bool {
        if c.is_ascii() {
            return self.ascii[c as usize] != 0;
        }
        let i = self.ranges.partition_point(|&(_, hi)| hi < c);
        self.ranges.get(i).is_some_and(|&(lo, _)| lo <= c)
    }

    /// The run of alphabet characters around `hay[at..at + len]` (itself
    /// made of them), read back no further than `from`.
    /// (ASCII bytes are read from the table without decoding, eight at a
    /// time while all eight are alphabet characters: a run of English text
    /// is mostly ASCII, and can be a whole sentence long.)
    fn run_around(&self, hay: &str, from: usize, at: usize, len: usize) -> (usize, usize) {
        let bytes = hay.as_bytes();
        let mut start = at;
        loop {
            while start >= from + 8 && self.all_ascii_alphabet(&bytes[start - 8..start]) {
                start -= 8;
            }
            while start > from && self.ascii[usize::from(bytes[start - 1])] != 0 {
                start -= 1;
            }
            if start <= from || bytes[start - 1].is_ascii() {
                break;
            }
            // The start of the character that ends at `start` (`from` and
            // `start` lie on character boundaries).
            let mut lead = start - 1;
            while lead > from && (bytes[lead] & 0xC0) == 0x80 {
                lead -= 1;
            }
            match hay[lead..start].chars().next() {
                Some(c) if self.in_alphabet(c) => start = lead,
                _ => break,
            }
        }
        let mut end = at + len;
        loop {
            while end + 8 <= bytes.len() && self.all_ascii_alphabet(&bytes[end..end + 8]) {
                end += 8;
            }
            while end < bytes.len() && self.ascii[usize::from(bytes[end])] != 0 {
                end += 1;
            }
            if end >= bytes.len() || bytes[end].is_ascii() {
                break;
            }
            match hay[end..].chars().next() {
                Some(c) if self.in_alphabet(c) => end += c.len_utf8(),
                _ => break,
            }
        }
        (start, end)
    }

    /// Whether the eight bytes of `chunk` are all ASCII alphabet characters
    /// (one table look-up each, with no branch between).
    fn all_ascii_alphabet(&self, chunk: &[u8]) -> bool {
        let Ok(chunk) = <&[u8; 8]>::try_from(chunk) else { return false };
        chunk.iter().fold(1u8, |all, &b| all & self.ascii[usize::from(b)]) != 0
    }

    /// `re.captures_at(hay, at)` (the first match starting at `at` or after),
    /// `re` being the pattern this prefilter was made from. `run` keeps the
    /// run read last (start and end), for the next search of the same text
    /// (`(0, 0)` at first).
    pub(crate) fn captures_at<'h>(&self, re: &Regex, hay: &'h str, at: usize, run: &mut (usize, usize)) -> Option<Captures<'h>> {
        self.search(hay, at, run, |hay, start| re.captures_at(hay, start))
    }

    /// `re.find_at(hay, at)`, as [`Prefilter::captures_at`].
    pub(crate) fn find_at<'h>(&self, re: &Regex, hay: &'h str, at: usize, run: &mut (usize, usize)) -> Option<regex::Match<'h>> {
        self.search(hay, at, run, |hay, start| re.find_at(hay, start))
    }

    /// The first result of `search(hay[..end], start)` over the windows
    /// where a match can be: the run around each occurrence of the word
    /// (with the character before it when the pattern has a lead).
    fn search<'h, T>(
        &self,
        hay: &'h str,
        mut at: usize,
        run: &mut (usize, usize),
        search: impl Fn(&'h str, usize) -> Option<T>,
    ) -> Option<T> {
        while at <= hay.len() {
            let (word, len) = self.words.find(hay, at)?;
            if !(run.0 <= word && word + len <= run.1) {
                *run = self.run_around(hay, at, word, len);
            }
            let (mut start, end) = *run;
            if self.lead {
                start = hay[..start].chars().next_back().map_or(start, |c| start - c.len_utf8());
            }
            if let Some(found) = search(&hay[..end], start.max(at)) {
                return Some(found);
            }
            at = end;
        }
        None
    }
}

/// At most this many required words make a prefilter, each at least this
/// long (in bytes).
const MANY_WORDS: usize = 12;
const MANY_WORD_LEN: usize = 5;

/// What a prefilter looks for first.
enum Words {
    /// One word.
    One(Box<memmem::Finder<'static>>),
    /// Any of a few words: their alternation, a search of literals only.
    Many(Regex),
}

impl Words {
    /// The first occurrence of a word at or after `at`: its offset and length.
    fn find(&self, hay: &str, at: usize) -> Option<(usize, usize)> {
        match self {
            Words::One(word) => word.find(&hay.as_bytes()[at..]).map(|i| (at + i, word.needle().len())),
            Words::Many(words) => words.find_at(hay, at).map(|m| (m.start(), m.len())),
        }
    }
}

/// The prefilter of the compiled pattern `re` (made by `Regex::new`, as the
/// tables are: its syntax is read again from `re.as_str()` with the same
/// defaults), made at its first use and kept for the life of the process
/// (one per distinct pattern).
pub(crate) fn for_pattern(re: &Regex) -> Option<&'static Prefilter> {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    // Keyed by where the pattern's text lies (the tables' patterns live as
    // long as the process), then checked against the text itself (another
    // pattern may later lie at a freed one's address): no hash of a pattern
    // of several kilobytes at every pass.
    type Made = HashMap<(usize, usize), (String, Option<&'static Prefilter>)>;
    static MADE: OnceLock<Mutex<Made>> = OnceLock::new();
    let mut made = MADE.get_or_init(Default::default).lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let key = (re.as_str().as_ptr() as usize, re.as_str().len());
    if let Some((pattern, known)) = made.get(&key) {
        if pattern == re.as_str() {
            return *known;
        }
    }
    let new: Option<&'static Prefilter> = Prefilter::new(re.as_str()).map(|p| &*Box::leak(Box::new(p)));
    made.insert(key, (re.as_str().to_string(), new));
    new
}

/// Whether `hir` matches one character at most (assertions, a class, a
/// one-character literal, or a choice of those).
fn at_most_one_character(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) | HirKind::Class(_) => true,
        HirKind::Literal(lit) => std::str::from_utf8(&lit.0).is_ok_and(|s| s.chars().count() <= 1),
        HirKind::Capture(cap) => at_most_one_character(&cap.sub),
        HirKind::Alternation(parts) => parts.iter().all(at_most_one_character),
        _ => false,
    }
}

/// Words of which every match of `hir` holds one (the set whose shortest
/// word is longest, of those the tree offers; of two as long, the smaller
/// set), if any.
fn required_words(hir: &Hir) -> Option<Vec<String>> {
    match hir.kind() {
        HirKind::Literal(lit) => std::str::from_utf8(&lit.0).ok().filter(|s| !s.is_empty()).map(|s| vec![s.to_string()]),
        HirKind::Capture(cap) => required_words(&cap.sub),
        HirKind::Repetition(rep) if rep.min >= 1 => required_words(&rep.sub),
        HirKind::Concat(parts) => {
            let shortest = |words: &Vec<String>| words.iter().map(String::len).min().unwrap_or(0);
            parts.iter().filter_map(required_words).fold(None, |best: Option<Vec<String>>, words| match best {
                Some(b) if shortest(&b) > shortest(&words) || (shortest(&b) == shortest(&words) && b.len() <= words.len()) => Some(b),
                _ => Some(words),
            })
        }
        HirKind::Alternation(parts) => {
            let mut all = Vec::new();
            for part in parts {
                all.extend(required_words(part)?);
            }
            Some(all)
        }
        _ => None,
    }
}

/// The words one of which starts every match of `hir`, if any.
fn leading_words(hir: &Hir) -> Option<Vec<String>> {
    match hir.kind() {
        HirKind::Literal(_) => required_words(hir),
        HirKind::Capture(cap) => leading_words(&cap.sub),
        HirKind::Repetition(rep) if rep.min >= 1 => leading_words(&rep.sub),
        HirKind::Concat(parts) => leading_words(parts.iter().find(|p| !matches!(p.kind(), HirKind::Look(_)))?),
        HirKind::Alternation(parts) => {
            let mut all = Vec::new();
            for part in parts {
                all.extend(leading_words(part)?);
            }
            Some(all)
        }
        _ => None,
    }
}

/// The assertions a pattern makes.
#[derive(Default)]
struct Looks {
    /// An end of text or of line (`$`, `\z`).
    end: bool,
    ascii_word: bool,
    unicode_word: bool,
}

/// Pushes every character range `hir` can match; `None` where a match could
/// hold bytes that are not whole characters.
fn alphabet(hir: &Hir, out: &mut Vec<(char, char)>, looks: &mut Looks) -> Option<()> {
    match hir.kind() {
        HirKind::Empty => {}
        HirKind::Look(look) => match look {
            Look::Start | Look::StartLF | Look::StartCRLF => {}
            Look::End | Look::EndLF | Look::EndCRLF => looks.end = true,
            Look::WordAscii
            | Look::WordAsciiNegate
            | Look::WordStartAscii
            | Look::WordEndAscii
            | Look::WordStartHalfAscii
            | Look::WordEndHalfAscii => looks.ascii_word = true,
            _ => looks.unicode_word = true,
        },
        HirKind::Literal(lit) => {
            for c in std::str::from_utf8(&lit.0).ok()?.chars() {
                out.push((c, c));
            }
        }
        HirKind::Class(Class::Unicode(class)) => out.extend(class.iter().map(|r| (r.start(), r.end()))),
        HirKind::Class(Class::Bytes(class)) => {
            for r in class.iter() {
                if r.end() >= 128 {
                    return None;
                }
                out.push((char::from(r.start()), char::from(r.end())));
            }
        }
        HirKind::Repetition(rep) => alphabet(&rep.sub, out, looks)?,
        HirKind::Capture(cap) => alphabet(&cap.sub, out, looks)?,
        HirKind::Concat(parts) | HirKind::Alternation(parts) => {
            for part in parts {
                alphabet(part, out, looks)?;
            }
        }
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn all(re: &Regex, hay: &str) -> Vec<(usize, usize)> {
        re.captures_iter(hay).map(|c| (c.get(0).unwrap().start(), c.get(0).unwrap().end())).collect()
    }

    pub(super) fn prefiltered(re: &Regex, pf: &Prefilter, hay: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let (mut at, mut run) = (0, (0, 0));
        while let Some(c) = pf.captures_at(re, hay, at, &mut run) {
            let m = c.get(0).unwrap();
            out.push((m.start(), m.end()));
            at = m.end();
        }
        out
    }

    fn words(pattern: &str) -> Option<Vec<String>> {
        required_words(&regex_syntax::Parser::new().parse(pattern).unwrap())
    }

    #[test]
    fn required_words_are_read_from_the_pattern() {
        assert_eq!(words(r"第\s*[0-9]+\s*号决议").unwrap(), ["号决议"]);
        assert_eq!(words(r"(?:the\s+)?[Rr]esolutions?\s+[0-9]+").unwrap(), ["esolution"]);
        let mut both = words(r"(?P<x>report|opinion) of").unwrap();
        both.sort();
        assert_eq!(both, ["opinion", "report"]);
        // An optional word or a branch without a word is no requirement.
        assert_eq!(words(r"(?:决议)?[0-9]+"), None);
        assert_eq!(words(r"report|[0-9]+"), None);
    }

    #[test]
    fn only_patterns_read_whole_get_one() {
        assert!(Prefilter::new(r"(?:大会)?第\s*[0-9]+\s*号决议").is_some());
        assert!(Prefilter::new(r"(?P<x>a|[0-9])决议").is_some());
        assert!(Prefilter::new(r"[0-9]*决议(?-u:\b)").is_some());
        assert!(Prefilter::new(r"\b[0-9]*决议\b").is_some());
        // An end assertion reads differently where a run ends.
        assert!(Prefilter::new(r"[0-9]*决议$").is_none());
        assert!(Prefilter::new(r"(?m)[0-9]*决议$").is_none());
        // A class that can match any byte gives no alphabet.
        assert!(Prefilter::new(r"(?-u:[\x00-\xFF])决议").is_none());
        assert!(Prefilter::new(r"[0-9]+").is_none());
        // One that starts with its word is searched by it already.
        assert!(Prefilter::new(r"第\s*[0-9]+\s*号决议").is_none());
        assert!(Prefilter::new(r"\b(?:report|opinion)\s+[0-9]+").is_none());
    }

    #[test]
    fn word_boundaries_bring_the_word_characters() {
        let pf = Prefilter::new(r"(?-u:\b)(?:the )?resolution [0-9]+(?-u:\b)").unwrap();
        assert!(pf.in_alphabet('_') && pf.in_alphabet('Z') && !pf.in_alphabet('é') && !pf.in_alphabet('.'));
        let pf = Prefilter::new(r"\b(?:the )?resolution [0-9]+\b").unwrap();
        assert!(pf.in_alphabet('é') && pf.in_alphabet('决') && !pf.in_alphabet('.'));
        let re = Regex::new(r"(?-u:\b)(?:the )?[Rr]esolution [0-9]+(?-u:\b)").unwrap();
        let pf = Prefilter::new(re.as_str()).unwrap();
        for text in ["resolution 12_3 and resolution 45.", "Resolution 7é resolution 8", "xresolution 1 resolution 2"] {
            assert_eq!(prefiltered(&re, &pf, text), all(&re, text), "{text}");
        }
    }

    #[test]
    fn alphabet_holds_classes_and_literals() {
        let pf = Prefilter::new(r"(?:安理会\s*)?第\s*[0-9]{1,4}\s*号决议").unwrap();
        for c in ['安', '第', '7', ' ', '\n', '号', '决', '议', '\u{3000}'] {
            assert!(pf.in_alphabet(c), "{c}");
        }
        for c in ['的', 'a', '。', '(', 'Z'] {
            assert!(!pf.in_alphabet(c), "{c}");
        }
    }

    #[test]
    fn same_matches_as_a_whole_scan() {
        let pattern = r"(?:(?P<organ>安全理事会|安理会|大会)\s*)?(?:[0-9]{4}\s*年\s*)?第\s*(?P<list>[0-9]{1,4}(?:\s*\([0-9]{4}\))?(?:\s*[、和]\s*第?\s*[0-9]{1,4}(?:\s*\([0-9]{4}\))?)*)\s*号\s*(?:等\s*)?决议";
        let re = Regex::new(pattern).unwrap();
        let pf = Prefilter::new(pattern).unwrap();
        let texts = [
            "回顾安理会第1325(2000)号、第1820(2008)号决议和2020年第2510号等决议。",
            "决议决议第 12 号决议第3号决议",
            "大会第 60 号的决议；安全理事会 第 7 号决议",
            "第1号决议",
            "没有决议",
            "",
            "2021年第5号决议第",
        ];
        for text in texts {
            assert_eq!(prefiltered(&re, &pf, text), all(&re, text), "{text}");
        }
    }
}

#[cfg(test)]
mod table_tests {
    use super::tests::{all, prefiltered};
    use super::*;
    use crate::lang::tables::tables;
    use crate::lang::Language;

    /// The Chinese list of resolutions, the costliest pass of the finder
    /// over Chinese text, is one that the prefilter serves.
    #[test]
    fn chinese_resolution_list_has_a_prefilter() {
        let t = tables(Language::Zh);
        let p = for_pattern(&t.resolution_list).expect("a prefilter");
        assert!(matches!(&p.words, Words::One(w) if w.needle() == "决议".as_bytes()));
        // So is the English one ("Security Council resolution 2370 (2017)").
        assert!(for_pattern(&tables(Language::En).resolution_list).is_some());
    }

    /// The run read eight bytes at a time is the run read one character at
    /// a time, at every character of texts in English and Chinese.
    #[test]
    fn runs_read_by_eight_bytes_are_runs_read_by_character() {
        let by_character = |p: &Prefilter, hay: &str, from: usize, at: usize, len: usize| {
            let start = hay[from..at].char_indices().rev().take_while(|&(_, c)| p.in_alphabet(c)).last().map_or(at, |(i, _)| from + i);
            let end = at + len + hay[at + len..].chars().take_while(|&c| p.in_alphabet(c)).map(char::len_utf8).sum::<usize>();
            (start, end)
        };
        let en = "Recalling its resolutions 70/1 of 25 September 2015, 71/313 (2017) and 72/57, and Security Council resolution 2370 (2017); “noting” the report – of A/80/590.\nGeneral Assembly resolution 217 A (III) [1] réaffirmant…";
        let zh = "回顾安全理事会2017年8月2日第2370(2017)号、第2482 (2019)号等决议，以及大会第70/1号决议。\nab 12, (c) 方案";
        for (language, hay) in [(Language::En, en), (Language::Zh, zh), (Language::En, zh), (Language::Zh, en)] {
            let p = for_pattern(&tables(language).resolution_list).expect("a prefilter");
            for (at, c) in hay.char_indices().filter(|&(_, c)| p.in_alphabet(c)) {
                for from in [0, at / 2, at] {
                    let from = (0..=from).rev().find(|&f| hay.is_char_boundary(f)).unwrap();
                    assert_eq!(p.run_around(hay, from, at, c.len_utf8()), by_character(p, hay, from, at, c.len_utf8()), "{at} {from}");
                }
            }
        }
    }

    /// English texts named in words ("the report of the Secretary-General",
    /// "those resolutions adopted by the General Assembly") are searched
    /// around their few long words, not from every "the": the same matches.
    #[test]
    fn texts_named_in_words_are_searched_around_their_words() {
        let re = &tables(Language::En).named_text;
        let p = for_pattern(re).expect("a prefilter");
        assert!(matches!(&p.words, Words::Many(_)));
        let texts = [
            "Taking note of the report of the Secretary-General (A/80/1) and his reports, the advisory opinion of the Court,",
            "the 2024 annual report; their proposed budget; its budget proposal. Those resolutions adopted by the General Assembly at",
            "Official Records of the General Assembly, the study and the statement of the Board of Auditors; the the report",
            "the theory reports; thereport; The report\nof the Advisory Committee on Administrative and Budgetary Questions",
            "",
        ];
        for text in texts {
            let expected = all(re, text);
            assert_eq!(prefiltered(re, p, text), expected, "{text}");
            assert!(!expected.is_empty() || text.is_empty(), "{text}");
        }
        // Short words are no such prefilter (they cost more than they spare).
        assert!(Prefilter::new(r"[0-9]+(?:号|段)").is_none());
    }

    /// Document symbols are searched around their `/`, the character before
    /// the organ (`(?:^|[^A-Za-z0-9/.])`) being the pattern's lead: the
    /// same matches as a scan of the whole text.
    #[test]
    fn document_symbols_are_searched_around_their_slash() {
        let re = crate::lang::tables::symbol_pattern();
        let p = for_pattern(re).expect("a prefilter");
        assert!(matches!(&p.words, Words::One(w) if w.needle() == b"/"));
        assert!(p.lead && !p.in_alphabet('(') && !p.in_alphabet('决') && p.in_alphabet(' ') && p.in_alphabet('$'));
        let texts = [
            "A/80/590",
            "(A/80/590)",
            "见A/RES/73/3号文件和S/2025/101。",
            "see A /RES/ 73/3, $/25240 and S/\n   20063; E/CN.4/2005/L.2/Rev1*.",
            "and/or 1/2 ./A/1 XA/1 .S/2 A/ /",
            "报告(S/2025/101)第14段; A/C.3/56/L.2/Rev.1; DP/FPA/2019/1",
            "/A/1/",
            "",
        ];
        let find_all = |hay: &str, prefiltered: bool| {
            let (mut out, mut at, mut run) = (Vec::new(), 0, (0, 0));
            while at <= hay.len() {
                let found = if prefiltered { p.find_at(re, hay, at, &mut run) } else { re.find_at(hay, at) };
                let Some(m) = found else { break };
                out.push((m.start(), m.end()));
                at = if m.end() > m.start() { m.end() } else { m.end() + 1 };
            }
            out
        };
        for text in texts {
            assert_eq!(find_all(text, true), find_all(text, false), "{text}");
            assert!(!find_all(text, false).is_empty() || !text.contains("A/8"), "{text}");
        }
    }
}
