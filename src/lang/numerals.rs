//! Numerals used in UN numbering: Roman (I, II / i, ii), Chinese (一, 二, 十一),
//! Latin letters ((a) … (z), (aa)), Arabic-Indic digits, and the Arabic
//! numbering words: subparagraph letters in abjad order ((أ), (ب), (ج)),
//! subsection letter names (ألف, باء, جيم), chapter ordinals (الأول, الثاني)
//! and heading ordinals (أولا, ثانيا). Arabic words are compared folded (see
//! [`fold_arabic`]): tatweel and diacritics do not count.
//!
//! Every parser returns `None` for text that is not a well-formed numeral;
//! every formatter is the inverse of its parser.

use super::{tables, Language};

/// Parses an upper- or lower-case Roman numeral (I … MMMCMXCIX). Returns
/// `None` for malformed numerals such as `IIII` or `VX`.
pub fn parse_roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 15 {
        return None;
    }
    let upper = s.to_ascii_uppercase();
    let mut total = 0u32;
    let mut prev = u32::MAX;
    for c in upper.chars() {
        let v = match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            'D' => 500,
            'M' => 1000,
            _ => return None,
        };
        if v > prev {
            total = total + v - 2 * prev;
        } else {
            total += v;
        }
        prev = v;
    }
    // Reject non-canonical spellings by round-tripping.
    if total == 0 || to_roman(total) != upper {
        return None;
    }
    Some(total)
}

/// Formats `n` (1 ..= 3999) as an upper-case Roman numeral.
pub fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

const CHINESE_DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// Parses a Chinese numeral of any size up to `u32::MAX`: 一, 十一, 一百零五,
/// 三百八十六, 一千零一, 一万二千, 十万零一十, 三亿 (also 两, 零 and 〇).
pub fn parse_chinese(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let digit = |c: char| -> Option<u64> {
        match c {
            '〇' | '零' => Some(0),
            '两' => Some(2),
            _ => CHINESE_DIGITS.iter().position(|&d| d == c).map(|p| p as u64),
        }
    };
    // `total`: the groups of 亿 and 万 done; `section`: below 万 so far.
    let mut total = 0u64;
    let mut section = 0u64;
    let mut pending: Option<u64> = None;
    for c in s.chars() {
        match c {
            '十' | '百' | '千' => {
                let unit = match c {
                    '十' => 10,
                    '百' => 100,
                    _ => 1000,
                };
                section += pending.take().unwrap_or(1) * unit;
            }
            '万' | '亿' => {
                let unit = if c == '万' { 10_000 } else { 100_000_000 };
                let group = section + pending.take().unwrap_or(0);
                let group = if group == 0 { 1 } else { group };
                total = if unit > total { (total + group) * unit } else { total + group * unit };
                section = 0;
            }
            _ => {
                let d = digit(c)?;
                if pending.is_some_and(|p| p != 0) {
                    return None;
                }
                pending = Some(d);
            }
        }
        if total > u64::from(u32::MAX) {
            return None;
        }
    }
    let total = total + section + pending.unwrap_or(0);
    if total == 0 {
        return None;
    }
    u32::try_from(total).ok()
}

/// Parses Chinese digits written one per place, as years and older
/// resolution numbers are (一九四八 = 1948, 一八一 = 181, 二〇〇五 = 2005):
/// two or more digits, no unit characters, at most nine places.
pub fn parse_chinese_positional(s: &str) -> Option<u32> {
    let mut n = 0u32;
    let mut places = 0;
    for c in s.chars() {
        let d = if c == '零' { 0 } else { CHINESE_DIGITS.iter().position(|&d| d == c)? as u32 };
        n = n * 10 + d;
        places += 1;
    }
    (2..=9).contains(&places).then_some(n)
}

