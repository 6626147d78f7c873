// Photos and scans: recognised by name; their text is read by OCR only when the main thread planned it.
import type { ExtractedContent } from '../../../rules/api.js';
import type { ExtractorAdapter } from './adapter.js';
import { ocrContent } from './ocr-content.js';

export const imageExtensions = ['jpg', 'jpeg', 'png', 'tif', 'tiff', 'bmp', 'gif', 'heic', 'heif', 'webp'];

/** Images tesseract (leptonica) can decode; the others stay name-only. */
export const ocrImageExtensions = ['jpg', 'jpeg', 'png', 'tif', 'tiff', 'bmp'];

export function isImageExtension(ext: string): boolean {
  return imageExtensions.includes(ext);
}

export function imageContent(): ExtractedContent {
  return { format: 'image', title: null, blocks: [], tables: [], dates: [], isScan: true };
}

export const imageAdapter: ExtractorAdapter = {
  name: 'image',
  version: 1,
  extensions: imageExtensions,
  accepts: (_head, ext) => isImageExtension(ext),
  extract: async (bytes, _fileName, options) => {
    if (!options?.ocr) return imageContent();
    try {
      return await ocrContent('image', [{ page: 1, image: async () => bytes }], options.ocr);
    } catch {
      // An image tesseract cannot decode stays a photo known by its name (damaged images are the sniffer's finding).
      return imageContent();
    }
  },
};
