import { describe, expect, it } from 'vitest';
import { loadRegister } from '../load/load-register.js';
import type { Register } from '../model/register.js';
import { sourceFromText } from '../source/source-file.js';
import { placesOf } from './places.js';

/** A register of organisations and sites only: place resolution needs nothing else. */
function register(organisations: string, sites: string): Register {
  const text = `register: { id: t, title: T, version: "1", organisation: icb-a, cso: { name: C, registration: { body: GMC, number: "1" } } }
organisations:
  - { id: region-se, type: region, name: NHS England South East, ods: Y59 }
  - { id: region-lon, type: region, name: NHS England London, ods: Y56 }
  - { id: icb-a, type: icb, name: Kent and Medway ICB, ods: QKS, parent: region-se }
  - { id: icb-b, type: icb, name: North Central London ICB, ods: QMJ, parent: region-lon }
  - { id: sub-west, type: sub-icb, name: West Kent, ods: 99J, parent: icb-a }
  - { id: pcn-1, type: pcn, name: PCN one, ods: U00001, parent: sub-west }
  - { id: pcn-2, type: pcn, name: PCN two, ods: U00002, parent: icb-b }
  - { id: pcn-orphan, type: pcn, name: PCN with no parent }
${organisations}
sites:
${sites}
`;
  return loadRegister([sourceFromText('register.yaml', text)]).register;
}

describe('placesOf', () => {
  it('resolves a practice through its PCN, its sub-ICB, its ICB, to its region', () => {
    const places = placesOf(register('', '  - { id: P1, type: practice, name: One, pcn: pcn-1 }'));
    expect(places.sites.get('P1')).toEqual({ pcn: 'pcn-1', subIcb: 'sub-west', icb: 'icb-a', region: 'region-se' });
    expect(places.problems).toEqual([]);
  });

  it('takes a sub-ICB location as optional: a PCN straight under its ICB still reaches the region', () => {
    const places = placesOf(register('', '  - { id: P2, type: practice, name: Two, pcn: pcn-2 }'));
    expect(places.sites.get('P2')).toEqual({ pcn: 'pcn-2', icb: 'icb-b', region: 'region-lon' });
    expect(places.problems).toEqual([]);
  });

  it('takes tiers a site declares where its PCN gives none, and the tiers above them', () => {
    const places = placesOf(
      register(
        '',
        `  - { id: P3, type: practice, name: Three, pcn: pcn-orphan, icb: icb-b }
  - { id: DC, type: data-centre, name: A hall, subIcb: sub-west }
  - { id: P4, type: practice, name: Four, pcn: pcn-1, icb: icb-a, region: region-se }`,
      ),
    );
    expect(places.sites.get('P3')).toEqual({ pcn: 'pcn-orphan', icb: 'icb-b', region: 'region-lon' });
    expect(places.sites.get('DC')).toEqual({ subIcb: 'sub-west', icb: 'icb-a', region: 'region-se' });
    // Declaring what the PCN already gives is consistent, not a conflict.
    expect(places.sites.get('P4')).toEqual({ pcn: 'pcn-1', subIcb: 'sub-west', icb: 'icb-a', region: 'region-se' });
    expect(places.problems).toEqual([]);
  });

  it('leaves out what is missing: no PCN parent, no site fields, an unknown id', () => {
    const places = placesOf(
      register(
        '',
        `  - { id: P5, type: practice, name: Five, pcn: pcn-orphan }
  - { id: P6, type: practice, name: Six }
  - { id: P7, type: practice, name: Seven, pcn: nowhere }`,
      ),
    );
    expect(places.sites.get('P5')).toEqual({ pcn: 'pcn-orphan' });
    expect(places.sites.has('P6')).toBe(false);
    expect(places.sites.has('P7')).toBe(false);
    expect(places.problems).toEqual([]);
  });

  it('records a parent of the wrong tier and does not climb past it', () => {
    const places = placesOf(
      register(
        '  - { id: pcn-3, type: pcn, name: PCN three, parent: region-se }',
        '  - { id: P8, type: practice, name: Eight, pcn: pcn-3 }',
      ),
    );
    expect(places.sites.get('P8')).toEqual({ pcn: 'pcn-3' });
    expect(places.problems.map((p) => [p.kind, p.kind === 'parent-tier' && p.organisation.id])).toEqual([['parent-tier', 'pcn-3']]);
  });

  it('records a declared ICB that disagrees with the PCN, keeping what the PCN gives', () => {
    const places = placesOf(register('', '  - { id: P9, type: practice, name: Nine, pcn: pcn-1, icb: icb-b }'));
    expect(places.sites.get('P9')).toEqual({ pcn: 'pcn-1', subIcb: 'sub-west', icb: 'icb-a', region: 'region-se' });
    expect(places.problems).toEqual([
      expect.objectContaining({ kind: 'conflict', field: 'icb', tier: 'icb', declared: 'icb-b', found: 'icb-a', via: 'pcn' }),
    ]);
  });

  it('leaves a cycle to CRR-E060: nothing on it is reported, and nothing climbs round it', () => {
    const places = placesOf(
      register(
        `  - { id: pcn-c, type: pcn, name: PCN c, parent: sub-c }
  - { id: sub-c, type: sub-icb, name: Sub c, parent: pcn-c }`,
        '  - { id: P10, type: practice, name: Ten, pcn: pcn-c }',
      ),
    );
    expect(places.sites.get('P10')).toEqual({ pcn: 'pcn-c' });
    expect(places.problems).toEqual([]);
  });

  it('is computed once per register object', () => {
    const r = register('', '  - { id: P1, type: practice, name: One, pcn: pcn-1 }');
    expect(placesOf(r)).toBe(placesOf(r));
  });

  it('resolves 6,500 practices in 300 PCNs quickly', () => {
    const pcns = Array.from({ length: 300 }, (_, i) => `  - { id: pcn-n${i}, type: pcn, name: PCN ${i}, parent: ${i % 2 ? 'icb-a' : 'sub-west'} }`).join('\n');
    const sites = Array.from({ length: 6500 }, (_, i) => `  - { id: S${i}, type: practice, name: Site ${i}, pcn: pcn-n${i % 300} }`).join('\n');
    const r = register(pcns, sites);
    const start = performance.now();
    const places = placesOf(r);
    const ms = performance.now() - start;
    expect(places.sites.size).toBe(6500);
    expect(places.sites.get('S6499')).toEqual({ pcn: 'pcn-n199', icb: 'icb-a', region: 'region-se' });
    expect(ms).toBeLessThan(500); // a generous guard: it takes a few milliseconds
  });
});
