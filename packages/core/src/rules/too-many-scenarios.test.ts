import { describe, expect, it } from 'vitest';
import { MAX_SCENARIOS } from '../load/load-limits.js';
import { codes, findings, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-E067';

/** `n` scenarios, one line each, all failing vpn-b. */
const scenarios = (n: number) => yaml`
  assets:
    - { id: vpn-b, type: vpn-concentrator, name: VPN concentrator B }
  scenarios:
${Array.from({ length: n }, (_, i) => `    - { id: s-${i + 1}, title: Scenario ${i + 1}, reason: Planned work, assets: [vpn-b] }`).join('\n')}
`;

describe('too-many-scenarios (CRR-E067)', () => {
  it(`allows ${MAX_SCENARIOS} scenarios`, () => {
    expect(codes(scenarios(MAX_SCENARIOS))).not.toContain(CODE);
  });

  it('reports one more, once, at the first scenario left out, saying how many follow it', () => {
    const snippet = scenarios(MAX_SCENARIOS + 3);
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, severity: 'error', record: `s-${MAX_SCENARIOS + 1}`, file: RECORDS, line: lineOf(snippet, `id: s-${MAX_SCENARIOS + 1},`) });
    expect(found[0]!.message).toBe(`The register names ${MAX_SCENARIOS + 3} scenarios, more than the ${MAX_SCENARIOS} that are evaluated: \`s-${MAX_SCENARIOS + 1}\` and the 2 after it would be left out.`);
    expect(found[0]!.hint).toContain('crr what-if --fail');
  });

  it('names only the first left out when it is the last', () => {
    expect(findings(CODE, scenarios(MAX_SCENARIOS + 1))[0]!.message).toMatch(/`s-101` would be left out\.$/);
  });
});
