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

/// `s.split_once(c)` for an ASCII `c` matched by `at`, by bytes: `str`'s char and char-set
/// searchers (with core's `memchr`) cost the widget's modules about 1 KB of wasm each. An ASCII
/// byte is never inside a multi-byte character, so both halves are whole `str`s.
pub fn split_at_byte(s: &str, at: impl Fn(u8) -> bool) -> Option<(&str, &str)> {
    let i = s.bytes().position(at)?;
    Some((s.get(..i)?, s.get(i + 1..)?))
}

/// `s` up to the first byte matched by `at` (all of `s` without one); see [`split_at_byte`].
pub fn before_byte(s: &str, at: impl Fn(u8) -> bool) -> &str {
    split_at_byte(s, at).map_or(s, |(before, _)| before)
}

/// Whether `s` has a byte matched by `at` (`s.contains(c)` for ASCII `c`, without a searcher).
pub fn has_byte(s: &str, at: impl Fn(u8) -> bool) -> bool {
    s.bytes().any(at)
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

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // the char searches are what these are held to
mod byte_search_tests {
    use super::{before_byte, has_byte, split_at_byte};

    #[test]
    fn answers_as_the_char_searches_do() {
        let cases = ["", "a:b", ":", "a:", ":b", "a:b:c", "東京:タイ", "ก:ข", "[::1]:8080", "no colon", "é:"];
        for s in cases {
            assert_eq!(split_at_byte(s, |b| b == b':'), s.split_once(':'), "{s:?}");
            assert_eq!(before_byte(s, |b| b == b':'), s.split(':').next().unwrap_or(""), "{s:?}");
            assert_eq!(has_byte(s, |b| b == b':'), s.contains(':'), "{s:?}");
        }
        let stop = |b: u8| matches!(b, b'/' | b'?' | b'#');
        for s in ["host/path", "host?q", "host#f", "host", "ホスト/x", "a?b/c"] {
            assert_eq!(before_byte(s, stop), s.split(['/', '?', '#']).next().unwrap_or(""), "{s:?}");
        }
    }
}
