/** The incidents page: every incident, earliest first. */
import { byId, refOf } from '../refs.js';
import type { IncidentView } from '../report-data.js';
import type { ReportContext } from './report-context.js';

const DAY_MS = 86_400_000;

export function incidentViews(rc: ReportContext): IncidentView[] {
  const { links } = rc;
  return [...rc.ctx.register.incidents]
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : byId(a, b)))
    .map((i) => ({
      ...refOf(i, rc.slugs.incidents),
      title: i.title,
      ...(i.description ? { description: i.description } : {}),
      start: i.start,
      ...(i.end ? { end: i.end } : {}),
      // Both ends count: an incident that starts and ends on one day lasted one day.
      days: i.end ? Math.round((Date.parse(i.end) - Date.parse(i.start)) / DAY_MS) + 1 : 1,
      assets: (i.assets ?? []).map(links.asset),
      sites: (i.sites ?? []).map(links.site),
      hazards: (i.hazards ?? []).map(links.hazard),
      ...(i.reference ? { reference: i.reference } : {}),
      ...(i.harm ? { harm: i.harm } : {}),
    }));
}
