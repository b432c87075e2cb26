//! Standard input and output around tower-lsp-server's `Server`.
//!
//! `Server` stops reading for good at the first message it cannot decode
//! (its framed reader ends after an error), so one malformed message would
//! end the session. Stdin is therefore read here first: each framed message
//! whose body is a well-formed JSON-RPC message is passed on to `Server`
//! through an in-memory pipe; anything else is answered here with a
//! JSON-RPC error (`-32700` parse error or `-32600` invalid request) and
//! dropped. `Server`'s output goes through another pipe to the one writer of
//! stdout, which sends whole messages only, so the two sources never
//! interleave inside a message.
//!
//! Repairs made here, each logged:
//! - framing: a `Content-Length` too short leaves the rest of the body in
//!   the stream; it is skipped up to the next `Content-Length` header (found
//!   anywhere in a line). One too long swallows the start of the next
//!   message; the body is cut where a header follows a complete JSON value.
//!   One over the limit is refused and its body skipped the same way.
//! - a lone UTF-16 surrogate escape (`"\ud800"`), which JSON parsers refuse,
//!   becomes U+FFFD, so the rest of the change is kept;
//! - a request named `$/…` gets MethodNotFound (tower-lsp-server would not
//!   answer it at all: only notifications may be ignored);
//! - a document notification whose parameters do not have the protocol's
//!   types (`"version": "2"`) would be dropped without a word by the
//!   library; it becomes `rapporteur/invalidNotification`, in its place in
//!   the order, so that the server can tell the user and stop trusting its
//!   copy of the document.
//!
//! A `textDocument/documentSymbol` request is passed on renamed, so that its
//! answer is written without a JSON value tree, and a large `didOpen` or
//! `didChange` is read here once and handed over beside the library (see
//! `direct.rs`).

use std::future::poll_fn;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::sync::mpsc::{channel, unbounded_channel, Receiver, UnboundedReceiver, UnboundedSender};
use tower_lsp_server::jsonrpc::{Error, Id, Request, Response};
use tower_lsp_server::ls_types::{
    DidChangeConfigurationParams, DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
};
use tower_lsp_server::{ClientSocket, LspService, Server};

use super::direct::Direct;
use super::log::{self, Level};
use super::server::{Backend, InvalidNotification};
use super::INVALID_NOTIFICATION;

/// Largest message body accepted (a 10-MB document is far below it).
const MAX_BODY: usize = 256 << 20;
/// Longest header line kept; a longer one is cut there.
const MAX_HEADER_LINE: usize = 8 << 10;
/// The header every message starts with (matched without regard to case).
const CONTENT_LENGTH: &[u8] = b"content-length:";
/// A `didOpen` or `didChange` message from this size up is read once here
/// and its parameters handed to the server beside the protocol library
/// (which would parse it twice more and keep a read buffer of three times
/// its size for good).
const STASH_FROM: usize = 256 << 10;
/// The read buffer kept between messages.
const KEPT_BUFFER: usize = 256 << 10;
/// The least room a read of input is given.
const MIN_READ: usize = 16 << 10;
/// The most read from stdin at once (a pipe holds 64 KB unless
/// [`widen_pipe`] widened it).
const STDIN_CHUNK: usize = 256 << 10;
/// What stdin's pipe is widened to hold (Linux allows an unprivileged
/// process up to `/proc/sys/fs/pipe-max-size`, 1 MB by default).
const STDIN_PIPE: usize = 1 << 20;
/// Chunks of stdin read ahead of the framing (the client's writes block
/// beyond them, as they would with a server reading stdin directly).
const STDIN_AHEAD: usize = 64;
/// Requests in flight at once in `Server` (its default, 4, would queue a
/// hover behind four long requests).
const CONCURRENCY: usize = 256;

/// Where `Content-Length:` starts in `bytes`, whatever its case.
fn find_content_length(bytes: &[u8]) -> Option<usize> {
    if bytes.len() < CONTENT_LENGTH.len() {
        return None;
    }
    memchr::memchr2_iter(b'c', b'C', bytes)
        .find(|&i| bytes.len() - i >= CONTENT_LENGTH.len() && bytes[i..i + CONTENT_LENGTH.len()].eq_ignore_ascii_case(CONTENT_LENGTH))
}

