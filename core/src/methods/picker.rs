//! The payment-method picker without a DOM: which choices it shows, what is selected, the
//! payer fields and their errors, and the source request on submit. Errors follow the card
//! form's rules: invalid at once, incomplete and required only on blur or submit; submit shows
//! every problem and focuses the first.

use alloc::borrow::ToOwned;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use super::fields::{self, PayerField};
use super::{offered, DeviceKind, Group, Method};
use crate::messages::Message;
use crate::request::{json_escape, push_uint};
use crate::validity::Validity;

/// A choice of the picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Choice {
    /// The merchant's card form (`card` option): the picker only shows and hides it.
    Card,
    Group(Group),
}

impl Choice {
    pub fn id(self) -> &'static str {
        match self {
            Choice::Card => "card",
            Choice::Group(g) => g.id(),
        }
    }
}

/// What an error or the focus is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// The list of methods.
    Choice,
    /// The bank choice of mobile banking.
    Bank,
    Field(PayerField),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    ShowError {
        target: Target,
        message: Message,
    },
    HideError {
        target: Target,
    },
    Focus(Target),
    /// The selection or a value changed (emit `change`).
    Changed,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct FieldState {
    field: PayerField,
    value: String,
    shown: Option<Message>,
}

/// The source to create: `POST /sources` with `json()`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRequest {
    pub source_type: &'static str,
    pub amount: u64,
    pub currency: &'static str,
    /// `(API name, value)`: the payer fields, then `platform_type`.
    pub params: Vec<(&'static str, String)>,
}

impl SourceRequest {
    /// `{"type":…,"amount":…,"currency":…,…}` (no `format!`: STYLE.md rule 9).
    pub fn json(&self) -> String {
        let mut out = String::with_capacity(96);
        out.push_str("{\"type\":\"");
        out.push_str(self.source_type);
        out.push_str("\",\"amount\":");
        push_uint(&mut out, self.amount);
        out.push_str(",\"currency\":\"");
        out.push_str(self.currency);
        out.push('"');
        for (k, v) in &self.params {
            out.push_str(",\"");
            out.push_str(k);
            out.push_str("\":\"");
            json_escape(v, &mut out);
            out.push('"');
        }
        out.push('}');
        out
    }
}

/// The picker's state.
#[derive(Debug, Clone)]
pub struct Picker {
    pub amount: u64,
    pub device: DeviceKind,
    pub card: bool,
    currency: String,
    wanted: Vec<String>,
    rows: Vec<&'static Method>,
    selected: Option<Choice>,
    bank: Option<&'static Method>,
    fields: Vec<FieldState>,
    shown: [Option<Message>; 2],
}

impl Picker {
    /// The methods for `amount` `currency` on `device`, limited to `wanted` (source types or
    /// `mobile_banking`; empty: all), with the merchant's card form first when `card`.
    pub fn new(amount: u64, currency: &str, device: DeviceKind, wanted: Vec<String>, card: bool) -> Picker {
        let mut p = Picker {
            amount,
            device,
            card,
            currency: currency.to_ascii_lowercase(),
            wanted,
            rows: Vec::new(),
            selected: None,
            bank: None,
            fields: Vec::new(),
            shown: [None, None],
        };
        p.refilter();
        p
    }

    fn refilter(&mut self) {
        self.rows = offered(self.amount, &self.currency, self.device, &self.wanted);
        for f in self.rows.iter().flat_map(|m| m.fields) {
            if !self.fields.iter().any(|s| s.field == *f) {
                self.fields.push(FieldState { field: *f, value: String::new(), shown: None });
            }
        }
        if matches!(self.selected, Some(Choice::Group(g)) if !self.rows.iter().any(|m| m.group == g)) {
            self.selected = None;
        }
        if self.bank.is_some_and(|b| !self.rows.contains(&b)) {
            self.bank = None;
        }
        // Nothing to choose: said where the choices would be (shown at once, like a note), and
        // gone when a new total brings choices back.
        let nothing = Some(Message::NoMethodFits);
        if self.nothing_fits() {
            self.shown[0] = nothing;
        } else if self.shown[0] == nothing {
            self.shown[0] = None;
        }
    }

    /// No method fits the amount, currency and device, and there is no card choice.
    pub fn nothing_fits(&self) -> bool {
        self.rows.is_empty() && !self.card
    }

    /// A new amount or currency (the cart changed): choices that no longer fit go.
    pub fn set_amount(&mut self, amount: u64, currency: &str) -> Vec<Effect> {
        self.amount = amount;
        self.currency = currency.to_ascii_lowercase();
        self.refilter();
        vec![Effect::Changed]
    }

    pub fn currency(&self) -> &str {
        &self.currency
    }

    /// The choices, in order: the card first (if asked for), then each group once.
    pub fn choices(&self) -> Vec<Choice> {
        let mut out = Vec::new();
        if self.card {
            out.push(Choice::Card);
        }
        for m in &self.rows {
            if !out.contains(&Choice::Group(m.group)) {
                out.push(Choice::Group(m.group));
            }
        }
        out
    }

