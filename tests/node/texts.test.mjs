// The texts, one language at a time (src/words.rs, src/entry_texts.js): each
// omise_checkout_texts_<locale>.js has every message of the catalog, each
// omise_checkout_charge_texts_<locale>.js the same words for every message the after-the-charge
// module shows; a module answers from what it was given, says a missing language in one it has
// while that one is loaded, and answers in it once it is here. Its own process: the modules'
// texts are per page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as checkout from '../../dist/omise_checkout.js';
import * as charge from '../../dist/omise_checkout_charge.js';
import * as status from '../../dist/omise_checkout_status.js';
import chargeEn from '../../dist/omise_checkout_charge_texts_en.js';
import chargeJa from '../../dist/omise_checkout_charge_texts_ja.js';
import chargeTh from '../../dist/omise_checkout_charge_texts_th.js';
import statusEn from '../../dist/omise_checkout_status_texts_en.js';
import statusJa from '../../dist/omise_checkout_status_texts_ja.js';
import statusTh from '../../dist/omise_checkout_status_texts_th.js';
import en from '../../dist/omise_checkout_texts_en.js';
import ja from '../../dist/omise_checkout_texts_ja.js';
import th from '../../dist/omise_checkout_texts_th.js';

const dts = readFileSync(new URL('../../dist/omise_checkout.d.ts', import.meta.url), 'utf8');
const KEYS = [...dts.match(/export type MessageKey = ([^;]+);/)[1].matchAll(/"([a-z0-9_]+)"/g)].map((m) => m[1]);

/** `module.message(key, locale)` answers every text `texts` has (a hole: not checked). */
function answersEvery(module, locale, texts) {
  for (const [k, key] of KEYS.entries()) {
    if (texts[k] !== undefined) assert.equal(module.message(key, locale), texts[k], key);
  }
}

test('each language file has every text, plain, and only its own words', () => {
  for (const [code, texts] of [['en', en], ['ja', ja], ['th', th]]) {
    assert.equal(texts.length, KEYS.length, `${code}: one text per message`);
    for (const [i, text] of texts.entries()) {
      assert.equal(typeof text, 'string', `${code} ${i}`);
      assert.ok(text.trim().length > 0, `${code} ${i}: empty`);
      assert.doesNotMatch(text, /[<>]/, `${code} ${i}: markup`);
    }
  }
  // Spot checks that the languages are not swapped.
  assert.ok(ja.some((t) => /[\u3040-\u30ff]/.test(t)) && !en.some((t) => /[\u3040-\u30ff\u0e00-\u0e7f]/.test(t)));
  assert.ok(th.filter((t) => /[\u0e00-\u0e7f]/.test(t)).length > th.length / 2);
});

