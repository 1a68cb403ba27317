//! Every payment method of the widget's table against the sandbox: its real `flow`, its
//! required-field errors, discontinued types refused, PromptPay's QR code and expiry, the
//! payer, konbini's references, an app-redirect method through its app page and back.

mod common;

use common::*;
use omise_checkout_core::methods::{PayerField, METHODS};
use serde_json::{json, Value};

/// Valid values of a method's fields.
fn fill(fields: &[PayerField], body: &mut Value) {
    for f in fields {
        body[f.api_name()] = match f {
            PayerField::Name => "ヤマダタロウ".into(),
            PayerField::Email => "taro@example.jp".into(),
            PayerField::PhoneTh => "0812345678".into(),
            PayerField::PhoneJp => "09012345678".into(),
        };
    }
}

#[tokio::test]
async fn every_method_of_the_table_has_its_flow() {
    let sb = start().await;
    for m in METHODS {
        let mut body =
            json!({"type": m.source_type, "amount": m.min_amount, "currency": m.currency.to_uppercase()});
        fill(m.fields, &mut body);
        let r = sb.post_json("/sources", Some(PK), &body).await;
        assert_eq!(r.status, 200, "{}: {}", m.source_type, r.body);
        let s = r.json();
        assert_eq!((s["type"].as_str(), s["flow"].as_str()), (Some(m.source_type), Some(m.flow.code())));
        // Outside the row's limits or currency: refused.
        let mut over = body.clone();
        over["amount"] = (m.max_amount + 1).into();
        sb.post_json("/sources", Some(PK), &over).await.assert_error(400, "bad_request");
        let mut other = body.clone();
        other["currency"] = if m.currency == "thb" { "jpy" } else { "thb" }.into();
        other["amount"] = 100_000.into();
        sb.post_json("/sources", Some(PK), &other).await.assert_error(400, "bad_request");
    }
}

#[tokio::test]
async fn required_fields_are_checked_as_omise_documents_them() {
    let sb = start().await;
    let konbini = json!({"type": "econtext", "amount": 3000, "currency": "jpy", "name": "ヤマダタロウ",
                         "email": "taro@example.jp", "phone_number": "09012345678"});
    let rows: &[(&str, &str, Value, &str)] = &[
        ("konbini without a name", "name", Value::Null, "name is required"),
        (
            "konbini name of 11",
            "name",
            "ヤマダタロウヤマダタロ".into(),
            "name is too long (maximum is 10 characters)",
        ),
        ("konbini bad email", "email", "taro@".into(), "email is invalid"),
        ("konbini without a phone", "phone_number", Value::Null, "phone_number is required"),
    ];
    for (label, key, value, message) in rows {
        let mut body = konbini.clone();
        match value {
            Value::Null => {
                body.as_object_mut().unwrap().remove(*key);
            }
            v => body[*key] = v.clone(),
        }
        let e = sb.post_json("/sources", Some(PK), &body).await.assert_error(400, "bad_request");
        assert_eq!(e["message"], *message, "{label}");
    }
    let wallet = json!({"type": "truemoney", "amount": 100000, "currency": "thb"});
    let e = sb.post_json("/sources", Some(PK), &wallet).await.assert_error(400, "bad_request");
    assert_eq!(e["message"], "phone_number is required");
    let bank = json!({"type": "mobile_banking_kbank", "amount": 100000, "currency": "thb", "platform_type": "WINDOWS"});
    sb.post_json("/sources", Some(PK), &bank).await.assert_error(400, "bad_request");
    let bank =
        json!({"type": "mobile_banking_kbank", "amount": 100000, "currency": "thb", "platform_type": "IOS"});
    assert_eq!(sb.post_json("/sources", Some(PK), &bank).await.status, 200);
}

#[tokio::test]
async fn thai_internet_banking_is_refused_as_discontinued() {
    let sb = start().await;
    for ty in ["internet_banking_scb", "internet_banking_bbl", "internet_banking_bay", "internet_banking_ktb"]
    {
        let body = json!({"type": ty, "amount": 100000, "currency": "thb"});
        let e = sb.post_json("/sources", Some(PK), &body).await.assert_error(400, "invalid_source");
        let message = e["message"].as_str().unwrap();
        assert!(message.contains("not supported") && message.contains("2025-09-30"), "{message}");
        // Inline on a charge too.
        let form = format!("amount=100000&currency=thb&source%5Btype%5D={ty}&return_uri=http%3A%2F%2Fa%2F");
        sb.post_form("/charges", Some(SK), &form).await.assert_error(400, "invalid_source");
    }
}

async fn promptpay_charge(sb: &Sandbox, extra: &str) -> Value {
    let s = sb
        .post_json("/sources", Some(PK), &json!({"type": "promptpay", "amount": 100000, "currency": "thb"}))
        .await;
    let form = format!("source={}&amount=100000&currency=thb{extra}", s.json()["id"].as_str().unwrap());
    let r = sb.post_form("/charges", Some(SK), &form).await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.json()
}

