//! Tokenization through the vault's provider page (`{vault}/provider`), the way Omise.js does
//! it: a hidden iframe speaking easyXDM's postMessage transport with JSON-RPC 2.0 inside
//! (`omise_checkout_core::rpc` has the strings and the rules).
//!
//! One `Provider` per `OmiseCheckout`. The iframe is opened when a card form mounts (so the
//! first `tokenize()` does not wait for it) or at the first headless `createToken`, shared by
//! all the checkout's forms, and removed with its listener when the last form and the checkout
//! are gone. Calls made before the provider says it is ready are queued (a message posted
//! earlier is lost silently); a provider that is not ready within `readyTimeoutMs` is torn
//! down, its calls answer `timeout`, and the next call starts afresh.
//!
//! Card data leaves the page only inside the one `postMessage` of a call, posted to the vault's
//! exact origin; the iframe URL carries our origin and the channel name, nothing else. Only
//! string messages from the iframe's own window, from the vault origin, on our channel are read.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use alloc::rc::{Rc, Weak};
use core::cell::{Cell, RefCell};

use js_sys::JSON;
use omise_checkout_core::rpc::{self, AnswerShape, Channel, Unwrapped};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlIFrameElement, MessageEvent, Window};
use zeroize::Zeroizing;

use crate::js;
use crate::listener::Listener;
use crate::timer::{soon, Timeout};
use crate::transport::{reply_later, OnReply, Reply};

/// Page-wide: two checkouts on one page never share a channel name.
static NEXT_CHANNEL: core::sync::atomic::AtomicU32 = core::sync::atomic::AtomicU32::new(0);

pub struct Provider {
    /// `{vault}/provider`, without the query.
    page_url: String,
    /// The vault's origin, exactly as the browser reports `MessageEvent.origin`.
    vault_origin: String,
    ready_timeout_ms: u32,
    state: RefCell<Option<Open>>,
    /// Mounted card forms using this provider.
    users: Cell<u32>,
    /// The `OmiseCheckout` is neither destroyed nor collected.
    checkout_alive: Cell<bool>,
    next_id: Cell<u32>,
    /// `acquire` opens the iframe in a task of its own, after the form is ready.
    opening: RefCell<Option<Timeout>>,
    me: Weak<Provider>,
}

/// An iframe that was inserted, with everything attached to it.
struct Open {
    channel: Channel,
    iframe: HtmlIFrameElement,
    window: Window,
    ready: bool,
    calls: Vec<Call>,
    _listener: Listener,
    _ready_timer: Option<Timeout>,
}

/// A call waiting for its answer; `queued` holds the message until the provider is ready.
struct Call {
    id: u32,
    done: OnReply,
    queued: Option<Zeroizing<String>>,
    /// The call's timeout (cleared when the call goes).
    _timer: Option<Timeout>,
}

impl Provider {
    /// `None` when the vault URL has no origin the browser can name (never for a URL that
    /// passed `endpoint::check_endpoint`).
    pub fn new(vault_url: &str, ready_timeout_ms: u32) -> Option<Rc<Provider>> {
        let vault_origin = web_sys::Url::new(vault_url).ok()?.origin();
        let mut page_url = String::with_capacity(vault_url.len() + 9);
        page_url.push_str(vault_url.trim_end_matches('/'));
        page_url.push_str("/provider");
        Some(Rc::new_cyclic(|me| Provider {
            page_url,
            vault_origin,
            ready_timeout_ms,
            state: RefCell::new(None),
            users: Cell::new(0),
            checkout_alive: Cell::new(true),
            next_id: Cell::new(0),
            opening: RefCell::new(None),
            me: me.clone(),
        }))
    }

    /// A card form mounted: open the iframe right away (in the next task, so inserting it does
    /// not delay the form's `ready`), so it is ready by the time the customer pays.
    pub fn acquire(&self) {
        self.users.set(self.users.get() + 1);
        if self.state.borrow().is_some() || self.opening.borrow().is_some() {
            return;
        }
        let me = self.me.clone();
        *self.opening.borrow_mut() = Timeout::new(0, move || {
            if let Some(p) = me.upgrade() {
                // Not dropped here (this closure is the timer's): `open` leaves it for the next
                // `acquire` or teardown to replace.
                if p.users.get() > 0 {
                    p.open();
                }
            }
        });
    }

