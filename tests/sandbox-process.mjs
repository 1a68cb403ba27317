// A sandbox process for the Node-side suites (e2e, the official client's flows, bench): the
// sandbox binary on a free port serving www/ and a dist directory, with a small JSON client.
// No import of the package here, so the bench can serve a copy of dist/.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const ROOT = new URL('../', import.meta.url).pathname;

/** The sandbox binary: OMISE_SANDBOX_BIN, else the debug build of CARGO_TARGET_DIR or target/. */
function sandboxBinary() {
  const candidates = [
    process.env.OMISE_SANDBOX_BIN,
    process.env.CARGO_TARGET_DIR && `${process.env.CARGO_TARGET_DIR}/debug/omise-sandbox`,
    `${ROOT}target/debug/omise-sandbox`,
  ].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`no sandbox binary (build it: cargo build -p omise-sandbox); looked at ${candidates.join(', ')}`);
  return found;
}

export async function startSandbox({ dist = 'dist', extra = [], env = {} } = {}) {
  const child = spawn(sandboxBinary(), ['--port', '0', '--quiet', '--www', 'www', '--dist', dist, ...extra], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env },
  });
  let timer;
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/omise-sandbox listening on (http:\/\/\S+)/);
      if (m) resolve(m[1]);
    });
    child.on('exit', (c) => reject(new Error(`sandbox exited with ${c}: ${out}`)));
    timer = setTimeout(() => reject(new Error('sandbox did not start in 10 s')), 10_000);
  }).finally(() => clearTimeout(timer));
  const api = async (method, path, body) => {
    const res = await fetch(url + path, {
      method, headers: body ? { 'Content-Type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    try { return JSON.parse(text); } catch { return text; }
  };
  return { url, api, stop: () => child.kill() };
}
