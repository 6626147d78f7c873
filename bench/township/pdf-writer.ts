// PDFs with a Chinese text layer, made by pdfkit. Parsing the 17 MB WenQuanYi collection dominates
// pdfkit's time (≈40 ms a file); the parsed font is kept and handed to every document (≈6 ms a file).
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { DocBlock } from './office-templates.js';

const FONT_FILE = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';
// fontkit addresses a font inside a .ttc by its PostScript name (family 'WenQuanYi Zen Hei').
const FONT_NAME = 'WenQuanYiZenHei';

interface FontkitFont {
  layout(text: string): unknown;
}

let font: FontkitFont | null = null;

/** fontkit as pdfkit itself resolves it, so the parsed font is the kind pdfkit embeds. */
function sharedFont(): FontkitFont {
  if (font) return font;
  const requireFromPdfkit = createRequire(createRequire(import.meta.url).resolve('pdfkit'));
  const fontkit = requireFromPdfkit('fontkit') as { openSync(path: string, postscriptName: string): FontkitFont };
  font = fontkit.openSync(FONT_FILE, FONT_NAME);
  return font;
}

export async function makePdf(blocks: DocBlock[], date: string, docTitle: string): Promise<Uint8Array> {
  const stamp = new Date(`${date}T09:00:00Z`);
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: docTitle, Author: '村委会', CreationDate: stamp, ModDate: stamp },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => pdf.on('end', () => resolve()));
  // pdfkit accepts an already parsed fontkit font in place of a path.
  pdf.registerFont('zh', sharedFont() as unknown as string, FONT_NAME);
  pdf.font('zh');
  for (const block of blocks) {
    if (block.kind === 'title') pdf.fontSize(16).text(block.text, { align: 'center' }).moveDown(0.5);
    else if (block.kind === 'p') pdf.fontSize(11).text(block.text).moveDown(0.3);
    else if (block.kind === 'page') pdf.addPage();
    else for (const row of block.rows) pdf.fontSize(10).text(row.join('    '));
  }
  pdf.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
