//! `POST /tokens`, `GET /tokens/{id}`: shapes, validation messages, auth rules, bad input.

mod common;

use common::{card_form, start, PK, SK};
use omise_sandbox::auth::base64_encode;
use serde_json::json;

fn is_id(id: &str, prefix: &str) -> bool {
    id.strip_prefix(prefix).is_some_and(|rest| {
        rest.len() == 19 && rest.bytes().all(|c| c.is_ascii_digit() || c.is_ascii_lowercase())
    })
}

#[tokio::test]
async fn form_token_has_the_spec_shape() {
    let sb = start().await;
    let t = sb.token("4242 4242 4242 4242").await;
    assert_eq!(t["object"], "token");
    assert!(is_id(t["id"].as_str().unwrap(), "tokn_test_"), "{t}");
    assert_eq!(t["livemode"], false);
    assert_eq!(t["location"], format!("/tokens/{}", t["id"].as_str().unwrap()));
    assert_eq!(t["used"], false);
    assert_eq!(t["charge_status"], "unknown");
    assert!(t["created_at"].as_str().unwrap().ends_with('Z'));
    let c = &t["card"];
    assert_eq!(c["object"], "card");
    assert!(is_id(c["id"].as_str().unwrap(), "card_test_"));
    assert_eq!(c["brand"], "Visa");
    assert_eq!(c["last_digits"], "4242");
    assert_eq!(c["name"], "Somchai Prasert");
    assert_eq!(c["expiration_month"], 12);
    assert_eq!(c["expiration_year"], 2031);
    assert_eq!(c["security_code_check"], true);
    assert_eq!(c["financing"], "credit");
    assert_eq!(c["bank"], "Bank of the Sandbox");
    assert_eq!(c["country"], "th");
    let fp = c["fingerprint"].as_str().unwrap();
    assert_eq!(fp.len(), 32);
    // The full number is nowhere in the answer.
    assert!(!t.to_string().contains("4242424242424242"));
    // Same card, same fingerprint; another card, another.
    let again = sb.token("4242424242424242").await;
    assert_eq!(again["card"]["fingerprint"], fp);
    assert_ne!(again["id"], t["id"]);
    assert_ne!(sb.token("5555555555554444").await["card"]["fingerprint"], fp);
}

#[tokio::test]
async fn json_token_accepts_numbers_or_strings_and_billing_fields() {
    let sb = start().await;
    for (m, y) in [(json!(3), json!(2030)), (json!("03"), json!("2030")), (json!("3"), json!(30))] {
        let body = json!({"card": {"name": "Taro", "number": "3530111333300000", "expiration_month": m,
            "expiration_year": y, "security_code": "123", "city": "Bangkok", "postal_code": "10320",
            "country": "th", "street1": "1 Sukhumvit", "phone_number": "0812345678"}});
        let r = sb.post_json("/tokens", Some(PK), &body).await;
        assert_eq!(r.status, 200, "{}", r.body);
        let c = &r.json()["card"];
        assert_eq!((c["brand"].as_str(), c["expiration_month"].as_u64()), (Some("JCB"), Some(3)));
        assert_eq!(c["expiration_year"], 2030);
        assert_eq!((c["city"].as_str(), c["postal_code"].as_str()), (Some("Bangkok"), Some("10320")));
    }
}

#[tokio::test]
async fn brands_are_omise_names() {
    let sb = start().await;
    for (number, brand) in [
        ("4242424242424242", "Visa"),
        ("5555555555554444", "MasterCard"),
        ("3530111333300000", "JCB"),
        ("378282246310005", "American Express"),
        ("6447032400000000001", "Discover"),
        ("36021042000004", "Diners Club"),
        ("6250947000000006", "UnionPay"),
        // 622126–622925: UnionPay (Discover's network accepts it), Luhn not required.
        ("6221558812340000", "UnionPay"),
        ("6221260000000000", "UnionPay"),
    ] {
        let t = sb.token(number).await;
        assert_eq!(t["card"]["brand"], brand, "{number}");
        assert_eq!(t["card"]["last_digits"], &number[number.len() - 4..]);
    }
}

