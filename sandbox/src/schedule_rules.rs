//! What a schedule does as sandbox time passes. Each day from `start_date` to `end_date` that
//! its `every`/`period`/`on` names is an occurrence: a charge on the customer's card (the
//! schedule's `charge[card]`, else the customer's default card at that moment), made when the
//! sandbox clock reaches that day (UTC).
//!
//! Retry rule (seed 000: Omise retries a failed scheduled charge, and after the last failure the
//! schedule is `suspended`): an occurrence gets **up to three attempts**, the day it is due
//! and the two following days (`retry_date`); each attempt is a new charge
//! (`charge.create`, status `failed` for a declined card). When the third attempt fails the
//! occurrence is `failed`, the schedule becomes `suspended` (`schedule.suspend`) and makes no
//! more charges. Scheduled charges are merchant-initiated: a 3-D Secure card is charged without
//! the page; one whose 3-D Secure always fails is declined `payment_rejected`.

use crate::charge_rules::{self, ChargeRequest, Payment};
use crate::clock::{civil_from_days, days_in_month, weekday, DAY_MS};
use crate::store::{Inner, Kind, Occurrence, Outcome, Schedule};
use crate::{events, ids};

pub const ATTEMPTS: u32 = 3;
/// At most this many days are walked in one tick (a ten-year jump of the clock runs in steps).
const MAX_DAYS_PER_TICK: i64 = 3_660;
pub const WEEKDAYS: [&str; 7] =
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

fn ordinal_weekday(spec: &str) -> Option<(Option<u32>, u32)> {
    let (nth, day) = spec.split_once('_')?;
    let wd = WEEKDAYS.iter().position(|w| *w == day)? as u32;
    let n = match nth {
        "1st" => Some(1),
        "2nd" => Some(2),
        "3rd" => Some(3),
        "4th" => Some(4),
        "last" => None,
        _ => return None,
    };
    Some((n, wd))
}

/// `1st_monday` … `4th_sunday`, `last_friday`.
pub fn valid_weekday_of_month(spec: &str) -> bool {
    ordinal_weekday(spec).is_some()
}

/// Whether day `d` is one of the schedule's dates (ignoring its start and end).
pub fn matches(s: &Schedule, d: i64) -> bool {
    let every = i64::from(s.every.max(1));
    match s.period.as_str() {
        "day" => (d - s.start_day).rem_euclid(every) == 0,
        "week" => {
            let monday = |x: i64| x - i64::from(weekday(x));
            let week = (monday(d) - monday(s.start_day)) / 7;
            week % every == 0 && s.on.weekdays.iter().any(|w| *w == WEEKDAYS[weekday(d) as usize])
        }
        "month" => {
            let (y, m, day) = civil_from_days(d);
            let (sy, sm, _) = civil_from_days(s.start_day);
            let index = (y * 12 + i64::from(m)) - (sy * 12 + i64::from(sm));
            if index % every != 0 {
                return false;
            }
            if s.on.days_of_month.contains(&day) {
                return true;
            }
            let Some((nth, wd)) = s.on.weekday_of_month.as_deref().and_then(ordinal_weekday) else {
                return false;
            };
            weekday(d) == wd
                && match nth {
                    Some(n) => (day - 1) / 7 + 1 == n,
                    None => day + 7 > days_in_month(y, m),
                }
        }
        _ => false,
    }
}

/// The schedule's dates from day `from` on, at most `n`.
pub fn next_dates(s: &Schedule, from: i64, n: usize) -> Vec<i64> {
    let start = from.max(s.start_day);
    (start..=s.end_day.min(start + MAX_DAYS_PER_TICK)).filter(|d| matches(s, *d)).take(n).collect()
}

/// `active` turns `expiring` within 30 days of its end (Omise's statuses).
pub fn shown_status(s: &Schedule, today: i64) -> &str {
    match s.status.as_str() {
        "active" if s.end_day - today <= 30 => "expiring",
        other => other,
    }
}

fn attempt(inner: &mut Inner, account: usize, sid: &str, oid: &str, day: i64, now: i64) {
    let Some(s) = inner.account(account).schedules.get(sid).cloned() else { return };
    let req = ChargeRequest {
        amount: s.charge.amount,
        currency: s.charge.currency.clone(),
        description: s.charge.description.clone(),
        metadata: s.charge.metadata.clone(),
        return_uri: None,
        capture: true,
        expires_at_ms: None,
        ip: None,
        payment: Payment::Customer { customer: s.charge.customer.clone(), card: s.charge.card.clone() },
        schedule: Some(sid.to_owned()),
    };
    let (result, failure) = match charge_rules::create(inner, account, req, "", now) {
        Ok(c) => match c.outcome {
            Some(Outcome::Successful) => (Some(c.id), None),
            Some(Outcome::Failed(code)) => {
                (Some(c.id), Some(crate::cards::failure_message(&code).to_owned()))
            }
            None => (Some(c.id), Some("the charge was not authorized".to_owned())),
        },
        Err(e) => (None, Some(e.message)),
    };
    let Some(o) = inner.account(account).occurrences.get_mut(oid) else { return };
    o.attempts += 1;
    o.processed_ms = Some(now);
    o.result = result.or(o.result.take());
    o.message = failure.clone();
    let suspend = match failure {
        None => {
            (o.status, o.retry_day) = ("successful".into(), None);
            false
        }
        Some(_) if o.attempts < ATTEMPTS => {
            (o.status, o.retry_day) = ("failed".into(), Some(day + 1));
            false
        }
        Some(_) => {
            (o.status, o.retry_day) = ("failed".into(), None);
            true
        }
    };
    inner.touch(Kind::Occurrence, account, oid);
    if suspend {
        end(inner, account, sid, "suspended", "schedule.suspend", now);
    }
}

