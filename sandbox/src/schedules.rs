//! The schedules room: `POST`/`GET /schedules`, `GET`/`DELETE /schedules/{id}`,
//! `GET /schedules/{id}/occurrences`, `GET /occurrences/{id}`, `GET /customers/{id}/schedules`
//! and `GET /charges/schedules`, secret key only. What runs when: schedule_rules.rs.

use crate::auth::{self, KeyKind};
use crate::body::{int, metadata, read_params, short_text, text, Int};
use crate::clock::{date, parse_date, rfc3339_ms, DAY_MS};
use crate::errors::{json_response, ApiError};
use crate::list::{self, Page};
use crate::schedule_rules::{self, next_dates, shown_status, valid_weekday_of_month, WEEKDAYS};
use crate::sources::amount_and_currency;
use crate::state::AppState;
use crate::store::{Account, Kind, Occurrence, On, Schedule, ScheduleCharge};
use crate::{events, ids};
use axum::body::Body;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use serde_json::{json, Value};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/schedules", get(list).post(create))
        .route("/schedules/{id}", get(read).delete(destroy))
        .route("/schedules/{id}/occurrences", get(occurrences))
        .route("/occurrences/{id}", get(occurrence))
        .route("/customers/{id}/schedules", get(for_customer))
        .route("/charges/schedules", get(list))
}

pub fn occurrence_json(o: &Occurrence) -> Value {
    json!({
        "object": "occurrence",
        "id": o.id,
        "livemode": false,
        "location": format!("/occurrences/{}", o.id),
        "schedule": o.schedule_id,
        "schedule_date": date(o.schedule_day),
        "retry_date": o.retry_day.map(date),
        "processed_at": o.processed_ms.map(rfc3339_ms),
        "status": o.status,
        "message": o.message,
        "result": o.result,
        "created_at": rfc3339_ms(o.created_ms),
    })
}

fn on_json(s: &Schedule) -> Value {
    match s.period.as_str() {
        "week" => json!({"weekdays": s.on.weekdays}),
        "month" if !s.on.days_of_month.is_empty() => json!({"days_of_month": s.on.days_of_month}),
        "month" => json!({"weekday_of_month": s.on.weekday_of_month}),
        _ => json!({}),
    }
}

fn in_words(s: &Schedule) -> String {
    let on = match s.period.as_str() {
        "week" => format!(" on {}", s.on.weekdays.join(", ")),
        "month" if !s.on.days_of_month.is_empty() => {
            let days: Vec<String> = s.on.days_of_month.iter().map(|d| format!("the {d}")).collect();
            format!(" on {}", days.join(", "))
        }
        "month" => format!(" on the {}", s.on.weekday_of_month.as_deref().unwrap_or("").replace('_', " ")),
        _ => String::new(),
    };
    format!("Every {} {}(s){on}", s.every, s.period)
}

pub fn schedule_json(acc: &Account, s: &Schedule, now_ms: i64) -> Value {
    let today = now_ms.div_euclid(DAY_MS);
    let occ: Vec<Value> =
        s.occurrence_ids.iter().filter_map(|o| acc.occurrences.get(o)).map(occurrence_json).collect();
    let status = shown_status(s, today);
    let running = status == "active" || status == "expiring";
    let next: Vec<String> =
        if running { next_dates(s, today + 1, 30).into_iter().map(date).collect() } else { Vec::new() };
    json!({
        "object": "schedule",
        "id": s.id,
        "livemode": false,
        "location": format!("/schedules/{}", s.id),
        "status": status,
        "deleted": s.status == "deleted",
        "active": running,
        "every": s.every,
        "period": s.period,
        "on": on_json(s),
        "in_words": in_words(s),
        "start_date": date(s.start_day),
        "end_date": date(s.end_day),
        "start_on": date(s.start_day),
        "end_on": date(s.end_day),
        "ended_at": s.ended_ms.map(rfc3339_ms),
        "charge": {
            "amount": s.charge.amount,
            "currency": s.charge.currency,
            "description": s.charge.description,
            "customer": s.charge.customer,
            "card": s.charge.card,
            "default_card": s.charge.card.is_none(),
            "metadata": s.charge.metadata,
        },
        "transfer": null,
        "occurrences": list::all(&format!("/schedules/{}/occurrences", s.id), now_ms, occ),
        "next_occurrences_on": next,
        "created_at": rfc3339_ms(s.created_ms),
    })
}

fn bad(message: &str) -> ApiError {
    ApiError::bad_request(message.to_owned())
}

