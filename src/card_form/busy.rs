//! The busy state: while `tokenize()` runs (and while work the merchant hands to `busyWhile`
//! runs, e.g. the order call), the form says so, so a slow vault never looks like a form that
//! is not filled in: `aria-busy` and a class on the form, inputs read-only (not disabled: they
//! stay focusable and readable), `state().busy`, the `busy` event, and on the buttons given to
//! `bindPayButton` a spinner with the localized "Processing…".

use alloc::boxed::Box;
use alloc::vec::Vec;

use alloc::rc::Rc;
use core::cell::RefCell;

use js_sys::Promise;
use omise_checkout_core::messages::Message;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, Node};

use super::{CardForm, Inner};
use crate::dom::{remove_attr, set_attr, text_in, toggle_class};
use crate::listener::Listener;
use crate::words::Words;
use crate::{config, js};

/// A button bound with `bindPayButton`.
pub(super) struct PayButton {
    el: HtmlElement,
    /// The button's own content, set aside while it shows the spinner and "Processing…".
    saved: RefCell<Option<Vec<Node>>>,
    /// The "Processing…" text while busy (said again on `setLocale`).
    label: RefCell<Option<HtmlElement>>,
    /// Swallows clicks while busy, before the page's own click handlers run.
    _click: Listener,
}

#[wasm_bindgen]
impl CardForm {
    /// Lets the form show its busy state on your Pay button: while busy the button gets
    /// `aria-busy="true"`, the class `omise-pay-button--busy`, and a spinner with the localized
    /// "Processing…" in place of its content (restored afterwards); clicks are ignored then (no
    /// second order). The button stays enabled and in the Tab order. Undone by `destroy()`.
    #[wasm_bindgen(js_name = bindPayButton)]
    pub fn bind_pay_button(
        &self,
        #[wasm_bindgen(unchecked_param_type = "HTMLElement | string")] button: JsValue,
    ) -> Result<(), JsValue> {
        let Some(inner) = self.live() else { return Ok(()) };
        let el =
            crate::dom::find(&button).and_then(|e| e.dyn_into::<HtmlElement>().ok()).ok_or_else(|| {
                config::error(
                    "invalid_button",
                    "omise-checkout: bindPayButton needs a button element or a CSS selector that matches one",
                )
            })?;
        if inner.pay_buttons.borrow().iter().any(|b| b.el == el) {
            return Ok(());
        }
        let weak = Rc::downgrade(&inner);
        let click = Listener::with_capture(el.as_ref(), "click", true, move |event| {
            if weak.upgrade().is_some_and(|i| i.is_busy()) {
                event.prevent_default();
                event.stop_immediate_propagation();
            }
        });
        toggle_class(&el, "omise-pay-button", true);
        let button = PayButton { el, saved: RefCell::new(None), label: RefCell::new(None), _click: click };
        render_pay_button(&button, inner.is_busy(), Message::Processing.words(inner.locale.get()));
        if let (Some(idle), false) = (inner.purpose.action(), inner.is_busy()) {
            button.el.set_text_content(Some(idle.words(inner.locale.get())));
        }
        inner.pay_buttons.borrow_mut().push(button);
        Ok(())
    }

    /// Keeps the form busy until `work` settles (typically your order call after the token),
    /// and returns a promise that settles the same way.
    #[wasm_bindgen(js_name = busyWhile, skip_typescript)]
    pub fn busy_while(&self, work: JsValue) -> Promise {
        let work = Promise::resolve(&work);
        let Some(inner) = self.live() else { return work };
        inner.busy_start();
        let weak = Rc::downgrade(&inner);
        crate::timer::finally(
            &work,
            Box::new(move || {
                if let Some(inner) = weak.upgrade() {
                    inner.busy_end();
                }
            }),
        )
    }
}

impl Inner {
    pub(super) fn is_busy(&self) -> bool {
        self.busy.get() > 0
    }

    pub(super) fn busy_start(&self) {
        let n = self.busy.get();
        self.busy.set(n.saturating_add(1));
        if n == 0 {
            self.busy_changed();
        }
    }

    pub(super) fn busy_end(&self) {
        let n = self.busy.get();
        self.busy.set(n.saturating_sub(1));
        if n == 1 {
            self.busy_changed();
        }
    }

    fn busy_changed(&self) {
        let busy = self.is_busy();
        if let Some(dom) = self.dom.borrow().as_ref() {
            toggle_class(&dom.root, "omise-card-form--busy", busy);
            set_attr(&dom.root, "aria-busy", if busy { "true" } else { "false" });
            for f in &dom.fields {
                f.input.set_read_only(busy);
            }
        }
        self.render_pay_buttons();
        self.emit("busy", &js::object(&[("busy", JsValue::from_bool(busy))]));
    }

    /// The bound buttons as the busy state and the locale say now.
    pub(super) fn render_pay_buttons(&self) {
        let locale = self.locale.get();
        let text = Message::Processing.words(locale);
        let idle = self.purpose.action().map(|m| m.words(locale));
        for b in self.pay_buttons.borrow().iter() {
            render_pay_button(b, self.is_busy(), text);
            // An update form's button says "Update card" (no amount) when it is not busy.
            if let (Some(idle), false) = (idle, self.is_busy()) {
                b.el.set_text_content(Some(idle));
            }
        }
    }

    /// Gives the buttons back as they were (on `destroy()`).
    pub(super) fn unbind_pay_buttons(&self) {
        for b in self.pay_buttons.take() {
            render_pay_button(&b, false, "");
            toggle_class(&b.el, "omise-pay-button", false);
        }
    }
}

fn render_pay_button(b: &PayButton, busy: bool, text: &str) {
    let el = &b.el;
    let mut saved = b.saved.borrow_mut();
    match (busy, saved.is_some()) {
        (true, false) => {
            let mut nodes = Vec::new();
            while let Some(child) = el.first_child() {
                let _ = el.remove_child(&child);
                nodes.push(child);
            }
            *saved = Some(nodes);
            let spinner = text_in(el, "span", "omise-spinner", "");
            set_attr(&spinner, "aria-hidden", "true");
            *b.label.borrow_mut() = Some(text_in(el, "span", "omise-pay-button__text", text));
        }
        (true, true) => {
            if let Some(l) = b.label.borrow().as_ref() {
                l.set_text_content(Some(text));
            }
        }
        (false, true) => {
            el.set_text_content(None);
            for node in saved.take().unwrap_or_default() {
                crate::dom::try_add(el, &node);
            }
            b.label.take();
        }
        (false, false) => {}
    }
    toggle_class(el, "omise-pay-button--busy", busy);
    if busy {
        set_attr(el, "aria-busy", "true");
    } else {
        remove_attr(el, "aria-busy");
    }
}
