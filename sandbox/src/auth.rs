//! HTTP Basic auth as Omise does it: the key is the user name and the password is empty.
//! The official SDKs also send base64 of the bare key (no colon), so both are accepted.

use crate::errors::{json_response, ApiError};
use crate::state::AppState;
use crate::store::{Account, Inner};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    Public,
    Secret,
}

/// Standard base64 (padding optional); `None` on any character outside the alphabet.
pub fn base64_decode(input: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(input.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in input.trim_end_matches('=').bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// Standard base64 with padding (the widget's encoder, shared through the core).
pub fn base64_encode(input: &[u8]) -> String {
    let mut out = String::with_capacity(input.len().div_ceil(3) * 4);
    omise_checkout_core::request::base64(input, &mut out);
    out
}

/// The key a request was sent with, if its `Authorization` header is well-formed Basic auth.
pub fn presented_key(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?.trim();
    let (scheme, encoded) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = String::from_utf8(base64_decode(encoded.trim())?).ok()?;
    // "key:" (a password is ignored, as Omise ignores it) or the bare key.
    let key = decoded.split(':').next().unwrap_or("");
    (!key.is_empty()).then(|| key.to_owned())
}

/// The `Authorization` header value for a key (the same as the widget sends).
pub fn basic_header(key: &str) -> String {
    omise_checkout_core::request::basic_auth(key)
}

/// The account of a request made with a secret key (the server-side resources).
pub fn secret(app: &AppState, headers: &HeaderMap) -> Result<usize, ApiError> {
    authenticate(headers, &app.store.lock(), KeyKind::Secret)
}

/// A read of the server-side resources (`GET` an object or a list) with the secret key:
/// `answer` gets the account, under the store's lock, and the time, and gives the JSON to send
/// (200) or an error such as `not_found`.
pub fn read(
    app: &AppState,
    headers: &HeaderMap,
    answer: impl FnOnce(&Account, i64) -> Result<Value, ApiError>,
) -> Result<Response, ApiError> {
    let now = app.now_ms();
    let mut inner = app.store.lock();
    let account = authenticate(headers, &inner, KeyKind::Secret)?;
    Ok(json_response(StatusCode::OK, &answer(inner.account(account), now)?))
}

/// The account whose key of kind `want` the request was sent with; a wrong kind, an unknown
/// or a missing key all answer 401.
pub fn authenticate(headers: &HeaderMap, store: &Inner, want: KeyKind) -> Result<usize, ApiError> {
    match presented_key(headers).and_then(|k| store.account_of(&k)) {
        Some((account, kind)) if kind == want => Ok(account),
        _ => Err(ApiError::authentication()),
    }
}

/// The account and kind of key, for routes either key may call (sources, capability).
pub fn authenticate_any(headers: &HeaderMap, store: &Inner) -> Result<(usize, KeyKind), ApiError> {
    presented_key(headers).and_then(|k| store.account_of(&k)).ok_or_else(ApiError::authentication)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips() {
        for s in ["", "a", "ab", "abc", "pkey_test_sandbox0000000000:"] {
            assert_eq!(base64_decode(&base64_encode(s.as_bytes())).unwrap(), s.as_bytes());
        }
        assert_eq!(base64_encode(b"ab"), "YWI=");
        assert!(base64_decode("a*b").is_none());
    }
}
