//! What a charge is and does: its status from its facts (authorized, captured, reversed,
//! expired), creation from a token, a customer's card or a source, capture, reverse, expire,
//! and what happens as sandbox time passes. charges.rs turns these into routes.

use crate::body::{boolean, int, metadata, short_text, text, Int};
use crate::cards::Behaviour;
use crate::clock::{parse_time, DAY_MS};
use crate::errors::ApiError;
use crate::events;
use crate::ids;
use crate::sources::{amount_and_currency, new_source};
use crate::store::{Charge, Inner, Kind, Outcome};
use axum::http::StatusCode;
use serde_json::Value;

/// The authorization page's answer lives with the other after-creation actions.
pub use crate::charge_actions::decide;

/// Authorized card charges left uncaptured (and unanswered authorizations) expire after this,
/// unless `expires_at` says otherwise (Omise: 7 days).
pub const DEFAULT_EXPIRY_MS: i64 = 7 * DAY_MS;
/// Omise's card fee in Thailand (3.65 %) and VAT on it (7 %), for `fee`, `fee_vat`, `net`.
const FEE_RATE_BP: i64 = 365;
const VAT_PERCENT: i64 = 7;

impl Charge {
    /// The outcome visible now: pending until decided and settled.
    pub fn visible_outcome(&self, now_ms: i64) -> Option<&Outcome> {
        match self.settles_at_ms {
            Some(at) if now_ms < at => None,
            _ => self.outcome.as_ref(),
        }
    }

    pub fn authorized(&self, now_ms: i64) -> bool {
        self.visible_outcome(now_ms) == Some(&Outcome::Successful)
    }

    /// Money taken: authorized and captured (at once, or by `/capture`), not reversed.
    pub fn paid(&self, now_ms: i64) -> bool {
        self.authorized(now_ms) && (self.capture || self.captured_ms.is_some()) && self.reversed_ms.is_none()
    }

    pub fn status(&self, now_ms: i64) -> &'static str {
        if self.reversed_ms.is_some() {
            return "reversed";
        }
        if self.expired_ms.is_some() {
            return "expired";
        }
        match self.visible_outcome(now_ms) {
            None => "pending",
            Some(Outcome::Failed(_)) => "failed",
            Some(Outcome::Successful) if self.paid(now_ms) => "successful",
            Some(Outcome::Successful) => "pending",
        }
    }

    /// Authorized with `capture=false`, not yet captured, reversed or expired.
    pub fn capturable(&self, now_ms: i64) -> bool {
        self.authorized(now_ms)
            && !self.capture
            && self.captured_ms.is_none()
            && self.reversed_ms.is_none()
            && self.expired_ms.is_none()
    }

    /// What was taken: the captured amount, else the amount.
    pub fn funding_amount(&self) -> i64 {
        self.captured_amount.unwrap_or(self.amount)
    }

    pub fn refundable(&self, now_ms: i64) -> bool {
        self.paid(now_ms) && self.refunded_amount < self.funding_amount()
    }

    /// `(fee, fee_vat, net)` of what was taken.
    pub fn fees(&self) -> (i64, i64, i64) {
        let funding = self.funding_amount();
        let fee = (funding * FEE_RATE_BP + 5_000) / 10_000;
        let vat = (fee * VAT_PERCENT + 50) / 100;
        (fee, vat, funding - fee - vat)
    }
}

/// How the charge is paid.
#[derive(Debug, Clone)]
pub enum Payment {
    Token(String),
    Customer { customer: String, card: Option<String> },
    Source(String),
    NewSource(Value),
}

#[derive(Debug, Clone)]
pub struct ChargeRequest {
    pub amount: i64,
    pub currency: String,
    pub description: Option<String>,
    pub metadata: Value,
    pub return_uri: Option<String>,
    pub capture: bool,
    pub expires_at_ms: Option<i64>,
    pub ip: Option<String>,
    pub payment: Payment,
    pub schedule: Option<String>,
}

fn return_uri(params: &Value) -> Result<Option<String>, ApiError> {
    let Some(uri) = text(params, "return_uri").filter(|u| !u.trim().is_empty()) else {
        return Ok(None);
    };
    let ok = (uri.starts_with("http://") || uri.starts_with("https://"))
        && uri.len() <= 2048
        && !uri.chars().any(|c| c.is_control() || c.is_whitespace());
    if ok {
        Ok(Some(uri))
    } else {
        Err(ApiError::bad_request("return_uri is invalid"))
    }
}

