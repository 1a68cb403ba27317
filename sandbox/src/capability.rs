//! The account room: `GET /capability` (either key: Omise.js asks with the public key),
//! `GET /account` and `GET /balance` (secret key). The capability is read from the same tables
//! the sandbox charges by (methods as data): the card brands of the widget's core, the source
//! types and currencies of sources.rs, the amount limits of `amount_and_currency`.

use crate::auth::{self, KeyKind};
use crate::clock::rfc3339_ms;
use crate::errors::{json_response, ApiError};
use crate::sources::{minimum_amount, CURRENCIES};
use crate::state::AppState;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use serde_json::{json, Value};

/// Card brands the sandbox's test cards cover (Omise's names).
const CARD_BRANDS: &[&str] =
    &["Visa", "MasterCard", "JCB", "American Express", "Diners Club", "Discover", "UnionPay"];
/// The largest amount `amount_and_currency` takes.
const MAX_AMOUNT: i64 = 100_000_000_000;
/// The API version the sandbox's objects follow.
pub const API_VERSION: &str = "2019-05-29";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/capability", get(capability))
        .route("/account", get(account))
        .route("/balance", get(balance))
}

fn currencies() -> Vec<&'static str> {
    CURRENCIES.to_vec()
}

pub fn capability_json() -> Value {
    let mut methods = vec![json!({
        "object": "payment_method",
        "name": "card",
        "currencies": currencies(),
        "card_brands": CARD_BRANDS,
        "installment_terms": null,
        "banks": [],
        "provider": null,
    })];
    for (name, _) in crate::methods::all_types() {
        let currency = omise_checkout_core::methods::find(name).map_or("thb", |m| m.currency);
        methods.push(json!({
            "object": "payment_method",
            "name": name,
            "currencies": if name.starts_with("paynow") { vec!["sgd"] } else { vec![currency] },
            "card_brands": null,
            "installment_terms": null,
            "banks": [],
            "provider": null,
        }));
    }
    json!({
        "object": "capability",
        "location": "/capability",
        "livemode": false,
        "country": "TH",
        "banks": ["bbl", "bay", "ktb", "scb"],
        "payment_methods": methods,
        "tokenization_methods": ["googlepay", "applepay"],
        "zero_interest_installments": false,
        "limits": {
            "charge_amount": {"min": minimum_amount("thb"), "max": MAX_AMOUNT},
            "installment_amount": {"min": 200_000},
        },
    })
}

pub async fn capability(State(app): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    auth::authenticate_any(&headers, &app.store.lock())?;
    Ok(json_response(StatusCode::OK, &capability_json()))
}

pub async fn account(State(app): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    let account = auth::authenticate(&headers, &app.store.lock(), KeyKind::Secret)?;
    let id = format!("acct_test_sandbox{account:010}");
    let webhook = app.config.webhooks.first().cloned();
    Ok(json_response(
        StatusCode::OK,
        &json!({
            "object": "account",
            "id": id,
            "livemode": false,
            "location": "/account",
            "email": "merchant@sandbox.test",
            "country": "TH",
            "currency": "thb",
            "supported_currencies": currencies(),
            "team": id,
            "webhook_uri": webhook,
            "api_version": API_VERSION,
            "auto_activate_recipients": true,
            "chain_enabled": false,
            "chain_return_uri": null,
            "zero_interest_installments": false,
            "metadata_export_keys": {},
            "created_at": rfc3339_ms(0),
        }),
    ))
}

/// `GET /balance`: THB charges paid, less their fees and the refunds not failed.
pub async fn balance(State(app): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    let now = app.now_ms();
    let mut inner = app.store.lock();
    let account = auth::authenticate(&headers, &inner, KeyKind::Secret)?;
    let acc = inner.account(account);
    let total: i64 = acc
        .charges
        .values()
        .filter(|c| c.currency == "thb" && c.paid(now))
        .map(|c| c.fees().2 - c.refunded_amount)
        .sum();
    Ok(json_response(
        StatusCode::OK,
        &json!({
            "object": "balance",
            "livemode": false,
            "location": "/balance",
            "currency": "thb",
            "total": total,
            "transferable": total,
            "reserve": 0,
            "on_hold": 0,
            "created_at": rfc3339_ms(now),
        }),
    ))
}
