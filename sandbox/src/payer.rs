//! The payer: what stands for the shopper's banking app (a scanned PromptPay QR) or the store's
//! till (konbini) in the sandbox. `POST /__sandbox/charges/{id}/pay|decline` for tests, and a
//! phone-sized page at `/payer/{id}` with Pay and Decline for people (outside `/__sandbox/`,
//! like the authorization pages: its form posts with `Origin: null` under `no-referrer`, which
//! the controls' cross-site guard refuses). Only a pending charge before its `expires_at` can
//! be paid: an expired QR code stays expired.

use crate::app::AppState;
use crate::authorize::{escape, format_amount, MERCHANT};
use crate::authorize_text::Lang;
use crate::body::{parse_form, read_bytes, text};
use crate::charges::charge_json;
use crate::errors::{json_response, ApiError};
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use std::collections::HashMap;

#[derive(Clone, Copy)]
enum W {
    App,
    Store,
    Explain,
    Merchant,
    Amount,
    Method,
    PaymentNumber,
    PayBy,
    Pay,
    Decline,
    Paid,
    Declined,
    NotPayable,
    NotFound,
}

fn say(lang: Lang, w: W) -> &'static str {
    match (lang, w) {
        (Lang::En, W::App) => "Banking app (sandbox)",
        (Lang::En, W::Store) => "Paying at the store (sandbox)",
        (Lang::En, W::Explain) => {
            "This page stands for the shopper's banking app or the store's till. Pay or decline here; \
             the shop's page sees the result on its own."
        }
        (Lang::En, W::Merchant) => "Merchant",
        (Lang::En, W::Amount) => "Amount",
        (Lang::En, W::Method) => "Payment method",
        (Lang::En, W::PaymentNumber) => "Payment number",
        (Lang::En, W::PayBy) => "Pay by",
        (Lang::En, W::Pay) => "Pay",
        (Lang::En, W::Decline) => "Decline",
        (Lang::En, W::Paid) => "Paid. You can go back to the shop's page.",
        (Lang::En, W::Declined) => "Declined. You can go back to the shop's page.",
        (Lang::En, W::NotPayable) => "This payment can no longer be made: it has expired or was already answered.",
        (Lang::En, W::NotFound) => "There is no payment waiting here.",
        (Lang::Ja, W::App) => "銀行アプリ（サンドボックス）",
        (Lang::Ja, W::Store) => "店頭でのお支払い（サンドボックス）",
        (Lang::Ja, W::Explain) => {
            "このページは、お客様の銀行アプリやお店のレジの代わりです。ここで支払うか拒否すると、ショップのページに結果が反映されます。"
        }
        (Lang::Ja, W::Merchant) => "加盟店",
        (Lang::Ja, W::Amount) => "金額",
        (Lang::Ja, W::Method) => "お支払い方法",
        (Lang::Ja, W::PaymentNumber) => "お支払い番号",
        (Lang::Ja, W::PayBy) => "お支払い期限",
        (Lang::Ja, W::Pay) => "支払う",
        (Lang::Ja, W::Decline) => "拒否する",
        (Lang::Ja, W::Paid) => "お支払いが完了しました。ショップのページに戻ってください。",
        (Lang::Ja, W::Declined) => "お支払いを拒否しました。ショップのページに戻ってください。",
        (Lang::Ja, W::NotPayable) => "このお支払いは期限切れか、すでに回答済みのため、お支払いできません。",
        (Lang::Ja, W::NotFound) => "お支払い待ちの取引はありません。",
        (Lang::Th, W::App) => "แอปธนาคาร (แซนด์บ็อกซ์)",
        (Lang::Th, W::Store) => "ชำระที่ร้านค้า (แซนด์บ็อกซ์)",
        (Lang::Th, W::Explain) => {
            "หน้านี้ใช้แทนแอปธนาคารของผู้ซื้อหรือเคาน์เตอร์ร้านค้า กดชำระหรือปฏิเสธที่นี่ แล้วหน้าร้านค้าจะแสดงผลเอง"
        }
        (Lang::Th, W::Merchant) => "ร้านค้า",
        (Lang::Th, W::Amount) => "จำนวนเงิน",
        (Lang::Th, W::Method) => "วิธีชำระเงิน",
        (Lang::Th, W::PaymentNumber) => "หมายเลขชำระเงิน",
        (Lang::Th, W::PayBy) => "ชำระภายใน",
        (Lang::Th, W::Pay) => "ชำระเงิน",
        (Lang::Th, W::Decline) => "ปฏิเสธ",
        (Lang::Th, W::Paid) => "ชำระเงินแล้ว กลับไปที่หน้าร้านค้าได้เลย",
        (Lang::Th, W::Declined) => "ปฏิเสธการชำระเงินแล้ว กลับไปที่หน้าร้านค้าได้เลย",
        (Lang::Th, W::NotPayable) => "ไม่สามารถชำระรายการนี้ได้แล้ว เนื่องจากหมดอายุหรือได้รับคำตอบไปแล้ว",
        (Lang::Th, W::NotFound) => "ไม่มีรายการที่รอชำระที่นี่",
    }
}

/// Pays or declines a pending charge; `Err` when there is none or it is no longer payable.
async fn answer(app: &AppState, id: &str, approve: bool) -> Result<(), ApiError> {
    let commit = {
        let mut inner = app.store.lock();
        let now = app.now_ms();
        let (_, charge) = inner.find_charge(id).ok_or_else(|| ApiError::not_found("charge"))?;
        // Past `expires_at` nothing can be paid, even before the ticker marks it expired.
        let expired = now >= charge.expires_at_ms;
        if expired
            || charge.status(now) != "pending"
            || charge.outcome.is_some()
            || charge.authorize_uri.is_none()
        {
            let status = if expired { "expired" } else { charge.status(now) };
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "failed_payment",
                format!("charge is {status} and can no longer be paid or declined"),
            ));
        }
        crate::charge_rules::decide(&mut inner, id, approve, now);
        inner.commit()
    };
    commit.wait().await
}

