import { describe, expect, it } from 'vitest';
import { findDates, parseDateText } from '../../../rules/lib/find-dates.js';

const datesIn = (text: string) => findDates([{ text, location: '第1段' }]).map((d) => [d.date, d.precision, d.text]);

describe('findDates', () => {
  it('reads the ways Chinese documents write dates', () => {
    expect(datesIn('申请日期：2023年3月5日')).toEqual([['2023-03-05', 'day', '2023年3月5日']]);
    expect(datesIn('2023 年 03 月 05 日签字')).toEqual([['2023-03-05', 'day', '2023 年 03 月 05 日']]);
    expect(datesIn('识别时间2023年03月')).toEqual([['2023-03-01', 'month', '2023年03月']]);
    expect(datesIn('公示期2023.3.5至2023.3.11')).toEqual([
      ['2023-03-05', 'day', '2023.3.5'],
      ['2023-03-11', 'day', '2023.3.11'],
    ]);
    expect(datesIn('2023-03-05 与 2023/3/6')).toEqual([
      ['2023-03-05', 'day', '2023-03-05'],
      ['2023-03-06', 'day', '2023/3/6'],
    ]);
    expect(datesIn('二〇二三年三月五日')).toEqual([['2023-03-05', 'day', '二〇二三年三月五日']]);
    expect(datesIn('二〇二三年十二月三十一日')).toEqual([['2023-12-31', 'day', '二〇二三年十二月三十一日']]);
    expect(datesIn('２０２３年１０月２０日')).toEqual([['2023-10-20', 'day', '２０２３年１０月２０日']]);
    expect(datesIn('2024年度收入')).toEqual([['2024-01-01', 'year', '2024年']]);
    expect(datesIn('截至2023-06')).toEqual([['2023-06-01', 'month', '2023-06']]);
  });

  it('ignores impossible dates', () => {
    expect(datesIn('2023年2月30日')).toEqual([]);
    expect(datesIn('2023-13-01')).toEqual([]);
    expect(datesIn('2023.02.29')).toEqual([]);
    expect(datesIn('2024.02.29')).toEqual([['2024-02-29', 'day', '2024.02.29']]);
  });

  it('finds no dates in ID numbers, amounts or phone numbers', () => {
    expect(datesIn('身份证号620102198001011234')).toEqual([]);
    expect(datesIn('身份证号 62010219800101123X')).toEqual([]);
    expect(datesIn('人均纯收入 2023.35 元，合计 12023.5 元')).toEqual([]);
    expect(datesIn('电话 13912345678，账号 6217000012345678')).toEqual([]);
    expect(datesIn('编号 1.2023.3.5')).toEqual([]);
  });

  it('keeps the location of each block', () => {
    const found = findDates([
      { text: '无日期', location: '第1段' },
      { text: '2023年4月1日', location: '表格1 第2行第3列' },
    ]);
    expect(found).toEqual([{ date: '2023-04-01', precision: 'day', location: '表格1 第2行第3列', text: '2023年4月1日' }]);
  });
});

describe('parseDateText', () => {
  it('reads single cells of ledgers and system exports', () => {
    expect(parseDateText('202303')).toEqual({ date: '2023-03-01', precision: 'month' });
    expect(parseDateText(202303)).toEqual({ date: '2023-03-01', precision: 'month' });
    expect(parseDateText('20230305')).toEqual({ date: '2023-03-05', precision: 'day' });
    expect(parseDateText(45108)).toEqual({ date: '2023-07-01', precision: 'day' });
    expect(parseDateText('2023/3/5 0:00:00')).toEqual({ date: '2023-03-05', precision: 'day' });
    expect(parseDateText('2023-03-05T08:00:00Z')).toEqual({ date: '2023-03-05', precision: 'day' });
    expect(parseDateText('2023.03')).toEqual({ date: '2023-03-01', precision: 'month' });
    expect(parseDateText('2023年3月')).toEqual({ date: '2023-03-01', precision: 'month' });
    expect(parseDateText(' 二〇二三年三月五日 ')).toEqual({ date: '2023-03-05', precision: 'day' });
    expect(parseDateText(new Date(Date.UTC(2023, 2, 5)))).toEqual({ date: '2023-03-05', precision: 'day' });
  });

  it('returns null for what is no date', () => {
    for (const value of ['', '张三', '202313', '20230230', '12000元', '620102198001011234', null, undefined, -3, 95000]) {
      expect(parseDateText(value)).toBeNull();
    }
  });
});
