//! The demo merchant backend: what a merchant's own server does with the secret key. It is
//! deliberately a *client* of the API (real HTTP over loopback), not a shortcut into the
//! store, so it behaves like any merchant integration, faults included. In live mode
//! (`Config::upstream`) the same calls go to the real Omise API over HTTPS.
//!
//! It charges like a shop, not like a payment API: only its own cart's total, only to its own
//! return page, and only for its own pages (guard.rs), so with real keys it cannot be used to
//! try stolen cards for arbitrary amounts or to send customers elsewhere after 3-D Secure.

use crate::app::AppState;
use crate::auth::KeyKind;
use crate::body::{int, read_params, text, Int};
use crate::errors::json_response;
use crate::ids;
use crate::store::Order;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};

/// Demo errors: `{"error":{"code","message"}}`, with the Omise-style top-level fields too so
/// either parser reads them.
pub fn demo_error(status: StatusCode, code: &str, message: &str) -> Response {
    json_response(
        status,
        &json!({"object": "error", "code": code, "message": message,
                "error": {"code": code, "message": message}}),
    )
}

/// The demo shop's cart: one item, THB 1,000.00 (www/index.html shows it; www/demo.js reads
/// it from `/demo/config`). The only amount the demo backend charges.
pub const CART_AMOUNT: i64 = 100_000;
pub const CART_CURRENCY: &str = "thb";
/// The same shop's Japanese cart (¥3,000), for PayPay and konbini: the only other order.
pub const CARTS: &[(i64, &str)] = &[(CART_AMOUNT, CART_CURRENCY), (3_000, "jpy")];
/// Longest `expiresInSeconds` an order may ask for (a QR code's or konbini's pay-by time).
const MAX_EXPIRES_IN_SECONDS: i64 = 7 * 24 * 3600;

fn cart_json() -> Value {
    json!({"amount": CART_AMOUNT, "currency": CART_CURRENCY})
}

fn carts_json() -> Value {
    CARTS.iter().map(|(amount, currency)| json!({"amount": amount, "currency": currency})).collect()
}

fn bad_gateway(message: &str) -> Response {
    demo_error(StatusCode::BAD_GATEWAY, "bad_gateway", message)
}

pub async fn config(State(app): State<AppState>, headers: HeaderMap) -> Response {
    let body = match &app.config.upstream {
        Some(up) => {
            json!({"publicKey": up.public_key, "vaultUrl": up.vault_url, "apiUrl": up.api_url, "live": true,
                   "cart": cart_json(), "carts": carts_json()})
        }
        None => {
            let origin = app.origin(&headers);
            json!({"publicKey": app.config.public_key, "vaultUrl": origin, "apiUrl": origin, "live": false,
                   "cart": cart_json(), "carts": carts_json()})
        }
    };
    json_response(StatusCode::OK, &body)
}

/// The secret key of the account that owns `public_key`, else the configured default.
fn secret_key_for(app: &AppState, public_key: Option<&str>) -> Option<String> {
    if let Some(up) = &app.config.upstream {
        return match public_key {
            Some(k) if k != up.public_key => None,
            _ => Some(up.secret_key.clone()),
        };
    }
    let Some(public_key) = public_key else { return Some(app.config.secret_key.clone()) };
    let inner = app.store.lock();
    let (account, kind) = inner.account_of(public_key)?;
    if kind != KeyKind::Public {
        return None;
    }
    inner.keys.iter().find(|(_, (a, k))| *a == account && *k == KeyKind::Secret).map(|(key, _)| key.clone())
}

/// Calls the API expecting a charge; `Ok(json)` for a 2xx charge, `Err(response)` to hand back as is.
async fn api(
    app: &AppState,
    method: Method,
    path: &str,
    key: &str,
    headers: &HeaderMap,
    form: Option<String>,
) -> Result<Value, Response> {
    match api_json(app, method, path, key, headers, form).await? {
        v if v.get("object").and_then(Value::as_str) == Some("charge") => Ok(v),
        _ => Err(bad_gateway("the payment API answered something that is not a charge")),
    }
}

