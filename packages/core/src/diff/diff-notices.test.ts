import { describe, expect, it } from 'vitest';
import { guards } from './guards.js';
import { diffNotices, runDiffNotices } from './diff-notices.js';
import type { RegisterDiff } from './register-diff.js';

const at = { side: 'head' as const, file: 'h.yaml', line: 3, column: 5 };
const point = (asset: string, hazards: string[]) => ({ asset, name: asset, sites: [{ site: 'G1', name: 'G1', services: ['prescribing'] }], patients: 900, hazards, at, byIcb: [], byRegion: [] });
const diff = {
  acceptances: { noLongerHold: [{ acceptance: 'ACC-1', hazard: 'HAZ-1', fields: ['residualRisk'], before: 'a', after: 'b', at }], added: [] },
  failurePoints: { gained: [point('vpn-a', []), point('vpn-b', ['HAZ-2'])], lost: [] },
} as unknown as RegisterDiff;

describe('the notices of crr diff', () => {
  it('finds stale acceptances (G005) and failure points a hazard names (G006), leaving unnamed ones to G004', () => {
    const [stale, named] = runDiffNotices(diff);
    expect(stale!.definition).toBe(diffNotices.acceptanceStale);
    expect(stale!.findings).toEqual([
      { record: 'ACC-1', at, message: "Acceptance `ACC-1` of hazard `HAZ-1` no longer holds: the hazard's residualRisk changed after it was accepted.", hint: 'Record a new acceptance of the hazard as it now stands.' },
    ]);
    expect(named!.definition).toBe(diffNotices.newFailurePoint);
    expect(named!.findings.map((f) => f.record)).toEqual(['vpn-b']);
    expect(named!.findings[0]!.message).toBe('`vpn-b` becomes a single failure point for 1 site(s) (900 patients); hazards naming it: HAZ-2.');
    expect(guards.find((g) => g.code === 'CRR-G004')!.check(diff).map((f) => f.record)).toEqual(['vpn-a']);
  });

  it('fails nothing: a notice is a warning or a notice, never an error', () => {
    expect(Object.values(diffNotices).map((d) => [d.code, d.severity])).toEqual([
      ['CRR-G005', 'warning'],
      ['CRR-G006', 'notice'],
    ]);
  });
});
