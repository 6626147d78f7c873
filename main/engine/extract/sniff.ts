// Recognises a file's real kind from its first bytes: clerks rename files freely, so the extension alone lies.

const oleSignature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Bytes the registry looks at; enough for every signature below. */
export const headLength = 1024;

export function isOle(head: Uint8Array): boolean {
  return head.length >= 8 && oleSignature.every((b, i) => head[i] === b);
}

export function isZip(head: Uint8Array): boolean {
  // Local file header, or the end record of an empty archive.
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6));
}

/** PDF readers accept the `%PDF-` marker anywhere in the first kilobyte. */
export function isPdf(head: Uint8Array): boolean {
  return Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, headLength)).includes('%PDF-');
}

export function isRtf(head: Uint8Array): boolean {
  return Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, 5)).toString('latin1') === '{\\rtf';
}

/** No NUL bytes in the head: plain text, HTML or CSV rather than a binary format. */
export function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true;
  return !head.subarray(0, headLength).includes(0);
}

/** An OLE container holding an `EncryptedPackage` stream is a password-protected .docx/.xlsx. */
export function isEncryptedOoxml(bytes: Buffer): boolean {
  return isOle(bytes) && bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'));
}

/** Bytes enough to tell every image kind below. */
export const imageHeadLength = 16;

/**
 * Whether the head is an image of some kind (JPEG, PNG, GIF, BMP, TIFF, WebP, HEIC/HEIF): a photo is known by
 * its name and not read, but a renamed document or garbage saved as `.jpg` is no photo.
 */
export function isImage(head: Uint8Array): boolean {
  const b = Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, imageHeadLength));
  const ascii = (start: number, end: number): string => b.subarray(start, end).toString('latin1');
  return (
    (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) ||
    ascii(0, 8) === '\x89PNG\r\n\x1a\n' ||
    ascii(0, 4) === 'GIF8' ||
    ascii(0, 2) === 'BM' ||
    ascii(0, 4) === 'II*\0' ||
    ascii(0, 4) === 'MM\0*' ||
    (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') ||
    ascii(4, 8) === 'ftyp'
  );
}
