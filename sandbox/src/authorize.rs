//! The authorization pages behind `authorize_uri`: the issuer's 3-D Secure page for cards,
//! the bank's or wallet's page for sources. No script and no inline style (strict CSP).

use crate::app::AppState;
use crate::body::{parse_form, read_bytes, text};
use crate::cards::Behaviour;
use crate::errors::ApiError;
use crate::middleware::CSP;
use crate::store::{Charge, Outcome};
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use std::time::Instant;

pub const MERCHANT: &str = "omise-checkout demo shop";

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// `THB 1,234.50`, `JPY 1,200`: the currency's own number of decimals.
pub fn format_amount(amount: i64, currency: &str) -> String {
    let decimals = if currency == "jpy" { 0 } else { 2 };
    let scale = 10i64.pow(decimals);
    let whole = (amount / scale).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let code = currency.to_ascii_uppercase();
    if decimals == 0 {
        format!("{code} {grouped}")
    } else {
        format!("{code} {grouped}.{:02}", amount % scale)
    }
}

fn document(status: StatusCode, title: &str, main: &str) -> Response {
    let html = format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<link rel=\"stylesheet\" href=\"/__sandbox/sandbox.css\">\n<link rel=\"icon\" href=\"data:,\">\n</head>\n\
         <body>\n<main class=\"sheet\">\n<p class=\"badge\">Sandbox · test mode</p>\n{main}</main>\n</body>\n</html>\n",
        title = escape(title)
    );
    (status, Html(html)).into_response()
}

fn not_found_page() -> Response {
    document(
        StatusCode::NOT_FOUND,
        "Payment not found",
        "<h1>Payment not found</h1>\n<p>There is no payment waiting for authorization here.</p>\n",
    )
}

fn describe(charge: &Charge) -> (String, &'static str, String, String) {
    if let Some(card) = &charge.card {
        let notice = match card.behaviour {
            Behaviour::ThreeDSecureFails => {
                "<p class=\"notice\">This test card fails 3-D Secure: the payment will be rejected \
                 whichever button you press.</p>\n"
            }
            _ => "",
        };
        (
            "3-D Secure verification".into(),
            "Card",
            format!("{} ending in {}", card.brand, card.last_digits),
            notice.into(),
        )
    } else if let Some(source) = &charge.source {
        let heading = match source.flow {
            "offline" => "Scan to pay",
            "app_redirect" => "Confirm in your banking app",
            _ => "Confirm the payment",
        };
        (heading.into(), "Payment method", source.kind.replace('_', " "), String::new())
    } else {
        ("Confirm the payment".into(), "Payment method", String::new(), String::new())
    }
}

fn decided_notice(charge: &Charge) -> String {
    match (&charge.outcome, &charge.return_uri) {
        (None, _) => String::new(),
        (Some(_), Some(uri)) => format!(
            "<p class=\"notice\">This payment was already answered. <a href=\"{}\">Return to the shop</a>.</p>\n",
            escape(uri)
        ),
        (Some(_), None) => "<p class=\"notice\">This payment was already answered.</p>\n".into(),
    }
}

pub async fn page(State(app): State<AppState>, Path(id): Path<String>) -> Response {
    let mut inner = app.store.lock();
    let Some((_, charge)) = inner.find_charge(&id) else { return not_found_page() };
    if charge.authorize_uri.is_none() {
        return not_found_page();
    }
    let (heading, method_label, method, notice) = describe(charge);
    let main = format!(
        "<h1>{heading}</h1>\n<dl>\n<dt>Merchant</dt><dd>{MERCHANT}</dd>\n\
         <dt>Amount</dt><dd class=\"amount\">{amount}</dd>\n<dt>{method_label}</dt><dd>{method}</dd>\n</dl>\n\
         {notice}{decided}<form method=\"post\" action=\"/authorize/{id}\">\n\
         <button type=\"submit\" name=\"decision\" value=\"authorize\" class=\"primary\">Authorize</button>\n\
         <button type=\"submit\" name=\"decision\" value=\"decline\">Decline</button>\n</form>\n",
        heading = escape(&heading),
        amount = escape(&format_amount(charge.amount, &charge.currency)),
        method = escape(&method),
        decided = decided_notice(charge),
        id = escape(&charge.id),
    );
    let mut resp = document(StatusCode::OK, &heading, &main);
    // The form's answer redirects to `return_uri`; browsers check `form-action` on that
    // redirect too, so the merchant's origin joins 'self' (nothing else is relaxed).
    let csp = match charge.return_uri.as_deref().and_then(origin_of) {
        Some(origin) => CSP.replace("form-action 'self'", &format!("form-action 'self' {origin}")),
        None => CSP.to_owned(),
    };
    if let Ok(value) = HeaderValue::from_str(&csp) {
        resp.headers_mut().insert(header::CONTENT_SECURITY_POLICY, value);
    }
    resp
}

