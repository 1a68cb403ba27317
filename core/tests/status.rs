//! Every status, with and without a failure code, means one thing to the customer.

use omise_checkout_core::messages::Message;
use omise_checkout_core::status::{
    failure_code, is_final, status_message, Kind, OutcomeState, PaymentStatus, StatusMessage,
};

#[test]
fn parses_statuses_leniently() {
    use PaymentStatus as S;
    let rows: &[(&str, S)] = &[
        ("pending", S::Pending),
        ("successful", S::Successful),
        ("failed", S::Failed),
        ("expired", S::Expired),
        ("reversed", S::Reversed),
        ("chargeable", S::Chargeable),
        ("canceled", S::Canceled),
        ("cancelled", S::Canceled),
        ("unknown", S::Unknown),
        ("SUCCESSFUL", S::Successful),
        ("  Pending\n", S::Pending),
        ("Cancelled", S::Canceled),
        ("", S::Unknown),
        ("success", S::Unknown),
        ("paid", S::Unknown),
        ("succeeded", S::Unknown),
        ("pending_", S::Unknown),
        ("<b>failed</b>", S::Unknown),
        ("ｆａｉｌｅｄ", S::Unknown),
    ];
    for (input, want) in rows {
        assert_eq!(PaymentStatus::parse(input), *want, "{input:?}");
    }
    assert_eq!(PaymentStatus::parse(&"failed".repeat(10_000)), S::Unknown);
}

#[test]
fn codes_round_trip() {
    for status in PaymentStatus::ALL {
        assert_eq!(PaymentStatus::parse(status.code()), status);
    }
    assert_eq!(
        [Kind::Success, Kind::Pending, Kind::Failure].map(Kind::code),
        ["success", "pending", "failure"]
    );
    assert_eq!(
        [OutcomeState::Succeeded, OutcomeState::Failed, OutcomeState::Pending].map(OutcomeState::code),
        ["succeeded", "failed", "pending"]
    );
}

#[test]
fn outcome_state_follows_kind() {
    assert_eq!(OutcomeState::from(Kind::Success), OutcomeState::Succeeded);
    assert_eq!(OutcomeState::from(Kind::Pending), OutcomeState::Pending);
    assert_eq!(OutcomeState::from(Kind::Failure), OutcomeState::Failed);
}

#[test]
fn final_statuses() {
    use PaymentStatus as S;
    let rows: &[(S, bool)] = &[
        (S::Pending, false),
        (S::Unknown, false),
        (S::Successful, true),
        (S::Failed, true),
        (S::Expired, true),
        (S::Reversed, true),
        (S::Chargeable, true),
        (S::Canceled, true),
    ];
    for (status, want) in rows {
        assert_eq!(is_final(*status), *want, "{}", status.code());
    }
    assert_eq!(rows.len(), PaymentStatus::ALL.len());
}

