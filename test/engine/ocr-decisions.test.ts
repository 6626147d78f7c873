// The cheap decisions around OCR, without running it: which files are read in each mode, when a
// title is enough, how tesseract's spacing is undone, how low confidence tempers a finding, and the
// notice when the language package is missing.
import { describe, expect, it, vi } from 'vitest';
import type { ArchiveFile, Finding, ScanModel } from '../../rules/api.js';
import { joinOcrSpaces } from '../../main/engine/extract/ocr-engine.js';
import { planOcr, titleSuffices } from '../../main/engine/extract/ocr-plan.js';
import { loadOcrSettings } from '../../main/engine/extract/ocr-settings.js';
import { markOcrFindings } from '../../main/engine/evaluate/mark-ocr-findings.js';
import { readingOrder } from '../../main/engine/extract/ofd-xml.js';
import { prepareOcr } from '../../main/engine/extract/prepare-ocr.js';

const settings = loadOcrSettings();
const itemWords = ['住房安全认定', '家庭收入测算表', '户口簿', '民主评议', '村级公示'];
const plan = (nameParts: string[], mode: 'off' | 'auto' | 'all' = 'auto') => planOcr(mode, { nameParts, canScan: true }, settings, itemWords);

describe('planOcr (rules/data/ocr.yaml)', () => {
  it('leaves photos and files already named as a checklist item to their names in auto mode', () => {
    expect(plan(['全家福'])).toBeNull();
    expect(plan(['户口簿'])).toBeNull();
    expect(plan(['2023年家庭收入测算表'])).toBeNull();
  });

  it('reads in full what a check needs (公示, 评议, 通知 …) and the title first of anything unnamed', () => {
    expect(plan(['04村级公示'])?.mode).toBe('full');
    expect(plan(['scan0003'])?.mode).toBe('title-first');
    expect(plan(['微信图片20230412'])?.mode).toBe('title-first');
  });

  it('reads everything in all mode and nothing in off mode', () => {
    expect(plan(['全家福'], 'all')?.mode).toBe('full');
    expect(plan(['scan0003'], 'off')).toBeNull();
  });

  it('stops after a title naming an item no check reads, not after a 公示 or an unknown title', () => {
    const p = plan(['scan0003'])!;
    expect(titleSuffices(p, '住房安全认定书')).toBe(true);
    expect(titleSuffices(p, '关于张三户的公示')).toBe(false);
    expect(titleSuffices(p, '情况说明')).toBe(false);
  });
});

describe('prepareOcr', () => {
  it('never reads an image too small to hold text (a placeholder or icon)', () => {
    const prepared = prepareOcr('auto', { name: 'x', items: [], procedures: [], source: 'x' }, []);
    const image = (size: number) => ({ path: '01 红星村/监测户/张三/scan1.jpg', name: 'scan1.jpg', ext: 'jpg', size, mtimeMs: 1, absPath: '/x', read: async () => Buffer.alloc(0) });
    expect(prepared.plan!(image(312))).toBeNull();
    expect(prepared.plan!(image(80_000))?.mode).toBe('title-first');
  });
});

describe('joinOcrSpaces', () => {
  it('removes the spaces tesseract puts around Chinese characters and numbers, keeps Latin words apart', () => {
    expect(joinOcrSpaces('公 示 时 间 : 2023 年 4 月 10 日 , 身 份 证 号 : 620422199003071231 。 Hello World')).toBe(
      '公示时间:2023年4月10日,身份证号:620422199003071231。Hello World',
    );
  });
});

describe('OFD reading order', () => {
  it('sorts text objects into lines by position, each left to right', () => {
    expect(
      readingOrder([
        { x: 60, y: 30, text: '第二行右' },
        { x: 20, y: 10, text: '标题' },
        { x: 20, y: 30.5, text: '第二行左' },
      ]),
    ).toEqual(['标题', '第二行左第二行右']);
  });
});

describe('findings resting on OCR text', () => {
  const file = (confidence: number): ArchiveFile => ({
    path: '01 红星村/scan0007.jpg',
    name: 'scan0007.jpg',
    ext: 'jpg',
    size: 1,
    village: '红星村',
    householdKey: null,
    unreadable: null,
    matches: [],
    content: {
      format: 'image',
      title: null,
      blocks: [{ text: '要继续做好贫困户帮扶工作', location: '第1页', page: 1, ocrConfidence: confidence }],
      tables: [],
      dates: [],
      isScan: false,
      ocr: { pages: 1, confidence, titleOnly: false },
    },
  });
  const finding: Finding = {
    key: 'outdated-term|红星村||x',
    rule: 'outdated-term',
    severity: 'error',
    village: '红星村',
    household: null,
    path: '01 红星村/scan0007.jpg',
    message: '使用了已停用的表述“贫困户”',
    details: { term: '贫困户', location: '第1页' },
  };
  const model = (f: ArchiveFile) => ({ files: [f] }) as unknown as ScanModel;

  it('say they were read by OCR and how sure it was', () => {
    const [marked] = markOcrFindings([finding], model(file(91)), settings.confidenceFloor);
    expect(marked).toMatchObject({ severity: 'error', details: { via: 'ocr', ocrConfidence: 91 } });
  });

  it('are never an error on text below the confidence floor alone', () => {
    const [marked] = markOcrFindings([finding], model(file(40)), settings.confidenceFloor);
    expect(marked).toMatchObject({ severity: 'warning', details: { via: 'ocr', ocrConfidence: 40, lowConfidence: true } });
  });
});

describe('a missing language package', () => {
  it('gives one Chinese notice and a scan without OCR', async () => {
    vi.resetModules();
    vi.doMock('../../main/engine/extract/ocr-engine.js', async (original) => ({
      ...(await original<typeof import('../../main/engine/extract/ocr-engine.js')>()),
      languageDataDir: () => null,
    }));
    const { prepareOcr, missingLanguageNotice } = await import('../../main/engine/extract/prepare-ocr.js');
    const notices: string[] = [];
    const prepared = prepareOcr('auto', { name: 'x', items: [], procedures: [], source: 'x' }, notices);
    expect(prepared.plan).toBeUndefined();
    expect(notices).toEqual([missingLanguageNotice]);
    expect(missingLanguageNotice).toMatch(/语言包.*只按文件名识别/);
    vi.doUnmock('../../main/engine/extract/ocr-engine.js');
  });
});

describe('OCR that fails', () => {
  it('leaves an image known by its name when its worker crashes, never an unreadable file', async () => {
    const { extractAll } = await import('../../main/engine/extract/extract-text.js');
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
    const file = {
      path: '01 红星村/IMG__crash__.jpg',
      name: 'IMG__crash__.jpg',
      ext: 'jpg',
      size: bytes.length,
      mtimeMs: 1,
      absPath: '/nonexistent/IMG__crash__.jpg',
      read: async () => bytes,
    };
    const outcomes = await extractAll([file], { jobs: 1, cacheDir: null, testHooks: true, ocrPlan: () => plan(['img']) });
    expect(outcomes.get(file.path)).toEqual({ content: { format: 'image', title: null, blocks: [], tables: [], dates: [], isScan: true }, unreadable: null });
  });
});
