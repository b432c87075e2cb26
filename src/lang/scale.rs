//! Words that scale a figure ("100 billion", `100万`, "100.000 millones",
//! `100 بليون`), per language: a figure with one is an amount that other
//! languages may write with other figures (`1 million` is `100万`), so the
//! parity check compares it but does not report it alone.

use super::Language;

/// Scale words, lower case, by language.
pub const SCALE_WORDS: &[(Language, &[&str])] = &[
    (Language::Zh, &["万", "亿"]),
    (Language::En, &["thousand", "million", "billion", "trillion"]),
    (Language::Fr, &["mille", "million", "milliard", "billion"]),
    (Language::Es, &["mil", "millón", "millones", "billón", "billones"]),
    (Language::Ru, &["тыс", "млн", "млрд", "миллион", "миллиард", "триллион"]),
    (Language::Ar, &["ألف", "آلاف", "مليون", "ملايين", "بليون", "مليار", "ترليون"]),
];

/// Whether `after` (the text right after a figure) starts with a scale word of any language.
pub fn starts_with_scale(after: &str) -> bool {
    let rest = after.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    let lower: String = rest.chars().take(12).collect::<String>().to_lowercase();
    SCALE_WORDS.iter().flat_map(|(_, words)| words.iter()).any(|w| lower.starts_with(w))
}

#[cfg(test)]
mod tests {
    #[test]
    fn scale_words() {
        assert!(super::starts_with_scale("万人口"));
        assert!(super::starts_with_scale(" billion annually"));
        assert!(super::starts_with_scale(" millones de dólares"));
        assert!(!super::starts_with_scale(" per cent"));
        assert!(!super::starts_with_scale("年"));
    }
}