/// Calls the API; `Ok(json)` for a 2xx JSON answer, `Err(response)` to hand back as is
/// (the membership and shop-admin endpoints, demo_member.rs / demo_admin.rs, use it too).
pub async fn api_json(
    app: &AppState,
    method: Method,
    path: &str,
    key: &str,
    headers: &HeaderMap,
    form: Option<String>,
) -> Result<Value, Response> {
    let origin = app.origin(headers);
    let (url, host) = match &app.config.upstream {
        // The real API: its own Host.
        Some(up) => (format!("{}{path}", up.api_url), None),
        None => (format!("http://{}{path}", app.loopback_addr()), origin.strip_prefix("http://")),
    };
    let (status, body) = app
        .client
        .call(method, &url, key, host, form)
        .await
        .map_err(|_| bad_gateway("the payment API did not answer"))?;
    let parsed: Option<Value> = serde_json::from_slice(&body).ok();
    if !status.is_success() {
        let code = parsed.as_ref().and_then(|v| v.get("code")?.as_str().map(str::to_owned));
        let message = parsed.as_ref().and_then(|v| v.get("message")?.as_str().map(str::to_owned));
        return Err(match (code, message) {
            (Some(code), Some(message)) => demo_error(status, &code, &message),
            _ => bad_gateway(&format!("the payment API answered {}", status.as_u16())),
        });
    }
    parsed.ok_or_else(|| bad_gateway("the payment API answered something that is not JSON"))
}

/// The secret key the demo shop itself uses (members, admin): the live account's or the
/// configured one.
pub fn shop_secret_key(app: &AppState) -> String {
    match &app.config.upstream {
        Some(up) => up.secret_key.clone(),
        None => app.config.secret_key.clone(),
    }
}

fn field(charge: &Value, key: &str) -> Value {
    charge.get(key).cloned().unwrap_or(Value::Null)
}

/// The `POST /charges` form for an order. (A separate sync function: the serializer is not
/// `Send` and must not live across an await.)
fn charge_form(params: &Value, cart: (i64, &str), return_uri: &str, order_id: &str, now_ms: i64) -> String {
    let mut form = form_urlencoded::Serializer::new(String::new());
    if let Some(token) = text(params, "token") {
        form.append_pair("card", &token);
    }
    if let Some(source) = text(params, "source") {
        form.append_pair("source", &source);
    }
    form.append_pair("amount", &cart.0.to_string());
    form.append_pair("currency", cart.1);
    // The shop's pay-by time for a QR code or a konbini payment.
    if let Int::Value(s) = int(params, "expiresInSeconds") {
        if (1..=MAX_EXPIRES_IN_SECONDS).contains(&s) {
            form.append_pair("expires_at", &crate::clock::rfc3339_ms(now_ms + s * 1000));
        }
    }
    form.append_pair("return_uri", return_uri);
    form.append_pair("description", &format!("Demo order {order_id}"));
    form.append_pair("metadata[order_id]", order_id);
    if let Int::Value(ms) = int(params, "settleDelayMs") {
        form.append_pair("metadata[sandbox_settle_delay_ms]", &ms.to_string());
    }
    form.finish()
}

/// Orders are JSON only: a form or text body is what a cross-site page can send without a
/// preflight.
pub fn is_json(headers: &HeaderMap) -> bool {
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    content_type.split(';').next().unwrap_or("").trim().eq_ignore_ascii_case("application/json")
}

/// The cart ordered (by its currency, THB when none is given); an order for anything but a
/// cart's total is refused before anything is charged.
fn cart_of(params: &Value) -> Option<(i64, &'static str)> {
    let currency = text(params, "currency").unwrap_or_else(|| CART_CURRENCY.to_owned());
    let cart = CARTS.iter().copied().find(|(_, c)| currency.eq_ignore_ascii_case(c));
    let amount_ok = |total: i64| match int(params, "amount") {
        Int::Missing => true,
        Int::Value(v) => v == total,
        Int::Invalid => false,
    };
    cart.filter(|cart| amount_ok(cart.0))
}

/// The charge as the shop's page needs it after the order (`checkout.handleCharge`): status,
/// `authorize_uri`, `expires_at` and the source (PromptPay's QR code, konbini's references).
fn charge_for_page(charge: &Value) -> Value {
    let mut out = serde_json::Map::new();
    for key in [
        "object",
        "id",
        "status",
        "amount",
        "currency",
        "authorize_uri",
        "expires_at",
        "failure_code",
        "source",
    ] {
        out.insert(key.to_owned(), field(charge, key));
    }
    Value::Object(out)
}

