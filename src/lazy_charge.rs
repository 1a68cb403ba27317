//! The checkout module's `handleCharge` and `pollStatus`: what can be decided at the call is
//! decided here (a redirect, an unsafe QR link, a missing target, a bad `statusUrl` throw or
//! answer at once, as before); the QR code, konbini instructions, status and polling run in
//! the after-the-charge module (`omise_checkout_charge.js`), loaded on the first call, so the
//! checkout page does not carry them. If that module cannot be loaded (the shopper went
//! offline), the result is a localized `network_error` outcome shown in the target; nothing
//! rejects.

use omise_checkout_core::api::Problem;
use omise_checkout_core::charge_view::Plan;
use omise_checkout_core::endpoint;
use omise_checkout_core::error::ErrorCode;
use omise_checkout_core::locale::Locale;
use omise_checkout_core::messages;
use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::checkout::OmiseCheckout;
use crate::subject::{
    find_target, link_option, locale_and_target, new_qr_callback, qr_subject, read_charge, redirected,
    subject, ChargeRead,
};
use crate::words::{self, Words};
use crate::{js, results};

#[wasm_bindgen(inline_js = r#"
let loading;
function load(wasm, texts, want) {
  return loading || (loading = import('./omise_checkout_charge.js').then(async (m) => {
    // This module's texts go with it: the charge module reads the same arrays and asks the
    // same loader for a language that is not here (its views wait for it).
    await m.default({ module_or_path: wasm, __shared: [texts, want] });
    return m;
  }, (e) => {
    loading = undefined;
    throw e;
  }));
}
export function omisePrefetch(options, texts, want) {
  Promise.resolve().then(() => load(options.chargeWasmUrl, texts, want)).catch(() => {});
}
export function omiseLater(options, locale, poll, a, b, kind, fallback, target, texts, want) {
  let inner;
  let stopped = false;
  const destroy = () => {
    stopped = true;
    if (inner && inner.destroy) inner.destroy();
  };
  const result = load(options.chargeWasmUrl, texts, want).then((m) => {
    // Destroyed while the module was on its way: nothing is shown or fetched. Polling answers
    // as its own destroy() does; a QR view's result, like its own, never settles.
    if (stopped) return poll ? { state: 'pending', stopped: true } : new Promise(() => {});
    const checkout = new m.OmiseCheckout(options);
    checkout.setLocale(locale);
    inner = poll ? checkout.pollStatus(a) : checkout.handleCharge(a, b);
    return poll ? inner : inner.result;
  }).catch(() => {
    if (target && !stopped) {
      const note = document.createElement('div');
      note.className = 'omise-status omise-status--pending';
      note.setAttribute('role', 'status');
      note.textContent = fallback.message;
      target.append(note);
    }
    return fallback;
  });
  if (poll) return Object.assign(result, { destroy });
  return kind === 'qr' ? { kind, result, destroy } : { kind, result };
}
"#)]
extern "C" {
    /// Starts loading the charge module in the background (the shopper chose PromptPay or
    /// konbini, whose QR code or instructions it shows after Pay); a failure is forgotten, and
    /// the next `handleCharge` tries again.
    #[wasm_bindgen(js_name = omisePrefetch)]
    fn prefetch_with(options: &JsValue, texts: &JsValue, want: &JsValue);

    #[wasm_bindgen(js_name = omiseLater)]
    fn later(
        options: &JsValue,
        locale: &str,
        poll: bool,
        a: &JsValue,
        b: &JsValue,
        kind: &str,
        fallback: &JsValue,
        target: Option<Element>,
        texts: &JsValue,
        want: &JsValue,
    ) -> JsValue;
}

/// Starts loading the charge module in the background (see `omisePrefetch`).
pub(crate) fn prefetch(options: &JsValue) {
    let (texts, want) = words::shared();
    prefetch_with(options, &texts, &want);
}

/// What the result resolves to when the charge module cannot be loaded: still pending (the
/// payment may well go through), with the network error in the shopper's language.
fn fallback(locale: Locale) -> JsValue {
    let problem = Problem::new(ErrorCode::NetworkError);
    js::object(&[
        ("state", js::static_str("pending")),
        ("status", js::static_str("unknown")),
        ("kind", js::static_str("pending")),
        ("message", JsValue::from_str(messages::error(ErrorCode::NetworkError).words(locale))),
        ("error", results::error_object(&problem, locale)),
    ])
}

#[wasm_bindgen]
impl OmiseCheckout {
    /// Does what the charge needs now: `{ kind: "redirect" }` (the browser goes to
    /// `authorize_uri`), or `{ kind: "qr" | "instructions" | "status", result }` (a QR view also
    /// has `destroy()`) with the view in `options.target`; `{ error }` for an unsafe URL.
    /// `result` resolves to the outcome (`state` `succeeded`, `failed` — `expired: true` for a
    /// QR code that expired — or `pending`).
    #[wasm_bindgen(js_name = handleCharge, unchecked_return_type = "HandledCharge")]
    pub fn handle_charge(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ChargeLike")] charge: JsValue,
        #[wasm_bindgen(unchecked_param_type = "HandleChargeOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let ChargeRead { plan, source, qr_uri, status, .. } = read_charge(&charge);
        if plan == Plan::Redirect {
            return Ok(redirected(self.authorize(charge)));
        }
        let (locale, target) = locale_and_target(&self.config, &options)?;
        let kind = match plan {
            Plan::Qr => {
                if !endpoint::is_safe_redirect(&qr_uri.unwrap_or_default()) {
                    return Ok(results::err_code(ErrorCode::UnsafeRedirect, locale));
                }
                new_qr_callback(&options)?;
                crate::device::device(&options)?;
                qr_subject(&options, &source)?;
                "qr"
            }
            Plan::Instructions => "instructions",
            _ => "status",
        };
        let code = self.config.locale().code();
        let (texts, want) = words::shared();
        self.charge_handed(status);
        Ok(later(
            &self.options,
            code,
            false,
            &charge,
            &options,
            kind,
            &fallback(locale),
            Some(target),
            &texts,
            &want,
        ))
    }

    /// Polls a payment's status until it is final, the budget runs out, or `destroy()` is
    /// called on the returned promise. Resolves to `{ state, status, failureCode?, message, kind }`.
    #[wasm_bindgen(js_name = pollStatus, unchecked_return_type = "Promise<Outcome> & { destroy(): void }")]
    pub fn poll_status(
        &self,
        #[wasm_bindgen(unchecked_param_type = "PollOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        subject(&options)?;
        let target = match js::get(&options, "target") {
            v if v.is_undefined() || v.is_null() => None,
            v => Some(find_target(&v)?),
        };
        link_option(&options, "retryUrl")?;
        link_option(&options, "otherMethodUrl")?;
        let locale = self.config.locale();
        let (texts, want) = words::shared();
        Ok(later(
            &self.options,
            locale.code(),
            true,
            &options,
            &JsValue::UNDEFINED,
            "",
            &fallback(locale),
            target,
            &texts,
            &want,
        ))
    }
}
