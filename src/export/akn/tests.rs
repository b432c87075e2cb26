//! Unit tests of the Akoma Ntoso export: structure, references, votes,
//! metadata, escaping, and that no text is lost.

use super::*;
use crate::diagnostics::DiagnosticsConfig;
use crate::lang::Language;

fn export(text: &str, lang: Language) -> String {
    to_akn(&Analysis::new(text, Some(lang), &DiagnosticsConfig::all_enabled()))
}

/// The character data of `xml` (a document this module writes: no
/// comments, CDATA or processing instructions after the declaration),
/// references decoded.
fn char_data(xml: &str) -> String {
    let body = &xml[xml.find("?>").map_or(0, |i| i + 2)..];
    let mut out = String::new();
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        decode(&rest[..lt], &mut out);
        let gt = rest[lt..].find('>').expect("tag closed") + lt;
        rest = &rest[gt + 1..];
    }
    decode(rest, &mut out);
    out
}

fn decode(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let semi = rest[amp..].find(';').expect("reference closed") + amp;
        let name = &rest[amp + 1..semi];
        match name {
            "amp" => out.push('&'),
            "lt" => out.push('<'),
            "gt" => out.push('>'),
            "quot" => out.push('"'),
            "apos" => out.push('\''),
            n if n.starts_with("#x") => out.push(char::from_u32(u32::from_str_radix(&n[2..], 16).unwrap()).unwrap()),
            n if n.starts_with('#') => out.push(char::from_u32(n[1..].parse().unwrap()).unwrap()),
            other => panic!("unknown entity {other}"),
        }
        rest = &rest[semi + 1..];
    }
    out.push_str(rest);
}

