//! The store's bound. A test server that keeps every object grows without limit under load
//! (53 MB after 60,000 tokens), so each kind (tokens, sources, charges, refunds, customers,
//! schedules, occurrences, events, demo orders) keeps at most `--max-objects` (default 10,000)
//! across all accounts and the oldest go first: reading one then answers 404 `not_found`, as
//! for an id that never existed. Accounts from `/__sandbox/keys` are bounded the same way
//! (their keys stop working); the configured keys' account is never evicted. Queued faults
//! are bounded separately: a test queues a handful.

use crate::auth::KeyKind;
use crate::faults::Fault;
use crate::persist::remove_object;
use crate::store::{Charge, Inner, Kind, Order, Rec, Source, Token};
use std::collections::{HashMap, VecDeque};

pub const DEFAULT_MAX_OBJECTS: usize = 10_000;
const MAX_FAULTS: usize = 1_000;

/// Keys in insertion order, at most `cap`.
#[derive(Debug)]
pub struct Fifo<K> {
    keys: VecDeque<K>,
    cap: usize,
}

impl<K> Fifo<K> {
    fn new(cap: usize) -> Self {
        Fifo { keys: VecDeque::new(), cap: cap.max(1) }
    }

    /// Adds `key`; returns the oldest key when that made the queue too long.
    fn push(&mut self, key: K) -> Option<K> {
        self.keys.push_back(key);
        if self.keys.len() > self.cap {
            self.keys.pop_front()
        } else {
            None
        }
    }
}

/// Per kind, which objects were made first: `(account, id)`.
#[derive(Debug)]
pub struct Bounds {
    objects: HashMap<Kind, Fifo<(usize, String)>>,
    orders: Fifo<String>,
    accounts: Fifo<usize>,
    cap: usize,
}

impl Bounds {
    pub fn new(max_objects: usize) -> Self {
        Bounds {
            objects: HashMap::new(),
            orders: Fifo::new(max_objects),
            accounts: Fifo::new(max_objects),
            cap: max_objects,
        }
    }

    /// After a reset: the objects are gone, the accounts stay.
    pub fn clear_objects(&mut self) {
        self.objects.clear();
        self.orders.keys.clear();
    }
}

impl Inner {
    /// Counts a new object of `kind` (already in its account's map) against the bound and
    /// evicts the oldest of that kind past it; the new one is marked for `--db`.
    pub fn admit(&mut self, kind: Kind, account: usize, id: &str) {
        let cap = self.bounds.cap;
        let fifo = self.bounds.objects.entry(kind).or_insert_with(|| Fifo::new(cap));
        if let Some((a, old)) = fifo.push((account, id.to_owned())) {
            if let Some(acc) = self.accounts.get_mut(&a) {
                remove_object(acc, kind, &old);
            }
            self.touch(kind, a, &old);
        }
        self.touch(kind, account, id);
    }

    pub fn insert_token(&mut self, account: usize, token: Token) {
        let id = token.id.clone();
        // An account evicted while the request was running keeps nothing.
        if let Some(acc) = self.accounts.get_mut(&account) {
            acc.tokens.insert(id.clone(), token);
            self.admit(Kind::Token, account, &id);
        }
    }

    pub fn insert_source(&mut self, account: usize, source: Source) {
        let id = source.id.clone();
        if let Some(acc) = self.accounts.get_mut(&account) {
            acc.sources.insert(id.clone(), source);
            self.admit(Kind::Source, account, &id);
        }
    }

    pub fn insert_charge(&mut self, account: usize, charge: Charge) {
        let id = charge.id.clone();
        if let Some(acc) = self.accounts.get_mut(&account) {
            acc.charges.insert(id.clone(), charge);
            self.admit(Kind::Charge, account, &id);
        }
    }

    pub fn insert_order(&mut self, id: String, order: Order) {
        if let Some(old) = self.bounds.orders.push(id.clone()) {
            self.orders.remove(&old);
            self.touch_rec(Rec::Order(old));
        }
        self.orders.insert(id.clone(), order);
        self.touch_rec(Rec::Order(id));
    }

    /// A fresh account for `/__sandbox/keys` (or one read back from `--db`).
    pub fn new_account(&mut self, public_key: String, secret_key: String) -> usize {
        let id = self.next_account;
        self.next_account += 1;
        self.add_account(id, public_key, secret_key);
        self.touch_rec(Rec::Account(id));
        self.touch_rec(Rec::Meta);
        id
    }

    pub fn add_account(&mut self, id: usize, public_key: String, secret_key: String) {
        self.accounts.entry(id).or_default();
        self.keys.insert(public_key, (id, KeyKind::Public));
        self.keys.insert(secret_key, (id, KeyKind::Secret));
        if let Some(old) = self.bounds.accounts.push(id) {
            self.accounts.remove(&old);
            self.keys.retain(|_, (a, _)| *a != old);
            self.faults.retain(|f| f.key.as_ref().is_none_or(|k| self.keys.contains_key(k)));
            self.touch_rec(Rec::Account(old));
        }
    }

    pub fn queue_fault(&mut self, fault: Fault) {
        if self.faults.len() >= MAX_FAULTS {
            self.faults.remove(0);
        }
        self.faults.push(fault);
    }
}

#[cfg(test)]
mod tests {
    use super::Fifo;

    #[test]
    fn fifo_hands_back_the_oldest_past_its_cap() {
        let mut f = Fifo::new(2);
        assert_eq!((f.push(1), f.push(2)), (None, None));
        assert_eq!(f.push(3), Some(1));
        assert_eq!(f.push(4), Some(2));
    }
}
