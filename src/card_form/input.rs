//! The inputs' DOM events (input, change, IME composition, focus, blur, Backspace): each handler
//! only reads the event and hands it to the core's `FormModel`; `render` applies the effects.

use alloc::rc::Rc;

use omise_checkout_core::field::Field;
use omise_checkout_core::form::InputKind;
use omise_checkout_core::format;
use omise_checkout_core::secret::SecretString;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, HtmlInputElement, InputEvent};

use super::Inner;
use crate::js;
use crate::listener::Listener;

impl Inner {
    pub(super) fn listen(self: &Rc<Self>, fields: &[Field]) {
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

    pub(super) fn input_of(&self, field: Field) -> Option<HtmlInputElement> {
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
}
