//! Month names of the languages' dates, used to read the date of a masthead
//! (the Akoma Ntoso export's FRBR date).

/// Month names as dates write them (`18 October 2018`, `18 octobre 2018`,
/// `18 de octubre de 2018`, `18 октября 2018 года`, `18 أكتوبر 2018`), by
/// month: English, French, Spanish, Russian (genitive) and Arabic; Chinese
/// dates are numeric (`2018年10月18日`).
pub const MONTHS: [&[&str]; 12] = [
    &["january", "janvier", "enero", "января", "يناير"],
    &["february", "février", "fevrier", "febrero", "февраля", "فبراير"],
    &["march", "mars", "marzo", "марта", "مارس"],
    &["april", "avril", "abril", "апреля", "أبريل", "ابريل"],
    &["may", "mai", "mayo", "мая", "مايو"],
    &["june", "juin", "junio", "июня", "يونيه", "يونيو"],
    &["july", "juillet", "julio", "июля", "يوليه", "يوليو"],
    &["august", "août", "aout", "agosto", "августа", "أغسطس"],
    &["september", "septembre", "septiembre", "setiembre", "сентября", "سبتمبر"],
    &["october", "octobre", "octubre", "октября", "أكتوبر"],
    &["november", "novembre", "noviembre", "ноября", "نوفمبر"],
    &["december", "décembre", "decembre", "diciembre", "декабря", "ديسمبر"],
];

/// The month (1–12) a name gives, in any of the languages, case-insensitive.
pub fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    MONTHS.iter().position(|names| names.contains(&lower.as_str())).map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    #[test]
    fn months_in_every_language() {
        for (name, month) in [("January", 1), ("octobre", 10), ("diciembre", 12), ("августа", 8), ("يونيو", 6), ("Août", 8)] {
            assert_eq!(super::month_number(name), Some(month), "{name}");
        }
        assert_eq!(super::month_number("Monday"), None);
    }
}
