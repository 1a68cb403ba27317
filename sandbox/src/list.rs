//! Omise list objects (`GET /charges`, `/customers`, `/charges/{id}/refunds`, …):
//! `{"object":"list","data","limit","offset","total","order","from","to","location"}`, with
//! `offset`, `limit` (default 20, at most 100), `order` (`chronological` or
//! `reverse_chronological`) and `from` / `to` (ISO 8601, inclusive) honoured.

use crate::body::{int, parse_form, text, Int};
use crate::clock::{parse_time, rfc3339_ms};
use crate::errors::ApiError;
use axum::extract::RawQuery;
use serde_json::{json, Value};

pub const DEFAULT_LIMIT: usize = 20;
pub const MAX_LIMIT: usize = 100;

#[derive(Debug, Clone)]
pub struct Page {
    pub offset: usize,
    pub limit: usize,
    pub reverse: bool,
    pub from_ms: i64,
    pub to_ms: i64,
}

/// The query string as one JSON object (nested keys as form bodies have them).
pub fn query(raw: &RawQuery) -> Value {
    parse_form(raw.0.as_deref().unwrap_or("").as_bytes())
}

fn bad(message: &str) -> ApiError {
    ApiError::bad_request(message.to_owned())
}

impl Page {
    /// From `offset`, `limit`, `order`, `from`, `to` in `params`; `to` defaults to `now_ms`.
    pub fn from_params(params: &Value, now_ms: i64) -> Result<Page, ApiError> {
        let offset = match int(params, "offset") {
            Int::Missing => 0,
            Int::Value(n) if n >= 0 => n as usize,
            _ => return Err(bad("offset must be a non-negative integer")),
        };
        let limit = match int(params, "limit") {
            Int::Missing => DEFAULT_LIMIT,
            Int::Value(n) if n >= 0 => (n as usize).min(MAX_LIMIT),
            _ => return Err(bad("limit must be a non-negative integer")),
        };
        let reverse = match text(params, "order").as_deref() {
            None | Some("" | "chronological") => false,
            Some("reverse_chronological") => true,
            Some(_) => return Err(bad("order must be chronological or reverse_chronological")),
        };
        let time = |key: &str, default: i64| match text(params, key).filter(|s| !s.is_empty()) {
            None => Ok(default),
            Some(s) => parse_time(&s).ok_or_else(|| bad(&format!("{key} is not an ISO 8601 time"))),
        };
        Ok(Page { offset, limit, reverse, from_ms: time("from", 0)?, to_ms: time("to", now_ms)? })
    }

    /// The page of `items` (`(created_ms, id, item)`) inside `from`..=`to`, in the asked order;
    /// and how many were inside the window.
    pub fn slice<T>(&self, mut items: Vec<(i64, String, T)>) -> (usize, Vec<T>) {
        items.retain(|(t, _, _)| *t >= self.from_ms && *t <= self.to_ms);
        items.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        if self.reverse {
            items.reverse();
        }
        let total = items.len();
        (total, items.into_iter().skip(self.offset).take(self.limit).map(|(_, _, x)| x).collect())
    }

    pub fn json(&self, location: &str, total: usize, data: Vec<Value>) -> Value {
        json!({
            "object": "list",
            "data": data,
            "limit": self.limit,
            "offset": self.offset,
            "total": total,
            "location": location,
            "order": if self.reverse { "reverse_chronological" } else { "chronological" },
            "from": rfc3339_ms(self.from_ms),
            "to": rfc3339_ms(self.to_ms),
        })
    }
}

/// A whole small collection as a list object (a charge's refunds, a customer's cards).
pub fn all(location: &str, now_ms: i64, data: Vec<Value>) -> Value {
    let page =
        Page { offset: 0, limit: data.len().max(DEFAULT_LIMIT), reverse: false, from_ms: 0, to_ms: now_ms };
    let total = data.len();
    page.json(location, total, data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_in_order_within_the_window() {
        let items: Vec<(i64, String, i64)> = (0..10).map(|i| (i * 1000, format!("x{i}"), i)).collect();
        let p = Page::from_params(&json!({"offset": "2", "limit": "3"}), 100_000).unwrap();
        assert_eq!(p.slice(items.clone()), (10, vec![2, 3, 4]));
        let p = Page::from_params(&json!({"order": "reverse_chronological", "limit": 2}), 100_000).unwrap();
        assert_eq!(p.slice(items.clone()), (10, vec![9, 8]));
        let p = Page::from_params(&json!({"from": "1970-01-01T00:00:03Z", "to": "1970-01-01T00:00:05Z"}), 0)
            .unwrap();
        assert_eq!(p.slice(items), (3, vec![3, 4, 5]));
        assert!(Page::from_params(&json!({"limit": "-1"}), 0).is_err());
        assert!(Page::from_params(&json!({"order": "sideways"}), 0).is_err());
        assert!(Page::from_params(&json!({"from": "yesterday"}), 0).is_err());
        assert_eq!(Page::from_params(&json!({"limit": 1000}), 0).unwrap().limit, MAX_LIMIT);
    }
}