async fn answer_json(app: AppState, id: String, approve: bool) -> Result<Response, ApiError> {
    answer(&app, &id, approve).await?;
    let mut inner = app.store.lock();
    let (account, _) = inner.find_charge(&id).ok_or_else(|| ApiError::not_found("charge"))?;
    let acc = inner.account(account);
    Ok(json_response(StatusCode::OK, &charge_json(acc, &acc.charges[&id], app.now_ms())))
}

/// `POST /__sandbox/charges/{id}/pay`: the shopper paid (scanned and confirmed, or paid at the
/// store). Answers the charge.
pub async fn pay(State(app): State<AppState>, Path(id): Path<String>) -> Result<Response, ApiError> {
    answer_json(app, id, true).await
}

/// `POST /__sandbox/charges/{id}/decline`: the bank declined (`failure_code` `payment_rejected`).
pub async fn decline(State(app): State<AppState>, Path(id): Path<String>) -> Result<Response, ApiError> {
    answer_json(app, id, false).await
}

fn lang_of(query: &HashMap<String, String>, return_uri: Option<&str>, headers: &HeaderMap) -> Lang {
    let asked = query.get("lang").map(|l| format!("http://x/?lang={l}"));
    Lang::pick(asked.as_deref().or(return_uri), headers)
}

fn page(lang: Lang, status: StatusCode, heading: &str, main: &str) -> Response {
    let html = format!(
        "<!doctype html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{heading} · {merchant}</title>\n<link rel=\"stylesheet\" href=\"/__sandbox/sandbox.css\">\n\
         <link rel=\"icon\" href=\"data:,\">\n</head>\n<body>\n<main class=\"sheet\">\n<p class=\"badge\">Sandbox</p>\n\
         <h1>{heading}</h1>\n{main}</main>\n</body>\n</html>\n",
        code = lang.code(),
        heading = escape(heading),
        merchant = escape(MERCHANT),
    );
    (status, Html(html)).into_response()
}

/// `GET /payer/{id}[?lang=]`: the payer page.
pub async fn page_get(
    State(app): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let now = app.now_ms();
    let mut inner = app.store.lock();
    let Some((_, charge)) = inner.find_charge(&id) else {
        let lang = lang_of(&query, None, &headers);
        return page(
            lang,
            StatusCode::NOT_FOUND,
            say(lang, W::App),
            &format!("<p>{}</p>\n", say(lang, W::NotFound)),
        );
    };
    let lang = lang_of(&query, charge.return_uri.as_deref(), &headers);
    let kind = charge.source.as_ref().map_or("card", |s| s.kind.as_str());
    let store = kind == "econtext";
    let heading = say(lang, if store { W::Store } else { W::App });
    let method = crate::methods::label(kind, lang);
    let mut rows = format!(
        "<dt>{}</dt><dd>{}</dd>\n<dt>{}</dt><dd class=\"amount\">{}</dd>\n<dt>{}</dt><dd>{}</dd>\n",
        say(lang, W::Merchant),
        escape(MERCHANT),
        say(lang, W::Amount),
        escape(&format_amount(charge.amount, &charge.currency)),
        say(lang, W::Method),
        escape(&method),
    );
    if store {
        rows.push_str(&format!(
            "<dt>{}</dt><dd>{}</dd>\n<dt>{}</dt><dd>{}</dd>\n",
            say(lang, W::PaymentNumber),
            escape(&crate::promptpay::reference(&charge.id)),
            say(lang, W::PayBy),
            escape(&crate::clock::rfc3339_ms(charge.expires_at_ms)),
        ));
    }
    let payable = charge.status(now) == "pending" && charge.outcome.is_none() && now < charge.expires_at_ms;
    let action = if payable {
        format!(
            "<form method=\"post\" action=\"/payer/{id}?lang={code}\">\n\
             <button type=\"submit\" name=\"decision\" value=\"pay\" class=\"primary\">{pay}</button>\n\
             <button type=\"submit\" name=\"decision\" value=\"decline\">{decline}</button>\n</form>\n",
            id = escape(&charge.id),
            code = lang.code(),
            pay = say(lang, W::Pay),
            decline = say(lang, W::Decline),
        )
    } else {
        format!("<p class=\"notice\">{}</p>\n", say(lang, W::NotPayable))
    };
    let main = format!("<p>{}</p>\n<dl>\n{rows}</dl>\n{action}", say(lang, W::Explain));
    page(lang, StatusCode::OK, heading, &main)
}

/// `POST /payer/{id}` (`decision=pay|decline`, from the page's form).
pub async fn page_post(
    State(app): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let bytes = read_bytes(&headers, body).await?;
    let approve = text(&parse_form(&bytes), "decision").as_deref() == Some("pay");
    let lang = lang_of(&query, None, &headers);
    let (status, said) = match answer(&app, &id, approve).await {
        Ok(()) if approve => (StatusCode::OK, W::Paid),
        Ok(()) => (StatusCode::OK, W::Declined),
        Err(e) if e.status == StatusCode::NOT_FOUND => (StatusCode::NOT_FOUND, W::NotFound),
        Err(_) => (StatusCode::BAD_REQUEST, W::NotPayable),
    };
    Ok(page(lang, status, say(lang, W::App), &format!("<p class=\"notice\">{}</p>\n", say(lang, said))))
}
