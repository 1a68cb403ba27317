//! After the charge: what `handleCharge` does for each kind of charge, and the QR code's
//! countdown on simulated time.

use omise_checkout_core::charge_view::{self, ChargeFacts, Countdown, Plan, QrState, Tick};
use omise_checkout_core::methods::Flow;
use omise_checkout_core::status::PaymentStatus;

/// (label, status, source flow, has a QR code, has authorize_uri, plan)
type PlanRow = (&'static str, PaymentStatus, Option<Flow>, bool, bool, Plan);

const PLANS: &[PlanRow] = &[
    ("3-D Secure card charge", PaymentStatus::Pending, None, false, true, Plan::Redirect),
    ("PromptPay", PaymentStatus::Pending, Some(Flow::Offline), true, false, Plan::Qr),
    ("a QR on any flow is shown", PaymentStatus::Pending, Some(Flow::Redirect), true, true, Plan::Qr),
    ("konbini", PaymentStatus::Pending, Some(Flow::Offline), false, true, Plan::Instructions),
    ("mobile banking", PaymentStatus::Pending, Some(Flow::AppRedirect), false, true, Plan::Redirect),
    ("paid at once", PaymentStatus::Successful, None, false, false, Plan::Status),
    ("declined at once", PaymentStatus::Failed, Some(Flow::Redirect), false, true, Plan::Status),
    (
        "an expired PromptPay charge is never shown as payable",
        PaymentStatus::Expired,
        Some(Flow::Offline),
        true,
        false,
        Plan::Status,
    ),
    ("pending with nothing to do", PaymentStatus::Pending, Some(Flow::Redirect), false, false, Plan::Status),
];

#[test]
fn each_charge_gets_its_plan() {
    for &(label, status, flow, has_qr, has_authorize_uri, want) in PLANS {
        let facts = ChargeFacts { status, flow, has_qr, has_authorize_uri };
        assert_eq!(charge_view::plan(&facts), want, "{label}");
    }
}

#[test]
fn flows_parse_from_the_api_spelling() {
    assert_eq!(charge_view::parse_flow("app_redirect"), Some(Flow::AppRedirect));
    assert_eq!(charge_view::parse_flow(" offline "), Some(Flow::Offline));
    assert_eq!(charge_view::parse_flow("redirect"), Some(Flow::Redirect));
    assert_eq!(charge_view::parse_flow("Offline"), None);
}

#[test]
fn polled_statuses_decide_the_qr() {
    let rows = [
        (PaymentStatus::Pending, QrState::Payable),
        (PaymentStatus::Unknown, QrState::Payable),
        (PaymentStatus::Successful, QrState::Paid),
        (PaymentStatus::Chargeable, QrState::Paid),
        (PaymentStatus::Expired, QrState::Expired),
        (PaymentStatus::Failed, QrState::Failed),
        (PaymentStatus::Canceled, QrState::Failed),
        (PaymentStatus::Reversed, QrState::Failed),
    ];
    for (status, want) in rows {
        assert_eq!(charge_view::qr_state(status), want, "{status:?}");
    }
}

#[test]
fn the_clock_reads_minutes_and_seconds_rounded_up() {
    let rows = [
        (1, "0:01"),
        (1_000, "0:01"),
        (1_001, "0:02"),
        (59_000, "0:59"),
        (60_000, "1:00"),
        (899_500, "15:00"),
        (3_600_000, "1:00:00"),
        (3_661_000, "1:01:01"),
        (86_400_000, "24:00:00"),
    ];
    for (ms, want) in rows {
        assert_eq!(charge_view::clock(ms), want, "{ms} ms");
    }
}

fn running(tick: &Tick) -> (&str, Option<u64>) {
    match tick {
        Tick::Running { clock, announce, .. } => (clock.as_str(), *announce),
        Tick::Expired => panic!("expired too early"),
    }
}

#[test]
fn the_countdown_announces_at_10_5_2_and_1_minutes_never_every_second() {
    let start = 1_000_000;
    let mut c = Countdown::new(start + 15 * 60_000);
    let mut announced = Vec::new();
    let mut now = start;
    let mut ticks = 0;
    loop {
        match c.tick(now) {
            Tick::Expired => break,
            Tick::Running { announce, next_in_ms, .. } => {
                if let Some(m) = announce {
                    announced.push(m);
                }
                assert!((1..=1000).contains(&next_in_ms));
                now += next_in_ms;
                ticks += 1;
            }
        }
    }
    assert_eq!(announced, [10, 5, 2, 1]);
    assert_eq!(ticks, 15 * 60, "one visual tick per second");
    assert_eq!(now, start + 15 * 60_000, "expired exactly at expires_at");
}

#[test]
fn the_first_tick_is_quiet_and_a_late_start_announces_the_next_threshold_only() {
    let mut c = Countdown::new(10 * 60_000 + 500);
    assert_eq!(running(&c.tick(0)), ("10:01", None));
    assert_eq!(running(&c.tick(1_000)), ("10:00", Some(10)));
    // The page was asleep: the next tick after 7 minutes announces once.
    assert_eq!(running(&c.tick(7 * 60_000 + 500)), ("3:00", Some(3)));
    assert_eq!(running(&c.tick(7 * 60_000 + 1_500)), ("2:59", None));
    assert_eq!(c.tick(10 * 60_000 + 500), Tick::Expired);
    assert_eq!(c.tick(u64::MAX), Tick::Expired);
}
