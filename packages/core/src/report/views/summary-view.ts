/**
 * The overview and safety-case pages: the register summarised. Lists are sorted (hazards and
 * controls by id), and statuses and kinds follow the standards' order, so the output never
 * depends on input order.
 */
import { findingKinds as kindOrder } from '../../analysis/finding.js';
import { controlKinds, controlStatuses } from '../../model/control.js';
import { hazardStatuses } from '../../model/hazard.js';
import { byId } from '../refs.js';
import type { ControlView, HazardView, ReportData, Ref } from '../report-data.js';
import { statusPanelView, type StatusPanel } from './status-panel-view.js';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const kindIndex = (k: string) => (kindOrder as readonly string[]).indexOf(k);

export interface ResidualRisk {
  hazard: HazardView;
  /** The controls the residual rating relies on: the constraints the system must be operated within. */
  constraints: ControlView[];
}

export interface SummaryView {
  /** The overview's first section: each check a reviewer makes first, counted, with where its list is. */
  status: StatusPanel;
  /** The hazard log in id order (the report's order, checked). */
  hazards: HazardView[];
  incidents: ReportData['incidents'];
  topFindings: ReportData['findings'];
  findingsByKind: { kind: string; label: string; count: number }[];
  /** Hazards by status, in the standards' order. */
  hazardsByStatus: { status: string; count: number }[];
  controlsByStatus: { status: string; count: number }[];
  controlsByKind: { kind: string; label: string; count: number }[];
  sharedAssets: ReportData['assets'];
  localAssets: ReportData['assets'];
  /** Residual risks, highest rating first, with the controls they rely on. */
  residualRisks: ResidualRisk[];
  transferred: HazardView[];
  /** Hazards with actions not done, and those actions. */
  outstandingActions: { hazard: Ref; owner: string; actions: HazardView['actions'] }[];
  /** Controls the hazards rely on that are not yet verified: tests and checks still to do. */
  unverifiedControls: ControlView[];
  /** Controls with expired evidence. */
  expiredControls: ControlView[];
  /** Hazards whose residual risk is not acceptable as it stands. */
  unacceptableResidual: HazardView[];
  /** Hazards that need an acceptance and have none. */
  missingAcceptance: HazardView[];
  /** Controls the users and commissioners operate (training and business process). */
  userControls: ControlView[];
  owners: string[];
  /** The risk profile, highest rating first. */
  profileHighFirst: ReportData['riskProfile'];
  /** Ratings that some hazard's residual risk has, highest first. */
  residualNonZero: ReportData['riskProfile'];
  coverageGaps: number;
  outstandingActionCount: number;
  /** Rows of the scheme's rating table, highest first. */
  ratingsHighFirst: ReportData['meta']['scheme']['ratings'];
}

/** `report` is the report without its summary: the summary is computed from the page views. */
export function summaryView(report: Omit<ReportData, 'summary'>): SummaryView {
  const hazards = [...report.hazards].sort(byId);

  const count = <T>(items: T[], key: (t: T) => string, order: readonly string[]) => {
    const counts = new Map<string, number>();
    for (const i of items) counts.set(key(i), (counts.get(key(i)) ?? 0) + 1);
    const keys = [...order.filter((k) => counts.has(k)), ...[...counts.keys()].filter((k) => !order.includes(k)).sort(byText)];
    return keys.map((k) => ({ k, count: counts.get(k)! }));
  };

  const residualRisks = hazards
    .filter((h) => h.residual.rating !== undefined)
    .sort((a, b) => b.residual.rating! - a.residual.rating! || byId(a, b))
    .map((hazard) => ({ hazard, constraints: [...hazard.existingControls, ...hazard.additionalControls].flatMap((g) => g.controls) }));

  const kinds = new Map<string, { label: string; count: number }>();
  for (const c of [...report.controls].sort(byId)) {
    const k = kinds.get(c.kind) ?? { label: c.kindLabel, count: 0 };
    k.count++;
    kinds.set(c.kind, k);
  }
  const kindOrder: readonly string[] = controlKinds;
  const controlsByKind = [...kinds.entries()]
    .sort(([a], [b]) => (kindOrder.indexOf(a) + 100 * Number(!kindOrder.includes(a))) - (kindOrder.indexOf(b) + 100 * Number(!kindOrder.includes(b))) || byText(a, b))
    .map(([kind, v]) => ({ kind, label: v.label, count: v.count }));

  const findingKinds = new Map<string, { label: string; count: number }>();
  for (const f of report.findings) findingKinds.set(f.kind, { label: f.kindLabel, count: (findingKinds.get(f.kind)?.count ?? 0) + 1 });

  const owners = new Set<string>();
  for (const h of hazards) owners.add(h.owner);

  return {
    status: statusPanelView(report, report.meta.describesInfrastructure),
    hazards,
    incidents: [...report.incidents].sort((a, b) => byText(a.start, b.start) || byId(a, b)),
    // The analysis's ranking order (findings arrive ranked): never re-sorted here.
    topFindings: report.findings.slice(0, 10),
    // In the kinds' own order, as everywhere else, not in the order the ranking first meets them.
    findingsByKind: [...findingKinds.entries()].sort(([a], [b]) => kindIndex(a) - kindIndex(b)).map(([kind, c]) => ({ kind, ...c })),
    hazardsByStatus: count(hazards, (h) => h.status, hazardStatuses).map(({ k, count: c }) => ({ status: k, count: c })),
    controlsByStatus: count(report.controls, (c) => c.status, controlStatuses).map(({ k, count: c }) => ({ status: k, count: c })),
    controlsByKind,
    sharedAssets: report.assets.filter((a) => !a.site),
    localAssets: report.assets.filter((a) => a.site),
    residualRisks,
    transferred: hazards.filter((h) => h.status === 'transferred' || h.transfer),
    outstandingActions: hazards
      .map((h) => ({ hazard: { id: h.id, slug: h.slug, name: h.name }, owner: h.owner, actions: h.actions.filter((a) => !a.done) }))
      .filter((x) => x.actions.length > 0),
    unverifiedControls: [...report.controls].filter((c) => c.status !== 'verified').sort(byId),
    expiredControls: [...report.controls].filter((c) => c.evidenceExpired || c.evidence.some((e) => e.expired)).sort(byId),
    unacceptableResidual: hazards.filter((h) => h.residual.acceptability === 'unacceptable'),
    missingAcceptance: hazards.filter((h) => h.missingAcceptance !== undefined),
    userControls: [...report.controls].filter((c) => c.kind === 'training' || c.kind === 'business-process').sort(byId),
    owners: [...owners].sort(byText),
    profileHighFirst: [...report.riskProfile].sort((a, b) => b.rating - a.rating),
    residualNonZero: [...report.riskProfile].sort((a, b) => b.rating - a.rating).filter((r) => r.residual > 0),
    coverageGaps: report.counts.coverageGaps,
    outstandingActionCount: hazards.reduce((n, h) => n + h.actions.filter((a) => !a.done).length, 0),
    ratingsHighFirst: [...report.meta.scheme.ratings].sort((a, b) => b.rating - a.rating),
  };
}
