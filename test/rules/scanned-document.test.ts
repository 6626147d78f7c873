import { describe, expect, it } from 'vitest';
import { scannedDocument } from '../../rules/scanned-document.js';
import { makeModel, runRule } from './helpers/make-model.js';

describe('scanned-document', () => {
  it('valid: a PDF with text, and a photo (photos are scans by nature)', () => {
    const model = makeModel({
      villages: [{ name: '红星村', files: [{ path: '红星村/a.pdf', text: ['会议记录'] }, { path: '红星村/b.jpg', content: { isScan: true } }] }],
    });
    expect(runRule(scannedDocument, model)).toEqual([]);
  });

  it('invalid: a PDF without a text layer is an info finding', () => {
    const model = makeModel({ villages: [{ name: '红星村', files: [{ path: '红星村/扫描.pdf', content: { isScan: true } }] }] });
    const findings = runRule(scannedDocument, model);
    expect(findings.map((f) => [f.key, f.severity])).toEqual([['scanned-document|红星村||红星村/扫描.pdf', 'info']]);
  });
});