    /// The rows of a group that are on offer (the banks of mobile banking).
    pub fn rows_of(&self, group: Group) -> Vec<&'static Method> {
        self.rows.iter().copied().filter(|m| m.group == group).collect()
    }

    pub fn selected(&self) -> Option<Choice> {
        self.selected
    }

    /// The row a source would be created for: the chosen bank, or the group's row.
    pub fn selected_row(&self) -> Option<&'static Method> {
        match self.selected? {
            Choice::Card => None,
            Choice::Group(g) if g.shopper_picks() => self.bank.filter(|b| b.group == g),
            Choice::Group(g) => self.rows.iter().copied().find(|m| m.group == g),
        }
    }

    /// Selects `id`: `card`, a group id, or a source type (a bank selects its group too).
    /// Unknown or not offered: nothing happens.
    pub fn select(&mut self, id: &str) -> Vec<Effect> {
        let choice = if id == "card" && self.card {
            Some(Choice::Card)
        } else if let Some(row) = self.rows.iter().find(|m| m.source_type == id) {
            if row.group.shopper_picks() {
                self.bank = Some(row);
            }
            Some(Choice::Group(row.group))
        } else {
            self.rows.iter().find(|m| m.group.id() == id).map(|m| Choice::Group(m.group))
        };
        let Some(choice) = choice else { return Vec::new() };
        let mut effects = Vec::new();
        self.show(Target::Choice, None, &mut effects);
        if self.bank.is_some() {
            self.show(Target::Bank, None, &mut effects);
        }
        self.selected = Some(choice);
        effects.push(Effect::Changed);
        effects
    }

    pub fn value(&self, field: PayerField) -> &str {
        self.fields.iter().find(|f| f.field == field).map_or("", |f| f.value.as_str())
    }

    /// The shopper typed in `field`.
    pub fn input(&mut self, field: PayerField, raw: &str) -> Vec<Effect> {
        let mut effects = Vec::new();
        let Some(f) = self.fields.iter_mut().find(|f| f.field == field) else { return effects };
        if f.value == raw {
            return effects;
        }
        f.value = raw.to_owned();
        let check = fields::check(field, raw);
        let error = match (check.state, check.error) {
            (Validity::Invalid, Some(e)) => Some(field.error_message(e)),
            _ => None,
        };
        self.show(Target::Field(field), error, &mut effects);
        effects.push(Effect::Changed);
        effects
    }

    /// `field` lost focus: any problem shows now, "required" included.
    pub fn blur(&mut self, field: PayerField) -> Vec<Effect> {
        let mut effects = Vec::new();
        let error = self.error_of(field);
        self.show(Target::Field(field), error, &mut effects);
        effects
    }

    fn error_of(&self, field: PayerField) -> Option<Message> {
        let check = fields::check(field, self.value(field));
        check.error.filter(|_| check.state != Validity::Valid).map(|e| field.error_message(e))
    }

    /// Every problem shown and the first focused, or the source to create. The card choice is
    /// the card form's to submit: `Err` with no effects.
    pub fn submit(&mut self) -> Result<SourceRequest, Vec<Effect>> {
        let mut effects = Vec::new();
        match self.selected {
            Some(Choice::Card) => return Err(effects),
            Some(Choice::Group(_)) => {}
            None => {
                let message =
                    if self.nothing_fits() { Message::NoMethodFits } else { Message::MethodRequired };
                self.show(Target::Choice, Some(message), &mut effects);
                effects.push(Effect::Focus(Target::Choice));
                return Err(effects);
            }
        };
        let Some(row) = self.selected_row() else {
            self.show(Target::Bank, Some(Message::BankRequired), &mut effects);
            effects.push(Effect::Focus(Target::Bank));
            return Err(effects);
        };
        let mut first_bad = None;
        let mut params = Vec::new();
        for &field in row.fields {
            let error = self.error_of(field);
            self.show(Target::Field(field), error, &mut effects);
            if error.is_some() {
                first_bad = first_bad.or(Some(field));
            } else {
                params.push((field.api_name(), fields::check(field, self.value(field)).value));
            }
        }
        if let Some(field) = first_bad {
            effects.push(Effect::Focus(Target::Field(field)));
            return Err(effects);
        }
        if let Some(platform) = self.device.platform_type().filter(|_| row.platform_type) {
            params.push(("platform_type", platform.to_owned()));
        }
        Ok(SourceRequest {
            source_type: row.source_type,
            amount: self.amount,
            currency: row.currency,
            params,
        })
    }

    /// The error on screen for `target`, if any (after `setLocale`, to say it again).
    pub fn shown(&self, target: Target) -> Option<Message> {
        match target {
            Target::Choice => self.shown[0],
            Target::Bank => self.shown[1],
            Target::Field(field) => self.fields.iter().find(|f| f.field == field).and_then(|f| f.shown),
        }
    }

    fn show(&mut self, target: Target, error: Option<Message>, effects: &mut Vec<Effect>) {
        let slot = match target {
            Target::Choice => &mut self.shown[0],
            Target::Bank => &mut self.shown[1],
            Target::Field(field) => match self.fields.iter_mut().find(|f| f.field == field) {
                Some(f) => &mut f.shown,
                None => return,
            },
        };
        if *slot == error {
            return;
        }
        *slot = error;
        effects.push(match error {
            Some(message) => Effect::ShowError { target, message },
            None => Effect::HideError { target },
        });
    }
}
