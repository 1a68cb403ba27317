//! The card form's behaviour, without a DOM: what happens to each field on input, blur and
//! submit. The adapter feeds it events and applies the `Effect`s it returns (SPEC §6 lessons:
//! caret from "digits before the caret", `change` on every value change, incomplete shown
//! only on blur or submit, invalid shown at once).

use alloc::borrow::ToOwned;
use alloc::vec;
use alloc::vec::Vec;

use zeroize::Zeroize;

use crate::brand::Brand;
use crate::expiry::{self, YearMonth};
use crate::field::{Field, FieldError};
use crate::format;
use crate::name;
use crate::number;
use crate::request::{Billing, TokenRequest};
use crate::secret::SecretString;
use crate::security_code;
use crate::validity::Validity;

/// Longest billing field accepted, in characters.
pub const MAX_BILLING_CHARS: usize = 100;

/// What the adapter must do after an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this value in the input and the caret at this UTF-16 offset.
    SetValue {
        field: Field,
        value: SecretString,
        caret: usize,
    },
    /// Show this error on the field (text, `aria-invalid`, live region).
    ShowError {
        field: Field,
        error: FieldError,
    },
    HideError {
        field: Field,
    },
    /// The detected brand changed (brand indicator, security-code label and length).
    Brand(Option<Brand>),
    Focus(Field),
    /// A field's value changed (emit `change`).
    Changed,
}

/// The state of one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldState {
    pub field: Field,
    /// Wiped from memory when replaced or dropped (it may be the card number).
    pub value: SecretString,
    pub state: Validity,
    pub error: Option<FieldError>,
    /// The error currently on screen.
    pub shown: Option<FieldError>,
}

/// The whole form.
#[derive(Debug, Clone)]
pub struct FormModel {
    pub fields: Vec<FieldState>,
    pub brand: Option<Brand>,
    pub today: YearMonth,
}

/// How a value arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// Typed or pasted (`insert*` input types): may move focus on when complete.
    Insert,
    /// Deleted, cut, or set by autofill / a password manager.
    Other,
}

impl FormModel {
    /// A form with the four card fields, plus the billing fields asked for.
    pub fn new(billing: &[Field], today: YearMonth) -> FormModel {
        let mut fields = vec![Field::Number, Field::Expiry, Field::SecurityCode, Field::Name];
        fields
            .extend(billing.iter().filter(|f| matches!(f, Field::PostalCode | Field::City | Field::Country)));
        let fields = fields.into_iter().map(|f| FieldState::empty(f, today)).collect();
        FormModel { fields, brand: None, today }
    }

    pub fn get(&self, field: Field) -> Option<&FieldState> {
        self.fields.iter().find(|f| f.field == field)
    }

    fn get_mut(&mut self, field: Field) -> Option<&mut FieldState> {
        self.fields.iter_mut().find(|f| f.field == field)
    }

    /// Every field valid.
    pub fn complete(&self) -> bool {
        self.fields.iter().all(|f| f.state == Validity::Valid)
    }

    /// The customer changed `field` to `raw` with the caret at `caret`.
    pub fn input(&mut self, field: Field, raw: &str, caret: usize, kind: InputKind) -> Vec<Effect> {
        let mut effects = Vec::new();
        // Every copy of the value is a `SecretString`: wiped when dropped.
        let (value, caret): (SecretString, usize) = match field {
            Field::Number => {
                let f = format::card_number(raw, caret);
                (f.value.into(), f.caret)
            }
            Field::Expiry => {
                let f = expiry::format(raw, caret);
                (f.value.into(), f.caret)
            }
            Field::SecurityCode => {
                let v = SecretString::from(security_code::format(raw, self.brand));
                let c = v.len().min(format::digits_before(raw, caret));
                (v, c)
            }
            _ => (raw.into(), caret),
        };
        if value != raw {
            effects.push(Effect::SetValue { field, value: value.clone(), caret });
        }
        let changed = self.get(field).is_none_or(|f| f.value != value);
        self.set(field, &value);
        if field == Field::Number {
            self.rebrand(&mut effects);
        }
        let Some((state, error)) = self.get(field).map(|f| (f.state, f.error)) else { return effects };
        // Invalid is shown at once; anything else clears a shown error while the customer types.
        self.show(field, if state == Validity::Invalid { error } else { None }, &mut effects);
        if changed {
            effects.push(Effect::Changed);
        }
        let at_end = caret >= value.len();
        if kind == InputKind::Insert && at_end && state == Validity::Valid && self.is_full(field, &value) {
            if let Some(next) = self.next_to_fill(field) {
                effects.push(Effect::Focus(next));
            }
        }
        effects
    }

