//! The QR code view: the image (loaded as an `<img>`, never markup), the amount, a countdown to
//! `expires_at` (a visible clock every second, announced politely at 10, 5, 2 and 1 minutes),
//! "Save QR image" on phones, and the status polled by the core's `Poller` while it is shown.
//! Paid: the QR code goes and the success message shows. Expired (by the clock or the status):
//! the QR code goes, "This QR code has expired" and "Get a new QR code" (`requestNewQr`) show.
//! A view removed from the page (a new `handleCharge` in its place) stops at its next timer.

use alloc::borrow::ToOwned;
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use alloc::rc::Rc;
use core::cell::{Cell, RefCell};

use js_sys::{Function, Promise};
use omise_checkout_core::api::Problem;
use omise_checkout_core::charge_view::{self, Countdown, QrState, Tick};
use omise_checkout_core::error::ErrorCode;
use omise_checkout_core::locale::Locale;
use omise_checkout_core::messages::Message;
use omise_checkout_core::poll::{Answer, Effect, Event, PollConfig, Poller, MAX_BUDGET_MS};
use omise_checkout_core::request::concat;
use omise_checkout_core::status::{self, Kind, Method, PaymentStatus};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlImageElement};

use super::{outcome, set_status, status_region, Subject};
use crate::config::Config;
use crate::dom::{add, el, set_attr, text_in, toggle_class};
use crate::js;
use crate::listener::Listener;
use crate::timer::{soon, Timeout};
use crate::words::Words;

pub(super) struct Setup {
    pub config: Rc<Config>,
    pub locale: Locale,
    pub root: HtmlElement,
    pub uri: String,
    pub amount: String,
    pub expires_at_ms: Option<f64>,
    pub subject: Option<Subject>,
    pub request_new: Option<Function>,
    pub interval: Option<u32>,
    pub phone: bool,
}

pub(super) struct QrRun {
    setup: Setup,
    /// The image, the save button and the clock: what goes when the QR code is no longer payable.
    payable: RefCell<Vec<HtmlElement>>,
    clock: Option<HtmlElement>,
    status: Option<HtmlElement>,
    live: Option<HtmlElement>,
    countdown: RefCell<Option<Countdown>>,
    tick: RefCell<Option<Timeout>>,
    poller: RefCell<Poller>,
    wait: RefCell<Option<Timeout>>,
    listeners: RefCell<Vec<Listener>>,
    resolve: RefCell<Option<Function>>,
    done: Cell<bool>,
    pub promise: Promise,
}

/// The outcome of a QR code destroyed before it was paid: `{ state: "pending", stopped: true }`.
pub(super) fn stopped() -> JsValue {
    js::object(&[("state", js::static_str("pending")), ("stopped", JsValue::TRUE)])
}

fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

impl QrRun {
    pub fn start(setup: Setup) -> Rc<QrRun> {
        let locale = setup.locale;
        let root = setup.root.clone();
        toggle_class(&root, "omise-qr", true);
        let mut payable = Vec::new();
        text_in(&root, "p", "omise-qr__title", Message::QrScan.words(locale));
        if setup.phone {
            text_in(&root, "p", "omise-hint", Message::QrScanPhone.words(locale));
        }
        let row = text_in(&root, "p", "omise-qr__amount", "");
        text_in(&row, "span", "omise-label", Message::LabelAmount.words(locale));
        text_in(&row, "strong", "", &setup.amount);
        if let Some(document) = crate::dom::document() {
            let img: HtmlImageElement = el(&document, "img", "omise-qr__image").unchecked_into();
            img.set_alt(Message::MethodPromptpay.words(locale));
            img.set_width(240);
            img.set_height(240);
            img.set_src(&setup.uri);
            add(&root, &img);
            payable.push(img.unchecked_into());
        }
        let save = setup.phone.then(|| {
            text_in(&root, "button", "omise-status-action omise-qr__save", Message::QrSave.words(locale))
        });
        let mut clock = None;
        if setup.expires_at_ms.is_some() {
            let row = text_in(&root, "p", "omise-qr__timer", "");
            text_in(&row, "span", "omise-label", Message::QrTimeLeft.words(locale));
            let c = text_in(&row, "strong", "omise-qr__clock", "");
            set_attr(&c, "role", "timer");
            clock = Some(c);
            payable.push(row);
        }
        let status = Some(status_region(&root, Kind::Pending, Message::Checking.words(locale), true));
        let l = text_in(&root, "div", "omise-sr-only", "");
        set_attr(&l, "aria-live", "polite");
        let live = Some(l);
        let mut resolve_slot = None;
        let promise = Promise::new(&mut |resolve, _| resolve_slot = Some(resolve));
        let budget = setup.expires_at_ms.map_or(MAX_BUDGET_MS, |t| (t as u64).saturating_sub(now_ms()));
        let run = Rc::new(QrRun {
            poller: RefCell::new(new_poller(setup.interval, budget)),
            countdown: RefCell::new(setup.expires_at_ms.map(|t| Countdown::new(t as u64))),
            setup,
            payable: RefCell::new(payable),
            clock,
            status,
            live,
            tick: RefCell::new(None),
            wait: RefCell::new(None),
            listeners: RefCell::new(Vec::new()),
            resolve: RefCell::new(resolve_slot),
            done: Cell::new(false),
            promise,
        });
        if let Some(button) = save {
            set_attr(&button, "type", "button");
            let r = run.clone();
            run.listeners.borrow_mut().push(Listener::new(button.as_ref(), "click", move |_| r.save_image()));
            run.payable.borrow_mut().push(button);
        }
        run.on_tick();
        if run.setup.subject.is_some() {
            run.dispatch(Event::Start);
        }
        run
    }

