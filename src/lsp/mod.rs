//! The language server: `rapporteur lsp [--stdio]` speaks LSP 3.17 on
//! stdin/stdout. A thin adapter over [`crate::ide`]: it keeps the open
//! documents, converts positions and types in and out, and calls the core.
//!
//! Modules: `server` (the handlers), `state` (the document store),
//! `analysts` (the threads that analyse), `sync`
//! (applying edits), `publish` (coalesced, version-gated diagnostics),
//! `convert` (core ↔ protocol values), `config` (client settings),
//! `capabilities` (what is offered, encoding negotiation), `transport`
//! (stdio framing), `direct` (large answers written without a JSON value
//! tree), `log` (stderr logging).

mod actions;
mod analysts;
mod capabilities;
pub(crate) mod config;
mod convert;
mod direct;
mod doc_text;
mod glob;
mod log;
mod publish;
mod server;
mod state;
mod sync;
mod transport;
mod workspace;

use std::any::Any;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use tower_lsp_server::{ClientSocket, LspService};

use crate::diagnostics::DiagnosticsConfig;
use crate::ide::Analysis;
use crate::lang::Language;
use crate::syntax::mask::Source;
use crate::text::Unchanged;

pub use server::{Backend, DocumentText, DocumentTextParams};

/// What the server runs to analyse a document: [`analyze`] unless a test or
/// benchmark puts something else in. The first argument makes the text
/// (from the text of the earlier version and the edits since: call it once
/// the earlier analysis has let go of its own text, see
/// [`Analysis::into_update_making`] and [`state::DocState::shared_source`]).
/// The last argument is the analysis of an earlier version of the same
/// document, when there is one, with what the edits since its text left
/// alone at the text's two ends.
pub type Analyzer =
    Arc<dyn Fn(&dyn Fn() -> Source, Option<Language>, &DiagnosticsConfig, Option<Arc<Analysis>>, Unchanged) -> Analysis + Send + Sync>;

/// The server's analyzer: an update of the earlier version's analysis
/// ([`Analysis::update`], which reuses what the edit did not touch; moving
/// its parts when nobody else holds it), or a fresh one. With
/// `RAPPORTEUR_VERIFY_INCREMENTAL=1` every update is checked against a fresh
/// analysis, a difference is logged and the fresh one used (for a bug
/// report; it doubles the work).
pub fn analyze(
    text: &dyn Fn() -> Source,
    language: Option<Language>,
    config: &DiagnosticsConfig,
    previous: Option<Arc<Analysis>>,
    unchanged: Unchanged,
) -> Analysis {
    let Some(previous) = previous else { return analyze_afresh(text(), language, config) };
    let updated = match Arc::try_unwrap(previous) {
        Ok(owned) => owned.into_update_making(unchanged, text, language, config),
        Err(shared) => shared.update_to_source(unchanged, text(), language, config),
    };
    if !verify_incremental() {
        return updated;
    }
    let fresh = Analysis::new(updated.text.shared(), language, config);
    let differs = |what: &str, a: String, b: String| {
        if a != b {
            let at = a.bytes().zip(b.bytes()).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
            let context = |s: &str| s.get(at.saturating_sub(80)..(at + 80).min(s.len())).unwrap_or("").to_string();
            log::stderr(
                log::Level::Error,
                &format!("incremental analysis: the {what} differ\n  updated: …{}…\n  fresh:   …{}…", context(&a), context(&b)),
            );
        }
    };
    differs("trees", format!("{:?}", updated.document), format!("{:?}", fresh.document));
    differs("references", format!("{:?}", updated.references), format!("{:?}", fresh.references));
    differs("diagnostics", format!("{:?}", updated.diagnostics), format!("{:?}", fresh.diagnostics));
    fresh
}

