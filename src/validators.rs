//! The pure validators, exported to JS (browser and Node) as plain objects.

use omise_checkout_core::expiry::YearMonth;
use omise_checkout_core::secret::SecretString;
use omise_checkout_core::{expiry, format, name, number, security_code, Brand};
use wasm_bindgen::prelude::*;
use zeroize::Zeroize;

use crate::clock::this_month;
use crate::js::{object, set, static_str, str_or_null, text, uint_field};

// The result types are plain objects built by hand (no serde in the wasm: it cost more bytes
// than the rest of this file); their TypeScript shapes are declared here.
//
// Every export takes `unknown` at runtime (JS callers pass anything): arguments arrive as
// `JsValue` and are read by `js::text`, never left to the generated glue, which handed a
// number, `null` or an object to the wasm as a broken string (a `memory access out of bounds`
// trap). Strings are read as they are, whole numbers from 0 to `Number.MAX_SAFE_INTEGER` as
// their digits; anything else makes the validators answer `invalid` and the formatters throw a
// `TypeError`.
#[wasm_bindgen(typescript_custom_section)]
const TS_VALIDATORS: &'static str = r#"
/** A calendar month, `month` 1–12. */
export interface Today { year: number; month: number; }

/** A formatted value and the caret position (UTF-16 offset) to restore. */
export interface FormatResult { value: string; caret: number; }

/** A validity state and, unless valid, the reason code. */
export interface FieldResult { state: ValidityState; code?: string; }

/**
 * What the validators and formatters read: a string as it is, or a whole number from 0 to
 * `Number.MAX_SAFE_INTEGER` as its decimal digits (`4111111111111111`; a larger number has
 * already lost digits, and a number loses leading zeros: pass what the customer typed, as a
 * string). Any other value (another number, a boolean, an object, `null`, `undefined`, a symbol,
 * a BigInt) is answered `{ state: "invalid", code: "invalid" }` by the validators and makes the
 * formatters throw a `TypeError`; none of them crashes.
 */
export type TextInput = string | number;

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

/// `{ state: "invalid", code: "invalid" }`: what every validator answers for an argument that
/// is not text (see `js::text`).
fn not_text() -> JsValue {
    field_result("invalid", Some("invalid"))
}

fn format_result(value: &str, caret: usize) -> JsValue {
    object(&[("value", JsValue::from_str(value)), ("caret", JsValue::from(caret as u32))])
}

/// The formatters' input as text, else a `TypeError` naming the function.
fn format_input(input: &JsValue, message: &str) -> Result<SecretString, JsValue> {
    text(input).map(SecretString::from).ok_or_else(|| js_sys::TypeError::new(message).into())
}

/// `selectionStart` as given; anything but a number (`undefined`, `null`) means the end of the
/// input. Negative numbers count as 0, fractions are cut.
fn caret_of(caret: &JsValue, input: &str) -> usize {
    match caret.as_f64() {
        Some(n) if n.is_nan() => 0,
        Some(n) => n.clamp(0.0, u32::MAX as f64) as usize,
        None => input.encode_utf16().count(),
    }
}

/// Validates a card number as typed or pasted (spaces, dashes, full-width digits accepted; a
/// whole number is read as its digits). Anything else than text is `invalid`, brand `null`.
/// The input (a copy in wasm memory) and every copy made of it are wiped before they are freed.
#[wasm_bindgen(js_name = validateCardNumber, unchecked_return_type = "CardNumberResult")]
pub fn validate_card_number(#[wasm_bindgen(unchecked_param_type = "TextInput")] input: JsValue) -> JsValue {
    let Some(input) = text(&input).map(SecretString::from) else {
        let o = not_text();
        set(&o, "brand", &JsValue::NULL);
        set(&o, "candidates", &js_sys::Array::new());
        set(&o, "formatted", &static_str(""));
        set(&o, "securityCodeLength", &JsValue::from(3));
        return o;
    };
    let mut check = number::check(&input);
    let digits = SecretString::from(core::mem::take(&mut check.digits));
    let formatted = SecretString::from(format::card_number(&digits, 0).value);
    let candidates: js_sys::Array = check.candidates.iter().map(|b| static_str(b.id())).collect();
    let o = field_result(check.state.code(), check.error.map(|e| e.code()));
    set(&o, "brand", &str_or_null(check.brand.map(Brand::id)));
    set(&o, "candidates", &candidates);
    set(&o, "formatted", &JsValue::from_str(&formatted));
    set(&o, "securityCodeLength", &JsValue::from(check.security_code_len()));
    o
}

