// Gives a wasm-bindgen module's internal names short ones, in the wasm and in its glue together:
//   node scripts/short-names.mjs <module>_bg.wasm <module>.js <module>_bg.wasm.d.ts
// wasm-bindgen names every import `__wbg_<method>_<16 hex digits>` under the module
// "./<module>_bg.js" and exports closure shims as `wasm_bindgen__convert__closures_____invoke__h…`;
// the hashes are random to gzip (about 10 bytes each, twice: once in the wasm, once in the JS).
// Nothing outside the glue sees these names: the glue builds the import object and reads
// `wasm.<export>`. The public API (the glue's own exports, the classes' methods) is untouched, and
// so are the names a snippet module exports (the wasm imports them from that module by name)
// and the wasm's `memory`.
// Every rename is checked: a name the glue does not use the expected number of times stops the
// build rather than ship a module whose import object does not match.
import { readFileSync, writeFileSync } from 'node:fs';

const [wasmPath, jsPath, dtsPath] = process.argv.slice(2);
const bytes = readFileSync(wasmPath);
let js = readFileSync(jsPath, 'utf8');
let dts = dtsPath ? readFileSync(dtsPath, 'utf8') : null;

function fail(message) {
  console.error(`short-names: ${message}`);
  process.exit(1);
}

let pos = 0;
function u32() {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    if (!(byte & 0x80)) return result;
    shift += 7;
  }
}
function name() {
  const length = u32();
  const text = bytes.subarray(pos, pos + length).toString('utf8');
  pos += length;
  return text;
}
function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}
function encodeName(text) {
  const raw = Buffer.from(text, 'utf8');
  return Buffer.concat([leb(raw.length), raw]);
}
// Skips an import's description (function type, table, memory or global), returning its bytes.
function limits() {
  const flags = bytes[pos++];
  u32();
  if (flags & 1) u32();
}
function importDescription() {
  const start = pos;
  const kind = bytes[pos++];
  if (kind === 0) u32();
  else if (kind === 1) {
    pos++; // reference type
    limits();
  } else if (kind === 2) limits();
  else if (kind === 3) pos += 2; // value type, mutability
  else fail(`unknown import kind ${kind}`);
  return bytes.subarray(start, pos);
}

// Short names: valid JS identifiers and object keys, none shorter than the glue's own needs.
const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
function shortName(n) {
  let out = '';
  do {
    out += letters[n % letters.length];
    n = Math.floor(n / letters.length);
  } while (n);
  return out;
}

const glueModule = `./${jsPath.split('/').pop().replace(/\.js$/, '')}_bg.js`;
const moduleNames = new Map();
const importNames = new Map();
const exportNames = new Map();

if (bytes.readUInt32LE(0) !== 0x6d736100) fail(`${wasmPath} is not a wasm module`);
pos = 8;
const sections = [];
while (pos < bytes.length) {
  const id = bytes[pos++];
  const size = u32();
  const start = pos;
  const end = pos + size;
  if (id === 2) {
    const count = u32();
    const parts = [leb(count)];
    for (let i = 0; i < count; i++) {
      const module = name();
      const field = name();
      const description = importDescription();
      if (!moduleNames.has(module)) moduleNames.set(module, `${moduleNames.size}`);
      let newField = field;
      // The glue's own functions can be renamed; a snippet's exports keep their names.
      if (module === glueModule) {
        if (!importNames.has(field)) importNames.set(field, shortName(importNames.size));
        newField = importNames.get(field);
      }
      parts.push(encodeName(moduleNames.get(module)), encodeName(newField), description);
    }
    sections.push(id, parts);
  } else if (id === 7) {
    const count = u32();
    const parts = [leb(count)];
    for (let i = 0; i < count; i++) {
      const field = name();
      const start = pos;
      pos++;
      u32();
      const description = bytes.subarray(start, pos);
      // `memory` keeps its name: `init()` resolves to the exports, and pages read
      // `(await init()).memory` (the bench does, for the wasm memory's size).
      const short = field === 'memory' ? field : shortName(exportNames.size);
      if (short !== field) exportNames.set(field, short);
      parts.push(encodeName(short), description);
    }
    sections.push(id, parts);
  } else {
    sections.push(id, [bytes.subarray(start, end)]);
  }
  pos = end;
}
if (!moduleNames.has(glueModule)) fail(`no imports from ${glueModule} in ${wasmPath}`);

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function renameOnce(pattern, replacement, what) {
  const found = [...js.matchAll(new RegExp(pattern.source, 'g'))].length;
  if (found !== 1) fail(`${what} is used ${found} times in ${jsPath}, expected once`);
  js = js.replace(pattern, replacement);
}
// An import's name is the key of its function in the glue's import object, and nothing else.
for (const [long, short] of importNames) {
  const anywhere = (js.match(new RegExp(`\\b${escape(long)}\\b`, 'g')) || []).length;
  if (anywhere !== 1) fail(`import ${long} appears ${anywhere} times in ${jsPath}, expected once`);
  renameOnce(new RegExp(`\\b${escape(long)}(\\s*:)`), `${short}$1`, `import ${long}`);
}
for (const [module, short] of moduleNames) {
  renameOnce(new RegExp(`"${escape(module)}"(\\s*:)`), `"${short}"$1`, `module ${module}`);
}
// Exports are read only as `wasm.<name>` (the glue's public functions of the same name keep
// theirs); a two-step rename so that a new name is never mistaken for an old one.
if (/\bwasm\[/.test(js)) fail(`${jsPath} reads wasm exports by computed name`);
for (const [long, short] of exportNames) {
  js = js.replace(new RegExp(`\\bwasm\\.${escape(long)}\\b`, 'g'), `wasm.\u0000${short}`);
  if (dts) dts = dts.replace(new RegExp(`(export const )${escape(long)}\\b`), `$1\u0000${short}`);
}
js = js.replaceAll('\u0000', '');
if (dts) dts = dts.replaceAll('\u0000', '');
const unread = [...exportNames].filter(([, short]) => !new RegExp(`\\bwasm\\.${short}\\b`).test(js));
if (unread.length > 0) console.error(`short-names: exports the glue never reads: ${unread.map(([long]) => long).join(', ')}`);

const out = [bytes.subarray(0, 8)];
for (let i = 0; i < sections.length; i += 2) {
  const body = Buffer.concat(sections[i + 1]);
  out.push(Buffer.from([sections[i]]), leb(body.length), body);
}
const result = Buffer.concat(out);
// The renamed module must still be valid and import exactly what the glue now provides.
try {
  new WebAssembly.Module(result);
} catch (error) {
  fail(`the renamed module does not validate: ${error.message}`);
}
writeFileSync(wasmPath, result);
writeFileSync(jsPath, js);
if (dts) writeFileSync(dtsPath, dts);
console.error(
  `short-names: ${importNames.size} imports, ${exportNames.size} exports, ${moduleNames.size} modules renamed in ${wasmPath.split('/').pop()}`,
);
