//! External references: General Assembly and Security Council resolutions,
//! document symbols, named instruments, rules of procedure and SDG goals,
//! targets and indicators. They are recognised, classified and checked
//! against the UN's grammar; they are never resolved into the document.

use std::borrow::Cow;

use crate::lang::numerals::{
    cyrillic_to_latin, fold_arabic, parse_arabic_letter, parse_arabic_letter_name, parse_roman, to_letter, to_roman,
};
use crate::text::TextRange;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExternalKind {
    GeneralAssemblyResolution,
    SecurityCouncilResolution,
    /// A resolution of another organ ("Human Rights Council resolution 33/11").
    OtherResolution,
    DocumentSymbol,
    Instrument,
    RuleOfProcedure,
    SdgGoal,
    SdgTarget,
    SdgIndicator,
    /// A paragraph, subparagraph, section or article of another text.
    Provision,
}

impl ExternalKind {
    pub fn name(self) -> &'static str {
        match self {
            ExternalKind::GeneralAssemblyResolution => "general_assembly_resolution",
            ExternalKind::SecurityCouncilResolution => "security_council_resolution",
            ExternalKind::OtherResolution => "other_resolution",
            ExternalKind::DocumentSymbol => "document_symbol",
            ExternalKind::Instrument => "instrument",
            ExternalKind::RuleOfProcedure => "rule_of_procedure",
            ExternalKind::SdgGoal => "sdg_goal",
            ExternalKind::SdgTarget => "sdg_target",
            ExternalKind::SdgIndicator => "sdg_indicator",
            ExternalKind::Provision => "provision",
        }
    }
}

/// An external reference, classified.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct External {
    pub kind: ExternalKind,
    /// The identifier: `72/57`, `2370 (2017)`, `A/CONF.192/2018/RC/1`,
    /// `Programme of Action`, `16.4`, `4` (a rule), `paragraph 10`.
    pub id: Box<str>,
    /// For a provision or a rule: the text it belongs to.
    pub of: Option<Box<External>>,
}

impl External {
    pub fn new(kind: ExternalKind, id: impl Into<String>) -> External {
        External { kind, id: id.into().into_boxed_str(), of: None }
    }

    /// The official document resolver's address, where there is one.
    pub fn url(&self) -> Option<String> {
        match self.kind {
            ExternalKind::GeneralAssemblyResolution => ga_resolution_symbol(&self.id).map(|s| format!("https://undocs.org/{s}")),
            ExternalKind::SecurityCouncilResolution => {
                let compact: String = self.id.chars().filter(|c| !c.is_whitespace()).collect();
                Some(format!("https://undocs.org/S/RES/{compact}"))
            }
            ExternalKind::DocumentSymbol => Some(format!("https://undocs.org/{}", self.id)),
            ExternalKind::SdgGoal | ExternalKind::SdgTarget | ExternalKind::SdgIndicator => {
                let goal = self.id.split('.').next().unwrap_or("");
                Some(format!("https://sdgs.un.org/goals/goal{goal}"))
            }
            ExternalKind::Provision | ExternalKind::RuleOfProcedure => self.of.as_ref().and_then(|o| o.url()),
            ExternalKind::OtherResolution => None,
            ExternalKind::Instrument => None,
        }
    }

    /// A description for a reader: "General Assembly resolution 72/57".
    pub fn describe(&self) -> String {
        match self.kind {
            ExternalKind::GeneralAssemblyResolution => format!("General Assembly resolution {}", self.id),
            ExternalKind::SecurityCouncilResolution => format!("Security Council resolution {}", self.id),
            ExternalKind::OtherResolution => match &self.of {
                Some(organ) => format!("{} resolution {}", organ.id, self.id),
                None => format!("resolution {}", self.id),
            },
            ExternalKind::DocumentSymbol => match decode_symbol(&self.id) {
                Some(d) => format!("document {} ({})", self.id, d),
                None => format!("document {}", self.id),
            },
            ExternalKind::Instrument => self.id.to_string(),
            ExternalKind::RuleOfProcedure => format!("rule {} of the rules of procedure", self.id),
            ExternalKind::SdgGoal => format!("Sustainable Development Goal {}", self.id),
            ExternalKind::SdgTarget => format!("SDG target {}", self.id),
            ExternalKind::SdgIndicator => format!("SDG indicator {}", self.id),
            ExternalKind::Provision => match &self.of {
                Some(of) => format!("{} of {}", self.id, of.describe()),
                None => self.id.to_string(),
            },
        }
    }
}

