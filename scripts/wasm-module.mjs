// The little of the wasm binary format scripts/short-names.mjs needs: sections, LEB128 numbers
// and names, and putting a module back together.

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
