//! The demo shop's membership (seed 000: retry → suspend → new card → missed charge → new
//! schedule), its back office (seed 004: full and partial refunds, a failed one) and its
//! webhook endpoint under replays and out-of-order deliveries.

mod common;

use common::{start, Sandbox, SK};
use serde_json::{json, Value};

trait DemoError {
    fn demo_error(&self, status: u16, code: &str);
}

impl DemoError for common::Resp {
    fn demo_error(&self, status: u16, code: &str) {
        assert_eq!(
            (self.status.as_u16(), self.json()["code"].as_str()),
            (status, Some(code)),
            "{}",
            self.body
        );
    }
}

async fn subscribe(sb: &Sandbox, number: &str) -> Value {
    let token = sb.token(number).await;
    let r = sb.post_json("/demo/members", None, &json!({"token": token["id"]})).await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.json()
}

async fn advance_days(sb: &Sandbox, days: i64) {
    let r = sb.post_json("/__sandbox/clock", None, &json!({"advanceDays": days})).await;
    assert_eq!(r.status, 200, "{}", r.body);
}

#[tokio::test]
async fn a_good_card_subscribes_and_is_charged_at_once() {
    let sb = start().await;
    let m = subscribe(&sb, "4242424242424242").await;
    assert_eq!(m["card"]["lastDigits"], "4242");
    assert_eq!(m["schedule"]["status"], "active");
    assert_eq!(m["lastCharge"]["status"], "successful");
    assert_eq!((m["needsCard"].clone(), m["failure"].clone()), (json!(false), Value::Null));
    assert_eq!(
        m["plan"],
        json!({"amount": 100000, "currency": "thb", "period": "month", "description": "Demo membership"})
    );
}

#[tokio::test]
async fn suspended_member_updates_card_pays_the_missed_charge_once_and_gets_a_new_schedule() {
    let sb = start().await;
    let m = subscribe(&sb, "4111111111140011").await;
    let id = m["id"].as_str().unwrap().to_owned();
    assert_eq!(m["failure"]["code"], "insufficient_fund", "{m}");
    // The two retries fail too: the schedule is suspended.
    advance_days(&sb, 1).await;
    advance_days(&sb, 1).await;
    let m = sb.get(&format!("/demo/members/{id}"), None).await.json();
    assert_eq!(m["schedule"]["status"], "suspended", "{m}");
    assert_eq!(m["needsCard"], true);
    assert_eq!(m["failure"]["amount"], 100000);
    assert_eq!(m["failure"]["description"], "Demo membership");

    let token = sb.token("5555555555554444").await;
    let path = format!("/demo/members/{id}/card");
    let m = sb.post_json(&path, None, &json!({"token": token["id"]})).await.json();
    assert_eq!(m["recovery"]["status"], "successful", "{m}");
    assert_eq!(m["recovery"]["amount"], 100000);
    assert_eq!(m["card"]["lastDigits"], "4444");
    assert_eq!(m["schedule"]["status"], "active");
    assert_eq!((m["needsCard"].clone(), m["failure"].clone()), (json!(false), Value::Null));

    // Again: nothing more is charged, no third schedule.
    let token = sb.token("4242424242424242").await;
    let again = sb.post_json(&path, None, &json!({"token": token["id"]})).await.json();
    assert_eq!(again["recovery"], Value::Null, "{again}");
    let customers = sb.get("/customers", Some(SK)).await.json();
    assert_eq!(customers["total"], 1);
    let schedules = sb.get(&format!("/customers/{id}/schedules"), Some(SK)).await.json();
    let statuses: Vec<&str> =
        schedules["data"].as_array().unwrap().iter().map(|s| s["status"].as_str().unwrap()).collect();
    assert_eq!(statuses.len(), 2, "{schedules}");
    assert!(statuses.contains(&"suspended") && statuses.contains(&"active"), "{statuses:?}");
    let missed = sb.get("/search?scope=charge&query=missed", Some(SK)).await.json();
    assert_eq!(missed["total"], 1, "{missed}");
}

