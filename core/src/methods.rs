//! Payment methods as data (STYLE.md pattern 7): one row per Omise source type, with its
//! `flow`, currency, amount limits, the fields the shopper fills in, the device it suits and
//! its texts. The picker (`mountPaymentMethods`), `handleCharge`, the sandbox and the tests all
//! read `METHODS`; a new method is one row plus test rows. Where each fact comes from is said
//! on the row (`methods/table.rs`).

use alloc::vec::Vec;

use crate::messages::Message;

pub mod fields;
pub mod picker;
mod table;

pub use fields::PayerField;
pub use table::{DISCONTINUED, METHODS};

/// How the shopper authorizes the charge (the source's `flow`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Flow {
    /// To `authorize_uri`: the wallet's or bank's web page.
    Redirect,
    /// To `authorize_uri`, a link that opens the bank's or wallet's app.
    AppRedirect,
    /// Nothing to open: a QR code to scan (PromptPay) or a payment number to pay at a store
    /// (konbini); the charge stays `pending` until the money arrives.
    Offline,
}

impl Flow {
    pub fn code(self) -> &'static str {
        match self {
            Flow::Redirect => "redirect",
            Flow::AppRedirect => "app_redirect",
            Flow::Offline => "offline",
        }
    }
}

/// Where a method can be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Device {
    Any,
    /// Opens an app on the same device: a desktop browser cannot follow the app link.
    Phone,
    /// Shows a QR page meant to be scanned by a phone: not offered on the phone itself when a
    /// phone-only row of the same group exists.
    Desktop,
}

/// What the shopper is using, from the user agent (`device_of`), or forced by the merchant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeviceKind {
    Desktop,
    Ios,
    Android,
    /// A phone or tablet of another system.
    OtherPhone,
}

impl DeviceKind {
    pub fn is_phone(self) -> bool {
        self != DeviceKind::Desktop
    }

    /// `platform_type` for app-redirect sources (`IOS`, `ANDROID`), when known.
    pub fn platform_type(self) -> Option<&'static str> {
        match self {
            DeviceKind::Ios => Some("IOS"),
            DeviceKind::Android => Some("ANDROID"),
            _ => None,
        }
    }
}

/// The device a user agent string describes. iPadOS 13+ reports a Mac user agent; the adapter
/// passes `touch` (maxTouchPoints > 1) to tell it from a Mac.
pub fn device_of(user_agent: &str, touch: bool) -> DeviceKind {
    let has = |needle: &str| user_agent.as_bytes().windows(needle.len()).any(|w| w == needle.as_bytes());
    if has("Android") {
        DeviceKind::Android
    } else if has("iPhone") || has("iPad") || has("iPod") || (has("Macintosh") && touch) {
        DeviceKind::Ios
    } else if has("Mobi") || has("Tablet") {
        DeviceKind::OtherPhone
    } else {
        DeviceKind::Desktop
    }
}

/// Methods the picker shows as one choice: a group's rows differ by bank (the shopper picks)
/// or by device (the widget picks).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    PromptPay,
    MobileBanking,
    TrueMoney,
    LinePay,
    ShopeePay,
    PayPay,
    Konbini,
}

impl Group {
    pub const ALL: [Group; 7] = [
        Group::PromptPay,
        Group::MobileBanking,
        Group::TrueMoney,
        Group::LinePay,
        Group::ShopeePay,
        Group::PayPay,
        Group::Konbini,
    ];

    /// The id the picker reports (`selected`) and accepts in `methods`.
    pub fn id(self) -> &'static str {
        match self {
            Group::PromptPay => "promptpay",
            Group::MobileBanking => "mobile_banking",
            Group::TrueMoney => "truemoney",
            Group::LinePay => "rabbit_linepay",
            Group::ShopeePay => "shopeepay",
            Group::PayPay => "paypay",
            Group::Konbini => "econtext",
        }
    }

    pub fn label(self) -> Message {
        match self {
            Group::PromptPay => Message::MethodPromptpay,
            Group::MobileBanking => Message::MethodMobileBanking,
            Group::TrueMoney => Message::MethodTruemoney,
            Group::LinePay => Message::MethodLinepay,
            Group::ShopeePay => Message::MethodShopeepay,
            Group::PayPay => Message::MethodPaypay,
            Group::Konbini => Message::MethodKonbini,
        }
    }

    /// The shopper chooses among the group's rows (their bank); otherwise the first row that
    /// fits the device is used.
    pub fn shopper_picks(self) -> bool {
        self == Group::MobileBanking
    }
}

