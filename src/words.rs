//! The words a view shows: `message.words(locale)`, the catalog's text in that language.
//!
//! The tests' build (and the rlib) reads them from the core's tables, compiled into the wasm.
//! The shipped modules (`js-texts` feature, scripts/build.sh) carry none; they get them one
//! language at a time:
//! - the checkout module from `omise_checkout_texts_<locale>.js` (about 2.2–2.8 KB gzip each,
//!   where all three in the wasm cost 8.3 KB): its `init` loads the language of its `locale`
//!   option (else the browser's) beside the wasm. A view asked for a language that is not there
//!   yet shows one that is, asks for it, and is said again when it arrives
//!   (`__omiseTextsArrived`); what the shopper typed stays, as with `setLocale`;
//! - the after-the-charge module from the checkout module that loads it on demand (so the
//!   checkout page does not download them twice), or, on a page that loads it alone, from
//!   `omise_checkout_charge_texts_<locale>.js`, the language its `init` expects loaded beside
//!   the wasm; the return page's module (`status`) likewise from
//!   `omise_checkout_status_texts_<locale>.js`. Their views wait for their language before
//!   they show anything ([`when_ready`]): a status or a QR code is drawn once, in the shopper's
//!   language.
//!
//! `message()`, `statusMessage()` and the like answer at once: in a language that is here
//! (English first) while the one asked for is on its way.
//!
//! Each text crosses once and is kept (a bounded cache: one entry per message and language).

use omise_checkout_core::locale::Locale;
#[cfg(not(feature = "js-texts"))]
use omise_checkout_core::messages::Message;

/// The catalog's words for a message in a language.
pub trait Words {
    /// The text in `locale` (or, while that language is on its way, in one that is here); `""`
    /// for a text this module does not have.
    fn words(self, locale: Locale) -> &'static str;
}

/// A view that shows texts: said again when a language it may be waiting for arrives (never,
/// in a build with every text compiled in).
#[cfg_attr(not(feature = "js-texts"), allow(dead_code))]
pub trait SayAgain {
    fn say_again(self: alloc::rc::Rc<Self>);
}

#[cfg(not(feature = "js-texts"))]
impl Words for Message {
    fn words(self, locale: Locale) -> &'static str {
        self.text(locale)
    }
}

/// Nothing to share: the charge module this one loads carries its own texts in this build.
#[cfg(all(not(feature = "js-texts"), feature = "checkout", not(feature = "charge")))]
pub fn shared() -> (wasm_bindgen::JsValue, wasm_bindgen::JsValue) {
    (wasm_bindgen::JsValue::UNDEFINED, wasm_bindgen::JsValue::UNDEFINED)
}

/// Nothing to watch: every text is compiled in, or (the after-the-charge and return page
/// modules) views wait for their language instead ([`when_ready`]).
#[cfg(not(all(feature = "js-texts", feature = "checkout")))]
pub fn watch<V: SayAgain + 'static>(_: alloc::rc::Weak<V>) {}

#[cfg(all(feature = "js-texts", feature = "status"))]
pub use from_js::when_ready;
#[cfg(all(feature = "js-texts", feature = "checkout"))]
pub use from_js::{shared, watch};

/// Runs `f` now: every text is compiled in.
#[cfg(all(not(feature = "js-texts"), feature = "status"))]
pub fn when_ready(_: Locale, f: alloc::boxed::Box<dyn FnOnce()>) {
    f();
}

#[cfg(feature = "js-texts")]
mod from_js {
    use alloc::boxed::Box;
    #[cfg(feature = "checkout")]
    use alloc::rc::Weak;
    use alloc::vec::Vec;
    use core::cell::RefCell;

    use js_sys::Function;
    use omise_checkout_core::locale::Locale;
    use omise_checkout_core::messages::Message;
    use wasm_bindgen::prelude::*;

    #[cfg(feature = "checkout")]
    use super::SayAgain;
    use crate::js::SingleThreaded;

    struct Texts {
        /// `[locale][message]` arrays (a language's array once it is loaded).
        source: Option<JsValue>,
        /// `(locale) → Promise`: loads a language's texts (the module's entry; none when the
        /// checkout module hands the charge module its own).
        want: Option<Function>,
        /// Texts already read, `locale * count + message`.
        kept: Vec<Option<&'static str>>,
    }

    static TEXTS: SingleThreaded<RefCell<Texts>> =
        SingleThreaded(RefCell::new(Texts { source: None, want: None, kept: Vec::new() }));

    /// The views on screen, said again when a language arrives (weak: a destroyed view is gone).
    #[cfg(feature = "checkout")]
    static VIEWS: SingleThreaded<RefCell<Vec<Weak<dyn SayAgain>>>> = SingleThreaded(RefCell::new(Vec::new()));

