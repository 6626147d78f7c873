// App state is saved with a temporary file and a rename: a process killed in the middle of a save leaves the
// previous state readable, never half a file.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
let dir: string;
afterAll(() => rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));

describe('atomic save', () => {
  it('survives kill -9 in the middle of saving, repeatedly', { timeout: 90_000 }, async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dc-atomic-'));
    const target = path.join(dir, 'index.json');
    const script = path.join(dir, 'saver.mts');
    // Saves a 4 MB JSON document over and over until killed.
    await writeFile(
      script,
      `import { writeFileAtomically } from ${JSON.stringify(path.join(repo, 'main/engine/report/outputs.ts'))};
       const big = JSON.stringify({ entries: Array.from({ length: 60000 }, (_, i) => ({ id: i, root: '某某镇档案/红星村' })) });
       for (let n = 0; ; n++) await writeFileAtomically(${JSON.stringify(target)}, Buffer.from(big));`,
    );
    for (let round = 0; round < 5; round++) {
      // Node itself with tsx's loader, not the tsx wrapper: SIGKILL must reach the process that writes.
      const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: 'ignore', cwd: repo });
      // Once the first save has landed, kill it at a different moment each round.
      for (let waited = 0; round === 0 && !existsSync(target) && waited < 30_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
      await new Promise((resolve) => setTimeout(resolve, 300 + round * 137));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.on('close', resolve));
      const saved = JSON.parse(await readFile(target, 'utf8')) as { entries: unknown[] };
      expect(saved.entries).toHaveLength(60000);
    }
  });
});