/// Formats `n` (1 and up) as a Chinese numeral: 一, 十, 十一, 二十一, 一百零五,
/// 一千零一十, 一万二千, 十万零一十.
pub fn to_chinese(n: u32) -> String {
    const UNITS: [char; 3] = ['千', '百', '十'];
    /// A group below 10,000; `after` says something was written before it.
    fn group(g: u32, after: bool, out: &mut String) {
        let digits = [g / 1000, g / 100 % 10, g / 10 % 10, g % 10];
        let mut any = false;
        let mut zero = false;
        for (i, &d) in digits.iter().enumerate() {
            if d == 0 {
                zero = any;
                continue;
            }
            if zero {
                out.push('零');
                zero = false;
            }
            // 十, 十一 … 十九 at the very start; 一十 after anything else.
            let bare_ten = i == 2 && d == 1 && !any && !after;
            if !bare_ten {
                out.push(CHINESE_DIGITS[d as usize]);
            }
            if i < 3 {
                out.push(UNITS[i]);
            }
            any = true;
        }
    }
    if n == 0 {
        return CHINESE_DIGITS[0].to_string();
    }
    let mut out = String::new();
    let mut rest = n;
    let mut started = false;
    for (unit, mark) in [(100_000_000, Some('亿')), (10_000, Some('万')), (1, None)] {
        let g = rest / unit;
        rest %= unit;
        if g == 0 {
            continue;
        }
        if started && g < 1000 {
            out.push('零');
        }
        group(g, started, &mut out);
        out.extend(mark);
        started = true;
    }
    out
}

/// Parses a letter numeral: `a` = 1 … `z` = 26, then `aa` = 27, `bb` = 28 …
/// (the UN doubles the letter after z). Case-insensitive.
pub fn parse_letter(s: &str) -> Option<u32> {
    let lower = s.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let first = *bytes.first()?;
    if !first.is_ascii_lowercase() || bytes.iter().any(|&b| b != first) || bytes.len() > 3 {
        return None;
    }
    Some((bytes.len() as u32 - 1) * 26 + (first - b'a') as u32 + 1)
}

/// Formats a letter numeral: 1 = `a`, 27 = `aa`.
pub fn to_letter(n: u32) -> String {
    if n == 0 {
        return String::new();
    }
    let idx = (n - 1) % 26;
    let count = (n - 1) / 26 + 1;
    std::iter::repeat_n((b'a' + idx as u8) as char, count as usize).collect()
}

/// Parses a run of ASCII or Arabic-Indic digits.
pub fn parse_digits(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 24 {
        return None;
    }
    let mut n: u32 = 0;
    for c in s.chars() {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '\u{660}'..='\u{669}' => c as u32 - 0x660,
            '\u{6F0}'..='\u{6F9}' => c as u32 - 0x6F0,
            '０'..='９' => c as u32 - '０' as u32,
            _ => return None,
        };
        n = n.checked_mul(10)?.checked_add(d)?;
    }
    Some(n)
}

/// Arabic marks that do not change a word: tatweel (U+0640), the harakat and
/// other combining marks (U+064B–U+065F) and the superscript alef (U+0670).
pub fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{640}' | '\u{64B}'..='\u{65F}' | '\u{670}')
}

/// Folds Arabic text for comparison: drops tatweel and diacritics, writes
/// every alef with hamza or madda as a bare alef and alef maqsura as ya,
/// decomposes the lam-alef ligatures and the presentation forms of heh that
/// older documents carry, and collapses runs of blanks. Other text is kept.
pub fn fold_arabic(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim().chars() {
        if is_arabic_mark(c) {
            continue;
        }
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ى' => out.push('ي'),
            '\u{FEF5}'..='\u{FEFC}' => out.push_str("لا"),
            '\u{FEE9}'..='\u{FEEC}' => out.push('ه'),
            _ => out.push(c),
        }
    }
    out
}

/// Subparagraph letters in the Arabic (abjad) order of UN documents.
pub const ARABIC_LETTERS: [&str; 28] = [
    "أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص", "ق", "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ",
    "غ",
];

