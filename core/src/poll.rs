//! Payment-status polling as a pure state machine (STYLE.md pattern 4; issue 5).
//!
//! The adapter feeds `Event`s with the current time and carries out the `Effect`s: `Fetch` one
//! status request, `Wait(ms)` then send `TimerFired`, `Show` a progress outcome, `Finish` with the
//! final outcome. The machine never reads the clock, so tests run on simulated time.
//!
//! Rules: the first check goes out at once; then waits grow from `first_interval_ms` by
//! `growth_percent` up to `max_interval_ms` (default 1 s, 1.5 s, 2.25 s, 3.375 s, then 5 s); never
//! two requests in flight; transient errors keep polling (honouring `Retry-After`), others end
//! with an error; a final status ends; when the budget runs out while the payment is still
//! pending, it ends with the "order received, awaiting payment confirmation" outcome (seed 002),
//! not an error. No wait runs past the deadline: the last check happens at the deadline.
//! While the page is hidden nothing is scheduled; `Visible` checks at once.

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use crate::error::ErrorCode;
use crate::messages::{self, Message};
use crate::status::{self, Kind, Method, OutcomeState, PaymentStatus};

/// Bounds of the first interval (`pollStatus({ interval })`).
pub const MIN_INTERVAL_MS: u64 = 250;
pub const MAX_INTERVAL_MS: u64 = 60_000;
/// Bounds of the budget (`pollStatus({ maxWait })`): 3-D Secure can take up to 10 minutes (SPEC §2).
pub const MIN_BUDGET_MS: u64 = 1_000;
pub const MAX_BUDGET_MS: u64 = 600_000;
/// Longest `Retry-After` honoured; a longer one is read as this.
pub const MAX_RETRY_AFTER_MS: u64 = 60_000;

/// Polling schedule and budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PollConfig {
    /// Wait after the first check (default 1000).
    pub first_interval_ms: u64,
    /// Growth of each next wait, in percent (default 150 = ×1.5; at least 100).
    pub growth_percent: u32,
    /// Cap of the wait (default 5000; never below the first interval).
    pub max_interval_ms: u64,
    /// Total wall time from `Start` (default 2 minutes; 1 s to 10 minutes).
    pub budget_ms: u64,
}

impl Default for PollConfig {
    fn default() -> PollConfig {
        PollConfig {
            first_interval_ms: 1_000,
            growth_percent: 150,
            max_interval_ms: 5_000,
            budget_ms: 120_000,
        }
    }
}

impl PollConfig {
    /// From the JS options: `interval` is the first interval (clamped to 250 ms – 60 s; the cap
    /// rises with it), `maxWait` the budget (clamped to 1 s – 10 min). `None` keeps the default.
    pub fn new(interval_ms: Option<u64>, max_wait_ms: Option<u64>) -> PollConfig {
        let default = PollConfig::default();
        PollConfig {
            first_interval_ms: interval_ms.unwrap_or(default.first_interval_ms),
            budget_ms: max_wait_ms.unwrap_or(default.budget_ms),
            ..default
        }
        .normalized()
    }

    /// Every field within its bounds (fields are public, so `Poller::new` normalizes again).
    pub fn normalized(self) -> PollConfig {
        let first = self.first_interval_ms.clamp(MIN_INTERVAL_MS, MAX_INTERVAL_MS);
        PollConfig {
            first_interval_ms: first,
            growth_percent: self.growth_percent.clamp(100, 1_000),
            max_interval_ms: self.max_interval_ms.clamp(first, MAX_INTERVAL_MS),
            budget_ms: self.budget_ms.clamp(MIN_BUDGET_MS, MAX_BUDGET_MS),
        }
    }

    fn grow(&self, interval_ms: u64) -> u64 {
        (interval_ms.saturating_mul(u64::from(self.growth_percent)) / 100).min(self.max_interval_ms)
    }
}

/// What a status request gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// A status (charge `status`, token/source `charge_status`, or `{status, failure_code}`).
    Status { status: PaymentStatus, failure_code: Option<String> },
    /// The request failed; `retry_after_ms` from a `Retry-After` header, if any.
    Error { code: ErrorCode, retry_after_ms: Option<u64> },
}

