//! Switching the form's language in place: labels, placeholders, hints, errors and the Pay
//! button's busy text change; what the shopper typed stays.

use alloc::rc::Rc;

use omise_checkout_core::locale::Locale;
use wasm_bindgen::prelude::*;

use super::{CardForm, Inner};
use crate::words::SayAgain;
use crate::{config, js};

#[wasm_bindgen]
impl CardForm {
    /// Shows the form in `locale` (`en`, `ja`, `th` or a tag such as `th-TH`) without losing
    /// what was typed: labels, placeholders, hints, the errors on screen and the Pay button's
    /// busy text are said again in the new language. Errors returned later follow it too. A
    /// `locale` that is not a string is read like an unknown tag (the browser's languages, then
    /// `en`): a `JsValue`, as a non-string `&str` argument would trap in the glue.
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, #[wasm_bindgen(unchecked_param_type = "string")] locale: JsValue) {
        let locale = config::pick_locale(locale.as_string().as_deref());
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
        if self.locale.replace(locale) != locale {
            self.say_all();
        }
    }
}

impl SayAgain for Inner {
    /// A language arrived: the form (if still mounted) says its texts again.
    fn say_again(self: Rc<Self>) {
        if self.dom.borrow().is_some() {
            self.say_all();
        }
    }
}

impl Inner {
    /// Every text on screen, said again in the form's language.
    fn say_all(&self) {
        let locale = self.locale.get();
        if let Some(dom) = self.dom.borrow().as_ref() {
            dom.relabel(locale, self.model.borrow().brand);
        }
        self.purpose.render(locale);
        self.render_field_errors();
        self.render_form_error(false);
        self.render_pay_buttons();
    }
}