/// `72/57` → `A/RES/72/57`; `3363 (XXX)` → `A/RES/3363(XXX)`; `S-8/1` → `A/RES/S-8/1`.
fn ga_resolution_symbol(id: &str) -> Option<String> {
    let compact: String = id.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.is_empty() {
        return None;
    }
    Some(format!("A/RES/{compact}"))
}

/// Decodes a document symbol into its parts: organ, subsidiary body, year or
/// session, nature and modifiers.
pub fn decode_symbol(symbol: &str) -> Option<String> {
    let parts: Vec<&str> = symbol.split('/').collect();
    let organ = match *parts.first()? {
        "A" => "General Assembly",
        "S" => "Security Council",
        "E" => "Economic and Social Council",
        "ST" => "Secretariat",
        "TD" => "UNCTAD",
        "UNEP" => "UNEP",
        "CRC" => "Committee on the Rights of the Child",
        "HRC" => "Human Rights Council",
        "DP" => "UNDP Executive Board",
        _ => "United Nations body",
    };
    let mut out = vec![organ.to_string()];
    for p in &parts[1..] {
        let desc = if let Some(n) = p.strip_prefix("CONF.") {
            format!("conference {n}")
        } else if let Some(n) = p.strip_prefix("C.") {
            format!("Main Committee {n}")
        } else if let Some(n) = p.strip_prefix("AC.") {
            format!("ad hoc committee {n}")
        } else if let Some(n) = p.strip_prefix("CN.") {
            format!("commission {n}")
        } else if let Some(n) = p.strip_prefix("Rev.") {
            format!("revision {n}")
        } else if let Some(n) = p.strip_prefix("Add.") {
            format!("addendum {n}")
        } else if let Some(n) = p.strip_prefix("Corr.") {
            format!("corrigendum {n}")
        } else if let Some(n) = p.strip_prefix("L.") {
            format!("limited distribution (draft) {n}")
        } else if let Some(n) = p.strip_prefix("CRP.") {
            format!("conference room paper {n}")
        } else if let Some(n) = p.strip_prefix("PV.") {
            format!("verbatim record {n}")
        } else if let Some(n) = p.strip_prefix("SR.") {
            format!("summary record {n}")
        } else if let Some(n) = p.strip_prefix("WP.") {
            format!("working paper {n}")
        } else if *p == "RES" {
            "resolution".to_string()
        } else if *p == "INF" {
            "information series".to_string()
        } else if *p == "RC" {
            "review conference".to_string()
        } else if p.len() == 4 && p.chars().all(|c| c.is_ascii_digit()) {
            format!("year {p}")
        } else if p.chars().all(|c| c.is_ascii_digit()) {
            if out.len() == 1 && parts[0] == "A" {
                format!("session {p}")
            } else {
                format!("number {p}")
            }
        } else {
            p.to_string()
        };
        out.push(desc);
    }
    Some(out.join(", "))
}

/// The symbol written right, where [`symbol_problem`] knows how: `S` for
/// an OCR `$`, the spaces taken out, the full stop after `Rev`, `Add`, ….
pub fn symbol_correction(written: &str) -> Option<String> {
    if let Some(rest) = written.strip_prefix('$') {
        let rest: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
        return Some(format!("S{rest}"));
    }
    let wrapped = written.contains('\n') && written.split('\n').all(|part| !part.trim().contains(char::is_whitespace));
    if written.chars().any(char::is_whitespace) && !wrapped {
        return Some(written.chars().filter(|c| !c.is_whitespace()).collect());
    }
    let mut parts: Vec<String> = written.split('/').map(str::to_string).collect();
    for part in parts.iter_mut().skip(1) {
        for prefix in ["Rev", "Add", "Corr", "CRP", "PV", "SR", "WP", "Amend"] {
            if let Some(rest) = part.strip_prefix(prefix) {
                if rest.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                    *part = format!("{prefix}.{rest}");
                    return Some(parts.join("/"));
                }
            }
        }
    }
    None
}

