import { describe, expect, it } from 'vitest';
import { MAX_DEPENDENCY_DEPTH } from '../load/load-limits.js';
import { codes, findings, lineOf, RECORDS, validateSnippet, yaml } from './test-register.js';

const CODE = 'CRR-E062';

/** `length` assets `link-0` … in a chain, `link-i` needing `link-(i-1)`; `link-0` needs `tail` if given. */
function chain(length: number, tail?: string, prefix = 'link'): string {
  return Array.from({ length }, (_, i) => {
    const need = i ? `${prefix}-${i - 1}` : tail;
    return `- { id: ${prefix}-${i}, type: other, name: Link ${i}${need ? `, needs: [${need}]` : ''} }`;
  }).join('\n');
}

const assets = (...lists: string[]) => yaml`
  assets:
    ${lists.join('\n')}
`;

describe('dependency-depth (CRR-E062)', () => {
  it('is 64 assets', () => expect(MAX_DEPENDENCY_DEPTH).toBe(64));

  it('passes a chain of exactly 64 assets', () => {
    expect(codes(assets(chain(64)))).toEqual([]);
  });

  it('reports a chain of 65 once, at the asset that crosses the cap, naming the chain and its length', () => {
    const snippet = assets(chain(65));
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, record: 'link-64', file: RECORDS, line: lineOf(snippet, 'id: link-64,'), field: 'needs' });
    expect(found[0]!.message).toBe(
      'Asset `link-64` heads a chain of 65 assets, each needing the next (`link-64` → `link-63` → `link-62` → `link-61` → … → `link-0`), more than the 64 a chain may have. ' +
        'The analysis holds everything below each asset, so its time and memory grow with the square of a chain\'s length, and no real supply chain is that deep: this one is likely generated, or a mistake.',
    );
    expect(found[0]!.hint).toContain('no chain is longer than 64 assets');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('reports a chain of 3,000 once, at the crossing, saying how long the whole chain is and where it starts', () => {
    const found = findings(CODE, assets(chain(3_000)));
    expect(found).toHaveLength(1);
    expect(found[0]!.record).toBe('link-64');
    expect(found[0]!.message).toContain('Assets that need it make the chain longer still: 3,000 assets from `link-2999`.');
  });

  it('is the same whatever order the assets are written in', () => {
    const lines = chain(200).split('\n');
    const shuffled = lines.map((l, i) => lines[(i * 37) % lines.length]!);
    expect(new Set(shuffled).size).toBe(200);
    const a = findings(CODE, assets(chain(200)));
    const b = findings(CODE, assets(shuffled.join('\n')));
    expect(b.map((d) => [d.record, d.message])).toEqual(a.map((d) => [d.record, d.message]));
  });

  it('reports two separate long chains once each, and many assets needing one long chain once', () => {
    const fanIn = Array.from({ length: 50 }, (_, i) => `- { id: top-${i}, type: other, name: Top ${i}, needs: [a-64] }`).join('\n');
    const found = findings(CODE, assets(chain(65, undefined, 'a'), chain(66, undefined, 'b'), fanIn));
    expect(found.map((d) => d.record)).toEqual(['a-64', 'b-64']);
    expect(found[0]!.message).toContain('66 assets from `top-0`');
    expect(found[1]!.message).toContain('66 assets from `b-65`');
  });

  it('counts the longest way through redundancy groups, allOf and atLeast', () => {
    // 30 plain links, then a group, then 33 more through allOf and atLeast: 65 in all on the longest way.
    const snippet = assets(
      chain(33, undefined, 'low'),
      `- { id: mid, type: other, name: Mid, needs: [{ anyOf: [short, { allOf: [low-32] }] }] }`,
      `- { id: short, type: other, name: Short }`,
      `- { id: up-0, type: other, name: Up 0, needs: [{ atLeast: 1, of: [mid, short] }] }`,
      chain(31, 'up-0', 'up').split('\n').slice(1).join('\n'),
    );
    const found = findings(CODE, snippet);
    expect(found.map((d) => d.record)).toEqual(['up-30']);
    expect(found[0]!.message).toContain('a chain of 65 assets');
    expect(found[0]!.message).toContain('→ … → `low-0`');
  });

  it('skips cycles (CRR-E033 reports them) and still measures the chain past them', () => {
    const snippet = assets(chain(70), `- { id: loop-a, type: other, name: Loop A, needs: [loop-b, link-69] }`, `- { id: loop-b, type: other, name: Loop B, needs: [loop-a] }`);
    expect(codes(snippet).sort()).toEqual(['CRR-E033', CODE]);
    expect(findings(CODE, snippet).map((d) => d.record)).toEqual(['link-64']);
  });

  it('terminates on cycles: a short one is only CRR-E033; a long one is a long chain too, wherever it is broken', () => {
    expect(codes(assets(chain(20, 'link-19')))).toEqual(['CRR-E033']);
    expect(codes(assets(chain(500, 'link-499'))).sort()).toEqual(['CRR-E033', CODE]);
  });

  it('measures chains through a profile\'s local assets, and reports a crossing written once in a profile once', () => {
    const practice = (id: string) => `- { id: ${id}, type: practice, name: Practice ${id}, ods: ${id}, pcn: pcn-north, listSize: 5000, profile: kpsn-emis }`;
    const snippet = yaml`
      services:
        - { id: patient-record, name: Patient record and consultation }
      sites:
        ${[practice('G99001'), practice('G99002'), practice('G99003')].join('\n')}
      profiles:
        - id: kpsn-emis
          localAssets:
            firewall: { type: firewall, vendor: Cisco Meraki, needs: [$link] }
            link: { type: network-link, network: KPSN, needs: [link-62] }
          routes: { patient-record: [$firewall] }
      assets:
        ${chain(63)}
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ record: 'G99001/firewall', line: lineOf(snippet, 'firewall: {') });
    expect(found[0]!.message).toMatch(/^Asset `G99001\/firewall` heads a chain of 65 assets, each needing the next \(`G99001\/firewall` → `G99001\/link` → `link-62` → `link-61` → … → `link-0`\)/);
    expect(found[0]!.message).toContain('The same chain, written once, repeats at 2 other sites.');
  });

  it('is linear: a 15,000-asset chain validates in seconds (the analysis of it took minutes)', () => {
    const started = performance.now();
    const { diagnostics } = validateSnippet(assets(chain(15_000)));
    const ms = performance.now() - started;
    expect(diagnostics.filter((d) => d.code === CODE).map((d) => d.record)).toEqual(['link-64']);
    // Generous: the whole validation, parse included; the quadratic analysis took minutes.
    expect(ms).toBeLessThan(10_000);
  });
});
