//! `CardForm`: the mounted card form (STYLE.md pattern 6). It wraps one core `FormModel` plus
//! its DOM, listeners and timers; `destroy()` (or dropping the last handle) detaches all of it.
//! One concern per file: `input` reads the DOM events and hands them to the model, `render`
//! carries out the model's effects, `submit` tokenizes, `busy` is the busy state and the Pay
//! button, `feedback` the form-level error, `locale` the language switch, `brand_mark` the
//! brand's mark.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

mod brand_mark;
mod busy;
mod dom;
mod feedback;
mod input;
mod locale;
mod purpose;
mod render;
mod submit;

use alloc::rc::{Rc, Weak};
use core::cell::{Cell, RefCell};

use js_sys::{Function, Promise};
use omise_checkout_core::error::ErrorCode;
use omise_checkout_core::field::Field;
use omise_checkout_core::form::FormModel;
use omise_checkout_core::locale::Locale;
use omise_checkout_core::messages::Message;
use omise_checkout_core::request::concat;
use omise_checkout_core::validity::Validity;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::clock::this_month;
use crate::config::{self, Config};
use crate::events::{Handlers, EVENT_NAMES};
use crate::listener::Listener;
use crate::timer::soon;
use crate::{js, results};
use busy::PayButton;
use dom::Dom;
use purpose::Purpose;
pub(crate) use submit::ClearCard;

/// A card form mounted in the page.
#[wasm_bindgen]
pub struct CardForm {
    /// `None` once destroyed: `destroy()` releases the form's memory at once, not when the
    /// garbage collector gets to this handle.
    inner: RefCell<Option<Rc<Inner>>>,
    /// What a destroyed form still answers with.
    locale: Cell<Locale>,
    billing: Vec<Field>,
}

pub(crate) struct Inner {
    config: Rc<Config>,
    /// The form's language (`locale` option, `setLocale`, or the checkout's).
    locale: Cell<Locale>,
    clear_card: ClearCard,
    model: RefCell<FormModel>,
    dom: RefCell<Option<Dom>>,
    listeners: RefCell<Vec<Listener>>,
    handlers: Handlers,
    in_flight: RefCell<Option<Promise>>,
    /// `ready` was emitted: a callback registered for it later still gets it (in a microtask).
    ready: Cell<bool>,
    composing: Cell<bool>,
    /// How many things keep the form busy (a tokenization, the merchant's `busyWhile` work).
    busy: Cell<u32>,
    /// The form-level error on screen, kept as a message so `setLocale` can say it again.
    form_error: Cell<Option<Message>>,
    /// Buttons given to `bindPayButton`.
    pay_buttons: RefCell<Vec<PayButton>>,
    /// A payment, or a card update with its explanation (`purpose: 'update'`).
    purpose: Purpose,
}

impl CardForm {
    pub(crate) fn mount(
        config: Rc<Config>,
        target: &JsValue,
        options: &JsValue,
    ) -> Result<CardForm, JsValue> {
        let document = crate::dom::document().ok_or_else(|| no_target("no document"))?;
        let target = crate::dom::find(target).ok_or_else(|| {
            no_target("mount target not found: pass an element or a CSS selector that matches one")
        })?;
        if crate::dom::query(&target, ".omise-card-form").is_some() {
            return Err(no_target("a card form is already mounted in this element; destroy() it first"));
        }
        let locale = config.locale_for(options);
        let billing = billing_fields(&js::get(options, "billing"));
        let clear_card = ClearCard::from_option(&js::get(options, "clearAfterToken"));
        let model = FormModel::new(&billing, this_month());
        let fields: Vec<Field> = model.fields.iter().map(|f| f.field).collect();
        let dom = Dom::build(&document, target, &fields, locale)
            .ok_or_else(|| no_target("could not build the form"))?;
        let mut purpose = Purpose::from_options(options);
        purpose.build(&document, &dom.root, locale);
        let inner = Rc::new(Inner {
            config,
            locale: Cell::new(locale),
            clear_card,
            model: RefCell::new(model),
            dom: RefCell::new(Some(dom)),
            listeners: RefCell::new(Vec::new()),
            handlers: Handlers::default(),
            in_flight: RefCell::new(None),
            ready: Cell::new(false),
            composing: Cell::new(false),
            busy: Cell::new(0),
            form_error: Cell::new(None),
            pay_buttons: RefCell::new(Vec::new()),
            purpose,
        });
        inner.listen(&fields);
        // Its language may still be on its way (src/words.rs): said again when it arrives.
        let view: Weak<Inner> = Rc::downgrade(&inner);
        crate::words::watch(view);
        if let Some(provider) = &inner.config.provider {
            provider.acquire();
        }
        // `ready` fires in a microtask: after the caller had a chance to register for it, before
        // anything else the page does (a timer would wait for layout, paint and other tasks).
        let weak = Rc::downgrade(&inner);
        soon(Box::new(move || {
            if let Some(inner) = weak.upgrade() {
                if inner.dom.borrow().is_some() {
                    inner.ready.set(true);
                    inner.emit("ready", &inner.state());
                }
            }
        }));
        Ok(CardForm { inner: RefCell::new(Some(inner)), locale: Cell::new(locale), billing })
    }

