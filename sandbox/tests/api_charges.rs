//! The charge API beyond create/read: list, update, authorize-only + capture, reverse, expire,
//! `expires_at` under the sandbox clock, customer and inline-source charges, the object's
//! fields and types, and the errors of each endpoint.

mod common;

use common::{start, Sandbox, PK, SK};
use serde_json::{json, Value};

async fn advance_days(sb: &Sandbox, days: f64) {
    let r = sb.post_json("/__sandbox/clock", None, &json!({"advanceDays": days})).await;
    assert_eq!(r.status, 200, "{}", r.body);
}

async fn charge(sb: &Sandbox, extra: &str) -> Value {
    let t = sb.token("4242424242424242").await;
    let form = format!("card={}&amount=10000&currency=thb{extra}", t["id"].as_str().unwrap());
    let r = sb.post_form("/charges", Some(SK), &form).await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.json()
}

async fn post(sb: &Sandbox, path: &str, body: &Value) -> Value {
    let r = sb.post_json(path, Some(SK), body).await;
    assert_eq!(r.status, 200, "{path}: {}", r.body);
    r.json()
}

/// Every documented field, with its JSON type.
const FIELDS: &[(&str, &str)] = &[
    ("object", "string"),
    ("id", "string"),
    ("livemode", "bool"),
    ("location", "string"),
    ("amount", "number"),
    ("currency", "string"),
    ("status", "string"),
    ("authorized", "bool"),
    ("paid", "bool"),
    ("capture", "bool"),
    ("capturable", "bool"),
    ("reversed", "bool"),
    ("reversible", "bool"),
    ("refundable", "bool"),
    ("partially_refundable", "bool"),
    ("expired", "bool"),
    ("voided", "bool"),
    ("disputable", "bool"),
    ("refunded_amount", "number"),
    ("net", "number"),
    ("fee", "number"),
    ("fee_vat", "number"),
    ("funding_amount", "number"),
    ("funding_currency", "string"),
    ("refunds", "object"),
    ("metadata", "object"),
    ("transaction", "string"),
    ("paid_at", "string"),
    ("expires_at", "string"),
    ("created_at", "string"),
    ("card", "object"),
    ("transaction_fees", "object"),
    ("missing_3ds_fields", "array"),
    ("customer", "null"),
    ("dispute", "null"),
    ("ip", "string"),
    ("expired_at", "null"),
    ("reversed_at", "null"),
    ("failure_code", "null"),
    ("schedule", "null"),
    ("source", "null"),
];

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

#[tokio::test]
async fn the_charge_object_has_every_documented_field_with_its_type() {
    let sb = start().await;
    let c = charge(&sb, "&ip=203.0.113.1&description=Tea").await;
    for (name, want) in FIELDS {
        assert_eq!(kind(&c[name]), *want, "{name}: {}", c[name]);
    }
    assert_eq!(
        (c["status"].as_str(), c["paid"].as_bool(), c["capturable"].as_bool()),
        (Some("successful"), Some(true), Some(false))
    );
    assert_eq!(c["refunds"]["object"], "list");
    assert_eq!(
        c["net"].as_i64().unwrap() + c["fee"].as_i64().unwrap() + c["fee_vat"].as_i64().unwrap(),
        10000
    );
}

