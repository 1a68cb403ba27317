//! The demo shop's back office: recent orders and refunds (seed 004: a full refund without
//! `amount`, a partial one with it; the refund's status is tracked until it settles). Like the
//! rest of the demo it is a client of the API with the shop's secret key, and answers only
//! the shop's own pages (guard.rs guards every `/demo/*` path).

use crate::body::{int, read_params, Int};
use crate::demo::{api_json, demo_error, is_json, shop_secret_key};
use crate::errors::json_response;
use crate::state::AppState;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};

/// `{id, amount, status}` of each refund on a charge, oldest first.
pub fn refunds_json(charge: &Value) -> Value {
    let refunds = charge["refunds"]["data"].as_array().cloned().unwrap_or_default();
    let mut rows: Vec<Value> = refunds
        .iter()
        .map(|r| {
            json!({"id": r["id"], "amount": r["amount"], "currency": r["currency"], "status": r["status"],
                        "createdAt": r["created_at"]})
        })
        .collect();
    rows.sort_by(|a, b| a["createdAt"].as_str().cmp(&b["createdAt"].as_str()));
    Value::Array(rows)
}

/// `GET /demo/admin/orders` → `{"orders":[…]}`: the shop's 20 newest charges that are demo
/// orders (found by `metadata[order_id]`), newest first.
pub async fn list_orders(State(app): State<AppState>, headers: HeaderMap) -> Response {
    let path = "/charges?order=reverse_chronological&limit=50";
    let charges = match api_json(&app, Method::GET, path, &shop_secret_key(&app), &headers, None).await {
        Ok(list) => list["data"].as_array().cloned().unwrap_or_default(),
        Err(resp) => return resp,
    };
    let known: Vec<String> = {
        let inner = app.store.lock();
        charges
            .iter()
            .filter_map(|c| c["metadata"]["order_id"].as_str())
            .filter(|id| inner.orders.contains_key(*id))
            .map(str::to_owned)
            .collect()
    };
    let orders: Vec<Value> = charges
        .iter()
        .filter(|c| c["metadata"]["order_id"].as_str().is_some_and(|id| known.iter().any(|k| k == id)))
        .take(20)
        .map(|c| {
            json!({"orderId": c["metadata"]["order_id"], "chargeId": c["id"], "amount": c["amount"],
                   "currency": c["currency"], "status": c["status"], "refundedAmount": c["refunded_amount"],
                   "refundable": c["refundable"], "createdAt": c["created_at"], "refunds": refunds_json(c)})
        })
        .collect();
    json_response(StatusCode::OK, &json!({"orders": orders}))
}

/// The refund's form, `None` for a bad amount. (Sync: the serializer is not `Send`.)
fn refund_form(params: &Value, order_id: &str) -> Option<String> {
    let mut form = form_urlencoded::Serializer::new(String::new());
    match int(params, "amount") {
        Int::Missing => {}
        Int::Value(a) if a > 0 => {
            form.append_pair("amount", &a.to_string());
        }
        _ => return None,
    }
    form.append_pair("metadata[order_id]", order_id);
    Some(form.finish())
}

/// `POST /demo/admin/orders/{id}/refunds` (JSON) `{"amount"?}`: refunds what is left of the
/// order's charge, or `amount` of it → `{"id","amount","currency","status"}`. The API's
/// errors (`failed_refund`: too much, not paid) keep their status.
pub async fn refund_order(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Body,
) -> Response {
    if !is_json(&headers) {
        return demo_error(StatusCode::UNSUPPORTED_MEDIA_TYPE, "bad_request", "send application/json");
    }
    let params = match read_params(&headers, body).await {
        Ok(p) => p,
        Err(e) => return demo_error(e.status, &e.code, &e.message),
    };
    let Some(order) = app.store.lock().orders.get(&id).cloned() else {
        return demo_error(StatusCode::NOT_FOUND, "not_found", "order was not found");
    };
    let Some(form) = refund_form(&params, &id) else {
        return demo_error(StatusCode::BAD_REQUEST, "invalid_amount", "amount must be a positive integer");
    };
    let path = format!("/charges/{}/refunds", order.charge_id);
    match api_json(&app, Method::POST, &path, &order.secret_key, &headers, Some(form)).await {
        Ok(r) => json_response(
            StatusCode::OK,
            &json!({"id": r["id"], "amount": r["amount"], "currency": r["currency"], "status": r["status"]}),
        ),
        Err(resp) => resp,
    }
}
