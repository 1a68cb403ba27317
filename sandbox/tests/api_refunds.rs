//! Refunds: full and partial, never more than what is left, the list and read endpoints,
//! settlement as sandbox time passes, and the documented failure rule (amount ending in 13, or
//! `metadata[sandbox_refund]=fail`).

mod common;

use common::{start, Sandbox, PK, SK};
use serde_json::{json, Value};

async fn paid_charge(sb: &Sandbox, amount: i64) -> String {
    let t = sb.token("4242424242424242").await;
    let form = format!("card={}&amount={amount}&currency=thb", t["id"].as_str().unwrap());
    sb.post_form("/charges", Some(SK), &form).await.json()["id"].as_str().unwrap().to_owned()
}

async fn refund(sb: &Sandbox, charge: &str, body: Value) -> Value {
    let r = sb.post_json(&format!("/charges/{charge}/refunds"), Some(SK), &body).await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.json()
}

async fn charge(sb: &Sandbox, id: &str) -> Value {
    sb.get(&format!("/charges/{id}"), Some(SK)).await.json()
}

async fn settle(sb: &Sandbox) {
    let r = sb.post_json("/__sandbox/clock", None, &json!({"advanceSeconds": 61})).await;
    assert_eq!(r.status, 200);
}

#[tokio::test]
async fn partial_refunds_then_the_rest_and_no_more() {
    let sb = start().await;
    let id = paid_charge(&sb, 10000).await;
    let r1 = refund(&sb, &id, json!({"amount": 3000, "metadata": {"reason": "broken"}})).await;
    assert_eq!(
        (r1["object"].as_str(), r1["status"].as_str(), r1["amount"].as_i64()),
        (Some("refund"), Some("pending"), Some(3000))
    );
    assert_eq!(
        (r1["charge"].as_str(), r1["metadata"]["reason"].as_str()),
        (Some(id.as_str()), Some("broken"))
    );
    assert!(r1["transaction"].as_str().unwrap().starts_with("trxn_test_"));
    let c = charge(&sb, &id).await;
    assert_eq!(
        (c["refunded_amount"].as_i64(), c["refundable"].as_bool(), c["refunds"]["total"].as_u64()),
        (Some(3000), Some(true), Some(1))
    );
    sb.post_json(&format!("/charges/{id}/refunds"), Some(SK), &json!({"amount": 7001}))
        .await
        .assert_error(400, "failed_refund");
    let rest = refund(&sb, &id, json!({})).await;
    assert_eq!(rest["amount"], 7000);
    let c = charge(&sb, &id).await;
    assert_eq!((c["refunded_amount"].as_i64(), c["refundable"].as_bool()), (Some(10000), Some(false)));
    sb.post_json(&format!("/charges/{id}/refunds"), Some(SK), &json!({}))
        .await
        .assert_error(400, "failed_refund");
    // Lists and reads.
    let list = sb.get(&format!("/charges/{id}/refunds"), Some(SK)).await.json();
    assert_eq!((list["object"].as_str(), list["total"].as_u64()), (Some("list"), Some(2)));
    let one = sb.get(&format!("/charges/{id}/refunds/{}", r1["id"].as_str().unwrap()), Some(SK)).await.json();
    assert_eq!(one["id"], r1["id"]);
    assert_eq!(sb.get("/refunds", Some(SK)).await.json()["total"], 2);
    sb.get(&format!("/charges/{id}/refunds/rfnd_test_nope"), Some(SK)).await.assert_error(404, "not_found");
    sb.get("/charges/chrg_test_nope/refunds", Some(SK)).await.assert_error(404, "not_found");
    sb.get("/refunds", Some(PK)).await.assert_error(401, "authentication_failure");
}

#[tokio::test]
async fn refunds_settle_as_sandbox_time_passes() {
    let sb = start().await;
    let id = paid_charge(&sb, 10000).await;
    let ok = refund(&sb, &id, json!({"amount": 2000})).await;
    let fails = refund(&sb, &id, json!({"amount": 1013})).await;
    let flagged = refund(&sb, &id, json!({"amount": 500, "metadata": {"sandbox_refund": "fail"}})).await;
    assert_eq!(charge(&sb, &id).await["refunded_amount"], 3513);
    settle(&sb).await;
    let status = |r: &Value| {
        let path = format!("/charges/{id}/refunds/{}", r["id"].as_str().unwrap());
        let sb = &sb;
        async move { sb.get(&path, Some(SK)).await.json()["status"].as_str().unwrap().to_owned() }
    };
    assert_eq!(status(&ok).await, "successful");
    assert_eq!(status(&fails).await, "failed");
    assert_eq!(status(&flagged).await, "failed");
    // Failed refunds give their amount back.
    let c = charge(&sb, &id).await;
    assert_eq!((c["refunded_amount"].as_i64(), c["refundable"].as_bool()), (Some(2000), Some(true)));
    let events = sb.get("/events?limit=100", Some(SK)).await.json();
    let keys: Vec<&str> =
        events["data"].as_array().unwrap().iter().map(|e| e["key"].as_str().unwrap()).collect();
    assert_eq!(keys.iter().filter(|k| **k == "refund.create").count(), 3);
    assert_eq!(keys.iter().filter(|k| **k == "refund.success").count(), 1);
    assert_eq!(keys.iter().filter(|k| **k == "refund.fail").count(), 2);
}

#[tokio::test]
async fn only_paid_charges_are_refunded() {
    let sb = start().await;
    let t = sb.token("4111111111140011").await;
    let form = format!("card={}&amount=10000&currency=thb", t["id"].as_str().unwrap());
    let failed = sb.post_form("/charges", Some(SK), &form).await.json();
    sb.post_json(&format!("/charges/{}/refunds", failed["id"].as_str().unwrap()), Some(SK), &json!({}))
        .await
        .assert_error(400, "failed_refund");
    let id = paid_charge(&sb, 10000).await;
    sb.post_json(&format!("/charges/{id}/refunds"), Some(SK), &json!({"amount": -1}))
        .await
        .assert_error(400, "bad_request");
    sb.post_json(&format!("/charges/{id}/refunds"), Some(PK), &json!({}))
        .await
        .assert_error(401, "authentication_failure");
}
