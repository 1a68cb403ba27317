//! Switching the form's language in place: labels, placeholders, hints, errors and the Pay
//! button's busy text change; what the shopper typed stays.

use omise_checkout_core::locale::Locale;
use wasm_bindgen::prelude::*;

use super::{CardForm, Inner};
use crate::{config, js};

#[wasm_bindgen]
impl CardForm {
    /// Shows the form in `locale` (`en`, `ja`, `th` or a tag such as `th-TH`) without losing
    /// what was typed: labels, placeholders, hints, the errors on screen and the Pay button's
    /// busy text are said again in the new language. Errors returned later follow it too.
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, locale: &str) {
        let locale = config::pick_locale(Some(locale));
        self.locale.set(locale);
        if let Some(inner) = self.live() {
            inner.set_locale(locale);
        }
    }

    /// The form's language now.
    #[wasm_bindgen(getter, unchecked_return_type = "LocaleId")]
    pub fn locale(&self) -> JsValue {
        let locale = self.live().map_or(self.locale.get(), |i| i.locale.get());
        js::static_str(locale.code())
    }
}

impl Inner {
    pub(crate) fn set_locale(&self, locale: Locale) {
        if self.locale.replace(locale) == locale {
            return;
        }
        if let Some(dom) = self.dom.borrow().as_ref() {
            dom.relabel(locale, self.model.borrow().brand);
        }
        self.render_field_errors();
        self.render_form_error(false);
        self.render_pay_buttons();
    }
}
