import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { gridsToContent, type SheetGrid } from '../../../main/engine/extract/sheet-grid.js';
import { extractXlsx, readWhole } from '../../../main/engine/extract/xlsx-adapter.js';
import { CorruptZipError, FastXlsxUnsupported, readXlsxFast } from '../../../main/engine/extract/xlsx-fast.js';
import { extract, sample } from './fixture.js';
import { randomWorkbook, seededRandom } from './xlsx-random.js';

const fixturesDir = join(import.meta.dirname, '../../../fixtures');

/** The fast reader must read the workbook itself (no fallback) and give exactly exceljs's grids, holes included. */
async function expectSameAsExceljs(bytes: Uint8Array): Promise<SheetGrid[]> {
  const fast = readXlsxFast(bytes);
  expect(fast).toStrictEqual(await readWhole(Buffer.from(bytes)));
  return fast;
}

/** Runs with exceljs's console warnings (long sheet names) kept out of the test output. */
async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = () => {};
  try {
    return await run();
  } finally {
    console.warn = warn;
  }
}

/** For shapes the fast reader leaves to exceljs: it declines, and the adapter gives what exceljs gives. */
async function expectLeftToExceljs(bytes: Uint8Array): Promise<void> {
  expect(() => readXlsxFast(bytes)).toThrow(FastXlsxUnsupported);
  let whole: SheetGrid[] | null = null;
  try {
    whole = await readWhole(Buffer.from(bytes));
  } catch {
    // exceljs cannot read it either
  }
  const extracted = extractXlsx(Buffer.from(bytes), 'xlsx', false);
  if (whole === null) await expect(extracted).rejects.toMatchObject({ reason: 'corrupt' });
  else expect(await extracted).toEqual({ format: 'xlsx', ...gridsToContent(whole), dates: [] });
}

// ---------------------------------------------------------------------------------------------------------
// Packages written by hand, the way Excel, WPS and other tools write them

const mainNs = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const relNs = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const worksheetType = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';

interface SheetSpec {
  name: string;
  /** Worksheet XML, or just the inside of <sheetData> (see sheet()). */
  xml: string;
  path?: string;
  /** Rel target as written; defaults to the path relative to xl/. */
  target?: string;
  sheetId?: number;
  state?: string;
}

interface PackageSpec {
  sheets: SheetSpec[];
  sharedStrings?: string[];
  styles?: string;
  workbookPr?: string;
  /** Further parts, by path. */
  parts?: Record<string, string>;
}

function sheet(sheetData: string, after = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet ${mainNs} ${relNs}><sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

function styles(numFmts: Array<[number, string]>, xfNumFmtIds: number[]): string {
  const formats = numFmts.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code}"/>`).join('');
  const xfs = xfNumFmtIds.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join('');
  return (
    `<styleSheet ${mainNs}>${numFmts.length ? `<numFmts count="${numFmts.length}">${formats}</numFmts>` : ''}` +
    '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfNumFmtIds.length}">${xfs}</cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
  );
}

function buildPackage(spec: PackageSpec): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const sheetEntries: string[] = [];
  const rels: string[] = [];
  spec.sheets.forEach((s, i) => {
    const path = s.path ?? `xl/worksheets/sheet${i + 1}.xml`;
    const target = s.target ?? path.replace(/^xl\//, '');
    const rId = `rId${i + 1}`;
    const state = s.state ? ` state="${s.state}"` : '';
    sheetEntries.push(`<sheet name="${s.name}" sheetId="${s.sheetId ?? i + 1}"${state} r:id="${rId}"/>`);
    rels.push(`<Relationship Id="${rId}" Type="${worksheetType}" Target="${target}"/>`);
    files[path] = strToU8(/^<(\?xml|[\w:]*(work|chart)sheet)/.test(s.xml) ? s.xml : sheet(s.xml));
  });
  if (spec.sharedStrings) {
    rels.push('<Relationship Id="rIdS" Type="sharedStrings" Target="sharedStrings.xml"/>');
    files['xl/sharedStrings.xml'] = strToU8(
      `<sst ${mainNs} count="${spec.sharedStrings.length}" uniqueCount="${spec.sharedStrings.length}">${spec.sharedStrings.join('')}</sst>`,
    );
  }
  if (spec.styles) files['xl/styles.xml'] = strToU8(spec.styles);
  files['xl/workbook.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ${mainNs} ${relNs}>${spec.workbookPr ?? '<workbookPr/>'}` +
      `<bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheetEntries.join('')}</sheets><calcPr calcId="191029"/></workbook>`,
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
  );
  for (const [path, xml] of Object.entries(spec.parts ?? {})) files[path] = strToU8(xml);
  return zipSync(files);
}

