//! Numerals used in UN numbering: Roman (I, II / i, ii), Chinese (一, 二, 十一),
//! Latin letters ((a) … (z), (aa)), and Arabic-Indic digits.
//!
//! Every parser returns `None` for text that is not a well-formed numeral;
//! every formatter is the inverse of its parser.

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

/// Parses a Chinese numeral from 一 to 九百九十九 (also 两, 零 and 〇).
pub fn parse_chinese(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let digit = |c: char| -> Option<u32> {
        match c {
            '〇' | '零' => Some(0),
            '两' => Some(2),
            _ => CHINESE_DIGITS.iter().position(|&d| d == c).map(|p| p as u32),
        }
    };
    let mut total = 0u32;
    let mut pending: Option<u32> = None;
    let mut any = false;
    for c in s.chars() {
        match c {
            '百' => {
                total += pending.take().unwrap_or(1) * 100;
            }
            '十' => {
                total += pending.take().unwrap_or(1) * 10;
            }
            _ => {
                let d = digit(c)?;
                if pending.is_some_and(|p| p != 0) {
                    return None;
                }
                pending = Some(d);
            }
        }
        any = true;
    }
    total += pending.unwrap_or(0);
    if !any || total == 0 {
        return None;
    }
    Some(total)
}

/// Formats `n` (1 ..= 999) as a Chinese numeral: 一, 十, 十一, 二十一, 一百零五.
pub fn to_chinese(n: u32) -> String {
    let mut out = String::new();
    let hundreds = n / 100;
    let tens = (n / 10) % 10;
    let ones = n % 10;
    if hundreds > 0 {
        out.push(CHINESE_DIGITS[hundreds as usize]);
        out.push('百');
        if tens == 0 && ones > 0 {
            out.push('零');
        }
    }
    if tens > 0 {
        if !(tens == 1 && hundreds == 0) {
            out.push(CHINESE_DIGITS[tens as usize]);
        }
        out.push('十');
    }
    if ones > 0 {
        out.push(CHINESE_DIGITS[ones as usize]);
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
}
