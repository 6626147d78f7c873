// Random small .xlsx packages for the differential test of the fast reader: cell types, styles, shared and
// inline strings, formulas, merges, hyperlinks, in the shapes Excel, WPS and exceljs write (and odd ones).
import { strToU8, zipSync } from 'fflate';
import { seededRandom } from '../../../fixtures/generator/seeded-random.js';

export { seededRandom };

const mainNs = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const relNs = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const texts = ['红星村', ' 张小明 ', '', 'a &amp; b', '&lt;x&gt;', '行一\n行二', '_x000D_', 'x_x0041_y', '  ', '&#x4E2D;', '6217000012345680000', '2023-03-05', '&amp;amp;'];
const numbers = ['0', '1', '-1', '1234.5', '0.30000000000000004', '1.23E+17', '45000', '45000.5', '0.75', '1e-7', '', ' 3 ', 'abc', '1E+308', '123456789012345678'];
const formats = ['yyyy-mm-dd', '0.00', '0.00%', 'yyyy&quot;年&quot;m&quot;月&quot;', '[h]:mm', '0.0\\m', '#,##0', '@', '[$-804]aaaa', 'General', 'hh:mm:ss', '&quot;d&quot;0'];

function column(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function randomWorkbook(random: () => number): Uint8Array {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const chance = (p: number) => random() < p;
  const int = (n: number) => Math.floor(random() * n);

  const sharedStrings = Array.from({ length: 1 + int(6) }, () => {
    const kind = int(6);
    if (kind === 0) return `<si><r><rPr><b/></rPr><t>${pick(texts)}</t></r><r><t xml:space="preserve">${pick(texts)}</t></r></si>`;
    if (kind === 1) return `<si><t>${pick(texts)}</t><rPh sb="0" eb="1"><t>ふ</t></rPh><phoneticPr fontId="1"/></si>`;
    if (kind === 2) return chance(0.5) ? '<si/>' : '<si><t/></si>';
    return `<si><t>${pick(texts)}</t></si>`;
  });
  const numFmts = Array.from({ length: int(4) }, (_, i) => [164 + i, pick(formats)] as const);
  const fmtIds = [0, 14, 22, 31, 10, 49, 20, 45, 57, ...numFmts.map(([id]) => id)];
  const xfs = Array.from({ length: 1 + int(6) }, () => pick(fmtIds));
  const styleCount = xfs.length;

  const files: Record<string, Uint8Array> = {};
  const sheetCount = 1 + int(3);
  const sheetEntries: string[] = [];
  const workbookRels: string[] = [];
  for (let s = 0; s < sheetCount; s++) {
    const rows: string[] = [];
    let rowNumber = 0;
    const rowTotal = int(8);
    for (let r = 0; r < rowTotal; r++) {
      rowNumber = chance(0.1) && rowNumber > 0 ? rowNumber : rowNumber + 1 + (chance(0.3) ? int(4) : 0);
      const cells: string[] = [];
      let col = 0;
      const cellTotal = int(7);
      for (let c = 0; c < cellTotal; c++) {
        col += chance(0.2) ? 0 : 1 + (chance(0.3) ? int(3) : 0);
        const address = chance(0.15) && c > 0 ? '' : ` r="${column(Math.max(col, 1) - 1)}${rowNumber}"`;
        const style = chance(0.5) ? ` s="${int(styleCount + (chance(0.1) ? 2 : 0))}"` : '';
        const kind = int(12);
        let body = '';
        let type = '';
        if (kind === 0) body = '';
        else if (kind === 1) { type = ' t="s"'; body = `<v>${int(sharedStrings.length)}</v>`; }
        else if (kind === 2) { type = ' t="str"'; body = `<v>${pick(texts)}</v>`; }
        else if (kind === 3) { type = ' t="inlineStr"'; body = chance(0.5) ? `<is><t>${pick(texts)}</t></is>` : `<is><r><t>${pick(texts)}</t></r><r><rPr><sz val="9"/></rPr><t>${pick(texts)}</t></r></is>`; }
        else if (kind === 4) { type = ' t="b"'; body = `<v>${pick(['0', '1', 'true'])}</v>`; }
        else if (kind === 5) { type = ' t="e"'; body = `<v>${pick(['#N/A', '#DIV/0!', '#REF!'])}</v>`; }
        else if (kind === 6) {
          type = pick(['', ' t="str"', ' t="b"', ' t="e"', ' t="n"']);
          const value = chance(0.8) ? `<v>${type === ' t="str"' ? pick(texts) : type === ' t="b"' ? pick(['0', '1']) : type === ' t="e"' ? '#N/A' : pick(numbers)}</v>` : '';
          body = `<f>${pick(['A1+1', 'SUM(A1:B2)', '&quot;x&quot;&amp;A1'])}</f>${value}`;
        } else if (kind === 7) {
          const si = int(2);
          body = chance(0.4) ? `<f t="shared" ref="${column(col)}${rowNumber}:${column(col)}${rowNumber + 3}" si="${si}">A1*2</f><v>${pick(numbers)}</v>` : `<f t="shared" si="${si}"/><v>${pick(numbers)}</v>`;
        } else if (kind === 8) { type = ' t="d"'; body = '<v>2023-03-05T00:00:00Z</v>'; }
        else body = `<v>${pick(numbers)}</v>`;
        cells.push(body === '' && chance(0.7) ? `<c${address}${style}${type}/>` : `<c${address}${style}${type}>${body}</c>`);
      }
      rows.push(`<row r="${rowNumber}"${chance(0.2) ? ' spans="1:5" ht="20" customHeight="1"' : ''}>${cells.join('')}</row>`);
    }
    // Now and then rows out of order.
    if (chance(0.1)) rows.reverse();
    const merges: string[] = [];
    const taken: Array<[number, number, number, number]> = [];
    for (let m = int(4); m > 0; m--) {
      const r1 = 1 + int(10);
      const c1 = int(6);
      const r2 = r1 + int(3);
      const c2 = c1 + int(3);
      // Mostly non-overlapping; now and then an overlap, which exceljs refuses.
      if (!chance(0.05) && taken.some(([a, b, c, d]) => r1 <= c && r2 >= a && c1 <= d && c2 >= b)) continue;
      taken.push([r1, c1, r2, c2]);
      merges.push(`<mergeCell ref="${column(c1)}${r1}${r1 === r2 && c1 === c2 && chance(0.5) ? '' : `:${column(c2)}${r2}`}"/>`);
    }
    const links: string[] = [];
    for (let h = chance(0.3) ? int(4) : 0; h > 0; h--) {
      links.push(chance(0.8) ? `<hyperlink ref="${column(int(6))}${1 + int(10)}" r:id="rId1"/>` : `<hyperlink ref="A1" location="Sheet1!A1"/>`);
    }
    const worksheet =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${mainNs} ${relNs}><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="2" width="12"/></cols><sheetData>${rows.join('')}</sheetData>` +
      (merges.length ? `<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>` : '') +
      (links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
    files[`xl/worksheets/sheet${s + 1}.xml`] = strToU8(worksheet);
    if (links.length) {
      files[`xl/worksheets/_rels/sheet${s + 1}.xml.rels`] = strToU8(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="hyperlink" Target="https://example.org/" TargetMode="External"/></Relationships>',
      );
    }
    // Mostly distinct names and ids; sometimes a clash (case-insensitive), a sheetId of 0 or none.
    const name = chance(0.05) ? pick(['sheet', 'SHEET']) : pick(['Sheet', '村&amp;组', '名单', 'A b', '台账']) + (s + 1);
    const id = chance(0.05) ? '' : ` sheetId="${chance(0.05) ? pick(['0', '1', '7']) : sheetCount - s}"`;
    sheetEntries.push(`<sheet name="${name}"${id}${chance(0.2) ? ' state="hidden"' : ''} r:id="rId${s + 1}"/>`);
    workbookRels.push(`<Relationship Id="rId${s + 1}" Type="worksheet" Target="${chance(0.3) ? '/xl/' : ''}worksheets/sheet${s + 1}.xml"/>`);
  }
  // A worksheet part no sheet points at, which exceljs parses and then leaves out.
  if (chance(0.1)) files[`xl/worksheets/sheet${sheetCount + 1}.xml`] = strToU8(`<worksheet ${mainNs}><sheetData><row r="1"><c r="A1"><v>9</v></c></row></sheetData></worksheet>`);
  files['xl/workbook.xml'] = strToU8(
    `<workbook ${mainNs} ${relNs}><workbookPr${chance(0.2) ? pick([' date1904="1"', ' date1904="true"']) : ''}/><sheets>${sheetEntries.join('')}</sheets></workbook>`,
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${workbookRels.join('')}</Relationships>`,
  );
  if (chance(0.9)) files['xl/sharedStrings.xml'] = strToU8(`<sst ${mainNs}>${sharedStrings.join('')}</sst>`);
  if (chance(0.9)) {
    const fmtXml = numFmts.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code}"/>`).join('');
    files['xl/styles.xml'] = strToU8(
      `<styleSheet ${mainNs}>${numFmts.length ? `<numFmts count="${numFmts.length}">${fmtXml}</numFmts>` : ''}` +
        '<fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
        '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        `<cellXfs count="${xfs.length}">${xfs.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"><alignment horizontal="center"/></xf>`).join('')}</cellXfs></styleSheet>`,
    );
  }
  return zipSync(files);
}
