//! `tokenize()`: validate, send, and what happens to the card afterwards. The card stays in the
//! form until the outcome is known (the merchant's order call may still fail, or the shopper
//! go offline, and retyping a card is what makes shoppers give up), unless the merchant asks
//! for `clearAfterToken: true`.

use alloc::boxed::Box;
use alloc::vec::Vec;

use alloc::rc::Rc;

use omise_checkout_core::api::Problem;
use omise_checkout_core::error::ErrorCode;
use omise_checkout_core::field::{Field, FieldError};
use omise_checkout_core::messages;
use omise_checkout_core::validity::Validity;
use wasm_bindgen::JsValue;

use super::Inner;
use crate::timer::{soon, Resolve};
use crate::{api, results};

/// When the number and security code leave the form after a token (`clearAfterToken`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ClearCard {
    /// `true` / `'after-token'`: as soon as the token exists.
    AfterToken,
    /// `'on-success'` (the default): when the checkout is handed a successful outcome
    /// (`authorize(charge)` or `handleCharge(charge)` redirects, or the charge handed to either
    /// is `successful`), or on `clear()`.
    OnSuccess,
    /// `false` / `'never'`: only on `clear()` or `destroy()`.
    Never,
}

impl ClearCard {
    /// Reads the option; anything unrecognised keeps the default.
    pub(crate) fn from_option(value: &JsValue) -> ClearCard {
        match (value.as_bool(), value.as_string().as_deref()) {
            (Some(true), _) | (_, Some("after-token")) => ClearCard::AfterToken,
            (Some(false), _) | (_, Some("never")) => ClearCard::Never,
            _ => ClearCard::OnSuccess,
        }
    }
}

/// The card fields: what is cleared once a card has done its job. Name and billing stay.
const CARD_FIELDS: [Field; 2] = [Field::Number, Field::SecurityCode];

impl Inner {
    /// Validates and sends; `resolve` gets `{ token }` or `{ error }` (later, never inside
    /// this call: the caller keeps the promise as the one in flight first).
    pub(super) fn run_tokenize(self: Rc<Self>, resolve: Resolve) {
        if self.dom.borrow().is_none() {
            return self.finish_tokenize(Err(Problem::new(ErrorCode::Destroyed)), resolve);
        }
        let submitted = self.model.borrow_mut().submit();
        match submitted {
            Err(effects) => {
                self.apply(effects);
                let fields = self.invalid_fields();
                let problem = Problem { code: ErrorCode::ValidationError, fields, retry_after_ms: None };
                soon(Box::new(move || self.finish_tokenize(Err(problem), resolve)));
            }
            Ok(card) => {
                self.busy_start();
                self.set_form_error(None);
                let config = self.config.clone();
                api::create_token(
                    &config,
                    &card,
                    Box::new(move |result| {
                        self.busy_end();
                        let result = match self.dom.borrow().is_none() {
                            true => Err(Problem::new(ErrorCode::Destroyed)),
                            false => result,
                        };
                        self.finish_tokenize(result, resolve)
                    }),
                );
            }
        }
    }

    fn finish_tokenize(self: Rc<Self>, result: Result<JsValue, Problem>, resolve: Resolve) {
        self.in_flight.borrow_mut().take();
        let locale = self.locale.get();
        resolve.with(&match result {
            Ok(token) => {
                if self.clear_card == ClearCard::AfterToken {
                    self.clear_card_fields();
                }
                self.emit("tokenized", &results::ok("token", token.clone()));
                results::ok("token", token)
            }
            Err(problem) => {
                if problem.code == ErrorCode::AuthorizationFailed {
                    // Seed 001: the issuer refused the small verification at token time. Keep
                    // what was typed except the security code (asked again for any retry).
                    let effects = self.model.borrow_mut().clear(&[Field::SecurityCode]);
                    self.apply(effects);
                }
                if problem.code != ErrorCode::Destroyed {
                    self.show_problem(&problem);
                    self.emit("error", &results::error_object(&problem, locale));
                }
                results::err(&problem, locale)
            }
        })
    }

    /// The checkout was handed a successful outcome: a form that waits for it lets the card go.
    pub(crate) fn payment_succeeded(self: &Rc<Self>) {
        if self.clear_card == ClearCard::OnSuccess && self.dom.borrow().is_some() {
            self.clear_card_fields();
            self.set_form_error(None);
        }
    }

    /// Empties the number and security code (their values are wiped from memory too).
    fn clear_card_fields(self: &Rc<Self>) {
        let effects = self.model.borrow_mut().clear(&CARD_FIELDS);
        self.apply(effects);
    }

    /// Server field errors land on their fields; anything else is shown above the live region.
    fn show_problem(self: &Rc<Self>, problem: &Problem) {
        if problem.code != ErrorCode::ValidationError {
            for &(field, error) in &problem.fields {
                let effects = self.model.borrow_mut().server_error(field, error);
                self.apply(effects);
            }
        }
        let general = problem.fields.is_empty() || problem.code == ErrorCode::ValidationError;
        self.set_form_error(general.then(|| messages::error(problem.code)));
        if let Some(&(field, _)) = problem.fields.first() {
            self.focus(field);
        }
    }

    fn invalid_fields(&self) -> Vec<(Field, FieldError)> {
        let model = self.model.borrow();
        model
            .fields
            .iter()
            .filter(|f| f.state != Validity::Valid)
            .map(|f| (f.field, f.error.unwrap_or(FieldError::Invalid)))
            .collect()
    }
}
