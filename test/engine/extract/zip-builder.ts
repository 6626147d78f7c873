// Writes zip archives byte by byte, so tests control what real tools would not write:
// GBK names without the UTF-8 flag, names escaping the archive, headers that lie about sizes.
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

export interface ZipEntrySpec {
  /** Raw name bytes as stored (encode GBK names with iconv-lite). */
  name: Buffer | string;
  data?: Buffer;
  /** Already-deflated data with its real size and CRC (for large generated entries). */
  deflated?: { bytes: Buffer; size: number; crc: number };
  /** Sets general purpose bit 11 (names are UTF-8). */
  utf8Flag?: boolean;
  /** Claimed uncompressed size, when the header should lie. */
  declaredSize?: number;
}

export function buildZip(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : e.name;
    const data = e.data ?? Buffer.alloc(0);
    const compressed = e.deflated ? e.deflated.bytes : deflateRawSync(data);
    const size = e.declaredSize ?? (e.deflated ? e.deflated.size : data.length);
    const crc = e.deflated ? e.deflated.crc : crc32(data);
    const flags = e.utf8Flag ? 0x800 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 10);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + compressed.length;
  }
  const centralBytes = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralBytes, end]);
}

/** `size` bytes of zeros, deflated as a stream so the plain bytes never sit in memory at once. */
export async function deflatedZeros(size: number): Promise<{ bytes: Buffer; size: number; crc: number }> {
  const chunk = Buffer.alloc(16 * 1024 * 1024);
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let crc = 0;
  for (let left = size; left > 0; left -= chunk.length) {
    const part = chunk.subarray(0, Math.min(left, chunk.length));
    crc = crc32(part, crc);
    if (!deflate.write(part)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { bytes: Buffer.concat(out), size, crc };
}
