import { describe, expect, it } from 'vitest';
import { buildReport } from '../report/build-report.js';
import { analysisContext } from './context.js';
import { capacity } from './capacity.js';
import { smallRegister } from './test-support.js';

/**
 * A site whose demand gives no figure in a concentrator's unit (CRR-E061): the analysis must not
 * count another unit, nor count it as nothing and say so nowhere. P4 routes only through vpn-a
 * and gives its demand as `tunnel`, not `tunnels`.
 */
const P4 = '  - { id: P4, type: practice, name: Four, ods: X00004, pcn: pcn-2, listSize: 500, routes: { patient-record: [vpn-a, emis] }, demand: { tunnel: 5, mbps: 40 } }';

describe('capacity with a demand in another unit', () => {
  it('leaves the site out of the load and counts it apart', () => {
    const { report } = capacity(analysisContext(smallRegister({ sites: P4 }), '2026-11-21'));
    expect(report.loads).toEqual([
      { asset: 'vpn-a', unit: 'tunnels', limit: 10, load: 3, utilisation: 0.3, headroom: 7, sites: 4, unmeasured: 1 },
      { asset: 'vpn-b', unit: 'tunnels', limit: 10, load: 0, utilisation: 0, headroom: 10, sites: 0, worstNMinusOne: { failed: 'vpn-a', load: 2, headroom: 8 } },
    ]);
  });

  it('says, in an overload finding, that the real load is higher', () => {
    const { findings } = capacity(analysisContext(smallRegister({ sites: P4, vpnLimits: [2, 10] }), '2026-11-21'));
    const f = findings.find((x) => x.id === 'capacity:vpn-a')!;
    expect(f.figures).toMatchObject({ load: 3, limit: 2, unmeasured: 1 });
    expect(f.explanation).toContain('The demand of 1 more site is not known in tunnels, so the real load is higher (CRR-E061).');
  });

  it('shows the load as a lower bound in the report, with no verdict on it, rather than a figure that leaves sites out', () => {
    const { report } = buildReport(smallRegister({ sites: P4 }), { asOf: '2026-11-21', tool: 'test' });
    const capacityOf = (id: string) => report.assets.find((a) => a.id === id)!.capacity;
    // A lower bound, said to be one, and no verdict it cannot support.
    expect(capacityOf('vpn-a')).toMatchObject({ limit: 10, unit: 'tunnels', load: 3, unmeasured: 1, status: 'unknown' });
    expect(capacityOf('vpn-a')!.statusText).toBe('At least 3 of 10 tunnels at peak, but the demand of 1 site it carries is not given in tunnels (CRR-E061), so whether it is within capacity is not known.');
    expect(capacityOf('vpn-b')).toMatchObject({ limit: 10, unit: 'tunnels', load: 0, utilisation: 0, status: 'ok' });
  });
});
