/**
 * Issue 10: `crr analyse` text shows every named scenario (its tolerance verdict with figures,
 * what it cuts and degrades), and capacity findings show their shortfall; `--top` still limits
 * only the findings.
 */
import { appendFileSync, cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { tempRegister } from '../support/temp-register.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const example = 'registers/example-icb';
const analyse = (dir: string, ...args: string[]) => runCli(['analyse', dir, '--as-of', '2026-11-21', ...args], { cwd: root });

/** A copy of the worked example to change. */
function copy(): { dir: string; cleanup: () => void } {
  const tmp = tempRegister({});
  cpSync(join(root, example), tmp.dir, { recursive: true });
  return tmp;
}

describe('crr analyse: the Scenarios section', () => {
  it('lists every scenario of the example: past or within tolerance with the figures, cut and degraded reach, overloads', async () => {
    const r = await analyse(example);
    expect(r.code).toBe(0);
    const section = r.stdout.slice(r.stdout.indexOf('Scenarios ('), r.stdout.lastIndexOf('\n\n'));
    expect(section).toBe(
      [
        'Scenarios (4, 3 past their tolerance):',
        '',
        '  vpn-b-maintenance: Planned maintenance of VPN concentrator B',
        '    past its tolerance: 2 sites cut against at most 0; 1 asset overloaded against at most 0 (finding scenario:vpn-b-maintenance)',
        '    cut: 2 sites in 2 PCNs, 12,865 patients',
        '    degraded: 48 sites in 6 PCNs, 438,058 patients',
        '    overloaded at peak: vpn-a 48 of 30 tunnels (shortfall 18)',
        '',
        '  mx18-defect: A defect in the MX 18 firmware drops tunnels on every device still running it',
        '    past its tolerance: 42 sites cut against at most 10 (finding scenario:mx18-defect)',
        '    cut: 42 sites in 6 PCNs, 365,673 patients',
        '    degraded: 8 sites in 6 PCNs, 85,250 patients',
        '',
        '  carrier-b-down: Kestrel Data Communications core outage',
        '    past its tolerance: 50 sites cut against at most 14 (finding scenario:carrier-b-down)',
        '    cut: 50 sites in 6 PCNs, 450,923 patients',
        '    degraded: nothing',
        '',
        '  dns-1-patching: CSU DNS resolver 1 out of service for patching',
        '    within its tolerance: 0 sites cut (at most 0); 0 patients cut off (at most 0); 0 assets overloaded (at most 0)',
        '    cut: nothing',
        '    degraded: 50 sites in 6 PCNs, 450,923 patients',
      ].join('\n'),
    );
    // The totals stay the last line.
    expect(r.stdout).toMatch(/\n\n\d+ findings: [^\n]*3 scenario-tolerance[^\n]*\n$/);
  });

  it('--top limits the findings only: the scenarios are all still shown', async () => {
    const r = await analyse(example, '--top', '1');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Findings by kind, each in the order of the ranking, at most 1 of each kind:/);
    expect(r.stdout).toMatch(/\n1\. /);
    expect(r.stdout).not.toMatch(/\n2\. /);
    expect(r.stdout).toContain('Scenarios (4, 3 past their tolerance):');
    expect(r.stdout).toContain('  dns-1-patching: CSU DNS resolver 1 out of service for patching');
  });

  it('capacity findings print their shortfall', async () => {
    const r = await analyse(example);
    expect(r.stdout).toContain('Capacity after a failure (N-1) (1)\n1. If `vpn-b` fails, `vpn-a` would carry 48 of 30 tunnels at peak');
    expect(r.stdout).toMatch(/would carry 48 tunnels against a limit of 30, a shortfall of 18\./);
  });

  it('a scenario without a tolerance says so; a register without scenarios has no section', async () => {
    const tmp = copy();
    try {
      appendFileSync(
        join(tmp.dir, 'scenarios.yaml'),
        '\n  - id: vpn-a-down\n    title: VPN concentrator A fails\n    reason: It is the older of the two.\n    assets: [vpn-a]\n',
      );
      const r = await analyse(tmp.dir);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Scenarios (5, 3 past their tolerance):');
      expect(r.stdout).toContain('  vpn-a-down: VPN concentrator A fails\n    no tolerance given\n    cut: 4 sites in 4 PCNs, 39,493 patients\n    degraded: 44 sites in 6 PCNs, 398,565 patients\n');
      rmSync(join(tmp.dir, 'scenarios.yaml'));
      const none = await analyse(tmp.dir);
      expect(none.code).toBe(0);
      expect(none.stdout).not.toContain('Scenarios (');
    } finally {
      tmp.cleanup();
    }
  });
});
