//! Schedules under the sandbox clock: occurrences charge the customer's card as days pass; a
//! failing card is retried (three attempts in all) and the schedule is then `suspended`; a card
//! updated between attempts makes the retry succeed (seed 000); validation errors; destroy.

mod common;

use common::{start, Sandbox, SK};
use omise_sandbox::clock::{date, parse_date, weekday};
use omise_sandbox::schedule_rules::WEEKDAYS;
use serde_json::{json, Value};

async fn today(sb: &Sandbox) -> i64 {
    let now = sb.get("/__sandbox/clock", None).await.json()["now"].as_str().unwrap().to_owned();
    parse_date(&now[..10]).unwrap()
}

async fn advance_days(sb: &Sandbox, days: i64) {
    let r = sb.post_json("/__sandbox/clock", None, &json!({"advanceDays": days})).await;
    assert_eq!(r.status, 200, "{}", r.body);
}

async fn customer(sb: &Sandbox, number: &str) -> String {
    let t = sb.token(number).await;
    let r = sb.post_form("/customers", Some(SK), &format!("card={}", t["id"].as_str().unwrap())).await;
    r.json()["id"].as_str().unwrap().to_owned()
}

async fn schedule(sb: &Sandbox, body: Value) -> common::Resp {
    sb.post_json("/schedules", Some(SK), &body).await
}

async fn charges_of(sb: &Sandbox, schedule: &str) -> Vec<Value> {
    let all = sb.get("/charges?limit=100", Some(SK)).await.json();
    all["data"].as_array().unwrap().iter().filter(|c| c["schedule"] == schedule).cloned().collect()
}

