// The checkout module's entry (scripts/build.sh bundles it with wasm-bindgen's glue into
// dist/omise_checkout.js). Its wasm carries no texts (src/words.rs): they come one language at
// a time from omise_checkout_texts_<locale>.js. `init` loads the language the checkout will
// most likely show (its `locale` option, else the browser's) beside the wasm, in parallel; a
// view shown in another language asks for it and is said again when it arrives.
import init, { initSync as initWasm, __omiseTexts, __omiseTextsArrived } from './omise_checkout_glue.js';
import { entry } from './entry_texts.js';

export * from './omise_checkout_glue.js';

const checkout = entry(
  { init, initSync: initWasm },
  __omiseTexts,
  [
    () => import('./omise_checkout_texts_en.js'),
    () => import('./omise_checkout_texts_ja.js'),
    () => import('./omise_checkout_texts_th.js'),
  ],
  // The wasm reads `texts`: a language that arrives now is said again on screen.
  __omiseTextsArrived,
);

export default checkout.init;
export const initSync = checkout.initSync;
