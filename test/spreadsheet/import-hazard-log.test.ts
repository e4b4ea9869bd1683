import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as zlib from 'node:zlib';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { CONTROLS, CONTROLS_HEADERS, REQUIRED_HEADERS, VALID, csvText, scratch, table, xlsx, type Row } from './import-support.js';

/**
 * `crr import hazard-log`: a spreadsheet in the template's columns (or another layout, through a
 * mapping file) becomes register files, and every problem is a diagnostic at its sheet and cell.
 * Every test goes through `main()`, on real files.
 */

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));
function folder() {
  const s = scratch();
  cleanups.push(s.cleanup);
  return s;
}

async function importJson(args: string[], cwd: string) {
  const r = await runCli(['import', 'hazard-log', ...args, '--format', 'json'], { cwd });
  expect(r.stderr).toBe('');
  return { code: r.code, out: JSON.parse(r.stdout) as { summary: Record<string, number>; written: string[]; diagnostics: { code: string; severity: string; file: string; cell: { sheet: string; ref: string; text: string } | null; line: number | null; column: number | null; message: string; hint: string | null }[] } };
}

const where = (ds: { code: string; cell: { text: string } | null }[]) => ds.map((d) => `${d.code} ${d.cell?.text ?? '-'}`);

describe('crr import hazard-log from CSV', () => {
  it('imports the template\'s columns with a byte-order mark and CRLF, and the controls.csv beside it, into YAML the model accepts', async () => {
    const f = folder();
    f.put('log/hazards.csv', csvText(table(REQUIRED_HEADERS, [VALID])));
    f.put('log/controls.csv', csvText([CONTROLS_HEADERS, ...CONTROLS]));
    const r = await runCli(['import', 'hazard-log', 'log/hazards.csv', '--out', 'imported'], { cwd: f.dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('imported 1 hazard, 2 controls, 0 acceptances from log/hazards.csv into imported/: hazards.yaml, controls.yaml.');
    expect(r.code).toBe(0);
    expect(readdirSync(join(f.dir, 'imported')).sort()).toEqual(['controls.yaml', 'hazards.yaml']);
    const hazards = yaml.load(readFileSync(join(f.dir, 'imported/hazards.yaml'), 'utf8'), { schema: yaml.CORE_SCHEMA }) as { hazards: Record<string, unknown>[] };
    expect(hazards.hazards).toEqual([
      {
        id: 'HAZ-001',
        title: 'Clinicians cannot open the record',
        description: 'Practices lose the VPN path to the hosted system.',
        causes: [
          { description: 'Concentrator saturates at the morning peak', assets: ['vpn-a'] },
          { description: 'Firmware defect', select: { vendor: 'Cisco Meraki', software: 'MX 18.*' } },
        ],
        effects: ['Prescribing without a history'],
        harms: ['Adverse drug event'],
        existingControls: ['CTL-BCP-01'],
        additionalControls: ['CTL-VPN-02'],
        initialRisk: { severity: 'major', likelihood: 'medium' },
        residualRisk: { severity: 'major', likelihood: 'low' },
        status: 'open',
        owner: 'ICB digital team',
        raised: '2026-01-20',
      },
    ]);
    const controls = yaml.load(readFileSync(join(f.dir, 'imported/controls.yaml'), 'utf8')) as { controls: unknown[] };
    expect(controls.controls).toEqual([
      { id: 'CTL-BCP-01', title: 'Paper downtime procedure', kind: 'business-process', status: 'verified', owner: 'Practice managers' },
      { id: 'CTL-VPN-02', title: 'Second concentrator', kind: 'design', status: 'proposed', owner: 'CSU network team' },
    ]);
  });

  it('reports each problem at its cell, with did-you-mean from the scheme, and writes nothing when there are errors', async () => {
    const f = folder();
    const rows: Row[] = [
      { ...VALID, 'Initial rating': 4 }, // row 2: J2 rating mismatch (matrix gives 3)
      { ...VALID }, // row 3: duplicate id
      { ...VALID, 'Hazard ID': '' }, // row 4: values but no id
      { ...VALID, 'Hazard ID': 'HAZ-004', 'Initial severity': 'catastrophik' }, // H5
      { ...VALID, 'Hazard ID': 'HAZ-005', 'Residual likelihood': 'very lwo' }, // M6
      { ...VALID, 'Hazard ID': 'HAZ-006', Status: 'opne' }, // O7
      { ...VALID, 'Hazard ID': 'HAZ-007', Raised: '07/04/2026' }, // Q8
      { ...VALID, 'Hazard ID': 'HAZ-008', 'Additional controls': 'CTL-VPN-03' }, // K9 unknown control
      { ...VALID, 'Hazard ID': 'HAZ-009', Owner: '' }, // P10 required and empty
      { ...VALID, 'Hazard ID': 'HAZ-010', Description: 'x'.repeat(10_001) }, // C11 too long
      { ...VALID, 'Hazard ID': 'HAZ-011', Effects: '=HYPERLINK("http://evil.example","click")' }, // E12 formula-looking text
      {}, // an empty row: skipped without a word
    ];
    f.put('hazards.csv', csvText(table([...REQUIRED_HEADERS, 'RAG'], rows)));
    f.put('controls.csv', csvText([CONTROLS_HEADERS, ...CONTROLS]));
    const { code, out } = await importJson(['hazards.csv', '--out', 'out'], f.dir);
    expect(code).toBe(1);
    expect(where(out.diagnostics)).toEqual([
      'CRR-I005 hazards.csv!R1',
      'CRR-I012 hazards.csv!J2',
      'CRR-I008 hazards.csv!A3',
      'CRR-I007 hazards.csv!A4',
      'CRR-I009 hazards.csv!H5',
      'CRR-I009 hazards.csv!M6',
      'CRR-I010 hazards.csv!O7',
      'CRR-I011 hazards.csv!Q8',
      'CRR-I013 hazards.csv!K9',
      'CRR-I016 hazards.csv!P10',
      'CRR-I014 hazards.csv!C11',
      'CRR-I015 hazards.csv!E12',
    ]);
    const msg = (ref: string) => out.diagnostics.find((d) => d.cell?.ref === ref)!.message;
    expect(msg('R1')).toBe('The column `RAG` is not a column of the hazards sheet, so its values are not imported.');
    expect(msg('J2')).toBe('The Initial rating of hazard `HAZ-001` is 4 in the sheet, but the matrix gives 3 for likelihood medium and severity major; crr keeps the severity and likelihood and derives 3.');
    expect(msg('A3')).toBe('The hazard id `HAZ-001` is used again in row 3; it is first used at A2. Only the first row is imported.');
    expect(msg('H5')).toBe('`catastrophik` in Initial severity is not a severity of the risk scheme. Did you mean `catastrophic`?');
    expect(msg('M6')).toBe('`very lwo` in Residual likelihood is not a likelihood of the risk scheme. Did you mean `very low`?');
    expect(msg('O7')).toBe('`opne` in Status is not a hazard status crr knows. Did you mean `open`?');
    expect(msg('Q8')).toBe('`07/04/2026` in Raised is not a date written YYYY-MM-DD.');
    expect(msg('K9')).toBe('Hazard `HAZ-008` names the control `CTL-VPN-03`, which is not in the Controls sheet. Did you mean `CTL-VPN-02`?');
    expect(msg('P10')).toBe('The Owner of hazard `HAZ-009` is empty, and every hazard needs one.');
    expect(out.diagnostics.every((d) => d.file === 'hazards.csv')).toBe(true);
    expect(out.written).toEqual([]);
    expect(existsSync(join(f.dir, 'out'))).toBe(false);
  });

  it('says which required columns are missing, at the header row, and imports nothing from the sheet', async () => {
    const f = folder();
    f.put('hazards.csv', csvText(table(['Hazard ID', 'Hazard name', 'Description'], [VALID])));
    const { code, out } = await importJson(['hazards.csv', '--out', 'out'], f.dir);
    expect(code).toBe(1);
    expect(where(out.diagnostics).filter((d) => d.startsWith('CRR-I004'))).toHaveLength(10);
    expect(out.diagnostics[0]!.cell!.ref).toBe('1');
    expect(out.diagnostics.map((d) => d.message)).toContain('The hazards sheet has no column `Causes`, which every hazard needs, so no hazard is imported from it.');
  });

  it('warns that a hazard\'s acceptances are left out when there is no Acceptances sheet to import them from', async () => {
    const f = folder();
    f.put('hazards.csv', csvText(table([...REQUIRED_HEADERS, 'Acceptance'], [{ ...VALID, Acceptance: 'ACC-001 — Dr A (CMO), 2026-11-06' }])));
    f.put('controls.csv', csvText([CONTROLS_HEADERS, ...CONTROLS]));
    const { code, out } = await importJson(['hazards.csv', '--out', 'out'], f.dir);
    expect(code).toBe(0);
    expect(where(out.diagnostics)).toEqual(['CRR-I019 hazards.csv!R2']);
    expect(out.diagnostics[0]!.hint).toBe('Put acceptances.csv beside the hazards CSV file, as crr export writes it.');
  });

  it('names a control that no Controls sheet holds, and writes no stub for it', async () => {
    const f = folder();
    f.put('hazards.csv', csvText(table(REQUIRED_HEADERS, [VALID])));
    const { code, out } = await importJson(['hazards.csv', '--out', 'out'], f.dir);
    expect(code).toBe(1);
    expect(where(out.diagnostics)).toEqual(['CRR-I013 hazards.csv!G2', 'CRR-I013 hazards.csv!K2']);
    expect(out.diagnostics[0]!.hint).toContain('crr writes no stub controls');
  });

  it('matches headers whatever their case, spacing and punctuation, and finds the header row below a title', async () => {
    const f = folder();
    const spelt = ['hazard_id', 'HAZARD NAME', ' description ', 'Cause', 'effects.', 'Harm', 'Existing-controls', 'Severity (initial)', 'initial likelihood', 'Initial risk rating', 'Additional controls (with kind and status)', 'Residual Severity', 'residual_likelihood', 'Residual rating', 'Hazard status', 'Hazard owner', 'Date raised'];
    const rows = [['Wealdmarsh ICB hazard log'], ['Exported 2026-11-01'], [], spelt, REQUIRED_HEADERS.map((h) => VALID[h])];
    f.put('log.csv', csvText(rows));
    f.put('controls.csv', csvText([CONTROLS_HEADERS, ...CONTROLS]));
    const { code, out } = await importJson(['log.csv', '--out', 'out'], f.dir);
    expect(out.diagnostics).toEqual([]);
    expect(code).toBe(0);
    expect(out.summary).toMatchObject({ hazards: 1, controls: 2 });
  });

  it('refuses binary junk, an old .xls, a file named .xlsx that is not a workbook, and a file over 20 MB', async () => {
    const f = folder();
    f.put('junk.csv', new Uint8Array([0x00, 0x01, 0xff, 0xfe, 0x00, 0x42]));
    f.put('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    f.put('fake.xlsx', 'Hazard ID,Hazard name\n');
    f.put('huge.csv', new Uint8Array(21 * 1024 * 1024).fill(0x41));
    for (const [file, code, text] of [
      ['junk.csv', 'CRR-I001', 'binary data'],
      ['old.xls', 'CRR-I001', 'old-style Excel workbook'],
      ['fake.xlsx', 'CRR-I001', 'named as a workbook but is not one'],
      ['huge.csv', 'CRR-I002', 'at most 20 MB'],
    ] as const) {
      const r = await importJson([file, '--out', `out-${file}`], f.dir);
      expect(r.code, file).toBe(1);
      expect(r.out.diagnostics.map((d) => d.code), file).toEqual([code]);
      expect(r.out.diagnostics[0]!.message, file).toContain(text);
    }
  });
});

describe('crr import hazard-log from XLSX', () => {
  it('reads rich text, date, number, formula and merged cells, a header row below a title, and the Controls sheet even hidden', async () => {
    const f = folder();
    const headers = [...REQUIRED_HEADERS];
    const bytes = await xlsx(
      {
        Notes: [['Read me first']],
        Hazards: [['NHS Wealdmarsh ICB hazard log'], [], headers, REQUIRED_HEADERS.map((h) => VALID[h] as unknown), REQUIRED_HEADERS.map((h) => VALID[h] as unknown)],
        Controls: [CONTROLS_HEADERS, ...CONTROLS],
      },
      (wb) => {
        const ws = wb.getWorksheet('Hazards')!;
        // Row 4: a rich-text name, a real date cell, a formula rating with its cached result.
        ws.getCell('B4').value = { richText: [{ text: 'Clinicians cannot ' }, { font: { bold: true }, text: 'open the record' }] };
        ws.getCell('Q4').value = new Date(Date.UTC(2026, 0, 20));
        ws.getCell('Q4').numFmt = 'dd/mm/yyyy';
        ws.getCell('J4').value = { formula: 'IF(1,3,0)', result: 3 };
        // A formula in a text column: its cached value is taken, with a warning.
        ws.getCell('P4').value = { formula: 'CONCATENATE("ICB ","digital team")', result: 'ICB digital team' };
        // Row 5: its own id, and the owner merged down from row 4.
        ws.getCell('A5').value = 'HAZ-002';
        ws.getCell('P5').value = null;
        ws.mergeCells('P4:P5');
        wb.getWorksheet('Controls')!.state = 'hidden';
      },
    );
    f.put('log.xlsx', bytes);
    const { code, out } = await importJson(['log.xlsx', '--out', 'out'], f.dir);
    expect(where(out.diagnostics)).toEqual(['CRR-I018 -', 'CRR-I015 Hazards!P4']);
    expect(out.diagnostics[0]!.message).toBe('The sheet `Controls` is hidden in the workbook; crr read it as the controls.');
    expect(out.diagnostics[1]!.message).toBe('The Owner cell holds the formula `=CONCATENATE("ICB ","digital team")`; crr imported its last computed value `ICB digital team`.');
    expect(code).toBe(0);
    const { hazards } = yaml.load(readFileSync(join(f.dir, 'out/hazards.yaml'), 'utf8'), { schema: yaml.CORE_SCHEMA }) as { hazards: { id: string; title: string; raised: string; owner: string }[] };
    expect(hazards.map((h) => [h.id, h.title, h.raised, h.owner])).toEqual([
      ['HAZ-001', 'Clinicians cannot open the record', '2026-01-20', 'ICB digital team'],
      ['HAZ-002', 'Clinicians cannot open the record', '2026-01-20', 'ICB digital team'],
    ]);
  });

  it('shows the cell in pretty output after the file', async () => {
    const f = folder();
    f.put('log.xlsx', await xlsx({ Hazards: table(REQUIRED_HEADERS, [{ ...VALID, Status: 'closd' }]), Controls: [CONTROLS_HEADERS, ...CONTROLS] }));
    const r = await runCli(['import', 'hazard-log', 'log.xlsx', '--out', 'out'], { cwd: f.dir });
    expect(r.stdout).toBe(
      [
        'log.xlsx Hazards!O2 CRR-I010 error `closd` in Status is not a hazard status crr knows. Did you mean `closed`?',
        '  hint: Write one of: `open`, `transferred`, `closed`.',
        '',
        '✖ 1 error, 0 warnings in log.xlsx: nothing was written.',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(1);
  });

  it('refuses a zip bomb before unpacking it in full, and a workbook with no Hazards sheet', async () => {
    const f = folder();
    f.put('bomb.xlsx', zipOf([['xl/worksheets/sheet1.xml', new Uint8Array(80 * 1024 * 1024)]]));
    const bomb = await importJson(['bomb.xlsx', '--out', 'out'], f.dir);
    expect(bomb.code).toBe(1);
    expect(bomb.out.diagnostics.map((d) => [d.code, d.message])).toEqual([['CRR-I002', 'The workbook cannot be imported: it unpacks to more than 64 MB.']]);

    // A zip that is no workbook, and one whose XML declares entities that expand (a "billion laughs").
    f.put('notes.xlsx', zipOf([['notes.txt', new TextEncoder().encode('hello')]]));
    f.put('laughs.xlsx', zipOf([['[Content_Types].xml', new TextEncoder().encode('<junk')], ['xl/workbook.xml', new TextEncoder().encode('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><workbook>&b;</workbook>')]]));
    for (const file of ['notes.xlsx', 'laughs.xlsx']) {
      const r = await importJson([file, '--out', 'out'], f.dir);
      expect(r.code, file).toBe(1);
      expect(r.out.diagnostics.map((d) => d.code), file).toEqual(['CRR-I001']);
    }

    f.put('two.xlsx', await xlsx({ Risks2: [['a']], Other: [['b']] }));
    const two = await importJson(['two.xlsx', '--out', 'out'], f.dir);
    expect(two.out.diagnostics.map((d) => d.code)).toEqual(['CRR-I003']);
    expect(two.out.diagnostics[0]!.hint).toContain('`Risks2`, `Other`');
  });
});

describe('crr import hazard-log with a mapping file', () => {
  it('reads another layout: its sheet, its header row, its own headers, columns to ignore', async () => {
    const f = folder();
    const theirs: Record<string, string> = { 'Hazard ID': 'Risk No.', 'Hazard name': 'Risk', 'Initial severity': 'Sev (pre)', 'Initial likelihood': 'Lik (pre)', 'Residual severity': 'Sev (post)', 'Residual likelihood': 'Lik (post)' };
    const headers = REQUIRED_HEADERS.map((h) => theirs[h] ?? h);
    f.put(
      'log.xlsx',
      await xlsx({
        Summary: [['x']],
        'Risk log 2026': [['Title'], ['Owner: ICB'], ['Notes'], ['Hazard ID', 'Hazard name'], [...headers, 'RAG'], REQUIRED_HEADERS.map((h) => VALID[h] as unknown)],
        Controls: [CONTROLS_HEADERS, ...CONTROLS],
      }),
    );
    f.put(
      'mapping.yaml',
      [
        'hazards:',
        '  sheet: Risk log 2026',
        '  headerRow: 5',
        '  columns:',
        '    Risk No.: Hazard ID',
        '    Risk: Hazard name',
        '    Sev (pre): Initial severity',
        '    Lik (pre): initial likelihood',
        '    Sev (post): Residual severity',
        '    Lik (post): Residual likelihood',
        '  ignore: [RAG]',
        '',
      ].join('\n'),
    );
    const { code, out } = await importJson(['log.xlsx', '--out', 'out', '--mapping', 'mapping.yaml'], f.dir);
    expect(out.diagnostics).toEqual([]);
    expect(code).toBe(0);
    expect(out.summary).toMatchObject({ hazards: 1, controls: 2 });
  });

  it('checks the mapping file itself, each problem at its line and column', async () => {
    const f = folder();
    f.put('log.csv', csvText(table(REQUIRED_HEADERS, [VALID])));
    f.put('mapping.yaml', ['hazards:', '  headerRow: zero', '  colums: {}', '  columns:', '    Risk No.: Hazard IDD', 'incidents: {}', ''].join('\n'));
    const { code, out } = await importJson(['log.csv', '--out', 'out', '--mapping', 'mapping.yaml'], f.dir);
    expect(code).toBe(1);
    expect(out.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual([
      'CRR-I017 mapping.yaml:2:14 `hazards.headerRow`: Invalid input: expected number, received string.',
      'CRR-I017 mapping.yaml:3:3 `colums` is not a key of `hazards`. Did you mean `columns`?',
      'CRR-I017 mapping.yaml:6:1 `incidents` is not a key of a mapping file.',
    ]);
  });
});

describe('crr import hazard-log --out', () => {
  it('refuses a folder that is not empty, or a file, and changes nothing there', async () => {
    const f = folder();
    f.put('hazards.csv', csvText(table(REQUIRED_HEADERS, [VALID])));
    f.put('full/keep.txt', 'mine');
    f.put('afile', 'mine');
    const full = await runCli(['import', 'hazard-log', 'hazards.csv', '--out', 'full'], { cwd: f.dir });
    expect(full.code).toBe(2);
    expect(full.stderr).toContain('`full` is not empty (it holds `keep.txt`)');
    expect(readdirSync(join(f.dir, 'full'))).toEqual(['keep.txt']);
    const file = await runCli(['import', 'hazard-log', 'hazards.csv', '--out', 'afile'], { cwd: f.dir });
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('`afile` already exists and is not a folder');
    const none = await runCli(['import', 'hazard-log', 'hazards.csv'], { cwd: f.dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('needs `--out <folder>`');
  });
});

/** A zip of stored-then-deflated parts, written by hand so the test controls every byte. */
function zipOf(parts: [string, Uint8Array][]): Uint8Array {
  const { deflateRawSync, crc32 } = zlib as typeof zlib & { crc32?: (b: Uint8Array) => number };
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const crc = crc32 ? crc32(data) : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(1000, 22); // declares 1,000 bytes: a lie the guard must not believe
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(1000, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dir, end]));
}
