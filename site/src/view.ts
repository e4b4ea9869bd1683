/**
 * What the templates need beyond the report itself: a few derived lists (all sorted, so the
 * output never depends on input order), computed once per build.
 */
import { isSafeSlug, type ControlView, type HazardView, type ReportData, type Ref } from '@crr/core';
import { SECTIONS } from './paths.js';

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A deep copy made only of plain objects, arrays and primitives (class getters would render empty). */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * An invariant, not a check of the register: the core gives every record a safe slug, unique in
 * its section letter case aside (`slugIndex`), so this throws only on a bug or a report not made
 * by `buildReport`. It runs before anything is written, so a bad slug never reaches the disk.
 */
export function checkSlugs(report: ReportData): void {
  const unique = (label: string, records: readonly { id: string; slug: string }[]) => {
    const seen = new Map<string, string>();
    for (const record of records) {
      if (!isSafeSlug(record.slug)) throw new Error(`The ${label} of ${JSON.stringify(record.id)} would be ${JSON.stringify(record.slug)}, which is not a safe path segment.`);
      const folded = record.slug.toLowerCase();
      const other = seen.get(folded);
      if (other !== undefined) throw new Error(`The ${label}s of ${JSON.stringify(other)} and ${JSON.stringify(record.id)} would both be ${JSON.stringify(record.slug)} (letter case aside).`);
      seen.set(folded, record.id);
    }
  };
  for (const key of Object.keys(SECTIONS) as (keyof typeof SECTIONS)[]) unique(`${key} page`, report[key] as Ref[]);
  unique('finding anchor', report.findings);
  unique('control anchor', report.controls);
  unique('incident anchor', report.incidents);
}

export interface ResidualRisk {
  hazard: HazardView;
  /** The controls the residual rating relies on: the constraints the system must be operated within. */
  constraints: ControlView[];
}

export interface SiteExtras {
  /** The hazard log in id order (the report's order, checked). */
  hazards: HazardView[];
  incidents: ReportData['incidents'];
  topFindings: ReportData['findings'];
  findingsByKind: { kind: string; count: number }[];
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
  pcnHazards: Record<string, Ref[]>;
  /** The risk profile, highest rating first. */
  profileHighFirst: ReportData['riskProfile'];
  /** Ratings that some hazard's residual risk has, highest first. */
  residualNonZero: ReportData['riskProfile'];
  coverageGaps: number;
  outstandingActionCount: number;
  /** Rows of the scheme's rating table, highest first. */
  ratingsHighFirst: ReportData['meta']['scheme']['ratings'];
  exportFiles: { name: string; bytes: number }[];
}

const STATUS_ORDER = ['open', 'transferred', 'closed'];
const CONTROL_STATUS_ORDER = ['proposed', 'implemented', 'verified'];

export function siteExtras(report: ReportData, exportFiles: { name: string; bytes: number }[]): SiteExtras {
  const hazards = [...report.hazards].sort(byId);

  const count = <T>(items: T[], key: (t: T) => string, order: string[]) => {
    const counts = new Map<string, number>();
    for (const i of items) counts.set(key(i), (counts.get(key(i)) ?? 0) + 1);
    const keys = [...order.filter((k) => counts.has(k)), ...[...counts.keys()].filter((k) => !order.includes(k)).sort(byText)];
    return keys.map((k) => ({ k, count: counts.get(k)! }));
  };

  const residualRisks = hazards
    .filter((h) => h.residual.rating !== undefined)
    .sort((a, b) => b.residual.rating! - a.residual.rating! || byId(a, b))
    .map((hazard) => ({ hazard, constraints: hazard.controlsByKind.flatMap((g) => g.controls) }));

  const kinds = new Map<string, { label: string; count: number }>();
  for (const c of [...report.controls].sort(byId)) {
    const k = kinds.get(c.kind) ?? { label: c.kindLabel, count: 0 };
    k.count++;
    kinds.set(c.kind, k);
  }
  const kindOrder = ['design', 'test', 'training', 'business-process'];
  const controlsByKind = [...kinds.entries()]
    .sort(([a], [b]) => (kindOrder.indexOf(a) + 100 * Number(!kindOrder.includes(a))) - (kindOrder.indexOf(b) + 100 * Number(!kindOrder.includes(b))) || byText(a, b))
    .map(([kind, v]) => ({ kind, label: v.label, count: v.count }));

  const findingKinds = new Map<string, number>();
  for (const f of report.findings) findingKinds.set(f.kind, (findingKinds.get(f.kind) ?? 0) + 1);

  const pcnHazards: Record<string, Ref[]> = {};
  const sitesById = new Map(report.sites.map((s) => [s.id, s] as const));
  for (const p of report.pcns) {
    const seen = new Map<string, Ref>();
    for (const s of p.sites) for (const h of sitesById.get(s.id)?.hazards ?? []) seen.set(h.id, h);
    pcnHazards[p.id] = [...seen.values()].sort(byId);
  }

  const owners = new Set<string>();
  for (const h of hazards) owners.add(h.owner);

  return {
    hazards,
    incidents: [...report.incidents].sort((a, b) => byText(a.start, b.start) || byId(a, b)),
    topFindings: report.findings.slice(0, 10),
    findingsByKind: [...findingKinds.entries()].map(([kind, c]) => ({ kind, count: c })),
    hazardsByStatus: count(hazards, (h) => h.status, STATUS_ORDER).map(({ k, count: c }) => ({ status: k, count: c })),
    controlsByStatus: count(report.controls, (c) => c.status, CONTROL_STATUS_ORDER).map(({ k, count: c }) => ({ status: k, count: c })),
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
    missingAcceptance: hazards.filter((h) => h.needsAcceptance && h.acceptances.length === 0),
    userControls: [...report.controls].filter((c) => c.kind === 'training' || c.kind === 'business-process').sort(byId),
    owners: [...owners].sort(byText),
    pcnHazards,
    profileHighFirst: [...report.riskProfile].sort((a, b) => b.rating - a.rating),
    residualNonZero: [...report.riskProfile].sort((a, b) => b.rating - a.rating).filter((r) => r.residual > 0),
    coverageGaps: report.findings.filter((f) => f.kind === 'coverage-gap').length,
    outstandingActionCount: hazards.reduce((n, h) => n + h.actions.filter((a) => !a.done).length, 0),
    ratingsHighFirst: [...report.meta.scheme.ratings].sort((a, b) => b.rating - a.rating),
    exportFiles,
  };
}
