//! What the widget refuses before it makes any request: a key that is not a public key, an
//! endpoint that is not HTTPS (plain HTTP only for localhost), a redirect to anything but
//! `https:` (or localhost). SPEC §2, security rules in DEVELOPERS.md.

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
            ConfigError::InsecureEndpoint => "omise-checkout: card data is only sent over HTTPS. Plain http:// endpoints are allowed for localhost and 127.0.0.1 only.",
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
    scheme: String,
    host: &'a str,
}

fn parse(url: &str) -> Option<Url<'_>> {
    let (scheme, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    // userinfo@ in a URL is a phishing trick and never needed here.
    if authority.contains('@') || authority.is_empty() {
        return None;
    }
    let host = if let Some(v6) = authority.strip_prefix('[') {
        v6.split(']').next()?
    } else {
        authority.rsplit_once(':').map_or(authority, |(h, port)| {
            if port.bytes().all(|b| b.is_ascii_digit()) {
                h
            } else {
                authority
            }
        })
    };
    let valid_host =
        !host.is_empty() && host.bytes().all(|b| b.is_ascii_alphanumeric() || b"-.:".contains(&b));
    valid_host.then(|| Url { scheme: scheme.to_ascii_lowercase(), host })
}

fn is_loopback(host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    host == "localhost" || host.ends_with(".localhost") || host == "::1" || host.starts_with("127.")
}

fn safe(url: &str) -> Result<(), ConfigError> {
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(ConfigError::MalformedEndpoint);
    }
    let parsed = parse(url).ok_or(ConfigError::MalformedEndpoint)?;
    match parsed.scheme.as_str() {
        "https" => Ok(()),
        "http" if is_loopback(parsed.host) => Ok(()),
        "http" => Err(ConfigError::InsecureEndpoint),
        _ => Err(ConfigError::MalformedEndpoint),
    }
}

/// Checks a vault/API base URL and returns it without a trailing slash.
pub fn check_endpoint(url: &str) -> Result<String, ConfigError> {
    let url = url.trim();
    safe(url)?;
    if url.contains(['?', '#']) {
        return Err(ConfigError::MalformedEndpoint);
    }
    Ok(url.trim_end_matches('/').to_string())
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
