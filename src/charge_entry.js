// The after-the-charge module's entry (scripts/build.sh bundles it with wasm-bindgen's glue
// into dist/omise_checkout_charge.js). Its wasm carries no texts (src/words.rs): `init` gives
// it the checkout module's when that module loads it (`{ texts }`), or fetches
// omise_checkout_texts.js beside the wasm (a return page; in parallel, no extra round trip).
import init, { initSync as initWasm, __omiseTexts } from './omise_checkout_charge_glue.js';

export * from './omise_checkout_charge_glue.js';

/** `{ module_or_path?, texts? }` or wasm-bindgen's own argument → the glue's and the texts. */
function split(input, key) {
  if (input && Object.getPrototypeOf(input) === Object.prototype) {
    const { texts, [key]: wasm } = input;
    return { wasm: wasm === undefined ? undefined : { [key]: wasm }, texts };
  }
  return { wasm: input, texts: undefined };
}

export default async function initCharge(input) {
  const { wasm, texts } = split(input, 'module_or_path');
  const [exports, words] = await Promise.all([
    init(wasm),
    texts ?? import('./omise_checkout_texts.js').then((m) => m.default),
  ]);
  __omiseTexts(words);
  return exports;
}

export function initSync(input) {
  const { wasm, texts } = split(input, 'module');
  if (!texts) {
    throw new TypeError(
      "omise-checkout/charge: initSync needs { module, texts }: import texts from 'omise-checkout/charge-texts'",
    );
  }
  const exports = initWasm(wasm);
  __omiseTexts(texts);
  return exports;
}
