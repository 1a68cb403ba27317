//! The one layer in front of every route: the cross-origin guard and CORS (guard.rs; preflight
//! answered before auth and faults), request counting, fault injection, security headers and
//! the access log.

use crate::app::AppState;
use crate::errors::ApiError;
use crate::faults::{self, ConnKill, Fault};
use crate::guard;
use crate::Config;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::time::Instant;

pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
img-src 'self' data:; connect-src 'self'; frame-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; \
object-src 'none'";

const FAULT_HEADER: &str = "x-sandbox-fault";

/// The demo pages' policy: in live mode the widget also connects to the real vault and API,
/// frames the real vault's provider page, and shows PromptPay QR codes from the API's
/// `download_uri` (`img-src`).
pub fn csp_for(config: &Config) -> String {
    match &config.upstream {
        Some(up) => CSP
            .replace("connect-src 'self'", &format!("connect-src 'self' {}", up.origins().join(" ")))
            .replace("img-src 'self' data:", &format!("img-src 'self' data: {}", up.origins().join(" ")))
            .replace("frame-src 'self'", &format!("frame-src 'self' {}", up.vault_origin())),
        None => CSP.to_owned(),
    }
}

fn security_headers(headers: &mut HeaderMap, csp: &HeaderValue) {
    let html = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    // A handler may have set a stricter or extended policy of its own (authorization pages).
    if html && !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(header::CONTENT_SECURITY_POLICY, csp.clone());
    }
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    // A development server: every answer is fresh (pages, package files and API objects).
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
}

/// A per-request fault from the `X-Sandbox-Fault` header or `__sandbox_fault` query parameter.
fn request_fault(req: &Request) -> Option<Fault> {
    if let Some(v) = req.headers().get(FAULT_HEADER).and_then(|v| v.to_str().ok()) {
        return Fault::from_header(v);
    }
    let query = req.uri().query()?;
    form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "__sandbox_fault")
        .and_then(|(_, v)| Fault::from_header(&v))
}

/// axum's own extractor rejections (bad percent-encoding in a path, …) are plain text;
/// clients of an Omise-compatible API expect error objects.
async fn plain_errors_as_objects(resp: Response) -> Response {
    let plain = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/plain"));
    if !resp.status().is_client_error() || !plain {
        return resp;
    }
    let status = resp.status();
    let text = axum::body::to_bytes(resp.into_body(), 4096).await.unwrap_or_default();
    ApiError::new(status, "bad_request", String::from_utf8_lossy(&text).into_owned()).into_response()
}

pub async fn gate(State(app): State<AppState>, req: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = req.method().clone();
    // Only the path is ever logged: query strings and bodies may carry customer data.
    let path = req.uri().path().to_owned();
    let (cors, mut resp) = match guard::check(&app, &path, req.headers()) {
        Err(refused) => (guard::Cors::Omit, refused.into_response()),
        Ok(cors) => (cors, answer(&app, req, next, &path, &method).await),
    };
    resp = plain_errors_as_objects(resp).await;
    guard::apply(resp.headers_mut(), &cors);
    security_headers(resp.headers_mut(), &app.csp);
    if !app.config.quiet {
        eprintln!("{method} {path} {} {}ms", resp.status().as_u16(), start.elapsed().as_millis());
    }
    resp
}

/// The preflight, an injected fault, or the route's own answer.
async fn answer(app: &AppState, req: Request, next: Next, path: &str, method: &Method) -> Response {
    if method == Method::OPTIONS {
        StatusCode::NO_CONTENT.into_response()
    } else {
        // Request counts and faults are test controls: none in live mode.
        let controls = path.starts_with("/__sandbox/") || app.live();
        let fault = if controls {
            None
        } else {
            let key = crate::auth::presented_key(req.headers());
            let mut inner = app.store.lock();
            inner.count_request(path);
            if let Some(k) = &key {
                inner.count_request(&format!("@{k}{path}"));
            }
            faults::take(&mut inner.faults, key.as_deref(), path, method)
        };
        match fault.or_else(|| if controls { None } else { request_fault(&req) }) {
            Some(fault) => {
                let kill = req.extensions().get::<ConnKill>().cloned();
                match faults::answer(&fault, kill).await {
                    Some(resp) => resp,
                    None => next.run(req).await,
                }
            }
            None => next.run(req).await,
        }
    }
}
