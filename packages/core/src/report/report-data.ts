/**
 * The report data: everything the published site shows, as plain JSON computed from a register
 * and its analysis. The site (Eleventy + Handlebars) only renders it; nothing here knows HTML.
 * Every list is sorted, so the same register gives the same bytes.
 *
 * Longer than our usual file on purpose: these are only types, one per page kind, and keeping
 * the whole report's shape on one page is what lets a reader see what the site can show.
 */
import type { DocumentControlView } from './views/document-control-view.js';
import type { Acceptability } from '../risk/scheme.js';
import type { Finding } from '../analysis/finding.js';
import type { FindingKindMeta } from '../analysis/finding-kinds.js';
import type { ResidualRisk, SummaryView } from './views/summary-view.js';
import type { StatusAcceptances, StatusCheck, StatusCheckKey, StatusPanel } from './views/status-panel-view.js';
import type { PlaceFinding, PlaceRow, PlaceView } from './views/place-view.js';
import type { FaultCellView, FaultGridView, FaultRowView } from './views/fault-grid-view.js';

export type { FaultCellView, FaultGridView, FaultRowView, ResidualRisk, SummaryView, StatusAcceptances, StatusCheck, StatusCheckKey, StatusPanel, PlaceFinding, PlaceRow, PlaceView };

/** How many sites a page lists by name before it says "and N more". */
export const LISTED = 100;

/**
 * What a failure reaches, for pages: the figures in full, the sites by name up to LISTED.
 * (The analysis JSON has every site; a page for an asset that 6,500 practices depend on does not
 * list them all.)
 */
export interface ReachView {
  pairs: number;
  patients: number;
  practices: number;
  /** Number of sites cut off from at least one service. */
  sites: number;
  pcns: number;
  /** The services cut, by id. */
  services: Ref[];
  byService: { service: Ref; sites: number; patients: number }[];
  siteRefs: Ref[];
  /** Sites not listed in siteRefs. */
  moreSites: number;
  /** The regions reached, largest first, the first PLACES_LISTED (empty when the register has no regions). */
  byRegion: PlaceReachView[];
  /** Regions not listed in byRegion. */
  moreRegions: number;
  /** The same by ICB. */
  byIcb: PlaceReachView[];
  moreIcbs: number;
}

/** What one cause cuts off on its own: the counts of a ReachView, without its lists. */
export interface CauseReachView {
  patients: number;
  sites: number;
  practices: number;
  services: Ref[];
}

/** A reach shows this many regions and ICBs by name; the rest are counted. */
export const PLACES_LISTED = 5;

/** Sites and patients reached in one region or ICB. */
export interface PlaceReachView {
  place: Ref;
  sites: number;
  patients: number;
}

/** A link target: the page of a record. */
export interface Ref {
  id: string;
  /** The record's page folder (or anchor) in its section: a safe path segment, unique letter case aside (see `slugIndex`). */
  slug: string;
  name: string;
}

export interface RatingView {
  severity: string;
  likelihood: string;
  /** Absent when the levels are not the scheme's words (validation says why). */
  rating?: number;
  label?: string;
  acceptability?: Acceptability;
  acceptabilityText?: string;
  /** 0-based cell, lowest first. */
  cell?: { likelihood: number; severity: number };
}

export interface EvidenceView {
  description: string;
  date: string;
  expires?: string;
  reference?: string;
  expired: boolean;
}

export interface ControlView extends Ref {
  kind: string;
  kindLabel: string;
  status: string;
  owner: string;
  description?: string;
  evidence: EvidenceView[];
  /** Every piece of evidence has expired as of the as-of date. */
  evidenceExpired: boolean;
  transferredFrom?: Ref;
  /** On a hazard page: whether this control is existing or additional for that hazard. */
  role?: 'existing' | 'additional';
  hazards: Ref[];
}

/** A hazard's controls of one kind. */
export interface ControlGroupView {
  kind: string;
  label: string;
  controls: ControlView[];
}

