//! Cross-origin policy. The vault and API (`/tokens`, `/sources`, `/charges`, …) answer any
//! origin (`Access-Control-Allow-Origin: *`: merchant pages anywhere call them with a key).
//! The demo backend (`/demo/*`, which charges with the secret key and, in live mode, a real
//! account) and the test controls (`/__sandbox/*`, no key at all) answer only this server's
//! own pages, a page on this machine in test mode (the browser tests' page is another port of
//! 127.0.0.1), and clients that are not browsers (no `Origin`, no `Sec-Fetch-Site`). Anything
//! cross-site gets 403 before it reaches a handler, preflights included, so a web page the
//! developer happens to visit cannot create charges or rewire the sandbox. In live mode the
//! controls do not exist (404).

use crate::app::App;
use crate::errors::ApiError;
use crate::origins::is_loopback_origin;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode};

/// The stylesheet of the authorization pages: an asset, not a control.
const SANDBOX_CSS: &str = "/__sandbox/sandbox.css";

/// What an answer says about CORS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cors {
    /// `*`: the vault and API.
    Any,
    /// The caller's own (trusted) origin, with `Vary: Origin`.
    Reflect(HeaderValue),
    /// Nothing: same-origin pages and non-browser clients need no header.
    Omit,
}

fn is_control(path: &str) -> bool {
    path.starts_with("/__sandbox/") && path != SANDBOX_CSS
}

fn is_guarded(path: &str) -> bool {
    path.starts_with("/demo/") || is_control(path)
}

fn refused() -> ApiError {
    ApiError::new(
        StatusCode::FORBIDDEN,
        "forbidden",
        "cross-site requests to /demo and /__sandbox are refused: use the pages this server serves",
    )
}

/// Whether a browser page at `origin` may call the guarded routes.
fn trusted(app: &App, origin: &str) -> bool {
    app.origins().is_own(origin) || (!app.live() && is_loopback_origin(origin))
}

/// The CORS answer for this request, or the refusal to send instead of running it.
pub fn check(app: &App, path: &str, headers: &HeaderMap) -> Result<Cors, ApiError> {
    if !is_guarded(path) {
        return Ok(Cors::Any);
    }
    if app.live() && is_control(path) {
        return Err(ApiError::not_found("the requested resource"));
    }
    let text = |name: &str| headers.get(name).map(|v| v.to_str().unwrap_or("?"));
    // Every current browser sends it (Chrome 76+, Firefox 90+, Safari 16.4+); `none` is the
    // user typing the URL. A cross-site caller is refused even with a trusted-looking Origin.
    match text("sec-fetch-site") {
        None | Some("same-origin" | "same-site" | "none") => {}
        Some(_) => return Err(refused()),
    }
    match headers.get(header::ORIGIN) {
        None => Ok(Cors::Omit),
        Some(origin) if origin.to_str().is_ok_and(|o| trusted(app, o)) => Ok(Cors::Reflect(origin.clone())),
        Some(_) => Err(refused()),
    }
}

/// Sets the CORS headers of an answer.
pub fn apply(headers: &mut HeaderMap, cors: &Cors) {
    let origin = match cors {
        Cors::Omit => return,
        Cors::Any => HeaderValue::from_static("*"),
        Cors::Reflect(origin) => {
            headers.insert(header::VARY, HeaderValue::from_static("Origin"));
            origin.clone()
        }
    };
    let set = |h: &mut HeaderMap, name: &'static str, value: &'static str| {
        h.insert(HeaderName::from_static(name), HeaderValue::from_static(value));
    };
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    set(headers, "access-control-allow-methods", "GET, POST, PATCH, DELETE, OPTIONS");
    set(
        headers,
        "access-control-allow-headers",
        "Authorization, Content-Type, Omise-Version, X-Sandbox-Fault",
    );
    set(headers, "access-control-expose-headers", "Retry-After");
    set(headers, "access-control-max-age", "600");
}
