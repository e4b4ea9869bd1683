import { analyseContext, type Analysis } from '../analysis/analyse.js';
import { analysisContext, type AnalysisContext } from '../analysis/context.js';
import { hazardsCovering } from '../analysis/coverage-index.js';
import { reachOf } from '../analysis/reach.js';
import { AssetIndex } from '../analysis/selector-match.js';
import { routesCutBy } from '../analysis/what-if.js';
import type { Control } from '../model/control.js';
import { controlKinds } from '../model/control.js';
import type { RiskAssessment } from '../model/hazard.js';
import type { Register, RegisterAsset, Sourced } from '../model/register.js';
import { reviewDue, DEFAULT_REVIEW_MONTHS } from '../rules/review-overdue.js';
import { hazardRisk } from '../risk/hazard-risk.js';
import { rate } from '../risk/rating.js';
import type { RiskScheme } from '../risk/scheme.js';
import { assetGraph, overviewGraph, reqLines, siteGraph } from './graphs.js';
import { byId, findingSlug, refOf, slugIndex } from './refs.js';
import { sectionSlugs } from './section-slugs.js';
import type { Reach } from '../analysis/reach.js';
import { LISTED, type AcceptanceView, type AssetView, type ControlView, type FindingView, type HazardView, type IncidentView, type MatrixView, type RatingView, type ReachView, type Ref, type ReportData, type ServiceView, type SiteView, type SupplierView } from './report-data.js';

export const KIND_LABELS: Record<string, string> = { design: 'Design', test: 'Test', training: 'Training', 'business-process': 'Business process' };
const SUPPLIER_TYPES = new Set(['supplier', 'carrier', 'manufacturer', 'csu', 'provider']);

export interface ReportOptions {
  asOf: string;
  /** Name and version of the tool, shown in the report (never a build time). */
  tool: string;
}

/** The report: register + analysis as plain JSON for the site. Also returns the analysis. */
export function buildReport(register: Register, options: ReportOptions): { report: ReportData; analysis: Analysis } {
  const ctx = analysisContext(register, options.asOf);
  const analysis = analyseContext(ctx);
  return { report: assemble(ctx, analysis, options), analysis };
}

function ratingView(scheme: RiskScheme, r: RiskAssessment): RatingView {
  const rated = rate(scheme, r.likelihood, r.severity);
  return {
    severity: r.severity,
    likelihood: r.likelihood,
    ...(rated ? { rating: rated.rating, label: rated.label, acceptability: rated.acceptability, acceptabilityText: rated.acceptabilityText, cell: rated.cell } : {}),
  };
}

