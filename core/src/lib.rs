//! Pure rules of omise-checkout: card input, Omise API objects, customer messages and
//! the payment-status polling machine. No web dependency: everything here runs under
//! plain `cargo test`, and time is always passed in.

// Card input (issue 2).
pub mod brand;
pub mod endpoint;
pub mod expiry;
pub mod field;
pub mod form;
pub mod format;
pub mod name;
pub mod normalize;
pub mod number;
pub mod request;
pub mod secret;
pub mod security_code;
pub mod validity;

// API objects, errors, messages and polling (issues 4 and 5).
pub mod api;
pub mod error;
pub mod invalid_card;
pub mod locale;
pub mod messages;
pub mod poll;
pub mod rpc;
pub mod status;

// Payment methods other than cards, and what happens after the charge (issue 6).
pub mod charge_view;
pub mod methods;

pub use brand::Brand;
pub use field::{Field, FieldError};
pub use validity::Validity;
