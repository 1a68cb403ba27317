//! The store's bound. A test server that keeps every object grows without limit under load
//! (53 MB after 60,000 tokens), so each kind keeps at most `--max-objects` (default 10,000)
//! across all accounts and the oldest go first: reading one then answers 404 `not_found`, as
//! for an id that never existed. Accounts from `/__sandbox/keys` are bounded the same way
//! (their keys stop working); the configured keys' account is never evicted. Queued faults
//! are bounded separately: a test queues a handful.

use crate::auth::KeyKind;
use crate::faults::Fault;
use crate::store::{Charge, Inner, Order, Source, Token};
use std::collections::VecDeque;

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
    tokens: Fifo<(usize, String)>,
    sources: Fifo<(usize, String)>,
    charges: Fifo<(usize, String)>,
    orders: Fifo<String>,
    accounts: Fifo<usize>,
}

impl Bounds {
    pub fn new(max_objects: usize) -> Self {
        Bounds {
            tokens: Fifo::new(max_objects),
            sources: Fifo::new(max_objects),
            charges: Fifo::new(max_objects),
            orders: Fifo::new(max_objects),
            accounts: Fifo::new(max_objects),
        }
    }

    /// After a reset: the objects are gone, the accounts stay.
    pub fn clear_objects(&mut self) {
        for fifo in [&mut self.tokens, &mut self.sources, &mut self.charges] {
            fifo.keys.clear();
        }
        self.orders.keys.clear();
    }
}

impl Inner {
    pub fn insert_token(&mut self, account: usize, token: Token) {
        if let Some((a, id)) = self.bounds.tokens.push((account, token.id.clone())) {
            if let Some(acc) = self.accounts.get_mut(&a) {
                acc.tokens.remove(&id);
            }
        }
        // An account evicted while the request was running keeps nothing.
        if let Some(acc) = self.accounts.get_mut(&account) {
            acc.tokens.insert(token.id.clone(), token);
        }
    }

    pub fn insert_source(&mut self, account: usize, source: Source) {
        if let Some((a, id)) = self.bounds.sources.push((account, source.id.clone())) {
            if let Some(acc) = self.accounts.get_mut(&a) {
                acc.sources.remove(&id);
            }
        }
        if let Some(acc) = self.accounts.get_mut(&account) {
            acc.sources.insert(source.id.clone(), source);
        }
    }

    pub fn insert_charge(&mut self, account: usize, charge: Charge) {
        if let Some((a, id)) = self.bounds.charges.push((account, charge.id.clone())) {
            if let Some(acc) = self.accounts.get_mut(&a) {
                acc.charges.remove(&id);
            }
        }
        if let Some(acc) = self.accounts.get_mut(&account) {
            acc.charges.insert(charge.id.clone(), charge);
        }
    }

    pub fn insert_order(&mut self, id: String, order: Order) {
        if let Some(old) = self.bounds.orders.push(id.clone()) {
            self.orders.remove(&old);
        }
        self.orders.insert(id, order);
    }

    /// A fresh account for `/__sandbox/keys`.
    pub fn new_account(&mut self, public_key: String, secret_key: String) -> usize {
        let id = self.next_account;
        self.next_account += 1;
        self.accounts.insert(id, Default::default());
        self.keys.insert(public_key, (id, KeyKind::Public));
        self.keys.insert(secret_key, (id, KeyKind::Secret));
        if let Some(old) = self.bounds.accounts.push(id) {
            self.accounts.remove(&old);
            self.keys.retain(|_, (a, _)| *a != old);
            self.faults.retain(|f| f.key.as_ref().is_none_or(|k| self.keys.contains_key(k)));
        }
        id
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
