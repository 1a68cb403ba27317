//! The test-card table (SPEC §5) and what each card does when charged. Only this behaviour is
//! kept from the card number: the number itself is never stored.

/// What charging a card does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Behaviour {
    /// Charged at once.
    Succeed,
    /// Asks for 3-D Secure; the customer's choice on the page decides.
    ThreeDSecure,
    /// Asks for 3-D Secure, which then fails (enrollment or validation): `payment_rejected`
    /// whatever the customer clicks.
    ThreeDSecureFails,
    /// Declined at once with this `failure_code`.
    Fail(&'static str),
}

impl Behaviour {
    /// False only for the `invalid_security_code` cards (SPEC §2 `security_code_check`).
    pub fn security_code_check(self) -> bool {
        self != Behaviour::Fail("invalid_security_code")
    }

    pub fn needs_3ds(self) -> bool {
        matches!(self, Behaviour::ThreeDSecure | Behaviour::ThreeDSecureFails)
    }
}

/// Stored as text (`--db` records): `succeed`, `3ds`, `3ds_fails`, `fail:CODE`.
impl Behaviour {
    pub fn name(self) -> String {
        match self {
            Succeed => "succeed".into(),
            ThreeDSecure => "3ds".into(),
            ThreeDSecureFails => "3ds_fails".into(),
            Fail(code) => format!("fail:{code}"),
        }
    }

    pub fn from_name(name: &str) -> Option<Behaviour> {
        match name {
            "succeed" => Some(Succeed),
            "3ds" => Some(ThreeDSecure),
            "3ds_fails" => Some(ThreeDSecureFails),
            _ => {
                let code = name.strip_prefix("fail:")?;
                TEST_CARDS.iter().find_map(|(_, b)| matches!(b, Fail(c) if *c == code).then_some(*b))
            }
        }
    }
}

impl serde::Serialize for Behaviour {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.name())
    }
}

impl<'de> serde::Deserialize<'de> for Behaviour {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        Behaviour::from_name(&name).ok_or_else(|| serde::de::Error::custom("unknown card behaviour"))
    }
}

use Behaviour::*;

/// Every SPEC §5 card. Numbers not listed here behave like `Succeed` without 3-D Secure.
pub static TEST_CARDS: &[(&str, Behaviour)] = &[
    // Successful, charged at once.
    ("4242424242424242", Succeed),
    ("5555555555554444", Succeed),
    ("3530111333300000", Succeed),
    ("378282246310005", Succeed),
    ("6447032400000000001", Succeed),
    ("36021042000004", Succeed),
    ("6250947000000006", Succeed),
    // Successful after 3-D Secure: one per brand that Omise runs through 3-D Secure.
    ("4111111111111111", ThreeDSecure),
    ("5454545454545454", ThreeDSecure),
    ("3566111111111113", ThreeDSecure),
    // Declined.
    ("4111111111140011", Fail("insufficient_fund")),
    ("5555551111110011", Fail("insufficient_fund")),
    ("3530111111190011", Fail("insufficient_fund")),
    ("4111111111130012", Fail("stolen_or_lost_card")),
    ("5555551111100012", Fail("stolen_or_lost_card")),
    ("3530111111180012", Fail("stolen_or_lost_card")),
    ("4111111111120013", Fail("failed_processing")),
    ("5555551111190013", Fail("failed_processing")),
    ("3530111111170013", Fail("failed_processing")),
    ("4111111111110014", Fail("payment_rejected")),
    ("5555551111180014", Fail("payment_rejected")),
    ("3530111111160014", Fail("payment_rejected")),
    ("4111111111190016", Fail("failed_fraud_check")),
    ("5555551111160016", Fail("failed_fraud_check")),
    ("3530111111140016", Fail("failed_fraud_check")),
    ("4111111111180017", Fail("invalid_account_number")),
    ("5555551111150017", Fail("invalid_account_number")),
    ("3530111111130017", Fail("invalid_account_number")),
    ("4111111111160001", Fail("invalid_security_code")),
    ("5555551111130001", Fail("invalid_security_code")),
    ("3530111111110001", Fail("invalid_security_code")),
    // 3-D Secure enrollment fails.
    ("4111111111150002", ThreeDSecureFails),
    ("5555551111120002", ThreeDSecureFails),
    ("3530111111100002", ThreeDSecureFails),
    // 3-D Secure validation fails.
    ("4111111111140003", ThreeDSecureFails),
    ("5555551111110003", ThreeDSecureFails),
    ("3530111111190003", ThreeDSecureFails),
];

/// The behaviour of a card, by its normalized ASCII digits.
pub fn behaviour(digits: &str) -> Behaviour {
    TEST_CARDS.iter().find(|(n, _)| *n == digits).map_or(Succeed, |(_, b)| *b)
}

/// The English `failure_message` the API pairs with a `failure_code`.
pub fn failure_message(code: &str) -> &'static str {
    match code {
        "insufficient_fund" => "insufficient funds in the account or the card has reached the credit limit",
        "stolen_or_lost_card" => "card was reported stolen or lost",
        "failed_processing" => "the payment could not be processed",
        "payment_rejected" => "the payment was rejected by the issuer",
        "failed_fraud_check" => "the card was marked as fraudulent",
        "invalid_account_number" => "the account number is invalid",
        "invalid_security_code" => "the security code is invalid",
        _ => "the payment failed",
    }
}

/// A stable fingerprint per card number: a salted hash, so equal cards match across tokens
/// while the number cannot be read back from it. Stable across runs (fixed SipHash keys).
pub fn fingerprint(digits: &str) -> String {
    use std::hash::{Hash, Hasher};
    let half = |salt: &str| {
        #[allow(deprecated)] // SipHasher's fixed keys are exactly what makes this stable.
        let mut h = std::hash::SipHasher::new_with_keys(0x6f6d_6973_6521, 0x0053_414e_4442_4f58);
        salt.hash(&mut h);
        digits.hash(&mut h);
        h.finish()
    };
    format!("{:016x}{:016x}", half("omise-sandbox/1"), half("omise-sandbox/2"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_test_card_is_a_valid_number() {
        for (n, _) in TEST_CARDS {
            let check = omise_checkout_core::number::check(n);
            assert_eq!(check.state, omise_checkout_core::Validity::Valid, "{n}");
        }
    }

    #[test]
    fn behaviours_round_trip_through_their_names() {
        for (_, b) in TEST_CARDS {
            assert_eq!(Behaviour::from_name(&b.name()), Some(*b));
        }
        assert_eq!(Behaviour::from_name("fail:made_up"), None);
    }

    #[test]
    fn fingerprint_is_stable_and_distinct() {
        assert_eq!(fingerprint("4242424242424242"), fingerprint("4242424242424242"));
        assert_ne!(fingerprint("4242424242424242"), fingerprint("4111111111111111"));
        assert!(!fingerprint("4242424242424242").contains("4242"));
    }
}
