// The after-the-charge module's entry (scripts/build.sh bundles it with wasm-bindgen's glue
// into dist/omise_checkout_charge.js). Its wasm carries no texts (src/words.rs): the checkout
// module that loads it hands over its own and its loader, or, on a page that loads it alone (a
// return page), `init` loads the language the page will most likely show (its `locale` option,
// else the browser's) from omise_checkout_charge_texts_<locale>.js beside the wasm, in
// parallel; a view in another language waits for it before it is drawn.
import init, { initSync as initWasm, __omiseTexts } from './omise_checkout_charge_glue.js';
import { entry, options } from './entry_texts.js';

export * from './omise_checkout_charge_glue.js';

const charge = entry({ init, initSync: initWasm }, __omiseTexts, [
  () => import('./omise_checkout_charge_texts_en.js'),
  () => import('./omise_checkout_charge_texts_ja.js'),
  () => import('./omise_checkout_charge_texts_th.js'),
]);

export default async function initCharge(input) {
  const shared = options(input).__shared;
  if (Array.isArray(shared)) {
    // Loaded by the checkout module: its texts and its loader (src/lazy_charge.rs).
    const exports = await init(input);
    __omiseTexts(...shared);
    return exports;
  }
  return charge.init(input);
}

export const initSync = charge.initSync;
