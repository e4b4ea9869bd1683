import { describe, expect, it } from 'vitest';
import { analyse } from './analyse.js';
import { hazard, smallRegister } from './test-support.js';

describe('coverage gaps', () => {
  it('suggests a hazard for an uncovered failure point, with the severity words of its reach, never a rating', () => {
    const a = analyse(smallRegister(), { asOf: '2026-11-21' });
    const gap = a.findings.find((f) => f.id === 'coverage-gap:failure-point:dc-core')!;
    expect(gap.kind).toBe('coverage-gap');
    expect(gap.suggestion).toMatchObject({
      cause: 'failure of `dc-core`',
      services: ['patient-record'],
      sites: ['P1', 'P2', 'P3'],
      patients: 7000,
      reachWords: 'several patients',
    });
    // The default scheme's levels that speak of several patients: all but `minor`.
    expect(gap.suggestion!.severityWords.map((w) => w.level)).toEqual(['significant', 'considerable', 'major', 'catastrophic']);
    expect(JSON.stringify(gap.suggestion)).not.toMatch(/"rating"/);
  });

  it('has no gap for a failure point a hazard names, by id or by selector', () => {
    for (const cause of ['{ description: Core fails, assets: [dc-core] }', '{ description: DC services fail, select: { type: data-centre-service } }']) {
      const a = analyse(smallRegister({ hazards: hazard('HAZ-1', cause) }), { asOf: '2026-11-21' });
      expect(a.findings.find((f) => f.id === 'failure-point:dc-core')!.hazards).toEqual(['HAZ-1']);
      expect(a.findings.some((f) => f.id === 'coverage-gap:failure-point:dc-core')).toBe(false);
    }
  });

  it('reports uncovered site-local failure points as one gap, counting those not named', () => {
    const a = analyse(smallRegister({ hazards: hazard('HAZ-1', '{ description: One firewall, assets: [P1/firewall] }') }), { asOf: '2026-11-21' });
    const local = a.findings.find((f) => f.id === 'failure-point:local:firewall')!;
    expect(local.figures).toEqual({ sites: 3, uncovered: 2 });
    expect(a.findings.some((f) => f.id === 'coverage-gap:failure-point:local:firewall')).toBe(true);
  });
});
