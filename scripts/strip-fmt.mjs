// Replaces the bodies of `core::fmt` trait impls (`<u64 as Debug>::fmt`, `<BorrowError as
// Display>::fmt`, …) with `unreachable` in a module that cannot format anything:
//   node scripts/strip-fmt.mjs <module>_bg.wasm        (wasm-bindgen's output, names intact)
// Why they are there at all: panics in `core` (a `RefCell` borrowed twice, an index out of
// bounds) build `fmt::Arguments` whose vtables point at these functions, and the linker keeps
// what a vtable points at. Why they can never run: the only caller of such a function pointer
// is `core::fmt::write` (what `format!`, `write!` and a formatting panic handler go through);
// the shipped panic handler traps without reading its message (src/lib.rs), clippy.toml bans
// formatting in the widget, and this script first checks that no `core::fmt::write` (nor
// `alloc::fmt::format`) is in the module at all. If one ever is, nothing is changed and the build
// says so. wasm-opt then drops what only they used (`Formatter::pad_integral`, the digit tables'
// code, `str::count`): −0.7 KB gzip on the checkout module, −1.3 KB on the charge module.
// STRIP_FMT_VERBOSE=1 lists what it changed.
import { readFileSync, writeFileSync } from 'node:fs';

const path = process.argv[2];
const bytes = readFileSync(path);
let pos = 8;
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
function skipLimits() {
  const flags = bytes[pos++];
  u32();
  if (flags & 1) u32();
}

const sections = [];
while (pos < bytes.length) {
  const headerStart = pos;
  const id = bytes[pos++];
  const size = u32();
  sections.push({ id, headerStart, start: pos, end: pos + size });
  pos += size;
}

// Function indices count imported functions first.
let importedFunctions = 0;
for (const s of sections.filter((s) => s.id === 2)) {
  pos = s.start;
  const count = u32();
  for (let i = 0; i < count; i++) {
    for (let part = 0; part < 2; part++) {
      const length = u32(); // module, then field name
      pos += length;
    }
    const kind = bytes[pos++];
    if (kind === 0) {
      u32();
      importedFunctions++;
    } else if (kind === 1) {
      pos++;
      skipLimits();
    } else if (kind === 2) skipLimits();
    else pos += 2;
  }
}

// Function indices are only right if the count is: checked against the engine's own reading.
const engineCount = WebAssembly.Module.imports(new WebAssembly.Module(bytes)).filter((i) => i.kind === 'function').length;
if (engineCount !== importedFunctions) {
  console.error(`strip-fmt: read ${importedFunctions} imported functions, the engine ${engineCount}`);
  process.exit(1);
}

// The "name" custom section's function names.
const names = new Map();
for (const s of sections.filter((s) => s.id === 0)) {
  pos = s.start;
  const length = u32();
  const sectionName = bytes.subarray(pos, pos + length).toString();
  pos += length;
  if (sectionName !== 'name') continue;
  while (pos < s.end) {
    const sub = bytes[pos++];
    const size = u32();
    const end = pos + size;
    if (sub === 1) {
      const count = u32();
      for (let i = 0; i < count; i++) {
        const index = u32();
        const l = u32();
        names.set(index, bytes.subarray(pos, pos + l).toString());
        pos += l;
      }
    }
    pos = end;
  }
}
const file = path.split('/').pop();
if (names.size === 0) {
  console.error(`strip-fmt: ${file} has no function names; left as it is`);
  process.exit(0);
}
const all = [...names.values()];
const formats = all.filter((n) => /(^|::)fmt::write$|(^|::)fmt::format(::|$)|fmt::format_inner/.test(n.replace(/\[[0-9a-f]+\]/g, '')));
if (formats.length > 0) {
  console.error(`strip-fmt: ${file} formats at run time (${formats.join(', ')}); left as it is`);
  process.exit(0);
}
const TRAIT_IMPL = /^<.* as core(\[[0-9a-f]+\])?::fmt::(Display|Debug|LowerHex|UpperHex|Octal|Binary|LowerExp|UpperExp|Pointer)>::fmt$/;
const UNREACHABLE = Buffer.from([0x00, 0x00, 0x0b]); // no locals; unreachable; end

const out = [bytes.subarray(0, 8)];
let stubbed = 0;
for (const s of sections) {
  if (s.id !== 10) {
    out.push(bytes.subarray(s.headerStart, s.end));
    continue;
  }
  pos = s.start;
  const count = u32();
  const bodies = [leb(count)];
  for (let i = 0; i < count; i++) {
    const size = u32();
    const body = bytes.subarray(pos, pos + size);
    pos += size;
    if (TRAIT_IMPL.test(names.get(importedFunctions + i) || '')) {
      bodies.push(leb(UNREACHABLE.length), UNREACHABLE);
      stubbed++;
      if (process.env.STRIP_FMT_VERBOSE) console.error(`  ${names.get(importedFunctions + i)}`);
    } else {
      bodies.push(leb(size), body);
    }
  }
  const content = Buffer.concat(bodies);
  out.push(Buffer.from([10]), leb(content.length), content);
}
const result = Buffer.concat(out);
try {
  new WebAssembly.Module(result);
} catch (error) {
  console.error(`strip-fmt: the stubbed module does not validate: ${error.message}`);
  process.exit(1);
}
writeFileSync(path, result);
console.error(`strip-fmt: ${stubbed} formatting impls made unreachable in ${file}`);