/**
 * How one kind of control stands on a hazard, so a reviewer sees every kind was considered:
 * `controls` (it has some, existing first), `not-applicable` (considered and ruled out, with the
 * reason), or `not-considered`. A kind with controls that is also recorded as not applicable is
 * CRR-E075; the page shows the controls.
 */
export interface ControlKindView {
  kind: string;
  label: string;
  state: 'controls' | 'not-applicable' | 'not-considered';
  controls: (Ref & { role: 'existing' | 'additional' })[];
  reason?: string;
}

export interface HazardView extends Ref {
  title: string;
  description: string;
  status: string;
  /** What the status means, in words. */
  statusText: string;
  owner: string;
  raised: string;
  reviewed?: string;
  /** When it is next reviewed; absent for a closed hazard, which is not reviewed again. */
  reviewDue?: string;
  reviewOverdue: boolean;
  /** When and why it was closed (a closed hazard without one is CRR-E073). */
  closure?: { date: string; reason: string; by?: string };
  services: Ref[];
  /**
   * Each cause's assets, the first few by name; `moreAssets` not listed. A cause that selects assets
   * has `selection`, what it selects as words ("every firewall running ASA 9.16"), and `selector`,
   * the same as `key=value` for the small print. `reach` is what the cause's assets cut off if they
   * failed on their own; absent for a cause that names no asset (a software or process cause).
   */
  causes: { description: string; assets: Ref[]; selection?: string; selector?: string; assetCount: number; moreAssets: number; reach?: CauseReachView }[];
  effects: string[];
  harms: string[];
  initial: RatingView;
  residual: RatingView;
  justification?: string;
  /** The residual rating is accepted only with a justification, and there is none (CRR-E042). */
  needsJustification: boolean;
  /** The additional controls a residual below the initial rests on that are only proposed (CRR-W070): until they are in place, patients carry the initial risk. */
  residualRestsOnProposed: Ref[];
  /** Controls in place before the assessment, which shape the initial risk: by kind, in the standards' order (design first). */
  existingControls: ControlGroupView[];
  /** Controls added to bring the initial risk down to the residual: by kind, in the same order. A control listed as both is existing. */
  additionalControls: ControlGroupView[];
  /** Each of the standards' four kinds, in their order: whether the hazard has controls of it, records it as not applicable, or neither. */
  controlKinds: ControlKindView[];
  transfer?: { from: Ref; date: string; controls: Ref[]; reference?: string };
  actions: { description: string; owner: string; due: string; done?: string; overdue: boolean }[];
  /**
   * The worst case: what the hazard's causes cut if they all happened at once (a what-if of all
   * their assets). Each cause's own reach is on the cause. Absent when no cause names an asset: a
   * hazard of software or process has no infrastructure reach to show.
   */
  reach?: ReachView;
  incidents: Ref[];
  acceptances: AcceptanceView[];
  /** Needs a recorded acceptance (unacceptable residual, or transferred). */
  needsAcceptance: boolean;
  /** Present when an acceptance is needed and none is recorded (CRR-E043): why, in one sentence. */
  missingAcceptance?: string;
}

export interface AcceptanceView extends Ref {
  hazard: Ref;
  acceptedBy: string;
  role: string;
  organisation?: Ref;
  date: string;
  /** The last day it holds (absent: until the hazard changes). */
  until?: string;
  conditions?: string[];
  /** Its `until` day has passed: the hazard's residual risk is unaccepted again (CRR-E043). */
  lapsed: boolean;
  /** It still holds but ends within the register's notice period (CRR-W071). */
  endingSoon: boolean;
  statement?: string;
  residual?: RatingView;
}

export interface MatrixView {
  /** Rows highest likelihood first, as printed; columns lowest severity first. */
  rows: { likelihood: string; cells: { severity: string; rating: number; label: string; acceptability: Acceptability; hazards: Ref[] }[] }[];
  severities: string[];
}

/** One edge of a dependency diagram, and its text alternative. */
export interface GraphEdge {
  from: string;
  to: string;
  /** "needs", "any one of", "at least 2 of"… */
  relation: string;
}

