//! Answers from the vault and the API, classified (SPEC §2).

use omise_checkout_core::api::{self, classify, Answer, Expect};
use omise_checkout_core::error::ErrorCode;
use omise_checkout_core::field::{Field, FieldError};
use omise_checkout_core::invalid_card::split;

fn answer(status: u16, json: bool, object: Option<&'static str>) -> Answer<'static> {
    Answer { status, json, object, ..Default::default() }
}

fn error(status: u16, code: &'static str, message: &'static str) -> Answer<'static> {
    Answer {
        status,
        json: true,
        object: Some("error"),
        code: Some(code),
        message: Some(message),
        retry_after: None,
    }
}

#[test]
fn transport_level_answers() {
    let rows: &[(&str, Answer, ErrorCode)] = &[
        ("503 html page", answer(503, false, None), ErrorCode::ServiceUnavailable),
        ("502 json without object", answer(502, true, None), ErrorCode::ServiceUnavailable),
        ("429 bare", answer(429, false, None), ErrorCode::RateLimited),
        ("200 html", answer(200, false, None), ErrorCode::InvalidResponse),
        ("200 list", answer(200, true, Some("list")), ErrorCode::InvalidResponse),
        ("200 cut json", answer(200, false, None), ErrorCode::InvalidResponse),
        ("401 bare", answer(401, false, None), ErrorCode::ConfigurationError),
        ("404 bare", answer(404, false, None), ErrorCode::NotFound),
        ("301 redirect body", answer(301, false, None), ErrorCode::InvalidResponse),
    ];
    for (label, a, want) in rows {
        assert_eq!(classify(a, Expect::Token).map_err(|p| p.code), Err(*want), "{label}");
    }
    assert_eq!(classify(&answer(200, true, Some("token")), Expect::Token), Ok(()));
    assert_eq!(classify(&answer(200, true, Some("source")), Expect::Source), Ok(()));
    assert!(classify(&answer(200, true, Some("token")), Expect::Source).is_err());
    assert_eq!(classify(&answer(200, true, Some("charge")), Expect::Status), Ok(()));
    assert_eq!(classify(&answer(200, true, Some("status")), Expect::Status), Ok(()));
}

#[test]
fn error_objects() {
    let rows: &[(&str, Answer, ErrorCode)] = &[
        (
            "auth",
            error(401, "authentication_failure", "authentication failed"),
            ErrorCode::ConfigurationError,
        ),
        ("fraud", error(400, "failed_fraud_check", "x"), ErrorCode::FailedFraudCheck),
        ("brand", error(400, "brand_not_supported", "x"), ErrorCode::BrandNotSupported),
        ("used", error(400, "used_token", "token was already used"), ErrorCode::UsedToken),
        ("not found", error(404, "not_found", "x"), ErrorCode::NotFound),
        ("search", error(503, "search_unavailable", "x"), ErrorCode::ServiceUnavailable),
        ("bad request", error(400, "bad_request", "x"), ErrorCode::BadRequest),
        ("unknown 400", error(400, "something_new", "x"), ErrorCode::BadRequest),
        ("unknown 418", error(418, "teapot", "x"), ErrorCode::Unknown),
        ("unknown 500", error(500, "boom", "<b>x</b>"), ErrorCode::ServiceUnavailable),
        (
            "brand only",
            error(400, "invalid_card", "brand not supported (unknown)"),
            ErrorCode::BrandNotSupported,
        ),
        ("invalid card", error(400, "invalid_card", "number is invalid"), ErrorCode::InvalidCard),
    ];
    for (label, a, want) in rows {
        assert_eq!(classify(a, Expect::Token).map_err(|p| p.code), Err(*want), "{label}");
    }
}

#[test]
fn retry_after_is_honoured_and_capped() {
    let mut a = answer(429, false, None);
    a.retry_after = Some("7");
    assert_eq!(classify(&a, Expect::Status).unwrap_err().retry_after_ms, Some(7000));
    a.retry_after = Some("86400");
    assert_eq!(classify(&a, Expect::Status).unwrap_err().retry_after_ms, Some(api::MAX_RETRY_AFTER_MS));
    a.retry_after = Some("Wed, 21 Oct 2015 07:28:00 GMT");
    assert_eq!(classify(&a, Expect::Status).unwrap_err().retry_after_ms, None);
    // Digits only: no sign, no fraction, nothing empty; a number past u64 is capped, not lost.
    for bad in ["", " ", "+5", "-5", "1.5", "5s"] {
        a.retry_after = Some(bad);
        assert_eq!(classify(&a, Expect::Status).unwrap_err().retry_after_ms, None, "{bad:?}");
    }
    a.retry_after = Some(" 3 ");
    assert_eq!(classify(&a, Expect::Status).unwrap_err().retry_after_ms, Some(3000));
    a.retry_after = Some("99999999999999999999999");
    assert_eq!(classify(&a, Expect::Status).unwrap_err().retry_after_ms, Some(api::MAX_RETRY_AFTER_MS));
}

#[test]
fn invalid_card_messages_land_on_fields() {
    use Field::*;
    use FieldError::*;
    type Row = (&'static str, &'static [(Field, FieldError)], bool);
    let rows: &[Row] = &[
        ("number is invalid and brand not supported (unknown)", &[(Number, Invalid)], true),
        ("name can't be blank", &[(Name, Required)], false),
        ("expiration date cannot be in the past", &[(Expiry, Expired)], false),
        ("expiration month is not between 1 and 12", &[(Expiry, MonthInvalid)], false),
        ("expiration year is invalid", &[(Expiry, Invalid)], false),
        (
            "expiration date cannot be in the past, number is invalid, and brand not supported (unknown)",
            &[(Expiry, Expired), (Number, Invalid)],
            true,
        ),
        ("brand not supported (unknown)", &[(Number, UnsupportedBrand)], true),
        (
            "expiration month is not between 1 and 12 and name can't be blank",
            &[(Expiry, MonthInvalid), (Name, Required)],
            false,
        ),
        ("security code is invalid", &[(SecurityCode, Invalid)], false),
        ("", &[], false),
    ];
    for (message, fields, brand) in rows {
        let s = split(message);
        assert_eq!(s.fields, fields.to_vec(), "{message}");
        assert_eq!(s.brand_not_supported, *brand, "{message}");
    }
    assert_eq!(split("<script>alert(1)</script>").unplaced, 1);
    let huge = "number is invalid, ".repeat(10_000);
    assert_eq!(split(&huge).fields, vec![(Number, Invalid)]);
}

#[test]
fn security_code_check_false_is_a_field_error() {
    let p = api::check_security_code(Some(false)).unwrap_err();
    assert_eq!(p.code, ErrorCode::SecurityCodeCheckFailed);
    assert_eq!(p.fields, vec![(Field::SecurityCode, FieldError::SecurityCodeCheckFailed)]);
    assert!(api::check_security_code(Some(true)).is_ok());
    assert!(api::check_security_code(None).is_ok());
}

#[test]
fn id_shapes() {
    assert!(api::is_token_id("tokn_test_5xyz0abc"));
    assert!(api::is_token_id("tokn_5xyz0abc"));
    assert!(!api::is_token_id("tokn_test_"));
    assert!(!api::is_token_id("tokn_test_ABC"));
    assert!(!api::is_token_id("tokn_test_a/../b"));
    assert!(api::is_source_id("src_test_5xyz"));
    assert!(!api::is_source_id("chrg_test_5xyz"));
}