    /// The field lost focus: a field that is not valid shows its error now, "required" included
    /// (an empty required field left behind must say so, not leave Pay unexplained). Optional
    /// billing fields are valid when empty, so they stay quiet.
    pub fn blur(&mut self, field: Field) -> Vec<Effect> {
        let mut effects = Vec::new();
        let Some(error) = self.get(field).map(|f| f.error) else { return effects };
        self.show(field, error, &mut effects);
        effects
    }

    /// Submit: every problem is shown and focus goes to the first bad field; with none, the
    /// request to send.
    pub fn submit(&mut self) -> Result<TokenRequest, Vec<Effect>> {
        let mut effects = Vec::new();
        let fields: Vec<(Field, Validity, Option<FieldError>)> =
            self.fields.iter().map(|f| (f.field, f.state, f.error)).collect();
        for &(field, _, error) in &fields {
            self.show(field, error, &mut effects);
        }
        if let Some(&(bad, _, _)) = fields.iter().find(|(_, state, _)| *state != Validity::Valid) {
            effects.push(Effect::Focus(bad));
            return Err(effects);
        }
        let value = |field| self.get(field).map_or("", |f| f.value.as_str());
        let expiry = expiry::check(value(Field::Expiry), self.today);
        let optional =
            |field| Some(value(field)).filter(|v| !v.trim().is_empty()).map(|v| v.trim().to_owned());
        Ok(TokenRequest {
            name: name::check(value(Field::Name)).value,
            // The checks' own copies of the digits move into the request (no further copy).
            number: number::check(value(Field::Number)).digits.into(),
            expiration_month: expiry.month.unwrap_or_default(),
            expiration_year: expiry.year.unwrap_or_default(),
            security_code: security_code::check(value(Field::SecurityCode), self.brand).digits.into(),
            billing: Billing {
                postal_code: optional(Field::PostalCode),
                city: optional(Field::City),
                country: optional(Field::Country),
                ..Default::default()
            },
        })
    }

    /// Show an error that came from the server (or `security_code_check`) on a field.
    pub fn server_error(&mut self, field: Field, error: FieldError) -> Vec<Effect> {
        let mut effects = Vec::new();
        if let Some(f) = self.get_mut(field) {
            f.state = Validity::Invalid;
            f.error = Some(error);
        }
        self.show(field, Some(error), &mut effects);
        effects
    }

    /// Empties `fields` (all of them when empty) and hides their errors.
    pub fn clear(&mut self, fields: &[Field]) -> Vec<Effect> {
        let mut effects = Vec::new();
        let targets: Vec<Field> =
            self.fields.iter().map(|f| f.field).filter(|f| fields.is_empty() || fields.contains(f)).collect();
        for field in targets {
            effects.push(Effect::SetValue { field, value: SecretString::new(), caret: 0 });
            self.set(field, "");
            self.show(field, None, &mut effects);
        }
        self.rebrand(&mut effects);
        effects.push(Effect::Changed);
        effects
    }