/// The names of those letters, which number subsections (`ألف - …` is `A. …`).
pub const ARABIC_LETTER_NAMES: [&str; 28] = [
    "ألف", "باء", "جيم", "دال", "هاء", "واو", "زاي", "حاء", "طاء", "ياء", "كاف", "لام", "ميم", "نون", "سين", "عين", "فاء", "صاد", "قاف",
    "راء", "شين", "تاء", "ثاء", "خاء", "ذال", "ضاد", "ظاء", "غين",
];

const ARABIC_ORDINAL_UNITS: [&str; 10] = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"];
const ARABIC_ORDINAL_UNITS_F: [&str; 10] =
    ["الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة", "التاسعة", "العاشرة"];
const ARABIC_ADVERBIAL_UNITS: [&str; 10] = ["أولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "سادسا", "سابعا", "ثامنا", "تاسعا", "عاشرا"];
const ARABIC_BARE_UNITS: [&str; 10] = ["حادي", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع", "عاشر"];

/// The largest number the Arabic ordinal words are written for here.
pub const ARABIC_ORDINAL_MAX: u32 = 39;

/// The `n`th entry (1-based) of a table of Arabic words; other values as digits.
fn format_in(table: &[&str], n: u32) -> String {
    match (n as usize).checked_sub(1).and_then(|i| table.get(i)) {
        Some(word) => word.to_string(),
        None => n.to_string(),
    }
}

/// The position (1-based) of `s` in a table of Arabic words, seeing through
/// tatweel, diacritics and alef forms.
fn parse_in(table: &[&str], s: &str) -> Option<u32> {
    let folded = fold_arabic(s);
    table.iter().position(|l| fold_arabic(l) == folded).map(|p| p as u32 + 1)
}

/// Formats `n` (1 ..= 28) as an Arabic subparagraph letter; other values as digits.
pub fn to_arabic_letter(n: u32) -> String {
    format_in(&ARABIC_LETTERS, n)
}

/// Parses an Arabic subparagraph letter (`أ`, `ب`, `هـ`, …) as 1, 2, 5 ….
pub fn parse_arabic_letter(s: &str) -> Option<u32> {
    parse_in(&ARABIC_LETTERS, s)
}

/// Formats `n` (1 ..= 28) as the name of an Arabic letter; other values as digits.
pub fn to_arabic_letter_name(n: u32) -> String {
    format_in(&ARABIC_LETTER_NAMES, n)
}

/// Parses an Arabic letter name (`ألف` = 1, `باء` = 2, …).
pub fn parse_arabic_letter_name(s: &str) -> Option<u32> {
    parse_in(&ARABIC_LETTER_NAMES, s)
}

/// Formats `n` (1 ..= 39) as a masculine ordinal with the article, as Arabic
/// numbers chapters, parts, sections and annexes: `الأول`, `الحادي عشر`,
/// `الثاني والعشرون`; other values as digits.
pub fn to_arabic_ordinal(n: u32) -> String {
    let unit = |u: u32, eleven: bool| -> String {
        if u == 1 && eleven {
            "الحادي".to_string()
        } else {
            ARABIC_ORDINAL_UNITS[u as usize - 1].to_string()
        }
    };
    match n {
        1..=10 => unit(n, false),
        11..=19 => format!("{} عشر", unit(n - 10, true)),
        20 => "العشرون".to_string(),
        21..=29 => format!("{} والعشرون", unit(n - 20, true)),
        30 => "الثلاثون".to_string(),
        31..=39 => format!("{} والثلاثون", unit(n - 30, true)),
        _ => n.to_string(),
    }
}

/// Formats `n` (1 ..= 39) as the ordinal adverb that numbers the chapters of a
/// report (`أولا -` for `I.`): `أولا`, `حادي عشر`, `ثاني وعشرون`.
pub fn to_arabic_adverbial(n: u32) -> String {
    match n {
        1..=10 => ARABIC_ADVERBIAL_UNITS[n as usize - 1].to_string(),
        11..=19 => format!("{} عشر", ARABIC_BARE_UNITS[(n - 11) as usize]),
        20 => "عشرون".to_string(),
        21..=29 => format!("{} وعشرون", ARABIC_BARE_UNITS[(n - 21) as usize]),
        30 => "ثلاثون".to_string(),
        31..=39 => format!("{} وثلاثون", ARABIC_BARE_UNITS[(n - 31) as usize]),
        _ => n.to_string(),
    }
}

fn arabic_word_table() -> &'static [(String, u32, bool)] {
    use std::sync::OnceLock;
    static TABLE: OnceLock<Vec<(String, u32, bool)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        // (folded word, value, adverbial?)
        let mut t = Vec::new();
        for n in 1..=ARABIC_ORDINAL_MAX {
            t.push((fold_arabic(&to_arabic_ordinal(n)), n, false));
            t.push((fold_arabic(&to_arabic_adverbial(n)), n, true));
        }
        // Feminine ordinals (`المادة الأولى`, `الحادية عشرة`) are read, never written.
        for (i, w) in ARABIC_ORDINAL_UNITS_F.iter().enumerate() {
            t.push((fold_arabic(w), i as u32 + 1, false));
            if i < 9 {
                let eleven = if i == 0 { "الحادية" } else { w };
                t.push((fold_arabic(&format!("{eleven} عشرة")), i as u32 + 11, false));
            }
        }
        t
    })
}