/// What happened, as the adapter tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// `pollStatus()` called.
    Start,
    /// The outstanding request finished.
    Answer(Answer),
    /// The last `Wait` elapsed.
    TimerFired,
    /// `visibilitychange` to hidden (the adapter cancels its timer).
    Hidden,
    /// `visibilitychange` to visible.
    Visible,
    /// `destroy()` or page unload.
    Destroy,
}

/// What the adapter should do now, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Send one status request, then report `Event::Answer`.
    Fetch,
    /// Start a timer for this many ms, then report `Event::TimerFired`.
    Wait(u64),
    /// Progress: show this (pending) outcome; polling goes on.
    Show(Outcome),
    /// Polling is over with this outcome; no effect follows.
    Finish(Outcome),
    /// Destroyed: cancel the timer and any request; no effect follows.
    Stop,
}

/// The result of polling (JS `Outcome`), or a progress update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub state: OutcomeState,
    /// Last status seen (`Unknown` if none was).
    pub status: PaymentStatus,
    /// `failure_code` that came with the last status.
    pub failure_code: Option<String>,
    /// Set only when polling ended on a non-transient error (state `Failed`).
    pub error: Option<ErrorCode>,
    pub kind: Kind,
    pub message: Message,
}

impl Outcome {
    /// The outcome a status means (`status::status_message`).
    pub fn from_status(status: PaymentStatus, failure_code: Option<String>) -> Outcome {
        Outcome::from_status_for(status, failure_code, Method::Card)
    }

    /// The outcome a status means for a payment made by `method` (bank and wallet failures
    /// never speak of a card).
    pub fn from_status_for(status: PaymentStatus, failure_code: Option<String>, method: Method) -> Outcome {
        let shown = status::status_message_for(status, failure_code.as_deref(), method);
        Outcome {
            state: shown.kind.into(),
            status,
            failure_code,
            error: None,
            kind: shown.kind,
            message: shown.message,
        }
    }

    /// Budget spent while still pending: the order awaits payment confirmation (seed 002); the
    /// shopper is told they will not be charged twice and will get an email, and may check again.
    fn awaiting(status: PaymentStatus, failure_code: Option<String>) -> Outcome {
        Outcome {
            state: OutcomeState::Pending,
            status,
            failure_code,
            error: None,
            kind: Kind::Pending,
            message: Message::StatusStillConfirming,
        }
    }