    fn live(&self) -> Option<Rc<Inner>> {
        self.inner.borrow().clone()
    }

    /// A handle for the checkout that mounted the form (`setLocale`, clearing on success); it
    /// does not keep the form alive.
    pub(crate) fn handle(&self) -> Weak<Inner> {
        self.inner.borrow().as_ref().map_or_else(Weak::new, Rc::downgrade)
    }
}

#[wasm_bindgen]
impl CardForm {
    /// Validates, then tokenizes. While a request is in flight, every call returns the same
    /// promise (no second token), and the form is busy (`state().busy`, the `busy` event).
    /// Resolves to `{ token }` or `{ error }`; never rejects.
    #[wasm_bindgen(unchecked_return_type = "Promise<TokenResult>")]
    pub fn tokenize(&self) -> Promise {
        let Some(inner) = self.live() else {
            return Promise::resolve(&results::err_code(ErrorCode::Destroyed, self.locale.get()));
        };
        if let Some(p) = inner.in_flight.borrow().clone() {
            return p;
        }
        let (promise, resolve) = crate::timer::promise();
        *inner.in_flight.borrow_mut() = Some(promise.clone());
        inner.run_tokenize(resolve);
        promise
    }

    /// `{ complete, busy, brand, fields: { number: { state, error? }, … } }`.
    #[wasm_bindgen(unchecked_return_type = "CardFormState")]
    pub fn state(&self) -> JsValue {
        match self.live() {
            Some(inner) => inner.state(),
            None => state_of(&FormModel::new(&self.billing, this_month()), false),
        }
    }

    /// Registers a callback for `ready`, `change`, `focus`, `blur`, `busy`, `tokenized` or
    /// `error`. A `ready` callback registered after the form became ready is called in a
    /// microtask. Arguments of any type are read here (a non-string through the glue's `&str`
    /// would trap): an unknown event or a callback that is not a function throws.
    #[wasm_bindgen(js_name = on)]
    pub fn on_js(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CardFormEvent")] event: JsValue,
        #[wasm_bindgen(unchecked_param_type = "(detail: any) => void")] callback: JsValue,
    ) -> Result<(), JsValue> {
        let callback = crate::events::callback(&callback)?;
        self.on(&event.as_string().unwrap_or_default(), callback)
    }

    /// Removes a callback registered with `on` (any argument types; nothing happens for others).
    #[wasm_bindgen(js_name = off)]
    pub fn off_js(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CardFormEvent")] event: JsValue,
        #[wasm_bindgen(unchecked_param_type = "(detail: any) => void")] callback: JsValue,
    ) {
        if let (Some(event), Some(callback)) = (event.as_string(), callback.dyn_ref::<Function>()) {
            self.off(&event, callback.clone());
        }
    }

    /// Moves focus to a field (`number` by default, and for anything that is not a field name).
    #[wasm_bindgen(js_name = focus)]
    pub fn focus_js(&self, #[wasm_bindgen(unchecked_param_type = "FieldId | undefined")] field: JsValue) {
        self.focus(field.as_string());
    }
}

