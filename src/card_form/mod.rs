//! `CardForm`: the mounted card form (STYLE.md pattern 6). It wraps one core `FormModel` plus
//! its DOM, listeners and timers; `destroy()` (or dropping the last handle) detaches all of it.
//! DOM handlers only read the event and hand it to the model; `render` carries out the effects.

mod dom;
mod render;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Function, Promise};
use omise_checkout_core::api::Problem;
use omise_checkout_core::error::ErrorCode;
use omise_checkout_core::field::{Field, FieldError};
use omise_checkout_core::form::{FormModel, InputKind};
use omise_checkout_core::format;
use omise_checkout_core::locale::Locale;
use omise_checkout_core::secret::SecretString;
use omise_checkout_core::validity::Validity;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlInputElement, InputEvent};

use crate::clock::this_month;
use crate::config::{self, Config};
use crate::events::{Handlers, EVENT_NAMES};
use crate::listener::Listener;
use crate::{api, js, results};
use dom::Dom;

/// A card form mounted in the page.
#[wasm_bindgen]
pub struct CardForm {
    /// `None` once destroyed: `destroy()` releases the form's memory at once, not when the
    /// garbage collector gets to this handle.
    inner: RefCell<Option<Rc<Inner>>>,
    /// What a destroyed form still answers with.
    locale: Locale,
    billing: Vec<Field>,
}

pub(crate) struct Inner {
    config: Rc<Config>,
    locale: Locale,
    clear_after_token: bool,
    model: RefCell<FormModel>,
    dom: RefCell<Option<Dom>>,
    listeners: RefCell<Vec<Listener>>,
    handlers: Handlers,
    in_flight: RefCell<Option<Promise>>,
    /// `ready` was emitted: a callback registered for it later still gets it (in a microtask).
    ready: Cell<bool>,
    composing: Cell<bool>,
}

impl CardForm {
    pub(crate) fn mount(
        config: Rc<Config>,
        target: &JsValue,
        options: &JsValue,
    ) -> Result<CardForm, JsValue> {
        let document =
            web_sys::window().and_then(|w| w.document()).ok_or_else(|| no_target("no document"))?;
        let target: Element = match target.as_string() {
            Some(selector) => document.query_selector(&selector).ok().flatten(),
            None => target.dyn_ref::<Element>().cloned(),
        }
        .ok_or_else(|| {
            no_target("mount target not found: pass an element or a CSS selector that matches one")
        })?;
        if target.query_selector(".omise-card-form").ok().flatten().is_some() {
            return Err(no_target("a card form is already mounted in this element; destroy() it first"));
        }
        let locale = match js::get_str(options, "locale") {
            Some(l) => config::pick_locale(Some(&l)),
            None => config.locale,
        };
        let billing = billing_fields(&js::get(options, "billing"));
        let clear_after_token = js::get(options, "clearAfterToken").as_bool().unwrap_or(true);
        let model = FormModel::new(&billing, this_month());
        let fields: Vec<Field> = model.fields.iter().map(|f| f.field).collect();
        let dom = Dom::build(&document, target, &fields, locale)
            .ok_or_else(|| no_target("could not build the form"))?;
        let inner = Rc::new(Inner {
            config,
            locale,
            clear_after_token,
            model: RefCell::new(model),
            dom: RefCell::new(Some(dom)),
            listeners: RefCell::new(Vec::new()),
            handlers: Handlers::default(),
            in_flight: RefCell::new(None),
            ready: Cell::new(false),
            composing: Cell::new(false),
        });
        inner.listen(&fields);
        if let Some(provider) = &inner.config.provider {
            provider.acquire();
        }
        // `ready` fires in a microtask: after the caller had a chance to register for it, before
        // anything else the page does (a timer would wait for layout, paint and other tasks).
        let weak = Rc::downgrade(&inner);
        wasm_bindgen_futures::spawn_local(async move {
            if let Some(inner) = weak.upgrade() {
                if inner.dom.borrow().is_some() {
                    inner.ready.set(true);
                    inner.emit("ready", &inner.state());
                }
            }
        });
        Ok(CardForm { inner: RefCell::new(Some(inner)), locale, billing })
    }
}

