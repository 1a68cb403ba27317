//! The PromptPay QR image the sandbox serves decodes to the charge's `raw_data`, read by
//! third-party code (resvg rasterizes the SVG, rqrr decodes the QR), and that payload is a
//! well-formed EMVCo merchant-presented code: Thai QR Payment's tags, the amount, the CRC.

mod common;

use common::*;
use omise_sandbox::promptpay::crc16;
use serde_json::json;

/// The SVG at 4 px per module, as a grey image rqrr reads.
fn decode(svg: &str) -> String {
    let tree = resvg::usvg::Tree::from_str(svg, &resvg::usvg::Options::default()).expect("an SVG");
    let size = tree.size().to_int_size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).expect("a pixmap");
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(&tree, resvg::tiny_skia::Transform::identity(), &mut pixmap.as_mut());
    let (w, h) = (pixmap.width() as usize, pixmap.height() as usize);
    let data = pixmap.data();
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| data[(y * w + x) * 4]);
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the image");
    grids[0].decode().expect("the QR code decodes").1
}

/// EMVCo data objects: `(id, value)` in order.
fn tags(payload: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = payload;
    while !rest.is_empty() {
        let (id, tail) = rest.split_at(2);
        let (len, tail) = tail.split_at(2);
        let (value, tail) = tail.split_at(len.parse().expect("a two-digit length"));
        out.push((id.to_owned(), value.to_owned()));
        rest = tail;
    }
    out
}

#[tokio::test]
async fn the_served_qr_image_decodes_to_raw_data_and_a_valid_thai_qr_payload() {
    let sb = start().await;
    for amount in [2_000, 100_000, 15_000_000] {
        let s = sb
            .post_json(
                "/sources",
                Some(PK),
                &json!({"type": "promptpay", "amount": amount, "currency": "thb"}),
            )
            .await;
        let form = format!("source={}&amount={amount}&currency=thb", s.json()["id"].as_str().unwrap());
        let c = sb.post_form("/charges", Some(SK), &form).await.json();
        let code = &c["source"]["scannable_code"];
        let svg = sb.get(&sb.path_of(code["image"]["download_uri"].as_str().unwrap()), None).await;
        let decoded = decode(&svg.body);
        assert_eq!(decoded, code["raw_data"].as_str().unwrap(), "the image is the payload");

        let fields = tags(&decoded);
        let get = |id: &str| fields.iter().find(|(t, _)| t == id).map(|(_, v)| v.as_str());
        assert_eq!(get("00"), Some("01"), "payload format indicator");
        assert_eq!(get("01"), Some("12"), "dynamic: one payment");
        assert_eq!(get("53"), Some("764"), "THB");
        assert_eq!(get("54"), Some(format!("{}.{:02}", amount / 100, amount % 100).as_str()));
        assert_eq!(get("58"), Some("TH"));
        let merchant = tags(get("30").expect("Thai QR bill payment"));
        assert_eq!(merchant[0], ("00".into(), "A000000677010112".into()));
        assert_eq!(merchant[1].0, "01", "biller id");
        assert_eq!(fields.last().map(|(t, _)| t.as_str()), Some("63"));
        let (body, crc) = decoded.split_at(decoded.len() - 4);
        assert_eq!(crc, format!("{:04X}", crc16(body.as_bytes())), "CRC over everything before it");
    }
}
