//! Object ids: `tokn_test_` plus 19 random lowercase base-36 characters, like test-mode Omise.

const ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";

pub fn random_id(prefix: &str) -> String {
    let mut id = String::with_capacity(prefix.len() + 19);
    id.push_str(prefix);
    for _ in 0..19 {
        id.push(ALPHABET[fastrand::usize(..ALPHABET.len())] as char);
    }
    id
}

/// A process-wide counter: orders objects made in the same millisecond (lists sort by
/// creation time, then by this).
pub fn next_seq() -> u64 {
    static SEQ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// A tie-break key for lists: the sequence number, zero-padded so text order is number order.
pub fn seq_key(seq: u64) -> String {
    format!("{seq:020}")
}

/// Random key material for `/__sandbox/keys` accounts.
pub fn random_key(prefix: &str) -> String {
    random_id(prefix)
}
