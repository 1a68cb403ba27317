// statusMessage in Node (e.g. a merchant's server rendering the confirmation e-mail in the
// customer's language with the same catalog).
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

checkout.initSync({ module: readFileSync(new URL('../../dist/omise_checkout_bg.wasm', import.meta.url)), texts: { en, ja, th } });
charge.initSync({ module: readFileSync(new URL('../../dist/omise_checkout_charge_bg.wasm', import.meta.url)), texts: { en: chargeEn, ja: chargeJa, th: chargeTh } });
// The return page's module, with its own texts files.
status.initSync({ module: readFileSync(new URL('../../dist/omise_checkout_status_bg.wasm', import.meta.url)), texts: { en: statusEn, ja: statusJa, th: statusTh } });

// The same checks against every module that exports these functions.
for (const [module, omise] of [['omise-checkout', checkout], ['omise-checkout/charge', charge], ['omise-checkout/status', status]]) {

  test(`${module}: SPEC §3 texts, verbatim, in en / ja / th`, () => {
    const rows = [
      ['successful', 'en', 'success', 'Your payment is confirmed and your order is complete.'],
      ['successful', 'ja', 'success', 'お支払いが確認され、ご注文が完了しました。'],
      ['successful', 'th', 'success', 'ยืนยันการชำระเงินแล้ว คำสั่งซื้อของคุณเสร็จสมบูรณ์'],
      ['pending', 'en', 'pending', 'Your order was received and is awaiting payment confirmation.'],
      ['chargeable', 'ja', 'pending', 'ご注文を受け付けました。お支払いの確認をお待ちしています。'],
      ['pending', 'th', 'pending', 'ได้รับคำสั่งซื้อของคุณแล้ว กำลังรอการยืนยันการชำระเงิน'],
      ['failed', 'en', 'failure', "Your payment failed and your order couldn't be processed."],
      ['expired', 'ja', 'failure', 'お支払いに失敗したため、ご注文を処理できませんでした。'],
      ['canceled', 'th', 'failure', 'การชำระเงินไม่สำเร็จ จึงไม่สามารถดำเนินการคำสั่งซื้อของคุณได้'],
    ];
    for (const [status, locale, kind, text] of rows) {
      assert.deepEqual(omise.statusMessage(status, undefined, locale), { kind, text }, `${status} ${locale}`);
    }
  });

  test(`${module}: failure codes get their own advice; unknown or hostile codes a generic text`, () => {
    const insufficient = omise.statusMessage('failed', 'insufficient_fund', 'en').text;
    assert.match(insufficient, /balance|limit/i);
    assert.equal(omise.statusMessage('failed', 'insufficient_balance', 'en').text, insufficient);
    const generic = omise.statusMessage('failed', 'something_new', 'en').text;
    assert.notEqual(generic, insufficient);
    assert.equal(omise.statusMessage('failed', '<img src=x onerror=alert(1)>', 'en').text, generic);
    assert.equal(omise.statusMessage({ status: 'failed', failure_code: 'payment_rejected' }, undefined, 'th-TH').kind, 'failure');
    assert.equal(omise.statusMessage('successful', undefined, 'fr-CH').text, 'Your payment is confirmed and your order is complete.');
  });
}
