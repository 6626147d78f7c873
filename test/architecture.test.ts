// The one direction of dependencies the design fixes: cli, ipc → engine → rules (through rules/api.ts and
// rules/index.ts only). Read from the sources' import statements, so a new file that breaks it fails here.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(path.join(repo, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mts|vue)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => path.relative(repo, path.join(e.parentPath, e.name)));
}

/** Every module a file imports (static, dynamic and `export … from`), as repo-relative paths or package names. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(repo, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)].map(
    (m) => m[1] ?? m[2] ?? m[3]!,
  );
  return specifiers.map((s) => (s.startsWith('.') ? path.relative(repo, path.resolve(path.dirname(path.join(repo, file)), s)) : s));
}

function offenders(dir: string, forbidden: (target: string) => boolean): string[] {
  return sources(dir).flatMap((file) => importsOf(file).filter(forbidden).map((target) => `${file} → ${target}`));
}

describe('dependencies point one way', () => {
  it('the parser sees imports (a check that cannot fail would prove nothing)', () => {
    expect(importsOf('main/engine/run-scan.ts')).toContain('rules/index.js');
    expect(importsOf('main/cli/summary.ts').some((t) => t.startsWith('main/engine/'))).toBe(true);
  });

  it('nothing in main/ reaches into rules/lib: the engine uses rules/api.ts and rules/index.ts', () => {
    expect(offenders('main', (t) => t.startsWith('rules/') && !['rules/api.js', 'rules/index.js'].includes(t))).toEqual([]);
  });

  it('the engine imports neither Electron nor the layers above it (cli, ipc, app)', () => {
    expect(offenders('main/engine', (t) => t === 'electron' || /^main\/(cli|ipc|app)\//.test(t))).toEqual([]);
  });

  it('the rules import nothing of main/', () => {
    expect(offenders('rules', (t) => t.startsWith('main/'))).toEqual([]);
  });

  it('the engine is organised by stage: at its top only the chain and what every stage shares; each stage says what it does', () => {
    const top = readdirSync(path.join(repo, 'main/engine')).filter((f) => f.endsWith('.ts')).sort();
    expect(top).toEqual(['inspect-archive.ts', 'run-export-check.ts', 'run-scan.ts', 'scan-input-error.ts', 'types.ts', 'user-facing-error.ts']);
    const stages = readdirSync(path.join(repo, 'main/engine'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(stages).toEqual(['config', 'discover', 'evaluate', 'extract', 'identify', 'ledger', 'read-tables', 'report', 'system-export', 'vocabulary']);
    for (const stage of stages) expect(readFileSync(path.join(repo, 'main/engine', stage, 'README.md'), 'utf8').length, stage).toBeGreaterThan(100);
  });

  it('cli and ipc do not import each other; the renderer reaches main only through the typed contract', () => {
    expect(offenders('main/cli', (t) => /^main\/(ipc|app)\//.test(t))).toEqual([]);
    expect(offenders('main/ipc', (t) => t.startsWith('main/cli/'))).toEqual([]);
    expect(offenders('renderer', (t) => t.startsWith('main/') && !['main/ipc/contract.js', 'main/engine/types.js'].includes(t))).toEqual([]);
  });
});
