//! The objects the store keeps, one struct per Omise resource. Plain data (serde, so `--db` can
//! write them as JSON records); each room (charges.rs, refunds.rs, …) owns their rules and
//! their JSON shape. Times are sandbox-clock Unix milliseconds (clock.rs).

use crate::cards::Behaviour;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;

/// What a token keeps of the card: the card object's fields and the test behaviour.
/// Never the full number, never the security code.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CardInfo {
    pub id: String,
    pub brand: String,
    pub last_digits: String,
    pub name: String,
    pub expiration_month: u32,
    pub expiration_year: u32,
    pub fingerprint: String,
    pub security_code_check: bool,
    /// Billing fields as sent (`card[city]`, …); `country` also as sent, else the issuer's.
    #[serde(default)]
    pub billing: Billing,
    pub country: String,
    pub created_ms: i64,
    pub behaviour: Behaviour,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Billing {
    pub street1: Option<String>,
    pub street2: Option<String>,
    pub city: Option<String>,
    pub state: Option<String>,
    pub postal_code: Option<String>,
    pub phone_number: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Token {
    pub id: String,
    pub card: CardInfo,
    pub used: bool,
    pub charge_id: Option<String>,
    pub created_ms: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub kind: String,
    pub flow: String,
    pub amount: i64,
    pub currency: String,
    pub charge_id: Option<String>,
    pub created_ms: i64,
    /// What the shopper gave with the source (konbini's name, email and phone number, the
    /// TrueMoney wallet's phone number, the device's `platform_type`), echoed as Omise does.
    #[serde(default)]
    pub payer: Payer,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Payer {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone_number: Option<String>,
    pub platform_type: Option<String>,
}

/// A charge's authorization result, or what it will settle to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    Successful,
    Failed(String),
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Charge {
    pub id: String,
    pub amount: i64,
    pub currency: String,
    pub description: Option<String>,
    pub metadata: Value,
    pub return_uri: Option<String>,
    pub authorize_uri: Option<String>,
    pub card: Option<CardInfo>,
    pub source: Option<Source>,
    pub customer: Option<String>,
    pub schedule: Option<String>,
    pub ip: Option<String>,
    pub created_ms: i64,
    /// Set at creation for immediate outcomes, or by the authorization page.
    pub outcome: Option<Outcome>,
    /// The outcome shows only from this instant on (the settle delay after the redirect).
    pub settles_at_ms: Option<i64>,
    /// Per-charge settle delay (`metadata[sandbox_settle_delay_ms]`).
    pub settle_delay_ms: Option<u64>,
    /// `capture=false`: authorize only; `POST /charges/{id}/capture` takes the money.
    pub capture: bool,
    pub captured_amount: Option<i64>,
    pub captured_ms: Option<i64>,
    pub reversed_ms: Option<i64>,
    pub expired_ms: Option<i64>,
    pub expires_at_ms: i64,
    /// Refunds not failed (pending or successful) add up to this.
    pub refunded_amount: i64,
    pub refund_ids: Vec<String>,
    pub transaction: Option<String>,
    /// `charge.complete` was recorded (once the outcome became visible).
    #[serde(default)]
    pub completed_event: bool,
    /// Creation order within one millisecond (ids.rs `next_seq`).
    #[serde(default)]
    pub seq: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Refund {
    pub id: String,
    pub charge_id: String,
    pub amount: i64,
    pub currency: String,
    pub metadata: Value,
    pub created_ms: i64,
    /// `pending` until `settles_at_ms`, then `successful` or `failed` (refunds.rs).
    pub status: String,
    pub settles_at_ms: i64,
    pub will_fail: bool,
    pub transaction: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Customer {
    pub id: String,
    pub email: Option<String>,
    pub description: Option<String>,
    pub metadata: Value,
    pub default_card: Option<String>,
    pub cards: Vec<CardInfo>,
    pub created_ms: i64,
}

/// `on` of a schedule: which days in a period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct On {
    pub weekdays: Vec<String>,
    pub days_of_month: Vec<u32>,
    pub weekday_of_month: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ScheduleCharge {
    pub customer: String,
    pub card: Option<String>,
    pub amount: i64,
    pub currency: String,
    pub description: Option<String>,
    pub metadata: Value,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Schedule {
    pub id: String,
    pub every: u32,
    /// `day`, `week` or `month`.
    pub period: String,
    pub on: On,
    /// Day numbers (clock.rs), inclusive.
    pub start_day: i64,
    pub end_day: i64,
    pub charge: ScheduleCharge,
    /// `active`, `expiring`, `expired`, `deleted` or `suspended` (schedules.rs).
    pub status: String,
    pub created_ms: i64,
    pub ended_ms: Option<i64>,
    /// The last day whose occurrences were created.
    pub done_through_day: i64,
    pub occurrence_ids: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Occurrence {
    pub id: String,
    pub schedule_id: String,
    pub schedule_day: i64,
    /// The day of the next attempt after a failure (schedule_rules.rs: up to three attempts).
    pub retry_day: Option<i64>,
    pub attempts: u32,
    pub processed_ms: Option<i64>,
    /// `scheduled`, `successful`, `failed` or `skipped`.
    pub status: String,
    pub message: Option<String>,
    /// The latest charge made for it.
    pub result: Option<String>,
    pub created_ms: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Delivery {
    pub uri: String,
    /// HTTP status of the last attempt, 0 when no answer came.
    pub status: u16,
    pub attempts: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub key: String,
    pub data: Value,
    pub created_ms: i64,
    pub deliveries: Vec<Delivery>,
    #[serde(default)]
    pub seq: u64,
}

/// One merchant account: its keys' objects. Objects of other accounts are invisible (404).
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Account {
    pub tokens: HashMap<String, Token>,
    pub sources: HashMap<String, Source>,
    pub charges: HashMap<String, Charge>,
    pub refunds: HashMap<String, Refund>,
    pub customers: HashMap<String, Customer>,
    pub schedules: HashMap<String, Schedule>,
    pub occurrences: HashMap<String, Occurrence>,
    pub events: HashMap<String, Event>,
    pub settle_delay_ms: Option<u64>,
}

/// What a demo order knows (demo.rs, demo_webhooks.rs).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Order {
    pub charge_id: String,
    /// The merchant account's secret key the order was charged with.
    pub secret_key: String,
    /// The last webhook event about its charge: `(key, charge status)`.
    #[serde(default)]
    pub webhook: Option<(String, String)>,
}
