//! The authorization pages behind `authorize_uri`: the issuer's 3-D Secure page for cards,
//! the bank's or wallet's page for sources. No script and no inline style (strict CSP).

use crate::app::AppState;
use crate::authorize_text::{self as words, Lang, T};
use crate::body::{parse_form, read_bytes, text};
use crate::cards::Behaviour;
use crate::errors::ApiError;
use crate::middleware::CSP;
use crate::store::Charge;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};

pub use crate::authorize_text::MERCHANT;

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

fn document(lang: Lang, status: StatusCode, title: &str, main: &str) -> Response {
    let html = format!(
        "<!doctype html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title} · {merchant}</title>\n<link rel=\"stylesheet\" href=\"/__sandbox/sandbox.css\">\n<link rel=\"icon\" href=\"data:,\">\n</head>\n\
         <body>\n<main class=\"sheet\">\n<p class=\"badge\">{badge}</p>\n{main}</main>\n</body>\n</html>\n",
        code = lang.code(),
        title = escape(title),
        merchant = escape(MERCHANT),
        badge = escape(words::text(lang, T::Badge)),
    );
    (status, Html(html)).into_response()
}

/// A page with a heading and one paragraph.
fn simple_page(lang: Lang, status: StatusCode, title: T, text: T) -> Response {
    let title = words::text(lang, title);
    let main = format!("<h1>{}</h1>\n<p>{}</p>\n", escape(title), escape(words::text(lang, text)));
    document(lang, status, title, &main)
}

fn not_found_page(lang: Lang) -> Response {
    simple_page(lang, StatusCode::NOT_FOUND, T::NotFoundTitle, T::NotFoundText)
}

fn describe(charge: &Charge, lang: Lang) -> (&'static str, &'static str, String, String) {
    let say = |t| words::text(lang, t);
    if let Some(card) = &charge.card {
        let notice = match card.behaviour {
            Behaviour::ThreeDSecureFails => {
                format!("<p class=\"notice\">{}</p>\n", escape(say(T::FailsThreeDSecure)))
            }
            _ => String::new(),
        };
        // The brand as the brand spells itself today (the API still writes "MasterCard").
        let brand = if card.brand == "MasterCard" { "Mastercard" } else { card.brand.as_str() };
        let ending = say(T::CardEnding).replacen("{}", brand, 1).replacen("{}", &card.last_digits, 1);
        (say(T::ThreeDSecure), say(T::Card), ending, notice)
    } else if let Some(source) = &charge.source {
        let heading = match source.flow.as_str() {
            "offline" => say(T::ScanToPay),
            "app_redirect" => say(T::ConfirmInApp),
            _ => say(T::ConfirmPayment),
        };
        (heading, say(T::PaymentMethod), crate::methods::label(&source.kind, lang), String::new())
    } else {
        (say(T::ConfirmPayment), say(T::PaymentMethod), String::new(), String::new())
    }
}

fn decided_notice(charge: &Charge, lang: Lang) -> String {
    let answered = escape(words::text(lang, T::AlreadyAnswered));
    match (&charge.outcome, &charge.return_uri) {
        (None, _) => String::new(),
        (Some(_), Some(uri)) => format!(
            "<p class=\"notice\">{answered} <a href=\"{}\">{}</a></p>\n",
            escape(uri),
            escape(words::text(lang, T::ReturnToShop))
        ),
        (Some(_), None) => format!("<p class=\"notice\">{answered}</p>\n"),
    }
}

pub async fn page(State(app): State<AppState>, Path(id): Path<String>, headers: HeaderMap) -> Response {
    let mut inner = app.store.lock();
    let Some((_, charge)) = inner.find_charge(&id) else {
        return not_found_page(Lang::pick(None, &headers));
    };
    let lang = Lang::pick(charge.return_uri.as_deref(), &headers);
    if charge.authorize_uri.is_none() {
        return not_found_page(lang);
    }
    let say = |t| escape(words::text(lang, t));
    let (heading, method_label, method, notice) = describe(charge, lang);
    let main = format!(
        "<h1>{heading}</h1>\n<dl>\n<dt>{merchant_label}</dt><dd>{merchant}</dd>\n\
         <dt>{amount_label}</dt><dd class=\"amount\">{amount}</dd>\n<dt>{method_label}</dt><dd>{method}</dd>\n</dl>\n\
         {notice}{decided}<form method=\"post\" action=\"/authorize/{id}\">\n\
         <button type=\"submit\" name=\"decision\" value=\"authorize\" class=\"primary\">{authorize}</button>\n\
         <button type=\"submit\" name=\"decision\" value=\"decline\">{decline}</button>\n</form>\n",
        heading = escape(heading),
        merchant_label = say(T::Merchant),
        merchant = escape(MERCHANT),
        amount_label = say(T::Amount),
        amount = escape(&format_amount(charge.amount, &charge.currency)),
        method_label = escape(method_label),
        method = escape(&method),
        decided = decided_notice(charge, lang),
        id = escape(&charge.id),
        authorize = say(T::Authorize),
        decline = say(T::Decline),
    );
    let mut resp = document(lang, StatusCode::OK, heading, &main);
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

fn redirect_to(uri: &str, lang: Lang) -> Response {
    match HeaderValue::from_str(uri) {
        Ok(location) => {
            let mut r = StatusCode::SEE_OTHER.into_response();
            r.headers_mut().insert(header::LOCATION, location);
            r
        }
        Err(_) => done_page(lang),
    }
}

fn done_page(lang: Lang) -> Response {
    simple_page(lang, StatusCode::OK, T::DoneTitle, T::DoneText)
}

pub async fn decide(
    State(app): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let bytes = read_bytes(&headers, body).await?;
    let decision = text(&parse_form(&bytes), "decision").unwrap_or_default();
    let (lang, return_uri, commit) = {
        let mut inner = app.store.lock();
        let lang = Lang::pick(inner.find_charge(&id).and_then(|(_, c)| c.return_uri.as_deref()), &headers);
        let approve = match decision.as_str() {
            "authorize" => true,
            "decline" => false,
            _ => return Ok(simple_page(lang, StatusCode::BAD_REQUEST, T::ChooseTitle, T::ChooseText)),
        };
        let Some((_, charge)) = inner.find_charge(&id) else { return Ok(not_found_page(lang)) };
        if charge.authorize_uri.is_none() {
            return Ok(not_found_page(lang));
        }
        // The outcome, its settle delay and `charge.complete` (charge_rules.rs).
        crate::charge_actions::decide(&mut inner, &id, approve, app.now_ms());
        let return_uri = inner.find_charge(&id).and_then(|(_, c)| c.return_uri.clone());
        (lang, return_uri, inner.commit())
    };
    commit.wait().await?;
    Ok(match return_uri {
        Some(uri) => redirect_to(&uri, lang),
        None => done_page(lang),
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
