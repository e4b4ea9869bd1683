/**
 * `crr diff` on real git repositories (real `git` commands in temporary folders): every guard,
 * every output format, every bad input, and the worked example's concentrator change.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'crr-diff-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
const git = (repo: string, ...args: string[]) => execFileSync('git', ['-c', 'init.defaultBranch=main', ...args], { cwd: repo, env, encoding: 'utf8' }).trim();

/** A repository holding the example register at `registers/example-icb`, committed once: returns the repo and the base sha. */
function exampleRepo(name: string, prepare?: (dir: string) => void): { repo: string; reg: string; base: string } {
  const repo = join(scratch, name);
  const reg = join(repo, 'registers/example-icb');
  cpSync(join(root, 'registers/example-icb'), reg, { recursive: true });
  prepare?.(reg);
  git(repo, 'init', '-q');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'base');
  return { repo, reg, base: git(repo, 'rev-parse', 'HEAD') };
}

function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit made no change to ${file}: ${String(from)}`);
  writeFileSync(file, next);
}

function commit(repo: string, message: string): string {
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', message);
  return git(repo, 'rev-parse', 'HEAD');
}

/** Move three practices that had failover (anyOf vpn-b, vpn-a) back onto the first concentrator alone. */
const MOVED = ['Y90101', 'Y90102', 'Y90103'];
function moveBackToVpnA(reg: string): void {
  for (const id of MOVED) {
    const file = join(reg, 'sites/medstone-town.yaml');
    edit(file, new RegExp(`(- \\{ id: ${id}, [^\\n]*?profile: [a-z-]+)( \\}|,)`), `$1, bindings: { concentrator: vpn-a }$2`);
  }
}

/** A register in which no hazard names vpn-a: its attributes move off the selectors, and the causes that named it name vpn-b. */
function uncoverVpnA(reg: string): void {
  const dc = join(reg, 'assets/data-centres.yaml');
  edit(dc, /(id: vpn-a[\s\S]*?)vendor: Cisco Meraki/, '$1vendor: Cisco');
  edit(dc, /(id: vpn-a[\s\S]*?)managedBy: Meraki dashboard/, '$1managedBy: CSU local console');
  edit(dc, /(id: vpn-a[\s\S]*?)location: dc-medstone/, '$1location: dc-ashbrook');
  const hz = join(reg, 'hazards/network.yaml');
  writeFileSync(hz, readFileSync(hz, 'utf8').replace(/assets: \[vpn-a\]/g, 'assets: [vpn-b]'));
}

const json = (stdout: string) => JSON.parse(stdout) as {
  verdict: string;
  guards: { code: string; name: string; enabled: boolean; findings: { message: string; record?: string }[] }[];
  failurePoints: { gained: { asset: string; sites: { site: string }[]; patients: number; hazards: string[] }[] };
  hazards: { added: { id: string }[]; removed: { id: string }[]; changed: { id: string; fields: { field: string }[] }[] };
  ratings: { hazard: string; which: string; before: number; after: number }[];
  acceptances: { noLongerHold: { acceptance: string; hazard: string }[] };
  controls: { weakened: { control: string }[]; removedFromHazard: { control: string }[] };
};

describe('crr diff on the worked example', () => {
  it('reports three practices moved back onto the first concentrator as new failure points, covered by its hazards', async () => {
    const { repo, reg, base } = exampleRepo('covered');
    moveBackToVpnA(reg);
    const head = commit(repo, 'move three practices back to vpn-a');
    const r = await runCli(['diff', base, head, 'registers/example-icb', '--format', 'json', '--as-of', '2026-11-21'], { cwd: repo });
    const out = json(r.stdout);
    const gained = out.failurePoints.gained.find((f) => f.asset === 'vpn-a')!;
    expect(gained.sites.map((s) => s.site)).toEqual(MOVED);
    const patients = MOVED.map((id) => Number(new RegExp(`id: ${id},[^\\n]*listSize: (\\d+)`).exec(readFileSync(join(reg, 'sites/medstone-town.yaml'), 'utf8'))![1])).reduce((a, b) => a + b, 0);
    expect(gained.patients).toBe(patients);
    expect(gained.hazards).toContain('HAZ-003');
    expect(out.guards.find((g) => g.name === 'uncovered-failure-point')!.findings).toEqual([]);
    expect(r.code).toBe(0);
    const md = await runCli(['diff', base, head, 'registers/example-icb', '--as-of', '2026-11-21'], { cwd: repo });
    expect(md.stdout).toContain('### New failure points');
    expect(md.stdout).toMatch(/\| vpn\\-a VPN concentrator A \\\(the original\\\) \| 3: [^|]*\\\(Y90101\\\)[^|]* \| [\d,]+ \|/);
  });

  it('trips the coverage guard when no hazard names the concentrator', async () => {
    const { repo, reg, base } = exampleRepo('uncovered', uncoverVpnA);
    moveBackToVpnA(reg);
    const head = commit(repo, 'move three practices back to vpn-a');
    const r = await runCli(['diff', base, head, 'registers/example-icb', '--format', 'json', '--as-of', '2026-11-21'], { cwd: repo });
    expect(r.code).toBe(1);
    const out = json(r.stdout);
    expect(out.verdict).toBe('fail');
    const tripped = out.guards.find((g) => g.name === 'uncovered-failure-point')!;
    expect(tripped.findings).toHaveLength(1);
    expect(tripped.findings[0]!.message).toMatch(/^`vpn-a` \(VPN concentrator A \(the original\)\) becomes a single failure point for 3 sites \([\d,]+ patients\)/);
    const md = await runCli(['diff', base, head, 'registers/example-icb', '--as-of', '2026-11-21'], { cwd: repo });
    expect(md.stdout.split('\n')[0]).toMatch(/^## ❌ Clinical risk: 1 change must not pass unnoticed/);
  });
});