/// `on[weekdays][]`, `on[days_of_month][]`, `on[weekday_of_month]` for the period.
fn parse_on(params: &Value, period: &str) -> Result<On, ApiError> {
    let on = params.get("on").cloned().unwrap_or(Value::Null);
    let strings = |key: &str| -> Vec<String> {
        match on.get(key) {
            Some(Value::Array(items)) => items.iter().filter_map(|v| text(&json!({"v": v}), "v")).collect(),
            Some(v) => text(&json!({"v": v}), "v").into_iter().collect(),
            None => Vec::new(),
        }
    };
    let weekdays: Vec<String> = strings("weekdays").into_iter().map(|w| w.to_ascii_lowercase()).collect();
    let days: Vec<String> = strings("days_of_month");
    let weekday_of_month = text(&on, "weekday_of_month").map(|w| w.to_ascii_lowercase());
    match period {
        "day" if weekdays.is_empty() && days.is_empty() && weekday_of_month.is_none() => Ok(On::default()),
        "day" => Err(bad("on is not used with period=day")),
        "week" if !weekdays.is_empty() && weekdays.iter().all(|w| WEEKDAYS.contains(&w.as_str())) => {
            Ok(On { weekdays, ..On::default() })
        }
        "week" => Err(bad("on[weekdays] must name days: monday … sunday")),
        _ => match (days.is_empty(), weekday_of_month) {
            (false, None) => {
                let parsed: Option<Vec<u32>> = days.iter().map(|d| d.trim().parse().ok().filter(|d| (1..=28).contains(d))).collect();
                let mut days = parsed.ok_or_else(|| bad("on[days_of_month] must be days 1 to 28"))?;
                days.sort_unstable();
                days.dedup();
                Ok(On { days_of_month: days, ..On::default() })
            }
            (true, Some(w)) if valid_weekday_of_month(&w) => Ok(On { weekday_of_month: Some(w), ..On::default() }),
            _ => Err(bad("period=month needs on[days_of_month][] (1 to 28) or on[weekday_of_month] (e.g. 2nd_monday, last_friday)")),
        },
    }
}

fn parse(params: &Value, acc: &Account, now_ms: i64) -> Result<Schedule, ApiError> {
    let today = now_ms.div_euclid(DAY_MS);
    let every = match int(params, "every") {
        Int::Value(n @ 1..=365) => n as u32,
        _ => return Err(bad("every must be a whole number from 1 to 365")),
    };
    let period = text(params, "period").unwrap_or_default();
    if !["day", "week", "month"].contains(&period.as_str()) {
        return Err(bad("period must be day, week or month"));
    }
    let on = parse_on(params, &period)?;
    let day = |key: &str| {
        text(params, key)
            .filter(|s| !s.is_empty())
            .map(|s| parse_date(&s).ok_or_else(|| bad(&format!("{key} must be a date (YYYY-MM-DD)"))))
    };
    let start_day = day("start_date").transpose()?.unwrap_or(today);
    let end_day = day("end_date").transpose()?.ok_or_else(|| bad("end_date is required"))?;
    if start_day < today {
        return Err(bad("start_date cannot be in the past"));
    }
    if end_day <= start_day {
        return Err(bad("end_date must be after start_date"));
    }
    let charge = params
        .get("charge")
        .filter(|c| c.is_object())
        .ok_or_else(|| bad("charge[customer] and charge[amount] are required"))?;
    let customer = text(charge, "customer")
        .filter(|c| !c.is_empty())
        .ok_or_else(|| bad("charge[customer] is required"))?;
    let cust = acc.customers.get(&customer).ok_or_else(|| ApiError::not_found("customer"))?;
    let card = text(charge, "card").filter(|c| !c.is_empty());
    if let Some(card) = &card {
        cust.cards.iter().find(|c| c.id == *card).ok_or_else(|| ApiError::not_found("card"))?;
    } else if cust.default_card.is_none() {
        return Err(bad("the customer has no card to charge"));
    }
    let mut money = charge.clone();
    if text(&money, "currency").is_none() {
        money["currency"] = "thb".into();
    }
    let (amount, currency) = amount_and_currency(&money)?;
    Ok(Schedule {
        id: ids::random_id("schd_test_"),
        every,
        period,
        on,
        start_day,
        end_day,
        charge: ScheduleCharge {
            customer,
            card,
            amount,
            currency,
            description: short_text(charge, "description"),
            metadata: metadata(charge),
        },
        status: "active".into(),
        created_ms: now_ms,
        ended_ms: None,
        done_through_day: start_day - 1,
        occurrence_ids: Vec::new(),
    })
}