/// What the writer of stdout is given: a whole message body, or the
/// length of one and the channel its pieces come on (an answer serialised
/// as it is written, never whole in memory: `lsp/direct.rs`).
pub enum Outgoing {
    Message(Vec<u8>),
    Pieces(usize, Receiver<Vec<u8>>),
}

/// The write end of an in-memory pipe: each write is sent on as one chunk.
struct PipeWriter(UnboundedSender<Vec<u8>>);

impl AsyncWrite for PipeWriter {
    fn poll_write(self: Pin<&mut Self>, _: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        match self.0.send(buf.to_vec()) {
            Ok(()) => Poll::Ready(Ok(buf.len())),
            Err(_) => Poll::Ready(Err(io::ErrorKind::BrokenPipe.into())),
        }
    }
    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }
    fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

/// Where a [`PipeReader`] takes its chunks from: a channel, bounded or not.
trait Chunks {
    fn poll_chunk(&mut self, cx: &mut Context<'_>) -> Poll<Option<Vec<u8>>>;
}

impl Chunks for UnboundedReceiver<Vec<u8>> {
    fn poll_chunk(&mut self, cx: &mut Context<'_>) -> Poll<Option<Vec<u8>>> {
        self.poll_recv(cx)
    }
}

impl Chunks for Receiver<Vec<u8>> {
    fn poll_chunk(&mut self, cx: &mut Context<'_>) -> Poll<Option<Vec<u8>>> {
        self.poll_recv(cx)
    }
}

/// The read end of an in-memory pipe; end of input once every sender is gone.
struct PipeReader<C = UnboundedReceiver<Vec<u8>>> {
    rx: C,
    chunk: Vec<u8>,
    pos: usize,
}

impl<C: Chunks> PipeReader<C> {
    fn new(rx: C) -> PipeReader<C> {
        PipeReader { rx, chunk: Vec::new(), pos: 0 }
    }
}

/// Standard input, read on a thread of its own with blocking reads of a
/// whole pipe's worth at a time. Tokio's `stdin()` hands every read to its
/// blocking pool and back (a 1-MB `didOpen` took 64 such round trips, about
/// 10 ms of thread switches before the server saw the message).
pub fn stdin() -> impl AsyncRead + Unpin + Send + 'static {
    widen_pipe(0);
    let (tx, rx) = channel::<Vec<u8>>(STDIN_AHEAD);
    let reader = move || {
        use std::io::Read;
        let mut stdin = std::io::stdin().lock();
        let mut buf = vec![0u8; STDIN_CHUNK];
        loop {
            match stdin.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    if tx.blocking_send(buf[..n].to_vec()).is_err() {
                        break; // the session is over
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    log::stderr(Level::Error, &format!("reading stdin: {e}"));
                    break;
                }
            }
        }
        // Dropping `tx` is the end of the input.
    };
    if let Err(e) = std::thread::Builder::new().name("rapporteur-stdin".into()).spawn(reader) {
        log::stderr(Level::Error, &format!("cannot start the thread reading stdin: {e}"));
    }
    PipeReader::new(rx)
}

