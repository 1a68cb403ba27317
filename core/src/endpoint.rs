//! What the widget refuses before it makes any request: a key that is not a public key, an
//! endpoint that is not HTTPS (plain HTTP only for localhost), a redirect to anything but
//! `https:` (or localhost). SPEC §2, security rules in DEVELOPERS.md.

use crate::{before_byte, has_byte, split_at_byte};
use alloc::borrow::ToOwned;
use alloc::string::String;

/// Why a configuration was refused. Developer-facing: thrown from the constructor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfigError {
    /// A secret key (`skey_…`) was given to the browser.
    SecretKey,
    /// Not an Omise public key at all.
    NotPublicKey,
    /// An endpoint that is not `https:` and not localhost.
    InsecureEndpoint,
    /// Not an absolute http(s) URL.
    MalformedEndpoint,
}

impl ConfigError {
    /// Stable code (`invalid_key`, `insecure_endpoint`).
    pub fn code(self) -> &'static str {
        match self {
            ConfigError::SecretKey | ConfigError::NotPublicKey => "invalid_key",
            ConfigError::InsecureEndpoint | ConfigError::MalformedEndpoint => "insecure_endpoint",
        }
    }

    /// A plain English sentence for the merchant's developer (the console, not the customer).
    pub fn explain(self) -> &'static str {
        match self {
            ConfigError::SecretKey => "omise-checkout: this is a SECRET key (skey_…). A secret key must never be sent to a browser: anyone can read it from the page and use it to charge cards or refund money on your account. Roll this key in the Omise dashboard now, keep it on your server, and give omise-checkout your PUBLIC key (pkey_…).",
            ConfigError::NotPublicKey => "omise-checkout: publicKey must be an Omise public key starting with pkey_ (pkey_test_… in test mode).",
            ConfigError::InsecureEndpoint => "omise-checkout: card data is only sent over HTTPS. Plain http:// endpoints are allowed for localhost, 127.0.0.1 and [::1] only.",
            ConfigError::MalformedEndpoint => "omise-checkout: vaultUrl and apiUrl must be absolute https:// URLs, e.g. https://vault.omise.co.",
        }
    }
}

/// Accepts `pkey_…` keys made of the characters Omise uses; refuses secret keys loudly.
pub fn check_public_key(key: &str) -> Result<(), ConfigError> {
    let key = key.trim();
    if key.starts_with("skey_") {
        return Err(ConfigError::SecretKey);
    }
    let rest = key.strip_prefix("pkey_").ok_or(ConfigError::NotPublicKey)?;
    let ok =
        !rest.is_empty() && rest.len() <= 100 && rest.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(ConfigError::NotPublicKey)
    }
}

/// The parts of an absolute URL that matter here.
struct Url<'a> {
    scheme: &'a str,
    host: &'a str,
}

/// Reads scheme and host the way a browser would, refusing whatever a browser and this parser
/// could read differently: `user@` (a phishing trick, never needed), backslashes (browsers read
/// `\` as `/` in http(s) URLs, so `http://a\@b/` goes to `a`), junk after an IPv6 literal, a
/// second colon, a port that is not digits.
fn parse(url: &str) -> Option<Url<'_>> {
    if has_byte(url, |b| b == b'\\') {
        return None;
    }
    // `split_once("://")` by bytes: a `&str` pattern brings in the two-way string searcher.
    let at = url.as_bytes().windows(3).position(|w| w == b"://")?;
    let (scheme, rest) = (url.get(..at)?, url.get(at + 3..)?);
    let authority = before_byte(rest, |b| matches!(b, b'/' | b'?' | b'#'));
    if has_byte(authority, |b| b == b'@') || authority.is_empty() {
        return None;
    }
    let (host, port) = match authority.strip_prefix('[') {
        Some(v6) => {
            let (host, after) = split_at_byte(v6, |b| b == b']')?;
            let port = if after.is_empty() { "" } else { after.strip_prefix(':')? };
            let ok = has_byte(host, |b| b == b':')
                && host.bytes().all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.');
            (ok.then_some(host)?, port)
        }
        None => {
            let (host, port) = split_at_byte(authority, |b| b == b':').unwrap_or((authority, ""));
            let ok = host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
            (ok.then_some(host)?, port)
        }
    };
    let port_ok = port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit());
    (!host.is_empty() && port_ok).then_some(Url { scheme, host })
}

/// Whether `host` (as in a URL, IPv6 without brackets) is this machine: `localhost` exactly
/// (any case; not `localhost.` nor `*.localhost`: resolvers and proxies differ on those),
/// `::1`, or `127.a.b.c` written as four decimal octets 0–255. Shorthands browsers also read as
/// loopback (`127.1`, `2130706433`, `0x7f.1`, octal `0177.0.0.1`) are refused: they are never
/// needed and a lax check of them is how `127.0.0.1.evil.test` got through.
pub fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost") || host == "::1" || is_loopback_ipv4(host)
}

fn is_loopback_ipv4(host: &str) -> bool {
    let mut octets = host.as_bytes().split(|b| *b == b'.');
    let first_is_127 = octets.next() == Some(b"127".as_slice());
    let mut rest = 0;
    for octet in octets {
        if !is_decimal_octet(octet) {
            return false;
        }
        rest += 1;
    }
    first_is_127 && rest == 3
}

/// `0`–`255` in decimal without leading zeros (a leading zero is octal to a browser: `0127` is 87).
fn is_decimal_octet(bytes: &[u8]) -> bool {
    if bytes.is_empty() || bytes.len() > 3 || !bytes.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let value = bytes.iter().fold(0u32, |n, b| n * 10 + u32::from(b - b'0'));
    (bytes.len() == 1 || bytes.first() != Some(&b'0')) && value <= 255
}

fn safe(url: &str) -> Result<(), ConfigError> {
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(ConfigError::MalformedEndpoint);
    }
    let parsed = parse(url).ok_or(ConfigError::MalformedEndpoint)?;
    if parsed.scheme.eq_ignore_ascii_case("https") {
        Ok(())
    } else if !parsed.scheme.eq_ignore_ascii_case("http") {
        Err(ConfigError::MalformedEndpoint)
    } else if is_loopback(parsed.host) {
        Ok(())
    } else {
        Err(ConfigError::InsecureEndpoint)
    }
}

/// Checks a vault/API base URL and returns it without a trailing slash.
pub fn check_endpoint(url: &str) -> Result<String, ConfigError> {
    let url = url.trim();
    safe(url)?;
    if has_byte(url, |b| b == b'?' || b == b'#') {
        return Err(ConfigError::MalformedEndpoint);
    }
    Ok(url.trim_end_matches('/').to_owned())
}

/// Whether the browser may be sent to `url` (an `authorize_uri`): `https:` anywhere, `http:`
/// on localhost only. Never `javascript:`, `data:` or any other scheme.
pub fn is_safe_redirect(url: &str) -> bool {
    safe(url.trim()).is_ok()
}

/// Whether the return page may poll `url` for a status: a same-origin path (`/orders/1`), or
/// an absolute URL that passes the endpoint rules.
pub fn is_status_url(url: &str) -> bool {
    let url = url.trim();
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) || url.len() > 2048 {
        return false;
    }
    if url.starts_with('/') {
        return !url.starts_with("//") && !url.starts_with("/\\");
    }
    safe(url).is_ok()
}