/// What is wrong with a document symbol as written, if anything.
pub fn symbol_problem(written: &str) -> Option<String> {
    // OCR reads the S of the Security Council as `$`.
    if let Some(rest) = written.strip_prefix('$') {
        let rest: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
        return Some(format!("`$` where `S` should be (an OCR slip): `S{rest}`"));
    }
    // A symbol wrapped at a line end (`A/6000/` then `Rev.1` on the next
    // line of a hard-wrapped text) is layout, not a slip.
    let wrapped = written.contains('\n') && written.split('\n').all(|part| !part.trim().contains(char::is_whitespace));
    if written.chars().any(char::is_whitespace) && !wrapped {
        let fixed: String = written.chars().filter(|c| !c.is_whitespace()).collect();
        return Some(format!("a document symbol has no spaces: write `{fixed}`"));
    }
    for part in written.split('/').skip(1) {
        for prefix in ["Rev", "Add", "Corr", "CRP", "PV", "SR", "WP", "Amend"] {
            if let Some(rest) = part.strip_prefix(prefix) {
                if rest.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                    return Some(format!("`{part}` needs a full stop: `{prefix}.{rest}`"));
                }
            }
        }
        if part.is_empty() {
            return Some("a document symbol has an empty part (`//`)".to_string());
        }
    }
    if written.ends_with('/') {
        return Some("a document symbol does not end with `/`".to_string());
    }
    None
}

/// Classifies a resolution number as written (`72/57`, `2370 (2017)`,
/// `3363 (XXX)`, `31/16 A`, `S-8/1`), returning its kind and canonical id,
/// or a description of what is wrong.
pub fn classify_resolution(written: &str, security_council: bool) -> Result<(ExternalKind, String), String> {
    let canonical = canonical_resolution_number(written);
    let s = canonical.trim();
    // (made only where it is returned: most numbers cited have a year or a session)
    let compact_space = || s.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(open) = s.find('(') {
        let number = s[..open].trim();
        let inner = s[open + 1..].trim_end_matches(')').trim();
        // OCR slips: a letter in the number (`2I9`), an unclosed bracket (`1514 (XVD`).
        if let Some(bad) = number.chars().find(|c| !c.is_ascii_digit() && !c.is_whitespace() && !c.is_ascii_uppercase()) {
            return Err(format!("`{number}` is not a resolution number: `{bad}` where a digit should be"));
        }
        if number.chars().any(|c| c.is_ascii_alphabetic()) && !number.contains(' ') {
            return Err(format!("`{number}` is not a resolution number: a letter where a digit should be"));
        }
        if !s.trim_end().ends_with(')') {
            return Err(format!("`{}` is not closed: `{number} ({inner})`?", s.trim()));
        }
        if inner.len() == 4 && inner.chars().all(|c| c.is_ascii_digit()) {
            let year: u32 = inner.parse().unwrap_or(0);
            if !(FIRST_SC_YEAR..=LAST_SC_YEAR).contains(&year) {
                return Err(format!("`{inner}` is not a plausible year for a Security Council resolution"));
            }
            if let Some(why) = parse_digits_ascii(number).and_then(|n| impossible_security_council_year(n, year)) {
                return Err(why);
            }
            return Ok((ExternalKind::SecurityCouncilResolution, format!("{number} ({inner})")));
        }
        let session = inner.trim_start_matches("S-").trim_start_matches("ES-");
        if parse_roman(session).is_some() {
            return Ok((ExternalKind::GeneralAssemblyResolution, format!("{number} ({inner})")));
        }
        return Err(format!("`({inner})` is neither a year nor a session numeral"));
    }
    if security_council {
        return Err("a Security Council resolution is cited with its year: `2370 (2017)`".to_string());
    }
    // `1999/12`: a resolution of the Economic and Social Council or another organ that numbers by year.
    if s.split('/').next().is_some_and(|y| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit())) {
        return Ok((ExternalKind::OtherResolution, compact_space()));
    }
    Ok((ExternalKind::GeneralAssemblyResolution, compact_space()))
}

