//! Fault injection for the widget's reliability tests. Two ways in, deterministic both:
//! queued faults (`POST /__sandbox/faults`: the next N matching requests) and a per-request
//! `X-Sandbox-Fault` header or `__sandbox_fault` query parameter.

use crate::errors::{json_response, ApiError};
use axum::body::Body;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaultKind {
    Status(u16),
    Timeout,
    Drop,
    MalformedJson,
    Html,
    NotToken,
    Empty,
    /// A 400 `invalid_card` naming two fields (the vault's own checks, for card data the
    /// widget let through): the widget must place each part on its field.
    InvalidCard,
    /// A 400 `authorization_failed`: the issuer refused the small authorization made when a
    /// token is created in live Japan (seed 001; the code is our choice, the live one is
    /// unverified).
    AuthorizationFailed,
}

impl FaultKind {
    /// Accepts the JSON API's names and the header's (`status=503`, `html-error-page`, …).
    pub fn parse(name: &str) -> Option<FaultKind> {
        let name = name.trim().to_ascii_lowercase().replace('-', "_");
        let name = name.strip_prefix("status=").unwrap_or(&name);
        Some(match name {
            "500" | "502" | "503" | "429" => FaultKind::Status(name.parse().ok()?),
            "timeout" | "delay" => FaultKind::Timeout,
            "drop" | "drop_connection" => FaultKind::Drop,
            "malformed_json" => FaultKind::MalformedJson,
            "html" | "html_error_page" => FaultKind::Html,
            "not_token" => FaultKind::NotToken,
            "empty" => FaultKind::Empty,
            "invalid_card" => FaultKind::InvalidCard,
            "authorization_failed" => FaultKind::AuthorizationFailed,
            _ => return None,
        })
    }

