// The package's validators in Node: ESM import + initSync with the wasm bytes, as server-side
// code reuses the same rules. Runs against the built dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as checkout from '../../dist/omise_checkout.js';
import * as validators from '../../dist/omise_checkout_validators.js';
import en from '../../dist/omise_checkout_texts_en.js';
import ja from '../../dist/omise_checkout_texts_ja.js';
import th from '../../dist/omise_checkout_texts_th.js';

checkout.initSync({ module: readFileSync(new URL('../../dist/omise_checkout_bg.wasm', import.meta.url)), texts: { en, ja, th } });
validators.initSync({ module: readFileSync(new URL('../../dist/omise_checkout_validators_bg.wasm', import.meta.url)) });

// The same checks against every module that exports these functions.
for (const [module, omise] of [['omise-checkout', checkout], ['omise-checkout/validators', validators]]) {

  test(`${module}: validateCardNumber returns a plain object with the SPEC fields`, () => {
    assert.deepEqual(omise.validateCardNumber('4242424242424242'), {
      state: 'valid', brand: 'visa', candidates: ['visa'], formatted: '4242 4242 4242 4242', securityCodeLength: 3,
    });
    assert.deepEqual(omise.validateCardNumber('6447032400000000001').brand, 'discover');
    assert.equal(omise.validateCardNumber('37').state, 'incomplete');
    assert.equal(omise.validateCardNumber('4242 4242 4242 4241').code, 'invalid');
    assert.equal(omise.validateCardNumber('abc').state, 'invalid');
    assert.equal(omise.validateCardNumber('x'.repeat(1_000_000)).state, 'invalid');
  });

  test(`${module}: full-width digits from a Japanese IME`, () => {
    const r = omise.validateCardNumber('４２４２\u3000４２４２\u3000４２４２\u3000４２４２');
    assert.equal(r.state, 'valid');
    assert.equal(r.formatted, '4242 4242 4242 4242');
  });

  test(`${module}: formatCardNumber keeps the caret on its digit`, () => {
    assert.deepEqual(omise.formatCardNumber('4242 42|4 4242'.replace('|', ''), 7), { value: '4242 4244 242', caret: 7 });
    assert.deepEqual(omise.formatExpiry('4', 1), { value: '04 / ', caret: 5 });
  });

  test(`${module}: validateExpiry with and without today`, () => {
    assert.deepEqual(omise.validateExpiry('12/28', { year: 2026, month: 11 }),
      { state: 'valid', month: 12, year: 2028, formatted: '12 / 28' });
    assert.equal(omise.validateExpiry('11/26', { year: 2026, month: 11 }).state, 'valid');
    assert.equal(omise.validateExpiry('10/26', { year: 2026, month: 11 }).code, 'expired');
    assert.equal(omise.validateExpiry('01/00').code, 'expired');
    assert.throws(() => omise.validateExpiry('12/28', { year: 'soon' }), /today must be/);
  });

  test(`${module}: validateSecurityCode and validateName`, () => {
    assert.deepEqual(omise.validateSecurityCode('1234', 'amex'), { state: 'valid' });
    assert.deepEqual(omise.validateSecurityCode('123', 'amex'), { state: 'incomplete', code: 'incomplete' });
    assert.deepEqual(omise.validateSecurityCode('1234', 'visa'), { state: 'invalid', code: 'too_long' });
    assert.deepEqual(omise.validateName(''), { state: 'incomplete', code: 'required' });
    assert.deepEqual(omise.validateName('4111 1111 1111 1111'), { state: 'invalid', code: 'looks_like_card_number' });
  });

  // Every export takes `unknown` at runtime: the glue used to hand a number, `null` or an object
  // to the wasm as a broken string (`RuntimeError: memory access out of bounds`).
  const odd = () => [
    ['true', true], ['false', false], ['object', {}], ['array', ['4242']], ['null', null],
    ['undefined', undefined], ['symbol', Symbol('4242')], ['BigInt', 4242424242424242n],
    ['fraction', 4242.5], ['negative', -4242], ['NaN', NaN], ['Infinity', Infinity],
    ['unsafe integer', 2 ** 60], ['function', () => '4242'], ['String object', new String('4242')],
    ['proxy that throws', new Proxy({}, { get() { throw new Error('trap'); } })],
  ];

  test(`${module}: a whole number is read as its digits`, () => {
    assert.deepEqual(omise.validateCardNumber(4111111111111111), {
      state: 'valid', brand: 'visa', candidates: ['visa'], formatted: '4111 1111 1111 1111', securityCodeLength: 3,
    });
    assert.equal(omise.validateCardNumber(6221558812340000).brand, 'unionpay');
    assert.deepEqual(omise.validateExpiry(927, { year: 2026, month: 11 }),
      { state: 'valid', month: 9, year: 2027, formatted: '09 / 27' });
    assert.deepEqual(omise.validateSecurityCode(123, 'visa'), { state: 'valid' });
    assert.equal(omise.validateName(4242424242424242).code, 'looks_like_card_number');
    assert.deepEqual(omise.formatCardNumber(42424), { value: '4242 4', caret: 6 });
    assert.deepEqual(omise.formatExpiry(1228, 4), { value: '12 / 28', caret: 7 });
  });

  test(`${module}: validators answer invalid for anything that is not text, and never trap`, () => {
    for (const [label, value] of odd()) {
      assert.deepEqual(omise.validateCardNumber(value), {
        state: 'invalid', code: 'invalid', brand: null, candidates: [], formatted: '', securityCodeLength: 3,
      }, label);
      assert.deepEqual(omise.validateExpiry(value, { year: 2026, month: 11 }),
        { state: 'invalid', code: 'invalid', formatted: '' }, label);
      assert.deepEqual(omise.validateSecurityCode(value), { state: 'invalid', code: 'invalid' }, label);
      assert.deepEqual(omise.validateName(value), { state: 'invalid', code: 'invalid' }, label);
      // An odd brand is an unknown one (3–4 digits); a caret that is not a number is the end of
      // the input (a number is clamped to it).
      assert.deepEqual(omise.validateSecurityCode('1234', value), { state: 'valid' }, label);
      const caret = typeof value === 'number' ? (value > 0 ? 6 : 0) : 6;
      assert.deepEqual(omise.formatCardNumber('42424', value), { value: '4242 4', caret }, label);
    }
    // The call after all of those still works: nothing was corrupted.
    assert.equal(omise.validateCardNumber('4242 4242 4242 4242').state, 'valid');
  });

  test(`${module}: formatters throw a clean TypeError for anything that is not text`, () => {
    for (const [label, value] of odd()) {
      assert.throws(() => omise.formatCardNumber(value, 0), { name: 'TypeError', message: /^formatCardNumber: input must be a string/ }, label);
      assert.throws(() => omise.formatExpiry(value, 0), { name: 'TypeError', message: /^formatExpiry: input must be a string/ }, label);
    }
  });

  // The checkout module only (the validators module has no OmiseCheckout).
  if (omise.OmiseCheckout) test(`${module}: OmiseCheckout options of any shape throw an Error with a code`, () => {
    for (const [label, value] of odd().filter(([, v]) => typeof v !== 'object' || v === null)) {
      assert.throws(() => new omise.OmiseCheckout(value), { code: 'invalid_options' }, label);
    }
    assert.throws(() => new omise.OmiseCheckout({ publicKey: 4242 }), { code: 'invalid_key' });
    assert.throws(() => new omise.OmiseCheckout({ get publicKey() { throw new Error('getter'); } }), { code: 'invalid_key' });
    assert.throws(() => new omise.OmiseCheckout(new Proxy({}, { get() { throw new Error('trap'); } })), { code: 'invalid_key' });
    assert.throws(() => new omise.OmiseCheckout({ publicKey: 'pkey_test_1', transport: 'fetch', vaultUrl: 443 }), { code: 'insecure_endpoint' });
    assert.throws(() => new omise.OmiseCheckout({ publicKey: 'pkey_test_1', transport: 'fetch', get apiUrl() { throw new Error('getter'); } }), { code: 'insecure_endpoint' });
    assert.throws(() => new omise.OmiseCheckout({ publicKey: 'pkey_test_1', transport: 1 }), { code: 'invalid_transport' });
  });

  // The checkout module only (the validators module has no OmiseCheckout).
  if (omise.OmiseCheckout) test(`${module}: createToken reports unreadable card fields as invalid, without a request`, async () => {
    const checkout = new omise.OmiseCheckout({
      publicKey: 'pkey_test_1', transport: 'fetch', vaultUrl: 'http://127.0.0.1:9', apiUrl: 'http://127.0.0.1:9', locale: 'en',
    });
    const card = { name: 'TARO YAMADA', number: '4242424242424242', expiration_month: 12, expiration_year: 2031, security_code: '123' };
    const fieldOf = { name: 'name', number: 'number', expiration_month: 'expiry', expiration_year: 'expiry', security_code: 'securityCode' };
    for (const key of Object.keys(card)) {
      for (const [label, value] of odd().filter(([, v]) => v != null)) {
        const { error } = await checkout.createToken({ ...card, [key]: value });
        assert.equal(error.code, 'validation_error', `${key} = ${label}`);
        assert.deepEqual(error.fields.map((f) => [f.field, f.code]), [[fieldOf[key], 'invalid']], `${key} = ${label}`);
      }
    }
    for (const value of [42, null, undefined, true, Symbol('card'), 42n]) {
      const { error } = await checkout.createToken(value);
      assert.equal(error.code, 'validation_error', String(value?.toString?.()));
    }
  });

  // The checkout module only (the validators module has no OmiseCheckout).
  if (omise.OmiseCheckout) test(`${module}: statusMessage, message and setLocale take any value too`, () => {
    for (const [label, value] of odd()) {
      assert.equal(omise.statusMessage('failed', undefined, value).kind, 'failure', label);
      assert.equal(omise.message(value), undefined, label);
      assert.equal(typeof omise.message('processing', value), 'string', label);
      const checkout = new omise.OmiseCheckout({ publicKey: 'pkey_test_1', transport: 'fetch', locale: 'ja' });
      assert.equal(checkout.statusMessage('failed', undefined, value).kind, 'failure', label);
      checkout.setLocale(value);
      assert.ok(['en', 'ja', 'th'].includes(checkout.locale), label);
    }
  });
}
