//! `PaymentMethods`: the payment-method picker (`checkout.mountPaymentMethods`). It shows the
//! methods of the core's table that fit the amount, currency and device, collects each method's
//! fields with the card form's rules (labels, hints, errors tied with `aria-describedby`,
//! polite announcements), and creates the source: `{ source } | { error }`. With the `card`
//! option, the merchant's card form sits under a "Card" choice and `createSource()` answers
//! `{ card: true }` while it is chosen. One concern per file: `dom` builds, `render` carries out
//! the model's effects.

use alloc::string::String;
use alloc::vec::Vec;

mod dom;
mod render;

use alloc::rc::Rc;
use core::cell::{Cell, RefCell};

use js_sys::Promise;
use omise_checkout_core::error::ErrorCode;
use omise_checkout_core::locale::Locale;
use omise_checkout_core::methods;
use omise_checkout_core::methods::picker::{Choice, Effect, Picker, Target};
use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::checkout::OmiseCheckout;
use crate::config::{self, Config};
pub(crate) use crate::device::device;
use crate::events::Handlers;
use crate::listener::Listener;
use crate::words::Words;
use crate::{js, results};

/// A payment-method picker mounted in the page.
#[wasm_bindgen]
pub struct PaymentMethods {
    inner: RefCell<Option<Rc<Inner>>>,
}

pub(crate) struct Inner {
    config: Rc<Config>,
    locale: Cell<Locale>,
    model: RefCell<Picker>,
    target: Element,
    /// The merchant's card form container, shown under the "Card" choice.
    card: Option<Element>,
    dom: RefCell<Option<dom::Dom>>,
    listeners: RefCell<Vec<Listener>>,
    handlers: Handlers,
    /// The checkout's options: choosing a method that ends in a QR code or instructions starts
    /// loading the after-the-charge module with them, before Pay.
    #[cfg(not(feature = "charge"))]
    checkout_options: JsValue,
    /// The source being created: a second Pay click while it is on its way shares it.
    in_flight: RefCell<Option<Promise>>,
}

#[wasm_bindgen]
impl OmiseCheckout {
    /// Mounts the payment-method picker into `target`: `{ amount, currency, methods?, card?,
    /// device?, selected?, locale? }`. Throws (`mount_failed`, `invalid_options`) for a missing
    /// target or amount, or a `methods` or `device` it cannot read. With no method that fits
    /// (and no card), the picker says so where the choices would be.
    #[wasm_bindgen(js_name = mountPaymentMethods)]
    pub fn mount_payment_methods(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Element | string")] target: JsValue,
        #[wasm_bindgen(unchecked_param_type = "PaymentMethodsOptions")] options: JsValue,
    ) -> Result<PaymentMethods, JsValue> {
        let target = crate::dom::find(&target).ok_or_else(|| {
            config::error("mount_failed", "omise-checkout: payment methods target not found")
        })?;
        let (amount, currency) = total(&js::get(&options, "amount"), js::get_str(&options, "currency"))?;
        let wanted = wanted(&js::get(&options, "methods"))?;
        let card = match js::get(&options, "card") {
            v if v.is_undefined() || v.is_null() || v.is_falsy() => None,
            // A container that holds the target would take the picker inside itself: refused
            // (it would otherwise leave the page with the picker).
            v => Some(crate::dom::find(&v).filter(|card| !card.contains(Some(&target))).ok_or_else(|| {
                config::error(
                    "mount_failed",
                    "omise-checkout: the card option must be an element or a selector, outside the picker's target",
                )
            })?),
        };
        let locale = self.config.locale_for(&options);
        let mut model = Picker::new(amount, &currency, device(&options)?, wanted, card.is_some());
        match js::get_str(&options, "selected") {
            Some(id) => {
                let _ = model.select(&id);
            }
            None if model.choices().len() == 1 => {
                let only = model.choices()[0].id();
                let _ = model.select(only);
            }
            None => {}
        }
        let inner = Rc::new(Inner {
            config: self.config.clone(),
            locale: Cell::new(locale),
            model: RefCell::new(model),
            target,
            card,
            dom: RefCell::new(None),
            listeners: RefCell::new(Vec::new()),
            handlers: Handlers::default(),
            #[cfg(not(feature = "charge"))]
            checkout_options: self.options.clone(),
            in_flight: RefCell::new(None),
        });
        inner.build();
        // Its language may still be on its way (src/words.rs): built again when it arrives.
        crate::words::watch(Rc::downgrade(&inner));
        Ok(PaymentMethods { inner: RefCell::new(Some(inner)) })
    }
}

