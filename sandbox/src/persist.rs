//! `--db PATH`: every object in an embedded database file, so a developer's customers and
//! schedules survive restarts. redb (pure Rust, one file, ACID, copy-on-write B-trees, fsync on
//! commit; no C library to build): each object is one JSON record, `KIND/ACCOUNT/ID`.
//!
//! One writer thread owns the database. Handlers change the in-memory store as before, `touch`
//! what they changed, and `commit` hands the records to the writer; the answer leaves only
//! once the writer's transaction is durable, so an acknowledged write survives `kill -9`.
//! Commits waiting at the same time share one transaction (group commit), which keeps
//! throughput up with many clients.

use crate::errors::ApiError;
use crate::store::{Account, Inner, Kind, Order, Rec};
use axum::http::StatusCode;
use redb::{Database, ReadableTable, TableDefinition};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::path::Path;
use std::sync::mpsc;
use tokio::sync::oneshot;

const OBJECTS: TableDefinition<&str, &[u8]> = TableDefinition::new("objects");
/// Commits folded into one transaction at most.
const GROUP: usize = 512;

struct Batch {
    writes: Vec<(String, Option<Vec<u8>>)>,
    ack: oneshot::Sender<bool>,
}

/// The writer's mailbox.
#[derive(Debug, Clone)]
pub struct Persist {
    tx: mpsc::Sender<Batch>,
}

impl std::fmt::Debug for Batch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Batch({})", self.writes.len())
    }
}

/// A pending write: the answer waits for it.
#[must_use]
pub struct Commit(Option<oneshot::Receiver<bool>>);

impl Commit {
    pub fn done() -> Commit {
        Commit(None)
    }

    pub async fn wait(self) -> Result<(), ApiError> {
        match self.0 {
            None => Ok(()),
            Some(rx) => match rx.await {
                Ok(true) => Ok(()),
                _ => Err(ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal_error",
                    "the sandbox could not write its database (--db)",
                )),
            },
        }
    }
}

/// Creation time, to rebuild the eviction order after a restart.
pub trait Stored {
    fn created(&self) -> i64;
}

macro_rules! stored {
    ($($t:ty),*) => { $(impl Stored for $t { fn created(&self) -> i64 { self.created_ms } })* };
}
stored!(
    crate::model::Token,
    crate::model::Source,
    crate::model::Charge,
    crate::model::Refund,
    crate::model::Customer,
    crate::model::Schedule,
    crate::model::Occurrence,
    crate::model::Event
);

/// Runs `$body` with `$m` bound to the account's map of `$kind` (`ref`: shared, `mut`: unique).
macro_rules! with_map {
    (@pick $kind:expr, $m:ident, $body:expr, $($field:tt)*) => {
        match $kind {
            Kind::Token => { let $m = $($field)* tokens; $body }
            Kind::Source => { let $m = $($field)* sources; $body }
            Kind::Charge => { let $m = $($field)* charges; $body }
            Kind::Refund => { let $m = $($field)* refunds; $body }
            Kind::Customer => { let $m = $($field)* customers; $body }
            Kind::Schedule => { let $m = $($field)* schedules; $body }
            Kind::Occurrence => { let $m = $($field)* occurrences; $body }
            Kind::Event => { let $m = $($field)* events; $body }
        }
    };
    (ref $kind:expr, $acc:ident, $m:ident => $body:expr) => { with_map!(@pick $kind, $m, $body, &$acc.) };
    (mut $kind:expr, $acc:ident, $m:ident => $body:expr) => { with_map!(@pick $kind, $m, $body, &mut $acc.) };
}

pub fn ids_of(acc: &Account, kind: Kind) -> Vec<String> {
    with_map!(ref kind, acc, m => m.keys().cloned().collect())
}

pub fn remove_object(acc: &mut Account, kind: Kind, id: &str) {
    with_map!(mut kind, acc, m => { m.remove(id); })
}

