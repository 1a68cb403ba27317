// The checkout module's texts, one language at a time (src/words.rs, src/checkout_entry.js):
// each omise_checkout_texts_<locale>.js has every message of the catalog; the module answers
// from what it was given, says a missing language in one it has while that one is loaded, and
// answers in it once it is here. Its own process: the module's texts are per page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as checkout from '../../dist/omise_checkout.js';
import en from '../../dist/omise_checkout_texts_en.js';
import ja from '../../dist/omise_checkout_texts_ja.js';
import th from '../../dist/omise_checkout_texts_th.js';

const dts = readFileSync(new URL('../../dist/omise_checkout.d.ts', import.meta.url), 'utf8');
const KEYS = [...dts.match(/export type MessageKey = ([^;]+);/)[1].matchAll(/"([a-z0-9_]+)"/g)].map((m) => m[1]);

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
  for (const [k, key] of KEYS.entries()) assert.equal(checkout.message(key, 'th'), th[k], key);
  // Japanese was never asked for, so it was never loaded.
  assert.equal(checkout.message('processing', 'ja'), en[i]);
});
