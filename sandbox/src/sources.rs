//! `POST /sources` and `GET /sources/{id}` (either key): redirect payment methods.

use crate::auth;
use crate::body::{int, read_params, text, Int};
use crate::clock::rfc3339_ms;
use crate::errors::{json_response, ApiError};
use crate::ids;
use crate::state::AppState;
use crate::store::{Payer, Source};
use crate::tokens::charge_status;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Value};

pub const CURRENCIES: &[&str] = &["thb", "jpy", "sgd", "usd"];

/// Smallest amount in the currency's smallest unit: Omise's 20 THB minimum for THB.
pub fn minimum_amount(currency: &str) -> i64 {
    if currency == "thb" {
        2000
    } else {
        1
    }
}

/// Validates `amount` and `currency` as charges and sources both need them.
pub fn amount_and_currency(params: &Value) -> Result<(i64, String), ApiError> {
    let currency = text(params, "currency").map(|c| c.trim().to_ascii_lowercase()).unwrap_or_default();
    let amount = int(params, "amount");
    if amount == Int::Missing {
        return Err(ApiError::bad_request("amount is required"));
    }
    if currency.is_empty() {
        return Err(ApiError::bad_request("currency is required"));
    }
    if !CURRENCIES.contains(&currency.as_str()) {
        return Err(ApiError::bad_request("currency is not supported (use thb, jpy, sgd or usd)"));
    }
    let min = minimum_amount(&currency);
    match amount {
        Int::Value(a) if a >= min && a <= 100_000_000_000 => Ok((a, currency)),
        Int::Value(a) if a > 0 && a < min => {
            Err(ApiError::bad_request(format!("amount must be at least {min} for {currency}")))
        }
        _ => Err(ApiError::bad_request("amount must be a positive integer in the smallest currency unit")),
    }
}

pub fn source_json(source: &Source, charge_status: &str) -> Value {
    json!({
        "object": "source",
        "id": source.id,
        "livemode": false,
        "location": format!("/sources/{}", source.id),
        "type": source.kind,
        "flow": source.flow,
        "amount": source.amount,
        "currency": source.currency,
        "charge_status": charge_status,
        "name": source.payer.name,
        "email": source.payer.email,
        "phone_number": source.payer.phone_number,
        "platform_type": source.payer.platform_type,
        "created_at": rfc3339_ms(source.created_ms),
    })
}

pub fn routes() -> Router<AppState> {
    Router::new().route("/sources", post(create)).route("/sources/{id}", get(read))
}

/// A source from `{type, amount, currency}` (also a charge's inline `source[type]`).
pub fn new_source(params: &Value, now_ms: i64) -> Result<Source, ApiError> {
    let kind = text(params, "type").unwrap_or_default();
    // Types, flows, limits and required fields: the method rows (methods.rs).
    crate::methods::check_type(&kind)?;
    let (amount, currency) = amount_and_currency(params)?;
    let flow = crate::methods::flow_for(&kind, params, amount, &currency)?;
    Ok(Source {
        id: ids::random_id("src_test_"),
        kind,
        flow: flow.to_owned(),
        amount,
        currency,
        charge_id: None,
        created_ms: now_ms,
        payer: Payer {
            name: text(params, "name").map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()),
            email: text(params, "email").map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()),
            phone_number: text(params, "phone_number").map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()),
            platform_type: text(params, "platform_type"),
        },
    })
}

/// `POST /sources`: with either key (Omise.js uses the public key, servers the secret key).
pub async fn create(
    State(app): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let (account, _) = auth::authenticate_any(&headers, &app.store.lock())?;
    let params = read_params(&headers, body).await?;
    let source = new_source(&params, app.now_ms())?;
    let body = source_json(&source, "unknown");
    app.write(|inner, _| {
        inner.insert_source(account, source);
        Ok(())
    })
    .await?;
    Ok(json_response(StatusCode::OK, &body))
}

pub async fn read(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let mut inner = app.store.lock();
    let (account, _) = auth::authenticate_any(&headers, &inner)?;
    let source =
        inner.account(account).sources.get(&id).cloned().ok_or_else(|| ApiError::not_found("source"))?;
    let status = charge_status(&inner, account, source.charge_id.as_deref(), app.now_ms());
    Ok(json_response(StatusCode::OK, &source_json(&source, status)))
}
