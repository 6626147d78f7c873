import { describe, expect, it } from 'vitest';
import { unreadableFile } from '../../rules/unreadable-file.js';
import { makeModel, runRule } from './helpers/make-model.js';

describe('unreadable-file', () => {
  it('valid: readable files say nothing', () => {
    const model = makeModel({ villages: [{ name: '红星村', households: [{ head: '张三', files: [{ path: '红星村/张三/a.docx', text: ['走访记录'] }] }] }] });
    expect(runRule(unreadableFile, model)).toEqual([]);
  });

  it('invalid: one finding per unreadable file, with the household and the reason', () => {
    const model = makeModel({
      villages: [
        {
          name: '红星村',
          files: [{ path: '红星村/台账/空.xlsx', unreadable: { reason: 'empty', message: '文件是空的（0 字节）' } }],
          households: [{ head: '张三', files: [{ path: '红星村/张三/坏.docx', unreadable: { reason: 'corrupt', message: '文件已损坏' } }] }],
        },
      ],
    });
    const findings = runRule(unreadableFile, model);
    expect(findings.map((f) => [f.key, f.household, f.details.reason, f.message])).toEqual([
      ['unreadable-file|红星村||红星村/台账/空.xlsx', null, 'empty', '文件无法读取：文件是空的（0 字节）'],
      ['unreadable-file|红星村|张三|红星村/张三/坏.docx', '张三', 'corrupt', '文件无法读取：文件已损坏'],
    ]);
  });
});
