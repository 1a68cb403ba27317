//! TypeScript names shared by the generated declarations. The unions are written once here
//! and checked against the core's enums by the tests below, so Rust and TS cannot drift.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_UNIONS: &'static str = r#"
/** A card brand id. */
export type BrandId = "visa" | "mastercard" | "amex" | "jcb" | "diners" | "discover" | "unionpay" | "maestro";
/** Three-state validity: `incomplete` can still become valid by typing more. */
export type ValidityState = "valid" | "incomplete" | "invalid";
/** A locale with messages. Tags like `th-TH` resolve to `th`; anything else falls back to `en`. */
export type LocaleId = "en" | "ja" | "th";
/** Stable error codes (`error.code`). */
export type ErrorCode = "network_error" | "timeout" | "service_unavailable" | "rate_limited" | "invalid_response" | "configuration_error" | "invalid_card" | "brand_not_supported" | "failed_fraud_check" | "security_code_check_failed" | "validation_error" | "bad_request" | "not_found" | "used_token" | "unsafe_redirect" | "no_authorization_needed" | "destroyed" | "unknown_error";
/** A field of the card form. */
export type FieldId = "number" | "expiry" | "securityCode" | "name" | "postalCode" | "city" | "country";
/** Why a field is not valid. */
export type FieldErrorCode = "required" | "incomplete" | "invalid" | "unsupported_brand" | "month_invalid" | "expired" | "too_far_ahead" | "too_long" | "looks_like_card_number" | "security_code_check_failed";

/** `new OmiseCheckout(options)`. */
export interface CheckoutOptions {
  /** Your PUBLIC key, `pkey_…`. A secret key throws: it must never reach a browser. */
  publicKey: string;
  /** `en`, `ja`, `th` or a tag such as `th-TH`; default: the browser's languages, then `en`. */
  locale?: string;
  /** Default `https://vault.omise.co`. HTTPS only (plain HTTP for localhost). */
  vaultUrl?: string;
  /** Default `https://api.omise.co`. HTTPS only (plain HTTP for localhost). */
  apiUrl?: string;
  /** Per request, default 20000 ms (clamped to 1000..120000). */
  timeoutMs?: number;
  /**
   * How card data reaches the vault. `'provider'` (default, the path Omise supports): through
   * the vault's provider page (`{vaultUrl}/provider`) in a hidden iframe, as Omise.js does; it
   * works whatever the vault's CORS rules, and needs `frame-src` for the vault in your CSP.
   * `'fetch'`: `POST {vaultUrl}/tokens` from the page (needs `connect-src` for the vault).
   */
  transport?: 'provider' | 'fetch';
  /** How long the provider page may take to get ready, default 10000 ms (200..120000). */
  readyTimeoutMs?: number;
}

/** A card for headless `createToken` (the API's field names). */
export interface CardInput {
  name: string;
  number: string;
  expiration_month: number | string;
  expiration_year: number | string;
  security_code: string;
  city?: string;
  postal_code?: string;
  country?: string;
  state?: string;
  street1?: string;
  street2?: string;
  phone_number?: string;
}

/** One field's problem, message already localized. */
export interface FieldProblem { field: FieldId; code: FieldErrorCode; message: string; }

/** An error, message already localized for the customer. */
export interface CheckoutError {
  code: ErrorCode;
  message: string;
  /** The first field to fix, when the error is about fields. */
  field?: FieldId;
  fields?: FieldProblem[];
  retryAfterMs?: number;
}

/** The card as the vault returns it on the token (never the full number). */
export interface TokenCard {
  object: "card";
  id: string;
  brand: string;
  last_digits: string;
  name: string;
  expiration_month: number;
  expiration_year: number;
  fingerprint?: string;
  security_code_check?: boolean;
  [key: string]: unknown;
}

/** A one-time token (`tokn_…`) to hand to your server. */
export interface Token {
  object: "token";
  id: string;
  livemode: boolean;
  used: boolean;
  charge_status?: string;
  card: TokenCard;
  [key: string]: unknown;
}

export type TokenResult = { token: Token; error?: undefined } | { error: CheckoutError; token?: undefined };