    /// Replaces a field's value (the old one is wiped, its buffer reused when large enough).
    fn set(&mut self, field: Field, value: &str) {
        let (brand, today) = (self.brand, self.today);
        if let Some(f) = self.get_mut(field) {
            f.value.set(value);
            (f.state, f.error) = evaluate(field, value, brand, today);
        }
    }

    fn rebrand(&mut self, effects: &mut Vec<Effect>) {
        let brand = self.get(Field::Number).and_then(|f| check_number(&f.value).brand);
        if brand == self.brand {
            return;
        }
        self.brand = brand;
        effects.push(Effect::Brand(brand));
        // The security code's length follows the brand (4 for Amex). A code already typed is
        // judged again at once: a 4-digit code left from Amex is wrong for Visa, and the
        // customer, busy in the number field, must be told now, not at Pay.
        let today = self.today;
        if let Some(f) = self.get_mut(Field::SecurityCode) {
            (f.state, f.error) = evaluate(Field::SecurityCode, &f.value, brand, today);
            if f.shown.is_some() || !f.value.is_empty() {
                let error = f.error;
                self.show(Field::SecurityCode, error, effects);
            }
        }
    }

    fn show(&mut self, field: Field, error: Option<FieldError>, effects: &mut Vec<Effect>) {
        let Some(f) = self.get_mut(field) else { return };
        if f.shown == error {
            return;
        }
        f.shown = error;
        effects.push(match error {
            Some(error) => Effect::ShowError { field, error },
            None => Effect::HideError { field },
        });
    }

    /// Whether a valid value is also as long as it gets, so the customer is done with it.
    fn is_full(&self, field: Field, value: &str) -> bool {
        let digits = value.bytes().filter(u8::is_ascii_digit).count();
        match field {
            Field::Number => self.brand.is_some_and(|b| digits == b.max_len() || digits == 16),
            // `MM / YY`, or `MM / YYYY` typed in full.
            Field::Expiry => digits == 4 || digits == 6,
            Field::SecurityCode => digits == self.brand.map_or(4, |b| b.security_code_len() as usize),
            _ => false,
        }
    }

    /// Where focus goes once `field` is done: the first field after it that still needs the
    /// customer (empty, incomplete or invalid), else the first such field before it; none when
    /// every field is valid. A field already filled in correctly is never where focus lands.
    fn next_to_fill(&self, field: Field) -> Option<Field> {
        let i = self.fields.iter().position(|f| f.field == field)?;
        let (before, after) = self.fields.split_at(i);
        after.iter().skip(1).chain(before).find(|f| f.state != Validity::Valid).map(|f| f.field)
    }
}

impl FieldState {
    fn empty(field: Field, today: YearMonth) -> FieldState {
        let (state, error) = evaluate(field, "", None, today);
        FieldState { field, value: SecretString::new(), state, error, shown: None }
    }
}

/// Validity of one field's value.
pub fn evaluate(
    field: Field,
    value: &str,
    brand: Option<Brand>,
    today: YearMonth,
) -> (Validity, Option<FieldError>) {
    match field {
        Field::Number => {
            let c = check_number(value);
            (c.state, c.error)
        }
        Field::Expiry => {
            let c = expiry::check(value, today);
            (c.state, c.error)
        }
        Field::SecurityCode => {
            let mut c = security_code::check(value, brand);
            c.digits.zeroize();
            (c.state, c.error)
        }
        Field::Name => {
            let c = name::check(value);
            (c.state, c.error)
        }
        Field::PostalCode | Field::City | Field::Country => {
            if crate::char_count(value) > MAX_BILLING_CHARS {
                (Validity::Invalid, Some(FieldError::TooLong))
            } else if value.chars().any(char::is_control) {
                (Validity::Invalid, Some(FieldError::Invalid))
            } else {
                (Validity::Valid, None)
            }
        }
    }
}

/// `number::check` with its copy of the digits wiped (only the verdict is kept).
fn check_number(value: &str) -> number::NumberCheck {
    let mut c = number::check(value);
    c.digits.zeroize();
    c
}