#[test]
fn every_status_with_and_without_failure_code() {
    use Kind::*;
    use Message as M;
    use PaymentStatus as S;
    // (status, failure code, kind, message)
    let rows: &[(S, Option<&str>, Kind, M)] = &[
        (S::Successful, None, Success, M::StatusSuccessful),
        (S::Successful, Some("insufficient_fund"), Success, M::StatusSuccessful),
        (S::Pending, None, Pending, M::StatusReceived),
        (S::Pending, Some("payment_rejected"), Pending, M::StatusReceived),
        (S::Unknown, None, Pending, M::StatusReceived),
        (S::Unknown, Some("timeout"), Pending, M::StatusReceived),
        (S::Chargeable, None, Pending, M::StatusReceived),
        (S::Chargeable, Some("timeout"), Pending, M::StatusReceived),
        (S::Failed, None, Failure, M::StatusFailed),
        (S::Failed, Some(""), Failure, M::StatusFailed),
        (S::Failed, Some("   "), Failure, M::StatusFailed),
        (S::Failed, Some("insufficient_fund"), Failure, M::FailureInsufficientFund),
        (S::Failed, Some("insufficient_balance"), Failure, M::FailureInsufficientFund),
        (S::Failed, Some("stolen_or_lost_card"), Failure, M::FailureStolenOrLostCard),
        (S::Failed, Some("failed_processing"), Failure, M::FailureFailedProcessing),
        (S::Failed, Some("payment_rejected"), Failure, M::FailurePaymentRejected),
        (S::Failed, Some("invalid_security_code"), Failure, M::FailureInvalidSecurityCode),
        (S::Failed, Some("failed_fraud_check"), Failure, M::FailureFraudCheck),
        (S::Failed, Some("invalid_account_number"), Failure, M::FailureInvalidAccount),
        (S::Failed, Some("invalid_account"), Failure, M::FailureInvalidAccount),
        (S::Failed, Some("payment_cancelled"), Failure, M::FailurePaymentCancelled),
        (S::Failed, Some("timeout"), Failure, M::FailureTimeout),
        (S::Failed, Some("confirmed_amount_mismatch"), Failure, M::FailureAmountMismatch),
        (S::Failed, Some("something_new"), Failure, M::FailureGeneric),
        (S::Failed, Some("<script>alert(1)</script>"), Failure, M::FailureGeneric),
        (S::Expired, None, Failure, M::StatusFailed),
        (S::Expired, Some("timeout"), Failure, M::FailureTimeout),
        (S::Canceled, None, Failure, M::StatusFailed),
        (S::Canceled, Some("payment_cancelled"), Failure, M::FailurePaymentCancelled),
        (S::Reversed, None, Failure, M::StatusReversed),
        (S::Reversed, Some("insufficient_fund"), Failure, M::StatusReversed),
    ];
    for (status, code, kind, message) in rows {
        assert_eq!(
            status_message(*status, *code),
            StatusMessage { kind: *kind, message: *message },
            "{} with {code:?}",
            status.code()
        );
    }
    for status in PaymentStatus::ALL {
        assert!(
            rows.iter().filter(|r| r.0 == status).count() >= 2,
            "{} not covered both ways",
            status.code()
        );
    }
}

#[test]
fn only_api_shaped_failure_codes_are_passed_on() {
    let long_ok = "a".repeat(64);
    let too_long = "a".repeat(65);
    let rows: &[(&str, &str, Option<&str>)] = &[
        // Passed on as they are.
        ("a real code", "insufficient_fund", Some("insufficient_fund")),
        ("another", "payment_rejected", Some("payment_rejected")),
        ("digits after the first", "code3_d2", Some("code3_d2")),
        ("one letter", "x", Some("x")),
        ("64 characters", &long_ok, Some(long_ok.as_str())),
        ("surrounding spaces", "  timeout \n", Some("timeout")),
        // Blank: no code at all.
        ("empty", "", None),
        ("spaces", "   ", None),
        // Anything else is unknown.
        ("markup", "<img src=x onerror=alert(1)>", Some("unknown")),
        ("script", "<script>alert(1)</script>", Some("unknown")),
        ("quote", "fund\"><b>", Some("unknown")),
        ("capitals", "Insufficient_Fund", Some("unknown")),
        ("leading digit", "3ds_failed", Some("unknown")),
        ("leading underscore", "_x", Some("unknown")),
        ("dash", "failed-processing", Some("unknown")),
        ("inner space", "failed processing", Some("unknown")),
        ("dot", "a.b", Some("unknown")),
        ("65 characters", &too_long, Some("unknown")),
        ("full-width", "ｆａｉｌｅｄ", Some("unknown")),
        ("accented", "échec", Some("unknown")),
        ("control character", "a\u{0}b", Some("unknown")),
        ("newline inside", "a\nb", Some("unknown")),
    ];
    for (label, raw, want) in rows {
        assert_eq!(failure_code(raw), *want, "{label}");
    }
}