    /// Where the texts come from (the module's `init` calls this before anything can show a
    /// text): `[locale][message]` arrays (a language's once it is loaded) and the function
    /// that loads a missing language; the charge module loaded by the checkout module gets
    /// that module's own ([`shared`]).
    #[wasm_bindgen(js_name = __omiseTexts, skip_typescript)]
    pub fn set_texts(source: JsValue, want: JsValue) {
        if let Ok(mut texts) = TEXTS.0.try_borrow_mut() {
            // Texts already kept stay (the same words, whichever way they came): the cache
            // never holds more than one string per message and language.
            texts.source = Some(source);
            texts.want = want.dyn_into::<Function>().ok();
        }
    }

    /// A language's texts arrived: every view on screen says its texts again.
    #[cfg(feature = "checkout")]
    #[wasm_bindgen(js_name = __omiseTextsArrived, skip_typescript)]
    pub fn arrived() {
        let views: Vec<_> = match VIEWS.0.try_borrow_mut() {
            Ok(mut views) => {
                views.retain(|v| v.strong_count() > 0);
                views.iter().filter_map(Weak::upgrade).collect()
            }
            Err(_) => return,
        };
        for view in views {
            view.say_again();
        }
    }

    /// This module's texts and the function that loads a language, for the charge module it
    /// loads (src/lazy_charge.rs): it reads the same arrays (indexed alike, every message) and
    /// asks the same loader, so nothing is downloaded twice.
    #[cfg(feature = "checkout")]
    pub fn shared() -> (JsValue, JsValue) {
        let Ok(texts) = TEXTS.0.try_borrow() else { return (JsValue::UNDEFINED, JsValue::UNDEFINED) };
        let want = texts.want.as_ref().map_or(JsValue::UNDEFINED, |f| f.clone().into());
        (texts.source.clone().unwrap_or(JsValue::UNDEFINED), want)
    }

    /// Says `view` again when a language arrives, for as long as it lives.
    #[cfg(feature = "checkout")]
    pub fn watch<V: SayAgain + 'static>(view: Weak<V>) {
        if let Ok(mut views) = VIEWS.0.try_borrow_mut() {
            views.retain(|v| v.strong_count() > 0);
            views.push(view);
        }
    }

    /// Asks for `locale`'s texts: a promise that settles once they are here (`undefined` in a
    /// module that cannot load them).
    pub fn ready(locale: Locale) -> JsValue {
        let want = TEXTS.0.try_borrow().ok().and_then(|t| t.want.clone());
        want.and_then(|f| f.call1(&JsValue::NULL, &JsValue::from(locale as u32)).ok())
            .unwrap_or(JsValue::UNDEFINED)
    }

    pub fn exact(message: Message, locale: Locale) -> &'static str {
        let Ok(mut texts) = TEXTS.0.try_borrow_mut() else { return "" };
        let at = locale as usize * Message::ALL.len() + message as usize;
        if texts.kept.len() <= at {
            texts.kept.resize(Message::ALL.len() * Locale::ALL.len(), None);
        }
        if let Some(Some(text)) = texts.kept.get(at) {
            return text;
        }
        let (l, m) = (JsValue::from(locale as u32), JsValue::from(message as u32));
        let found = texts.source.as_ref().and_then(|arrays| {
            js_sys::Reflect::get(arrays, &l).and_then(|a| js_sys::Reflect::get(&a, &m)).ok()
        });
        // Kept for the page's life (a text is asked again at every render): at most one
        // string per message and language.
        let Some(text) = found.and_then(|t| t.as_string()).filter(|t| !t.is_empty()) else { return "" };
        let text: &'static str = Box::leak(text.into_boxed_str());
        if let Some(slot) = texts.kept.get_mut(at) {
            *slot = Some(text);
        }
        text
    }

    /// Runs `f` once `locale`'s texts are here: now if they are (the charge module handed its
    /// texts by the checkout module always has them), else when the entry has loaded them (or
    /// failed to: then in a language that is here).
    #[cfg(feature = "status")]
    pub fn when_ready(locale: Locale, f: Box<dyn FnOnce()>) {
        match ready_unless_here(locale) {
            Some(loading) => {
                let _ = crate::timer::finally(&loading, f);
            }
            None => f(),
        }
    }

    /// `Some(promise)` while `locale` is missing and can be loaded.
    #[cfg(feature = "status")]
    fn ready_unless_here(locale: Locale) -> Option<js_sys::Promise> {
        // A text every language has, in every module that shows text.
        if !exact(Message::Checking, locale).is_empty() {
            return None;
        }
        ready(locale).dyn_into::<js_sys::Promise>().ok()
    }

    impl super::Words for Message {
        fn words(self, locale: Locale) -> &'static str {
            let text = exact(self, locale);
            if text.is_empty() {
                // Not here (yet): ask for it, and meanwhile say it in a language that is here
                // (English first). The checkout module's views are said again when it arrives;
                // the charge module's waited for it (`when_ready`).
                ready(locale);
                return Locale::ALL.iter().map(|&l| exact(self, l)).find(|t| !t.is_empty()).unwrap_or("");
            }
            text
        }
    }
}
