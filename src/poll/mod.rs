//! `pollStatus` and `statusMessage`: the return page's side of a redirect payment. The core's
//! `Poller` decides everything (schedule, budget, retries, when to stop); this file only
//! carries out its effects: fetch, wait (a timer that cancels on drop), render, resolve.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use alloc::rc::Rc;
use core::cell::RefCell;

use js_sys::{Function, Promise};
use omise_checkout_core::api::Problem;
use omise_checkout_core::error::ErrorCode;
use omise_checkout_core::messages::Message;
use omise_checkout_core::poll::{Answer, Effect, Event, PollConfig, Poller};
use omise_checkout_core::status::{Kind, Method, PaymentStatus};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::checkout::OmiseCheckout;
use crate::config::Config;
use crate::js;
use crate::listener::Listener;
use crate::timer::Timeout;

mod view;
use view::Actions;

use crate::subject::{find_target, link_option, subject, Subject};
use crate::words::Words;

struct Run {
    config: Rc<Config>,
    subject: Subject,
    poll_config: PollConfig,
    poller: RefCell<Poller>,
    target: Option<Element>,
    status_el: RefCell<Option<HtmlElement>>,
    /// The buttons under the status ("Try again", "Use another payment method", "Check again").
    actions: RefCell<Option<Actions>>,
    /// Where "Try again" and "Use another payment method" lead (validated like `statusUrl`).
    retry_url: Option<String>,
    other_method_url: Option<String>,
    on_update: Option<Function>,
    timer: RefCell<Option<Timeout>>,
    listeners: RefCell<Vec<Listener>>,
    resolve: RefCell<Option<Function>>,
}

#[wasm_bindgen]
impl OmiseCheckout {
    /// Polls a payment's status until it is final, the budget runs out, or `destroy()` is
    /// called on the returned promise. Resolves to `{ state, status, failureCode?, message, kind }`.
    #[wasm_bindgen(js_name = pollStatus, unchecked_return_type = "Promise<Outcome> & { destroy(): void }")]
    pub fn poll_status(
        &self,
        #[wasm_bindgen(unchecked_param_type = "PollOptions")] options: JsValue,
    ) -> Result<Promise, JsValue> {
        let subject = subject(&options)?;
        let target = match js::get(&options, "target") {
            v if v.is_undefined() || v.is_null() => None,
            v => Some(find_target(&v)?),
        };
        let poll_config = PollConfig::new(
            js::uint_field(&options, "interval").map(u64::from),
            js::uint_field(&options, "maxWait").map(u64::from),
        );
        let mut poller = Poller::new(poll_config);
        if let Some(method) = Method::of(js::get_str(&options, "method").as_deref()) {
            poller.note_method(method);
        }
        let run = Rc::new(Run {
            config: self.config.clone(),
            subject,
            poll_config,
            poller: RefCell::new(poller),
            target,
            status_el: RefCell::new(None),
            actions: RefCell::new(None),
            retry_url: link_option(&options, "retryUrl")?,
            other_method_url: link_option(&options, "otherMethodUrl")?,
            on_update: js::get(&options, "onUpdate").dyn_into::<Function>().ok(),
            timer: RefCell::new(None),
            listeners: RefCell::new(Vec::new()),
            resolve: RefCell::new(None),
        });
        let promise = Promise::new(&mut |resolve, _reject| {
            *run.resolve.borrow_mut() = Some(resolve);
        });
        run.listen();
        let stopper = Rc::downgrade(&run);
        let destroy = Closure::<dyn FnMut()>::new(move || {
            if let Some(run) = stopper.upgrade() {
                run.remove_actions();
                run.dispatch(Event::Destroy);
            }
        });
        js::set(&promise, "destroy", destroy.as_ref());
        // Holds only a weak handle; a finished run is freed even if the page keeps the promise.
        destroy.forget();
        // Once the shopper's language is here (a return page may still be loading it), unless
        // destroyed meanwhile.
        crate::words::when_ready(
            self.config.locale(),
            alloc::boxed::Box::new(move || {
                let live = run.resolve.borrow().is_some();
                if live {
                    run.start();
                }
            }),
        );
        Ok(promise)
    }
}

