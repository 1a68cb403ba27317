//! The vault: `POST /tokens` and `GET /tokens/{id}` with the public key.

use crate::app::AppState;
use crate::auth::{self, KeyKind};
use crate::body::read_params;
use crate::errors::{json_response, ApiError};
use crate::store::{CardInfo, Inner, Token};
use crate::{cards, clock, ids, validate};
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};
use std::time::Instant;

/// The Card object (SPEC §2).
pub fn card_json(card: &CardInfo) -> Value {
    json!({
        "object": "card",
        "id": card.id,
        "livemode": false,
        "location": null,
        "country": card.country,
        "city": card.city,
        "postal_code": card.postal_code,
        "financing": "credit",
        "bank": "Bank of the Sandbox",
        "brand": card.brand,
        "last_digits": card.last_digits,
        "name": card.name,
        "expiration_month": card.expiration_month,
        "expiration_year": card.expiration_year,
        "fingerprint": card.fingerprint,
        "security_code_check": card.security_code_check,
        "created_at": card.created_at,
    })
}

/// `charge_status` of a token or source: its charge's status, `unknown` before any charge.
pub fn charge_status(inner: &Inner, account: usize, charge_id: Option<&str>) -> &'static str {
    let charge = charge_id.and_then(|id| inner.accounts.get(&account)?.charges.get(id));
    charge.map_or("unknown", |c| c.status(Instant::now()))
}

pub fn token_json(token: &Token, charge_status: &str) -> Value {
    json!({
        "object": "token",
        "id": token.id,
        "livemode": false,
        "location": format!("/tokens/{}", token.id),
        "used": token.used,
        "charge_status": charge_status,
        "created_at": token.created_at,
        "card": card_json(&token.card),
    })
}

pub async fn create(
    State(app): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let account = auth::authenticate(&headers, &app.store.lock(), KeyKind::Public)?;
    let params = read_params(&headers, body).await?;
    let card = match params.get("card") {
        Some(card @ Value::Object(_)) => card.clone(),
        None => json!({}),
        Some(_) => return Err(ApiError::bad_request("card must be an object of card fields")),
    };
    let valid = validate::validate(&card, clock::this_month())
        .map_err(|message| ApiError::new(StatusCode::BAD_REQUEST, "invalid_card", message))?;
    let behaviour = cards::behaviour(&valid.digits);
    let now = clock::now_rfc3339();
    let info = CardInfo {
        id: ids::random_id("card_test_"),
        brand: valid.brand.omise_name(),
        last_digits: valid.digits[valid.digits.len().saturating_sub(4)..].to_owned(),
        name: valid.name,
        expiration_month: valid.month,
        expiration_year: valid.year,
        fingerprint: cards::fingerprint(&valid.digits),
        security_code_check: behaviour.security_code_check(),
        city: valid.city,
        postal_code: valid.postal_code,
        // The issuer's country: every sandbox card is "issued" in Thailand.
        country: "th".to_owned(),
        created_at: now.clone(),
        behaviour,
    };
    let token =
        Token { id: ids::random_id("tokn_test_"), card: info, used: false, charge_id: None, created_at: now };
    let body = token_json(&token, "unknown");
    app.store.lock().insert_token(account, token);
    Ok(json_response(StatusCode::OK, &body))
}

pub async fn read(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let mut inner = app.store.lock();
    let account = auth::authenticate(&headers, &inner, KeyKind::Public)?;
    let token =
        inner.account(account).tokens.get(&id).cloned().ok_or_else(|| ApiError::not_found("token"))?;
    let status = charge_status(&inner, account, token.charge_id.as_deref());
    Ok(json_response(StatusCode::OK, &token_json(&token, status)))
}
