import { describe, expect, it } from 'vitest';
import { codes, findings, hazardYaml, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-E039';

describe('stored-rating (CRR-E039)', () => {
  it('reports a written rating that is not the matrix\'s, at the rating', () => {
    const snippet = yaml`
      hazards:
        ${hazardYaml({ initialRisk: '{ severity: major, likelihood: medium, rating: 4 }' })}
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, record: 'HAZ-001', file: RECORDS, line: lineOf(snippet, 'rating: 4'), field: 'initialRisk.rating' });
    expect(found[0]!.message).toBe('Hazard `HAZ-001` gives its initial rating as 4, but the matrix gives likelihood medium × severity major → 3 (undesirable).');
    expect(found[0]!.hint).toBe('Write `rating: 3`, or remove `rating` and let it be derived.');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('catches a rating worked out as a product of scores (low 2 × minor 1 = 2), on the residual risk', () => {
    const found = findings(CODE, yaml`
      hazards:
        ${hazardYaml({ residualRisk: '{ severity: minor, likelihood: low, rating: 2 }' })}
    `);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ field: 'residualRisk.rating' });
    expect(found[0]!.message).toBe('Hazard `HAZ-001` gives its residual rating as 2, but the matrix gives likelihood low × severity minor → 1 (acceptable).');
  });

  it('passes ratings that agree with the matrix', () => {
    expect(codes(yaml`
      hazards:
        ${hazardYaml({ initialRisk: '{ severity: major, likelihood: high, rating: 4 }', residualRisk: '{ severity: minor, likelihood: very low, rating: 1 }', additionalControls: '[]' })}
    `)).toEqual([]);
  });

  it('says nothing when a level cannot be rated: the risk-level rule reports it', () => {
    expect(codes(yaml`
      hazards:
        ${hazardYaml({ initialRisk: '{ severity: major, likelihood: likely, rating: 4 }' })}
    `)).toEqual(['CRR-E036']);
  });

  // Was a bug (fixed): an acceptance may record the residual risk it accepted with a `rating` (the schema allows
  // it, and CRR-E036 checks its levels), but a wrong rating there is never compared with the matrix.
  it('checks a rating written in an acceptance\'s record of the residual risk', () => {
    const snippet = yaml`
      hazards:
        ${hazardYaml({ residualRisk: '{ severity: major, likelihood: low }', justification: 'A third data centre would be disproportionate.' })}
      acceptances:
        - { id: ACC-001, hazard: HAZ-001, acceptedBy: Dr Sam Okafor, role: ICB Chief Medical Officer, date: 2026-10-15,
            residualRisk: { severity: major, likelihood: low, rating: 5 } }
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ record: 'ACC-001', field: 'residualRisk.rating' });
  });
});