/// Parses an Arabic ordinal with the article (`الأول`, `الثاني عشر`, and the
/// feminine `الأولى`).
pub fn parse_arabic_ordinal(s: &str) -> Option<u32> {
    let folded = fold_arabic(s);
    arabic_word_table().iter().find(|(w, _, adv)| !adv && *w == folded).map(|(_, n, _)| *n)
}

/// Parses an Arabic ordinal adverb (`أولا`, `أولاً`, `ثاني عشر`).
pub fn parse_arabic_adverbial(s: &str) -> Option<u32> {
    let folded = fold_arabic(s);
    arabic_word_table().iter().find(|(w, _, adv)| *adv && *w == folded).map(|(_, n, _)| *n)
}

/// Every written form of the Arabic ordinals and ordinal adverbs up to
/// [`ARABIC_ORDINAL_MAX`] (for building patterns), longest first.
pub fn arabic_ordinal_words(adverbial: bool) -> Vec<String> {
    let mut words: Vec<String> =
        (1..=ARABIC_ORDINAL_MAX).map(|n| if adverbial { to_arabic_adverbial(n) } else { to_arabic_ordinal(n) }).collect();
    if !adverbial {
        words.extend(ARABIC_ORDINAL_UNITS_F.iter().map(|w| w.to_string()));
        words.extend((0..9).map(|i| {
            let w = if i == 0 { "الحادية" } else { ARABIC_ORDINAL_UNITS_F[i] };
            format!("{w} عشرة")
        }));
    }
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    words
}

/// Folds a capital letter written with a Cyrillic look-alike (`А`, `В`, `С`
/// in Russian texts) to its Latin letter, and parses it as a letter numeral.
pub fn parse_capital_letter(s: &str) -> Option<u32> {
    let latin: String = s.chars().map(cyrillic_to_latin).collect();
    if latin.chars().all(|c| c.is_ascii_uppercase()) {
        parse_letter(&latin)
    } else {
        None
    }
}

/// The Latin letter a Cyrillic capital or small letter looks like (`А` → `A`,
/// `В` → `B`, `с` → `c`); other characters unchanged.
pub fn cyrillic_to_latin(c: char) -> char {
    match c {
        'А' => 'A',
        'В' => 'B',
        'С' => 'C',
        'Е' => 'E',
        'Н' => 'H',
        'К' => 'K',
        'М' => 'M',
        'О' => 'O',
        'Р' => 'P',
        'Т' => 'T',
        'Х' => 'X',
        'а' => 'a',
        'с' => 'c',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'х' => 'x',
        _ => c,
    }
}