/// `POST /demo/orders` (JSON) `{"token"|"source","amount"?,"currency"?,"settleDelayMs"?,"expiresInSeconds"?,
/// "publicKey"?,"lang"?}`: a charge for the cart, returning to this server's `complete.html`.
/// A client's `returnUri` is ignored.
pub async fn create_order(State(app): State<AppState>, headers: HeaderMap, body: Body) -> Response {
    if !is_json(&headers) {
        let message = "send the order as application/json";
        return demo_error(StatusCode::UNSUPPORTED_MEDIA_TYPE, "bad_request", message);
    }
    let params = match read_params(&headers, body).await {
        Ok(p) => p,
        Err(e) => return demo_error(e.status, &e.code, &e.message),
    };
    let Some(cart) = cart_of(&params) else {
        let message = "amount and currency must be the cart's total (100000 thb or 3000 jpy)";
        return demo_error(StatusCode::BAD_REQUEST, "invalid_amount", message);
    };
    let Some(secret_key) = secret_key_for(&app, params.get("publicKey").and_then(Value::as_str)) else {
        return demo_error(StatusCode::BAD_REQUEST, "bad_request", "publicKey is not a known public key");
    };
    let origin = app.origin(&headers);
    let order_id = ids::random_id("ord_");
    // The shopper's language, so the bank's page and the return page keep speaking it: one of
    // the demo's own three, never free text.
    let lang =
        params.get("lang").and_then(Value::as_str).filter(|l| ["en", "ja", "th"].contains(l)).unwrap_or("en");
    let return_uri = format!("{origin}/complete.html?order={order_id}&lang={lang}");
    let form = charge_form(&params, cart, &return_uri, &order_id, app.now_ms());
    let charge = match api(&app, Method::POST, "/charges", &secret_key, &headers, Some(form)).await {
        Ok(charge) => charge,
        Err(resp) => return resp,
    };
    let charge_id = charge.get("id").and_then(Value::as_str).unwrap_or_default().to_owned();
    let order = Order { charge_id: charge_id.clone(), secret_key, webhook: None };
    let _ = app
        .write(|inner, _| {
            inner.insert_order(order_id.clone(), order);
            Ok(())
        })
        .await;
    json_response(
        StatusCode::OK,
        &json!({
            "orderId": order_id,
            "chargeId": charge_id,
            "status": field(&charge, "status"),
            "authorizeUri": field(&charge, "authorize_uri"),
            "failureCode": field(&charge, "failure_code"),
            "failureMessage": field(&charge, "failure_message"),
            "statusUrl": format!("{origin}/demo/orders/{order_id}"),
            "amount": field(&charge, "amount"),
            "currency": field(&charge, "currency"),
            "charge": charge_for_page(&charge),
        }),
    )
}

/// `GET /demo/orders/{id}`: the merchant's status endpoint the return page polls.
pub async fn order_status(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let Some(order) = app.store.lock().orders.get(&id).cloned() else {
        return demo_error(StatusCode::NOT_FOUND, "not_found", "order was not found");
    };
    let path = format!("/charges/{}", order.charge_id);
    match api(&app, Method::GET, &path, &order.secret_key, &headers, None).await {
        Ok(charge) => json_response(
            StatusCode::OK,
            &json!({
                "object": "charge",
                "id": field(&charge, "id"),
                "status": field(&charge, "status"),
                "failure_code": field(&charge, "failure_code"),
                "failure_message": field(&charge, "failure_message"),
                "amount": field(&charge, "amount"),
                "currency": field(&charge, "currency"),
                "paid": field(&charge, "paid"),
                // How the shopper paid: the source's type, else a card (the widget's failure
                // texts for banks and wallets never speak of a card).
                "method": charge.get("source").and_then(|s| s.get("type")).cloned().unwrap_or_else(|| json!("card")),
                // Each refund (id, amount, status), oldest first (the order page's refund lines).
                "refunds": crate::demo_admin::refunds_json(&charge),
                // The last webhook event about this charge, verified with the API (demo_webhooks.rs).
                "webhook": crate::demo_webhooks::webhook_json(&order),
            }),
        ),
        Err(resp) => resp,
    }
}

/// `GET /demo/orders` → `{"count":N}` orders created since the last reset.
pub async fn count_orders(State(app): State<AppState>) -> Response {
    let count = app.store.lock().orders.len();
    json_response(StatusCode::OK, &json!({"count": count}))
}
