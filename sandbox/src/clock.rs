//! Time without a date crate: the sandbox clock (real time plus an offset that
//! `POST /__sandbox/clock` advances, so schedules, expiry and refund settlement can be driven
//! in tests), RFC 3339 timestamps and civil dates.

use omise_checkout_core::expiry::YearMonth;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

pub const DAY_MS: i64 = 86_400_000;

fn unix_now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
}

/// Real Unix time in milliseconds.
pub fn real_ms() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64)
}

/// The sandbox's clock: real time plus an offset that only grows. Injected through `AppState`;
/// every object time (`created_at`, settlement, expiry, schedule dates) is read from it.
#[derive(Debug, Default)]
pub struct Clock {
    offset_ms: AtomicI64,
}

impl Clock {
    pub fn now_ms(&self) -> i64 {
        real_ms() + self.offset_ms.load(Ordering::Relaxed)
    }

    pub fn offset_ms(&self) -> i64 {
        self.offset_ms.load(Ordering::Relaxed)
    }

    /// Moves sandbox time forward (a negative step is ignored: time never runs backwards).
    pub fn advance(&self, ms: i64) {
        self.offset_ms.fetch_add(ms.max(0), Ordering::Relaxed);
    }

    /// Restores a saved offset (`--db`) or clears it (`/__sandbox/reset`).
    pub fn set_offset(&self, ms: i64) {
        self.offset_ms.store(ms.max(0), Ordering::Relaxed);
    }
}

/// Days since 1970-01-01 → (year, month, day), Howard Hinnant's `civil_from_days`.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// (year, month, day) → days since 1970-01-01, Hinnant's `days_from_civil`.
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

pub fn days_in_month(year: i64, month: u32) -> u32 {
    let (ny, nm) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    (days_from_civil(ny, nm, 1) - days_from_civil(year, month, 1)) as u32
}

/// 0 = Monday … 6 = Sunday.
pub fn weekday(days: i64) -> u32 {
    (days + 3).rem_euclid(7) as u32
}

/// `2026-11-23T03:10:48Z` for a Unix time in seconds.
pub fn rfc3339(secs: i64) -> String {
    let (y, mo, d) = civil_from_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    format!("{y:04}-{mo:02}-{d:02}T{:02}:{:02}:{:02}Z", s / 3600, s / 60 % 60, s % 60)
}

/// RFC 3339 for a Unix time in milliseconds (whole seconds, as Omise writes them).
pub fn rfc3339_ms(ms: i64) -> String {
    rfc3339(ms.div_euclid(1000))
}

/// `2026-11-23` for a day number.
pub fn date(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `YYYY-MM-DD` → day number.
pub fn parse_date(s: &str) -> Option<i64> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i64 = s.get(0..4)?.parse().ok()?;
    let m: u32 = s.get(5..7)?.parse().ok()?;
    let d: u32 = s.get(8..10)?.parse().ok()?;
    ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then(|| days_from_civil(y, m, d))
}

/// `2026-11-23T03:10:48Z` (optional fraction, `Z` or `±hh:mm`) or a bare date → Unix ms.
pub fn parse_time(s: &str) -> Option<i64> {
    let s = s.trim();
    let day = parse_date(s.get(0..10)?)?;
    let rest = &s[10..];
    if rest.is_empty() {
        return Some(day * DAY_MS);
    }
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let num = |a: usize, b: usize| rest.get(a..b)?.parse::<i64>().ok();
    let (h, mi, sec) = (num(0, 2)?, num(3, 5)?, num(6, 8)?);
    if rest.get(2..3)? != ":" || rest.get(5..6)? != ":" || h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    let mut tail = &rest[8..];
    if let Some(frac) = tail.strip_prefix('.') {
        tail = frac.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    let offset_min = match tail {
        "Z" | "z" | "" => 0,
        _ => {
            let sign = if tail.starts_with('-') { -1 } else { 1 };
            let oh: i64 = tail.get(1..3)?.parse().ok()?;
            let om: i64 = tail.get(4..6)?.parse().ok()?;
            sign * (oh * 60 + om)
        }
    };
    Some(day * DAY_MS + ((h * 60 + mi - offset_min) * 60 + sec) * 1000)
}

pub fn now_rfc3339() -> String {
    rfc3339(unix_now())
}

/// The current UTC month (real time): "expiration date cannot be in the past" is judged
/// against it, as the card networks do.
pub fn this_month() -> YearMonth {
    let (y, m, _) = civil_from_days(unix_now().div_euclid(86_400));
    YearMonth { year: y as u32, month: m }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(1_795_402_248), "2026-11-23T02:50:48Z");
    }

    #[test]
    fn parses_dates_and_times_back() {
        for days in [-1, 0, 11_016, 20_415, 30_000] {
            assert_eq!(parse_date(&date(days)), Some(days));
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(parse_time("2026-11-23T02:50:48Z"), Some(1_795_402_248_000));
        assert_eq!(parse_time("2026-11-23T09:50:48.123+07:00"), Some(1_795_402_248_000));
        assert_eq!(parse_time("2026-11-23"), Some(1_795_392_000_000));
        for bad in ["2026-02-30", "2026-13-01", "tomorrow", "2026-11-23T25:00:00Z"] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
        assert_eq!(weekday(parse_date("2026-11-23").unwrap()), 0, "a Monday");
        assert_eq!(days_in_month(2028, 2), 29);
    }

    #[test]
    fn the_sandbox_clock_only_moves_forward() {
        let c = Clock::default();
        let before = c.now_ms();
        c.advance(DAY_MS);
        c.advance(-5 * DAY_MS);
        assert!(c.now_ms() - before >= DAY_MS && c.offset_ms() == DAY_MS);
    }
}
