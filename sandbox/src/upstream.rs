//! Live mode: the demo merchant backend (and the widget on the demo pages) talk to a real Omise
//! account instead of this sandbox's emulation. Configured from the environment:
//! `OMISE_PUBLIC_KEY` + `OMISE_SECRET_KEY` (both or neither), `OMISE_API_URL` (default
//! `https://api.omise.co`) and `OMISE_VAULT_URL` (default `https://vault.omise.co`).

use hyper::Uri;

pub const DEFAULT_API_URL: &str = "https://api.omise.co";
pub const DEFAULT_VAULT_URL: &str = "https://vault.omise.co";

/// The Omise account and endpoints the demo uses in live mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upstream {
    pub public_key: String,
    pub secret_key: String,
    /// Base URLs without a trailing slash, e.g. `https://api.omise.co`.
    pub api_url: String,
    pub vault_url: String,
}

impl Upstream {
    /// Reads the `OMISE_*` variables through `get` (so tests need not touch the process
    /// environment). `Ok(None)`: no keys, sandbox mode.
    pub fn from_env(get: impl Fn(&str) -> Option<String>) -> Result<Option<Upstream>, String> {
        let var = |name: &str| get(name).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
        let (public_key, secret_key) = match (var("OMISE_PUBLIC_KEY"), var("OMISE_SECRET_KEY")) {
            (None, None) => {
                if var("OMISE_API_URL").is_some() || var("OMISE_VAULT_URL").is_some() {
                    return Err(
                        "OMISE_API_URL/OMISE_VAULT_URL need OMISE_PUBLIC_KEY and OMISE_SECRET_KEY".into()
                    );
                }
                return Ok(None);
            }
            (Some(_), None) => return Err("OMISE_PUBLIC_KEY is set but OMISE_SECRET_KEY is not".into()),
            (None, Some(_)) => return Err("OMISE_SECRET_KEY is set but OMISE_PUBLIC_KEY is not".into()),
            (Some(p), Some(s)) => (p, s),
        };
        let api_url = var("OMISE_API_URL").unwrap_or_else(|| DEFAULT_API_URL.into());
        let vault_url = var("OMISE_VAULT_URL").unwrap_or_else(|| DEFAULT_VAULT_URL.into());
        Upstream::new(&public_key, &secret_key, &api_url, &vault_url).map(Some)
    }

    /// Checks the keys (kinds, test/live agreement) and the URLs (HTTPS, or plain HTTP on a
    /// loopback host only).
    pub fn new(
        public_key: &str,
        secret_key: &str,
        api_url: &str,
        vault_url: &str,
    ) -> Result<Upstream, String> {
        if !public_key.starts_with("pkey_") {
            return Err("OMISE_PUBLIC_KEY must be a public key (pkey_…)".into());
        }
        if !secret_key.starts_with("skey_") {
            return Err("OMISE_SECRET_KEY must be a secret key (skey_…)".into());
        }
        let key_ok = |k: &str| k.len() <= 100 && k.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_');
        if !key_ok(public_key) || !key_ok(secret_key) {
            return Err("OMISE_PUBLIC_KEY/OMISE_SECRET_KEY contain characters keys never have".into());
        }
        if is_test(public_key) != is_test(secret_key) {
            return Err(
                "OMISE_PUBLIC_KEY and OMISE_SECRET_KEY must both be test keys or both live keys".into()
            );
        }
        Ok(Upstream {
            public_key: public_key.into(),
            secret_key: secret_key.into(),
            api_url: base_url("OMISE_API_URL", api_url)?,
            vault_url: base_url("OMISE_VAULT_URL", vault_url)?,
        })
    }

    /// Live keys move real money.
    pub fn live_keys(&self) -> bool {
        !is_test(&self.public_key)
    }

    /// `skey_test_…wxyz`: enough to tell keys apart, never the key.
    pub fn masked_secret_key(&self) -> String {
        let k = &self.secret_key;
        let prefix = if is_test(k) { "skey_test_" } else { "skey_" };
        let tail = if k.len() >= prefix.len() + 8 { &k[k.len() - 4..] } else { "" };
        format!("{prefix}…{tail}")
    }

    /// The vault's origin (the demo's CSP lets the widget frame its provider page).
    pub fn vault_origin(&self) -> String {
        origin(&self.vault_url)
    }

    /// The origins the demo pages' CSP must allow `connect-src` to.
    pub fn origins(&self) -> Vec<String> {
        let mut origins: Vec<String> = [&self.vault_url, &self.api_url].iter().map(|u| origin(u)).collect();
        origins.dedup();
        origins
    }
}

fn is_test(key: &str) -> bool {
    key.starts_with("pkey_test_") || key.starts_with("skey_test_")
}