#[tokio::test]
async fn invalid_security_code_cards_have_check_false() {
    let sb = start().await;
    for number in ["4111111111160001", "5555551111130001", "3530111111110001"] {
        assert_eq!(sb.token(number).await["card"]["security_code_check"], false, "{number}");
    }
    assert_eq!(sb.token("4111111111111111").await["card"]["security_code_check"], true);
}

#[tokio::test]
async fn get_token_reports_charge_status() {
    let sb = start().await;
    let t = sb.token("4242424242424242").await;
    let id = t["id"].as_str().unwrap();
    let r = sb.get(&format!("/tokens/{id}"), Some(PK)).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["charge_status"], "unknown");
    assert_eq!(r.json()["used"], false);
    let charge = sb.post_form("/charges", Some(SK), &format!("card={id}&amount=5000&currency=thb")).await;
    assert_eq!(charge.json()["status"], "successful");
    let r = sb.get(&format!("/tokens/{id}"), Some(PK)).await.json();
    assert_eq!((r["charge_status"].as_str(), r["used"].as_bool()), (Some("successful"), Some(true)));
    sb.get("/tokens/tokn_test_nope", Some(PK)).await.assert_error(404, "not_found");
    sb.get(&format!("/tokens/{id}"), Some(SK)).await.assert_error(401, "authentication_failure");
}

#[tokio::test]
async fn auth_rules() {
    let sb = start().await;
    let form = card_form("4242424242424242");
    let ct = Some(("application/x-www-form-urlencoded", form.as_str()));
    // Missing, unknown, secret key, malformed header: 401.
    sb.send("POST", "/tokens", None, ct, &[]).await.assert_error(401, "authentication_failure");
    sb.post_form("/tokens", Some("pkey_test_unknown"), &form)
        .await
        .assert_error(401, "authentication_failure");
    sb.post_form("/tokens", Some(SK), &form).await.assert_error(401, "authentication_failure");
    for bad in ["Bearer pkey_test_sandbox0000000000", "Basic !!!", "Basic ", "Basic Og=="] {
        let r = sb.send("POST", "/tokens", None, ct, &[("authorization", bad)]).await;
        r.assert_error(401, "authentication_failure");
    }
    // Key without the colon, as the official SDKs send it.
    let bare = format!("Basic {}", base64_encode(PK.as_bytes()));
    assert_eq!(sb.send("POST", "/tokens", None, ct, &[("authorization", &bare)]).await.status, 200);
    // Key with a password: the password is ignored.
    let with_pw = format!("Basic {}", base64_encode(format!("{PK}:x").as_bytes()));
    assert_eq!(sb.send("POST", "/tokens", None, ct, &[("authorization", &with_pw)]).await.status, 200);
    // Sources: either key (Omise accepts both); no key is refused.
    let src = json!({"type": "promptpay", "amount": 2000, "currency": "thb"});
    let by_server = sb.post_json("/sources", Some(SK), &src).await;
    assert_eq!(by_server.status, 200, "{}", by_server.body);
    let sid = by_server.json()["id"].as_str().unwrap().to_owned();
    assert_eq!(sb.get(&format!("/sources/{sid}"), Some(SK)).await.status, 200);
    assert_eq!(sb.get(&format!("/sources/{sid}"), Some(PK)).await.status, 200);
    sb.post_json("/sources", None, &src).await.assert_error(401, "authentication_failure");
}

async fn invalid_card_message(card: serde_json::Value) -> String {
    let sb = start().await;
    let r = sb.post_json("/tokens", Some(PK), &json!({ "card": card })).await;
    r.assert_error(400, "invalid_card")["message"].as_str().unwrap().to_owned()
}

fn card(number: &str, month: serde_json::Value, year: serde_json::Value) -> serde_json::Value {
    json!({"name": "A", "number": number, "expiration_month": month, "expiration_year": year,
           "security_code": "123"})
}