#[tokio::test]
async fn a_daily_schedule_charges_as_days_pass_until_destroyed() {
    let sb = start().await;
    let cust = customer(&sb, "4242424242424242").await;
    let day = today(&sb).await;
    let r = schedule(
        &sb,
        json!({"every": 1, "period": "day", "start_date": date(day), "end_date": date(day + 10),
        "charge": {"customer": cust, "amount": 5000, "currency": "thb", "description": "Daily tea"}}),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let s = r.json();
    let id = s["id"].as_str().unwrap().to_owned();
    assert_eq!(
        (s["object"].as_str(), s["status"].as_str(), s["active"].as_bool()),
        (Some("schedule"), Some("expiring"), Some(true))
    );
    assert_eq!(
        (s["occurrences"]["total"].as_u64(), s["next_occurrences_on"][0].as_str()),
        (Some(1), Some(date(day + 1).as_str()))
    );
    assert_eq!(s["in_words"], "Every 1 day(s)");
    advance_days(&sb, 2).await;
    let charges = charges_of(&sb, &id).await;
    assert_eq!(charges.len(), 3);
    assert!(charges.iter().all(|c| c["status"] == "successful"
        && c["customer"] == cust.as_str()
        && c["description"] == "Daily tea"));
    let occ = sb.get(&format!("/schedules/{id}/occurrences"), Some(SK)).await.json();
    let dates: Vec<&str> =
        occ["data"].as_array().unwrap().iter().map(|o| o["schedule_date"].as_str().unwrap()).collect();
    assert_eq!(dates, [date(day), date(day + 1), date(day + 2)]);
    assert_eq!(occ["data"][2]["status"], "successful");
    assert_eq!(sb.get(&format!("/customers/{cust}/schedules"), Some(SK)).await.json()["total"], 1);
    assert_eq!(sb.get("/charges/schedules", Some(SK)).await.json()["total"], 1);
    assert_eq!(sb.get("/schedules", Some(SK)).await.json()["data"][0]["id"], id.as_str());
    let d = sb.send("DELETE", &format!("/schedules/{id}"), Some(SK), None, &[]).await.json();
    assert_eq!((d["status"].as_str(), d["deleted"].as_bool()), (Some("deleted"), Some(true)));
    advance_days(&sb, 3).await;
    assert_eq!(charges_of(&sb, &id).await.len(), 3, "no charge after destroy");
}

#[tokio::test]
async fn a_failing_card_is_tried_three_times_then_the_schedule_is_suspended() {
    let sb = start().await;
    let cust = customer(&sb, "4111111111140011").await;
    let day = today(&sb).await;
    let on_day = WEEKDAYS[weekday(day) as usize];
    let s = schedule(
        &sb,
        json!({"every": 1, "period": "week", "on": {"weekdays": [on_day]}, "start_date": date(day),
        "end_date": date(day + 90), "charge": {"customer": cust, "amount": 30000}}),
    )
    .await
    .json();
    let id = s["id"].as_str().unwrap().to_owned();
    let occ = &s["occurrences"]["data"][0];
    assert_eq!(
        (occ["status"].as_str(), occ["retry_date"].as_str()),
        (Some("failed"), Some(date(day + 1).as_str()))
    );
    assert_eq!(s["status"], "active");
    advance_days(&sb, 1).await;
    assert_eq!(sb.get(&format!("/schedules/{id}"), Some(SK)).await.json()["status"], "active");
    advance_days(&sb, 1).await;
    let s = sb.get(&format!("/schedules/{id}"), Some(SK)).await.json();
    assert_eq!((s["status"].as_str(), s["active"].as_bool()), (Some("suspended"), Some(false)));
    let occ = &s["occurrences"]["data"][0];
    assert_eq!((occ["status"].as_str(), occ["retry_date"].is_null()), (Some("failed"), true));
    let charges = charges_of(&sb, &id).await;
    assert_eq!(charges.len(), 3, "three attempts");
    assert!(charges.iter().all(|c| c["status"] == "failed" && c["failure_code"] == "insufficient_fund"));
    let events = sb.get("/events?limit=100", Some(SK)).await.json();
    assert!(events["data"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["key"] == "schedule.suspend" && e["data"]["id"] == id.as_str()));
    // The seed's search for the failed charges finds them.
    let found =
        sb.get("/search?scope=charge&filters%5Bfailure_code%5D=insufficient_fund", Some(SK)).await.json();
    assert_eq!(found["total"], 3);
    advance_days(&sb, 14).await;
    assert_eq!(charges_of(&sb, &id).await.len(), 3, "a suspended schedule charges no more");
}

#[tokio::test]
async fn a_card_updated_between_attempts_makes_the_retry_succeed() {
    let sb = start().await;
    let cust = customer(&sb, "4111111111140011").await;
    let day = today(&sb).await;
    let s = schedule(&sb, json!({"every": 1, "period": "month", "on": {"weekday_of_month": "last_friday"}, "start_date": date(day),
        "end_date": date(day + 400), "charge": {"customer": cust, "amount": 30000}})).await;
    assert_eq!(s.status, 200, "{}", s.body);
    // Make today's date a schedule date: a daily schedule stands in for "the charge date came".
    let s = schedule(
        &sb,
        json!({"every": 7, "period": "day", "start_date": date(day), "end_date": date(day + 60),
        "charge": {"customer": cust, "amount": 30000}}),
    )
    .await
    .json();
    let id = s["id"].as_str().unwrap().to_owned();
    assert_eq!(s["occurrences"]["data"][0]["status"], "failed");
    let good = sb.token("4242424242424242").await;
    let body = json!({"card": good["id"]}).to_string();
    sb.send("PATCH", &format!("/customers/{cust}"), Some(SK), Some(("application/json", &body)), &[]).await;
    advance_days(&sb, 1).await;
    let s = sb.get(&format!("/schedules/{id}"), Some(SK)).await.json();
    assert_eq!(
        (s["status"].as_str(), s["occurrences"]["data"][0]["status"].as_str()),
        (Some("active"), Some("successful"))
    );
    let charges = charges_of(&sb, &id).await;
    assert_eq!(
        charges.iter().map(|c| c["status"].as_str().unwrap()).collect::<Vec<_>>(),
        ["failed", "successful"]
    );
}

#[tokio::test]
async fn schedule_requests_are_checked() {
    let sb = start().await;
    let cust = customer(&sb, "4242424242424242").await;
    let day = today(&sb).await;
    let ok = json!({"every": 1, "period": "month", "on": {"days_of_month": [1, 15]}, "start_date": date(day + 1),
        "end_date": date(day + 100), "charge": {"customer": cust, "amount": 5000}});
    let r = schedule(&sb, ok.clone()).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(
        (r.json()["on"]["days_of_month"].clone(), r.json()["occurrences"]["total"].as_u64()),
        (json!([1, 15]), Some(0))
    );
    let bad = |patch: Value| {
        let mut b = ok.clone();
        for (k, v) in patch.as_object().unwrap() {
            b[k] = v.clone();
        }
        b
    };
    for (body, code) in [
        (bad(json!({"every": 0})), "bad_request"),
        (bad(json!({"period": "year"})), "bad_request"),
        (bad(json!({"on": {"days_of_month": [31]}})), "bad_request"),
        (bad(json!({"on": {}})), "bad_request"),
        (bad(json!({"start_date": date(day - 1)})), "bad_request"),
        (bad(json!({"end_date": date(day)})), "bad_request"),
        (bad(json!({"end_date": "someday"})), "bad_request"),
        (bad(json!({"charge": {"customer": "cust_test_nope", "amount": 5000}})), "not_found"),
        (bad(json!({"charge": {"customer": cust, "amount": 5}})), "bad_request"),
        (bad(json!({"period": "week", "on": {"weekdays": ["funday"]}})), "bad_request"),
    ] {
        let status = if code == "not_found" { 404 } else { 400 };
        schedule(&sb, body.clone()).await.assert_error(status, code);
    }
    // Form-encoded schedules, as the seed's curl sends them.
    let form = format!(
        "every=2&period=week&on%5Bweekdays%5D%5B%5D=monday&on%5Bweekdays%5D%5B%5D=friday&start_date={}&end_date={}\
         &charge%5Bcustomer%5D={cust}&charge%5Bamount%5D=100&charge%5Bcurrency%5D=jpy&charge%5Bdescription%5D=Membership+fee",
        date(day + 1),
        date(day + 60)
    );
    let r = sb.post_form("/schedules", Some(SK), &form).await.json();
    assert_eq!(
        (r["on"]["weekdays"].clone(), r["charge"]["currency"].as_str()),
        (json!(["monday", "friday"]), Some("jpy"))
    );
    sb.get("/schedules/schd_test_nope", Some(SK)).await.assert_error(404, "not_found");
    sb.send("DELETE", "/schedules/schd_test_nope", Some(SK), None, &[]).await.assert_error(404, "not_found");
}