/// `POST /schedules`; a schedule starting today makes its first charge at once.
pub async fn create(
    State(app): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let account = auth::secret(&app, &headers)?;
    let params = read_params(&headers, body).await?;
    let body = app
        .write(|inner, now| {
            let s = parse(&params, inner.account(account), now)?;
            let id = s.id.clone();
            inner.account(account).schedules.insert(id.clone(), s);
            inner.admit(Kind::Schedule, account, &id);
            let acc = inner.account(account);
            let body = schedule_json(acc, &acc.schedules[&id], now);
            events::record(inner, account, "schedule.create", body, now);
            schedule_rules::run_due(inner, now);
            let acc = inner.account(account);
            Ok(schedule_json(acc, &acc.schedules[&id], now))
        })
        .await?;
    Ok(json_response(StatusCode::OK, &body))
}

fn list_where(
    app: &AppState,
    headers: &HeaderMap,
    q: &RawQuery,
    customer: Option<&str>,
    location: &str,
) -> Result<Response, ApiError> {
    let now = app.now_ms();
    let page = Page::from_params(&list::query(q), now)?;
    let mut inner = app.store.lock();
    let account = auth::authenticate(headers, &inner, KeyKind::Secret)?;
    let acc = inner.account(account);
    if let Some(c) = customer {
        acc.customers.get(c).ok_or_else(|| ApiError::not_found("customer"))?;
    }
    let items = acc
        .schedules
        .values()
        .filter(|s| customer.is_none_or(|c| s.charge.customer == c))
        .map(|s| (s.created_ms, s.id.clone(), s))
        .collect();
    let (total, rows) = page.slice(items);
    let data = rows.into_iter().map(|s| schedule_json(acc, s, now)).collect();
    Ok(json_response(StatusCode::OK, &page.json(location, total, data)))
}

pub async fn list(
    State(app): State<AppState>,
    headers: HeaderMap,
    q: RawQuery,
) -> Result<Response, ApiError> {
    list_where(&app, &headers, &q, None, "/schedules")
}

pub async fn for_customer(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    q: RawQuery,
) -> Result<Response, ApiError> {
    list_where(&app, &headers, &q, Some(&id), &format!("/customers/{id}/schedules"))
}

pub async fn read(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    auth::read(&app, &headers, |acc, now| {
        let s = acc.schedules.get(&id).ok_or_else(|| ApiError::not_found("schedule"))?;
        Ok(schedule_json(acc, s, now))
    })
}

/// `DELETE /schedules/{id}`: no more charges; the schedule stays readable as `deleted`.
pub async fn destroy(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let account = auth::secret(&app, &headers)?;
    let body = app
        .write(|inner, now| {
            let s =
                inner.account(account).schedules.get(&id).ok_or_else(|| ApiError::not_found("schedule"))?;
            if s.status != "deleted" {
                schedule_rules::end(inner, account, &id, "deleted", "schedule.destroy", now);
            }
            let acc = inner.account(account);
            Ok(schedule_json(acc, &acc.schedules[&id], now))
        })
        .await?;
    Ok(json_response(StatusCode::OK, &body))
}

pub async fn occurrences(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    q: RawQuery,
) -> Result<Response, ApiError> {
    let page = Page::from_params(&list::query(&q), app.now_ms())?;
    let mut inner = app.store.lock();
    let account = auth::authenticate(&headers, &inner, KeyKind::Secret)?;
    let acc = inner.account(account);
    let s = acc.schedules.get(&id).ok_or_else(|| ApiError::not_found("schedule"))?;
    let items = s
        .occurrence_ids
        .iter()
        .filter_map(|o| acc.occurrences.get(o))
        .map(|o| (o.schedule_day * DAY_MS, o.id.clone(), o))
        .collect();
    let (total, rows) = page.slice(items);
    let data = rows.into_iter().map(occurrence_json).collect();
    Ok(json_response(StatusCode::OK, &page.json(&format!("/schedules/{id}/occurrences"), total, data)))
}

pub async fn occurrence(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let mut inner = app.store.lock();
    let account = auth::authenticate(&headers, &inner, KeyKind::Secret)?;
    let o = inner.account(account).occurrences.get(&id).ok_or_else(|| ApiError::not_found("occurrence"))?;
    Ok(json_response(StatusCode::OK, &occurrence_json(o)))
}