/// Formats a card number as typed; `caret` is `selectionStart` before formatting (default: the
/// end). Throws a `TypeError` when `input` is not text.
#[wasm_bindgen(js_name = formatCardNumber, unchecked_return_type = "FormatResult")]
pub fn format_card_number(
    #[wasm_bindgen(unchecked_param_type = "TextInput")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "number")] caret: JsValue,
) -> Result<JsValue, JsValue> {
    let input = format_input(&input, "formatCardNumber: input must be a string")?;
    let f = format::card_number(&input, caret_of(&caret, &input));
    Ok(format_result(&SecretString::from(f.value), f.caret))
}

/// Formats an expiry as typed (`MM / YY`); `caret` is `selectionStart` before formatting
/// (default: the end). Throws a `TypeError` when `input` is not text.
#[wasm_bindgen(js_name = formatExpiry, unchecked_return_type = "FormatResult")]
pub fn format_expiry(
    #[wasm_bindgen(unchecked_param_type = "TextInput")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "number")] caret: JsValue,
) -> Result<JsValue, JsValue> {
    let input = format_input(&input, "formatExpiry: input must be a string")?;
    let f = expiry::format(&input, caret_of(&caret, &input));
    Ok(format_result(&f.value, f.caret))
}

/// Validates an expiry against `today` (default: the customer's current month). Anything else
/// than text is `invalid`; a `today` that is not `{ year, month }` throws.
#[wasm_bindgen(js_name = validateExpiry, unchecked_return_type = "ExpiryResult")]
pub fn validate_expiry(
    #[wasm_bindgen(unchecked_param_type = "TextInput")] input: JsValue,
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
    let Some(input) = text(&input) else {
        let o = not_text();
        set(&o, "formatted", &static_str(""));
        return Ok(o);
    };
    let check = expiry::check(&input, today);
    let o = field_result(check.state.code(), check.error.map(|e| e.code()));
    for (key, value) in [("month", check.month), ("year", check.year)] {
        if let Some(v) = value {
            set(&o, key, &JsValue::from(v));
        }
    }
    set(&o, "formatted", &JsValue::from_str(&check.formatted));
    Ok(o)
}

/// Validates a security code for `brand` (3 digits, 4 for Amex, 3–4 when unknown, as for a
/// `brand` that is not a `BrandId`). Anything else than text is `invalid`; a number loses its
/// leading zeros, so pass the code as typed.
#[wasm_bindgen(js_name = validateSecurityCode, unchecked_return_type = "FieldResult")]
pub fn validate_security_code(
    #[wasm_bindgen(unchecked_param_type = "TextInput")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "BrandId | null")] brand: JsValue,
) -> JsValue {
    let Some(input) = text(&input).map(SecretString::from) else { return not_text() };
    let brand = brand.as_string().as_deref().and_then(Brand::from_id);
    let mut check = security_code::check(&input, brand);
    check.digits.zeroize();
    field_result(check.state.code(), check.error.map(|e| e.code()))
}

/// Validates a cardholder name (required; refuses a card number typed as a name). Anything
/// else than text is `invalid`.
#[wasm_bindgen(js_name = validateName, unchecked_return_type = "FieldResult")]
pub fn validate_name(#[wasm_bindgen(unchecked_param_type = "TextInput")] input: JsValue) -> JsValue {
    let Some(input) = text(&input) else { return not_text() };
    let check = name::check(&input);
    field_result(check.state.code(), check.error.map(|e| e.code()))
}
