//! Plain HTTP is for this machine only: what counts as loopback, and the URL tricks around it
//! (every check that allows `http:` goes through `endpoint::is_loopback`).

use omise_checkout_core::endpoint::{
    check_endpoint, is_loopback, is_safe_redirect, is_status_url, ConfigError,
};

#[test]
fn loopback_hosts_are_exact() {
    let rows: &[(&str, &str, bool)] = &[
        // What is loopback.
        ("name", "localhost", true),
        ("name, any case", "LocalHost", true),
        ("ipv4", "127.0.0.1", true),
        ("ipv4, whole range", "127.255.255.254", true),
        ("ipv4, zeros", "127.0.0.0", true),
        ("ipv6", "::1", true),
        // Names that only start or end like it.
        ("trailing dot refused", "localhost.", false),
        ("subdomain of localhost", "app.localhost", false),
        ("localhost as a label", "localhost.evil", false),
        ("localhost prefix", "localhostevil.test", false),
        ("127 as a label", "127.evil.test", false),
        ("ip as a subdomain", "127.0.0.1.evil.test", false),
        ("ip as a subdomain of nip.io", "127.0.0.1.nip.io", false),
        ("127.x", "127.x", false),
        ("five octets", "127.0.0.1.1", false),
        ("trailing dot on ip", "127.0.0.1.", false),
        ("empty octet", "127..0.1", false),
        // Shorthands a browser reads as loopback, refused all the same.
        ("short form", "127.1", false),
        ("three octets", "127.0.1", false),
        ("integer", "2130706433", false),
        ("hex", "0x7f.1", false),
        ("hex octets", "0x7f.0.0.1", false),
        ("octal first octet", "0177.0.0.1", false),
        ("leading zero octet", "127.0.0.01", false),
        ("octet over 255", "127.0.0.256", false),
        ("long octet", "127.0.0.0001", false),
        ("huge octet", "127.0.0.99999999999999999999", false),
        ("sign", "127.0.0.+1", false),
        // Other addresses.
        ("other private", "192.168.1.5", false),
        ("any address", "0.0.0.0", false),
        ("ipv6 unspecified", "::", false),
        ("ipv6 long form", "0:0:0:0:0:0:0:1", false),
        ("mapped ipv4", "::ffff:127.0.0.1", false),
        ("empty", "", false),
    ];
    for (label, host, want) in rows {
        assert_eq!(is_loopback(host), *want, "{label}: {host:?}");
    }
}

#[test]
fn plain_http_only_reaches_loopback() {
    use ConfigError::{InsecureEndpoint as Insecure, MalformedEndpoint as Malformed};
    let rows: &[(&str, &str, Result<(), ConfigError>)] = &[
        ("localhost", "http://localhost:8787", Ok(())),
        ("uppercase scheme and host", "HTTP://LOCALHOST:8787", Ok(())),
        ("ipv4 loopback", "http://127.0.0.1:8787", Ok(())),
        ("other 127 address", "http://127.1.2.3", Ok(())),
        ("ipv6 loopback", "http://[::1]:8787", Ok(())),
        ("empty port", "http://127.0.0.1:", Ok(())),
        ("https anywhere", "https://vault.omise.co", Ok(())),
        // The reported bypasses.
        ("ip as a subdomain", "http://127.0.0.1.evil.test", Err(Insecure)),
        ("ip as a subdomain, port", "http://127.0.0.1.evil.test:8787", Err(Insecure)),
        ("127 label", "http://127.evil.test", Err(Insecure)),
        ("nip.io", "http://127.0.0.1.nip.io", Err(Insecure)),
        ("localhost label", "http://localhost.evil", Err(Insecure)),
        ("localhost trailing dot", "http://localhost.", Err(Insecure)),
        ("subdomain of localhost", "http://a.localhost", Err(Insecure)),
        ("short form", "http://127.1", Err(Insecure)),
        ("integer", "http://2130706433", Err(Insecure)),
        ("hex", "http://0x7f.1", Err(Insecure)),
        ("octal", "http://0177.0.0.1", Err(Insecure)),
        // Userinfo, fragments and backslashes.
        ("userinfo localhost", "http://localhost@evil.test", Err(Malformed)),
        ("userinfo loopback ip", "http://127.0.0.1@evil.test", Err(Malformed)),
        ("userinfo with port", "http://localhost:80@evil.test", Err(Malformed)),
        ("fragment at", "http://evil.test#@localhost", Err(Insecure)),
        ("query at", "http://evil.test?@localhost", Err(Insecure)),
        ("backslash before at", "http://localhost\\@evil.test", Err(Malformed)),
        ("backslash as slash", "http://evil.test\\@localhost", Err(Malformed)),
        ("backslash host end", "http://evil.test\\localhost", Err(Malformed)),
        ("backslash in path", "https://vault.omise.co/a\\b", Err(Malformed)),
        // Junk around the host.
        ("after ipv6 literal", "http://[::1]evil.test", Err(Malformed)),
        ("ipv6 unclosed", "http://[::1", Err(Malformed)),
        ("ipv6 not hex", "http://[::1x]", Err(Malformed)),
        ("bracketed ipv4", "http://[127.0.0.1]", Err(Malformed)),
        ("two colons", "http://localhost:80:80", Err(Malformed)),
        ("port not digits", "http://localhost:x", Err(Malformed)),
        ("port too long", "http://localhost:123456", Err(Malformed)),
        ("percent in host", "http://127.0.0.1%2eevil.test", Err(Malformed)),
        ("no host", "http://:8787", Err(Malformed)),
        ("no slashes", "http:localhost", Err(Malformed)),
        ("other scheme", "ftp://localhost", Err(Malformed)),
    ];
    for (label, url, want) in rows {
        let endpoint = check_endpoint(url).map(|_| ());
        assert_eq!(endpoint, *want, "{label}: endpoint {url:?}");
        assert_eq!(is_safe_redirect(url), want.is_ok(), "{label}: redirect {url:?}");
        assert_eq!(is_status_url(url), want.is_ok(), "{label}: status url {url:?}");
    }
}

#[test]
fn same_origin_status_paths() {
    let rows: &[(&str, bool)] = &[
        ("/orders/1", true),
        ("/orders/1?x=1", true),
        ("//evil.test/orders", false),
        ("/\\evil.test/orders", false),
        ("orders/1", false),
    ];
    for (url, want) in rows {
        assert_eq!(is_status_url(url), *want, "{url:?}");
    }
}
