// The after-the-charge module's entry (scripts/build.sh bundles it with wasm-bindgen's glue
// into dist/omise_checkout_charge.js). Its wasm carries no texts (src/words.rs): the checkout
// module that loads it hands over its own and its loader, or, on a page that loads it alone (a
// return page), `init` loads the language the page will most likely show (its `locale` option,
// else the browser's) from omise_checkout_charge_texts_<locale>.js beside the wasm, in
// parallel; a view in another language waits for it (`want`) before it is drawn.
// The glue reads only `module_or_path` / `module` of the options object: ours pass through.
import init, { initSync as initWasm, __omiseTexts } from './omise_checkout_charge_glue.js';
import { languages, likely, options } from './entry_texts.js';

export * from './omise_checkout_charge_glue.js';

const { texts, load, take, want } = languages(
  [
    () => import('./omise_checkout_charge_texts_en.js'),
    () => import('./omise_checkout_charge_texts_ja.js'),
    () => import('./omise_checkout_charge_texts_th.js'),
  ],
  () => {},
);

export default async function initCharge(input) {
  const o = options(input);
  if (Array.isArray(o.__shared)) {
    // Loaded by the checkout module: its texts and its loader (src/lazy_charge.rs).
    const exports = await init(input);
    __omiseTexts(...o.__shared);
    return exports;
  }
  const [exports] = await Promise.all([init(input), take(o) || load(likely(o.locale))]);
  __omiseTexts(texts, want);
  return exports;
}

export function initSync(input) {
  const exports = initWasm(input);
  // Without texts, a language is loaded when something is first shown in it.
  take(options(input));
  __omiseTexts(texts, want);
  return exports;
}
