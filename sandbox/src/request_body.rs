//! The request body as handlers see it, with two guards hyper leaves to the server:
//!
//! - a deadline: the whole body must arrive within the idle timeout after the head, so a client
//!   trickling a body byte by byte cannot hold a connection (the header timeout only covers
//!   the head);
//! - lingering close: when a handler answers without reading the body (413 for an oversized
//!   form, 401, a fault), hyper would close the socket with the rest unread, the kernel would
//!   reset the connection, and a client still sending would see a broken pipe instead of the
//!   answer. So the server reads and discards the rest first, up to `DISCARD_LIMIT` bytes and
//!   within the same deadline; past that bound it gives up and the connection closes.

use bytes::Bytes;
use http_body::{Body, Frame, SizeHint};
use hyper::body::Incoming;
use std::future::{poll_fn, Future};
use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::time::Sleep;

/// The most a handler's unread body is read to be thrown away (the 64 KB limit's 3 MB
/// offenders fit many times over; past this the connection is closed instead).
pub const DISCARD_LIMIT: usize = 8 * 1024 * 1024;

struct Shared {
    /// `None` once the body ended, failed or ran out of time.
    body: Option<Incoming>,
    deadline: Pin<Box<Sleep>>,
    /// Whether anyone asked for the body (hyper sends `100 Continue` only then).
    polled: bool,
}

/// A request body that shares its state with the connection, which drains what the handler
/// leaves unread.
pub struct RequestBody(Arc<Mutex<Shared>>);

/// The connection's side of a `RequestBody`.
pub struct Leftover(Arc<Mutex<Shared>>);

fn lock(shared: &Mutex<Shared>) -> MutexGuard<'_, Shared> {
    shared.lock().unwrap_or_else(|e| e.into_inner())
}

impl RequestBody {
    pub fn new(body: Incoming, deadline: Duration) -> (RequestBody, Leftover) {
        let shared =
            Shared { body: Some(body), deadline: Box::pin(tokio::time::sleep(deadline)), polled: false };
        let shared = Arc::new(Mutex::new(shared));
        (RequestBody(shared.clone()), Leftover(shared))
    }
}

fn poll_shared(shared: &Mutex<Shared>, cx: &mut Context<'_>) -> Poll<Option<io::Result<Frame<Bytes>>>> {
    let mut s = lock(shared);
    s.polled = true;
    let Some(body) = s.body.as_mut() else { return Poll::Ready(None) };
    match Pin::new(body).poll_frame(cx) {
        Poll::Ready(Some(Ok(frame))) => Poll::Ready(Some(Ok(frame))),
        Poll::Ready(None) => {
            s.body = None;
            Poll::Ready(None)
        }
        Poll::Ready(Some(Err(e))) => {
            s.body = None;
            Poll::Ready(Some(Err(io::Error::other(e))))
        }
        Poll::Pending => {
            if s.deadline.as_mut().poll(cx).is_pending() {
                return Poll::Pending;
            }
            s.body = None;
            Poll::Ready(Some(Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the request body came too slowly",
            ))))
        }
    }
}

impl Body for RequestBody {
    type Data = Bytes;
    type Error = io::Error;

    fn poll_frame(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<io::Result<Frame<Bytes>>>> {
        poll_shared(&self.0, cx)
    }

    fn is_end_stream(&self) -> bool {
        lock(&self.0).body.as_ref().is_none_or(Incoming::is_end_stream)
    }

    fn size_hint(&self) -> SizeHint {
        lock(&self.0).body.as_ref().map_or_else(|| SizeHint::with_exact(0), Incoming::size_hint)
    }
}

impl Leftover {
    /// Reads and discards what the handler left, within the bounds; `true` when the body was
    /// read to its end (the connection can be reused). A client that sent `Expect:
    /// 100-continue` and was never asked for its body has sent nothing: nothing to drain.
    pub async fn drain(self, expect_continue: bool) -> bool {
        {
            let s = lock(&self.0);
            if s.body.is_none() {
                return true;
            }
            if expect_continue && !s.polled {
                return false;
            }
        }
        let mut discarded = 0usize;
        while discarded <= DISCARD_LIMIT {
            match poll_fn(|cx| poll_shared(&self.0, cx)).await {
                None => return true,
                Some(Ok(frame)) => discarded += frame.data_ref().map_or(0, Bytes::len),
                Some(Err(_)) => return false,
            }
        }
        false
    }
}
