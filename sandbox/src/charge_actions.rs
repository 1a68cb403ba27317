//! What happens to a charge after it is made: capture, reverse and expire (charges.rs's
//! routes), the authorization page's answer (authorize.rs), and what sandbox time brings
//! (ticker.rs): completion after the settle delay, expiry at `expires_at`.

use crate::cards::Behaviour;
use crate::charge_rules::change;
use crate::errors::ApiError;
use crate::ids;
use crate::store::{Charge, Inner, Kind, Outcome};
use axum::http::StatusCode;

pub fn capture(c: &mut Charge, amount: Option<i64>, now_ms: i64) -> Result<(), ApiError> {
    let failed = |m: &str| Err(ApiError::new(StatusCode::BAD_REQUEST, "failed_capture", m.to_owned()));
    if c.expired_ms.is_some() {
        return Err(ApiError::new(StatusCode::BAD_REQUEST, "expired_charge", "charge expired"));
    }
    if c.reversed_ms.is_some() {
        return failed("charge was reversed");
    }
    if c.captured_ms.is_some() || (c.capture && c.authorized(now_ms)) {
        return failed("charge was already captured");
    }
    if !c.capturable(now_ms) {
        return failed("charge is not authorized");
    }
    let amount = amount.unwrap_or(c.amount);
    if amount <= 0 || amount > c.amount {
        return failed("capture_amount must be between 1 and the charge's amount");
    }
    c.captured_amount = Some(amount);
    c.captured_ms = Some(now_ms);
    c.transaction = Some(ids::random_id("trxn_test_"));
    Ok(())
}

pub fn reverse(c: &mut Charge, now_ms: i64) -> Result<(), ApiError> {
    if c.expired_ms.is_some() {
        return Err(ApiError::new(StatusCode::BAD_REQUEST, "expired_charge", "charge expired"));
    }
    if !c.capturable(now_ms) {
        return Err(ApiError::bad_request("only an authorized charge that is not captured can be reversed"));
    }
    c.reversed_ms = Some(now_ms);
    Ok(())
}

pub fn expire(c: &mut Charge, now_ms: i64) -> Result<(), ApiError> {
    if c.status(now_ms) != "pending" {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "failed_expire",
            "only a pending charge can be expired",
        ));
    }
    c.expired_ms = Some(now_ms);
    Ok(())
}

/// The authorization page's answer (authorize.rs): the outcome, shown after the settle delay;
/// `charge.complete` is recorded once it shows. `None` when no such charge awaits one.
pub fn decide(inner: &mut Inner, id: &str, approve: bool, now_ms: i64) -> Option<()> {
    let (account, charge) = inner.find_charge(id)?;
    charge.authorize_uri.as_ref()?;
    if charge.outcome.is_some() {
        return Some(());
    }
    let fails_3ds = charge.card.as_ref().is_some_and(|c| c.behaviour == Behaviour::ThreeDSecureFails);
    let approved = approve && !fails_3ds;
    charge.outcome =
        Some(if approved { Outcome::Successful } else { Outcome::Failed("payment_rejected".into()) });
    if approved && charge.capture {
        charge.transaction = Some(ids::random_id("trxn_test_"));
    }
    let snapshot = charge.clone();
    let delay = inner.settle_delay_ms(account, &snapshot) as i64;
    if let Some((_, charge)) = inner.find_charge(id) {
        charge.settles_at_ms = Some(now_ms + delay);
    }
    inner.touch(Kind::Charge, account, id);
    if delay == 0 {
        let _ = change(inner, account, id, "charge.complete", now_ms, |c| {
            c.completed_event = true;
            Ok(())
        });
    }
    Some(())
}

/// As sandbox time passes: decided charges whose settle delay ran out record
/// `charge.complete`; pending ones past `expires_at` expire (`charge.expire`).
pub fn settle_due(inner: &mut Inner, now_ms: i64) {
    let mut due: Vec<(usize, String, &'static str)> = Vec::new();
    for (a, acc) in &inner.accounts {
        for c in acc.charges.values() {
            if !c.completed_event && c.authorize_uri.is_some() && c.visible_outcome(now_ms).is_some() {
                due.push((*a, c.id.clone(), "charge.complete"));
            } else if c.status(now_ms) == "pending" && now_ms >= c.expires_at_ms {
                due.push((*a, c.id.clone(), "charge.expire"));
            }
        }
    }
    for (a, id, key) in due {
        let _ = change(inner, a, &id, key, now_ms, |c| {
            match key {
                "charge.complete" => c.completed_event = true,
                _ => c.expired_ms = Some(now_ms),
            }
            Ok(())
        });
    }
}
