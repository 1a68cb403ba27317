// One cold start: module import → wasm fetched and instantiated → form mounted → `ready`.
// The page is loaded in a fresh browser context each time (no HTTP or code cache).
const t0 = performance.now();
const { default: init, OmiseCheckout } = await import('/dist/omise_checkout.js');
const t1 = performance.now();
await init();
const t2 = performance.now();
const checkout = new OmiseCheckout({ publicKey: 'pkey_test_bench', vaultUrl: location.origin, apiUrl: location.origin });
const form = checkout.mountCardForm('#mount');
form.on('ready', () => {
  const t3 = performance.now();
  window.__cold = { import: t1 - t0, init: t2 - t1, mount: t3 - t2, total: t3 - t0, sinceNavigation: t3 };
});
