// Blanks the data only a panic message would show, in a module whose panics trap unread:
//   node scripts/strip-panic-data.mjs <module>_bg.wasm      (after strip-fmt.mjs, names intact)
// - every `core::panic::Location` (`{ file: &str, line: u32, col: u32 }`, 16 bytes: a pointer
//   and a length naming a `….rs` path, a line and a column) becomes zeros, and so do the paths
//   they named (all zeros, wasm-opt drops the Location's bytes too: a pointer of 1 for an empty
//   name kept 75 one-byte segments and cost 0.19 KB more);
// - the texts of core's and alloc's panic messages ("index out of bounds: the len is ", …)
//   become zeros, each where it is found exactly once.
// Why nothing can read them: the shipped panic handler traps without reading its `PanicInfo`
// (src/lib.rs); the messages' texts are only read by `core::fmt::write`, which this script
// first checks is not in the module (as strip-fmt.mjs does; if it is, nothing is changed and
// the build says so); and the only other readers of a `Location` among the dependencies
// (wasm-bindgen's `unwrap_throw` message, talc's borrow tracking) exist with debug assertions
// only, never in the release profile this runs on. wasm-opt's memory packing then drops the
// zero runs: −0.85 KB gzip on the checkout module, −0.4 KB on the charge module, −0.28 KB on
// the validators (rustc's `-Zlocation-detail=none` would do the first part, on nightly only).
// STRIP_PANIC_VERBOSE=1 lists what it blanked.
import { readFileSync, writeFileSync } from 'node:fs';
import { activeSegments, formatters, functionNames } from './wasm-module.mjs';

const path = process.argv[2];
const file = path.split('/').pop();
const bytes = Buffer.from(readFileSync(path));

const names = functionNames(bytes);
if (names.size === 0) {
  console.error(`strip-panic-data: ${file} has no function names; left as it is`);
  process.exit(0);
}
const formats = formatters(names);
if (formats.length > 0) {
  console.error(`strip-panic-data: ${file} formats at run time (${formats.join(', ')}); left as it is`);
  process.exit(0);
}

const segments = activeSegments(bytes);
/** Where `length` bytes at memory `address` are in the file, or -1 if not all in one segment. */
const at = (address, length) => {
  const s = segments.find((s) => address >= s.address && address + length <= s.address + s.size);
  return s ? s.pos + (address - s.address) : -1;
};
const blank = new Map(); // file position → length
const verbose = (text) => process.env.STRIP_PANIC_VERBOSE && console.error(`  ${text}`);

let locations = 0;
for (const s of segments) {
  // Locations are 4-byte aligned in memory.
  for (let offset = (4 - (s.address % 4)) % 4; offset + 16 <= s.size; offset += 4) {
    const p = s.pos + offset;
    const [pointer, length, line, column] = [0, 4, 8, 12].map((k) => bytes.readUInt32LE(p + k));
    if (length < 4 || length > 300 || line < 1 || line > 1_000_000 || column < 1 || column > 10_000) continue;
    const text = at(pointer, length);
    if (text < 0) continue;
    const name = bytes.subarray(text, text + length).toString('latin1');
    if (!/^[\x20-\x7e]+\.rs$/.test(name)) continue;
    bytes.fill(0, p, p + 16);
    blank.set(text, length);
    locations++;
    verbose(`${name}:${line}:${column}`);
  }
}

// The texts core and alloc put around a panic's numbers (their `fmt::Arguments` pieces).
const PIECES = [
  'index out of bounds: the len is ', ' but the index is ', 'slice index starts at ', ' but ends at ',
  'range start index ', ' out of range for slice of length ', 'range end index ', 'memory allocation of ',
  ' bytes failed', 'insertion index (is ', ') should be <= len (is ', 'removal index (is ',
  ') should be < len (is ', 'capacity overflow', 'Tried to shrink to a larger capacity',
];
let pieces = 0;
for (const piece of PIECES) {
  const needle = Buffer.from(piece, 'latin1');
  const first = bytes.indexOf(needle);
  if (first < 0 || bytes.indexOf(needle, first + 1) >= 0) continue;
  if (!segments.some((s) => first >= s.pos && first + needle.length <= s.pos + s.size)) continue;
  blank.set(first, needle.length);
  pieces++;
  verbose(JSON.stringify(piece));
}

let blanked = 0;
for (const [position, length] of blank) {
  bytes.fill(0, position, position + length);
  blanked += length;
}
try {
  new WebAssembly.Module(bytes);
} catch (error) {
  console.error(`strip-panic-data: the module does not validate: ${error.message}`);
  process.exit(1);
}
writeFileSync(path, bytes);
console.error(`strip-panic-data: ${locations} panic locations and ${pieces} message texts blanked (${blanked} bytes of text) in ${file}`);