fn parse_digits_ascii(s: &str) -> Option<u32> {
    s.trim().parse().ok()
}

/// Security Council resolution numbers seen per year (1946–1994 and 2002):
/// `year,lowest_seen,highest_seen,seen`, from `data/sc_resolution_years.csv`
/// (sources in `data/SOURCES.md`).
const SC_RESOLUTION_YEARS: &str = include_str!("../../data/sc_resolution_years.csv");

/// The years a Security Council resolution can be of (`classify_resolution`).
const FIRST_SC_YEAR: u32 = 1946;
const LAST_SC_YEAR: u32 = 2100;

/// How far past the numbers seen in the neighbouring years a number may lie
/// and still be accepted (a resolution dated at the turn of a year).
const SC_YEAR_SLACK: u32 = 5;

/// Why Security Council resolution `number` cannot be of `year`, if it
/// certainly cannot: the Council numbers its resolutions consecutively, so a
/// resolution of a year has a number above every one seen for an earlier year
/// and below every one seen for a later year.
pub fn impossible_security_council_year(number: u32, year: u32) -> Option<String> {
    static YEARS: std::sync::OnceLock<Vec<(u32, u32, u32)>> = std::sync::OnceLock::new();
    let years = YEARS.get_or_init(|| {
        SC_RESOLUTION_YEARS
            .lines()
            .skip(1)
            .filter_map(|l| {
                let mut f = l.split(',').map(|x| x.trim().parse::<u32>().ok());
                Some((f.next()??, f.next()??, f.next()??))
            })
            .collect()
    });
    let bounds = |year: u32| {
        let before = years.iter().filter(|(y, _, _)| *y < year).map(|(_, _, hi)| *hi).max();
        let after = years.iter().filter(|(y, _, _)| *y > year).map(|(_, lo, _)| *lo).min();
        (before, after)
    };
    // The bounds of every year a resolution can be of, read once (two
    // passes over the table for every resolution cited were 0.2 M
    // instructions of the 1-MB English bench document).
    static BOUNDS: std::sync::OnceLock<Vec<(Option<u32>, Option<u32>)>> = std::sync::OnceLock::new();
    let known = BOUNDS.get_or_init(|| (FIRST_SC_YEAR..=LAST_SC_YEAR).map(bounds).collect());
    let (before, after) = match year.checked_sub(FIRST_SC_YEAR).and_then(|i| known.get(i as usize)) {
        Some(&b) => b,
        None => bounds(year),
    };
    let too_low = before.is_some_and(|hi| number + SC_YEAR_SLACK <= hi);
    let too_high = after.is_some_and(|lo| number >= lo + SC_YEAR_SLACK);
    if !too_low && !too_high {
        return None;
    }
    let range = match (before, after) {
        (Some(hi), Some(lo)) => format!("between {} and {}", hi + 1, lo.saturating_sub(1)),
        (Some(hi), None) => format!("above {hi}"),
        (None, Some(lo)) => format!("below {lo}"),
        (None, None) => return None,
    };
    let adopted = years
        .iter()
        .find(|(_, lo, hi)| (*lo..=*hi).contains(&number))
        .map(|(y, _, _)| format!(" (resolution {number} is of {y})"))
        .unwrap_or_default();
    Some(format!("Security Council resolution {number} cannot be of {year}: the resolutions of {year} are numbered {range}{adopted}"))
}

