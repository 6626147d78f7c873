// Photos and scans: recognised by name only; their text is not read (no OCR).
import type { ExtractedContent } from '../../../rules/api.js';
import type { ExtractorAdapter } from './adapter.js';

export const imageExtensions = ['jpg', 'jpeg', 'png', 'tif', 'tiff', 'bmp', 'gif', 'heic', 'heif', 'webp'];

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
  extract: async () => imageContent(),
};