test('a language that is not here is said in one that is, loaded, then said in its own words', async () => {
  checkout.initSync({ module: readFileSync(new URL('../../dist/omise_checkout_bg.wasm', import.meta.url)), texts: { en } });
  const i = KEYS.indexOf('processing');
  assert.equal(checkout.message('processing', 'en'), en[i]);
  // Thai is not here yet: English meanwhile, and Thai is asked for.
  assert.equal(checkout.message('processing', 'th'), en[i]);
  const deadline = Date.now() + 5000;
  while (checkout.message('processing', 'th') === en[i] && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  assert.equal(checkout.message('processing', 'th'), th[i]);
  assert.ok(th.every((t) => t !== undefined));
  answersEvery(checkout, 'th', th);
  // Japanese was never asked for, so it was never loaded.
  assert.equal(checkout.message('processing', 'ja'), en[i]);
});

test('the after-the-charge files: the checkout\'s words for every text that module shows, holes for the rest', () => {
  for (const [code, all, part] of [['en', en, chargeEn], ['ja', ja, chargeJa], ['th', th, chargeTh]]) {
    assert.equal(part.length, KEYS.length, `${code}: indexed like the catalog`);
    let present = 0;
    for (let i = 0; i < KEYS.length; i++) {
      if (part[i] === undefined) continue;
      present++;
      assert.equal(part[i], all[i], `${code} ${KEYS[i]}`);
    }
    // What a return page shows is there (statuses, failures, QR code, konbini, refunds).
    for (const key of ['checking', 'status_successful', 'failure_insufficient_fund', 'qr_expired', 'konbini_awaiting', 'refund_pending', 'network_error']) {
      assert.equal(part[KEYS.indexOf(key)], all[KEYS.indexOf(key)], `${code} ${key}`);
    }
    // The card form's and the picker's texts are not.
    assert.equal(part[KEYS.indexOf('label_number')], undefined, `${code}: label_number`);
    assert.ok(present > 40 && present < KEYS.length - 40, `${code}: ${present} of ${KEYS.length}`);
  }
  // The same messages in every language.
  const holes = (a) => Array.from(a, (t) => t === undefined);
  assert.deepEqual(holes(chargeJa), holes(chargeEn));
  assert.deepEqual(holes(chargeTh), holes(chargeEn));
});

test('the after-the-charge module given English answers Thai in English, loads Thai, then answers in Thai', async () => {
  charge.initSync({ module: readFileSync(new URL('../../dist/omise_checkout_charge_bg.wasm', import.meta.url)), texts: { en: chargeEn } });
  const i = KEYS.indexOf('status_successful');
  assert.equal(charge.message('status_successful', 'en'), chargeEn[i]);
  assert.equal(charge.message('status_successful', 'th'), chargeEn[i], 'English while Thai is on its way');
  const deadline = Date.now() + 5000;
  while (charge.message('status_successful', 'th') === chargeEn[i] && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  answersEvery(charge, 'th', chargeTh);
  // pollStatus in Japanese, which is not here: Japanese is loaded and the outcome said in it (no
  // window in Node, so every request fails at once; the e2e suite sees the view wait for it).
  const checkoutJa = new charge.OmiseCheckout({ publicKey: 'pkey_test_5x0example', locale: 'ja' });
  const outcome = await checkoutJa.pollStatus({ statusUrl: '/status', interval: 1, maxWait: 1 });
  assert.equal(outcome.state, 'pending');
  assert.match(outcome.message ?? '', /[\u3040-\u30ff\u4e00-\u9fff]/, `in Japanese: ${JSON.stringify(outcome)}`);
  assert.equal(charge.message('checking', 'ja'), chargeJa[KEYS.indexOf('checking')]);
});

// The after-the-charge views' texts (QR code, konbini instructions), which the status module
// never shows.
const VIEW_TEXTS = ['qr_scan', 'qr_scan_phone', 'qr_save', 'qr_time_left', 'qr_minutes_left', 'qr_expired', 'qr_new', 'label_amount', 'konbini_pay_by', 'konbini_how', 'konbini_awaiting'];

test('the return page\'s files: the after-the-charge files without the QR code\'s and konbini\'s texts', () => {
  for (const [code, charged, part] of [['en', chargeEn, statusEn], ['ja', chargeJa, statusJa], ['th', chargeTh, statusTh]]) {
    assert.equal(part.length, KEYS.length, `${code}: indexed like the catalog`);
    for (const [i, key] of KEYS.entries()) {
      const want = VIEW_TEXTS.includes(key) ? undefined : charged[i];
      assert.equal(part[i], want, `${code} ${key}`);
    }
    assert.ok(VIEW_TEXTS.every((key) => charged[KEYS.indexOf(key)] !== undefined), `${code}: the charge module's files keep them`);
  }
});

test('the return page\'s module: the charge module without handleCharge and authorize, with its own texts files', async () => {
  status.initSync({ module: readFileSync(new URL('../../dist/omise_checkout_status_bg.wasm', import.meta.url)), texts: { en: statusEn } });
  const page = new status.OmiseCheckout({ publicKey: 'pkey_test_5x0example', locale: 'th' });
  assert.equal(typeof page.pollStatus, 'function');
  assert.equal(typeof page.statusMessage, 'function');
  assert.equal(page.handleCharge, undefined, 'no QR or konbini views on a return page');
  assert.equal(page.authorize, undefined);
  assert.equal(typeof status.refundMessage, 'function');
  // Thai is not here: said in English meanwhile, then loaded from its texts file.
  const i = KEYS.indexOf('status_failed');
  assert.equal(status.message('status_failed', 'th'), statusEn[i], 'English while Thai is on its way');
  const outcome = await page.pollStatus({ statusUrl: '/status', interval: 1, maxWait: 1 });
  assert.equal(outcome.state, 'pending');
  assert.match(outcome.message ?? '', /[\u0e00-\u0e7f]/, `in Thai: ${JSON.stringify(outcome)}`);
  answersEvery(status, 'th', statusTh);
  for (const key of VIEW_TEXTS) assert.equal(status.message(key, 'th'), undefined, `${key}: not in the return page's module`);
  assert.deepEqual(status.refundMessage('successful', 'th'), charge.refundMessage('successful', 'th'));
});
