//! Languages: the six official languages of the United Nations, detection of
//! a document's language from its text, and the per-language tables that the
//! shared parser, resolver and checkers read.

pub mod nfd;
pub mod numerals;
pub mod scale;
pub mod states;
pub mod tables;

use std::fmt;
use std::str::FromStr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    Zh,
    En,
    Fr,
    Es,
    Ru,
    Ar,
}

impl Language {
    pub const ALL: [Language; 6] = [Language::Zh, Language::En, Language::Fr, Language::Es, Language::Ru, Language::Ar];

    pub fn code(self) -> &'static str {
        match self {
            Language::Zh => "zh",
            Language::En => "en",
            Language::Fr => "fr",
            Language::Es => "es",
            Language::Ru => "ru",
            Language::Ar => "ar",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Language::Zh => "Chinese",
            Language::En => "English",
            Language::Fr => "French",
            Language::Es => "Spanish",
            Language::Ru => "Russian",
            Language::Ar => "Arabic",
        }
    }

    /// The languages whose tables are complete in this version: all six.
    pub fn is_supported(self) -> bool {
        true
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Language {
    type Err = String;
    fn from_str(s: &str) -> Result<Language, String> {
        let lower = s.to_ascii_lowercase();
        Language::ALL
            .into_iter()
            .find(|l| l.code() == lower || l.name().eq_ignore_ascii_case(&lower))
            .ok_or_else(|| format!("unknown language `{s}` (expected one of zh, en, fr, es, ru, ar)"))
    }
}

/// How much of a text [`detect`] reads (the bytes up to the last character
/// boundary at or before this offset): an edit after it (and after that
/// character) leaves the detected language as it was.
pub const DETECT_SAMPLE: usize = 64 * 1024;

/// Detects the language of a document from the scripts and function words in
/// its first 64 KiB. Han characters mean Chinese, Arabic letters Arabic,
/// Cyrillic Russian; Latin text is told apart by its commonest words.
pub fn detect(text: &str) -> Language {
    let mut sample_end = text.len().min(DETECT_SAMPLE);
    while !text.is_char_boundary(sample_end) {
        sample_end -= 1;
    }
    let sample = &text[..sample_end];
    let (mut han, mut arabic, mut cyrillic, mut latin) = (0usize, 0usize, 0usize, 0usize);
    for c in sample.chars() {
        match c as u32 {
            0x4E00..=0x9FFF | 0x3400..=0x4DBF => han += 1,
            0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => arabic += 1,
            0x0400..=0x04FF => cyrillic += 1,
            _ if c.is_ascii_alphabetic() || ('\u{C0}'..='\u{24F}').contains(&c) => latin += 1,
            _ => {}
        }
    }
    // A Han character carries a word's worth of meaning: weigh it up.
    let scores = [(Language::Zh, han * 3), (Language::Ar, arabic), (Language::Ru, cyrillic), (Language::En, latin)];
    let best = scores.iter().max_by_key(|(_, s)| *s).copied().unwrap_or((Language::En, 0));
    if best.0 != Language::En || best.1 == 0 {
        return if best.1 == 0 { Language::En } else { best.0 };
    }
    latin_language(sample)
}

/// Compiles the tables of `lang` and loads its State names, which the first
/// analysis in that language would otherwise pay for (5–12 ms a language,
/// Arabic 37 ms: `cargo bench --bench tables`): the server readies one
/// language so at `initialize` (see `ide::warm_up`), so that the first
/// diagnostics wait only for the analysis. An analysis that needs them
/// meanwhile waits for them. (Compiling them again beside the warm-up
/// instead, so as never to wait for a thread of low priority, made the
/// first analysis of a 1-MB draft opened at once slower on an idle machine:
/// 22–30 ms against 16–28 ms.)
pub fn warm_up(lang: Language) {
    let _ = tables::tables(lang);
    let _ = states::lookup(lang, "France");
}

fn latin_language(sample: &str) -> Language {
    let langs = [Language::En, Language::Fr, Language::Es];
    let words = langs.map(|l| tables::data(l).detect_words);
    let mut counts = [0usize; 3]; // en, fr, es
    for word in sample.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).take(20_000) {
        // Every marker word is ASCII and at most five letters: a longer or
        // non-ASCII word is none of them (no other character lowercases to
        // their letters), and the rest are lowercased without allocating.
        if word.len() > 5 || !word.is_ascii() {
            continue;
        }
        let mut lower = [0u8; 5];
        lower[..word.len()].copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        let lower = std::str::from_utf8(&lower[..word.len()]).unwrap_or_default();
        if let Some(i) = words.iter().position(|w| w.contains(&lower)) {
            counts[i] += 1;
        }
    }
    // The first of the highest counts: English when nothing tells them apart.
    let mut idx = 0;
    for (i, c) in counts.iter().enumerate() {
        if *c > counts[idx] {
            idx = i;
        }
    }
    langs[idx]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_scripts_and_latin_languages() {
        assert_eq!(detect("一. 引言\n1. 大会第七十二届会议通过第 72/57 号决议"), Language::Zh);
        assert_eq!(detect("1. Decides to convene the conference of the parties"), Language::En);
        assert_eq!(detect("1. Décide de convoquer la conférence des parties et les États"), Language::Fr);
        assert_eq!(detect("1. Decide convocar la conferencia de las partes y los Estados"), Language::Es);
        assert_eq!(detect("1. постановляет созвать конференцию"), Language::Ru);
        assert_eq!(detect("1 - تقرر عقد المؤتمر"), Language::Ar);
        assert_eq!(detect(""), Language::En);
    }

    #[test]
    fn marker_words_fit_the_allocation_free_reading() {
        for lang in Language::ALL {
            for w in tables::data(lang).detect_words {
                assert!(w.len() <= 5 && w.is_ascii() && w.to_ascii_lowercase() == *w, "{lang}: {w}");
            }
        }
    }

    #[test]
    fn parses_language_codes() {
        assert_eq!("ZH".parse::<Language>(), Ok(Language::Zh));
        assert!("xx".parse::<Language>().is_err());
    }
}
