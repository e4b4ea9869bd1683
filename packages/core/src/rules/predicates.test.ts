/**
 * The predicates the rules export for the report and the diff: one definition of "expired",
 * "overdue", "needs a justification" and "needs an acceptance", tested at their edges.
 */
import { describe, expect, it } from 'vitest';
import { rate } from '../risk/rating.js';
import { DCB_EXAMPLE_SCHEME as scheme } from '../risk/scheme.js';
import type { Acceptability } from '../risk/scheme.js';
import { needsAcceptance } from './acceptance-required.js';
import { isEvidenceExpired, isEvidenceItemExpired, latestExpiry, latestExpiryIndex } from './expired-evidence.js';
import { needsJustification } from './residual-justification.js';
import { DEFAULT_REVIEW_MONTHS, isReviewOverdue, reviewMonths } from './review-overdue.js';

/** The first likelihood and severity (lowest first) that the scheme rates with this acceptability. */
function levelsRated(acceptability: Acceptability): { likelihood: string; severity: string } {
  for (const l of scheme.likelihoods)
    for (const s of scheme.severities) if (rate(scheme, l.level, s.level)?.acceptability === acceptability) return { likelihood: l.level, severity: s.level };
  throw new Error(`no cell is ${acceptability}`);
}

describe('isEvidenceExpired', () => {
  it('is true only when there is evidence and every piece expired strictly before the as-of date', () => {
    expect(isEvidenceExpired(undefined, '2026-01-01')).toBe(false);
    expect(isEvidenceExpired([], '2026-01-01')).toBe(false);
    expect(isEvidenceExpired([{ expires: '2025-12-31' }], '2026-01-01')).toBe(true);
    // Expiring on the as-of date is still current that day.
    expect(isEvidenceExpired([{ expires: '2026-01-01' }], '2026-01-01')).toBe(false);
    // Evidence with no expiry never expires, and keeps the control current.
    expect(isEvidenceExpired([{ expires: '2020-01-01' }, {}], '2026-01-01')).toBe(false);
    expect(isEvidenceItemExpired({}, '2026-01-01')).toBe(false);
  });

  it('finds the latest expiry, the first of equals', () => {
    const evidence = [{ expires: '2025-05-20' }, { expires: '2026-05-20' }, {}, { expires: '2026-05-20' }];
    expect(latestExpiryIndex(evidence)).toBe(1);
    expect(latestExpiry(evidence)).toBe('2026-05-20');
    expect(latestExpiry([{}])).toBeUndefined();
    expect(latestExpiryIndex(undefined)).toBe(-1);
  });
});

describe('isReviewOverdue', () => {
  const hazard = { status: 'open' as const, raised: '2025-01-10' };
  it('is due the policy interval after raising or the last review, overdue the day after', () => {
    expect(isReviewOverdue(hazard, 12, '2026-01-10')).toBe(false);
    expect(isReviewOverdue(hazard, 12, '2026-01-11')).toBe(true);
    expect(isReviewOverdue({ ...hazard, reviewed: '2025-06-01' }, 12, '2026-01-11')).toBe(false);
    expect(isReviewOverdue({ ...hazard, nextReview: '2025-02-01' }, 12, '2025-03-01')).toBe(true);
  });
  it('never holds for a closed hazard', () => {
    expect(isReviewOverdue({ ...hazard, status: 'closed' }, 12, '2030-01-01')).toBe(false);
  });
  it('reads the interval from the manifest, or the default', () => {
    expect(reviewMonths({ manifest: undefined })).toBe(DEFAULT_REVIEW_MONTHS);
    expect(reviewMonths({ manifest: { reviewPolicy: { hazardReviewMonths: 6 } } } as never)).toBe(6);
  });
});

describe('needsJustification and needsAcceptance', () => {
  const low = levelsRated('acceptable');
  const justify = levelsRated('acceptable-with-justification');
  const bad = levelsRated('unacceptable');
  const hazard = (residualRisk: { likelihood: string; severity: string }, extra: object = {}) => ({ status: 'open' as const, initialRisk: bad, residualRisk, ...extra });

  it('asks for a justification only for a rating accepted with one, and only when there is none', () => {
    expect(needsJustification(scheme, hazard(justify))).toBe(true);
    expect(needsJustification(scheme, hazard(justify, { justification: 'Further reduction is impractical.' }))).toBe(false);
    expect(needsJustification(scheme, hazard(low))).toBe(false);
    expect(needsJustification(scheme, hazard(bad))).toBe(false);
    // Levels that are not the scheme's words give no rating, so no justification is asked.
    expect(needsJustification(scheme, hazard({ likelihood: 'often', severity: 'bad' }))).toBe(false);
  });

  it('asks for an acceptance for an unacceptable residual risk or a transferred hazard', () => {
    expect(needsAcceptance(scheme, hazard(bad))).toBe(true);
    expect(needsAcceptance(scheme, hazard(low))).toBe(false);
    expect(needsAcceptance(scheme, { ...hazard(low), status: 'transferred' })).toBe(true);
  });
});