/// A resolution number as the English text writes it: Arabic-Indic digits as
/// ASCII, Cyrillic look-alike letters as Latin (`377 А (V)`), Arabic letter
/// names as letters and Arabic sessions as Roman numerals (`377 ألف (د-5)` →
/// `377 A (V)`, `61/53 ألف وباء` → `61/53 A and B`).
pub fn canonical_resolution_number(written: &str) -> Cow<'_, str> {
    if written.is_ascii() {
        return Cow::Borrowed(written);
    }
    let folded = fold_arabic(written);
    let mut out = String::with_capacity(folded.len());
    let chars: Vec<char> = folded.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if ('\u{660}'..='\u{669}').contains(&c) || ('\u{6F0}'..='\u{6F9}').contains(&c) {
            let base = if c >= '\u{6F0}' { 0x6F0 } else { 0x660 };
            out.push(char::from(b'0' + (c as u32 - base) as u8));
            i += 1;
            continue;
        }
        if is_arabic_letter(c) {
            let start = i;
            while i < chars.len() && is_arabic_letter(chars[i]) {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            // The session: `د-5`, `د - 5` (a parenthesis may already be there).
            if word == "د" {
                let mut j = i;
                while j < chars.len() && (chars[j] == ' ' || chars[j] == '-') {
                    j += 1;
                }
                let digits: String = chars[j..].iter().take_while(|d| d.is_ascii_digit() || ('\u{660}'..='\u{669}').contains(d)).collect();
                if let Some(n) = crate::lang::numerals::parse_digits(&digits).filter(|&n| n > 0) {
                    let roman = to_roman(n);
                    if out.ends_with('(') {
                        out.push_str(&roman);
                    } else {
                        if !out.is_empty() && !out.ends_with(' ') {
                            out.push(' ');
                        }
                        out.push('(');
                        out.push_str(&roman);
                        out.push(')');
                    }
                    i = j + digits.chars().count();
                    continue;
                }
            }
            // `وباء`: "and" glued to a letter name.
            let (and, name) = match word.strip_prefix('و') {
                Some(rest) if parse_arabic_letter_name(&word).is_none() && !rest.is_empty() => (true, rest.to_string()),
                _ => (false, word.clone()),
            };
            if and {
                out.push_str("and ");
            }
            match parse_arabic_letter_name(&name) {
                Some(n) => out.push_str(&to_letter(n).to_uppercase()),
                None if name == "و" => out.push_str("and"),
                None => out.push_str(&name),
            }
            continue;
        }
        out.push(cyrillic_to_latin(c));
        i += 1;
    }
    Cow::Owned(out)
}

fn is_arabic_letter(c: char) -> bool {
    ('\u{621}'..='\u{64A}').contains(&c)
}

/// An SDG number as written in any language, in the form `16.4`: Arabic
/// writes `16-4` and letters `1-أ`, possibly with Arabic-Indic digits.
pub fn canonical_sdg_number(written: &str) -> String {
    let written = written.trim_end_matches(['.', '-']);
    let mut out = String::with_capacity(written.len());
    for part in written.split(['.', '-']) {
        if !out.is_empty() {
            out.push('.');
        }
        match crate::lang::numerals::parse_digits(part) {
            Some(n) if !part.is_empty() => out.push_str(&n.to_string()),
            _ => match parse_arabic_letter(part) {
                Some(n) => out.push_str(&to_letter(n)),
                None => out.push_str(part),
            },
        }
    }
    out
}

