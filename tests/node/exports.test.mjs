// What `init`/`initSync` resolve to, in every module: the wasm's exports with `memory` under its
// own name (scripts/short-names.mjs shortens the glue's internal names, never this one; pages
// read `(await init()).memory`, the bench among them), and the glue still finds every import.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as checkout from '../../dist/omise_checkout.js';
import * as charge from '../../dist/omise_checkout_charge.js';
import * as status from '../../dist/omise_checkout_status.js';
import * as validators from '../../dist/omise_checkout_validators.js';

for (const [name, module] of [['omise_checkout', checkout], ['omise_checkout_charge', charge], ['omise_checkout_status', status], ['omise_checkout_validators', validators]]) {
  test(`${name}: initSync resolves to the exports, memory by its name`, () => {
    const exports = module.initSync({ module: readFileSync(new URL(`../../dist/${name}_bg.wasm`, import.meta.url)) });
    assert.ok(exports.memory instanceof WebAssembly.Memory, 'exports.memory is the wasm memory');
    // scripts/build.sh links a 256 KB stack (not Rust's 1 MB): it is in the memory, and the
    // module starts well under 1 MB.
    const bytes = exports.memory.buffer.byteLength;
    assert.ok(bytes >= 256 << 10 && bytes < 1 << 20, `the 256 KB stack in a memory under 1 MB (${bytes} B)`);
    // The renamed imports: the glue's import object must satisfy every import of the module.
    const wasm = new WebAssembly.Module(readFileSync(new URL(`../../dist/${name}_bg.wasm`, import.meta.url)));
    const names = WebAssembly.Module.imports(wasm).map((i) => i.name);
    assert.ok(names.length > 10);
    assert.ok(names.every((n) => n.length <= 16 || n.startsWith('omise')), `no hashed import names left: ${names.filter((n) => n.length > 16)}`);
  });
}

// What only a panic message would show is not shipped: the panic handler traps without reading
// it, and with LTO (scripts/build.sh: `cargo rustc --crate-type cdylib`) the messages and their
// `Location`s go. A build without LTO (`cargo build` with the crate's two types) names its Rust
// source files here, so this also fails when the build loses LTO.
test('no Rust source path or core panic text in the shipped modules', () => {
  for (const name of ['omise_checkout', 'omise_checkout_charge', 'omise_checkout_status', 'omise_checkout_validators']) {
    const text = readFileSync(new URL(`../../dist/${name}_bg.wasm`, import.meta.url)).toString('latin1');
    assert.doesNotMatch(text, /[\w/-]+\.rs/, `${name}: a source path`);
    assert.doesNotMatch(text, /index out of bounds: the len is |capacity overflow/, `${name}: a panic text`);
  }
});