function assemble(ctx: AnalysisContext, analysis: Analysis, options: ReportOptions): ReportData {
  const { register, graph, index, asOf } = ctx;
  const scheme = register.scheme;
  const orgs = new Map(register.organisations.map((o) => [o.id, o] as const));
  const services = new Map(register.services.map((s) => [s.id, s] as const));
  const controlsById = new Map(register.controls.map((c) => [c.id, c] as const));
  // Every link carries the slug of its record's page, computed once here.
  const slugs = sectionSlugs(register, graph);
  const refOrUnknown = (id: string, map: Map<string, { id: string; name?: string; title?: string }>, section: ReadonlyMap<string, string>): Ref => refOf(map.get(id) ?? { id }, section);
  const orgRef = (id: string) => refOrUnknown(id, orgs, slugs.organisations);
  const serviceRef = (id: string) => refOrUnknown(id, services, slugs.services);
  const assetRefOf = (a: { id: string; name?: string }) => refOf(a, slugs.assets);
  const siteRefOf = (s: { id: string; name?: string }) => refOf(s, slugs.sites);
  const hazardRefOf = (h: { id: string; title?: string }) => refOf(h, slugs.hazards);
  const assetRef = (id: string) => {
    const a = graph.assetIndex.get(id);
    return assetRefOf(a === undefined ? { id } : graph.assets[a]!);
  };
  const siteRef = (id: string) => {
    const s = graph.siteIndex.get(id);
    return siteRefOf(s === undefined ? { id } : graph.sites[s]!);
  };
  const hazardsById = new Map(register.hazards.map((h) => [h.id, h] as const));
  const hazardRef = (id: string) => refOrUnknown(id, hazardsById, slugs.hazards);
  const reachView = (r: Reach): ReachView => ({
    pairs: r.pairs,
    patients: r.patients,
    practices: r.practices,
    sites: r.sites.length,
    pcns: r.pcns.length,
    services: r.services,
    byService: r.byService,
    siteRefs: r.sites.slice(0, LISTED).map(siteRef),
    moreSites: Math.max(0, r.sites.length - LISTED),
  });
  const incidentsOf = (pred: (i: Register['incidents'][number]) => boolean) => register.incidents.filter(pred).map((i) => refOf(i, slugs.incidents)).sort(byId);

  // --- Controls and acceptances.
  const hazardsOfControl = new Map<string, Ref[]>();
  for (const h of register.hazards)
    for (const id of new Set([...(h.existingControls ?? []), ...(h.additionalControls ?? [])])) {
      const list = hazardsOfControl.get(id) ?? [];
      list.push(hazardRefOf(h));
      hazardsOfControl.set(id, list);
    }
  const controlView = (c: Sourced<Control>, role?: 'existing' | 'additional'): ControlView => {
    const evidence = (c.evidence ?? []).map((e) => ({ description: e.description, date: e.date, ...(e.expires ? { expires: e.expires } : {}), ...(e.reference ? { reference: e.reference } : {}), expired: e.expires !== undefined && e.expires < asOf }));
    return {
      ...refOf(c, slugs.controls),
      kind: c.kind,
      kindLabel: KIND_LABELS[c.kind] ?? c.kind,
      status: c.status,
      owner: c.owner,
      ...(c.description ? { description: c.description } : {}),
      evidence,
      evidenceExpired: evidence.length > 0 && evidence.every((e) => e.expired),
      ...(c.transferredFrom ? { transferredFrom: orgRef(c.transferredFrom) } : {}),
      ...(role ? { role } : {}),
      hazards: (hazardsOfControl.get(c.id) ?? []).sort(byId),
    };
  };
  const acceptanceView = (a: Register['acceptances'][number]): AcceptanceView => ({
    ...refOf({ id: a.id, name: `${a.acceptedBy}, ${a.date}` }, slugs.acceptances),
    hazard: hazardRef(a.hazard),
    acceptedBy: a.acceptedBy,
    role: a.role,
    ...(a.organisation ? { organisation: orgRef(a.organisation) } : {}),
    date: a.date,
    ...(a.statement ? { statement: a.statement } : {}),
    ...(a.residualRisk ? { residual: ratingView(scheme, a.residualRisk) } : {}),
  });

  // --- Hazards.
  const selector = new AssetIndex(graph.assets);
  const reviewMonths = register.manifest?.reviewPolicy?.hazardReviewMonths ?? DEFAULT_REVIEW_MONTHS;
  const hazardAssets = new Map<string, number[]>();
  const hazards: HazardView[] = register.hazards.map((h) => {
    const risk = hazardRisk(scheme, h);
    const causes = h.causes.map((c) => {
      const picked = new Set<number>();
      for (const id of c.assets ?? []) {
        const a = graph.assetIndex.get(id);
        if (a !== undefined) picked.add(a);
      }
      if (c.select && Object.keys(c.select).length) for (const a of selector.select(c.select)) picked.add(a);
      const assets = [...picked].sort((x, y) => x - y);
      return {
        assets,
        view: {
          description: c.description,
          assets: assets.slice(0, 50).map((a) => assetRefOf(graph.assets[a]!)),
          ...(c.select ? { selector: Object.entries(c.select).map(([k, v]) => (typeof v === 'string' ? `${k}=${v}` : Object.entries(v).map(([n, p]) => `attributes.${n}=${p}`).join(','))).join(', ') } : {}),
          assetCount: assets.length,
        },
      };
    });
    const all = [...new Set(causes.flatMap((c) => c.assets))].sort((x, y) => x - y);
    hazardAssets.set(h.id, all);
    const existing = new Set(h.existingControls ?? []);
    const ids = [...new Set([...(h.existingControls ?? []), ...(h.additionalControls ?? [])])];
    const controls = ids.map((id) => controlsById.get(id)).filter((c): c is Sourced<Control> => c !== undefined).map((c) => controlView(c, existing.has(c.id) ? 'existing' : 'additional'));
    const { due } = reviewDue(h, reviewMonths);
    const acceptances = register.acceptances.filter((a) => a.hazard === h.id).map(acceptanceView).sort(byId);
    return {
      ...hazardRefOf(h),
      title: h.title,
      description: h.description,
      status: h.status,
      owner: h.owner,
      raised: h.raised,
      ...(h.reviewed ? { reviewed: h.reviewed } : {}),
      reviewDue: due,
      reviewOverdue: h.status !== 'closed' && due < asOf,
      services: (h.services ?? []).map(serviceRef),
      causes: causes.map((c) => c.view),
      effects: h.effects,
      harms: h.harms,
      initial: ratingView(scheme, h.initialRisk),
      residual: ratingView(scheme, h.residualRisk),
      ...(h.justification ? { justification: h.justification } : {}),
      controlsByKind: controlKinds.map((kind) => ({ kind, label: KIND_LABELS[kind]!, controls: controls.filter((c) => c.kind === kind).sort(byId) })).filter((g) => g.controls.length),
      ...(h.transfer ? { transfer: { from: orgRef(h.transfer.from), date: h.transfer.date, controls: h.transfer.controls.map((id) => refOrUnknown(id, controlsById, slugs.controls)), ...(h.transfer.reference ? { reference: h.transfer.reference } : {}) } } : {}),
      actions: (h.actions ?? []).map((a) => ({ description: a.description, owner: a.owner, due: a.due, ...(a.done ? { done: a.done } : {}), overdue: !a.done && a.due < asOf })),
      reach: reachView(reachOf(graph, routesCutBy(graph, index, all, ctx.baseline))),
      incidents: incidentsOf((i) => (i.hazards ?? []).includes(h.id)),
      acceptances,
      needsAcceptance: h.status === 'transferred' || risk.residual?.acceptability === 'unacceptable',
    };
  });

  // --- Findings, and which findings name each asset.
  const findingSlugs = slugIndex(analysis.findings.map((f) => f.id), findingSlug);
  const findings: FindingView[] = analysis.findings.map((f) => ({ ...f, reach: reachView(f.reach), slug: findingSlugs.get(f.id)!, assetRefs: f.assets.slice(0, 50).map(assetRef), hazardRefs: f.hazards.map(hazardRef) }));
  const findingsOfAsset = new Map<string, { id: string; title: string }[]>();
  for (const f of analysis.findings)
    if (f.kind === 'common-cause' || f.kind === 'redundancy-defeated')
      for (const a of f.assets) {
        const list = findingsOfAsset.get(a) ?? [];
        list.push({ id: f.id, title: f.title });
        findingsOfAsset.set(a, list);
      }

  // --- Assets.
  const impact = new Map(analysis.assets.map((i) => [i.id, i] as const));
  const loads = new Map(analysis.capacity.loads.map((l) => [l.asset, l] as const));
  const failurePointSet = new Set<number>();
  const fpOfAsset = new Map<string, Map<string, string[]>>();
  for (const p of analysis.failurePoints)
    for (const a of p.assets) {
      failurePointSet.add(graph.assetIndex.get(a)!);
      let bySite = fpOfAsset.get(a);
      if (!bySite) fpOfAsset.set(a, (bySite = new Map()));
      const list = bySite.get(p.site) ?? [];
      list.push(p.service);
      bySite.set(p.site, list);
    }
  const neededBy: number[][] = graph.assets.map(() => []);
  graph.assetNeeds.forEach((needs, a) => {
    const direct = new Set<number>();
    const walk = (r: (typeof needs)[number]) => {
      if (r.kind === 'asset') direct.add(r.a);
      else if (r.kind !== 'never') r.members.forEach(walk);
    };
    needs.forEach(walk);
    for (const b of direct) neededBy[b]!.push(a);
  });
  const listed = (ids: readonly string[]) => ({ hazards: ids.slice(0, LISTED).map(hazardRef), moreHazards: Math.max(0, ids.length - LISTED) });
  const failurePointsFor = (id: string) => {
    const bySite = [...(fpOfAsset.get(id) ?? new Map<string, string[]>())].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return {
      failurePointFor: bySite.slice(0, LISTED).map(([site, svcs]) => ({ site: siteRef(site), services: [...svcs].sort() })),
      moreFailurePointSites: Math.max(0, bySite.length - LISTED),
    };
  };
  const attr = (label: string, value: string | undefined, ref?: Ref & { section: string }) => (value === undefined ? [] : [{ label, value, ...(ref ? { ref } : {}) }]);
  const assets: AssetView[] = graph.assets.map((a: RegisterAsset, i) => {
    const routes = index.routesOfAsset[i] ?? [];
    const usedSites = new Set(routes.map((r) => graph.routes[r]!.site));
    const load = loads.get(a.id);
    return {
      ...assetRefOf(a),
      type: a.type,
      ...(a.site ? { site: siteRef(a.site) } : {}),
      attributes: [
        ...attr('Type', a.type),
        ...attr('Supplier', a.supplier && (orgs.get(a.supplier)?.name ?? a.supplier), a.supplier ? { ...orgRef(a.supplier), section: 'suppliers' } : undefined),
        ...attr('Vendor', a.vendor),
        ...attr('Model', a.model),
        ...attr('Software', a.software),
        ...attr('Carrier', a.carrier && (orgs.get(a.carrier)?.name ?? a.carrier), a.carrier ? { ...orgRef(a.carrier), section: 'suppliers' } : undefined),
        ...attr('Network', a.network),
        ...attr('Location', a.location && (siteRef(a.location).name), a.location ? { ...siteRef(a.location), section: 'sites' } : undefined),
        ...attr('Managed by', a.managedBy),
        ...Object.entries(a.attributes ?? {}).sort(([x], [y]) => (x < y ? -1 : 1)).flatMap(([k, v]) => attr(k, v)),
        ...attr('Description', a.description),
      ],
      // A load that leaves out sites of unknown demand (CRR-E061) is not shown as if it were the load: the page says "Not known".
      ...(a.capacity ? { capacity: { limit: a.capacity.limit, unit: a.capacity.unit, ...(load && !load.unmeasured ? { load: load.load, utilisation: load.utilisation } : {}) } } : {}),
      needs: graph.assetNeeds[i]!.map((r) => ({ text: reqLines(graph, [r]).join('\n'), assets: assetsIn(r).map((b) => assetRefOf(graph.assets[b]!)) })),
      neededBy: neededBy[i]!.map((b) => assetRefOf(graph.assets[b]!)).sort(byId),
      usedBy: { sites: usedSites.size, services: [...new Set(routes.map((r) => graph.routes[r]!.service))].sort() },
      reach: reachView(impact.get(a.id)?.reach ?? reachOf(graph, [])),
      ...failurePointsFor(a.id),
      commonCauses: findingsOfAsset.get(a.id) ?? [],
      ...listed(hazardsCovering(ctx.coverage, [i])),
      graph: assetGraph(graph, slugs, i, neededBy[i]!, usedSites.size, failurePointSet),
    };
  });

  // --- Sites.
  const routesOfSite: number[][] = graph.sites.map(() => []);
  graph.routes.forEach((r, i) => routesOfSite[r.site]!.push(i));
  const fpByPair = new Map(analysis.failurePoints.map((p) => [`${p.site}\u0000${p.service}`, p.assets] as const));
  const registerSites = new Map(register.sites.map((s) => [s.id, s] as const));
  const sites: SiteView[] = graph.sites.map((s, si) => {
    const routes = routesOfSite[si]!.slice().sort((x, y) => (graph.routes[x]!.service < graph.routes[y]!.service ? -1 : 1));
    const hazardIds = new Set<string>();
    for (const r of routes) for (const a of index.assetsOfRoute[r]!) for (const c of ctx.coverage.causesOf.get(a) ?? []) for (const h of ctx.coverage.causes[c]!.hazards) hazardIds.add(h);
    for (const h of register.hazards) if ((h.sites ?? []).includes(s.id)) hazardIds.add(h.id);
    const fpAssets = new Set<number>();
    for (const r of routes) for (const a of ctx.cuts.route[r] ?? []) fpAssets.add(a);
    const src = registerSites.get(s.id);
    return {
      ...siteRefOf(s),
      type: s.type,
      ...(src?.ods ? { ods: src.ods } : {}),
      ...(s.pcn ? { pcn: orgRef(s.pcn) } : {}),
      patients: s.patients,
      ...(src?.profile ? { profile: src.profile } : {}),
      routes: routes.map((r) => ({
        service: serviceRef(graph.routes[r]!.service),
        lines: reqLines(graph, graph.routes[r]!.needs),
        failurePoints: (fpByPair.get(`${s.id}\u0000${graph.routes[r]!.service}`) ?? []).map(assetRef),
      })),
      ...listed([...hazardIds].sort()),
      incidents: incidentsOf((i) => (i.sites ?? []).includes(s.id)),
      graph: siteGraph(graph, slugs, si, routes, fpAssets),
    };
  });

  // --- PCNs, suppliers, services.
  const pcns = register.organisations
    .filter((o) => o.type === 'pcn')
    .map((o) => {
      const members = graph.sites.map((s, i) => ({ s, i })).filter(({ s }) => s.pcn === o.id);
      return { ...refOf(o, slugs.organisations), sites: members.map(({ s }) => siteRefOf(s)).sort(byId), patients: members.reduce((n, { s }) => n + s.patients, 0), indices: members.map(({ i }) => i) };
    })
    .sort(byId);
  const suppliers: SupplierView[] = register.organisations
    .filter((o) => SUPPLIER_TYPES.has(o.type))
    .map((o) => {
      const held: { a: number; how: string }[] = [];
      graph.assets.forEach((a, i) => {
        const how = [a.supplier === o.id ? 'supplies' : '', a.carrier === o.id ? 'carries' : ''].filter(Boolean).join(' and ');
        if (how) held.push({ a: i, how });
      });
      const ids = held.map((h) => h.a);
      const hz = new Set<string>();
      for (const a of ids) for (const c of ctx.coverage.causesOf.get(a) ?? []) for (const h of ctx.coverage.causes[c]!.hazards) hz.add(h);
      return {
        ...refOf(o, slugs.organisations),
        type: o.type,
        ...(o.safetyCase ? { safetyCase: o.safetyCase } : {}),
        assets: held.slice(0, 100).map((h) => ({ asset: assetRefOf(graph.assets[h.a]!), how: h.how })),
        assetCount: held.length,
        reach: reachView(reachOf(graph, routesCutBy(graph, index, ids, ctx.baseline))),
        hazards: [...hz].sort().map(hazardRef),
      };
    })
    .sort(byId);
  const servicesView: ServiceView[] = register.services.map((svc) => {
    const routes = graph.routes.map((r, i) => ({ r, i })).filter(({ r }) => r.service === svc.id);
    const reach = reachOf(graph, routes.map(({ i }) => i));
    return {
      ...refOf(svc, slugs.services),
      ...(svc.description ? { description: svc.description } : {}),
      sites: reach.sites.length,
      patients: reach.patients,
      failurePoints: analysis.assets
        .map((imp) => ({ imp, s: imp.reach.byService.find((b) => b.service === svc.id) }))
        .filter((x) => x.s !== undefined)
        .map(({ imp, s }) => ({ asset: assetRef(imp.id), sites: s!.sites, patients: s!.patients }))
        .sort((x, y) => y.patients - x.patients || byId(x.asset, y.asset))
        .slice(0, 100),
      hazards: register.hazards.filter((h) => (h.services ?? []).includes(svc.id)).map(hazardRefOf).sort(byId),
    };
  });

  // --- Incidents, matrices, profile.
  const incidents: IncidentView[] = [...register.incidents]
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : byId(a, b)))
    .map((i) => ({
      ...refOf(i, slugs.incidents),
      title: i.title,
      ...(i.description ? { description: i.description } : {}),
      start: i.start,
      ...(i.end ? { end: i.end } : {}),
      days: i.end ? Math.round((Date.parse(i.end) - Date.parse(i.start)) / 86_400_000) + 1 : 1,
      assets: (i.assets ?? []).map(assetRef),
      sites: (i.sites ?? []).map(siteRef),
      hazards: (i.hazards ?? []).map(hazardRef),
      ...(i.reference ? { reference: i.reference } : {}),
      ...(i.harm ? { harm: i.harm } : {}),
    }));
  const matrix = (which: 'initial' | 'residual'): MatrixView => ({
    severities: scheme.severities.map((s) => s.level),
    rows: [...scheme.likelihoods.keys()].reverse().map((li) => ({
      likelihood: scheme.likelihoods[li]!.level,
      cells: scheme.severities.map((sv, si) => {
        const rating = scheme.matrix[li]?.[si] ?? 0;
        const meaning = scheme.ratings.find((r) => r.rating === rating);
        return {
          severity: sv.level,
          rating,
          label: meaning?.label ?? '',
          acceptability: meaning?.acceptability ?? 'unacceptable',
          hazards: hazards.filter((h) => h[which].cell?.likelihood === li && h[which].cell?.severity === si).map((h) => ({ id: h.id, slug: h.slug, name: h.name })),
        };
      }),
    })),
  });
  const ratings = [...new Set(scheme.ratings.map((r) => r.rating))].sort((a, b) => a - b);

  const m = register.manifest;
  const practices = graph.sites.filter((s) => s.type === 'practice');
  return {
    meta: {
      id: m?.id ?? 'register',
      title: m?.title ?? 'Register',
      version: m?.version ?? '',
      ...(m ? { organisation: orgRef(m.organisation) } : {}),
      asOf,
      ...(m?.scope ? { scope: m.scope } : {}),
      ...(m?.lifecyclePhase ? { lifecyclePhase: m.lifecyclePhase } : {}),
      ...(m?.approved ? { approved: m.approved } : {}),
      ...(m ? { cso: { name: m.cso.name, registration: `${m.cso.registration.body} ${m.cso.registration.number}`, ...(m.cso.organisation ? { organisation: orgRef(m.cso.organisation) } : {}) } } : {}),
      scheme: { name: scheme.name, isDefault: register.schemeIsDefault, likelihoods: [...scheme.likelihoods], severities: [...scheme.severities], ratings: [...scheme.ratings] },
      tool: options.tool,
    },
    counts: {
      practices: practices.length,
      sites: graph.sites.length,
      pcns: pcns.length,
      patients: practices.reduce((n, s) => n + s.patients, 0),
      services: register.services.length,
      assets: graph.assets.length,
      sharedAssets: graph.assets.filter((a) => !a.site).length,
      hazards: register.hazards.length,
      openHazards: register.hazards.filter((h) => h.status !== 'closed').length,
      controls: register.controls.length,
      incidents: register.incidents.length,
      acceptances: register.acceptances.length,
      findings: analysis.findings.length,
    },
    riskProfile: ratings.map((rating) => ({
      rating,
      label: scheme.ratings.find((r) => r.rating === rating)?.label ?? '',
      initial: hazards.filter((h) => h.initial.rating === rating).length,
      residual: hazards.filter((h) => h.residual.rating === rating).length,
    })),
    matrices: { initial: matrix('initial'), residual: matrix('residual') },
    hazards: hazards.sort(byId),
    controls: register.controls.map((c) => controlView(c)).sort(byId),
    acceptances: register.acceptances.map(acceptanceView).sort(byId),
    assets: assets.sort(byId),
    sites: sites.sort(byId),
    pcns: pcns.map(({ indices: _i, ...p }) => p),
    suppliers,
    services: servicesView.sort(byId),
    incidents,
    findings,
    overdueReviews: hazards.filter((h) => h.reviewOverdue).map((h) => ({ hazard: { id: h.id, slug: h.slug, name: h.name }, due: h.reviewDue })),
    expiredEvidence: register.controls
      .filter((c) => (c.evidence ?? []).length && (c.evidence ?? []).every((e) => e.expires !== undefined && e.expires < asOf))
      .map((c) => ({ control: refOf(c, slugs.controls), expired: [...(c.evidence ?? [])].map((e) => e.expires!).sort().at(-1)! }))
      .sort((a, b) => byId(a.control, b.control)),
    overviewGraph: overviewGraph(graph, slugs, pcns.map((p) => ({ id: p.id, name: p.name, slug: p.slug, sites: p.indices })), index.assetsOfRoute, routesOfSite, new Set([...failurePointSet].filter((a) => !graph.assets[a]!.site))),
  };
}

function assetsIn(r: import('../analysis/graph.js').Req): number[] {
  if (r.kind === 'asset') return [r.a];
  if (r.kind === 'never') return [];
  return [...new Set(r.members.flatMap(assetsIn))];
}
