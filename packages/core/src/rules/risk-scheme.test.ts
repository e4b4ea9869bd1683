import { describe, expect, it } from 'vitest';
import { hazardRisk } from '../risk/hazard-risk.js';
import { baseManifest, codes, findings, hazardYaml, lineOf, validateSnippet, yaml } from './test-register.js';

const INCOMPLETE = 'CRR-E037';
const NOT_MONOTONE = 'CRR-E038';

/** A 3×3 scheme as a Clinical Risk Management Plan might define it; `matrix` is given per test. */
const scheme = (matrix: string, ratings = [1, 2, 3]) => yaml`
  riskScheme:
    name: North Downs CRMP scheme v2
    likelihood:
      - { level: low, description: Could occur but will not on most occasions. }
      - { level: medium, description: Possible. }
      - { level: high, description: Expected in most cases. }
    severity:
      - { level: minor, description: Inconvenience or minor upset. }
      - { level: significant, description: Minor injury or significant distress. }
      - { level: major, description: Death or permanent incapacity. }
    matrix:
      ${matrix}
    ratings:
      ${ratings.map((r) => MEANINGS[r]).join('\n')}
`;

const MEANINGS: Record<number, string> = {
  1: '- { rating: 1, label: acceptable, acceptability: acceptable, text: No further action. }',
  2: '- { rating: 2, label: tolerable, acceptability: acceptable-with-justification, text: Justify why further reduction is impractical. }',
  3: '- { rating: 3, label: unacceptable, acceptability: unacceptable, text: Reduce the risk or have top management accept it. }',
};

const MONOTONE = 'low: [1, 1, 2]\nmedium: [1, 2, 3]\nhigh: [2, 3, 3]';

const hazards = (residualRisk: string, extra: Record<string, string> = {}) => yaml`
  hazards:
    ${hazardYaml({ initialRisk: '{ severity: major, likelihood: high }', residualRisk, ...extra })}
`;

/** Where a diagnostic about the scheme should point: a line of `register.yaml`. */
const manifestLine = (manifest: string, needle: string) => lineOf(baseManifest(manifest), needle);

