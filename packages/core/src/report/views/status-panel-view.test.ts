/**
 * The status panel: on the worked example its counts agree with the analysis and the register
 * (1 N-1 shortfall, 3 scenarios past tolerance, nothing uncovered), zero reads "None", and the
 * overview's top findings keep the analysis's ranking. On hand-made lists: what each check
 * counts and leaves out, and when the accepted risks are next looked at.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../analysis/analyse.js';
import type { Register } from '../../model/register.js';
import { hazardRisk } from '../../risk/hazard-risk.js';
import { validateFolder } from '../../validate.js';
import { buildReport } from '../build-report.js';
import type { ReportData } from '../report-data.js';
import { statusPanelView, UNCOVERED_KINDS, type StatusCheckKey } from './status-panel-view.js';

const AS_OF = '2026-11-21';
const example = join(__dirname, '../../../../../registers/example-icb');
let register: Register;
let analysis: Analysis;
let report: ReportData;
const check = (key: StatusCheckKey) => report.summary.status.checks.find((c) => c.key === key)!;

beforeAll(async () => {
  ({ register } = await validateFolder(example, { asOf: AS_OF }));
  ({ report, analysis } = buildReport(register, { asOf: AS_OF, tool: 'test' }));
});

describe('the status panel on the worked example', () => {
  it('counts capacity, scenarios and uncovered causes as the analysis finds them', () => {
    const overAtPeak = new Set(analysis.capacity.loads.filter((l) => l.load > l.limit).map((l) => l.asset));
    const shortAfterOne = new Set(analysis.capacity.nMinusOne.flatMap((n) => n.overloaded.map((o) => o.asset)).filter((a) => !overAtPeak.has(a)));
    const uncovered = analysis.findings.filter((f) => UNCOVERED_KINDS.includes(f.kind) && f.coverage !== undefined && f.coverage !== 'covered');
    const pastTolerance = analysis.scenarios.filter((s) => s.exceeded.length > 0);

    expect(check('capacity-over').count).toBe(overAtPeak.size);
    expect(check('capacity-n-1').count).toBe(shortAfterOne.size);
    expect(check('uncovered').count).toBe(uncovered.length);
    expect(check('scenarios-past-tolerance').count).toBe(pastTolerance.length);
    // The example's story, so the comparisons above are not all of empty lists.
    expect([check('capacity-n-1').count, check('scenarios-past-tolerance').count, check('uncovered').count]).toEqual([1, 3, 0]);
    expect(check('scenarios-past-tolerance').count).toBe(analysis.summary.findings['scenario-tolerance']);
  });

  it('counts unacceptable residual risks from the scheme, with their acceptances and the earliest review of one accepted', () => {
    const unacceptable = register.hazards.filter((h) => hazardRisk(register.scheme, h).residual?.acceptability === 'unacceptable');
    const accepted = unacceptable.filter((h) => register.acceptances.some((a) => a.hazard === h.id));
    expect(unacceptable.length).toBeGreaterThan(0);
    expect(check('unacceptable-residual').count).toBe(unacceptable.length);
    const { acceptances } = report.summary.status;
    expect(acceptances).toMatchObject({ hazards: unacceptable.length, accepted: accepted.length, unaccepted: unacceptable.length - accepted.length });
    const firstDue = accepted.map((h) => report.hazards.find((v) => v.id === h.id)!.reviewDue).sort()[0];
    expect(acceptances.earliestReview?.date).toBe(firstDue);
  });

  it('counts overdue reviews, expired evidence and unverified controls as the other pages list them', () => {
    expect(check('overdue-reviews').count).toBe(report.hazards.filter((h) => h.reviewOverdue).length);
    expect(check('expired-evidence').count).toBe(report.expiredEvidence.length);
    expect(check('unverified-controls').count).toBe(register.controls.filter((c) => c.status !== 'verified').length);
    expect(check('unverified-controls').count).toBe(report.summary.unverifiedControls.length);
  });

  it('says "None" for a zero and a plain word otherwise, and counts the checks that need attention', () => {
    const { checks, attention } = report.summary.status;
    expect(checks.map((c) => c.key)).toEqual(['unacceptable-residual', 'capacity-over', 'capacity-n-1', 'uncovered', 'scenarios-past-tolerance', 'overdue-reviews', 'expired-evidence', 'unverified-controls']);
    for (const c of checks) {
      if (c.count === 0) expect(c, c.key).toMatchObject({ verdict: 'none', verdictText: 'None' });
      else expect(c.verdict, c.key).toBe('attention'), expect(c.verdictText, c.key).not.toBe('None');
    }
    expect(attention).toBe(checks.filter((c) => c.count > 0).length);
    expect(check('uncovered')).toMatchObject({ verdict: 'none', verdictText: 'None' });
    expect(check('scenarios-past-tolerance')).toMatchObject({ verdict: 'attention', verdictText: 'Past tolerance' });
  });

  it('leaves the overview\'s top findings in the analysis\'s ranking order', () => {
    const top = report.summary.topFindings;
    expect(top.map((f) => f.id)).toEqual(analysis.findings.slice(0, 10).map((f) => f.id));
    expect(top.map((f) => f.rank)).toEqual(top.map((_, i) => i + 1));
    // Ranked is not "most patients first": the example's ranking puts a smaller reach before a
    // larger one, so a re-sort by patients would change the findings' order.
    const all = report.findings;
    expect(all.map((f) => f.id)).toEqual(analysis.findings.map((f) => f.id));
    expect(all.some((f, i) => i > 0 && f.reach.patients > all[i - 1]!.reach.patients)).toBe(true);
  });
});

describe('statusPanelView', () => {
  type Input = Parameters<typeof statusPanelView>[0];
  const hazard = (id: string, acceptability: string, reviewDue: string, accepted: boolean) => ({ id, slug: id, name: id, reviewDue, residual: { acceptability }, acceptances: accepted ? [{ id: `ACC-${id}` }] : [] });
  const finding = (kind: string, coverage?: string) => ({ kind, ...(coverage ? { coverage } : {}) });
  const input = {
    hazards: [hazard('H-1', 'unacceptable', '2027-03-01', true), hazard('H-2', 'unacceptable', '2027-01-15', true), hazard('H-3', 'unacceptable', '2026-12-01', false), hazard('H-4', 'acceptable', '2026-01-01', true)],
    capacity: { warningAt: 0.8, assets: [{ status: 'over' }, { status: 'n-1-shortfall' }, { status: 'n-1-shortfall' }, { status: 'warning' }, { status: 'ok' }] },
    findings: [finding('failure-point', 'gap'), finding('common-cause', 'partial'), finding('redundancy-defeated', 'gap'), finding('failure-point', 'covered'), finding('double-failure', 'gap'), finding('capacity', 'gap'), finding('scenario-tolerance')],
    scenarios: [{ verdict: 'exceeded' }, { verdict: 'within' }, { verdict: 'none' }],
    overdueReviews: [{}, {}],
    expiredEvidence: [],
    controls: [{ status: 'verified' }, { status: 'implemented' }, { status: 'proposed' }],
  } as unknown as Input;
  const panel = statusPanelView(input);
  const counts = Object.fromEntries(panel.checks.map((c) => [c.key, c.count]));

  it('counts each check, and only what it names', () => {
    expect(counts).toEqual({
      'unacceptable-residual': 3,
      'capacity-over': 1,
      // An asset over at peak is counted there, not again here.
      'capacity-n-1': 2,
      // Failure points and common causes (a defeated redundancy is one) not named, or named for some sites only; not double failures or capacity.
      uncovered: 3,
      'scenarios-past-tolerance': 1,
      'overdue-reviews': 2,
      'expired-evidence': 0,
      'unverified-controls': 2,
    });
    expect(panel.attention).toBe(7);
  });

  it('gives the earliest review among accepted unacceptable risks only (an unaccepted or acceptable one is not an acceptance to look at again)', () => {
    expect(panel.acceptances).toEqual({ hazards: 3, accepted: 2, unaccepted: 1, earliestReview: { date: '2027-01-15', hazard: { id: 'H-2', slug: 'H-2', name: 'H-2' } } });
    const none = statusPanelView({ ...input, hazards: [] } as Input);
    expect(none.acceptances).toEqual({ hazards: 0, accepted: 0, unaccepted: 0 });
    expect(none.checks[0]).toMatchObject({ count: 0, verdict: 'none', verdictText: 'None' });
  });

  it('counts a hazard whose only acceptance has lapsed as unaccepted, and names the first acceptance still holding to end', () => {
    const withEnds = (id: string, reviewDue: string, acceptances: object[]) => ({ id, slug: id, name: id, reviewDue, residual: { acceptability: 'unacceptable' }, acceptances });
    const ends = statusPanelView({
      ...input,
      hazards: [
        withEnds('H-1', '2027-06-01', [{ id: 'ACC-1', until: '2027-03-31', lapsed: false, endingSoon: false }]),
        withEnds('H-2', '2027-06-01', [{ id: 'ACC-2', until: '2026-10-31', lapsed: true, endingSoon: false }]),
        withEnds('H-3', '2027-06-01', [{ id: 'ACC-3a', until: '2026-09-30', lapsed: true, endingSoon: false }, { id: 'ACC-3b', until: '2027-01-10', lapsed: false, endingSoon: true }]),
        withEnds('H-4', '2027-02-01', [{ id: 'ACC-4', lapsed: false, endingSoon: false }]),
      ],
    } as unknown as Input);
    expect(ends.acceptances).toEqual({
      hazards: 4,
      // H-2's one acceptance ended in October; H-3 holds on its second.
      accepted: 3,
      unaccepted: 1,
      // ACC-3a ended earlier still, but no longer holds; ACC-4 has no end.
      earliestEnd: { date: '2027-01-10', endingSoon: true, acceptance: 'ACC-3b', hazard: { id: 'H-3', slug: 'H-3', name: 'H-3' } },
      earliestReview: { date: '2027-02-01', hazard: { id: 'H-4', slug: 'H-4', name: 'H-4' } },
    });
  });

  it('links every check to a page of the site, relative to its root', () => {
    for (const c of panel.checks) expect(c.href, c.key).toMatch(/^[a-z-]+(\/[a-z-]+)*\.html(#[a-z-]+)?$|^[a-z-]+\/index\.html(#[a-z-]+)?$/);
  });
});