export interface GraphNode {
  id: string;
  label: string;
  kind: 'site' | 'asset' | 'group' | 'service' | 'pcn' | 'more';
  /** A failure point in this diagram's scope. */
  failurePoint: boolean;
  /** Page of the node, when it has one. */
  slug?: string;
  section?: 'assets' | 'sites' | 'services' | 'pcns' | 'regions' | 'icbs';
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Whether nodes or edges were left out to keep the diagram readable and within limits. */
  truncated: boolean;
  /** What was rolled up or left out, in words ("6,253 practices shown as their 42 ICBs; …"). */
  note?: string;
  /** Where the rest is listed: a page of the site, relative to its root. */
  noteHref?: string;
  /** How it reads best: top-down for a deep, narrow graph (a site's routes), left to right otherwise. */
  direction?: 'LR' | 'TD';
}

export interface AssetView extends Ref {
  type: string;
  site?: Ref;
  attributes: { label: string; value: string; ref?: Ref & { section: string } }[];
  /** Present for a capacity-limited asset: its load, headroom and N-1 verdict (the capacity page's row). */
  capacity?: CapacityView;
  needs: { text: string; assets: Ref[] }[];
  neededBy: Ref[];
  /** Sites whose routes reach it, and for which services. */
  usedBy: { sites: number; services: Ref[] };
  reach: ReachView;
  failurePointFor: { site: Ref; services: Ref[] }[];
  /** Sites it is a failure point for beyond those listed. */
  moreFailurePointSites: number;
  /** Sites it is a failure point for, listed or not. */
  failurePointSiteCount: number;
  /** Common-cause and redundancy-defeated findings naming it; `slug` is the finding's anchor. */
  commonCauses: { id: string; title: string; slug: string }[];
  hazards: Ref[];
  moreHazards: number;
  /** Hazards naming it, listed or not. */
  hazardCount: number;
  /** Incidents that name it, by id; `start` is the incident's first day. */
  incidents: (Ref & { start: string })[];
  graph: Graph;
}

/**
 * Where a capacity-limited asset stands, worst first: over its limit at peak; within it, but over
 * it if one other asset fails (N-1); at or above the warning threshold (`policy.capacityWarning`);
 * or within all three.
 */
export type CapacityStatus = 'over' | 'n-1-shortfall' | 'unknown' | 'warning' | 'ok';

/** A link to a finding on the findings page (`slug` is its anchor). */
export interface FindingRef {
  id: string;
  title: string;
  slug: string;
}

/** A capacity-limited asset's load against its limit, at peak and after the worst single failure. */
export interface CapacityView {
  asset: Ref;
  limit: number;
  unit: string;
  /** Peak demand of the sites it carries with nothing failed (a lower bound when `unmeasured`). */
  load: number;
  /** load / limit, unrounded. */
  utilisation: number;
  /** As a percentage, never rounded across the warning threshold: `96%`. */
  utilisationText: string;
  /** limit − load; negative when over. */
  headroom: number;
  /** Sites it carries at peak. */
  sites: number;
  /** Sites it carries whose demand gives no figure in its unit (CRR-E061): `load` is then "at least". */
  unmeasured?: number;
  /** The warning threshold as a fraction of the limit (the policy's percentage / 100). */
  warningAt: number;
  /**
   * The most it would carry if one other capacity-limited asset fails (N-1), and which failure
   * that is. `shortfall` (load − limit) is present only when that is more than it can carry.
   */
  worstNMinusOne?: { failed: Ref; load: number; utilisation: number; headroom: number; shortfall?: number; finding?: FindingRef };
  /** The worst single failure in a sentence with the figures, ids in backticks. */
  nMinusOneVerdict: string;
  /** What its own failure overloads (its redundancy partners), most shortfall first. */
  ifItFails: { asset: Ref; load: number; limit: number; unit: string; shortfall: number }[];
  status: CapacityStatus;
  /** "Over capacity", "N-1 shortfall", "Warning", "OK". */
  statusLabel: string;
  /** The status in a sentence with its figures. */
  statusText: string;
  /** Its capacity finding (`capacity:<id>`) and the N-1 findings (`capacity-n-1:<failed>`) that name it or its own failure. */
  findings: FindingRef[];
}

