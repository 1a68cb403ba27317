//! HTTP to the vault and the API: `send` (`fetch`). Tokens go through the vault's provider
//! page by default (`crate::provider`, SPEC §7); `send` carries the rest, and tokens with
//! `transport: 'fetch'`.
//!
//! Card data is sent only to the configured endpoint: no redirects are followed (`redirect:
//! "error"`), no cookies are sent, nothing is cached, and the body never appears in a URL.

use alloc::boxed::Box;
use alloc::string::String;

use alloc::rc::Rc;
use core::cell::Cell;

use js_sys::JSON;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AbortController, Response};

use zeroize::Zeroizing;

use crate::js;
use crate::timer::{soon, then, Timeout};

/// What to send.
pub struct HttpRequest {
    pub method: &'static str,
    pub url: String,
    /// The `Authorization` header value (none for a merchant's own status endpoint).
    pub authorization: Option<String>,
    pub content_type: Option<&'static str>,
    /// Wiped from memory when the request is dropped (a token request holds card data).
    pub body: Option<Zeroizing<String>>,
    pub timeout_ms: u32,
}

/// What came back, before any interpretation (the core classifies it).
pub enum Reply {
    Response {
        status: u16,
        retry_after: Option<String>,
        /// The parsed JSON body, `None` when the body is not JSON (an HTML error page, a cut body).
        json: Option<JsValue>,
    },
    /// Offline, DNS failure, refused or dropped connection, CORS refusal.
    NetworkFailure,
    /// No complete answer within the timeout; the request was aborted.
    TimedOut,
}

/// Where a reply goes (boxed: one copy of the code that calls it).
pub type OnReply = Box<dyn FnOnce(Reply)>;

/// Hands `reply` to `done` in a microtask: an answer known at once still comes after the call
/// that asked (every transport answers later, never inside `send`).
pub fn reply_later(done: OnReply, reply: Reply) {
    soon(Box::new(move || done(reply)));
}

/// Sends a request to the vault, the API or a status endpoint with `fetch` and an
/// `AbortController` timeout; `done` gets the reply, later (never inside `send`). (The
/// provider page is the other way to the vault: `crate::provider`, which takes token requests
/// only.)
pub fn send(request: HttpRequest, done: OnReply) {
    let Some(window) = crate::js::window() else { return reply_later(done, Reply::NetworkFailure) };
    let Ok(controller) = AbortController::new() else { return reply_later(done, Reply::NetworkFailure) };
    // Plain objects for the headers and the init (the browser reads them as a `Headers` and a
    // `RequestInit`): one `fetch(url, init)` instead of web-sys's setter per field.
    let headers = js::object(&[("Accept", js::static_str("application/json"))]);
    if let Some(auth) = &request.authorization {
        js::set(&headers, "Authorization", &JsValue::from_str(auth));
    }
    if let Some(ct) = request.content_type {
        js::set(&headers, "Content-Type", &js::static_str(ct));
    }
    let init = js::object(&[
        ("method", js::static_str(request.method)),
        ("headers", headers),
        ("signal", controller.signal().into()),
        ("credentials", js::static_str("omit")),
        ("redirect", js::static_str("error")),
        ("cache", js::static_str("no-store")),
    ]);
    if let Some(body) = &request.body {
        js::set(&init, "body", &JsValue::from_str(body.as_str()));
    }
    // A URL the browser cannot parse rejects the promise: a network failure, as before.
    let sent = window.fetch_with_str_and_init(&request.url, init.unchecked_ref());
    // The body (card data in a token request) is wiped here: the browser has its copy.
    drop(request.body);
    let timed_out = Rc::new(Cell::new(false));
    let flag = timed_out.clone();
    // Held until the body is read: a server that stalls mid-body also times out.
    let timer = Timeout::new(request.timeout_ms, move || {
        flag.set(true);
        controller.abort();
    });
    let failed = move || if timed_out.get() { Reply::TimedOut } else { Reply::NetworkFailure };
    then(
        &sent,
        Box::new(move |response| {
            let response: Response = match response.map(JsCast::dyn_into) {
                Ok(Ok(r)) => r,
                Ok(Err(_)) => return done(Reply::NetworkFailure),
                Err(_) => return done(failed()),
            };
            let status = response.status();
            let retry_after = response.headers().get("Retry-After").ok().flatten();
            let Ok(text) = response.text() else { return done(failed()) };
            then(
                &text,
                Box::new(move |text| {
                    drop(timer);
                    done(match text {
                        Ok(text) => {
                            let json =
                                text.as_string().and_then(|t| JSON::parse(&t).ok()).filter(|v| v.is_object());
                            Reply::Response { status, retry_after, json }
                        }
                        Err(_) => failed(),
                    })
                }),
            );
        }),
    );
}