fn object_bytes(acc: &Account, kind: Kind, id: &str) -> Option<Vec<u8>> {
    with_map!(ref kind, acc, m => m.get(id).and_then(|o| serde_json::to_vec(o).ok()))
}

fn load_object(acc: &mut Account, kind: Kind, id: &str, bytes: &[u8]) -> bool {
    with_map!(mut kind, acc, m => serde_json::from_slice(bytes).map(|o| { m.insert(id.to_owned(), o); }).is_ok())
}

fn created_list(acc: &Account, kind: Kind) -> Vec<(i64, String)> {
    with_map!(ref kind, acc, m => m.iter().map(|(id, o)| (o.created(), id.clone())).collect())
}

#[derive(Serialize, Deserialize)]
struct AccountRec {
    public_key: String,
    secret_key: String,
    settle_delay_ms: Option<u64>,
}

#[derive(Serialize, Deserialize, Default)]
struct Meta {
    clock_offset_ms: i64,
    next_account: usize,
    settle_delay_ms: Option<u64>,
}

fn io(e: impl std::fmt::Display) -> std::io::Error {
    std::io::Error::other(e.to_string())
}

impl Persist {
    /// The records for what changed, handed to the writer.
    pub fn write(&self, inner: &Inner, dirty: Vec<Rec>) -> Commit {
        let writes = dirty.into_iter().map(|rec| record(inner, rec)).collect();
        let (ack, rx) = oneshot::channel();
        match self.tx.send(Batch { writes, ack }) {
            Ok(()) => Commit(Some(rx)),
            Err(_) => Commit(Some(oneshot::channel().1)),
        }
    }
}

fn record(inner: &Inner, rec: Rec) -> (String, Option<Vec<u8>>) {
    match rec {
        Rec::Object(kind, a, id) => {
            let bytes = inner.accounts.get(&a).and_then(|acc| object_bytes(acc, kind, &id));
            (format!("{}/{a}/{id}", kind.prefix()), bytes)
        }
        Rec::Account(a) => {
            let keys =
                |want| inner.keys.iter().find(|(_, (x, k))| *x == a && *k == want).map(|(k, _)| k.clone());
            let value = match (a, keys(crate::auth::KeyKind::Public), inner.secret_key_of(a)) {
                (1.., Some(public_key), Some(secret_key)) => {
                    let settle_delay_ms = inner.accounts.get(&a).and_then(|x| x.settle_delay_ms);
                    serde_json::to_vec(&AccountRec { public_key, secret_key, settle_delay_ms }).ok()
                }
                _ => None,
            };
            (format!("acct/{a}"), value)
        }
        Rec::Order(id) => {
            (format!("ord/{id}"), inner.orders.get(&id).and_then(|o| serde_json::to_vec(o).ok()))
        }
        Rec::Meta => {
            let meta = json!({"clock_offset_ms": inner.clock_offset_ms, "next_account": inner.next_account,
                              "settle_delay_ms": inner.settle_delay_ms});
            ("meta".into(), serde_json::to_vec(&meta).ok())
        }
    }
}

fn write_all(db: &Database, batches: &[Batch]) -> Result<(), Box<redb::Error>> {
    let txn = db.begin_write().map_err(|e| Box::new(e.into()))?;
    {
        let mut table = txn.open_table(OBJECTS).map_err(|e| Box::new(e.into()))?;
        for (key, value) in batches.iter().flat_map(|b| b.writes.iter()) {
            match value {
                Some(v) => {
                    table.insert(key.as_str(), v.as_slice()).map_err(|e| Box::new(e.into()))?;
                }
                None => {
                    table.remove(key.as_str()).map_err(|e| Box::new(e.into()))?;
                }
            }
        }
    }
    txn.commit().map_err(|e| Box::new(e.into()))?;
    Ok(())
}