/// How the shopper paid, if the answer says: a source's `type`, the merchant's own `method`, or
/// a `card` object.
fn method_of(object: &JsValue) -> Option<Method> {
    let source_type = js::get_str(&js::get(object, "source"), "type");
    Method::of(source_type.as_deref())
        .or_else(|| Method::of(js::get_str(object, "method").as_deref()))
        .or_else(|| js::get(object, "card").is_object().then_some(Method::Card))
}

fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

impl Run {
    /// Shows the busy "Checking your payment status…" state and starts polling.
    fn start(self: &Rc<Self>) {
        self.render_status(Kind::Pending, Message::Checking.words(self.config.locale()), true);
        self.dispatch(Event::Start);
    }

    /// "Check again" after "still confirming": a fresh budget, the same target; later outcomes
    /// reach `onUpdate` (the promise has resolved already).
    fn check_again(self: &Rc<Self>) {
        let mut poller = Poller::new(self.poll_config);
        if let Some(method) = self.poller.borrow().method() {
            poller.note_method(method);
        }
        *self.poller.borrow_mut() = poller;
        self.remove_actions();
        self.listen();
        self.start();
    }

    fn listen(self: &Rc<Self>) {
        let Some(document) = crate::dom::document() else { return };
        let run = self.clone();
        let doc = document.clone();
        let visibility = Listener::new(document.as_ref(), "visibilitychange", move |_| {
            let hidden = doc.visibility_state() == web_sys::VisibilityState::Hidden;
            if hidden {
                run.timer.borrow_mut().take();
            }
            run.dispatch(if hidden { Event::Hidden } else { Event::Visible });
        });
        let run = self.clone();
        let Some(window) = crate::js::window() else { return };
        let unload = Listener::new(window.as_ref(), "pagehide", move |_| run.dispatch(Event::Destroy));
        self.listeners.borrow_mut().extend([visibility, unload]);
    }

    fn dispatch(self: &Rc<Self>, event: Event) {
        let effects = self.poller.borrow_mut().step(event, now_ms());
        for effect in effects {
            match effect {
                Effect::Fetch => self.fetch(),
                Effect::Wait(ms) => {
                    let run = self.clone();
                    let timer =
                        Timeout::new(ms.min(u32::MAX as u64) as u32, move || run.dispatch(Event::TimerFired));
                    *self.timer.borrow_mut() = timer;
                }
                Effect::Show(outcome) => {
                    let value = self.render(&outcome, false);
                    if let Some(f) = &self.on_update {
                        let _ = f.call1(&JsValue::UNDEFINED, &value);
                    }
                }
                Effect::Finish(outcome) => {
                    let value = self.render(&outcome, true);
                    self.finish(value);
                }
                Effect::Stop => {
                    let outcome =
                        js::object(&[("state", JsValue::from_str("pending")), ("stopped", JsValue::TRUE)]);
                    self.finish(outcome);
                }
            }
        }
    }

    fn fetch(self: &Rc<Self>) {
        let run = self.clone();
        self.subject.fetch(
            &self.config,
            Box::new(move |result, field| {
                let answer = run.answer(result, field);
                run.dispatch(Event::Answer(answer));
            }),
        );
    }

    fn answer(&self, result: Result<JsValue, Problem>, field: &str) -> Answer {
        match result {
            Ok(object) => {
                if let Some(method) = method_of(&object) {
                    self.poller.borrow_mut().note_method(method);
                }
                match js::get_str(&object, field) {
                    Some(s) => Answer::Status {
                        status: PaymentStatus::parse(&s),
                        failure_code: crate::status::failure_of(&object),
                    },
                    None => Answer::Error { code: ErrorCode::InvalidResponse, retry_after_ms: None },
                }
            }
            Err(Problem { code, retry_after_ms, .. }) => Answer::Error { code, retry_after_ms },
        }
    }

    fn finish(&self, value: JsValue) {
        self.timer.borrow_mut().take();
        self.listeners.borrow_mut().clear();
        let resolve = self.resolve.borrow_mut().take();
        match resolve {
            Some(resolve) => {
                let _ = resolve.call1(&JsValue::UNDEFINED, &value);
            }
            // After "Check again" the promise has resolved already: the outcome goes to
            // `onUpdate`.
            None => {
                if let Some(f) = &self.on_update {
                    let _ = f.call1(&JsValue::UNDEFINED, &value);
                }
            }
        }
    }
}
