// Rendered pages as images tesseract can decode: an uncompressed 24-bit BMP needs no encoder library
// and leptonica reads it directly.

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

/** A bottom-up 24-bit BMP (top-down BMPs confuse leptonica's region handling). */
export function toBmp(bitmap: Bitmap): Buffer {
  const { width, height, data } = bitmap;
  const rowBytes = width * 3;
  const stride = rowBytes + ((4 - (rowBytes % 4)) % 4);
  const size = 54 + stride * height;
  const out = Buffer.alloc(size);
  out.write('BM', 0, 'latin1');
  out.writeUInt32LE(size, 2);
  out.writeUInt32LE(54, 10);
  out.writeUInt32LE(40, 14);
  out.writeInt32LE(width, 18);
  out.writeInt32LE(height, 22);
  out.writeUInt16LE(1, 26);
  out.writeUInt16LE(24, 28);
  out.writeUInt32LE(stride * height, 34);
  for (let y = 0; y < height; y++) {
    let o = 54 + (height - 1 - y) * stride;
    let i = y * width * 4;
    for (let x = 0; x < width; x++, i += 4) {
      out[o++] = data[i]!;
      out[o++] = data[i + 1]!;
      out[o++] = data[i + 2]!;
    }
  }
  return out;
}
