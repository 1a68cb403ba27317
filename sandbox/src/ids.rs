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

/// Random key material for `/__sandbox/keys` accounts.
pub fn random_key(prefix: &str) -> String {
    random_id(prefix)
}