/// `POST /charges` parameters. Bad amounts and currencies are `invalid_charge`, as Omise has it.
pub fn parse_request(params: &Value, now_ms: i64) -> Result<ChargeRequest, ApiError> {
    let (amount, currency) = amount_and_currency(params).map_err(|e| ApiError::invalid_charge(e.message))?;
    let card = text(params, "card").filter(|s| !s.is_empty());
    let customer = text(params, "customer").filter(|s| !s.is_empty());
    let payment = match (params.get("source"), customer, card) {
        (Some(Value::Object(_)), None, None) => {
            let mut inline = params["source"].clone();
            inline["amount"] = amount.into();
            inline["currency"] = currency.clone().into();
            Payment::NewSource(inline)
        }
        (Some(Value::String(s)), None, None) if !s.is_empty() => Payment::Source(s.clone()),
        (None, Some(customer), card) => Payment::Customer { customer, card },
        (None, None, Some(card)) if card.starts_with("card_") => {
            return Err(ApiError::bad_request("customer is required to charge a card id"))
        }
        (None, None, Some(token)) => Payment::Token(token),
        (Some(_), _, _) => {
            return Err(ApiError::bad_request("give either card, customer or source, not several"))
        }
        (None, None, None) => return Err(ApiError::bad_request("card, customer or source is required")),
    };
    let expires_at_ms = match text(params, "expires_at").filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => match parse_time(&s) {
            Some(t) if t > now_ms => Some(t),
            Some(_) => return Err(ApiError::invalid_charge("expires_at must be in the future")),
            None => return Err(ApiError::invalid_charge("expires_at is not an ISO 8601 time")),
        },
    };
    let capture = match params.get("capture") {
        None | Some(Value::Null) => true,
        Some(_) => boolean(params, "capture")
            .ok_or_else(|| ApiError::bad_request("capture must be true or false"))?,
    };
    Ok(ChargeRequest {
        amount,
        currency,
        description: short_text(params, "description"),
        metadata: metadata(params),
        return_uri: return_uri(params)?,
        capture,
        expires_at_ms,
        ip: short_text(params, "ip").filter(|s| !s.is_empty()),
        payment,
        schedule: None,
    })
}

/// `metadata[sandbox_settle_delay_ms]`: this charge's settle delay, capped at ten minutes.
fn settle_delay(metadata: &Value) -> Option<u64> {
    match int(metadata, "sandbox_settle_delay_ms") {
        Int::Value(ms) if ms >= 0 => Some(ms.min(600_000) as u64),
        _ => None,
    }
}

fn outcome_of(behaviour: Behaviour) -> Option<Outcome> {
    match behaviour {
        Behaviour::Succeed => Some(Outcome::Successful),
        Behaviour::Fail(code) => Some(Outcome::Failed(code.to_owned())),
        Behaviour::ThreeDSecure | Behaviour::ThreeDSecureFails => None,
    }
}

