/**
 * Issue 11: `--scope <place>` on `crr what-if` and `crr build`: the view of one ICB of a register
 * of two. The failure and the analysis run on the whole register; the scope restricts what is shown.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { MINIMAL_MANIFEST, tempRegister } from '../support/temp-register.js';
import { TWO_ICBS } from '../support/two-icbs.js';

/** The two-ICB register, with a hazard of each ICB's concentrator and one kept in general terms. */
const records = `${TWO_ICBS}hazards:
${['HAZ-KM: [vpn-km]', 'HAZ-SX: [vpn-sx]', 'HAZ-ALL: null']
  .map((line) => {
    const [id, assets] = line.split(': ');
    return `  - id: ${id}
    title: Clinicians cannot open the record (${id})
    description: The record is unavailable.
    services: [patient-record]
    causes: [{ description: A failure.${assets === 'null' ? '' : ` , assets: ${assets}`} }]
    effects: [Consultations without the history]
    harms: [Delayed treatment]
    initialRisk: { severity: minor, likelihood: low }
    residualRisk: { severity: minor, likelihood: low }
    status: open
    owner: ICB
    raised: 2026-01-01
    reviewed: 2026-10-01`;
  })
  .join('\n')}
`;

const register = tempRegister({ 'register.yaml': MINIMAL_MANIFEST + records.replace(/^\n/, '') });
afterAll(register.cleanup);
const AS_OF = ['--as-of', '2026-11-21'];

