import { readFileSync, rmSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'crr-site-sheets-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('crr build publishes the hazard log as a spreadsheet', () => {
  it('writes export/hazard-log.xlsx and a CSV per sheet, the same bytes as crr export, linked from the data page', async () => {
    const site = join(temp, 'site');
    const built = await runCli(['build', join(root, 'registers/example-icb'), '--out', site, '--as-of', '2026-11-21', '--no-search']);
    expect(built.code).toBe(0);
    const exported = join(temp, 'exported.xlsx');
    expect((await runCli(['export', join(root, 'registers/example-icb'), '--out', exported, '--as-of', '2026-11-21'])).code).toBe(0);
    expect(readFileSync(join(site, 'export/hazard-log.xlsx')).equals(readFileSync(exported))).toBe(true);

    const csv = join(temp, 'csv');
    expect((await runCli(['export', join(root, 'registers/example-icb'), '--format', 'csv', '--out', csv, '--as-of', '2026-11-21'])).code).toBe(0);
    const page = readFileSync(join(site, 'export/index.html'), 'utf8');
    expect(page).toContain('<a href="hazard-log.xlsx">hazard-log.xlsx</a>');
    for (const sheet of ['hazards', 'controls', 'incidents', 'acceptances', 'assets', 'sites', 'findings']) {
      expect(page).toContain(`<a href="hazard-log-${sheet}.csv">`);
      expect(readFileSync(join(site, `export/hazard-log-${sheet}.csv`)).equals(readFileSync(join(csv, `${sheet}.csv`))), sheet).toBe(true);
    }
    expect(page).toMatch(/The hazard log as a spreadsheet in the NHS hazard-log template/);
    // A rebuild replaces them: they are files crr wrote.
    expect((await runCli(['build', join(root, 'registers/example-icb'), '--out', site, '--as-of', '2026-11-21', '--no-search'])).code).toBe(0);
  }, 120_000);
});
