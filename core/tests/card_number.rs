//! Card numbers: every SPEC §5 test card, every brand boundary of SPEC §4, partial input,
//! pasted and full-width input. One loop per table names the failing row.

#![allow(clippy::disallowed_methods)] // clippy.toml's rules are for the wasm, not tests

use omise_checkout_core::brand::detect;
use omise_checkout_core::number::{check, luhn};
use omise_checkout_core::{Brand, FieldError, Validity};

use Brand::*;
use Validity::{Incomplete, Invalid, Valid};

/// (label, input, state, brand)
const TEST_CARDS: &[(&str, &str, Validity, Option<Brand>)] = &[
    ("visa 4242", "4242424242424242", Valid, Some(Visa)),
    ("visa 4111", "4111111111111111", Valid, Some(Visa)),
    ("mastercard 5555", "5555555555554444", Valid, Some(Mastercard)),
    ("mastercard 5454", "5454545454545454", Valid, Some(Mastercard)),
    ("jcb 3530", "3530111333300000", Valid, Some(Jcb)),
    ("jcb 3566", "3566111111111113", Valid, Some(Jcb)),
    ("amex", "378282246310005", Valid, Some(Amex)),
    ("discover 19 digits", "6447032400000000001", Valid, Some(Discover)),
    ("diners 14", "36021042000004", Valid, Some(Diners)),
    ("unionpay", "6250947000000006", Valid, Some(Unionpay)),
    ("unionpay co-accepted by discover", "6221558812340000", Valid, Some(Unionpay)),
    // Failure-code cards are valid numbers: the charge fails, not the form.
    ("visa insufficient_fund", "4111111111140011", Valid, Some(Visa)),
    ("visa stolen_or_lost_card", "4111111111130012", Valid, Some(Visa)),
    ("visa failed_processing", "4111111111120013", Valid, Some(Visa)),
    ("visa payment_rejected", "4111111111110014", Valid, Some(Visa)),
    ("visa failed_fraud_check", "4111111111190016", Valid, Some(Visa)),
    ("visa invalid_account_number", "4111111111180017", Valid, Some(Visa)),
    ("visa invalid_security_code", "4111111111160001", Valid, Some(Visa)),
    ("visa 3ds enrollment fails", "4111111111150002", Valid, Some(Visa)),
    ("visa 3ds validation fails", "4111111111140003", Valid, Some(Visa)),
    ("mc insufficient_fund", "5555551111110011", Valid, Some(Mastercard)),
    ("mc stolen_or_lost_card", "5555551111100012", Valid, Some(Mastercard)),
    ("mc failed_processing", "5555551111190013", Valid, Some(Mastercard)),
    ("mc payment_rejected", "5555551111180014", Valid, Some(Mastercard)),
    ("mc failed_fraud_check", "5555551111160016", Valid, Some(Mastercard)),
    ("mc invalid_account_number", "5555551111150017", Valid, Some(Mastercard)),
    ("mc invalid_security_code", "5555551111130001", Valid, Some(Mastercard)),
    ("mc 3ds enrollment fails", "5555551111120002", Valid, Some(Mastercard)),
    ("mc 3ds validation fails", "5555551111110003", Valid, Some(Mastercard)),
    ("jcb insufficient_fund", "3530111111190011", Valid, Some(Jcb)),
    ("jcb stolen_or_lost_card", "3530111111180012", Valid, Some(Jcb)),
    ("jcb failed_processing", "3530111111170013", Valid, Some(Jcb)),
    ("jcb payment_rejected", "3530111111160014", Valid, Some(Jcb)),
    ("jcb failed_fraud_check", "3530111111140016", Valid, Some(Jcb)),
    ("jcb invalid_account_number", "3530111111130017", Valid, Some(Jcb)),
    ("jcb invalid_security_code", "3530111111110001", Valid, Some(Jcb)),
    ("jcb 3ds enrollment fails", "3530111111100002", Valid, Some(Jcb)),
    ("jcb 3ds validation fails", "3530111111190003", Valid, Some(Jcb)),
];

#[test]
fn every_spec_test_card_is_valid_with_its_brand() {
    for (label, input, state, brand) in TEST_CARDS {
        let c = check(input);
        assert_eq!((c.state, c.brand), (*state, *brand), "{label}: {input}");
        assert_eq!(c.error, None, "{label}");
    }
}

