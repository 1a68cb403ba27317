//! The polling machine on simulated time: schedule, budget, errors, visibility, destroy.

#![allow(clippy::disallowed_methods)] // clippy.toml's rules are for the wasm, not tests

use omise_checkout_core::error::ErrorCode;
use omise_checkout_core::messages::{self, Message};
use omise_checkout_core::poll::{Answer, Effect, Event, Outcome, PollConfig, Poller};
use omise_checkout_core::status::{Kind, OutcomeState, PaymentStatus};

fn status(s: PaymentStatus) -> Answer {
    Answer::Status { status: s, failure_code: None }
}

fn failed_with(s: PaymentStatus, code: &str) -> Answer {
    Answer::Status { status: s, failure_code: Some(code.to_owned()) }
}

fn error(code: ErrorCode) -> Answer {
    Answer::Error { code, retry_after_ms: None }
}

fn pending() -> Answer {
    status(PaymentStatus::Pending)
}

/// What a simulated `pollStatus()` did.
#[derive(Debug, Default)]
struct Run {
    fetch_times: Vec<u64>,
    waits: Vec<u64>,
    shows: Vec<Outcome>,
    finish: Option<(u64, Outcome)>,
    requests: u32,
}

/// Drives a poller as the adapter would: every `Fetch` is answered `latency_ms` later by
/// `respond(request_index, now)`, every `Wait` elapses and fires. Stops on `Finish`.
fn drive(config: PollConfig, latency_ms: u64, mut respond: impl FnMut(usize, u64) -> Answer) -> Run {
    let mut poller = Poller::new(config);
    let mut run = Run::default();
    let mut now = 0;
    let mut effects = poller.step(Event::Start, now);
    for _ in 0..10_000 {
        let mut next = None;
        for effect in effects {
            assert!(run.finish.is_none(), "effect after Finish: {effect:?}");
            match effect {
                Effect::Fetch => {
                    run.fetch_times.push(now);
                    now += latency_ms;
                    next = Some(Event::Answer(respond(run.fetch_times.len() - 1, now)));
                }
                Effect::Wait(ms) => {
                    run.waits.push(ms);
                    now += ms;
                    next = Some(Event::TimerFired);
                }
                Effect::Show(outcome) => run.shows.push(outcome),
                Effect::Finish(outcome) => run.finish = Some((now, outcome)),
                Effect::Stop => panic!("unexpected Stop"),
            }
        }
        match next {
            Some(event) => effects = poller.step(event, now),
            None => break,
        }
    }
    assert!(poller.is_done(), "poller stalled: {run:?}");
    run.requests = poller.requests();
    assert_eq!(run.requests as usize, run.fetch_times.len());
    run
}

fn outcome(run: &Run) -> &Outcome {
    &run.finish.as_ref().expect("finished").1
}

#[test]
fn backoff_schedule_grows_to_the_cap() {
    let run = drive(PollConfig::default(), 0, |_, _| pending());
    assert_eq!(run.waits[..8], [1000, 1500, 2250, 3375, 5000, 5000, 5000, 5000]);
    assert_eq!(run.fetch_times[..7], [0, 1000, 2500, 4750, 8125, 13125, 18125]);
    assert_eq!(run.shows.len(), 1, "progress shown once for an unchanged status");
    assert_eq!(run.shows[0].message, Message::StatusReceived);
    assert_eq!(run.shows[0].kind, Kind::Pending);
}

