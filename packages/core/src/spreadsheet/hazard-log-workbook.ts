/**
 * The hazard log as a workbook model: sheets of header and rows of cell values, with style
 * intents (a rating cell is coloured by its acceptability, a level cell gets the scheme's levels
 * as a drop-down). Pure: the XLSX and CSV writers at the CLI's edge turn this into bytes.
 *
 * Every text cell is already neutralised against formula injection (`neutraliseFormula`), so
 * both writers write exactly these values; every cell longer than Excel's limit is listed in
 * `tooLong`, for the caller to refuse (nothing is ever truncated).
 */
import type { Analysis } from '../analysis/analyse.js';
import { placesOf } from '../analysis/places.js';
import type { Finding } from '../analysis/finding.js';
import { controlKinds, controlStatuses } from '../model/control.js';
import { hazardStatuses } from '../model/hazard.js';
import type { Register } from '../model/register.js';
import { rate } from '../risk/rating.js';
import type { Acceptability } from '../risk/scheme.js';
import { byId } from '../report/refs.js';
import {
  EXCEL_CELL_LIMIT,
  HAZARDS_SHEET,
  encodeItem,
  encodeList,
  hazardLogColumns,
  hazardLogContext,
  neutraliseFormula,
  type CellIntent,
  type CellValue,
} from './hazard-log-columns.js';

/** How a cell is shown: the hazard-log intents, and the drop-downs of the Controls sheet. */
export type SheetIntent = CellIntent | 'control-kind' | 'control-status' | 'number';

export interface SheetColumn {
  header: string;
  description: string;
  intent: SheetIntent;
  /** Width in characters. */
  width: number;
}

export interface Sheet {
  /** The sheet's name in the workbook; `file` is its CSV file's name. */
  name: string;
  file: string;
  columns: SheetColumn[];
  /** One array per row, one value per column; text already neutralised. */
  rows: CellValue[][];
}

/** A cell longer than Excel keeps: where it is and how long. */
export interface CellTooLong {
  sheet: string;
  /** 1-based row in the sheet, the header being row 1. */
  row: number;
  column: string;
  /** The record the row is about. */
  record: string;
  length: number;
}

export interface HazardLogWorkbook {
  title: string;
  /** The date the workbook's properties and zip entries carry, for identical bytes. */
  asOf: string;
  sheets: Sheet[];
  /** Each rating of the scheme: how its cells are coloured. */
  ratings: { rating: number; label: string; acceptability: Acceptability }[];
  /** The values each drop-down offers. */
  lists: Record<'severity' | 'likelihood' | 'hazard-status' | 'control-kind' | 'control-status', string[]>;
  tooLong: CellTooLong[];
}

/** The CSV file names, in sheet order, for the site's data page and the docs. */
export const sheetFiles = ['hazards.csv', 'controls.csv', 'incidents.csv', 'acceptances.csv', 'assets.csv', 'sites.csv', 'findings.csv'] as const;

/** A list cell names at most this many items; a longer list ends with a line saying how many more. */
export const LIST_LIMIT = 200;

const col = (header: string, width: number, description: string, intent: SheetIntent = 'text'): SheetColumn => ({ header, width, description, intent });

/** A long list, shown in part with a line saying so (only the analysis' lists can be this long). */
function capped(items: readonly string[], more: string): string | undefined {
  if (items.length <= LIST_LIMIT) return encodeList(items);
  return encodeList([...items.slice(0, LIST_LIMIT), `… and ${(items.length - LIST_LIMIT).toLocaleString('en-GB')} more ${more}`]);
}

export interface WorkbookOptions {
  asOf: string;
}

/** Records by id, as the site lists them, whatever order the register's files hold them in. */
function inIdOrder<T extends { id: string }>(records: readonly T[]): T[] {
  return [...records].sort(byId);
}