function sheetRels(targets: Record<string, string>): string {
  const rels = Object.entries(targets).map(
    ([id, target]) => `<Relationship Id="${id}" Type="hyperlink" Target="${target}" TargetMode="External"/>`,
  );
  return `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
}

// ---------------------------------------------------------------------------------------------------------
// Workbooks written by exceljs

async function exceljsWorkbook(configure: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  configure(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('fast xlsx reader: the same grids as exceljs', () => {
  it('reads a workbook exceljs wrote: strings, rich text, numbers, dates, formulas, merges, sparse cells', async () => {
    const bytes = await exceljsWorkbook((wb) => {
      const ws = wb.addWorksheet('收入测算');
      ws.getCell('A1').value = '2023年度家庭收入测算表';
      ws.mergeCells('A1:D1');
      ws.getRow(2).values = ['项目', '金额', '说明', '日期'];
      ws.getCell('A3').value = '  工资性收入 ';
      ws.getCell('B3').value = 12000;
      ws.getCell('C3').value = { richText: [{ text: '务' }, { font: { bold: true }, text: '工 ' }] };
      ws.getCell('D3').value = new Date(Date.UTC(2023, 2, 5));
      ws.getCell('B4').value = 1234.5;
      ws.getCell('B5').value = 0.1 + 0.2;
      ws.getCell('B6').value = 621700001234567800;
      ws.getCell('B7').value = -5966.83;
      ws.getCell('C4').value = 0.125;
      ws.getCell('C4').numFmt = '0.00%';
      ws.getCell('D4').value = new Date(Date.UTC(2023, 2, 5, 14, 30));
      ws.getCell('D4').numFmt = 'yyyy-mm-dd hh:mm';
      ws.getCell('D5').value = new Date(Date.UTC(1899, 11, 30, 8, 15));
      ws.getCell('D5').numFmt = 'hh:mm';
      ws.getCell('D6').value = 45000;
      ws.getCell('D6').numFmt = 'yyyy"年"m"月"d"日"';
      ws.getCell('D7').value = 45000;
      ws.getCell('D7').numFmt = '0.00"元"';
      ws.getCell('E2').value = { formula: 'SUM(B3:B7)', result: 17900.5 };
      ws.getCell('E3').value = { formula: 'A3&"x"', result: '工资性收入x' };
      ws.getCell('E4').value = { formula: '1/0', result: { error: '#DIV/0!' } };
      ws.getCell('E5').value = { formula: 'B3-B3', result: 0 };
      ws.getCell('E6').value = { formula: 'B3>0', result: true };
      ws.getCell('E7').value = { formula: 'NOW()' };
      ws.getCell('F2').value = { formula: 'B3*2', result: 24000, shareType: 'shared', ref: 'F2:F4' } as never;
      ws.getCell('F3').value = { sharedFormula: 'F2', result: 2469 } as never;
      ws.getCell('F4').value = { sharedFormula: 'F2', result: 0 } as never;
      ws.getCell('G2').value = true;
      ws.getCell('G3').value = false;
      ws.getCell('G4').value = { error: '#N/A' };
      ws.getCell('G5').value = { text: '政策文件', hyperlink: 'https://example.org/zc' };
      ws.getCell('G6').value = { formula: 'HYPERLINK("x")', result: 0 };
      ws.getCell('A8').value = '核实说明';
      ws.mergeCells('A8:A9');
      ws.mergeCells('C9:E12');
      ws.getCell('H9').style = { font: { bold: true } };
      ws.getCell('H14').style = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } } };

      const sparse = wb.addWorksheet('村&组 <名单>');
      sparse.getCell('A1').value = '张小明';
      sparse.getCell('F7').value = '6217000012345680000';
      sparse.getCell('A7').value = ' ';
      const hidden = wb.addWorksheet('隐藏');
      hidden.state = 'hidden';
      hidden.getCell('B2').value = '不显示也读';
      wb.addWorksheet('空表');
    });
    const grids = await expectSameAsExceljs(bytes);
    expect(grids.map((g) => g.name)).toEqual(['收入测算', '村&组 <名单>', '隐藏', '空表']);
    const rows = grids[0].rows;
    expect(rows[2]).toEqual(['工资性收入', '12000', '务工', '2023-03-05', '工资性收入x', '2469', 'FALSE']);
    expect(rows[4][4]).toBe(''); // a formula result of 0 reads as no result in exceljs
    expect(rows[3].slice(1, 4)).toEqual(['1234.5', '0.125', '2023-03-05 14:30']);
    expect(rows[4][3]).toBe('08:15');
    expect(rows.length).toBe(12); // the C9:E12 merge makes rows up to 12
  });

  it('reads a 1904 workbook written by exceljs', async () => {
    const bytes = await exceljsWorkbook((wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet('1904');
      ws.getCell('A1').value = new Date(Date.UTC(2023, 2, 5));
      ws.getCell('A2').value = new Date(Date.UTC(1904, 0, 1, 6));
      ws.getCell('B1').value = 100;
    });
    const grids = await expectSameAsExceljs(bytes);
    expect(grids[0].rows[0]).toEqual(['2023-03-05', '100']);
  });

  it('reads shared strings with runs, phonetic runs, escapes and entities as exceljs does', async () => {
    const bytes = buildPackage({
      sharedStrings: [
        '<si><t>甲_x000D_乙</t></si>',
        '<si><r><rPr><b/><sz val="11"/><rFont val="宋体"/></rPr><t>红星</t></r><r><t xml:space="preserve">村 </t></r></si>',
        '<si><t>山</t><rPh sb="0" eb="1"><t>やま</t></rPh><phoneticPr fontId="1" type="noConversion"/></si>',
        '<si/>',
        '<si><t/></si>',
        '<si><t>a &amp; b &#x4E2D;&#20013; &lt;c&gt; _x000d_</t></si>',
        '<si><r><t>先</t></r><t>后者替换</t></si>',
        '<si><t>一</t><t>二</t></si>',
        '<si><r><rPr><b/></rPr></r></si>',
        '<si>\r\n  <t>行一\r\n行二\r第三</t>\n</si>',
      ],
      sheets: [
        {
          name: 'Sheet1',
          xml: '<row r="1">' + Array.from({ length: 10 }, (_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join('') + '</row>',
        },
      ],
    });
    const grids = await expectSameAsExceljs(bytes);
    expect(grids[0].rows[0]).toEqual(['甲\r乙', '红星村', '山', '[object Object]', '', 'a & b 中中 <c> _x000d_', '后者替换', '二', '', '行一\n行二\n第三']);
  });

  it('reads inline strings, str cells, booleans, errors, numbers and formulas as exceljs does', async () => {
    const bytes = buildPackage({
      sheets: [
        {
          name: 'Sheet1',
          xml:
            '<row r="1"><c r="A1" t="inlineStr"><is><t> 内联 _x0041_ </t></is></c>' +
            '<c r="B1" t="inlineStr"><is><r><t>富</t></r><r><rPr><sz val="11"/></rPr><t>文本_x0041_</t></r></is></c>' +
            '<c r="C1" t="str"><v>x &amp;amp; y</v></c><c r="D1" t="inlineStr"><is><t><![CDATA[丢弃]]>留<!-- 注 -->下</t></is></c>' +
            '<c r="E1" t="inlineStr"><is><t>行一\r\n行二</t></is></c><c r="F1" t="inlineStr"><is/></c><c r="G1" t="inlineStr" s="0"><is/></c></row>' +
            '<row r="2"><c r="A2"><v>1234.5</v></c><c r="B2"><v>0.30000000000000004</v></c><c r="C2"><v>1.23456789012345E+17</v></c>' +
            '<c r="D2"><v>-7</v></c><c r="E2" t="n"><v> 12 </v></c><c r="F2"><v>abc</v></c><c r="G2" t="d"><v>2023-03-05T00:00:00Z</v></c>' +
            '<c r="H2"><v>1<!-- x -->2</v></c><c r="I2"><v></v></c><c r="J2" s="1"><v/></c></row>' +
            '<row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="b"><v>0</v></c><c r="C3" t="b"><v>true</v></c><c r="D3" t="e"><v>#N/A</v></c>' +
            '<c r="E3" t="e"><v> #REF! </v></c><c r="F3" t="s"><v>0</v></c></row>' +
            '<row r="4"><c r="A4"><f>1+1</f><v>2</v></c><c r="B4"><f>1-1</f><v>0</v></c><c r="C4" t="b"><f>TRUE()</f><v>1</v></c>' +
            '<c r="D4" t="b"><f>FALSE()</f><v>0</v></c><c r="E4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="F4"><f>A1</f></c>' +
            '<c r="G4" t="str"><f>"a"&amp;"b"</f><v> ab &amp;lt; </v></c><c r="H4" t="str"><f>""</f><v></v></c></row>' +
            '<row r="5"><c r="A5"><f t="shared" ref="A5:C5" si="0">A4*2</f><v>4</v></c><c r="B5"><f t="shared" si="0"/><v>6</v></c>' +
            '<c r="C5"><f t="shared" si="0"/><v>0</v></c><c r="D5"><f t="shared" si="7"/><v>8</v></c>' +
            '<c r="E5"><f t="array" ref="E5">SUM(A2:B2)</f><v>1234.8</v></c><c r="F5"><f t="dataTable" ref="F5:F6" dt2D="0" dtr="0" r1="A1"/><v>9</v></c>' +
            '<c r="G5"><f/><v>10</v></c><c r="H5" t="s"><f>X</f><v>3</v></c></row>',
        },
      ],
      styles: styles([], [0, 0]),
    });
    const grids = await expectSameAsExceljs(bytes);
    const [r1, r2, r3, r4, r5] = grids[0].rows;
    expect(r1).toEqual(['内联 _x0041_', '富文本A', 'x & y', '留下', '行一\n行二']);
    // I2 (<v></v>, no style) is dropped, J2 (styled, no value) is a Null cell: neither gets a text.
    expect(r2).toEqual(['1234.5', '0.3', '123456789012345000', '-7', '12', 'NaN', '2023', '12']);
    expect(r3).toEqual(['TRUE', 'FALSE', 'TRUE', '#N/A', ' #REF! ', '0']);
    expect(r4).toEqual(['2', '', 'TRUE', '', '#DIV/0!', '', 'ab <', '']);
    expect(r5).toEqual(['4', '6', '', '[object Object]', '1234.8', '[object Object]', '10', '3']);
  });

  it('decides dates the way exceljs does: built-in ids, custom codes, style 0, 1904', async () => {
    const dateStyles = styles(
      [
        [176, 'yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;'],
        [177, '[$-804]aaaa'],
        [178, '0.00&quot;元&quot;'],
        [179, '[h]:mm:ss'],
        [180, '0.0\\m'],
        [14, '0.00'],
      ],
      // Style 0 is never looked up by exceljs; id 14 is redefined as a number; 31 and 57 are CJK date ids
      // exceljs has no code for.
      [22, 14, 22, 31, 176, 178, 20, 10, 179, 177, 180, 57, 0],
    );
    const row = (values: Array<[number, string]>) =>
      values.map(([s, v], i) => `<c r="${String.fromCharCode(65 + i)}1" s="${s}"><v>${v}</v></c>`).join('');
    const cells =
      `<row r="1">${row([[0, '45000'], [1, '45000'], [2, '45000.5'], [3, '45000'], [4, '45000'], [5, '45000'], [6, '0.75'], [7, '0.125'], [8, '1.5'], [9, '45000'], [10, '45000'], [11, '45000'], [12, '45000'], [99, '45000']])}</row>` +
      '<row r="2"><c r="A2" s="4"><f>TODAY()</f><v>45000</v></c><c r="B2" s="4" t="str"><f>"x"</f><v>x</v></c>' +
      '<c r="C2" s="4" t="b"><f>TRUE()</f><v>1</v></c><c r="D2" s="4" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
      '<c r="E2" s="4" t="str"><f>"12"</f><v>12</v></c><c r="F2" s="4"><v>-1</v></c><c r="G2" s="2"><v>0</v></c></row>';
    for (const workbookPr of ['<workbookPr/>', '<workbookPr date1904="1"/>', '<workbookPr date1904="true"/>']) {
      const grids = await expectSameAsExceljs(buildPackage({ workbookPr, styles: dateStyles, sheets: [{ name: '日期', xml: cells }] }));
      if (workbookPr === '<workbookPr/>') {
        expect(grids[0].rows[0].slice(0, 9)).toEqual(['45000', '45000', '2023-03-15 12:00', '45000', '2023-03-15', '45000', '18:00', '0.125', '12:00']);
        expect(grids[0].rows[1].slice(0, 3)).toEqual(['2023-03-15', '', '00:00']);
      }
    }
  });

  it('places cells, merges, styled empty cells and hyperlinks as exceljs does', async () => {
    const xml = sheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c><c r="B1" t="inlineStr"><is><t>被覆盖</t></is></c><c r="H1"><v>8</v></c></row>' +
        '<row r="3"><c r="C3"><v>1</v></c><c><v>2</v></c><c r="F3"/><c><v>3</v></c><c r="J3" s="1"/><c><v>4</v></c></row>' +
        '<row r="6"><c r="A6"><v>1</v></c></row><row r="6"><c r="B6"><v>2</v></c></row>' +
        '<row r="7"><c r="A7"><v>1</v></c><c r="A7" s="1"/><c r="F7" t="inlineStr"><is><t>远</t></is></c></row>' +
        '<row r="9"><c r="G9"/><c r="H9" s="1"/><c r="I9"><f>0</f><v>0</v></c><c r="J9" t="s"><v>0</v></c></row>' +
        '<row r="12"><c r="B12" s="1"/></row><row r="13"/>',
      '<mergeCells count="3"><mergeCell ref="A1:D1"/><mergeCell ref="H1"/><mergeCell ref="C15:D16"/></mergeCells>' +
        '<hyperlinks><hyperlink ref="A1" r:id="rId1"/><hyperlink ref="G9" r:id="rId2"/><hyperlink ref="H9" r:id="rId1"/>' +
        '<hyperlink ref="I9" r:id="rId1" tooltip="t"/><hyperlink ref="J9" r:id="rId1"/><hyperlink ref="C3" location="Sheet2!A1" display="内部"/>' +
        '<hyperlink ref="B1" r:id="rId1"/></hyperlinks>',
    );
    const bytes = buildPackage({
      sharedStrings: ['<si><t> 链接 </t></si>'],
      styles: styles([], [0, 0]),
      sheets: [{ name: '台账', xml }],
      parts: { 'xl/worksheets/_rels/sheet1.xml.rels': sheetRels({ rId1: 'https://example.org/', rId2: 'mailto:a@b.c' }) },
    });
    const grids = await expectSameAsExceljs(bytes);
    const rows = grids[0].rows;
    expect(rows[0]).toEqual(['标题', , , , , , , '8']);
    expect(rows[2]).toEqual([, , '1', '2', '3', , , , , , '4']);
    expect(rows[5]).toEqual([, '2']);
    expect(rows[8]).toEqual([, , , , , , '', '', '0', '链接']);
    expect(rows.length).toBe(16);
    expect(grids[0].merges).toEqual([
      { r1: 0, c1: 0, r2: 0, c2: 3 },
      { r1: 0, c1: 7, r2: 0, c2: 7 },
      { r1: 14, c1: 2, r2: 15, c2: 3 },
    ]);
  });

  it('lists the sheets exceljs lists: by workbook order, hidden ones, not chartsheets or sheetId 0', async () => {
    const bytes = buildPackage({
      sheets: [
        { name: 'Hidden', xml: '<row r="1"><c r="A1"><v>1</v></c></row>', sheetId: 5, state: 'hidden', target: '/xl/worksheets/sheet1.xml' },
        { name: '甲&amp;amp;乙', xml: '<row r="1"><c r="A1"><v>2</v></c></row>', sheetId: 2 },
        { name: '图表', xml: '<chartsheet/>', path: 'xl/chartsheets/sheet1.xml', sheetId: 3 },
        { name: '零号', xml: '<row r="1"><c r="A1"><v>4</v></c></row>', sheetId: 0 },
        { name: '另名', xml: '<row r="1"><c r="A1"><v>5</v></c></row>', path: 'xl/worksheets/data.xml', sheetId: 6 },
        { name: 'Last', xml: '<row r="1"><c r="A1"><v>6</v></c></row>', path: 'xl/worksheets/sheet10.xml', sheetId: 1 },
      ],
    });
    const grids = await expectSameAsExceljs(bytes);
    expect(grids.map((g) => g.name)).toEqual(['Hidden', '甲&乙', 'Last']);
    expect(await expectSameAsExceljs(zipSync({ 'xl/worksheets/sheet1.xml': strToU8(sheet('')) }))).toEqual([]);
  });

  it('leaves to exceljs the shapes it does not mirror, and the adapter then gives what exceljs gives', async () => {
    const one = (xml: string, extra: Partial<PackageSpec> = {}) => buildPackage({ sheets: [{ name: 'S', xml }], ...extra });
    // Phonetic runs in an inline string: exceljs's cell parser loses its place.
    await expectLeftToExceljs(one('<row r="1"><c r="A1" t="inlineStr"><is><t>山</t><rPh sb="0" eb="1"><t>やま</t></rPh></is></c><c r="B1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>'));
    // Overlapping merges: exceljs fails.
    await expectLeftToExceljs(one(sheet('<row r="1"><c r="A1"><v>1</v></c></row>', '<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>')));
    // A row without r, a shared string that is not there, an unknown entity.
    await expectLeftToExceljs(one('<row><c r="A1"><v>1</v></c></row>'));
    await expectLeftToExceljs(one('<row r="1"><c r="A1" t="s"><v>3</v></c></row>', { sharedStrings: ['<si><t>a</t></si>'] }));
    await expectLeftToExceljs(one('<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>'));
    // A sheet name exceljs refuses, and a prefixed main namespace.
    await quietly(() => expectLeftToExceljs(buildPackage({ sheets: [{ name: '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二', xml: '' }] })));
    await expectLeftToExceljs(
      one(`<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`),
    );
    // A styled cell with a styles part that has no cellXfs: exceljs fails looking the style up.
    await expectLeftToExceljs(one('<row r="1"><c r="A1" s="1"><v>1</v></c></row>', { styles: `<styleSheet ${mainNs}/>` }));
  });

  it('reads a workbook SheetJS wrote (str cells, its own styles part)', async () => {
    const rows = [
      ['标题 & 说明', null, null],
      ['姓名', '金额', '日期'],
      ['张三', 1234.5, new Date(Date.UTC(2023, 2, 5))],
      ['李四', -0.1, true],
      [null, { t: 'e', v: 0x2a }, { t: 'n', f: 'B3*2', v: 2469 }],
      ['', 0.30000000000000004, { t: 's', f: '"x"&A3', v: 'x张三' }],
    ];
    for (const bookSST of [false, true]) {
      const ws = XLSX.utils.aoa_to_sheet(rows, { cellDates: true });
      ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 2 } }];
      const wb = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(wb, ws, '名单');
      XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([[1]]), 'Sheet&2');
      const grids = await expectSameAsExceljs(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', bookSST }));
      expect(grids[0].rows[2]).toEqual(['张三', '1234.5', '2023-03-05']);
    }
  });

  it('gives the grids of exceljs, or declines where exceljs fails, on random workbooks', async () => {
    await quietly(async () => {
      let read = 0;
      for (let seed = 1; seed <= 300; seed++) {
        const bytes = randomWorkbook(seededRandom(seed));
        let whole: SheetGrid[] | null = null;
        try {
          whole = await readWhole(Buffer.from(bytes));
        } catch {
          // refused by exceljs: the fast reader must decline too, so the adapter still says corrupt
        }
        if (whole === null) {
          expect(() => readXlsxFast(bytes), `seed ${seed}`).toThrow(FastXlsxUnsupported);
          expect(() => readXlsxFast(bytes, 40, 0), `seed ${seed}, inflated as read`).toThrow();
        } else {
          expect(readXlsxFast(bytes), `seed ${seed}`).toStrictEqual(whole);
          // Read in pieces of a row or two (as a 300 MB worksheet is read in 16 MB pieces): the same grids.
          expect(readXlsxFast(bytes, 40), `seed ${seed}, in pieces`).toStrictEqual(whole);
          // Every worksheet inflated as it is read (as one past 16 MB is), hyperlinks read on a second pass.
          expect(readXlsxFast(bytes, 40, 0), `seed ${seed}, inflated as read`).toStrictEqual(whole);
          read++;
        }
      }
      expect(read).toBeGreaterThan(250);
    });
  });

  it('reads every workbook under fixtures/', async () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.(xlsx|xlsm|xltx)$/i.test(entry.name)) files.push(path);
      }
    };
    walk(fixturesDir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = readFileSync(file);
      // The sample township has an empty .xlsx (a clerk's "new workbook" never saved): corrupt for both.
      if (bytes.length === 0) {
        expect(() => readXlsxFast(bytes), file).toThrow(CorruptZipError);
        await expect(readWhole(bytes), file).rejects.toThrow();
        continue;
      }
      const grids = await expectSameAsExceljs(bytes);
      expect(readXlsxFast(bytes, 100), `${file}, in pieces`).toStrictEqual(grids);
      expect(readXlsxFast(bytes, 100, 0), `${file}, inflated as read`).toStrictEqual(grids);
    }
  });

  it('reports bytes that are no zip as corrupt without asking exceljs', async () => {
    const bytes = sample('sample.xlsx');
    const truncated = Buffer.concat([bytes.subarray(0, 200), Buffer.alloc(300)]);
    expect(() => readXlsxFast(truncated)).toThrow(CorruptZipError);
    expect((await extract(truncated, '坏表.xlsx')).unreadable).toEqual({
      reason: 'corrupt',
      message: '文件已损坏，无法打开（不是有效的 Excel 表格）',
    });
    // Cut short after the first entries: the directory record is gone too.
    expect((await extract(bytes.subarray(0, Math.floor(bytes.length / 2)), '半截.xlsx')).unreadable?.reason).toBe('corrupt');
  });
});
