//! Amounts and times in the shopper's locale, by the browser's `Intl` (no number or date
//! formatting code in the wasm).

use alloc::string::String;

use omise_checkout_core::locale::Locale;
use wasm_bindgen::{JsCast, JsValue};

use crate::js;

/// An amount in the currency's smallest unit: `฿1,000.00`, `￥3,000`.
pub fn amount(amount: f64, currency: &str, locale: Locale) -> Option<String> {
    // `Intl.NumberFormat` throws for a malformed code: only three ASCII letters reach it.
    if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    // The currency's own sign in every language (`฿1,000.00` also in Japanese, where `Intl`
    // would write "THB 1,000.00"): the sign the shop and the shopper's bank app show.
    let options = js::object(&[
        ("style", js::static_str("currency")),
        ("currency", JsValue::from_str(currency)),
        ("currencyDisplay", js::static_str("narrowSymbol")),
    ]);
    let locales = js_sys::Array::of1(&js::static_str(locale.code()));
    let nf = js_sys::Intl::NumberFormat::new(&locales, options.unchecked_ref());
    let digits = js::get(&nf.resolved_options(), "maximumFractionDigits").as_f64().unwrap_or(2.0);
    // 10^digits (no `f64::powi` in `no_std`): exact, as the digits are a currency's (0 to 4).
    let scale = (0..digits as i32).fold(1.0, |scale: f64, _| scale * 10.0);
    let value = amount / scale;
    nf.format().call1(&JsValue::UNDEFINED, &JsValue::from_f64(value)).ok()?.as_string()
}

/// A date and time (ms since the epoch), long date and short time, in the shopper's time zone.
pub fn date_time(ms: f64, locale: Locale) -> String {
    let options =
        js::object(&[("dateStyle", js::static_str("long")), ("timeStyle", js::static_str("short"))]);
    let date = js_sys::Date::new(&JsValue::from_f64(ms));
    date.to_locale_string(locale.code(), &options).into()
}

/// An ISO 8601 time as ms since the epoch (`Date.parse`), if it is one.
pub fn parse_time(text: &str) -> Option<f64> {
    Some(js_sys::Date::parse(text)).filter(|t| t.is_finite())
}
