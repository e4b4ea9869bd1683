import { describe, expect, it } from 'vitest';
import { buildGraph } from './graph.js';
import { failureBaseline, failureOutcome } from './failure-outcome.js';
import { reportFailure } from './failure-report.js';
import { whatIf } from './scenario.js';
import { smallRegister } from './test-support.js';

// The small register: P1 and P2 prefer vpn-a with vpn-b as failover; P3 has vpn-a only. One tunnel each.
describe('the three outcomes of a failure', () => {
  it('cuts the site with no alternative, and degrades those that fail over onto a concentrator too small for them', () => {
    const r = whatIf(smallRegister({ vpnLimits: [10, 1] }), [{ asset: 'vpn-a' }]);
    expect(r.cut).toEqual([{ site: 'P3', service: 'patient-record' }]);
    // P1 and P2 move to vpn-b (limit 1): 2 tunnels, a shortfall of 1. Both pass through it, and
    // vpn-b is now their only concentrator: both reasons.
    expect(r.degraded).toEqual([
      { site: 'P1', service: 'patient-record', overloaded: ['vpn-b'], newFailurePoints: ['vpn-b'] },
      { site: 'P2', service: 'patient-record', overloaded: ['vpn-b'], newFailurePoints: ['vpn-b'] },
    ]);
    expect(r.degradedReach.patients).toBe(3000);
    expect(r.overloaded).toEqual([expect.objectContaining({ asset: 'vpn-b', unit: 'tunnels', limit: 1, before: 0, load: 2, shortfall: 1 })]);
    expect(r.overloaded[0]!.reach.sites).toEqual(['P1', 'P2']);
    // Telephony bypasses the concentrators: three pairs up; no site has every pair up.
    expect(r.up).toEqual({ pairs: 3, sites: 0 });
    expect(r.loads).toEqual([
      { asset: 'vpn-a', unit: 'tunnels', limit: 10, before: 3, after: 0, headroom: 10 },
      { asset: 'vpn-b', unit: 'tunnels', limit: 1, before: 0, after: 2, headroom: -1 },
    ]);
  });

  it('degrades by redundancy alone when the failover has room: one more failure cuts it', () => {
    const r = whatIf(smallRegister({ vpnLimits: [10, 10] }), [{ asset: 'vpn-a' }]);
    expect(r.overloaded).toEqual([]);
    expect(r.degraded.map((d) => [d.site, d.overloaded, d.newFailurePoints])).toEqual([
      ['P1', [], ['vpn-b']],
      ['P2', [], ['vpn-b']],
    ]);
  });

  it('cuts nothing and overloads nothing when a failover that carries no load fails, yet degrades the sites it backed up', () => {
    const r = whatIf(smallRegister(), [{ asset: 'vpn-b' }]);
    // vpn-b is only a failover: nothing moves, but P1 and P2 have lost their alternative.
    expect(r.cut).toEqual([]);
    expect(r.overloaded).toEqual([]);
    expect(r.degraded.map((d) => d.site)).toEqual(['P1', 'P2']);
    expect(r.degraded[0]!.newFailurePoints).toEqual(['vpn-a']);
  });

  it('counts every working pair once: up + cut + degraded', () => {
    const register = smallRegister({ vpnLimits: [1, 1] });
    const graph = buildGraph(register);
    const base = failureBaseline(graph);
    for (const failed of [[], ['vpn-a'], ['vpn-b'], ['dc-core'], ['vpn-a', 'vpn-b']]) {
      const o = failureOutcome(base, failed.map((id) => graph.assetIndex.get(id)!));
      const working = base.access.reduce((n, w) => n + w, 0);
      expect(o.up + o.cut.length + o.degraded.length).toBe(working);
      // Reported by id, the same counts.
      const r = reportFailure(base, o);
      expect(r.up.pairs + r.cut.length + r.degraded.length).toBe(working);
    }
  });

  it('reports an asset already over its limit with nothing failed as overloaded, with the load it had before', () => {
    const r = whatIf(smallRegister({ vpnLimits: [2, 10] }), [{ asset: 'phones' }]);
    expect(r.overloaded).toEqual([expect.objectContaining({ asset: 'vpn-a', before: 3, load: 3, shortfall: 1 })]);
  });
});
