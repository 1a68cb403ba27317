//! The pure validators, exported to JS (browser and Node) as plain objects.

use omise_checkout_core::expiry::YearMonth;
use omise_checkout_core::secret::SecretString;
use omise_checkout_core::{expiry, format, name, number, security_code, Brand};
use wasm_bindgen::prelude::*;
use zeroize::Zeroize;

use crate::clock::this_month;
use crate::js::{object, set, static_str, str_or_null, uint_field};

// The result types are plain objects built by hand (no serde in the wasm: it cost more bytes
// than the rest of this file); their TypeScript shapes are declared here.
#[wasm_bindgen(typescript_custom_section)]
const TS_VALIDATORS: &'static str = r#"
/** A calendar month, `month` 1–12. */
export interface Today { year: number; month: number; }

/** A formatted value and the caret position (UTF-16 offset) to restore. */
export interface FormatResult { value: string; caret: number; }

/** A validity state and, unless valid, the reason code. */
export interface FieldResult { state: ValidityState; code?: string; }

/** What `validateCardNumber` returns. */
export interface CardNumberResult {
    state: ValidityState;
    /** Why it is not valid, if the customer stopped here (`required`, `incomplete`, `invalid`, `unsupported_brand`). */
    code?: string;
    brand: BrandId | null;
    candidates: BrandId[];
    formatted: string;
    securityCodeLength: number;
}

/** What `validateExpiry` returns; `year` has four digits. */
export interface ExpiryResult {
    state: ValidityState;
    code?: string;
    month?: number;
    year?: number;
    formatted: string;
}
"#;

/// `{ state, code? }`.
fn field_result(state: &'static str, code: Option<&'static str>) -> JsValue {
    let o = object(&[("state", static_str(state))]);
    if let Some(code) = code {
        set(&o, "code", &static_str(code));
    }
    o
}

fn format_result(value: &str, caret: usize) -> JsValue {
    object(&[("value", JsValue::from_str(value)), ("caret", JsValue::from(caret as u32))])
}

/// Validates a card number as typed or pasted (spaces, dashes, full-width digits accepted).
/// The input (a copy in wasm memory) and every copy made of it are wiped before they are freed.
#[wasm_bindgen(js_name = validateCardNumber, unchecked_return_type = "CardNumberResult")]
pub fn validate_card_number(input: String) -> JsValue {
    let input = SecretString::from(input);
    let mut check = number::check(&input);
    let digits = SecretString::from(std::mem::take(&mut check.digits));
    let formatted = SecretString::from(format::card_number(&digits, 0).value);
    let candidates: js_sys::Array = check.candidates.iter().map(|b| static_str(b.id())).collect();
    let o = field_result(check.state.code(), check.error.map(|e| e.code()));
    set(&o, "brand", &str_or_null(check.brand.map(Brand::id)));
    set(&o, "candidates", &candidates);
    set(&o, "formatted", &JsValue::from_str(&formatted));
    set(&o, "securityCodeLength", &JsValue::from(check.security_code_len()));
    o
}

/// Formats a card number as typed; `caret` is `selectionStart` before formatting.
#[wasm_bindgen(js_name = formatCardNumber, unchecked_return_type = "FormatResult")]
pub fn format_card_number(input: String, caret: u32) -> JsValue {
    let input = SecretString::from(input);
    let f = format::card_number(&input, caret as usize);
    format_result(&SecretString::from(f.value), f.caret)
}

/// Formats an expiry as typed (`MM / YY`); `caret` is `selectionStart` before formatting.
#[wasm_bindgen(js_name = formatExpiry, unchecked_return_type = "FormatResult")]
pub fn format_expiry(input: &str, caret: u32) -> JsValue {
    let f = expiry::format(input, caret as usize);
    format_result(&f.value, f.caret)
}

/// Validates an expiry against `today` (default: the customer's current month).
#[wasm_bindgen(js_name = validateExpiry, unchecked_return_type = "ExpiryResult")]
pub fn validate_expiry(
    input: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "Today | null")] today: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let today = match today.filter(|t| !t.is_null() && !t.is_undefined()) {
        Some(t) => {
            let (year, month) = (uint_field(&t, "year"), uint_field(&t, "month"));
            match (year, month) {
                (Some(year), Some(month)) => YearMonth { year, month },
                _ => return Err(JsError::new("today must be { year, month } with whole numbers")),
            }
        }
        None => this_month(),
    };
    let check = expiry::check(input, today);
    let o = field_result(check.state.code(), check.error.map(|e| e.code()));
    for (key, value) in [("month", check.month), ("year", check.year)] {
        if let Some(v) = value {
            set(&o, key, &JsValue::from(v));
        }
    }
    set(&o, "formatted", &JsValue::from_str(&check.formatted));
    Ok(o)
}

/// Validates a security code for `brand` (3 digits, 4 for Amex, 3–4 when unknown).
#[wasm_bindgen(js_name = validateSecurityCode, unchecked_return_type = "FieldResult")]
pub fn validate_security_code(
    input: String,
    #[wasm_bindgen(unchecked_param_type = "BrandId")] brand: Option<String>,
) -> JsValue {
    let input = SecretString::from(input);
    let brand = brand.as_deref().and_then(Brand::from_id);
    let mut check = security_code::check(&input, brand);
    check.digits.zeroize();
    field_result(check.state.code(), check.error.map(|e| e.code()))
}

/// Validates a cardholder name (required; refuses a card number typed as a name).
#[wasm_bindgen(js_name = validateName, unchecked_return_type = "FieldResult")]
pub fn validate_name(input: &str) -> JsValue {
    let check = name::check(input);
    field_result(check.state.code(), check.error.map(|e| e.code()))
}