/// (label, digits typed, brand detected) at the edges of every prefix range.
const BOUNDARIES: &[(&str, &str, Option<Brand>)] = &[
    ("2220 is not mastercard", "222000", None),
    ("2221 is mastercard", "222100", Some(Mastercard)),
    ("2720 is mastercard", "272099", Some(Mastercard)),
    ("2721 is not mastercard", "272100", None),
    ("50 is maestro", "500000", Some(Maestro)),
    ("51 is mastercard", "510000", Some(Mastercard)),
    ("55 is mastercard", "550000", Some(Mastercard)),
    ("56 is maestro", "560000", Some(Maestro)),
    ("3527 is not jcb", "352700", None),
    ("3528 is jcb", "352800", Some(Jcb)),
    ("3589 is jcb", "358900", Some(Jcb)),
    ("3590 is not jcb", "359000", None),
    ("300 is diners", "300000", Some(Diners)),
    ("305 is diners", "305000", Some(Diners)),
    ("306 is not diners", "306000", None),
    ("36 is diners", "360000", Some(Diners)),
    ("38 is diners", "380000", Some(Diners)),
    ("39 is diners", "390000", Some(Diners)),
    ("34 is amex", "340000", Some(Amex)),
    ("35 alone is not amex", "350000", None),
    ("37 is amex", "370000", Some(Amex)),
    ("6011 is discover", "601100", Some(Discover)),
    ("6012 is maestro", "601200", Some(Maestro)),
    ("643 is maestro", "643000", Some(Maestro)),
    ("644 is discover", "644000", Some(Discover)),
    ("649 is discover", "649000", Some(Discover)),
    ("65 is discover", "650000", Some(Discover)),
    // 622126–622925: UnionPay cards that Discover's network accepts, not Discover (SPEC §4).
    ("622125 is unionpay", "622125", Some(Unionpay)),
    ("622126 is unionpay, not discover", "622126", Some(Unionpay)),
    ("622925 is unionpay, not discover", "622925", Some(Unionpay)),
    ("622926 is unionpay", "622926", Some(Unionpay)),
    ("62 is unionpay", "620000", Some(Unionpay)),
    ("81 is unionpay", "810000", Some(Unionpay)),
    ("4 is visa", "400000", Some(Visa)),
    ("1 is nothing", "100000", None),
    ("7 is nothing", "700000", None),
    ("9 is nothing", "900000", None),
];

/// (label, number, state, error, brand) for 622126–622925: UnionPay's rules, not Discover's
/// (no Luhn, 16–19 digits).
const UNIONPAY_ACCEPTED_BY_DISCOVER: &[(&str, &str, Validity, Option<FieldError>, Brand)] = &[
    ("luhn fails, still valid", "6221558812340000", Valid, None, Unionpay),
    ("low end, 16 digits", "6221260000000000", Valid, None, Unionpay),
    ("high end, 16 digits", "6229250000000000", Valid, None, Unionpay),
    ("high end, 19 digits", "6229250000000000000", Valid, None, Unionpay),
    ("below the range", "6221250000000000", Valid, None, Unionpay),
    ("above the range", "6229260000000000", Valid, None, Unionpay),
    ("15 digits may grow", "622126000000000", Incomplete, Some(FieldError::Incomplete), Unionpay),
    ("20 digits", "62212600000000000000", Invalid, Some(FieldError::Invalid), Unionpay),
];

#[test]
fn unionpay_accepted_by_discover_follows_unionpay_rules() {
    for (label, input, state, error, brand) in UNIONPAY_ACCEPTED_BY_DISCOVER {
        let c = check(input);
        assert_eq!((c.state, c.error, c.brand), (*state, *error, Some(*brand)), "{label}: {input}");
        assert!(!c.candidates.contains(&Discover), "{label}: {:?}", c.candidates);
    }
    assert_eq!(Unionpay.omise_name(), "UnionPay");
}

#[test]
fn brand_names_shown_are_spelled_as_the_brands_spell_them() {
    assert_eq!(Mastercard.display_name(), "Mastercard");
    // The API's own string stays as Omise writes it.
    assert_eq!(Mastercard.omise_name(), "MasterCard");
    for b in Brand::ALL {
        assert!(!b.display_name().contains("MasterCard"), "{b:?}");
        assert_eq!(Brand::from_id(b.display_name()), Some(b));
    }
}

#[test]
fn brand_boundaries() {
    for (label, digits, brand) in BOUNDARIES {
        let d: Vec<u8> = digits.bytes().map(|b| b - b'0').collect();
        assert_eq!(detect(&d).brand, *brand, "{label}");
    }
}

