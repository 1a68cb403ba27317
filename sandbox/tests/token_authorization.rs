//! Token-time authorization (seed 001): with `--token-authorization` (or
//! `POST /__sandbox/config {"tokenAuthorization":true}`) creating a token runs the issuer's ¥100
//! check, so declining test cards fail at `POST /tokens` with `authorization_failed`.

mod common;

use common::{card_form, start, start_with, PK, SK};
use serde_json::json;

/// (card, fails at token creation). Declining cards fail; 3-D Secure cards and good ones tokenize.
const CARDS: &[(&str, bool)] = &[
    ("4242424242424242", false),
    ("4111111111111111", false),
    ("4111111111140011", true),  // insufficient_fund
    ("5555551111100012", true),  // stolen_or_lost_card
    ("3530111111170013", true),  // failed_processing
    ("4111111111110014", true),  // payment_rejected
    ("4111111111190016", true),  // failed_fraud_check
    ("4111111111180017", true),  // invalid_account_number
    ("4111111111160001", true),  // invalid_security_code
    ("4111111111150002", false), // 3-D Secure enrollment fails: only at charge time
];

#[tokio::test]
async fn declining_cards_fail_at_token_creation_with_the_flag() {
    let sb = start_with(|c| c.token_authorization = true).await;
    assert_eq!(sb.get("/__sandbox/config", None).await.json()["tokenAuthorization"], true);
    for (number, fails) in CARDS {
        let r = sb.post_form("/tokens", Some(PK), &card_form(number)).await;
        if *fails {
            let e = r.assert_error(400, "authorization_failed");
            assert!(e["message"].as_str().unwrap().contains("authorized"), "{number}: {e}");
        } else {
            assert_eq!(r.status, 200, "{number}: {}", r.body);
            assert_eq!(r.json()["object"], "token", "{number}");
        }
    }
}

#[tokio::test]
async fn without_the_flag_declining_cards_tokenize_and_fail_when_charged() {
    let sb = start().await;
    assert_eq!(sb.get("/__sandbox/config", None).await.json()["tokenAuthorization"], false);
    let charge = sb.charge_card("4111111111140011").await;
    assert_eq!(
        (charge["status"].as_str(), charge["failure_code"].as_str()),
        (Some("failed"), Some("insufficient_fund"))
    );
}

#[tokio::test]
async fn config_switches_it_on_until_reset() {
    let sb = start().await;
    let r = sb.post_json("/__sandbox/config", None, &json!({"tokenAuthorization": true})).await;
    assert_eq!(r.json()["tokenAuthorization"], true, "{}", r.body);
    sb.post_form("/tokens", Some(PK), &card_form("4111111111140011"))
        .await
        .assert_error(400, "authorization_failed");
    sb.post_json("/__sandbox/config", None, &json!({"tokenAuthorization": "yes"}))
        .await
        .assert_error(400, "bad_request");
    sb.post_json("/__sandbox/reset", None, &json!({})).await;
    assert_eq!(sb.post_form("/tokens", Some(PK), &card_form("4111111111140011")).await.status, 200);
}

#[tokio::test]
async fn a_card_that_passes_the_check_still_fails_at_charge_time() {
    let sb = start_with(|c| c.token_authorization = true).await;
    // A token made before the check was on keeps its card's behaviour.
    let r = sb.post_json("/__sandbox/config", None, &json!({"tokenAuthorization": false})).await;
    assert_eq!(r.json()["tokenAuthorization"], false);
    let token = sb.token("4111111111140011").await;
    sb.post_json("/__sandbox/config", None, &json!({"tokenAuthorization": true})).await;
    let form = format!("card={}&amount=10000&currency=thb", token["id"].as_str().unwrap());
    let charge = sb.post_form("/charges", Some(SK), &form).await.json();
    assert_eq!(charge["status"], "failed");
    assert_eq!(charge["failure_code"], "insufficient_fund");
    // A 3-D Secure card whose authentication fails tokenizes, then its charge fails.
    let charge = sb.charge_card("4111111111150002").await;
    assert_eq!(charge["status"], "pending");
}
