//! `createToken`: headless tokenization of a plain card object, validated as the card form
//! validates (checkout page only).

use alloc::boxed::Box;
use alloc::vec::Vec;

use js_sys::Promise;
use omise_checkout_core::api::Problem;
use omise_checkout_core::error::ErrorCode;
use omise_checkout_core::field::{Field, FieldError};
use omise_checkout_core::request::{self, Billing, CardInput};
use wasm_bindgen::prelude::*;

use crate::checkout::OmiseCheckout;
use crate::clock::this_month;
use crate::js::{self, Prop};
use crate::{api, results, timer};

#[wasm_bindgen]
impl OmiseCheckout {
    /// Headless tokenization of a plain card object. Validated first: nothing is sent while a
    /// field is invalid. Resolves to `{ token }` or `{ error }`; never rejects.
    #[wasm_bindgen(js_name = createToken, unchecked_return_type = "Promise<TokenResult>")]
    pub fn create_token(&self, #[wasm_bindgen(unchecked_param_type = "CardInput")] card: JsValue) -> Promise {
        let config = self.config.clone();
        if self.destroyed.get() {
            return Promise::resolve(&results::err_code(ErrorCode::Destroyed, config.locale()));
        }
        let (input, unreadable) = card_input(&card);
        let locale = config.locale();
        let checked = match request::validate(&input, this_month()) {
            Ok(card) if unreadable.is_empty() => Ok(card),
            result => Err(Problem {
                code: ErrorCode::ValidationError,
                fields: invalid_for(result.err().unwrap_or_default(), &unreadable),
                retry_after_ms: None,
            }),
        };
        drop(input);
        let (promise, resolve) = timer::promise();
        let answer: api::OnAnswer = Box::new(move |result| {
            resolve.with(&match result {
                Ok(token) => results::ok("token", token),
                Err(problem) => results::err(&problem, locale),
            })
        });
        match checked {
            Ok(card) => api::create_token(&config, &card, answer),
            Err(p) => answer(Err(p)),
        }
        promise
    }
}

/// The card as given (`createToken` takes `unknown` at runtime), and the fields whose value was
/// unreadable: not text or a whole number (`true`, `{}`, `1.5`, a symbol, a BigInt) or behind a
/// getter that threw. Those are reported `invalid`, never guessed at. An unreadable billing
/// field with no field of its own in the form (`state`, `street1`, …) is left out.
fn card_input(card: &JsValue) -> (CardInput, Vec<Field>) {
    let mut unreadable = Vec::new();
    let mut read = |key: &str, field: Option<Field>| match js::prop_text(card, key) {
        Prop::Text(text) => Some(text),
        Prop::Missing => None,
        Prop::Unreadable => {
            if let Some(f) = field.filter(|f| !unreadable.contains(f)) {
                unreadable.push(f);
            }
            None
        }
    };
    let input = CardInput {
        name: read("name", Some(Field::Name)).unwrap_or_default(),
        number: read("number", Some(Field::Number)).unwrap_or_default(),
        expiration_month: read("expiration_month", Some(Field::Expiry)).unwrap_or_default(),
        expiration_year: read("expiration_year", Some(Field::Expiry)).unwrap_or_default(),
        security_code: read("security_code", Some(Field::SecurityCode)).unwrap_or_default(),
        billing: Billing::from_fn(|key| {
            let field = match key {
                "city" => Some(Field::City),
                "postal_code" => Some(Field::PostalCode),
                "country" => Some(Field::Country),
                _ => None,
            };
            read(key, field)
        }),
    };
    (input, unreadable)
}

/// The validation errors with every unreadable field marked `invalid` (read as empty, it would
/// otherwise say `required`); one not among them yet is added in its place in the form.
fn invalid_for(mut fields: Vec<(Field, FieldError)>, unreadable: &[Field]) -> Vec<(Field, FieldError)> {
    let order = |field: Field| Field::ALL.iter().position(|f| *f == field);
    for &field in unreadable {
        match fields.iter_mut().find(|(f, _)| *f == field) {
            Some(entry) => entry.1 = FieldError::Invalid,
            None => {
                let at = fields.iter().position(|(f, _)| order(*f) > order(field)).unwrap_or(fields.len());
                fields.insert(at, (field, FieldError::Invalid));
            }
        }
    }
    fields
}
