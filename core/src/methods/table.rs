//! The rows. Checked against docs.omise.co (2026-12; the search corpus gave page excerpts,
//! not whole pages), with what could not be verified said on each row.
//!
//! Verified there: every type's `flow`; PromptPay is THB, `offline`, the customer scans the QR
//! with a banking app; mobile banking (KBank K PLUS, SCB EASY, Krungsri KMA, Bangkok Bank,
//! Krungthai NEXT) redirects to the bank's *app* by deep link, shown on a mobile browser only;
//! TrueMoney App Redirection (`truemoney_jumpapp`) is `app_redirect` and "will expire if a
//! customer does not proceed to the application within 3 minutes"; TrueMoney Wallet
//! (`truemoney`) is `redirect` with an OTP sent to the wallet's registered mobile number;
//! Rabbit LINE Pay is `redirect`; ShopeePay (`shopeepay`) is `redirect` to ShopeePay's QR page,
//! ShopeePay App Redirection (`shopeepay_jumpapp`) goes straight into the app; PayPay is
//! `app_redirect` (on a computer the shopper scans PayPay's QR or logs in), JPY; konbini /
//! Pay-easy / online banking (`econtext`) is JPY, needs `name` (at most 10 characters:
//! letters, digits, hiragana, katakana or kanji), `email` and `phone_number`, and gives a link
//! with instructions; Thai internet banking was discontinued on 2025-09-30.
//!
//! NOT verified (no limits table in what the corpus returned): the amount limits below. They
//! are Omise's long-standing minimum of 20.00 THB and the per-method maxima as we remember
//! Omise's limits pages; the server is the final word, and a merchant can narrow them by
//! offering fewer methods. Outside pages on PromptPay agree on the 150,000 THB maximum
//! (Worldline's PromptPay page, processed in Thailand by Omise, and a third-party Omise guide)
//! and differ on the minimum (1 THB, 20 THB); 20 THB is kept. Whether `platform_type` is required for mobile banking is not
//! verified either: it is sent when the device is known, and the sandbox only checks its value.

use super::{Device, Flow, Group, Method, PayerField};
use crate::messages::Message;

/// 20.00 THB: Omise's minimum charge in Thailand.
const THB_MIN: u64 = 2_000;
/// 150,000.00 THB (unverified, see above).
const THB_MAX: u64 = 15_000_000;

const fn thb(
    source_type: &'static str,
    group: Group,
    flow: Flow,
    device: Device,
    label: Message,
    note: Message,
) -> Method {
    Method {
        source_type,
        group,
        flow,
        currency: "thb",
        min_amount: THB_MIN,
        max_amount: THB_MAX,
        fields: &[],
        platform_type: false,
        device,
        label,
        note,
    }
}

const fn bank(source_type: &'static str, label: Message) -> Method {
    Method {
        platform_type: true,
        ..thb(
            source_type,
            Group::MobileBanking,
            Flow::AppRedirect,
            Device::Phone,
            label,
            Message::NoteMobileBanking,
        )
    }
}

pub const METHODS: &[Method] = &[
    // docs.omise.co/promptpay. The charge carries `source.scannable_code` (an SVG at
    // `image.download_uri`, and `raw_data`) and `expires_at`.
    thb(
        "promptpay",
        Group::PromptPay,
        Flow::Offline,
        Device::Any,
        Message::MethodPromptpay,
        Message::NotePromptpay,
    ),
    // docs.omise.co/mobile-banking-{kbank,scb,bay,bbl,ktb}: the bank's app by deep link.
    bank("mobile_banking_kbank", Message::BankKbank),
    bank("mobile_banking_scb", Message::BankScb),
    bank("mobile_banking_bay", Message::BankBay),
    bank("mobile_banking_bbl", Message::BankBbl),
    bank("mobile_banking_ktb", Message::BankKtb),
    // docs.omise.co/truemoney-jumpapp: the current integration, preferred. Maximum 100,000.00
    // THB (unverified; wallets also cap by the holder's KYC level).
    Method {
        max_amount: 10_000_000,
        ..thb(
            "truemoney_jumpapp",
            Group::TrueMoney,
            Flow::AppRedirect,
            Device::Any,
            Message::MethodTruemoney,
            Message::NoteTruemoneyApp,
        )
    },
    // docs.omise.co/truemoney-wallet ("legacy"): offered only when a merchant asks for it
    // (`methods: ["truemoney"]`), since the group shows its first suitable row.
    Method {
        max_amount: 10_000_000,
        fields: &[PayerField::PhoneTh],
        ..thb(
            "truemoney",
            Group::TrueMoney,
            Flow::Redirect,
            Device::Any,
            Message::MethodTruemoney,
            Message::NoteTruemoneyWallet,
        )
    },
    // docs.omise.co/rabbit-linepay.
    thb(
        "rabbit_linepay",
        Group::LinePay,
        Flow::Redirect,
        Device::Any,
        Message::MethodLinepay,
        Message::NoteWallet,
    ),
    // docs.omise.co/shopeepay-jumpapp on phones, docs.omise.co/shopeepay (a QR page to scan
    // with the phone) on computers: one "ShopeePay" choice.
    thb(
        "shopeepay_jumpapp",
        Group::ShopeePay,
        Flow::AppRedirect,
        Device::Phone,
        Message::MethodShopeepay,
        Message::NoteWallet,
    ),
    thb(
        "shopeepay",
        Group::ShopeePay,
        Flow::Redirect,
        Device::Desktop,
        Message::MethodShopeepay,
        Message::NoteWallet,
    ),
    // docs.omise.co/paypay. Limits unverified: 100 JPY (Omise's minimum charge in Japan, as
    // remembered) to 1,000,000 JPY (PayPay's daily cap for verified users).
    Method {
        source_type: "paypay",
        group: Group::PayPay,
        flow: Flow::AppRedirect,
        currency: "jpy",
        min_amount: 100,
        max_amount: 1_000_000,
        fields: &[],
        platform_type: false,
        device: Device::Any,
        label: Message::MethodPaypay,
        note: Message::NotePaypay,
    },
    // docs.omise.co/konbini-pay-easy-online-banking. Limits unverified: 100 JPY to 300,000 JPY
    // (convenience stores take up to about 300,000 JPY per payment).
    Method {
        source_type: "econtext",
        group: Group::Konbini,
        flow: Flow::Offline,
        currency: "jpy",
        min_amount: 100,
        max_amount: 300_000,
        fields: &[PayerField::Name, PayerField::Email, PayerField::PhoneJp],
        platform_type: false,
        device: Device::Any,
        label: Message::MethodKonbini,
        note: Message::NoteKonbini,
    },
];

/// Source types Omise no longer takes, with the last day they worked: the sandbox refuses
/// them with an error object, and the picker never offers them.
pub const DISCONTINUED: &[(&str, &str)] = &[("internet_banking_", "2025-09-30")];
