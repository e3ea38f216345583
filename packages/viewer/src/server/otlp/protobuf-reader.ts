import { OtlpDecodeError } from './otlp-decode-error.js';

/** Thrown for bytes that are not protobuf wire format; the caller names the message. */
export class WireFormatError extends Error {
  constructor(problem: string) {
    super(problem);
    this.name = 'WireFormatError';
  }
}

const TWO_POW_32 = 4294967296;

/** Strings up to this many bytes are looked up in STRING_SLOTS. */
const MAX_CACHED_BYTES = 48;
/** A power of two. */
const STRING_SLOT_COUNT = 4096;
/**
 * Decoded short ASCII strings, direct-mapped by a hash of their length and three of their
 * bytes; a hit is verified character for byte. A new string takes its slot over, so strings
 * seen once (response ids) displace at most the one string in their slot, never the table.
 */
const STRING_SLOTS: string[] = new Array<string>(STRING_SLOT_COUNT).fill('');

/** Node's Buffer has unchecked slice decoders beside toString. */
type FastSliceBuffer = Buffer & { utf8Slice?: (start: number, end: number) => string };

/**
 * A cursor over protobuf wire format in a Buffer, reading exactly the scalar encodings the
 * OTLP messages use. Each message is read inside `[pos, end)`; nested messages move `end`.
 *
 * @example
 * const reader = new ProtobufReader(body);
 * while (reader.pos < reader.end) { const tag = reader.uint32(); ... }
 */
export class ProtobufReader {
  readonly buf: Buffer;
  pos = 0;
  end: number;

  constructor(body: Uint8Array) {
    this.buf = Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    this.end = this.buf.length;
  }

  /** A varint as unsigned 32 bits (longer varints keep their low 32 bits, as protobufjs does). */
  uint32(): number {
    const buf = this.buf;
    let pos = this.pos;
    let byte = buf[pos++]!;
    let value = byte & 0x7f;
    if (byte >= 0x80) {
      byte = buf[pos++]!;
      value |= (byte & 0x7f) << 7;
      if (byte >= 0x80) {
        byte = buf[pos++]!;
        value |= (byte & 0x7f) << 14;
        if (byte >= 0x80) {
          byte = buf[pos++]!;
          value |= (byte & 0x7f) << 21;
          if (byte >= 0x80) {
            byte = buf[pos++]!;
            value |= (byte & 0x0f) << 28;
            for (let extra = 0; byte >= 0x80; extra++) {
              if (extra === 5) throw new WireFormatError('varint longer than 10 bytes');
              byte = buf[pos++]!;
            }
          }
        }
      }
    }
    if (pos > this.end) throw new WireFormatError('truncated varint');
    this.pos = pos;
    return value >>> 0;
  }

  /** A varint int64 as a number when safe, else its exact signed decimal text. */
  int64(): number | string {
    const buf = this.buf;
    let pos = this.pos;
    let low = 0;
    let high = 0;
    let byte = 0;
    let done = false;
    for (let index = 0; index < 4 && !done; index++) {
      byte = buf[pos++]!;
      low |= (byte & 0x7f) << (7 * index);
      done = byte < 0x80;
    }
    if (!done) {
      byte = buf[pos++]!;
      low |= (byte & 0x7f) << 28;
      high = (byte & 0x7f) >> 4;
      done = byte < 0x80;
      for (let index = 0; index < 5 && !done; index++) {
        byte = buf[pos++]!;
        high |= (byte & 0x7f) << (7 * index + 3);
        done = byte < 0x80;
      }
    }
    if (!done) throw new WireFormatError('varint longer than 10 bytes');
    if (pos > this.end) throw new WireFormatError('truncated varint');
    this.pos = pos;
    return toInt64(low >>> 0, high | 0);
  }

  /** A fixed64 as an unsigned decimal string. */
  fixed64String(): string {
    const low = this.buf.readUInt32LE(this.take(8));
    const high = this.buf.readUInt32LE(this.pos - 4);
    if (high < 0x200000) return String(high * TWO_POW_32 + low);
    return ((BigInt(high) << 32n) | BigInt(low)).toString();
  }

  fixed32(): number {
    return this.buf.readUInt32LE(this.take(4));
  }

