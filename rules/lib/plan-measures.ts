// The measures text of a "一户一策" plan, stripped of what legitimately differs between households
// (names, dates, numbers and amounts), so that a plan copied from another household reads the same.
import type { ArchiveFile, Household } from '../api.js';
import { textPiecesOf } from './file-texts.js';

const measuresLabel = /措施|举措/;
// Signature lines and contact details are form furniture, not measures.
const signOff = /签字|签名|盖章|联系电话|手机|电话/;
const minPieceLength = 4;

/** Characters that vary between otherwise identical plans: digits, Chinese numerals, spaces, punctuation. */
const variable = /[\d〇○零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟\s\p{P}\p{S}]/gu;

/** Names to remove from a household's plan: its head and the members the facts list. */
export function householdNames(household: Household): string[] {
  const members = [household.facts, household.archiveFacts, household.system?.facts].flatMap((f) => f?.members ?? []);
  return [...new Set([household.head, ...members.map((m) => m.name)].filter((n) => n && n.length >= 2))].sort(
    (a, b) => b.length - a.length,
  );
}

function clean(text: string, names: string[]): string {
  let out = text.normalize('NFKC');
  for (const name of names) out = out.split(name).join('');
  return out.replace(variable, '');
}

/**
 * The plan's measures: its text from the first `措施` label on (the label itself left out), or the
 * whole text when no label is found; short pieces (labels) and signature lines dropped.
 */
export function readPlanMeasures(file: ArchiveFile, names: string[]): string {
  const title = (file.content?.title ?? '').trim();
  const pieces = textPiecesOf(file)
    .map((p) => p.text.trim())
    .filter((t) => t && t !== title);
  const start = pieces.findIndex((t) => measuresLabel.test(t));
  const chosen = start < 0 ? pieces : pieces.slice(start);
  if (start >= 0) {
    // `帮扶措施：1.发展养殖…` keeps what follows the label.
    const labelled = /^[^：:]{0,12}(?:措施|举措)[^：:]{0,6}[：:](.*)$/su.exec(chosen[0]);
    chosen[0] = labelled ? labelled[1] : chosen[0].length <= 12 ? '' : chosen[0];
  }
  return chosen
    .filter((t) => !signOff.test(t))
    .map((t) => clean(t, names))
    .filter((t) => t.length >= minPieceLength)
    .join('');
}
