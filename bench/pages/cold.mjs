// One cold start: module import → wasm fetched and instantiated → form mounted → `ready`.
// The page is loaded in a fresh browser context each time (no HTTP or code cache).
// `?parallel`: the wasm download starts together with the JS import instead of after it (the
// integration the README recommends when start-up time matters).
const parallel = new URLSearchParams(location.search).has('parallel');
const t0 = performance.now();
const wasm = parallel ? fetch(new URL('/dist/omise_checkout_bg.wasm', location.href)) : undefined;
const { default: init, OmiseCheckout } = await import('/dist/omise_checkout.js');
const t1 = performance.now();
await init(wasm && { module_or_path: wasm });
const t2 = performance.now();
const checkout = new OmiseCheckout({ publicKey: 'pkey_test_bench', vaultUrl: location.origin, apiUrl: location.origin });
const form = checkout.mountCardForm('#mount');
form.on('ready', () => {
  const t3 = performance.now();
  window.__cold = { import: t1 - t0, init: t2 - t1, mount: t3 - t2, total: t3 - t0, sinceNavigation: t3 };
});
