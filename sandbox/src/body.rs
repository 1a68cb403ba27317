//! Request bodies: form-encoded (`card[number]=…`, what Omise documents) or JSON, both turned
//! into one nested JSON value so every handler reads fields the same way.

use crate::errors::ApiError;
use axum::body::Body;
use axum::http::{header, HeaderMap, StatusCode};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use serde_json::{Map, Value};

/// Bodies above this are refused with 413: no card request comes near it.
pub const BODY_LIMIT: usize = 64 * 1024;

fn too_large() -> ApiError {
    ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "bad_request", "request body is too large")
}

/// Reads the whole body, refusing more than `BODY_LIMIT` bytes.
pub async fn read_bytes(headers: &HeaderMap, body: Body) -> Result<bytes::Bytes, ApiError> {
    let declared =
        headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > BODY_LIMIT as u64) {
        return Err(too_large());
    }
    match Limited::new(body, BODY_LIMIT).collect().await {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(e) if e.is::<LengthLimitError>() => Err(too_large()),
        Err(_) => Err(ApiError::bad_request("request body could not be read")),
    }
}

/// Parses a JSON or form body into a JSON object. An empty body is an empty object.
pub async fn read_params(headers: &HeaderMap, body: Body) -> Result<Value, ApiError> {
    let bytes = read_bytes(headers, body).await?;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if content_type == "application/json" || content_type.ends_with("+json") {
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(Value::Object(Map::new()));
        }
        return match serde_json::from_slice::<Value>(&bytes) {
            Ok(v @ Value::Object(_)) => Ok(v),
            Ok(_) => Err(ApiError::bad_request("request body must be a JSON object")),
            Err(e) => Err(ApiError::bad_request(format!("request body is not valid JSON: {e}"))),
        };
    }
    if content_type.is_empty() || content_type == "application/x-www-form-urlencoded" {
        return Ok(parse_form(&bytes));
    }
    if bytes.is_empty() {
        return Ok(Value::Object(Map::new()));
    }
    Err(ApiError::bad_request(
        "unsupported content type: send application/x-www-form-urlencoded or application/json",
    ))
}

/// `card[number]=4242&amount=100` → `{"card":{"number":"4242"},"amount":"100"}`; deeper keys
/// nest too (`on[days_of_month][]=1&on[days_of_month][]=15` → `{"on":{"days_of_month":["1","15"]}}`,
/// as Rails-style clients send schedules). At most a few levels: nothing Omise takes is deeper.
pub fn parse_form(bytes: &[u8]) -> Value {
    let mut root = Value::Object(Map::new());
    for (key, value) in form_urlencoded::parse(bytes) {
        let value = Value::String(value.into_owned());
        match split_key(&key) {
            Some(path) => insert_path(&mut root, &path, value),
            None => {
                if let Value::Object(map) = &mut root {
                    map.insert(key.into_owned(), value);
                }
            }
        }
    }
    root
}

/// `a[b][c][]` → `["a", "b", "c", ""]` (`""`: append to a list); `None` for a plain or
/// malformed key, which is then kept as it is.
fn split_key(key: &str) -> Option<Vec<&str>> {
    let open = key.find('[')?;
    if open == 0 || !key.ends_with(']') {
        return None;
    }
    let mut path = vec![&key[..open]];
    for part in key[open + 1..key.len() - 1].split("][") {
        if part.contains(['[', ']']) {
            return None;
        }
        path.push(part);
    }
    (path.len() <= 5).then_some(path)
}

fn insert_path(node: &mut Value, path: &[&str], value: Value) {
    let Some((first, rest)) = path.split_first() else { return };
    if first.is_empty() {
        if !node.is_array() {
            *node = Value::Array(Vec::new());
        }
        if let Value::Array(items) = node {
            match rest.is_empty() {
                true => items.push(value),
                false => {
                    let mut child = Value::Object(Map::new());
                    insert_path(&mut child, rest, value);
                    items.push(child);
                }
            }
        }
        return;
    }
    if !node.is_object() {
        *node = Value::Object(Map::new());
    }
    if let Value::Object(map) = node {
        if rest.is_empty() {
            map.insert((*first).to_owned(), value);
        } else {
            let child = map.entry((*first).to_owned()).or_insert(Value::Null);
            insert_path(child, rest, value);
        }
    }
}

/// A yes/no field: JSON booleans or `true`/`false` text.
pub fn boolean(v: &Value, key: &str) -> Option<bool> {
    match v.get(key)? {
        Value::Bool(b) => Some(*b),
        Value::String(s) => match s.trim() {
            "true" | "1" => Some(true),
            "false" | "0" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// `metadata`: an object, or `{}`.
pub fn metadata(v: &Value) -> Value {
    match v.get("metadata") {
        Some(m @ Value::Object(_)) => m.clone(),
        _ => Value::Object(Map::new()),
    }
}

/// Short free text (descriptions, e-mails): at most 255 characters.
pub fn short_text(v: &Value, key: &str) -> Option<String> {
    text(v, key).map(|d| d.chars().take(255).collect())
}

/// A field as text: strings as they are, numbers written out; anything else is absent.
pub fn text(v: &Value, key: &str) -> Option<String> {
    match v.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// What an integer field held.
#[derive(Debug, PartialEq, Eq)]
pub enum Int {
    Missing,
    Invalid,
    Value(i64),
}

/// An integer field given as a JSON number or as decimal text (form bodies are all text).
pub fn int(v: &Value, key: &str) -> Int {
    match v.get(key) {
        None | Some(Value::Null) => Int::Missing,
        Some(Value::Number(n)) => n.as_i64().map_or(Int::Invalid, Int::Value),
        Some(Value::String(s)) if s.trim().is_empty() => Int::Missing,
        Some(Value::String(s)) => s.trim().parse().map_or(Int::Invalid, Int::Value),
        Some(_) => Int::Invalid,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nests_bracketed_form_keys() {
        let v = parse_form(b"card%5Bnumber%5D=4242&card[name]=A+B&amount=100&x[a][b]=1");
        assert_eq!(v["card"]["number"], "4242");
        assert_eq!(v["card"]["name"], "A B");
        assert_eq!(v["amount"], "100");
        assert_eq!(v["x"]["a"]["b"], "1");
        let v = parse_form(b"on[days_of_month][]=1&on[days_of_month][]=15&charge[amount]=5&bad]=2&[x]=3");
        assert_eq!(v["on"]["days_of_month"], serde_json::json!(["1", "15"]));
        assert_eq!(
            (v["charge"]["amount"].as_str(), v["bad]"].as_str(), v["[x]"].as_str()),
            (Some("5"), Some("2"), Some("3"))
        );
    }

    #[test]
    fn reads_ints_from_text_or_numbers() {
        let v = serde_json::json!({"a": 12, "b": "07", "c": "x", "d": 1.5});
        assert_eq!(int(&v, "a"), Int::Value(12));
        assert_eq!(int(&v, "b"), Int::Value(7));
        assert_eq!(int(&v, "c"), Int::Invalid);
        assert_eq!(int(&v, "d"), Int::Invalid);
        assert_eq!(int(&v, "e"), Int::Missing);
    }
}
