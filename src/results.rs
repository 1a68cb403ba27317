//! The one place errors become JS values (STYLE.md pattern 5): `{ error: { code, message,
//! field?, fields? } }` with `message` already in the customer's language. Server text
//! (`message`, `failure_message`) is never passed through: only mapped codes are.

use omise_checkout_core::api::Problem;
use omise_checkout_core::error::ErrorCode;
use omise_checkout_core::field::{Field, FieldError};
use omise_checkout_core::locale::Locale;
use omise_checkout_core::messages;
use wasm_bindgen::JsValue;

use crate::js;
use crate::words::Words;

/// `{ [key]: value }`, e.g. `{ token }`.
pub fn ok(key: &'static str, value: JsValue) -> JsValue {
    js::object(&[(key, value)])
}

/// `{ error: {...} }`.
pub fn err(problem: &Problem, locale: Locale) -> JsValue {
    js::object(&[("error", error_object(problem, locale))])
}

pub fn err_code(code: ErrorCode, locale: Locale) -> JsValue {
    err(&Problem::new(code), locale)
}

/// `{ code, message, field?, fields? }`. With field errors, `message` is the first field's
/// text (what the customer must fix first) and `fields` lists them all.
pub fn error_object(problem: &Problem, locale: Locale) -> JsValue {
    let first = problem.fields.first();
    let message = match first {
        Some(&(field, error)) if problem.code != ErrorCode::ValidationError => {
            messages::field_error(field, error).words(locale)
        }
        _ => messages::error(problem.code).words(locale),
    };
    let out = js::object(&[
        ("code", JsValue::from_str(problem.code.code())),
        ("message", JsValue::from_str(message)),
    ]);
    if let Some(&(field, _)) = first {
        js::set(&out, "field", &JsValue::from_str(field.code()));
        let list = js_sys::Array::new();
        for &(field, error) in &problem.fields {
            list.push(&field_error(field, error, locale));
        }
        js::set(&out, "fields", &list);
    }
    if let Some(ms) = problem.retry_after_ms {
        js::set(&out, "retryAfterMs", &JsValue::from_f64(ms as f64));
    }
    out
}

/// `{ field, code, message }`.
pub fn field_error(field: Field, error: FieldError, locale: Locale) -> JsValue {
    js::object(&[
        ("field", JsValue::from_str(field.code())),
        ("code", JsValue::from_str(error.code())),
        ("message", JsValue::from_str(messages::field_error(field, error).words(locale))),
    ])
}
