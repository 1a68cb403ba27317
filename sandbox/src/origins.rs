//! This server's own origins: where absolute URLs (`authorize_uri`, the demo's return and
//! status URLs, `/demo/config`) point, and which browser origins count as "this server".
//! They come from configuration (`--public-url`, else the listening address), never from the
//! request: a `Host` header only picks one of them, so `Host: evil.example` cannot move the
//! customer to another site.

use std::net::{IpAddr, SocketAddr};

#[derive(Debug, Clone)]
pub struct Origins {
    /// `--public-url`, else `http://` + the listening address (`127.0.0.1` for `0.0.0.0`).
    public: String,
    /// Set by `--public-url`: every absolute URL uses it, whatever `Host` says (behind a proxy,
    /// the `Host` that reaches us may be the proxy's upstream name).
    fixed: bool,
    /// The names the listening socket answers to (`http://localhost:PORT`, …).
    own: Vec<String>,
}

impl Origins {
    pub fn new(public_url: Option<&str>, addr: SocketAddr) -> Origins {
        let port = addr.port();
        let mut own = Vec::new();
        let ip = addr.ip();
        if ip.is_loopback() || ip.is_unspecified() {
            for host in ["127.0.0.1", "localhost", "[::1]"] {
                own.push(format!("http://{host}:{port}"));
            }
        }
        if !ip.is_unspecified() {
            own.push(format!("http://{}", SocketAddr::new(ip, port)));
        }
        let local = match ip {
            IpAddr::V4(v4) if v4.is_unspecified() => format!("http://127.0.0.1:{port}"),
            IpAddr::V6(v6) if v6.is_unspecified() => format!("http://[::1]:{port}"),
            _ => format!("http://{}", SocketAddr::new(ip, port)),
        };
        match public_url {
            Some(url) => {
                own.push(url.to_owned());
                Origins { public: url.to_owned(), fixed: true, own }
            }
            None => Origins { public: local, fixed: false, own },
        }
    }

    pub fn public(&self) -> &str {
        &self.public
    }

    /// The origin for absolute URLs in an answer to a request with this `Host`: the browser's
    /// own name for us when it is one of ours (so a page opened at `localhost:8787` keeps
    /// talking to `localhost:8787`), else the public one. The text returned is always ours.
    pub fn for_host(&self, host: Option<&str>) -> &str {
        if self.fixed {
            return &self.public;
        }
        let wanted = host.map(|h| format!("http://{}", h.to_ascii_lowercase()));
        wanted.and_then(|w| self.own.iter().find(|o| **o == w)).map_or(&self.public, String::as_str)
    }

    /// Whether a browser `Origin` is this server.
    pub fn is_own(&self, origin: &str) -> bool {
        self.own.iter().any(|o| o.eq_ignore_ascii_case(origin))
    }
}

/// `http://127.0.0.1[:port]`, `http://localhost[:port]`, `http://[::1][:port]`: a page on this
/// machine (the browser tests' page is served from another port of 127.0.0.1).
pub fn is_loopback_origin(origin: &str) -> bool {
    let Some(rest) = origin.strip_prefix("http://") else { return false };
    let port_ok = |p: &str| p.is_empty() || (p.len() <= 5 && p.bytes().all(|c| c.is_ascii_digit()));
    ["127.0.0.1", "localhost", "[::1]"].iter().any(|host| {
        rest.strip_prefix(host)
            .is_some_and(|tail| tail.is_empty() || tail.strip_prefix(':').is_some_and(port_ok))
    })
}

/// Validates `--public-url`: `http(s)://host[:port]`, nothing else (no path, query or user),
/// returned without a trailing slash.
pub fn parse_public_url(raw: &str) -> Result<String, String> {
    let trimmed = raw.strip_suffix('/').unwrap_or(raw);
    let (scheme, host) = trimmed.split_once("://").ok_or("not an absolute URL")?;
    if scheme != "http" && scheme != "https" {
        return Err("must be http:// or https://".into());
    }
    let safe = !host.is_empty()
        && host.len() <= 255
        && host.bytes().all(|c| c.is_ascii_alphanumeric() || b".-:[]_".contains(&c));
    if !safe {
        return Err("only scheme://host[:port], without path, query or credentials".into());
    }
    Ok(format!("{scheme}://{}", host.to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_host_header_only_picks_one_of_our_names() {
        let o = Origins::new(None, "127.0.0.1:8787".parse().unwrap());
        assert_eq!(o.for_host(Some("localhost:8787")), "http://localhost:8787");
        assert_eq!(o.for_host(Some("LOCALHOST:8787")), "http://localhost:8787");
        for host in [Some("evil.example"), Some("localhost:9999"), Some("127.0.0.1:8787/x"), None] {
            assert_eq!(o.for_host(host), "http://127.0.0.1:8787", "{host:?}");
        }
        let any = Origins::new(None, "0.0.0.0:80".parse().unwrap());
        assert_eq!(any.public(), "http://127.0.0.1:80");
        let fixed = Origins::new(Some("https://shop.test"), "127.0.0.1:8787".parse().unwrap());
        assert_eq!(fixed.for_host(Some("localhost:8787")), "https://shop.test");
        assert!(fixed.is_own("https://shop.test") && fixed.is_own("http://127.0.0.1:8787"));
        assert!(!fixed.is_own("https://evil.example"));
    }

    #[test]
    fn loopback_origins() {
        for (origin, loopback) in [
            ("http://127.0.0.1:8000", true),
            ("http://localhost", true),
            ("http://[::1]:9", true),
            ("https://127.0.0.1:8000", false),
            ("http://127.0.0.1.evil.example", false),
            ("http://localhost.evil.example:80", false),
            ("http://localhost:80x", false),
            ("null", false),
        ] {
            assert_eq!(is_loopback_origin(origin), loopback, "{origin}");
        }
    }

    #[test]
    fn public_urls() {
        assert_eq!(parse_public_url("https://Shop.test:8443/").unwrap(), "https://shop.test:8443");
        for bad in
            ["shop.test", "ftp://shop.test", "https://shop.test/pay", "https://u@shop.test", "https://"]
        {
            assert!(parse_public_url(bad).is_err(), "{bad}");
        }
    }
}
