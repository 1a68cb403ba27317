//! HTTP Basic auth as Omise does it: the key is the user name and the password is empty.
//! The official SDKs also send base64 of the bare key (no colon), so both are accepted.

use crate::errors::ApiError;
use axum::http::{header, HeaderMap};

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

pub fn base64_encode(input: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(input.len().div_ceil(3) * 4);
    for chunk in input.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
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

/// The `Authorization` header value for a key.
pub fn basic_header(key: &str) -> String {
    format!("Basic {}", base64_encode(format!("{key}:").as_bytes()))
}

/// Checks the key's kind; wrong kind, unknown or missing keys all answer 401.
pub fn require(found: Option<(usize, KeyKind)>, want: KeyKind) -> Result<usize, ApiError> {
    match found {
        Some((account, kind)) if kind == want => Ok(account),
        _ => Err(ApiError::authentication()),
    }
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
