// The return page's module (scripts/build.sh bundles it with wasm-bindgen's glue into
// dist/omise_checkout_status.js): pollStatus, statusMessage, refundMessage, message, without the
// after-the-charge module's handleCharge views (QR code, konbini) and authorize, which only the
// checkout page uses. Its wasm carries no texts (src/words.rs): `init` loads the language the
// page will most likely show (its `locale` option, else the browser's) from
// omise_checkout_status_texts_<locale>.js (the after-the-charge module's texts without the QR
// code's and konbini's) beside the wasm, in parallel; a view in another language waits for it
// before it is drawn.
import init, { initSync as initWasm, __omiseTexts } from './omise_checkout_status_glue.js';
import { entry } from './entry_texts.js';

export * from './omise_checkout_status_glue.js';

const status = entry({ init, initSync: initWasm }, __omiseTexts, [
  () => import('./omise_checkout_status_texts_en.js'),
  () => import('./omise_checkout_status_texts_ja.js'),
  () => import('./omise_checkout_status_texts_th.js'),
]);

export default status.init;
export const initSync = status.initSync;
