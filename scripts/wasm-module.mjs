// The little of the wasm binary format the build's post-passes need (short-names.mjs,
// strip-fmt.mjs): sections, LEB128 numbers and names, and putting a module back together.

/** A cursor over a module's bytes. */
export class Reader {
  constructor(bytes, pos = 0) {
    this.bytes = bytes;
    this.pos = pos;
  }

  /** An unsigned LEB128 number. */
  u32() {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = this.bytes[this.pos++];
      result += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) return result;
      shift += 7;
    }
  }

  /** A length-prefixed UTF-8 name. */
  name() {
    const length = this.u32();
    const text = this.bytes.subarray(this.pos, this.pos + length).toString('utf8');
    this.pos += length;
    return text;
  }

  /** The bytes from `start` to here. */
  since(start) {
    return this.bytes.subarray(start, this.pos);
  }
}

/** An unsigned LEB128 number, as bytes. */
export function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

/** A name as the format writes it: its length, then its UTF-8 bytes. */
export function encodeName(text) {
  const raw = Buffer.from(text, 'utf8');
  return Buffer.concat([leb(raw.length), raw]);
}

/** The module's sections in order: `{ id, start, end }` (the content's bounds), or throws. */
export function sections(bytes) {
  if (bytes.length < 8 || bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  const reader = new Reader(bytes, 8);
  const out = [];
  while (reader.pos < bytes.length) {
    const id = bytes[reader.pos++];
    const size = reader.u32();
    out.push({ id, start: reader.pos, end: reader.pos + size });
    reader.pos += size;
  }
  return out;
}

/** The module again from its header and `[id, content]` sections; throws if it does not validate. */
export function assemble(bytes, parts) {
  const out = [bytes.subarray(0, 8)];
  for (const [id, content] of parts) out.push(Buffer.from([id]), leb(content.length), content);
  const result = Buffer.concat(out);
  new WebAssembly.Module(result);
  return result;
}

/** The "name" custom section's function names, by function index (imports first). */
export function functionNames(bytes) {
  const names = new Map();
  for (const s of sections(bytes).filter((s) => s.id === 0)) {
    const reader = new Reader(bytes, s.start);
    if (reader.name() !== 'name') continue;
    while (reader.pos < s.end) {
      const sub = bytes[reader.pos++];
      const end = reader.u32() + reader.pos;
      if (sub === 1) {
        const count = reader.u32();
        for (let i = 0; i < count; i++) names.set(reader.u32(), reader.name());
      }
      reader.pos = end;
    }
  }
  return names;
}

/** A signed LEB128 number at `reader`'s position (an `i32.const` immediate). */
function s32(reader) {
  let result = 0;
  let shift = 0;
  let byte;
  do {
    byte = reader.bytes[reader.pos++];
    result |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  return shift < 32 && byte & 0x40 ? result | (-1 << shift) : result;
}

/**
 * The data section's active segments placed by an `i32.const` offset: `{ address, pos, size }`
 * (`pos`: where its bytes start in `bytes`, so they can be changed in place). Throws on an
 * offset of another form (none in what rustc and wasm-bindgen emit).
 */
export function activeSegments(bytes) {
  const out = [];
  for (const { id, start } of sections(bytes)) {
    if (id !== 11) continue;
    const reader = new Reader(bytes, start);
    const count = reader.u32();
    for (let i = 0; i < count; i++) {
      const flags = reader.u32();
      let address = null;
      if (flags === 0 || flags === 2) {
        if (flags === 2) reader.u32();
        if (bytes[reader.pos++] !== 0x41) throw new Error('a data segment offset that is not i32.const');
        address = s32(reader) >>> 0;
        if (bytes[reader.pos++] !== 0x0b) throw new Error('a data segment offset of more than one instruction');
      }
      const size = reader.u32();
      if (address !== null) out.push({ address, pos: reader.pos, size });
      reader.pos += size;
    }
  }
  return out;
}

/** The functions that format at run time (`core::fmt::write`, `format!`), by name. */
export function formatters(names) {
  return [...names.values()].filter((n) => /(^|::)fmt::write$|(^|::)fmt::format(::|$)|fmt::format_inner/.test(n.replace(/\[[0-9a-f]+\]/g, '')));
}
