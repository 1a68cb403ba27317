//! Properties: nothing panics on any input, and formatting keeps the digits and the caret on
//! the same digit.

#![allow(clippy::disallowed_macros, clippy::disallowed_methods)] // clippy.toml's rules are for the wasm, not tests

use omise_checkout_core::expiry::YearMonth;
use omise_checkout_core::format::{card_number, delete_across_separator, digits_before};
use omise_checkout_core::normalize::digits_lossy;
use omise_checkout_core::{expiry, name, number, security_code, Brand};
use proptest::prelude::*;

const TODAY: YearMonth = YearMonth { year: 2026, month: 11 };

/// Strings made of what card inputs see: digits in three scripts, separators, junk.
fn cardish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            6 => prop::char::range('0', '9'),
            1 => prop::char::range('\u{FF10}', '\u{FF19}'),
            1 => prop::char::range('\u{0E50}', '\u{0E59}'),
            1 => prop::sample::select(vec![' ', '-', '.', '/', '\u{3000}', '\u{a0}']),
            1 => any::<char>(),
        ],
        0..40,
    )
    .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #[test]
    fn never_panics(input in any::<String>(), caret in 0usize..100) {
        let _ = number::check(&input);
        let _ = card_number(&input, caret);
        let _ = delete_across_separator(&input, caret, caret % 2 == 0);
        let _ = expiry::check(&input, TODAY);
        let _ = expiry::format(&input, caret);
        let _ = security_code::check(&input, Brand::ALL.get(caret % 9).copied());
        let _ = name::check(&input);
    }

    #[test]
    fn never_panics_on_cardish(input in cardish(), caret in 0usize..60) {
        let _ = number::check(&input);
        let _ = expiry::check(&input, TODAY);
        let f = card_number(&input, caret);
        let _ = delete_across_separator(&f.value, f.caret, true);
        let _ = delete_across_separator(&f.value, f.caret, false);
    }

    #[test]
    fn formatting_keeps_digits_and_caret(input in cardish(), caret in 0usize..60) {
        let out = card_number(&input, caret);
        let typed = digits_lossy(&input);
        let kept = digits_lossy(&out.value);
        // The digits survive in order (cut only at the brand's longest length).
        prop_assert!(typed.starts_with(&kept), "{:?} -> {:?}", input, out.value);
        prop_assert!(out.caret <= out.value.len());
        // The caret stands after the same digit it stood after.
        let before = digits_before(&input, caret).min(kept.len());
        prop_assert_eq!(digits_before(&out.value, out.caret), before);
        // Formatting is idempotent.
        let again = card_number(&out.value, out.caret);
        prop_assert_eq!(&again.value, &out.value);
        prop_assert_eq!(again.caret, out.caret);
    }

    #[test]
    fn formatted_valid_numbers_stay_valid(input in cardish()) {
        let out = card_number(&input, 0);
        if number::check(&input).state == omise_checkout_core::Validity::Valid {
            prop_assert_eq!(number::check(&out.value).state, omise_checkout_core::Validity::Valid);
        }
    }

    #[test]
    fn expiry_format_keeps_digits(input in "[0-9/ ]{0,8}", caret in 0usize..10) {
        let out = expiry::format(&input, caret);
        prop_assert!(out.caret <= out.value.len());
    }
}

proptest! {
    /// `today` is whatever the page passes (`validateExpiry(input, { year, month })`).
    #[test]
    fn expiry_never_panics_for_any_today(
        input in "[0-9/ ]{0,8}",
        year in prop_oneof![any::<u32>(), u32::MAX - 40..=u32::MAX, 1990u32..2100],
        month in prop_oneof![1u32..=12, any::<u32>()],
    ) {
        let today = YearMonth { year, month };
        let c = expiry::check(&input, today);
        // A valid expiry is one the date rules accept, whatever `today` is.
        if c.state == omise_checkout_core::Validity::Valid {
            let (m, y) = (c.month.unwrap_or_default(), c.year.unwrap_or_default());
            prop_assert_eq!(expiry::check_date(m, y, today), Ok(()));
            prop_assert!(y >= year && y <= year.saturating_add(expiry::MAX_YEARS_AHEAD));
        }
    }
}

/// Names as typed: words, runs of spaces (the ideographic one too), tabs, separators.
fn nameish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            6 => prop::char::range('a', 'z'),
            2 => prop::sample::select(vec![' ', ' ', '\u{3000}', '\t', '\n', '\u{a0}']),
            1 => prop::sample::select(vec!['-', '.', '/', '\'', 'ア', 'ก']),
            1 => any::<char>(),
        ],
        0..30,
    )
    .prop_map(|v| v.into_iter().collect())
}

proptest! {
    /// The name's words joined by one space, as `split_whitespace` + `join(" ")` did before
    /// the wasm lost the standard `join` (the one-pass `collapse_whitespace`).
    #[test]
    fn name_value_is_its_words_joined_by_one_space(input in nameish()) {
        let trimmed = input.trim_matches(|c: char| {
            c.is_whitespace() || omise_checkout_core::normalize::is_separator(c) && c != '-' && c != '.'
        });
        let expected = trimmed.split_whitespace().collect::<Vec<_>>().join(" ");
        prop_assert_eq!(name::check(&input).value, expected);
    }

    /// Month and year read from their digits as `str::parse` did (the one-pass `ascii_number`).
    #[test]
    fn expiry_reads_month_and_year_as_parse_did(month in 0u32..100, year in 0u32..10000, sep in "[ /.-]{0,3}") {
        let typed = format!("{month:02}{sep}{year:02}");
        let c = expiry::check(&typed, TODAY);
        if let Some(m) = c.month {
            prop_assert_eq!(m, month);
        }
        if let (Some(y), true) = (c.year, year < 100) {
            prop_assert_eq!(y, 2000 + year);
        }
    }
}
