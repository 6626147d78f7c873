// Bytes under a text or spreadsheet name that are not text are a damaged file, not a document; a UTF-8 file cut
// mid-character is still UTF-8.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../fixtures/generator/seeded-random.js';
import { decodeText } from '../../../main/engine/extract/decode-text.js';
import { extract } from './fixture.js';

function randomBytes(seed: number, length: number, withoutNul = false): Buffer {
  const next = seededRandom(seed);
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(next() * 256) || (withoutNul ? 1 : 0);
  return bytes;
}

describe('garbage under text names', () => {
  for (const name of ['记录.txt', '名单.csv']) {
    it(`calls random bytes named ${name} damaged, in Chinese`, async () => {
      for (const seed of [1, 2, 3]) {
        const { content, unreadable } = await extract(randomBytes(seed, 4000), name);
        expect(content).toBeNull();
        expect(unreadable?.reason).toBe('corrupt');
        expect(unreadable?.message).toContain('文件内容不是文字');
      }
    });
  }

  for (const name of ['台账.xls', '台账.et']) {
    it(`calls random bytes with no NUL in the first KB named ${name} damaged`, async () => {
      const { content, unreadable } = await extract(randomBytes(7, 6000, true), name);
      expect(content).toBeNull();
      expect(unreadable?.reason).toBe('corrupt');
    });
  }

  it('still reads a CSV export under an .xls name', async () => {
    const { content, unreadable } = await extract(Buffer.from('户主,人口\n张三,4\n李四,3\n', 'utf8'), '名单.xls');
    expect(unreadable).toBeNull();
    expect(content?.tables[0].rows).toEqual([['户主', '人口'], ['张三', '4'], ['李四', '3']]);
  });
});

describe('decodeText', () => {
  it('decodes a UTF-8 file cut in the middle of its last character as UTF-8, not GBK', () => {
    const whole = Buffer.from('2023年3月5日 入户走访张三户，了解收入情况', 'utf8');
    const cut = whole.subarray(0, whole.length - 1);
    expect(decodeText(cut)).toBe('2023年3月5日 入户走访张三户，了解收入情\ufffd');
  });

  it('still decodes GBK as GBK', () => {
    const gbk = Buffer.from([0xba, 0xec, 0xd0, 0xc7, 0xb4, 0xe5]);
    expect(decodeText(gbk)).toBe('红星村');
  });
});