    pub fn name(self) -> String {
        match self {
            FaultKind::Status(s) => s.to_string(),
            FaultKind::Timeout => "timeout".into(),
            FaultKind::Drop => "drop".into(),
            FaultKind::MalformedJson => "malformed_json".into(),
            FaultKind::Html => "html".into(),
            FaultKind::NotToken => "not_token".into(),
            FaultKind::Empty => "empty".into(),
            FaultKind::InvalidCard => "invalid_card".into(),
            FaultKind::AuthorizationFailed => "authorization_failed".into(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Fault {
    /// Only requests made with this key (tests running side by side each use their own).
    pub key: Option<String>,
    pub path: String,
    pub method: Option<Method>,
    pub kind: FaultKind,
    pub times: u32,
    pub retry_after: u64,
    pub delay_ms: u64,
}

impl Fault {
    /// From `{"key"?,"path","method"?,"fault","times"?,"retryAfter"?,"delayMs"?}`.
    pub fn from_json(v: &Value) -> Result<Fault, ApiError> {
        let path = v.get("path").and_then(Value::as_str).unwrap_or("/");
        if !path.starts_with('/') {
            return Err(ApiError::bad_request("path must start with /"));
        }
        let method = match v.get("method").and_then(Value::as_str) {
            Some(m) => Some(
                Method::from_bytes(m.to_ascii_uppercase().as_bytes())
                    .map_err(|_| ApiError::bad_request("method is invalid"))?,
            ),
            None => None,
        };
        let name = match v.get("fault") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => return Err(ApiError::bad_request("fault is required")),
        };
        let kind = FaultKind::parse(&name).ok_or_else(|| {
            ApiError::bad_request(
                "fault must be one of 503, 500, 502, 429, timeout, drop, malformed_json, html, not_token, empty",
            )
        })?;
        let num = |k: &str, default: u64| v.get(k).and_then(Value::as_u64).unwrap_or(default);
        Ok(Fault {
            key: v.get("key").and_then(Value::as_str).map(str::to_owned),
            path: path.to_owned(),
            method,
            kind,
            times: num("times", 1).clamp(1, 1_000_000) as u32,
            retry_after: num("retryAfter", 1),
            delay_ms: num("delayMs", 30_000).min(600_000),
        })
    }

    /// From the header syntax: `delay=3000`, `status=429`, `malformed-json`, …
    pub fn from_header(value: &str) -> Option<Fault> {
        let value = value.trim();
        let (kind, delay_ms) = match value.split_once('=') {
            Some((k, ms)) if k.trim().eq_ignore_ascii_case("delay") => {
                (FaultKind::Timeout, ms.trim().parse::<u64>().ok()?.min(600_000))
            }
            _ => (FaultKind::parse(value)?, 30_000),
        };
        Some(Fault { key: None, path: "/".into(), method: None, kind, times: 1, retry_after: 1, delay_ms })
    }

    fn matches(&self, key: Option<&str>, path: &str, method: &Method) -> bool {
        path.starts_with(&self.path)
            && self.method.as_ref().is_none_or(|m| m == method)
            && self.key.as_deref().is_none_or(|k| Some(k) == key)
    }

    pub fn describe(&self) -> Value {
        json!({
            "key": self.key,
            "path": self.path,
            "method": self.method.as_ref().map(Method::as_str),
            "fault": self.kind.name(),
            "times": self.times,
            "retryAfter": self.retry_after,
            "delayMs": self.delay_ms,
        })
    }
}

/// Takes one use of the first queued fault matching the request.
pub fn take(queue: &mut Vec<Fault>, key: Option<&str>, path: &str, method: &Method) -> Option<Fault> {
    let i = queue.iter().position(|f| f.matches(key, path, method))?;
    let fault = queue[i].clone();
    queue[i].times -= 1;
    if queue[i].times == 0 {
        queue.remove(i);
    }
    Some(fault)
}

/// Closes the request's TCP connection without an answer (set by the server per connection).
#[derive(Clone)]
pub struct ConnKill(pub Arc<Notify>);

const NGINX_502: &str = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n\
<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

/// The faulty answer, or `None` when the request should go on normally (after a timeout).
pub async fn answer(fault: &Fault, kill: Option<ConnKill>) -> Option<Response> {
    let ok_json = |body: &'static str| {
        let mut r = (StatusCode::OK, body).into_response();
        r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
        r
    };
    Some(match fault.kind {
        FaultKind::Status(429) => {
            let err =
                ApiError::new(StatusCode::TOO_MANY_REQUESTS, "rate_limit_exceeded", "too many requests");
            let mut r = json_response(err.status, &err.body());
            r.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(fault.retry_after));
            r
        }
        FaultKind::Status(503) => {
            ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "service_unavailable", "service is unavailable")
                .into_response()
        }
        FaultKind::Status(502) => {
            ApiError::new(StatusCode::BAD_GATEWAY, "internal_error", "bad gateway").into_response()
        }
        FaultKind::Status(_) => {
            ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal_error", "internal server error")
                .into_response()
        }
        FaultKind::Timeout => {
            tokio::time::sleep(Duration::from_millis(fault.delay_ms)).await;
            return None;
        }
        FaultKind::Drop => {
            if let Some(kill) = kill {
                // The connection task drops the socket; this request never answers.
                kill.0.notify_one();
                std::future::pending::<()>().await;
            }
            // Without a connection handle: a body that fails at once makes hyper abort it.
            Response::new(Body::new(Failing))
        }
        FaultKind::MalformedJson => ok_json("{\"object\":\"token\",\"id\":"),
        FaultKind::NotToken => ok_json("{\"object\":\"list\",\"data\":[]}"),
        FaultKind::Empty => (StatusCode::OK, "").into_response(),
        FaultKind::AuthorizationFailed => ApiError::new(
            StatusCode::BAD_REQUEST,
            "authorization_failed",
            "the card was declined when it was authorized for verification",
        )
        .into_response(),
        FaultKind::InvalidCard => ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_card",
            "number is invalid and name can't be blank",
        )
        .into_response(),
        FaultKind::Html => {
            let mut r = (StatusCode::BAD_GATEWAY, NGINX_502).into_response();
            r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html"));
            r
        }
    })
}

/// A body that fails at once, without pulling in the futures crate.
struct Failing;

impl http_body::Body for Failing {
    type Data = bytes::Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<bytes::Bytes>, std::io::Error>>> {
        std::task::Poll::Ready(Some(Err(std::io::Error::other("dropped by fault injection"))))
    }
}