    /// Still running: not finished (late answers are ignored), and still in the page (a view
    /// replaced by a new `handleCharge` stops).
    fn alive(&self) -> bool {
        if self.done.get() {
            return false;
        }
        if !self.setup.root.is_connected() {
            self.stop();
            return false;
        }
        true
    }

    fn on_tick(self: &Rc<Self>) {
        if !self.alive() {
            return;
        }
        let tick = match self.countdown.borrow_mut().as_mut() {
            Some(c) => c.tick(now_ms()),
            None => return,
        };
        match tick {
            Tick::Running { clock, announce, next_in_ms } => {
                if let Some(el) = &self.clock {
                    el.set_text_content(Some(&clock));
                }
                if let (Some(minutes), Some(live)) = (announce, &self.live) {
                    let mut n = String::new();
                    omise_checkout_core::request::push_uint(&mut n, minutes);
                    crate::dom::announce(live, &fill(Message::QrMinutesLeft.words(self.setup.locale), &n));
                }
                let run = self.clone();
                *self.tick.borrow_mut() = Timeout::new(next_in_ms as u32, move || run.on_tick());
            }
            // Never a stale QR code as payable: the clock decides even before the server does.
            Tick::Expired => self.finish(QrState::Expired, PaymentStatus::Expired, None),
        }
    }

