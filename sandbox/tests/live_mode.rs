//! Live mode: the demo backend configured with another Omise account's keys and URLs. The real
//! Omise cannot be reached from the tests, so a second in-process sandbox plays it.

mod common;

use common::{start, start_with, Sandbox};
use omise_sandbox::upstream::Upstream;
use serde_json::{json, Value};

/// The "real Omise" (a second sandbox with fresh keys) and a demo in live mode pointing at it.
async fn live_pair() -> (Sandbox, Sandbox, String, String) {
    let omise = start().await;
    let (pk, sk) = omise.new_keys().await;
    let upstream = Upstream::new(&pk, &sk, &omise.base, &omise.base).expect("valid upstream");
    let demo = start_with(|c| c.upstream = Some(upstream)).await;
    (omise, demo, pk, sk)
}

async fn order(demo: &Sandbox, body: Value) -> common::Resp {
    demo.post_json("/demo/orders", None, &body).await
}

#[tokio::test]
async fn the_demo_pages_get_the_upstream_account_and_csp() {
    let (omise, demo, pk, _sk) = live_pair().await;
    let v = demo.get("/demo/config", None).await.json();
    let cart = json!({"amount": 100000, "currency": "thb"});
    let carts = json!([cart, {"amount": 3000, "currency": "jpy"}]);
    assert_eq!(
        v,
        json!({"publicKey": pk, "vaultUrl": omise.base, "apiUrl": omise.base, "live": true, "cart": cart,
               "carts": carts})
    );
    let page = demo.get("/", None).await;
    let csp = page.header("content-security-policy");
    assert!(csp.contains(&format!("connect-src 'self' {};", omise.base)), "{csp}");
    // PromptPay's QR image comes from the API's `download_uri`.
    assert!(csp.contains(&format!("img-src 'self' data: {};", omise.base)), "{csp}");
    assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval'"), "{csp}");
    // Sandbox mode keeps the strict policy.
    let plain = start().await;
    assert!(plain.get("/", None).await.header("content-security-policy").contains("connect-src 'self';"));
}

#[tokio::test]
async fn orders_are_charged_at_the_upstream_with_its_secret_key() {
    let (omise, demo, pk, sk) = live_pair().await;
    // The browser tokenizes at the upstream vault with the upstream public key.
    let token = omise.token_with(&pk, "4242424242424242").await;
    let r = order(&demo, json!({"token": token["id"], "amount": 100000, "currency": "thb", "publicKey": pk}))
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let o = r.json();
    assert_eq!(o["status"], "successful");
    let charge_id = o["chargeId"].as_str().unwrap();
    // The charge lives at the upstream, in that account; the local sandbox never saw it.
    let upstream_charge = omise.get(&format!("/charges/{charge_id}"), Some(&sk)).await;
    assert_eq!(upstream_charge.status, 200, "{}", upstream_charge.body);
    assert_eq!(upstream_charge.json()["amount"], 100000);
    assert_eq!(demo.get(&format!("/__sandbox/charges/{charge_id}"), None).await.status, 404);
    // The return URI still points at the demo's own complete page.
    let return_uri = upstream_charge.json()["return_uri"].as_str().unwrap().to_owned();
    assert!(return_uri.starts_with(&format!("{}/complete.html?order=", demo.base)), "{return_uri}");

    // A key other than the configured account's is refused before anything is sent.
    let r = order(
        &demo,
        json!({"token": token["id"], "amount": 100000, "currency": "thb", "publicKey": "pkey_test_other"}),
    )
    .await;
    assert_eq!(r.status, 400, "{}", r.body);
}

#[tokio::test]
async fn the_status_endpoint_reads_the_upstream_charge_through_3ds() {
    let (omise, demo, pk, _sk) = live_pair().await;
    let token = omise.token_with(&pk, "4111111111111111").await;
    let o = order(&demo, json!({"token": token["id"], "amount": 100000, "currency": "thb"})).await.json();
    assert_eq!(o["status"], "pending", "{o}");
    let authorize_uri = o["authorizeUri"].as_str().unwrap();
    // The 3-D Secure page is the upstream's (no Host rewriting towards a real API).
    assert!(authorize_uri.starts_with(&format!("{}/authorize/", omise.base)), "{authorize_uri}");
    let oid = o["orderId"].as_str().unwrap();
    let status = demo.get(&format!("/demo/orders/{oid}"), None).await.json();
    assert_eq!(status["status"], "pending");
    let r = omise.post_form(&omise.path_of(authorize_uri), None, "decision=authorize").await;
    assert_eq!(r.status, 303, "{}", r.body);
    let status = demo.get(&format!("/demo/orders/{oid}"), None).await.json();
    assert_eq!(
        (status["status"].as_str(), status["paid"].as_bool()),
        (Some("successful"), Some(true)),
        "{status}"
    );
}

#[tokio::test]
async fn upstream_errors_and_outages_reach_the_page_as_clear_errors() {
    let (omise, demo, pk, _sk) = live_pair().await;
    // The upstream's own error object is passed on.
    let r = order(&demo, json!({"token": "tokn_test_nope", "amount": 100000, "currency": "thb"})).await;
    assert_eq!(r.status, 404, "{}", r.body);
    assert_eq!(r.json()["error"]["code"], "not_found");

    // A secret key the upstream does not know: its 401 is passed on.
    let wrong = Upstream::new(&pk, "skey_test_unknown000", &omise.base, &omise.base).unwrap();
    let misconfigured = start_with(|c| c.upstream = Some(wrong)).await;
    let token = omise.token_with(&pk, "4242424242424242").await;
    let r = order(&misconfigured, json!({"token": token["id"], "amount": 100000, "currency": "thb"})).await;
    assert_eq!(r.status, 401, "{}", r.body);
    assert_eq!(r.json()["error"]["code"], "authentication_failure");

    // The upstream goes away: 502 with a message, for the order and for the status endpoint.
    let o = order(&demo, json!({"token": token["id"], "amount": 100000, "currency": "thb"})).await.json();
    let oid = o["orderId"].as_str().unwrap().to_owned();
    let mut omise = omise;
    omise.handle.take().unwrap().shutdown().await;
    let r = demo.get(&format!("/demo/orders/{oid}"), None).await;
    assert_eq!(r.status, 502, "{}", r.body);
    assert_eq!(r.json()["error"]["message"], "the payment API did not answer");
    let r = order(&demo, json!({"token": "tokn_test_x", "amount": 100000, "currency": "thb"})).await;
    assert_eq!(r.status, 502, "{}", r.body);

    // Over HTTPS (the real API's scheme): nothing listening is the same clear 502.
    let tls = Upstream::new(&pk, "skey_test_x", "https://127.0.0.1:1", "https://127.0.0.1:1").unwrap();
    let demo_tls = start_with(|c| c.upstream = Some(tls)).await;
    let r = order(&demo_tls, json!({"token": "tokn_test_x", "amount": 100000, "currency": "thb"})).await;
    assert_eq!(r.status, 502, "{}", r.body);
}