    /// A card form was destroyed.
    pub fn release(&self) {
        self.users.set(self.users.get().saturating_sub(1));
        self.close_if_unused();
    }

    /// The checkout was destroyed (or collected): the iframe goes with the last form.
    pub fn close_checkout(&self) {
        self.checkout_alive.set(false);
        self.close_if_unused();
    }

    fn close_if_unused(&self) {
        if self.users.get() == 0 && !self.checkout_alive.get() {
            self.teardown();
        }
    }

    /// `createToken(publicKey, { card })` at the provider; `done` gets the vault's HTTP answer
    /// with the envelope taken off (for the one classifier every transport shares), in a
    /// microtask of its own, never inside this call.
    pub fn create_token(&self, public_key: &str, card_json: &str, timeout_ms: u32, done: OnReply) {
        if !self.open() {
            return reply_later(done, Reply::NetworkFailure);
        }
        let id = self.next_id.get().wrapping_add(1);
        self.next_id.set(id);
        let me = self.me.clone();
        // Dropped (cleared) with the call when the answer comes first.
        let timer = Timeout::new(timeout_ms, move || {
            if let Some(p) = me.upgrade() {
                p.settle(id, &JsValue::UNDEFINED);
            }
        });
        let mut state = self.state.borrow_mut();
        let Some(open) = state.as_mut() else {
            return reply_later(done, Reply::NetworkFailure);
        };
        let message = open.channel.create_token_call(id, public_key, card_json);
        let queued = if open.ready {
            post(&open.window, &message, &self.vault_origin);
            None
        } else {
            Some(message)
        };
        open.calls.push(Call { id, done, queued, _timer: timer });
    }

    /// Inserts the iframe if it is not there. `false` when the page has no document.
    fn open(&self) -> bool {
        if self.state.borrow().is_some() {
            return true;
        }
        let Some(window) = crate::js::window() else { return false };
        let Some(document) = window.document() else { return false };
        let own_origin = window.location().origin().unwrap_or_default();
        let n = NEXT_CHANNEL.fetch_add(1, core::sync::atomic::Ordering::Relaxed);
        // The page-unique counter and a random part: a second copy of the widget on the page
        // (another bundle) counts from zero too.
        let channel = Channel::numbered(((js_sys::Math::random() * 1e6) as u64) * 100_000 + n as u64);
        let iframe: HtmlIFrameElement = crate::dom::el(&document, "iframe", "").unchecked_into();
        // The listener first: the provider's ready message may come as soon as it loads.
        let me = self.me.clone();
        let listener = Listener::new(window.as_ref(), "message", move |event| {
            if let (Some(p), Some(event)) = (me.upgrade(), event.dyn_ref::<MessageEvent>()) {
                p.on_message(event);
            }
        });
        let mut src = String::with_capacity(self.page_url.len() + own_origin.len() + 64);
        src.push_str(&self.page_url);
        src.push_str(&channel.provider_query(&own_origin));
        iframe.set_src(&src);
        iframe.set_title("Omise vault");
        iframe.set_tab_index(-1);
        crate::dom::set_attr(&iframe, "aria-hidden", "true");
        iframe.set_hidden(true);
        let parent: Option<web_sys::Element> =
            document.body().map(Into::into).or_else(|| document.document_element());
        let Some(parent) = parent else { return false };
        if !crate::dom::try_add(&parent, &iframe) {
            return false;
        }
        let Some(frame_window) = iframe.content_window() else {
            iframe.remove();
            return false;
        };
        let me = self.me.clone();
        let ready_timer = Timeout::new(self.ready_timeout_ms, move || {
            // Not from inside the timer's own closure: the teardown drops this timer.
            let me = me.clone();
            soon(Box::new(move || {
                if let Some(p) = me.upgrade() {
                    p.teardown();
                }
            }));
        });
        *self.state.borrow_mut() = Some(Open {
            channel,
            iframe,
            window: frame_window,
            ready: false,
            calls: Vec::new(),
            _listener: listener,
            _ready_timer: ready_timer,
        });
        true
    }