/// Parses a number written as a word in a heading or a vote: English, French,
/// Spanish and Russian cardinals and ordinals up to six ("one", "first",
/// "première", "premier", "primera", "первая"), French and Spanish "1er",
/// the words for none and the Arabic words of votes (`صوت واحد`, `عضوين`).
pub fn parse_number_word(s: &str) -> Option<u32> {
    let lower = s.trim().to_lowercase();
    let lower = lower.as_str();
    // The words are in the tables (`number_words`); Arabic ones are read
    // without diacritics or tatweel.
    let words = || Language::ALL.into_iter().flat_map(|lang| tables::number_words(lang).iter());
    if let Some((_, n)) = words().find(|(w, _)| *w == lower) {
        return Some(*n);
    }
    let folded = fold_arabic(lower);
    words().find(|(w, _)| *w == folded).map(|(_, n)| *n)
}

/// Parses the number of a section, chapter or annex as written in any
/// language: Roman, Chinese, digits, Arabic ordinal or ordinal adverb.
pub fn parse_section_numeral(s: &str) -> Option<u32> {
    parse_roman(s)
        .or_else(|| parse_chinese(s))
        .or_else(|| parse_digits(s))
        .or_else(|| parse_arabic_ordinal(s))
        .or_else(|| parse_arabic_adverbial(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_round_trip_and_rejects_malformed() {
        for n in 1..=400 {
            assert_eq!(parse_roman(&to_roman(n)), Some(n));
            assert_eq!(parse_roman(&to_roman(n).to_lowercase()), Some(n));
        }
        assert_eq!(parse_roman("IIII"), None);
        assert_eq!(parse_roman("VX"), None);
        assert_eq!(parse_roman("A"), None);
    }

    #[test]
    fn chinese_digits_one_per_place() {
        assert_eq!(parse_chinese_positional("一九四八"), Some(1948));
        assert_eq!(parse_chinese_positional("一八一"), Some(181));
        assert_eq!(parse_chinese_positional("二〇〇五"), Some(2005));
        assert_eq!(parse_chinese_positional("四十六"), None);
        assert_eq!(parse_chinese_positional("三"), None);
        assert_eq!(parse_chinese_positional(""), None);
    }

    #[test]
    fn chinese_round_trip() {
        for n in 1..=999 {
            assert_eq!(parse_chinese(&to_chinese(n)), Some(n), "{}", to_chinese(n));
        }
        assert_eq!(parse_chinese("五十一"), Some(51));
        assert_eq!(parse_chinese("十"), Some(10));
        assert_eq!(parse_chinese("七十二"), Some(72));
        assert_eq!(parse_chinese("节"), None);
    }

    #[test]
    fn chinese_numerals_of_any_size() {
        for n in (1..=20_000).chain([99_999, 100_000, 100_010, 1_000_001, 12_345_678, 100_000_000, 100_000_001, u32::MAX]) {
            assert_eq!(parse_chinese(&to_chinese(n)), Some(n), "{}", to_chinese(n));
        }
        for (s, n) in [
            ("一百", 100),
            ("一百零一", 101),
            ("一百一十", 110),
            ("三百八十六", 386),
            ("一千", 1000),
            ("一千零一", 1001),
            ("两千", 2000),
            ("一万二千", 12_000),
            ("十万零一十", 100_010),
            ("三亿", 300_000_000),
            ("一亿零五万", 100_050_000),
        ] {
            assert_eq!(parse_chinese(s), Some(n), "{s}");
            assert_eq!(to_chinese(n), s.replace('两', "二"), "{n}");
        }
        assert_eq!(parse_chinese("一二"), None, "digits side by side are not a numeral");
        assert_eq!(parse_chinese("五十亿"), None, "past u32");
    }

    #[test]
    fn letters_after_z_double() {
        assert_eq!(parse_letter("a"), Some(1));
        assert_eq!(parse_letter("z"), Some(26));
        assert_eq!(parse_letter("aa"), Some(27));
        assert_eq!(parse_letter("ab"), None);
        assert_eq!(to_letter(28), "bb");
    }

    #[test]
    fn digits_in_three_scripts() {
        assert_eq!(parse_digits("15"), Some(15));
        assert_eq!(parse_digits("١٥"), Some(15));
        assert_eq!(parse_digits("１５"), Some(15));
        assert_eq!(parse_digits("99999999999999999999"), None);
    }
    #[test]
    fn arabic_letters_round_trip_through_tatweel_and_diacritics() {
        for n in 1..=28 {
            assert_eq!(parse_arabic_letter(&to_arabic_letter(n)), Some(n));
            assert_eq!(parse_arabic_letter_name(&to_arabic_letter_name(n)), Some(n));
        }
        assert_eq!(parse_arabic_letter("ه"), Some(5));
        assert_eq!(parse_arabic_letter("ﻫ"), Some(5));
        assert_eq!(parse_arabic_letter("ا"), Some(1));
        assert_eq!(parse_arabic_letter_name("بـاء"), Some(2));
        assert_eq!(parse_arabic_letter_name("جِيم"), Some(3));
        assert_eq!(parse_arabic_letter_name("كلب"), None);
        assert_eq!(to_arabic_letter(29), "29");
    }

    #[test]
    fn arabic_ordinals_round_trip() {
        for n in 1..=ARABIC_ORDINAL_MAX {
            assert_eq!(parse_arabic_ordinal(&to_arabic_ordinal(n)), Some(n), "{}", to_arabic_ordinal(n));
            assert_eq!(parse_arabic_adverbial(&to_arabic_adverbial(n)), Some(n), "{}", to_arabic_adverbial(n));
        }
        assert_eq!(to_arabic_ordinal(2), "الثاني");
        assert_eq!(to_arabic_ordinal(11), "الحادي عشر");
        assert_eq!(to_arabic_ordinal(22), "الثاني والعشرون");
        assert_eq!(to_arabic_adverbial(12), "ثاني عشر");
        // Hamza, tanwin, tatweel and the lam-alef ligature do not matter.
        assert_eq!(parse_arabic_ordinal("الاول"), Some(1));
        assert_eq!(parse_arabic_ordinal("اﻷولى"), Some(1));
        assert_eq!(parse_arabic_ordinal("الثـالث"), Some(3));
        assert_eq!(parse_arabic_ordinal("الحادية  عشرة"), Some(11));
        assert_eq!(parse_arabic_adverbial("أولاً"), Some(1));
        assert_eq!(parse_arabic_adverbial("ثانيـاً"), Some(2));
        assert_eq!(parse_arabic_adverbial("الأول"), None);
        assert_eq!(parse_arabic_ordinal("أولا"), None);
        assert_eq!(parse_section_numeral("الثاني"), Some(2));
        assert_eq!(parse_section_numeral("II"), Some(2));
        assert_eq!(parse_section_numeral("二"), Some(2));
        let words = arabic_ordinal_words(false);
        assert!(words.iter().position(|w| w == "الثاني عشر") < words.iter().position(|w| w == "الثاني"));
    }

    #[test]
    fn cyrillic_look_alikes_and_number_words() {
        assert_eq!(parse_capital_letter("В"), Some(2));
        assert_eq!(parse_capital_letter("C"), Some(3));
        assert_eq!(parse_capital_letter("Б"), None);
        assert_eq!(parse_number_word("Première"), Some(1));
        assert_eq!(parse_number_word("une"), Some(1));
        assert_eq!(parse_number_word("ninguna"), Some(0));
        assert_eq!(parse_number_word("первая"), Some(1));
        assert_eq!(parse_number_word("عضوين"), Some(2));
        assert_eq!(parse_number_word("صوت واحد"), Some(1));
        assert_eq!(parse_number_word("seven"), None);
    }
}
