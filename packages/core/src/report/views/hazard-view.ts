/** A hazard's page: everything the hazard log and the hazard's own page show of it. */
import { assetPlacesOf } from '../../analysis/asset-places.js';
import { AssetIndex } from '../../analysis/selector-match.js';
import type { Control } from '../../model/control.js';
import { controlKinds } from '../../model/control.js';
import type { Hazard } from '../../model/hazard.js';
import type { Sourced } from '../../model/register.js';
import { needsAcceptance } from '../../rules/acceptance-required.js';
import { needsJustification } from '../../rules/residual-justification.js';
import { proposedControlsUnderResidual } from '../../rules/residual-on-proposed-controls.js';
import { isReviewOverdue, reviewDue, reviewMonths } from '../../rules/review-overdue.js';
import { byId, refOf } from '../refs.js';
import type { CauseReachView, ControlKindView, HazardView, ReachView } from '../report-data.js';
import { acceptanceViews, controlView, KIND_LABELS } from './control-view.js';
import { registerNames } from '../../words/register-names.js';
import { selectorPhrase } from '../../words/selector-phrase.js';
import { ratingView } from './rating-view.js';
import { sortedRefs, type ReportContext } from './report-context.js';

/** What a hazard's status means, in the standards' words. */
export const HAZARD_STATUS_TEXT: Record<string, string> = {
  open: 'Open: actions are outstanding',
  transferred: "Transferred: the manufacturer's actions are done and the deployer's are not; the transferred controls are the deployer's to operate",
  closed: 'Closed: all actions are complete',
};

/** Cause pages list this many assets by name. */
const CAUSE_ASSETS_LISTED = 50;

/** A selector as one line of text: `type=firewall, attributes.vendor=Cisco`. */
function selectorText(select: NonNullable<Hazard['causes'][number]['select']>): string {
  return Object.entries(select)
    .map(([k, v]) => (typeof v === 'string' ? `${k}=${v}` : Object.entries(v).map(([n, p]) => `attributes.${n}=${p}`).join(',')))
    .join(', ');
}