/// (label, input, state, error, brand, candidates)
type Row = (&'static str, &'static str, Validity, Option<FieldError>, Option<Brand>, &'static [Brand]);
const PARTIAL: &[Row] = &[
    ("empty", "", Incomplete, Some(FieldError::Required), None, &[]),
    ("lone 4", "4", Incomplete, Some(FieldError::Incomplete), Some(Visa), &[Visa]),
    ("lone 3", "3", Incomplete, Some(FieldError::Incomplete), None, &[Amex, Jcb, Diners]),
    ("37", "37", Incomplete, Some(FieldError::Incomplete), Some(Amex), &[Amex]),
    ("35", "35", Incomplete, Some(FieldError::Incomplete), Some(Jcb), &[Jcb]),
    ("2221", "2221", Incomplete, Some(FieldError::Incomplete), Some(Mastercard), &[Mastercard]),
    ("2 could be mastercard", "2", Incomplete, Some(FieldError::Incomplete), Some(Mastercard), &[Mastercard]),
    (
        "5 prefers mastercard",
        "5",
        Incomplete,
        Some(FieldError::Incomplete),
        Some(Mastercard),
        &[Mastercard, Maestro],
    ),
    ("6 is open", "6", Incomplete, Some(FieldError::Incomplete), None, &[Discover, Unionpay, Maestro]),
    (
        "62 is not discover",
        "62",
        Incomplete,
        Some(FieldError::Incomplete),
        Some(Unionpay),
        &[Unionpay, Maestro],
    ),
    (
        "6221 is not discover",
        "6221",
        Incomplete,
        Some(FieldError::Incomplete),
        Some(Unionpay),
        &[Unionpay, Maestro],
    ),
    ("1 unknown prefix", "1", Invalid, Some(FieldError::UnsupportedBrand), None, &[]),
    ("9999 unknown prefix", "9999", Invalid, Some(FieldError::UnsupportedBrand), None, &[]),
    ("2220 unknown", "2220", Invalid, Some(FieldError::UnsupportedBrand), None, &[]),
    ("visa 15 digits", "424242424242424", Incomplete, Some(FieldError::Incomplete), Some(Visa), &[Visa]),
    (
        "visa 16 luhn fail may grow to 19",
        "4242424242424241",
        Incomplete,
        Some(FieldError::Invalid),
        Some(Visa),
        &[Visa],
    ),
    ("visa 19 luhn fail", "4242424242424242421", Invalid, Some(FieldError::Invalid), Some(Visa), &[Visa]),
    ("visa 20 digits", "42424242424242424242", Invalid, Some(FieldError::Invalid), Some(Visa), &[Visa]),
    ("amex 16 digits too long", "3782822463100051", Invalid, Some(FieldError::Invalid), Some(Amex), &[Amex]),
    ("amex luhn fail", "378282246310006", Invalid, Some(FieldError::Invalid), Some(Amex), &[Amex]),
    ("mc luhn fail", "5555555555554445", Invalid, Some(FieldError::Invalid), Some(Mastercard), &[Mastercard]),
    ("unionpay skips luhn", "6250947000000007", Valid, None, Some(Unionpay), &[Unionpay, Maestro]),
    ("visa 13", "4222222222222", Valid, None, Some(Visa), &[Visa]),
    ("letters", "4242abcd", Invalid, Some(FieldError::Invalid), None, &[]),
    ("emoji", "4242💳4242", Invalid, Some(FieldError::Invalid), None, &[]),
    ("control char", "4242\u{0}4242", Invalid, Some(FieldError::Invalid), None, &[]),
    ("only spaces", "   ", Incomplete, Some(FieldError::Required), None, &[]),
];

#[test]
fn partial_and_invalid_input() {
    for (label, input, state, error, brand, candidates) in PARTIAL {
        let c = check(input);
        assert_eq!((c.state, c.error, c.brand), (*state, *error, *brand), "{label}: {input:?}");
        assert_eq!(c.candidates, candidates.to_vec(), "{label} candidates");
    }
}

/// (label, what the customer pasted or typed, normalized digits)
const NORMALIZATION: &[(&str, &str, &str)] = &[
    ("spaces", "4242 4242 4242 4242", "4242424242424242"),
    ("dashes", "4242-4242-4242-4242", "4242424242424242"),
    ("dots", "4242.4242.4242.4242", "4242424242424242"),
    ("full-width IME digits", "４２４２４２４２４２４２４２４２", "4242424242424242"),
    ("ideographic spaces", "４２４２\u{3000}４２４２\u{3000}４２４２\u{3000}４２４２", "4242424242424242"),
    ("thai digits", "๔๒๔๒๔๒๔๒๔๒๔๒๔๒๔๒", "4242424242424242"),
    ("nbsp from a web page", "4242\u{a0}4242\u{a0}4242\u{a0}4242", "4242424242424242"),
    ("leading and trailing space", "  378282246310005 ", "378282246310005"),
    ("tab", "4242\t4242\t4242\t4242", "4242424242424242"),
    ("full-width hyphen", "4242－4242－4242－4242", "4242424242424242"),
];

#[test]
fn normalizes_what_customers_paste() {
    for (label, input, digits) in NORMALIZATION {
        let c = check(input);
        assert_eq!(c.digits, *digits, "{label}");
        assert_eq!(c.state, Valid, "{label}");
    }
}

#[test]
fn luhn_vectors() {
    for (digits, ok) in
        [("79927398713", true), ("79927398710", false), ("0", true), ("", false), ("12a", false)]
    {
        assert_eq!(luhn(digits), ok, "{digits}");
    }
}

#[test]
fn huge_input_is_invalid_and_fast() {
    let huge = "4".repeat(1_000_000);
    let start = std::time::Instant::now();
    assert_eq!(check(&huge).state, Invalid);
    let junk = "４２".repeat(500_000) + "x";
    assert_eq!(check(&junk).state, Invalid);
    assert!(start.elapsed().as_secs() < 2, "linear time");
}

#[test]
fn security_code_length_follows_brand() {
    assert_eq!(check("378282246310005").security_code_len(), 4);
    assert_eq!(check("4242424242424242").security_code_len(), 3);
    assert_eq!(check("").security_code_len(), 3);
}