describe('crr what-if --scope', () => {
  it('shows what the whole failure does to the place\'s sites, and says from where', async () => {
    const r = await runCli(['what-if', register.dir, '--fail', 'emis-web', '--scope', 'QKS', ...AS_OF]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('What if emis-web fails, as seen from NHS Kent and Medway ICB (QKS)?');
    expect(r.stdout).toContain('Cut: 2 sites in 1 PCN, 3,000 patients.');
    expect(r.stdout).not.toContain('S1');
    const json = JSON.parse((await runCli(['what-if', register.dir, '--fail', 'emis-web', '--scope', 'icb-sx', '--format', 'json', ...AS_OF])).stdout);
    expect(json.scope).toEqual({ id: 'icb-sx', name: 'NHS Sussex ICB', tier: 'icb', ods: 'QNX' });
    expect(json.reach.sites).toEqual(['S1', 'S2']);
    expect(json.reach.patients).toBe(12000);
    expect(json.cut.map((p: { site: string }) => p.site)).toEqual(['S1', 'S2']);
  });

  it('refuses a place the register does not have, with a did-you-mean (exit 2)', async () => {
    const r = await runCli(['what-if', register.dir, '--fail', 'emis-web', '--scope', 'QKT', ...AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('`QKT` names no place in the register');
    expect(r.stderr).toContain('Did you mean QKS (NHS Kent and Medway ICB)?');
  });

  it('refuses an organisation that is not a place (exit 2)', async () => {
    const r = await runCli(['what-if', register.dir, '--fail', 'emis-web', '--scope', 'org-icb', ...AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has no sites');
  });
});

describe('crr analyse --scope', () => {
  it('shows the findings that reach the place, counted for it, and says from where', async () => {
    const whole = JSON.parse((await runCli(['analyse', register.dir, '--format', 'json', ...AS_OF])).stdout);
    const r = await runCli(['analyse', register.dir, '--scope', 'qks', '--format', 'json', ...AS_OF]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const seen = JSON.parse(r.stdout);
    expect(seen.scope).toEqual({ id: 'icb-km', name: 'NHS Kent and Medway ICB', tier: 'icb', ods: 'QKS' });
    expect(seen.summary).toMatchObject({ practices: 2, patients: 3000 });
    expect(whole.summary).toMatchObject({ practices: 4, patients: 15000 });
    const ids = (a: { findings: { id: string }[] }) => a.findings.map((f) => f.id);
    // EMIS Web cuts every practice: kept, counted for the place; Sussex's concentrator is not the place's.
    expect(seen.findings.find((f: { id: string }) => f.id === 'failure-point:emis-web').reach).toMatchObject({ sites: ['K1', 'K2'], patients: 3000 });
    expect(ids(whole)).toContain('failure-point:vpn-sx');
    expect(ids(seen)).not.toContain('failure-point:vpn-sx');
    const text = await runCli(['analyse', register.dir, '--scope', 'QKS', ...AS_OF]);
    expect(text.stdout.split('\n')[0]).toMatch(/as of 2026-11-21, as seen from NHS Kent and Medway ICB \(QKS\)$/);
    expect(text.stdout).not.toContain('S one');
  });

  it('refuses a place the register does not have, with a did-you-mean (exit 2)', async () => {
    const r = await runCli(['analyse', register.dir, '--scope', 'QNY', ...AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Did you mean QNX (NHS Sussex ICB)?');
  });
});

describe('crr build --scope', () => {
  const out = mkdtempSync(join(tmpdir(), 'crr-scope-site-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('builds the site of one ICB: its practices only, the findings counted for it, the title saying so', { timeout: 60_000 }, async () => {
    const r = await runCli(['build', register.dir, '--out', join(out, 'site'), '--scope', 'QKS', '--no-search', ...AS_OF]);
    expect(r.stderr).not.toContain('Error');
    expect(r.code).toBe(0);
    const site = join(out, 'site');
    expect(existsSync(join(site, 'sites/K1/index.html'))).toBe(true);
    expect(existsSync(join(site, 'sites/S1/index.html'))).toBe(false);
    expect(existsSync(join(site, 'assets/vpn-km/index.html'))).toBe(true);
    expect(existsSync(join(site, 'assets/vpn-sx/index.html'))).toBe(false);
    // The other ICB's hazard (its cause is that ICB's concentrator) is not the place's; a hazard
    // kept in general terms, about a service the place uses, is.
    const hazardLog = readFileSync(join(site, 'hazards/index.html'), 'utf8');
    expect(hazardLog).toContain('HAZ-KM');
    expect(hazardLog).toContain('HAZ-ALL');
    expect(hazardLog).not.toContain('HAZ-SX');
    const analysis = JSON.parse(readFileSync(join(site, 'export/analysis.json'), 'utf8'));
    expect(analysis.scope).toMatchObject({ id: 'icb-km', ods: 'QKS' });
    const emis = analysis.findings.find((f: { id: string }) => f.id === 'failure-point:emis-web');
    expect(emis.reach).toMatchObject({ sites: ['K1', 'K2'], patients: 3000 });
    expect(analysis.findings.map((f: { id: string }) => f.id)).not.toContain('failure-point:vpn-sx');
    const index = readFileSync(join(site, 'index.html'), 'utf8');
    expect(index).toContain('NHS Kent and Medway ICB (QKS)');
    const findings = readFileSync(join(site, 'findings/index.html'), 'utf8');
    expect(findings).not.toContain('S one');
    expect(deadLinks(site)).toEqual([]); // lists name only records with a page in the place's site
  });

  it('refuses a bad place before building anything (exit 2)', async () => {
    const r = await runCli(['build', register.dir, '--out', join(out, 'bad'), '--scope', 'Y58', ...AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Did you mean Y59 (NHS England South East)?');
    expect(existsSync(join(out, 'bad'))).toBe(false);
  });
});

/** Relative links of the site's pages whose target file does not exist. */
function deadLinks(root: string): string[] {
  const dead: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.html'))
        for (const [, href] of readFileSync(path, 'utf8').matchAll(/href="([^"#?]+)/g)) {
          if (/^[a-z]+:/.test(href!)) continue;
          const target = resolve(dirname(path), href!);
          if (!existsSync(href!.endsWith('/') ? join(target, 'index.html') : target)) dead.push(`${path.slice(root.length)} -> ${href}`);
        }
    }
  };
  walk(root);
  return dead;
}
