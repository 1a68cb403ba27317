//! Omise error objects (SPEC §2): every failure the API or vault reports has this shape, so
//! the widget's one error parser is exercised by every sandbox failure.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

/// An API error that renders as `{"object":"error","location","code","message"}`.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: String,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>) -> Self {
        ApiError { status, code: code.to_owned(), message: message.into() }
    }

    pub fn authentication() -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "authentication_failure", "authentication failed")
    }

    pub fn not_found(what: &str) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", format!("{what} was not found"))
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    /// `400 invalid_charge`: what Omise answers for a bad amount, currency or charge request.
    pub fn invalid_charge(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "invalid_charge", message)
    }

    pub fn body(&self) -> Value {
        json!({
            "object": "error",
            // Omise's anchors spell the code with dashes: `#authentication-failure`.
            "location": format!("https://www.omise.co/api-errors#{}", self.code.replace('_', "-")),
            "code": self.code,
            "message": self.message,
        })
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        json_response(self.status, &self.body())
    }
}

/// A JSON response; serialization of a `Value` cannot fail.
pub fn json_response(status: StatusCode, value: &Value) -> Response {
    let body = serde_json::to_vec(value).unwrap_or_default();
    let mut resp = (status, body).into_response();
    resp.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json; charset=utf-8"));
    resp
}

/// Joins `invalid_card` parts the way Omise does: "a", "a and b", "a, b, and c".
pub fn join_parts(parts: &[&str]) -> String {
    match parts {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [a, b] => format!("{a} and {b}"),
        [init @ .., last] => format!("{}, and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::join_parts;

    #[test]
    fn joins_like_omise() {
        assert_eq!(join_parts(&["a"]), "a");
        assert_eq!(join_parts(&["a", "b"]), "a and b");
        assert_eq!(join_parts(&["a", "b", "c"]), "a, b, and c");
    }
}