#[wasm_bindgen]
impl PaymentMethods {
    /// Validates the chosen method's fields, then creates its source with the public key.
    /// Resolves to `{ source }`, `{ error }` (localized; `validation_error` with `field`, shown
    /// in the picker with focus on the first field to fix), or `{ card: true }` while the card
    /// is chosen (tokenize with the card form). Never rejects. A call while a source is being
    /// created answers with that one (a double click creates one source).
    #[wasm_bindgen(js_name = createSource, unchecked_return_type = "Promise<PaymentMethodsResult>")]
    pub fn create_source(&self) -> Promise {
        let Some(inner) = self.live() else {
            return Promise::resolve(&results::err_code(ErrorCode::Destroyed, Locale::En));
        };
        if let Some(pending) = inner.in_flight.borrow().clone() {
            return pending;
        }
        let submitted = inner.model.borrow_mut().submit();
        match submitted {
            Ok(request) => {
                let settled = Rc::downgrade(&inner);
                let promise = crate::sources::source_promise(
                    inner.config.clone(),
                    Some(request.json()),
                    Some(alloc::boxed::Box::new(move || {
                        if let Some(inner) = settled.upgrade() {
                            inner.in_flight.take();
                        }
                    })),
                );
                *inner.in_flight.borrow_mut() = Some(promise.clone());
                promise
            }
            Err(_) if inner.model.borrow().selected() == Some(Choice::Card) => {
                Promise::resolve(&js::object(&[("card", JsValue::TRUE)]))
            }
            Err(effects) => {
                let first = effects.iter().find_map(|e| match e {
                    Effect::Focus(t) => Some(*t),
                    _ => None,
                });
                inner.apply(effects);
                Promise::resolve(&validation_error(&inner.model.borrow(), first, inner.locale.get()))
            }
        }
    }

    /// The chosen choice: `card`, a method id (`promptpay`, `mobile_banking`, …) or `null`.
    #[wasm_bindgen(getter, unchecked_return_type = "string | null")]
    pub fn selected(&self) -> JsValue {
        let choice = self.live().and_then(|i| i.model.borrow().selected());
        js::str_or_null(choice.map(Choice::id))
    }

    /// Chooses `id` (`card`, a method id or a source type, e.g. a bank) as a click would.
    pub fn select(&self, #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue) {
        if let (Some(inner), Some(id)) = (self.live(), id.as_string()) {
            let effects = inner.model.borrow_mut().select(&id);
            inner.apply(effects);
        }
    }

