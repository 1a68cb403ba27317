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
// STRIP_FMT_VERBOSE=1 lists what it changed. Function indices count imported functions first;
// their number is the engine's own (WebAssembly.Module.imports), not a second reading of ours.
import { readFileSync, writeFileSync } from 'node:fs';
import { Reader, assemble, formatters, functionNames, leb, sections } from './wasm-module.mjs';

const path = process.argv[2];
const file = path.split('/').pop();
const bytes = readFileSync(path);

const importedFunctions = WebAssembly.Module.imports(new WebAssembly.Module(bytes)).filter((i) => i.kind === 'function').length;
const names = functionNames(bytes);
if (names.size === 0) {
  console.error(`strip-fmt: ${file} has no function names; left as it is`);
  process.exit(0);
}
const formats = formatters(names);
if (formats.length > 0) {
  console.error(`strip-fmt: ${file} formats at run time (${formats.join(', ')}); left as it is`);
  process.exit(0);
}
const TRAIT_IMPL = /^<.* as core(\[[0-9a-f]+\])?::fmt::(Display|Debug|LowerHex|UpperHex|Octal|Binary|LowerExp|UpperExp|Pointer)>::fmt$/;
const UNREACHABLE = Buffer.from([0x00, 0x00, 0x0b]); // no locals; unreachable; end

let stubbed = 0;
const parts = sections(bytes).map(({ id, start, end }) => {
  if (id !== 10) return [id, bytes.subarray(start, end)];
  const reader = new Reader(bytes, start);
  const count = reader.u32();
  const bodies = [leb(count)];
  for (let i = 0; i < count; i++) {
    const size = reader.u32();
    const body = bytes.subarray(reader.pos, reader.pos + size);
    reader.pos += size;
    const name = names.get(importedFunctions + i) || '';
    if (TRAIT_IMPL.test(name)) {
      bodies.push(leb(UNREACHABLE.length), UNREACHABLE);
      stubbed++;
      if (process.env.STRIP_FMT_VERBOSE) console.error(`  ${name}`);
    } else {
      bodies.push(leb(size), body);
    }
  }
  return [id, Buffer.concat(bodies)];
});
let result;
try {
  result = assemble(bytes, parts);
} catch (error) {
  console.error(`strip-fmt: the stubbed module does not validate: ${error.message}`);
  process.exit(1);
}
writeFileSync(path, result);
console.error(`strip-fmt: ${stubbed} formatting impls made unreachable in ${file}`);
