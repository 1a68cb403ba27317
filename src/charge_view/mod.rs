//! `handleCharge(charge, { target, statusUrl, requestNewQr })`: after the merchant's server
//! created the charge, one call does what its flow needs (the core's `charge_view::plan`):
//! redirect (to `authorize_uri`, https only, as `authorize`), a QR code to scan with a countdown
//! while its status is polled (`qr`), konbini's pay-by time and instructions link, or the
//! status message of a charge that is already final.

use alloc::borrow::ToOwned;
use alloc::string::String;

mod qr;

use alloc::boxed::Box;
use alloc::rc::{Rc, Weak};
use core::cell::RefCell;

use js_sys::Function;
use omise_checkout_core::charge_view::Plan;
use omise_checkout_core::endpoint;
use omise_checkout_core::error::ErrorCode;
use omise_checkout_core::locale::Locale;
use omise_checkout_core::messages::Message;
use omise_checkout_core::status::{self, Kind, Method, PaymentStatus};
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};

use crate::checkout::OmiseCheckout;
use crate::config;
use crate::config::Config;
use crate::dom::{el, set_attr, text_in, toggle_class};
pub(crate) use crate::subject::Subject;
use crate::subject::{locale_and_target, new_qr_callback, qr_subject, read_charge, redirected, ChargeRead};
use crate::words::Words;
use crate::{intl, js, results};

#[wasm_bindgen]
impl OmiseCheckout {
    /// Does what the charge needs now: `{ kind: "redirect" }` (the browser goes to
    /// `authorize_uri`), or `{ kind: "qr" | "instructions" | "status", result }` (a QR view also
    /// has `destroy()`) with
    /// the view in `options.target`; `{ error }` for an unsafe URL. `result` resolves to the
    /// outcome (`state` `succeeded`, `failed` — `expired: true` for a QR code that expired — or
    /// `pending`).
    #[wasm_bindgen(js_name = handleCharge, unchecked_return_type = "HandledCharge")]
    pub fn handle_charge(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ChargeLike")] charge: JsValue,
        #[wasm_bindgen(unchecked_param_type = "HandleChargeOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let read = read_charge(&charge);
        if read.plan == Plan::Redirect {
            return Ok(redirected(self.authorize(charge)));
        }
        let (locale, target) = locale_and_target(&self.config, &options)?;
        let document = crate::dom::document().ok_or_else(|| config::error("mount_failed", "no document"))?;
        // What the answer says at once is checked at once.
        let (mut subject, mut request_new, mut phone) = (None, None, false);
        let kind = match read.plan {
            Plan::Qr => {
                if !endpoint::is_safe_redirect(read.qr_uri.as_deref().unwrap_or_default()) {
                    return Ok(results::err_code(ErrorCode::UnsafeRedirect, locale));
                }
                request_new = new_qr_callback(&options)?;
                phone = crate::device::device(&options)?.is_phone();
                subject = qr_subject(&options, &read.source)?;
                "qr"
            }
            Plan::Instructions => "instructions",
            _ => "status",
        };
        // In the one-module build (tests), this checkout's card forms (the charge module has none).
        #[cfg(feature = "checkout")]
        self.charge_handed(read.status);
        let (result, resolve) = crate::timer::promise();
        let out = js::object(&[("kind", js::static_str(kind)), ("result", result.into())]);
        // The view is drawn once its language is here: now, unless a return page is still
        // loading it (src/words.rs).
        let view: Rc<RefCell<Option<Weak<qr::QrRun>>>> = Rc::default();
        let (config, shown) = (self.config.clone(), view.clone());
        crate::words::when_ready(
            locale,
            Box::new(move || {
                // Destroyed before it was drawn: nothing to draw.
                if shown.borrow().is_some() {
                    return resolve.with(&qr::stopped());
                }
                let (value, run) = show(
                    config,
                    read,
                    (subject, request_new, phone),
                    &charge,
                    &options,
                    (locale, &target, &document),
                );
                *shown.borrow_mut() = run;
                resolve.with(&value);
            }),
        );
        if kind == "qr" {
            let destroy = Closure::<dyn FnMut()>::new(move || {
                let run = view.borrow_mut().replace(Weak::new());
                if let Some(run) = run.and_then(|r| r.upgrade()) {
                    run.destroy();
                }
            });
            js::set(&out, "destroy", destroy.as_ref());
            destroy.forget();
        }
        Ok(out)
    }
}

