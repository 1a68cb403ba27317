//! The pure validators, exported to JS (browser and Node) as plain objects.

use omise_checkout_core::expiry::YearMonth;
use omise_checkout_core::{expiry, format, name, number, security_code, Brand};
use serde::Serialize;
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

use crate::clock::this_month;
use crate::js::{to_js, uint_field};

/// What `validateCardNumber` returns.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CardNumberResult {
    #[tsify(type = "ValidityState")]
    pub state: &'static str,
    /// Why it is not valid, if the customer stopped here (`required`, `incomplete`, `invalid`, `unsupported_brand`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub code: Option<&'static str>,
    #[tsify(type = "BrandId | null")]
    pub brand: Option<&'static str>,
    #[tsify(type = "BrandId[]")]
    pub candidates: Vec<&'static str>,
    pub formatted: String,
    pub security_code_length: u8,
}

/// A formatted value and the caret position (UTF-16 offset) to restore.
#[derive(Serialize, Tsify)]
pub struct FormatResult {
    pub value: String,
    pub caret: u32,
}

/// A calendar month, `month` 1–12.
#[derive(Tsify)]
pub struct Today {
    pub year: u32,
    pub month: u32,
}

/// What `validateExpiry` returns; `year` has four digits.
#[derive(Serialize, Tsify)]
pub struct ExpiryResult {
    #[tsify(type = "ValidityState")]
    pub state: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub code: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub month: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub year: Option<u32>,
    pub formatted: String,
}

/// A validity state and, unless valid, the reason code.
#[derive(Serialize, Tsify)]
pub struct FieldResult {
    #[tsify(type = "ValidityState")]
    pub state: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub code: Option<&'static str>,
}

/// Validates a card number as typed or pasted (spaces, dashes, full-width digits accepted).
#[wasm_bindgen(js_name = validateCardNumber)]
pub fn validate_card_number(input: &str) -> Ts<CardNumberResult> {
    let check = number::check(input);
    let formatted =
        if check.digits.is_empty() { String::new() } else { format::card_number(&check.digits, 0).value };
    to_js(&CardNumberResult {
        state: check.state.code(),
        code: check.error.map(|e| e.code()),
        brand: check.brand.map(Brand::id),
        candidates: check.candidates.iter().map(|b| b.id()).collect(),
        formatted,
        security_code_length: check.security_code_len(),
    })
}

/// Formats a card number as typed; `caret` is `selectionStart` before formatting.
#[wasm_bindgen(js_name = formatCardNumber)]
pub fn format_card_number(input: &str, caret: u32) -> Ts<FormatResult> {
    let f = format::card_number(input, caret as usize);
    to_js(&FormatResult { value: f.value, caret: f.caret as u32 })
}

/// Formats an expiry as typed (`MM / YY`); `caret` is `selectionStart` before formatting.
#[wasm_bindgen(js_name = formatExpiry)]
pub fn format_expiry(input: &str, caret: u32) -> Ts<FormatResult> {
    let f = expiry::format(input, caret as usize);
    to_js(&FormatResult { value: f.value, caret: f.caret as u32 })
}

/// Validates an expiry against `today` (default: the customer's current month).
#[wasm_bindgen(js_name = validateExpiry)]
pub fn validate_expiry(input: &str, today: Option<Ts<Today>>) -> Result<Ts<ExpiryResult>, JsError> {
    let today = match today {
        // Read by hand: serde's error path would pull float formatting into the wasm.
        Some(t) => {
            let (year, month) = (uint_field(&t.js_value(), "year"), uint_field(&t.js_value(), "month"));
            match (year, month) {
                (Some(year), Some(month)) => YearMonth { year, month },
                _ => return Err(JsError::new("today must be { year, month } with whole numbers")),
            }
        }
        None => this_month(),
    };
    let check = expiry::check(input, today);
    Ok(to_js(&ExpiryResult {
        state: check.state.code(),
        code: check.error.map(|e| e.code()),
        month: check.month,
        year: check.year,
        formatted: check.formatted,
    }))
}

/// Validates a security code for `brand` (3 digits, 4 for Amex, 3–4 when unknown).
#[wasm_bindgen(js_name = validateSecurityCode)]
pub fn validate_security_code(
    input: &str,
    #[wasm_bindgen(unchecked_param_type = "BrandId")] brand: Option<String>,
) -> Ts<FieldResult> {
    let brand = brand.as_deref().and_then(Brand::from_id);
    let check = security_code::check(input, brand);
    to_js(&FieldResult { state: check.state.code(), code: check.error.map(|e| e.code()) })
}

/// Validates a cardholder name (required; refuses a card number typed as a name).
#[wasm_bindgen(js_name = validateName)]
pub fn validate_name(input: &str) -> Ts<FieldResult> {
    let check = name::check(input);
    to_js(&FieldResult { state: check.state.code(), code: check.error.map(|e| e.code()) })
}
