// One cold start: module import → wasm fetched and instantiated → form mounted → `ready`.
// The page is loaded in a fresh browser context each time (no HTTP or code cache). It reports
// its result itself, as one console line (`bench:result {json}`) that bench/run.mjs reads with
// page.on('console'): nothing is evaluated in the page while it is being measured.
// cold.html is the plain page; cold-preload.html adds the preload recipe (modulepreload of the
// JS, preload of the wasm) to the head, so the downloads start before this module runs: there
// `import` starts later but finds its files on the way, and navigation → ready is the figure
// to compare.
const t0 = performance.now();
const report = (result) => console.log(`bench:result ${JSON.stringify(result)}`);
try {
  const { default: init, OmiseCheckout } = await import('/dist/omise_checkout.js');
  const t1 = performance.now();
  await init();
  const t2 = performance.now();
  const checkout = new OmiseCheckout({ publicKey: 'pkey_test_bench', vaultUrl: location.origin, apiUrl: location.origin });
  const form = checkout.mountCardForm('#mount');
  form.on('ready', () => {
    const t3 = performance.now();
    const pageStart = window.__benchPageStart ?? 0;
    report({ pageStart, start: t0, import: t1 - t0, init: t2 - t1, mount: t3 - t2, total: t3 - t0, sinceNavigation: t3, sincePage: t3 - pageStart });
  });
} catch (e) {
  report({ error: String(e && e.stack || e) });
}
