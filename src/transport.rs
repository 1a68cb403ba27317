//! HTTP to the vault and the API, behind one small interface (SPEC §7: a provider-iframe
//! transport can be added beside `FetchTransport` without touching the callers).
//!
//! Card data is sent only to the configured endpoint: no redirects are followed (`redirect:
//! "error"`), no cookies are sent, nothing is cached, and the body never appears in a URL.

use alloc::boxed::Box;
use alloc::string::String;

use alloc::rc::Rc;
use core::cell::Cell;
use core::future::Future;
use core::pin::Pin;

use js_sys::JSON;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, Headers, Request, RequestCredentials, RequestInit, RequestRedirect, Response,
};

use zeroize::Zeroizing;

use crate::timer::Timeout;

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

/// One way of getting a request to the vault or the API.
pub trait Transport {
    fn send(&self, request: HttpRequest) -> Pin<Box<dyn Future<Output = Reply>>>;
}

/// `fetch` with an `AbortController` timeout.
pub struct FetchTransport;

impl Transport for FetchTransport {
    fn send(&self, request: HttpRequest) -> Pin<Box<dyn Future<Output = Reply>>> {
        Box::pin(fetch(request))
    }
}

async fn fetch(request: HttpRequest) -> Reply {
    let Some(window) = web_sys::window() else { return Reply::NetworkFailure };
    let Ok(controller) = AbortController::new() else { return Reply::NetworkFailure };
    let timed_out = Rc::new(Cell::new(false));
    let flag = timed_out.clone();
    let abort = controller.clone();
    // Held until the body is read: a server that stalls mid-body also times out.
    let _timer = Timeout::new(request.timeout_ms, move || {
        flag.set(true);
        abort.abort();
    });
    let Ok(headers) = Headers::new() else { return Reply::NetworkFailure };
    if let Some(auth) = &request.authorization {
        let _ = headers.set("Authorization", auth);
    }
    let _ = headers.set("Accept", "application/json");
    if let Some(ct) = request.content_type {
        let _ = headers.set("Content-Type", ct);
    }
    let init = RequestInit::new();
    init.set_method(request.method);
    init.set_headers(&headers);
    init.set_signal(Some(&controller.signal()));
    init.set_credentials(RequestCredentials::Omit);
    init.set_redirect(RequestRedirect::Error);
    init.set_cache(web_sys::RequestCache::NoStore);
    if let Some(body) = &request.body {
        init.set_body(&JsValue::from_str(body.as_str()));
    }
    let failed =
        |timed_out: &Rc<Cell<bool>>| if timed_out.get() { Reply::TimedOut } else { Reply::NetworkFailure };
    let Ok(req) = Request::new_with_str_and_init(&request.url, &init) else { return Reply::NetworkFailure };
    let response: Response = match JsFuture::from(window.fetch_with_request(&req)).await {
        Ok(r) => match r.dyn_into() {
            Ok(r) => r,
            Err(_) => return Reply::NetworkFailure,
        },
        Err(_) => return failed(&timed_out),
    };
    let status = response.status();
    let retry_after = response.headers().get("Retry-After").ok().flatten();
    let text = match response.text() {
        Ok(p) => match JsFuture::from(p).await {
            Ok(t) => t.as_string().unwrap_or_default(),
            Err(_) => return failed(&timed_out),
        },
        Err(_) => return failed(&timed_out),
    };
    let json = JSON::parse(&text).ok().filter(|v| v.is_object());
    Reply::Response { status, retry_after, json }
}