export function hazardLogWorkbook(register: Register, analysis: Pick<Analysis, 'findings'>, options: WorkbookOptions): HazardLogWorkbook {
  const { scheme } = register;
  const ctx = hazardLogContext(scheme, register.controls, register.acceptances);
  const orgs = new Map<string, Register['organisations'][number]>();
  for (const o of register.organisations) if (!orgs.has(o.id)) orgs.set(o.id, o);
  const orgName = (id: string | undefined) => (id === undefined ? undefined : (orgs.get(id)?.name ?? id));
  // An acceptance's organisation is a reference the importer must restore: the name for the
  // reader, the id in brackets for the way back (`NHS Kent and Medway ICB (org-icb)`).
  const orgReference = (id: string | undefined) => (id === undefined ? undefined : orgName(id) === id ? id : `${orgName(id)} (${id})`);

  const sheets: Sheet[] = [];

  // --- Hazards: the columns module, in full.
  sheets.push({
    name: HAZARDS_SHEET,
    file: 'hazards.csv',
    columns: hazardLogColumns.map((c) => col(c.header, c.width, c.description, c.intent)),
    rows: inIdOrder(register.hazards).map((h) => hazardLogColumns.map((c) => c.write(h, ctx))),
  });

  // --- Controls, with the hazards that use them.
  const usedBy = new Map<string, string[]>();
  const use = (id: string, line: string) => {
    const list = usedBy.get(id) ?? [];
    list.push(line);
    usedBy.set(id, list);
  };
  for (const h of inIdOrder(register.hazards)) {
    for (const c of h.existingControls ?? []) use(c, `${h.id} (existing)`);
    for (const c of h.additionalControls ?? []) use(c, `${h.id} (additional)`);
    for (const c of h.transfer?.controls ?? []) use(c, `${h.id} (transferred)`);
  }
  sheets.push({
    name: 'Controls',
    file: 'controls.csv',
    columns: [
      col('Control ID', 14, 'The control\'s stable id.', 'id'),
      col('Control name', 40, 'Name.'),
      col('Kind', 16, `${controlKinds.join(', ')}.`, 'control-kind'),
      col('Status', 14, `${controlStatuses.join(', ')}.`, 'control-status'),
      col('Owner', 20, 'Who owns the control.'),
      col('Description', 50, 'What the control does.'),
      col('Evidence', 50, 'One per line: what shows it works, then `[date: …; expires: …; reference: …]`.'),
      col('Transferred from', 16, 'Organisation the control came from with a transferred hazard.'),
      col('Hazards', 24, 'The hazards that use it, one per line, and how.'),
    ],
    rows: inIdOrder(register.controls).map((c) => [
      c.id,
      c.title,
      c.kind,
      c.status,
      c.owner,
      c.description,
      encodeList(
        c.evidence?.map((e) =>
          encodeItem(e.description, [['date', e.date], ...(e.expires ? ([['expires', e.expires]] as const) : []), ...(e.reference ? ([['reference', e.reference]] as const) : [])]),
        ),
      ),
      c.transferredFrom,
      encodeList(usedBy.get(c.id)),
    ]),
  });

  // --- Incidents.
  sheets.push({
    name: 'Incidents',
    file: 'incidents.csv',
    columns: [
      col('Incident ID', 14, 'The incident\'s stable id.', 'id'),
      col('Title', 40, 'What happened, in a line.'),
      col('Description', 50, 'What happened.'),
      col('Start', 12, 'First day (YYYY-MM-DD).', 'date'),
      col('End', 12, 'Last day (YYYY-MM-DD).', 'date'),
      col('Assets', 24, 'Assets involved, one per line.'),
      col('Sites', 16, 'Sites touched, one per line.'),
      col('Hazards', 16, 'Hazards it realised, one per line.'),
      col('Reference', 20, 'External reference.'),
      col('Harm', 30, 'Harm that occurred, if any.'),
    ],
    rows: inIdOrder(register.incidents).map((i) => [i.id, i.title, i.description, i.start, i.end, encodeList(i.assets), encodeList(i.sites), encodeList(i.hazards), i.reference, i.harm]),
  });

  // --- Acceptances.
  sheets.push({
    name: 'Acceptances',
    file: 'acceptances.csv',
    columns: [
      col('Acceptance ID', 14, 'The acceptance\'s stable id.', 'id'),
      col('Hazard ID', 12, 'The hazard whose residual risk was accepted.'),
      col('Accepted by', 24, 'Who accepted it.'),
      col('Role', 24, 'Their role.'),
      col('Organisation', 24, 'The organisation they accepted it for: its name, and its id in brackets.'),
      col('Date', 12, 'When (YYYY-MM-DD).', 'date'),
      col('Residual severity', 14, 'The residual severity as accepted.', 'severity'),
      col('Residual likelihood', 14, 'The residual likelihood as accepted.', 'likelihood'),
      col('Residual rating', 10, 'Derived: the scheme\'s rating of the residual risk as accepted.', 'rating'),
      col('Until', 12, 'The last day it holds (YYYY-MM-DD).', 'date'),
      col('Conditions', 40, 'The conditions it was given on, one per line.'),
      col('Statement', 40, 'What was accepted, in the acceptor\'s words.'),
    ],
    rows: inIdOrder(register.acceptances).map((a) => [
      a.id,
      a.hazard,
      a.acceptedBy,
      a.role,
      orgReference(a.organisation),
      a.date,
      a.residualRisk?.severity,
      a.residualRisk?.likelihood,
      a.residualRisk ? rate(scheme, a.residualRisk.likelihood, a.residualRisk.severity)?.rating : undefined,
      a.until,
      encodeList(a.conditions),
      a.statement,
    ]),
  });

  // --- Assets, declared and site-local.
  sheets.push({
    name: 'Assets',
    file: 'assets.csv',
    columns: [
      col('Asset ID', 20, 'The asset\'s id; a site\'s own asset is `<site id>/<name>`.', 'id'),
      col('Name', 30, 'Name people use for it.'),
      col('Type', 16, 'What kind of component it is.'),
      col('Site', 12, 'The site it belongs to, for a site\'s own asset.'),
      col('Supplier', 24, 'Who supplies or operates it.'),
      col('Vendor', 16, 'Who makes it.'),
      col('Model', 14, 'Model.'),
      col('Software', 16, 'Software or firmware version.'),
      col('Carrier', 20, 'For links: the carrier.'),
      col('Network', 12, 'For links: the network.'),
      col('Location', 16, 'Where it is hosted (site id).'),
      col('Managed by', 16, 'Management plane.'),
      col('Capacity', 14, 'What it can carry at once, with the unit.'),
      col('Attributes', 24, 'Free-form attributes, one per line: `name: value`.'),
      col('Description', 40, 'Notes.'),
    ],
    rows: inIdOrder(register.assets).map((a) => [
      a.id,
      a.name,
      a.type,
      a.site,
      orgName(a.supplier),
      a.vendor,
      a.model,
      a.software,
      orgName(a.carrier),
      a.network,
      a.location,
      a.managedBy,
      a.capacity ? `${a.capacity.limit} ${a.capacity.unit}` : undefined,
      encodeList(Object.entries(a.attributes ?? {}).map(([k, v]) => `${k}: ${v}`)),
      a.description,
    ]),
  });

  // --- Sites, with their places resolved to names and ODS codes.
  const places = placesOf(register);
  const placeName = (id: string | undefined) => orgName(id);
  const placeOds = (id: string | undefined) => (id === undefined ? undefined : orgs.get(id)?.ods);
  sheets.push({
    name: 'Sites',
    file: 'sites.csv',
    columns: [
      col('Site ID', 12, 'The site\'s stable id.', 'id'),
      col('Name', 30, 'Name.'),
      col('Type', 12, 'practice, branch, data-centre, office or other.'),
      col('ODS code', 10, 'The site\'s ODS code.'),
      col('PCN', 30, 'Primary care network (name).'),
      col('PCN ODS code', 10, 'The PCN\'s ODS code.'),
      col('Sub-ICB location', 24, 'Sub-ICB location (name).'),
      col('ICB', 30, 'Integrated care board (name).'),
      col('ICB ODS code', 10, 'The ICB\'s ODS code.'),
      col('Region', 20, 'NHS England region (name).'),
      col('List size', 10, 'Registered patients.', 'number'),
      col('Postcode', 10, 'Postcode.'),
      col('Main practice', 12, 'For a branch: its main practice.'),
      col('Profile', 16, 'The shared profile giving its routes and local assets.'),
    ],
    rows: inIdOrder(register.sites).map((s) => {
      const p = places.sites.get(s.id) ?? {};
      return [s.id, s.name, s.type, s.ods, placeName(p.pcn), placeOds(p.pcn), placeName(p.subIcb), placeName(p.icb), placeOds(p.icb), placeName(p.region), s.listSize, s.postcode, s.parent, s.profile];
    }),
  });

  // --- Findings, in the analysis' ranking.
  sheets.push({
    name: 'Findings',
    file: 'findings.csv',
    columns: [
      col('Finding ID', 24, 'The finding\'s stable id.', 'id'),
      col('Kind', 16, 'The kind of finding (docs/analysis.md).'),
      col('Title', 50, 'What was found.'),
      col('Coverage', 10, 'gap (no hazard names it), partial or covered.'),
      col('Criticality', 10, 'The highest criticality of the services it cuts.'),
      col('Patients', 10, 'Patients of the practices cut off from a service.', 'number'),
      col('Practices', 10, 'Practices cut off.', 'number'),
      col('Sites', 8, 'Sites cut off.', 'number'),
      col('PCNs', 8, 'PCNs touched.', 'number'),
      col('Services', 20, 'Services cut, one per line.'),
      col('Assets', 24, `The assets at fault, one per line (the first ${LIST_LIMIT}, then how many more).`),
      col('Hazards', 16, 'Hazards that name it, one per line.'),
      col('Suggested hazard', 40, 'For a gap: a hazard the CSO might add.'),
      col('Explanation', 60, 'How it was found and why it matters.'),
    ],
    rows: analysis.findings.map((f: Finding) => [
      f.id,
      f.kind,
      f.title,
      f.coverage,
      f.criticality,
      f.reach.patients,
      f.reach.practices,
      f.reach.sites.length,
      f.reach.pcns.length,
      encodeList(f.reach.services),
      capped(f.assets, 'assets: see analysis.json'),
      capped(f.hazards, 'hazards'),
      f.suggestion?.title,
      f.explanation,
    ]),
  });

  // Neutralise formulas and find the cells too long for Excel, in one pass.
  const tooLong: CellTooLong[] = [];
  for (const sheet of sheets) {
    for (let r = 0; r < sheet.rows.length; r++) {
      const row = sheet.rows[r]!;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v !== 'string') continue;
        if (v === '') {
          row[c] = undefined;
          continue;
        }
        const safe = neutraliseFormula(v);
        row[c] = safe;
        if (safe.length > EXCEL_CELL_LIMIT)
          tooLong.push({ sheet: sheet.name, row: r + 2, column: sheet.columns[c]!.header, record: String(row[0] ?? ''), length: safe.length });
      }
    }
  }

  return {
    title: register.manifest?.title ?? 'Hazard log',
    asOf: options.asOf,
    sheets,
    ratings: scheme.ratings.map((r) => ({ rating: r.rating, label: r.label, acceptability: r.acceptability })),
    lists: {
      severity: scheme.severities.map((l) => l.level),
      likelihood: scheme.likelihoods.map((l) => l.level),
      'hazard-status': [...hazardStatuses],
      'control-kind': [...controlKinds],
      'control-status': [...controlStatuses],
    },
    tooLong,
  };
}
