import { describe, expect, it } from 'vitest';
import { codes, findings, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-E068';

// The base register has `org-icb` (an ICB) and `pcn-north` under it; snippets add the rest.
const places = yaml`
  organisations:
    - { id: region-se, type: region, name: NHS England South East, ods: Y59 }
    - { id: icb-b, type: icb, name: NHS Other ICB, ods: QYY, parent: region-se }
`;

describe('place-chain (CRR-E068)', () => {
  it('reports a PCN whose parent is a region, naming both and the tiers it may sit under', () => {
    const snippet = yaml`
      ${places}
        - { id: pcn-south, type: pcn, name: South PCN, parent: region-se }
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, record: 'pcn-south', file: RECORDS, line: lineOf(snippet, 'pcn-south'), field: 'parent' });
    expect(found[0]!.message).toBe(
      'PCN `pcn-south` (South PCN) sits under `region-se` (NHS England South East), an NHS England region, but a PCN sits under its sub-ICB location, or straight under its ICB: the chain from its practices up to their ICB and region breaks here.',
    );
    expect(found[0]!.hint).toBe('Point `parent` at its sub-ICB location or its ICB, or correct the `type` of one of the two.');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('reports an ICB under a PCN, and a place under an organisation that is not a place', () => {
    const snippet = yaml`
      organisations:
        - { id: pcn-x, type: pcn, name: X PCN }
        - { id: icb-x, type: icb, name: X ICB, parent: pcn-x }
        - { id: pcn-y, type: pcn, name: Y PCN, parent: org-csu }
    `;
    const found = findings(CODE, snippet);
    expect(found.map((d) => d.record)).toEqual(['icb-x', 'pcn-y']);
    expect(found[0]!.message).toContain('sits under `pcn-x` (X PCN), a PCN, but an ICB sits under its NHS England region');
    expect(found[1]!.message).toContain('sits under `org-csu` (Test CSU), an organisation of type `csu`');
  });

  it('reports a practice that declares an ICB other than its PCN\'s', () => {
    const snippet = yaml`
      ${places}
      sites:
        - { id: G1, type: practice, name: One, ods: G00001, pcn: pcn-north, listSize: 100,
            icb: icb-b }
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ record: 'G1', line: lineOf(snippet, 'icb: icb-b'), field: 'icb' });
    expect(found[0]!.message).toBe(
      'Site `G1` declares `icb: icb-b`, but its PCN `pcn-north` is in `org-icb` (NHS Test ICB): the two disagree, so it is not known in which ICB its patients count.',
    );
    expect(found[0]!.hint).toBe('Correct `icb`, or remove it (its PCN already gives the ICB); if its PCN is in the wrong place, correct its `parent`.');
  });

  it('reports a declared sub-ICB whose ICB is not the PCN\'s, at the tier where they part', () => {
    const snippet = yaml`
      ${places}
        - { id: sub-b, type: sub-icb, name: Sub B, parent: icb-b }
      sites:
        - { id: G1, type: practice, name: One, ods: G00001, pcn: pcn-north, listSize: 100, subIcb: sub-b }
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe(
      'Site `G1` declares `subIcb: sub-b`, which is in `icb-b` (NHS Other ICB), but its PCN `pcn-north` is in `org-icb` (NHS Test ICB): the two disagree, so it is not known in which ICB its patients count.',
    );
  });

  it('reports a declared tier that names an organisation of another type', () => {
    const snippet = yaml`
      sites:
        - { id: DC, type: data-centre, name: Hall, region: org-icb }
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ record: 'DC', field: 'region' });
    expect(found[0]!.message).toBe('Site `DC` declares `region: org-icb`, an ICB, not an NHS England region: its patients cannot be counted in their region.');
  });

  it('passes a consistent chain with and without a sub-ICB, and declared tiers that agree', () => {
    const snippet = yaml`
      ${places}
        - { id: sub-b, type: sub-icb, name: Sub B, parent: icb-b }
        - { id: pcn-b1, type: pcn, name: B1 PCN, parent: sub-b }
        - { id: pcn-b2, type: pcn, name: B2 PCN, parent: icb-b }
        - { id: pcn-loose, type: pcn, name: Loose PCN }
      sites:
        - { id: G1, type: practice, name: One, ods: G00001, pcn: pcn-b1, listSize: 100, icb: icb-b, region: region-se }
        - { id: G2, type: practice, name: Two, ods: G00002, pcn: pcn-b2, listSize: 100 }
        - { id: G3, type: practice, name: Three, ods: G00003, pcn: pcn-loose, listSize: 100, icb: icb-b }
    `;
    expect(findings(CODE, snippet)).toEqual([]);
  });

  it('leaves a cycle to CRR-E060, and a PCN that is not a PCN to CRR-E052', () => {
    const cycle = yaml`
      organisations:
        - { id: pcn-c, type: pcn, name: C PCN, parent: sub-c }
        - { id: sub-c, type: sub-icb, name: Sub C, parent: pcn-c }
    `;
    expect(codes(cycle)).toEqual(['CRR-E060']);
    const notPcn = yaml`
      sites:
        - { id: G1, type: practice, name: One, ods: G00001, pcn: org-icb, listSize: 100 }
    `;
    expect(codes(notPcn).filter((c) => c.startsWith('CRR-E'))).toEqual(['CRR-E052']); // (and W050: the site has no route)
  });

  it('leaves an unknown tier to CRR-E031', () => {
    const snippet = yaml`
      sites:
        - { id: DC, type: data-centre, name: Hall, icb: icb-nowhere }
    `;
    expect(codes(snippet)).toEqual(['CRR-E031']);
  });
});
