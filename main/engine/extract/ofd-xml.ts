// The parts of OFD (GB/T 33190) XML a text reader needs, by a tolerant scan: the document root,
// its pages, each page's text objects with their positions, and its image objects.
import { decodeXmlEntities } from './docx-xml.js';

export interface OfdTextObject {
  x: number;
  y: number;
  text: string;
}

export interface OfdPageContent {
  texts: OfdTextObject[];
  /** ResourceIDs of the page's images, largest first. */
  images: Array<{ resourceId: string; area: number }>;
}

function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(tag) ?? new RegExp(`\\b${name}\\s*=\\s*'([^']*)'`).exec(tag);
  return m ? decodeXmlEntities(m[1]!) : null;
}

function numbers(text: string | null): number[] {
  return (text ?? '').trim().split(/[\s,]+/).map(Number).filter((n) => Number.isFinite(n));
}

/** The first DocRoot of OFD.xml (`Doc_0/Document.xml`). */
export function readDocRoot(ofdXml: string): string | null {
  const m = /<(?:\w+:)?DocRoot[^>]*>([^<]+)<\/(?:\w+:)?DocRoot>/.exec(ofdXml);
  return m ? decodeXmlEntities(m[1]!.trim()) : null;
}

/** Page content paths of Document.xml in page order, and the resource files it names. */
export function readDocument(documentXml: string): { pages: string[]; resources: string[] } {
  const pages = [...documentXml.matchAll(/<(?:\w+:)?Page\b[^>]*>/g)].map((m) => attribute(m[0], 'BaseLoc')).filter((p): p is string => !!p);
  const resources = [...documentXml.matchAll(/<(?:\w+:)?(?:PublicRes|DocumentRes)>([^<]+)</g)].map((m) => decodeXmlEntities(m[1]!.trim()));
  return { pages, resources };
}

/** MultiMedia ID → media file path (relative to the resource file's BaseLoc). */
export function readMedia(resXml: string): Map<string, string> {
  const base = /<(?:\w+:)?Res\b[^>]*>/.exec(resXml);
  const baseLoc = base ? (attribute(base[0], 'BaseLoc') ?? '') : '';
  const media = new Map<string, string>();
  for (const m of resXml.matchAll(/<(?:\w+:)?MultiMedia\b([^>]*)>[\s\S]*?<(?:\w+:)?MediaFile>([^<]+)</g)) {
    const id = attribute(m[1]!, 'ID');
    if (id) media.set(id, baseLoc ? `${baseLoc.replace(/\/$/, '')}/${m[2]!.trim()}` : m[2]!.trim());
  }
  return media;
}

/** Every TextObject (its TextCodes joined) at its Boundary's position, and every ImageObject. */
export function readPageContent(contentXml: string): OfdPageContent {
  const texts: OfdTextObject[] = [];
  for (const m of contentXml.matchAll(/<(?:\w+:)?TextObject\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?TextObject>/g)) {
    const [bx = 0, by = 0] = numbers(attribute(m[1]!, 'Boundary'));
    const codes = [...m[2]!.matchAll(/<(?:\w+:)?TextCode\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?TextCode>/g)];
    const text = codes.map((c) => decodeXmlEntities(c[2]!)).join('');
    const firstY = numbers(attribute(codes[0]?.[1] ?? '', 'Y'))[0] ?? 0;
    if (text.trim()) texts.push({ x: bx, y: by + firstY, text });
  }
  const images = [...contentXml.matchAll(/<(?:\w+:)?ImageObject\b([^>]*)\/?>/g)]
    .map((m) => {
      const [, , w = 0, h = 0] = numbers(attribute(m[1]!, 'Boundary'));
      return { resourceId: attribute(m[1]!, 'ResourceID') ?? '', area: w * h };
    })
    .filter((i) => i.resourceId !== '')
    .sort((a, b) => b.area - a.area);
  return { texts, images };
}

/** Text objects in reading order: rows top to bottom (within half a line), each left to right. */
export function readingOrder(texts: readonly OfdTextObject[], tolerance = 2): string[] {
  const sorted = [...texts].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: OfdTextObject[][] = [];
  for (const t of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0]!.y - t.y) <= tolerance) line.push(t);
    else lines.push([t]);
  }
  return lines.map((line) => line.sort((a, b) => a.x - b.x).map((t) => t.text).join('').trim()).filter(Boolean);
}
