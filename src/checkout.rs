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

#[cfg(feature = "checkout")]
use js_sys::Promise;
#[cfg(feature = "checkout")]
use omise_checkout_core::api::Problem;
#[cfg(feature = "checkout")]
use omise_checkout_core::error::ErrorCode;
#[cfg(feature = "checkout")]
use omise_checkout_core::field::{Field, FieldError};
#[cfg(feature = "checkout")]
use omise_checkout_core::request::{self, Billing, CardInput};
use wasm_bindgen::prelude::*;

#[cfg(feature = "checkout")]
use crate::card_form::{self, CardForm};
#[cfg(feature = "checkout")]
use crate::clock::this_month;
use crate::config::Config;
#[cfg(feature = "checkout")]
use crate::js::{self, Prop};
#[cfg(feature = "checkout")]
use crate::{api, results};

/// The widget, configured with a public key. The constructor throws (and nothing is sent) for a
/// secret key, a key that is not `pkey_…`, or an endpoint that is not HTTPS (localhost aside).
#[wasm_bindgen]
pub struct OmiseCheckout {
    pub(crate) config: Rc<Config>,
    destroyed: Cell<bool>,
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
    /// Headless tokenization of a plain card object. Validated first: nothing is sent while a
    /// field is invalid. Resolves to `{ token }` or `{ error }`; never rejects.
    #[wasm_bindgen(js_name = createToken, unchecked_return_type = "Promise<TokenResult>")]
    pub fn create_token(&self, #[wasm_bindgen(unchecked_param_type = "CardInput")] card: JsValue) -> Promise {
        let config = self.config.clone();
        if self.destroyed.get() {
            return Promise::resolve(&results::err_code(ErrorCode::Destroyed, config.locale()));
        }
        let (input, unreadable) = card_input(&card);
        wasm_bindgen_futures::future_to_promise(async move {
            let locale = config.locale();
            let checked = match request::validate(&input, this_month()) {
                Ok(card) if unreadable.is_empty() => Ok(card),
                result => Err(Problem {
                    code: ErrorCode::ValidationError,
                    fields: invalid_for(result.err().unwrap_or_default(), &unreadable),
                    retry_after_ms: None,
                }),
            };
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
}

#[cfg(feature = "checkout")]
/// The card as given (`createToken` takes `unknown` at runtime), and the fields whose value was
/// unreadable: not text or a whole number (`true`, `{}`, `1.5`, a symbol, a BigInt) or behind a
/// getter that threw. Those are reported `invalid`, never guessed at. An unreadable billing
/// field with no field of its own in the form (`state`, `street1`, …) is left out.
fn card_input(card: &JsValue) -> (CardInput, Vec<Field>) {
    let mut unreadable = Vec::new();
    let mut read = |key: &str, field: Option<Field>| match js::prop_text(card, key) {
        Prop::Text(text) => Some(text),
        Prop::Missing => None,
        Prop::Unreadable => {
            if let Some(f) = field.filter(|f| !unreadable.contains(f)) {
                unreadable.push(f);
            }
            None
        }
    };
    let input = CardInput {
        name: read("name", Some(Field::Name)).unwrap_or_default(),
        number: read("number", Some(Field::Number)).unwrap_or_default(),
        expiration_month: read("expiration_month", Some(Field::Expiry)).unwrap_or_default(),
        expiration_year: read("expiration_year", Some(Field::Expiry)).unwrap_or_default(),
        security_code: read("security_code", Some(Field::SecurityCode)).unwrap_or_default(),
        billing: Billing::from_fn(|key| {
            let field = match key {
                "city" => Some(Field::City),
                "postal_code" => Some(Field::PostalCode),
                "country" => Some(Field::Country),
                _ => None,
            };
            read(key, field)
        }),
    };
    (input, unreadable)
}

#[cfg(feature = "checkout")]
/// The validation errors with every unreadable field marked `invalid` (read as empty, it would
/// otherwise say `required`); one not among them yet is added in its place in the form.
fn invalid_for(mut fields: Vec<(Field, FieldError)>, unreadable: &[Field]) -> Vec<(Field, FieldError)> {
    let order = |field: Field| Field::ALL.iter().position(|f| *f == field);
    for &field in unreadable {
        match fields.iter_mut().find(|(f, _)| *f == field) {
            Some(entry) => entry.1 = FieldError::Invalid,
            None => {
                let at = fields.iter().position(|(f, _)| order(*f) > order(field)).unwrap_or(fields.len());
                fields.insert(at, (field, FieldError::Invalid));
            }
        }
    }
    fields
}
