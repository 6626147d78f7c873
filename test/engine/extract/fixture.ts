import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractBytes } from '../../../main/engine/extract/registry.js';
import type { ExtractOutcome } from '../../../main/engine/types.js';

export const formatsDir = join(import.meta.dirname, '../../../fixtures/formats');

export function sample(name: string): Buffer {
  return readFileSync(join(formatsDir, name));
}

/** Reads bytes under a file name the way the worker does (registry pick + adapter + dates). */
export function extract(bytes: Buffer, fileName: string): Promise<ExtractOutcome> {
  return extractBytes(bytes, fileName);
}