#[test]
fn config_new_clamps_the_js_options() {
    assert_eq!(PollConfig::new(None, None), PollConfig::default());
    // (label, interval, maxWait, first, cap, budget)
    type Row = (&'static str, Option<u64>, Option<u64>, u64, u64, u64);
    let rows: &[Row] = &[
        ("defaults", None, None, 1_000, 5_000, 120_000),
        ("tiny values", Some(1), Some(1), 250, 5_000, 1_000),
        ("zero", Some(0), Some(0), 250, 5_000, 1_000),
        ("ten minutes", None, Some(600_000), 1_000, 5_000, 600_000),
        ("an hour is cut to ten minutes", None, Some(3_600_000), 1_000, 5_000, 600_000),
        ("slow interval raises the cap", Some(10_000), None, 10_000, 10_000, 120_000),
        ("huge interval", Some(u64::MAX), Some(u64::MAX), 60_000, 60_000, 600_000),
    ];
    for (label, interval, max_wait, first, cap, budget) in rows {
        let c = PollConfig::new(*interval, *max_wait);
        assert_eq!((c.first_interval_ms, c.max_interval_ms, c.budget_ms), (*first, *cap, *budget), "{label}");
        assert_eq!(c.growth_percent, 150, "{label}");
    }
}

#[test]
fn nonsense_config_is_normalized() {
    let config = PollConfig { first_interval_ms: 0, growth_percent: 0, max_interval_ms: 0, budget_ms: 0 };
    let run = drive(config, 0, |_, _| pending());
    assert!(run.waits.iter().all(|&w| w == 250), "{:?}", run.waits);
    assert_eq!(run.finish.as_ref().unwrap().0, 1_000, "budget raised to 1 s");
}

#[test]
fn final_statuses_end_polling() {
    use PaymentStatus as S;
    // (label, final answer, state, kind, message)
    let rows: Vec<(&str, Answer, OutcomeState, Kind, Message)> = vec![
        (
            "successful",
            status(S::Successful),
            OutcomeState::Succeeded,
            Kind::Success,
            Message::StatusSuccessful,
        ),
        ("failed", status(S::Failed), OutcomeState::Failed, Kind::Failure, Message::StatusFailed),
        (
            "failed with code",
            failed_with(S::Failed, "insufficient_fund"),
            OutcomeState::Failed,
            Kind::Failure,
            Message::FailureInsufficientFund,
        ),
        (
            "failed with unknown code",
            failed_with(S::Failed, "brand_new_code"),
            OutcomeState::Failed,
            Kind::Failure,
            Message::FailureGeneric,
        ),
        ("expired", status(S::Expired), OutcomeState::Failed, Kind::Failure, Message::StatusFailed),
        ("reversed", status(S::Reversed), OutcomeState::Failed, Kind::Failure, Message::StatusReversed),
        ("canceled source", status(S::Canceled), OutcomeState::Failed, Kind::Failure, Message::StatusFailed),
        (
            "chargeable source is received",
            status(S::Chargeable),
            OutcomeState::Pending,
            Kind::Pending,
            Message::StatusReceived,
        ),
    ];
    for (label, last, state, kind, message) in rows {
        let answers = [pending(), status(S::Unknown), last.clone()];
        let run = drive(PollConfig::default(), 50, |i, _| answers[i].clone());
        let out = outcome(&run);
        assert_eq!((out.state, out.kind, out.message), (state, kind, message), "{label}");
        assert_eq!(out.error, None, "{label}");
        assert_eq!(run.requests, 3, "{label}");
        if let Answer::Status { status, failure_code } = last {
            assert_eq!((out.status, &out.failure_code), (status, &failure_code), "{label}");
        }
    }
}

#[test]
fn final_status_on_the_first_check() {
    let run = drive(PollConfig::default(), 0, |_, _| status(PaymentStatus::Successful));
    assert_eq!((run.requests, run.waits.len(), run.shows.len()), (1, 0, 0));
    assert_eq!(outcome(&run).state, OutcomeState::Succeeded);
}

#[test]
fn every_transient_error_keeps_polling() {
    for code in ErrorCode::ALL.into_iter().filter(|c| c.is_transient()) {
        let run = drive(PollConfig::default(), 0, |i, _| match i {
            0 => pending(),
            1..=3 => error(code),
            _ => status(PaymentStatus::Successful),
        });
        assert_eq!(run.requests, 5, "{}", code.code());
        assert_eq!(run.waits, [1000, 1500, 2250, 3375], "{}", code.code());
        assert_eq!(outcome(&run).state, OutcomeState::Succeeded, "{}", code.code());
    }
    for code in
        [ErrorCode::NetworkError, ErrorCode::Timeout, ErrorCode::ServiceUnavailable, ErrorCode::RateLimited]
    {
        assert!(code.is_transient(), "{}", code.code());
    }
}

#[test]
fn three_503s_then_successful() {
    let run = drive(PollConfig::default(), 20, |i, _| {
        if i < 3 {
            error(ErrorCode::ServiceUnavailable)
        } else {
            status(PaymentStatus::Successful)
        }
    });
    assert_eq!(run.requests, 4);
    let out = outcome(&run);
    assert_eq!(
        (out.state, out.status, out.error),
        (OutcomeState::Succeeded, PaymentStatus::Successful, None)
    );
}

#[test]
fn retry_after_is_honoured() {
    // (label, Retry-After, expected wait)
    let rows: &[(&str, Option<u64>, u64)] = &[
        ("429 with 7 s", Some(7_000), 7_000),
        ("shorter than the interval", Some(200), 1_000),
        ("zero", Some(0), 1_000),
        ("absent", None, 1_000),
        ("capped at 60 s", Some(100_000), 60_000),
        ("absurd", Some(u64::MAX), 60_000),
    ];
    for (label, retry_after_ms, want) in rows {
        let config = PollConfig::new(None, Some(600_000));
        let mut poller = Poller::new(config);
        assert_eq!(poller.step(Event::Start, 0), [Effect::Fetch]);
        let answer = Answer::Error { code: ErrorCode::RateLimited, retry_after_ms: *retry_after_ms };
        assert_eq!(poller.step(Event::Answer(answer), 100), [Effect::Wait(*want)], "{label}");
    }
}

#[test]
fn retry_after_past_the_budget_ends_awaiting_confirmation() {
    let mut poller = Poller::new(PollConfig::new(None, Some(10_000)));
    poller.step(Event::Start, 0);
    poller.step(Event::Answer(pending()), 0);
    poller.step(Event::TimerFired, 1_000);
    let answer = Answer::Error { code: ErrorCode::RateLimited, retry_after_ms: Some(30_000) };
    let effects = poller.step(Event::Answer(answer), 1_000);
    let [Effect::Finish(out)] = effects.as_slice() else { panic!("{effects:?}") };
    assert_eq!(
        (out.state, out.message, out.status),
        (OutcomeState::Pending, Message::StatusStillConfirming, PaymentStatus::Pending)
    );
    assert!(poller.is_done());
}

#[test]
fn non_transient_errors_stop_with_an_error() {
    for code in ErrorCode::ALL.into_iter().filter(|c| !c.is_transient()) {
        let run = drive(PollConfig::default(), 0, |i, _| if i == 0 { pending() } else { error(code) });
        let out = outcome(&run);
        assert_eq!(run.requests, 2, "{}", code.code());
        assert_eq!(
            (out.state, out.kind, out.message, out.error, out.status),
            (OutcomeState::Failed, Kind::Failure, messages::error(code), Some(code), PaymentStatus::Pending),
            "{}",
            code.code()
        );
    }
}

#[test]
fn authentication_failure_and_not_found_stop_at_once() {
    for code in [ErrorCode::ConfigurationError, ErrorCode::NotFound, ErrorCode::BadRequest] {
        let run = drive(PollConfig::default(), 0, |_, _| error(code));
        assert_eq!((run.requests, run.waits.len()), (1, 0), "{}", code.code());
        assert_eq!(outcome(&run).error, Some(code));
        assert_eq!(outcome(&run).status, PaymentStatus::Unknown);
    }
}

#[test]
fn budget_exhaustion_ends_awaiting_confirmation() {
    // (label, budget, latency, expected fetch times)
    let rows: &[(&str, u64, u64, &[u64])] = &[
        ("10 s, instant answers", 10_000, 0, &[0, 1000, 2500, 4750, 8125, 10_000]),
        ("5 s, last wait cut to the deadline", 5_000, 0, &[0, 1000, 2500, 4750, 5000]),
        ("10 s, 300 ms answers", 10_000, 300, &[0, 1300, 3100, 5650, 9325, 10_000]),
    ];
    for (label, budget, latency, want) in rows {
        let run = drive(PollConfig::new(None, Some(*budget)), *latency, |_, _| pending());
        assert_eq!(run.fetch_times, *want, "{label}");
        let (at, out) = run.finish.as_ref().unwrap();
        assert!(*at >= *budget, "{label}: finished early at {at}");
        assert_eq!(
            (out.state, out.kind, out.message, out.error, out.status),
            (
                OutcomeState::Pending,
                Kind::Pending,
                Message::StatusStillConfirming,
                None,
                PaymentStatus::Pending
            ),
            "{label}"
        );
    }
}

#[test]
fn budget_spent_on_transient_errors_is_still_awaiting_confirmation() {
    let run = drive(PollConfig::new(None, Some(20_000)), 0, |_, _| error(ErrorCode::NetworkError));
    let out = outcome(&run);
    assert_eq!(
        (out.state, out.message, out.error),
        (OutcomeState::Pending, Message::StatusStillConfirming, None)
    );
    assert_eq!(out.status, PaymentStatus::Unknown, "no status was ever seen");
    assert_eq!(*run.fetch_times.last().unwrap(), 20_000, "last check at the deadline");
}

#[test]
fn ten_minutes_of_pending_costs_a_fifth_of_a_naive_poller() {
    let run = drive(PollConfig::new(None, Some(600_000)), 0, |_, _| pending());
    // 0, 1000, 2500, 4750, 8125, 13125, then every 5 s to 598125, and one last check at 600 s.
    assert_eq!(run.requests, 124);
    assert_eq!(*run.fetch_times.last().unwrap(), 600_000);
    // A naive 1 s poller makes 601 requests over the same 10 minutes (t = 0..=600 s); the 5 s
    // cap bounds any schedule to about 1/5 of that.
    let naive = 601;
    assert!(run.requests * 100 <= naive * 21, "{} requests", run.requests);
    assert!(run.waits.iter().all(|&w| w <= 5_000));
}

#[test]
fn progress_is_shown_again_when_the_status_changes() {
    use PaymentStatus as S;
    let answers = [status(S::Unknown), status(S::Unknown), pending(), pending(), status(S::Successful)];
    let run = drive(PollConfig::default(), 0, |i, _| answers[i].clone());
    let shown: Vec<_> = run.shows.iter().map(|o| o.status).collect();
    assert_eq!(shown, [S::Unknown, S::Pending]);
    assert!(run
        .shows
        .iter()
        .all(|o| o.state == OutcomeState::Pending && o.message == Message::StatusReceived));
}

#[test]
fn hidden_pauses_and_visible_resumes() {
    let mut p = Poller::new(PollConfig::default());
    assert_eq!(p.step(Event::Start, 0), [Effect::Fetch]);
    let effects = p.step(Event::Answer(pending()), 100);
    assert!(matches!(effects.as_slice(), [Effect::Show(_), Effect::Wait(1000)]), "{effects:?}");
    assert_eq!(p.step(Event::Hidden, 500), []);
    assert_eq!(p.step(Event::TimerFired, 1_100), [], "timer while hidden is ignored");
    assert_eq!(p.step(Event::Hidden, 2_000), [], "hidden twice");
    assert_eq!(p.step(Event::Visible, 30_000), [Effect::Fetch], "checks at once on visible");
    assert_eq!(p.step(Event::Visible, 30_001), [], "visible twice");
    assert_eq!(p.step(Event::TimerFired, 30_002), [], "in flight: no second request");
    assert_eq!(p.step(Event::Answer(pending()), 30_100), [Effect::Wait(1500)]);
    assert_eq!(p.step(Event::TimerFired, 31_600), [Effect::Fetch]);
    // Hidden while a request is out: the answer is processed, but nothing is scheduled.
    assert_eq!(p.step(Event::Hidden, 31_700), []);
    assert_eq!(p.step(Event::Answer(pending()), 31_800), []);
    assert!(!p.is_in_flight() && !p.is_done());
    assert_eq!(p.step(Event::Visible, 40_000), [Effect::Fetch]);
    // A final status while hidden still finishes.
    assert_eq!(p.step(Event::Hidden, 40_001), []);
    let effects = p.step(Event::Answer(status(PaymentStatus::Successful)), 40_100);
    assert!(matches!(effects.as_slice(), [Effect::Finish(o)] if o.state == OutcomeState::Succeeded));
    assert_eq!(p.requests(), 4);
}

#[test]
fn visible_after_the_deadline_checks_once_more() {
    let mut p = Poller::new(PollConfig::new(None, Some(10_000)));
    p.step(Event::Start, 0);
    p.step(Event::Answer(pending()), 0);
    p.step(Event::Hidden, 10);
    assert_eq!(p.step(Event::Visible, 60_000), [Effect::Fetch]);
    let effects = p.step(Event::Answer(pending()), 60_100);
    assert!(
        matches!(effects.as_slice(), [Effect::Finish(o)] if o.state == OutcomeState::Pending),
        "{effects:?}"
    );
    // A final answer after the deadline is still believed.
    let mut p = Poller::new(PollConfig::new(None, Some(10_000)));
    p.step(Event::Start, 0);
    p.step(Event::Answer(pending()), 0);
    p.step(Event::Hidden, 10);
    p.step(Event::Visible, 60_000);
    let effects = p.step(Event::Answer(status(PaymentStatus::Successful)), 60_100);
    assert!(
        matches!(effects.as_slice(), [Effect::Finish(o)] if o.state == OutcomeState::Succeeded),
        "{effects:?}"
    );
}

#[test]
fn destroy_stops_for_good() {
    let later = [
        Event::Start,
        Event::TimerFired,
        Event::Answer(status(PaymentStatus::Successful)),
        Event::Hidden,
        Event::Visible,
        Event::Destroy,
    ];
    let mut p = Poller::new(PollConfig::default());
    p.step(Event::Start, 0);
    p.step(Event::Answer(pending()), 10);
    assert_eq!(p.step(Event::Destroy, 20), [Effect::Stop]);
    assert!(p.is_done());
    for event in later.clone() {
        assert_eq!(p.step(event.clone(), 5_000), [], "{event:?}");
    }
    // Destroyed with a request out, and before Start.
    let mut p = Poller::new(PollConfig::default());
    p.step(Event::Start, 0);
    assert_eq!(p.step(Event::Destroy, 1), [Effect::Stop]);
    assert_eq!(p.step(Event::Answer(pending()), 2), []);
    let mut p = Poller::new(PollConfig::default());
    assert_eq!(p.step(Event::Destroy, 0), [Effect::Stop]);
    assert_eq!(p.step(Event::Start, 0), []);
    assert_eq!(p.requests(), 0);
}

#[test]
fn nothing_after_finish() {
    let mut p = Poller::new(PollConfig::default());
    p.step(Event::Start, 0);
    let effects = p.step(Event::Answer(status(PaymentStatus::Failed)), 10);
    assert!(matches!(effects.as_slice(), [Effect::Finish(_)]));
    for event in [
        Event::Start,
        Event::TimerFired,
        Event::Answer(pending()),
        Event::Hidden,
        Event::Visible,
        Event::Destroy,
    ] {
        assert_eq!(p.step(event.clone(), 100), [], "{event:?}");
    }
    assert_eq!(p.requests(), 1);
}

#[test]
fn stray_events_are_ignored() {
    let mut p = Poller::new(PollConfig::default());
    assert_eq!(p.step(Event::Answer(pending()), 0), [], "answer before start");
    assert_eq!(p.step(Event::TimerFired, 0), [], "timer before start");
    assert_eq!(p.step(Event::Visible, 0), []);
    assert_eq!(p.step(Event::Start, 0), [Effect::Fetch]);
    assert_eq!(p.step(Event::Start, 1), [], "second start");
    assert_eq!(p.step(Event::TimerFired, 2), [], "timer while in flight");
    assert_eq!(p.step(Event::Answer(pending()), 3).len(), 2);
    assert_eq!(p.step(Event::Answer(status(PaymentStatus::Successful)), 4), [], "stale answer");
    assert!(!p.is_done());
    assert_eq!(p.step(Event::TimerFired, 1_003), [Effect::Fetch]);
    assert_eq!(p.step(Event::TimerFired, 1_004), [], "second timer");
}

/// Tiny deterministic generator (Knuth's MMIX LCG) for the property loop.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn random_answer(rng: &mut Lcg) -> Answer {
    match rng.below(10) {
        0..=4 => pending(),
        5 => status(PaymentStatus::ALL[rng.below(8) as usize]),
        6 => failed_with(PaymentStatus::Failed, "payment_rejected"),
        _ => Answer::Error {
            code: ErrorCode::ALL[rng.below(ErrorCode::ALL.len() as u64) as usize],
            retry_after_ms: rng.below(2).eq(&0).then(|| rng.below(90_000)),
        },
    }
}

