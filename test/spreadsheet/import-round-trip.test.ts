import { cpSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateFolder } from '@crr/core';
import { runCli } from '../support/run-cli.js';
import { scratch } from './import-support.js';
import { HOSTILE_REGISTER } from './hostile-register.js';

/**
 * The done-when test of `crr import hazard-log`: export, import, export gives the same hazard
 * log on the worked example. The imported hazards, controls and acceptances, put in the place of
 * the example's own, validate as the example does; exported again, the Hazards sheet has the same
 * values and every CSV file is byte-identical but one column (below).
 */

const EXAMPLE = fileURLToPath(new URL('../../registers/example-icb/', import.meta.url));
const AS_OF = '2026-12-01';
const s = scratch();
afterAll(() => s.cleanup());

async function cli(argv: string[]) {
  const r = await runCli(argv, { cwd: s.dir, today: AS_OF });
  expect(r.stderr).toBe('');
  return r;
}

/** Every cell value of a sheet, row by row, as exceljs reads it. */
async function sheetValues(file: string, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet)!;
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => (rows[r - 1] = (row.values as unknown[]).slice(1)));
  return rows;
}

describe('export, import, export on registers/example-icb', () => {
  beforeAll(async () => {
    await cli(['export', EXAMPLE, '--out', 'first.xlsx', '--as-of', AS_OF]);
    await cli(['export', EXAMPLE, '--format', 'csv', '--out', 'first-csv', '--as-of', AS_OF]);
  });

  it('imports the exported workbook and the exported CSV files to the same records, without a word to say', async () => {
    const fromXlsx = await cli(['import', 'hazard-log', 'first.xlsx', '--out', 'from-xlsx', '--format', 'json']);
    const fromCsv = await cli(['import', 'hazard-log', 'first-csv/hazards.csv', '--out', 'from-csv', '--format', 'json']);
    for (const r of [fromXlsx, fromCsv]) {
      const out = JSON.parse(r.stdout);
      expect(r.code).toBe(0);
      expect(out.summary).toEqual({ errors: 0, warnings: 0, hazards: 14, controls: 31, acceptances: 4 });
      expect(out.diagnostics).toEqual([]);
    }
    for (const name of ['hazards.yaml', 'controls.yaml', 'acceptances.yaml']) {
      const body = (dir: string) => readFileSync(join(s.dir, dir, name), 'utf8').split('\n').slice(1).join('\n');
      expect(body('from-csv'), name).toBe(body('from-xlsx'));
    }
  });

  it('gives records that validate in the place of the example\'s own, with the example\'s own warnings', async () => {
    const rebuilt = join(s.dir, 'rebuilt');
    cpSync(EXAMPLE, rebuilt, { recursive: true });
    rmSync(join(rebuilt, 'hazards'), { recursive: true });
    rmSync(join(rebuilt, 'controls.yaml'));
    rmSync(join(rebuilt, 'acceptances.yaml'));
    for (const name of readdirSync(join(s.dir, 'from-xlsx'))) cpSync(join(s.dir, 'from-xlsx', name), join(rebuilt, name));
    const original = await validateFolder(EXAMPLE, { asOf: AS_OF });
    const imported = await validateFolder(rebuilt, { asOf: AS_OF });
    expect(imported.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(imported.diagnostics.map((d) => `${d.code} ${d.record ?? ''}`).sort()).toEqual(original.diagnostics.map((d) => `${d.code} ${d.record ?? ''}`).sort());
  });

  it('exports again to the same Hazards sheet and the same CSV bytes', async () => {
    await cli(['export', 'rebuilt', '--out', 'second.xlsx', '--as-of', AS_OF]);
    await cli(['export', 'rebuilt', '--format', 'csv', '--out', 'second-csv', '--as-of', AS_OF]);
    expect(await sheetValues(join(s.dir, 'second.xlsx'), 'Hazards')).toEqual(await sheetValues(join(s.dir, 'first.xlsx'), 'Hazards'));
    expect(await sheetValues(join(s.dir, 'second.xlsx'), 'Controls')).toEqual(await sheetValues(join(s.dir, 'first.xlsx'), 'Controls'));
    expect(await sheetValues(join(s.dir, 'second.xlsx'), 'Acceptances')).toEqual(await sheetValues(join(s.dir, 'first.xlsx'), 'Acceptances'));
    const files = readdirSync(join(s.dir, 'first-csv')).sort();
    expect(readdirSync(join(s.dir, 'second-csv')).sort()).toEqual(files);
    for (const name of files) {
      expect(readFileSync(join(s.dir, 'second-csv', name)).equals(readFileSync(join(s.dir, 'first-csv', name))), name).toBe(true);
    }
    // The acceptances' organisations came back as ids, from `Name (id)`.
    const rows = parse(readFileSync(join(s.dir, 'second-csv', 'acceptances.csv')), { bom: true }) as string[][];
    const org = rows[0]!.indexOf('Organisation');
    expect(rows.slice(1).every((r) => /^.+ \([a-z0-9-]+\)$/.test(r[org]!))).toBe(true);
  });
});

describe('export, import on a register of spreadsheet tricks', () => {
  it('gives back every hazard, control and acceptance as written, through XLSX and through CSV', async () => {
    const reg = s.put('hostile/register.yaml', HOSTILE_REGISTER['register.yaml']);
    const dir = reg.replace(/\/register\.yaml$/, '');
    await cli(['export', dir, '--out', 'hostile.xlsx', '--as-of', AS_OF]);
    await cli(['export', dir, '--format', 'csv', '--out', 'hostile-csv', '--as-of', AS_OF]);
    const load = (text: string) => yaml.load(text, { schema: yaml.CORE_SCHEMA }) as Record<string, unknown[]>;
    const original = load(HOSTILE_REGISTER['register.yaml']);
    for (const [from, out] of [
      ['hostile.xlsx', 'hostile-from-xlsx'],
      ['hostile-csv/hazards.csv', 'hostile-from-csv'],
    ] as const) {
      const r = await cli(['import', 'hazard-log', from, '--out', out]);
      expect(r.code, from).toBe(0);
      expect(r.stdout, from).toContain('✔ 0 errors, 0 warnings');
      for (const name of ['hazards', 'controls', 'acceptances']) {
        expect(load(readFileSync(join(s.dir, out, `${name}.yaml`), 'utf8'))[name], `${name} from ${from}`).toEqual(original[name]);
      }
    }
  });
});
