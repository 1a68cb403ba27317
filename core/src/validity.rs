//! Three-state validity (STYLE.md pattern 2).

use serde::Serialize;

/// `Incomplete` is input that can still become valid as the customer types; it must not be
/// shown as an error until the field loses focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Validity {
    Valid,
    Incomplete,
    Invalid,
}

impl Validity {
    pub fn code(self) -> &'static str {
        match self {
            Validity::Valid => "valid",
            Validity::Incomplete => "incomplete",
            Validity::Invalid => "invalid",
        }
    }
}