describe('risk-scheme (CRR-E037, CRR-E038)', () => {
  it('accepts a complete, monotone custom scheme and rates hazards with it', () => {
    const manifest = scheme(MONOTONE);
    const { register, diagnostics } = validateSnippet(hazards('{ severity: significant, likelihood: low }', { justification: 'Paper fallback covers the gap.' }), { manifest });
    expect(diagnostics).toEqual([]);
    expect(register.schemeIsDefault).toBe(false);
    expect(register.scheme.name).toBe('North Downs CRMP scheme v2');
    const { initial, residual } = hazardRisk(register.scheme, register.hazards[0]!);
    expect(initial).toMatchObject({ rating: 3, label: 'unacceptable', acceptability: 'unacceptable' });
    expect(residual).toMatchObject({ rating: 1, label: 'acceptable', acceptability: 'acceptable', cell: { likelihood: 0, severity: 1 } });
  });

  it('applies the custom scheme\'s acceptability, not the DCB example\'s', () => {
    const manifest = scheme(MONOTONE);
    // Likelihood medium × significant is 2 here: tolerable only with a justification.
    expect(codes(hazards('{ severity: significant, likelihood: medium }'), { manifest })).toEqual(['CRR-E042']);
    // Likelihood high × significant is 3 here: unacceptable, so controls and an acceptance are due.
    expect(codes(hazards('{ severity: significant, likelihood: high }'), { manifest }).sort()).toEqual(['CRR-E041', 'CRR-E043']);
  });

  it('reports a likelihood with no row in the matrix', () => {
    const manifest = scheme('low: [1, 1, 2]\nhigh: [2, 3, 3]');
    const found = findings(INCOMPLETE, hazards('{ severity: minor, likelihood: low }'), { manifest });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: INCOMPLETE, severity: 'error', file: 'register.yaml', field: 'riskScheme.matrix', line: manifestLine(manifest, 'matrix:') });
    expect(found[0]!.message).toBe('The matrix has no row for likelihood `medium`.');
  });

  it('reports a row with too few ratings, at the row', () => {
    const manifest = scheme('low: [1, 1, 2]\nmedium: [1, 2, 3]\nhigh: [2, 3]');
    const found = findings(INCOMPLETE, hazards('{ severity: minor, likelihood: low }'), { manifest });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ field: 'riskScheme.matrix.high', line: manifestLine(manifest, 'high: [2, 3]') });
    expect(found[0]!.message).toBe('The matrix row for likelihood `high` has 2 ratings, but the scheme has 3 severity levels.');
  });

  it('reports a rating the matrix uses but `ratings` does not define', () => {
    const manifest = scheme(MONOTONE, [1, 2]);
    const found = findings(INCOMPLETE, hazards('{ severity: minor, likelihood: low }'), { manifest });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ field: 'riskScheme.ratings' });
    expect(found[0]!.message).toBe('The matrix uses rating 3, but `ratings` does not say what it means.');
  });

  it('reports a row for a likelihood the scheme does not have, and a level listed twice', () => {
    const manifest = scheme(`${MONOTONE}\nvery high: [3, 3, 3]`).replace('- { level: major,', '- { level: significant, description: Listed again. }\n    - { level: major,');
    const found = findings(INCOMPLETE, hazards('{ severity: minor, likelihood: low }', { initialRisk: '{ severity: minor, likelihood: low }' }), { manifest });
    expect(found.map((d) => d.message).sort()).toEqual([
      'The matrix has a row `very high`, which is not a likelihood level of the scheme.',
      'The matrix row for likelihood `high` has 3 ratings, but the scheme has 4 severity levels.',
      'The matrix row for likelihood `low` has 3 ratings, but the scheme has 4 severity levels.',
      'The matrix row for likelihood `medium` has 3 ratings, but the scheme has 4 severity levels.',
      'The severity level `significant` is listed twice.',
    ]);
  });

  it('reports a cell rated below its less severe neighbour', () => {
    const manifest = scheme('low: [1, 1, 2]\nmedium: [1, 3, 2]\nhigh: [2, 3, 3]');
    const found = findings(NOT_MONOTONE, hazards('{ severity: minor, likelihood: low }'), { manifest });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: NOT_MONOTONE, file: 'register.yaml', field: 'riskScheme.matrix.medium', line: manifestLine(manifest, 'medium: [1, 3, 2]') });
    expect(found[0]!.message).toBe('The risk scheme is not monotone. At likelihood `medium`, severity `major` rates 2, lower than the less severe `significant` (3).');
    expect(codes(hazards('{ severity: minor, likelihood: low }'), { manifest })).toEqual([NOT_MONOTONE]);
  });

  it('reports a cell rated below its less likely neighbour', () => {
    const manifest = scheme('low: [1, 1, 2]\nmedium: [2, 2, 3]\nhigh: [1, 3, 3]');
    const found = findings(NOT_MONOTONE, hazards('{ severity: minor, likelihood: low }'), { manifest });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ field: 'riskScheme.matrix.high', line: manifestLine(manifest, 'high: [1, 3, 3]') });
    expect(found[0]!.message).toBe('The risk scheme is not monotone. At severity `minor`, likelihood `high` rates 1, lower than the less likely `medium` (2).');
  });

  it('passes equal neighbours: ratings may stay level as risk rises', () => {
    expect(codes(hazards('{ severity: minor, likelihood: low }'), { manifest: scheme('low: [2, 2, 2]\nmedium: [2, 2, 2]\nhigh: [2, 2, 2]', [2]) })).toEqual(['CRR-E042']);
  });

  it('judges monotonicity only once the scheme is complete', () => {
    const manifest = scheme('low: [3, 1, 2]\nmedium: [1, 2, 3]\nhigh: [2, 3]');
    const snippet = hazards('{ severity: minor, likelihood: medium }');
    expect(findings(INCOMPLETE, snippet, { manifest })).toHaveLength(1);
    expect(findings(NOT_MONOTONE, snippet, { manifest })).toEqual([]);
  });

  it('says nothing about the default scheme', () => {
    expect(codes(hazards('{ severity: minor, likelihood: low }'))).toEqual([]);
  });
});
