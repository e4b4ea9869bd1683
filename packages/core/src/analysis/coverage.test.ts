import { describe, expect, it } from 'vitest';
import { analyse } from './analyse.js';
import { findingKinds } from './finding.js';
import { hazard, smallRegister } from './test-support.js';

describe('coverage, a property of the finding it concerns', () => {
  it('suggests a hazard for an uncovered failure point, with the severity words of its reach, never a rating', () => {
    const a = analyse(smallRegister(), { asOf: '2026-11-21' });
    const gap = a.findings.find((f) => f.id === 'failure-point:dc-core')!;
    expect(gap.kind).toBe('failure-point');
    expect(gap.coverage).toBe('gap');
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
    expect(gap.explanation).toContain('No hazard in the log names this asset as a cause.');
  });

  it('is not a finding of its own: no kind coverage-gap, and no finding repeats another', () => {
    const a = analyse(smallRegister(), { asOf: '2026-11-21' });
    expect(findingKinds as readonly string[]).not.toContain('coverage-gap');
    expect(a.findings.some((f) => f.id.startsWith('coverage-gap:'))).toBe(false);
    expect(Object.keys(a.summary.findings)).not.toContain('coverage-gap');
  });

  it('is covered, with no suggestion, for a failure point a hazard names, by id or by selector', () => {
    for (const cause of ['{ description: Core fails, assets: [dc-core] }', '{ description: DC services fail, select: { type: data-centre-service } }']) {
      const a = analyse(smallRegister({ hazards: hazard('HAZ-1', cause) }), { asOf: '2026-11-21' });
      const f = a.findings.find((x) => x.id === 'failure-point:dc-core')!;
      expect(f.hazards).toEqual(['HAZ-1']);
      expect(f.coverage).toBe('covered');
      expect(f.suggestion).toBeUndefined();
    }
  });

  it('is partial for site-local failure points some of whose assets no hazard names, with a suggestion', () => {
    const a = analyse(smallRegister({ hazards: hazard('HAZ-1', '{ description: One firewall, assets: [P1/firewall] }') }), { asOf: '2026-11-21' });
    const local = a.findings.find((f) => f.id === 'failure-point:local:firewall')!;
    expect(local.figures).toEqual({ sites: 3, uncovered: 2 });
    expect(local.coverage).toBe('partial');
    expect(local.suggestion?.cause).toBe("failure of a site's own firewall");
    // And a gap when no hazard names any of them.
    const none = analyse(smallRegister(), { asOf: '2026-11-21' }).findings.find((f) => f.id === 'failure-point:local:firewall')!;
    expect(none.coverage).toBe('gap');
  });

  it('is absent on kinds that need no hazard, and the suggestion only where coverage is not full', () => {
    const a = analyse(smallRegister(), { asOf: '2026-11-21' });
    for (const f of a.findings) {
      if (f.kind === 'incident-likelihood' || f.kind === 'scenario-tolerance' || f.reach.pairs === 0) expect(f.coverage).toBeUndefined();
      else expect(f.coverage).toBeDefined();
      expect(f.suggestion !== undefined).toBe(f.coverage === 'gap' || f.coverage === 'partial');
    }
  });

  it('counts findings by coverage in the summary, agreeing with the findings', () => {
    for (const hazards of [undefined, hazard('HAZ-1', '{ description: One firewall, assets: [P1/firewall] }'), hazard('HAZ-1', '{ description: Core fails, assets: [dc-core] }')]) {
      const a = analyse(smallRegister(hazards ? { hazards } : {}), { asOf: '2026-11-21' });
      const count = (c: string) => a.findings.filter((f) => f.coverage === c).length;
      expect(a.summary.coverage).toEqual({ gap: count('gap'), partial: count('partial'), covered: count('covered') });
      expect(a.summary.coverage.gap + a.summary.coverage.partial + a.summary.coverage.covered).toBeGreaterThan(0);
    }
  });
});
