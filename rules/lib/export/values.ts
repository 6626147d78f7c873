// Reads export cell values through the value tables of export-checks.yaml (是/否/√, 农村低保, 小学三年级 …).
// A value outside the tables is `unknown`: a check treats it as "cannot judge", never as a finding, and the
// report says once per value that it was not understood.
import type { Attainment, ExportParams, LabourClass, SchoolLevel } from './params.js';

export type YesNo = 'yes' | 'no' | 'blank' | 'unknown';
export type Health = 'healthy' | 'chronic' | 'serious' | 'disabled' | 'blank' | 'unknown';
export type Schooling = SchoolLevel | 'compulsory' | 'notStudent' | 'blank' | 'unknown';
export type Labour = LabourClass | 'blank' | 'unknown';

const cleaned = new Map<string, string>();
/** NFKC without spaces; an export repeats a few dozen distinct values across 100,000 rows, so each is done once. */
const clean = (text: string | number): string => {
  const key = String(text);
  let value = cleaned.get(key);
  if (value === undefined) {
    value = key.normalize('NFKC').replace(/\s+/g, '');
    if (cleaned.size < 100_000) cleaned.set(key, value);
  }
  return value;
};

/** Caches a one-argument reader by its input: the same cell text always reads the same. */
function memo<T>(read: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let v = cache.get(text);
    if (v === undefined) {
      v = read(text);
      if (cache.size < 50_000) cache.set(text, v);
    }
    return v;
  };
}

function lookup<K extends string>(table: Record<K, string[]>, value: string, byPrefix: boolean): K | null {
  for (const [key, words] of Object.entries(table) as Array<[K, string[]]>) {
    if (words.some((w) => (byPrefix ? value.startsWith(clean(w)) : value === clean(w)))) return key;
  }
  return null;
}

export interface ExportValues {
  yesNo(text: string, column?: string): YesNo;
  health(text: string): Health;
  schooling(text: string): Schooling;
  labour(text: string): Labour;
  /** 低保 / 特困 status columns: `农村低保`, `是` → yes; `未享受`, `否` → no. */
  dibao(text: string): YesNo;
  tekun(text: string): YesNo;
  attainment(text: string): Attainment | 'blank' | 'unknown';
  /** A risks cell (or several joined by 、) as canonical risk names. */
  risks(text: string): string[];
  /** Whether a measure cell is filled (not blank, not 无 / 否 / `/`). */
  isFilled(text: string): boolean;
}

/** `notice` receives one sentence per value not understood; callers pass `ctx.notice`, which says each once. */
export function makeExportValues(params: ExportParams, notice: (text: string) => void): ExportValues {
  const v = params.values;
  const yes = new Set(v.yes.map(clean));
  const no = new Set(v.no.map(clean));
  const unknown = (column: string, value: string): 'unknown' => {
    notice(`系统导出表“${column}”列中的值“${value}”不在取值对照表中（rules/data/export-checks.yaml），相关疑点检查对这些行不作判断`);
    return 'unknown';
  };
  const yesNo = (text: string, column = '是/否'): YesNo => {
    const s = clean(text);
    if (!s) return 'blank';
    if (yes.has(s)) return 'yes';
    if (no.has(s)) return 'no';
    return unknown(column, s);
  };
  const status = (words: string[], column: string) => {
    const set = new Set(words.map(clean));
    return (text: string): YesNo => {
      const s = clean(text);
      if (!s) return 'blank';
      if (set.has(s) || yes.has(s)) return 'yes';
      if (no.has(s) || /^(未|不|非)/.test(s)) return 'no';
      return unknown(column, s);
    };
  };
  const yesNoByColumn = new Map<string, (text: string) => YesNo>();
  return {
    yesNo: (text, column = '是/否') => {
      let read = yesNoByColumn.get(column);
      if (!read) yesNoByColumn.set(column, (read = memo((t) => yesNo(t, column))));
      return read(text);
    },
    health: memo((text) => {
      const s = clean(text);
      if (!s) return 'blank';
      return lookup(v.health, s, false) ?? unknown('健康状况', s);
    }),
    schooling: memo((text) => {
      const s = clean(text);
      if (!s) return 'blank';
      // "Not in school" words win over the level they name (`初中已毕业`).
      if (v.schooling.notStudent.some((w) => s.includes(clean(w)))) return 'notStudent';
      return lookup(v.schooling, s, true) ?? unknown('在校生状况', s);
    }),
    labour: memo((text) => {
      const s = clean(text);
      if (!s) return 'blank';
      return lookup(v.labour, s, false) ?? unknown('劳动技能', s);
    }),
    dibao: memo(status(v.dibao, '是否享受低保')),
    tekun: memo(status(v.tekun, '是否特困供养')),
    attainment: memo((text) => {
      const s = clean(text);
      if (!s) return 'blank';
      return lookup(v.attainment, s, false) ?? unknown('文化程度', s);
    }),
    risks(text) {
      return text
        .split(/[、,，;；/\s]+/)
        .map(clean)
        .filter((r) => r && !/^(无|否|-|—)$/.test(r))
        .map((r) => v.riskSynonyms[r] ?? r);
    },
    isFilled: memo((text) => {
      const s = clean(text);
      return s !== '' && !no.has(s) && !/^(\/|-|—|－|无)$/.test(s);
    }),
  };
}

/** In school at any level. */
export function isInSchool(s: Schooling): boolean | null {
  if (s === 'blank' || s === 'unknown') return null;
  return s !== 'notStudent' && s !== 'preschool';
}

/** 小学, 七–九年级 / 初中, or the coarse 义务教育. */
export function isCompulsoryLevel(s: Schooling): boolean {
  return s === 'primary' || s === 'junior' || s === 'compulsory';
}
