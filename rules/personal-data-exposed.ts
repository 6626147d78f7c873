import type { ArchiveFile, Rule } from './api.js';
import { eachTextPiece, textPiecesOf, type TextPiece } from './lib/file-texts.js';
import { createHeadLookup } from './lib/file-household.js';
import { OccurrenceTally } from './lib/occurrence-tally.js';
import { findPersonalData, prepareHealthWords, type PersonalDataHit, type PersonalDataKind } from './lib/personal-data-scan.js';

const noticeStep = '村级公示';
const noticeWords = ['公示', '公告'];

const messageIds: Record<PersonalDataKind, string> = {
  'id-number': 'idNumber',
  phone: 'phone',
  'bank-account': 'bankAccount',
  health: 'health',
};

/**
 * A public notice (村级公示, a 公示/公告 by name or title) that shows a full ID number, a mobile number,
 * a bank card number or a health condition. One finding per file and kind; samples are masked.
 */
export const personalDataExposed: Rule = {
  meta: {
    id: 'personal-data-exposed',
    name: '公示泄露个人信息',
    severity: 'error',
    description: '公示材料中出现身份证号、手机号、银行卡号或健康状况等个人信息',
    messages: {
      idNumber: '公示材料中出现完整身份证号（{location}，{sample}），共 {count} 处，公示前应隐去中间位数',
      phone: '公示材料中出现手机号码（{location}，{sample}），共 {count} 处，公示时不应公开',
      bankAccount: '公示材料中出现银行卡号（{location}，{sample}），共 {count} 处，公示时不应公开',
      health: '公示材料中写明了健康状况“{sample}”（{location}），共 {count} 处，公示时不应公开病情或残疾情况',
    },
  },
  check(model, ctx) {
    const health = prepareHealthWords({ words: model.data.healthWords, exceptions: model.data.healthWordExceptions ?? [] });
    const headOf = createHeadLookup(model);
    ctx.each(model.files, (file) => ({ village: file.village, household: headOf(file), path: file.path }), (file) => {
      const pieces = noticePieces(file);
      if (pieces.length === 0) return;
      const tally = new OccurrenceTally<PersonalDataHit>();
      for (const piece of pieces) {
        for (const hit of findPersonalData(piece.text, health)) tally.add(hit.kind, piece.location, hit);
      }
      for (const [, found] of tally.entries()) {
        const { kind, sample } = found.first;
        const location = found.locations[0];
        ctx.report({
          messageId: messageIds[kind],
          data: { location, sample, count: found.count },
          village: file.village,
          household: headOf(file),
          path: file.path,
          details: { kind, location, sample, count: found.count, locations: found.locations },
          keyParts: [file.path, kind],
        });
      }
    });
  },
};

/**
 * The text of the file that is a public notice: all of it when its name or title says 公示/公告 (or
 * the step was recognised for the whole file); only the notice's page when it was found inside a
 * combined document, whose other pages (家庭基本情况表 …) rightly carry such data.
 */
function noticePieces(file: ArchiveFile): TextPiece[] {
  if (file.content === null) return [];
  // Whether the file is a notice is known from its name, title and matches: a file that is none (a 1,000,000-row
  // ledger) is not read into pieces at all.
  const title = file.content.title ?? '';
  if (noticeWords.some((w) => file.name.includes(w) || title.includes(w))) return textPiecesOf(file);
  const steps = file.matches.filter((m) => m.step === noticeStep || m.item.includes('公示'));
  if (steps.length === 0) return [];
  if (steps.some((m) => m.location === undefined)) return textPiecesOf(file);
  const locations = new Set(steps.map((m) => m.location!));
  const pages = new Set(steps.map((m) => pageOf(m.location!)).filter((p): p is number => p !== null));
  const picked: TextPiece[] = [];
  for (const p of eachTextPiece(file)) if (locations.has(p.location) || pages.has(p.page ?? pageOf(p.location) ?? -1)) picked.push(p);
  return picked;
}

function pageOf(location: string): number | null {
  const m = /第\s*(\d+)\s*页|page\s*(\d+)/i.exec(location);
  return m === null ? null : Number(m[1] ?? m[2]);
}
