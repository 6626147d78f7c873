// Amount cells as clerks type them: `12,345.6`, `１２３４５`, `1.2万元`, `3000元`, `-200`.
// A cell with other words (`月均2000元`, a note) is not an amount.

/** The amount in 元 (or the plain number), scaled by `scale` unless the cell names its own unit. */
export function parseAmount(text: string | undefined | null, scale = 1): number | null {
  if (!text) return null;
  // Most cells of an export are plain numbers: read them without normalising (NFKC is slow over millions of cells).
  if (plainNumber.test(text)) return round(Number(text) * scale);
  const s = text.normalize('NFKC').replace(/\s+/g, '').replace(/[,，]/g, '');
  const m = /^(-?\d+(?:\.\d+)?)(万元|万|元|人|口)?$/.exec(s);
  if (!m) return null;
  const value = Number(m[1]);
  if (!Number.isFinite(value)) return null;
  if (m[2] === '万元' || m[2] === '万') return round(value * 10000);
  if (m[2] === '元' || m[2] === '人' || m[2] === '口') return value;
  return round(value * scale);
}

const plainNumber = /^-?\d{1,15}(?:\.\d+)?$/;

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
