import { rmSync } from 'node:fs';
import { findingKinds, FINDING_KIND_META, type Finding } from '@crr/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRegister, writeRegister } from '../generate/generate-register.js';
import { generateNational } from '../generate/national.js';
import { runCli } from '../support/run-cli.js';
import { tempRegister } from '../support/temp-register.js';

/**
 * `crr analyse` text at national size: --top per kind, --kinds, --by icb|region, places in every
 * reach. On a generated national register of two ICBs (QHM, the larger, and QKS), in-process.
 */

let dir: string;
let full: { findings: Finding[]; summary: { findings: Record<string, number> } };
const cleanups: (() => void)[] = [];
beforeAll(async () => {
  ({ dir } = temp(generateNational({ icbs: ['QHM', 'QKS'] }).files));
  const r = await runCli(['analyse', dir, '--format', 'json']);
  expect(r.code).toBe(0);
  full = JSON.parse(r.stdout);
});
afterAll(() => cleanups.forEach((c) => c()));

function temp(files: Record<string, string>) {
  const t = tempRegister({});
  cleanups.push(t.cleanup);
  writeRegister(t.dir, files);
  return t;
}

const label = (k: string) => FINDING_KIND_META[k as keyof typeof FINDING_KIND_META].label;
/** The kind headings of a text output, in order, with what they say in brackets. */
const headings = (text: string, indent = '') =>
  text
    .split('\n')
    .map((l) => new RegExp(`^${indent}(${findingKinds.map((k) => label(k).replace(/[()]/g, '\\$&')).join('|')}) \\((\\d+)(?: of (\\d+))?\\)$`).exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ label: m[1]!, shown: Number(m[2]), of: m[3] === undefined ? undefined : Number(m[3]) }));

describe('crr analyse --top N', () => {
  it('shows at most N of each kind, under its own heading, every kind with findings in findingKinds order', async () => {
    const r = await runCli(['analyse', dir, '--top', '2']);
    expect(r.code).toBe(0);
    const kinds = findingKinds.filter((k) => full.findings.some((f) => f.kind === k));
    expect(kinds.length).toBeGreaterThan(3);
    const h = headings(r.stdout);
    expect(h.map((x) => x.label)).toEqual(kinds.map(label));
    for (const k of kinds) {
      const all = full.findings.filter((f) => f.kind === k);
      const heading = h.find((x) => x.label === label(k))!;
      expect(heading.shown).toBe(Math.min(2, all.length));
      expect(heading.of).toBe(all.length > 2 ? all.length : undefined);
    }
    // A kind with more than N findings shows exactly the first N of the analysis's order.
    const many = kinds.find((k) => full.findings.filter((f) => f.kind === k).length > 2)!;
    const ids = full.findings.filter((f) => f.kind === many).map((f) => f.id);
    expect(r.stdout).toContain(`id: ${ids[0]}\n`);
    expect(r.stdout).toContain(`id: ${ids[1]}\n`);
    expect(r.stdout).not.toContain(`id: ${ids[2]}\n`);
  });

  it('without --top shows every finding, grouped the same way', async () => {
    const r = await runCli(['analyse', dir]);
    expect(r.stdout.match(/^ *id: /gm)).toHaveLength(full.findings.length);
    expect(headings(r.stdout).every((x) => x.of === undefined)).toBe(true);
  });

  it('names places before the sites, and sites by name and ODS code', async () => {
    const r = await runCli(['analyse', dir, '--top', '1']);
    const lines = r.stdout.split('\n').map((l) => l.trim());
    const places = lines.filter((l) => l.startsWith('places: '));
    expect(places.length).toBeGreaterThan(0);
    expect(places.every((l) => /^places: Regions: .+; ICBs: .+ICB \d/.test(l))).toBe(true);
    for (let i = 0; i < lines.length; i++) if (lines[i]!.startsWith('places: ')) expect(lines[i + 2]).toMatch(/^sites: [^,]+ \([A-Z][0-9]{5}\)/);
  });
});

describe('crr analyse --kinds', () => {
  it('shows only those kinds, in text and in JSON, and the summary still counts everything', async () => {
    const text = await runCli(['analyse', dir, '--kinds', 'capacity-n-1, failure-point']);
    expect(text.code).toBe(0);
    expect(headings(text.stdout).map((x) => x.label)).toEqual([label('failure-point'), label('capacity-n-1')]);
    const json = await runCli(['analyse', dir, '--format', 'json', '--kinds', 'capacity-n-1,failure-point']);
    const a = JSON.parse(json.stdout) as typeof full;
    expect(a.findings.map((f) => f.id)).toEqual(full.findings.filter((f) => f.kind === 'failure-point' || f.kind === 'capacity-n-1').map((f) => f.id));
    expect(a.findings.length).toBeGreaterThan(0);
    expect(a.summary.findings).toEqual(full.summary.findings);
  });

  it('refuses a kind that does not exist, with a did-you-mean and the list of kinds (exit 2)', async () => {
    const r = await runCli(['analyse', dir, '--kinds', 'failure-pont']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Did you mean `failure-point`?');
    for (const k of findingKinds) expect(r.stderr).toContain(`\`${k}\``);
  });
});

describe('crr analyse --by', () => {
  it('groups by ICB, largest first, each finding counted for that ICB alone', async () => {
    const r = await runCli(['analyse', dir, '--by', 'icb', '--top', '3']);
    expect(r.code).toBe(0);
    const groups = r.stdout.split('\n').filter((l) => /^\S.*\((Q[A-Z0-9]{2})\): /.test(l));
    expect(groups.map((l) => /\((Q..)\)/.exec(l)![1])).toEqual(['QHM', 'QKS']);
    // Each group's findings: the reach line gives the ICB's own sites and patients, from byIcb.
    const [, qks] = r.stdout.split(groups[1]!);
    const section = qks!.split(/\n(?=\S)/)[0]!;
    // One block per finding, ending with its id line.
    const blocks = section.split(/(?<=\n +id: .+)\n/).filter((b) => /id: /.test(b));
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      const id = /id: (.+)$/.exec(block)![1]!;
      const f = full.findings.find((x) => x.id === id)!;
      const mine = f.reach.byIcb.find((p) => p.name.includes('Kent'))!;
      expect(mine).toBeDefined();
      expect(block).toContain(`reach: ${mine.sites.toLocaleString('en-GB')} site${mine.sites === 1 ? '' : 's'}, ${mine.patients.toLocaleString('en-GB')} patients in ${mine.name} (in all: `);
      if (f.reach.byIcb.length > 1) expect(mine.patients).toBeLessThan(f.reach.patients);
      // The sites listed are the ICB's own: Kent and Medway's practice codes start with G, QHM's with A or Y.
      const codes = [.../sites: (.*)$/m.exec(block)![1]!.matchAll(/\(([A-Z])[0-9]{5}\)/g)].map((m) => m[1]);
      expect(codes.length).toBeGreaterThan(0);
      expect(codes.every((c) => c === 'G')).toBe(true);
    }
    // --top applies per kind within a group.
    expect(headings(section, '  ').every((x) => x.shown <= 3)).toBe(true);
  });

  it('refuses a register with no places of that tier, saying what to declare (exit 2)', async () => {
    const { dir: small } = temp(generateRegister({ practices: 3, seed: 1 }));
    const r = await runCli(['analyse', small, '--by', 'region']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the register has no regions (organisations of type `region`');
    expect(r.stderr).toMatch(/hint: .*type `region`/);
  });

  it('refuses an unknown grouping', async () => {
    const r = await runCli(['analyse', dir, '--by', 'icbs']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Did you mean `icb`?');
  });
});
