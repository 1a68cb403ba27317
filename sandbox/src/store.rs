//! The one store: accounts (each with its own objects, model.rs), keys, faults, request counts
//! and demo orders, behind one mutex; every critical section is a few map operations.
//! Bounded: past `--max-objects` of a kind the oldest go (evict.rs). With `--db` every change
//! is also written to disk before the answer leaves (persist.rs): handlers `touch` what they
//! changed and `commit`.

use crate::auth::KeyKind;
use crate::evict::Bounds;
use crate::faults::Fault;
use crate::persist::{Commit, Persist};
use crate::webhooks::Outbox;
use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

pub use crate::model::*;

/// The kinds of object an account holds (and the `--db` record prefix of each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Token,
    Source,
    Charge,
    Refund,
    Customer,
    Schedule,
    Occurrence,
    Event,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Token,
        Kind::Source,
        Kind::Charge,
        Kind::Refund,
        Kind::Customer,
        Kind::Schedule,
        Kind::Occurrence,
        Kind::Event,
    ];

    pub fn prefix(self) -> &'static str {
        match self {
            Kind::Token => "tokn",
            Kind::Source => "src",
            Kind::Charge => "chrg",
            Kind::Refund => "rfnd",
            Kind::Customer => "cust",
            Kind::Schedule => "schd",
            Kind::Occurrence => "occu",
            Kind::Event => "evnt",
        }
    }

    pub fn from_prefix(p: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.prefix() == p)
    }
}

/// Something changed that `--db` must write (or delete, when it is gone).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rec {
    Object(Kind, usize, String),
    Account(usize),
    Order(String),
    Meta,
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
    /// `POST /__sandbox/config {"tokenAuthorization":bool}`: overrides `--token-authorization`
    /// until the next reset.
    pub token_authorization: Option<bool>,
    pub orders: HashMap<String, Order>,
    /// Which objects go first when a kind is full.
    pub bounds: Bounds,
    /// The sandbox clock's offset, mirrored here so `--db` keeps it (clock.rs).
    pub clock_offset_ms: i64,
    /// `--db`: the writer, and what changed since the last commit.
    pub persist: Option<Persist>,
    pub dirty: Vec<Rec>,
    /// Webhooks: where recorded events leave (webhooks.rs); `None` without `--webhook`.
    pub outbox: Option<Outbox>,
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
                token_authorization: None,
                orders: HashMap::new(),
                bounds: Bounds::new(max_objects),
                clock_offset_ms: 0,
                persist: None,
                dirty: Vec::new(),
                outbox: None,
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

    /// The secret key of an account (the demo backend charges with it).
    pub fn secret_key_of(&self, account: usize) -> Option<String> {
        self.keys
            .iter()
            .find(|(_, (a, k))| *a == account && *k == KeyKind::Secret)
            .map(|(key, _)| key.clone())
    }

    /// Settle delay (ms) for a new decision on a charge of `account`.
    pub fn settle_delay_ms(&self, account: usize, charge: &Charge) -> u64 {
        charge.settle_delay_ms.unwrap_or_else(|| {
            self.accounts.get(&account).and_then(|a| a.settle_delay_ms).unwrap_or(self.settle_delay_ms)
        })
    }

    /// Finds a charge in any account (the sandbox's own pages and test hooks need no key).
    pub fn find_charge(&mut self, id: &str) -> Option<(usize, &mut Charge)> {
        self.accounts.iter_mut().find_map(|(i, a)| a.charges.get_mut(id).map(|c| (*i, c)))
    }

    /// Records that an object changed (written by the next `commit` when `--db` is on).
    pub fn touch(&mut self, kind: Kind, account: usize, id: &str) {
        if self.persist.is_some() {
            let rec = Rec::Object(kind, account, id.to_owned());
            if self.dirty.last() != Some(&rec) {
                self.dirty.push(rec);
            }
        }
    }

    pub fn touch_rec(&mut self, rec: Rec) {
        if self.persist.is_some() {
            self.dirty.push(rec);
        }
    }

    /// Hands what changed to the `--db` writer; the answer waits for the returned commit.
    pub fn commit(&mut self) -> Commit {
        match self.persist.clone() {
            Some(p) if !self.dirty.is_empty() => {
                let dirty = std::mem::take(&mut self.dirty);
                p.write(self, dirty)
            }
            _ => Commit::done(),
        }
    }

    /// Clears objects, faults, counts and orders; keys and accounts stay valid.
    pub fn reset(&mut self) {
        let mut gone = Vec::new();
        for (id, account) in self.accounts.iter_mut() {
            for kind in Kind::ALL {
                gone.extend(
                    crate::persist::ids_of(account, kind).into_iter().map(|o| Rec::Object(kind, *id, o)),
                );
            }
            *account = Account::default();
        }
        gone.extend(self.orders.keys().map(|o| Rec::Order(o.clone())));
        gone.extend(self.accounts.keys().map(|a| Rec::Account(*a)));
        for rec in gone {
            self.touch_rec(rec);
        }
        self.bounds.clear_objects();
        self.faults.clear();
        self.requests.clear();
        self.orders.clear();
        self.settle_delay_ms = self.default_settle_delay_ms;
        self.token_authorization = None;
        self.clock_offset_ms = 0;
        self.touch_rec(Rec::Meta);
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