#[tokio::test]
async fn member_endpoints_refuse_bad_input() {
    let sb = start().await;
    sb.get("/demo/members/chrg_test_1", None).await.demo_error(404, "not_found");
    sb.post_json("/demo/members", None, &json!({"token": "nope"})).await.demo_error(400, "bad_request");
    let r = sb.post_form("/demo/members", None, "token=tokn_x").await;
    assert_eq!(r.status, 415);
}

async fn order(sb: &Sandbox) -> String {
    let token = sb.token("4242424242424242").await;
    let r = sb.post_json("/demo/orders", None, &json!({"token": token["id"]})).await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.json()["orderId"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn admin_lists_orders_and_refunds_partly_then_fully() {
    let sb = start().await;
    let id = order(&sb).await;
    let list = sb.get("/demo/admin/orders", None).await.json();
    assert_eq!(list["orders"][0]["orderId"], id.as_str(), "{list}");
    assert_eq!(list["orders"][0]["status"], "successful");
    let refunds = format!("/demo/admin/orders/{id}/refunds");
    let part = sb.post_json(&refunds, None, &json!({"amount": 10000})).await.json();
    assert_eq!((part["amount"].clone(), part["status"].clone()), (json!(10000), json!("pending")), "{part}");
    let failing = sb.post_json(&refunds, None, &json!({"amount": 1013})).await.json();
    assert_eq!(failing["status"], "pending");
    advance_days(&sb, 1).await;
    let status = sb.get(&format!("/demo/orders/{id}"), None).await.json();
    let refunds_seen: Vec<(i64, &str)> = status["refunds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["amount"].as_i64().unwrap(), r["status"].as_str().unwrap()))
        .collect();
    assert_eq!(refunds_seen, vec![(10000, "successful"), (1013, "failed")], "{status}");
    // Full: what is left (the failed refund's amount came back).
    let full = sb.post_json(&refunds, None, &json!({})).await.json();
    assert_eq!(full["amount"], 90000, "{full}");
    sb.post_json(&refunds, None, &json!({"amount": 1})).await.demo_error(400, "failed_refund");
    sb.post_json(&refunds, None, &json!({"amount": -5})).await.demo_error(400, "invalid_amount");
    sb.post_json("/demo/admin/orders/ord_nope/refunds", None, &json!({})).await.demo_error(404, "not_found");
}

async fn deliver(sb: &Sandbox, e: Value) {
    let r = sb.post_json("/demo/webhooks", None, &e).await;
    assert_eq!(r.status, 200, "{}", r.body);
}

async fn webhook(sb: &Sandbox, id: &str) -> Value {
    sb.get(&format!("/demo/orders/{id}"), None).await.json()["webhook"].clone()
}

async fn event(sb: &Sandbox, key: &str) -> Value {
    let events = sb.get("/events?limit=100", Some(SK)).await.json();
    events["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["key"] == key)
        .cloned()
        .unwrap_or_else(|| panic!("{key}"))
}

#[tokio::test]
async fn webhook_replays_and_out_of_order_events_change_nothing() {
    let sb = start().await;
    let id = order(&sb).await;
    let r = sb.post_json(&format!("/demo/admin/orders/{id}/refunds"), None, &json!({"amount": 5000})).await;
    assert_eq!(r.status, 200, "{}", r.body);
    sb.post_json("/__sandbox/clock", None, &json!({"advanceSeconds": 61})).await;
    let (created, success) = (event(&sb, "refund.create").await, event(&sb, "refund.success").await);
    assert_eq!(created["data"]["status"], "pending");
    deliver(&sb, success.clone()).await;
    let after_success = webhook(&sb, &id).await;
    assert_eq!(after_success, json!({"key": "refund.success", "status": "refund successful"}));
    // The same event twice, then the older one late: the order stays where it is.
    deliver(&sb, success.clone()).await;
    deliver(&sb, created.clone()).await;
    assert_eq!(webhook(&sb, &id).await, after_success);
    // A charge event delivered late reads the charge as it is now: still successful.
    deliver(&sb, event(&sb, "charge.create").await).await;
    let status = sb.get(&format!("/demo/orders/{id}"), None).await.json();
    assert_eq!(status["status"], "successful");
    assert_eq!(status["refunds"][0]["status"], "successful");
}
