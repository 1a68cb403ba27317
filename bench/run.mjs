// `npm run bench`: measures the built package (dist/, or BENCH_DIST) in headless Chromium and
// prints a table; writes bench/results.json. Never a pass/fail test: it reports where we stand
// against the targets of issues 6 and 16. Methodology: bench/README.md.
import { createServer } from 'node:http';
import { readFileSync, writeFileSync, mkdirSync, existsSync, readdirSync, statSync, copyFileSync } from 'node:fs';
import { extname, join, normalize, resolve, relative, sep } from 'node:path';
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';
import { cpus } from 'node:os';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { summarize } from './pages/stats.mjs';
import { startSandbox as startSandboxProcess } from '../tests/sandbox-process.mjs';

const ROOT = new URL('../', import.meta.url).pathname;
const BENCH = join(ROOT, 'bench');
// The directory served as /dist/. Another build can rewrite dist/ while the bench runs; point
// this at a private copy (`cp -r dist /tmp/bench-dist`) to measure one build throughout.
const DIST = resolve(process.env.BENCH_DIST || join(ROOT, 'dist'));
const BUDGET = JSON.parse(readFileSync(join(BENCH, 'budget.json'), 'utf8'));
const TEN_MINUTES = 600_000;
const COLD_LOADS = Number(process.env.BENCH_COLD_LOADS || 30);
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES || 5000);
// How long the second keystroke run leaves its page alone before typing.
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS || 1000);
const VALIDATOR_INPUTS = Number(process.env.BENCH_VALIDATOR_INPUTS || 100_000);
const CYCLES = Number(process.env.BENCH_CYCLES || 1000);
const TOKENS = Number(process.env.BENCH_TOKENS || 50);
// Comma-separated subset of sections to run (sizes, cold, keystrokes, validators, memory,
// polling, tokenize); all by default.
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((s) => s.trim())) : null;
const wanted = (name) => !ONLY || ONLY.has(name);

const TARGETS = {
  // Per module, from bench/budget.json (issue 16): checkout ≤ 45 KB, charge ≤ 25 KB,
  // validators ≤ 15 KB gzip -9.
  moduleGzip: Object.fromEntries(Object.entries(BUDGET.modules).map(([name, m]) => [name, m.gzipBudget])),
  coldStartMedianMs: 50,
  // Time to a usable card form, median: the peer's over ours (issue 16).
  coldStartVsBraintree: 2,
  coldStartVsAdyen: 4,
  keystrokeP99Ms: 1,
  // Own code per keystroke, without the browser's focus move (issue 16).
  keystrokeOwnCodeP99Ms: 0.2,
  validatorRatio: 1,
  pollingRatio: 1 / 5,
};

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json',
};

// ---------------------------------------------------------------------------------------------
// The page server: dist/ (BENCH_DIST) and the bench pages, cross-origin isolated (precise
// timers), no cache (every cold load really downloads), and a status endpoint that always
// answers `pending`. Every request is logged (`server.log`), so a load can count what it
// fetched (the preload check of section 2).

function serve() {
  const mounts = [['/dist/', DIST], ['/bench/build/', join(BENCH, '.build')], ['/bench/', join(BENCH, 'pages')]];
  const log = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    log.push(url.pathname);
    const headers = {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    };
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204, headers);
      res.end();
      return;
    }
    if (url.pathname === '/status') {
      res.writeHead(200, { ...headers, 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ object: 'charge', id: 'chrg_test_bench', status: 'pending', failure_code: null }));
      return;
    }
    const mount = mounts.find(([prefix]) => url.pathname.startsWith(prefix));
    const file = mount && normalize(join(mount[1], url.pathname.slice(mount[0].length)));
    if (!mount || !file.startsWith(mount[1]) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, headers);
      res.end('not found');
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': MIME[extname(file)] || 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  server.log = log;
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...(process.env.BENCH_JS_FLAGS ? [`--js-flags=${process.env.BENCH_JS_FLAGS}`] : [])] });
}

