//! Pure rules of omise-checkout: card input, Omise API objects, customer messages and
//! the payment-status polling machine. No web dependency: everything here runs under
//! plain `cargo test`, and time is always passed in.
//!
//! `no_std` (with `alloc`): no `std` formatting or panic machinery reaches the widget's wasm.
//! Its own unit tests keep `std`.

#![cfg_attr(not(test), no_std)]

extern crate alloc;

// Card input (issue 2).
pub mod brand;
pub mod endpoint;
pub mod expiry;
pub mod field;
pub mod form;
pub mod format;
pub mod name;
pub mod normalize;
pub mod number;
pub mod request;
pub mod secret;
pub mod security_code;
pub mod validity;

// API objects, errors, messages and polling (issues 4 and 5).
pub mod api;
pub mod error;
pub mod invalid_card;
pub mod locale;
pub mod messages;
pub mod poll;
pub mod rpc;
pub mod status;

// Payment methods other than cards, and what happens after the charge (issue 6).
pub mod charge_view;
pub mod methods;

pub use brand::Brand;
pub use field::{Field, FieldError};
pub use validity::Validity;

/// `s.chars().count()` in a few bytes of wasm: counts the bytes that start a character (not
/// `10xxxxxx`). Core's own `count` is a 1 KB unrolled loop, built for long texts; these are
/// names and short fields.
pub fn char_count(s: &str) -> usize {
    s.bytes().filter(|&b| (b as i8) >= -0x40).count()
}

/// `n.fract() == 0.0` without `std` (`f64::fract` needs libm): false for NaN and the infinities,
/// true for every finite float from 2^52 up (they are all whole).
pub fn is_whole(n: f64) -> bool {
    const EXACT: f64 = 4_503_599_627_370_496.0; // 2^52
    if n.is_nan() || n.is_infinite() {
        false
    } else if n >= EXACT || n <= -EXACT {
        true
    } else {
        n == (n as i64) as f64
    }
}

#[cfg(test)]
mod char_count_tests {
    #[test]
    fn counts_characters_as_chars_does() {
        for s in ["", "SOMCHAI JAIDEE", "山田 太郎", "สมชาย ใจดี", "Zoë 👩‍💻", "a\u{0301}", "\u{10FFFF}x"]
        {
            assert_eq!(super::char_count(s), s.chars().count(), "{s:?}");
        }
    }
}
