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
export type ErrorCode = "network_error" | "timeout" | "service_unavailable" | "rate_limited" | "invalid_response" | "configuration_error" | "invalid_card" | "brand_not_supported" | "failed_fraud_check" | "security_code_check_failed" | "validation_error" | "bad_request" | "not_found" | "used_token" | "unsafe_redirect" | "no_authorization_needed" | "destroyed" | "unknown_error" | "order_failed" | "offline" | "authorization_failed";
/** What went wrong after the token, for `form.showError`: your order call failed, or the shopper went offline (the card was not charged in either case). */
export type AfterTokenErrorCode = "order_failed" | "offline";
/** A text of the message catalog, for `message(key, locale)`. */
export type MessageKey = "label_number" | "label_expiry" | "label_security_code" | "label_name" | "label_postal_code" | "label_city" | "label_country" | "placeholder_expiry" | "placeholder_name" | "hint_security_code_3" | "hint_security_code_4" | "processing" | "checking" | "number_required" | "number_incomplete" | "number_invalid" | "number_unsupported_brand" | "expiry_required" | "expiry_incomplete" | "expiry_invalid" | "expiry_month_invalid" | "expiry_expired" | "expiry_too_far_ahead" | "security_code_required" | "security_code_incomplete" | "security_code_invalid" | "security_code_check_failed" | "name_required" | "name_too_long" | "name_invalid" | "name_looks_like_card_number" | "billing_required" | "billing_too_long" | "billing_invalid" | "network_error" | "timeout" | "service_unavailable" | "rate_limited" | "invalid_response" | "configuration_error" | "invalid_card" | "brand_not_supported" | "failed_fraud_check" | "validation_error" | "bad_request" | "not_found" | "used_token" | "unsafe_redirect" | "no_authorization_needed" | "destroyed" | "unknown_error" | "order_failed" | "offline" | "status_received" | "status_failed" | "status_successful" | "status_reversed" | "failure_insufficient_fund" | "failure_stolen_or_lost_card" | "failure_failed_processing" | "failure_payment_rejected" | "failure_invalid_security_code" | "failure_fraud_check" | "failure_invalid_account" | "failure_payment_cancelled" | "failure_timeout" | "failure_amount_mismatch" | "failure_generic" | "failure_insufficient_balance_other" | "failure_declined_other" | "failure_invalid_account_other" | "status_still_confirming" | "action_check_again" | "action_try_again" | "action_other_method" | "update_reason_generic" | "update_reason_insufficient_fund" | "update_reason_stolen_or_lost" | "update_reason_declined" | "update_reason_invalid_card" | "update_reason_security_code" | "update_reason_expired" | "action_update_card" | "authorization_failed" | "refund_pending" | "refund_successful" | "refund_failed" | "pay_with" | "method_card" | "method_promptpay" | "method_mobile_banking" | "method_truemoney" | "method_linepay" | "method_shopeepay" | "method_paypay" | "method_konbini" | "bank_kbank" | "bank_scb" | "bank_bay" | "bank_bbl" | "bank_ktb" | "label_bank" | "label_payer_name" | "label_email" | "label_phone" | "hint_payer_name" | "hint_truemoney_phone" | "method_required" | "bank_required" | "no_method_fits" | "payer_name_required" | "payer_name_too_long" | "payer_name_invalid" | "email_required" | "email_invalid" | "phone_required" | "phone_invalid" | "note_promptpay" | "note_mobile_banking" | "note_truemoney_app" | "note_truemoney_wallet" | "note_wallet" | "note_paypay" | "note_konbini" | "qr_scan" | "qr_scan_phone" | "qr_save" | "qr_time_left" | "qr_minutes_left" | "qr_expired" | "qr_new" | "label_amount" | "konbini_pay_by" | "konbini_how" | "konbini_awaiting";
/** The events a card form emits (`form.on(event, fn)`; also `omise:<event>` on `form.element`). */
export type CardFormEvent = "ready" | "change" | "focus" | "blur" | "busy" | "tokenized" | "error";
/** A field of the card form. */
export type FieldId = "number" | "expiry" | "securityCode" | "name" | "postalCode" | "city" | "country";
/** Why a field is not valid. */
export type FieldErrorCode = "required" | "incomplete" | "invalid" | "unsupported_brand" | "month_invalid" | "expired" | "too_far_ahead" | "too_long" | "looks_like_card_number" | "security_code_check_failed";

