//! `authorize`: sending the customer to `authorize_uri` for 3-D Secure or the bank's page
//! (`createSource` is in `sources`, on the checkout page only).

use omise_checkout_core::endpoint;
use omise_checkout_core::error::ErrorCode;
use wasm_bindgen::prelude::*;

use crate::checkout::OmiseCheckout;
use crate::{js, results};

#[wasm_bindgen]
impl OmiseCheckout {
    /// Sends the browser to the charge's `authorize_uri` when it is `pending` and has one
    /// (`https:`, or `http:` on localhost; never `javascript:` or another scheme). Returns
    /// `{ redirected: true }` or `{ error }` (`no_authorization_needed`, `unsafe_redirect`).
    /// On a redirect or a `successful` charge, this checkout's card forms that keep the card
    /// until the outcome is known (`clearAfterToken: 'on-success'`, the default) clear it.
    #[wasm_bindgen(unchecked_return_type = "AuthorizeResult")]
    pub fn authorize(&self, #[wasm_bindgen(unchecked_param_type = "ChargeLike")] charge: JsValue) -> JsValue {
        let locale = self.config.locale();
        let uri = js::get_str(&charge, "authorize_uri").or_else(|| js::get_str(&charge, "authorizeUri"));
        let pending =
            js::get_str(&charge, "status").is_some_and(|s| s.trim().eq_ignore_ascii_case("pending"));
        let Some(uri) = uri.filter(|u| pending && !u.trim().is_empty()) else {
            if js::get_str(&charge, "status").is_some_and(|s| s.trim().eq_ignore_ascii_case("successful")) {
                self.payment_succeeded();
            }
            return results::err_code(ErrorCode::NoAuthorizationNeeded, locale);
        };
        if !endpoint::is_safe_redirect(&uri) {
            return results::err_code(ErrorCode::UnsafeRedirect, locale);
        }
        match crate::js::window().map(|w| w.location().assign(uri.trim())) {
            Some(Ok(())) => {
                self.payment_succeeded();
                js::object(&[("redirected", JsValue::TRUE)])
            }
            _ => results::err_code(ErrorCode::UnsafeRedirect, locale),
        }
    }
}