/// The goal and target numbers at the start of the lines of a list of the
/// Goals and targets — `16. Promote peaceful …` (or `Goal 16. …`) followed by
/// `16.1 Significantly reduce …`, `16.a …` — with their ranges and canonical
/// numbers. Empty unless the text holds such a list: two goal lines or more
/// in ascending order, each followed by target lines of its own goal, a
/// letter target (`1.a`) among them, and nine targets in ten (all but one
/// in a short list) that exist.
pub fn sdg_list_numbers(text: &str) -> Vec<(TextRange, String)> {
    // Cheap pre-check: a letter target at the start of a line.
    if !letter_target_lines(text, TextRange::new(0, text.len())) {
        return Vec::new();
    }
    let mut found: Vec<(TextRange, String, bool)> = Vec::new(); // (range, number, is target)
    let mut goal: Option<u32> = None;
    let (mut goals, mut targets, mut own, mut letters, mut existing) = (0usize, 0usize, 0usize, 0usize, 0usize);
    let mut ascending = true;
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let line_start = start;
        start += line.len();
        let Some((range, number, is_target)) = line_number(line, line_start) else { continue };
        let g: u32 = number.split('.').next().and_then(|g| g.parse().ok()).unwrap_or(0);
        if is_target {
            targets += 1;
            own += usize::from(goal == Some(g));
            letters += usize::from(number.ends_with(|c: char| c.is_ascii_lowercase()));
            existing += usize::from(classify_sdg(&number).is_ok());
        } else {
            ascending &= goal.is_none_or(|p| g > p);
            goals += 1;
            goal = Some(g);
        }
        found.push((range, number, is_target));
    }
    let is_list =
        goals >= 2 && ascending && letters >= 1 && own * 10 >= targets * 9 && targets - existing <= (targets / 10).max(1) && targets >= 3;
    if !is_list {
        return Vec::new();
    }
    found.into_iter().map(|(r, n, _)| (r, n)).collect()
}

/// Whether a line after a line break at `breaks` (a range of `text`)
/// starts with a letter target (`1.a `, `16.b`): without one, `text` holds
/// no list of the Goals and targets ([`sdg_list_numbers`] is empty). The
/// pattern holds no line break, so it reads the line after the break only.
pub fn letter_target_lines(text: &str, breaks: TextRange) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'\n', &bytes[breaks.start..breaks.end])
        .map(|i| breaks.start + i)
        .any(|i| bytes.len() >= i + 5 && letter_target_after(&bytes[i..i + 5]))
}

/// [`letter_target_lines`] over the whole text, given the offsets of its
/// line feeds (found by the parse: the text is not searched again).
pub fn letter_target_lines_at(text: &str, line_feeds: &[u32]) -> bool {
    if u32::try_from(text.len()).map_or(true, |n| n >= u32::MAX - 1) {
        return letter_target_lines(text, TextRange::new(0, text.len()));
    }
    debug_assert!(line_feeds.iter().all(|&i| text.as_bytes()[i as usize] == b'\n'));
    let bytes = text.as_bytes();
    line_feeds.iter().map(|&i| i as usize).any(|i| bytes.len() >= i + 5 && letter_target_after(&bytes[i..i + 5]))
}

/// Whether the five bytes `w`, a line feed and what follows it, start a
/// letter target (`1.a` + blank, `16.a`).
fn letter_target_after(w: &[u8]) -> bool {
    w[0] == b'\n'
        && w[1].is_ascii_digit()
        && ((w[2] == b'.' && w[3].is_ascii_lowercase() && matches!(w[4], b' ' | b'\t'))
            || (w[2].is_ascii_digit() && w[3] == b'.' && w[4].is_ascii_lowercase()))
}

/// The number at the start of one line: a goal (`16.` + blank, after an
/// optional word such as `Goal`) or a target (`16.4`, `16.a`, `16-4` + blank).
fn line_number(line: &str, offset: usize) -> Option<(TextRange, String, bool)> {
    let body = line.trim_start_matches([' ', '\t', '\u{feff}']);
    let mut at = line.len() - body.len();
    // An optional word before a goal number: "Goal 16.", "Objectif 16.".
    let word_len: usize = body.chars().take_while(|c| c.is_alphabetic() && !c.is_ascii_digit()).map(char::len_utf8).sum();
    let mut worded = false;
    if word_len > 0 {
        let after = &body[word_len..];
        let blank = after.len() - after.trim_start_matches([' ', '\u{a0}']).len();
        if body[..word_len].chars().count() > 12 || !after[blank..].starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        at += word_len + blank;
        worded = true;
    }
    let rest = &line[at..];
    let digit = |c: char| c.is_ascii_digit() || ('\u{660}'..='\u{669}').contains(&c);
    let g_len: usize = rest.chars().take_while(|&c| digit(c)).map(char::len_utf8).sum();
    if g_len == 0 || rest[..g_len].chars().count() > 2 {
        return None;
    }
    let after = &rest[g_len..];
    let sep = after.chars().next()?;
    if sep != '.' && sep != '-' {
        return None;
    }
    let tail = &after[1..];
    let blank_or_end = |s: &str| s.is_empty() || s.starts_with([' ', '\t', '\u{a0}', '\n', '\r']);
    if sep == '.' && blank_or_end(tail) {
        let r = TextRange::new(offset + at, offset + at + g_len);
        return Some((r, canonical_sdg_number(&rest[..g_len]), false));
    }
    if worded {
        return None;
    }
    let t_len: usize = match tail.chars().next() {
        Some(c) if digit(c) => tail.chars().take_while(|&c| digit(c)).map(char::len_utf8).sum(),
        Some(c) if c.is_ascii_lowercase() || parse_arabic_letter(&c.to_string()).is_some() => c.len_utf8(),
        _ => return None,
    };
    if tail[..t_len].chars().count() > 2 || !blank_or_end(&tail[t_len..]) {
        return None;
    }
    let end = g_len + 1 + t_len;
    let r = TextRange::new(offset + at, offset + at + end);
    Some((r, canonical_sdg_number(&rest[..end]), true))
}

