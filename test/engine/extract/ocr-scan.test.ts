// OCR end to end on scans made by fixtures/make-scan-samples.ts (typeset, drawn by PDFium at 150 dpi,
// saved as PNG, askew JPEG, image-only PDF and OFD): what is read, which findings it changes, that
// photos are left alone in auto mode, and that a warm re-scan reads nothing again.
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeScanSamples, exposedId, mixedOfd, renderPages, samplePages, type ScanSamples } from '../../../fixtures/make-scan-samples.js';
import { encodeBmp, encodeJpeg, encodeTiff } from '../../../fixtures/scan-codecs.js';
import { runScan } from '../../../main/engine/run-scan.js';
import type { ProgressEvent, ScanReport } from '../../../main/engine/types.js';
import { adapterByName, runAdapter } from '../../../main/engine/extract/registry.js';
import { planOcr } from '../../../main/engine/extract/ocr-plan.js';
import { loadOcrSettings } from '../../../main/engine/extract/ocr-settings.js';

let dir: string;
let samples: ScanSamples;
const scans: Record<string, { report: ScanReport; ocr: Array<Extract<ProgressEvent, { type: 'ocr' }>> }> = {};

async function scan(mode: 'off' | 'auto', cacheDir: string | null): Promise<{ report: ScanReport; ocr: Array<Extract<ProgressEvent, { type: 'ocr' }>> }> {
  const ocr: Array<Extract<ProgressEvent, { type: 'ocr' }>> = [];
  const report = await runScan({
    root: samples.root,
    asOf: '2023-09-30',
    ocr: mode,
    jobs: 2,
    cacheDir,
    onProgress: (e) => {
      if (e.type === 'ocr') ocr.push(e);
    },
  });
  return { report, ocr };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dc-ocr-'));
  samples = await makeScanSamples(path.join(dir, 'archive'));
  const cacheDir = path.join(dir, 'cache');
  scans.off = await scan('off', cacheDir);
  scans.auto = await scan('auto', cacheDir);
  scans.warm = await scan('auto', cacheDir);
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const find = (r: ScanReport, rule: string, filePath?: string) => r.findings.filter((f) => f.rule === rule && (filePath === undefined || f.path === filePath));
const missing = (r: ScanReport, item: string) => r.findings.filter((f) => f.rule === 'missing-document' && f.details.item === item);

describe('scans in a scan (auto mode)', () => {
  it('a scanned PDF with an uninformative name satisfies its checklist item, read from the title of page 1 only', () => {
    expect(missing(scans.off.report, '住房安全认定')).toHaveLength(1);
    expect(missing(scans.auto.report, '住房安全认定')).toEqual([]);
    // An image-only OFD (村两委会议记录) counts too.
    expect(missing(scans.off.report, '村两委会议记录')).toHaveLength(1);
    expect(missing(scans.auto.report, '村两委会议记录')).toEqual([]);
    expect(find(scans.off.report, 'scanned-document', samples.files.housingPdf)).toHaveLength(1);
    expect(find(scans.auto.report, 'scanned-document', samples.files.housingPdf)).toEqual([]);
  });

  it('uses the date of a procedure step read from an askew JPEG', () => {
    const [off] = find(scans.off.report, 'incomplete-procedure');
    expect(off.details.missingSteps).toContain('民主评议');
    const [auto] = find(scans.auto.report, 'incomplete-procedure');
    expect(auto.details.missingSteps).not.toContain('民主评议');
    // 公示 ends 2023-04-16, the scanned 民主评议 is dated 2023-04-20: out of order, as read from the scan.
    expect(auto.details.dates).toEqual([['2023-04-16', '2023-04-20']]);
    expect((auto.details.stepFiles as Record<string, string[]>)['民主评议']).toEqual([samples.files.reviewJpg]);
    expect(auto.details.via).toBe('ocr');
  });

  it('finds a full ID number on a photographed 公示, marked as read by OCR', () => {
    expect(find(scans.off.report, 'personal-data-exposed')).toEqual([]);
    const [f] = find(scans.auto.report, 'personal-data-exposed', samples.files.noticePng);
    expect(f).toBeDefined();
    expect(f.details.kind).toBe('id-number');
    expect(f.details.via).toBe('ocr');
    expect(f.details.ocrConfidence).toBeGreaterThanOrEqual(70);
    expect(f.severity).toBe('error');
    expect(JSON.stringify(f)).not.toContain(exposedId);
  });

  it('finds a retired term in a scanned notice, with via "ocr" and its confidence', () => {
    expect(find(scans.off.report, 'outdated-term')).toEqual([]);
    const [f] = find(scans.auto.report, 'outdated-term', samples.files.circularJpg);
    expect(f.details.term).toBe('贫困户');
    expect(f.details.location).toBe('第1页');
    expect(f.details.via).toBe('ocr');
    expect(typeof f.details.ocrConfidence).toBe('number');
  });

  it('reads only what pays: the photo is not read, the 2-page scan stops after its title', () => {
    const last = scans.auto.ocr.at(-1)!;
    // Title region of scan0003.pdf (enough: 住房安全认定书); the 民主评议 JPEG and the notice JPEG, whose names say
    // nothing, title first too — their titles (评议, 通知) need the full text, so each is then read whole (2 + 2);
    // the 公示 PNG (named 公示: full text at once); the image OFD: seven recognitions. 全家福.jpg and page 2 of
    // the PDF are never read.
    expect(last.pages).toBe(7);
    expect(last.done).toBe(last.queued);
    expect(scans.off.ocr).toEqual([]);
  });

  it('reads nothing again on a warm re-scan and finds the same', () => {
    expect(scans.warm.ocr.filter((e) => e.queued > 0)).toEqual([]);
    expect(scans.warm.report.findings.map((f) => f.key)).toEqual(scans.auto.report.findings.map((f) => f.key));
  });
});

describe('cancelling', () => {
  it('stops a scan while OCR is queued: the scan rejects with AbortError', async () => {
    const controller = new AbortController();
    const scan = runScan({
      root: samples.root,
      asOf: '2023-09-30',
      ocr: 'all',
      jobs: 2,
      cacheDir: null,
      signal: controller.signal,
      onProgress: (e) => {
        if (e.type === 'ocr' && e.queued > 0) controller.abort();
      },
    });
    await expect(scan).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('what OCR reads', () => {
  const settings = loadOcrSettings();
  const fullPlan = planOcr('all', { nameParts: ['x'], canScan: true }, settings, [])!;

  it('reads every page of an image-only PDF: title, dates and page locations', async () => {
    const bytes = readFileSync(path.join(samples.root, samples.files.housingPdf));
    const content = await runAdapter(adapterByName('pdf')!, bytes, 'scan0003.pdf', { ocr: fullPlan });
    expect(content.title).toBe('住房安全认定书');
    expect(content.isScan).toBe(false);
    expect(content.dates.map((d) => d.date)).toContain('2023-03-20');
    expect(content.blocks.some((b) => b.page === 2 && b.location === '第2页' && b.text.includes('鉴定人'))).toBe(true);
    expect(content.ocr).toMatchObject({ pages: 2, titleOnly: false });
    expect(content.blocks.every((b) => typeof b.ocrConfidence === 'number')).toBe(true);
  }, 60_000);

  it('reads a JPEG turned 2.5° with its Chinese unspaced', async () => {
    const bytes = readFileSync(path.join(samples.root, samples.files.reviewJpg));
    const content = await runAdapter(adapterByName('image')!, bytes, 'x.jpg', { ocr: fullPlan });
    expect(content.title).toBe('民主评议记录');
    expect(content.blocks.map((b) => b.text)).toContain('评议时间:2023年4月20日');
    expect(content.dates.map((d) => d.date)).toContain('2023-04-20');
  }, 60_000);

  it('reads a scanner\'s uncompressed .bmp and .tif like any photo', async () => {
    const [page] = await renderPages(samplePages.review);
    for (const [name, bytes] of [['评议.bmp', encodeBmp(page!)], ['评议.tif', encodeTiff(page!)]] as const) {
      const content = await runAdapter(adapterByName('image')!, bytes, name, { ocr: fullPlan });
      expect(content.title, name).toBe('民主评议记录');
      expect(content.dates.map((d) => d.date), name).toContain('2023-04-20');
    }
  }, 60_000);

  it('reads a photographed page title-first: the top of the image identifies it and the rest is not read', async () => {
    const [page] = await renderPages(samplePages.housing.slice(0, 1));
    const plan = planOcr('auto', { nameParts: ['微信图片20230412'], canScan: true }, settings, ['住房安全认定'])!;
    expect(plan.mode).toBe('title-first');
    const content = await runAdapter(adapterByName('image')!, encodeJpeg(page!, 85), '微信图片_20230412.jpg', { ocr: plan });
    expect(content.title).toBe('住房安全认定书');
    expect(content.ocr).toMatchObject({ pages: 1, titleOnly: true });
    // The body (鉴定日期 …) lies below the title region: not read.
    expect(content.blocks.some((b) => b.text.includes('鉴定日期'))).toBe(false);
    // Read in full, the same image gives its body too.
    const full = await runAdapter(adapterByName('image')!, encodeJpeg(page!, 85), '微信图片_20230412.jpg', { ocr: fullPlan });
    expect(full.blocks.some((b) => b.text.includes('鉴定日期'))).toBe(true);
  }, 60_000);

  it('reads a text OFD in reading order with page locations, without OCR', async () => {
    const bytes = readFileSync(path.join(samples.root, samples.files.textOfd));
    const content = await runAdapter(adapterByName('ofd')!, bytes, '排查通知.ofd', { ocr: fullPlan });
    expect(content.title).toBe('关于开展防返贫监测集中排查的通知');
    expect(content.blocks.map((b) => `${b.location} ${b.text}`)).toEqual([
      '第1页 关于开展防返贫监测集中排查的通知',
      '第1页 各村要对照标准逐户排查，',
      '第1页 排查时间：2023年7月1日至7月31日。',
    ]);
    expect(content.ocr).toBeUndefined();
    expect(content.isScan).toBe(false);
  });

  it('reads the scanned page of a mixed OFD by OCR and keeps its text page as written', async () => {
    const [scanned] = await renderPages(samplePages.minutes);
    const bytes = mixedOfd(samplePages.ofdText[0]!, encodeJpeg(scanned!, 80));
    const content = await runAdapter(adapterByName('ofd')!, bytes, '通知及附件.ofd', { ocr: fullPlan });
    expect(content.title).toBe('关于开展防返贫监测集中排查的通知');
    expect(content.blocks[0]).toEqual({ text: '关于开展防返贫监测集中排查的通知', location: '第1页', page: 1 });
    expect(content.blocks.some((b) => b.page === 2 && b.text === '村两委会议记录' && b.ocrConfidence !== undefined)).toBe(true);
    expect(content).toMatchObject({ scanPages: [2], isScan: false, ocr: { pages: 1 } });
  }, 60_000);

  it('leaves an image-only OFD a scan when OCR is off', async () => {
    const bytes = readFileSync(path.join(samples.root, samples.files.imageOfd));
    const content = await runAdapter(adapterByName('ofd')!, bytes, 'scan0009.ofd');
    expect(content).toMatchObject({ isScan: true, blocks: [], scanPages: [1] });
  });
});