/// The Rust side of `on`, `off` and `focus` (the tests call these).
impl CardForm {
    pub fn on(&self, event: &str, callback: Function) -> Result<(), JsValue> {
        if !EVENT_NAMES.contains(&event) {
            return Err(config::error(
                "unknown_event",
                "omise-checkout: events are ready, change, focus, blur, busy, tokenized, error",
            ));
        }
        // A destroyed form emits nothing more.
        let Some(inner) = self.live() else { return Ok(()) };
        if event == "ready" && inner.ready.get() {
            let weak = Rc::downgrade(&inner);
            soon(Box::new(move || {
                if let Some(inner) = weak.upgrade().filter(|i| i.dom.borrow().is_some()) {
                    let _ = callback.call1(&JsValue::UNDEFINED, &inner.state());
                }
            }));
        } else {
            inner.handlers.on(event, callback);
        }
        Ok(())
    }

    pub fn off(&self, event: &str, callback: Function) {
        if let Some(inner) = self.live() {
            inner.handlers.off(event, &callback);
        }
    }

    pub fn focus(&self, field: Option<String>) {
        let field =
            Field::ALL.iter().copied().find(|f| Some(f.code()) == field.as_deref()).unwrap_or(Field::Number);
        if let Some(inner) = self.live() {
            inner.focus(field);
        }
    }
}

#[wasm_bindgen]
impl CardForm {
    /// The form's root element (`omise:<event>` CustomEvents are dispatched on it).
    #[wasm_bindgen(getter)]
    pub fn element(&self) -> Option<Element> {
        self.live()?.dom.borrow().as_ref().map(|d| d.root.clone().into())
    }

    /// Empties every field and hides every error (e.g. once the order succeeded).
    pub fn clear(&self) {
        if let Some(inner) = self.live() {
            let effects = inner.model.borrow_mut().clear(&[]);
            inner.apply(effects);
            inner.set_form_error(None);
        }
    }

    /// Removes the form's DOM and every listener, timer and callback, and releases its memory.
    /// Idempotent.
    pub fn destroy(&self) {
        let taken = self.inner.borrow_mut().take();
        if let Some(inner) = taken {
            inner.destroy();
        }
    }
}

/// The JS view of a form's state.
fn state_of(model: &FormModel, busy: bool) -> JsValue {
    let fields = js::object(&[]);
    for f in &model.fields {
        // Static texts as cached JS strings: this runs on every keystroke, and fresh strings are
        // garbage the page's next collection pauses for.
        let entry = js::object(&[("state", js::static_str(f.state.code()))]);
        let error = if f.state == Validity::Invalid { f.error } else { f.shown };
        if let Some(e) = error {
            js::set(&entry, "error", &js::static_str(e.code()));
        }
        js::set(&fields, f.field.code(), &entry);
    }
    js::object(&[
        ("complete", JsValue::from_bool(model.complete())),
        ("busy", JsValue::from_bool(busy)),
        ("brand", js::str_or_null(model.brand.map(|b| b.id()))),
        ("fields", fields),
    ])
}

impl Inner {
    fn state(&self) -> JsValue {
        state_of(&self.model.borrow(), self.is_busy())
    }

    fn emit(&self, name: &str, detail: &JsValue) {
        let root: Option<Element> = self.dom.borrow().as_ref().map(|d| d.root.clone().into());
        self.handlers.emit(root.as_ref(), name, detail);
    }

    fn destroy(&self) {
        if let Some(provider) = &self.config.provider {
            provider.release();
        }
        self.listeners.take();
        self.unbind_pay_buttons();
        self.handlers.clear();
        self.in_flight.borrow_mut().take();
        // Card data does not outlive the form in our memory either.
        let _ = self.model.borrow_mut().clear(&[]);
        if let Some(dom) = self.dom.borrow_mut().take() {
            dom.root.remove();
        }
    }
}

/// `billing: true` or a list of `postalCode`, `city`, `country`.
fn billing_fields(value: &JsValue) -> Vec<Field> {
    if value.as_bool() == Some(true) {
        return vec![Field::PostalCode, Field::City, Field::Country];
    }
    let names = js::strings(value);
    [Field::PostalCode, Field::City, Field::Country]
        .into_iter()
        .filter(|f| names.iter().any(|n| n == f.code()))
        .collect()
}

fn no_target(message: &str) -> JsValue {
    config::error("mount_failed", &concat(&["omise-checkout: ", message]))
}
