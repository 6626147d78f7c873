// What the clerk reads when the file system refuses a file: Chinese, no errno code, no path.
import { describe, expect, it } from 'vitest';
import { extractAll } from '../../../main/engine/extract/extract-text.js';
import type { SourceFile } from '../../../main/engine/types.js';

function failing(code: string, name = '家庭收入测算表.xlsx'): SourceFile {
  return {
    path: `红星村/户档/0001_张三/${name}`,
    name,
    ext: name.split('.').pop()!,
    size: 100,
    mtimeMs: 0,
    absPath: `/srv/档案/红星村/户档/0001_张三/${name}`,
    read: async () => {
      throw Object.assign(new Error(`${code}: operation failed, open '/srv/档案/${name}'`), { code });
    },
  };
}

describe('a file the file system will not give', () => {
  it('has its own reason when permission is denied, with what to do', async () => {
    for (const code of ['EACCES', 'EPERM']) {
      const outcome = (await extractAll([failing(code)], { jobs: 1, cacheDir: null })).get(failing(code).path);
      expect(outcome?.unreadable?.reason).toBe('permission');
      expect(outcome?.unreadable?.message).toBe('没有读取这个文件的权限：请用有权限的账户运行，或在文件属性中允许读取后再审查');
    }
  });

  it('says in Chinese what else may be wrong, without errno text or the absolute path', async () => {
    for (const file of [failing('EBUSY'), failing('EIO', '户口簿.jpg')]) {
      const message = (await extractAll([file], { jobs: 1, cacheDir: null })).get(file.path)?.unreadable?.message ?? '';
      expect(message).toMatch(/^无法读取文件：/);
      expect(message).not.toMatch(/[A-Z]{3,}|\/srv/);
    }
  });
});