/// One payment method: one Omise source type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Method {
    /// The source `type`.
    pub source_type: &'static str,
    pub group: Group,
    pub flow: Flow,
    /// Lowercase ISO 4217, as the API writes it.
    pub currency: &'static str,
    /// Inclusive, in the currency's smallest unit.
    pub min_amount: u64,
    pub max_amount: u64,
    /// What the shopper types, in order; sent under the fields' API names.
    pub fields: &'static [PayerField],
    /// `platform_type` (`IOS` / `ANDROID`) is sent when the device is known.
    pub platform_type: bool,
    pub device: Device,
    /// Its own name where the group has a choice (the bank's app), else the group's.
    pub label: Message,
    /// What happens after Pay, shown under the choice.
    pub note: Message,
}

impl Method {
    /// For this amount and currency (`currency` any case).
    pub fn fits(&self, amount: u64, currency: &str) -> bool {
        currency.eq_ignore_ascii_case(self.currency) && (self.min_amount..=self.max_amount).contains(&amount)
    }

    /// Usable on `device`: phone-only rows need a phone; desktop rows give way on a phone to a
    /// phone row of the same group (ShopeePay's QR page vs its app).
    pub fn suits(&self, device: DeviceKind) -> bool {
        match self.device {
            Device::Any => true,
            Device::Phone => device.is_phone(),
            Device::Desktop => {
                !device.is_phone()
                    || !METHODS.iter().any(|m| m.group == self.group && m.device == Device::Phone)
            }
        }
    }
}

/// The row of a source type.
pub fn find(source_type: &str) -> Option<&'static Method> {
    METHODS.iter().find(|m| m.source_type == source_type)
}

/// A name the `methods` option may hold: a source type of the table, a group id
/// (`mobile_banking`) or a discontinued type (taken, never offered).
pub fn known(name: &str) -> bool {
    find(name).is_some() || Group::ALL.iter().any(|g| g.id() == name) || discontinued(name).is_some()
}

/// A discontinued source type (`internet_banking_scb`, …): `(type prefix, last day)`.
pub fn discontinued(source_type: &str) -> Option<(&'static str, &'static str)> {
    DISCONTINUED.iter().copied().find(|(prefix, _)| source_type.starts_with(prefix))
}

/// The rows to offer, in table order: those that fit the amount, currency and device, limited
/// to `wanted` (source types, or `mobile_banking` for every bank; empty: all). For a group the widget picks in (not
/// the shopper), only the first suitable row.
pub fn offered<W: AsRef<str>>(
    amount: u64,
    currency: &str,
    device: DeviceKind,
    wanted: &[W],
) -> Vec<&'static Method> {
    // A source type names its row; a group id that is no source type ("mobile_banking") names
    // every row of its group.
    let names_group = |w: &str, m: &Method| w == m.group.id() && find(w).is_none();
    let asked = |m: &Method| {
        wanted.is_empty() || wanted.iter().map(AsRef::as_ref).any(|w| w == m.source_type || names_group(w, m))
    };
    let mut out: Vec<&'static Method> = Vec::new();
    for m in METHODS {
        if !(asked(m) && m.fits(amount, currency) && m.suits(device)) {
            continue;
        }
        if !m.group.shopper_picks() && out.iter().any(|o| o.group == m.group) {
            continue;
        }
        out.push(m);
    }
    out
}

/// Digits after the decimal point of a currency's major unit (JPY has none).
pub fn minor_digits(currency: &str) -> u32 {
    if currency.eq_ignore_ascii_case("jpy") {
        0
    } else {
        2
    }
}
