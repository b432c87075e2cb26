//! Client settings: the document language and which diagnostic codes are
//! reported at what severity, read from `initializationOptions` and
//! `workspace/didChangeConfiguration`.
//!
//! Shape: `{"rapporteur": {"language": "auto"|"zh"|"en"|…, "detect": "auto"|"always"|"never",
//! "include": ["<glob>", …], "exclude": ["<glob>", …], "inlayHints": bool, "codeLens": bool,
//! "diagnostics": {"<code>": "off"|"error"|"warning"|"information"|"hint"},
//! "negotiation": {"delegations": […], "verbs": […], "agreed": […], "silenceBroken": […]}}}`
//! (`activation` is accepted for `detect`); the object without the
//! `"rapporteur"` wrapper is accepted too.

use serde_json::Value;

use crate::diagnostics::{Code, DiagnosticsConfig, Severity};
use crate::ide::activation::Activation;
use crate::lang::Language;
use crate::negotiation::Vocabulary;

/// What the analysis of every open document is run with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// `None`: detect the language of each document from its text.
    pub language: Option<Language>,
    pub diagnostics: DiagnosticsConfig,
    /// Whether a document is treated as a UN document: decided from its
    /// text (`auto`), or forced (`always`, `never`).
    pub activation: Activation,
    /// Globs (relative to the workspace folder) of files always checked,
    /// and of files never checked (exclusion wins).
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    /// Quiet time after a change before a document is analysed, in
    /// milliseconds; `None` (the default, `"auto"`): none, changes that
    /// arrive while an analysis runs are coalesced into the next one.
    pub debounce_ms: Option<u64>,
    /// Inlay hints after each internal reference (the cited text's first words).
    pub inlay_hints: bool,
    /// Code lenses above each cited paragraph ("cited 2 times").
    pub code_lens: bool,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            language: None,
            diagnostics: DiagnosticsConfig::all_enabled(),
            activation: Activation::Auto,
            include: Vec::new(),
            exclude: Vec::new(),
            debounce_ms: None,
            inlay_hints: true,
            code_lens: true,
        }
    }
}

impl Settings {
    /// Whether a document at `relative` (its path in its workspace folder,
    /// or its whole path outside any) is forced on or off by the globs.
    pub fn forced_by_globs(&self, relative: &str) -> Option<bool> {
        if self.exclude.iter().any(|g| super::glob::matches(g, relative)) {
            Some(false)
        } else if self.include.iter().any(|g| super::glob::matches(g, relative)) {
            Some(true)
        } else {
            None
        }
    }
}

