//! The payment methods as the sandbox applies them: the widget core's rows (`METHODS`, one
//! table for the picker, the sandbox and the tests) give each source type its `flow`, currency,
//! amount limits and required fields; this file turns them into the API's answers, refuses the
//! discontinued types, and adds what an offline charge carries (PromptPay's `scannable_code`,
//! konbini's `references` and instructions link) to the Charge JSON.

use crate::errors::ApiError;
use crate::promptpay;
use crate::store::Charge;
use axum::http::StatusCode;
use omise_checkout_core::methods::{self, fields, Method, PayerField};
use omise_checkout_core::validity::Validity;
use serde_json::{json, Value};

/// Types the sandbox still takes that the widget does not offer (its tests use them), with
/// their `flow`.
pub const OTHER_TYPES: &[(&str, &str)] = &[("alipay", "redirect"), ("paynow", "offline")];

/// Every supported type and its flow: the core's rows, then the others.
pub fn all_types() -> impl Iterator<Item = (&'static str, &'static str)> {
    methods::METHODS.iter().map(|m| (m.source_type, m.flow.code())).chain(OTHER_TYPES.iter().copied())
}

fn invalid_source(message: String) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, "invalid_source", message)
}

/// A type the sandbox takes, or the API's error: discontinued types say so.
pub fn check_type(kind: &str) -> Result<(), ApiError> {
    if let Some((_, until)) = methods::discontinued(kind) {
        return Err(invalid_source(format!(
            "type {kind} is not supported: Thai internet banking was discontinued on {until}; \
             use promptpay or mobile_banking_* instead"
        )));
    }
    if all_types().any(|(t, _)| t == kind) {
        return Ok(());
    }
    let names: Vec<&str> = all_types().map(|(t, _)| t).collect();
    Err(invalid_source(format!("type is not supported (use one of {})", names.join(", "))))
}

/// The `flow` of a source of `kind` for these parameters (`amount` and `currency` already
/// checked by `amount_and_currency`), or the error the API gives.
pub fn flow_for(kind: &str, params: &Value, amount: i64, currency: &str) -> Result<&'static str, ApiError> {
    check_type(kind)?;
    if let Some(m) = methods::find(kind) {
        check_row(m, params, amount, currency)?;
        return Ok(m.flow.code());
    }
    Ok(OTHER_TYPES.iter().find(|(t, _)| *t == kind).map_or("redirect", |(_, flow)| flow))
}

/// The row's currency, limits, required fields and `platform_type`.
fn check_row(m: &Method, params: &Value, amount: i64, currency: &str) -> Result<(), ApiError> {
    if !currency.eq_ignore_ascii_case(m.currency) {
        return Err(ApiError::bad_request(format!("currency must be {} for {}", m.currency, m.source_type)));
    }
    let amount = amount.max(0) as u64;
    if amount < m.min_amount || amount > m.max_amount {
        return Err(ApiError::bad_request(format!(
            "amount must be between {} and {} for {}",
            m.min_amount, m.max_amount, m.source_type
        )));
    }
    for &field in m.fields {
        let raw = crate::body::text(params, field.api_name()).unwrap_or_default();
        let check = fields::check(field, &raw);
        if check.state != Validity::Valid {
            let name = field.api_name();
            let problem = match (field, check.error) {
                (_, Some(omise_checkout_core::field::FieldError::Required)) => "is required".to_owned(),
                (PayerField::Name, Some(omise_checkout_core::field::FieldError::TooLong)) => {
                    format!("is too long (maximum is {} characters)", fields::MAX_NAME_CHARS)
                }
                _ => "is invalid".to_owned(),
            };
            return Err(ApiError::bad_request(format!("{name} {problem}")));
        }
    }
    match crate::body::text(params, "platform_type").as_deref() {
        None | Some("IOS" | "ANDROID") => Ok(()),
        Some(_) => Err(ApiError::bad_request("platform_type must be IOS or ANDROID")),
    }
}

/// A source type's name as the widget shows it, in the page's language (`alipay` and other
/// types without a row: the type, spaced).
pub fn label(kind: &str, lang: crate::authorize_text::Lang) -> String {
    use crate::authorize_text::Lang;
    use omise_checkout_core::locale::Locale;
    let locale = match lang {
        Lang::En => Locale::En,
        Lang::Ja => Locale::Ja,
        Lang::Th => Locale::Th,
    };
    methods::find(kind).map_or_else(|| kind.replace('_', " "), |m| m.label.text(locale).to_owned())
}

/// This server's origin, from the charge's stored `authorize_uri` (`{origin}/authorize/{id}`).
fn origin_of(charge: &Charge) -> Option<&str> {
    charge.authorize_uri.as_deref().and_then(|u| u.strip_suffix(&*format!("/authorize/{}", charge.id)))
}

/// The payer page of a charge: the shopper's banking app or the store's till (payer.rs).
pub fn payer_uri(charge: &Charge) -> Option<String> {
    origin_of(charge).map(|o| format!("{o}/payer/{}", charge.id))
}

/// Adds what an offline charge carries to its JSON (`charges::charge_json`): PromptPay's QR
/// (`source.scannable_code`, no `authorize_uri`: there is nowhere to go), konbini's
/// `source.references` and its instructions link as `authorize_uri`.
pub fn decorate_charge(value: &mut Value, charge: &Charge) {
    let Some(source) = &charge.source else { return };
    let expires_at = crate::clock::rfc3339_ms(charge.expires_at_ms);
    match source.kind.as_str() {
        "promptpay" => {
            let Some(origin) = origin_of(charge) else { return };
            value["source"]["scannable_code"] = promptpay::scannable_code(charge, origin);
            value["authorize_uri"] = Value::Null;
        }
        "econtext" => {
            let digits: String = charge
                .id
                .bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| (b'0' + b % 10) as char)
                .collect();
            let tail = &digits[digits.len().saturating_sub(11)..];
            value["source"]["references"] = json!({
                "object": "references",
                "expires_at": expires_at,
                "barcode": null,
                "customer_amount": charge.amount,
                "customer_currency": charge.currency,
                "customer_exchange_rate": null,
                "device_id": null,
                "omise_tax_id": null,
                "payment_code": format!("SB{tail}"),
                "reference_number_1": format!("{}-{}", &tail[..tail.len().min(4)], &tail[tail.len().min(4)..]),
                "reference_number_2": null,
                "va_code": null,
            });
            value["authorize_uri"] = payer_uri(charge).map_or(Value::Null, Value::from);
        }
        _ => {}
    }
}
