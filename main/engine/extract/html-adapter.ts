// Web systems "export to Word" as HTML (or MHT) under a .doc name; Word opens it, so the clerk
// sees a normal document. Read as text: paragraphs 第N段 and tables 表格N like a .docx.
import type { ExtractedContent, TextBlock, TextTable } from '../../../rules/api.js';
import { UnreadableError, type ExtractorAdapter } from './adapter.js';
import { decodeText } from './decode-text.js';
import { decodeXmlEntities } from './docx-xml.js';
import { extensionOf } from './file-name.js';
import { unreadableMessages } from './messages.js';
import { looksLikeText } from './sniff.js';
import { pickTitle, type TitleCandidate } from './title.js';

const htmlExts = ['htm', 'html', 'mht', 'mhtml', 'doc', 'wps'];

export function looksLikeHtml(head: Uint8Array): boolean {
  if (!looksLikeText(head)) return false;
  const text = Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, 1024)).toString('latin1').toLowerCase();
  return /<html|<!doctype html|<body|<table/.test(text) || /^mime-version:/m.test(text);
}

/** The HTML part of an MHT file, decoded from quoted-printable or base64. */
function htmlOfMht(text: string): string {
  const part = /content-type:\s*text\/html[^\n]*\n([\s\S]*?)\r?\n\r?\n([\s\S]*?)(?:\r?\n--|$)/i.exec(text);
  if (!part) return text;
  const headers = part[1];
  const body = part[2];
  if (/content-transfer-encoding:\s*base64/i.test(headers)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(headers + part[0])) {
    const bytes = Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
    return decodeText(bytes);
  }
  return body;
}

function cellText(html: string): string {
  return decodeXmlEntities(html.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' '))
    .replace(/[ \t\u00a0]+/g, ' ')
    .trim();
}

export function htmlToContent(html: string): Pick<ExtractedContent, 'title' | 'blocks' | 'tables'> {
  const cleaned = html.replace(/<(script|style|head)\b[\s\S]*?<\/\1>/gi, '').replace(/<!--[\s\S]*?-->/g, '');
  const blocks: TextBlock[] = [];
  const tables: TextTable[] = [];
  const candidates: TitleCandidate[] = [];
  let paragraphNumber = 0;
  const addText = (fragment: string): void => {
    const text = fragment.replace(/<\/(p|div|h\d|li|tr)>|<br\s*\/?>/gi, '\n');
    const headingTexts = new Set([...fragment.matchAll(/<h\d[^>]*>([\s\S]*?)<\/h\d>/gi)].map((m) => cellText(m[1])));
    for (const line of cellText(text).split('\n')) {
      const t = line.trim();
      if (t === '') continue;
      paragraphNumber++;
      blocks.push({ text: t, location: `第${paragraphNumber}段` });
      candidates.push({ text: t, isHeading: headingTexts.has(t) });
    }
  };
  let last = 0;
  for (const m of cleaned.matchAll(/<table\b[\s\S]*?<\/table>/gi)) {
    addText(cleaned.slice(last, m.index));
    last = m.index + m[0].length;
    const rows = [...m[0].matchAll(/<tr\b[\s\S]*?<\/tr>/gi)].map((r) => [...r[0].matchAll(/<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/gi)].map((c) => cellText(c[1])));
    const name = `表格${tables.length + 1}`;
    const width = Math.max(0, ...rows.map((r) => r.length));
    for (const row of rows) while (row.length < width) row.push('');
    tables.push({ name, kind: 'table', rows, location: name });
    rows.forEach((row, r) => row.forEach((text, c) => text && blocks.push({ text, location: `${name} 第${r + 1}行第${c + 1}列` })));
    candidates.push({ table: rows });
  }
  addText(cleaned.slice(last));
  return { title: pickTitle(candidates), blocks, tables };
}

export const htmlAdapter: ExtractorAdapter = {
  name: 'html',
  version: 1,
  extensions: ['htm', 'html', 'mht', 'mhtml'],
  accepts: (head, ext) => htmlExts.includes(ext) && looksLikeHtml(head),
  extract: async (bytes, fileName) => {
    let text = decodeText(bytes);
    if (/^mime-version:/im.test(text.slice(0, 2048))) text = htmlOfMht(text);
    const content = htmlToContent(text);
    if (content.blocks.length === 0 && !/<body|<table|<p/i.test(text)) {
      throw new UnreadableError('corrupt', unreadableMessages.corrupt(extensionOf(fileName)));
    }
    return { format: 'html', ...content, dates: [] };
  },
};