/// Widens the pipe `fd` (stdin), if it is one, to hold [`STDIN_PIPE`] bytes
/// (or as much as the system allows). With the default 64 KB, a client writing a
/// 1-MB `didOpen` waits for this process to read it sixteen times over,
/// each time for the reading thread to be scheduled: while the first
/// language's tables compile on both cores, that made the message take up
/// to 13 ms to arrive. The client then writes it in one go, and the reading
/// thread takes it in four reads.
#[cfg(target_os = "linux")]
fn widen_pipe(fd: libc::c_int) {
    // SAFETY: `fstat` and `fcntl` only read and set the properties of the
    // descriptor (an invalid one fails); `st` is a valid `stat` to write into.
    unsafe {
        let mut st: libc::stat = std::mem::zeroed();
        if libc::fstat(fd, &mut st) != 0 || st.st_mode & libc::S_IFMT != libc::S_IFIFO {
            return;
        }
        let mut size = STDIN_PIPE;
        // (refused above the system's limit: try half as much, down to 64 KB)
        while size > 64 << 10 && libc::fcntl(fd, libc::F_SETPIPE_SZ, size as libc::c_int) < 0 {
            size /= 2;
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn widen_pipe(_fd: i32) {}

impl<C: Chunks + Unpin> AsyncRead for PipeReader<C> {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        while this.pos >= this.chunk.len() {
            match this.rx.poll_chunk(cx) {
                Poll::Ready(Some(chunk)) => {
                    this.chunk = chunk;
                    this.pos = 0;
                }
                Poll::Ready(None) => return Poll::Ready(Ok(())),
                Poll::Pending => return Poll::Pending,
            }
        }
        let n = buf.remaining().min(this.chunk.len() - this.pos);
        buf.put_slice(&this.chunk[this.pos..this.pos + n]);
        this.pos += n;
        Poll::Ready(Ok(()))
    }
}

/// One framed message read from a stream.
enum Frame {
    Body(Vec<u8>),
    /// Headers without a usable `Content-Length`.
    BadHeaders(String),
}

/// Reads framed messages from a byte stream.
struct FrameReader<R> {
    inner: R,
    buf: Vec<u8>,
    start: usize,
}

impl<R: AsyncRead + Unpin> FrameReader<R> {
    fn new(inner: R) -> FrameReader<R> {
        FrameReader { inner, buf: Vec::new(), start: 0 }
    }

    /// Reads more input into the buffer; false at end of input.
    async fn fill(&mut self) -> io::Result<bool> {
        if self.start > 0 {
            self.buf.drain(..self.start);
            self.start = 0;
            // Let go of the room a large message took.
            if self.buf.capacity() > 4 * KEPT_BUFFER && self.buf.len() < KEPT_BUFFER {
                self.buf.shrink_to(KEPT_BUFFER);
            }
        }
        // Read straight into the buffer's spare room (a body being read has
        // reserved all it still needs: a whole chunk of input at a time).
        self.buf.reserve(MIN_READ);
        let (inner, buf) = (&mut self.inner, &mut self.buf);
        let n = poll_fn(|cx| {
            let mut rb = ReadBuf::uninit(buf.spare_capacity_mut());
            match Pin::new(&mut *inner).poll_read(cx, &mut rb) {
                Poll::Ready(Ok(())) => Poll::Ready(Ok(rb.filled().len())),
                Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
                Poll::Pending => Poll::Pending,
            }
        })
        .await?;
        // SAFETY: `poll_read` initialised the first `n` bytes of the spare
        // room (`ReadBuf::filled`), right after the buffer's length.
        unsafe { self.buf.set_len(self.buf.len() + n) };
        Ok(n > 0)
    }

    /// The next line without its `\n` (cut at [`MAX_HEADER_LINE`]); `None` at end of input.
    async fn line(&mut self) -> io::Result<Option<Vec<u8>>> {
        loop {
            let pending = &self.buf[self.start..];
            if let Some(i) = pending.iter().position(|&b| b == b'\n') {
                let line = pending[..i].to_vec();
                self.start += i + 1;
                return Ok(Some(line));
            }
            if pending.len() >= MAX_HEADER_LINE {
                // Keep a header's length at the end: it may be cut in two here.
                let keep = CONTENT_LENGTH.len();
                let line = pending[..pending.len() - keep].to_vec();
                self.start = self.buf.len() - keep;
                return Ok(Some(line));
            }
            if !self.fill().await? {
                let rest = &self.buf[self.start..];
                let line = (!rest.is_empty()).then(|| rest.to_vec());
                self.start = self.buf.len();
                return Ok(line);
            }
        }
    }

    /// A body of `n` bytes, or fewer when a `Content-Length` header
    /// follows a complete JSON value before the `n`-th byte (the length
    /// given was too long: the rest belongs to the next message).
    async fn bytes(&mut self, n: usize) -> io::Result<Vec<u8>> {
        let mut searched = 0;
        loop {
            let available = (self.buf.len() - self.start).min(n);
            let window = &self.buf[self.start..self.start + available];
            let mut from = searched;
            while let Some(at) = find_content_length(&window[from..]).map(|i| from + i) {
                if serde_json::from_slice::<serde::de::IgnoredAny>(&window[..at]).is_ok() {
                    log::stderr(
                        Level::Warn,
                        &format!("Content-Length {n} is too long: the message ends after {at} bytes, where another begins"),
                    );
                    let out = window[..at].to_vec();
                    self.start += at;
                    return Ok(out);
                }
                from = at + 1;
            }
            searched = available.saturating_sub(CONTENT_LENGTH.len() - 1);
            if available == n {
                break;
            }
            // Room for the whole body and a read beyond it, at once: `fill`
            // then never grows the buffer (which doubles it: 20 MB for a
            // 10-MB `didOpen`).
            self.buf.reserve(n - available + MIN_READ);
            if !self.fill().await? {
                return Err(io::ErrorKind::UnexpectedEof.into());
            }
            // `fill` moved the pending bytes to the start of the buffer.
        }
        if n < KEPT_BUFFER {
            let out = self.buf[self.start..self.start + n].to_vec();
            self.start += n;
            return Ok(out);
        }
        // A large body is the buffer itself, handed over rather than copied
        // (and so not kept either): the buffer goes on with what follows it.
        self.buf.drain(..self.start);
        self.start = 0;
        let rest = self.buf[n..].to_vec();
        self.buf.truncate(n);
        Ok(std::mem::replace(&mut self.buf, rest))
    }

    /// The next message: header lines up to an empty line, then a body of
    /// `Content-Length` bytes. Header lines other than `Content-Length` are
    /// ignored; what is not a header line (the rest of a body whose length
    /// was given too short) is skipped up to the next `Content-Length`,
    /// wherever it starts. `Ok(None)` at end of input.
    async fn frame(&mut self) -> io::Result<Option<Frame>> {
        let mut length: Option<Result<usize, String>> = None;
        let mut seen_header = false;
        let mut skipped = 0usize;
        loop {
            let Some(line) = self.line().await? else {
                if skipped > 0 {
                    log::stderr(Level::Warn, &format!("skipped {skipped} bytes that were not a message at the end of the input"));
                }
                return Ok(None);
            };
            let mut line: &[u8] = &line;
            if let Some(at) = find_content_length(line).filter(|&at| at > 0) {
                // A header glued to the end of something else.
                skipped += at;
                line = &line[at..];
                length = None;
                seen_header = false;
            }
            let text = String::from_utf8_lossy(line);
            let text = text.trim_end_matches('\r');
            if text.is_empty() {
                if seen_header {
                    break;
                }
                skipped += line.len() + 1;
                continue; // a stray blank line between messages
            }
            let header = text
                .split_once(':')
                .filter(|(name, _)| !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
            match header {
                Some((name, value)) if name.eq_ignore_ascii_case("content-length") => {
                    let value = value.trim();
                    length = Some(value.parse::<usize>().map_err(|e| format!("bad Content-Length `{value}`: {e}")));
                    seen_header = true;
                }
                Some(_) if seen_header || length.is_none() && skipped == 0 => seen_header = true,
                _ => {
                    // Not a header: skip it, and any headers read with it.
                    skipped += line.len() + 1;
                    length = None;
                    seen_header = false;
                }
            }
        }
        if skipped > 0 {
            log::stderr(Level::Warn, &format!("skipped {skipped} bytes that were not a message, up to the next Content-Length header"));
        }
        match length {
            Some(Ok(len)) if len <= MAX_BODY => {
                let started = std::time::Instant::now();
                let body = self.bytes(len).await?;
                if len >= STASH_FROM && log::enabled(Level::Debug) {
                    log::stderr(Level::Debug, &format!("read a message of {len} bytes in {:?} after its header", started.elapsed()));
                }
                Ok(Some(Frame::Body(body)))
            }
            Some(Ok(len)) => Ok(Some(Frame::BadHeaders(format!("a message of {len} bytes is too large")))),
            Some(Err(e)) => Ok(Some(Frame::BadHeaders(e))),
            None => Ok(Some(Frame::BadHeaders("missing Content-Length header".to_string()))),
        }
    }
}

/// Writes the header, then the body (not copied after it: a body can be tens of megabytes).
async fn write_framed<W: AsyncWrite + Unpin>(out: &mut W, body: &[u8]) -> io::Result<()> {
    write_all(out, format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes()).await?;
    write_all(out, body).await
}

async fn write_all<W: AsyncWrite + Unpin>(out: &mut W, mut bytes: &[u8]) -> io::Result<()> {
    while !bytes.is_empty() {
        let n = poll_fn(|cx| Pin::new(&mut *out).poll_write(cx, bytes)).await?;
        if n == 0 {
            return Err(io::ErrorKind::WriteZero.into());
        }
        bytes = &bytes[n..];
    }
    Ok(())
}

async fn flush<W: AsyncWrite + Unpin>(out: &mut W) -> io::Result<()> {
    poll_fn(|cx| Pin::new(&mut *out).poll_flush(cx)).await
}

/// What to do with a message read from stdin.
enum Checked {
    /// Pass these bytes on to `Server`.
    Pass(Vec<u8>),
    /// Answer this here, and drop the message.
    Reply(Response),
}

/// Checks that `body` is a message `Server` will accept (exactly the types
/// it decodes into) and answers for it where `Server` would not: see the
/// module's documentation.
fn check_message(body: Vec<u8>, direct: &Direct) -> Checked {
    match serde_json::from_slice::<Request>(&body) {
        Ok(request) => return check_request(request, body, direct),
        Err(_) if memchr::memmem::find(&body, br"\u").is_some() => {
            if let Some(repaired) = replace_lone_surrogates(&body) {
                log::stderr(Level::Warn, "a message with a lone UTF-16 surrogate escape: replaced by U+FFFD");
                return check_message(repaired, direct);
            }
        }
        Err(_) => {}
    }
    if serde_json::from_slice::<Response>(&body).is_ok() {
        return Checked::Pass(body);
    }
    match serde_json::from_slice::<Value>(&body) {
        Err(e) => {
            log::stderr(Level::Warn, &format!("malformed JSON message: {e}"));
            Checked::Reply(Response::from_error(Id::Null, Error::parse_error()))
        }
        Ok(value) => {
            log::stderr(Level::Warn, "a JSON value that is not a JSON-RPC 2.0 message");
            let id = match value.get("id") {
                Some(Value::Number(n)) => n.as_i64().map(Id::Number).unwrap_or(Id::Null),
                Some(Value::String(s)) => Id::String(s.clone()),
                _ => Id::Null,
            };
            Checked::Reply(Response::from_error(id, Error::invalid_request()))
        }
    }
}

/// [`check_message`], timed in the debug log for a large message.
fn check_timed(body: Vec<u8>, direct: &Direct) -> Checked {
    if body.len() < STASH_FROM || !log::enabled(Level::Debug) {
        return check_message(body, direct);
    }
    let (started, len) = (std::time::Instant::now(), body.len());
    let checked = check_message(body, direct);
    log::stderr(Level::Debug, &format!("read the JSON of a message of {len} bytes in {:?}", started.elapsed()));
    checked
}

fn check_request(request: Request, body: Vec<u8>, direct: &Direct) -> Checked {
    let method = request.method();
    if let Some(id) = request.id() {
        if method.starts_with("$/") {
            log::stderr(Level::Warn, &format!("a request named {method}: no such request"));
            let mut error = Error::method_not_found();
            error.data = Some(Value::String(method.to_string()));
            return Checked::Reply(Response::from_error(id.clone(), error));
        }
        if let Some(rerouted) = super::direct::reroute(&request) {
            return Checked::Pass(rerouted);
        }
        return Checked::Pass(body);
    }
    if body.len() >= STASH_FROM && matches!(method, "textDocument/didOpen" | "textDocument/didChange") {
        // A large text: read once here, and handed over beside the library (see `direct.rs`).
        drop(body);
        let method = method.to_string();
        let uri =
            request.params().and_then(|p| p.get("textDocument")).and_then(|d| d.get("uri")).and_then(Value::as_str).map(str::to_string);
        let (_, _, params) = request.into_parts();
        return match direct.stash(&method, params.unwrap_or_default()) {
            Ok(stub) => Checked::Pass(stub),
            Err(error) => invalid_notification(method, uri, error),
        };
    }
    let unreadable = match method {
        "textDocument/didOpen" => params_error::<DidOpenTextDocumentParams>(request.params()),
        "textDocument/didChange" => params_error::<DidChangeTextDocumentParams>(request.params()),
        "textDocument/didClose" => params_error::<DidCloseTextDocumentParams>(request.params()),
        "workspace/didChangeConfiguration" => params_error::<DidChangeConfigurationParams>(request.params()),
        _ => None,
    };
    let Some(error) = unreadable else { return Checked::Pass(body) };
    let uri = request.params().and_then(|p| p.get("textDocument")).and_then(|d| d.get("uri")).and_then(Value::as_str);
    invalid_notification(method.to_string(), uri.map(str::to_string), error)
}

/// `rapporteur/invalidNotification` in place of a notification whose parameters cannot be read.
fn invalid_notification(method: String, uri: Option<String>, error: String) -> Checked {
    let params = InvalidNotification { method, uri, error };
    let message = json!({"jsonrpc": "2.0", "method": INVALID_NOTIFICATION, "params": params});
    Checked::Pass(serde_json::to_vec(&message).unwrap_or_default())
}

/// Why `params` cannot be read as a `T`, if it cannot.
fn params_error<T: DeserializeOwned>(params: Option<&Value>) -> Option<String> {
    let params = params.unwrap_or(&Value::Null);
    T::deserialize(params).err().map(|e| e.to_string())
}

/// `body` with every `\uXXXX` escape of a lone surrogate replaced by
/// `\ufffd`; `None` if there is none.
fn replace_lone_surrogates(body: &[u8]) -> Option<Vec<u8>> {
    fn escape_at(body: &[u8], i: usize) -> Option<u16> {
        let hex = body.get(i + 2..i + 6)?;
        if body[i] != b'\\' || body[i + 1] != b'u' {
            return None;
        }
        u16::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()
    }
    let mut out = Vec::with_capacity(body.len());
    let mut changed = false;
    let mut i = 0;
    while i < body.len() {
        if body[i] != b'\\' {
            out.push(body[i]);
            i += 1;
            continue;
        }
        match escape_at(body, i) {
            Some(high @ 0xD800..=0xDBFF) => {
                if matches!(escape_at(body, i + 6), Some(0xDC00..=0xDFFF)) {
                    out.extend_from_slice(&body[i..i + 12]);
                    i += 12;
                } else {
                    let _ = high;
                    out.extend_from_slice(br"\ufffd");
                    changed = true;
                    i += 6;
                }
            }
            Some(0xDC00..=0xDFFF) => {
                out.extend_from_slice(br"\ufffd");
                changed = true;
                i += 6;
            }
            _ => {
                // Any other escape (`\\` included) is kept whole.
                let end = (i + 2).min(body.len());
                out.extend_from_slice(&body[i..end]);
                i = end;
            }
        }
    }
    changed.then_some(out)
}

/// Stdin → checks → `Server`'s input; error responses → the writer.
async fn read_input<R: AsyncRead + Unpin>(
    input: R,
    to_server: UnboundedSender<Vec<u8>>,
    out: UnboundedSender<Outgoing>,
    direct: Arc<Direct>,
) {
    let mut input = FrameReader::new(input);
    loop {
        let frame = match input.frame().await {
            Ok(Some(frame)) => frame,
            Ok(None) => break,
            Err(e) => {
                log::stderr(Level::Error, &format!("reading stdin: {e}"));
                break;
            }
        };
        let rejected = match frame {
            Frame::Body(body) => match check_timed(body, &direct) {
                Checked::Pass(body) => {
                    let header = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
                    if to_server.send(header).is_err() || to_server.send(body).is_err() {
                        break; // the server has stopped reading (after `exit`)
                    }
                    continue;
                }
                Checked::Reply(response) => response,
            },
            Frame::BadHeaders(why) => {
                log::stderr(Level::Warn, &format!("dropping a message: {why}"));
                Response::from_error(Id::Null, Error::parse_error())
            }
        };
        if let Ok(bytes) = serde_json::to_vec(&rejected) {
            let _ = out.send(Outgoing::Message(bytes));
        }
    }
    // Dropping `to_server` ends the server's input.
}

/// `Server`'s output → the writer, one whole message at a time.
async fn forward_output<R: AsyncRead + Unpin>(from_server: R, out: UnboundedSender<Outgoing>, direct: Arc<Direct>) {
    let mut from_server = FrameReader::new(from_server);
    while let Ok(Some(Frame::Body(body))) = from_server.frame().await {
        if direct.swallow(&body) {
            continue; // answered directly already
        }
        if out.send(Outgoing::Message(body)).is_err() {
            break;
        }
    }
}

/// The only writer of stdout.
async fn write_output<W: AsyncWrite + Unpin>(mut rx: UnboundedReceiver<Outgoing>, mut stdout: W) {
    while let Some(first) = rx.recv().await {
        let mut result = write_outgoing(&mut stdout, first).await;
        while let (Ok(()), Ok(more)) = (&result, rx.try_recv()) {
            result = write_outgoing(&mut stdout, more).await;
        }
        if let Err(e) = result.and(flush(&mut stdout).await) {
            log::stderr(Level::Error, &format!("writing stdout: {e}"));
            break;
        }
    }
}

async fn write_outgoing<W: AsyncWrite + Unpin>(out: &mut W, outgoing: Outgoing) -> io::Result<()> {
    match outgoing {
        Outgoing::Message(body) => write_framed(out, &body).await,
        Outgoing::Pieces(len, pieces) => write_pieces(out, len, pieces).await,
    }
}

/// A message of `len` bytes whose body comes in pieces: exactly `len`
/// bytes are written whatever comes (blanks make up for pieces that did
/// not come, so that the stream stays framed), and the pieces are written
/// as they arrive.
async fn write_pieces<W: AsyncWrite + Unpin>(out: &mut W, len: usize, mut pieces: Receiver<Vec<u8>>) -> io::Result<()> {
    write_all(out, format!("Content-Length: {len}\r\n\r\n").as_bytes()).await?;
    let mut written = 0;
    while let Some(piece) = pieces.recv().await {
        let room = len - written;
        write_all(out, &piece[..piece.len().min(room)]).await?;
        written += piece.len().min(room);
    }
    if written < len {
        log::stderr(Level::Error, &format!("an answer of {len} bytes ended after {written}: padded with blanks"));
        write_all(out, &vec![b' '; len - written]).await?;
    }
    Ok(())
}

/// Serves `service` on `input`/`output` until `exit` or end of input.
pub async fn serve<R, W>(input: R, output: W, service: LspService<Backend>, socket: ClientSocket)
where
    R: AsyncRead + Unpin + Send + 'static,
    W: AsyncWrite + Unpin + Send + 'static,
{
    let (to_server, server_in) = unbounded_channel();
    let (server_out, from_server) = unbounded_channel();
    let (out_tx, out_rx) = unbounded_channel();
    let writer = tokio::spawn(write_output(out_rx, output));
    let direct = Arc::new(Direct::new(out_tx.clone()));
    service.inner().set_direct(Arc::clone(&direct));
    let forwarder = tokio::spawn(forward_output(PipeReader::new(from_server), out_tx.clone(), Arc::clone(&direct)));
    let reader = tokio::spawn(read_input(input, to_server, out_tx, Arc::clone(&direct)));
    Server::new(PipeReader::new(server_in), PipeWriter(server_out), socket).concurrency_level(CONCURRENCY).serve(service).await;
    // `Server` has dropped its output pipe: the forwarder drains it and ends.
    let _ = forwarder.await;
    direct.close();
    // The reader may be waiting for more input (a client need not close stdin after `exit`).
    reader.abort();
    let _ = reader.await;
    let _ = writer.await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_os = "linux")]
    #[test]
    fn a_pipe_is_widened_and_anything_else_left_alone() {
        let mut fds = [0 as libc::c_int; 2];
        // SAFETY: `fds` has room for the two descriptors `pipe` writes; both
        // are closed below.
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        // SAFETY: reading a pipe's size.
        let size = || unsafe { libc::fcntl(fds[0], libc::F_GETPIPE_SZ) } as usize;
        let before = size();
        widen_pipe(fds[0]);
        let limit = std::fs::read_to_string("/proc/sys/fs/pipe-max-size").ok().and_then(|s| s.trim().parse::<usize>().ok());
        if limit.is_some_and(|max| max >= STDIN_PIPE) {
            assert_eq!(size(), STDIN_PIPE, "from {before}");
        }
        // SAFETY: closing the descriptors opened above.
        unsafe {
            libc::close(fds[0]);
            libc::close(fds[1]);
        }
        widen_pipe(-1); // not a descriptor: nothing
    }

    #[test]
    fn an_answer_in_pieces_is_written_at_its_length_whatever_comes() {
        let runtime = tokio::runtime::Builder::new_current_thread().build().expect("a runtime");
        let write = |len: usize, pieces: &[&str]| -> String {
            let (tx, rx) = channel(8);
            for piece in pieces {
                tx.try_send(piece.as_bytes().to_vec()).expect("room");
            }
            drop(tx);
            let mut out: Vec<u8> = Vec::new();
            runtime.block_on(write_pieces(&mut out, len, rx)).expect("written");
            String::from_utf8(out).expect("UTF-8")
        };
        assert_eq!(write(11, &["{\"a\":", "[1,2]}"]), "Content-Length: 11\r\n\r\n{\"a\":[1,2]}");
        // Fewer bytes than announced: made up with blanks; more: cut.
        assert_eq!(write(8, &["null"]), "Content-Length: 8\r\n\r\nnull    ");
        assert_eq!(write(2, &["null"]), "Content-Length: 2\r\n\r\nnu");
    }

    #[test]
    fn lone_surrogates_are_replaced_and_pairs_kept() {
        let body = br#"{"t":"a\ud800b\udc00c\ud83d\ude00\\ud800\u0041"}"#;
        let repaired = replace_lone_surrogates(body).expect("repaired");
        let v: Value = serde_json::from_slice(&repaired).expect("valid JSON now");
        assert_eq!(v["t"], "a\u{FFFD}b\u{FFFD}c😀\\ud800A");
        assert!(replace_lone_surrogates(br#"{"t":"\ud83d\ude00"}"#).is_none());
    }

    #[test]
    fn a_large_body_is_read_into_one_allocation_and_not_kept() {
        /// Input arriving a pipe's worth at a time.
        struct Trickle(Vec<u8>, usize);
        impl AsyncRead for Trickle {
            fn poll_read(mut self: Pin<&mut Self>, _: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
                let n = (self.0.len() - self.1).min(64 << 10).min(buf.remaining());
                let at = self.1;
                buf.put_slice(&self.0[at..at + n]);
                self.1 += n;
                Poll::Ready(Ok(()))
            }
        }
        let large = format!("{{\"text\":\"{}\"}}", "x".repeat(3 << 20));
        let small = "{\"id\":1}";
        let mut input = Vec::new();
        for body in [&large, &small.to_string(), &large] {
            input.extend(format!("Content-Length: {}\r\n\r\n{body}", body.len()).bytes());
        }
        let runtime = tokio::runtime::Builder::new_current_thread().build().expect("a runtime");
        runtime.block_on(async {
            let mut reader = FrameReader::new(Trickle(input, 0));
            for expected in [&large, &small.to_string(), &large] {
                let Ok(Some(Frame::Body(body))) = reader.frame().await else { panic!("a body") };
                assert!(body == expected.as_bytes(), "the body read is the body sent");
                // Neither doubled on the way nor kept after.
                assert!(body.capacity() < body.len() + 2 * KEPT_BUFFER, "capacity {} for {} bytes", body.capacity(), body.len());
                assert!(reader.buf.capacity() < 2 * KEPT_BUFFER, "the reader keeps {} bytes", reader.buf.capacity());
            }
            assert!(matches!(reader.frame().await, Ok(None)));
        });
    }

    #[test]
    fn content_length_found_anywhere() {
        assert_eq!(find_content_length(b"xx}content-LENGTH: 5"), Some(3));
        assert_eq!(find_content_length(b"Content-Length"), None);
    }
}
