/** A clinical service's page: who reaches it, the assets whose failure alone cuts sites off it. */
import { reachOf } from '../../analysis/reach.js';
import { byId, refOf } from '../refs.js';
import type { ServiceView } from '../report-data.js';
import type { ReportContext } from './report-context.js';

/** A service page lists this many failure points. */
const SERVICE_FAILURE_POINTS_LISTED = 100;

export function serviceViews(rc: ReportContext): ServiceView[] {
  const { register, graph } = rc.ctx;
  return register.services
    .map((svc): ServiceView => {
      const reach = reachOf(graph, graph.routes.flatMap((r, i) => (r.service === svc.id ? [i] : [])));
      return {
        ...refOf(svc, rc.slugs.services),
        ...(svc.description ? { description: svc.description } : {}),
        sites: reach.sites.length,
        patients: reach.patients,
        failurePoints: rc.analysis.assets
          .flatMap((imp) => {
            const s = imp.reach.byService.find((b) => b.service === svc.id);
            return s ? [{ asset: rc.links.asset(imp.id), sites: s.sites, patients: s.patients }] : [];
          })
          .sort((x, y) => y.patients - x.patients || byId(x.asset, y.asset))
          .slice(0, SERVICE_FAILURE_POINTS_LISTED),
        hazards: register.hazards.filter((h) => (h.services ?? []).includes(svc.id)).map((h) => refOf(h, rc.slugs.hazards)).sort(byId),
      };
    })
    .sort(byId);
}
