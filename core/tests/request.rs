//! Token request encoding, Basic auth, key and endpoint checks.

use omise_checkout_core::endpoint::{check_endpoint, check_public_key, is_safe_redirect, ConfigError};
use omise_checkout_core::request::{basic_auth, TokenRequest};

#[test]
fn form_body_encodes_card_fields() {
    let req = TokenRequest {
        name: "Taro Yamada & Co+".into(),
        number: "4242424242424242".into(),
        expiration_month: 12,
        expiration_year: 2028,
        security_code: "123".into(),
        postal_code: Some("10320".into()),
        city: Some("กรุงเทพ".into()),
        country: Some(String::new()),
        ..Default::default()
    };
    assert_eq!(
        req.form_body(),
        "card%5Bname%5D=Taro+Yamada+%26+Co%2B&card%5Bnumber%5D=4242424242424242&card%5Bexpiration_month%5D=12\
         &card%5Bexpiration_year%5D=2028&card%5Bsecurity_code%5D=123\
         &card%5Bcity%5D=%E0%B8%81%E0%B8%A3%E0%B8%B8%E0%B8%87%E0%B9%80%E0%B8%97%E0%B8%9E&card%5Bpostal_code%5D=10320"
    );
}

#[test]
fn basic_auth_has_key_and_empty_password() {
    // base64("pkey_test_123:")
    assert_eq!(basic_auth("pkey_test_123"), "Basic cGtleV90ZXN0XzEyMzo=");
    assert_eq!(basic_auth("a"), "Basic YTo=");
    assert_eq!(basic_auth("ab"), "Basic YWI6");
}

#[test]
fn keys() {
    let rows: &[(&str, Result<(), ConfigError>)] = &[
        ("pkey_test_5x6y7z", Ok(())),
        ("pkey_5x6y7z", Ok(())),
        (" pkey_test_abc ", Ok(())),
        ("skey_test_5x6y7z", Err(ConfigError::SecretKey)),
        ("skey_5x6y7z", Err(ConfigError::SecretKey)),
        ("", Err(ConfigError::NotPublicKey)),
        ("pkey_", Err(ConfigError::NotPublicKey)),
        ("pk_test_stripe", Err(ConfigError::NotPublicKey)),
        ("pkey_test_<script>", Err(ConfigError::NotPublicKey)),
    ];
    for (key, expected) in rows {
        assert_eq!(check_public_key(key), *expected, "{key:?}");
    }
    assert!(ConfigError::SecretKey.explain().contains("never"));
}

#[test]
fn endpoints() {
    let rows: &[(&str, Result<&str, ConfigError>)] = &[
        ("https://vault.omise.co", Ok("https://vault.omise.co")),
        ("https://vault.omise.co/", Ok("https://vault.omise.co")),
        ("http://localhost:8787", Ok("http://localhost:8787")),
        ("http://127.0.0.1:8787/", Ok("http://127.0.0.1:8787")),
        ("http://[::1]:8787", Ok("http://[::1]:8787")),
        ("http://vault.omise.co", Err(ConfigError::InsecureEndpoint)),
        ("http://192.168.1.5", Err(ConfigError::InsecureEndpoint)),
        ("http://localhost.evil.com", Err(ConfigError::InsecureEndpoint)),
        ("http://127.0.0.1@evil.com", Err(ConfigError::MalformedEndpoint)),
        ("ftp://vault.omise.co", Err(ConfigError::MalformedEndpoint)),
        ("vault.omise.co", Err(ConfigError::MalformedEndpoint)),
        ("https://vault.omise.co?x=1", Err(ConfigError::MalformedEndpoint)),
        ("https://vault .omise.co", Err(ConfigError::MalformedEndpoint)),
    ];
    for (url, expected) in rows {
        assert_eq!(check_endpoint(url).as_deref().map_err(|e| *e), *expected, "{url}");
    }
}

#[test]
fn redirects() {
    for (url, ok) in [
        ("https://api.omise.co/payments/pay2_test/authorize", true),
        ("http://127.0.0.1:8787/authorize/chrg_test_1", true),
        ("http://localhost/authorize", true),
        ("http://evil.example/authorize", false),
        ("javascript:alert(1)", false),
        ("JAVASCRIPT://%0aalert(1)", false),
        ("data:text/html,<script>", false),
        ("//evil.example", false),
        ("https://user@evil.example", false),
        ("", false),
    ] {
        assert_eq!(is_safe_redirect(url), ok, "{url}");
    }
}
