//! The words of the sandbox's authorization pages (3-D Secure, bank and wallet pages) in the
//! shopper's language: from the return URL's `lang` (the shop knows what the shopper chose),
//! else `Accept-Language`, else English. One merchant name everywhere: the demo shop's.

use axum::http::{header, HeaderMap};

/// The demo shop's name, as its own pages show it.
pub const MERCHANT: &str = "Sandbox Supply Co.";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Ja,
    Th,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
            Lang::Th => "th",
        }
    }

    fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_', ';']).next()?.trim();
        match primary.to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "ja" => Some(Lang::Ja),
            "th" => Some(Lang::Th),
            _ => None,
        }
    }

    /// The return URL's `lang=` parameter, else the first language of `Accept-Language` we
    /// have (in the order given; q-values are ignored), else English.
    pub fn pick(return_uri: Option<&str>, headers: &HeaderMap) -> Lang {
        let from_url = return_uri
            .and_then(|u| u.split_once('?'))
            .map(|(_, q)| q.split('#').next().unwrap_or(""))
            .and_then(|q| form_urlencoded::parse(q.as_bytes()).find(|(k, _)| k == "lang"))
            .and_then(|(_, v)| Lang::from_tag(&v));
        let from_header = || {
            let accept = headers.get(header::ACCEPT_LANGUAGE)?.to_str().ok()?;
            accept.split(',').find_map(Lang::from_tag)
        };
        from_url.or_else(from_header).unwrap_or(Lang::En)
    }
}

/// Every text of the pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum T {
    Badge,
    ThreeDSecure,
    ScanToPay,
    ConfirmInApp,
    ConfirmPayment,
    Merchant,
    Amount,
    Card,
    PaymentMethod,
    /// "{brand} ending in {last4}"; `{}` twice.
    CardEnding,
    FailsThreeDSecure,
    AlreadyAnswered,
    ReturnToShop,
    Authorize,
    Decline,
    NotFoundTitle,
    NotFoundText,
    DoneTitle,
    DoneText,
    ChooseTitle,
    ChooseText,
}

pub fn text(lang: Lang, t: T) -> &'static str {
    match lang {
        Lang::En => en(t),
        Lang::Ja => ja(t),
        Lang::Th => th(t),
    }
}

fn en(t: T) -> &'static str {
    match t {
        T::Badge => "Sandbox · test mode",
        T::ThreeDSecure => "3-D Secure verification",
        T::ScanToPay => "Scan to pay",
        T::ConfirmInApp => "Confirm in your banking app",
        T::ConfirmPayment => "Confirm the payment",
        T::Merchant => "Merchant",
        T::Amount => "Amount",
        T::Card => "Card",
        T::PaymentMethod => "Payment method",
        T::CardEnding => "{} ending in {}",
        T::FailsThreeDSecure => {
            "This test card fails 3-D Secure: the payment will be rejected whichever button you press."
        }
        T::AlreadyAnswered => "This payment was already answered.",
        T::ReturnToShop => "Return to the shop",
        T::Authorize => "Authorize",
        T::Decline => "Decline",
        T::NotFoundTitle => "Payment not found",
        T::NotFoundText => "There is no payment waiting for authorization here.",
        T::DoneTitle => "Thank you",
        T::DoneText => "You can close this page.",
        T::ChooseTitle => "Choose an answer",
        T::ChooseText => "Press Authorize or Decline.",
    }
}

fn ja(t: T) -> &'static str {
    match t {
        T::Badge => "サンドボックス · テストモード",
        T::ThreeDSecure => "3-D セキュア本人認証",
        T::ScanToPay => "スキャンして支払う",
        T::ConfirmInApp => "銀行アプリで承認してください",
        T::ConfirmPayment => "お支払いの確認",
        T::Merchant => "加盟店",
        T::Amount => "金額",
        T::Card => "カード",
        T::PaymentMethod => "お支払い方法",
        T::CardEnding => "{} 末尾 {}",
        T::FailsThreeDSecure => {
            "このテストカードは 3-D セキュア認証に失敗します。どちらのボタンを押してもお支払いは拒否されます。"
        }
        T::AlreadyAnswered => "このお支払いはすでに回答済みです。",
        T::ReturnToShop => "ショップに戻る",
        T::Authorize => "承認する",
        T::Decline => "拒否する",
        T::NotFoundTitle => "お支払いが見つかりません",
        T::NotFoundText => "承認待ちのお支払いはありません。",
        T::DoneTitle => "ありがとうございました",
        T::DoneText => "このページは閉じてかまいません。",
        T::ChooseTitle => "回答を選んでください",
        T::ChooseText => "「承認する」または「拒否する」を押してください。",
    }
}

fn th(t: T) -> &'static str {
    match t {
        T::Badge => "แซนด์บ็อกซ์ · โหมดทดสอบ",
        T::ThreeDSecure => "ยืนยันตัวตน 3-D Secure",
        T::ScanToPay => "สแกนเพื่อชำระเงิน",
        T::ConfirmInApp => "ยืนยันในแอปธนาคารของคุณ",
        T::ConfirmPayment => "ยืนยันการชำระเงิน",
        T::Merchant => "ร้านค้า",
        T::Amount => "จำนวนเงิน",
        T::Card => "บัตร",
        T::PaymentMethod => "วิธีชำระเงิน",
        T::CardEnding => "{} ลงท้ายด้วย {}",
        T::FailsThreeDSecure => "บัตรทดสอบนี้ไม่ผ่าน 3-D Secure: การชำระเงินจะถูกปฏิเสธไม่ว่าคุณจะกดปุ่มใด",
        T::AlreadyAnswered => "การชำระเงินนี้ได้รับคำตอบแล้ว",
        T::ReturnToShop => "กลับไปที่ร้านค้า",
        T::Authorize => "อนุมัติ",
        T::Decline => "ปฏิเสธ",
        T::NotFoundTitle => "ไม่พบการชำระเงิน",
        T::NotFoundText => "ไม่มีการชำระเงินที่รอการอนุมัติที่นี่",
        T::DoneTitle => "ขอบคุณ",
        T::DoneText => "คุณปิดหน้านี้ได้เลย",
        T::ChooseTitle => "กรุณาเลือกคำตอบ",
        T::ChooseText => "กด อนุมัติ หรือ ปฏิเสธ",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn language_from_the_return_url_then_accept_language() {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_static("fr-FR, th-TH;q=0.8, en;q=0.5"));
        let rows: &[(Option<&str>, bool, Lang)] = &[
            (Some("http://shop/complete.html?order=1&lang=ja"), true, Lang::Ja),
            (Some("http://shop/complete.html?order=1&lang=xx"), true, Lang::Th),
            (Some("http://shop/complete.html?order=1"), true, Lang::Th),
            (Some("http://shop/complete.html#lang=ja"), false, Lang::En),
            (None, false, Lang::En),
            (None, true, Lang::Th),
        ];
        for (uri, with_header, want) in rows {
            let headers = if *with_header { h.clone() } else { HeaderMap::new() };
            assert_eq!(Lang::pick(*uri, &headers), *want, "{uri:?} {with_header}");
        }
    }
}
