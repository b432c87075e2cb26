//! The terminal: whether to colour, how wide to make snippets, and the few
//! ANSI styles the human format uses (rustc's palette).

use std::io::IsTerminal as _;

use crate::diagnostics::Severity;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour standard output. `auto` colours a terminal unless
    /// `NO_COLOR` is set (to anything but the empty string) or `TERM=dumb`;
    /// `always` and `never` win over the environment.
    pub fn resolve(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
                    && std::io::stdout().is_terminal()
            }
        }
    }
}

/// Snippet width when nothing says otherwise (output piped, no `COLUMNS`):
/// rustc's default.
pub const DEFAULT_WIDTH: usize = 140;

/// The width to fit snippets into: `--width`, else `COLUMNS`, else the
/// terminal's width when standard output is one, else [`DEFAULT_WIDTH`].
pub fn width(option: Option<usize>) -> usize {
    option
        .or_else(|| std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse().ok()).filter(|&c: &usize| c > 0))
        .or_else(terminal_width)
        .unwrap_or(DEFAULT_WIDTH)
}

#[cfg(unix)]
fn terminal_width() -> Option<usize> {
    use std::os::fd::AsRawFd as _;
    let stdout = std::io::stdout();
    if !stdout.is_terminal() {
        return None;
    }
    let mut size = libc::winsize { ws_row: 0, ws_col: 0, ws_xpixel: 0, ws_ypixel: 0 };
    // SAFETY: TIOCGWINSZ writes one `winsize` into the pointer given, which
    // points to a live, writable `winsize`; the descriptor is standard output.
    let ok = unsafe { libc::ioctl(stdout.as_raw_fd(), libc::TIOCGWINSZ, &mut size) } == 0;
    (ok && size.ws_col > 0).then_some(usize::from(size.ws_col))
}

#[cfg(not(unix))]
fn terminal_width() -> Option<usize> {
    None
}

/// ANSI styles, or nothing when colour is off.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    pub on: bool,
}

pub const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const BOLD_RED: &str = "\x1b[1;31m";
const BOLD_YELLOW: &str = "\x1b[1;33m";
const BOLD_CYAN: &str = "\x1b[1;36m";
const BOLD_GREEN: &str = "\x1b[1;32m";
const BOLD_BLUE: &str = "\x1b[1;34m";

impl Palette {
    fn paint(self, style: &str, text: &str) -> String {
        if self.on && !text.is_empty() {
            format!("{style}{text}{RESET}")
        } else {
            text.to_string()
        }
    }
    /// Severity and code (`error[numbering.gap]`), and the underline.
    pub fn severity(self, severity: Severity, text: &str) -> String {
        let style = match severity {
            Severity::Error => BOLD_RED,
            Severity::Warning => BOLD_YELLOW,
            Severity::Information => BOLD_CYAN,
            Severity::Hint => BOLD_GREEN,
        };
        self.paint(style, text)
    }
    /// The message.
    pub fn bold(self, text: &str) -> String {
        self.paint(BOLD, text)
    }
    /// Line numbers, the gutter's `|` and `=`.
    pub fn gutter(self, text: &str) -> String {
        self.paint(BOLD_BLUE, text)
    }
}
