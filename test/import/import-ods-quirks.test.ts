/**
 * `crr import ods` on small hand-written files, one quirk of the real data each, and on hostile
 * input: every problem a diagnostic with its code, file and line and a hint, never a stack trace,
 * and nothing written.
 */
import { closeSync, existsSync, mkdirSync, openSync, ftruncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../support/run-cli.js';
import { epraccurRow, importArgs, KM_FILES, LIST_HEADER, listRow, MAP_HEADER, mapRow, tree, useScratch } from './ods-helpers.js';

const scratch = useScratch('import-ods-quirks');

interface Files {
  practices: string | Buffer;
  pcns?: string | Buffer;
  listSizes?: string | Buffer;
}

/** Write the three files (defaults: a map and list sizes of the two practices A and B) and import them. */
async function run(files: Files, ...options: string[]): Promise<CliRun & { out: string; dir: string }> {
  const dir = scratch();
  const paths = { practices: join(dir, 'epraccur.csv'), pcns: join(dir, 'pcn-map.csv'), listSizes: join(dir, 'list-size.csv') };
  writeFileSync(paths.practices, files.practices);
  writeFileSync(paths.pcns, files.pcns ?? [MAP_HEADER, mapRow('G00001', 'U00001', 'NORTH PCN'), mapRow('G00002', 'U00001', 'NORTH PCN')].join('\n') + '\n');
  writeFileSync(paths.listSizes, files.listSizes ?? [LIST_HEADER, listRow('G00001', 5000), listRow('G00002', 7000)].join('\n') + '\n');
  const out = join(dir, 'out');
  const r = await runCli(importArgs(paths, out, ...(options.length ? options : ['--icb', 'QKS'])));
  // Never a stack trace, whatever the input.
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(r.stderr).not.toContain('internal error');
  return { ...r, out, dir };
}

const two = [epraccurRow('G00001', 'NORTH SURGERY'), epraccurRow('G00002', 'SOUTH SURGERY')].join('\n') + '\n';
const sitesOf = (out: string, icb = 'qks') => tree(out)[`icbs/${icb}/sites.yaml`] ?? '';

describe('crr import ods: each quirk of the published files, counted and handled', () => {
  it('imports active GP practices in England only: not closed, dormant, other settings or Wales', async () => {
    const r = await run({
      practices: [
        epraccurRow('G00001', 'NORTH SURGERY'),
        epraccurRow('G00002', 'SOUTH SURGERY'),
        epraccurRow('G00003', 'CLOSED SURGERY', { status: 'C' }),
        epraccurRow('G00004', 'DORMANT SURGERY', { status: 'D' }),
        epraccurRow('Y00005', 'A PCN RECORD', { setting: '26' }),
        epraccurRow('W00006', 'WELSH SURGERY', { region: 'W00', icb: '7A1' }),
      ].join('\n'),
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('6 rows: 2 active GP practices in England');
    expect(r.stdout).toContain('left out: 1 active in Wales (region W00), 1 closed, 1 dormant, 0 proposed, 1 other prescribing setting');
    expect(sitesOf(r.out).match(/^ {2}- \{ id: (G0000[12]),/gm)).toHaveLength(2);
  });

  it('puts a practice missing from the map, or Unallocated in it, into the stand-in PCN with its own sub-ICB location', async () => {
    const r = await run({
      practices: two + epraccurRow('G00003', 'EAST SURGERY') + '\n' + epraccurRow('G00004', 'WEST SURGERY', { subIcb: '92A' }) + '\n',
      pcns: [MAP_HEADER, mapRow('G00001', 'U00001', 'NORTH PCN'), mapRow('G00002', 'U00001', 'NORTH PCN'), mapRow('G00004', 'U', 'Unallocated')].join('\n'),
      listSizes: [LIST_HEADER, listRow('G00001', 5000), listRow('G00002', 7000), listRow('G00003', 100), listRow('G00004', 200)].join('\n'),
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('1 practice not in the PCN map, and 1 filed there as U "Unallocated": put in their ICB\'s stand-in PCN');
    const sites = sitesOf(r.out);
    expect(sites).toContain('  - { id: G00003, type: practice, name: EAST SURGERY, ods: G00003, pcn: pcn-qks-unmapped, subIcb: org-subicb-91q, listSize: 100, postcode: ME1 1AA, profile: standard-practice }  # not in the PCN map');
    expect(sites).toContain('pcn: pcn-qks-unmapped, subIcb: org-subicb-92a, listSize: 200, postcode: ME1 1AA, profile: standard-practice }  # unallocated in the PCN map');
    const orgs = tree(r.out)['icbs/qks/organisations.yaml']!;
    expect(orgs).toContain('{ id: org-subicb-92a, type: sub-icb, name: Sub-ICB location 92A, ods: 92A, parent: org-icb-qks }');
    expect(orgs).not.toContain('ods: U,');
    expect(r.stdout).toContain('No name in the PCN map for sub-ICB locations 92A: named by code.');
  });

  it('moves a practice whose PCN is now mostly in another ICB to its own ICB\'s stand-in, and keeps a PCN that moved whole', async () => {
    const r = await run(
      {
        practices: [
          epraccurRow('G00001', 'NORTH SURGERY'),
          epraccurRow('G00002', 'SOUTH SURGERY'),
          // G00003 has moved to QXX while its PCN-mates stayed; G00004 and G00005 moved together.
          epraccurRow('G00003', 'MOVED SURGERY', { icb: 'QXX', subIcb: '99X' }),
          epraccurRow('G00004', 'BORDER SURGERY', { icb: 'QXX', subIcb: '99X' }),
          epraccurRow('G00005', 'BORDER LANE SURGERY', { icb: 'QXX', subIcb: '99X' }),
        ].join('\n'),
        pcns: [MAP_HEADER, mapRow('G00001', 'U00001', 'NORTH PCN'), mapRow('G00002', 'U00001', 'NORTH PCN'), mapRow('G00003', 'U00001', 'NORTH PCN'), mapRow('G00004', 'U00002', 'BORDER PCN'), mapRow('G00005', 'U00002', 'BORDER PCN')].join('\n'),
        listSizes: [LIST_HEADER, ...['G00001', 'G00002', 'G00003', 'G00004', 'G00005'].map((c) => listRow(c, 3000))].join('\n'),
      },
      '--all',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('1 practice whose PCN is now mostly in another ICB');
    expect(r.stdout).toContain('2 practices in another ICB than the map says, whose whole PCN moved with them: kept in their PCN');
    const qxx = sitesOf(r.out, 'qxx');
    expect(qxx).toMatch(/id: G00003, .*pcn: pcn-qxx-unmapped, subIcb: org-subicb-99x,.*# PCN U00001 in the map is now in QKS$/m);
    expect(qxx).toMatch(/id: G00004, .*pcn: pcn-u00002, listSize.*# in QKS in the PCN map; its PCN moved with it$/m);
    expect(tree(r.out)['icbs/qxx/organisations.yaml']).toContain('{ id: pcn-u00002, type: pcn, name: BORDER PCN, ods: U00002, parent: org-subicb-99x }');
    expect(r.stdout).toContain('No name in the PCN map for ICBs QXX');
  });

  it('places a PCN across two sub-ICB locations under its ICB, each practice naming its own', async () => {
    const r = await run({ practices: epraccurRow('G00001', 'NORTH SURGERY') + '\n' + epraccurRow('G00002', 'SOUTH SURGERY', { subIcb: '92A' }) + '\n' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('1 PCN whose practices are in more than one sub-ICB location: placed straight under their ICB; their 2 practices name their own');
    expect(tree(r.out)['icbs/qks/organisations.yaml']).toContain('{ id: pcn-u00001, type: pcn, name: NORTH PCN, ods: U00001, parent: org-icb-qks }');
    expect(sitesOf(r.out)).toContain('pcn: pcn-u00001, subIcb: org-subicb-92a,');
  });

  it('writes listSize 0 with a comment for a practice with no published list size', async () => {
    const r = await run({ practices: two, listSizes: [LIST_HEADER, listRow('G00001', 5000)].join('\n') });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('1 practice with no published list size');
    expect(sitesOf(r.out)).toMatch(/id: G00002, .*listSize: 0, .*# no published list size: 0 written$/m);
  });

  it('reads a repeated row once, with a warning; refuses two rows of one practice that disagree', async () => {
    const repeated = await run({ practices: two + epraccurRow('G00002', 'SOUTH SURGERY') + '\n' });
    expect(repeated.code, repeated.stderr).toBe(0);
    expect(repeated.stderr).toContain('epraccur.csv:3 CRR-I029 warning `G00002` is listed again, as on line 2; it is read once.');
    expect(repeated.stdout).toContain('1 repeated row read once');
    const clash = await run({ practices: two, listSizes: [LIST_HEADER, listRow('G00001', 5000), listRow('G00002', 7000), listRow('G00002', 7100)].join('\n') });
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain('list-size.csv:4 CRR-I030 error `G00002` is listed again with 7100 patients, 7000 on line 3');
    expect(existsSync(clash.out)).toBe(false);
  });

  it('keeps names as published, quoting what YAML would misread, and reads quoted commas, quotes and line breaks', async () => {
    const r = await run({
      practices: [epraccurRow('G00001', 'ST JAMES\' SURGERY, "THE" PRACTICE'), epraccurRow('G00002', 'TRUE'), epraccurRow('G00003', '# NOT A COMMENT: REALLY'), epraccurRow('G00004', 'TWO\nLINES')].join('\r\n'),
      listSizes: [LIST_HEADER, listRow('G00001', 1), listRow('G00002', 2), listRow('G00003', 3), listRow('G00004', 4)].join('\n'),
    });
    expect(r.code, r.stderr).toBe(0);
    const sites = sitesOf(r.out);
    expect(sites).toContain('name: "ST JAMES\' SURGERY, \\"THE\\" PRACTICE"');
    expect(sites).toContain('name: "TRUE"');
    expect(sites).toContain('name: "# NOT A COMMENT: REALLY"');
    expect(sites).toContain('name: "TWO\\nLINES"');
  });
});

describe('crr import ods: bad input, a diagnostic each (file:line, code, what to do), nothing written', () => {
  const expectRefused = (r: CliRun & { out: string }, text: string | RegExp) => {
    expect(r.code).toBe(1);
    if (typeof text === 'string') expect(r.stderr).toContain(text);
    else expect(r.stderr).toMatch(text);
    expect(r.stderr).toContain('hint:');
    expect(existsSync(r.out)).toBe(false);
  };

  it('a missing file, and a folder', async () => {
    const dir = scratch();
    const r = await runCli(importArgs({ practices: join(dir, 'nope.csv'), pcns: KM_FILES.pcns, listSizes: dir }, join(dir, 'out'), '--icb', 'QKS'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nope.csv CRR-I020 error There is no such file.');
    expect(r.stderr).toContain('CRR-I020 error This is a folder, not a file.');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('swapped files: the list sizes given as the PCN map, the map as epraccur', async () => {
    const r = await run({ practices: [MAP_HEADER, mapRow('G00001', 'U00001', 'NORTH PCN')].join('\n'), pcns: [LIST_HEADER, listRow('G00001', 1)].join('\n') });
    expectRefused(r, 'epraccur.csv:1 CRR-I025 error This is not epraccur: its first row has 16 fields, epraccur 27 (and no header row). It looks like the practice → PCN map (`--pcns`).');
    expect(r.stderr).toContain('pcn-map.csv:1 CRR-I026 error This is not the practice → PCN map: its first row lacks the columns PRACTICE_CODE, PCN_CODE');
    expect(r.stderr).toContain('It looks like the list sizes (`--list-sizes`).');
  });

  it('a row of epraccur cut short, a shifted list size, a row wider than its header', async () => {
    const r = await run({
      practices: two + '"G00003","CUT SHORT","Y59"\n',
      pcns: [MAP_HEADER, mapRow('G00001', 'U00001', 'NORTH PCN') + ',EXTRA', mapRow('G00002', 'U00001', 'NORTH PCN')].join('\n'),
      listSizes: [LIST_HEADER, listRow('G00001', 'ME1 1AA'), listRow('G00002', 7000)].join('\n'),
    });
    expectRefused(r, 'epraccur.csv:3 CRR-I025 error The row has 3 fields, not epraccur\'s 27');
    expect(r.stderr).toContain('pcn-map.csv:2 CRR-I027 error The row has 17 fields, the header 16');
    expect(r.stderr).toContain('list-size.csv:2 CRR-I028 error The list size `ME1 1AA` of `G00001` is not a whole number');
    expect(r.stderr).toContain('Nothing was written');
  });

  it('a quote never closed, and a stray quote (a warning: read as written)', async () => {
    const open = await run({ practices: two + '"G00003","NEVER CLOSED\n' });
    expectRefused(open, 'epraccur.csv:3 CRR-I023 error Field 2 opens a quote');
    const stray = await run({ practices: two, listSizes: [LIST_HEADER, listRow('G00001', 5000), listRow('G00002', 7000), 'GP_PRAC_PAT_LIST,01JAN2021,GP,91Q,E38000237,G00009,ME1 "1AA,ALL,ALL,5'].join('\n') });
    expect(stray.code, stray.stderr).toBe(0);
    expect(stray.stderr).toContain('list-size.csv:4 CRR-I024 warning Field 7 has a `"` where RFC 4180 does not allow one');
  });

  it('binary junk, a file that is not UTF-8, and one too large', async () => {
    const zip = await run({ practices: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x0a, 0xff]) });
    expectRefused(zip, 'epraccur.csv:1 CRR-I022 error The file holds a NUL byte (at byte 5, line 1)');
    const latin1 = await run({ practices: Buffer.concat([Buffer.from(two), Buffer.from('"G00003","CAF\xc9 SURGERY"\n', 'latin1')]) });
    expectRefused(latin1, /epraccur\.csv:3 CRR-I022 error The file is not UTF-8 text \(byte \d+, line 3/);
    const dir = scratch();
    const big = join(dir, 'big.csv');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 65 * 1024 * 1024); // sparse: no disk used
    closeSync(fd);
    const r = await runCli(importArgs({ practices: big, pcns: KM_FILES.pcns, listSizes: KM_FILES.listSizes }, join(dir, 'out'), '--icb', 'QKS'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('big.csv CRR-I021 error The file is 68,157,440 bytes; no published ODS file is near the limit of 67,108,864.');
  });

  it('an ICB with no practices: the nearest codes and every real one', async () => {
    const r = await runCli(importArgs(KM_FILES, join(scratch(), 'out'), '--icb', 'QKZ'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('CRR-I031 error No active GP practice in England is in ICB `QKZ`. Did you mean `QKS`?');
    expect(r.stderr).toContain("hint: The file's 1 ICBs are: QKS. Or use `--all` for every ICB.");
    const practice = await runCli(importArgs(KM_FILES, join(scratch(), 'out'), '--icb', 'G82002'));
    expect(practice.stderr).toContain("(`G82002` is the code of ST JAMES' SURGERY, not of an ICB)");
  });

  it('a file with no practice of England at all', async () => {
    const r = await run({ practices: epraccurRow('W00001', 'WELSH SURGERY', { region: 'W00' }) + '\n' });
    expectRefused(r, 'epraccur.csv CRR-I032 error Of its 1 rows, none is an active GP practice in England');
  });

  it('many bad rows print a page, not the file', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => `"G${String(i).padStart(5, '0')}","CUT"`);
    const r = await run({ practices: two + rows.join('\n') });
    expect(r.code).toBe(1);
    expect(r.stderr.match(/CRR-I025/g)).toHaveLength(20);
    expect(r.stderr).toContain('epraccur.csv: 480 more like these not shown.');
  });
});

describe('crr import ods: usage', () => {
  const usage = async (...argv: string[]) => {
    const r = await runCli(['import', 'ods', ...argv]);
    expect(r.code).toBe(2);
    return r.stderr;
  };
  it('says what is missing, and refuses --icb with --all, a bad share or a bad profile id', async () => {
    expect(await usage('--icb', 'QKS')).toContain('`crr import ods` needs `--practices`, `--pcns`, `--list-sizes`, `--out`.');
    const files = ['--practices', KM_FILES.practices, '--pcns', KM_FILES.pcns, '--list-sizes', KM_FILES.listSizes, '--out', join(scratch(), 'o')];
    expect(await usage(...files)).toContain('Say which ICB to import');
    expect(await usage(...files, '--icb', 'QKS', '--all')).toContain('Give `--icb` or `--all`, not both.');
    expect(await usage(...files, '--all', '--list-size-change', 'lots')).toContain('`--list-size-change` must be a share such as `0.1`');
    expect(await usage(...files, '--all', '--profile', 'a b')).toContain('`--profile` must be a record id');
  });

  it('writes the profile asked for on every practice', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'x'));
    const r = await runCli(importArgs(KM_FILES, join(dir, 'x', 'out'), '--icb', 'QKS', '--profile', 'kpsn-emis'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Every practice names profile `kpsn-emis`');
    expect(sitesOf(join(dir, 'x', 'out')).match(/profile: kpsn-emis \}/g)).toHaveLength(177);
  });
});
