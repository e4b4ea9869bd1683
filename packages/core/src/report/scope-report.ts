import type { AnalysisContext } from '../analysis/context.js';
import { scopeLens } from '../analysis/scope-lens.js';
import { placeLabel, type Scope } from '../analysis/scope.js';
import type { Hazard } from '../model/hazard.js';
import type { ReportData } from './report-data.js';

/**
 * What the site of one place (`crr build --scope`) keeps: the place's sites, the assets their
 * routes use (and the sites hosting them, such as a data centre), and the hazards that concern
 * them: by the assets their causes name, by the sites they name, or, for a hazard kept in general
 * terms, by the services those sites use. The analysis it shows is already the
 * scoped one; this decides which records get a page.
 */
export interface ReportScope {
  site(id: string): boolean;
  asset(id: string): boolean;
  hazard(h: Pick<Hazard, 'id' | 'services' | 'causes' | 'sites'>): boolean;
  /** The title and scope lines of the site. */
  meta(meta: ReportData['meta']): ReportData['meta'];
}

export function reportScope(ctx: AnalysisContext, scope: Scope): ReportScope {
  const lens = scopeLens(ctx, scope);
  const { graph } = ctx;
  const sites = new Set(scope.sites);
  const services = new Set<string>();
  graph.routes.forEach((r) => {
    if (scope.sites.has(graph.sites[r.site]!.id)) services.add(r.service);
  });
  // A site that hosts an asset the place uses (a data centre hall) has a page too.
  graph.assets.forEach((a, i) => {
    if (lens.serves(i) && a.location !== undefined && graph.siteIndex.has(a.location)) sites.add(a.location);
  });
  const label = placeLabel(scope.place);
  return {
    site: (id) => sites.has(id),
    asset: (id) => lens.servesId(id),
    // A hazard whose causes name assets concerns the place when one of those assets serves it: the
    // hazards of the other ICBs name their own concentrators and are not the place's. A hazard
    // with no asset in any cause (a hazard the log keeps in general terms) concerns every place
    // that uses its services, and one that names sites concerns the place if it names one of its.
    hazard: (h) => {
      if (h.sites?.length) return h.sites.some((s) => scope.sites.has(s));
      const namesAssets = h.causes.some((c) => c.assets?.length || c.select);
      return namesAssets ? lens.hazardServes(h.id) : (h.services ?? []).some((s) => services.has(s));
    },
    meta: (meta) => ({
      ...meta,
      title: `${meta.title}: ${label}`,
      scope: `As seen from ${label}: its sites, the assets their routes use and the hazards that concern them. The analysis runs on the whole register, so a shared asset carries every place's load.`,
    }),
  };
}