/**
 * `new OmiseCheckout(options)`. Anything that is not an object throws (`code: "invalid_options"`);
 * a `publicKey`, `vaultUrl` or `apiUrl` that is not a string (or whose getter throws) throws
 * with its own code; `locale`, `timeoutMs` and `readyTimeoutMs` of another type fall back to
 * their defaults. Errors are plain `Error`s with a `code`, never a crash of the wasm.
 */
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
  /**
   * Where the after-the-charge module's wasm is (`omise-checkout/omise_checkout_charge_bg.wasm`),
   * for bundlers that do not follow `new URL(…, import.meta.url)` (esbuild). `handleCharge` and
   * `pollStatus` load that module on first use; Vite, webpack 5 and plain ES modules find it
   * next to the package without this.
   */
  chargeWasmUrl?: string | URL;
}

/**
 * A card for headless `createToken` (the API's field names). Each value is read as text: a
 * string as it is, a whole number from 0 to `Number.MAX_SAFE_INTEGER` as its digits (pass card
 * numbers and codes as strings: a number loses leading zeros, and digits past 2^53). `null` or
 * `undefined` is missing (`required`); any other value (a boolean, an object, a fraction, a
 * symbol, a BigInt, a getter that throws) makes its field `invalid` in the `validation_error`.
 */
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
  /**
   * When the number and security code leave the form after a token. `'on-success'` (default):
   * kept until the outcome is known, cleared when `checkout.authorize(charge)` redirects or is
   * handed a `successful` charge, when `checkout.handleCharge(charge)` is handed one (or
   * redirects), or on `form.clear()`, so a failed order call never makes the
   * shopper retype the card. `true` / `'after-token'`: cleared as soon as the token exists.
   * `false` / `'never'`: only `form.clear()` / `destroy()` clear it.
   */
  clearAfterToken?: boolean | 'on-success' | 'after-token' | 'never';
  /** Overrides the checkout's locale for this form. */
  locale?: string;
  /**
   * `'update'`: the form asks a subscriber for a new card after a renewal failed. Above the
   * fields it says why (from `failure.code`, generic text for unknown codes) and what the failed
   * charge was; a bound Pay button reads "Update card" (no amount). Default `'pay'`.
   */
  purpose?: 'pay' | 'update';
  /** The failed charge an update form explains: its `failure_code`, amount (smallest unit), currency and description. */
  failure?: { code?: string | null; amount?: number; currency?: string; description?: string };
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

/** The `busy` event's detail. */
export interface BusyEvent { busy: boolean; }

/** What `form.showError(code)` put on screen: the code, and the localized text. */
export interface ShownError { code: ErrorCode | string; message: string; }

export interface CardForm {
  /**
   * Keeps the form busy (inputs read-only, `state().busy`, the `busy` event, a bound Pay
   * button's spinner) until `work` settles, e.g. your order call after the token; returns a
   * promise that settles the same way.
   */
  busyWhile<T>(work: PromiseLike<T> | T): Promise<T>;
}

export interface CardFormState {
  complete: boolean;
  /** `tokenize()` (or work given to `busyWhile`) is running: show "Processing…", not "incomplete". */
  busy: boolean;
  brand: BrandId | null;
  fields: { number: FieldState; expiry: FieldState; securityCode: FieldState; name: FieldState; postalCode?: FieldState; city?: FieldState; country?: FieldState };
}
"#;

#[cfg(test)]
#[allow(clippy::disallowed_macros, clippy::disallowed_methods)]
mod tests {
    /// The macro consumes the const, so the test reads this file's text.
    const TS_UNIONS: &str = include_str!("types.rs");
    use alloc::format;
    use alloc::string::String;
    use alloc::vec::Vec;
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
    fn message_key_and_event_unions_match_the_code() {
        use omise_checkout_core::messages::Message;
        let keys = format!("export type MessageKey = {};", union(Message::ALL.iter().map(|m| m.key())));
        assert!(TS_UNIONS.contains(&keys), "{keys}");
        let events =
            format!("export type CardFormEvent = {};", union(crate::events::EVENT_NAMES.iter().copied()));
        assert!(TS_UNIONS.contains(&events), "{events}");
    }

    #[test]
    fn validity_union_matches_core() {
        let all = [Validity::Valid, Validity::Incomplete, Validity::Invalid];
        let expected = format!("export type ValidityState = {};", union(all.iter().map(|v| v.code())));
        assert!(TS_UNIONS.contains(&expected), "{expected}");
    }
}