    fn failed(code: ErrorCode, status: PaymentStatus, failure_code: Option<String>) -> Outcome {
        Outcome {
            state: OutcomeState::Failed,
            status,
            failure_code,
            error: Some(code),
            kind: Kind::Failure,
            message: messages::error(code),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Idle,
    Polling,
    Done,
}

/// The polling machine. One per `pollStatus()` call.
#[derive(Debug, Clone)]
pub struct Poller {
    config: PollConfig,
    phase: Phase,
    deadline_ms: u64,
    next_interval_ms: u64,
    in_flight: bool,
    /// A `Wait` is running (cleared by `Hidden`, `TimerFired`).
    waiting: bool,
    hidden: bool,
    requests: u32,
    status: PaymentStatus,
    failure_code: Option<String>,
    /// Status of the last `Show`, so progress is shown once per status.
    shown: Option<PaymentStatus>,
    /// How the shopper paid, for failure texts (`note_method`).
    method: Method,
    method_known: bool,
}

impl Poller {
    pub fn new(config: PollConfig) -> Poller {
        let config = config.normalized();
        Poller {
            config,
            phase: Phase::Idle,
            deadline_ms: 0,
            next_interval_ms: config.first_interval_ms,
            in_flight: false,
            waiting: false,
            hidden: false,
            requests: 0,
            status: PaymentStatus::Unknown,
            failure_code: None,
            shown: None,
            method: Method::Card,
            method_known: false,
        }
    }

    /// What the answers said about how the shopper paid (a source type, a card): failure texts
    /// for bank and wallet payments never speak of a card.
    pub fn note_method(&mut self, method: Method) {
        self.method = method;
        self.method_known = true;
    }

    /// The method noted, if any was.
    pub fn method(&self) -> Option<Method> {
        self.method_known.then_some(self.method)
    }

    /// Feed one event at `now_ms` (any monotonic millisecond clock); returns the effects to carry
    /// out, in order. After `Finish` or `Stop` every event returns no effects.
    pub fn step(&mut self, event: Event, now_ms: u64) -> Vec<Effect> {
        if self.phase == Phase::Done {
            return Vec::new();
        }
        match event {
            Event::Start if self.phase == Phase::Idle => {
                self.phase = Phase::Polling;
                self.deadline_ms = now_ms.saturating_add(self.config.budget_ms);
                self.fetch()
            }
            Event::Start => Vec::new(),
            Event::Destroy => {
                self.phase = Phase::Done;
                self.in_flight = false;
                self.waiting = false;
                vec![Effect::Stop]
            }
            Event::Hidden => {
                // The adapter cancels its timer on hidden; a late `TimerFired` is ignored.
                self.hidden = true;
                self.waiting = false;
                Vec::new()
            }
            Event::Visible if self.hidden => {
                self.hidden = false;
                if self.phase == Phase::Polling && !self.in_flight {
                    self.fetch()
                } else {
                    Vec::new()
                }
            }
            Event::Visible => Vec::new(),
            Event::TimerFired => {
                if self.phase == Phase::Polling && self.waiting && !self.hidden && !self.in_flight {
                    self.waiting = false;
                    self.fetch()
                } else {
                    Vec::new()
                }
            }
            Event::Answer(answer) => {
                if self.phase != Phase::Polling || !self.in_flight {
                    // Not the answer to a request of ours (stale or before `Start`).
                    return Vec::new();
                }
                self.in_flight = false;
                self.answer(answer, now_ms)
            }
        }
    }

    /// Status requests asked for so far (`Fetch` effects).
    pub fn requests(&self) -> u32 {
        self.requests
    }

    /// Finished or destroyed: no further effects.
    pub fn is_done(&self) -> bool {
        self.phase == Phase::Done
    }

    /// A `Fetch` has not been answered yet.
    pub fn is_in_flight(&self) -> bool {
        self.in_flight
    }

    fn fetch(&mut self) -> Vec<Effect> {
        self.in_flight = true;
        self.waiting = false;
        self.requests = self.requests.saturating_add(1);
        vec![Effect::Fetch]
    }

    fn finish(&mut self, outcome: Outcome) -> Vec<Effect> {
        self.phase = Phase::Done;
        self.waiting = false;
        vec![Effect::Finish(outcome)]
    }

    fn awaiting(&mut self) -> Vec<Effect> {
        let outcome = Outcome::awaiting(self.status, self.failure_code.clone());
        self.finish(outcome)
    }

    fn answer(&mut self, answer: Answer, now_ms: u64) -> Vec<Effect> {
        match answer {
            Answer::Status { status, failure_code } => {
                self.status = status;
                self.failure_code = failure_code;
                if status::is_final(status) {
                    let outcome = Outcome::from_status_for(status, self.failure_code.clone(), self.method);
                    return self.finish(outcome);
                }
                if now_ms >= self.deadline_ms {
                    return self.awaiting();
                }
                let mut effects = Vec::new();
                if self.shown != Some(status) {
                    self.shown = Some(status);
                    effects.push(Effect::Show(Outcome::from_status_for(
                        status,
                        self.failure_code.clone(),
                        self.method,
                    )));
                }
                effects.extend(self.schedule(now_ms, 0));
                effects
            }
            Answer::Error { code, retry_after_ms } => {
                if !code.is_transient() {
                    let outcome = Outcome::failed(code, self.status, self.failure_code.clone());
                    return self.finish(outcome);
                }
                if now_ms >= self.deadline_ms {
                    return self.awaiting();
                }
                let retry_after = retry_after_ms.unwrap_or(0).min(MAX_RETRY_AFTER_MS);
                self.schedule(now_ms, retry_after)
            }
        }
    }

    /// The next wait: the backoff interval (at least `at_least_ms`), cut at the deadline so the
    /// last check happens exactly then. Nothing while hidden (`Visible` checks at once).
    fn schedule(&mut self, now_ms: u64, at_least_ms: u64) -> Vec<Effect> {
        let remaining = self.deadline_ms - now_ms; // caller made sure now < deadline
        if at_least_ms > remaining {
            // The server asked us not to call again before the budget ends: honour it and stop
            // now with the "awaiting confirmation" outcome rather than ignore `Retry-After`.
            return self.awaiting();
        }
        if self.hidden {
            return Vec::new();
        }
        let interval = self.next_interval_ms;
        self.next_interval_ms = self.config.grow(interval);
        self.waiting = true;
        vec![Effect::Wait(interval.max(at_least_ms).min(remaining))]
    }
}