  double(): number {
    return this.buf.readDoubleLE(this.take(8));
  }

  /** Enters a length-delimited field: `end` becomes its end; returns the outer end for leave(). */
  enter(): number {
    const length = this.uint32();
    if (this.pos + length > this.end) throw new WireFormatError(`index out of range: ${this.pos} + ${length} > ${this.end}`);
    const outer = this.end;
    this.end = this.pos + length;
    return outer;
  }

  /** Leaves a field entered with enter(). */
  leave(outer: number): void {
    if (this.pos !== this.end) throw new WireFormatError(`message overran its length at offset ${this.pos}`);
    this.end = outer;
  }

  /** A length-delimited field's start offset; `pos` moves past it (its length is `pos - start`). */
  bytesStart(): number {
    const length = this.uint32();
    return this.take(length);
  }

  string(): string {
    const length = this.uint32();
    const start = this.take(length);
    if (length === 0) return '';
    const buf = this.buf as FastSliceBuffer;
    // utf8Slice skips toString's argument checks (protobufjs reads strings the same way).
    return typeof buf.utf8Slice === 'function' ? buf.utf8Slice(start, start + length) : buf.toString('utf8', start, start + length);
  }

  /**
   * A string that recurs across spans (attribute keys, model names): short ones come from a
   * bounded cache of earlier decodes, so the same string object (already internalised by V8 as
   * a property key) is returned instead of decoding a new one.
   */
  recurringString(): string {
    const length = this.uint32();
    const start = this.take(length);
    if (length === 0) return '';
    const buf = this.buf as FastSliceBuffer;
    const end = start + length;
    if (length <= MAX_CACHED_BYTES) {
      const slot = (length * 31 + buf[start]! * 7 + buf[start + (length >> 1)]! * 131 + buf[end - 1]! * 1031) & (STRING_SLOT_COUNT - 1);
      const cached = STRING_SLOTS[slot]!;
      if (cached.length === length) {
        let index = 0;
        while (index < length && cached.charCodeAt(index) === buf[start + index]) index++;
        if (index === length) return cached;
      }
      const text = typeof buf.utf8Slice === 'function' ? buf.utf8Slice(start, end) : buf.toString('utf8', start, end);
      // As many characters as bytes: every byte was ASCII (a bad byte decodes to U+FFFD, which
      // no byte equals), so the character-for-byte check above is exact for what is kept.
      if (text.length === length) STRING_SLOTS[slot] = text;
      return text;
    }
    return typeof buf.utf8Slice === 'function' ? buf.utf8Slice(start, end) : buf.toString('utf8', start, end);
  }

  /** Skips a field of wire type `wireType`. */
  skip(wireType: number): void {
    switch (wireType) {
      case 0:
        this.uint32();
        return;
      case 1:
        this.take(8);
        return;
      case 2:
        this.bytesStart();
        return;
      case 3:
        for (let tag = this.uint32(); (tag & 7) !== 4; tag = this.uint32()) this.skip(tag & 7);
        return;
      case 5:
        this.take(4);
        return;
      default:
        throw new WireFormatError(`invalid wire type ${wireType} at offset ${this.pos}`);
    }
  }

  /** Advances by `length` bytes and returns where they start. */
  private take(length: number): number {
    const start = this.pos;
    if (start + length > this.end) throw new WireFormatError(`index out of range: ${start} + ${length} > ${this.end}`);
    this.pos = start + length;
    return start;
  }
}

/** A signed 64-bit value from its two halves: a number when safe, else exact decimal text. */
function toInt64(low: number, high: number): number | string {
  if (high >= -0x200000 && high < 0x200000) {
    const value = high * TWO_POW_32 + low;
    if (Number.isSafeInteger(value)) return value;
  }
  return BigInt.asIntN(64, (BigInt(high >>> 0) << 32n) | BigInt(low)).toString();
}

/** Turns a WireFormatError into the receiver's OtlpDecodeError for `messageName`. */
export const toOtlpDecodeError = (error: unknown, messageName: string): unknown =>
  error instanceof WireFormatError || error instanceof RangeError ? new OtlpDecodeError('', `body is not a valid ${messageName} protobuf message (${(error as Error).message})`) : error;