/// Opens (or creates) the file, reads every record into `inner`, and starts the writer.
pub fn open(path: &Path, inner: &mut Inner) -> std::io::Result<()> {
    let db = Database::create(path).map_err(io)?;
    let read = db.begin_read().map_err(io)?;
    match read.open_table(OBJECTS) {
        Ok(table) => {
            for item in table.iter().map_err(io)? {
                let (k, v) = item.map_err(io)?;
                load(inner, k.value(), v.value());
            }
        }
        Err(redb::TableError::TableDoesNotExist(_)) => {}
        Err(e) => return Err(io(e)),
    }
    drop(read);
    rebuild_bounds(inner);
    let (tx, rx) = mpsc::channel::<Batch>();
    std::thread::Builder::new().name("omise-sandbox-db".into()).spawn(move || {
        while let Ok(first) = rx.recv() {
            let mut batches = vec![first];
            while batches.len() < GROUP {
                match rx.try_recv() {
                    Ok(b) => batches.push(b),
                    Err(_) => break,
                }
            }
            let ok = write_all(&db, &batches)
                .map_err(|e| eprintln!("omise-sandbox: --db write failed: {e}"))
                .is_ok();
            for b in batches {
                let _ = b.ack.send(ok);
            }
        }
    })?;
    inner.persist = Some(Persist { tx });
    Ok(())
}

fn load(inner: &mut Inner, key: &str, value: &[u8]) {
    let mut parts = key.splitn(3, '/');
    match (parts.next(), parts.next(), parts.next()) {
        (Some("meta"), None, None) => {
            let meta: Meta = serde_json::from_slice(value).unwrap_or_default();
            inner.clock_offset_ms = meta.clock_offset_ms;
            inner.next_account = inner.next_account.max(meta.next_account);
            if let Some(ms) = meta.settle_delay_ms {
                inner.settle_delay_ms = ms;
            }
        }
        (Some("acct"), Some(a), None) => {
            if let (Ok(a), Ok(rec)) = (a.parse::<usize>(), serde_json::from_slice::<AccountRec>(value)) {
                inner.add_account(a, rec.public_key, rec.secret_key);
                inner.account(a).settle_delay_ms = rec.settle_delay_ms;
                inner.next_account = inner.next_account.max(a + 1);
            }
        }
        (Some("ord"), Some(id), None) => {
            if let Ok(order) = serde_json::from_slice::<Order>(value) {
                inner.orders.insert(id.to_owned(), order);
            }
        }
        (Some(prefix), Some(a), Some(id)) => {
            let (Some(kind), Ok(a)) = (Kind::from_prefix(prefix), a.parse::<usize>()) else { return };
            // Keys sort "acct/…" first, so accounts are known; objects of an account evicted
            // before the restart are dropped with it (rebuild_bounds).
            let acc = inner.accounts.entry(a).or_default();
            if !load_object(acc, kind, id, value) {
                eprintln!("omise-sandbox: --db: skipped an unreadable record {key}");
            }
        }
        _ => {}
    }
}

/// Eviction order after a restart: each kind's objects by creation time.
fn rebuild_bounds(inner: &mut Inner) {
    // Accounts whose keys are gone (evicted before the restart) are dropped.
    let live: Vec<usize> = inner.keys.values().map(|(a, _)| *a).collect();
    inner.accounts.retain(|a, _| *a == 0 || live.contains(a));
    for kind in Kind::ALL {
        let mut all: Vec<(i64, usize, String)> = inner
            .accounts
            .iter()
            .flat_map(|(a, acc)| created_list(acc, kind).into_iter().map(move |(t, id)| (t, *a, id)))
            .collect();
        all.sort();
        for (_, a, id) in all {
            inner.admit(kind, a, &id);
        }
    }
    let orders: Vec<String> = inner.orders.keys().cloned().collect();
    for id in orders {
        if let Some(order) = inner.orders.remove(&id) {
            inner.insert_order(id, order);
        }
    }
    inner.dirty.clear();
}
