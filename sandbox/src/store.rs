//! In-memory state: accounts (each with its own tokens, sources and charges), keys, faults,
//! request counts and demo orders. One mutex; every critical section is a few map operations.
//! Bounded: past `--max-objects` of a kind the oldest go (evict.rs).

use crate::auth::KeyKind;
use crate::cards::Behaviour;
use crate::evict::Bounds;
use crate::faults::Fault;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// What a token keeps of the card: the token object's fields and the test behaviour.
/// Never the full number, never the security code.
#[derive(Debug, Clone)]
pub struct CardInfo {
    pub id: String,
    pub brand: &'static str,
    pub last_digits: String,
    pub name: String,
    pub expiration_month: u32,
    pub expiration_year: u32,
    pub fingerprint: String,
    pub security_code_check: bool,
    pub city: Option<String>,
    pub postal_code: Option<String>,
    pub country: String,
    pub created_at: String,
    pub behaviour: Behaviour,
}

#[derive(Debug, Clone)]
pub struct Token {
    pub id: String,
    pub card: CardInfo,
    pub used: bool,
    pub charge_id: Option<String>,
    pub created_at: String,
}

#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    pub kind: String,
    pub flow: &'static str,
    pub amount: i64,
    pub currency: String,
    pub charge_id: Option<String>,
    pub created_at: String,
}

/// A charge's final state, or what it will settle to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Successful,
    Failed(String),
}

#[derive(Debug, Clone)]
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
    pub created_at: String,
    /// Set at creation for immediate outcomes, or by the authorization page.
    pub outcome: Option<Outcome>,
    /// The outcome shows only from this instant on (the settle delay after the redirect).
    pub settles_at: Option<Instant>,
    /// Per-charge settle delay (`metadata[sandbox_settle_delay_ms]`).
    pub settle_delay: Option<Duration>,
}

impl Charge {
    /// The outcome visible now: pending until decided and settled.
    pub fn visible_outcome(&self, now: Instant) -> Option<&Outcome> {
        match self.settles_at {
            Some(at) if now < at => None,
            _ => self.outcome.as_ref(),
        }
    }

    pub fn status(&self, now: Instant) -> &'static str {
        match self.visible_outcome(now) {
            None => "pending",
            Some(Outcome::Successful) => "successful",
            Some(Outcome::Failed(_)) => "failed",
        }
    }
}

#[derive(Debug, Default)]
pub struct Account {
    pub tokens: HashMap<String, Token>,
    pub sources: HashMap<String, Source>,
    pub charges: HashMap<String, Charge>,
    pub settle_delay_ms: Option<u64>,
}

#[derive(Debug, Clone)]
pub struct Order {
    pub charge_id: String,
    /// The merchant account's secret key the order was charged with.
    pub secret_key: String,
}

#[derive(Debug)]
pub struct Inner {
    pub keys: HashMap<String, (usize, KeyKind)>,
    /// By account id; 0 is the configured keys' account, never evicted.
    pub accounts: HashMap<usize, Account>,
    pub next_account: usize,
    pub faults: Vec<Fault>,
    pub requests: HashMap<String, u64>,
    pub settle_delay_ms: u64,
    pub default_settle_delay_ms: u64,
    pub orders: HashMap<String, Order>,
    /// Which objects go first when a kind is full.
    pub bounds: Bounds,
}

#[derive(Debug)]
pub struct Store {
    inner: Mutex<Inner>,
}

impl Store {
    pub fn new(public_key: &str, secret_key: &str, settle_delay_ms: u64, max_objects: usize) -> Store {
        let mut keys = HashMap::new();
        keys.insert(public_key.to_owned(), (0, KeyKind::Public));
        keys.insert(secret_key.to_owned(), (0, KeyKind::Secret));
        Store {
            inner: Mutex::new(Inner {
                keys,
                accounts: HashMap::from([(0, Account::default())]),
                next_account: 1,
                faults: Vec::new(),
                requests: HashMap::new(),
                settle_delay_ms,
                default_settle_delay_ms: settle_delay_ms,
                orders: HashMap::new(),
                bounds: Bounds::new(max_objects),
            }),
        }
    }

    /// The state, even if a panicking request poisoned the lock: the data stays consistent
    /// because no critical section can panic halfway through a change that matters.
    pub fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Inner {
    pub fn account_of(&self, key: &str) -> Option<(usize, KeyKind)> {
        self.keys.get(key).copied()
    }

    pub fn account(&mut self, id: usize) -> &mut Account {
        self.accounts.entry(id).or_default()
    }

    /// Settle delay for a new decision on a charge of `account`.
    pub fn settle_delay(&self, account: usize, charge: &Charge) -> Duration {
        charge.settle_delay.unwrap_or_else(|| {
            let ms =
                self.accounts.get(&account).and_then(|a| a.settle_delay_ms).unwrap_or(self.settle_delay_ms);
            Duration::from_millis(ms)
        })
    }

    /// Finds a charge in any account (the sandbox's own pages and test hooks need no key).
    pub fn find_charge(&mut self, id: &str) -> Option<(usize, &mut Charge)> {
        self.accounts.iter_mut().find_map(|(i, a)| a.charges.get_mut(id).map(|c| (*i, c)))
    }

    /// Clears objects, faults, counts and orders; keys and accounts stay valid.
    pub fn reset(&mut self) {
        for account in self.accounts.values_mut() {
            *account = Account::default();
        }
        self.bounds.clear_objects();
        self.faults.clear();
        self.requests.clear();
        self.orders.clear();
        self.settle_delay_ms = self.default_settle_delay_ms;
    }

    pub fn count_request(&mut self, path: &str) {
        // Bounded: hostile clients could send endless distinct paths.
        if self.requests.len() < 10_000 || self.requests.contains_key(path) {
            *self.requests.entry(path.to_owned()).or_default() += 1;
        }
    }

    /// Keyed counts are stored as `@<key><path>` beside the plain path counts.
    pub fn requests_under(&self, prefix: &str) -> u64 {
        self.requests.iter().filter(|(p, _)| p.starts_with(prefix)).map(|(_, n)| n).sum()
    }
}