    fn on_message(&self, event: &MessageEvent) {
        let Some(data) = event.data().as_string() else { return };
        let mut state = self.state.borrow_mut();
        let Some(open) = state.as_mut() else { return };
        // Exactly the iframe's window and the vault's origin: another frame (or a script on
        // the page) posting the same strings is ignored.
        let from_frame = event.source().is_some_and(|s| js_sys::Object::is(&s, open.window.as_ref()));
        if !from_frame || event.origin() != self.vault_origin {
            return;
        }
        if !open.ready {
            if open.channel.is_ready(&data) {
                open.ready = true;
                open._ready_timer = None;
                for call in &mut open.calls {
                    if let Some(message) = call.queued.take() {
                        post(&open.window, &message, &self.vault_origin);
                    }
                }
            }
            return;
        }
        let Some(answer) = open.channel.payload(&data).and_then(|p| JSON::parse(p).ok()) else { return };
        let Some(id) = js::uint_field(&answer, "id") else { return };
        drop(state);
        self.settle(id, &answer);
    }

    /// Hands `answer` to the call `id` (if it is still waiting).
    fn settle(&self, id: u32, answer: &JsValue) {
        let call = {
            let mut state = self.state.borrow_mut();
            let Some(open) = state.as_mut() else { return };
            let Some(i) = open.calls.iter().position(|c| c.id == id) else { return };
            open.calls.swap_remove(i)
        };
        let reply = interpret(answer);
        // Not here: this may be the call's own timer running (dropping it now would free the
        // closure that is running), and the caller may call again.
        reply_later(call.done, reply);
    }

    /// Removes the iframe and the listener; waiting calls answer `timeout`.
    fn teardown(&self) {
        self.opening.borrow_mut().take();
        let Some(open) = self.state.borrow_mut().take() else { return };
        open.iframe.remove();
        for call in open.calls {
            reply_later(call.done, Reply::TimedOut);
        }
    }
}

impl Drop for Provider {
    fn drop(&mut self) {
        if let Some(open) = self.state.get_mut().take() {
            open.iframe.remove();
        }
    }
}

/// Always a string, always to the vault's exact origin (never `"*"`).
fn post(window: &Window, message: &str, origin: &str) {
    let _ = window.post_message(&JsValue::from_str(message), origin);
}

/// The provider's answer as the vault's HTTP answer: `result` → `{status, data}`, an error
/// with `data` → the Omise error object and its status (or the status alone), an error without
/// `data` (the provider threw, unknown method) → an unreadable answer. `undefined` is the
/// timeout.
fn interpret(answer: &JsValue) -> Reply {
    if answer.is_undefined() {
        return Reply::TimedOut;
    }
    let result = js::get(answer, "result");
    let error = js::get(answer, "error");
    let error_data = js::get(&error, "data");
    let shape = AnswerShape {
        result_status: js::get(&result, "status").as_f64(),
        result_data: js::get(&result, "data").is_object(),
        error: !error.is_undefined() && !error.is_null(),
        error_status: js::get(&error_data, "status").as_f64(),
        error_data: js::get(&error_data, "data").is_object(),
    };
    match rpc::unwrap_answer(&shape) {
        Unwrapped::Result(status) => {
            Reply::Response { status, retry_after: None, json: Some(js::get(&result, "data")) }
        }
        Unwrapped::ErrorData(status) => {
            Reply::Response { status, retry_after: None, json: Some(js::get(&error_data, "data")) }
        }
        Unwrapped::ErrorStatus(status) => Reply::Response { status, retry_after: None, json: None },
        Unwrapped::Unreadable => Reply::Response { status: 0, retry_after: None, json: None },
    }
}
