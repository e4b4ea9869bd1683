/**
 * The capacity view: each capacity-limited asset's status against the warning threshold, its
 * headroom and its N-1 verdict in figures, linked to the findings; worst first.
 */
import { describe, expect, it } from 'vitest';
import { smallRegister } from '../../analysis/test-support.js';
import type { Register } from '../../model/register.js';
import { buildReport } from '../build-report.js';
import { capacityStatus, percentText } from './capacity-view.js';

const report = (register: Register) => buildReport(register, { asOf: '2026-11-21', tool: 'test' }).report;

/** The small register with a capacity warning threshold in its manifest's policy. */
function withWarning(register: Register, capacityWarning: number): Register {
  return { ...register, manifest: { ...register.manifest!, policy: { capacityWarning } } };
}

describe('capacityStatus', () => {
  it('is the worst that applies: over, then N-1 shortfall, then warning at or above the threshold', () => {
    expect(capacityStatus(31, 30, 0.8, 50)).toBe('over');
    expect(capacityStatus(4, 30, 0.8, 48)).toBe('n-1-shortfall');
    expect(capacityStatus(29, 30, 0.8, 30)).toBe('warning'); // carrying exactly the limit after a failure is not short
    expect(capacityStatus(24, 30, 0.8)).toBe('warning'); // exactly 80%
    expect(capacityStatus(23, 30, 0.8)).toBe('ok');
    expect(capacityStatus(30, 30, 1)).toBe('warning');
  });
});

describe('percentText', () => {
  it('rounds to a whole percentage, never across the threshold', () => {
    expect(percentText(46 / 48)).toBe('96%');
    expect(percentText(0.8)).toBe('80%');
    expect(percentText(0.796, 0.8)).toBe('79.6%');
    expect(percentText(0.8, 0.8)).toBe('80%');
    expect(percentText(1.6)).toBe('160%');
  });
});

describe('capacity views', () => {
  // P1 and P2 prefer vpn-a and fail over to vpn-b; P3 has vpn-a alone. One tunnel each.
  it('say what one failure would do, in figures, and link the N-1 finding', () => {
    const r = report(smallRegister({ vpnLimits: [3, 1] }));
    expect(r.capacity.assets.map((c) => [c.asset.id, c.status])).toEqual([
      ['vpn-b', 'n-1-shortfall'],
      ['vpn-a', 'warning'],
    ]);
    const [b, a] = r.capacity.assets;
    expect(b).toMatchObject({ load: 0, limit: 1, headroom: 1, worstNMinusOne: { failed: { id: 'vpn-a' }, load: 2, headroom: -1, shortfall: 1 } });
    expect(b!.nMinusOneVerdict).toBe('If `vpn-a` fails, `vpn-b` would carry 2 of 1 tunnels: a shortfall of 1.');
    const finding = r.findings.find((f) => f.id === 'capacity-n-1:vpn-a')!;
    expect(b!.worstNMinusOne!.finding).toEqual({ id: finding.id, title: finding.title, slug: finding.slug });
    // vpn-a: 3 of 3 is at the threshold; its own failure is what overloads vpn-b.
    expect(a).toMatchObject({ load: 3, utilisationText: '100%', headroom: 0, statusLabel: 'Warning' });
    expect(a!.worstNMinusOne).toBeUndefined();
    expect(a!.nMinusOneVerdict).toBe('No single failure of another capacity-limited asset moves load onto it.');
    expect(a!.ifItFails).toEqual([{ asset: expect.objectContaining({ id: 'vpn-b' }), load: 2, limit: 1, unit: 'tunnels', shortfall: 1 }]);
    expect(a!.findings.map((f) => f.id)).toEqual(['capacity-n-1:vpn-a']);
  });

  it('say when the worst single failure can be carried, with the headroom left', () => {
    const b = report(smallRegister({ vpnLimits: [10, 5] })).capacity.assets.find((c) => c.asset.id === 'vpn-b')!;
    expect(b.status).toBe('ok');
    expect(b.worstNMinusOne).toMatchObject({ load: 2, headroom: 3 });
    expect(b.worstNMinusOne!.shortfall).toBeUndefined();
    expect(b.nMinusOneVerdict).toBe('Can carry the worst single failure (`vpn-a`): 2 of 5 tunnels, headroom 3.');
  });

  it('put an asset over its limit at peak first, with its shortfall and its capacity finding', () => {
    const r = report(smallRegister({ vpnLimits: [2, 10] }));
    const a = r.capacity.assets[0]!;
    expect(a).toMatchObject({ asset: { id: 'vpn-a' }, status: 'over', statusLabel: 'Over capacity', headroom: -1 });
    expect(a.statusText).toBe('Over capacity at peak: 3 of 2 tunnels, a shortfall of 1.');
    expect(a.findings.map((f) => f.id)).toContain('capacity:vpn-a');
  });

  it('honour the manifest\'s warning threshold, a percentage (80 by default)', () => {
    // vpn-a carries 3 of 4: 75%.
    const register = smallRegister({ vpnLimits: [4, 10] });
    const statusOf = (r: ReturnType<typeof report>) => r.capacity.assets.find((c) => c.asset.id === 'vpn-a')!.status;
    expect(report(register).capacity.warningAt).toBe(0.8);
    expect(statusOf(report(register))).toBe('ok');
    const strict = report(withWarning(register, 75));
    expect(strict.capacity.warningAt).toBe(0.75);
    expect(statusOf(strict)).toBe('warning');
    expect(strict.capacity.assets.find((c) => c.asset.id === 'vpn-a')!.statusText).toBe('At 75% of capacity at peak (3 of 4 tunnels): at or above the 75% warning threshold.');
  });

  it('are what the asset pages show', () => {
    const r = report(smallRegister({ vpnLimits: [3, 1] }));
    for (const c of r.capacity.assets) expect(r.assets.find((a) => a.id === c.asset.id)!.capacity).toEqual(c);
    expect(r.assets.find((a) => a.id === 'emis')!.capacity).toBeUndefined();
  });
});