impl CardForm {
    fn live(&self) -> Option<Rc<Inner>> {
        self.inner.borrow().clone()
    }
}

#[wasm_bindgen]
impl CardForm {
    /// Validates, then tokenizes. While a request is in flight, every call returns the same
    /// promise (no second token). Resolves to `{ token }` or `{ error }`; never rejects.
    #[wasm_bindgen(unchecked_return_type = "Promise<TokenResult>")]
    pub fn tokenize(&self) -> Promise {
        let Some(inner) = self.live() else {
            return Promise::resolve(&results::err_code(ErrorCode::Destroyed, self.locale));
        };
        if let Some(p) = inner.in_flight.borrow().clone() {
            return p;
        }
        let run = inner.clone();
        let promise = wasm_bindgen_futures::future_to_promise(async move { Ok(run.run_tokenize().await) });
        *inner.in_flight.borrow_mut() = Some(promise.clone());
        promise
    }

    /// `{ complete, brand, fields: { number: { state, error? }, … } }`.
    #[wasm_bindgen(unchecked_return_type = "CardFormState")]
    pub fn state(&self) -> JsValue {
        match self.live() {
            Some(inner) => state_of(&inner.model.borrow()),
            None => state_of(&FormModel::new(&self.billing, this_month())),
        }
    }

    /// Registers a callback for `ready`, `change`, `focus`, `blur`, `tokenized` or `error`.
    /// A `ready` callback registered after the form became ready is called in a microtask.
    pub fn on(&self, event: &str, callback: Function) -> Result<(), JsValue> {
        if !EVENT_NAMES.contains(&event) {
            return Err(config::error(
                "unknown_event",
                "omise-checkout: events are ready, change, focus, blur, tokenized, error",
            ));
        }
        // A destroyed form emits nothing more.
        let Some(inner) = self.live() else { return Ok(()) };
        if event == "ready" && inner.ready.get() {
            let weak = Rc::downgrade(&inner);
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(inner) = weak.upgrade().filter(|i| i.dom.borrow().is_some()) {
                    let _ = callback.call1(&JsValue::UNDEFINED, &inner.state());
                }
            });
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

    /// The form's root element (`omise:<event>` CustomEvents are dispatched on it).
    #[wasm_bindgen(getter)]
    pub fn element(&self) -> Option<Element> {
        self.live()?.dom.borrow().as_ref().map(|d| d.root.clone().into())
    }

    /// Empties every field and hides every error.
    pub fn clear(&self) {
        if let Some(inner) = self.live() {
            let effects = inner.model.borrow_mut().clear(&[]);
            inner.apply(effects);
            inner.render_form_error(None);
        }
    }

