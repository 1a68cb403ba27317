//! What `pollStatus` shows in its target: the status in a polite live region (a spinner while
//! polling goes on) and, when it is over, the actions that fit the outcome: "Try again" and
//! "Use another payment method" after a failure, "Check again" after "still confirming".

use alloc::vec::Vec;

use alloc::rc::Rc;

use omise_checkout_core::api::Problem;
use omise_checkout_core::messages::Message;
use omise_checkout_core::poll::Outcome;
use omise_checkout_core::status::Kind;
use wasm_bindgen::prelude::*;
use web_sys::Element;

use super::Run;
use crate::dom::{add, document, el, set_attr, toggle_class};
use crate::listener::Listener;
use crate::words::Words;
use crate::{js, results};

impl Run {
    /// Renders the outcome in `target` (text in a polite live region, then the actions that
    /// fit it); returns the JS value.
    pub(super) fn render(self: &Rc<Self>, outcome: &Outcome, finished: bool) -> JsValue {
        let locale = self.config.locale();
        let text = outcome.message.words(locale);
        let still_confirming = finished && outcome.message == Message::StatusStillConfirming;
        let value = js::object(&[
            ("state", js::static_str(outcome.state.code())),
            ("status", js::static_str(outcome.status.code())),
            ("kind", js::static_str(outcome.kind.code())),
            ("message", JsValue::from_str(text)),
        ]);
        if still_confirming {
            js::set(&value, "stillConfirming", &JsValue::TRUE);
        }
        if let Some(code) = &outcome.failure_code {
            js::set(&value, "failureCode", &JsValue::from_str(code));
        }
        if let Some(e) = outcome.error {
            js::set(&value, "error", &results::error_object(&Problem::new(e), locale));
        }
        self.render_status(outcome.kind, text, !finished);
        if finished {
            if still_confirming {
                self.show_actions(&[(Message::ActionCheckAgain, None)]);
            } else if outcome.kind == Kind::Failure {
                let links: Vec<(Message, Option<&str>)> = [
                    (Message::ActionTryAgain, self.retry_url.as_deref()),
                    (Message::ActionOtherMethod, self.other_method_url.as_deref()),
                ]
                .into_iter()
                .filter(|(_, url)| url.is_some())
                .collect();
                self.show_actions(&links);
            }
        }
        value
    }

    pub(super) fn remove_actions(&self) {
        if let Some(actions) = self.actions.borrow_mut().take() {
            actions.row.remove();
        }
    }

    /// The status region: `omise-status omise-status--<kind>`, `--busy` (a spinner) while
    /// polling goes on.
    pub(super) fn render_status(&self, kind: Kind, text: &str, busy: bool) {
        let Some(target) = &self.target else { return };
        let mut slot = self.status_el.borrow_mut();
        if slot.is_none() {
            if let Some(document) = document() {
                let el = el(&document, "div", "");
                set_attr(&el, "role", "status");
                set_attr(&el, "aria-live", "polite");
                add(target, &el);
                *slot = Some(el);
            }
        }
        let Some(el) = slot.as_ref() else { return };
        toggle_class(el, "omise-status", true);
        for k in [Kind::Success, Kind::Pending, Kind::Failure] {
            toggle_class(el, status_class(k), k == kind);
        }
        toggle_class(el, "omise-status--busy", busy);
        set_attr(el, "aria-busy", if busy { "true" } else { "false" });
        el.set_text_content(Some(text));
    }

    /// Replaces the actions under the status: links where a URL is given, else the "Check
    /// again" button.
    fn show_actions(self: &Rc<Self>, actions: &[(Message, Option<&str>)]) {
        self.remove_actions();
        let (Some(target), Some(document)) = (&self.target, document()) else { return };
        if actions.is_empty() {
            return;
        }
        let row = el(&document, "div", "omise-status-actions");
        let mut listeners = Vec::new();
        for (i, (message, url)) in actions.iter().enumerate() {
            let tag = if url.is_some() { "a" } else { "button" };
            let primary = if i == 0 {
                "omise-status-action omise-status-action--primary"
            } else {
                "omise-status-action"
            };
            let el = el(&document, tag, primary);
            el.set_text_content(Some(message.words(self.config.locale())));
            match url {
                Some(url) => {
                    set_attr(&el, "href", url);
                }
                None => {
                    set_attr(&el, "type", "button");
                    let run = self.clone();
                    listeners.push(Listener::new(el.as_ref(), "click", move |_| {
                        // Not from inside this listener: check_again drops it.
                        let run = run.clone();
                        crate::timer::soon(alloc::boxed::Box::new(move || run.check_again()));
                    }));
                }
            }
            add(&row, &el);
        }
        add(target, &row);
        *self.actions.borrow_mut() = Some(Actions { row: row.into(), _listeners: listeners });
    }
}

/// The action row under the status. It stays in the page when polling is over (links need
/// nothing more); the "Check again" listener keeps the run alive until it is clicked or the
/// poll is destroyed.
pub(super) struct Actions {
    row: Element,
    _listeners: Vec<Listener>,
}

fn status_class(kind: Kind) -> &'static str {
    match kind {
        Kind::Success => "omise-status--success",
        Kind::Pending => "omise-status--pending",
        Kind::Failure => "omise-status--failure",
    }
}