/// The text without the markup the analysis masks.
fn without_markup(text: &str) -> String {
    let (masked, _) = crate::syntax::mask::mask(text);
    text.char_indices().filter(|&(i, c)| c == ' ' || masked.as_bytes()[i] != b' ').map(|(_, c)| c).collect()
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

const RESOLUTION: &str = "United Nations\n\nA/RES/80/1\n\nGeneral Assembly\n\nDistr.: General\n18 October 2025\n\n\
Resolution adopted by the General Assembly\n\nThe General Assembly,\n\nRecalling its resolution 72/57,\n\n\
Noting **with concern** the report A/80/2,\n\n1. Decides to convene the conference referred to in paragraph 2;\n\n\
2. Requests the Secretary-General:\n\n(a) To report;\n\n(b) To act in accordance with paragraph 1 of resolution 2370 (2017);\n\n\
3. Adopts the annex to the present resolution by a recorded vote of 3 to 1, with 1 abstention:\n\n\
In favour:\nAlgeria, Brazil, France\n\nAgainst:\nKenya\n\nAbstaining:\nMexico\n\n\
Annex\n\nRules of the conference\n\n1. The conference meets in New York.\n";

#[test]
fn a_resolution_is_a_statement_with_preface_preamble_body_and_attachment() {
    let xml = export(RESOLUTION, Language::En);
    assert!(xml.contains("<statement name=\"resolution\">"), "{xml}");
    assert!(xml.contains("<preface eId=\"preface\"><p>United Nations</p>"), "{xml}");
    assert!(xml.contains("<docNumber>A/RES/80/1</docNumber>"), "{xml}");
    assert!(xml.contains("<docDate date=\"2025-10-18\">18 October 2025</docDate>"), "{xml}");
    assert!(xml.contains("<preamble eId=\"preamble\"><formula name=\"actingEntity\"><p>The General Assembly,</p></formula>"), "{xml}");
    assert!(xml.contains("<recitals><recital eId=\"preamble__rec_1\"><p>Recalling its <ref"), "{xml}");
    assert!(xml.contains("<ref href=\"/akn/un/statement/deliberation/unga/72-57\">resolution 72/57</ref>"), "{xml}");
    assert!(xml.contains("<ref href=\"/akn/un/doc/unga/80-2\">A/80/2</ref>"), "{xml}");
    // Markup the analysis masks is left out.
    assert!(xml.contains("<p>Noting with concern the report <ref"), "{xml}");
    assert!(!xml.contains("**"), "{xml}");
    assert!(xml.contains("<mainBody>"), "{xml}");
    assert!(xml.contains("<paragraph eId=\"para_1\"><num>1.</num> <content><p>Decides"), "{xml}");
    assert!(xml.contains("<ref href=\"#para_2\">paragraph 2</ref>"), "{xml}");
    assert!(xml.contains("<paragraph eId=\"para_2\"><num>2.</num> <intro><p>Requests the Secretary-General:</p></intro>"), "{xml}");
    assert!(
        xml.contains("<subparagraph eId=\"para_2__subpara_a\"><num>(a)</num> <content><p>To report;</p></content></subparagraph>"),
        "{xml}"
    );
    assert!(xml.contains("<ref href=\"/akn/un/statement/deliberation/unsc/2370-2017\">"), "{xml}");
    // The vote: figures in the text, lists as containers, counts in the metadata.
    assert!(xml.contains("<quantity refersTo=\"#inFavour\" normalized=\"3\">3</quantity>"), "{xml}");
    assert!(xml.contains("<hcontainer name=\"inFavour\" eId=\"para_3__vote__for\"><heading>In favour:</heading>"), "{xml}");
    assert!(xml.contains("<count value=\"3\" refersTo=\"#inFavour\" href=\"#para_3__vote__for\" rap:listed=\"3\"/>"), "{xml}");
    assert!(xml.contains("<attachments><attachment eId=\"annex\"><num>Annex</num>"), "{xml}");
    assert!(xml.contains("<heading>Rules of the conference</heading><doc name=\"annex\"><meta>"), "{xml}");
    assert!(xml.contains("<paragraph eId=\"annex__para_1\">"), "{xml}");
    // FRBR metadata from the masthead.
    assert!(xml.contains("<FRBRuri value=\"/akn/un/statement/deliberation/unga/80-1\"/>"), "{xml}");
    assert!(xml.contains("<FRBRdate date=\"2025-10-18\" name=\"masthead\"/>"), "{xml}");
    assert!(xml.contains("<FRBRnumber value=\"A/RES/80/1\"/>"), "{xml}");
    assert!(xml.contains("<FRBRlanguage language=\"eng\"/>"), "{xml}");
    assert!(xml.contains("<FRBRthis value=\"/akn/un/statement/deliberation/unga/80-1/!annex\"/>"), "{xml}");
    // Nothing lost.
    assert_eq!(collapse(&char_data(&xml)), collapse(&without_markup(RESOLUTION)));
}

#[test]
fn a_report_is_a_doc() {
    let text = "United Nations\n\nA/80/605\n\nGeneral Assembly\n\nReport of the Secretary-General\n\n\
I. Introduction\n\n1. The present report responds to resolution 79/1.\n\nII. Findings\n\n2. See paragraph 1 above.\n";
    let xml = export(text, Language::En);
    assert!(xml.contains("<doc name=\"report\">"), "{xml}");
    assert!(!xml.contains("<statement"), "{xml}");
    assert!(xml.contains("<section eId=\"sec_I\"><num>I.</num> <heading>Introduction</heading>"), "{xml}");
    assert!(xml.contains("<ref href=\"#para_1\">paragraph 1 above</ref>"), "{xml}");
    assert!(xml.contains("<FRBRuri value=\"/akn/un/doc/unga/80-605\"/>"), "{xml}");
    // No date in the masthead and none in the symbol: the fallback.
    assert!(xml.contains("<FRBRdate date=\"0001-01-01\" name=\"unknown\"/>"), "{xml}");
    assert!(!xml.contains("<attachments>"), "{xml}");
    assert_eq!(collapse(&char_data(&xml)), collapse(&without_markup(text)));
}

#[test]
fn markup_is_left_out_without_a_trace() {
    let text = "# I. **Introduction**\n\n1. Recalls resolution [72/57](https://undocs.org/A/RES/72/57) and **its**annex.\n";
    let xml = export(text, Language::En);
    assert!(xml.contains("<heading>Introduction</heading>"), "{xml}");
    assert!(xml.contains("<ref href=\"/akn/un/statement/deliberation/unga/72-57\">resolution 72/57</ref> and itsannex."), "{xml}");
    assert!(!xml.contains("undocs") && !xml.contains('*') && !xml.contains("# I."), "{xml}");
    assert_eq!(collapse(&char_data(&xml)), "I. Introduction 1. Recalls resolution 72/57 and itsannex.");
}

#[test]
fn special_and_forbidden_characters_are_escaped_or_replaced() {
    let text = "1. Decides that a < b && c > \"d\" 'e';\u{1}\u{0} and\u{b}\u{c}then\u{FFFF}.\n\n2. Notes\u{3000}the\u{a0}text.\n";
    let xml = export(text, Language::En);
    assert!(xml.contains("a &lt; b &amp;&amp; c &gt; \"d\" 'e';\u{FFFD}\u{FFFD} and  then\u{FFFD}."), "{xml}");
    // No forbidden character is left anywhere.
    assert!(xml.chars().all(xml_allowed), "{xml:?}");
    // Non-XML whitespace inside text stays as written.
    assert!(xml.contains("Notes\u{3000}the\u{a0}text."), "{xml}");
    let mut attr_out = String::new();
    push_attr(&mut attr_out, "a\"b'c<d>&e\nf\u{1}");
    assert_eq!(attr_out, "a&quot;b&apos;c&lt;d&gt;&amp;e&#10;f\u{FFFD}");
    // Text equality, with the forbidden characters as written out.
    let expected: String = text
        .chars()
        .map(|c| match c {
            '\u{b}' | '\u{c}' => ' ',
            c if xml_allowed(c) => c,
            _ => '\u{FFFD}',
        })
        .collect();
    assert_eq!(collapse(&char_data(&xml)), collapse(&expected));
}

#[test]
fn mastheads_in_other_languages() {
    let m = {
        let fr = "Nations Unies\nA/RES/73/3\nDistr. générale\n18 octobre 2018\n";
        read_masthead(fr, 0, fr.len())
    };
    assert_eq!(m.symbol.as_ref().map(|s| s.0.as_str()), Some("A/RES/73/3"));
    assert_eq!(m.date.as_ref().map(|d| d.0.as_str()), Some("2018-10-18"));
    let zh = "联合国\nA/CONF.192/2018/RC/3*\n2018年6月18日至29日，纽约\n";
    let m = read_masthead(zh, 0, zh.len());
    assert_eq!(m.symbol.as_ref().map(|s| s.0.as_str()), Some("A/CONF.192/2018/RC/3"));
    assert_eq!(m.date.as_ref().map(|d| d.0.as_str()), Some("2018-06-18"));
    let (_, (s, e)) = m.symbol.unwrap();
    assert_eq!(&zh[s..e], "A/CONF.192/2018/RC/3");
    let es = "Naciones Unidas\nS/RES/2370 (2017)\n2 de agosto de 2017\n";
    let m = read_masthead(es, 0, es.len());
    assert_eq!(m.date.as_ref().map(|d| d.0.as_str()), Some("2017-08-02"));
    let ru = "Организация Объединенных Наций\n18 октября 2018 года\n";
    assert_eq!(read_masthead(ru, 0, ru.len()).date.map(|d| d.0), Some("2018-10-18".to_string()));
    // A table cell, front matter, a symbol with a parenthetical and a part.
    for (text, symbol, date) in [
        ("联合国 | S/RES/1985 (2011) |\n安全理事会 | Distr.: General 10 June 2011 |\n", "S/RES/1985 (2011)", "2011-06-10"),
        ("---\nsymbol: A/RES/80/11\ndate: \"2025-12-01\"\n---\n", "A/RES/80/11", "2025-12-01"),
        ("---\nsymbol: \"A/RES/80/12\"\n---\nDistr.: General 1 December 2025\n", "A/RES/80/12", "2025-12-01"),
        ("United Nations\n\nA/81/6 (Sect. 14)/Part A*\n\nDistr.: General 18 March 2026\n", "A/81/6 (Sect. 14)/Part A", "2026-03-18"),
        ("United Nations S/RES/1445 (2002)\n\nSecurity Council Distr.: General\n4 December 2002\n", "S/RES/1445 (2002)", "2002-12-04"),
    ] {
        let m = read_masthead(text, 0, text.len());
        let (found, (s, e)) = m.symbol.unwrap_or_else(|| panic!("no symbol in {text:?}"));
        assert_eq!((found.as_str(), &text[s..e]), (symbol, symbol));
        assert_eq!(m.date.map(|d| d.0).as_deref(), Some(date), "{text:?}");
    }
    // A line that merely mentions a symbol is not the masthead's symbol; an
    // impossible date is no date.
    let m = {
        let t = "Report on A/80/1 and more\n45 March 2020\n";
        read_masthead(t, 0, t.len())
    };
    assert_eq!(m, Masthead::default());
}

#[test]
fn iris_of_symbols_and_resolutions() {
    assert_eq!(symbol_iri("A/RES/73/3"), "/akn/un/statement/deliberation/unga/73-3");
    assert_eq!(symbol_iri("S/RES/2370 (2017)"), "/akn/un/statement/deliberation/unsc/2370-2017");
    assert_eq!(symbol_iri("A/CONF.192/2018/RC/1"), "/akn/un/doc/unga/CONF.192-2018-RC-1");
    assert_eq!(symbol_iri("A/80/605*"), "/akn/un/doc/unga/80-605");
    assert_eq!(symbol_iri("HRC/55/1"), "/akn/un/doc/hrc/55-1");
    assert_eq!(external_iri(External::GaResolution, "3363 (XXX)", None).unwrap(), "/akn/un/statement/deliberation/unga/3363-XXX");
    assert_eq!(external_iri(External::GaResolution, "377 А (V)", None).unwrap(), "/akn/un/statement/deliberation/unga/377-%D0%90-V");
    let of = (External::ScResolution, "986 (1995)".to_string());
    assert_eq!(external_iri(External::Provision, "paragraph 8", Some(&of)).unwrap(), "/akn/un/statement/deliberation/unsc/986-1995");
    assert_eq!(external_iri(External::Other, "Programme of Action", None), None);
}

#[test]
fn every_node_keeps_its_eid() {
    let a = Analysis::new(RESOLUTION, Some(Language::En), &DiagnosticsConfig::all_enabled());
    let xml = to_akn(&a);
    for id in 0..a.document.nodes.len() {
        let eid = a.document.eid(id);
        assert!(xml.contains(&format!("eId=\"{eid}\"")), "{eid} missing in {xml}");
    }
}

#[test]
fn a_bullet_before_a_subparagraph_goes_with_it() {
    let text = "1. Decides:\n - (a) To report;\n - (b) To act.\n\n2. Notes.\n";
    let xml = export(text, Language::En);
    assert!(xml.contains("<intro><p>Decides:</p></intro>"), "{xml}");
    assert!(xml.contains("<subparagraph eId=\"para_1__subpara_b\"><num>- (b)</num>"), "{xml}");
    assert!(!xml.contains("continuation"), "{xml}");
    assert_eq!(collapse(&char_data(&xml)), collapse(text));
}

#[test]
fn arabic_paragraph_numbers_keep_their_dash() {
    let text = "أولا - مقدمة\n\n1 - تقرر أن تعقد المؤتمر؛\n\n2 - تطلب إلى الأمين العام.\n";
    let xml = export(text, Language::Ar);
    assert!(xml.contains("<section eId=\"sec_I\"><num>أولا -</num> <heading>مقدمة</heading>"), "{xml}");
    assert!(xml.contains("<paragraph eId=\"para_1\"><num>1 -</num> <content><p>تقرر"), "{xml}");
    assert_eq!(collapse(&char_data(&xml)), collapse(text));
}

#[test]
fn a_masthead_that_names_its_resolution_gives_the_symbol() {
    let text = "Resolution 687 (1991)\nof 3 April 1991\n\nThe Security Council,\n\nRecalling its resolution 660 (1990),\n\n1. Decides to remain seized of the matter.\n";
    let xml = export(text, Language::En);
    assert!(xml.contains("<statement name=\"resolution\">"), "{xml}");
    assert!(xml.contains("<p><docNumber>Resolution 687 (1991)</docNumber></p>"), "{xml}");
    assert!(xml.contains("<FRBRnumber value=\"S/RES/687 (1991)\"/>"), "{xml}");
    assert!(xml.contains("<FRBRuri value=\"/akn/un/statement/deliberation/unsc/687-1991\"/>"), "{xml}");
    assert!(xml.contains("<FRBRdate date=\"1991-04-03\" name=\"masthead\"/>"), "{xml}");
    assert!(xml.contains("<ref href=\"/akn/un/statement/deliberation/unsc/660-1990\">"), "{xml}");
    // Later lines do not name the document.
    let t = "Report\n\nof the Committee\n\nSee also A/80/2\n";
    let m = read_masthead(t, 0, t.len());
    assert_eq!(m.symbol, None);
}