    /// A new cart total: the choices that no longer fit go (the chosen one too). Throws
    /// `invalid_options` for an amount that is not a whole number of the smallest unit (`"1000"`,
    /// `10.5`) or a currency that is not three letters, and changes nothing: a source is never
    /// created for a total the page no longer shows.
    #[wasm_bindgen(js_name = setAmount)]
    pub fn set_amount(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] amount: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] currency: JsValue,
    ) -> Result<(), JsValue> {
        let Some(inner) = self.live() else { return Ok(()) };
        let (amount, currency) = total(&amount, currency.as_string())?;
        let effects = inner.model.borrow_mut().set_amount(amount, &currency);
        inner.build();
        inner.apply(effects);
        Ok(())
    }

    /// Switches the language in place: what was chosen and typed stays.
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, #[wasm_bindgen(unchecked_param_type = "string")] locale: JsValue) {
        if let Some(inner) = self.live() {
            inner.locale.set(config::pick_locale(locale.as_string().as_deref()));
            inner.build();
        }
    }

    /// `change` (`{ selected, sourceType }`) callbacks; also `omise:change` on `element`. Like
    /// the card form's `on`, a callback that is not a function throws `invalid_callback` and
    /// another event throws `unknown_event` (a misspelt name is never silently not called).
    pub fn on(
        &self,
        #[wasm_bindgen(unchecked_param_type = "\"change\"")] event: JsValue,
        #[wasm_bindgen(unchecked_param_type = "(detail: any) => void")] callback: JsValue,
    ) -> Result<(), JsValue> {
        let f = crate::events::callback(&callback)?;
        if event.as_string().as_deref() != Some("change") {
            return Err(config::error(
                "unknown_event",
                "omise-checkout: the payment methods' one event is change",
            ));
        }
        if let Some(inner) = self.live() {
            inner.handlers.on("change", f);
        }
        Ok(())
    }

    /// The picker's root element.
    #[wasm_bindgen(getter)]
    pub fn element(&self) -> Option<Element> {
        self.live()?.dom.borrow().as_ref().map(|d| d.root.clone().into())
    }

    /// Removes the picker (the card form's container is put back in the target) and every
    /// listener. Idempotent.
    pub fn destroy(&self) {
        if let Some(inner) = self.inner.borrow_mut().take() {
            inner.listeners.take();
            inner.handlers.clear();
            if let Some(card) = &inner.card {
                crate::dom::try_add(&inner.target, card);
            }
            if let Some(dom) = inner.dom.borrow_mut().take() {
                dom.root.remove();
            }
        }
    }
}

impl crate::words::SayAgain for Inner {
    /// A language arrived: the picker (if still mounted) is built again in its language.
    fn say_again(self: Rc<Self>) {
        let mounted = self.dom.borrow().is_some();
        if mounted {
            self.build();
        }
    }
}

impl PaymentMethods {
    fn live(&self) -> Option<Rc<Inner>> {
        self.inner.borrow().clone()
    }
}

/// A cart total as `mountPaymentMethods` and `setAmount` take it: a whole, positive amount in the
/// currency's smallest unit and a three-letter currency, else `invalid_options`.
fn total(amount: &JsValue, currency: Option<String>) -> Result<(u64, String), JsValue> {
    let amount = amount.as_f64().filter(|a| omise_checkout_core::is_whole(*a) && *a > 0.0 && *a < 1e13);
    match (amount, currency.filter(|c| c.len() == 3)) {
        (Some(amount), Some(currency)) => Ok((amount as u64, currency)),
        _ => Err(config::error(
            "invalid_options",
            "omise-checkout: the payment methods need { amount, currency }: a whole amount in the currency's smallest unit (100000 for 1,000.00 THB) and its three-letter code",
        )),
    }
}

/// The `methods` option: absent (every method that fits) or a list of source types and
/// `mobile_banking`, else `invalid_options`: a misspelt name would silently offer nothing, a
/// lone string every method. A discontinued type (Thai internet banking) is taken and never
/// offered.
fn wanted(given: &JsValue) -> Result<Vec<String>, JsValue> {
    if given.is_undefined() || given.is_null() {
        return Ok(Vec::new());
    }
    let wanted = js::strings(given);
    let listed = wasm_bindgen::JsCast::dyn_ref::<js_sys::Array>(given).map(|a| a.length() as usize);
    if listed == Some(wanted.len()) && !wanted.is_empty() && wanted.iter().all(|w| methods::known(w)) {
        Ok(wanted)
    } else {
        Err(config::error(
            "invalid_options",
            "omise-checkout: methods must list source types (promptpay, mobile_banking, truemoney_jumpapp, econtext, …)",
        ))
    }
}

/// `{ error: { code: "validation_error", message, field } }` for the first problem.
fn validation_error(model: &Picker, first: Option<Target>, locale: Locale) -> JsValue {
    let message = first.and_then(|t| model.shown(t));
    let field = match first {
        Some(Target::Choice) | None => "method",
        Some(Target::Bank) => "bank",
        Some(Target::Field(f)) => f.code(),
    };
    let text = message
        .map_or(omise_checkout_core::messages::Message::ValidationError.words(locale), |m| m.words(locale));
    let error = js::object(&[
        ("code", js::static_str(ErrorCode::ValidationError.code())),
        ("message", JsValue::from_str(text)),
        ("field", js::static_str(field)),
    ]);
    js::object(&[("error", error)])
}
