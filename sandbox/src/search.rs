//! The search room: `GET /search` (and `/search/`), secret key only.
//! `scope` (`charge`, `customer`, `refund`, `schedule`; `dispute`, `recipient`, `transfer`,
//! `link` are accepted and always empty here), `query` (case-insensitive text in ids,
//! descriptions, e-mails, metadata values, card names and last digits), `filters[…]`,
//! `page` (from 1), `per_page` (default 30, at most 100), `order`. Filters take an exact value
//! or a range `a..b` (either end open) for amounts and dates (`created=2026-01-01..2026-01-31`).

use crate::auth::{self, KeyKind};
use crate::body::{int, text, Int};
use crate::charges::charge_json;
use crate::clock::{parse_time, DAY_MS};
use crate::customers::customer_json;
use crate::errors::{json_response, ApiError};
use crate::list;
use crate::refunds::refund_json;
use crate::schedules::schedule_json;
use crate::state::AppState;
use crate::store::{Account, Outcome};
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use serde_json::{json, Map, Value};

pub fn routes() -> Router<AppState> {
    Router::new().route("/search", get(search))
}

const FILTERS: &[(&str, &[&str])] = &[
    (
        "charge",
        &[
            "amount",
            "status",
            "failure_code",
            "created",
            "currency",
            "captured",
            "authorized",
            "paid",
            "reversed",
            "refunded",
            "card_last_digits",
            "customer",
        ],
    ),
    ("customer", &["created", "email"]),
    ("refund", &["amount", "status", "created", "currency", "charge"]),
    ("schedule", &["status", "created", "period"]),
];
const EMPTY_SCOPES: &[&str] = &["dispute", "recipient", "transfer", "link"];

/// An inclusive range, `a..b`, `a..`, `..b`, or one value `a`.
fn range(spec: &str, parse: impl Fn(&str) -> Option<i64>, date: bool) -> Option<(i64, i64)> {
    let (lo, hi) = spec.split_once("..").unwrap_or((spec, spec));
    let lo = if lo.is_empty() { i64::MIN } else { parse(lo)? };
    let hi = if hi.is_empty() {
        i64::MAX
    } else if date && hi.len() == 10 {
        parse(hi)? + DAY_MS - 1
    } else {
        parse(hi)?
    };
    Some((lo, hi))
}

/// One filter against one value: ranges for numbers and times, else equal text (comma: any of).
enum Field {
    Num(i64),
    Time(i64),
    Text(Option<String>),
    Flag(bool),
}

fn test(field: &Field, spec: &str) -> Option<bool> {
    Some(match field {
        Field::Num(n) => {
            let (lo, hi) = range(spec, |s| s.trim().parse().ok(), false)?;
            (lo..=hi).contains(n)
        }
        Field::Time(t) => {
            let (lo, hi) = range(spec, |s| parse_time(s.trim()), true)?;
            (lo..=hi).contains(t)
        }
        Field::Text(v) => {
            spec.split(',').any(|s| v.as_deref().is_some_and(|v| v.eq_ignore_ascii_case(s.trim())))
        }
        Field::Flag(b) => *b == (spec.trim() == "true"),
    })
}

fn field(acc: &Account, scope: &str, id: &str, name: &str, now: i64) -> Field {
    let s = |v: Option<&str>| Field::Text(v.map(str::to_owned));
    match scope {
        "charge" => {
            let c = &acc.charges[id];
            match name {
                "amount" => Field::Num(c.amount),
                "created" => Field::Time(c.created_ms),
                "status" => s(Some(c.status(now))),
                "failure_code" => match c.visible_outcome(now) {
                    Some(Outcome::Failed(code)) => s(Some(code)),
                    _ => s(None),
                },
                "currency" => s(Some(&c.currency)),
                "captured" | "paid" => Field::Flag(c.paid(now)),
                "authorized" => Field::Flag(c.authorized(now)),
                "reversed" => Field::Flag(c.reversed_ms.is_some()),
                "refunded" => Field::Flag(c.refunded_amount > 0),
                "card_last_digits" => s(c.card.as_ref().map(|k| k.last_digits.as_str())),
                _ => s(c.customer.as_deref()),
            }
        }
        "customer" => {
            let c = &acc.customers[id];
            match name {
                "created" => Field::Time(c.created_ms),
                _ => s(c.email.as_deref()),
            }
        }
        "refund" => {
            let r = &acc.refunds[id];
            match name {
                "amount" => Field::Num(r.amount),
                "created" => Field::Time(r.created_ms),
                "status" => s(Some(&r.status)),
                "currency" => s(Some(&r.currency)),
                _ => s(Some(&r.charge_id)),
            }
        }
        _ => {
            let x = &acc.schedules[id];
            match name {
                "created" => Field::Time(x.created_ms),
                "period" => s(Some(&x.period)),
                _ => s(Some(crate::schedule_rules::shown_status(x, now.div_euclid(DAY_MS)))),
            }
        }
    }
}

