// One scan per household with a name that says nothing (微信图片_…jpg, scan….pdf): the share of scans
// a real archive has and the case auto-mode OCR exists for. A handful of pages is typeset and drawn
// once (fixtures/make-scan-samples.ts); each household's copy differs in its bytes (a JPEG comment,
// a PDF title), so the content-hash cache cannot share one reading between households.
import { encodeJpeg } from '../../fixtures/scan-codecs.js';
import { imagePdf, renderPages, type ScanPage } from '../../fixtures/make-scan-samples.js';
import type { OutFile } from './household-files.js';
import { householdFolder } from './household-files.js';
import type { Household, Village } from './roster.js';

/** Titles a clerk's phone or scanner produces: some name a checklist item (OCR stops after the title), some need the whole page. */
const pages: ScanPage[] = [
  { title: '住房安全认定书', lines: ['经入户鉴定，该户住房安全等级为A级。', '鉴定日期：2023年3月20日'] },
  { title: '饮水安全评估表', lines: ['水源：集中供水，水质、水量达标。', '评估日期：2023年4月2日'] },
  { title: '帮扶责任人走访记录', lines: ['走访时间：2023年5月12日', '了解家庭收入和务工情况。'] },
  { title: '民主评议记录', lines: ['评议时间：2023年4月20日', '参会村民代表一致同意。'] },
  { title: '情况说明', lines: ['该户家庭成员外出务工，', '收入稳定。2023年6月1日'] },
];

export interface ScanPool {
  jpegs: Buffer[];
}

export async function makeScanPool(): Promise<ScanPool> {
  const images = await renderPages(pages);
  return { jpegs: images.map((image) => encodeJpeg(image, 75)) };
}

/** The JPEG with a COM segment after SOI carrying `note`: other bytes, the same picture. */
function withComment(jpeg: Buffer, note: string): Buffer {
  const text = Buffer.from(note, 'utf8');
  const segment = Buffer.alloc(4 + text.length);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(text.length + 2, 2);
  text.copy(segment, 4);
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
}

export async function buildHouseholdScan(village: Village, h: Household, pool: ScanPool): Promise<OutFile> {
  const jpeg = withComment(pool.jpegs[h.seq % pool.jpegs.length]!, `${village.code}-${h.id}`);
  const folder = householdFolder(village, h);
  if (h.seq % 2 === 0) return { path: `${folder}/微信图片_20230${(h.seq % 9) + 1}12${String(h.seq % 100).padStart(4, '0')}.jpg`, bytes: jpeg };
  return { path: `${folder}/scan${String(h.seq).padStart(4, '0')}.pdf`, bytes: await imagePdf([jpeg]) };
}
