// Word 97 (.doc) files the way a clerk's would be: saved by an office suite. LibreOffice converts a
// handful of templates once; each household's copy then gets its own name and numbers by replacing
// fixed-length placeholders in the UTF-16 text (same length, so the binary layout stays valid).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DocxTemplate, type DocBlock } from './office-templates.js';

export interface DocSlot {
  key: string;
  length: number;
}

export interface DocTemplateSpec {
  label: string;
  /** Text may contain `[[KEY]]` where a slot goes. */
  blocks: DocBlock[];
  slots: DocSlot[];
}

/** A run of one circled letter per slot: text no real document contains. */
function placeholder(index: number, length: number): string {
  return String.fromCodePoint(0x24d0 + index).repeat(length);
}

interface Prepared {
  bytes: Buffer;
  slots: Array<{ key: string; length: number; needle: Buffer; offsets: number[] }>;
}

export class DocTemplates {
  private constructor(private readonly prepared: Map<string, Prepared>) {}

  static async build(specs: DocTemplateSpec[]): Promise<DocTemplates> {
    const work = mkdtempSync(path.join(tmpdir(), 'bench-doc-'));
    try {
      const inputs: string[] = [];
      for (const [i, spec] of specs.entries()) {
        const blocks = spec.blocks.map((block) => withPlaceholders(block, spec.slots));
        const docx = (await DocxTemplate.build(spec.label, blocks)).fill({}, '2023-06-01');
        const file = path.join(work, `t${i}.docx`);
        writeFileSync(file, docx);
        inputs.push(file);
      }
      const out = path.join(work, 'out');
      mkdirSync(out);
      try {
        execFileSync('soffice', [`-env:UserInstallation=file://${work}/profile`, '--headless', '--convert-to', 'doc', '--outdir', out, ...inputs], {
          stdio: 'ignore',
          timeout: 180_000,
        });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        throw new Error('生成基准乡镇的 .doc 文件需要 LibreOffice（soffice），本机没有找到：请先运行 sudo apt-get install libreoffice-writer-nogui');
      }
      const prepared = new Map<string, Prepared>();
      for (const [i, spec] of specs.entries()) {
        const bytes = readFileSync(path.join(out, `t${i}.doc`));
        const slots = spec.slots.map((slot, k) => {
          const needle = Buffer.from(placeholder(k, slot.length), 'utf16le');
          const offsets: number[] = [];
          for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + needle.length)) offsets.push(at);
          if (offsets.length === 0) throw new Error(`${spec.label}: LibreOffice did not keep slot ${slot.key} as UTF-16 text`);
          return { ...slot, needle, offsets };
        });
        prepared.set(spec.label, { bytes, slots });
      }
      return new DocTemplates(prepared);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }

  /** A copy of the template with each slot's value, padded with ideographic spaces to its length. */
  fill(label: string, values: Record<string, string>): Uint8Array {
    const template = this.prepared.get(label);
    if (!template) throw new Error(`no .doc template ${label}`);
    const bytes = Buffer.from(template.bytes);
    for (const slot of template.slots) {
      const text = [...(values[slot.key] ?? '')].slice(0, slot.length).join('').padEnd(slot.length, '\u3000');
      // Characters outside the BMP would take two code units and shift the text: not used here.
      const encoded = Buffer.from(text, 'utf16le');
      if (encoded.length !== slot.needle.length) throw new Error(`${label}: ${slot.key} must be ${slot.length} BMP characters`);
      for (const offset of slot.offsets) encoded.copy(bytes, offset);
    }
    return bytes;
  }
}

function withPlaceholders(block: DocBlock, slots: DocSlot[]): DocBlock {
  const fill = (text: string): string =>
    text.replace(/\[\[(\w+)\]\]/g, (_, key: string) => {
      const index = slots.findIndex((s) => s.key === key);
      if (index < 0) throw new Error(`unknown .doc slot ${key}`);
      return placeholder(index, slots[index]!.length);
    });
  if (block.kind === 'title' || block.kind === 'p') return { ...block, text: fill(block.text) };
  if (block.kind === 'table') return { ...block, rows: block.rows.map((row) => row.map(fill)) };
  return block;
}
