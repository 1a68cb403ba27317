// `npm run bench`: measures the built package (dist/) in headless Chromium and prints a table;
// writes bench/results.json. Never a pass/fail test: it reports where we stand against the
// targets of issue 6. Methodology: bench/README.md.
import { createServer } from 'node:http';
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';
import { cpus } from 'node:os';
import { build } from 'esbuild';
import { summarize } from './pages/stats.mjs';

const ROOT = new URL('../', import.meta.url).pathname;
const BENCH = join(ROOT, 'bench');
const TEN_MINUTES = 600_000;
const COLD_LOADS = Number(process.env.BENCH_COLD_LOADS || 30);
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES || 5000);
const VALIDATOR_INPUTS = Number(process.env.BENCH_VALIDATOR_INPUTS || 100_000);
const CYCLES = Number(process.env.BENCH_CYCLES || 1000);
const TOKENS = Number(process.env.BENCH_TOKENS || 50);

const TARGETS = {
  totalGzip: 60 * 1024,
  coldStartMedianMs: 50,
  keystrokeP99Ms: 1,
  validatorRatio: 1,
  pollingRatio: 1 / 5,
};

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json',
};

// ---------------------------------------------------------------------------------------------
// The page server: dist/ and the bench pages, cross-origin isolated (precise timers), no cache
// (every cold load really downloads), and a status endpoint that always answers `pending`.

function serve() {
  const mounts = [['/dist/', join(ROOT, 'dist')], ['/bench/build/', join(BENCH, '.build')], ['/bench/', join(BENCH, 'pages')]];
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const headers = {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    };
    if (url.pathname === '/status') {
      res.writeHead(200, { ...headers, 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ object: 'charge', id: 'chrg_test_bench', status: 'pending', failure_code: null }));
      return;
    }
    const mount = mounts.find(([prefix]) => url.pathname.startsWith(prefix));
    const file = mount && normalize(join(mount[1], url.pathname.slice(mount[0].length)));
    if (!mount || !file.startsWith(mount[1]) || !existsSync(file)) {
      res.writeHead(404, headers);
      res.end('not found');
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': MIME[extname(file)] || 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ---------------------------------------------------------------------------------------------
// 1. Bytes a checkout page downloads for the widget.

function sizes() {
  const files = { wasm: 'omise_checkout_bg.wasm', js: 'omise_checkout.js', css: 'omise-checkout.css' };
  const out = {};
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const [kind, name] of Object.entries(files)) {
    const bytes = readFileSync(join(ROOT, 'dist', name));
    const row = {
      file: name,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length,
    };
    out[kind] = row;
    for (const k of Object.keys(total)) total[k] += row[k];
  }
  return { ...out, total };
}

// ---------------------------------------------------------------------------------------------
// 2. Cold start: a fresh browser context per load (no HTTP cache, no code cache).