/// `https://host[:port]` (an optional path prefix is kept, without a trailing slash).
fn base_url(name: &str, raw: &str) -> Result<String, String> {
    let uri: Uri = raw.parse().map_err(|_| format!("{name}: not a URL: {raw}"))?;
    let (Some(scheme), Some(authority)) = (uri.scheme_str(), uri.authority()) else {
        return Err(format!("{name}: not an absolute URL: {raw}"));
    };
    if uri.query().is_some() || authority.as_str().contains('@') {
        return Err(format!("{name}: a base URL has no query and no credentials: {raw}"));
    }
    let loopback = matches!(authority.host(), "localhost" | "127.0.0.1" | "[::1]");
    match scheme {
        "https" => {}
        "http" if loopback => {}
        "http" => return Err(format!("{name}: must be https (plain http only for localhost): {raw}")),
        _ => return Err(format!("{name}: must be an https URL: {raw}")),
    }
    Ok(format!("{scheme}://{authority}{}", uri.path().trim_end_matches('/')))
}

fn origin(url: &str) -> String {
    match url.parse::<Uri>() {
        Ok(u) => {
            format!("{}://{}", u.scheme_str().unwrap_or("https"), u.authority().map_or("", |a| a.as_str()))
        }
        Err(_) => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(pairs: &[(&str, &str)]) -> Result<Option<Upstream>, String> {
        let map: HashMap<String, String> =
            pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Upstream::from_env(|k| map.get(k).cloned())
    }

    #[test]
    fn no_keys_is_sandbox_mode() {
        assert_eq!(env(&[]), Ok(None));
        assert_eq!(env(&[("OMISE_PUBLIC_KEY", "  ")]), Ok(None));
        assert!(env(&[("OMISE_API_URL", "https://api.omise.co")]).unwrap_err().contains("need"));
    }

    #[test]
    fn keys_with_default_urls() {
        let up =
            env(&[("OMISE_PUBLIC_KEY", "pkey_test_5abc"), ("OMISE_SECRET_KEY", "skey_test_5xyz12345678")])
                .unwrap()
                .unwrap();
        assert_eq!((up.api_url.as_str(), up.vault_url.as_str()), (DEFAULT_API_URL, DEFAULT_VAULT_URL));
        assert!(!up.live_keys());
        assert_eq!(up.masked_secret_key(), "skey_test_…5678");
        assert!(!up.masked_secret_key().contains("5xyz"));
        assert_eq!(up.origins(), ["https://vault.omise.co", "https://api.omise.co"]);
    }

    #[test]
    fn refuses_bad_configurations() {
        let cases: &[(&[(&str, &str)], &str)] = &[
            (&[("OMISE_PUBLIC_KEY", "pkey_test_a")], "OMISE_SECRET_KEY is not"),
            (&[("OMISE_SECRET_KEY", "skey_test_a")], "OMISE_PUBLIC_KEY is not"),
            (&[("OMISE_PUBLIC_KEY", "skey_test_a"), ("OMISE_SECRET_KEY", "skey_test_b")], "public key"),
            (&[("OMISE_PUBLIC_KEY", "pkey_test_a"), ("OMISE_SECRET_KEY", "pkey_test_b")], "secret key"),
            (&[("OMISE_PUBLIC_KEY", "pkey_test_a"), ("OMISE_SECRET_KEY", "skey_5live")], "both be test"),
            (&[("OMISE_PUBLIC_KEY", "pkey_test_a\n"), ("OMISE_SECRET_KEY", "skey_test_b x")], "characters"),
            (
                &[
                    ("OMISE_PUBLIC_KEY", "pkey_test_a"),
                    ("OMISE_SECRET_KEY", "skey_test_b"),
                    ("OMISE_API_URL", "http://api.omise.co"),
                ],
                "must be https",
            ),
            (
                &[
                    ("OMISE_PUBLIC_KEY", "pkey_test_a"),
                    ("OMISE_SECRET_KEY", "skey_test_b"),
                    ("OMISE_VAULT_URL", "ftp://x"),
                ],
                "https",
            ),
            (
                &[
                    ("OMISE_PUBLIC_KEY", "pkey_test_a"),
                    ("OMISE_SECRET_KEY", "skey_test_b"),
                    ("OMISE_API_URL", "vault.omise.co"),
                ],
                "absolute",
            ),
            (
                &[
                    ("OMISE_PUBLIC_KEY", "pkey_test_a"),
                    ("OMISE_SECRET_KEY", "skey_test_b"),
                    ("OMISE_API_URL", "https://u:p@api.omise.co"),
                ],
                "credentials",
            ),
        ];
        for (pairs, expected) in cases {
            let err = env(pairs).expect_err(expected);
            assert!(err.contains(expected), "{err} should mention {expected}");
        }
    }

    #[test]
    fn loopback_may_be_plain_http_and_urls_are_normalized() {
        let up =
            Upstream::new("pkey_5live", "skey_5live", "http://127.0.0.1:9000/", "https://vault.example/v1/")
                .unwrap();
        assert!(up.live_keys());
        assert_eq!(up.api_url, "http://127.0.0.1:9000");
        assert_eq!(up.vault_url, "https://vault.example/v1");
        assert_eq!(up.origins(), ["https://vault.example", "http://127.0.0.1:9000"]);
        assert!(Upstream::new("pkey_a", "skey_b", "http://localhost:1", "http://[::1]:2").is_ok());
    }
}
