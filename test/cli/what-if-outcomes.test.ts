/**
 * Issue 10: `crr what-if` reports the three outcomes (cut, degraded, up), what is overloaded at
 * peak and how the loads move, in text and JSON. The April 2026 outage was overload, not a cut:
 * failing vpn-b cuts 2 sites but leaves 48 on vpn-a at 48 of 30 tunnels.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { tempRegister } from '../support/temp-register.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const example = 'registers/example-icb';
const whatIf = (...args: string[]) => runCli(['what-if', example, ...args, '--as-of', '2026-11-21'], { cwd: root });

describe('crr what-if: cut, degraded, up and overloaded', () => {
  it('--fail vpn-b: vpn-a overloaded 48 of 30 (shortfall 18), 48 sites and 438,058 patients degraded (the exact text)', async () => {
    const r = await whatIf('--fail', 'vpn-b');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatchInlineSnapshot(`
      "What if vpn-b fails?

      Cut: 2 sites in 2 PCNs, 12,865 patients.
        By service: document-workflow 2 sites (12,865); online-consultation 2 sites (12,865); patient-record 2 sites (12,865); prescribing 2 sites (12,865).
        Regions: NHS England South East 2 sites (12,865).
        ICBs: NHS Wealdmarsh Integrated Care Board 2 sites (12,865).
        PCNs: pcn-chalk-downs, pcn-saltings-coast.
        Sites (2, all practices or branches): Y90208, Y90506.

      Degraded: 48 sites in 6 PCNs, 438,058 patients: still reachable, but at risk.
        Why: 48 sites through an overloaded asset at peak (service intermittent); 44 sites with no redundancy left (one more failure cuts them).
        By service: document-workflow 48 sites (438,058); online-consultation 48 sites (438,058); patient-record 48 sites (438,058); prescribing 48 sites (438,058).
        Regions: NHS England South East 48 sites (438,058).
        ICBs: NHS Wealdmarsh Integrated Care Board 48 sites (438,058).
        PCNs: pcn-chalk-downs, pcn-greystead-lowfield, pcn-medstone-town, pcn-orchard-vale, pcn-riverhythe-marsh, pcn-saltings-coast.
        Sites (48, all practices or branches): Y90101, Y90102, Y90103, Y90103-B1, Y90104, Y90105, Y90106, Y90107, Y90108, Y90109, Y90201, Y90202, Y90203, Y90204, Y90205, Y90206, Y90207, Y90207-B1, Y90301, Y90302 and 28 more.

      Up: 50 of 250 (site, service) pairs; 0 of 50 sites keep every service as it was.

      Overloaded at peak (1):
        vpn-a, VPN concentrator A (the original): 48 of 30 tunnels, a shortfall of 18; 4 before the failure; 48 sites (438,058 patients) pass through it.

      Capacity, loads that change (2 of 2 capacity-limited assets):
        asset  unit     limit  before  →  after  headroom
        vpn-b  tunnels     48      46  →      0        48
        vpn-a  tunnels     30       4  →     48       -18
      "
    `);
  });

  it('--fail vpn-b --format json: the core answer in the envelope, with the overload, degraded reach and loads', async () => {
    const r = await whatIf('--fail', 'vpn-b', '--format', 'json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['schemaVersion', 'tool', 'register', 'asOf', 'failed', 'reach', 'cut', 'degradedReach', 'degraded', 'up', 'overloaded', 'loads']);
    expect(out.reach.sites).toEqual(['Y90208', 'Y90506']);
    expect(out.reach.patients).toBe(12_865);
    expect(out.degradedReach.sites).toHaveLength(48);
    expect(out.degradedReach.patients).toBe(438_058);
    expect(out.overloaded).toHaveLength(1);
    expect(out.overloaded[0]).toMatchObject({ asset: 'vpn-a', unit: 'tunnels', limit: 30, before: 4, load: 48, shortfall: 18 });
    expect(out.overloaded[0].reach.sites).toHaveLength(48);
    expect(out.overloaded[0].reach.patients).toBe(438_058);
    expect(out.degraded.every((d: { overloaded: string[] }) => d.overloaded.includes('vpn-a'))).toBe(true);
    expect(out.loads).toEqual([
      { asset: 'vpn-a', unit: 'tunnels', limit: 30, before: 4, after: 48, headroom: -18 },
      { asset: 'vpn-b', unit: 'tunnels', limit: 48, before: 46, after: 0, headroom: 48 },
    ]);
    expect(out.up).toEqual({ pairs: 50, sites: 0 });
  });

  it('--fail dns-1: nothing cut or overloaded, but every site has no redundancy left, and the text never says all is well', async () => {
    const r = await whatIf('--fail', 'dns-1');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Nothing is cut: every site can still reach every clinical service.');
    expect(r.stdout).not.toContain('keeps every clinical service');
    expect(r.stdout).toContain('Degraded: 50 sites in 6 PCNs, 450,923 patients: still reachable, but at risk.');
    expect(r.stdout).toContain('  Why: 50 sites with no redundancy left (one more failure cuts them).');
    expect(r.stdout).not.toContain('overloaded asset at peak');
    expect(r.stdout).not.toContain('Overloaded at peak');
    expect(r.stdout).toContain('Capacity: no load changes on the 2 capacity-limited assets.');
    const json = JSON.parse((await whatIf('--fail', 'dns-1', '--format', 'json')).stdout);
    expect(json.overloaded).toEqual([]);
    expect(json.degraded).toHaveLength(200);
    expect(json.degraded.every((d: { newFailurePoints: string[]; overloaded: string[] }) => d.newFailurePoints.includes('dns-2') && !d.overloaded.length)).toBe(true);
  });

  it('a failure that changes nothing says so plainly', async () => {
    const r = await whatIf('--fail', 'meraki-dashboard');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Nothing is cut: every site keeps every clinical service.');
    expect(r.stdout).toContain('Degraded: nothing.');
    expect(r.stdout).toContain('Up: 250 of 250 (site, service) pairs; 50 of 50 sites keep every service as it was.');
  });

  it('a selector (software=MX 18.*): what it picks, the cut and the degraded sites, and the loads that move', async () => {
    const r = await whatIf('--fail', 'software=MX 18.*');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}software=MX 18\.\* selects 43 assets: /m);
    expect(r.stdout).toContain('Cut: 42 sites in 6 PCNs, 365,673 patients.');
    expect(r.stdout).toContain('Degraded: 8 sites in 6 PCNs, 85,250 patients: still reachable, but at risk.');
    expect(r.stdout).toContain('  Sites (8, all practices or branches): Y90105, Y90108, Y90205, Y90304, Y90407, Y90503, Y90508, Y90603.');
    expect(r.stdout).toContain('Capacity, loads that change (2 of 2 capacity-limited assets):');
    // Most changed first: vpn-b drops by 38, vpn-a by 4.
    expect(r.stdout).toMatch(/ {2}vpn-b +tunnels +48 +46 +→ +8 +40\n {2}vpn-a +tunnels +30 +4 +→ +0 +30\n/);
    const json = JSON.parse((await whatIf('--fail', 'software=MX 18.*', '--format', 'json')).stdout);
    expect(json.failed[0].assets).toHaveLength(43);
    expect(json.degradedReach.sites).toHaveLength(8);
  });

  it('register text in the overload (an asset name with terminal escapes) is shown escaped, never raw', async () => {
    const tmp = tempRegister({});
    try {
      cpSync(join(root, example), tmp.dir, { recursive: true });
      const file = join(tmp.dir, 'assets/data-centres.yaml');
      const text = readFileSync(file, 'utf8');
      expect(text).toContain('name: VPN concentrator A (the original)');
      writeFileSync(file, text.replace('name: VPN concentrator A (the original)', 'name: "VPN A \\e]52;c;ZXZpbA==\\a \\e[8mhidden \\rover \\u202eevil"'));
      const r = await runCli(['what-if', tmp.dir, '--fail', 'vpn-b', '--as-of', '2026-11-21'], { cwd: root });
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
      expect(r.stdout).toContain(String.raw`vpn-a, VPN A \x1b]52;c;ZXZpbA==\x07 \x1b[8mhidden \rover \u202eevil: 48 of 30 tunnels, a shortfall of 18;`);
    } finally {
      tmp.cleanup();
    }
  });
});
