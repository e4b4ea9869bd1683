/** Controls and acceptances as the hazard pages and the safety case show them. */
import { acceptanceEndingSoon, acceptanceLapsed, acceptanceNoticeDays } from '../../rules/acceptance-ending.js';
import type { Control } from '../../model/control.js';
import type { Register, Sourced } from '../../model/register.js';
import { isEvidenceExpired, isEvidenceItemExpired } from '../../rules/expired-evidence.js';
import { byId, refOf } from '../refs.js';
import type { AcceptanceView, ControlView } from '../report-data.js';
import { ratingView } from './rating-view.js';
import { sortedRefs, type ReportContext } from './report-context.js';

/** How a control kind is named on the pages. */
export const KIND_LABELS: Record<string, string> = { design: 'Design', test: 'Test', training: 'Training', 'business-process': 'Business process' };

export function controlView(rc: ReportContext, c: Sourced<Control>, role?: 'existing' | 'additional'): ControlView {
  const { asOf } = rc.ctx;
  const evidence = (c.evidence ?? []).map((e) => ({ description: e.description, date: e.date, ...(e.expires ? { expires: e.expires } : {}), ...(e.reference ? { reference: e.reference } : {}), expired: isEvidenceItemExpired(e, asOf) }));
  return {
    ...refOf(c, rc.slugs.controls),
    kind: c.kind,
    kindLabel: KIND_LABELS[c.kind] ?? c.kind,
    status: c.status,
    owner: c.owner,
    ...(c.description ? { description: c.description } : {}),
    evidence,
    evidenceExpired: isEvidenceExpired(c.evidence, asOf),
    ...(c.transferredFrom ? { transferredFrom: rc.links.organisation(c.transferredFrom) } : {}),
    ...(role ? { role } : {}),
    hazards: sortedRefs(rc.rel.hazardsOfControl.get(c.id) ?? [], rc.links.hazard),
  };
}

export function acceptanceView(rc: ReportContext, a: Register['acceptances'][number]): AcceptanceView {
  return {
    ...refOf({ id: a.id, name: `${a.acceptedBy}, ${a.date}` }, rc.slugs.acceptances),
    hazard: rc.links.hazard(a.hazard),
    acceptedBy: a.acceptedBy,
    role: a.role,
    ...(a.organisation ? { organisation: rc.links.organisation(a.organisation) } : {}),
    date: a.date,
    ...(a.until ? { until: a.until } : {}),
    ...(a.conditions ? { conditions: a.conditions } : {}),
    lapsed: acceptanceLapsed(a, rc.ctx.asOf),
    endingSoon: acceptanceEndingSoon(a, rc.ctx.asOf, acceptanceNoticeDays(rc.ctx.register)),
    ...(a.statement ? { statement: a.statement } : {}),
    ...(a.residualRisk ? { residual: ratingView(rc.ctx.register.scheme, a.residualRisk) } : {}),
  };
}

/** Every acceptance, by id. */
export function acceptanceViews(rc: ReportContext, hazard?: string): AcceptanceView[] {
  return rc.ctx.register.acceptances.filter((a) => hazard === undefined || a.hazard === hazard).map((a) => acceptanceView(rc, a)).sort(byId);
}
