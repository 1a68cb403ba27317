//! The refunds room: `POST`/`GET /charges/{id}/refunds`, `GET /charges/{id}/refunds/{id}`,
//! `GET /refunds` (and `/refunds/{id}`), secret key only.
//!
//! Rules: a refund takes at most what is left of a paid charge (its captured amount less the
//! refunds not failed); without `amount` it takes all of it. It is `pending` for
//! `SETTLE_MS` of sandbox time, then `successful`, or `failed` when its amount ends in `13`
//! (e.g. 1013) or its `metadata[sandbox_refund]` is `fail`; a failed refund gives its amount
//! back to the charge's `refunded_amount`. Events: `refund.create`, then `refund.success` or
//! `refund.fail`.

use crate::auth::{self, KeyKind};
use crate::body::{int, metadata, read_params, text, Int};
use crate::clock::rfc3339_ms;
use crate::errors::{json_response, ApiError};
use crate::events;
use crate::ids;
use crate::list::{self, Page};
use crate::state::AppState;
use crate::store::{Inner, Kind, Refund};
use axum::body::Body;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use serde_json::{json, Value};

/// How long a refund stays `pending` (sandbox time: `POST /__sandbox/clock` skips it).
pub const SETTLE_MS: i64 = 60_000;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/charges/{id}/refunds", get(list_for_charge).post(create))
        .route("/charges/{id}/refunds/{refund}", get(read_for_charge))
        .route("/refunds", get(list_all))
        .route("/refunds/{refund}", get(read))
}

pub fn refund_json(r: &Refund, _now_ms: i64) -> Value {
    json!({
        "object": "refund",
        "id": r.id,
        "livemode": false,
        "location": format!("/charges/{}/refunds/{}", r.charge_id, r.id),
        "amount": r.amount,
        "currency": r.currency,
        "funding_amount": r.amount,
        "funding_currency": r.currency,
        "charge": r.charge_id,
        "transaction": r.transaction,
        "status": r.status,
        "voided": false,
        "metadata": r.metadata,
        "acquirer_reference_number": null,
        "terminal": null,
        "branch": null,
        "device": null,
        "created_at": rfc3339_ms(r.created_ms),
    })
}

fn failed(message: &str) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, "failed_refund", message.to_owned())
}

/// The documented test rule for refunds that fail (see the module comment).
fn will_fail(amount: i64, metadata: &Value) -> bool {
    amount % 100 == 13 || text(metadata, "sandbox_refund").is_some_and(|v| v == "fail")
}

fn create_refund(
    inner: &mut Inner,
    account: usize,
    charge_id: &str,
    params: &Value,
    now: i64,
) -> Result<Value, ApiError> {
    let charge =
        inner.account(account).charges.get_mut(charge_id).ok_or_else(|| ApiError::not_found("charge"))?;
    if !charge.paid(now) {
        return Err(failed("charge is not paid: only a paid charge can be refunded"));
    }
    let left = charge.funding_amount() - charge.refunded_amount;
    if left <= 0 {
        return Err(failed("charge was already fully refunded"));
    }
    let amount = match int(params, "amount") {
        Int::Missing => left,
        Int::Value(a) if a > 0 && a <= left => a,
        Int::Value(a) if a > left => {
            return Err(failed(&format!("amount exceeds what is left to refund ({left})")))
        }
        _ => return Err(ApiError::bad_request("amount must be a positive integer")),
    };
    let metadata = metadata(params);
    let refund = Refund {
        id: ids::random_id("rfnd_test_"),
        charge_id: charge_id.to_owned(),
        amount,
        currency: charge.currency.clone(),
        will_fail: will_fail(amount, &metadata),
        metadata,
        created_ms: now,
        status: "pending".into(),
        settles_at_ms: now + SETTLE_MS,
        transaction: ids::random_id("trxn_test_"),
    };
    charge.refunded_amount += amount;
    charge.refund_ids.push(refund.id.clone());
    inner.touch(Kind::Charge, account, charge_id);
    let body = refund_json(&refund, now);
    let id = refund.id.clone();
    inner.account(account).refunds.insert(id.clone(), refund);
    inner.admit(Kind::Refund, account, &id);
    events::record(inner, account, "refund.create", body.clone(), now);
    Ok(body)
}

