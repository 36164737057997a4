import zlib from 'node:zlib';

/**
 * A minimal ZIP writer for hand-made workbooks: exceljs always writes the same tidy archive, and
 * the reader must also cope with what Excel, WPS and other exporters write (part order, data
 * descriptors, part names).
 */

export interface ZipInput {
  name: string;
  data: string | Buffer;
  /** Write sizes and CRC in a data descriptor after the data, as streaming writers do. */
  descriptor?: boolean;
}

export function zipBuffer(inputs: ZipInput[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const input of inputs) {
    const raw = typeof input.data === 'string' ? Buffer.from(input.data, 'utf8') : input.data;
    const packed = zlib.deflateRawSync(raw);
    const crc = zlib.crc32(raw);
    const name = Buffer.from(input.name, 'utf8');
    const flags = 0x0800 | (input.descriptor ? 0x0008 : 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(input.descriptor ? 0 : crc, 14);
    local.writeUInt32LE(input.descriptor ? 0 : packed.length, 18);
    local.writeUInt32LE(input.descriptor ? 0 : raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, packed);
    let size = local.length + name.length + packed.length;
    if (input.descriptor) {
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(packed.length, 8);
      descriptor.writeUInt32LE(raw.length, 12);
      chunks.push(descriptor);
      size += descriptor.length;
    }
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(flags, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(raw.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += size;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(inputs.length, 8);
  end.writeUInt16LE(inputs.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}