/// Goal number → (number of numeric targets, letter targets), from the
/// targets of A/RES/70/1 (as revised by A/RES/71/313).
const SDG_TARGETS: [(u32, &str); 17] = [
    (5, "ab"),
    (5, "abc"),
    (9, "abcd"),
    (7, "abc"),
    (6, "abc"),
    (6, "ab"),
    (3, "ab"),
    (10, "ab"),
    (5, "abc"),
    (7, "abc"),
    (7, "abc"),
    (8, "abc"),
    (3, "ab"),
    (7, "abc"),
    (9, "abc"),
    (10, "ab"),
    (19, ""),
];

/// Classifies an SDG number (`16`, `16.4`, `16.4.2`, `1.a`) and checks that
/// the goal and target exist.
pub fn classify_sdg(number: &str) -> Result<ExternalKind, String> {
    let parts: Vec<&str> = number.split('.').collect();
    let goal: u32 = parts[0].parse().map_err(|_| format!("`{number}` is not an SDG number"))?;
    if !(1..=17).contains(&goal) {
        return Err(format!("there is no Sustainable Development Goal {goal} (there are 17)"));
    }
    let kind = match parts.len() {
        1 => ExternalKind::SdgGoal,
        2 => ExternalKind::SdgTarget,
        _ => ExternalKind::SdgIndicator,
    };
    if let Some(target) = parts.get(1) {
        let (count, letters) = SDG_TARGETS[(goal - 1) as usize];
        let ok = match target.parse::<u32>() {
            Ok(t) => (1..=count).contains(&t),
            Err(_) => target.len() == 1 && letters.contains(target),
        };
        if !ok {
            let mut known: Vec<String> = (1..=count).map(|t| format!("{goal}.{t}")).collect();
            known.extend(letters.chars().map(|l| format!("{goal}.{l}")));
            return Err(format!(
                "there is no SDG target {goal}.{target}: Goal {goal} has targets {} to {}",
                known.first().cloned().unwrap_or_default(),
                known.last().cloned().unwrap_or_default()
            ));
        }
    }
    Ok(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_wrapped_at_a_line_end_are_not_malformed() {
        assert_eq!(symbol_problem("A/6000/\nRev.1"), None);
        assert_eq!(symbol_problem("S/\n   20063"), None);
        assert!(symbol_problem("S/ 13177").is_some());
        assert!(symbol_problem("$/25240").unwrap().contains("S/25240"));
        assert!(symbol_problem("$/ 13369").unwrap().contains("`S/13369`"));
    }

    #[test]
    fn resolution_numbers() {
        assert_eq!(classify_resolution("72/57", false), Ok((ExternalKind::GeneralAssemblyResolution, "72/57".into())));
        assert_eq!(classify_resolution("2370 (2017)", true), Ok((ExternalKind::SecurityCouncilResolution, "2370 (2017)".into())));
        assert_eq!(classify_resolution("2370(2017)", false).unwrap().0, ExternalKind::SecurityCouncilResolution);
        assert_eq!(classify_resolution("3363 (XXX)", false).unwrap().0, ExternalKind::GeneralAssemblyResolution);
        assert!(classify_resolution("2370", true).is_err());
        // Garbled and impossible numbers.
        assert!(classify_resolution("2I9 (1965)", true).is_err());
        assert!(classify_resolution("1514 (XVD", false).is_err());
        assert!(classify_resolution("950 (1971)", true).unwrap_err().contains("cannot be of 1971"));
        for ok in ["161 A (1961)", "15 (1946)", "16 (1947)", "902 (1994)", "1445 (2002)", "2370 (2017)", "37 (1947)", "38 (1947)"] {
            assert!(classify_resolution(ok, true).is_ok(), "{ok}");
        }
    }

    #[test]
    fn symbols_decode_and_validate() {
        assert!(decode_symbol("A/CONF.192/2018/RC/1").unwrap().contains("conference 192"));
        assert!(symbol_problem("A/CONF.192/2018/RC/1").is_none());
        assert!(symbol_problem("A/CONF.192/ 2018/RC/1").is_some());
        assert!(symbol_problem("A/C.3/56/L.2/Rev1").is_some());
        let e = External::new(ExternalKind::SecurityCouncilResolution, "2370 (2017)");
        assert_eq!(e.url().unwrap(), "https://undocs.org/S/RES/2370(2017)");
    }

    #[test]
    fn canonical_forms_of_other_languages() {
        assert_eq!(canonical_resolution_number("377 ألف (د-5)"), "377 A (V)");
        assert_eq!(canonical_resolution_number("377 ألف د-5"), "377 A (V)");
        assert_eq!(canonical_resolution_number("102 (د - 1)"), "102 (I)");
        assert_eq!(canonical_resolution_number("61/53 ألف وباء"), "61/53 A and B");
        assert_eq!(canonical_resolution_number("٦١/٥٣"), "61/53");
        assert_eq!(canonical_resolution_number("377 А (V)"), "377 A (V)");
        assert_eq!(classify_resolution("377 ألف (د-5)", false), Ok((ExternalKind::GeneralAssemblyResolution, "377 A (V)".into())));
        assert_eq!(canonical_sdg_number("16-4"), "16.4");
        assert_eq!(canonical_sdg_number("١٦-٤"), "16.4");
        assert_eq!(canonical_sdg_number("1-أ"), "1.a");
        assert_eq!(canonical_sdg_number("16.4.2."), "16.4.2");
    }

    #[test]
    fn goals_and_targets_lists() {
        let list = "1. End poverty\n\n1.1 By 2030\n\n1.a Ensure\n\n2. End hunger\n\n2.1 By 2030\n2.11 By 2040\n";
        let found: Vec<String> = sdg_list_numbers(list).into_iter().map(|(r, n)| format!("{}={n}", &list[r.start..r.end])).collect();
        assert_eq!(found, ["1=1", "1.1=1.1", "1.a=1.a", "2=2", "2.1=2.1", "2.11=2.11"]);
        // Decimal paragraph numbers of a report are no goals list.
        assert!(sdg_list_numbers("1. Introduction\n1.1 The report\n1.2 The\n2. Scope\n2.1 The\n2.2 The\n").is_empty());
        let worded = "Goal 16. Promote\n16.1 Reduce\n16.a Strengthen\nGoal 17. Strengthen\n17.1 Mobilize\n";
        assert_eq!(sdg_list_numbers(worded).len(), 5);
    }

    #[test]
    fn sdg_targets_exist_or_not() {
        assert_eq!(classify_sdg("16.4"), Ok(ExternalKind::SdgTarget));
        assert_eq!(classify_sdg("16.4.2"), Ok(ExternalKind::SdgIndicator));
        assert_eq!(classify_sdg("16"), Ok(ExternalKind::SdgGoal));
        assert!(classify_sdg("16.11").is_err());
        assert!(classify_sdg("18").is_err());
        assert_eq!(classify_sdg("1.a"), Ok(ExternalKind::SdgTarget));
    }
}
