//! `createSource` (internet banking, wallets, PromptPay, …) and the source request it shares
//! with the method picker: the checkout page's side of redirect and offline payments.

use alloc::boxed::Box;
use alloc::rc::Rc;
use alloc::string::String;

use js_sys::Promise;
use omise_checkout_core::api::{self, Expect, Problem};
use omise_checkout_core::error::ErrorCode;
use omise_checkout_core::request::concat;
use wasm_bindgen::prelude::*;

use crate::api::{call, Body, OnAnswer};
use crate::checkout::OmiseCheckout;
use crate::config::Config;
use crate::{js, results, timer};

#[wasm_bindgen]
impl OmiseCheckout {
    /// `POST {apiUrl}/sources` with the public key: `{ type, amount, currency, … }` →
    /// `{ source } | { error }`. Never rejects.
    #[wasm_bindgen(js_name = createSource, unchecked_return_type = "Promise<SourceResult>")]
    pub fn create_source(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SourceInput")] params: JsValue,
    ) -> Promise {
        source_promise(self.config.clone(), source_body(&params), None)
    }
}

/// The source for a JSON body (`None`: refused before anything is sent): `{ source } |
/// { error }`, never rejecting. Shared by `createSource` and the method picker, so the widget
/// carries one copy of it.
/// `done` runs once the answer is in, before the promise settles (boxed: one copy of the
/// request's state machine for both callers, not one per closure type).
pub(crate) fn source_promise(
    config: Rc<Config>,
    body: Option<String>,
    done: Option<Box<dyn FnOnce()>>,
) -> Promise {
    let locale = config.locale();
    let (promise, resolve) = timer::promise();
    let answer: OnAnswer = Box::new(move |result: Result<JsValue, Problem>| {
        let result = result.and_then(|source| {
            if api::is_source_id(&js::get_str(&source, "id").unwrap_or_default()) {
                Ok(source)
            } else {
                Err(Problem::new(ErrorCode::InvalidResponse))
            }
        });
        if let Some(done) = done {
            done();
        }
        resolve.with(&match result {
            Ok(source) => results::ok("source", source),
            Err(problem) => results::err(&problem, locale),
        })
    });
    match body {
        Some(text) => {
            let url = concat(&[config.api_url.as_str(), "/sources"]);
            let body = Body { content_type: "application/json", text };
            call(&config, "POST", url, Some(body), Expect::Source, true, answer)
        }
        // Later, like an answer: `done` runs after the caller's own bookkeeping.
        None => timer::soon(Box::new(move || answer(Err(Problem::new(ErrorCode::BadRequest))))),
    }
    promise
}

/// The JSON body for `POST /sources`, or `None` when the basics are missing (nothing is sent).
fn source_body(params: &JsValue) -> Option<String> {
    let kind = js::get_str(params, "type").filter(|t| {
        !t.is_empty()
            && t.len() <= 64
            && t.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    })?;
    let amount = js::get(params, "amount")
        .as_f64()
        .filter(|a| omise_checkout_core::is_whole(*a) && *a > 0.0 && *a < 1e13)?;
    let currency = js::get_str(params, "currency")
        .filter(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_alphabetic()))?;
    let _ = (kind, amount, currency);
    js_sys::JSON::stringify(params).ok().map(String::from)
}
