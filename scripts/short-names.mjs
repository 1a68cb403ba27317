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
import { Reader, assemble, encodeName, leb, sections } from './wasm-module.mjs';

const [wasmPath, jsPath, dtsPath] = process.argv.slice(2);
const bytes = readFileSync(wasmPath);
let js = readFileSync(jsPath, 'utf8');
let dts = dtsPath ? readFileSync(dtsPath, 'utf8') : null;

function fail(message) {
  console.error(`short-names: ${message}`);
  process.exit(1);
}

// Reads an import's description (function type, table, memory or global), returning its bytes.
function importDescription(reader) {
  const start = reader.pos;
  const limits = () => {
    const flags = bytes[reader.pos++];
    reader.u32();
    if (flags & 1) reader.u32();
  };
  const kind = bytes[reader.pos++];
  if (kind === 0) reader.u32();
  else if (kind === 1) {
    reader.pos++; // reference type
    limits();
  } else if (kind === 2) limits();
  else if (kind === 3) reader.pos += 2; // value type, mutability
  else fail(`unknown import kind ${kind}`);
  return reader.since(start);
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

let parsed;
try {
  parsed = sections(bytes);
} catch (error) {
  fail(`${wasmPath}: ${error.message}`);
}
const parts = parsed.map(({ id, start, end }) => {
  const reader = new Reader(bytes, start);
  if (id === 2) {
    const count = reader.u32();
    const out = [leb(count)];
    for (let i = 0; i < count; i++) {
      const module = reader.name();
      const field = reader.name();
      const description = importDescription(reader);
      if (!moduleNames.has(module)) moduleNames.set(module, `${moduleNames.size}`);
      let newField = field;
      // The glue's own functions can be renamed; a snippet's exports keep their names.
      if (module === glueModule) {
        if (!importNames.has(field)) importNames.set(field, shortName(importNames.size));
        newField = importNames.get(field);
      }
      out.push(encodeName(moduleNames.get(module)), encodeName(newField), description);
    }
    return [id, Buffer.concat(out)];
  }
  if (id === 7) {
    const count = reader.u32();
    const out = [leb(count)];
    for (let i = 0; i < count; i++) {
      const field = reader.name();
      const start = reader.pos;
      reader.pos++; // kind
      reader.u32(); // index
      // `memory` keeps its name: `init()` resolves to the exports, and pages read
      // `(await init()).memory` (the bench does, for the wasm memory's size).
      const short = field === 'memory' ? field : shortName(exportNames.size);
      if (short !== field) exportNames.set(field, short);
      out.push(encodeName(short), reader.since(start));
    }
    return [id, Buffer.concat(out)];
  }
  return [id, bytes.subarray(start, end)];
});
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

// The renamed module must still be valid and import exactly what the glue now provides.
let result;
try {
  result = assemble(bytes, parts);
} catch (error) {
  fail(`the renamed module does not validate: ${error.message}`);
}
writeFileSync(wasmPath, result);
writeFileSync(jsPath, js);
if (dts) writeFileSync(dtsPath, dts);
console.error(
  `short-names: ${importNames.size} imports, ${exportNames.size} exports, ${moduleNames.size} modules renamed in ${wasmPath.split('/').pop()}`,
);
