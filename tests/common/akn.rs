//! What the Akoma Ntoso export must keep of a document's text (used by
//! `tests/akn.rs` on every real document and `tests/robustness.rs` on random
//! input): the character data of the XML (references decoded) is the text
//! with (1) the markup the analysis masks left out (the characters
//! `syntax::mask` blanks: `**` and `__`, the brackets and target of a
//! Markdown link, heading hashes and blockquote markers at the start of a
//! line, a BOM), (2) characters XML 1.0 forbids replaced (vertical tab and
//! form feed by a space, the others by U+FFFD), and (3) in both, every run of
//! whitespace collapsed to one space and the ends trimmed.

pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether XML 1.0 allows `c`.
pub fn xml_allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// The character data of an exported document, references decoded. The
/// export writes no comments, CDATA sections or processing instructions
/// after the declaration; anything else makes this fail.
pub fn char_data(xml: &str) -> String {
    let body = xml.strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").expect("XML declaration");
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        decode(&rest[..lt], &mut out);
        let tag = &rest[lt..];
        assert!(!tag.starts_with("<!") && !tag.starts_with("<?"), "unexpected markup {}", &tag[..tag.len().min(40)]);
        let gt = tag.find('>').expect("tag closed");
        rest = &tag[gt + 1..];
    }
    decode(rest, &mut out);
    out
}

fn decode(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let semi = rest[amp..].find(';').expect("reference closed") + amp;
        match &rest[amp + 1..semi] {
            "amp" => out.push('&'),
            "lt" => out.push('<'),
            "gt" => out.push('>'),
            "quot" => out.push('"'),
            "apos" => out.push('\''),
            n => {
                let code = match n.strip_prefix("#x") {
                    Some(hex) => u32::from_str_radix(hex, 16).unwrap(),
                    None => n.strip_prefix('#').unwrap_or_else(|| panic!("unknown entity &{n};")).parse().unwrap(),
                };
                out.push(char::from_u32(code).unwrap());
            }
        }
        rest = &rest[semi + 1..];
    }
    out.push_str(rest);
}

/// The text with the markup left out and forbidden characters replaced.
pub fn expected_text(text: &str, masked: &str) -> String {
    let replaced: String = text
        .char_indices()
        .filter(|&(i, c)| c == ' ' || masked.as_bytes()[i] != b' ')
        .map(|(_, c)| match c {
            '\u{b}' | '\u{c}' => ' ',
            c if xml_allowed(c) => c,
            _ => '\u{FFFD}',
        })
        .collect();
    collapse(&replaced)
}

/// `Err` with where they part when the XML's text is not the document's.
pub fn check_text(text: &str, masked: &str, xml: &str) -> Result<(), String> {
    let got = collapse(&char_data(xml));
    let want = expected_text(text, masked);
    if got == want {
        return Ok(());
    }
    let mut at = got.bytes().zip(want.bytes()).position(|(g, w)| g != w).unwrap_or(got.len().min(want.len()));
    while !got.is_char_boundary(at) || !want.is_char_boundary(at) {
        at -= 1;
    }
    let from = |s: &str| {
        let mut f = at.saturating_sub(80);
        while !s.is_char_boundary(f) {
            f -= 1;
        }
        f
    };
    let to = |s: &str| {
        let mut t = (at + 80).min(s.len());
        while !s.is_char_boundary(t) {
            t += 1;
        }
        t
    };
    Err(format!(
        "the text of the XML differs from the document's from byte {at}:\n  xml: {:?}\n  doc: {:?}",
        &got[from(&got)..to(&got)],
        &want[from(&want)..to(&want)]
    ))
}
