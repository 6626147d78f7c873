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
    // A UTF-8 file cut mid-character (a copy interrupted, a size cap) is still UTF-8: decoding it as GBK would
    // garble every line. Valid multi-byte UTF-8 sequences almost never occur by chance in GBK text.
    if (isMostlyUtf8(bytes)) return new TextDecoder('utf-8').decode(bytes);
    // Not UTF-8: in this domain it is almost always GB18030 (a superset of GBK and GB2312).
    // Statistical detectors (chardet) take short GBK lines for Big5, so Big5 is only used
    // when GB18030 cannot decode the bytes and Big5 can.
    const gb = iconv.decode(bytes, 'gb18030');
    if (!gb.includes('\ufffd')) return gb;
    const big5 = iconv.decode(bytes, 'big5');
    return big5.includes('\ufffd') ? gb : big5;
  }
}

/** Valid multi-byte sequences outnumber invalid bytes fifty to one (at most a few stray bytes). */
function isMostlyUtf8(bytes: Buffer): boolean {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b <= 0xdf ? 2 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += length;
    } else {
      invalid++;
      i++;
    }
  }
  return valid > 0 && invalid <= Math.max(3, valid / 50);
}

/**
 * Decoded text that is really binary: random bytes decode to something under GB18030, but text written by people
 * has almost no control characters or replacement marks. More than 1 in 100 of them means it is not text.
 */
export function isGarbageText(text: string): boolean {
  if (text.length === 0) return false;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff)) bad++;
  }
  return bad > text.length / 100;
}