#[test]
fn never_two_requests_in_flight_and_nothing_after_the_end() {
    for seed in 0..3_000u64 {
        let mut rng = Lcg(seed);
        let budget = [1_000, 10_000, 120_000, 600_000][rng.below(4) as usize];
        let mut p = Poller::new(PollConfig::new(Some(250 + rng.below(3_000)), Some(budget)));
        let (mut now, mut outstanding, mut ended, mut fetches, mut hidden) =
            (0u64, false, false, 0u32, false);
        let mut started_at = None;
        for _ in 0..300 {
            now += rng.below(4_000);
            let event = match rng.below(12) {
                0 => Event::Start,
                1..=5 => Event::Answer(random_answer(&mut rng)),
                6..=8 => Event::TimerFired,
                9 => Event::Hidden,
                10 => Event::Visible,
                _ if rng.below(8) == 0 => Event::Destroy,
                _ => Event::TimerFired,
            };
            if matches!(event, Event::Start) && started_at.is_none() && !ended {
                started_at = Some(now);
            }
            let answered = matches!(event, Event::Answer(_)) && outstanding;
            match event {
                Event::Hidden => hidden = true,
                Event::Visible => hidden = false,
                _ => {}
            }
            let effects = p.step(event.clone(), now);
            if answered {
                outstanding = false;
            }
            if ended {
                assert!(effects.is_empty(), "seed {seed}: {effects:?} after the end");
                continue;
            }
            let actions = effects.iter().filter(|e| !matches!(e, Effect::Show(_))).count();
            assert!(actions <= 1, "seed {seed}: {effects:?}");
            for effect in &effects {
                match effect {
                    Effect::Fetch => {
                        assert!(!outstanding, "seed {seed}: second request in flight on {event:?}");
                        outstanding = true;
                        fetches += 1;
                    }
                    Effect::Wait(ms) => {
                        assert!(!hidden, "seed {seed}: wait scheduled while hidden");
                        assert!((1..=60_000).contains(ms), "seed {seed}: wait {ms}");
                        let deadline = started_at.unwrap() + budget;
                        assert!(now + ms <= deadline, "seed {seed}: wait past the deadline");
                    }
                    Effect::Show(o) => assert_eq!(o.state, OutcomeState::Pending, "seed {seed}"),
                    Effect::Finish(_) | Effect::Stop => ended = true,
                }
            }
            assert_eq!(p.requests(), fetches, "seed {seed}");
            assert_eq!(p.is_done(), ended, "seed {seed}");
            if !ended {
                assert_eq!(p.is_in_flight(), outstanding, "seed {seed}");
            }
        }
    }
}

