//! The demo shop's membership: a monthly plan paid by a saved card (Customers + Schedules).
//! It follows seed 000's recovery for failed recurring charges: Omise retries a failed
//! scheduled charge, then suspends the schedule; the shop finds the failed charge with the
//! Search API (`filters[failure_code]`), asks the member for a new card, attaches it as the
//! customer's default, charges the missed amount once and, if the schedule was suspended,
//! starts a new one. The member id is the customer id; everything is read back from the API.
//!
//! Same-origin only, like `/demo/orders` (guard.rs: every `/demo/*` path).

use crate::body::{read_params, text};
use crate::clock::{civil_from_days, date, days_from_civil, days_in_month, DAY_MS};
use crate::demo::{api_json, demo_error, shop_secret_key, CART_AMOUNT, CART_CURRENCY};
use crate::errors::json_response;
use crate::state::AppState;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};

/// The plan: the cart's THB 1,000.00, every month.
pub const PLAN_AMOUNT: i64 = CART_AMOUNT;
pub const PLAN_CURRENCY: &str = CART_CURRENCY;
const PLAN_DESCRIPTION: &str = "Demo membership";

/// Every charge `failure_code` a declined card can leave (sandbox/src/cards.rs): the Search
/// API filter that finds a member's failed charges, as in seed 000's script.
const FAILURE_CODES: &str = "insufficient_fund,stolen_or_lost_card,failed_processing,payment_rejected,\
failed_fraud_check,invalid_account_number,invalid_security_code";

fn form(pairs: &[(&str, &str)]) -> String {
    let mut f = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        f.append_pair(k, v);
    }
    f.finish()
}

