// The checkout module's entry (scripts/build.sh bundles it with wasm-bindgen's glue into
// dist/omise_checkout.js). Its wasm carries no texts (src/words.rs): they come one language at
// a time from omise_checkout_texts_<locale>.js. `init` loads the language the checkout will
// most likely show (its `locale` option, else the browser's) beside the wasm, in parallel; a
// view shown in another language asks for it (`want`) and is said again when it arrives.
// The glue reads only `module_or_path` / `module` of the options object: ours pass through.
import init, { initSync as initWasm, __omiseTexts, __omiseTextsArrived } from './omise_checkout_glue.js';

export * from './omise_checkout_glue.js';

const LOCALES = ['en', 'ja', 'th'];
/** [locale][message]: a language's texts once they are here. */
const texts = [];
const loading = [];
/** The wasm reads `texts`: a language that arrives now is said again on screen. */
let started;

// Literal paths: bundlers and the browser resolve them next to this file.
const load = (i) =>
  (loading[i] ||= [
    () => import('./omise_checkout_texts_en.js'),
    () => import('./omise_checkout_texts_ja.js'),
    () => import('./omise_checkout_texts_th.js'),
  ][i]().then(
    (m) => {
      texts[i] = m.default;
      if (started) __omiseTextsArrived();
    },
    (e) => {
      // Asked again by the next view that needs it (the shopper may be back online).
      loading[i] = 0;
      throw e;
    },
  ));

/** The options object, if `input` is one (else wasm-bindgen's deprecated plain argument). */
const options = (input) => (input && Object.getPrototypeOf(input) === Object.prototype ? input : {});

/** `texts: { en?, ja?, th? }`, each the default export of omise-checkout/texts/<locale>. */
function take({ texts: given }) {
  LOCALES.forEach((code, i) => {
    if (Array.isArray(given?.[code])) texts[i] = given[code];
  });
  return texts.length > 0;
}

function start(exports) {
  // What the wasm calls for a language it lacks: settles once it is here, never rejects.
  __omiseTexts(texts, (i) => load(i).catch(() => {}));
  started = true;
  return exports;
}

/** The language `new OmiseCheckout` will pick: the asked tag's, else the browser's, else en. */
function likely(asked) {
  const nav = globalThis.navigator;
  for (const tag of [asked, ...(nav?.languages ?? []), nav?.language]) {
    const i = LOCALES.indexOf(String(tag).trim().toLowerCase().split(/[-_]/)[0]);
    if (i >= 0) return i;
  }
  return 0;
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
