//! TypeScript declarations of the payment-method picker and `handleCharge`. The unions are
//! checked against the core's method table by the tests below.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_METHODS: &'static str = r#"
/** A source type the picker can offer (Omise's `type`). */
export type MethodSourceType = "promptpay" | "mobile_banking_kbank" | "mobile_banking_scb" | "mobile_banking_bay" | "mobile_banking_bbl" | "mobile_banking_ktb" | "truemoney_jumpapp" | "truemoney" | "rabbit_linepay" | "shopeepay_jumpapp" | "shopeepay" | "paypay" | "econtext";
/** A choice of the picker: the card, or a method (mobile banking is one choice with a bank list). */
export type MethodChoice = "card" | "promptpay" | "mobile_banking" | "truemoney" | "rabbit_linepay" | "shopeepay" | "paypay" | "econtext";

/** `checkout.mountPaymentMethods(target, options)`. */
export interface PaymentMethodsOptions {
  /** In the currency's smallest unit (satang, yen). Methods whose limits it is outside are not offered. */
  amount: number;
  /** `thb`, `jpy`, …: only methods of this currency are offered. */
  currency: string;
  /** Offer only these (source types, or `mobile_banking` for every bank); default: all that fit. Not a list, an empty list or a name that is no source type throws `invalid_options`; with nothing that fits, the picker says so. */
  methods?: Array<MethodSourceType | "mobile_banking">;
  /** Your card form's container, outside `target` (one that holds it throws `mount_failed`): shown under a "Card" choice (first); `createSource()` then answers `{ card: true }` while it is chosen. */
  card?: Element | string;
  /** Default: from the browser. Bank apps are offered on phones only; `phone`/`ios`/`android` forces them. Another value throws `invalid_options`. */
  device?: "phone" | "ios" | "android" | "desktop";
  /** The choice selected at first (`card`, a method or a source type). */
  selected?: string;
  locale?: string;
}

export type PaymentMethodsResult =
  | { source: Source; error?: undefined; card?: undefined }
  | { error: CheckoutError & { field?: "method" | "bank" | "name" | "email" | "phoneNumber" | FieldId }; source?: undefined; card?: undefined }
  | { card: true; source?: undefined; error?: undefined };

export interface PaymentMethods {
  /** `change`: `{ selected, sourceType }` (also `omise:change` on `element`). */
  on(event: "change", callback: (detail: { selected: MethodChoice | null; sourceType: MethodSourceType | null }) => void): void;
}

/** `checkout.handleCharge(charge, options)`. */
export interface HandleChargeOptions {
  /** Where the QR code, konbini instructions or status go (an element or a selector). */
  target?: Element | string;
  /** Your status endpoint, polled while a QR code is shown; default: the charge's source with the public key. */
  statusUrl?: string;
  /** Called when the shopper asks for a new QR code after one expired: create a new charge and call `handleCharge` again. */
  requestNewQr?: () => void;
  /** First polling interval in ms (default 1000, growing to 5000). */
  interval?: number;
  /** Default: from the browser. "Save QR image" and its hint show on phones. For a QR code, another value throws `invalid_options`. */
  device?: "phone" | "ios" | "android" | "desktop";
  locale?: string;
}

/** What happened to a handled charge. `expired: true` when a QR code expired. */
export interface ChargeOutcome extends Outcome { expired?: true; }

export type HandledCharge =
  | { kind: "redirect"; error?: undefined }
  | { kind: "qr"; result: Promise<ChargeOutcome>; destroy(): void; error?: undefined }
  | { kind: "instructions" | "status"; result: Promise<ChargeOutcome>; destroy?: undefined; error?: undefined }
  | { error: CheckoutError; kind?: undefined };
"#;

#[cfg(test)]
#[allow(clippy::disallowed_macros, clippy::disallowed_methods)]
mod tests {
    const TS: &str = include_str!("types_methods.rs");
    use alloc::format;
    use alloc::string::String;
    use alloc::vec::Vec;
    use omise_checkout_core::methods::{Group, METHODS};

    fn union(names: impl Iterator<Item = &'static str>) -> String {
        names.map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(" | ")
    }

    #[test]
    fn method_unions_match_the_core_table() {
        let types =
            format!("export type MethodSourceType = {};", union(METHODS.iter().map(|m| m.source_type)));
        assert!(TS.contains(&types), "{types}");
        let choices = core::iter::once("card").chain(Group::ALL.iter().map(|g| g.id()));
        let choices = format!("export type MethodChoice = {};", union(choices));
        assert!(TS.contains(&choices), "{choices}");
    }
}