/** One of the outcomes of a scenario, by clinical service: what is cut and what is degraded. */
export interface ScenarioServiceRow {
  service: Ref;
  cutSites: number;
  cutPatients: number;
  degradedSites: number;
  degradedPatients: number;
}

/** A named scenario of the register, evaluated: what fails, the three outcomes, overloads and tolerance. */
export interface ScenarioView extends Ref {
  title: string;
  reason: string;
  notes?: string;
  /** What fails: each id named, then the selector, with the assets each picked (the first LISTED). */
  failed: { spec: string; selector: boolean; /** What fails, in words: the asset's name, or what the selector picks ("every firewall running ASA 9.16"). */ words: string; assets: Ref[]; assetCount: number; moreAssets: number }[];
  /** Distinct assets that fail. */
  failedCount: number;
  /** Pairs that no longer work. */
  cut: ReachView;
  /** Pairs still working but degraded: through an overloaded asset at peak, or with no redundancy left. */
  degraded: ReachView;
  up: { pairs: number; sites: number };
  /** Cut and degraded, by clinical service. */
  byService: ScenarioServiceRow[];
  /** Assets over their limit at peak in this scenario, most shortfall first. */
  overloaded: { asset: Ref; unit: string; limit: number; before: number; load: number; shortfall: number; unmeasured?: number; sites: number; patients: number }[];
  /** Each ceiling of its tolerance, in `toleranceMeasures` order, with what the scenario does. */
  tolerance: { measure: string; label: string; limit: number; actual: number; exceeded: boolean }[];
  /** 'none' when the register gives no tolerance. */
  verdict: 'within' | 'exceeded' | 'none';
  /** The `scenario:<id>` finding, present when it goes past its tolerance. */
  finding?: FindingRef;
  /** Hazards with a cause naming every asset that fails. */
  hazards: Ref[];
}

/** One step of a route: an asset, a group or a missing thing, with what it groups. */
export interface RouteNode {
  /** As the text alternative words it: `VPN A (vpn-a)`, `any one of (VPN pair):`. */
  text: string;
  /** The asset's page, when the step is an asset with one. */
  assetSlug?: string;
  /** The step is an asset whose failure alone cuts the site off this service. */
  failurePoint: boolean;
  children: RouteNode[];
}

export interface RouteView {
  service: Ref;
  /** The requirement tree, for people and screen readers. */
  tree: RouteNode[];
  failurePoints: Ref[];
}

export interface SiteView extends Ref {
  type: string;
  ods?: string;
  pcn?: Ref;
  patients: number;
  profile?: string;
  routes: RouteView[];
  /** Distinct failure points over all its routes. */
  failurePointCount: number;
  /** Hazards whose causes name an asset on the site's routes, or that name the site. */
  hazards: Ref[];
  moreHazards: number;
  hazardCount: number;
  incidents: Ref[];
  graph: Graph;
}

export interface SupplierView extends Ref {
  type: string;
  safetyCase?: string;
  /** Assets it supplies, carries, makes or hosts. */
  assets: { asset: Ref; how: string }[];
  assetCount: number;
  /** Assets not listed. */
  moreAssets: number;
  /** Everything that depends on it: what its assets failing together cut. */
  reach: ReachView;
  hazards: Ref[];
}

export interface ServiceView extends Ref {
  description?: string;
  sites: number;
  patients: number;
  /** Assets whose failure alone cuts some sites off this service, most patients first. */
  failurePoints: { asset: Ref; sites: number; patients: number }[];
  hazards: Ref[];
}

export interface IncidentView extends Ref {
  title: string;
  description?: string;
  start: string;
  end?: string;
  days: number;
  assets: Ref[];
  sites: Ref[];
  hazards: Ref[];
  reference?: string;
  harm?: string;
}

export interface FindingView extends Omit<Finding, 'reach'> {
  reach: ReachView;
  /** The finding's anchor on the findings page, unique among the findings (see `findingSlug`). */
  slug: string;
  /** Its place in the list, from 1. */
  rank: number;
  /** The suggested hazard's services (`suggestion.services`), as links. */
  suggestionServices?: Ref[];
  kindLabel: FindingKindMeta['label'];
  colour: FindingKindMeta['colour'];
  assetRefs: Ref[];
  hazardRefs: Ref[];
  /** A `scenario-tolerance` finding's scenario page. */
  scenario?: Ref;
}