#[tokio::test]
async fn promptpay_charges_carry_a_served_qr_code_and_its_payload() {
    let sb = start().await;
    let c = promptpay_charge(&sb, "").await;
    let code = &c["source"]["scannable_code"];
    assert_eq!((code["object"].as_str(), code["type"].as_str()), (Some("barcode"), Some("qr")));
    let image = &code["image"];
    assert_eq!(image["object"], "document");
    assert!(image["id"].as_str().unwrap().starts_with("docu_test_"));
    assert!(image["filename"].as_str().unwrap().ends_with(".svg"));
    assert!(image["created_at"].is_string());
    assert_eq!(c["authorize_uri"], Value::Null, "offline: nowhere to redirect");
    assert!(c["expires_at"].is_string());
    let raw = code["raw_data"].as_str().unwrap();
    assert!(raw.starts_with("000201010212") && raw.contains("54071000.00"), "{raw}");
    let svg = sb.get(&sb.path_of(image["download_uri"].as_str().unwrap()), None).await;
    assert_eq!(svg.status, 200);
    assert_eq!(svg.header("content-type"), "image/svg+xml");
    assert_eq!(svg.header("access-control-allow-origin"), "*", "a canvas may read it (Save QR image)");
    assert!(svg.body.contains("<svg"));
    // Another charge's document id is not found.
    let other = sb.path_of(image["download_uri"].as_str().unwrap()).replace("docu_test_", "docu_test_x");
    sb.get(&other, None).await.assert_error(404, "not_found");
}

#[tokio::test]
async fn the_payer_pays_and_declines_and_cannot_pay_an_expired_qr() {
    let sb = start().await;
    let c = promptpay_charge(&sb, "").await;
    let id = c["id"].as_str().unwrap();
    let paid = sb.send("POST", &format!("/__sandbox/charges/{id}/pay"), None, None, &[]).await;
    assert_eq!(paid.json()["status"], "successful", "{}", paid.body);
    sb.send("POST", &format!("/__sandbox/charges/{id}/pay"), None, None, &[])
        .await
        .assert_error(400, "failed_payment");

    let c = promptpay_charge(&sb, "").await;
    let id = c["id"].as_str().unwrap();
    let declined = sb.send("POST", &format!("/__sandbox/charges/{id}/decline"), None, None, &[]).await.json();
    assert_eq!(
        (declined["status"].as_str(), declined["failure_code"].as_str()),
        (Some("failed"), Some("payment_rejected"))
    );

    // expires_at a minute away; the sandbox clock passes it; the QR cannot be paid any more.
    let now = sb.get("/__sandbox/clock", None).await.json()["nowMs"].as_i64().unwrap();
    let at = omise_sandbox::clock::rfc3339_ms(now + 60_000);
    let c = promptpay_charge(&sb, &format!("&expires_at={}", at.replace(':', "%3A"))).await;
    let id = c["id"].as_str().unwrap();
    assert_eq!(c["expires_at"], at.as_str());
    let r = sb.post_json("/__sandbox/clock", None, &json!({"advanceSeconds": 61})).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(sb.get(&format!("/charges/{id}"), Some(SK)).await.json()["status"], "expired");
    let e = sb
        .send("POST", &format!("/__sandbox/charges/{id}/pay"), None, None, &[])
        .await
        .assert_error(400, "failed_payment");
    assert!(e["message"].as_str().unwrap().contains("expired"));
    sb.send("POST", "/__sandbox/charges/chrg_test_nope/pay", None, None, &[])
        .await
        .assert_error(404, "not_found");
}

#[tokio::test]
async fn the_payer_page_fits_a_phone_and_pays_in_the_shoppers_language() {
    let sb = start().await;
    let c = promptpay_charge(&sb, "&return_uri=http%3A%2F%2Fshop.test%2Fdone%3Flang%3Dth").await;
    let id = c["id"].as_str().unwrap();
    let page = sb.get(&format!("/payer/{id}"), None).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("<html lang=\"th\">") && page.body.contains("width=device-width"),
        "{}",
        page.body
    );
    assert!(page.body.contains("THB 1,000.00") && page.body.contains("พร้อมเพย์"), "{}", page.body);
    assert!(!page.body.contains("<script"));
    let done = sb.post_form(&format!("/payer/{id}?lang=ja"), None, "decision=pay").await;
    assert_eq!(done.status, 200);
    assert!(done.body.contains("お支払いが完了しました"), "{}", done.body);
    assert_eq!(sb.get(&format!("/charges/{id}"), Some(SK)).await.json()["status"], "successful");
    let again = sb.get(&format!("/payer/{id}?lang=en"), None).await;
    assert!(again.body.contains("can no longer be made") && !again.body.contains("<form"), "{}", again.body);
}