/// The objects of a scope as `(created, id, JSON)`; the JSON's text is what `query` searches.
fn objects(acc: &Account, scope: &str, now: i64) -> Vec<(i64, String, Value)> {
    match scope {
        "charge" => {
            acc.charges.values().map(|c| (c.created_ms, c.id.clone(), charge_json(acc, c, now))).collect()
        }
        "customer" => {
            acc.customers.values().map(|c| (c.created_ms, c.id.clone(), customer_json(c, now))).collect()
        }
        "refund" => acc.refunds.values().map(|r| (r.created_ms, r.id.clone(), refund_json(r, now))).collect(),
        "schedule" => {
            acc.schedules.values().map(|s| (s.created_ms, s.id.clone(), schedule_json(acc, s, now))).collect()
        }
        _ => Vec::new(),
    }
}

/// The searchable text of an object: ids, descriptions, e-mails, names, last digits, metadata.
fn haystack(v: &Value) -> String {
    let mut out = String::new();
    for key in ["id", "description", "email", "customer", "charge"] {
        if let Some(s) = v.get(key).and_then(Value::as_str) {
            out.push_str(s);
            out.push('\n');
        }
    }
    if let Some(card) = v.get("card").filter(|c| c.is_object()) {
        for key in ["name", "last_digits", "id"] {
            out.push_str(card.get(key).and_then(Value::as_str).unwrap_or(""));
            out.push('\n');
        }
    }
    if let Some(Value::Object(m)) = v.get("metadata") {
        for value in m.values() {
            out.push_str(&value.to_string());
            out.push('\n');
        }
    }
    out.to_lowercase()
}

pub async fn search(
    State(app): State<AppState>,
    headers: HeaderMap,
    q: RawQuery,
) -> Result<Response, ApiError> {
    let now = app.now_ms();
    let params = list::query(&q);
    let scope = text(&params, "scope").unwrap_or_default();
    let allowed = FILTERS.iter().find(|(s, _)| *s == scope).map(|(_, f)| *f);
    if allowed.is_none() && !EMPTY_SCOPES.contains(&scope.as_str()) {
        return Err(ApiError::bad_request(
            "scope must be one of charge, customer, refund, schedule, dispute, recipient, transfer, link",
        ));
    }
    let filters = match params.get("filters") {
        Some(Value::Object(m)) => m.clone(),
        None => Map::new(),
        Some(_) => return Err(ApiError::bad_request("filters must be given as filters[name]=value")),
    };
    let mut tests = Vec::new();
    for (name, value) in &filters {
        if !allowed.unwrap_or(&[]).contains(&name.as_str()) {
            return Err(ApiError::bad_request(format!("filters[{name}] is not a filter of scope {scope}")));
        }
        let spec = match value {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            _ => return Err(ApiError::bad_request(format!("filters[{name}] must be a value"))),
        };
        tests.push((name.clone(), spec));
    }
    let page = match int(&params, "page") {
        Int::Missing => 1,
        Int::Value(p) if p >= 1 => p as usize,
        _ => return Err(ApiError::bad_request("page must be 1 or more")),
    };
    let per_page = match int(&params, "per_page") {
        Int::Missing => 30,
        Int::Value(p) if p >= 1 => (p as usize).min(100),
        _ => return Err(ApiError::bad_request("per_page must be 1 or more")),
    };
    let reverse = match text(&params, "order").as_deref() {
        None | Some("" | "chronological") => false,
        Some("reverse_chronological") => true,
        Some(_) => return Err(ApiError::bad_request("order must be chronological or reverse_chronological")),
    };
    let query = text(&params, "query").unwrap_or_default();
    let needle = query.trim().to_lowercase();
    let mut inner = app.store.lock();
    let account = auth::authenticate(&headers, &inner, KeyKind::Secret)?;
    let acc = inner.account(account);
    let mut hits = Vec::new();
    for (created, id, v) in objects(acc, &scope, now) {
        let mut keep = needle.is_empty() || haystack(&v).contains(&needle);
        for (name, spec) in &tests {
            keep = keep
                && test(&field(acc, &scope, &id, name, now), spec).ok_or_else(|| {
                    ApiError::bad_request(format!("filters[{name}] has a bad value: {spec}"))
                })?;
        }
        if keep {
            hits.push((created, id, v));
        }
    }
    hits.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    if reverse {
        hits.reverse();
    }
    let total = hits.len();
    let data: Vec<Value> =
        hits.into_iter().skip((page - 1) * per_page).take(per_page).map(|(_, _, v)| v).collect();
    Ok(json_response(
        StatusCode::OK,
        &json!({
            "object": "search",
            "livemode": false,
            "location": "/search",
            "order": if reverse { "reverse_chronological" } else { "chronological" },
            "scope": scope,
            "query": query,
            "filters": filters,
            "page": page,
            "per_page": per_page,
            "total_pages": total.div_ceil(per_page),
            "total": total,
            "data": data,
        }),
    ))
}