    /// Moves focus to a field (`number` by default).
    pub fn focus(&self, field: Option<String>) {
        let field =
            Field::ALL.iter().copied().find(|f| Some(f.code()) == field.as_deref()).unwrap_or(Field::Number);
        if let Some(inner) = self.live() {
            inner.focus(field);
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
fn state_of(model: &FormModel) -> JsValue {
    let fields = js::object(&[]);
    for f in &model.fields {
        let entry = js::object(&[("state", JsValue::from_str(f.state.code()))]);
        let error = if f.state == Validity::Invalid { f.error } else { f.shown };
        if let Some(e) = error {
            js::set(&entry, "error", &JsValue::from_str(e.code()));
        }
        js::set(&fields, f.field.code(), &entry);
    }
    js::object(&[
        ("complete", JsValue::from_bool(model.complete())),
        ("brand", js::str_or_null(model.brand.map(|b| b.id()))),
        ("fields", fields),
    ])
}

impl Inner {
    fn listen(self: &Rc<Self>, fields: &[Field]) {
        let dom = self.dom.borrow();
        let Some(dom) = dom.as_ref() else { return };
        let mut listeners = self.listeners.borrow_mut();
        for &field in fields {
            let Some(f) = dom.field(field) else { continue };
            let target: &web_sys::EventTarget = f.input.as_ref();
            let on = |kind: &'static str, handler: fn(&Rc<Inner>, Field, &Event)| {
                // A strong handle: the mounted form lives until destroy() (which drops these
                // listeners and so breaks the cycle), even if the page drops its `CardForm`.
                let inner = self.clone();
                Listener::new(target, kind, move |event| handler(&inner, field, &event))
            };
            listeners.push(on("input", |inner, field, event| inner.on_input(field, event, false)));
            // Autofill and password managers may only fire `change`.
            listeners.push(on("change", |inner, field, event| inner.on_input(field, event, false)));
            listeners.push(on("compositionstart", |inner, _, _| inner.composing.set(true)));
            listeners.push(on("compositionend", |inner, field, event| {
                inner.composing.set(false);
                inner.on_input(field, event, true);
            }));
            listeners.push(on("focus", |inner, field, _| {
                inner.emit("focus", &js::object(&[("field", JsValue::from_str(field.code()))]));
            }));
            listeners.push(on("blur", |inner, field, _| {
                let effects = inner.model.borrow_mut().blur(field);
                inner.apply(effects);
                inner.emit("blur", &js::object(&[("field", JsValue::from_str(field.code()))]));
            }));
            if field == Field::Number {
                listeners.push(on("beforeinput", |inner, field, event| inner.on_before_input(field, event)));
            } else {
                listeners.push(on("keydown", |inner, field, event| inner.on_key_down(field, event)));
            }
        }
    }

    fn input_of(&self, field: Field) -> Option<HtmlInputElement> {
        self.dom.borrow().as_ref()?.field(field).map(|f| f.input.clone())
    }

    fn on_input(self: &Rc<Self>, field: Field, event: &Event, composed: bool) {
        let composing = event.dyn_ref::<InputEvent>().is_some_and(|e| e.is_composing());
        if !composed && (composing || self.composing.get()) {
            return;
        }
        let Some(input) = self.input_of(field) else { return };
        // Every copy of a field's value the form makes is wiped when dropped (`SecretString`).
        let raw = SecretString::from(input.value());
        if event.type_() == "change" && self.model.borrow().get(field).is_some_and(|f| f.value == raw) {
            return;
        }
        let caret = input.selection_start().ok().flatten().map_or(raw.encode_utf16().count(), |c| c as usize);
        let typed = composed
            || event.dyn_ref::<InputEvent>().is_some_and(|e| {
                let t = e.input_type();
                t.starts_with("insert") && t != "insertReplacementText"
            });
        let kind = if typed { InputKind::Insert } else { InputKind::Other };
        let effects = self.model.borrow_mut().input(field, &raw, caret, kind);
        self.apply(effects);
    }

    /// Backspace/Delete next to a space in the number removes the digit beyond it (otherwise
    /// the formatter puts the space back and the caret never moves).
    fn on_before_input(self: &Rc<Self>, field: Field, event: &Event) {
        let Some(e) = event.dyn_ref::<InputEvent>() else { return };
        let forward = match e.input_type().as_str() {
            "deleteContentBackward" => false,
            "deleteContentForward" => true,
            _ => return,
        };
        let Some(input) = self.input_of(field) else { return };
        let (start, end) = (input.selection_start().ok().flatten(), input.selection_end().ok().flatten());
        let (Some(start), Some(end)) = (start, end) else { return };
        if start != end {
            return;
        }
        let value = SecretString::from(input.value());
        let Some(edit) = format::delete_across_separator(&value, start as usize, forward) else {
            return;
        };
        let (edited, caret) = (SecretString::from(edit.value), edit.caret);
        event.prevent_default();
        input.set_value(&edited);
        let _ = input.set_selection_range(caret as u32, caret as u32);
        let effects = self.model.borrow_mut().input(field, &edited, caret, InputKind::Other);
        self.apply(effects);
    }

    /// Backspace in an empty field goes back to the previous one (focus moved on by itself
    /// when that one was complete, so the customer expects to come back the same way).
    fn on_key_down(self: &Rc<Self>, field: Field, event: &Event) {
        let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
        if key.key() != "Backspace"
            || self.input_of(field).is_none_or(|i| !SecretString::from(i.value()).is_empty())
        {
            return;
        }
        let previous = {
            let model = self.model.borrow();
            let i = model.fields.iter().position(|f| f.field == field).unwrap_or(0);
            i.checked_sub(1).map(|p| model.fields[p].field)
        };
        if let Some(prev) = previous {
            event.prevent_default();
            if let Some(input) = self.input_of(prev) {
                let _ = input.focus();
                let end = SecretString::from(input.value()).encode_utf16().count() as u32;
                let _ = input.set_selection_range(end, end);
            }
        }
    }

    async fn run_tokenize(self: Rc<Self>) -> JsValue {
        let locale = self.locale;
        if self.dom.borrow().is_none() {
            return results::err_code(ErrorCode::Destroyed, locale);
        }
        let submitted = self.model.borrow_mut().submit();
        let result = match submitted {
            Err(effects) => {
                self.apply(effects);
                let fields = self.invalid_fields();
                Err(Problem { code: ErrorCode::ValidationError, fields, retry_after_ms: None })
            }
            Ok(card) => {
                self.set_busy(true);
                self.render_form_error(None);
                let result = api::create_token(&self.config, &card).await;
                drop(card);
                self.set_busy(false);
                if self.dom.borrow().is_none() {
                    Err(Problem::new(ErrorCode::Destroyed))
                } else {
                    result
                }
            }
        };
        self.in_flight.borrow_mut().take();
        match result {
            Ok(token) => {
                if self.clear_after_token {
                    let effects = self.model.borrow_mut().clear(&[Field::Number, Field::SecurityCode]);
                    self.apply(effects);
                }
                self.emit("tokenized", &results::ok("token", token.clone()));
                results::ok("token", token)
            }
            Err(problem) => {
                if problem.code != ErrorCode::Destroyed {
                    self.show_problem(&problem);
                    self.emit("error", &results::error_object(&problem, locale));
                }
                results::err(&problem, locale)
            }
        }
    }

    /// Server field errors land on their fields; anything else is shown above the live region.
    fn show_problem(self: &Rc<Self>, problem: &Problem) {
        if problem.code != ErrorCode::ValidationError {
            for &(field, error) in &problem.fields {
                let effects = self.model.borrow_mut().server_error(field, error);
                self.apply(effects);
            }
        }
        let general = problem.fields.is_empty() || problem.code == ErrorCode::ValidationError;
        self.render_form_error(
            general.then(|| omise_checkout_core::messages::error(problem.code).text(self.locale)),
        );
        if let Some(&(field, _)) = problem.fields.first() {
            self.focus(field);
        }
    }

    fn invalid_fields(&self) -> Vec<(Field, FieldError)> {
        let model = self.model.borrow();
        model
            .fields
            .iter()
            .filter(|f| f.state != Validity::Valid)
            .map(|f| (f.field, f.error.unwrap_or(FieldError::Invalid)))
            .collect()
    }

    fn state(&self) -> JsValue {
        state_of(&self.model.borrow())
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
    let Some(list) = value.dyn_ref::<js_sys::Array>() else { return Vec::new() };
    let names: Vec<String> = list.iter().filter_map(|v| v.as_string()).collect();
    [Field::PostalCode, Field::City, Field::Country]
        .into_iter()
        .filter(|f| names.iter().any(|n| n == f.code()))
        .collect()
}

fn no_target(message: &str) -> JsValue {
    config::error("mount_failed", &format!("omise-checkout: {message}"))
}
