//! `mountCardForm(target, { purpose: 'update', failure })`: the form that asks a subscriber
//! for a new card after renewals failed (seed 000). Above the fields it says why, from the
//! failed charge's `failure_code` (generic text for unknown codes), and what the failed charge
//! was (description and amount, formatted by the browser for the locale); a bound Pay button
//! reads "Update card", with no amount. Everything else (validation, tokenize, busy, errors)
//! is the card form's own.

use alloc::string::String;

use omise_checkout_core::locale::Locale;
use omise_checkout_core::messages::{self, Message};
use wasm_bindgen::JsValue;
use web_sys::{Document, HtmlElement};

use crate::js;
use crate::words::Words;

/// What the form is for.
pub(crate) enum Purpose {
    Pay,
    Update(Update),
}

pub(crate) struct Update {
    reason: Message,
    /// `description · amount` of the failed charge, when the merchant gave them.
    amount: Option<i64>,
    currency: Option<String>,
    description: Option<String>,
    /// The paragraphs above the fields.
    intro: Option<HtmlElement>,
    detail: Option<HtmlElement>,
}

impl Purpose {
    /// From the mount options: `purpose: 'update'` (anything else is a payment form) and
    /// `failure: { code?, amount?, currency?, description? }`, each read defensively.
    pub(crate) fn from_options(options: &JsValue) -> Purpose {
        if js::get_str(options, "purpose").as_deref() != Some("update") {
            return Purpose::Pay;
        }
        let failure = js::get(options, "failure");
        let code = js::get_str(&failure, "code").or_else(|| js::get_str(&failure, "failure_code"));
        let code = code.as_deref().and_then(omise_checkout_core::status::failure_code);
        let amount = js::get(&failure, "amount")
            .as_f64()
            .filter(|a| a.is_finite() && *a >= 0.0 && omise_checkout_core::is_whole(*a));
        let text = |k: &str| {
            js::get_str(&failure, k)
                .map(|s| s.trim().chars().take(200).collect::<String>())
                .filter(|s| !s.is_empty())
        };
        let currency =
            text("currency").filter(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_alphabetic()));
        Purpose::Update(Update {
            reason: messages::update_reason(code),
            amount: amount.map(|a| a as i64),
            currency,
            description: text("description"),
            intro: None,
            detail: None,
        })
    }

    /// The Pay button's label while idle: "Update card" for an update form.
    pub(crate) fn action(&self) -> Option<Message> {
        match self {
            Purpose::Pay => None,
            Purpose::Update(_) => Some(Message::ActionUpdateCard),
        }
    }

    /// Inserts the explanation at the top of the form (`root`).
    pub(crate) fn build(&mut self, document: &Document, root: &HtmlElement, locale: Locale) {
        let Purpose::Update(u) = self else { return };
        let para = |class: &str| {
            let p = crate::dom::el(document, "p", class);
            let _ = root.insert_before(&p, root.first_child().as_ref());
            Some(p)
        };
        // Inserted in reverse: the reason first, then what was charged.
        if u.description.is_some() || u.amount.is_some() {
            u.detail = para("omise-update-detail");
        }
        u.intro = para("omise-update-reason");
        self.render(locale);
    }

    /// Says the explanation in `locale` (again, on `setLocale`).
    pub(crate) fn render(&self, locale: Locale) {
        let Purpose::Update(u) = self else { return };
        if let Some(intro) = &u.intro {
            intro.set_text_content(Some(u.reason.words(locale)));
        }
        if let Some(detail) = &u.detail {
            let amount = u
                .amount
                .zip(u.currency.as_deref())
                .and_then(|(a, c)| crate::intl::amount(a as f64, c, locale));
            let text = match (&u.description, amount) {
                (Some(d), Some(a)) => {
                    let mut t = String::with_capacity(d.len() + a.len() + 3);
                    t.push_str(d);
                    t.push_str(" · ");
                    t.push_str(&a);
                    t
                }
                (Some(d), None) => d.clone(),
                (None, Some(a)) => a,
                (None, None) => String::new(),
            };
            detail.set_text_content(Some(&text));
        }
    }
}
