//! `new OmiseCheckout(options)`: the checks made before any request (SPEC §2; DEVELOPERS.md
//! security rules). A secret key or a plain-HTTP endpoint throws at once, so a mistake shows
//! up on the merchant's first page load, not in a customer's failed payment.

use alloc::borrow::ToOwned;
use alloc::string::String;

#[cfg(feature = "checkout")]
use alloc::rc::Rc;
use core::cell::Cell;

use omise_checkout_core::endpoint::{self, ConfigError};
use omise_checkout_core::locale::{self, Locale};
use wasm_bindgen::JsValue;

use crate::js::{self, Prop};
#[cfg(feature = "checkout")]
use crate::provider::Provider;

pub const DEFAULT_VAULT_URL: &str = "https://vault.omise.co";
pub const DEFAULT_API_URL: &str = "https://api.omise.co";
/// Long enough for a slow mobile network, short enough that a customer is not left waiting.
pub const DEFAULT_TIMEOUT_MS: u32 = 20_000;
/// How long the vault's provider page may take to say it is ready (it is one small page).
pub const DEFAULT_READY_TIMEOUT_MS: u32 = 10_000;

pub struct Config {
    pub public_key: String,
    pub vault_url: String,
    pub api_url: String,
    /// Changed by `checkout.setLocale`: read it with `locale()` when a message is shown.
    locale: Cell<Locale>,
    pub timeout_ms: u32,
    #[cfg(feature = "checkout")]
    /// `transport: 'provider'` (the default): tokens go through the vault's provider page, the
    /// path Omise supports. `None` with `transport: 'fetch'` (`POST {vault}/tokens`).
    pub provider: Option<Rc<Provider>>,
}

impl Config {
    pub fn from_options(options: &JsValue) -> Result<Config, JsValue> {
        if !options.is_object() {
            return Err(error("invalid_options", "omise-checkout: pass an options object, e.g. new OmiseCheckout({ publicKey: 'pkey_test_…' })."));
        }
        let key = js::get_str(options, "publicKey").unwrap_or_default();
        endpoint::check_public_key(&key).map_err(config_error)?;
        // Where card data goes: a value that cannot be read (an object, a getter that throws)
        // is refused, not replaced by the default.
        let url = |name: &str, default: &str| -> Result<String, JsValue> {
            match js::prop_text(options, name) {
                Prop::Missing => Ok(default.to_owned()),
                Prop::Text(url) => endpoint::check_endpoint(&url).map_err(config_error),
                Prop::Unreadable => Err(config_error(ConfigError::MalformedEndpoint)),
            }
        };
        let vault_url = url("vaultUrl", DEFAULT_VAULT_URL)?;
        let api_url = url("apiUrl", DEFAULT_API_URL)?;
        let timeout_ms =
            js::uint_field(options, "timeoutMs").unwrap_or(DEFAULT_TIMEOUT_MS).clamp(1_000, 120_000);
        let locale = pick_locale(js::get_str(options, "locale").as_deref());
        #[cfg(feature = "checkout")]
        let ready_timeout_ms =
            js::uint_field(options, "readyTimeoutMs").unwrap_or(DEFAULT_READY_TIMEOUT_MS).clamp(200, 120_000);
        #[cfg(feature = "checkout")]
        let provider = match js::get(options, "transport") {
            v if v.is_undefined() || v.is_null() || v.as_string().as_deref() == Some("provider") => Some(
                Provider::new(&vault_url, ready_timeout_ms)
                    .ok_or_else(|| error("invalid_vault_url", "omise-checkout: vaultUrl has no origin."))?,
            ),
            v if v.as_string().as_deref() == Some("fetch") => None,
            _ => {
                return Err(error(
                    "invalid_transport",
                    "omise-checkout: transport must be 'provider' (the default) or 'fetch'.",
                ))
            }
        };
        Ok(Config {
            public_key: key.trim().to_owned(),
            vault_url,
            api_url,
            locale: Cell::new(locale),
            timeout_ms,
            #[cfg(feature = "checkout")]
            provider,
        })
    }

    /// The locale messages are shown in now.
    pub fn locale(&self) -> Locale {
        self.locale.get()
    }

    /// A view's language: its `locale` option, else the checkout's.
    pub fn locale_for(&self, options: &JsValue) -> Locale {
        match js::get_str(options, "locale") {
            Some(l) => pick_locale(Some(&l)),
            None => self.locale(),
        }
    }

    pub fn set_locale(&self, locale: Locale) {
        self.locale.set(locale);
    }

    pub fn authorization(&self) -> String {
        omise_checkout_core::request::basic_auth(&self.public_key)
    }
}

/// The asked-for locale if we have it (`th-TH` → `th`), else the browser's languages, else `en`.
pub fn pick_locale(asked: Option<&str>) -> Locale {
    if let Some(l) = asked.and_then(locale::resolve) {
        return l;
    }
    // `navigator.languages` (best first), then `navigator.language`, each read as it comes.
    let Some(nav) = crate::js::window().map(|w| w.navigator()) else { return Locale::En };
    let languages = nav.languages();
    let last = core::iter::once(JsValue::from(nav.language()));
    locale::negotiate(languages.iter().chain(last).filter_map(|v| v.as_string()))
}

fn config_error(e: ConfigError) -> JsValue {
    error(e.code(), e.explain())
}

/// A JS `Error` with a stable `code` property.
pub fn error(code: &str, message: &str) -> JsValue {
    let e = js_sys::Error::new(message);
    js::set(&e, "code", &JsValue::from_str(code));
    e.into()
}
