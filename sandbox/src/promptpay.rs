//! PromptPay's QR code, as a Thai banking app reads it: an EMVCo merchant-presented payload
//! (Thai QR Payment, bill payment under tag 30, Bank of Thailand's AID `A000000677010112`) with
//! the amount, ended by its CRC-16/CCITT-FALSE, rendered to SVG by the `qrcode` crate and served
//! at the charge's `scannable_code.image.download_uri`.

use crate::app::AppState;
use crate::errors::ApiError;
use crate::store::Charge;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};
use serde_json::{json, Value};

/// The sandbox merchant's biller ID: a 13-digit tax ID (not a real one) and a 2-digit suffix.
pub const BILLER_ID: &str = "010556000000001";
/// `59` Merchant Name (at most 25 characters) and `60` Merchant City.
const MERCHANT_NAME: &str = "SANDBOX SUPPLY CO";
const MERCHANT_CITY: &str = "BANGKOK";
/// Thai QR Payment's application ID for bill payment.
const AID_BILL_PAYMENT: &str = "A000000677010112";

/// One EMVCo data object: id, two-digit length, value.
fn tlv(out: &mut String, id: &str, value: &str) {
    out.push_str(id);
    out.push_str(&format!("{:02}", value.len()));
    out.push_str(value);
}

/// CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF), as EMVCo tag 63 requires.
pub fn crc16(data: &[u8]) -> u16 {
    let mut crc: u16 = 0xFFFF;
    for &byte in data {
        crc ^= u16::from(byte) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 { (crc << 1) ^ 0x1021 } else { crc << 1 };
        }
    }
    crc
}

/// The charge's reference 1: its id's random part, upper case, at most 20 characters.
pub fn reference(charge_id: &str) -> String {
    let tail = charge_id.rsplit('_').next().unwrap_or(charge_id);
    tail.chars().filter(char::is_ascii_alphanumeric).take(20).collect::<String>().to_ascii_uppercase()
}

/// The payload for `amount` (satang) with this reference.
pub fn payload(amount: i64, reference: &str) -> String {
    let mut merchant = String::new();
    tlv(&mut merchant, "00", AID_BILL_PAYMENT);
    tlv(&mut merchant, "01", BILLER_ID);
    tlv(&mut merchant, "02", reference);
    tlv(&mut merchant, "03", "SANDBOX");
    let mut out = String::with_capacity(160);
    tlv(&mut out, "00", "01");
    // Dynamic: one payment, this amount.
    tlv(&mut out, "01", "12");
    tlv(&mut out, "30", &merchant);
    tlv(&mut out, "53", "764");
    tlv(&mut out, "54", &format!("{}.{:02}", amount / 100, amount % 100));
    tlv(&mut out, "58", "TH");
    tlv(&mut out, "59", MERCHANT_NAME);
    tlv(&mut out, "60", MERCHANT_CITY);
    out.push_str("6304");
    let crc = crc16(out.as_bytes());
    out.push_str(&format!("{crc:04X}"));
    out
}

/// The payload of a PromptPay charge.
pub fn charge_payload(charge: &Charge) -> String {
    payload(charge.amount, &reference(&charge.id))
}

/// The QR code as an SVG document.
pub fn svg(payload: &str) -> String {
    match QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M) {
        Ok(code) => code
            .render::<svg::Color>()
            .min_dimensions(296, 296)
            .dark_color(svg::Color("#000000"))
            .light_color(svg::Color("#ffffff"))
            .build(),
        // A payload of ~130 ASCII characters always fits a QR code.
        Err(_) => String::new(),
    }
}

fn document_id(charge_id: &str) -> String {
    format!("docu_test_{}", reference(charge_id).to_ascii_lowercase())
}

fn download_path(charge_id: &str) -> String {
    format!("/charges/{charge_id}/documents/{}/downloads/qrcode.svg", document_id(charge_id))
}

/// `source.scannable_code` of a PromptPay charge (Omise's Barcode object).
pub fn scannable_code(charge: &Charge, origin: &str) -> Value {
    let docu = document_id(&charge.id);
    json!({
        "object": "barcode",
        "type": "qr",
        "image": {
            "object": "document",
            "livemode": false,
            "id": docu,
            "deleted": false,
            "filename": "qrcode.svg",
            "location": format!("/charges/{}/documents/{docu}", charge.id),
            "kind": "qr",
            "download_uri": format!("{origin}{}", download_path(&charge.id)),
            "created_at": crate::clock::rfc3339_ms(charge.created_ms),
        },
        "raw_data": charge_payload(charge),
    })
}

/// `GET /charges/{id}/documents/{docu}/downloads/{file}`: the QR code's SVG. No key: the URL is
/// what an `<img>` loads (Omise's download links work the same way).
pub async fn download(
    State(app): State<AppState>,
    Path((id, docu, file)): Path<(String, String, String)>,
) -> Result<Response, ApiError> {
    let body = {
        let mut inner = app.store.lock();
        let charge = inner.find_charge(&id).map(|(_, c)| c).filter(|c| {
            c.source.as_ref().is_some_and(|s| s.kind == "promptpay")
                && docu == document_id(&c.id)
                && file == "qrcode.svg"
        });
        svg(&charge_payload(charge.ok_or_else(|| ApiError::not_found("document"))?))
    };
    let mut resp = (StatusCode::OK, body).into_response();
    let headers = resp.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("image/svg+xml"));
    headers.insert(header::CONTENT_DISPOSITION, HeaderValue::from_static("inline; filename=\"qrcode.svg\""));
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("default-src 'none'"));
    Ok(resp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_matches_the_ccitt_false_check_value() {
        // The catalogue check value of CRC-16/CCITT-FALSE.
        assert_eq!(crc16(b"123456789"), 0x29B1);
    }

    #[test]
    fn payload_has_the_amount_and_a_valid_crc() {
        let p = payload(100_000, "ABC123");
        assert!(p.starts_with("000201010212"), "{p}");
        assert!(p.contains("5303764") && p.contains("54071000.00") && p.contains("5802TH"), "{p}");
        assert!(p.contains("0016A000000677010112") && p.contains("0115010556000000001"), "{p}");
        let (body, crc) = p.split_at(p.len() - 4);
        assert!(body.ends_with("6304"));
        assert_eq!(crc, format!("{:04X}", crc16(body.as_bytes())));
        assert_eq!(reference("chrg_test_5abc9xyz"), "5ABC9XYZ");
    }
}
