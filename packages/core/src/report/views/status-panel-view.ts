/**
 * The status panel: the answer first. One row per check a reviewer makes before anything else
 * ("are we safe from a repeat of April?"), each with a count, a plain verdict word and where the
 * list is. Counted here, from the report's own lists, so a place's (scoped) report gives the
 * place's panel and the template only prints.
 */
import type { FindingKind } from '../../analysis/finding.js';
import type { ReportData } from '../report-data.js';

export type StatusCheckKey =
  | 'unacceptable-residual'
  | 'capacity-over'
  | 'capacity-n-1'
  | 'uncovered'
  | 'scenarios-past-tolerance'
  | 'overdue-reviews'
  | 'expired-evidence'
  | 'unverified-controls';

export interface StatusCheck {
  /** Stable, also the row's anchor (`status-<key>`). */
  key: StatusCheckKey;
  /** What is counted, as a heading: "Unacceptable residual risks". */
  label: string;
  /** What the count is, in one sentence. */
  description: string;
  count: number;
  /** `none` when the count is 0: nothing to do. */
  verdict: 'none' | 'attention';
  /** "None", or one plain word for what is wrong: "Overdue", "Expired"… */
  verdictText: string;
  /** Where the list is: a page of the site, relative to its root, with its anchor. Always an existing page. */
  href: string;
}

/** The unacceptable residual risks' acceptances: how many are accepted, and when the accepted ones are next looked at. */
export interface StatusAcceptances {
  /** Hazards with an unacceptable residual rating. */
  hazards: number;
  /** Of those, the ones with at least one recorded acceptance. */
  accepted: number;
  /** Of those, the ones with none (CRR-E043). */
  unaccepted: number;
  /**
   * An acceptance holds while what it accepted is unchanged (docs/decisions.md, 19) and, when it
   * has an `until` date, to the end of that day. The first end among the acceptances that still
   * hold, absent when none has an end date.
   */
  earliestEnd?: { date: string; endingSoon: boolean; acceptance: string; hazard: { id: string; slug: string; name: string } };
  /** And the earliest review due among the accepted hazards, when they are looked at again; absent when none is accepted. */
  earliestReview?: { date: string; hazard: { id: string; slug: string; name: string } };
}

export interface StatusPanel {
  checks: StatusCheck[];
  /** Checks whose count is not 0. */
  attention: number;
  acceptances: StatusAcceptances;
}

/** Findings whose cause a hazard should name: failure points and common causes (a defeated redundancy is a common cause in a group). */
export const UNCOVERED_KINDS: readonly FindingKind[] = ['failure-point', 'common-cause', 'redundancy-defeated'];

type PanelInput = Pick<ReportData, 'hazards' | 'capacity' | 'findings' | 'scenarios' | 'overdueReviews' | 'expiredEvidence' | 'controls'>;

/** The checks that only infrastructure can fail: left out of the panel of a register that models none. */
const INFRASTRUCTURE_CHECKS: readonly StatusCheckKey[] = ['capacity-over', 'capacity-n-1', 'uncovered', 'scenarios-past-tolerance'];

export function statusPanelView(report: PanelInput, describesInfrastructure = true): StatusPanel {
  const unacceptable = report.hazards.filter((h) => h.residual.acceptability === 'unacceptable');
  // A lapsed acceptance no longer accepts anything (CRR-E043).
  const accepted = unacceptable.filter((h) => h.acceptances.some((a) => !a.lapsed));
  const ending = accepted
    .flatMap((h) => h.acceptances.filter((a) => !a.lapsed && a.until).map((a) => ({ date: a.until!, endingSoon: a.endingSoon, acceptance: a.id, hazard: { id: h.id, slug: h.slug, name: h.name } })))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.acceptance < b.acceptance ? -1 : 1))[0];
  const earliest = accepted
    .filter((h): h is typeof h & { reviewDue: string } => h.reviewDue !== undefined)
    .sort((a, b) => (a.reviewDue < b.reviewDue ? -1 : a.reviewDue > b.reviewDue ? 1 : a.id < b.id ? -1 : 1))[0];

  const kinds = new Set<string>(UNCOVERED_KINDS);
  const checks: Omit<StatusCheck, 'verdict' | 'verdictText'>[] = [];
  const words = new Map<StatusCheckKey, string>();
  const add = (check: Omit<StatusCheck, 'verdict' | 'verdictText'>, word: string) => {
    // A manufacturer's log of its software models no assets: "no capacity shortfall" would read as a finding.
    if (!describesInfrastructure && INFRASTRUCTURE_CHECKS.includes(check.key)) return;
    checks.push(check);
    words.set(check.key, word);
  };

  add({ key: 'unacceptable-residual', label: 'Unacceptable residual risks', description: 'Hazards whose residual rating the risk scheme calls unacceptable.', count: unacceptable.length, href: 'safety-case/index.html#risk-evaluation' }, 'Unacceptable');
  add({ key: 'capacity-over', label: 'Over capacity at peak', description: 'Capacity-limited assets carrying more than their limit at peak with nothing failed.', count: report.capacity.assets.filter((c) => c.status === 'over').length, href: 'capacity/index.html' }, 'Over limit');
  add({ key: 'capacity-n-1', label: 'Capacity shortfalls after one failure (N-1)', description: 'Assets within their limit at peak that would be over it when one other asset fails and its load moves over.', count: report.capacity.assets.filter((c) => c.status === 'n-1-shortfall').length, href: 'capacity/index.html' }, 'Shortfall');
  add({ key: 'uncovered', label: 'Uncovered failure points and common causes', description: 'Failure points and common causes that no hazard names, or names for some sites only.', count: report.findings.filter((f) => kinds.has(f.kind) && (f.coverage === 'gap' || f.coverage === 'partial')).length, href: 'findings/index.html' }, 'Uncovered');
  add({ key: 'scenarios-past-tolerance', label: 'Scenarios past their tolerance', description: 'Named scenarios that cut, degrade or overload more than the register tolerates.', count: report.scenarios.filter((s) => s.verdict === 'exceeded').length, href: 'scenarios/index.html' }, 'Past tolerance');
  add({ key: 'overdue-reviews', label: 'Overdue hazard reviews', description: 'Hazards whose review date has passed.', count: report.overdueReviews.length, href: 'index.html#overdue-reviews' }, 'Overdue');
  add({ key: 'expired-evidence', label: 'Expired evidence', description: 'Controls whose evidence has all expired.', count: report.expiredEvidence.length, href: 'index.html#expired-evidence' }, 'Expired');
  add({ key: 'unverified-controls', label: 'Unverified controls', description: 'Controls not yet shown by evidence to work.', count: report.controls.filter((c) => c.status !== 'verified').length, href: 'safety-case/index.html#test-issues' }, 'Not verified');

  const full: StatusCheck[] = checks.map((c) => (c.count === 0 ? { ...c, verdict: 'none', verdictText: 'None' } : { ...c, verdict: 'attention', verdictText: words.get(c.key)! }));
  return {
    checks: full,
    attention: full.filter((c) => c.verdict === 'attention').length,
    acceptances: {
      hazards: unacceptable.length,
      accepted: accepted.length,
      unaccepted: unacceptable.length - accepted.length,
      ...(ending ? { earliestEnd: ending } : {}),
      ...(earliest ? { earliestReview: { date: earliest.reviewDue, hazard: { id: earliest.id, slug: earliest.slug, name: earliest.name } } } : {}),
    },
  };
}