/// Creates, stores and records (`charge.create`) a charge; `authorize_base` is this server's
/// origin for `authorize_uri`. Scheduled charges (merchant-initiated) skip 3-D Secure: a card
/// that asks for it is charged, one whose 3-D Secure fails is declined `payment_rejected`.
pub fn create(
    inner: &mut Inner,
    account: usize,
    req: ChargeRequest,
    authorize_base: &str,
    now_ms: i64,
) -> Result<Charge, ApiError> {
    let id = ids::random_id("chrg_test_");
    let authorize_uri = format!("{authorize_base}/authorize/{id}");
    let mut charge = Charge {
        id: id.clone(),
        amount: req.amount,
        currency: req.currency,
        description: req.description,
        settle_delay_ms: settle_delay(&req.metadata),
        metadata: req.metadata,
        return_uri: req.return_uri,
        authorize_uri: None,
        card: None,
        source: None,
        customer: None,
        schedule: req.schedule,
        ip: req.ip,
        created_ms: now_ms,
        outcome: None,
        settles_at_ms: None,
        capture: req.capture,
        captured_amount: None,
        captured_ms: None,
        reversed_ms: None,
        expired_ms: None,
        expires_at_ms: req.expires_at_ms.unwrap_or(now_ms + DEFAULT_EXPIRY_MS),
        refunded_amount: 0,
        refund_ids: Vec::new(),
        transaction: None,
        completed_event: false,
        seq: ids::next_seq(),
    };
    let recurring = charge.schedule.is_some();
    let acc = inner.account(account);
    let mut touched = None;
    match req.payment {
        Payment::Token(token_id) => {
            let token = acc.tokens.get_mut(&token_id).ok_or_else(|| ApiError::not_found("token"))?;
            if token.used {
                return Err(ApiError::new(StatusCode::BAD_REQUEST, "used_token", "token was already used"));
            }
            let behaviour = token.card.behaviour;
            if behaviour.needs_3ds() && charge.return_uri.is_none() {
                return Err(ApiError::bad_request("return_uri is required for 3-D Secure charges"));
            }
            token.used = true;
            token.charge_id = Some(id.clone());
            charge.card = Some(token.card.clone());
            charge.outcome = outcome_of(behaviour);
            if charge.outcome.is_none() {
                charge.authorize_uri = Some(authorize_uri);
            }
            touched = Some((Kind::Token, token_id));
        }
        Payment::Customer { customer, card } => {
            let cust = acc.customers.get(&customer).ok_or_else(|| ApiError::not_found("customer"))?;
            let card_id = card.or_else(|| cust.default_card.clone());
            let Some(card_id) = card_id else {
                return Err(ApiError::bad_request("customer has no card to charge"));
            };
            let card =
                cust.cards.iter().find(|c| c.id == card_id).ok_or_else(|| ApiError::not_found("card"))?;
            let behaviour = card.behaviour;
            charge.card = Some(card.clone());
            charge.customer = Some(customer);
            charge.outcome = match behaviour {
                Behaviour::ThreeDSecure if recurring => Some(Outcome::Successful),
                Behaviour::ThreeDSecureFails if recurring => Some(Outcome::Failed("payment_rejected".into())),
                _ if behaviour.needs_3ds() && charge.return_uri.is_none() => {
                    return Err(ApiError::bad_request("return_uri is required for 3-D Secure charges"))
                }
                _ => outcome_of(behaviour),
            };
            if charge.outcome.is_none() {
                charge.authorize_uri = Some(authorize_uri);
            }
        }
        Payment::Source(src_id) => {
            let source = acc.sources.get_mut(&src_id).ok_or_else(|| ApiError::not_found("source"))?;
            if source.charge_id.is_some() {
                return Err(ApiError::bad_request("source was already used"));
            }
            if source.amount != charge.amount || source.currency != charge.currency {
                return Err(ApiError::bad_request("amount and currency must match the source's"));
            }
            if source.flow != "offline" && charge.return_uri.is_none() {
                return Err(ApiError::bad_request("return_uri is required for redirect sources"));
            }
            source.charge_id = Some(id.clone());
            charge.source = Some(source.clone());
            charge.authorize_uri = Some(authorize_uri);
            touched = Some((Kind::Source, src_id));
        }
        Payment::NewSource(params) => {
            let mut source = new_source(&params, now_ms)?;
            if source.flow != "offline" && charge.return_uri.is_none() {
                return Err(ApiError::bad_request("return_uri is required for redirect sources"));
            }
            source.charge_id = Some(id.clone());
            charge.source = Some(source.clone());
            charge.authorize_uri = Some(authorize_uri);
            let sid = source.id.clone();
            inner.insert_source(account, source);
            touched = Some((Kind::Source, sid));
        }
    }
    if charge.authorized(now_ms) && charge.capture {
        charge.transaction = Some(ids::random_id("trxn_test_"));
    }
    if let Some((kind, tid)) = touched {
        inner.touch(kind, account, &tid);
    }
    let data = crate::charges::charge_json(inner.account(account), &charge, now_ms);
    inner.insert_charge(account, charge.clone());
    events::record(inner, account, "charge.create", data, now_ms);
    Ok(charge)
}

/// A change to one charge with the event it records: finds it, runs `change`, stores it.
pub fn change(
    inner: &mut Inner,
    account: usize,
    id: &str,
    event: &str,
    now_ms: i64,
    change: impl FnOnce(&mut Charge) -> Result<(), ApiError>,
) -> Result<Value, ApiError> {
    let charge = inner.account(account).charges.get_mut(id).ok_or_else(|| ApiError::not_found("charge"))?;
    change(charge)?;
    inner.touch(Kind::Charge, account, id);
    let acc = inner.account(account);
    let data = crate::charges::charge_json(acc, &acc.charges[id], now_ms);
    events::record(inner, account, event, data.clone(), now_ms);
    Ok(data)
}