#[tokio::test]
async fn list_charges_honours_limit_offset_order_and_window() {
    let sb = start().await;
    let mut ids = Vec::new();
    for _ in 0..5 {
        ids.push(charge(&sb, "").await["id"].as_str().unwrap().to_owned());
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    let all = sb.get("/charges", Some(SK)).await.json();
    assert_eq!(
        (all["object"].as_str(), all["total"].as_u64(), all["limit"].as_u64()),
        (Some("list"), Some(5), Some(20))
    );
    for key in ["data", "offset", "limit", "total", "order", "from", "to", "location"] {
        assert!(!all[key].is_null(), "{key}");
    }
    let page = sb.get("/charges?limit=2&offset=1", Some(SK)).await.json();
    let got: Vec<&str> = page["data"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(got, [ids[1].as_str(), ids[2].as_str()]);
    let rev = sb.get("/charges?order=reverse_chronological&limit=1", Some(SK)).await.json();
    assert_eq!(
        (rev["data"][0]["id"].as_str(), rev["order"].as_str()),
        (Some(ids[4].as_str()), Some("reverse_chronological"))
    );
    let none = sb.get("/charges?to=2000-01-01T00:00:00Z", Some(SK)).await.json();
    assert_eq!(none["total"], 0);
    sb.get("/charges?limit=x", Some(SK)).await.assert_error(400, "bad_request");
    sb.get("/charges", Some(PK)).await.assert_error(401, "authentication_failure");
    // Trailing slash and the Omise-Version header are accepted.
    let r = sb.send("GET", "/charges/", Some(SK), None, &[("omise-version", "2019-05-29")]).await;
    assert_eq!(r.json()["total"], 5);
}

#[tokio::test]
async fn authorize_only_then_capture_in_part() {
    let sb = start().await;
    let c = charge(&sb, "&capture=false").await;
    let id = c["id"].as_str().unwrap();
    assert_eq!(
        (
            c["authorized"].as_bool(),
            c["paid"].as_bool(),
            c["capturable"].as_bool(),
            c["status"].as_str(),
            c["capture"].as_bool()
        ),
        (Some(true), Some(false), Some(true), Some("pending"), Some(false))
    );
    assert_eq!(c["transaction"], Value::Null);
    let r =
        sb.post_json(&format!("/charges/{id}/capture"), Some(SK), &json!({"capture_amount": 20000})).await;
    r.assert_error(400, "failed_capture");
    let captured = post(&sb, &format!("/charges/{id}/capture"), &json!({"capture_amount": 6000})).await;
    assert_eq!(
        (
            captured["status"].as_str(),
            captured["paid"].as_bool(),
            captured["funding_amount"].as_i64(),
            captured["captured_amount"].as_i64()
        ),
        (Some("successful"), Some(true), Some(6000), Some(6000))
    );
    assert!(captured["transaction"].as_str().unwrap().starts_with("trxn_test_"));
    sb.post_json(&format!("/charges/{id}/capture"), Some(SK), &json!({}))
        .await
        .assert_error(400, "failed_capture");
    sb.post_json(&format!("/charges/{id}/reverse"), Some(SK), &json!({}))
        .await
        .assert_error(400, "bad_request");
    // A captured-at-once charge cannot be captured again.
    let paid = charge(&sb, "").await;
    sb.post_json(&format!("/charges/{}/capture", paid["id"].as_str().unwrap()), Some(SK), &json!({}))
        .await
        .assert_error(400, "failed_capture");
    sb.post_json("/charges/chrg_test_nope/capture", Some(SK), &json!({}))
        .await
        .assert_error(404, "not_found");
}

#[tokio::test]
async fn reverse_releases_an_authorization() {
    let sb = start().await;
    let c = charge(&sb, "&capture=false").await;
    let id = c["id"].as_str().unwrap();
    let r = post(&sb, &format!("/charges/{id}/reverse"), &json!({})).await;
    assert_eq!(
        (r["status"].as_str(), r["reversed"].as_bool(), r["authorized"].as_bool()),
        (Some("reversed"), Some(true), Some(false))
    );
    assert!(r["reversed_at"].is_string());
    sb.post_json(&format!("/charges/{id}/capture"), Some(SK), &json!({}))
        .await
        .assert_error(400, "failed_capture");
}

#[tokio::test]
async fn expire_and_expires_at_under_the_sandbox_clock() {
    let sb = start().await;
    // A pending 3-D Secure charge expired by hand.
    let t = sb.token("4111111111111111").await;
    let form = format!(
        "card={}&amount=10000&currency=thb&return_uri=http%3A%2F%2Fshop.test%2F",
        t["id"].as_str().unwrap()
    );
    let c = sb.post_form("/charges", Some(SK), &form).await.json();
    let e = post(&sb, &format!("/charges/{}/expire", c["id"].as_str().unwrap()), &json!({})).await;
    assert_eq!((e["status"].as_str(), e["expired"].as_bool()), (Some("expired"), Some(true)));
    sb.post_json(&format!("/charges/{}/expire", e["id"].as_str().unwrap()), Some(SK), &json!({}))
        .await
        .assert_error(400, "failed_expire");
    // An authorization with expires_at expires as sandbox time passes it; then capture is refused.
    let now = sb.get("/__sandbox/clock", None).await.json()["nowMs"].as_i64().unwrap();
    let at = omise_sandbox::clock::rfc3339_ms(now + 2 * 86_400_000);
    let a = charge(&sb, &format!("&capture=false&expires_at={}", at.replace(':', "%3A"))).await;
    assert_eq!(a["expires_at"], at.as_str());
    advance_days(&sb, 1.0).await;
    assert_eq!(
        sb.get(&format!("/charges/{}", a["id"].as_str().unwrap()), Some(SK)).await.json()["status"],
        "pending"
    );
    advance_days(&sb, 1.5).await;
    let x = sb.get(&format!("/charges/{}", a["id"].as_str().unwrap()), Some(SK)).await.json();
    assert_eq!(
        (x["status"].as_str(), x["expired"].as_bool(), x["capturable"].as_bool()),
        (Some("expired"), Some(true), Some(false))
    );
    sb.post_json(&format!("/charges/{}/capture", x["id"].as_str().unwrap()), Some(SK), &json!({}))
        .await
        .assert_error(400, "expired_charge");
    let past = charge_err(&sb, "&expires_at=2001-01-01T00%3A00%3A00Z").await;
    assert_eq!(past, "invalid_charge");
}

async fn charge_err(sb: &Sandbox, extra: &str) -> String {
    let t = sb.token("4242424242424242").await;
    let form = format!("card={}&amount=10000&currency=thb{extra}", t["id"].as_str().unwrap());
    sb.post_form("/charges", Some(SK), &form).await.json()["code"].as_str().unwrap_or("").to_owned()
}

#[tokio::test]
async fn update_description_and_metadata() {
    let sb = start().await;
    let c = charge(&sb, "&metadata%5Ba%5D=1&metadata%5Bb%5D=2").await;
    let path = format!("/charges/{}", c["id"].as_str().unwrap());
    let body = json!({"description": "Gift", "metadata": {"b": null, "c": "3"}}).to_string();
    let r = sb.send("PATCH", &path, Some(SK), Some(("application/json", &body)), &[]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let u = r.json();
    assert_eq!((u["description"].as_str(), &u["metadata"]), (Some("Gift"), &json!({"a": "1", "c": "3"})));
    let r =
        sb.send("PATCH", "/charges/chrg_test_nope", Some(SK), Some(("application/json", "{}")), &[]).await;
    r.assert_error(404, "not_found");
}

#[tokio::test]
async fn inline_sources_and_invalid_charges() {
    let sb = start().await;
    let body = json!({"amount": 150000, "currency": "thb", "source": {"type": "promptpay"}});
    let c = post(&sb, "/charges", &body).await;
    assert_eq!(
        (c["status"].as_str(), c["source"]["type"].as_str(), c["source"]["amount"].as_i64()),
        (Some("pending"), Some("promptpay"), Some(150000))
    );
    let form =
        "amount=150000&currency=thb&source%5Btype%5D=rabbit_linepay&return_uri=http%3A%2F%2Fshop.test%2F";
    assert_eq!(sb.post_form("/charges", Some(SK), form).await.json()["source"]["flow"], "redirect");
    sb.post_json(
        "/charges",
        Some(SK),
        &json!({"amount": 100, "currency": "thb", "source": {"type": "promptpay"}}),
    )
    .await
    .assert_error(400, "invalid_charge");
    sb.post_json(
        "/charges",
        Some(SK),
        &json!({"amount": 5000, "currency": "eur", "source": {"type": "promptpay"}}),
    )
    .await
    .assert_error(400, "invalid_charge");
    sb.post_json(
        "/charges",
        Some(SK),
        &json!({"amount": 5000, "currency": "thb", "source": {"type": "bitcoin"}}),
    )
    .await
    .assert_error(400, "invalid_source");
}

#[tokio::test]
async fn unknown_api_paths_are_omise_not_found_and_pages_still_serve() {
    let sb = start().await;
    for path in ["/charges/chrg_test_x/nothing", "/transfers", "/customers/cust_x/cards/card_x/more"] {
        let r = sb.get(path, Some(SK)).await;
        r.assert_error(404, "not_found");
    }
    assert!(sb.get("/app.js", None).await.body.contains("export"));
    assert!(sb.get("/sub/", None).await.body.contains("sub"));
}
