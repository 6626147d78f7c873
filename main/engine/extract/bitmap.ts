// Rendered pages as images tesseract can decode. PNG through Node's zlib: no encoder library, and
// leptonica reads it fast (a BMP of the same page took 20 times longer to recognise).
import { deflateSync } from 'node:zlib';
import { crc32 } from 'node:zlib';
import jpeg from 'jpeg-js';

export interface Bitmap {
  width: number;
  height: number;
  /** BGRA, 4 bytes a pixel, rows top to bottom (what PDFium renders). */
  data: Uint8Array;
}

/** The top `share` of the bitmap (the title region of a page). */
export function cropTop(bitmap: Bitmap, share: number): Bitmap {
  const height = Math.max(1, Math.min(bitmap.height, Math.round(bitmap.height * share)));
  return { width: bitmap.width, height, data: bitmap.data.subarray(0, bitmap.width * height * 4) };
}


function chunk(type: string, body: Buffer): Buffer {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, 'latin1');
  body.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
  return out;
}

/** An 8-bit greyscale PNG with its resolution (tesseract otherwise estimates one). */
export function toPng(bitmap: Bitmap, dpi = 150): Buffer {
  const { width, height, data } = bitmap;
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    let o = y * (width + 1) + 1;
    let i = y * width * 4;
    for (let x = 0; x < width; x++, i += 4) {
      // BGRA → luma (ITU-R 601 weights, integer).
      raw[o++] = (data[i + 2]! * 77 + data[i + 1]! * 150 + data[i]! * 29) >> 8;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  const phys = Buffer.alloc(9);
  const pixelsPerMetre = Math.round(dpi / 0.0254);
  phys.writeUInt32BE(pixelsPerMetre, 0);
  phys.writeUInt32BE(pixelsPerMetre, 4);
  phys[8] = 1;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('pHYs', phys),
    chunk('IDAT', deflateSync(raw, { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * The top `share` of a JPEG (a photographed page) as a greyscale PNG, for reading its title first; null for any
 * other format or a JPEG that does not decode within limits (the image is then read whole). tesseract.js's own
 * `rectangle` option read nothing from such a region, so the crop is made here.
 */
export function jpegTitleRegion(bytes: Buffer, share: number): Buffer | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let decoded: { width: number; height: number; data: Uint8Array };
  try {
    decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: 60, maxMemoryUsageInMB: 400 });
  } catch {
    return null;
  }
  const { width } = decoded;
  const height = Math.max(1, Math.min(decoded.height, Math.round(decoded.height * share)));
  const bgra = new Uint8Array(width * height * 4);
  for (let i = 0; i < bgra.length; i += 4) {
    bgra[i] = decoded.data[i + 2]!;
    bgra[i + 1] = decoded.data[i + 1]!;
    bgra[i + 2] = decoded.data[i]!;
    bgra[i + 3] = 255;
  }
  return toPng({ width, height, data: bgra });
}
