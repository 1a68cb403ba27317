//! `/__sandbox/*`: controls for tests. Not part of the Omise API; no key needed.

use crate::body::read_params;
use crate::charges::charge_json;
use crate::clock::{rfc3339_ms, DAY_MS};
use crate::errors::{json_response, ApiError};
use crate::faults::Fault;
use crate::ids;
use crate::state::AppState;
use crate::store::Rec;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};
use std::collections::HashMap;

/// `POST /__sandbox/keys` → a fresh account: `{"publicKey","secretKey"}`.
pub async fn new_keys(State(app): State<AppState>) -> Result<Response, ApiError> {
    let (public_key, secret_key) = (ids::random_key("pkey_test_"), ids::random_key("skey_test_"));
    app.write(|inner, _| Ok(inner.new_account(public_key.clone(), secret_key.clone()))).await?;
    Ok(json_response(StatusCode::OK, &json!({"publicKey": public_key, "secretKey": secret_key})))
}

pub async fn list_faults(State(app): State<AppState>) -> Response {
    let faults: Vec<Value> = app.store.lock().faults.iter().map(Fault::describe).collect();
    json_response(StatusCode::OK, &json!({"faults": faults}))
}

/// `POST /__sandbox/faults` `{"path","method"?,"fault","times"?,"retryAfter"?,"delayMs"?}`.
pub async fn add_fault(
    State(app): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let fault = Fault::from_json(&read_params(&headers, body).await?)?;
    let described = fault.describe();
    app.store.lock().queue_fault(fault);
    Ok(json_response(StatusCode::OK, &described))
}

/// `DELETE /__sandbox/faults[?key=pkey_…]`: all queued faults, or only that key's.
pub async fn clear_faults(State(app): State<AppState>, Query(q): Query<HashMap<String, String>>) -> Response {
    match q.get("key") {
        Some(key) => app.store.lock().faults.retain(|f| f.key.as_deref() != Some(key.as_str())),
        None => app.store.lock().faults.clear(),
    }
    json_response(StatusCode::OK, &json!({"faults": []}))
}

pub async fn read_config(State(app): State<AppState>) -> Response {
    let inner = app.store.lock();
    let token_authorization = inner.token_authorization.unwrap_or(app.config.token_authorization);
    let body = json!({"settleDelayMs": inner.settle_delay_ms, "tokenAuthorization": token_authorization});
    json_response(StatusCode::OK, &body)
}

/// `POST /__sandbox/config` `{"settleDelayMs":N}` and/or `{"tokenAuthorization":bool}`; with
/// `"key"` (either key of an account) the settle delay applies to that account only, else to
/// every account without its own setting. `tokenAuthorization` is global (tokens.rs).
pub async fn set_config(
    State(app): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let params = read_params(&headers, body).await?;
    let token_authorization = match params.get("tokenAuthorization") {
        None => None,
        Some(v) => {
            Some(v.as_bool().ok_or_else(|| ApiError::bad_request("tokenAuthorization must be a boolean"))?)
        }
    };
    let ms = match params.get("settleDelayMs") {
        None if token_authorization.is_some() => None,
        v => Some(
            v.and_then(Value::as_u64)
                .ok_or_else(|| ApiError::bad_request("settleDelayMs must be a non-negative integer"))?
                .min(600_000),
        ),
    };
    let mut inner = app.store.lock();
    if let Some(on) = token_authorization {
        inner.token_authorization = Some(on);
    }
    match (ms, params.get("key").and_then(Value::as_str)) {
        (None, _) => {}
        (Some(ms), Some(key)) => {
            let (account, _) = inner.account_of(key).ok_or_else(|| ApiError::not_found("key"))?;
            inner.account(account).settle_delay_ms = Some(ms);
            inner.touch_rec(Rec::Account(account));
        }
        (Some(ms), None) => {
            inner.settle_delay_ms = ms;
            inner.touch_rec(Rec::Meta);
        }
    }
    let token_authorization = inner.token_authorization.unwrap_or(app.config.token_authorization);
    Ok(json_response(
        StatusCode::OK,
        &json!({"settleDelayMs": ms.unwrap_or(inner.settle_delay_ms), "tokenAuthorization": token_authorization}),
    ))
}

