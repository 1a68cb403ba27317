//! Card data does not outlive its use in memory: an allocator (in this test binary only) looks at
//! every block as it is freed, and counts the blocks that still hold the card number (ASCII,
//! grouped or not, or as digit values) or the security code. A freed block is not overwritten
//! until reused: in the widget that left the number readable in the wasm memory buffer.

#![allow(clippy::disallowed_macros, clippy::disallowed_methods)] // clippy.toml's rules are for the wasm, not tests

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use omise_checkout_core::expiry::YearMonth;
use omise_checkout_core::field::Field;
use omise_checkout_core::form::{FormModel, InputKind};
use omise_checkout_core::format;
use omise_checkout_core::request::{validate, Billing, CardInput};
use omise_checkout_core::secret::SecretString;

/// The test card is 5555 5555 5555 4444 with security code 739: any five `5`s in a row, in
/// ASCII or as digit values, are a (partial) copy of the number.
const NEEDLES: &[&[u8]] = &[b"55555", b"5555 5", &[5, 5, 5, 5, 5], b"739"];

thread_local! {
    /// Only the test's own thread is watched (the harness allocates on others).
    static WATCHING: Cell<bool> = const { Cell::new(false) };
    /// `(needle index, block size)` of the first leak, and how many blocks leaked.
    static LEAKS: Cell<(usize, Option<(usize, usize)>)> = const { Cell::new((0, None)) };
}

struct Inspecting;

// SAFETY: defers to `System`; blocks are zeroed on allocation so every byte inspected on free
// is initialized.
unsafe impl GlobalAlloc for Inspecting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        System.alloc_zeroed(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if WATCHING.try_with(Cell::get).unwrap_or(false) {
            let block = std::slice::from_raw_parts(ptr, layout.size());
            if let Some(i) = NEEDLES.iter().position(|n| block.windows(n.len()).any(|w| w == *n)) {
                let _ = LEAKS.try_with(|l| {
                    let (count, first) = l.get();
                    l.set((count + 1, first.or(Some((i, layout.size())))));
                });
            }
        }
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static ALLOCATOR: Inspecting = Inspecting;

/// Runs `f` with every free on this thread inspected; returns the leaks it found.
fn watch(f: impl FnOnce()) -> (usize, Option<(usize, usize)>) {
    LEAKS.with(|l| l.set((0, None)));
    WATCHING.with(|w| w.set(true));
    f();
    WATCHING.with(|w| w.set(false));
    LEAKS.with(Cell::get)
}

const TODAY: YearMonth = YearMonth { year: 2026, month: 11 };

/// Types `text` into `field` one character at a time, as the adapter reports it: the field's
/// value with the character appended, caret at the end.
fn type_into(form: &mut FormModel, field: Field, text: &str) {
    for c in text.chars() {
        let mut next = SecretString::with_capacity(32);
        next.push_str(form.get(field).map_or("", |f| f.value.as_str()));
        next.push(c);
        let effects = form.input(field, &next, next.len(), InputKind::Insert);
        drop(effects);
    }
}

#[test]
fn card_data_is_wiped_before_its_memory_is_freed() {
    let rows: &[(&str, fn())] = &[
        ("typing, tokenizing, clearing", || {
            let mut form = FormModel::new(&[Field::PostalCode], TODAY);
            type_into(&mut form, Field::Number, "5555555555554444");
            type_into(&mut form, Field::Expiry, "1230");
            type_into(&mut form, Field::SecurityCode, "739");
            type_into(&mut form, Field::Name, "Somchai Jaidee");
            form.blur(Field::Number);
            let request = form.submit().expect("a valid form");
            drop(request.form_body());
            drop(request.json_card());
            drop(request);
            form.clear(&[Field::Number, Field::SecurityCode]);
        }),
        ("pasting grouped, deleting across a space, replacing", || {
            let mut form = FormModel::new(&[], TODAY);
            let pasted = SecretString::from("5555-5555-5555-4444");
            form.input(Field::Number, &pasted, pasted.len(), InputKind::Insert);
            let value = form.get(Field::Number).map(|f| f.value.clone()).unwrap_or_default();
            let edit = format::delete_across_separator(&value, 5, false).expect("a space before the caret");
            let edited = SecretString::from(edit.value);
            form.input(Field::Number, &edited, edit.caret, InputKind::Other);
            // Autofill replaces the whole value with a longer one.
            let filled = SecretString::from("5555 5555 5555 4444");
            form.input(Field::Number, &filled, filled.len(), InputKind::Other);
            type_into(&mut form, Field::SecurityCode, "739");
            drop(form);
        }),
        ("headless createToken", || {
            let card = CardInput {
                name: "Somchai Jaidee".into(),
                number: "5555 5555 5555 4444".into(),
                expiration_month: "12".into(),
                expiration_year: "30".into(),
                security_code: "739".into(),
                billing: Billing::default(),
            };
            let request = validate(&card, TODAY).expect("a valid card");
            drop(request.form_body());
            drop(card);
        }),
        ("headless createToken refused", || {
            let card = CardInput {
                name: String::new(),
                number: "5555 5555 5555 4445".into(),
                expiration_month: "12".into(),
                expiration_year: "30".into(),
                security_code: "739".into(),
                billing: Billing::default(),
            };
            assert!(validate(&card, TODAY).is_err());
        }),
    ];
    for (label, run) in rows {
        let (count, first) = watch(run);
        // Never print the block: only which needle and how large.
        assert_eq!(count, 0, "{label}: {count} freed blocks held card data; first: (needle, size) {first:?}");
    }
}

#[test]
fn card_data_stays_out_of_debug_output() {
    let mut form = FormModel::new(&[], TODAY);
    type_into(&mut form, Field::Number, "5555555555554444");
    type_into(&mut form, Field::Expiry, "1230");
    type_into(&mut form, Field::SecurityCode, "739");
    let effects = form.input(Field::Number, "5555555555554444", 16, InputKind::Other);
    type_into(&mut form, Field::Name, "Somchai Jaidee");
    let request = form.submit().expect("a valid form");
    let card = CardInput {
        name: "Somchai Jaidee".into(),
        number: "5555555555554444".into(),
        expiration_month: "12".into(),
        expiration_year: "30".into(),
        security_code: "739".into(),
        billing: Billing::default(),
    };
    // (label, Debug text, whether it still shows the cardholder name)
    let rows: &[(&str, String, bool)] = &[
        ("form", format!("{form:?}"), false),
        ("effects", format!("{effects:?}"), false),
        ("token request", format!("{request:?}"), true),
        ("headless input", format!("{card:?}"), true),
    ];
    for (label, text, named) in rows {
        assert!(!text.contains("5555") && !text.contains("739"), "{label} prints card data");
        assert_eq!(text.contains("Somchai"), *named, "{label}: the rest is still printed");
    }
}