/// Reads settings from a client value. Returns `None` when the value holds
/// no settings of ours (the current settings then stay), otherwise the full
/// settings (what the value leaves out is the default) and a warning for each
/// part that could not be read.
pub fn parse(value: &Value) -> Option<(Settings, Vec<String>)> {
    let ours = match value.get("rapporteur") {
        Some(v) => v,
        None if value.get("language").is_some()
            || value.get("diagnostics").is_some()
            || value.get("activation").is_some()
            || value.get("detect").is_some()
            || value.get("include").is_some()
            || value.get("exclude").is_some()
            || value.get("debounce").is_some()
            || value.get("inlayHints").is_some()
            || value.get("codeLens").is_some()
            || value.get("negotiation").is_some() =>
        {
            value
        }
        None => return None,
    };
    let mut warnings = Vec::new();
    let mut settings = Settings::default();
    let Some(obj) = ours.as_object() else {
        if !ours.is_null() {
            warnings.push(format!("settings: `rapporteur` should be an object, got {ours}"));
        }
        return Some((settings, warnings));
    };
    match obj.get("language") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if s.eq_ignore_ascii_case("auto") || s.is_empty() => {}
        Some(Value::String(s)) => match s.parse::<Language>() {
            Ok(lang) => {
                if !lang.is_supported() {
                    warnings.push(format!("settings: language `{lang}` is not fully supported yet; its tables may be incomplete"));
                }
                settings.language = Some(lang);
            }
            Err(e) => warnings.push(format!("settings: {e}; detecting the language instead")),
        },
        Some(other) => warnings.push(format!("settings: `language` should be a string, got {other}")),
    }
    // `detect` is the name the editor plugins send.
    match obj.get("activation").or_else(|| obj.get("detect")).map(|v| v.as_str().map(str::to_ascii_lowercase)) {
        None => {}
        Some(Some(s)) if s == "auto" => settings.activation = Activation::Auto,
        Some(Some(s)) if s == "always" || s == "on" => settings.activation = Activation::Always,
        Some(Some(s)) if s == "never" || s == "off" => settings.activation = Activation::Never,
        Some(other) => warnings.push(format!("settings: `activation` should be \"auto\", \"always\" or \"never\", got {other:?}")),
    }
    for (key, globs) in [("include", &mut settings.include), ("exclude", &mut settings.exclude)] {
        match obj.get(key) {
            None | Some(Value::Null) => {}
            // An empty Lua table reaches us as `{}` (Neovim cannot tell a list from a map).
            Some(Value::Object(o)) if o.is_empty() => {}
            Some(Value::Array(items)) => {
                for item in items {
                    match item.as_str().map(str::trim) {
                        Some(glob) if glob.chars().count() > super::glob::MAX_PATTERN => warnings.push(format!(
                            "settings: `{key}`: ignoring a glob of {} characters (the limit is {})",
                            glob.chars().count(),
                            super::glob::MAX_PATTERN
                        )),
                        Some(glob) if !glob.is_empty() => globs.push(glob.trim_start_matches("./").to_string()),
                        _ => warnings.push(format!("settings: `{key}`: ignoring {item} (expected a glob string)")),
                    }
                }
            }
            Some(other) => warnings.push(format!("settings: `{key}` should be a list of globs, got {other}")),
        }
    }
    match obj.get("debounce") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if s.eq_ignore_ascii_case("auto") => {}
        Some(v) => match v.as_u64() {
            Some(ms) => settings.debounce_ms = Some(ms.min(10_000)),
            None => warnings.push(format!("settings: `debounce` should be \"auto\" or a number of milliseconds, got {v}")),
        },
    }
    for (key, flag) in [("inlayHints", &mut settings.inlay_hints), ("codeLens", &mut settings.code_lens)] {
        match obj.get(key) {
            None | Some(Value::Null) => {}
            Some(Value::Bool(b)) => *flag = *b,
            Some(other) => warnings.push(format!("settings: `{key}` should be true or false, got {other}")),
        }
    }
    match obj.get("negotiation") {
        None | Some(Value::Null) => {}
        Some(v) => settings.diagnostics.negotiation = read_vocabulary(v, "negotiation", &mut warnings),
    }
    match obj.get("diagnostics") {
        None | Some(Value::Null) => {}
        Some(Value::Object(codes)) => {
            for (name, level) in codes {
                let Some(code) = Code::parse(name) else {
                    warnings.push(format!("settings: unknown diagnostic code `{name}`"));
                    continue;
                };
                let severity = match level {
                    Value::String(s) if s.eq_ignore_ascii_case("off") => None,
                    Value::Bool(false) => None,
                    Value::Bool(true) => Some(code.default_severity()),
                    Value::String(s) => match Severity::parse(s) {
                        Some(sev) => Some(sev),
                        None => {
                            warnings.push(format!(
                                "settings: `{name}`: unknown level `{s}` (expected off, error, warning, information or hint)"
                            ));
                            continue;
                        }
                    },
                    other => {
                        warnings.push(format!("settings: `{name}`: expected a string, got {other}"));
                        continue;
                    }
                };
                settings.diagnostics.overrides.insert(code, severity);
            }
        }
        Some(other) => warnings.push(format!("settings: `diagnostics` should be an object, got {other}")),
    }
    Some((settings, warnings))
}

