// Tokenize latency against a local sandbox on another origin (as a merchant's page and the
// vault are): the vault's provider page (the default transport: an iframe, postMessage,
// JSON-RPC, then the provider's own request) against a `fetch` from the page. For each: the
// first token right after the form mounts (the provider iframe is still loading), then `n`
// tokens one after another.
import init, { OmiseCheckout } from '/dist/omise_checkout.js';
import { summarize } from '/bench/stats.mjs';

await init();
const params = new URLSearchParams(location.search);
const vault = params.get('vault');
const key = params.get('key');
const card = { name: 'BENCH', number: '4242424242424242', expiration_month: 12, expiration_year: 2030, security_code: '123' };

async function measure(transport, n) {
  const checkout = new OmiseCheckout({ publicKey: key, vaultUrl: vault, apiUrl: vault, transport });
  const t0 = performance.now();
  const form = checkout.mountCardForm('#mount');
  const first = await checkout.createToken(card);
  const firstMs = performance.now() - t0;
  if (!first.token) throw new Error(`${transport}: ${JSON.stringify(first)}`);
  const samples = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = await checkout.createToken(card);
    samples.push(performance.now() - t);
    if (!r.token) throw new Error(`${transport}: ${JSON.stringify(r)}`);
  }
  form.destroy();
  checkout.destroy();
  return { firstAfterMountMs: firstMs, ...summarize(samples) };
}

window.bench = {
  async run(n) {
    // Interleaved rounds so both transports see the same machine.
    const out = { provider: [], fetch: [] };
    for (let round = 0; round < 2; round++) {
      for (const t of ['provider', 'fetch']) out[t].push(await measure(t, n / 2));
    }
    const merge = (list) => ({
      firstAfterMountMs: Math.max(...list.map((r) => r.firstAfterMountMs)),
      median: (list[0].median + list[1].median) / 2,
      p95: Math.max(...list.map((r) => r.p95)),
      n: list.reduce((a, r) => a + r.n, 0),
    });
    return { provider: merge(out.provider), fetch: merge(out.fetch) };
  },
};
window.benchReady = true;
