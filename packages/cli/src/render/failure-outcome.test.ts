import type { FailureReport, LoadChange, Overload, Reach } from '@crr/core';
import { describe, expect, it } from 'vitest';
import { paint } from './colour.js';
import { failureOutcomeLines, MAX_LISTED } from './failure-outcome.js';

const NONE: Reach = { pairs: 0, sites: [], practices: 0, pcns: [], patients: 0, services: [], byService: [], byIcb: [], byRegion: [] };
const reach = (sites: number): Reach => ({
  pairs: sites,
  sites: Array.from({ length: sites }, (_, i) => `S${String(i).padStart(5, '0')}`),
  practices: sites,
  pcns: ['pcn-1'],
  patients: sites * 10_000,
  services: ['patient-record'],
  byService: [{ service: 'patient-record', sites, patients: sites * 10_000 }],
  byIcb: [],
  byRegion: [],
});
const report = (over: Partial<FailureReport>): FailureReport => ({ reach: NONE, cut: [], degradedReach: NONE, degraded: [], up: { pairs: 0, sites: 0 }, overloaded: [], loads: [], ...over });
const text = (r: FailureReport) => failureOutcomeLines(r, paint(false)).join('\n');

describe('failureOutcomeLines: readable at national scale', () => {
  it('lists at most 20 changed loads, most changed first, then "and N more"; unchanged loads are left out', () => {
    // 84 concentrators (a national register); 30 change, by 1 to 30 tunnels.
    const loads: LoadChange[] = Array.from({ length: 84 }, (_, i) => {
      const change = i < 30 ? i + 1 : 0;
      return { asset: `vpn-${String(i).padStart(2, '0')}`, unit: 'tunnels', limit: 650, before: 300, after: 300 + change, headroom: 350 - change };
    });
    const lines = text(report({ loads })).split('\n');
    const head = lines.indexOf('Capacity, loads that change (30 of 84 capacity-limited assets):');
    expect(head).toBeGreaterThan(0);
    const rows = lines.slice(head + 2, head + 2 + MAX_LISTED);
    expect(rows.map((l) => l.trim().split(/\s+/)[0])).toEqual(Array.from({ length: 20 }, (_, i) => `vpn-${String(29 - i).padStart(2, '0')}`));
    expect(lines[head + 2 + MAX_LISTED]).toBe('  and 10 more.');
    expect(lines.join('\n')).not.toContain('vpn-30');
  });

  it('lists at most 20 overloaded assets, and marks a load with unmeasured sites as a lower bound', () => {
    const overloaded: Overload[] = Array.from({ length: 25 }, (_, i) => ({
      asset: `vpn-${i}`,
      name: `Concentrator ${i}`,
      unit: 'tunnels',
      limit: 130,
      before: 100,
      load: 177 - i,
      shortfall: 47 - i,
      ...(i === 0 ? { unmeasured: 3 } : {}),
      reach: reach(10),
    }));
    const out = text(report({ overloaded, degradedReach: reach(250), degraded: [{ site: 'S00000', service: 'patient-record', overloaded: ['vpn-0'], newFailurePoints: [] }] }));
    expect(out).toContain('Overloaded at peak (25):');
    expect(out).toContain('  vpn-0, Concentrator 0: at least 177 of 130 tunnels, a shortfall of 47 (3 sites give no figure in tunnels); 100 before the failure; 10 sites (100,000 patients) pass through it.');
    expect(out).toContain('  vpn-19, Concentrator 19:');
    expect(out).not.toContain('vpn-20,');
    expect(out).toContain('  and 5 more.');
    expect(out).toContain('Nothing is cut: every site can still reach every clinical service.');
    expect(out).toContain('  Why: 1 site through an overloaded asset at peak (service intermittent).');
    // 250 degraded sites: the list is cut short.
    expect(out).toContain('and 230 more.');
  });
});
