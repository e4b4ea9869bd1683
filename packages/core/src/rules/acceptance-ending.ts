import { daysBetween } from '../dates.js';
import type { Acceptance } from '../model/acceptance.js';
import type { Register } from '../model/register.js';
import { defineRule } from './rule.js';

/** Days before an acceptance ends from which validate warns, unless the register says otherwise. */
export const DEFAULT_ACCEPTANCE_NOTICE_DAYS = 60;

export function acceptanceNoticeDays(register: Pick<Register, 'manifest'>): number {
  return register.manifest?.reviewPolicy?.acceptanceNoticeDays ?? DEFAULT_ACCEPTANCE_NOTICE_DAYS;
}

/** Whether an acceptance has lapsed as of `asOf`: its `until` day is past. One without `until` never lapses. */
export function acceptanceLapsed(acceptance: Pick<Acceptance, 'until'>, asOf: string): boolean {
  return acceptance.until !== undefined && acceptance.until < asOf;
}

/** Days left until an acceptance ends, counting `until` itself as a day it holds; absent when it has no end or has lapsed. */
export function acceptanceDaysLeft(acceptance: Pick<Acceptance, 'until'>, asOf: string): number | undefined {
  if (acceptance.until === undefined || acceptanceLapsed(acceptance, asOf)) return undefined;
  return daysBetween(asOf, acceptance.until);
}

/** Whether an acceptance still holds but ends within the register's notice period. */
export function acceptanceEndingSoon(acceptance: Pick<Acceptance, 'until'>, asOf: string, noticeDays: number): boolean {
  const left = acceptanceDaysLeft(acceptance, asOf);
  return left !== undefined && left <= noticeDays;
}

export const acceptanceEnding = defineRule({
  code: 'CRR-W071',
  name: 'acceptance-ending',
  severity: 'warning',
  title: 'An acceptance of residual risk ends soon',
  explanation:
    'An acceptance given until a date stops holding the day after it, and the hazard then needs accepting again (CRR-E043). The warning comes `reviewPolicy.acceptanceNoticeDays` (60 unless set) before the end, so that the acceptor can look at the hazard, and at whether its conditions were met, in time.',
  *check({ register, asOf }) {
    const notice = acceptanceNoticeDays(register);
    for (const a of register.acceptances) {
      if (!acceptanceEndingSoon(a, asOf, notice)) continue;
      const left = acceptanceDaysLeft(a, asOf)!;
      yield {
        at: a.source,
        below: ['until'],
        record: a.id,
        message: `Acceptance \`${a.id}\` of hazard \`${a.hazard}\` ends on ${a.until}, ${left === 0 ? 'today' : left === 1 ? 'tomorrow' : `in ${left} days`} (as of ${asOf}).`,
        hint: `Take the hazard back to ${a.acceptedBy} (${a.role})${a.conditions ? ' with whether each condition was met' : ''}: record a new acceptance with a later \`until\`, or reduce the risk so that none is needed.`,
      };
    }
  },
});
