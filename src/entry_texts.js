// The texts of a module whose wasm carries none (src/words.rs), one language at a time, and the
// `init` / `initSync` around wasm-bindgen's glue that hand them over: shared by the checkout
// module's entry (src/checkout_entry.js), the after-the-charge module's (src/charge_entry.js)
// and the return page's (src/status_entry.js); esbuild puts a copy in each. The glue reads only
// `module_or_path` / `module` of the options object: ours pass through.

const LOCALES = ['en', 'ja', 'th'];

/** The options object, if `input` is one (else wasm-bindgen's deprecated plain argument). */
export const options = (input) => (input && Object.getPrototypeOf(input) === Object.prototype ? input : {});

/** The language the module will most likely show: the asked tag's, else the browser's, else en. */
function likely(asked) {
  const nav = globalThis.navigator;
  for (const tag of [asked, ...(nav?.languages ?? []), nav?.language]) {
    const i = LOCALES.indexOf(String(tag).trim().toLowerCase().split(/[-_]/)[0]);
    if (i >= 0) return i;
  }
  return 0;
}

/**
 * A module's `init` and `initSync`. `texts` is `[locale][message]` (a language's array once it
 * is here); the wasm gets it with `want(i)`, what it calls for a language it lacks (settles once
 * that one is here, never rejects). `init({ locale?, texts? })` loads the language the module
 * will most likely show beside the wasm, in parallel, unless the page gave `texts: { en?, ja?,
 * th? }`; `initSync` takes what it is given, and a language is loaded when first shown.
 * @param glue `{ init, initSync }` of wasm-bindgen's glue
 * @param setTexts the wasm's `__omiseTexts(texts, want)`
 * @param importers the languages' `import()`s with literal paths, in LOCALES order (bundlers and
 *   the browser resolve them next to the entry)
 * @param arrived called when a language arrives after the wasm has its texts
 */
export function entry(glue, setTexts, importers, arrived = () => {}) {
  const texts = [];
  const loading = [];
  let started = false;
  const load = (i) =>
    (loading[i] ||= importers[i]().then(
      (m) => {
        texts[i] = m.default;
        if (started) arrived();
      },
      (e) => {
        // Asked again by the next view that needs it (the shopper may be back online).
        loading[i] = 0;
        throw e;
      },
    ));
  const take = ({ texts: given }) => {
    LOCALES.forEach((code, i) => {
      if (Array.isArray(given?.[code])) texts[i] = given[code];
    });
    return texts.length > 0;
  };
  const start = (exports) => {
    setTexts(texts, (i) => load(i).catch(() => {}));
    started = true;
    return exports;
  };
  return {
    async init(input) {
      const o = options(input);
      const [exports] = await Promise.all([glue.init(input), take(o) || load(likely(o.locale))]);
      return start(exports);
    },
    initSync(input) {
      const exports = glue.initSync(input);
      take(options(input));
      return start(exports);
    },
  };
}
