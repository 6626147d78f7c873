// Reads rules/data/ocr.yaml (which file names are photos, which documents a check needs in full,
// the confidence floor). A county can replace it with its own copy through --config.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { normalizeName } from '../discover/archive-names.js';
import { applyListEdit, type OcrEdit } from '../config/rule-data/county-config.js';
import type { OcrSettings } from './ocr-plan.js';

const defaultPath = fileURLToPath(new URL('../../../rules/data/ocr.yaml', import.meta.url));

function words(value: unknown): string[] {
  return Array.isArray(value) ? value.map((v) => normalizeName(String(v))).filter(Boolean) : [];
}

function number(value: unknown, fallback: number, min: number, max: number): number {
  return typeof value === 'number' && value >= min && value <= max ? value : fallback;
}

/** rules/data/ocr.yaml with each county's `ocr:` changes applied in order (words added or removed, numbers set). */
export function loadOcrSettings(path = defaultPath, edits: readonly OcrEdit[] = []): OcrSettings {
  const raw = (parse(readFileSync(path, 'utf8')) ?? {}) as Record<string, unknown>;
  for (const edit of edits) {
    for (const key of ['photoWords', 'fullTextWords'] as const) {
      const list = Array.isArray(raw[key]) ? (raw[key] as unknown[]).map(String) : [];
      raw[key] = applyListEdit(list, edit[key], (w) => w, `${edit.file}（ocr 的 ${key}）`);
    }
    Object.assign(raw, edit.values);
  }
  return {
    photoWords: words(raw.photoWords),
    fullTextWords: words(raw.fullTextWords),
    confidenceFloor: number(raw.confidenceFloor, 70, 0, 100),
    titleRegion: number(raw.titleRegion, 0.2, 0.05, 1),
    renderDpi: number(raw.renderDpi, 150, 72, 400),
    maxPages: number(raw.maxPages, 20, 1, 500),
    minImageBytes: number(raw.minImageBytes, 2048, 0, 1048576),
  };
}