/** `mountCardForm(target, options)`. */
export interface CardFormOptions {
  /** Billing fields to ask for: `true` for all, or a list. */
  billing?: boolean | Array<"postalCode" | "city" | "country">;
  /** Clear the number and security code once a token is issued (default true). */
  clearAfterToken?: boolean;
  /** Overrides the checkout's locale for this form. */
  locale?: string;
}

export interface FieldState { state: ValidityState; error?: FieldErrorCode; }

/** `createSource(params)`: Omise's source parameters (more are passed through as they are). */
export interface SourceInput {
  type: string;
  /** In the smallest unit (satang, yen). */
  amount: number;
  currency: string;
  [key: string]: unknown;
}

/** A source (`src_…`) to hand to your server. */
export interface Source {
  object: "source";
  id: string;
  type: string;
  flow: "redirect" | "offline" | "app_redirect" | string;
  amount: number;
  currency: string;
  charge_status?: string;
  [key: string]: unknown;
}

export type SourceResult = { source: Source; error?: undefined } | { error: CheckoutError; source?: undefined };

/** A charge as your server returned it (snake_case as the API, or camelCase). */
export interface ChargeLike {
  status?: string;
  authorize_uri?: string | null;
  authorizeUri?: string | null;
  failure_code?: string | null;
  failureCode?: string | null;
  [key: string]: unknown;
}

export type AuthorizeResult = { redirected: true; error?: undefined } | { error: CheckoutError; redirected?: undefined };

/** `pollStatus(options)`: exactly one of `statusUrl`, `tokenId`, `sourceId`. */
export interface PollOptions {
  /** Your status endpoint (same-origin path or https URL): a charge, or `{ status, failure_code }`. */
  statusUrl?: string;
  /** Poll `GET /tokens/{id}`'s `charge_status` with the public key. */
  tokenId?: string;
  /** Poll `GET /sources/{id}`'s `charge_status` with the public key. */
  sourceId?: string;
  /** Where to render the message (an element or a selector): a `role="status"` live region. */
  target?: Element | string;
  /** First interval in ms (default 1000, growing ×1.5 up to 5000). */
  interval?: number;
  /** Total budget in ms (default 120000, at most 600000). */
  maxWait?: number;
  /** Called with each progress outcome (e.g. still pending). */
  onUpdate?: (outcome: Outcome) => void;
}

/** Where a payment stands, with the customer's message. */
export interface Outcome {
  state: "succeeded" | "failed" | "pending";
  status: "pending" | "successful" | "failed" | "expired" | "reversed" | "chargeable" | "canceled" | "unknown";
  kind: "success" | "pending" | "failure";
  message: string;
  failureCode?: string;
  error?: CheckoutError;
  /** Set when polling was stopped by `destroy()` or the page going away. */
  stopped?: true;
}

export interface StatusMessage { kind: "success" | "pending" | "failure"; text: string; }

export interface CardFormState {
  complete: boolean;
  brand: BrandId | null;
  fields: { number: FieldState; expiry: FieldState; securityCode: FieldState; name: FieldState; postalCode?: FieldState; city?: FieldState; country?: FieldState };
}
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
    fn error_unions_match_core() {
        use omise_checkout_core::error::ErrorCode;
        use omise_checkout_core::field::{Field, FieldError};
        let codes = format!("export type ErrorCode = {};", union(ErrorCode::ALL.iter().map(|c| c.code())));
        assert!(TS_UNIONS.contains(&codes), "{codes}");
        let fields = format!("export type FieldId = {};", union(Field::ALL.iter().map(|f| f.code())));
        assert!(TS_UNIONS.contains(&fields), "{fields}");
        let errors =
            format!("export type FieldErrorCode = {};", union(FieldError::ALL.iter().map(|e| e.code())));
        assert!(TS_UNIONS.contains(&errors), "{errors}");
    }

    #[test]
    fn validity_union_matches_core() {
        let all = [Validity::Valid, Validity::Incomplete, Validity::Invalid];
        let expected = format!("export type ValidityState = {};", union(all.iter().map(|v| v.code())));
        assert!(TS_UNIONS.contains(&expected), "{expected}");
    }
}
