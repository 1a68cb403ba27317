//! After the charge (`handleCharge`): what to do with the charge the merchant's server created,
//! and the QR code's countdown. Pure: the adapter reads the charge's fields and the clock and
//! passes them in (STYLE.md pattern 3).
//!
//! A QR code is never shown as payable once `expires_at` has passed, whatever the server has
//! said so far: the countdown reaching zero replaces it, as does a status of `expired`.

use alloc::string::String;

use crate::methods::Flow;
use crate::request::push_uint;
use crate::status::PaymentStatus;

/// What `handleCharge` does with a charge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plan {
    /// Go to `authorize_uri` (3-D Secure, a bank's or wallet's page or app).
    Redirect,
    /// Show `source.scannable_code` until `expires_at`, polling the status.
    Qr,
    /// An offline payment without a code to scan (konbini): the pay-by time and the
    /// instructions link; "awaiting payment" is where it stays.
    Instructions,
    /// Nothing to do but say what the status means (already paid, failed, …).
    Status,
}

/// The few facts of a charge that decide the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChargeFacts {
    pub status: PaymentStatus,
    /// `source.flow`, when the charge has a source.
    pub flow: Option<Flow>,
    /// `source.scannable_code.image.download_uri` is present.
    pub has_qr: bool,
    pub has_authorize_uri: bool,
}

/// A source's `flow` text.
pub fn parse_flow(flow: &str) -> Option<Flow> {
    [Flow::Redirect, Flow::AppRedirect, Flow::Offline].into_iter().find(|f| f.code() == flow.trim())
}

pub fn plan(charge: &ChargeFacts) -> Plan {
    if charge.status != PaymentStatus::Pending {
        Plan::Status
    } else if charge.has_qr {
        Plan::Qr
    } else if charge.flow == Some(Flow::Offline) {
        Plan::Instructions
    } else if charge.has_authorize_uri {
        Plan::Redirect
    } else {
        Plan::Status
    }
}

/// Where a shown QR code stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QrState {
    /// Still payable: keep it up and keep polling.
    Payable,
    Paid,
    Expired,
    /// Failed, canceled or reversed: the failure text follows the status.
    Failed,
}

/// What a polled status means for the QR code on screen.
pub fn qr_state(status: PaymentStatus) -> QrState {
    match status {
        PaymentStatus::Successful | PaymentStatus::Chargeable => QrState::Paid,
        PaymentStatus::Expired => QrState::Expired,
        PaymentStatus::Failed | PaymentStatus::Canceled | PaymentStatus::Reversed => QrState::Failed,
        PaymentStatus::Pending | PaymentStatus::Unknown => QrState::Payable,
    }
}

/// Minutes left at which the time is announced to screen readers (politely): often enough
/// to plan, never every second.
pub const ANNOUNCE_AT_MINUTES: &[u64] = &[10, 5, 2, 1];

/// One tick of the countdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tick {
    Running {
        /// `m:ss` (or `h:mm:ss`), for the visible clock.
        clock: String,
        /// Whole minutes left (rounded up) to announce now, if a threshold was crossed.
        announce: Option<u64>,
        /// When to tick next, in ms from now (the next second boundary).
        next_in_ms: u64,
    },
    Expired,
}

/// The QR code's countdown to `expires_at`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Countdown {
    pub expires_at_ms: u64,
    /// The threshold last announced (none on the first tick: the heading says it all).
    announced: Option<u64>,
    started: bool,
}

impl Countdown {
    pub fn new(expires_at_ms: u64) -> Countdown {
        Countdown { expires_at_ms, announced: None, started: false }
    }

    pub fn remaining_ms(&self, now_ms: u64) -> u64 {
        self.expires_at_ms.saturating_sub(now_ms)
    }

    pub fn tick(&mut self, now_ms: u64) -> Tick {
        let left = self.remaining_ms(now_ms);
        if left == 0 {
            return Tick::Expired;
        }
        let minutes = left.div_ceil(60_000);
        let threshold = ANNOUNCE_AT_MINUTES.iter().copied().filter(|t| minutes <= *t).min();
        let announce = match threshold {
            Some(t) if self.started && self.announced != Some(t) => Some(minutes),
            _ => None,
        };
        if threshold.is_some() {
            self.announced = threshold;
        }
        self.started = true;
        let rest = left % 1000;
        Tick::Running { clock: clock(left), announce, next_in_ms: if rest == 0 { 1000 } else { rest } }
    }
}

/// `m:ss` below an hour, else `h:mm:ss`, of the time left rounded up to the second.
pub fn clock(remaining_ms: u64) -> String {
    let secs = remaining_ms.div_ceil(1000);
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    let mut out = String::with_capacity(8);
    let two = |out: &mut String, n: u64| {
        if n < 10 {
            out.push('0');
        }
        push_uint(out, n);
    };
    if h > 0 {
        push_uint(&mut out, h);
        out.push(':');
        two(&mut out, m);
    } else {
        push_uint(&mut out, m);
    }
    out.push(':');
    two(&mut out, s);
    out
}
