//! Readying a language before the first document in it is analysed.
//!
//! Compiling a language's tables is not all that the first analysis in it
//! pays for: the regexes' lazy DFAs build their states as they first scan
//! text, and the tables read on demand (numerals, State names, directions)
//! are built on first use. A 1-MB Chinese draft was analysed in 14–28 ms as
//! the server's first analysis, with its tables compiled, against 12–13 ms
//! once a short document had been analysed before it (session 11). So the
//! warm-up analyses a short document of the language: the one the
//! language's tests read (`tests/fixtures/lang/`), which has headings,
//! numbered paragraphs and subparagraphs, a recorded vote and internal and
//! external references.

use super::Analysis;
use crate::diagnostics::DiagnosticsConfig;
use crate::lang::Language;

/// A short document of `lang` that reads most of its tables.
pub fn sample(lang: Language) -> &'static str {
    match lang {
        Language::Zh => include_str!("../../tests/fixtures/lang/zh/shenyi_huiyi.txt"),
        Language::En => include_str!("../../tests/fixtures/lang/en/review_conference.txt"),
        Language::Fr => include_str!("../../tests/fixtures/lang/fr/conference_d_examen.txt"),
        Language::Es => include_str!("../../tests/fixtures/lang/es/conferencia_de_examen.txt"),
        Language::Ru => include_str!("../../tests/fixtures/lang/ru/obzornaya_konferentsiya.txt"),
        Language::Ar => include_str!("../../tests/fixtures/lang/ar/al-mutamar-al-istiradi.txt"),
    }
}

/// The language of a user interface's locale (`zh-CN`, `fr`, `es-419`,
/// as an editor names it in `initialize`), if it is one of the six.
pub fn locale_language(locale: &str) -> Option<Language> {
    let primary = locale.split(['-', '_']).next()?;
    primary.parse().ok()
}

/// Compiles the tables of `lang` ([`crate::lang::warm_up`]) and analyses
/// its [`sample`], so that the first document in it costs only its own
/// analysis.
pub fn warm_up(lang: Language) {
    crate::lang::warm_up(lang);
    analyse_sample(lang, || false);
}

/// How many pieces the sample is analysed in (see [`analyse_sample`]).
pub const SAMPLE_PIECES: usize = 4;

/// Analyses the [`sample`] of `lang` (its tables compiled on the way, if
/// they were not), in [`SAMPLE_PIECES`] pieces cut at line ends, asking
/// `stop` before each: a document that arrives meanwhile waits for one
/// piece (a quarter of about 3 ms), not for the whole sample. Returns how
/// many pieces were analysed.
pub fn analyse_sample(lang: Language, stop: impl Fn() -> bool) -> usize {
    let config = DiagnosticsConfig::all_enabled();
    let mut analysed = 0;
    for piece in sample_pieces(sample(lang)) {
        if stop() {
            break;
        }
        let _ = Analysis::new(piece, Some(lang), &config);
        analysed += 1;
    }
    analysed
}

/// `text` cut into [`SAMPLE_PIECES`] pieces of about the same length, each
/// ending at a line end (the last at the end of the text).
fn sample_pieces(text: &str) -> Vec<&str> {
    let mut pieces = Vec::with_capacity(SAMPLE_PIECES);
    let mut start = 0;
    for k in 1..=SAMPLE_PIECES {
        let aim = (text.len() * k / SAMPLE_PIECES).max(start);
        let end = if k == SAMPLE_PIECES {
            text.len()
        } else {
            text.as_bytes()[aim..].iter().position(|&b| b == b'\n').map_or(text.len(), |i| aim + i + 1)
        };
        if end > start {
            pieces.push(&text[start..end]);
        }
        start = end;
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::NodeKind;

    #[test]
    fn a_locale_names_its_language() {
        assert_eq!(locale_language("zh-cn"), Some(Language::Zh));
        assert_eq!(locale_language("zh-TW"), Some(Language::Zh));
        assert_eq!(locale_language("fr"), Some(Language::Fr));
        assert_eq!(locale_language("es-419"), Some(Language::Es));
        assert_eq!(locale_language("ru_RU"), Some(Language::Ru));
        assert_eq!(locale_language("ar"), Some(Language::Ar));
        assert_eq!(locale_language("en-gb"), Some(Language::En));
        assert_eq!(locale_language("de"), None);
        assert_eq!(locale_language(""), None);
    }

    #[test]
    fn the_sample_is_analysed_in_pieces_until_told_to_stop() {
        for lang in Language::ALL {
            let text = sample(lang);
            let pieces = sample_pieces(text);
            assert_eq!(pieces.len(), SAMPLE_PIECES, "{lang}");
            assert_eq!(pieces.concat(), text, "{lang}: the pieces are the sample");
            assert!(pieces.iter().all(|p| p.len() < text.len() / 2), "{lang}: no piece is most of the sample");
        }
        assert_eq!(sample_pieces("one line"), vec!["one line"]);
        assert_eq!(analyse_sample(Language::Fr, || false), SAMPLE_PIECES);
        let asked = std::cell::Cell::new(0);
        let stop_after_two = || {
            asked.set(asked.get() + 1);
            asked.get() > 2
        };
        assert_eq!(analyse_sample(Language::Fr, stop_after_two), 2);
    }

    #[test]
    fn each_sample_reads_the_main_parts_of_its_language() {
        for lang in Language::ALL {
            let text = sample(lang);
            assert_eq!(crate::lang::detect(text), lang, "the sample of {lang} is detected as such");
            let analysis = Analysis::new(text, Some(lang), &DiagnosticsConfig::all_enabled());
            let count = |kind: NodeKind| analysis.document.nodes.iter().filter(|n| n.kind == kind).count();
            assert!(count(NodeKind::Section) >= 2, "{lang}: sections");
            assert!(count(NodeKind::Paragraph) >= 4, "{lang}: paragraphs");
            assert!(analysis.references.iter().any(|r| r.is_internal()), "{lang}: an internal reference");
            assert!(analysis.references.iter().any(|r| r.external.is_some()), "{lang}: an external reference");
        }
    }
}