/// A fresh analysis. A document in a language not readied at `initialize`
/// (a Chinese draft in an English editor) has its tables compiled first as
/// the readied language's were, their blocks taken from the heap
/// ([`crate::cli::allocator::warming_up`]: the Chinese tables in 4.9 ms of
/// CPU instead of 8.4). The language is detected here a second time (from
/// its first 64 KB), only to know whether its tables are there.
fn analyze_afresh(source: Source, language: Option<Language>, config: &DiagnosticsConfig) -> Analysis {
    let lang = language.unwrap_or_else(|| crate::ide::detect_language(&source));
    if !crate::lang::tables::is_compiled(lang) {
        crate::cli::allocator::warming_up(|| crate::lang::warm_up(lang));
    }
    Analysis::from_source(source, language, config)
}

fn verify_incremental() -> bool {
    static VERIFY: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *VERIFY.get_or_init(|| std::env::var("RAPPORTEUR_VERIFY_INCREMENTAL").is_ok_and(|v| v != "0" && !v.is_empty()))
}

/// Server options that are not client settings.
#[derive(Clone)]
pub struct Options {
    /// Quiet time after a change before a document is analysed for
    /// diagnostics, unless the `debounce` setting says otherwise (none by
    /// default: changes arriving during an analysis are coalesced instead).
    pub debounce: Duration,
    pub analyzer: Analyzer,
}

impl Default for Options {
    fn default() -> Options {
        Options { debounce: Duration::ZERO, analyzer: Arc::new(analyze) }
    }
}

/// The custom request returning the server's copy of a document.
pub const DOCUMENT_TEXT: &str = "rapporteur/documentText";

/// The notification the transport puts in place of a notification whose
/// parameters cannot be read (see `transport`), so that the server learns
/// of it in order.
pub const INVALID_NOTIFICATION: &str = "rapporteur/invalidNotification";

/// The server as a tower service, with the socket for its messages to the client.
pub fn service(options: Options) -> (LspService<Backend>, ClientSocket) {
    LspService::build(|client| Backend::new(client, options))
        .custom_method(DOCUMENT_TEXT, Backend::document_text)
        .custom_method(INVALID_NOTIFICATION, Backend::invalid_notification)
        .custom_method(direct::DOCUMENT_SYMBOL, Backend::document_symbol_direct)
        .custom_method(direct::STASHED, Backend::stashed_notification)
        .finish()
}

/// The text of a panic payload.
pub(crate) fn panic_message(panic: &(dyn Any + Send)) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic".to_string()
    }
}

const USAGE: &str = "usage: rapporteur lsp [--stdio]\n\nSpeaks the Language Server Protocol on stdin/stdout. Logs go to stderr\n(RAPPORTEUR_LOG=error|warn|info|debug|off).";

/// Runs the server on stdin/stdout; returns the process exit code: 0 after
/// `shutdown` and `exit`, 1 when the input ends or `exit` comes without
/// `shutdown`, 2 for bad arguments.
pub fn run(args: &[String]) -> i32 {
    for arg in args {
        match arg.as_str() {
            "--stdio" => {}
            "-h" | "--help" => {
                eprintln!("{USAGE}");
                return 0;
            }
            other => {
                eprintln!("rapporteur lsp: unknown argument `{other}`\n{USAGE}");
                return 2;
            }
        }
    }
    std::panic::set_hook(Box::new(|info| {
        log::stderr(log::Level::Error, &format!("panic: {info}"));
    }));
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().thread_name("rapporteur-lsp").build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("rapporteur lsp: cannot start the async runtime: {e}");
            return 1;
        }
    };
    let code = runtime.block_on(async {
        let (service, socket) = service(Options::default());
        let shutdown = service.inner().shutdown_flag();
        transport::serve(transport::stdin(), tokio::io::stdout(), service, socket).await;
        if shutdown.load(Ordering::Acquire) {
            0
        } else {
            1
        }
    });
    // Blocking tasks (an analysis, freeing one) may still run, and the stdin
    // thread may be blocked in a read (a client need not close stdin after
    // `exit`): wait for none of them.
    runtime.shutdown_background();
    log::stderr(log::Level::Info, &format!("exiting with code {code}"));
    code
}
