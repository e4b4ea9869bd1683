import { describe, expect, it } from 'vitest';
import { codes, findings, hazardYaml, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-E036';

describe('risk-level (CRR-E036)', () => {
  it('reports a severity that is not a level of the scheme, listing the levels', () => {
    const snippet = yaml`
      hazards:
        ${hazardYaml({ residualRisk: '{ severity: moderate, likelihood: low }' })}
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, record: 'HAZ-001', file: RECORDS, line: lineOf(snippet, 'moderate'), field: 'residualRisk.severity' });
    expect(found[0]!.message).toBe('The severity `moderate` of hazard `HAZ-001` is not a severity level of the risk scheme.');
    expect(found[0]!.hint).toBe('Use one of: `minor`, `significant`, `considerable`, `major`, `catastrophic`.');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('suggests the level a misspelt likelihood probably means', () => {
    const snippet = yaml`
      hazards:
        ${hazardYaml({ initialRisk: '{ severity: major, likelihood: very hgih }' })}
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ field: 'initialRisk.likelihood', line: lineOf(snippet, 'very hgih') });
    expect(found[0]!.message).toBe('The likelihood `very hgih` of hazard `HAZ-001` is not a likelihood level of the risk scheme. Did you mean `very high`?');
  });

  it('reports a bad level in an acceptance\'s record of the residual risk', () => {
    const snippet = yaml`
      hazards:
        ${hazardYaml()}
      acceptances:
        - { id: ACC-001, hazard: HAZ-001, acceptedBy: Dr Sam Okafor, role: ICB Chief Medical Officer, date: 2026-10-15,
            residualRisk: { severity: Major, likelihood: low } }
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ record: 'ACC-001', field: 'residualRisk.severity', line: lineOf(snippet, 'Major') });
    expect(found[0]!.message).toBe('The severity `Major` in acceptance `ACC-001` is not a severity level of the risk scheme. Did you mean `major`?');
  });

  it('passes the levels of the DCB example scheme', () => {
    expect(codes(yaml`
      hazards:
        ${hazardYaml({ initialRisk: '{ severity: catastrophic, likelihood: very high }', residualRisk: '{ severity: minor, likelihood: very low }' })}
    `)).toEqual([]);
  });

  it('uses the levels of a custom scheme, not the default ones', () => {
    const manifest = yaml`
      riskScheme:
        name: Test CRMP scheme
        likelihood: [{ level: unlikely, description: Unlikely. }, { level: likely, description: Likely. }]
        severity: [{ level: minor, description: Inconvenience. }, { level: serious, description: Serious harm. }]
        matrix: { unlikely: [1, 2], likely: [2, 3] }
        ratings:
          - { rating: 1, label: acceptable, acceptability: acceptable, text: No further action. }
          - { rating: 2, label: tolerable, acceptability: acceptable-with-justification, text: Justify. }
          - { rating: 3, label: unacceptable, acceptability: unacceptable, text: Reduce. }
    `;
    const good = yaml`
      hazards:
        ${hazardYaml({ initialRisk: '{ severity: serious, likelihood: likely }', residualRisk: '{ severity: minor, likelihood: unlikely }' })}
    `;
    expect(codes(good, { manifest })).toEqual([]);
    const found = findings(CODE, yaml`
      hazards:
        ${hazardYaml({ initialRisk: '{ severity: major, likelihood: likely }', residualRisk: '{ severity: minor, likelihood: unlikely }' })}
    `, { manifest });
    expect(found.map((d) => d.hint)).toEqual(['Use one of: `minor`, `serious`.']);
  });
});
