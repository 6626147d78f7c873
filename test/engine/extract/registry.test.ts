import { describe, expect, it } from 'vitest';
import { pickAdapter } from '../../../main/engine/extract/registry.js';
import { extract, sample } from './fixture.js';

describe('adapter registry', () => {
  it('reports a 0-byte file of any format as empty', async () => {
    for (const name of ['a.docx', 'a.pdf', 'a.xls', 'a.txt']) {
      expect((await extract(Buffer.alloc(0), name)).unreadable).toEqual({ reason: 'empty', message: '文件是空的（0 字节），没有任何内容' });
    }
  });

  it('chooses by first bytes when the name lies', () => {
    expect(pickAdapter(sample('sample.xls').subarray(0, 1024), 'xlsx').name).toBe('xls');
    expect(pickAdapter(sample('sample.docx').subarray(0, 1024), 'wps').name).toBe('docx');
    expect(pickAdapter(sample('sample.doc').subarray(0, 1024), 'docx').name).toBe('doc');
    expect(pickAdapter(sample('sample.pdf').subarray(0, 1024), 'txt').name).toBe('pdf');
    expect(pickAdapter(Buffer.from('whatever'), 'jpg').name).toBe('image');
  });

  it('reports an unknown format as unsupported', async () => {
    const outcome = await extract(Buffer.from('Rar!\x1a\x07\x00'), '资料.rar');
    expect(outcome.unreadable).toEqual({ reason: 'unsupported', message: '不支持读取此类文件（.rar），未检查其内容' });
  });
});