/** The hazard views, in register order (the caller sorts). */
export function hazardViews(rc: ReportContext): HazardView[] {
  const { register, graph, asOf } = rc.ctx;
  const scheme = register.scheme;
  const selector = new AssetIndex(graph.assets, assetPlacesOf(register));
  // Hazards often repeat a cause's selector (one per service, one per PCN): each is matched once.
  const selected = new Map<string, number[]>();
  const select = (s: NonNullable<(typeof register.hazards)[number]['causes'][number]['select']>): number[] => {
    const key = JSON.stringify(s);
    let found = selected.get(key);
    if (!found) selected.set(key, (found = selector.select(s)));
    return found;
  };
  const nameOf = registerNames(register);
  const months = reviewMonths(register);
  const controlsById = new Map(register.controls.map((c) => [c.id, c] as const));
  const assetRef = (a: number) => rc.links.asset(graph.assets[a]!.id);

  return register.hazards.map((h) => {
    const causes = h.causes.map((c) => {
      const picked = new Set<number>();
      for (const id of c.assets ?? []) {
        const a = graph.assetIndex.get(id);
        if (a !== undefined) picked.add(a);
      }
      if (c.select && Object.keys(c.select).length) for (const a of select(c.select)) picked.add(a);
      const assets = [...picked].sort((x, y) => x - y);
      return {
        assets,
        view: {
          description: c.description,
          assets: assets.slice(0, CAUSE_ASSETS_LISTED).map(assetRef),
          ...(c.select ? { selection: selectorPhrase(c.select, nameOf), selector: selectorText(c.select) } : {}),
          assetCount: assets.length,
          moreAssets: Math.max(0, assets.length - CAUSE_ASSETS_LISTED),
          ...(assets.length ? { reach: causeReach(rc.failureReach(assets)) } : {}),
        },
      };
    });
    const all = [...new Set(causes.flatMap((c) => c.assets))].sort((x, y) => x - y);
    const existing = new Set(h.existingControls ?? []);
    const controls = (rc.rel.controlsOfHazard.get(h.id) ?? [])
      .map((id) => controlsById.get(id))
      .filter((c): c is Sourced<Control> => c !== undefined)
      .map((c) => controlView(rc, c, existing.has(c.id) ? 'existing' : 'additional'))
      .sort(byId);
    const byKind = (role: 'existing' | 'additional') =>
      controlKinds
        .map((kind) => ({ kind, label: KIND_LABELS[kind]!, controls: controls.filter((c) => c.role === role && c.kind === kind) }))
        .filter((g) => g.controls.length);
    // The first reason counts: a kind recorded twice is CRR-E075's to report.
    const notApplicable = new Map<string, string>();
    for (const n of h.notApplicable ?? []) if (!notApplicable.has(n.kind)) notApplicable.set(n.kind, n.reason);
    const residual = ratingView(scheme, h.residualRisk);
    // CRR-E043's judgement, worded for the page: why an acceptance is needed and none is recorded.
    const acceptances = acceptanceViews(rc, h.id);
    const lapsed = acceptances.filter((a) => a.lapsed);
    const missingAcceptance =
      needsAcceptance(scheme, h) && acceptances.length === lapsed.length
        ? (residual?.acceptability === 'unacceptable' ? `The residual risk is rated ${residual.rating} (${residual.label}).` : `The hazard is ${h.status}.`) +
          (lapsed.length ? (lapsed.length === 1 ? ' Its acceptance has ended.' : ' Its acceptances have ended.') : '')
        : undefined;
    return {
      ...refOf(h, rc.slugs.hazards),
      title: h.title,
      description: h.description,
      status: h.status,
      statusText: HAZARD_STATUS_TEXT[h.status] ?? h.status,
      owner: h.owner,
      raised: h.raised,
      ...(h.reviewed ? { reviewed: h.reviewed } : {}),
      // A closed hazard is not reviewed again (CRR-W074): it shows its closure instead.
      ...(h.status === 'closed' ? {} : { reviewDue: reviewDue(h, months).due }),
      ...(h.closure ? { closure: { date: h.closure.date, reason: h.closure.reason, ...(h.closure.by ? { by: h.closure.by } : {}) } } : {}),
      reviewOverdue: isReviewOverdue(h, months, asOf),
      services: h.services?.map(rc.links.service) ?? [],
      causes: causes.map((c) => c.view),
      effects: h.effects,
      harms: h.harms,
      initial: ratingView(scheme, h.initialRisk),
      residual,
      ...(h.justification ? { justification: h.justification } : {}),
      needsJustification: needsJustification(scheme, h),
      residualRestsOnProposed: proposedControlsUnderResidual(scheme, h, controlsById).map(rc.links.control),
      existingControls: byKind('existing'),
      additionalControls: byKind('additional'),
      controlKinds: controlKinds.map((kind): ControlKindView => {
        const ofKind = [...controls.filter((c) => c.kind === kind && c.role === 'existing'), ...controls.filter((c) => c.kind === kind && c.role === 'additional')].map((c) => ({ id: c.id, slug: c.slug, name: c.name, role: c.role! }));
        const reason = notApplicable.get(kind);
        const state = ofKind.length ? 'controls' : reason !== undefined ? 'not-applicable' : 'not-considered';
        return { kind, label: KIND_LABELS[kind]!, state, controls: ofKind, ...(state === 'not-applicable' ? { reason: reason! } : {}) };
      }),
      ...(h.transfer ? { transfer: { from: rc.links.organisation(h.transfer.from), date: h.transfer.date, controls: h.transfer.controls.map(rc.links.control), ...(h.transfer.reference ? { reference: h.transfer.reference } : {}) } } : {}),
      actions: (h.actions ?? []).map((a) => ({ description: a.description, owner: a.owner, due: a.due, ...(a.done ? { done: a.done } : {}), overdue: !a.done && a.due < asOf })),
      ...(all.length ? { reach: rc.failureReach(all) } : {}),
      incidents: sortedRefs(rc.rel.incidentsOfHazard.get(h.id) ?? [], rc.links.incident),
      acceptances,
      needsAcceptance: needsAcceptance(scheme, h),
      ...(missingAcceptance ? { missingAcceptance } : {}),
    };
  });
}

/**
 * A cause's reach as its hazard page lists it beside the others: the counts only. The full view
 * (sites, places, services) is shared with every record that fails the same assets, and is kept
 * for the hazard's worst case.
 */
function causeReach(r: ReachView): CauseReachView {
  return { patients: r.patients, sites: r.sites, practices: r.practices, services: r.services };
}