/// `https://shop.example:8443` from a URL, when it is safe to put in a CSP source list.
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let host = rest.split(['/', '?', '#']).next()?;
    let safe = !host.is_empty()
        && !host.contains('@')
        && host.bytes().all(|c| c.is_ascii_alphanumeric() || b".-:[]_".contains(&c));
    safe.then(|| format!("{scheme}://{host}"))
}

fn redirect_to(uri: &str) -> Response {
    match HeaderValue::from_str(uri) {
        Ok(location) => {
            let mut r = StatusCode::SEE_OTHER.into_response();
            r.headers_mut().insert(header::LOCATION, location);
            r
        }
        Err(_) => done_page(),
    }
}

fn done_page() -> Response {
    document(StatusCode::OK, "Payment answered", "<h1>Thank you</h1>\n<p>You can close this page.</p>\n")
}

pub async fn decide(
    State(app): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let bytes = read_bytes(&headers, body).await?;
    let decision = text(&parse_form(&bytes), "decision").unwrap_or_default();
    let approve = match decision.as_str() {
        "authorize" => true,
        "decline" => false,
        _ => {
            return Ok(document(
                StatusCode::BAD_REQUEST,
                "Choose an answer",
                "<h1>Choose an answer</h1>\n<p>Press Authorize or Decline.</p>\n",
            ))
        }
    };
    let mut inner = app.store.lock();
    let Some((account, charge)) = inner.find_charge(&id) else { return Ok(not_found_page()) };
    if charge.authorize_uri.is_none() {
        return Ok(not_found_page());
    }
    if charge.outcome.is_none() {
        let fails_3ds = charge.card.as_ref().is_some_and(|c| c.behaviour == Behaviour::ThreeDSecureFails);
        charge.outcome = Some(if approve && !fails_3ds {
            Outcome::Successful
        } else {
            Outcome::Failed("payment_rejected".into())
        });
        let snapshot = charge.clone();
        let delay = inner.settle_delay(account, &snapshot);
        if let Some((_, charge)) = inner.find_charge(&id) {
            charge.settles_at = Some(Instant::now() + delay);
        }
    }
    let return_uri = inner.find_charge(&id).and_then(|(_, c)| c.return_uri.clone());
    Ok(match return_uri {
        Some(uri) => redirect_to(&uri),
        None => done_page(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_amounts_per_currency() {
        assert_eq!(format_amount(123_456, "thb"), "THB 1,234.56");
        assert_eq!(format_amount(2000, "thb"), "THB 20.00");
        assert_eq!(format_amount(1_200, "jpy"), "JPY 1,200");
        assert_eq!(format_amount(5, "usd"), "USD 0.05");
    }

    #[test]
    fn origins_for_csp() {
        assert_eq!(origin_of("http://shop.test:8080/done?x=1").as_deref(), Some("http://shop.test:8080"));
        assert_eq!(origin_of("https://a.b#f").as_deref(), Some("https://a.b"));
        assert_eq!(origin_of("javascript:alert(1)"), None);
        assert_eq!(origin_of("http://a;b/"), None);
        assert_eq!(origin_of("http://u@evil/"), None);
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    }
}
