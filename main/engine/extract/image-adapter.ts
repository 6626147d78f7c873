// Photos and scans: recognised by name; their text is read by OCR only when the main thread planned it.
import type { ExtractedContent } from '../../../rules/api.js';
import type { ExtractorAdapter } from './adapter.js';
import { jpegTitleRegion } from './bitmap.js';
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
  // 2: photographed and scanned pages are read title-first too (the top of the image), as PDF pages are.
  version: 2,
  extensions: imageExtensions,
  accepts: (_head, ext) => isImageExtension(ext),
  extract: async (bytes, _fileName, options) => {
    if (!options?.ocr) return imageContent();
    try {
      const plan = options.ocr;
      // A photographed page (微信图片_….jpg) is read title-first like a scanned PDF page: its top, cropped.
      return await ocrContent('image', [{ page: 1, image: async () => bytes, titleImage: async () => jpegTitleRegion(bytes, plan.titleRegion) }], plan);
    } catch {
      // An image tesseract cannot decode stays a photo known by its name (damaged images are the sniffer's finding).
      return imageContent();
    }
  },
};
