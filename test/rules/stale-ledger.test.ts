import { describe, expect, it } from 'vitest';
import type { Checklist, ChecklistItem, LedgerEntry } from '../../rules/api.js';
import { staleLedger } from '../../rules/stale-ledger.js';
import { makeModel, runRule, type FileSpec } from './helpers/make-model.js';

function item(name: string, maxAgeMonths?: number): ChecklistItem {
  return {
    name,
    aliases: [],
    level: 'village',
    conditions: [],
    anyOf: [],
    yearly: false,
    covers: [],
    requiredItself: true,
    ...(maxAgeMonths !== undefined ? { maxAgeMonths } : {}),
  };
}

const checklist: Checklist = {
  name: 'test',
  source: 'test',
  procedures: [],
  items: [item('防返贫监测对象台账', 6), item('驻村工作队工作日志', 6), item('村两委会议记录')],
};

function ledgerFile(path: string, itemName: string, isScan = false): FileSpec {
  return {
    path,
    content: { format: isScan ? 'image' : 'xlsx', blocks: [], ...(isScan ? { isScan: true } : {}) },
    matches: [{ item: itemName, years: [], via: 'filename' }],
  };
}

function run(files: FileSpec[], ledgers: Record<string, LedgerEntry[]>, options = {}, asOf = '2023-09-30') {
  const model = makeModel({ asOf, checklist, villages: [{ name: '红星村', files, ledgers }] });
  return runRule(staleLedger, model, options);
}

const ledgerPath = '红星村/村级台账/防返贫监测对象台账.xlsx';
const logPath = '红星村/村级台账/驻村工作日志.docx';

describe('stale-ledger', () => {
  describe('valid', () => {
    it('a ledger updated within six months', () => {
      const entries = [{ date: '2023-01-05', location: '台账!D3' }, { date: '2023-04-01', location: '台账!D9' }];
      expect(run([ledgerFile(ledgerPath, '防返贫监测对象台账')], { [ledgerPath]: entries })).toEqual([]);
    });

    it('the latest of several files of the same ledger counts', () => {
      const old = '红星村/2022年驻村日志.docx';
      const files = [ledgerFile(old, '驻村工作队工作日志'), ledgerFile(logPath, '驻村工作队工作日志')];
      const ledgers = { [old]: [{ date: '2022-12-30', location: '第9段' }], [logPath]: [{ date: '2023-09-01', location: '第3段' }] };
      expect(run(files, ledgers)).toEqual([]);
    });

    it('a photographed ledger and items without an age limit are not judged', () => {
      const photo = '红星村/台账照片/防返贫监测对象台账.jpg';
      const minutes = '红星村/村两委会议记录.docx';
      const files = [ledgerFile(photo, '防返贫监测对象台账', true), ledgerFile(minutes, '村两委会议记录')];
      expect(run(files, { [photo]: [], [minutes]: [{ date: '2020-01-01', location: '第1段' }] })).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('a ledger whose last entry is seven months old', () => {
      const entries = [{ date: '2022-11-02', location: '台账!D3' }, { date: '2023-02-28', location: '台账!D7' }];
      const [finding, ...rest] = run([ledgerFile(ledgerPath, '防返贫监测对象台账')], { [ledgerPath]: entries });
      expect(rest).toEqual([]);
      expect(finding.key).toBe('stale-ledger|红星村||防返贫监测对象台账');
      expect(finding.severity).toBe('warning');
      expect(finding.path).toBe(ledgerPath);
      expect(finding.details).toMatchObject({
        messageId: 'stale',
        item: '防返贫监测对象台账',
        lastEntry: '2023-02-28',
        path: ledgerPath,
        location: '台账!D7',
        monthsOld: 7,
        futureEntries: [],
      });
      expect(finding.message).toBe('防返贫监测对象台账最近一条记录是 2023-02-28，距审查日期已超过 6 个月，未及时更新');
    });

    it('a ledger item without its own limit named in the options uses the county threshold', () => {
      const minutes = '红星村/村两委会议记录.docx';
      const findings = run([ledgerFile(minutes, '村两委会议记录')], { [minutes]: [{ date: '2023-05-01', location: '第1段' }] }, { items: ['村两委会议记录'] });
      expect(findings).toEqual([]);
      const model = makeModel({
        asOf: '2023-09-30',
        checklist,
        villages: [{ name: '红星村', files: [ledgerFile(minutes, '村两委会议记录')], ledgers: { [minutes]: [{ date: '2023-05-01', location: '第1段' }] } }],
      });
      expect(runRule(staleLedger, model, { items: ['村两委会议记录'], maxAgeMonths: 3 })[0].details).toMatchObject({ lastEntry: '2023-05-01', maxAgeMonths: 3 });
    });

    it('a work log with no dated entry at all', () => {
      const [finding] = run([ledgerFile(logPath, '驻村工作队工作日志')], { [logPath]: [] });
      expect(finding.details).toMatchObject({ messageId: 'noEntry', item: '驻村工作队工作日志', lastEntry: null, path: logPath });
      expect(finding.message).toBe('驻村工作队工作日志中找不到带日期的记录，无法看出是否及时更新');
    });

    it('a date after the audit date does not count as the latest entry, and says so', () => {
      const entries = [{ date: '2023-01-10', location: '台账!D3' }, { date: '2032-03-05', location: '台账!D8' }];
      const [finding] = run([ledgerFile(ledgerPath, '防返贫监测对象台账')], { [ledgerPath]: entries });
      expect(finding.details).toMatchObject({
        messageId: 'stale',
        lastEntry: '2023-01-10',
        futureEntries: [{ date: '2032-03-05', path: ledgerPath, location: '台账!D8' }],
      });
      expect(finding.message).toContain('另有晚于审查日期的记录 2032-03-05，可能是笔误，未计入');
    });

    it('a fresh ledger with a date after the audit date gets a notice of the likely typo', () => {
      const entries = [{ date: '2023-09-10', location: '台账!D3' }, { date: '2032-03-05', location: '台账!D8' }];
      const [finding] = run([ledgerFile(ledgerPath, '防返贫监测对象台账')], { [ledgerPath]: entries });
      expect(finding).toMatchObject({ severity: 'info', key: 'stale-ledger|红星村||防返贫监测对象台账|future' });
      expect(finding.details).toMatchObject({ messageId: 'futureEntry', lastEntry: '2023-09-10' });
    });
  });
});
