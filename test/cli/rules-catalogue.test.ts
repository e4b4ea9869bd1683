/**
 * `crr rules` lists every code crr can report, the guards and notices of `crr diff` included,
 * in every format, at the severity the catalogue gives.
 */
import { describe, expect, it } from 'vitest';
import { catalogue } from '@crr/core';
import { runCli } from '../support/run-cli.js';

const diffCodes = [
  ['CRR-G001', 'deleted-open-hazard', 'error'],
  ['CRR-G002', 'residual-raised-without-acceptance', 'error'],
  ['CRR-G003', 'control-removed-without-replacement', 'error'],
  ['CRR-G004', 'uncovered-failure-point', 'error'],
  ['CRR-G005', 'acceptance-stale', 'warning'],
  ['CRR-G006', 'new-failure-point', 'notice'],
  ['CRR-G007', 'uncovered-capacity-shortfall', 'error'],
  ['CRR-G008', 'scenario-past-tolerance', 'error'],
];

describe('crr rules', () => {
  it('lists the guards and notices in JSON, after the validation codes and before the import codes', async () => {
    const r = await runCli(['rules', '--format', 'json']);
    expect(r.code).toBe(0);
    const listed = JSON.parse(r.stdout) as { code: string; name: string; severity: string }[];
    const firstDiff = listed.findIndex((c) => c.code.startsWith('CRR-G'));
    expect(listed.slice(firstDiff, firstDiff + diffCodes.length).map((c) => [c.code, c.name, c.severity])).toEqual(diffCodes);
    expect(listed.slice(0, firstDiff).every((c) => /^CRR-[EW]/.test(c.code))).toBe(true);
    expect(listed.slice(firstDiff + diffCodes.length).every((c) => /^CRR-I/.test(c.code))).toBe(true);
    expect(listed).toEqual(catalogue);
  });

  it('lists them in text, one line each with its severity', async () => {
    const r = await runCli(['rules']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(catalogue.length);
    for (const [code, name, severity] of diffCodes) expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${code}  ${severity} *  ${name} +\\S`)));
  });

  it('lists them in markdown, in a table of their own after the validation codes, then the importers\' codes', async () => {
    const r = await runCli(['rules', '--format', 'markdown']);
    const [validation, rest] = r.stdout.split('`crr diff` also reports');
    const [diff, imports] = rest!.split('`crr import hazard-log` reports');
    expect(validation).toContain('| `CRR-E001` | no-register | error |');
    expect(validation).not.toContain('CRR-G0');
    for (const [code, name, severity] of diffCodes) expect(diff).toContain(`| \`${code}\` | ${name} | ${severity} |`);
    expect(diff!.match(/^\| `CRR-/gm)).toHaveLength(diffCodes.length);
    expect(imports).toContain('| `CRR-I001` | not-a-spreadsheet | error |');
    expect(imports).toContain('| `CRR-I020` |');
    expect(imports!.match(/^\| `CRR-I/gm)).toHaveLength(catalogue.filter((c) => c.code.startsWith('CRR-I')).length);
  });
});
