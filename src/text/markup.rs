//! Escaping text for XML and HTML output: the one place the exports
//! (`export::akn`) and the revision diff's HTML page (`negotiation::html`)
//! turn a document's characters into markup.

/// Whether XML 1.0 allows `c` in a document.
pub fn xml_allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Appends `s` as character data: `&`, `<`, `>` escaped, characters XML
/// forbids replaced (vertical tab and form feed by a space, the others by
/// U+FFFD).
pub fn push_text(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if xml_allowed(c) => out.push(c),
            '\u{B}' | '\u{C}' => out.push(' '),
            _ => out.push('\u{FFFD}'),
        }
    }
}

/// Appends `s` as an attribute value (to go between double quotes).
pub fn push_attr(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Whitespace in attributes is normalised by parsers: keep it as
            // character references.
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if xml_allowed(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_escape_what_their_place_requires() {
        let mut text = String::new();
        push_text(&mut text, "a<b>&\"c\u{1}\u{C}");
        assert_eq!(text, "a&lt;b&gt;&amp;\"c\u{FFFD} ");
        let mut attr = String::new();
        push_attr(&mut attr, "a\"b'c\nd");
        assert_eq!(attr, "a&quot;b&apos;c&#10;d");
    }
}
