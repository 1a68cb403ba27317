//! Carries out the model's effects on the DOM. Text only (`textContent`), never HTML.

use alloc::vec::Vec;

use alloc::rc::Rc;

use omise_checkout_core::field::Field;
use omise_checkout_core::form::Effect;
use omise_checkout_core::messages;
use wasm_bindgen::JsCast;

use super::Inner;
use crate::words::Words;

impl Inner {
    pub(super) fn apply(self: &Rc<Self>, effects: Vec<Effect>) {
        let mut changed = false;
        let mut focus = None;
        {
            let dom = self.dom.borrow();
            let Some(dom) = dom.as_ref() else { return };
            let locale = self.locale.get();
            let active = crate::dom::document().and_then(|d| d.active_element());
            for effect in effects {
                match effect {
                    Effect::SetValue { field, value, caret } => {
                        if let Some(f) = dom.field(field) {
                            f.input.set_value(&value);
                            let focused = active
                                .as_ref()
                                .is_some_and(|a| a == f.input.unchecked_ref::<web_sys::Element>());
                            // Setting the value put the caret at its end already; placing it
                            // again would make the browser lay the page out in the keystroke.
                            if focused && caret != value.encode_utf16().count() {
                                let _ = f.input.set_selection_range(caret as u32, caret as u32);
                            }
                        }
                    }
                    Effect::ShowError { field, error } => {
                        let text = messages::field_error(field, error).words(locale);
                        show_error(dom.field(field), Some(text));
                        crate::dom::announce(&dom.live, text);
                    }
                    Effect::HideError { field } => show_error(dom.field(field), None),
                    Effect::Brand(brand) => dom.set_brand(brand, locale),
                    Effect::Focus(field) => focus = Some(field),
                    Effect::Changed => changed = true,
                }
            }
        }
        // Focusing fires blur/focus handlers synchronously: no borrow may be held here.
        if let Some(field) = focus {
            self.focus(field);
        }
        if changed {
            // The card changed: a decline or service error about the old one is stale now.
            self.set_form_error(None);
            self.emit("change", &self.state());
        }
    }

    pub(super) fn focus(&self, field: Field) {
        let input = self.input_of(field);
        if let Some(input) = input {
            let _ = input.focus();
        }
    }

    /// Every field error on screen, in the form's language now (after `setLocale`).
    pub(super) fn render_field_errors(&self) {
        let dom = self.dom.borrow();
        let Some(dom) = dom.as_ref() else { return };
        let locale = self.locale.get();
        for f in &self.model.borrow().fields {
            let text = f.shown.map(|e| messages::field_error(f.field, e).words(locale));
            show_error(dom.field(f.field), text);
        }
    }
}

fn show_error(field: Option<&super::dom::FieldDom>, text: Option<&str>) {
    if let Some(f) = field {
        crate::dom::show_field_error(&f.error, &f.input, &f.wrap, text);
    }
}
