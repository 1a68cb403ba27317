//! Security code and cardholder name.

use omise_checkout_core::{name, security_code, Brand, FieldError, Validity};

use FieldError::{LooksLikeCardNumber, Required, TooLong};
use Validity::{Incomplete, Invalid, Valid};

/// (label, input, brand, state, error)
type CodeRow = (&'static str, &'static str, Option<Brand>, Validity, Option<FieldError>);

#[test]
fn security_code_length_by_brand() {
    let rows: &[CodeRow] = &[
        ("visa 3", "123", Some(Brand::Visa), Valid, None),
        ("visa 4 is too long", "1234", Some(Brand::Visa), Invalid, Some(TooLong)),
        ("visa 2", "12", Some(Brand::Visa), Incomplete, Some(FieldError::Incomplete)),
        ("amex 4", "1234", Some(Brand::Amex), Valid, None),
        ("amex 3 is incomplete", "123", Some(Brand::Amex), Incomplete, Some(FieldError::Incomplete)),
        ("amex 5", "12345", Some(Brand::Amex), Invalid, Some(TooLong)),
        ("unknown 3", "123", None, Valid, None),
        ("unknown 4", "1234", None, Valid, None),
        ("unknown 5", "12345", None, Invalid, Some(TooLong)),
        ("empty", "", Some(Brand::Jcb), Incomplete, Some(Required)),
        ("full-width amex", "１２３４", Some(Brand::Amex), Valid, None),
        ("letters", "12a", None, Invalid, Some(FieldError::Invalid)),
        ("dash is not a digit", "1-23", None, Invalid, Some(FieldError::Invalid)),
        ("spaces around", " 123 ", Some(Brand::Visa), Valid, None),
    ];
    for (label, input, brand, state, error) in rows {
        let c = security_code::check(input, *brand);
        assert_eq!((c.state, c.error), (*state, *error), "{label}");
    }
}

#[test]
fn names() {
    let long = "A".repeat(name::MAX_CHARS + 1);
    let rows: &[(&str, &str, Validity, Option<FieldError>, &str)] = &[
        ("plain", "Somchai Jaidee", Valid, None, "Somchai Jaidee"),
        ("trimmed and collapsed", "  TARO   YAMADA \u{3000}", Valid, None, "TARO YAMADA"),
        ("japanese", "山田 太郎", Valid, None, "山田 太郎"),
        ("thai", "สมชาย ใจดี", Valid, None, "สมชาย ใจดี"),
        ("apostrophe and hyphen", "Jean-Luc O'Neil", Valid, None, "Jean-Luc O'Neil"),
        ("a digit or two is fine", "John Smith 3rd", Valid, None, "John Smith 3rd"),
        ("empty", "", Incomplete, Some(Required), ""),
        ("spaces only", "   ", Incomplete, Some(Required), ""),
        ("card number", "4242424242424242", Invalid, Some(LooksLikeCardNumber), "4242424242424242"),
        (
            "card number with spaces",
            "4242 4242 4242 4242",
            Invalid,
            Some(LooksLikeCardNumber),
            "4242 4242 4242 4242",
        ),
        (
            "full-width card number",
            "４２４２４２４２４２４２４２４２",
            Invalid,
            Some(LooksLikeCardNumber),
            "４２４２４２４２４２４２４２４２",
        ),
        (
            "name then number",
            "Taro 4242-4242-4242-4242",
            Invalid,
            Some(LooksLikeCardNumber),
            "Taro 4242-4242-4242-4242",
        ),
        ("control character", "Taro\u{7}", Invalid, Some(FieldError::Invalid), "Taro\u{7}"),
    ];
    for (label, input, state, error, value) in rows {
        let c = name::check(input);
        assert_eq!((c.state, c.error, c.value.as_str()), (*state, *error, *value), "{label}");
    }
    assert_eq!(name::check(&long).error, Some(TooLong));
}
