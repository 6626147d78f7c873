// Decodes a text file whose encoding nobody wrote down: UTF-8 (with or without BOM), UTF-16 with BOM,
// or the GBK/GB18030 that Chinese Windows tools still write.
import iconv from 'iconv-lite';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2), 'utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2), 'utf16be');
  try {
    return utf8.decode(bytes);
  } catch {
    // Not UTF-8: in this domain it is almost always GB18030 (a superset of GBK and GB2312).
    return iconv.decode(bytes, detectLegacyEncoding(bytes));
  }
}

function detectLegacyEncoding(bytes: Buffer): string {
  // chardet is only asked to tell Big5 apart; everything else Chinese reads as GB18030.
  return /big5/i.test(chardetGuess(bytes) ?? '') ? 'big5' : 'gb18030';
}

let chardetDetect: ((b: Uint8Array) => string | null) | null = null;

function chardetGuess(bytes: Buffer): string | null {
  return chardetDetect ? chardetDetect(bytes.subarray(0, 64 * 1024)) : null;
}

/** Loads chardet once; decoding works without it (GB18030 is assumed). */
export async function loadCharsetDetector(): Promise<void> {
  if (chardetDetect) return;
  const chardet = await import('chardet');
  chardetDetect = (b) => chardet.detect(b);
}