/// Ends a schedule with `status`, recording `key`.
pub fn end(inner: &mut Inner, account: usize, sid: &str, status: &str, key: &str, now: i64) {
    let Some(s) = inner.account(account).schedules.get_mut(sid) else { return };
    s.status = status.to_owned();
    s.ended_ms = Some(now);
    inner.touch(Kind::Schedule, account, sid);
    let acc = inner.account(account);
    let body = crate::schedules::schedule_json(acc, &acc.schedules[sid], now);
    events::record(inner, account, key, body, now);
}

/// A destroyed customer's schedules end (`deleted`).
pub fn end_for_customer(inner: &mut Inner, account: usize, customer: &str, now: i64) {
    let ids: Vec<String> = inner
        .account(account)
        .schedules
        .values()
        .filter(|s| s.charge.customer == customer && s.status == "active")
        .map(|s| s.id.clone())
        .collect();
    for id in ids {
        end(inner, account, &id, "deleted", "schedule.destroy", now);
    }
}

/// Runs every active schedule up to today: each day's retries, then its new occurrences.
pub fn run_due(inner: &mut Inner, now_ms: i64) {
    let today = now_ms.div_euclid(DAY_MS);
    let active: Vec<(usize, String)> = inner
        .accounts
        .iter()
        .flat_map(|(a, acc)| {
            acc.schedules.values().filter(|s| s.status == "active").map(|s| (*a, s.id.clone()))
        })
        .collect();
    for (account, sid) in active {
        run_one(inner, account, &sid, today, now_ms);
    }
}

/// The latest occurrences: only they can still be waiting for a retry (at most two days old,
/// and a schedule has at most seven dates in three days).
fn recent(inner: &mut Inner, account: usize, sid: &str) -> Vec<String> {
    let ids = inner.account(account).schedules.get(sid).map(|s| s.occurrence_ids.as_slice()).unwrap_or(&[]);
    ids[ids.len().saturating_sub(8)..].to_vec()
}

fn run_one(inner: &mut Inner, account: usize, sid: &str, today: i64, now: i64) {
    let Some(s) = inner.account(account).schedules.get(sid).cloned() else { return };
    let first = s.done_through_day + 1;
    let last = today.min(first + MAX_DAYS_PER_TICK);
    for day in first..=last {
        if inner.account(account).schedules.get(sid).is_none_or(|s| s.status != "active") {
            return;
        }
        let retries: Vec<String> = recent(inner, account, sid)
            .into_iter()
            .filter(|o| inner.account(account).occurrences.get(o).is_some_and(|o| o.retry_day == Some(day)))
            .collect();
        for oid in retries {
            attempt(inner, account, sid, &oid, day, now);
        }
        if day <= s.end_day && matches(&s, day) && day >= s.start_day {
            let oid = ids::random_id("occu_test_");
            let o = Occurrence {
                id: oid.clone(),
                schedule_id: sid.to_owned(),
                schedule_day: day,
                retry_day: None,
                attempts: 0,
                processed_ms: None,
                status: "scheduled".into(),
                message: None,
                result: None,
                created_ms: now,
            };
            let acc = inner.account(account);
            acc.occurrences.insert(oid.clone(), o);
            if let Some(s) = acc.schedules.get_mut(sid) {
                s.occurrence_ids.push(oid.clone());
            }
            inner.admit(Kind::Occurrence, account, &oid);
            attempt(inner, account, sid, &oid, day, now);
        }
        if let Some(s) = inner.account(account).schedules.get_mut(sid) {
            s.done_through_day = day;
        }
        inner.touch(Kind::Schedule, account, sid);
    }
    let pending_retry = recent(inner, account, sid).iter().any(|o| {
        inner.account(account).occurrences.get(o).is_some_and(|o| o.retry_day.is_some_and(|d| d > today))
    });
    let active = inner.account(account).schedules.get(sid).is_some_and(|s| s.status == "active");
    if active && today > s.end_day && !pending_retry {
        end(inner, account, sid, "expired", "schedule.expire", now);
    }
}
