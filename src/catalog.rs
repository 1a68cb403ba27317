//! `message(key, locale?)`: one text of the catalog by its stable key, for what merchants draw
//! themselves around the widget (e.g. `processing` on their own Pay button while the form is
//! busy, `order_failed` beside it). Plain text: set it with `textContent`.

use omise_checkout_core::messages::Message;
use wasm_bindgen::prelude::*;

use crate::config;
use crate::words::Words;

/// The catalog's text for `key` in `locale` (`en`, `ja`, `th` or a tag such as `th-TH`;
/// default: the browser's languages, then `en`), or `undefined` for an unknown key (or one
/// that is not a string). The after-the-charge module (`omise-checkout/charge`) answers
/// `undefined` for the checkout page's own texts (card form, card update, method picker). Arguments are `JsValue`s read here: the glue passes a non-string
/// `&str` or `Option<String>` badly (a wasm trap).
#[wasm_bindgen(unchecked_return_type = "string | undefined")]
pub fn message(
    #[wasm_bindgen(unchecked_param_type = "MessageKey")] key: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string | null")] locale: JsValue,
) -> JsValue {
    let locale = config::pick_locale(locale.as_string().as_deref());
    match key
        .as_string()
        .as_deref()
        .and_then(Message::from_key)
        .map(|m| m.words(locale))
        .filter(|w| !w.is_empty())
    {
        Some(text) => JsValue::from_str(text),
        None => JsValue::UNDEFINED,
    }
}

/// `refundMessage(status, locale?)`: a refund's state in the customer's words (`{ kind, text }`,
/// kind `pending`, `success` or `failure`), for an order page that lists its refunds.
#[wasm_bindgen(js_name = refundMessage, unchecked_return_type = "StatusMessage")]
pub fn refund_message(
    #[wasm_bindgen(unchecked_param_type = "'pending' | 'successful' | 'failed' | (string & {})")]
    status: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string | null")] locale: JsValue,
) -> JsValue {
    let m = omise_checkout_core::status::refund_message(&status.as_string().unwrap_or_default());
    let locale = config::pick_locale(locale.as_string().as_deref());
    crate::js::object(&[
        ("kind", crate::js::static_str(m.kind.code())),
        ("text", JsValue::from_str(m.message.words(locale))),
    ])
}