export interface PcnView extends Ref {
  sites: (Ref & { type: string; patients: number; hazardCount: number })[];
  patients: number;
  /** Hazards listed on its sites' pages, by id. */
  hazards: Ref[];
  /** The ICB and region it sits in (see `placesOf`), when the register says. */
  icb?: Ref;
  region?: Ref;
}

export interface StandardView {
  code: 'DCB0129' | 'DCB0160';
  /** The standard's full title. */
  title: string;
  /** Who keeps a register under it: "manufacturer" or "deploying organisation". */
  owner: string;
}

export interface ReportData {
  meta: {
    id: string;
    title: string;
    version: string;
    organisation?: Ref;
    asOf: string;
    /** The standard the register is kept under, with the words its safety case uses for it. */
    standard: StandardView;
    /** Whether the register models any infrastructure (assets or sites); a manufacturer's log of its software may model none, and its pages then leave infrastructure out. */
    describesInfrastructure: boolean;
    purpose?: string;
    scope?: string;
    intendedUse?: string;
    users?: { role: string; count?: number; use?: string }[];
    assessment?: { name: string; role: string }[];
    /** The CSO's own summary safety statement. */
    safetyStatement?: string;
    /** The scheme's words for severity and likelihood, lower case ("consequence"): the defaults when the register names none. */
    terms: { severity: string; likelihood: string };
    lifecyclePhase?: string;
    /** When this content was approved: the approval in force's date while the register is its content (else absent), or the older `approved` date. */
    approved?: string;
    cso?: { name: string; registration: string; organisation?: Ref };
    /** The register's content fingerprint (see content-fingerprint.ts): printed on every page for document control. */
    fingerprint: string;
    scheme: { name: string; isDefault: boolean; likelihoods: { level: string; description: string }[]; severities: { level: string; description: string }[]; ratings: { rating: number; label: string; acceptability: Acceptability; acceptabilityLabel: string; text: string }[] };
    tool: string;
  };
  counts: { practices: number; sites: number; pcns: number; patients: number; services: number; assets: number; sharedAssets: number; hazards: number; openHazards: number; controls: number; incidents: number; acceptances: number; findings: number; /** Findings whose cause no hazard names, or names for some sites only. */ coverageGaps: number };
  /** Count of hazards by rating, 1 to the scheme's highest. */
  riskProfile: { rating: number; label: string; initial: number; residual: number }[];
  matrices: { initial: MatrixView; residual: MatrixView };
  hazards: HazardView[];
  controls: ControlView[];
  acceptances: AcceptanceView[];
  assets: AssetView[];
  sites: SiteView[];
  pcns: PcnView[];
  /** NHS England regions and ICBs that have sites, by name: a page each (empty when the register names none). */
  regions: PlaceView[];
  icbs: PlaceView[];
  suppliers: SupplierView[];
  services: ServiceView[];
  incidents: IncidentView[];
  findings: FindingView[];
  /** Every capacity-limited asset, worst status first, and the warning threshold (a fraction). */
  capacity: { warningAt: number; assets: CapacityView[] };
  /** The register's named scenarios, evaluated, by id. */
  scenarios: ScenarioView[];
  overdueReviews: { hazard: Ref; due: string }[];
  /** Controls whose evidence has all expired (CRR-W046), with the hazards that rely on them. */
  expiredEvidence: { control: Ref; expired: string; hazards: Ref[] }[];
  /** Hazard identification from the fault catalogue: asset types by their known faults, each covered, not applicable or a gap. */
  faults: FaultGridView;
  /** Diagram of the whole register rolled up to PCNs and shared assets. */
  overviewGraph: Graph;
  /** The overview and safety-case pages' lists and counts. */
  summary: SummaryView;
  /** The version approved, whether the register is still its content, what changed, and the version history. */
  documentControl: DocumentControlView;
}
