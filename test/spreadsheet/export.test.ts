import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { hazardLogColumns, hazardLogContext, hazardLogHeaders, hazardRow, neutraliseFormula, rate, readHazardRow, sheetFiles, validateFolder, type Hazard, type Register } from '@crr/core';
import { runCli } from '../support/run-cli.js';
import { tempRegister } from '../support/temp-register.js';
import { HOSTILE_REGISTER } from './hostile-register.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const example = join(root, 'registers/example-icb');
const AS_OF = '2026-11-21';
const SHEETS = ['Hazards', 'Controls', 'Incidents', 'Acceptances', 'Assets', 'Sites', 'Findings'];

const out = tempRegister({});
const hostile = tempRegister(HOSTILE_REGISTER);
afterAll(() => {
  out.cleanup();
  hostile.cleanup();
});
afterEach(() => {
  vi.useRealTimers();
});

async function exportTo(dir: string, path: string, ...more: string[]) {
  return runCli(['export', dir, '--out', path, '--as-of', AS_OF, ...more]);
}

async function readBook(path: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

/** The text of a cell as a reader of the file sees it: numbers as decimals, empty as ''. */
const cellText = (v: ExcelJS.CellValue) => (v === null || v === undefined ? '' : String(v));

async function loaded(dir: string): Promise<Register> {
  const { register } = await validateFolder(dir, { asOf: AS_OF });
  return register;
}

describe('crr export --format xlsx, on the example register', () => {
  const file = join(out.dir, 'example.xlsx');
  let book: ExcelJS.Workbook;
  let register: Register;
  /** The register's hazards in id order, as the sheet lists them. */
  let hazards: Register['hazards'];

  beforeAll(async () => {
    const r = await exportTo(example, file);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote the hazard log \(14 hazards, 7 sheets, [\d,]+ bytes\) to .*example\.xlsx\.\n$/);
    book = await readBook(file);
    register = await loaded(example);
    hazards = [...register.hazards].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  });

  it('has the sheets in order, and the hidden lists behind the drop-downs', () => {
    expect(book.worksheets.map((w) => w.name)).toEqual([...SHEETS, 'Lists']);
    expect(book.getWorksheet('Lists')!.state).toBe('hidden');
  });

  it('writes the Hazards headers of the column module, frozen, filtered, wrapped and sized', () => {
    const ws = book.getWorksheet('Hazards')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...hazardLogHeaders]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 1 });
    expect(ws.autoFilter).toBe(`A1:AF${register.hazards.length + 1}`);
    expect(ws.getColumn(2).width).toBe(40);
    expect(ws.getRow(2).getCell(3).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    for (const name of SHEETS) expect(book.getWorksheet(name)!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('has a row for every hazard of the register, and nothing else, by id as the site lists them', () => {
    const ws = book.getWorksheet('Hazards')!;
    const ids = ws.getColumn(1).values.slice(2).map(cellText);
    expect(ids).toEqual(hazards.map((h) => h.id));
    // The example's files hold them in another order: the sheet does not follow the files.
    expect(register.hazards.map((h) => h.id)).not.toEqual(ids);
    expect(ids).toHaveLength(14);
  });

  it('rates each hazard with the register\'s scheme, and colours the rating by its acceptability', () => {
    const ws = book.getWorksheet('Hazards')!;
    const at = (key: string) => hazardLogColumns.findIndex((c) => c.key === key) + 1;
    const colours = { acceptable: 'FFC6EFCE', 'acceptable-with-justification': 'FFFFEB9C', unacceptable: 'FFFFC7CE' };
    const seen = new Set<string>();
    hazards.forEach((h, i) => {
      const row = ws.getRow(i + 2);
      for (const [which, risk] of [['initial', h.initialRisk], ['residual', h.residualRisk]] as const) {
        const expected = rate(register.scheme, risk.likelihood, risk.severity)!;
        const cell = row.getCell(at(`${which}Rating`));
        expect(cell.value, `${h.id} ${which}`).toBe(expected.rating);
        expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(colours[expected.acceptability]);
        seen.add(expected.acceptability);
      }
    });
    // The example register spans the matrix: every acceptability class is coloured somewhere.
    expect(seen).toEqual(new Set(Object.keys(colours)));
    // HAZ-002: likelihood very high × severity major → 5, unacceptable (the DCB example matrix).
    const haz2 = ws.getRow(hazards.findIndex((h) => h.id === 'HAZ-002') + 2);
    expect(haz2.getCell(at('initialRating')).value).toBe(5);
  });

  it('offers the scheme\'s levels and the statuses as drop-downs', () => {
    const ws = book.getWorksheet('Hazards')!;
    const lists = book.getWorksheet('Lists')!;
    const listOf = (name: string) => {
      const col = (lists.getRow(1).values as unknown[]).indexOf(name);
      return lists.getColumn(col).values.slice(2).map(cellText);
    };
    expect(listOf('severity')).toEqual(register.scheme.severities.map((l) => l.level));
    expect(listOf('likelihood')).toEqual(register.scheme.likelihoods.map((l) => l.level));
    expect(listOf('hazard-status')).toEqual(['open', 'transferred', 'closed']);
    const v = (key: string) => (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model[`${colLetter(hazardLogColumns.findIndex((c) => c.key === key) + 1)}2`];
    expect(v('initialSeverity')).toMatchObject({ type: 'list', formulae: ['Lists!$A$2:$A$6'] });
    expect(v('residualLikelihood')).toMatchObject({ type: 'list', formulae: ['Lists!$B$2:$B$6'] });
    expect(v('status')).toMatchObject({ type: 'list', formulae: ['Lists!$C$2:$C$4'] });
    expect(v('owner')).toBeUndefined();
  });

  it('fills the other sheets: sites with their places resolved, findings from the analysis', () => {
    const sites = book.getWorksheet('Sites')!;
    expect(sites.getRow(1).values).toEqual(expect.arrayContaining(['ODS code', 'PCN', 'ICB', 'List size']));
    expect(sites.rowCount - 1).toBe(register.sites.length);
    const withPcn = register.sites.find((s) => s.pcn)!;
    const row = sites.getRow([...register.sites].sort((a, b) => (a.id < b.id ? -1 : 1)).indexOf(withPcn) + 2);
    const pcn = register.organisations.find((o) => o.id === withPcn.pcn)!;
    expect(row.getCell(5).value).toBe(pcn.name);
    expect(book.getWorksheet('Findings')!.rowCount).toBeGreaterThan(1);
    expect(book.getWorksheet('Controls')!.rowCount - 1).toBe(register.controls.length);
    expect(book.getWorksheet('Assets')!.rowCount - 1).toBe(register.assets.length);
  });

  it('round-trips the Hazards sheet: read back by the column module, written again, identical', () => {
    const ws = book.getWorksheet('Hazards')!;
    const ctx = hazardLogContext(register.scheme, register.controls, register.acceptances);
    hazards.forEach((h, i) => {
      const texts = hazardLogColumns.map((_, c) => cellText(ws.getRow(i + 2).getCell(c + 1).value));
      const { draft, problems } = readHazardRow(new Map(hazardLogColumns.map((c, j) => [c.key, texts[j]!])));
      expect(problems).toEqual([]);
      const again = hazardRow(draft as Hazard, ctx).map((v) => (v === undefined ? '' : neutraliseFormula(String(v))));
      expect(again).toEqual(texts);
    });
  });
});

function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

describe('the same register gives the same bytes', () => {
  it('whatever the clock and the time zone, in one process', async () => {
    const a = join(out.dir, 'same-a.xlsx');
    const b = join(out.dir, 'same-b.xlsx');
    vi.useFakeTimers({ now: new Date('2031-03-04T05:06:07Z'), toFake: ['Date'] });
    expect((await exportTo(example, a)).code).toBe(0);
    vi.setSystemTime(new Date('2019-12-31T23:59:58Z'));
    const tz = process.env.TZ;
    process.env.TZ = 'Pacific/Chatham';
    try {
      expect((await exportTo(example, b)).code).toBe(0);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
    vi.useRealTimers();
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    // The document's dates are the as-of date, not the clock.
    const book = await readBook(a);
    expect(book.created.toISOString()).toBe(`${AS_OF}T00:00:00.000Z`);
    expect(book.modified.toISOString()).toBe(`${AS_OF}T00:00:00.000Z`);
  });

  it('and the CSV files too', async () => {
    const a = join(out.dir, 'csv-same-a');
    const b = join(out.dir, 'csv-same-b');
    vi.useFakeTimers({ now: new Date('2031-03-04T05:06:07Z'), toFake: ['Date'] });
    expect((await exportTo(example, a, '--format', 'csv')).code).toBe(0);
    vi.setSystemTime(new Date('2020-01-01T00:00:00Z'));
    expect((await exportTo(example, b, '--format', 'csv')).code).toBe(0);
    for (const f of sheetFiles) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
  });
});

describe('crr export --format csv', () => {
  const folder = join(out.dir, 'hostile-csv');
  let register: Register;
  beforeAll(async () => {
    const r = await exportTo(hostile.dir, folder, '--format', 'csv');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    register = await loaded(hostile.dir);
  });

  it('writes one file per sheet, UTF-8 with a byte-order mark, CRLF between records', () => {
    expect(readdirSync(folder).sort()).toEqual([...sheetFiles].sort());
    const bytes = readFileSync(join(folder, 'hazards.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.startsWith(`\uFEFF${hazardLogHeaders.join(',')}\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain('Naïve café — ünïcode ✓');
  });

  it('quotes commas, quotes and line breaks (RFC 4180), and csv-parse reads every cell back', () => {
    const text = readFileSync(join(folder, 'hazards.csv'), 'utf8');
    expect(text).toContain('"First line, with a comma\n""Quoted"" second line\n');
    const rows = parse(text, { bom: true, record_delimiter: '\r\n', relax_column_count: false }) as string[][];
    expect(rows[0]).toEqual([...hazardLogHeaders]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['HAZ-001', 'HAZ-002']);
    const description = rows[1]![2];
    expect(description).toBe('First line, with a comma\n"Quoted" second line\n-third line; back\\slash and [brackets]');
  });

  it('neutralises every cell that would start a formula, and the column module undoes it', () => {
    const rows = parse(readFileSync(join(folder, 'hazards.csv'), 'utf8'), { bom: true }) as string[][];
    const cells = rows.slice(1).flat();
    for (const cell of cells) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    const at = (key: string) => hazardLogColumns.findIndex((c) => c.key === key);
    expect(rows[1]![at('title')]).toBe("'=1+1");
    expect(rows[1]![at('owner')]).toBe("'\tTabbed owner");
    expect(rows[1]![at('justification')]).toBe(`''already quoted, "and" quoted`);
    const acceptances = parse(readFileSync(join(folder, 'acceptances.csv'), 'utf8'), { bom: true }) as string[][];
    expect(acceptances[2]![2]).toBe("'=cmd|' /C calc'!A0");
    const controls = parse(readFileSync(join(folder, 'controls.csv'), 'utf8'), { bom: true }) as string[][];
    expect(controls[1]![1]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(controls[1]![4]).toBe(`'+44 ICB, "digital" team`);
  });

  it('round-trips every hazard through the CSV: the same fields, and the same row again', () => {
    const rows = parse(readFileSync(join(folder, 'hazards.csv'), 'utf8'), { bom: true }) as string[][];
    const ctx = hazardLogContext(register.scheme, register.controls, register.acceptances);
    register.hazards.forEach((h, i) => {
      const { draft, problems } = readHazardRow(new Map(hazardLogColumns.map((c, j) => [c.key, rows[i + 1]![j]!])));
      expect(problems).toEqual([]);
      const { source: _s, ...fields } = h;
      const strip = (r: Hazard['initialRisk']) => ({ severity: r.severity, likelihood: r.likelihood });
      expect(draft).toEqual({ ...fields, initialRisk: strip(h.initialRisk), residualRisk: strip(h.residualRisk) });
      expect(hazardRow(draft as Hazard, ctx).map((v) => (v === undefined ? '' : neutraliseFormula(String(v))))).toEqual(rows[i + 1]);
    });
  });
});

describe('the hostile register through XLSX', () => {
  it('reads back every hazard field exactly, and writes the same row again', async () => {
    const file = join(out.dir, 'hostile.xlsx');
    expect((await exportTo(hostile.dir, file)).code).toBe(0);
    const ws = (await readBook(file)).getWorksheet('Hazards')!;
    const register = await loaded(hostile.dir);
    const ctx = hazardLogContext(register.scheme, register.controls, register.acceptances);
    register.hazards.forEach((h, i) => {
      const texts = hazardLogColumns.map((_, c) => cellText(ws.getRow(i + 2).getCell(c + 1).value));
      const { draft, problems } = readHazardRow(new Map(hazardLogColumns.map((c, j) => [c.key, texts[j]!])));
      expect(problems).toEqual([]);
      const { source: _s, ...fields } = h;
      const strip = (r: Hazard['initialRisk']) => ({ severity: r.severity, likelihood: r.likelihood });
      expect(draft).toEqual({ ...fields, initialRisk: strip(h.initialRisk), residualRisk: strip(h.residualRisk) });
      expect(hazardRow(draft as Hazard, ctx).map((v) => (v === undefined ? '' : neutraliseFormula(String(v))))).toEqual(texts);
    });
  });
});

describe('crr export --out: only new files, or its own', () => {
  it('needs --out', async () => {
    const r = await runCli(['export', example, '--as-of', AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs `--out`: the XLSX file to write/);
    expect(r.stderr).not.toMatch(/ at /);
  });

  it('writes an XLSX only to a .xlsx file', async () => {
    const r = await exportTo(example, join(out.dir, 'log.txt'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ends in `\.xlsx`/);
  });

  it('refuses to replace a file it did not write, and leaves it as it was', async () => {
    const path = join(out.dir, 'precious.xlsx');
    writeFileSync(path, 'not a spreadsheet of crr');
    const r = await exportTo(example, path);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already exists and is not a spreadsheet crr exported, so crr leaves it alone/);
    expect(readFileSync(path, 'utf8')).toBe('not a spreadsheet of crr');
  });

  it('replaces a previous export', async () => {
    const path = join(out.dir, 'again.xlsx');
    expect((await exportTo(hostile.dir, path)).code).toBe(0);
    expect((await exportTo(example, path)).code).toBe(0);
    expect((await readBook(path)).getWorksheet('Hazards')!.rowCount).toBe(15);
  });

  it('never writes through a link', async () => {
    const target = join(out.dir, 'link-target.xlsx');
    writeFileSync(target, 'keep');
    const link = join(out.dir, 'link.xlsx');
    symlinkSync(target, link);
    const r = await exportTo(example, link);
    expect(r.code).toBe(2);
    expect(readFileSync(target, 'utf8')).toBe('keep');
  });

  it('never writes into the register', async () => {
    const r = await exportTo(hostile.dir, join(hostile.dir, 'log.xlsx'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/inside the register folder/);
    expect(existsSync(join(hostile.dir, 'log.xlsx'))).toBe(false);
  });

  it('writes CSV files only into a new folder, or one holding its own CSV files', async () => {
    const folder = join(out.dir, 'csv-own');
    expect((await exportTo(example, folder, '--format', 'csv')).code).toBe(0);
    expect((await exportTo(hostile.dir, folder, '--format', 'csv')).code).toBe(0);
    const foreign = join(out.dir, 'csv-foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'notes.txt'), 'mine');
    const r = await exportTo(example, foreign, '--format', 'csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/holds `notes\.txt`, which is not a CSV file crr exported/);
    expect(readdirSync(foreign)).toEqual(['notes.txt']);
    // A hazards.csv crr did not write is not replaced either.
    rmSync(join(foreign, 'notes.txt'));
    writeFileSync(join(foreign, 'hazards.csv'), 'a,b\r\n');
    expect((await exportTo(example, foreign, '--format', 'csv')).code).toBe(2);
    expect(readFileSync(join(foreign, 'hazards.csv'), 'utf8')).toBe('a,b\r\n');
  });

  it('refuses a folder that does not exist, without a trace', async () => {
    const r = await exportTo(example, join(out.dir, 'no/such/folder/log.xlsx'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^crr: /);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});

describe('a cell longer than Excel keeps', () => {
  it('is reported with where it is, and nothing is written', async () => {
    const long = 'x'.repeat(40_000);
    const reg = tempRegister({ 'register.yaml': HOSTILE_REGISTER['register.yaml'].replace('    description: Plain.', `    description: ${long}`) });
    try {
      const path = join(out.dir, 'long.xlsx');
      const r = await exportTo(reg.dir, path);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/A cell is longer than the 32,767 characters Excel keeps in a cell, so nothing was exported/);
      expect(r.stderr).toContain('Hazards row 3 (HAZ-002), Description: 40,000 characters');
      expect(existsSync(path)).toBe(false);
    } finally {
      reg.cleanup();
    }
  });
});
