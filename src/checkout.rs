//! `OmiseCheckout`: the configured entry point (public key, endpoints, locale).

use alloc::borrow::ToOwned;
use alloc::rc::Rc;
#[cfg(feature = "checkout")]
use alloc::rc::Weak;
use alloc::string::String;
#[cfg(feature = "checkout")]
use alloc::vec::Vec;
use core::cell::Cell;
#[cfg(feature = "checkout")]
use core::cell::RefCell;

use wasm_bindgen::prelude::*;

#[cfg(feature = "checkout")]
use crate::card_form::{self, CardForm};
use crate::config::Config;

/// The widget, configured with a public key. The constructor throws (and nothing is sent) for a
/// secret key, a key that is not `pkey_…`, or an endpoint that is not HTTPS (localhost aside).
#[wasm_bindgen]
pub struct OmiseCheckout {
    pub(crate) config: Rc<Config>,
    pub(crate) destroyed: Cell<bool>,
    /// The card forms it mounted (weak: a destroyed form is gone), for `setLocale` and for
    /// clearing cards once `authorize` is handed a successful outcome.
    #[cfg(feature = "checkout")]
    forms: RefCell<Vec<Weak<card_form::Inner>>>,
    /// The options it was made with: the charge module, loaded on demand, is configured alike.
    #[cfg(all(feature = "checkout", not(feature = "charge")))]
    pub(crate) options: JsValue,
}

impl Drop for OmiseCheckout {
    /// Collected (or `free()`d) without `destroy()`: the provider iframe goes with the last form.
    fn drop(&mut self) {
        #[cfg(feature = "checkout")]
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
        Ok(OmiseCheckout {
            config: Rc::new(Config::from_options(&options)?),
            destroyed: Cell::new(false),
            #[cfg(feature = "checkout")]
            forms: RefCell::new(Vec::new()),
            #[cfg(all(feature = "checkout", not(feature = "charge")))]
            options,
        })
    }

    /// Stops using the vault's provider page: its iframe and listener are removed once the
    /// last card form of this checkout is destroyed too. Later calls answer `destroyed`.
    /// Idempotent.
    pub fn destroy(&self) {
        self.destroyed.set(true);
        #[cfg(feature = "checkout")]
        if let Some(p) = &self.config.provider {
            p.close_checkout();
        }
    }

    /// The locale messages are shown in (`en`, `ja` or `th`).
    #[wasm_bindgen(getter)]
    pub fn locale(&self) -> String {
        self.config.locale().code().to_owned()
    }

    #[cfg(feature = "checkout")]
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
        let form = CardForm::mount(self.config.clone(), &target, &options)?;
        let mut forms = self.forms.borrow_mut();
        forms.retain(|f| f.strong_count() > 0);
        forms.push(form.handle());
        Ok(form)
    }

    /// Switches the language of later messages (errors, statuses) and of every card form this
    /// checkout mounted, in place: what was typed stays. A `locale` that is not a string is
    /// read like an unknown tag (the browser's languages, then `en`).
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, #[wasm_bindgen(unchecked_param_type = "string")] locale: JsValue) {
        let locale = crate::config::pick_locale(locale.as_string().as_deref());
        self.config.set_locale(locale);
        #[cfg(feature = "checkout")]
        for form in self.live_forms() {
            form.set_locale(locale);
        }
    }
}

impl OmiseCheckout {
    #[cfg(feature = "checkout")]
    fn live_forms(&self) -> Vec<Rc<card_form::Inner>> {
        self.forms.borrow().iter().filter_map(Weak::upgrade).collect()
    }

    /// A successful outcome was handed to the checkout (`authorize` redirects, or the charge
    /// is `successful`): forms that keep the card until then (`clearAfterToken: 'on-success'`,
    /// the default) let it go.
    pub(crate) fn payment_succeeded(&self) {
        #[cfg(feature = "checkout")]
        for form in self.live_forms() {
            form.payment_succeeded();
        }
    }

    /// `handleCharge` was handed a charge: a `successful` one is the outcome the card forms wait
    /// for, as when `authorize` is handed one. (A QR code paid later is not followed: like
    /// `authorize`, this reads the charge it is given.)
    #[cfg(feature = "checkout")]
    pub(crate) fn charge_handed(&self, status: omise_checkout_core::status::PaymentStatus) {
        if status == omise_checkout_core::status::PaymentStatus::Successful {
            self.payment_succeeded();
        }
    }
}