fn enc(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// A member id is a customer id: only `cust_` ids of safe characters reach the API path.
fn valid_id(id: &str) -> bool {
    id.starts_with("cust_") && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// The plan's day of the month (1–28, what Schedules accept) and a start date: today's day
/// (capped), starting `months_ahead` months from the sandbox's today.
fn plan_dates(now_ms: i64, months_ahead: u32) -> (u32, String) {
    let today = now_ms.div_euclid(DAY_MS);
    let (y, m, d) = civil_from_days(today);
    let day = d.min(28);
    if months_ahead == 0 {
        return (day, date(today));
    }
    let (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    (day, date(days_from_civil(y, m, day.min(days_in_month(y, m)))))
}

async fn start_schedule(
    app: &AppState,
    headers: &HeaderMap,
    customer: &str,
    months_ahead: u32,
) -> Result<Value, Response> {
    let (day, start) = plan_dates(app.now_ms(), months_ahead);
    // Schedules need an end: the membership runs for two years unless renewed.
    let end = crate::clock::parse_date(&start).map(|d| date(d + 730)).unwrap_or_default();
    let (amount, day) = (PLAN_AMOUNT.to_string(), day.to_string());
    let body = form(&[
        ("every", "1"),
        ("period", "month"),
        ("on[days_of_month][]", &day),
        ("start_date", &start),
        ("end_date", &end),
        ("charge[customer]", customer),
        ("charge[amount]", &amount),
        ("charge[currency]", PLAN_CURRENCY),
        ("charge[description]", PLAN_DESCRIPTION),
    ]);
    api_json(app, Method::POST, "/schedules", &shop_secret_key(app), headers, Some(body)).await
}

async fn get(app: &AppState, headers: &HeaderMap, path: &str) -> Result<Value, Response> {
    api_json(app, Method::GET, path, &shop_secret_key(app), headers, None).await
}

/// The member as the membership page shows it: plan, card, schedule, and the failure that
/// needs a new card (`null` when the last charge went through and the schedule runs).
async fn member(app: &AppState, headers: &HeaderMap, id: &str) -> Result<Value, Response> {
    let customer = get(app, headers, &format!("/customers/{id}")).await?;
    let default_card = customer["default_card"].as_str().unwrap_or_default();
    let card = customer["cards"]["data"]
        .as_array()
        .and_then(|cards| cards.iter().find(|c| c["id"].as_str() == Some(default_card)).cloned());
    let schedules =
        get(app, headers, &format!("/customers/{id}/schedules?order=reverse_chronological&limit=1")).await?;
    let schedule = schedules["data"].get(0).cloned().unwrap_or(Value::Null);
    let last = get(
        app,
        headers,
        &format!("/search?scope=charge&filters[customer]={id}&order=reverse_chronological&per_page=1"),
    )
    .await?;
    let last_charge = last["data"].get(0).cloned().unwrap_or(Value::Null);
    // Seed 000: the failed charge, found by its failure code.
    let failed = get(
        app,
        headers,
        &format!(
            "/search?scope=charge&filters[customer]={id}&filters[failure_code]={}&order=reverse_chronological&per_page=1",
            enc(FAILURE_CODES)
        ),
    )
    .await?;
    let failed = failed["data"].get(0).cloned().unwrap_or(Value::Null);
    let suspended = schedule["status"] == "suspended";
    let needs_card = suspended || last_charge["status"] == "failed";
    let failure = if needs_card && !failed.is_null() {
        json!({"code": failed["failure_code"], "amount": failed["amount"], "currency": failed["currency"],
               "description": failed["description"], "chargeId": failed["id"]})
    } else {
        Value::Null
    };
    Ok(json!({
        "object": "member",
        "id": customer["id"],
        "plan": {"amount": PLAN_AMOUNT, "currency": PLAN_CURRENCY, "period": "month", "description": PLAN_DESCRIPTION},
        "card": card.map(|c| json!({"id": c["id"], "brand": c["brand"], "lastDigits": c["last_digits"]})),
        "schedule": if schedule.is_null() { Value::Null } else {
            json!({"id": schedule["id"], "status": schedule["status"],
                   "nextChargeOn": schedule["next_occurrences_on"].get(0).cloned().unwrap_or(Value::Null)})
        },
        "lastCharge": if last_charge.is_null() { Value::Null } else {
            json!({"id": last_charge["id"], "status": last_charge["status"], "amount": last_charge["amount"],
                   "failureCode": last_charge["failure_code"]})
        },
        "needsCard": needs_card,
        "failure": failure,
    }))
}

fn answer(result: Result<Value, Response>) -> Response {
    match result {
        Ok(v) => json_response(StatusCode::OK, &v),
        Err(resp) => resp,
    }
}

async fn token_param(headers: &HeaderMap, body: Body) -> Result<String, Response> {
    if !crate::demo::is_json(headers) {
        return Err(demo_error(StatusCode::UNSUPPORTED_MEDIA_TYPE, "bad_request", "send application/json"));
    }
    let params = read_params(headers, body).await.map_err(|e| demo_error(e.status, &e.code, &e.message))?;
    text(&params, "token")
        .filter(|t| t.starts_with("tokn_"))
        .ok_or_else(|| demo_error(StatusCode::BAD_REQUEST, "bad_request", "token must be a tokn_ id"))
}

/// `POST /demo/members` `{"token"}`: a customer with the card and a monthly schedule starting
/// today (its first charge runs at once) → the member.
pub async fn subscribe(State(app): State<AppState>, headers: HeaderMap, body: Body) -> Response {
    let token = match token_param(&headers, body).await {
        Ok(t) => t,
        Err(resp) => return resp,
    };
    let body = form(&[("card", &token), ("description", PLAN_DESCRIPTION)]);
    let customer = match api_json(
        &app,
        Method::POST,
        "/customers",
        &shop_secret_key(&app),
        &headers,
        Some(body),
    )
    .await
    {
        Ok(c) => c,
        Err(resp) => return resp,
    };
    let id = customer["id"].as_str().unwrap_or_default().to_owned();
    if let Err(resp) = start_schedule(&app, &headers, &id, 0).await {
        return resp;
    }
    answer(member(&app, &headers, &id).await)
}

/// `GET /demo/members/{id}`.
pub async fn read(State(app): State<AppState>, headers: HeaderMap, Path(id): Path<String>) -> Response {
    if !valid_id(&id) {
        return demo_error(StatusCode::NOT_FOUND, "not_found", "member was not found");
    }
    answer(member(&app, &headers, &id).await)
}

/// `POST /demo/members/{id}/card` `{"token"}`: the new card becomes the default; if the last
/// charge failed, the missed amount is charged once on it; a suspended schedule is replaced by
/// a new one from next month. Calling it again changes nothing more (the last charge is then
/// successful and the newest schedule active). → the member, plus `"recovery"`: the charge.
pub async fn update_card(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Body,
) -> Response {
    if !valid_id(&id) {
        return demo_error(StatusCode::NOT_FOUND, "not_found", "member was not found");
    }
    let token = match token_param(&headers, body).await {
        Ok(t) => t,
        Err(resp) => return resp,
    };
    let key = shop_secret_key(&app);
    let path = format!("/customers/{id}");
    if let Err(resp) =
        api_json(&app, Method::PATCH, &path, &key, &headers, Some(form(&[("card", &token)]))).await
    {
        return resp;
    }
    let before = match member(&app, &headers, &id).await {
        Ok(m) => m,
        Err(resp) => return resp,
    };
    let mut recovery = Value::Null;
    if let Some(failure) =
        before["failure"].as_object().filter(|_| before["lastCharge"]["status"] == "failed")
    {
        let amount = failure["amount"].as_i64().unwrap_or(PLAN_AMOUNT).to_string();
        let currency = failure["currency"].as_str().unwrap_or(PLAN_CURRENCY).to_owned();
        let retry_of = failure["chargeId"].as_str().unwrap_or_default().to_owned();
        let body = form(&[
            ("customer", &id),
            ("amount", &amount),
            ("currency", &currency),
            ("description", "Demo membership (missed payment)"),
            ("metadata[retry_of]", &retry_of),
        ]);
        match api_json(&app, Method::POST, "/charges", &key, &headers, Some(body)).await {
            Ok(charge) => {
                recovery = json!({"id": charge["id"], "status": charge["status"], "amount": charge["amount"],
                                  "failureCode": charge["failure_code"]})
            }
            Err(resp) => return resp,
        }
    }
    // A new schedule only once the missed amount is paid (or nothing was missed).
    let paid = recovery.is_null() || recovery["status"] == "successful";
    if paid && before["schedule"]["status"] == "suspended" {
        if let Err(resp) = start_schedule(&app, &headers, &id, 1).await {
            return resp;
        }
    }
    match member(&app, &headers, &id).await {
        Ok(mut m) => {
            m["recovery"] = recovery;
            json_response(StatusCode::OK, &m)
        }
        Err(resp) => resp,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_dates_cap_the_day_and_roll_the_year() {
        let ms = |y, m, d| days_from_civil(y, m, d) * DAY_MS + 5_000;
        let rows: &[(&str, i64, u32, (u32, &str))] = &[
            ("today", ms(2026, 3, 14), 0, (14, "2026-03-14")),
            ("next month", ms(2026, 3, 14), 1, (14, "2026-04-14")),
            ("day capped at 28", ms(2026, 1, 31), 1, (28, "2026-02-28")),
            ("december rolls the year", ms(2026, 12, 5), 1, (5, "2027-01-05")),
        ];
        for (label, now, ahead, (day, start)) in rows {
            assert_eq!(plan_dates(*now, *ahead), (*day, (*start).to_owned()), "{label}");
        }
    }

    #[test]
    fn only_customer_ids_are_member_ids() {
        assert!(valid_id("cust_test_5xyz"));
        assert!(!valid_id("cust_../charges"));
        assert!(!valid_id("chrg_test_1"));
    }
}