/// Draws the view `read.plan` asks for in a new `.omise-charge` element in `target` (the
/// previous one goes: its timers stop with it): the promise of its outcome, and the QR code's
/// run (for `destroy`). `subject`: what the QR code's status is polled by; `request_new`: its
/// `requestNewQr`; `phone`: its `device` (read and checked at the call) is a phone.
fn show(
    config: Rc<Config>,
    read: ChargeRead,
    (subject, request_new, phone): (Option<Subject>, Option<Function>, bool),
    charge: &JsValue,
    options: &JsValue,
    (locale, target, document): (Locale, &Element, &web_sys::Document),
) -> (JsValue, Option<Weak<qr::QrRun>>) {
    let ChargeRead { plan, source, qr_uri, authorize_uri, status } = read;
    while let Some(old) = crate::dom::query(target, ":scope > .omise-charge") {
        old.remove();
    }
    let root = el(document, "div", "omise-charge");
    set_attr(&root, "lang", locale.code());
    crate::dom::try_add(target, &root);
    let amount = js::get(charge, "amount").as_f64().unwrap_or(0.0);
    let currency = js::get_str(charge, "currency").unwrap_or_default();
    let amount_text = intl::amount(amount, &currency, locale).unwrap_or_default();
    let outcome_now = match plan {
        Plan::Qr => {
            let expires = js::get_str(charge, "expires_at")
                .or_else(|| js::get_str(charge, "expiresAt"))
                .and_then(|t| intl::parse_time(&t));
            let run = qr::QrRun::start(qr::Setup {
                config,
                locale,
                root,
                uri: qr_uri.unwrap_or_default(),
                amount: amount_text,
                expires_at_ms: expires,
                subject,
                request_new,
                interval: js::uint_field(options, "interval"),
                phone,
            });
            return (run.promise.clone().into(), Some(Rc::downgrade(&run)));
        }
        Plan::Instructions => {
            let pay_by = js::get_str(&js::get(&source, "references"), "expires_at")
                .or_else(|| js::get_str(charge, "expires_at"))
                .and_then(|t| intl::parse_time(&t));
            konbini(&root, locale, &amount_text, pay_by, authorize_uri.as_deref());
            outcome(PaymentStatus::Pending, Kind::Pending, Message::KonbiniAwaiting, None, locale)
        }
        _ => {
            let failure =
                js::get_str(charge, "failure_code").and_then(|c| status::failure_code(&c).map(str::to_owned));
            let method = Method::of(js::get_str(&source, "type").as_deref()).unwrap_or(Method::Card);
            let shown = status::status_message_for(status, failure.as_deref(), method);
            status_region(&root, shown.kind, shown.message.words(locale), false);
            outcome(status, shown.kind, shown.message, failure, locale)
        }
    };
    // Nothing runs on: no `destroy` (the view is removed with its target or replaced by the
    // next `handleCharge`).
    (outcome_now, None)
}

/// The JS outcome: `{ state, status, kind, message, failureCode? }`.
pub(crate) fn outcome(
    status: PaymentStatus,
    kind: Kind,
    message: Message,
    failure_code: Option<String>,
    locale: Locale,
) -> JsValue {
    let state: status::OutcomeState = kind.into();
    let out = js::object(&[
        ("state", js::static_str(state.code())),
        ("status", js::static_str(status.code())),
        ("kind", js::static_str(kind.code())),
        ("message", JsValue::from_str(message.words(locale))),
    ]);
    if let Some(code) = failure_code {
        js::set(&out, "failureCode", &JsValue::from_str(&code));
    }
    out
}

/// A status message in the look of `pollStatus`'s (`omise-status--<kind>`), polite.
pub(crate) fn status_region(parent: &Element, kind: Kind, text: &str, busy: bool) -> HtmlElement {
    let region = text_in(parent, "div", "omise-status", text);
    set_attr(&region, "role", "status");
    set_attr(&region, "aria-live", "polite");
    set_status(&region, kind, text, busy);
    region
}

pub(crate) fn set_status(region: &HtmlElement, kind: Kind, text: &str, busy: bool) {
    for (k, class) in [
        (Kind::Success, "omise-status--success"),
        (Kind::Pending, "omise-status--pending"),
        (Kind::Failure, "omise-status--failure"),
    ] {
        toggle_class(region, class, k == kind);
    }
    toggle_class(region, "omise-status--busy", busy);
    region.set_text_content(Some(text));
}

/// Konbini: "awaiting payment" is where it stays, with what to pay, by when, and how.
fn konbini(root: &HtmlElement, locale: Locale, amount: &str, pay_by: Option<f64>, link: Option<&str>) {
    toggle_class(root, "omise-konbini", true);
    status_region(root, Kind::Pending, Message::KonbiniAwaiting.words(locale), false);
    let list = text_in(root, "dl", "omise-charge__facts", "");
    text_in(&list, "dt", "", Message::LabelAmount.words(locale));
    text_in(&list, "dd", "", amount);
    if let Some(ms) = pay_by {
        text_in(&list, "dt", "", Message::KonbiniPayBy.words(locale));
        text_in(&list, "dd", "omise-konbini__pay-by", &intl::date_time(ms, locale));
    }
    if let Some(uri) = link.filter(|u| endpoint::is_safe_redirect(u)) {
        let a = text_in(
            root,
            "a",
            "omise-status-action omise-status-action--primary",
            Message::KonbiniHow.words(locale),
        );
        set_attr(&a, "href", uri.trim());
        set_attr(&a, "target", "_blank");
        set_attr(&a, "rel", "noopener noreferrer");
    }
}
