// Every rule is registered, tested, documented, and uses each message it declares (as ESLint's rule meta-tests do).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { rules } from '../../rules/index.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ruleFiles = readdirSync(path.join(repo, 'rules'))
  .filter((f) => f.endsWith('.ts') && !['api.ts', 'index.ts'].includes(f))
  .map((f) => f.replace(/\.ts$/, ''));
const exportFiles = readdirSync(path.join(repo, 'rules/export'))
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => `export/${f.replace(/\.ts$/, '')}`);
const thresholds = parse(readFileSync(path.join(repo, 'rules/data/thresholds.yaml'), 'utf8')) as Record<string, number>;
const exportDocs = readdirSync(path.join(repo, 'rules/docs/export')).map((f) => readFileSync(path.join(repo, 'rules/docs/export', f), 'utf8'));

describe('rule modules', () => {
  it('every rule file is registered under its own id', () => {
    expect(Object.keys(rules).sort()).toEqual([...ruleFiles, ...exportFiles].sort());
  });

  it('no two rules share a Chinese name', () => {
    const names = Object.values(rules).map((r) => r.meta.name);
    expect(new Set(names).size).toBe(names.length);
  });

  for (const [id, rule] of Object.entries(rules)) {
    describe(id, () => {
      it('has its id in meta, a Chinese name, a severity, a description and Chinese messages', () => {
        expect(rule.meta.id).toBe(id);
        expect(rule.meta.name).toMatch(/^\p{Script=Han}/u);
        expect(['error', 'warning', 'info']).toContain(rule.meta.severity);
        expect(rule.meta.description).toMatch(/\p{Script=Han}/u);
        for (const message of Object.values(rule.meta.messages)) expect(message).toMatch(/\p{Script=Han}/u);
      });

      it('declares each option with a Chinese name and a default; one set by thresholds.yaml names a key it has', () => {
        for (const option of Object.values(rule.meta.options ?? {})) {
          expect(option.name).toMatch(/\p{Script=Han}/u);
          expect(option.default).not.toBeUndefined();
          if (option.threshold !== undefined) expect(Object.keys(thresholds)).toContain(option.threshold);
        }
      });

      it('has a test and a doc with a correct and an incorrect example', () => {
        // Export checks are each run against their plants, look-alikes and a missing column by every-check.test.ts.
        const test = id.startsWith('export/') && !existsSync(path.join(repo, 'test/rules', `${id}.test.ts`)) ? 'export/every-check' : id;
        expect(existsSync(path.join(repo, 'test/rules', `${test}.test.ts`))).toBe(true);
        // An export check is documented in its category's page, in a section of its own.
        const doc = id.startsWith('export/')
          ? (exportDocs.map((d) => d.split(/^## /m).find((s) => s.includes(`\`${id}\``))).find(Boolean) ?? '')
          : readFileSync(path.join(repo, 'rules/docs', `${id}.md`), 'utf8');
        expect(doc).toContain(id);
        expect(doc).toMatch(/正确/);
        expect(doc).toMatch(/错误/);
      });

      it('uses every message id it declares', () => {
        const source = readFileSync(path.join(repo, 'rules', `${id}.ts`), 'utf8');
        if (rule.meta.export) expect(rule.meta.export.columns.length).toBeGreaterThan(0);
        for (const messageId of Object.keys(rule.meta.messages)) {
          expect(source, `${id} never reports ${messageId}`).toMatch(new RegExp(`['"\`]${messageId}['"\`]`));
        }
      });
    });
  }
});

describe('export checks written as data', async () => {
  const { loadRuleData } = await import('../../main/engine/config/rule-data/load-rule-data.js');
  const { extraRules } = await loadRuleData();
  it('are named apart from every other rule, and each has its doc section with a correct and an incorrect example', () => {
    const names = [...Object.values(rules), ...extraRules].map((r) => r.meta.name);
    expect(new Set(names).size).toBe(names.length);
    expect(extraRules.length).toBeGreaterThan(0);
    for (const rule of extraRules) {
      const doc = exportDocs.map((d) => d.split(/^## /m).find((s) => s.includes(`\`${rule.meta.id}\``))).find(Boolean) ?? '';
      expect(doc, rule.meta.id).toMatch(/正确/);
      expect(doc, rule.meta.id).toMatch(/错误/);
    }
  });
});
