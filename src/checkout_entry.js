// The checkout module's entry (scripts/build.sh bundles it with wasm-bindgen's glue into
// dist/omise_checkout.js). Its wasm carries no texts (src/words.rs): they come one language at
// a time from omise_checkout_texts_<locale>.js. `init` loads the language the checkout will
// most likely show (its `locale` option, else the browser's) beside the wasm, in parallel; a
// view shown in another language asks for it (`want`) and is said again when it arrives.
// The glue reads only `module_or_path` / `module` of the options object: ours pass through.
import init, { initSync as initWasm, __omiseTexts, __omiseTextsArrived } from './omise_checkout_glue.js';
import { languages, likely, options } from './entry_texts.js';

export * from './omise_checkout_glue.js';

/** The wasm reads `texts`: a language that arrives now is said again on screen. */
let started;
const { texts, load, take, want } = languages(
  [
    () => import('./omise_checkout_texts_en.js'),
    () => import('./omise_checkout_texts_ja.js'),
    () => import('./omise_checkout_texts_th.js'),
  ],
  () => started && __omiseTextsArrived(),
);

function start(exports) {
  __omiseTexts(texts, want);
  started = true;
  return exports;
}

export default async function initCheckout(input) {
  const o = options(input);
  const [exports] = await Promise.all([init(input), take(o) || load(likely(o.locale))]);
  return start(exports);
}

export function initSync(input) {
  const exports = initWasm(input);
  // Without texts, a language is loaded when something is first shown in it.
  take(options(input));
  return start(exports);
}