async function coldStart(browser, base) {
  const runs = { sequential: [], parallel: [] };
  for (let i = 0; i < COLD_LOADS; i++) {
    // Interleaved, so both variants see the same machine.
    for (const variant of Object.keys(runs)) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${base}/bench/cold.html${variant === 'parallel' ? '?parallel' : ''}`);
      await page.waitForFunction(() => window.__cold, null, { timeout: 10_000 });
      runs[variant].push(await page.evaluate(() => window.__cold));
      await context.close();
    }
  }
  const report = (list) => {
    const pick = (key) => summarize(list.map((r) => r[key]));
    return { loads: list.length, total: pick('total'), import: pick('import'), init: pick('init'), mount: pick('mount'), sinceNavigation: pick('sinceNavigation') };
  };
  return { ...report(runs.sequential), parallelWasmFetch: report(runs.parallel) };
}

// ---------------------------------------------------------------------------------------------
// 3, 4 and 6 run in one long-lived bench page; 5 needs a fake clock, so it gets its own pages.

async function benchPage(browser, base) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(`${base}/bench/index.html`);
  await page.waitForFunction(() => window.bench?.ready, null, { timeout: 10_000 }).catch(() => {
    throw new Error(`bench page did not load: ${problems.join('; ')}`);
  });
  if (!(await page.evaluate(() => crossOriginIsolated))) console.warn('warning: page is not cross-origin isolated; timers are coarse');
  return { context, page, problems };
}

async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Memory.enable').catch(() => {});
  const measure = async (cyclesDone) => {
    // Let FinalizationRegistry callbacks (wasm-bindgen frees dropped handles) run between GCs.
    for (let i = 0; i < 3; i++) {
      await cdp.send('HeapProfiler.collectGarbage');
      await page.evaluate(() => new Promise((r) => setTimeout(r, 20)));
    }
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    const { wasmMemoryBytes } = await page.evaluate(() => window.bench.cycles(0));
    return { cycles: cyclesDone, jsHeapUsed: heap.usedSize, wasmMemory: wasmMemoryBytes, domNodes: dom.nodes, jsEventListeners: dom.jsEventListeners };
  };
  const points = [];
  let done = 0;
  // The comparison is after the first cycle vs after CYCLES; twice as many again shows
  // whether what grew was warm-up (it stops) or a leak (it keeps growing).
  const checkpoints = [...new Set([1, 10, 100, CYCLES, 2 * CYCLES])].filter((t) => t <= 2 * CYCLES).sort((a, b) => a - b);
  for (const target of checkpoints) {
    await page.evaluate((k) => window.bench.cycles(k), target - done);
    done = target;
    points.push(await measure(done));
  }
  const at = (n) => points.find((p) => p.cycles === n);
  const growth = (a, b) => ({
    from: a.cycles,
    to: b.cycles,
    jsHeapBytes: b.jsHeapUsed - a.jsHeapUsed,
    wasmMemoryBytes: b.wasmMemory - a.wasmMemory,
    domNodes: b.domNodes - a.domNodes,
    jsEventListeners: b.jsEventListeners - a.jsEventListeners,
  });
  return { points, growth: growth(at(1), at(CYCLES)), afterWarmUp: growth(at(CYCLES), at(2 * CYCLES)) };
}

// ---------------------------------------------------------------------------------------------
// 5. Polling cost over a simulated 10-minute pending charge. Playwright's clock fakes Date,
// setTimeout and performance in the page; time is advanced in 100 ms steps, and after each step
// the request in flight (if any) is let finish, so the poller sees the same world as in real
// time, only faster.

async function polling(browser, base) {
  const run = async (start) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.clock.install({ time: new Date('2026-11-23T00:00:00Z') });
    await page.goto(`${base}/bench/index.html`);
    await page.waitForFunction(() => window.bench?.ready, null, { timeout: 10_000, polling: 100 }).catch(async () => {
      // waitForFunction's rAF polling is faked too: fall back to checking by hand.
      for (let i = 0; i < 100 && !(await page.evaluate(() => window.bench?.ready)); i++) await new Promise((r) => setTimeout(r, 50));
    });
    await page.evaluate(([fn, wait]) => window.bench[fn](wait), [start, TEN_MINUTES]);
    let state = await page.evaluate(() => window.bench.settled());
    let elapsed = 0;
    while (!state.outcome && elapsed <= TEN_MINUTES + 60_000) {
      await page.clock.runFor(100);
      elapsed += 100;
      state = await page.evaluate(() => window.bench.settled());
    }
    await context.close();
    return { requests: state.fetches, simulatedMs: elapsed, outcome: state.outcome && { state: state.outcome.state, status: state.outcome.status, kind: state.outcome.kind } };
  };
  const widget = await run('startPoll');
  const naive = await run('startNaive');
  return { widget, naive, ratio: widget.requests / naive.requests };
}

// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// 7. Tokenize latency, provider page vs fetch, against a real sandbox on another origin.

async function tokenize(browser, base, startSandbox) {
  const sandbox = await startSandbox();
  try {
    const { publicKey } = await sandbox.api('POST', '/__sandbox/keys');
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    await page.goto(`${base}/bench/tokenize.html?vault=${encodeURIComponent(sandbox.url)}&key=${publicKey}`);
    await page.waitForFunction(() => window.benchReady, null, { timeout: 10_000 }).catch(() => {
      throw new Error(`tokenize page did not load: ${problems.join('; ')}`);
    });
    const result = await page.evaluate((n) => window.bench.run(n), TOKENS);
    await context.close();
    return { tokens: TOKENS, ...result };
  } finally {
    sandbox.stop();
  }
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(n < 1 ? 3 : 1)} ms`;
const mark = (ok) => (ok ? 'met' : 'NOT met');

function table(r) {
  const lines = [];
  const row = (...cells) => lines.push(cells.map((c, i) => String(c).padEnd([44, 20, 20, 20][i] ?? 12)).join(''));
  lines.push(`omise-checkout benchmark, ${r.date}, ${r.machine.cpus}× ${r.machine.cpu}, ${r.machine.browser}`);
  lines.push('');
  row('1. size', 'raw', 'gzip -9', 'brotli');
  for (const k of ['wasm', 'js', 'css']) row(`   ${r.size[k].file}`, r.size[k].raw, r.size[k].gzip, r.size[k].brotli);
  row('   total', `${r.size.total.raw} (${kb(r.size.total.raw)})`, `${r.size.total.gzip} (${kb(r.size.total.gzip)})`, `${r.size.total.brotli} (${kb(r.size.total.brotli)})`);
  row('   target ≤ 60 KB gzip', mark(r.size.total.gzip <= TARGETS.totalGzip));
  lines.push('');
  const c = r.coldStart;
  row(`2. cold start (${c.loads} fresh loads)`, 'median', 'p95', 'min / max');
  row('   import → form ready', ms(c.total.median), ms(c.total.p95), `${ms(c.total.min)} / ${ms(c.total.max)}`);
  row('     of which import JS', ms(c.import.median), ms(c.import.p95));
  row('     of which wasm init', ms(c.init.median), ms(c.init.p95));
  row('     of which mount → ready', ms(c.mount.median), ms(c.mount.p95));
  row('   navigation → form ready', ms(c.sinceNavigation.median), ms(c.sinceNavigation.p95));
  const p2 = c.parallelWasmFetch;
  row('   wasm fetched alongside the JS', ms(p2.total.median), ms(p2.total.p95), `${ms(p2.total.min)} / ${ms(p2.total.max)}`);
  row('   target ≤ 50 ms median', mark(c.total.median <= TARGETS.coldStartMedianMs));
  lines.push('');
  const k = r.keystrokes;
  row(`3. keystrokes (${k.keystrokes})`, 'median', 'p99', 'max');
  const label = { all: 'all', type: 'typing', delete: 'deleting', paste: 'pasting', inField: 'staying in the field', movingFocus: 'moving focus to the next field' };
  for (const kind of Object.keys(label)) row(`   ${label[kind]} (${k[kind].n})`, ms(k[kind].median), ms(k[kind].p99), ms(k[kind].max));
  row('   target p99 ≤ 1 ms', mark(k.all.p99 <= TARGETS.keystrokeP99Ms), `timer ${k.timerResolution}`);
  lines.push('');
  const v = r.validators;
  row(`4. validateCardNumber (${v.inputs} inputs)`, 'best ms', 'inputs/s', 'vs omise-checkout');
  const ours = v.libraries['omise-checkout'].opsPerSec;
  for (const [name, lib] of Object.entries(v.libraries)) {
    row(`   ${name}`, lib.ms.toFixed(1), Math.round(lib.opsPerSec).toLocaleString('en'), `${(ours / lib.opsPerSec).toFixed(2)}×`);
  }
  row('   target ≥ card-validator', mark(ours >= v.libraries['card-validator'].opsPerSec * TARGETS.validatorRatio));
  lines.push('');
  const p = r.polling;
  row('5. polling, 10 min pending', 'requests', 'final state');
  row('   omise-checkout pollStatus', p.widget.requests, p.widget.outcome?.state ?? '-');
  row('   naive setInterval 1 s', p.naive.requests, p.naive.outcome?.state ?? '-');
  row('   ratio (target ≤ 0.20)', p.ratio.toFixed(3), mark(p.ratio <= TARGETS.pollingRatio));
  lines.push('');
  const m = r.memory;
  row('6. memory, mount/destroy cycles', 'JS heap used', 'wasm memory', 'DOM nodes / listeners');
  for (const pt of m.points) row(`   after ${pt.cycles}`, kb(pt.jsHeapUsed), kb(pt.wasmMemory), `${pt.domNodes} / ${pt.jsEventListeners}`);
  const signed = (n) => `${n >= 0 ? '+' : ''}${kb(n)}`;
  for (const g of [m.growth, m.afterWarmUp]) {
    row(`   growth ${g.from} → ${g.to}`, signed(g.jsHeapBytes), signed(g.wasmMemoryBytes), `${g.domNodes} / ${g.jsEventListeners}`);
  }
  lines.push('');
  const t = r.tokenize;
  row(`7. tokenize, localhost (${t.tokens} each)`, 'median', 'p95', 'first after mount');
  row('   provider page (default)', ms(t.provider.median), ms(t.provider.p95), ms(t.provider.firstAfterMountMs));
  row('   fetch', ms(t.fetch.median), ms(t.fetch.p95), ms(t.fetch.firstAfterMountMs));
  return lines.join('\n');
}

async function main() {
  for (const f of ['omise_checkout_bg.wasm', 'omise_checkout.js', 'omise-checkout.css']) {
    if (!existsSync(join(ROOT, 'dist', f))) throw new Error(`dist/${f} is missing: run npm run build first`);
  }
  // The e2e helpers load the built package on import, so only once it is known to be there.
  const { launch, startSandbox } = await import('../tests/e2e/lib.mjs');
  mkdirSync(join(BENCH, '.build'), { recursive: true });
  await build({
    stdin: { contents: "export { default as cardValidator } from 'card-validator';\nexport { default as Payment } from 'payment';\n", resolveDir: ROOT, loader: 'js' },
    bundle: true, format: 'esm', platform: 'browser', outfile: join(BENCH, '.build', 'vendor.mjs'), logLevel: 'warning',
  });
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await launch();
  const step = (name) => process.stderr.write(`bench: ${name}…\n`);
  try {
    const result = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model?.trim() ?? 'unknown', browser: `Chromium ${browser.version()}`, node: process.version },
      targets: TARGETS,
    };
    step('sizes');
    result.size = sizes();
    step(`cold start (${COLD_LOADS} loads)`);
    result.coldStart = await coldStart(browser, base);
    const { context, page, problems } = await benchPage(browser, base);
    step(`keystrokes (${KEYSTROKES})`);
    result.keystrokes = await page.evaluate((n) => window.bench.keystrokes(n), KEYSTROKES);
    step(`validators (${VALIDATOR_INPUTS} inputs)`);
    result.validators = await page.evaluate((n) => window.bench.validators(n), VALIDATOR_INPUTS);
    step(`memory (${CYCLES} mount/destroy cycles)`);
    result.memory = await memory(page);
    if (problems.length) result.pageErrors = problems;
    await context.close();
    step('polling (simulated 10 minutes, twice)');
    result.polling = await polling(browser, base);
    step(`tokenize (${TOKENS} tokens per transport)`);
    result.tokenize = await tokenize(browser, base, startSandbox);
    writeFileSync(join(BENCH, 'results.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(table(result));
    console.log(`\nwritten: bench/results.json`);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(`bench failed: ${e.stack || e}`);
  process.exit(1);
});
