//! Server logging: one line per event on stderr, never stdout (stdout carries
//! the protocol). `RAPPORTEUR_LOG=error|warn|info|debug|off` sets the level
//! (default `info`). The server also mirrors warnings, errors and lifecycle
//! events to the client's `window/logMessage`; that half lives in `server`.

use std::sync::OnceLock;

/// How serious a log line is; the order is from most to least serious.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Error,
    Warn,
    Info,
    Debug,
}

impl Level {
    fn name(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warn => "warn",
            Level::Info => "info",
            Level::Debug => "debug",
        }
    }
}

/// The most verbose level written, read once from `RAPPORTEUR_LOG`; `None` is off.
fn max_level() -> Option<Level> {
    static MAX: OnceLock<Option<Level>> = OnceLock::new();
    *MAX.get_or_init(|| match std::env::var("RAPPORTEUR_LOG").unwrap_or_default().to_ascii_lowercase().as_str() {
        "off" | "none" => None,
        "error" => Some(Level::Error),
        "warn" | "warning" => Some(Level::Warn),
        "debug" | "trace" => Some(Level::Debug),
        _ => Some(Level::Info),
    })
}

pub fn enabled(level: Level) -> bool {
    max_level().is_some_and(|max| level <= max)
}

/// Writes one line to stderr if `level` is enabled.
pub fn stderr(level: Level, message: &str) {
    if enabled(level) {
        eprintln!("[rapporteur lsp] {}: {message}", level.name());
    }
}