/// Clears objects, faults, counts, orders and the clock's offset (back to real time).
pub async fn reset(State(app): State<AppState>) -> Result<Response, ApiError> {
    app.write(|inner, _| {
        inner.reset();
        app.clock.set_offset(0);
        Ok(())
    })
    .await?;
    Ok(json_response(StatusCode::OK, &json!({"reset": true})))
}

fn clock_json(app: &AppState) -> Value {
    let now = app.now_ms();
    json!({"now": rfc3339_ms(now), "nowMs": now, "offsetMs": app.clock.offset_ms()})
}

/// `GET /__sandbox/clock` → `{"now","nowMs","offsetMs"}`: the sandbox time.
pub async fn read_clock(State(app): State<AppState>) -> Response {
    json_response(StatusCode::OK, &clock_json(&app))
}

/// `POST /__sandbox/clock` `{"advanceMs":N}` or `{"advanceSeconds":N}` or `{"advanceDays":N}`:
/// moves sandbox time forward, then runs everything that came due (schedules, expiry, refund
/// settlement) before answering, so a test sees the result at once.
pub async fn advance_clock(
    State(app): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let params = read_params(&headers, body).await?;
    let n = |key: &str| params.get(key).and_then(Value::as_f64);
    let ms = match (n("advanceMs"), n("advanceSeconds"), n("advanceDays")) {
        (Some(ms), None, None) => ms,
        (None, Some(s), None) => s * 1000.0,
        (None, None, Some(d)) => d * DAY_MS as f64,
        _ => return Err(ApiError::bad_request("give one of advanceMs, advanceSeconds, advanceDays")),
    };
    // At most ten years per call: schedules walk day by day.
    if !(0.0..=3_660.0 * DAY_MS as f64).contains(&ms) {
        return Err(ApiError::bad_request("the clock only moves forward, at most 3660 days per call"));
    }
    app.write(|inner, _| {
        app.clock.advance(ms as i64);
        inner.clock_offset_ms = app.clock.offset_ms();
        inner.touch_rec(Rec::Meta);
        crate::ticker::run(inner, app.now_ms());
        Ok(())
    })
    .await?;
    Ok(json_response(StatusCode::OK, &clock_json(&app)))
}

/// `GET /__sandbox/charges/{id}`: any account's charge, no key.
pub async fn read_charge(State(app): State<AppState>, Path(id): Path<String>) -> Result<Response, ApiError> {
    let mut inner = app.store.lock();
    let (account, _) = inner.find_charge(&id).ok_or_else(|| ApiError::not_found("charge"))?;
    let acc = inner.account(account);
    Ok(json_response(StatusCode::OK, &charge_json(acc, &acc.charges[&id], app.now_ms())))
}

/// `GET /__sandbox/requests?path=/tokens[&key=pkey_…]` → `{"count":N}` requests under that path
/// prefix (made with that key) since the last reset (preflights and `/__sandbox` calls are not
/// counted).
pub async fn requests(State(app): State<AppState>, Query(q): Query<HashMap<String, String>>) -> Response {
    let prefix = q.get("path").map_or("/", String::as_str);
    let scoped = q.get("key").map(|k| format!("@{k}{prefix}"));
    let count = app.store.lock().requests_under(scoped.as_deref().unwrap_or(prefix));
    json_response(StatusCode::OK, &json!({"path": prefix, "count": count}))
}

/// `GET /__sandbox/echo?json=…`: answers with that JSON text (a scripted status endpoint, so
/// browser tests can feed the widget any server answer, hostile ones included).
pub async fn echo(Query(q): Query<HashMap<String, String>>) -> Response {
    let text = q.get("json").map_or("{}", String::as_str);
    match serde_json::from_str::<Value>(text) {
        Ok(v) => json_response(StatusCode::OK, &v),
        Err(_) => ApiError::bad_request("json is not valid JSON").into_response(),
    }
}
