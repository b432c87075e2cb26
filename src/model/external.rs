//! External references: General Assembly and Security Council resolutions,
//! document symbols, named instruments, rules of procedure and SDG goals,
//! targets and indicators. They are recognised, classified and checked
//! against the UN's grammar; they are never resolved into the document.

use crate::lang::numerals::parse_roman;

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
    pub id: String,
    /// For a provision or a rule: the text it belongs to.
    pub of: Option<Box<External>>,
}

impl External {
    pub fn new(kind: ExternalKind, id: impl Into<String>) -> External {
        External { kind, id: id.into(), of: None }
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
            ExternalKind::Instrument => self.id.clone(),
            ExternalKind::RuleOfProcedure => format!("rule {} of the rules of procedure", self.id),
            ExternalKind::SdgGoal => format!("Sustainable Development Goal {}", self.id),
            ExternalKind::SdgTarget => format!("SDG target {}", self.id),
            ExternalKind::SdgIndicator => format!("SDG indicator {}", self.id),
            ExternalKind::Provision => match &self.of {
                Some(of) => format!("{} of {}", self.id, of.describe()),
                None => self.id.clone(),
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

/// What is wrong with a document symbol as written, if anything.
pub fn symbol_problem(written: &str) -> Option<String> {
    if written.chars().any(char::is_whitespace) {
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
    let s = written.trim();
    let compact_space = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(open) = s.find('(') {
        let number = s[..open].trim();
        let inner = s[open + 1..].trim_end_matches(')').trim();
        if inner.len() == 4 && inner.chars().all(|c| c.is_ascii_digit()) {
            let year: u32 = inner.parse().unwrap_or(0);
            if !(1946..=2100).contains(&year) {
                return Err(format!("`{inner}` is not a plausible year for a Security Council resolution"));
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
    Ok((ExternalKind::GeneralAssemblyResolution, compact_space))
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
    fn resolution_numbers() {
        assert_eq!(classify_resolution("72/57", false), Ok((ExternalKind::GeneralAssemblyResolution, "72/57".into())));
        assert_eq!(classify_resolution("2370 (2017)", true), Ok((ExternalKind::SecurityCouncilResolution, "2370 (2017)".into())));
        assert_eq!(classify_resolution("2370(2017)", false).unwrap().0, ExternalKind::SecurityCouncilResolution);
        assert_eq!(classify_resolution("3363 (XXX)", false).unwrap().0, ExternalKind::GeneralAssemblyResolution);
        assert!(classify_resolution("2370", true).is_err());
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
    fn sdg_targets_exist_or_not() {
        assert_eq!(classify_sdg("16.4"), Ok(ExternalKind::SdgTarget));
        assert_eq!(classify_sdg("16.4.2"), Ok(ExternalKind::SdgIndicator));
        assert_eq!(classify_sdg("16"), Ok(ExternalKind::SdgGoal));
        assert!(classify_sdg("16.11").is_err());
        assert!(classify_sdg("18").is_err());
        assert_eq!(classify_sdg("1.a"), Ok(ExternalKind::SdgTarget));
    }
}