#[test]
fn bank_and_wallet_failures_never_speak_of_a_card() {
    use omise_checkout_core::status::Method;
    // (failure code, card text, bank or wallet text)
    let rows: &[(&str, Message, Message)] = &[
        ("insufficient_fund", Message::FailureInsufficientFund, Message::FailureInsufficientBalanceOther),
        ("insufficient_balance", Message::FailureInsufficientFund, Message::FailureInsufficientBalanceOther),
        ("payment_rejected", Message::FailurePaymentRejected, Message::FailureDeclinedOther),
        ("stolen_or_lost_card", Message::FailureStolenOrLostCard, Message::FailureDeclinedOther),
        ("failed_fraud_check", Message::FailureFraudCheck, Message::FailureDeclinedOther),
        ("failed_processing", Message::FailureFailedProcessing, Message::FailureGeneric),
        ("invalid_account_number", Message::FailureInvalidAccount, Message::FailureInvalidAccountOther),
        ("payment_cancelled", Message::FailurePaymentCancelled, Message::FailurePaymentCancelled),
        ("timeout", Message::FailureTimeout, Message::FailureTimeout),
        ("something_new", Message::FailureGeneric, Message::FailureGeneric),
    ];
    for (code, card, other) in rows {
        let failed = |method| {
            let mut p = Poller::new(PollConfig::default());
            p.note_method(method);
            p.step(Event::Start, 0);
            let effects = p.step(Event::Answer(failed_with(PaymentStatus::Failed, code)), 0);
            let [Effect::Finish(out)] = effects.as_slice() else { panic!("{effects:?}") };
            out.message
        };
        assert_eq!(failed(Method::Card), *card, "{code} by card");
        assert_eq!(failed(Method::Other), *other, "{code} by bank or wallet");
        for locale in omise_checkout_core::locale::Locale::ALL {
            let text = other.text(locale).to_lowercase();
            for word in ["card", "カード", "บัตร", "issuer"] {
                assert!(!text.contains(word), "{code} ({locale:?}) speaks of a card: {text}");
            }
        }
    }
    assert_eq!(Method::of(Some("promptpay")), Some(Method::Other));
    assert_eq!(Method::of(Some("mobile_banking_kbank")), Some(Method::Other));
    assert_eq!(Method::of(Some("card")), Some(Method::Card));
    assert_eq!(Method::of(Some(" ")), None);
    assert_eq!(Method::of(None), None);
}