/// The user's negotiation words: `{"delegations": ["Wakanda"], "verbs":
/// ["strike"], "agreed": ["agreed at PrepCom"], "silenceBroken":
/// ["objection raised"]}`, each a list of strings (the server's
/// `negotiation` setting and `--vocabulary FILE`). What cannot be read is
/// left out with a warning (`what` names the setting in it).
pub(crate) fn read_vocabulary(value: &Value, what: &str, warnings: &mut Vec<String>) -> Vocabulary {
    let mut v = Vocabulary::default();
    let Some(obj) = value.as_object() else {
        warnings.push(format!("settings: `{what}` should be an object of lists of words, got {value}"));
        return v;
    };
    for (key, list) in obj {
        let (target, lower) = match key.as_str() {
            "delegations" => (&mut v.delegations, false),
            "verbs" => (&mut v.verbs, true),
            "agreed" => (&mut v.agreed, true),
            "silenceBroken" | "silence_broken" => (&mut v.silence_broken, true),
            other => {
                warnings.push(format!("settings: `{what}`: unknown key `{other}` (expected delegations, verbs, agreed or silenceBroken)"));
                continue;
            }
        };
        let items: &[Value] = match list {
            Value::Array(items) => items,
            // An empty Lua table reaches us as `{}`.
            Value::Object(o) if o.is_empty() => &[],
            other => {
                warnings.push(format!("settings: `{what}.{key}` should be a list of strings, got {other}"));
                continue;
            }
        };
        for item in items {
            match item.as_str().map(str::trim) {
                Some(word) if !word.is_empty() && word.chars().count() <= 200 => {
                    target.push(if lower { word.to_lowercase() } else { word.to_string() })
                }
                _ => warnings.push(format!("settings: `{what}.{key}`: ignoring {item} (expected a word or name)")),
            }
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn wrapped_and_bare_objects_are_read_alike() {
        let bare = json!({"language": "zh", "diagnostics": {"numbering.gap": "off", "vote.count": "hint"}});
        let wrapped = json!({ "rapporteur": bare.clone() });
        let (a, wa) = parse(&bare).unwrap();
        let (b, wb) = parse(&wrapped).unwrap();
        assert_eq!(a, b);
        assert!(wa.is_empty() && wb.is_empty());
        assert_eq!(a.language, Some(Language::Zh));
        assert_eq!(a.diagnostics.severity(Code::NumberingGap), None);
        assert_eq!(a.diagnostics.severity(Code::VoteCount), Some(Severity::Hint));
        assert_eq!(a.diagnostics.severity(Code::ReferenceBroken), Some(Severity::Error));
    }

    #[test]
    fn auto_unknown_values_and_foreign_settings() {
        let (s, w) = parse(&json!({"rapporteur": {"language": "auto"}})).unwrap();
        assert_eq!(s, Settings::default());
        assert!(w.is_empty());
        let (s, w) = parse(&json!({"rapporteur": {"language": "xx", "diagnostics": {"nope": "off", "vote.count": "loud"}}})).unwrap();
        assert_eq!(s, Settings::default());
        assert_eq!(w.len(), 3, "{w:?}");
        assert!(parse(&json!({"otherTool": {"x": 1}})).is_none());
        assert!(parse(&Value::Null).is_none());
    }

    #[test]
    fn include_and_exclude_globs() {
        let (s, w) = parse(&json!({"rapporteur": {"include": ["drafts/**", "./x/*.txt", 3, ""], "exclude": ["**/README.md"]}})).unwrap();
        assert_eq!(s.include, ["drafts/**", "x/*.txt"]);
        assert_eq!(s.exclude, ["**/README.md"]);
        assert_eq!(w.len(), 2, "{w:?}");
        assert_eq!(s.forced_by_globs("drafts/README.md"), Some(false), "exclusion wins");
        assert_eq!(s.forced_by_globs("drafts/a.md"), Some(true));
        assert_eq!(s.forced_by_globs("notes.md"), None);
        let (_, w) = parse(&json!({"exclude": "README.md"})).unwrap();
        assert_eq!(w.len(), 1, "{w:?}");
        let (s, w) = parse(&json!({"include": {}, "exclude": {}})).unwrap();
        assert!(s.include.is_empty() && s.exclude.is_empty() && w.is_empty(), "{w:?}");
    }

    #[test]
    fn inlay_hints_and_code_lenses_are_on_unless_turned_off() {
        let (s, w) = parse(&json!({"rapporteur": {"language": "auto"}})).unwrap();
        assert!(s.inlay_hints && s.code_lens && w.is_empty());
        let (s, w) = parse(&json!({"inlayHints": false, "codeLens": false})).unwrap();
        assert!(!s.inlay_hints && !s.code_lens && w.is_empty());
        let (s, w) = parse(&json!({"rapporteur": {"codeLens": "no"}})).unwrap();
        assert!(s.code_lens);
        assert_eq!(w.len(), 1, "{w:?}");
    }

    #[test]
    fn negotiation_words_extend_the_tables() {
        let (s, w) =
            parse(&json!({"rapporteur": {"negotiation": {"delegations": ["Wakanda", " Friends of the Chair "], "verbs": ["Strike"],
            "agreed": ["Agreed at PrepCom"], "silenceBroken": ["objection raised"]}}}))
            .unwrap();
        assert!(w.is_empty(), "{w:?}");
        let v = &s.diagnostics.negotiation;
        assert_eq!(v.delegations, ["Wakanda", "Friends of the Chair"]);
        assert_eq!(
            (v.verbs.as_slice(), v.agreed.as_slice(), v.silence_broken.as_slice()),
            (&["strike".to_string()][..], &["agreed at prepcom".to_string()][..], &["objection raised".to_string()][..])
        );
        let (s, w) = parse(&json!({"negotiation": {"delegations": "Wakanda", "tags": [], "verbs": [3, "x"]}})).unwrap();
        assert_eq!(w.len(), 3, "{w:?}");
        assert_eq!(s.diagnostics.negotiation.verbs, ["x"]);
        let (_, w) = parse(&json!({"negotiation": ["Wakanda"]})).unwrap();
        assert_eq!(w.len(), 1, "{w:?}");
    }

    #[test]
    fn debounce_is_auto_or_milliseconds() {
        assert_eq!(parse(&json!({"debounce": "auto"})).unwrap().0.debounce_ms, None);
        assert_eq!(parse(&json!({"debounce": 40})).unwrap().0.debounce_ms, Some(40));
        assert_eq!(parse(&json!({"debounce": 1e9})).unwrap().0.debounce_ms, None, "not an integer");
        let (s, w) = parse(&json!({"rapporteur": {"debounce": -3}})).unwrap();
        assert_eq!((s.debounce_ms, w.len()), (None, 1));
    }
}
