//! Formatting as you type: grouping per brand and the caret kept on the same digit while
//! typing, deleting across spaces and pasting in the middle. `|` marks the caret.

#![allow(clippy::disallowed_macros, clippy::disallowed_methods)] // clippy.toml's rules are for the wasm, not tests

use omise_checkout_core::format::{card_number, delete_across_separator};

/// Splits "42|42" into ("4242", 2).
fn at(s: &str) -> (String, usize) {
    let caret = s.find('|').expect("row has a caret");
    (s.replace('|', ""), s[..caret].encode_utf16().count())
}

/// (label, raw input value with caret as the browser leaves it after the edit, expected value with caret)
const TYPING: &[(&str, &str, &str)] = &[
    ("first digit", "4|", "4|"),
    ("fourth digit", "4242|", "4242|"),
    ("fifth digit starts a group", "42424|", "4242 4|"),
    ("whole visa", "4242424242424242|", "4242 4242 4242 4242|"),
    ("visa 19 groups 4-4-4-4-3", "4242424242424242424|", "4242 4242 4242 4242 424|"),
    ("digits past 19 are cut", "42424242424242424242|", "4242 4242 4242 4242 424|"),
    ("amex 4-6-5", "378282246310005|", "3782 822463 10005|"),
    ("amex stops at 15", "3782822463100051|", "3782 822463 10005|"),
    ("diners 14 is 4-6-4", "36021042000004|", "3602 104200 0004|"),
    ("diners 16 regroups 4-4-4-4", "3602104200000411|", "3602 1042 0000 0411|"),
    ("discover 19", "6447032400000000001|", "6447 0324 0000 0000 001|"),
    ("unionpay", "6250947000000006|", "6250 9470 0000 0006|"),
    ("jcb", "3530111333300000|", "3530 1113 3330 0000|"),
    ("mastercard 2-series", "2221000000000009|", "2221 0000 0000 0009|"),
    ("typing a digit in the middle", "4242 42|4 4242", "4242 42|44 242"),
    ("typing before a space", "4242 4242 9| 4242", "4242 4242 9|424 2"),
    ("typing at the start", "5|4242 4242", "5|424 2424 2"),
    ("letters are dropped", "4242a|", "4242|"),
    ("full-width typing", "４２４２４|", "4242 4|"),
    ("empty", "|", "|"),
];

/// (label, value after a Backspace/Delete the browser performed itself, expected)
const DELETING: &[(&str, &str, &str)] = &[
    ("backspace last digit", "4242 4|", "4242 4|"),
    ("backspace leaves a trailing space", "4242 |", "4242|"),
    ("backspace in the middle", "4242 |242 4242", "4242| 2424 242"),
    ("delete at start", "|242 4242", "|2424 242"),
    ("select all and delete", "|", "|"),
];

/// (label, value after pasting, expected) — the caret lands after the last pasted digit.
const PASTING: &[(&str, &str, &str)] = &[
    ("paste whole number with spaces", "4242 4242 4242 4242|", "4242 4242 4242 4242|"),
    ("paste with dashes", "4242-4242-4242-4242|", "4242 4242 4242 4242|"),
    ("paste full-width", "４２４２\u{3000}４２４２\u{3000}４２４２\u{3000}４２４２|", "4242 4242 4242 4242|"),
    ("paste in the middle", "4242 1111|4242 4242", "4242 1111| 4242 4242"),
    ("paste in the middle of a group", "42 99 99|42 4242", "4299 99|42 4242"),
    ("paste with nbsp", "3782\u{a0}822463\u{a0}10005|", "3782 822463 10005|"),
    ("paste over the limit keeps caret in range", "4242424242424242 9999|", "4242 4242 4242 4242 999|"),
];

fn run(table: &[(&str, &str, &str)]) {
    for (label, input, expected) in table {
        let (value, caret) = at(input);
        let out = card_number(&value, caret);
        let (want_value, want_caret) = at(expected);
        assert_eq!((out.value.as_str(), out.caret), (want_value.as_str(), want_caret), "{label}: {input:?}");
    }
}

#[test]
fn typing_keeps_the_caret() {
    run(TYPING);
}

#[test]
fn deleting_keeps_the_caret() {
    run(DELETING);
}

#[test]
fn pasting_keeps_the_caret() {
    run(PASTING);
}

/// (label, formatted value before the key with caret, forward?, expected or None for "browser default")
const ACROSS_SPACE: &[(&str, &str, bool, Option<&str>)] = &[
    ("backspace right after a space removes the digit before it", "4242 |4242", false, Some("424|4 242")),
    ("delete right before a space removes the digit after it", "4242| 4242", true, Some("4242| 242")),
    ("backspace after a digit is the browser's", "4242 4|242", false, None),
    ("delete before a digit is the browser's", "4242 |4242", true, None),
    ("backspace at start", "|4242", false, None),
    ("amex gap", "3782 822463 |10005", false, Some("3782 82246|1 0005")),
];

#[test]
fn deleting_across_a_space_removes_a_digit() {
    for (label, before, forward, expected) in ACROSS_SPACE {
        let (value, caret) = at(before);
        let out = delete_across_separator(&value, caret, *forward);
        let got = out.map(|f| {
            let mut s = f.value.clone();
            s.insert(f.caret, '|');
            s
        });
        assert_eq!(got.as_deref(), *expected, "{label}");
    }
}

/// `is_whole` is `f64::fract() == 0.0` (which `no_std` lacks).
#[test]
fn is_whole_is_fract_is_zero() {
    let cases = [
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.5,
        -0.5,
        1e13,
        1e13 + 0.5,
        4_503_599_627_370_495.5,
        4_503_599_627_370_496.0,
        -4_503_599_627_370_497.0,
        9_007_199_254_740_993.0,
        1e300,
        -1e300,
        f64::MIN_POSITIVE,
        f64::MAX,
        f64::MIN,
        f64::EPSILON,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        123_456.789,
        9.2e18,
        9.3e18,
    ];
    for n in cases {
        assert_eq!(omise_checkout_core::is_whole(n), n.fract() == 0.0, "{n}");
    }
}

/// `push_uint` writes what `to_string` would (it is the wasm's `to_string` for numbers).
#[test]
fn push_uint_is_to_string() {
    let mut cases = vec![0, 1, 9, 10, 11, 99, 100, 101, 4_242, u64::from(u32::MAX), u64::MAX / 10, u64::MAX];
    cases.extend((0..20).map(|p| 10u64.pow(p)));
    cases.extend((1..20).map(|p| 10u64.pow(p) - 1));
    for n in cases {
        let mut out = String::from("x");
        omise_checkout_core::request::push_uint(&mut out, n);
        assert_eq!(out, format!("x{n}"));
    }
}

/// `request::join`/`concat` are the standard `join`/`concat` (kept out of the wasm).
#[test]
fn join_and_concat_are_the_standard_ones() {
    let cases: [&[&str]; 5] = [&[], &[""], &["a"], &["a", "", "bc"], &["omise-", "1", "-number", "é"]];
    for parts in cases {
        for sep in ["", " ", ", "] {
            assert_eq!(omise_checkout_core::request::join(parts, sep), parts.join(sep));
        }
        assert_eq!(omise_checkout_core::request::concat(parts), parts.concat());
        let owned: Vec<String> = parts.iter().map(|p| String::from(*p)).collect();
        assert_eq!(omise_checkout_core::request::join(&owned, " "), owned.join(" "));
    }
}
