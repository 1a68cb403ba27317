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
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::Run;
use crate::listener::Listener;
use crate::{js, results};

impl Run {
    /// Renders the outcome in `target` (text in a polite live region, then the actions that
    /// fit it); returns the JS value.
    pub(super) fn render(self: &Rc<Self>, outcome: &Outcome, finished: bool) -> JsValue {
        let locale = self.config.locale();
        let text = outcome.message.text(locale);
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
            let el = document()
                .and_then(|d| d.create_element("div").ok())
                .and_then(|e| e.dyn_into::<HtmlElement>().ok());
            if let Some(el) = el {
                let _ = el.set_attribute("role", "status");
                let _ = el.set_attribute("aria-live", "polite");
                let _ = target.append_child(&el);
                *slot = Some(el);
            }
        }
        let Some(el) = slot.as_ref() else { return };
        let classes = el.class_list();
        let _ = classes.add_1("omise-status");
        for k in [Kind::Success, Kind::Pending, Kind::Failure] {
            let _ = classes.toggle_with_force(status_class(k), k == kind);
        }
        let _ = classes.toggle_with_force("omise-status--busy", busy);
        let _ = el.set_attribute("aria-busy", if busy { "true" } else { "false" });
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
        let Ok(row) = document.create_element("div") else { return };
        row.set_class_name("omise-status-actions");
        let mut listeners = Vec::new();
        for (i, (message, url)) in actions.iter().enumerate() {
            let tag = if url.is_some() { "a" } else { "button" };
            let Ok(el) = document.create_element(tag) else { continue };
            el.set_class_name(if i == 0 {
                "omise-status-action omise-status-action--primary"
            } else {
                "omise-status-action"
            });
            el.set_text_content(Some(message.text(self.config.locale())));
            match url {
                Some(url) => {
                    let _ = el.set_attribute("href", url);
                }
                None => {
                    let _ = el.set_attribute("type", "button");
                    let run = self.clone();
                    listeners.push(Listener::new(el.as_ref(), "click", move |_| {
                        // Not from inside this listener: check_again drops it.
                        let run = run.clone();
                        wasm_bindgen_futures::spawn_local(async move { run.check_again() });
                    }));
                }
            }
            let _ = row.append_child(&el);
        }
        let _ = target.append_child(&row);
        *self.actions.borrow_mut() = Some(Actions { row, _listeners: listeners });
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

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}
