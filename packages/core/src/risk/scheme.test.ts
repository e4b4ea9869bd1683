import { describe, expect, it } from 'vitest';
import { sourceFromText } from '../source/source-file.js';
import { validateFiles } from '../validate.js';
import { checkScheme } from './check-scheme.js';
import { describeRating, rate } from './rating.js';
import { DCB_EXAMPLE_SCHEME } from './scheme.js';

/**
 * The DCB0129/DCB0160 implementation guidance's example matrix, typed out again from
 * `shared/domain.md` cell by cell, independently of the table in scheme.ts. Every one of the 25
 * cells is pinned: public copies of this matrix are often wrong, and ours must never drift.
 */
const expected: [likelihood: string, severity: string, rating: number][] = [
  ['very high', 'minor', 3], ['very high', 'significant', 4], ['very high', 'considerable', 4], ['very high', 'major', 5], ['very high', 'catastrophic', 5],
  ['high', 'minor', 2], ['high', 'significant', 3], ['high', 'considerable', 3], ['high', 'major', 4], ['high', 'catastrophic', 5],
  ['medium', 'minor', 2], ['medium', 'significant', 2], ['medium', 'considerable', 3], ['medium', 'major', 3], ['medium', 'catastrophic', 4],
  ['low', 'minor', 1], ['low', 'significant', 2], ['low', 'considerable', 2], ['low', 'major', 3], ['low', 'catastrophic', 4],
  ['very low', 'minor', 1], ['very low', 'significant', 1], ['very low', 'considerable', 2], ['very low', 'major', 2], ['very low', 'catastrophic', 3],
];

describe('the default risk matrix (DCB guidance example)', () => {
  it('has exactly 25 cells', () => {
    expect(expected).toHaveLength(25);
    expect(DCB_EXAMPLE_SCHEME.likelihoods.map((l) => l.level)).toEqual(['very low', 'low', 'medium', 'high', 'very high']);
    expect(DCB_EXAMPLE_SCHEME.severities.map((l) => l.level)).toEqual(['minor', 'significant', 'considerable', 'major', 'catastrophic']);
    expect(DCB_EXAMPLE_SCHEME.matrix.flat()).toHaveLength(25);
  });

  it.each(expected)('likelihood %s × severity %s rates %i', (likelihood, severity, rating) => {
    const r = rate(DCB_EXAMPLE_SCHEME, likelihood, severity)!;
    expect(r.rating).toBe(rating);
    expect(r.likelihood).toBe(likelihood);
    expect(r.severity).toBe(severity);
  });

  it('is a lookup, not a product of scores', () => {
    // A product scheme would rate low × catastrophic (2 × 5 = 10) below high × considerable (4 × 3 = 12).
    expect(rate(DCB_EXAMPLE_SCHEME, 'low', 'catastrophic')!.rating).toBeGreaterThan(rate(DCB_EXAMPLE_SCHEME, 'high', 'considerable')!.rating);
  });

  it('explains each rating: scheme, cell and acceptability', () => {
    const r = rate(DCB_EXAMPLE_SCHEME, 'low', 'major')!;
    expect(r).toEqual({
      scheme: DCB_EXAMPLE_SCHEME.name,
      likelihood: 'low',
      severity: 'major',
      cell: { likelihood: 1, severity: 3 },
      rating: 3,
      label: 'undesirable',
      acceptability: 'acceptable-with-justification',
      acceptabilityText: expect.stringMatching(/^Undesirable/),
    });
    expect(describeRating(r)).toBe('likelihood low × severity major → 3 (undesirable)');
  });

  it.each([
    [1, 'acceptable'],
    [2, 'acceptable-with-justification'],
    [3, 'acceptable-with-justification'],
    [4, 'unacceptable'],
    [5, 'unacceptable'],
  ] as const)('rating %i is %s', (rating, acceptability) => {
    expect(DCB_EXAMPLE_SCHEME.ratings.find((r) => r.rating === rating)!.acceptability).toBe(acceptability);
  });

  it('rates nothing for words outside the scheme', () => {
    expect(rate(DCB_EXAMPLE_SCHEME, 'likely', 'major')).toBeUndefined();
    expect(rate(DCB_EXAMPLE_SCHEME, 'low', 'Major')).toBeUndefined();
  });

  it('passes its own completeness and monotonicity check', () => {
    const s = DCB_EXAMPLE_SCHEME;
    expect(
      checkScheme({
        name: s.name,
        likelihood: [...s.likelihoods],
        severity: [...s.severities],
        matrix: Object.fromEntries(s.likelihoods.map((l, i) => [l.level, [...s.matrix[i]!]])),
        ratings: [...s.ratings],
      }),
    ).toEqual([]);
  });
});

