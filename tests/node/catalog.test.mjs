// The catalog in the shipped modules: the checkout module answers every key in every language;
// the after-the-charge module (built without the checkout page's texts) answers the same words
// or `undefined`, for a key in all three languages or in none, and has every text that it
// shows itself (statuses, failures, errors, the QR code and konbini views, refunds).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as checkout from '../../dist/omise_checkout.js';
import * as charge from '../../dist/omise_checkout_charge.js';
import chargeEn from '../../dist/omise_checkout_charge_texts_en.js';
import chargeJa from '../../dist/omise_checkout_charge_texts_ja.js';
import chargeTh from '../../dist/omise_checkout_charge_texts_th.js';
import en from '../../dist/omise_checkout_texts_en.js';
import ja from '../../dist/omise_checkout_texts_ja.js';
import th from '../../dist/omise_checkout_texts_th.js';

checkout.initSync({ module: readFileSync(new URL('../../dist/omise_checkout_bg.wasm', import.meta.url)), texts: { en, ja, th } });
charge.initSync({ module: readFileSync(new URL('../../dist/omise_checkout_charge_bg.wasm', import.meta.url)), texts: { en: chargeEn, ja: chargeJa, th: chargeTh } });

// Every key, from the type the package declares.
const dts = readFileSync(new URL('../../dist/omise_checkout.d.ts', import.meta.url), 'utf8');
const KEYS = [...dts.match(/export type MessageKey = ([^;]+);/)[1].matchAll(/"([a-z0-9_]+)"/g)].map((m) => m[1]);
const LOCALES = ['en', 'ja', 'th'];

// What the charge module shows on its own, so must carry.
const AFTER_THE_CHARGE = [
  'checking', 'status_received', 'status_failed', 'status_successful', 'status_reversed', 'status_still_confirming',
  'action_check_again', 'action_try_again', 'action_other_method', 'failure_insufficient_fund', 'failure_generic',
  'failure_declined_other', 'failure_insufficient_balance_other', 'failure_invalid_account_other', 'network_error',
  'timeout', 'invalid_response', 'unsafe_redirect', 'security_code_check_failed', 'authorization_failed',
  'qr_scan', 'qr_scan_phone', 'qr_save', 'qr_time_left', 'qr_minutes_left', 'qr_expired', 'qr_new', 'label_amount',
  'method_promptpay', 'konbini_pay_by', 'konbini_how', 'konbini_awaiting', 'refund_pending', 'refund_successful',
  'refund_failed', 'order_failed', 'offline',
];

test('the checkout module has every text in every language', () => {
  assert.ok(KEYS.length > 130, `${KEYS.length} keys read from the .d.ts`);
  for (const key of KEYS) {
    for (const locale of LOCALES) {
      const text = checkout.message(key, locale);
      assert.equal(typeof text, 'string', `${key} ${locale}`);
      assert.ok(text.trim().length > 0, `${key} ${locale}: empty`);
    }
  }
});

test('the charge module answers the same words, or undefined in all three languages', () => {
  let left = 0;
  for (const key of KEYS) {
    const texts = LOCALES.map((locale) => charge.message(key, locale));
    const missing = texts.filter((t) => t === undefined).length;
    assert.ok(missing === 0 || missing === 3, `${key}: missing in ${missing} of 3 languages`);
    if (missing === 3) left += 1;
    else LOCALES.forEach((locale, i) => assert.equal(texts[i], checkout.message(key, locale), `${key} ${locale}`));
  }
  // The card form's, the card update's and the picker's texts are what it leaves out.
  assert.ok(left >= 60, `only ${left} texts left out`);
  assert.equal(charge.message('label_number', 'ja'), undefined);
  assert.equal(charge.message('note_konbini', 'th'), undefined);
});

test('the charge module carries every text it shows', () => {
  for (const key of AFTER_THE_CHARGE) {
    assert.ok(KEYS.includes(key), `${key} is a key`);
    for (const locale of LOCALES) {
      assert.equal(charge.message(key, locale), checkout.message(key, locale), `${key} ${locale}`);
    }
  }
});
