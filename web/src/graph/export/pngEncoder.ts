// A PNG written strip by strip, so an image wider or taller than any canvas the browser will
// allocate never has to exist as one bitmap. The deflate is the browser's own CompressionStream
// ('deflate' is the zlib format PNG's IDAT carries; Chromium, Firefox and Safari ship it, and it
// runs natively instead of in JavaScript); what is written here by hand is only the container:
// signature, IHDR, pHYs, IDAT per compressed chunk, IEND, each with its CRC-32 (PNG spec §5).

const SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The PNG format's own limit on a side (a 31-bit unsigned integer). */
export const PNG_MAX_SIDE = 0x7fffffff;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309, as PNG and zlib use it); pass the previous result to continue over more bytes. */
export function crc32(bytes: Uint8Array, previous = 0): number {
  let c = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function ascii(type: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(type, (ch) => ch.charCodeAt(0));
}

/** One chunk: length, type, data, CRC over type and data. */
export function pngChunk(type: string, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(ascii(type), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
}

function ihdr(width: number, height: number): Uint8Array<ArrayBuffer> {
  const data = new Uint8Array(13);
  const view = new DataView(data.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  data[8] = 8; // bits per channel
  data[9] = 2; // colour type 2: RGB. The export has an opaque white ground, so alpha would be dead weight.
  data[10] = 0; // deflate
  data[11] = 0; // adaptive filtering, one filter byte per row
  data[12] = 0; // not interlaced
  return data;
}

/** pHYs: pixels per metre, so print software sizes the image at the resolution it was made for. */
function phys(dpi: number): Uint8Array<ArrayBuffer> {
  const data = new Uint8Array(9);
  const view = new DataView(data.buffer);
  const perMetre = Math.round(dpi / 0.0254);
  view.setUint32(0, perMetre);
  view.setUint32(4, perMetre);
  data[8] = 1; // unit: metre
  return data;
}

/** PNG filter type 2 ("Up"): each byte minus the one above it. */
const FILTER_UP = 2;

/**
 * Writes a width × height RGB PNG from RGBA rows handed over top to bottom, in as many calls as
 * the caller likes. Rows are filtered with "Up": a chart is mostly flat colour, so a row like the
 * one above becomes zeros — which deflate only finds itself when a row is shorter than its 32 KB
 * window, and an export past the canvas limit has rows of 100 KB and more.
 */
export class StreamingPngWriter {
  readonly width: number;
  readonly height: number;
  private rowsWritten = 0;
  /** The row above the next one, for the Up filter; all zeros above the first row, as the spec says. */
  private previousRow: Uint8Array;
  private scratchRow: Uint8Array;
  private readonly parts: Uint8Array<ArrayBuffer>[] = [];
  private readonly writer: WritableStreamDefaultWriter<Uint8Array<ArrayBuffer>>;
  private readonly drained: Promise<void>;

  constructor(width: number, height: number, dpi: number) {
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > PNG_MAX_SIDE || height > PNG_MAX_SIDE) {
      throw new RangeError(`PNG size ${width}×${height} is outside 1…${PNG_MAX_SIDE}`);
    }
    this.width = width;
    this.height = height;
    this.previousRow = new Uint8Array(width * 3);
    this.scratchRow = new Uint8Array(width * 3);
    this.parts.push(SIGNATURE.slice(), pngChunk('IHDR', ihdr(width, height)), pngChunk('pHYs', phys(dpi)));
    const deflate = new CompressionStream('deflate');
    this.writer = deflate.writable.getWriter();
    this.drained = this.collect(deflate.readable);
  }

  /** Every compressed piece becomes an IDAT chunk as it comes, so compressed data never piles up twice. */
  private async collect(readable: ReadableStream<Uint8Array>): Promise<void> {
    const reader = readable.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value.length > 0) this.parts.push(pngChunk('IDAT', value));
    }
  }

  /**
   * `rgba` holds `rows` rows of `width` RGBA pixels (canvas ImageData order), opaque. Resolves
   * once the deflater has taken them, which is the back-pressure that keeps memory to a strip.
   */
  async writeRows(rgba: Uint8Array | Uint8ClampedArray, rows: number): Promise<void> {
    if (rgba.length < rows * this.width * 4) throw new RangeError('fewer pixels than rows × width');
    if (this.rowsWritten + rows > this.height) throw new RangeError('more rows than the image height');
    const stride = this.width * 3 + 1;
    const filtered = new Uint8Array(rows * stride);
    let previous = this.previousRow;
    let current = this.scratchRow;
    for (let row = 0; row < rows; row++) {
      const base = row * stride;
      filtered[base] = FILTER_UP;
      for (let x = 0, s = row * this.width * 4, d = 0; x < this.width; x++, s += 4, d += 3) {
        const r = rgba[s]!;
        const g = rgba[s + 1]!;
        const b = rgba[s + 2]!;
        filtered[base + 1 + d] = (r - previous[d]!) & 0xff;
        filtered[base + 2 + d] = (g - previous[d + 1]!) & 0xff;
        filtered[base + 3 + d] = (b - previous[d + 2]!) & 0xff;
        current[d] = r;
        current[d + 1] = g;
        current[d + 2] = b;
      }
      [previous, current] = [current, previous];
    }
    this.previousRow = previous;
    this.scratchRow = current;
    this.rowsWritten += rows;
    await this.writer.ready;
    await this.writer.write(filtered);
  }

  /** The finished file. Throws if fewer rows than the height were written: never a truncated image. */
  async finish(): Promise<Blob> {
    if (this.rowsWritten !== this.height) throw new RangeError(`${this.rowsWritten} of ${this.height} rows written`);
    await this.writer.close();
    await this.drained;
    this.parts.push(pngChunk('IEND', new Uint8Array(0)));
    return new Blob(this.parts, { type: 'image/png' });
  }

  /** Gives up: the deflater is released and nothing is returned. */
  async abort(reason: unknown): Promise<void> {
    await this.writer.abort(reason).catch(() => undefined);
  }
}
