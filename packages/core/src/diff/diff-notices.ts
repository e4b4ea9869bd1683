import { defineCode } from '../diagnostics/code.js';
import { placesSentence } from './diff-places.js';
import type { GuardFinding } from './guards.js';
import type { RegisterDiff } from './register-diff.js';

/**
 * What `crr diff` reports beside its guards: never a failure, but something a reviewer should
 * see. Codes are permanent, in the guards' `G` series, and listed in the catalogue.
 */
export const diffNotices = {
  acceptanceStale: defineCode({
    code: 'CRR-G005',
    name: 'acceptance-stale',
    severity: 'warning',
    title: 'An acceptance no longer holds',
    explanation: 'The hazard changed after top management accepted it; the acceptance is of something else. Record a new one.',
  }),
  newFailurePoint: defineCode({
    code: 'CRR-G006',
    name: 'new-failure-point',
    severity: 'notice',
    title: 'A new failure point, named by a hazard',
    explanation: 'The change makes an asset a single failure point for some sites; a hazard names it, so the guard does not trip, but reviewers should see it.',
  }),
} as const;

/** One notice: like a guard's finding, but a notice may need no hint (there is nothing to do). */
export type DiffNoticeFinding = Omit<GuardFinding, 'hint'> & { hint?: string };

/** CRR-G005: each acceptance whose hazard changed after it was accepted. */
export function staleAcceptances(diff: RegisterDiff): DiffNoticeFinding[] {
  return diff.acceptances.noLongerHold.map((a) => ({
    record: a.acceptance,
    at: a.at,
    message: `Acceptance \`${a.acceptance}\` of hazard \`${a.hazard}\` no longer holds: the hazard's ${a.fields.join(', ')} changed after it was accepted.`,
    hint: 'Record a new acceptance of the hazard as it now stands.',
  }));
}


/** CRR-G006: each new single failure point that a hazard already names (CRR-G004 covers the rest). */
export function namedFailurePoints(diff: RegisterDiff): DiffNoticeFinding[] {
  return diff.failurePoints.gained
    .filter((f) => f.hazards.length > 0)
    .map((f) => ({
      record: f.asset,
      ...(f.at ? { at: f.at } : {}),
      message: `\`${f.asset}\` becomes a single failure point for ${f.sites.length} site(s) (${f.patients} patients); hazards naming it: ${f.hazards.join(', ')}.${placesSentence(f)}`,
    }));
}

/** A notice's definition and what it found in one change, like a guard's `GuardResult`. */
export interface DiffNoticeResult {
  definition: (typeof diffNotices)[keyof typeof diffNotices];
  findings: DiffNoticeFinding[];
}

/** Every notice of a change, in code order. Notices cannot be switched off: they fail nothing. */
export function runDiffNotices(diff: RegisterDiff): DiffNoticeResult[] {
  return [
    { definition: diffNotices.acceptanceStale, findings: staleAcceptances(diff) },
    { definition: diffNotices.newFailurePoint, findings: namedFailurePoints(diff) },
  ];
}
