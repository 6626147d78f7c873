// The county's settings in the app: one county configuration file (the same YAML `--config` reads) in the user's
// application-data folder, written atomically, and refused with the CLI's own Chinese errors when it does not load.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomically } from '../engine/report/outputs.js';
import { loadRuleData } from '../engine/config/rule-data/load-rule-data.js';
import { UserFacingError } from '../engine/user-facing-error.js';
import type { SettingsView } from './contract.js';

export const COUNTY_FILE = '县里的配置.yaml';

export class SettingsStore {
  constructor(private readonly dir: string) {}

  get file(): string {
    return path.join(this.dir, COUNTY_FILE);
  }

  async text(): Promise<string> {
    return readFile(this.file, 'utf8').catch(() => '');
  }

  /** The config paths a scan uses: the county file when there is one. */
  async configPaths(): Promise<string[]> {
    return (await this.text()).trim() === '' ? [] : [this.file];
  }

  async view(): Promise<SettingsView> {
    const countyYaml = await this.text();
    const { data, extraRules, tables } = await loadRuleData(await this.configPaths());
    const params = data.exportChecks as Record<string, unknown>;
    return {
      countyYaml,
      file: this.file,
      monitoringLines: data.monitoringLines,
      thresholds: tables.thresholds as unknown as Record<string, number>,
      exportParams: Object.fromEntries(
        ['compulsoryAge', 'workingAge', 'tekunWorkingAge', 'publicJob', 'ruralDibaoStandard', 'medicalBurden', 'longUnresolvedMonths', 'measureGraceMonths', 'developmentGraceMonths'].map((k) => [k, params[k] ?? null]),
      ),
      personChecks: extraRules.map((r) => ({ id: r.meta.id, name: r.meta.name })),
    };
  }

  /** Checks the text as `--config` would (same loader, same messages), then saves it; '' removes the county's settings. */
  async save(countyYaml: string): Promise<SettingsView> {
    if (countyYaml.trim() !== '') {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-settings-'));
      const probe = path.join(dir, COUNTY_FILE);
      try {
        await writeFile(probe, countyYaml, 'utf8');
        await loadRuleData([probe]);
      } catch (error) {
        throw new UserFacingError(`设置没有保存：${(error as Error).message}`);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
    await writeFileAtomically(this.file, Buffer.from(countyYaml, 'utf8'));
    return this.view();
  }
}