#[tokio::test]
async fn invalid_card_messages_join_like_omise() {
    assert_eq!(
        invalid_card_message(card("4242424242424241", json!(12), json!(2031))).await,
        "number is invalid"
    );
    assert_eq!(
        invalid_card_message(card("4242424242424242", json!(12), json!(2001))).await,
        "expiration date cannot be in the past"
    );
    assert_eq!(
        invalid_card_message(card("4242424242424242", json!(13), json!(2031))).await,
        "expiration month is not between 1 and 12"
    );
    assert_eq!(
        invalid_card_message(card("4242424242424242", json!(1), json!("abcd"))).await,
        "expiration year is invalid"
    );
    assert_eq!(
        invalid_card_message(card("1234567812345678", json!(12), json!(2031))).await,
        "number is invalid and brand not supported (unknown)"
    );
    assert_eq!(
        invalid_card_message(card("1234567812345678", json!(1), json!(2020))).await,
        "expiration date cannot be in the past, number is invalid, and brand not supported (unknown)"
    );
    let mut c = card("4242424242424242", json!(12), json!(2031));
    c["name"] = json!(" ");
    c["security_code"] = json!("12a");
    assert_eq!(invalid_card_message(c).await, "name can't be blank and security code is invalid");
    let mut amex = card("378282246310005", json!(12), json!(2031));
    amex["security_code"] = json!("123");
    assert_eq!(invalid_card_message(amex).await, "security code is invalid");
    assert_eq!(
        invalid_card_message(json!({})).await,
        "expiration month is not between 1 and 12, expiration year is invalid, number is invalid, \
         brand not supported (unknown), name can't be blank, and security code is invalid"
    );
}

#[tokio::test]
async fn hostile_input_gets_error_objects() {
    let sb = start().await;
    // Bad JSON, non-object JSON, wrong content type, card not an object.
    let r = sb.send("POST", "/tokens", Some(PK), Some(("application/json", "{\"card\":")), &[]).await;
    r.assert_error(400, "bad_request");
    let r = sb.send("POST", "/tokens", Some(PK), Some(("application/json", "[1,2]")), &[]).await;
    r.assert_error(400, "bad_request");
    let r = sb.send("POST", "/tokens", Some(PK), Some(("text/plain", "card=1")), &[]).await;
    r.assert_error(400, "bad_request");
    let r =
        sb.send("POST", "/tokens", Some(PK), Some(("multipart/form-data; boundary=x", "--x--")), &[]).await;
    r.assert_error(400, "bad_request");
    sb.post_json("/tokens", Some(PK), &json!({"card": "4242"})).await.assert_error(400, "bad_request");
    // Huge body: 413, and the server still answers afterwards.
    let huge = format!("card%5Bname%5D={}", "a".repeat(100_000));
    sb.post_form("/tokens", Some(PK), &huge).await.assert_error(413, "bad_request");
    // Hostile strings are validated, never echoed as markup, never crash anything.
    for number in ["<script>", "４２４２４２４２４２４２４２４２", "4242\u{0}4242", &"9".repeat(5000), "💳"]
    {
        let body = json!({"card": card(number, json!(12), json!(2031))});
        let r = sb.post_json("/tokens", Some(PK), &body).await;
        assert!(r.status == 200 || r.status == 400, "{number}: {}", r.body);
    }
    // Full-width digits normalize like the widget does.
    let r = sb
        .post_json(
            "/tokens",
            Some(PK),
            &json!({"card": card("４２４２４２４２４２４２４２４２", json!(12), json!(2031))}),
        )
        .await;
    assert_eq!(r.json()["card"]["last_digits"], "4242");
    // Bad percent-encoding in a path: an error object, not plain text.
    sb.get("/tokens/%FF", Some(PK)).await.assert_error(400, "bad_request");
    // Unknown route and wrong method.
    sb.get("/nowhere/at/all", Some(PK)).await.assert_error(404, "not_found");
    sb.send("DELETE", "/tokens", Some(PK), None, &[]).await.assert_error(405, "bad_request");
    assert_eq!(sb.token("4242424242424242").await["object"], "token");
}
