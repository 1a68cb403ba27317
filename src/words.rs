//! The words a view shows: `message.words(locale)`, the catalog's text in that language.
//!
//! Every module but one reads them from the core's tables, compiled into its wasm. The
//! after-the-charge module (`js-texts` feature, scripts/build.sh) carries none: the checkout
//! module, which has them all, hands them over when it loads it on demand, so the checkout page
//! does not download them twice (−6 KB gzip of the module); a page that loads it on its own (a
//! return page) gets `omise_checkout_texts.js`, generated from the same tables, fetched beside
//! the wasm by the module's `init`. Each text crosses once and is kept (a bounded cache: one
//! entry per message and language).

use omise_checkout_core::locale::Locale;
#[cfg(not(feature = "js-texts"))]
use omise_checkout_core::messages::Message;

/// The catalog's words for a message in a language.
pub trait Words {
    /// The text in `locale`; `""` for a text this module does not have.
    fn words(self, locale: Locale) -> &'static str;
}

#[cfg(not(feature = "js-texts"))]
impl Words for Message {
    fn words(self, locale: Locale) -> &'static str {
        self.text(locale)
    }
}

#[cfg(feature = "js-texts")]
mod from_js {
    use alloc::boxed::Box;
    use alloc::vec::Vec;
    use core::cell::RefCell;

    use js_sys::Function;
    use omise_checkout_core::locale::Locale;
    use omise_checkout_core::messages::Message;
    use wasm_bindgen::prelude::*;

    use crate::js::SingleThreaded;

    struct Texts {
        /// `(locale, message) → text`: a function or `[locale][message]` arrays.
        source: Option<JsValue>,
        /// Texts already read, `locale * count + message`.
        kept: Vec<Option<&'static str>>,
    }

    static TEXTS: SingleThreaded<RefCell<Texts>> =
        SingleThreaded(RefCell::new(Texts { source: None, kept: Vec::new() }));

    /// Where the texts come from (the module's `init` calls this before anything can show a
    /// text): the checkout module's `(locale, message) => string` or the arrays of
    /// `omise_checkout_texts.js`.
    #[wasm_bindgen(js_name = __omiseTexts, skip_typescript)]
    pub fn set_texts(source: JsValue) {
        if let Ok(mut texts) = TEXTS.0.try_borrow_mut() {
            // Texts already kept stay (the same words, whichever way they came): the cache
            // never holds more than one string per message and language.
            texts.source = Some(source);
        }
    }

    impl super::Words for Message {
        fn words(self, locale: Locale) -> &'static str {
            let Ok(mut texts) = TEXTS.0.try_borrow_mut() else { return "" };
            let at = locale as usize * Message::ALL.len() + self as usize;
            if texts.kept.len() <= at {
                texts.kept.resize(Message::ALL.len() * Locale::ALL.len(), None);
            }
            if let Some(Some(text)) = texts.kept.get(at) {
                return text;
            }
            let (l, m) = (JsValue::from(locale as u32), JsValue::from(self as u32));
            let found = match texts.source.as_ref() {
                Some(f) if f.is_function() => {
                    f.unchecked_ref::<Function>().call2(&JsValue::NULL, &l, &m).ok()
                }
                Some(arrays) => {
                    js_sys::Reflect::get(arrays, &l).and_then(|a| js_sys::Reflect::get(&a, &m)).ok()
                }
                None => None,
            };
            // Kept for the page's life (a text is asked again at every render): at most one
            // string per message and language.
            let Some(text) = found.and_then(|t| t.as_string()).filter(|t| !t.is_empty()) else { return "" };
            let text: &'static str = Box::leak(text.into_boxed_str());
            if let Some(slot) = texts.kept.get_mut(at) {
                *slot = Some(text);
            }
            text
        }
    }
}
