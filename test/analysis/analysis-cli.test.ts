import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { MINIMAL_MANIFEST, tempRegister } from '../support/temp-register.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const example = 'registers/example-icb';
const run = (argv: string[]) => runCli(argv, { cwd: root });

describe('crr analyse', () => {
  it('prints findings by kind, in the order of the ranking, each with its reach and hazards', async () => {
    const r = await run(['analyse', example, '--as-of', '2026-11-21', '--top', '3']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^NHS .* as of 2026-11-21\n48 practices, 450,923 patients; 5 clinical services; \d+ assets; \d+ routes\n/);
    expect(r.stdout).toContain('Findings by kind, each in the order of the ranking, at most 3 of each kind:');
    expect(r.stdout).toMatch(/\nFailure point \(3 of \d+\)\n1\. .+\n {3}.+\n {3}places: .+\n {3}reach: \d+ sites in \d PCNs, [\d,]+ patients; /);
  });

  it('--format json is the documented, stable shape', async () => {
    const r = await run(['analyse', example, '--as-of', '2026-11-21', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['schemaVersion', 'tool', 'register', 'asOf', 'summary', 'assets', 'failurePoints', 'capacity', 'scenarios', 'findings']);
    expect(out.schemaVersion).toBe(2);
    expect(Object.keys(out.findings[0])).toEqual(expect.arrayContaining(['id', 'kind', 'title', 'explanation', 'assets', 'reach', 'hazards']));
    expect(Object.keys(out.findings[0].reach)).toEqual(['pairs', 'sites', 'practices', 'pcns', 'patients', 'services', 'byService', 'byIcb', 'byRegion']);
    expect(out.summary.practices).toBe(48);
  });

  it('refuses to analyse a register with errors, and says so (exit 1)', async () => {
    const reg = tempRegister({ 'register.yaml': `${MINIMAL_MANIFEST}sites:\n  - { id: G1, type: practice, name: One, pcn: nowhere }\n` });
    try {
      const r = await runCli(['analyse', reg.dir]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('The register has errors, so it was not analysed.');
      const j = await runCli(['analyse', reg.dir, '--format', 'json']);
      expect(JSON.parse(j.stdout).analysis).toBeNull();
    } finally {
      reg.cleanup();
    }
  });

  it('rejects a bad --top (exit 2)', async () => {
    const r = await run(['analyse', example, '--top', 'many']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('`--top` must be a whole number');
  });
});

describe('crr what-if', () => {
  it('fails an asset and shows what is cut, where, for how many patients', async () => {
    const r = await run(['what-if', example, '--fail', 'vpn-a', '--as-of', '2026-11-21']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('What if vpn-a fails?');
    expect(r.stdout).toMatch(/Cut: 4 sites in 4 PCNs, [\d,]+ patients\./);
    expect(r.stdout).toContain('  Sites (4, all practices or branches): Y90104, Y90202, Y90305, Y90404.');
  });

  it('fails a selector and several things together', async () => {
    const r = await run(['what-if', example, '--fail', 'software=MX 18.*', '--fail', 'vpn-b', '--format', 'json', '--as-of', '2026-11-21']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.failed[0].spec).toBe('software=MX 18.*');
    expect(out.failed[0].assets.length).toBeGreaterThan(40);
    expect(out.failed[1]).toEqual({ spec: 'vpn-b', assets: ['vpn-b'] });
    expect(out.reach.services).not.toContain('telephony');
  });

  it('says when nothing is cut', async () => {
    const r = await run(['what-if', example, '--fail', 'Y90101/broadband', '--fail', 'Y90101/firewall', '--as-of', '2026-11-21']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Cut: 1 site in 1 PCN/);
  });

  it.each([
    [['--fail', 'vpn-c'], /There is no asset `vpn-c` in the register. Did you mean `vpn-a`\?/],
    [['--fail', 'sofware=MX 18.*'], /is not a valid selector: `sofware` is not a selector key. Did you mean `software`\?/],
    [['--fail', 'software='], /`software=` has no value/],
    [['--fail', 'vendor=Nobody'], /The selector `vendor=Nobody` matches no asset/],
    [[], /Say what fails with `--fail`/],
  ])('%j is a clear usage error (exit 2)', async (args, message) => {
    const r = await run(['what-if', example, ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
