//! The form's own events (`ready`, `change`, `focus`, `blur`, `busy`, `tokenized`, `error`): callbacks
//! registered with `on(name, fn)`, and the same events as `CustomEvent`s named `omise:<name>`
//! on the form's root element for code that prefers `addEventListener`.

use alloc::vec::Vec;

use core::cell::RefCell;

use js_sys::Function;
use omise_checkout_core::request::concat;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

/// The events a card form emits.
pub const EVENT_NAMES: [&str; 7] = ["ready", "change", "focus", "blur", "busy", "tokenized", "error"];

/// `on(event, callback)`'s callback: a function, else `invalid_callback` (the card form's and
/// the picker's `on` alike).
pub fn callback(value: &JsValue) -> Result<Function, JsValue> {
    wasm_bindgen::JsCast::dyn_ref::<Function>(value).cloned().ok_or_else(|| {
        crate::config::error("invalid_callback", "omise-checkout: on(event, callback) needs a function")
    })
}

/// Callbacks by event name. Calls happen with no Rust borrow held, so a callback may call
/// back into the form.
#[derive(Default)]
pub struct Handlers {
    by_name: RefCell<Vec<(&'static str, Function)>>,
}

impl Handlers {
    /// Registers `f` for `name`; false for an unknown event name.
    pub fn on(&self, name: &str, f: Function) -> bool {
        match EVENT_NAMES.iter().find(|n| **n == name) {
            Some(n) => {
                self.by_name.borrow_mut().push((n, f));
                true
            }
            None => false,
        }
    }

    /// Removes `f` from `name` (every registration of it).
    pub fn off(&self, name: &str, f: &Function) {
        self.by_name.borrow_mut().retain(|(n, g)| !(*n == name && g == f));
    }

    /// Drops every callback (and the list's memory).
    pub fn clear(&self) {
        self.by_name.take();
    }

    /// Calls every callback for `name` with `detail`, then dispatches `omise:<name>` on `root`.
    /// A throwing callback does not stop the others.
    pub fn emit(&self, root: Option<&Element>, name: &str, detail: &JsValue) {
        let callbacks: Vec<Function> =
            self.by_name.borrow().iter().filter(|(n, _)| *n == name).map(|(_, f)| f.clone()).collect();
        for f in callbacks {
            let _ = f.call1(&JsValue::UNDEFINED, detail);
        }
        if let Some(root) = root {
            let init = CustomEventInit::new();
            init.set_detail(detail);
            init.set_bubbles(true);
            if let Ok(event) = CustomEvent::new_with_event_init_dict(&concat(&["omise:", name]), &init) {
                let _ = root.dispatch_event(&event);
            }
        }
    }
}
