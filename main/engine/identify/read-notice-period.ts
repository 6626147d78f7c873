// The period a public notice (公示) ran: `公示时间：2023年3月6日至3月10日`, `2023.3.6—2023.3.10`,
// `2023年3月6日起至10日`. The end date often omits the year or month: it inherits them from the start.
import { findDates } from '../../../rules/index.js';

export interface NoticePeriod {
  start: string;
  end: string;
}

const connector = /^\s*(?:起)?\s*(?:至|到|—|－|–|-|~|～|──)+\s*/u;
const partialEnd = /^(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*[日号]/u;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function makeDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function readPeriodInLine(rawLine: string): NoticePeriod | null {
  const line = rawLine.normalize('NFKC');
  const mentions = findDates([{ text: line, location: '' }]);
  let from = 0;
  for (let i = 0; i < mentions.length; i++) {
    const mention = mentions[i];
    const at = line.indexOf(mention.text, from);
    if (at < 0) continue;
    from = at + mention.text.length;
    if (mention.precision !== 'day') continue;
    const rest = line.slice(from);
    const link = connector.exec(rest);
    if (!link) continue;
    const afterLink = rest.slice(link[0].length);
    const next = mentions[i + 1];
    let end: string | null = null;
    if (next && next.precision === 'day' && afterLink.startsWith(next.text)) {
      end = next.date;
    } else {
      const m = partialEnd.exec(afterLink);
      if (m) {
        const [y, mo] = mention.date.split('-').map(Number);
        end = makeDay(m[1] ? Number(m[1]) : y, m[2] ? Number(m[2]) : mo, Number(m[3]));
      }
    }
    if (end && end >= mention.date) return { start: mention.date, end };
  }
  return null;
}

/** The first period written in the lines, preferring lines that speak of the notice (公示/期). */
export function readNoticePeriod(lines: string[]): NoticePeriod | null {
  const ordered = [...lines.filter((l) => /公示|期/.test(l)), ...lines.filter((l) => !/公示|期/.test(l))];
  for (const line of ordered) {
    const period = readPeriodInLine(line);
    if (period) return period;
  }
  return null;
}
