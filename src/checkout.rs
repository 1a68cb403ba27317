//! `OmiseCheckout`: the configured entry point (public key, endpoints, locale).

use std::cell::Cell;
use std::rc::Rc;

use js_sys::Promise;
use omise_checkout_core::api::Problem;
use omise_checkout_core::error::ErrorCode;
use omise_checkout_core::request::{self, Billing, CardInput};
use wasm_bindgen::prelude::*;

use crate::card_form::CardForm;
use crate::clock::this_month;
use crate::config::Config;
use crate::{api, js, results};

/// The widget, configured with a public key. The constructor throws (and nothing is sent) for a
/// secret key, a key that is not `pkey_…`, or an endpoint that is not HTTPS (localhost aside).
#[wasm_bindgen]
pub struct OmiseCheckout {
    pub(crate) config: Rc<Config>,
    destroyed: Cell<bool>,
}

impl Drop for OmiseCheckout {
    /// Collected (or `free()`d) without `destroy()`: the provider iframe goes with the last form.
    fn drop(&mut self) {
        if let Some(p) = &self.config.provider {
            p.close_checkout();
        }
    }
}

#[wasm_bindgen]
impl OmiseCheckout {
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "CheckoutOptions")] options: JsValue,
    ) -> Result<OmiseCheckout, JsValue> {
        Ok(OmiseCheckout { config: Rc::new(Config::from_options(&options)?), destroyed: Cell::new(false) })
    }

    /// Stops using the vault's provider page: its iframe and listener are removed once the
    /// last card form of this checkout is destroyed too. Later calls answer `destroyed`.
    /// Idempotent.
    pub fn destroy(&self) {
        self.destroyed.set(true);
        if let Some(p) = &self.config.provider {
            p.close_checkout();
        }
    }

    /// The locale messages are shown in (`en`, `ja` or `th`).
    #[wasm_bindgen(getter)]
    pub fn locale(&self) -> String {
        self.config.locale.code().to_string()
    }

    /// Headless tokenization of a plain card object. Validated first: nothing is sent while a
    /// field is invalid. Resolves to `{ token }` or `{ error }`; never rejects.
    #[wasm_bindgen(js_name = createToken, unchecked_return_type = "Promise<TokenResult>")]
    pub fn create_token(&self, #[wasm_bindgen(unchecked_param_type = "CardInput")] card: JsValue) -> Promise {
        let config = self.config.clone();
        if self.destroyed.get() {
            return Promise::resolve(&results::err_code(ErrorCode::Destroyed, config.locale));
        }
        let input = card_input(&card);
        wasm_bindgen_futures::future_to_promise(async move {
            let locale = config.locale;
            let checked = request::validate(&input, this_month()).map_err(|fields| Problem {
                code: ErrorCode::ValidationError,
                fields,
                retry_after_ms: None,
            });
            drop(input);
            let result = match checked {
                Ok(card) => api::create_token(&config, &card).await,
                Err(p) => Err(p),
            };
            Ok(match result {
                Ok(token) => results::ok("token", token),
                Err(problem) => results::err(&problem, locale),
            })
        })
    }

    /// Mounts the card form into `target` (an element or a CSS selector).
    #[wasm_bindgen(js_name = mountCardForm)]
    pub fn mount_card_form(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Element | string")] target: JsValue,
        #[wasm_bindgen(unchecked_param_type = "CardFormOptions | undefined")] options: JsValue,
    ) -> Result<CardForm, JsValue> {
        if self.destroyed.get() {
            return Err(crate::config::error(
                "destroyed",
                "omise-checkout: this OmiseCheckout was destroyed; create a new one.",
            ));
        }
        CardForm::mount(self.config.clone(), &target, &options)
    }
}

fn card_input(card: &JsValue) -> CardInput {
    let text = |k: &str| js::get_text(card, k).unwrap_or_default();
    CardInput {
        name: text("name"),
        number: text("number"),
        expiration_month: text("expiration_month"),
        expiration_year: text("expiration_year"),
        security_code: text("security_code"),
        billing: Billing::from_fn(|k| js::get_text(card, k)),
    }
}