/** The sandbox of section 7 (the e2e tests' own, serving BENCH_DIST). */
const startSandbox = () => startSandboxProcess({ dist: DIST });

// ---------------------------------------------------------------------------------------------
// 1. Bytes the browser downloads, per module of bench/budget.json: whole files, gzip -9 and
// brotli q11 (Node's zlib).

const DOWNLOADED = /\.(m?js|wasm|css)$/;

function compressed(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length,
  };
}

function sum(rows) {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const r of rows) for (const k of Object.keys(total)) total[k] += r[k] ?? 0;
  return total;
}

/** Files under `dir`, as paths relative to it with `/` separators. */
function listFiles(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

// `*` within a path segment, `**` across segments (`**` and a slash also match no directory).
function glob(pattern) {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    if (pattern.startsWith('**/', i)) { re += '(?:.*/)?'; i += 2; }
    else if (pattern.startsWith('**', i)) { re += '.*'; i += 1; }
    else if (pattern[i] === '*') re += '[^/]*';
    else re += pattern[i].replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function sizes() {
  const present = listFiles(DIST).filter((f) => DOWNLOADED.test(f));
  const claimed = new Set();
  const fileRow = (file) => ({ file, ...compressed(readFileSync(join(DIST, file))) });
  const modules = {};
  for (const [name, m] of Object.entries(BUDGET.modules)) {
    const rows = [];
    const missing = [];
    for (const f of m.files) {
      if (existsSync(join(DIST, f))) rows.push(fileRow(f));
      else missing.push(f);
      claimed.add(f);
    }
    // Files of which the browser downloads one (the texts of one language): the largest counts.
    for (const group of m.oneOf ?? []) {
      const there = group.filter((f) => existsSync(join(DIST, f)));
      for (const f of group) claimed.add(f);
      if (there.length < group.length) missing.push(...group.filter((f) => !there.includes(f)));
      if (there.length === 0) continue;
      const largest = there.map(fileRow).sort((a, b) => b.gzip - a.gzip)[0];
      rows.push({ ...largest, oneOf: group });
    }
    for (const pattern of m.include ?? []) {
      const re = glob(pattern);
      for (const f of present) {
        if (re.test(f) && !claimed.has(f)) {
          rows.push({ ...fileRow(f), included: pattern });
          claimed.add(f);
        }
      }
    }
    const total = sum(rows);
    const expected = m.files.length + (m.oneOf ?? []).flat().length;
    const status = missing.length === 0 ? 'built' : missing.length === expected ? 'not built' : 'partly built';
    modules[name] = {
      description: m.description, status, files: rows, missing, total, gzipBudget: m.gzipBudget,
      // Positive: over the budget by that many bytes; negative: under it.
      overBudget: status === 'not built' ? null : total.gzip - m.gzipBudget,
    };
  }
  const unattributed = present.filter((f) => !claimed.has(f)).map(fileRow);
  // Each file once (a file can count in two modules: the charge module's on the checkout page
  // and on a return page).
  const all = [...new Map([...Object.values(modules).flatMap((m) => m.files), ...unattributed].map((f) => [f.file, f])).values()];
  return { dist: DIST, modules, unattributed, package: { files: all.length, ...sum(all) } };
}

// ---------------------------------------------------------------------------------------------
// 2. Cold start and peers: a fresh browser context per load (no HTTP cache, no code cache).
// The measured page reports its own result as a console line (`bench:result {json}`), read here
// with page.on('console'): no evaluate or waitForFunction runs in the page before the result
// is in (Playwright's injected script would land inside the measured window).

const PEER_DIR = join(BENCH, '.build', 'peers');

function packageVersion(name) {
  return JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/** The peers' files, built as a page would get them; `{ error }` for a peer that can't be. */
async function buildPeers() {
  mkdirSync(PEER_DIR, { recursive: true });
  const peers = {};
  try {
    // Braintree's CDN serves client.min.js and hosted-fields.min.js; the npm package ships the
    // same bundles unminified (dist/browser/*.js): minified here, without bundling.
    const files = [];
    for (const name of ['client', 'hosted-fields']) {
      const source = join(ROOT, 'node_modules/braintree-web/dist/browser', `${name}.js`);
      const out = `braintree-${name}.min.js`;
      await build({ entryPoints: [source], bundle: false, minify: true, outfile: join(PEER_DIR, out), logLevel: 'error' });
      files.push({ file: out, from: `braintree-web/dist/browser/${name}.js`, unminified: compressed(readFileSync(source)) });
    }
    peers.braintree = { package: 'braintree-web', version: packageVersion('braintree-web'), page: '/bench/peer-braintree.html', files };
  } catch (e) {
    peers.braintree = { package: 'braintree-web', error: String(e.message || e) };
  }
  try {
    // What a merchant's bundler makes of `import { AdyenCheckout, Card } from '@adyen/adyen-web'`
    // (ES build, tree-shaken, minified) and the package's stylesheet.
    await build({
      stdin: { contents: "export { AdyenCheckout, Card } from '@adyen/adyen-web';\n", resolveDir: ROOT, loader: 'js' },
      bundle: true, format: 'esm', platform: 'browser', minify: true, outfile: join(PEER_DIR, 'adyen.js'), logLevel: 'error',
    });
    copyFileSync(join(ROOT, 'node_modules/@adyen/adyen-web/styles/adyen.css'), join(PEER_DIR, 'adyen.css'));
    peers.adyen = {
      package: '@adyen/adyen-web', version: packageVersion('@adyen/adyen-web'), page: '/bench/peer-adyen.html',
      files: [{ file: 'adyen.js', from: "esbuild bundle of { AdyenCheckout, Card }" }, { file: 'adyen.css', from: '@adyen/adyen-web/styles/adyen.css' }],
    };
  } catch (e) {
    peers.adyen = { package: '@adyen/adyen-web', error: String(e.message || e) };
  }
  for (const peer of Object.values(peers)) {
    if (peer.error) continue;
    for (const f of peer.files) Object.assign(f, compressed(readFileSync(join(PEER_DIR, f.file))));
    peer.size = sum(peer.files);
  }
  return peers;
}

/** One load of `path` in a fresh context: the page's reported result, what it fetched from the
 * bench server and the requests it tried elsewhere (which fail: no network). */
async function load(browser, base, server, path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const external = [];
  const errors = [];
  page.on('requestfailed', (r) => { if (!r.url().startsWith(base)) external.push(r.url().replace(/\?.*/, '')); });
  page.on('pageerror', (e) => errors.push(String(e.message || e)));
  let timer;
  const result = new Promise((resolve) => {
    page.on('console', (m) => {
      const text = m.text();
      if (text.startsWith('bench:result ')) resolve(JSON.parse(text.slice('bench:result '.length)));
    });
    timer = setTimeout(() => resolve({ error: `no result in 20 s${errors.length ? `: ${errors[0]}` : ''}` }), 20_000);
  });
  server.log.length = 0;
  try {
    await page.goto(`${base}${path}`, { waitUntil: 'commit' });
    const r = await result;
    const fetched = {};
    for (const p of server.log) fetched[p] = (fetched[p] ?? 0) + 1;
    return { ...r, fetched, external: [...new Set(external)], pageErrors: errors };
  } finally {
    clearTimeout(timer);
    await context.close();
  }
}

const WASM_PATH = '/dist/omise_checkout_bg.wasm';

function coldReport(list, phases) {
  const ok = list.filter((r) => !r.error);
  const report = { loads: list.length, failed: list.length - ok.length };
  if (report.failed) report.firstError = list.find((r) => r.error).error;
  if (!ok.length) return report;
  for (const key of ['sincePage', 'sinceNavigation', 'total', ...phases]) report[key] = summarize(ok.map((r) => r[key]));
  const timedOut = ok.filter((r) => r.timedOut).length;
  if (timedOut) report.timedOut = timedOut;
  report.fetchedFirstLoad = ok[0].fetched;
  const wasm = ok.map((r) => r.fetched[WASM_PATH] ?? 0);
  report.wasmRequestsPerLoad = { min: Math.min(...wasm), max: Math.max(...wasm) };
  report.external = [...new Set(ok.flatMap((r) => r.external))];
  report.pageErrors = [...new Set(ok.flatMap((r) => r.pageErrors))].slice(0, 5);
  return report;
}

async function coldStart(browser, base, server, { ours, peers }) {
  const variants = {};
  if (ours) {
    variants.plain = { path: '/bench/cold.html', phases: ['import', 'init', 'mount'] };
    variants.preload = { path: '/bench/cold-preload.html', phases: ['import', 'init', 'mount'] };
  }
  if (peers.braintree && !peers.braintree.error) variants.braintree = { path: peers.braintree.page, phases: ['client', 'hostedFields'] };
  if (peers.adyen && !peers.adyen.error) variants.adyen = { path: peers.adyen.page, phases: ['import', 'init', 'mount', 'render'] };
  const runs = Object.fromEntries(Object.keys(variants).map((v) => [v, []]));
  for (let i = 0; i < COLD_LOADS; i++) {
    // Interleaved, so every variant sees the same machine.
    for (const [name, v] of Object.entries(variants)) runs[name].push(await load(browser, base, server, v.path));
  }
  const out = Object.fromEntries(Object.entries(variants).map(([name, v]) => [name, coldReport(runs[name], v.phases)]));
  if (ours) {
    // The preload check: the recipe's wasm preload must be reused by wasm-bindgen's fetch (one
    // request per load); the same preload without `crossorigin` is not (two).
    const check = [];
    for (let i = 0; i < 3; i++) check.push(await load(browser, base, server, '/bench/cold-preload-nocors.html'));
    const counts = (list) => list.map((r) => r.fetched?.[WASM_PATH] ?? 0);
    out.preloadCheck = {
      withCrossorigin: runs.preload.map((r) => r.fetched?.[WASM_PATH] ?? 0),
      withoutCrossorigin: counts(check),
    };
  }
  for (const [name, peer] of Object.entries(peers)) {
    const { files, size, version, package: pkg, error } = peer;
    out[name] = { ...(out[name] ?? {}), package: pkg, version, error: error ?? out[name]?.error, files, size };
  }
  return out;
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
  // The issue's comparison is after the first cycle vs after CYCLES; twice as many again shows
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
const ms = (n) => (typeof n === 'number' ? `${n.toFixed(n < 1 ? 3 : 1)} ms` : '-');
const mark = (ok) => (ok ? 'met' : 'NOT met');
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;

function table(r) {
  const lines = [];
  const row = (...cells) => lines.push(cells.map((c, i) => String(c).padEnd([46, 22, 22, 22][i] ?? 12)).join('').trimEnd());
  // A section that failed (or did not run) prints why, and the rest of the table goes on.
  const section = (value, title, print) => {
    if (value === undefined) return;
    if (value?.error && !value.modules) {
      row(title, `failed: ${String(value.error).split('\n')[0].slice(0, 120)}`);
    } else {
      try { print(value); } catch (e) { row(title, `could not print: ${e.message}`); }
    }
    lines.push('');
  };
  lines.push(`omise-checkout benchmark, ${r.date}, ${r.machine.cpus}× ${r.machine.cpu}, ${r.machine.browser}`);
  lines.push(`dist: ${r.dist}`);
  lines.push('');

  section(r.size, '1. size', (sz) => {
    row('1. size (whole files, budget: gzip -9)', 'raw', 'gzip -9', 'brotli q11');
    for (const [name, m] of Object.entries(sz.modules)) {
      if (m.status === 'not built') {
        row(`   ${name}`, 'not built', `budget ${kb(m.gzipBudget)}`, m.missing.join(', '));
        continue;
      }
      for (const f of m.files) row(`     ${f.file}${f.oneOf ? ` (1 of ${f.oneOf.length})` : ''}`, f.raw, f.gzip, f.brotli);
      const verdict = m.overBudget > 0 ? `over by ${kb(m.overBudget)}` : `under by ${kb(-m.overBudget)}`;
      row(`   ${name}${m.status === 'partly built' ? ' (partly built)' : ''}`, `${m.total.raw} (${kb(m.total.raw)})`, `${m.total.gzip} (${kb(m.total.gzip)})`, `${m.total.brotli} (${kb(m.total.brotli)})`);
      row(`     budget ≤ ${kb(m.gzipBudget)} gzip`, verdict, mark(m.overBudget <= 0 && m.status === 'built'));
      if (m.missing.length) row('     missing', m.missing.join(', '));
    }
    if (sz.unattributed.length) {
      row('   not in any module');
      for (const f of sz.unattributed) row(`     ${f.file}`, f.raw, f.gzip, f.brotli);
    }
    const p = sz.package;
    row(`   whole package (${p.files} files)`, `${p.raw} (${kb(p.raw)})`, `${p.gzip} (${kb(p.gzip)})`, `${p.brotli} (${kb(p.brotli)})`);
  });

  section(r.coldStart, '2. cold start', (c) => {
    row(`2. cold start (${COLD_LOADS} fresh loads each)`, 'median', 'p95', 'min / max');
    const variant = (v, label) => {
      if (!v) return;
      if (!v.total) { row(`   ${label}`, `failed: ${(v.firstError ?? v.error ?? 'no result').split('\n')[0].slice(0, 100)}`); return; }
      row(`   ${label}: page → form ready`, ms(v.sincePage.median), ms(v.sincePage.p95), `${ms(v.sincePage.min)} / ${ms(v.sincePage.max)}`);
      row('     navigation → form ready', ms(v.sinceNavigation.median), ms(v.sinceNavigation.p95), `${ms(v.sinceNavigation.min)} / ${ms(v.sinceNavigation.max)}`);
      row('     import → form ready', ms(v.total.median), ms(v.total.p95), `${ms(v.total.min)} / ${ms(v.total.max)}`);
      row('       of which import JS', ms(v.import.median), ms(v.import.p95));
      row('       of which wasm init', ms(v.init.median), ms(v.init.p95));
      row('       of which mount → ready', ms(v.mount.median), ms(v.mount.p95));
      row('     wasm requests per load', v.wasmRequestsPerLoad.min === v.wasmRequestsPerLoad.max ? v.wasmRequestsPerLoad.min : `${v.wasmRequestsPerLoad.min}–${v.wasmRequestsPerLoad.max}`, v.failed ? `${v.failed} loads failed` : '');
    };
    if (!c.plain) row('   omise-checkout', 'not built: skipped');
    variant(c.plain, 'plain');
    variant(c.preload, 'preload recipe');
    if (c.preloadCheck) row('   wasm preload without crossorigin', `requests/load: ${c.preloadCheck.withoutCrossorigin.join(', ')}`, '(check: not reused)');
    if (c.plain?.total) row('   target ≤ 50 ms median (import → ready)', mark(c.plain.total.median <= TARGETS.coldStartMedianMs));
  });

  section(r.coldStart, '2b. peers', (c) => {
    row('2b. peers: time to a card form', 'page → form, median', 'p95', 'gzip -9 (brotli)');
    const ours = c.plain?.sincePage?.median;
    const oursRow = (v, label) => v?.sincePage && row(`   ${label}`, ms(v.sincePage.median), ms(v.sincePage.p95), r.size?.modules?.checkout ? `${kb(r.size.modules.checkout.total.gzip)} (${kb(r.size.modules.checkout.total.brotli)})` : '');
    oursRow(c.plain, 'omise-checkout, plain');
    oursRow(c.preload, 'omise-checkout, preload recipe');
    const peer = (name, label, target) => {
      const v = c[name];
      if (!v) return;
      if (v.error && !v.total) { row(`   ${label}`, `could not run: ${String(v.error).split('\n')[0].slice(0, 100)}`); return; }
      if (!v.total) { row(`   ${label}`, `failed: ${(v.firstError ?? 'no result').split('\n')[0].slice(0, 100)}`); return; }
      row(`   ${label} ${v.version}`, ms(v.sincePage.median), ms(v.sincePage.p95), `${kb(v.size.gzip)} (${kb(v.size.brotli)})`);
      row('     navigation → form', ms(v.sinceNavigation.median), ms(v.sinceNavigation.p95));
      for (const [phase, s] of Object.entries(v)) {
        if (['import', 'init', 'mount', 'render', 'client', 'hostedFields'].includes(phase)) row(`       of which ${phase}`, ms(s.median), ms(s.p95));
      }
      if (ours) {
        const speed = v.sincePage.median / ours;
        const pre = c.preload?.sincePage ? `preload: ${ratio(v.sincePage.median, c.preload.sincePage.median)}` : '';
        const ourGzip = r.size?.modules?.checkout?.total?.gzip;
        row(`     ours faster by (target ≥ ${target}×)`, `${speed.toFixed(2)}× ${mark(speed >= target)}`, pre, ourGzip ? `size: theirs ${ratio(v.size.gzip, ourGzip)} ours` : '');
      if (v.timedOut) row('     loads that timed out (5 s)', v.timedOut);
      }
      if (v.external?.length) {
        const hosts = [...new Set(v.external.map((u) => new URL(u).host))];
        row('     tried to fetch (no network)', `${v.external.length} URLs`, hosts.join(', '));
      }
    };
    peer('braintree', 'braintree-web', TARGETS.coldStartVsBraintree);
    peer('adyen', '@adyen/adyen-web', TARGETS.coldStartVsAdyen);
    row('   (peers: lower bounds, their iframes need their servers; see bench/README.md)');
  });

  section(r.keystrokes, '3. keystrokes', (k) => {
    row(`3. keystrokes (${k.keystrokes})`, 'median', 'p99', 'max');
    const label = { all: 'all', type: 'typing', delete: 'deleting', paste: 'pasting', inField: 'staying in the field', movingFocus: 'moving focus to the next field' };
    for (const kind of Object.keys(label)) row(`   ${label[kind]} (${k[kind].n})`, ms(k[kind].median), ms(k[kind].p99), ms(k[kind].max));
    row('   target p99 ≤ 1 ms', mark(k.all.p99 <= TARGETS.keystrokeP99Ms), `timer ${k.timerResolution}`);
    const o = k.ownCode;
    if (o) {
      row('   own code, without the focus move');
      row(`     all (${o.all.n})`, ms(o.all.median), ms(o.all.p99), ms(o.all.max));
      row(`     staying in the field (${o.inField.n})`, ms(o.inField.median), ms(o.inField.p99), ms(o.inField.max));
      row(`     moving focus (${o.movingFocus.n})`, ms(o.movingFocus.median), ms(o.movingFocus.p99), ms(o.movingFocus.max));
      row('   focus-move tail: focus() call', ms(o.focusCall.median), ms(o.focusCall.p99), ms(o.focusCall.max));
      row('     of which widget focus listeners', ms(o.focusListeners.median), ms(o.focusListeners.p99), ms(o.focusListeners.max));
      row('     tail by tenth of the sequence', k.tailByTenth ? k.tailByTenth.join(' ') : '');
      const s = k.settled?.ownCode;
      if (s) {
        row(`   own code, typing ${k.settled.settleMs} ms after load`);
        row(`     all (${s.all.n})`, ms(s.all.median), ms(s.all.p99), ms(s.all.max));
        row(`     staying in the field (${s.inField.n})`, ms(s.inField.median), ms(s.inField.p99), ms(s.inField.max));
        row(`     moving focus (${s.movingFocus.n})`, ms(s.movingFocus.median), ms(s.movingFocus.p99), ms(s.movingFocus.max));
        row('     tail by tenth of the sequence', k.settled.tailByTenth.join(' '));
      }
      row('   target own-code p99 ≤ 0.2 ms', `load: ${mark(o.all.p99 <= TARGETS.keystrokeOwnCodeP99Ms)}`, s ? `settled: ${mark(s.all.p99 <= TARGETS.keystrokeOwnCodeP99Ms)}` : '');
    }
  });

  section(r.validators, '4. validators', (v) => {
    row(`4. validateCardNumber (${v.inputs} inputs)`, 'best ms', 'inputs/s', 'vs omise-checkout');
    const ours = v.libraries['omise-checkout'].opsPerSec;
    for (const [name, lib] of Object.entries(v.libraries)) {
      row(`   ${name}${name === 'omise-checkout' ? (v.module === 'omise_checkout.js' ? ' (main module)' : ' (validators)') : ''}`, lib.ms.toFixed(1), Math.round(lib.opsPerSec).toLocaleString('en'), `${(ours / lib.opsPerSec).toFixed(2)}×`);
    }
    row('   target ≥ card-validator', mark(ours >= v.libraries['card-validator'].opsPerSec * TARGETS.validatorRatio));
  });

  section(r.polling, '5. polling', (p) => {
    row('5. polling, 10 min pending', 'requests', 'final state');
    row('   omise-checkout pollStatus', p.widget.requests, p.widget.outcome?.state ?? '-');
    row('   naive setInterval 1 s', p.naive.requests, p.naive.outcome?.state ?? '-');
    row('   ratio (target ≤ 0.20)', p.ratio.toFixed(3), mark(p.ratio <= TARGETS.pollingRatio));
  });

  section(r.memory, '6. memory', (m) => {
    row('6. memory, mount/destroy cycles', 'JS heap used', 'wasm memory', 'DOM nodes / listeners');
    for (const pt of m.points) row(`   after ${pt.cycles}`, kb(pt.jsHeapUsed), kb(pt.wasmMemory), `${pt.domNodes} / ${pt.jsEventListeners}`);
    const signed = (n) => `${n >= 0 ? '+' : ''}${kb(n)}`;
    for (const g of [m.growth, m.afterWarmUp]) {
      row(`   growth ${g.from} → ${g.to}`, signed(g.jsHeapBytes), signed(g.wasmMemoryBytes), `${g.domNodes} / ${g.jsEventListeners}`);
    }
  });

  section(r.tokenize, '7. tokenize', (t) => {
    row(`7. tokenize, localhost (${t.tokens} each)`, 'median', 'p95', 'first after mount');
    row('   provider page (default)', ms(t.provider.median), ms(t.provider.p95), ms(t.provider.firstAfterMountMs));
    row('   fetch', ms(t.fetch.median), ms(t.fetch.p95), ms(t.fetch.firstAfterMountMs));
  });
  return lines.join('\n').trimEnd();
}

/** Runs one section; a failure is recorded (and printed) instead of ending the bench. */
async function run(name, fn) {
  try {
    return await fn();
  } catch (e) {
    process.stderr.write(`bench: ${name} failed: ${e.stack || e}\n`);
    return { error: String(e.message || e) };
  }
}

async function main() {
  const step = (name) => process.stderr.write(`bench: ${name}…\n`);
  // The checkout module is what the browser sections load; without it they are skipped (the
  // size section still reports what is there).
  const ours = ['omise_checkout.js', 'omise_checkout_bg.wasm'].every((f) => existsSync(join(DIST, f)));
  const notBuilt = { error: `not built: ${DIST}/omise_checkout.js or omise_checkout_bg.wasm is missing (npm run build)` };
  const result = {
    date: new Date().toISOString(),
    dist: DIST,
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model?.trim() ?? 'unknown', node: process.version },
    targets: TARGETS,
  };
  if (wanted('sizes')) {
    step('sizes');
    result.size = await run('sizes', sizes);
  }
  mkdirSync(join(BENCH, '.build'), { recursive: true });
  await build({
    stdin: { contents: "export { default as cardValidator } from 'card-validator';\nexport { default as Payment } from 'payment';\n", resolveDir: ROOT, loader: 'js' },
    bundle: true, format: 'esm', platform: 'browser', outfile: join(BENCH, '.build', 'vendor.mjs'), logLevel: 'warning',
  });
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await launch();
  result.machine.browser = `Chromium ${browser.version()}`;
  try {
    if (wanted('cold')) {
      step('peers (building their bundles)');
      const peers = await buildPeers();
      step(`cold start and peers (${COLD_LOADS} loads per variant)`);
      result.coldStart = await run('cold start', () => coldStart(browser, base, server, { ours, peers }));
    }
    if (['keystrokes', 'validators', 'memory'].some(wanted)) {
      if (!ours) {
        for (const s of ['keystrokes', 'validators', 'memory']) if (wanted(s)) result[s] = notBuilt;
      } else {
        const opened = await run('bench page', () => benchPage(browser, base));
        if (opened.error) {
          for (const s of ['keystrokes', 'validators', 'memory']) if (wanted(s)) result[s] = opened;
        } else {
          const { context, page, problems } = opened;
          if (wanted('keystrokes')) {
            step(`keystrokes (${KEYSTROKES})`);
            result.keystrokes = await run('keystrokes', () => page.evaluate((n) => window.bench.keystrokes(n), KEYSTROKES));
            // The same keystrokes on a fresh page left alone for a second first, as a shopper
            // does before typing: right after load the browser is still compiling the module in
            // the background, and that shows as a tail in the first tenth of the sequence.
            step(`keystrokes after ${SETTLE_MS} ms (${KEYSTROKES})`);
            const fresh = await run('bench page', () => benchPage(browser, base));
            if (!fresh.error && result.keystrokes && !result.keystrokes.error) {
              await fresh.page.waitForTimeout(SETTLE_MS);
              const settled = await run('keystrokes', () => fresh.page.evaluate((n) => window.bench.keystrokes(n), KEYSTROKES));
              result.keystrokes.settled = settled.error ? settled : { settleMs: SETTLE_MS, ownCode: settled.ownCode, tailByTenth: settled.tailByTenth };
              await fresh.context.close();
            }
          }
          if (wanted('validators')) {
            step(`validators (${VALIDATOR_INPUTS} inputs)`);
            const separate = existsSync(join(DIST, 'omise_checkout_validators.js')) && existsSync(join(DIST, 'omise_checkout_validators_bg.wasm'));
            result.validators = await run('validators', () => page.evaluate(([n, v]) => window.bench.validators(n, 5, v), [VALIDATOR_INPUTS, separate]));
          }
          if (wanted('memory')) {
            step(`memory (${CYCLES} mount/destroy cycles)`);
            result.memory = await run('memory', () => memory(page));
          }
          if (problems.length) result.pageErrors = problems;
          await context.close();
        }
      }
    }
    if (wanted('polling')) {
      step('polling (simulated 10 minutes, twice)');
      result.polling = ours ? await run('polling', () => polling(browser, base)) : notBuilt;
    }
    if (wanted('tokenize')) {
      step(`tokenize (${TOKENS} tokens per transport)`);
      result.tokenize = ours ? await run('tokenize', () => tokenize(browser, base, startSandbox)) : notBuilt;
    }
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
