//! Card validation for `POST /tokens`, reusing the widget's own card rules (core crate) and
//! reporting problems in Omise's `invalid_card` wording.

use crate::body::{int, text, Int};
use crate::errors::join_parts;
use omise_checkout_core::expiry::{check_date, YearMonth, MAX_YEARS_AHEAD};
use omise_checkout_core::field::FieldError;
use omise_checkout_core::{number, Brand, Validity};
use serde_json::Value;

/// A card that passed validation. `digits` lives only as long as the request.
#[derive(Debug)]
pub struct ValidCard {
    pub digits: String,
    pub brand: Brand,
    pub name: String,
    pub month: u32,
    pub year: u32,
    pub billing: crate::model::Billing,
    /// `card[country]` as sent (lowercase ISO 3166 code), if any.
    pub country: Option<String>,
}

/// Longest free-text value kept (names, cities): anything longer is refused or cut.
const MAX_TEXT: usize = 255;

fn optional(card: &Value, key: &str) -> Option<String> {
    let v = text(card, key)?;
    let v = v.trim();
    (!v.is_empty()).then(|| v.chars().take(MAX_TEXT).collect())
}

/// The optional billing fields, echoed by the card object.
pub fn billing(card: &Value) -> crate::model::Billing {
    crate::model::Billing {
        street1: optional(card, "street1"),
        street2: optional(card, "street2"),
        city: optional(card, "city"),
        state: optional(card, "state"),
        postal_code: optional(card, "postal_code"),
        phone_number: optional(card, "phone_number"),
    }
}

fn year_of(v: Int) -> Option<u32> {
    match v {
        // Two-digit years are how cards print them.
        Int::Value(y @ 0..=99) => Some(2000 + y as u32),
        Int::Value(y @ 1000..=9999) => Some(y as u32),
        _ => None,
    }
}

/// Validates `card` against `today`; the error is the `invalid_card` message.
pub fn validate(card: &Value, today: YearMonth) -> Result<ValidCard, String> {
    let mut parts: Vec<&str> = Vec::new();

    let month = match int(card, "expiration_month") {
        Int::Value(m @ 1..=12) => Some(m as u32),
        _ => None,
    };
    let year = year_of(int(card, "expiration_year"))
        .filter(|y| *y <= today.year + MAX_YEARS_AHEAD && *y >= today.year.saturating_sub(100));
    if month.is_none() {
        parts.push("expiration month is not between 1 and 12");
    }
    if year.is_none() {
        parts.push("expiration year is invalid");
    }
    if let (Some(m), Some(y)) = (month, year) {
        match check_date(m, y, today) {
            Err(FieldError::Expired) => parts.push("expiration date cannot be in the past"),
            Err(_) => parts.push("expiration year is invalid"),
            Ok(()) => {}
        }
    }

    let raw_number = text(card, "number").unwrap_or_default();
    // Cheap guard: normalization is linear, but nothing longer than this is a card number.
    let check = number::check(if raw_number.len() > 64 { "x" } else { &raw_number });
    if check.state != Validity::Valid {
        parts.push("number is invalid");
    }
    if check.brand.is_none() {
        parts.push("brand not supported (unknown)");
    }

    let name = text(card, "name").map(|n| n.trim().to_owned()).unwrap_or_default();
    if name.is_empty() {
        parts.push("name can't be blank");
    } else if name.chars().count() > MAX_TEXT {
        parts.push("name is too long (maximum is 255 characters)");
    }

    let code = text(card, "security_code").unwrap_or_default();
    let code_ok = match check.brand {
        Some(b) => code.len() == b.security_code_len() as usize,
        None => (3..=4).contains(&code.len()),
    } && code.bytes().all(|c| c.is_ascii_digit());
    if !code_ok {
        parts.push("security code is invalid");
    }

    match (parts.is_empty(), check.brand, month, year) {
        (true, Some(brand), Some(month), Some(year)) => Ok(ValidCard {
            digits: check.digits,
            brand,
            name,
            month,
            year,
            billing: billing(card),
            country: optional(card, "country").map(|c| c.to_ascii_lowercase()),
        }),
        _ => Err(join_parts(&parts)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const TODAY: YearMonth = YearMonth { year: 2026, month: 11 };

    fn card(number: &str, month: Value, year: Value) -> Value {
        json!({"number": number, "name": "Somchai P", "expiration_month": month,
               "expiration_year": year, "security_code": "123"})
    }

    #[test]
    fn accepts_a_test_card_with_string_or_number_dates() {
        let ok = validate(&card("4242 4242 4242 4242", json!("12"), json!("2030")), TODAY).unwrap();
        assert_eq!((ok.month, ok.year, ok.brand), (12, 2030, Brand::Visa));
        assert!(validate(&card("4242424242424242", json!(11), json!(26)), TODAY).is_ok());
    }

    #[test]
    fn joins_problems_in_omise_order() {
        let err = validate(&card("1234567812345678", json!(1), json!(2020)), TODAY).unwrap_err();
        assert_eq!(
            err,
            "expiration date cannot be in the past, number is invalid, and brand not supported (unknown)"
        );
        let err = validate(&card("4242424242424241", json!(13), json!(2030)), TODAY).unwrap_err();
        assert_eq!(err, "expiration month is not between 1 and 12 and number is invalid");
        let err = validate(&card("4242424242424242", json!(1), json!(2060)), TODAY).unwrap_err();
        assert_eq!(err, "expiration year is invalid");
    }

    #[test]
    fn checks_name_and_security_code() {
        let mut c = card("378282246310005", json!(1), json!(2030));
        c["name"] = json!("  ");
        assert_eq!(validate(&c, TODAY).unwrap_err(), "name can't be blank and security code is invalid");
        c["name"] = json!("A");
        c["security_code"] = json!("1234");
        assert!(validate(&c, TODAY).is_ok());
    }
}
