import { describe, expect, it } from 'vitest';
import { buildGraph } from './graph.js';
import { analysisContext } from './context.js';
import { capacity } from './capacity.js';
import { carriers } from './capacity-evaluation.js';
import { smallRegister } from './test-support.js';

describe('capacity', () => {
  it('puts each site\'s load on the first working member of a group, once per asset', () => {
    const register = smallRegister();
    const graph = buildGraph(register);
    const carried = carriers(graph, new Set());
    const vpnA = graph.assetIndex.get('vpn-a')!;
    const vpnB = graph.assetIndex.get('vpn-b')!;
    // P1 and P2 prefer vpn-a; P3 is bound to vpn-a only: all three on vpn-a, none on vpn-b.
    for (const s of ['P1', 'P2', 'P3']) expect(carried[graph.siteIndex.get(s)!]!.has(vpnA)).toBe(true);
    for (const s of ['P1', 'P2', 'P3']) expect(carried[graph.siteIndex.get(s)!]!.has(vpnB)).toBe(false);
    // The concentrator carries its own needs' load too.
    expect(carried[graph.siteIndex.get('P1')!]!.has(graph.assetIndex.get('dc-core')!)).toBe(true);
    const { report } = capacity(analysisContext(register, '2026-11-21'));
    expect(report.loads).toEqual([
      { asset: 'vpn-a', unit: 'tunnels', limit: 10, load: 3, utilisation: 0.3, headroom: 7, sites: 3 },
      { asset: 'vpn-b', unit: 'tunnels', limit: 10, load: 0, utilisation: 0, headroom: 10, sites: 0, worstNMinusOne: { failed: 'vpn-a', load: 2, headroom: 8 } },
    ]);
  });

  it('finds an N-1 shortfall: the failover member cannot carry the sites that move to it', () => {
    const { report, findings } = capacity(analysisContext(smallRegister({ vpnLimits: [10, 1] }), '2026-11-21'));
    // vpn-a fails: P1 and P2 move to vpn-b (limit 1); P3 has no alternative and is simply cut.
    expect(report.nMinusOne).toEqual([{ failed: 'vpn-a', overloaded: [{ asset: 'vpn-b', unit: 'tunnels', limit: 1, load: 2, shortfall: 1 }], sitesAtRisk: ['P1', 'P2'] }]);
    const f = findings.find((x) => x.kind === 'capacity-n-1')!;
    expect(f.id).toBe('capacity-n-1:vpn-a');
    expect(f.reach.sites).toEqual(['P1', 'P2']);
    expect(f.explanation).toContain('`vpn-b` would carry 2 tunnels against a limit of 1');
  });

  it('reports no N-1 shortfall when the survivor has room', () => {
    expect(capacity(analysisContext(smallRegister({ vpnLimits: [10, 2] }), '2026-11-21')).report.nMinusOne).toEqual([]);
  });

  it('reports an asset over its limit in normal running', () => {
    const { findings } = capacity(analysisContext(smallRegister({ vpnLimits: [2, 10] }), '2026-11-21'));
    const f = findings.find((x) => x.kind === 'capacity')!;
    expect(f.id).toBe('capacity:vpn-a');
    expect(f.figures).toMatchObject({ load: 3, limit: 2 });
  });
});
