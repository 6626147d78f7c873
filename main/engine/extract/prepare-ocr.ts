// Decides, once per scan, how OCR runs: the mode, the settings from rules/data/ocr.yaml, the words
// that identify a document, and whether the language data is installed at all.
import type { Checklist } from '../../../rules/api.js';
import { normalizeName, stripNumbering } from '../discover/archive-names.js';
import { ocrImageExtensions } from './image-adapter.js';
import { languageDataDir, ocrEngineId } from './ocr-engine.js';
import { planOcr, type OcrMode, type OcrPlan, type OcrSettings } from './ocr-plan.js';
import { loadOcrSettings } from './ocr-settings.js';
import type { OcrEdit } from '../config/rule-data/county-config.js';
import type { SourceFile } from '../types.js';

export interface PreparedOcr {
  plan: ((file: SourceFile) => OcrPlan | null) | undefined;
  engineId: string;
  settings: OcrSettings;
}

const scannableExtensions = new Set(['pdf', 'ofd', ...ocrImageExtensions]);

export const missingLanguageNotice =
  '未找到中文文字识别语言包（@tesseract.js-data/chi_sim），扫描件和照片未识别文字，只按文件名识别；请重新安装本程序后再扫描';

/** The name and the folders a file sits in below its village, normalised the way checklist names are. */
function nameParts(file: SourceFile): string[] {
  const segments = file.path.split('/');
  const base = file.name.replace(/\.[^.]+$/, '');
  return [base, ...segments.slice(1, -1)].map((s) => normalizeName(stripNumbering(s.replace(/\.zip$/i, '')))).filter(Boolean);
}

export function prepareOcr(mode: OcrMode, checklist: Checklist, notices: string[], edits: readonly OcrEdit[] = []): PreparedOcr {
  const settings = loadOcrSettings(undefined, edits);
  if (mode === 'off') return { plan: undefined, engineId: '', settings };
  if (languageDataDir() === null) {
    notices.push(missingLanguageNotice);
    return { plan: undefined, engineId: '', settings };
  }
  const itemWords = [
    ...new Set(
      [
        ...checklist.items.flatMap((i) => [i.name, ...i.aliases]),
        ...checklist.procedures.flatMap((p) => [p.item, ...p.steps.flatMap((s) => [s.name, ...s.aliases])]),
      ]
        .map(normalizeName)
        .filter((w) => w.length >= 2),
    ),
  ].sort();
  return {
    plan: (file) => {
      if (ocrImageExtensions.includes(file.ext) && file.size < settings.minImageBytes) return null;
      return planOcr(mode, { nameParts: nameParts(file), canScan: scannableExtensions.has(file.ext) }, settings, itemWords);
    },
    engineId: ocrEngineId(),
    settings,
  };
}