const schemeYaml = (matrix: string) => `register:
  id: t
  title: T
  version: "1"
  organisation: org
  cso: { name: Dr T, registration: { body: GMC, number: "1" } }
  riskScheme:
    name: Two by two
    likelihood: [{ level: unlikely, description: U. }, { level: likely, description: L. }]
    severity: [{ level: minor, description: M. }, { level: serious, description: S. }]
    matrix: ${matrix}
    ratings:
      - { rating: 1, label: fine, acceptability: acceptable, text: Fine. }
      - { rating: 2, label: justify, acceptability: acceptable-with-justification, text: Justify. }
      - { rating: 3, label: reduce, acceptability: unacceptable, text: Reduce. }
organisations:
  - { id: org, type: icb, name: ICB }
hazards:
  - id: HAZ-1
    title: H
    description: D
    causes: [{ description: C }]
    effects: [E]
    harms: [H]
    initialRisk: { severity: serious, likelihood: likely }
    residualRisk: { severity: serious, likelihood: unlikely }
    justification: Because.
    additionalControls: []
    status: open
    owner: O
    raised: 2026-01-01
    nextReview: 2027-01-01
`;

describe('a custom risk scheme', () => {
  it('is used to rate hazards when complete and monotone', () => {
    const { register, diagnostics } = validateFiles([sourceFromText('register.yaml', schemeYaml('{ unlikely: [1, 2], likely: [2, 3] }'))], { asOf: '2026-06-01' });
    expect(register.schemeIsDefault).toBe(false);
    expect(rate(register.scheme, 'likely', 'serious')!.rating).toBe(3);
    // Initial 3 is unacceptable in this scheme; the residual 2 needs and has a justification.
    expect(diagnostics.map((d) => d.code)).toEqual([]);
  });

  it('is refused when a rating falls as severity rises', () => {
    const { diagnostics } = validateFiles([sourceFromText('register.yaml', schemeYaml('{ unlikely: [2, 1], likely: [2, 3] }'))], { asOf: '2026-06-01' });
    const codes = diagnostics.map((d) => d.code);
    expect(codes).toContain('CRR-E038');
    expect(diagnostics.find((d) => d.code === 'CRR-E038')!.message).toMatch(/severity `serious` rates 1, lower than the less severe `minor` \(2\)/);
  });

  it('is refused when a rating falls as likelihood rises', () => {
    const problems = checkScheme({
      name: 'x',
      likelihood: [{ level: 'unlikely', description: 'u' }, { level: 'likely', description: 'l' }],
      severity: [{ level: 'minor', description: 'm' }, { level: 'serious', description: 's' }],
      matrix: { unlikely: [2, 3], likely: [1, 3] },
      ratings: [1, 2, 3].map((rating) => ({ rating, label: 'x', acceptability: 'acceptable' as const, text: 'x' })),
    });
    expect(problems.map((p) => p.kind)).toEqual(['not-monotone']);
    expect(problems[0]!.path).toEqual(['matrix', 'likely', 0]);
  });

  it('is refused when a cell is missing', () => {
    const { diagnostics } = validateFiles([sourceFromText('register.yaml', schemeYaml('{ unlikely: [1, 2] }'))], { asOf: '2026-06-01' });
    const e037 = diagnostics.filter((d) => d.code === 'CRR-E037');
    expect(e037.map((d) => d.message)).toEqual(['The matrix has no row for likelihood `likely`.']);
    expect(e037[0]!.line).toBeGreaterThan(1);
  });
});
