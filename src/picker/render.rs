//! Carries out the picker model's effects: errors shown and announced, focus, the chosen panel,
//! the `change` event. Text only (`textContent`).

use alloc::vec::Vec;

use alloc::rc::Rc;

use omise_checkout_core::methods::picker::{Effect, Target};
use web_sys::Element;

use super::dom::Dom;
use super::Inner;
use crate::js;
use crate::words::Words;

/// Puts an error (or none) on a target: its text, `aria-invalid` on the field's input, the
/// invalid class on the field.
pub(super) fn show_error(dom: &Dom, target: Target, text: Option<&str>) {
    let field = match target {
        Target::Field(field) => dom.fields.iter().find(|f| f.field == field),
        Target::Choice | Target::Bank => None,
    };
    match field {
        Some(f) => crate::dom::show_field_error(&f.error, &f.input, &f.wrap, text),
        None => {
            if let Some(error) = dom.error_of(target) {
                error.set_text_content(text);
            }
        }
    }
}

impl Inner {
    pub(super) fn apply(self: &Rc<Self>, effects: Vec<Effect>) {
        let mut changed = false;
        let mut focus = None;
        {
            let dom = self.dom.borrow();
            let Some(dom) = dom.as_ref() else { return };
            let locale = self.locale.get();
            for effect in effects {
                match effect {
                    Effect::ShowError { target, message } => {
                        let text = message.words(locale);
                        show_error(dom, target, Some(text));
                        crate::dom::announce(&dom.live, text);
                    }
                    Effect::HideError { target } => show_error(dom, target, None),
                    Effect::Focus(target) => focus = Some(target),
                    Effect::Changed => changed = true,
                }
            }
            if changed {
                self.sync(dom);
            }
        }
        // Focusing fires blur handlers synchronously: no borrow may be held here.
        if let Some(target) = focus {
            let el = self.focusable(target);
            if let Some(el) = el {
                let _ = el.focus();
            }
        }
        if changed {
            let model = self.model.borrow();
            #[cfg(not(feature = "charge"))]
            if model.selected_row().is_some_and(|m| m.flow == omise_checkout_core::methods::Flow::Offline) {
                crate::lazy_charge::prefetch(&self.checkout_options);
            }
            let detail = js::object(&[
                ("selected", js::str_or_null(model.selected().map(|c| c.id()))),
                ("sourceType", js::str_or_null(model.selected_row().map(|m| m.source_type))),
            ]);
            drop(model);
            let root: Option<Element> = self.dom.borrow().as_ref().map(|d| d.root.clone().into());
            self.handlers.emit(root.as_ref(), "change", &detail);
        }
    }

    fn focusable(&self, target: Target) -> Option<web_sys::HtmlElement> {
        let dom = self.dom.borrow();
        let dom = dom.as_ref()?;
        let input = match target {
            Target::Choice => dom.choices.first().map(|c| c.radio.clone()),
            Target::Bank => dom.banks.first().map(|(r, _)| r.clone()),
            Target::Field(f) => dom.fields.iter().find(|d| d.field == f).map(|d| d.input.clone()),
        }?;
        Some(input.into())
    }
}
