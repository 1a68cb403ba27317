//! TypeScript names shared by the generated declarations. The unions are written once here
//! and checked against the core's enums by the tests below, so Rust and TS cannot drift.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_UNIONS: &'static str = r#"
/** A card brand id. */
export type BrandId = "visa" | "mastercard" | "amex" | "jcb" | "diners" | "discover" | "unionpay" | "maestro";
/** Three-state validity: `incomplete` can still become valid by typing more. */
export type ValidityState = "valid" | "incomplete" | "invalid";
"#;

#[cfg(test)]
mod tests {
    /// The macro consumes the const, so the test reads this file's text.
    const TS_UNIONS: &str = include_str!("types.rs");
    use omise_checkout_core::{Brand, Validity};

    fn union(names: impl Iterator<Item = &'static str>) -> String {
        names.map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(" | ")
    }

    #[test]
    fn brand_union_matches_core() {
        let expected = format!("export type BrandId = {};", union(Brand::ALL.iter().map(|b| b.id())));
        assert!(TS_UNIONS.contains(&expected), "{expected}");
    }

    #[test]
    fn validity_union_matches_core() {
        let all = [Validity::Valid, Validity::Incomplete, Validity::Invalid];
        let expected = format!("export type ValidityState = {};", union(all.iter().map(|v| v.code())));
        assert!(TS_UNIONS.contains(&expected), "{expected}");
    }
}
