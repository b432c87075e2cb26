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

use std::future::poll_fn;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use serde_json::Value;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};
use tower_lsp_server::jsonrpc::{Error, Id, Request, Response};
use tower_lsp_server::{ClientSocket, LspService, Server};

use super::log::{self, Level};
use super::server::Backend;

/// Largest message body accepted (a 10-MB document is far below it).
const MAX_BODY: usize = 256 << 20;
/// Longest header line kept; a longer one is cut there.
const MAX_HEADER_LINE: usize = 8 << 10;

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

/// The read end of an in-memory pipe; end of input once every sender is gone.
struct PipeReader {
    rx: UnboundedReceiver<Vec<u8>>,
    chunk: Vec<u8>,
    pos: usize,
}

impl PipeReader {
    fn new(rx: UnboundedReceiver<Vec<u8>>) -> PipeReader {
        PipeReader { rx, chunk: Vec::new(), pos: 0 }
    }
}

impl AsyncRead for PipeReader {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        while this.pos >= this.chunk.len() {
            match this.rx.poll_recv(cx) {
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
        }
        let mut chunk = [0u8; 16 << 10];
        let inner = &mut self.inner;
        let n = poll_fn(|cx| {
            let mut rb = ReadBuf::new(&mut chunk);
            match Pin::new(&mut *inner).poll_read(cx, &mut rb) {
                Poll::Ready(Ok(())) => Poll::Ready(Ok(rb.filled().len())),
                Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
                Poll::Pending => Poll::Pending,
            }
        })
        .await?;
        self.buf.extend_from_slice(&chunk[..n]);
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
                let line = pending.to_vec();
                self.start = self.buf.len();
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

    /// Exactly `n` bytes.
    async fn bytes(&mut self, n: usize) -> io::Result<Vec<u8>> {
        while self.buf.len() - self.start < n {
            self.buf.reserve(n - (self.buf.len() - self.start));
            if !self.fill().await? {
                return Err(io::ErrorKind::UnexpectedEof.into());
            }
        }
        let out = self.buf[self.start..self.start + n].to_vec();
        self.start += n;
        Ok(out)
    }

    /// The next message: header lines up to an empty line, then a body of
    /// `Content-Length` bytes. Header lines other than `Content-Length` are
    /// ignored. `Ok(None)` at end of input.
    async fn frame(&mut self) -> io::Result<Option<Frame>> {
        let mut length: Option<Result<usize, String>> = None;
        let mut seen_header = false;
        loop {
            let Some(line) = self.line().await? else { return Ok(None) };
            let text = String::from_utf8_lossy(&line);
            let text = text.trim_end_matches('\r');
            if text.is_empty() {
                if seen_header {
                    break;
                }
                continue; // a stray blank line between messages
            }
            seen_header = true;
            match text.split_once(':') {
                Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                    let value = value.trim();
                    length = Some(value.parse::<usize>().map_err(|e| format!("bad Content-Length `{value}`: {e}")));
                }
                Some(_) => {}
                None => log::stderr(Level::Warn, &format!("ignoring a malformed header line: {text:?}")),
            }
        }
        match length {
            Some(Ok(len)) if len <= MAX_BODY => Ok(Some(Frame::Body(self.bytes(len).await?))),
            Some(Ok(len)) => Ok(Some(Frame::BadHeaders(format!("a message of {len} bytes is too large")))),
            Some(Err(e)) => Ok(Some(Frame::BadHeaders(e))),
            None => Ok(Some(Frame::BadHeaders("missing Content-Length header".to_string()))),
        }
    }
}

fn framed(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
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

/// Checks that `body` is a message `Server` will accept (exactly the types
/// it decodes into); otherwise returns the error response to send.
fn check_message(body: &[u8]) -> Result<(), Response> {
    if serde_json::from_slice::<Request>(body).is_ok() || serde_json::from_slice::<Response>(body).is_ok() {
        return Ok(());
    }
    match serde_json::from_slice::<Value>(body) {
        Err(e) => {
            log::stderr(Level::Warn, &format!("malformed JSON message: {e}"));
            Err(Response::from_error(Id::Null, Error::parse_error()))
        }
        Ok(value) => {
            log::stderr(Level::Warn, "a JSON value that is not a JSON-RPC 2.0 message");
            let id = match value.get("id") {
                Some(Value::Number(n)) => n.as_i64().map(Id::Number).unwrap_or(Id::Null),
                Some(Value::String(s)) => Id::String(s.clone()),
                _ => Id::Null,
            };
            Err(Response::from_error(id, Error::invalid_request()))
        }
    }
}

/// Stdin → checks → `Server`'s input; error responses → the writer.
async fn read_input<R: AsyncRead + Unpin>(input: R, to_server: UnboundedSender<Vec<u8>>, out: UnboundedSender<Vec<u8>>) {
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
            Frame::Body(body) => match check_message(&body) {
                Ok(()) => {
                    let header = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
                    if to_server.send(header).is_err() || to_server.send(body).is_err() {
                        break; // the server has stopped reading (after `exit`)
                    }
                    continue;
                }
                Err(response) => response,
            },
            Frame::BadHeaders(why) => {
                log::stderr(Level::Warn, &format!("dropping a message: {why}"));
                Response::from_error(Id::Null, Error::parse_error())
            }
        };
        if let Ok(bytes) = serde_json::to_vec(&rejected) {
            let _ = out.send(bytes);
        }
    }
    // Dropping `to_server` ends the server's input.
}

/// `Server`'s output → the writer, one whole message at a time.
async fn forward_output<R: AsyncRead + Unpin>(from_server: R, out: UnboundedSender<Vec<u8>>) {
    let mut from_server = FrameReader::new(from_server);
    while let Ok(Some(Frame::Body(body))) = from_server.frame().await {
        if out.send(body).is_err() {
            break;
        }
    }
}

/// The only writer of stdout.
async fn write_output<W: AsyncWrite + Unpin>(mut rx: UnboundedReceiver<Vec<u8>>, mut stdout: W) {
    while let Some(body) = rx.recv().await {
        let mut result = write_all(&mut stdout, &framed(&body)).await;
        while let (Ok(()), Ok(more)) = (&result, rx.try_recv()) {
            result = write_all(&mut stdout, &framed(&more)).await;
        }
        if let Err(e) = result.and(flush(&mut stdout).await) {
            log::stderr(Level::Error, &format!("writing stdout: {e}"));
            break;
        }
    }
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
    let forwarder = tokio::spawn(forward_output(PipeReader::new(from_server), out_tx.clone()));
    let reader = tokio::spawn(read_input(input, to_server, out_tx));
    Server::new(PipeReader::new(server_in), PipeWriter(server_out), socket).serve(service).await;
    // `Server` has dropped its output pipe: the forwarder drains it and ends.
    let _ = forwarder.await;
    // The reader may be waiting on stdin (a client need not close it after `exit`).
    reader.abort();
    let _ = reader.await;
    let _ = writer.await;
}
