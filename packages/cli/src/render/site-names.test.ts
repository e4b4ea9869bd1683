import { describe, expect, it } from 'vitest';
import { regionsAndIcbs, siteNames, type SiteLabel } from './reach.js';

describe('siteNames', () => {
  const labels = new Map<string, SiteLabel>([
    ['G1', { name: 'Small Surgery', code: 'G82001', patients: 10 }],
    ['G2', { name: 'Barrowfield Surgery', code: 'G82002', patients: 900 }],
    ['G3', { name: 'Evil\u001b[2J Practice', code: 'G82003', patients: 50 }],
  ]);
  it('names sites with their code, most patients first, and counts the rest', () => {
    expect(siteNames(['G1', 'G2'], labels)).toBe('Barrowfield Surgery (G82002), Small Surgery (G82001)');
    expect(siteNames(['G1', 'G2', 'G3', 'X9'], labels, 2)).toMatch(/^Barrowfield Surgery \(G82002\), Evil.* Practice \(G82003\) and 2 more$/);
    expect(siteNames(['G3'], labels)).not.toContain('\u001b');
    expect(siteNames(['X9'], labels)).toBe('X9');
  });
});

describe('regionsAndIcbs', () => {
  it('says regions then ICBs, or nothing for a reach in no place', () => {
    const place = (name: string) => ({ id: name, name, sites: 2, patients: 1000 });
    expect(regionsAndIcbs({ byRegion: [place('South East')], byIcb: [place('Kent and Medway ICB')] })).toBe('Regions: South East 2 sites (1,000); ICBs: Kent and Medway ICB 2 sites (1,000)');
    expect(regionsAndIcbs({ byRegion: [], byIcb: [] })).toBeUndefined();
  });
});