    fn dispatch(self: &Rc<Self>, event: Event) {
        if !self.alive() {
            return;
        }
        let effects = self.poller.borrow_mut().step(event, now_ms());
        for effect in effects {
            match effect {
                Effect::Fetch => {
                    let run = self.clone();
                    let done: Box<dyn FnOnce(Result<JsValue, Problem>, &'static str)> =
                        Box::new(move |result, field| {
                            let answer = run.answer(result, field);
                            run.dispatch(Event::Answer(answer));
                        });
                    match &self.setup.subject {
                        Some(subject) => subject.fetch(&self.setup.config, done),
                        None => {
                            soon(Box::new(move || done(Err(Problem::new(ErrorCode::NotFound)), "status")))
                        }
                    }
                }
                Effect::Wait(ms) => {
                    let run = self.clone();
                    *self.wait.borrow_mut() =
                        Timeout::new(ms as u32, move || run.dispatch(Event::TimerFired));
                }
                Effect::Show(_) | Effect::Stop => {}
                Effect::Finish(o) => match charge_view::qr_state(o.status) {
                    // Still pending when the budget ran out, or the status endpoint failed: the
                    // QR code stays up; check again in a few seconds.
                    QrState::Payable => {
                        let run = self.clone();
                        *self.wait.borrow_mut() = Timeout::new(3_000, move || run.repoll());
                    }
                    state => self.finish(state, o.status, o.failure_code),
                },
            }
        }
    }

    fn repoll(self: &Rc<Self>) {
        let left = self.countdown.borrow().as_ref().map_or(MAX_BUDGET_MS, |c| c.remaining_ms(now_ms()));
        *self.poller.borrow_mut() = new_poller(self.setup.interval, left);
        self.dispatch(Event::Start);
    }

    fn answer(&self, result: Result<JsValue, Problem>, field: &str) -> Answer {
        match result {
            Ok(object) => match js::get_str(&object, field) {
                Some(s) => Answer::Status {
                    status: PaymentStatus::parse(&s),
                    failure_code: js::get_str(&object, "failure_code")
                        .and_then(|c| status::failure_code(&c).map(str::to_owned)),
                },
                None => Answer::Error { code: ErrorCode::InvalidResponse, retry_after_ms: None },
            },
            Err(Problem { code, retry_after_ms, .. }) => Answer::Error { code, retry_after_ms },
        }
    }

    /// Paid, expired or failed: the QR code goes, the outcome shows, the promise resolves.
    fn finish(self: &Rc<Self>, state: QrState, status: PaymentStatus, failure_code: Option<String>) {
        if self.done.get() {
            return;
        }
        let locale = self.setup.locale;
        for el in self.payable.take() {
            el.remove();
        }
        if let Some(title) = crate::dom::query(&self.setup.root, ".omise-qr__title") {
            title.remove();
        }
        let shown = match state {
            QrState::Expired => status::StatusMessage { kind: Kind::Failure, message: Message::QrExpired },
            _ => status::status_message_for(status, failure_code.as_deref(), Method::Other),
        };
        if let Some(region) = &self.status {
            set_status(region, shown.kind, shown.message.words(locale), false);
        }
        // The save button's listener goes with it (it holds the run, which may now be freed).
        self.listeners.take();
        if state == QrState::Expired {
            if let Some(f) = self.setup.request_new.clone() {
                let class = "omise-status-action omise-status-action--primary";
                let b = text_in(&self.setup.root, "button", class, Message::QrNew.words(locale));
                set_attr(&b, "type", "button");
                // The merchant's function itself handles the click: nothing of ours has to
                // outlive the run for it.
                b.set_onclick(Some(&f));
                let _ = b.focus();
            }
        }
        let value = outcome(status, shown.kind, shown.message, failure_code, locale);
        if state == QrState::Expired {
            js::set(&value, "expired", &JsValue::TRUE);
        }
        self.resolve_with(&value);
        // Keep the "Get a new QR code" listener; stop the timers and any poll.
        self.done.set(true);
        self.tick.borrow_mut().take();
        self.wait.borrow_mut().take();
        let _ = self.poller.borrow_mut().step(Event::Destroy, now_ms());
    }

    fn resolve_with(&self, value: &JsValue) {
        if let Some(resolve) = self.resolve.borrow_mut().take() {
            let _ = resolve.call1(&JsValue::UNDEFINED, value);
        }
    }

    /// Timers and listeners go; the promise resolves `{ state: "pending", stopped: true }`.
    fn stop(&self) {
        self.done.set(true);
        self.tick.borrow_mut().take();
        self.wait.borrow_mut().take();
        self.listeners.take();
        self.resolve_with(&stopped());
    }

    pub fn destroy(&self) {
        self.stop();
        self.setup.root.remove();
    }

    /// "Save QR image": the code as a PNG the banking app can import from the photos; when the
    /// image's origin does not allow reading it (no CORS), the SVG itself.
    fn save_image(self: &Rc<Self>) {
        let uri = self.setup.uri.clone();
        let Ok(img) = HtmlImageElement::new() else { return };
        img.set_cross_origin(Some("anonymous"));
        let (loaded, failed) = (img.clone(), uri.clone());
        let mut listeners = self.listeners.borrow_mut();
        listeners.push(Listener::new(img.as_ref(), "load", move |_| {
            let png = png_of(&loaded);
            match png {
                Some(data) => download(&data, "promptpay-qr.png"),
                None => download(&uri, "promptpay-qr.svg"),
            }
        }));
        listeners.push(Listener::new(img.as_ref(), "error", move |_| download(&failed, "promptpay-qr.svg")));
        img.set_src(&self.setup.uri);
    }
}

fn new_poller(interval: Option<u32>, budget_ms: u64) -> Poller {
    let config = PollConfig {
        budget_ms: budget_ms.min(MAX_BUDGET_MS),
        ..PollConfig::new(interval.map(u64::from), None)
    };
    let mut poller = Poller::new(config);
    poller.note_method(Method::Other);
    poller
}

/// The image on a white 720 px square, as a PNG data URL (`None` if the canvas is tainted).
fn png_of(img: &HtmlImageElement) -> Option<String> {
    let canvas: web_sys::HtmlCanvasElement = el(&crate::dom::document()?, "canvas", "").unchecked_into();
    canvas.set_width(720);
    canvas.set_height(720);
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    ctx.set_fill_style_str("#fff");
    ctx.fill_rect(0.0, 0.0, 720.0, 720.0);
    ctx.draw_image_with_html_image_element_and_dw_and_dh(img, 24.0, 24.0, 672.0, 672.0).ok()?;
    canvas.to_data_url_with_type("image/png").ok()
}

fn download(href: &str, name: &str) {
    let Some(document) = crate::dom::document() else { return };
    let Some(body) = document.body() else { return };
    let a = el(&document, "a", "");
    set_attr(&a, "href", href);
    set_attr(&a, "download", name);
    set_attr(&a, "rel", "noopener");
    add(&body, &a);
    a.click();
    a.remove();
}

/// `text.replacen("{}", value, 1)`, by bytes (a `&str` pattern brings in the string searcher).
fn fill(text: &str, value: &str) -> String {
    let at = text.as_bytes().windows(2).position(|w| w == b"{}");
    match at.and_then(|at| Some((text.get(..at)?, text.get(at + 2..)?))) {
        Some((before, after)) => concat(&[before, value, after]),
        None => String::from(text),
    }
}
