// The package's validators in Node: ESM import + initSync with the wasm bytes, as server-side
// code reuses the same rules. Runs against the built dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as omise from '../../dist/omise_checkout.js';

omise.initSync({ module: readFileSync(new URL('../../dist/omise_checkout_bg.wasm', import.meta.url)) });

test('validateCardNumber returns a plain object with the SPEC fields', () => {
  assert.deepEqual(omise.validateCardNumber('4242424242424242'), {
    state: 'valid', brand: 'visa', candidates: ['visa'], formatted: '4242 4242 4242 4242', securityCodeLength: 3,
  });
  assert.deepEqual(omise.validateCardNumber('6447032400000000001').brand, 'discover');
  assert.equal(omise.validateCardNumber('37').state, 'incomplete');
  assert.equal(omise.validateCardNumber('4242 4242 4242 4241').code, 'invalid');
  assert.equal(omise.validateCardNumber('abc').state, 'invalid');
  assert.equal(omise.validateCardNumber('x'.repeat(1_000_000)).state, 'invalid');
});

test('full-width digits from a Japanese IME', () => {
  const r = omise.validateCardNumber('４２４２\u3000４２４２\u3000４２４２\u3000４２４２');
  assert.equal(r.state, 'valid');
  assert.equal(r.formatted, '4242 4242 4242 4242');
});

test('formatCardNumber keeps the caret on its digit', () => {
  assert.deepEqual(omise.formatCardNumber('4242 42|4 4242'.replace('|', ''), 7), { value: '4242 4244 242', caret: 7 });
  assert.deepEqual(omise.formatExpiry('4', 1), { value: '04 / ', caret: 5 });
});

test('validateExpiry with and without today', () => {
  assert.deepEqual(omise.validateExpiry('12/28', { year: 2026, month: 11 }),
    { state: 'valid', month: 12, year: 2028, formatted: '12 / 28' });
  assert.equal(omise.validateExpiry('11/26', { year: 2026, month: 11 }).state, 'valid');
  assert.equal(omise.validateExpiry('10/26', { year: 2026, month: 11 }).code, 'expired');
  assert.equal(omise.validateExpiry('01/00').code, 'expired');
  assert.throws(() => omise.validateExpiry('12/28', { year: 'soon' }), /today must be/);
});

test('validateSecurityCode and validateName', () => {
  assert.deepEqual(omise.validateSecurityCode('1234', 'amex'), { state: 'valid' });
  assert.deepEqual(omise.validateSecurityCode('123', 'amex'), { state: 'incomplete', code: 'incomplete' });
  assert.deepEqual(omise.validateSecurityCode('1234', 'visa'), { state: 'invalid', code: 'too_long' });
  assert.deepEqual(omise.validateName(''), { state: 'incomplete', code: 'required' });
  assert.deepEqual(omise.validateName('4111 1111 1111 1111'), { state: 'invalid', code: 'looks_like_card_number' });
});
