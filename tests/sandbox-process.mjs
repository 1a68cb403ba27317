// A sandbox process for the Node-side suites (e2e, bench): `target/debug/omise-sandbox` on a
// free port serving www/ and a dist directory, with a small JSON client. No import of the
// package here, so the bench can serve a copy of dist/.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const ROOT = new URL('../', import.meta.url).pathname;

export async function startSandbox({ dist = 'dist', extra = [], env = {} } = {}) {
  const bin = `${ROOT}target/debug/omise-sandbox`;
  if (!existsSync(bin)) throw new Error('target/debug/omise-sandbox is missing: cargo build -p omise-sandbox');
  const child = spawn(bin, ['--port', '0', '--quiet', '--www', 'www', '--dist', dist, ...extra], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env },
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/omise-sandbox listening on (http:\/\/\S+)/);
      if (m) resolve(m[1]);
    });
    child.on('exit', (c) => reject(new Error(`sandbox exited with ${c}: ${out}`)));
    setTimeout(() => reject(new Error('sandbox did not start in 10 s')), 10_000);
  });
  const api = async (method, path, body) => {
    const res = await fetch(url + path, {
      method, headers: body ? { 'Content-Type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    try { return JSON.parse(text); } catch { return text; }
  };
  return { url, api, stop: () => child.kill() };
}
