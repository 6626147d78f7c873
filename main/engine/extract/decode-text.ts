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
    // Statistical detectors (chardet) take short GBK lines for Big5, so Big5 is only used
    // when GB18030 cannot decode the bytes and Big5 can.
    const gb = iconv.decode(bytes, 'gb18030');
    if (!gb.includes('\ufffd')) return gb;
    const big5 = iconv.decode(bytes, 'big5');
    return big5.includes('\ufffd') ? gb : big5;
  }
}