/// As sandbox time passes: pending refunds settle (module comment).
pub fn settle_due(inner: &mut Inner, now_ms: i64) {
    let due: Vec<(usize, String)> = inner
        .accounts
        .iter()
        .flat_map(|(a, acc)| {
            acc.refunds
                .values()
                .filter(|r| r.status == "pending" && r.settles_at_ms <= now_ms)
                .map(|r| (*a, r.id.clone()))
        })
        .collect();
    for (a, id) in due {
        let acc = inner.account(a);
        let Some(r) = acc.refunds.get_mut(&id) else { continue };
        r.status = if r.will_fail { "failed" } else { "successful" }.into();
        let (fail, amount, charge_id) = (r.will_fail, r.amount, r.charge_id.clone());
        let body = refund_json(r, now_ms);
        if fail {
            if let Some(c) = acc.charges.get_mut(&charge_id) {
                c.refunded_amount -= amount;
                inner.touch(Kind::Charge, a, &charge_id);
            }
        }
        inner.touch(Kind::Refund, a, &id);
        events::record(inner, a, if fail { "refund.fail" } else { "refund.success" }, body, now_ms);
    }
}

pub async fn create(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(charge_id): Path<String>,
    body: Body,
) -> Result<Response, ApiError> {
    let account = auth::secret(&app, &headers)?;
    let params = read_params(&headers, body).await?;
    let body = app.write(|inner, now| create_refund(inner, account, &charge_id, &params, now)).await?;
    Ok(json_response(StatusCode::OK, &body))
}

fn list_of(
    app: &AppState,
    headers: &HeaderMap,
    q: &RawQuery,
    charge: Option<&str>,
) -> Result<Response, ApiError> {
    let now = app.now_ms();
    let page = Page::from_params(&list::query(q), now)?;
    let mut inner = app.store.lock();
    let account = auth::authenticate(headers, &inner, KeyKind::Secret)?;
    let acc = inner.account(account);
    if let Some(c) = charge {
        acc.charges.get(c).ok_or_else(|| ApiError::not_found("charge"))?;
    }
    let items = acc
        .refunds
        .values()
        .filter(|r| charge.is_none_or(|c| r.charge_id == c))
        .map(|r| (r.created_ms, r.id.clone(), r))
        .collect();
    let (total, rows) = page.slice(items);
    let location = charge.map_or_else(|| "/refunds".to_owned(), |c| format!("/charges/{c}/refunds"));
    let data = rows.into_iter().map(|r| refund_json(r, now)).collect();
    Ok(json_response(StatusCode::OK, &page.json(&location, total, data)))
}

pub async fn list_for_charge(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(charge_id): Path<String>,
    q: RawQuery,
) -> Result<Response, ApiError> {
    list_of(&app, &headers, &q, Some(&charge_id))
}

pub async fn list_all(
    State(app): State<AppState>,
    headers: HeaderMap,
    q: RawQuery,
) -> Result<Response, ApiError> {
    list_of(&app, &headers, &q, None)
}

fn read_one(
    app: &AppState,
    headers: &HeaderMap,
    charge: Option<&str>,
    id: &str,
) -> Result<Response, ApiError> {
    let mut inner = app.store.lock();
    let account = auth::authenticate(headers, &inner, KeyKind::Secret)?;
    let acc = inner.account(account);
    if let Some(c) = charge {
        acc.charges.get(c).ok_or_else(|| ApiError::not_found("charge"))?;
    }
    let refund = acc
        .refunds
        .get(id)
        .filter(|r| charge.is_none_or(|c| r.charge_id == c))
        .ok_or_else(|| ApiError::not_found("refund"))?;
    Ok(json_response(StatusCode::OK, &refund_json(refund, app.now_ms())))
}

pub async fn read_for_charge(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path((charge_id, id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    read_one(&app, &headers, Some(&charge_id), &id)
}

pub async fn read(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    read_one(&app, &headers, None, &id)
}
