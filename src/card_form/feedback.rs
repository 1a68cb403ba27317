//! The form-level error: declines and service errors from `tokenize()`, and what the merchant
//! reports after the token with `showError` (the order call failed, the shopper went offline).
//! Kept as a catalog message, so a language switch says it again in the new language; hidden
//! as soon as the shopper edits the card (`render::apply`).

use omise_checkout_core::error::ErrorCode;
use omise_checkout_core::messages::{self, Message};
use wasm_bindgen::prelude::*;

use super::{CardForm, Inner};
use crate::dom::announce;
use crate::js;
use crate::words::Words;

#[wasm_bindgen]
impl CardForm {
    /// Shows an error in the form, localized, for what happened after the token: `order_failed`
    /// (your order call failed; the card was not charged), `offline`, any other `ErrorCode`, or
    /// a charge's `failure_code` (a decline, with its own advice). The card stays in the form,
    /// so the shopper can try again at once; the error goes when they edit the card. `null`
    /// hides it; a value that is not a string shows the generic `unknown_error` text. Returns
    /// `{ code, message }` as shown, or `null`.
    #[wasm_bindgen(js_name = showError, unchecked_return_type = "ShownError | null")]
    pub fn show_error(
        &self,
        #[wasm_bindgen(
            unchecked_param_type = "AfterTokenErrorCode | ErrorCode | (string & {}) | { failure_code?: string | null } | null"
        )]
        code: JsValue,
    ) -> JsValue {
        let Some(inner) = self.live() else { return JsValue::NULL };
        if code.is_null() || code.is_undefined() || code.as_string().is_some_and(|c| c.trim().is_empty()) {
            inner.set_form_error(None);
            return JsValue::NULL;
        }
        let (code, message) = match code.as_string() {
            Some(code) => match ErrorCode::from_code(code.trim()) {
                Some(c) => (JsValue::from_str(c.code()), messages::error(c)),
                // A charge's failure code; unknown ones get the generic failure text, never the
                // string itself.
                None => (JsValue::from_str(&code), messages::failure(&code)),
            },
            // A charge (or `{ failure_code }`): its decline, unambiguously a charge's (some
            // codes, such as `failed_fraud_check`, are also token-time error codes).
            None => match js::get_str(&code, "failure_code").or_else(|| js::get_str(&code, "failureCode")) {
                Some(raw) => {
                    let failure = omise_checkout_core::status::failure_code(&raw).unwrap_or("unknown");
                    (JsValue::from_str(failure), messages::failure(failure))
                }
                None => (JsValue::from_str(ErrorCode::Unknown.code()), messages::error(ErrorCode::Unknown)),
            },
        };
        inner.set_form_error(Some(message));
        js::object(&[("code", code), ("message", JsValue::from_str(message.words(inner.locale.get())))])
    }
}

impl Inner {
    /// Shows (and announces) a form-level error, or hides it.
    pub(super) fn set_form_error(&self, message: Option<Message>) {
        if message.is_none() && self.form_error.get().is_none() {
            return; // every keystroke comes here: no DOM work when nothing is shown
        }
        self.form_error.set(message);
        self.render_form_error(true);
    }

    /// Puts the form-level error's text on screen in the form's language.
    pub(super) fn render_form_error(&self, announce_it: bool) {
        let dom = self.dom.borrow();
        let Some(dom) = dom.as_ref() else { return };
        let text = self.form_error.get().map(|m| m.words(self.locale.get()));
        dom.form_error.set_text_content(text);
        if let (Some(t), true) = (text, announce_it) {
            announce(&dom.live, t);
        }
    }
}
