//! The browser's clock, read here so the core never does (STYLE.md pattern 3).

use omise_checkout_core::expiry::YearMonth;

/// The customer's current month in their local time zone.
pub fn this_month() -> YearMonth {
    let now = js_sys::Date::new_0();
    YearMonth { year: now.get_full_year(), month: now.get_month() + 1 }
}
