//! `statusMessage`: a payment's status in the customer's words, on the checkout and without
//! one. In every module that has an `OmiseCheckout` (the checkout page and the charge module).

use alloc::borrow::ToOwned;
use alloc::string::String;

use omise_checkout_core::locale::Locale;
use omise_checkout_core::status::{self, PaymentStatus};
use wasm_bindgen::prelude::*;

use crate::checkout::OmiseCheckout;
use crate::words::Words;
use crate::{config, js};

#[wasm_bindgen]
impl OmiseCheckout {
    /// The customer-facing message for a status (and failure code): `{ kind, text }` with kind
    /// `success`, `pending` or `failure`. Accepts a status string or a charge-like object.
    #[wasm_bindgen(js_name = statusMessage, unchecked_return_type = "StatusMessage")]
    pub fn status_message(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | ChargeLike")] status: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | undefined")] failure_code: JsValue,
        // `JsValue`, not `Option<String>`: the glue passes a non-string badly (a wasm trap).
        #[wasm_bindgen(unchecked_optional_param_type = "string | null")] locale: JsValue,
    ) -> JsValue {
        let locale = locale.as_string().map_or(self.config.locale(), |l| config::pick_locale(Some(&l)));
        status_message_value(&status, failure_code.as_string(), locale)
    }
}

/// `statusMessage(status, failureCode?, locale?)` without a checkout (no key needed).
#[wasm_bindgen(js_name = statusMessage, unchecked_return_type = "StatusMessage")]
pub fn status_message(
    #[wasm_bindgen(unchecked_param_type = "string | ChargeLike")] status: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | undefined")] failure_code: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string | null")] locale: JsValue,
) -> JsValue {
    let locale = config::pick_locale(locale.as_string().as_deref());
    status_message_value(&status, failure_code.as_string(), locale)
}

fn status_message_value(status: &JsValue, failure_code: Option<String>, locale: Locale) -> JsValue {
    let (text, code) = match status.as_string() {
        Some(s) => (s, failure_code),
        None => {
            (js::get_str(status, "status").unwrap_or_default(), failure_code.or_else(|| failure_of(status)))
        }
    };
    let m = status::status_message(PaymentStatus::parse(&text), code.as_deref());
    js::object(&[
        ("kind", JsValue::from_str(m.kind.code())),
        ("text", JsValue::from_str(m.message.words(locale))),
    ])
}

/// The object's failure code, as the core lets it be passed on (`failureCode`): API-shaped
/// codes as they are, anything else `unknown`, blank none.
pub(crate) fn failure_of(object: &JsValue) -> Option<String> {
    let raw = js::get_str(object, "failure_code").or_else(|| js::get_str(object, "failureCode"))?;
    status::failure_code(&raw).map(str::to_owned)
}
