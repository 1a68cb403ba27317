//! What `pollStatus` and a QR code poll, and the options they share, read and checked in the
//! checkout module too: with the charge module loaded on demand, a bad option still throws at
//! the call, not later in a promise.

use alloc::borrow::ToOwned;
use alloc::boxed::Box;
use alloc::string::String;

use omise_checkout_core::api::{Expect, Problem};
use omise_checkout_core::charge_view::{self, ChargeFacts, Plan};
use omise_checkout_core::endpoint;
use omise_checkout_core::locale::Locale;
use omise_checkout_core::request::concat;
use omise_checkout_core::status::PaymentStatus;
use wasm_bindgen::JsValue;
use web_sys::Element;

use crate::api::call;
use crate::config::{self, Config};
use crate::js;

/// What is polled.
pub(crate) enum Subject {
    StatusUrl(String),
    Token(String),
    Source(String),
}

impl Subject {
    /// Asks for the status once; `done` gets the answer and the field of it that holds the
    /// status (the merchant's `status`; a token's or source's `charge_status`, read with the
    /// public key).
    pub(crate) fn fetch(
        &self,
        config: &Config,
        done: Box<dyn FnOnce(Result<JsValue, Problem>, &'static str)>,
    ) {
        let (url, expect, keyed, field) = match self {
            Subject::StatusUrl(url) => (url.clone(), Expect::Status, false, "status"),
            Subject::Token(id) => {
                (concat(&[config.vault_url.as_str(), "/tokens/", id]), Expect::Token, true, "charge_status")
            }
            Subject::Source(id) => {
                (concat(&[config.api_url.as_str(), "/sources/", id]), Expect::Source, true, "charge_status")
            }
        };
        call(config, "GET", url, None, expect, keyed, Box::new(move |answer| done(answer, field)))
    }
}

/// `pollStatus`'s subject: `statusUrl` (a path on this site or an https:// URL), else a
/// `tokenId` or `sourceId` polled with the public key.
pub(crate) fn subject(options: &JsValue) -> Result<Subject, JsValue> {
    if let Some(url) = js::get_str(options, "statusUrl") {
        if !endpoint::is_status_url(&url) {
            return Err(config::error("insecure_endpoint", "omise-checkout: statusUrl must be a path on this site or an https:// URL (http:// only for localhost)."));
        }
        return Ok(Subject::StatusUrl(url.trim().to_owned()));
    }
    if let Some(id) = js::get_str(options, "tokenId") {
        if omise_checkout_core::api::is_token_id(&id) {
            return Ok(Subject::Token(id));
        }
    }
    if let Some(id) = js::get_str(options, "sourceId") {
        if omise_checkout_core::api::is_source_id(&id) {
            return Ok(Subject::Source(id));
        }
    }
    Err(config::error(
        "invalid_options",
        "omise-checkout: pollStatus needs statusUrl, or a tokenId (tokn_…) or sourceId (src_…).",
    ))
}

/// An optional link option (`retryUrl`, `otherMethodUrl`): a path on this site or an https://
/// URL, like `statusUrl`; anything else throws before anything is shown.
pub(crate) fn link_option(options: &JsValue, name: &str) -> Result<Option<String>, JsValue> {
    match js::get(options, name) {
        v if v.is_undefined() || v.is_null() => Ok(None),
        v => match v.as_string().filter(|u| endpoint::is_status_url(u)) {
            Some(url) => Ok(Some(url.trim().to_owned())),
            None => Err(config::error(
                "insecure_endpoint",
                "omise-checkout: retryUrl and otherMethodUrl must be paths on this site or https:// URLs.",
            )),
        },
    }
}

/// `pollStatus`'s `target`: an element or a selector that finds one.
pub(crate) fn find_target(v: &JsValue) -> Result<Element, JsValue> {
    crate::dom::find(v)
        .ok_or_else(|| config::error("mount_failed", "omise-checkout: pollStatus target not found"))
}

/// A QR code's `requestNewQr`: a function or nothing; anything else throws `invalid_options`
/// (ignored, the expired QR code would offer no way to a new one).
pub(crate) fn new_qr_callback(options: &JsValue) -> Result<Option<js_sys::Function>, JsValue> {
    let new_qr = js::get(options, "requestNewQr");
    if new_qr.is_undefined() || new_qr.is_null() {
        return Ok(None);
    }
    wasm_bindgen::JsCast::dyn_into(new_qr)
        .map(Some)
        .map_err(|_| config::error("invalid_options", "omise-checkout: requestNewQr must be a function"))
}

/// `statusUrl` (validated like `pollStatus`'s), else the charge's source polled with the
/// public key; `None` when neither is there (the QR still counts down).
pub(crate) fn qr_subject(options: &JsValue, source: &JsValue) -> Result<Option<Subject>, JsValue> {
    if let Some(url) = js::get_str(options, "statusUrl") {
        if !endpoint::is_status_url(&url) {
            return Err(config::error(
                "insecure_endpoint",
                "omise-checkout: statusUrl must be a path on this site or an https:// URL (http:// only for localhost).",
            ));
        }
        return Ok(Some(Subject::StatusUrl(url.trim().to_owned())));
    }
    Ok(js::get_str(source, "id").filter(|id| omise_checkout_core::api::is_source_id(id)).map(Subject::Source))
}

/// What `handleCharge` reads of a charge, and what it will do with it.
pub(crate) struct ChargeRead {
    pub plan: Plan,
    pub source: JsValue,
    pub qr_uri: Option<String>,
    pub authorize_uri: Option<String>,
    pub status: PaymentStatus,
}

pub(crate) fn read_charge(charge: &JsValue) -> ChargeRead {
    let source = js::get(charge, "source");
    let qr_uri = js::get_str(&js::get(&js::get(&source, "scannable_code"), "image"), "download_uri");
    let authorize_uri = js::get_str(charge, "authorize_uri").or_else(|| js::get_str(charge, "authorizeUri"));
    let status = PaymentStatus::parse(&js::get_str(charge, "status").unwrap_or_default());
    let facts = ChargeFacts {
        status,
        flow: js::get_str(&source, "flow").as_deref().and_then(charge_view::parse_flow),
        has_qr: qr_uri.is_some(),
        has_authorize_uri: authorize_uri.as_deref().is_some_and(|u| !u.trim().is_empty()),
    };
    ChargeRead { plan: charge_view::plan(&facts), source, qr_uri, authorize_uri, status }
}

/// `handleCharge`'s answer for a redirect: `{ kind: "redirect" }`, or `authorize`'s `{ error }`.
pub(crate) fn redirected(authorized: JsValue) -> JsValue {
    if js::get(&authorized, "redirected").is_truthy() {
        js::object(&[("kind", js::static_str("redirect"))])
    } else {
        authorized
    }
}

/// `handleCharge`'s language (`options.locale`, else the checkout's) and its `target`, which
/// must be there: nothing can be shown without it.
pub(crate) fn locale_and_target(config: &Config, options: &JsValue) -> Result<(Locale, Element), JsValue> {
    let locale = config.locale_for(options);
    let target = crate::dom::find(&js::get(options, "target")).ok_or_else(|| {
        config::error("mount_failed", "omise-checkout: handleCharge needs a target element")
    })?;
    Ok((locale, target))
}