#[tokio::test]
async fn konbini_charges_have_references_and_an_instructions_link() {
    let sb = start().await;
    let body = json!({"type": "econtext", "amount": 3000, "currency": "jpy", "name": "ヤマダタロウ",
                      "email": "taro@example.jp", "phone_number": "09012345678"});
    let s = sb.post_json("/sources", Some(PK), &body).await.json();
    // The payer's details come back on the source, as Omise echoes them.
    assert_eq!(
        (s["name"].as_str(), s["email"].as_str(), s["phone_number"].as_str()),
        (Some("ヤマダタロウ"), Some("taro@example.jp"), Some("09012345678"))
    );
    let form = format!(
        "source={}&amount=3000&currency=jpy&expires_at=2099-01-31T15%3A00%3A00Z",
        s["id"].as_str().unwrap()
    );
    let c = sb.post_form("/charges", Some(SK), &form).await.json();
    assert_eq!((c["status"].as_str(), c["source"]["flow"].as_str()), (Some("pending"), Some("offline")));
    let refs = &c["source"]["references"];
    assert_eq!(refs["expires_at"], "2099-01-31T15:00:00Z");
    assert!(refs["payment_code"].as_str().is_some_and(|p| !p.is_empty()), "{refs}");
    let link = c["authorize_uri"].as_str().unwrap();
    assert!(link.ends_with(&format!("/payer/{}", c["id"].as_str().unwrap())), "{link}");
    let page = sb.get(&sb.path_of(link), None).await;
    assert!(page.body.contains("JPY 3,000") && page.body.contains("2099-01-31"), "{}", page.body);
}

#[tokio::test]
async fn an_app_redirect_method_goes_through_its_app_page_and_back() {
    let sb = start().await;
    let s = sb
        .post_json("/sources", Some(PK), &json!({"type": "mobile_banking_scb", "amount": 100000, "currency": "thb", "platform_type": "ANDROID"}))
        .await
        .json();
    assert_eq!(s["flow"], "app_redirect");
    assert_eq!((s["platform_type"].as_str(), s["email"].as_str()), (Some("ANDROID"), None));
    let form = format!(
        "source={}&amount=100000&currency=thb&return_uri=http%3A%2F%2Fshop.test%2Fback",
        s["id"].as_str().unwrap()
    );
    let c = sb.post_form("/charges", Some(SK), &form).await.json();
    let path = sb.path_of(c["authorize_uri"].as_str().unwrap());
    let page = sb.get(&path, None).await;
    assert!(
        page.body.contains("SCB (SCB EASY)") && page.body.contains("Confirm in your banking app"),
        "{}",
        page.body
    );
    let back = sb.post_form(&path, None, "decision=authorize").await;
    assert_eq!(back.header("location"), "http://shop.test/back");
    assert_eq!(
        sb.get(&format!("/charges/{}", c["id"].as_str().unwrap()), Some(SK)).await.json()["status"],
        "successful"
    );
}

#[tokio::test]
async fn the_capability_lists_the_table_with_its_currencies() {
    let sb = start().await;
    let cap = sb.get("/capability", Some(PK)).await.json();
    let methods = cap["payment_methods"].as_array().unwrap();
    for m in METHODS {
        let row = methods
            .iter()
            .find(|x| x["name"] == m.source_type)
            .unwrap_or_else(|| panic!("{}", m.source_type));
        assert_eq!(row["currencies"], json!([m.currency]), "{}", m.source_type);
    }
    assert!(!methods.iter().any(|x| x["name"].as_str().unwrap().starts_with("internet_banking")));
}

#[tokio::test]
async fn demo_orders_in_yen_and_with_a_pay_by_time_hand_the_charge_to_the_page() {
    let sb = start().await;
    let s = sb
        .post_json("/sources", Some(PK), &json!({"type": "promptpay", "amount": 100000, "currency": "thb"}))
        .await
        .json();
    let o = sb
        .post_json(
            "/demo/orders",
            None,
            &json!({"source": s["id"], "amount": 100000, "currency": "thb", "expiresInSeconds": 300}),
        )
        .await
        .json();
    let charge = &o["charge"];
    assert_eq!(charge["status"], "pending", "{o}");
    assert!(charge["source"]["scannable_code"]["image"]["download_uri"].is_string(), "{o}");
    let clock = sb.get("/__sandbox/clock", None).await.json();
    let left = omise_sandbox::clock::parse_time(charge["expires_at"].as_str().unwrap()).unwrap()
        - clock["nowMs"].as_i64().unwrap();
    assert!((295_000..=300_000).contains(&left), "{left}");
    let p = sb
        .post_json("/sources", Some(PK), &json!({"type": "paypay", "amount": 3000, "currency": "jpy"}))
        .await
        .json();
    let o = sb
        .post_json("/demo/orders", None, &json!({"source": p["id"], "amount": 3000, "currency": "jpy"}))
        .await
        .json();
    assert_eq!((o["status"].as_str(), o["currency"].as_str()), (Some("pending"), Some("jpy")), "{o}");
    assert!(o["authorizeUri"].is_string());
    let refused = sb
        .post_json("/demo/orders", None, &json!({"source": p["id"], "amount": 2999, "currency": "jpy"}))
        .await;
    assert_eq!(refused.status, 400);
    let config = sb.get("/demo/config", None).await.json();
    assert_eq!(
        config["carts"],
        json!([{"amount": 100000, "currency": "thb"}, {"amount": 3000, "currency": "jpy"}])
    );
}
