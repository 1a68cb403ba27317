//! Charges, sources, test-card outcomes, 3-D Secure journeys, settle delay, isolation.

mod common;

use common::{start, start_with, Sandbox, PK, SK};
use omise_sandbox::cards::failure_message;
use serde_json::{json, Value};
use std::time::Duration;

#[derive(Debug, Clone, Copy)]
enum Expect {
    Paid,
    ThreeDs,
    ThreeDsFails,
    Fails(&'static str),
}
use Expect::*;

/// SPEC §5, every card.
const CARDS: &[(&str, Expect)] = &[
    ("4242424242424242", Paid),
    ("5555555555554444", Paid),
    ("3530111333300000", Paid),
    ("378282246310005", Paid),
    ("6447032400000000001", Paid),
    ("36021042000004", Paid),
    ("6250947000000006", Paid),
    ("4111111111111111", ThreeDs),
    ("5454545454545454", ThreeDs),
    ("3566111111111113", ThreeDs),
    ("4111111111140011", Fails("insufficient_fund")),
    ("5555551111110011", Fails("insufficient_fund")),
    ("3530111111190011", Fails("insufficient_fund")),
    ("4111111111130012", Fails("stolen_or_lost_card")),
    ("5555551111100012", Fails("stolen_or_lost_card")),
    ("3530111111180012", Fails("stolen_or_lost_card")),
    ("4111111111120013", Fails("failed_processing")),
    ("5555551111190013", Fails("failed_processing")),
    ("3530111111170013", Fails("failed_processing")),
    ("4111111111110014", Fails("payment_rejected")),
    ("5555551111180014", Fails("payment_rejected")),
    ("3530111111160014", Fails("payment_rejected")),
    ("4111111111190016", Fails("failed_fraud_check")),
    ("5555551111160016", Fails("failed_fraud_check")),
    ("3530111111140016", Fails("failed_fraud_check")),
    ("4111111111180017", Fails("invalid_account_number")),
    ("5555551111150017", Fails("invalid_account_number")),
    ("3530111111130017", Fails("invalid_account_number")),
    ("4111111111160001", Fails("invalid_security_code")),
    ("5555551111130001", Fails("invalid_security_code")),
    ("3530111111110001", Fails("invalid_security_code")),
    ("4111111111150002", ThreeDsFails),
    ("5555551111120002", ThreeDsFails),
    ("3530111111100002", ThreeDsFails),
    ("4111111111140003", ThreeDsFails),
    ("5555551111110003", ThreeDsFails),
    ("3530111111190003", ThreeDsFails),
];

/// Answers the authorization page; returns the redirect target.
async fn decide(sb: &Sandbox, charge: &Value, decision: &str) -> String {
    let path = sb.path_of(charge["authorize_uri"].as_str().unwrap());
    let page = sb.get(&path, None).await;
    assert_eq!(page.status, 200);
    assert!(page.header("content-type").starts_with("text/html"));
    assert!(page.header("content-security-policy").contains("script-src 'self' 'wasm-unsafe-eval'"));
    assert!(page.body.contains("Sandbox Supply Co."));
    assert!(page.body.contains("value=\"authorize\"") && page.body.contains("value=\"decline\""));
    assert!(!page.body.contains("<script") && !page.body.contains("style="));
    let r = sb.post_form(&path, None, &format!("decision={decision}")).await;
    assert_eq!(r.status, 303, "{}", r.body);
    r.header("location").to_owned()
}

async fn charge_now(sb: &Sandbox, id: &str) -> Value {
    let r = sb.get(&format!("/charges/{id}"), Some(SK)).await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.json()
}

#[tokio::test]
async fn every_test_card_has_its_spec_outcome() {
    let sb = start().await;
    for (number, expect) in CARDS {
        let c = sb.charge_card(number).await;
        let id = c["id"].as_str().unwrap().to_owned();
        assert!(id.starts_with("chrg_test_"));
        assert_eq!(c["object"], "charge");
        assert_eq!((c["amount"].as_i64(), c["currency"].as_str()), (Some(10000), Some("thb")));
        assert_eq!(c["card"]["last_digits"], &number[number.len() - 4..]);
        match expect {
            Paid => {
                assert_eq!(c["status"], "successful", "{number}");
                assert_eq!((c["paid"].as_bool(), c["authorized"].as_bool()), (Some(true), Some(true)));
                assert_eq!(c["authorize_uri"], Value::Null);
                assert_eq!(c["failure_code"], Value::Null);
            }
            Fails(code) => {
                assert_eq!(c["status"], "failed", "{number}");
                assert_eq!(c["failure_code"], *code, "{number}");
                assert_eq!(c["failure_message"], failure_message(code));
                assert_eq!(c["paid"], false);
            }
            ThreeDs | ThreeDsFails => {
                assert_eq!(c["status"], "pending", "{number}");
                assert_eq!(c["authorize_uri"], format!("{}/authorize/{id}", sb.base));
                assert_eq!(c["return_uri"], "http://shop.test/done?order=7");
                let location = decide(&sb, &c, "authorize").await;
                assert_eq!(location, "http://shop.test/done?order=7");
                let after = charge_now(&sb, &id).await;
                if matches!(expect, ThreeDs) {
                    assert_eq!(
                        (after["status"].as_str(), after["paid"].as_bool()),
                        (Some("successful"), Some(true))
                    );
                } else {
                    assert_eq!(after["status"], "failed", "{number}");
                    assert_eq!(after["failure_code"], "payment_rejected");
                }
            }
        }
    }
    assert_eq!(sb.get("/sources/x", Some(PK)).await.status, 404);
    assert!(failure_message("insufficient_fund").starts_with("insufficient funds in the account"));
}

#[tokio::test]
async fn decline_fails_with_payment_rejected_and_reposting_redirects_again() {
    let sb = start().await;
    let c = sb.charge_card("5454545454545454").await;
    let id = c["id"].as_str().unwrap();
    assert_eq!(decide(&sb, &c, "decline").await, "http://shop.test/done?order=7");
    let after = charge_now(&sb, id).await;
    assert_eq!(
        (after["status"].as_str(), after["failure_code"].as_str()),
        (Some("failed"), Some("payment_rejected"))
    );
    // Re-posting a decided charge redirects again and changes nothing.
    let path = sb.path_of(c["authorize_uri"].as_str().unwrap());
    let r = sb.post_form(&path, None, "decision=authorize").await;
    assert_eq!((r.status.as_u16(), r.header("location")), (303, "http://shop.test/done?order=7"));
    assert_eq!(charge_now(&sb, id).await["status"], "failed");
    // Unknown charge: 404 page; no decision: 400 page.
    assert_eq!(sb.get("/authorize/chrg_test_nope", None).await.status, 404);
    assert_eq!(sb.post_form("/authorize/chrg_test_nope", None, "decision=authorize").await.status, 404);
    assert_eq!(sb.post_form(&path, None, "decision=maybe").await.status, 400);
    // A charge that needed no authorization has no page.
    let paid = sb.charge_card("4242424242424242").await;
    assert_eq!(sb.get(&format!("/authorize/{}", paid["id"].as_str().unwrap()), None).await.status, 404);
}

#[tokio::test]
async fn token_charge_status_follows_the_charge() {
    let sb = start().await;
    let token = sb.token("4111111111111111").await;
    let tid = token["id"].as_str().unwrap();
    let form = format!("card={tid}&amount=10000&currency=thb&return_uri=http%3A%2F%2Fshop.test%2F");
    let c = sb.post_form("/charges", Some(SK), &form).await.json();
    let status = |v: Value| v["charge_status"].as_str().unwrap().to_owned();
    assert_eq!(status(sb.get(&format!("/tokens/{tid}"), Some(PK)).await.json()), "pending");
    decide(&sb, &c, "authorize").await;
    assert_eq!(status(sb.get(&format!("/tokens/{tid}"), Some(PK)).await.json()), "successful");
}

#[tokio::test]
async fn settle_delay_keeps_the_charge_pending_after_the_redirect() {
    let sb = start_with(|c| c.settle_delay_ms = 400).await;
    let c = sb.charge_card("4111111111111111").await;
    let id = c["id"].as_str().unwrap();
    decide(&sb, &c, "authorize").await;
    assert_eq!(charge_now(&sb, id).await["status"], "pending");
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(charge_now(&sb, id).await["status"], "successful");

    // Per charge, through metadata (overrides the global delay).
    let c = sb.charge_card_with(PK, SK, "4111111111111111", "&metadata%5Bsandbox_settle_delay_ms%5D=0").await;
    decide(&sb, &c, "authorize").await;
    assert_eq!(charge_now(&sb, c["id"].as_str().unwrap()).await["status"], "successful");

    // Globally, through /__sandbox/config.
    assert_eq!(sb.get("/__sandbox/config", None).await.json()["settleDelayMs"], 400);
    let r = sb.post_json("/__sandbox/config", None, &json!({"settleDelayMs": 0})).await;
    assert_eq!(r.json()["settleDelayMs"], 0);
    sb.post_json("/__sandbox/config", None, &json!({"settleDelayMs": -1}))
        .await
        .assert_error(400, "bad_request");
    let c = sb.charge_card("4111111111111111").await;
    decide(&sb, &c, "decline").await;
    assert_eq!(charge_now(&sb, c["id"].as_str().unwrap()).await["status"], "failed");

    // Per account.
    let (pk, sk) = sb.new_keys().await;
    sb.post_json("/__sandbox/config", None, &json!({"settleDelayMs": 300, "key": pk})).await;
    let c = sb.charge_card_with(&pk, &sk, "4111111111111111", "").await;
    decide(&sb, &c, "authorize").await;
    let path = format!("/__sandbox/charges/{}", c["id"].as_str().unwrap());
    assert_eq!(sb.get(&path, None).await.json()["status"], "pending");
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(sb.get(&path, None).await.json()["status"], "successful");
}

#[tokio::test]
async fn charge_errors() {
    let sb = start().await;
    let t = sb.token("4242424242424242").await;
    let tid = t["id"].as_str().unwrap();
    // Public key cannot charge or read charges.
    let form = format!("card={tid}&amount=10000&currency=thb");
    sb.post_form("/charges", Some(PK), &form).await.assert_error(401, "authentication_failure");
    sb.post_form("/charges", None, &form).await.assert_error(401, "authentication_failure");
    sb.get("/charges/chrg_test_x", Some(PK)).await.assert_error(401, "authentication_failure");
    // Missing amount / currency, bad values: invalid_charge, as Omise answers.
    sb.post_form("/charges", Some(SK), &format!("card={tid}&currency=thb"))
        .await
        .assert_error(400, "invalid_charge");
    sb.post_form("/charges", Some(SK), &format!("card={tid}&amount=10000"))
        .await
        .assert_error(400, "invalid_charge");
    sb.post_form("/charges", Some(SK), &format!("card={tid}&amount=-5&currency=thb"))
        .await
        .assert_error(400, "invalid_charge");
    sb.post_form("/charges", Some(SK), &format!("card={tid}&amount=10000&currency=xxx"))
        .await
        .assert_error(400, "invalid_charge");
    sb.post_form("/charges", Some(SK), "amount=10000&currency=thb").await.assert_error(400, "bad_request");
    // Unknown token: 404; used token: 400 used_token.
    sb.post_form("/charges", Some(SK), "card=tokn_test_nope&amount=10000&currency=thb")
        .await
        .assert_error(404, "not_found");
    assert_eq!(sb.post_form("/charges", Some(SK), &form).await.json()["status"], "successful");
    sb.post_form("/charges", Some(SK), &form).await.assert_error(400, "used_token");
    sb.get("/charges/chrg_test_nope", Some(SK)).await.assert_error(404, "not_found");
    // 3-D Secure card without return_uri: 400, and the token stays usable.
    let t3 = sb.token("4111111111111111").await;
    let f3 = format!("card={}&amount=10000&currency=thb", t3["id"].as_str().unwrap());
    sb.post_form("/charges", Some(SK), &f3).await.assert_error(400, "bad_request");
    let ok = sb.post_form("/charges", Some(SK), &format!("{f3}&return_uri=https%3A%2F%2Fshop.test%2F")).await;
    assert_eq!(ok.json()["status"], "pending");
    // JSON bodies work too, with JSON metadata.
    let t = sb.token("5555555555554444").await;
    let body = json!({"card": t["id"], "amount": 123400, "currency": "THB", "description": "x",
                      "metadata": {"order": "42"}});
    let c = sb.post_json("/charges", Some(SK), &body).await.json();
    assert_eq!((c["status"].as_str(), c["currency"].as_str()), (Some("successful"), Some("thb")));
    assert_eq!(c["metadata"]["order"], "42");
}

#[tokio::test]
async fn sources_flows_and_charges() {
    let sb = start().await;
    for (kind, flow) in [
        ("mobile_banking_scb", "app_redirect"),
        ("truemoney_jumpapp", "app_redirect"),
        ("rabbit_linepay", "redirect"),
        ("alipay", "redirect"),
        ("promptpay", "offline"),
        ("paynow", "offline"),
    ] {
        let r = sb
            .post_json("/sources", Some(PK), &json!({"type": kind, "amount": 5000, "currency": "THB"}))
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        let s = r.json();
        assert!(s["id"].as_str().unwrap().starts_with("src_test_"));
        assert_eq!(
            (s["object"].as_str(), s["type"].as_str(), s["flow"].as_str()),
            (Some("source"), Some(kind), Some(flow))
        );
        assert_eq!((s["amount"].as_i64(), s["currency"].as_str()), (Some(5000), Some("thb")));
        assert_eq!(s["charge_status"], "unknown");
    }
    // Form-encoded sources too; validation errors.
    let r = sb.post_form("/sources", Some(PK), "type=alipay&amount=100&currency=jpy").await;
    assert_eq!(r.json()["flow"], "redirect");
    sb.post_json("/sources", Some(PK), &json!({"type": "bitcoin", "amount": 5000, "currency": "thb"}))
        .await
        .assert_error(400, "invalid_source");
    sb.post_json("/sources", Some(PK), &json!({"type": "alipay", "amount": 1999, "currency": "thb"}))
        .await
        .assert_error(400, "bad_request");
    sb.post_json("/sources", Some(PK), &json!({"type": "alipay", "amount": "lots", "currency": "thb"}))
        .await
        .assert_error(400, "bad_request");
    sb.post_json("/sources", Some(PK), &json!({"type": "alipay", "amount": 5000, "currency": "eur"}))
        .await
        .assert_error(400, "bad_request");

    // A redirect source: pending, authorize page, then successful; source reports it.
    let s = sb
        .post_json(
            "/sources",
            Some(PK),
            &json!({"type": "rabbit_linepay", "amount": 5000, "currency": "thb"}),
        )
        .await
        .json();
    let sid = s["id"].as_str().unwrap();
    let form = format!("source={sid}&amount=5000&currency=thb&return_uri=http%3A%2F%2Fshop.test%2Fr");
    let c = sb.post_form("/charges", Some(SK), &form).await.json();
    assert_eq!((c["status"].as_str(), c["source"]["id"].as_str()), (Some("pending"), Some(sid)));
    assert_eq!(c["card"], Value::Null);
    let page = sb.get(&sb.path_of(c["authorize_uri"].as_str().unwrap()), None).await;
    assert!(page.body.contains("THB 50.00") && page.body.contains("Rabbit LINE Pay"), "{}", page.body);
    assert_eq!(sb.get(&format!("/sources/{sid}"), Some(PK)).await.json()["charge_status"], "pending");
    assert_eq!(decide(&sb, &c, "authorize").await, "http://shop.test/r");
    assert_eq!(sb.get(&format!("/sources/{sid}"), Some(PK)).await.json()["charge_status"], "successful");
    // A source is charged once; mismatched amounts and redirect sources without return_uri fail.
    sb.post_form("/charges", Some(SK), &form).await.assert_error(400, "bad_request");
    let s2 = sb
        .post_json(
            "/sources",
            Some(PK),
            &json!({"type": "truemoney", "amount": 5000, "currency": "thb", "phone_number": "0812345678"}),
        )
        .await
        .json();
    let sid2 = s2["id"].as_str().unwrap();
    sb.post_form(
        "/charges",
        Some(SK),
        &format!("source={sid2}&amount=6000&currency=thb&return_uri=http%3A%2F%2Fa%2F"),
    )
    .await
    .assert_error(400, "bad_request");
    sb.post_form("/charges", Some(SK), &format!("source={sid2}&amount=5000&currency=thb"))
        .await
        .assert_error(400, "bad_request");
    sb.post_form("/charges", Some(SK), "source=src_test_nope&amount=5000&currency=thb")
        .await
        .assert_error(404, "not_found");

    // An offline source (PromptPay) is pending with a page too, and can be declined.
    let pp = sb
        .post_json("/sources", Some(PK), &json!({"type": "promptpay", "amount": 150000, "currency": "thb"}))
        .await
        .json();
    let c = sb
        .post_form(
            "/charges",
            Some(SK),
            &format!(
                "source={}&amount=150000&currency=thb&return_uri=http%3A%2F%2Fa%2Fb",
                pp["id"].as_str().unwrap()
            ),
        )
        .await
        .json();
    assert_eq!(c["status"], "pending");
    // Nowhere to redirect: the QR code is scanned; the payer stands for the banking app.
    assert_eq!(c["authorize_uri"], Value::Null);
    let id = c["id"].as_str().unwrap();
    let page = sb.get(&format!("/payer/{id}"), None).await;
    assert!(page.body.contains("THB 1,500.00") && page.body.contains("PromptPay"), "{}", page.body);
    sb.post_form(&format!("/payer/{id}"), None, "decision=decline").await;
    assert_eq!(charge_now(&sb, c["id"].as_str().unwrap()).await["failure_code"], "payment_rejected");
    // JPY amounts show without decimals.
    let jp = sb
        .post_json("/sources", Some(PK), &json!({"type": "alipay", "amount": 1200, "currency": "jpy"}))
        .await
        .json();
    let c = sb
        .post_form(
            "/charges",
            Some(SK),
            &format!(
                "source={}&amount=1200&currency=jpy&return_uri=http%3A%2F%2Fa%2F",
                jp["id"].as_str().unwrap()
            ),
        )
        .await
        .json();
    assert!(sb.get(&sb.path_of(c["authorize_uri"].as_str().unwrap()), None).await.body.contains("JPY 1,200"));
}

#[tokio::test]
async fn accounts_are_isolated() {
    let sb = start().await;
    let (pk, sk) = sb.new_keys().await;
    assert!(pk.starts_with("pkey_test_") && sk.starts_with("skey_test_"));
    let mine = sb.token_with(&pk, "4242424242424242").await;
    let mid = mine["id"].as_str().unwrap();
    // The default account cannot see or charge another account's token.
    sb.get(&format!("/tokens/{mid}"), Some(PK)).await.assert_error(404, "not_found");
    sb.post_form("/charges", Some(SK), &format!("card={mid}&amount=10000&currency=thb"))
        .await
        .assert_error(404, "not_found");
    let c =
        sb.post_form("/charges", Some(&sk), &format!("card={mid}&amount=10000&currency=thb")).await.json();
    assert_eq!(c["status"], "successful");
    let cid = c["id"].as_str().unwrap();
    sb.get(&format!("/charges/{cid}"), Some(SK)).await.assert_error(404, "not_found");
    assert_eq!(sb.get(&format!("/charges/{cid}"), Some(&sk)).await.json()["id"], cid);
    // The test hook sees every account; reset clears objects but keeps keys.
    assert_eq!(sb.get(&format!("/__sandbox/charges/{cid}"), None).await.json()["status"], "successful");
    assert_eq!(sb.send("POST", "/__sandbox/reset", None, None, &[]).await.status, 200);
    sb.get(&format!("/__sandbox/charges/{cid}"), None).await.assert_error(404, "not_found");
    assert_eq!(sb.token_with(&pk, "4242424242424242").await["object"], "token");
}
