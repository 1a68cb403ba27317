// The texts of a module whose wasm carries none (src/words.rs), one language at a time:
// shared by the checkout module's entry (src/checkout_entry.js) and the after-the-charge
// module's (src/charge_entry.js); esbuild puts a copy in each.

const LOCALES = ['en', 'ja', 'th'];

/** The options object, if `input` is one (else wasm-bindgen's deprecated plain argument). */
export const options = (input) => (input && Object.getPrototypeOf(input) === Object.prototype ? input : {});

/**
 * A module's languages: `texts` ([locale][message], a language's array once it is here), `load(i)`
 * (imports language `i` once; `arrived()` after), `take(options)` (`texts: { en?, ja?, th? }`
 * given by the page; true if any) and `want(i)`, what the wasm calls for a language it lacks:
 * settles once it is here, never rejects.
 * @param {Array<() => Promise<{ default: string[] }>>} importers literal paths, in LOCALES order
 * (bundlers and the browser resolve them next to the entry)
 */
export function languages(importers, arrived) {
  const texts = [];
  const loading = [];
  const load = (i) =>
    (loading[i] ||= importers[i]().then(
      (m) => {
        texts[i] = m.default;
        arrived();
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
  return { texts, load, take, want: (i) => load(i).catch(() => {}) };
}

/** The language the module will most likely show: the asked tag's, else the browser's, else en. */
export function likely(asked) {
  const nav = globalThis.navigator;
  for (const tag of [asked, ...(nav?.languages ?? []), nav?.language]) {
    const i = LOCALES.indexOf(String(tag).trim().toLowerCase().split(/[-_]/)[0]);
    if (i >= 0) return i;
  }
  return 0;
}
