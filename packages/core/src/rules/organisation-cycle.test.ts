import { describe, expect, it } from 'vitest';
import { codes, findings, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-E060';

describe('organisation-cycle (CRR-E060)', () => {
  it('reports an organisation that is its own parent, at its `parent`', () => {
    const snippet = yaml`
      organisations:
        - id: org-sub-icb
          type: sub-icb
          name: West Kent sub-ICB
          parent: org-sub-icb
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, record: 'org-sub-icb', file: RECORDS, line: lineOf(snippet, 'parent:'), field: 'parent' });
    expect(found[0]!.message).toBe(
      'Organisation `org-sub-icb` (West Kent sub-ICB) is its own `parent`, so it sits under itself and the hierarchy above it leads nowhere.',
    );
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('reports a three-organisation cycle once, at the smallest id, whichever it starts from', () => {
    const snippet = yaml`
      organisations:
        - { id: pcn-south, type: pcn, name: South Downs PCN, parent: sub-icb-west }
        - { id: sub-icb-west, type: sub-icb, name: West sub-ICB, parent: icb-kent }
        - { id: icb-kent, type: icb, name: Kent ICB, parent: pcn-south }
        - { id: pcn-east, type: pcn, name: East PCN, parent: pcn-south }
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ record: 'icb-kent', line: lineOf(snippet, 'id: icb-kent') });
    expect(found[0]!.message).toBe(
      'Organisation `icb-kent` (Kent ICB) sits under itself: following `parent` leads `icb-kent` → `pcn-south` → `sub-icb-west` → `icb-kent`, so none of them has a place in the hierarchy.',
    );
    // pcn-east leads into the cycle without being on it: not reported again.
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('reports two separate cycles, one finding each', () => {
    const found = findings(CODE, yaml`
      organisations:
        - { id: a1, type: other, name: A1, parent: a2 }
        - { id: a2, type: other, name: A2, parent: a1 }
        - { id: b1, type: other, name: B1, parent: b1 }
    `);
    expect(found.map((d) => d.record)).toEqual(['a1', 'b1']);
  });

  it('passes a chain that ends at the top, and a parent that names no organisation (unknown-reference reports it)', () => {
    expect(codes(yaml`
      organisations:
        - { id: sub-icb-west, type: sub-icb, name: West sub-ICB, parent: org-icb }
        - { id: pcn-south, type: pcn, name: South Downs PCN, parent: sub-icb-west }
    `)).toEqual([]);
    expect(codes(yaml`
      organisations:
        - { id: pcn-south, type: pcn, name: South Downs PCN, parent: org-missing }
    `)).toEqual(['CRR-E031']);
  });

  it('follows a long chain of parents to its cycle', () => {
    const n = 1000;
    const lines = Array.from({ length: n }, (_, i) => `  - { id: o${i}, type: other, name: O${i}, parent: o${(i + 1) % n} }`);
    const found = findings(CODE, `organisations:\n${lines.join('\n')}\n`);
    expect(found).toHaveLength(1);
    expect(found[0]!.record).toBe('o0');
  });
});
