/**
 * The Hazards sheet of the hazard-log spreadsheet, defined once: the exporter writes these
 * columns in this order and the importer reads them back with the same functions, so that
 * export → import → export gives the identical sheet.
 *
 * Conventions, in the order they are applied when writing a cell (and undone in reverse on
 * reading one):
 *
 * 1. **A column's text.** `write` turns a hazard field into a cell value (text, or a number for
 *    the derived ratings); `read` turns the cell's text back into the field, on a draft hazard.
 *    Derived columns (ratings, the acceptances) have no `read`: the importer recomputes them.
 *    An empty list and an absent field both give an empty cell, and an empty cell gives an
 *    absent field: the sheet round-trips exactly, the YAML loses only `[]` written for nothing.
 * 2. **Lists, one item per line** (`encodeList` / `decodeList`). Inside a list item a backslash
 *    is written `\\` and a line break `\n`, so that every line of the cell is one item. Only list
 *    cells are escaped; a one-value cell keeps its line breaks and backslashes as they are.
 * 3. **Structured items** (causes, actions): the item's text, then its details in one trailing
 *    group ` [key: value; key: value]` (`encodeItem` / `decodeItem`). In the text, `[` is
 *    written `\[`; in a value, `;` and `]` are written `\;` and `\]`.
 * 4. **Formula neutralisation** (`neutraliseFormula` / `restoreFormula`): a text cell that
 *    begins with `=`, `+`, `-`, `@`, a tab or a carriage return would be taken for a formula by
 *    Excel or LibreOffice (CSV and XLSX), so it is written with a leading apostrophe `'`. A text
 *    that already begins with `'` gets one too, so that reading always removes exactly one
 *    leading apostrophe when there is one, and never changes anything else.
 * 5. **Length**: a cell may hold at most `EXCEL_CELL_LIMIT` characters. The exporter reports a
 *    longer cell as a diagnostic and never truncates it silently.
 *
 * Pure: no IO, no clock. Keep this module stable: the importer depends on its names and texts.
 */
import type { Acceptance } from '../model/acceptance.js';
import type { Control } from '../model/control.js';
import { controlKinds } from '../model/control.js';
import type { Hazard } from '../model/hazard.js';
import { hazardStatuses } from '../model/hazard.js';
import { selectorKeys, type Selector } from '../model/selector.js';
import { rate, type RiskRating } from '../risk/rating.js';
import type { RiskScheme } from '../risk/scheme.js';

/** The most characters Excel keeps in one cell. */
export const EXCEL_CELL_LIMIT = 32_767;

/** The name of the sheet these columns make. */
export const HAZARDS_SHEET = 'Hazards';

/** A cell: text, a number (derived ratings only), or empty. */
export type CellValue = string | number | undefined;

/** What a column needs besides the hazard to write its cell. */
export interface HazardLogContext {
  scheme: RiskScheme;
  /** Controls by id, for the kind and status shown beside each control. */
  controls: ReadonlyMap<string, Pick<Control, 'id' | 'title' | 'kind' | 'status'>>;
  /** The acceptances of each hazard, by hazard id, in register order. */
  acceptances: ReadonlyMap<string, readonly Pick<Acceptance, 'id' | 'acceptedBy' | 'role' | 'date' | 'until'>[]>;
}

/** A hazard being read back from a row: any field may still be missing or wrong. */
export type HazardDraft = { [K in keyof Hazard]?: unknown } & Record<string, unknown>;

/** A cell the importer could not read, in words for the user. */
export interface CellProblem {
  column: string;
  message: string;
}

/** How a cell is styled; the writers map these to fills, number formats and drop-downs. */
export type CellIntent = 'text' | 'date' | 'rating' | 'severity' | 'likelihood' | 'hazard-status' | 'id';

export interface HazardColumn {
  /** Stable key, never shown: the importer's and the tests' name for the column. */
  key: string;
  /** The header text, exactly as written in the sheet. */
  header: string;
  /** Other spellings of the header the importer accepts (compared with `headerKey`). */
  aliases: readonly string[];
  /** What the column holds, for the docs and the header's note. */
  description: string;
  intent: CellIntent;
  /** One item per line (see `encodeList`). */
  list: boolean;
  /** Computed by crr from other fields; the importer does not read it. */
  derived: boolean;
  /** Width in characters, for the XLSX writer. */
  width: number;
  write(hazard: Hazard, ctx: HazardLogContext): CellValue;
  /** Reads the cell's text (formula neutralisation already undone, never empty) into the draft. */
  read?(text: string, draft: HazardDraft, problems: CellProblem[]): void;
}

// ---------------------------------------------------------------------------------------------
// Cell text conventions

const FORMULA_START = /^[=+\-@\t\r']/;

/** Prefixes `'` to a text Excel or LibreOffice would take for a formula (and to one starting with `'`). */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes `neutraliseFormula`: removes one leading `'`, if there is one. */
export function restoreFormula(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}

const escapeLine = (s: string) => s.replace(/\\/g, '\\\\').replace(/\r\n|\r|\n/g, '\\n');

/** One item per line; backslashes and line breaks inside an item are escaped. Empty list: empty cell. */
export function encodeList(items: readonly string[] | undefined): string | undefined {
  if (!items || items.length === 0) return undefined;
  return items.map(escapeLine).join('\n');
}

/** Undoes `unescape` of one line: `\\` → `\`, `\n` → line break; any other `\x` → `x`. */
function unescapeAll(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length) {
      const n = s[++i]!;
      out += n === 'n' ? '\n' : n;
    } else out += c;
  }
  return out;
}

/** Splits a list cell into its items (CRLF or LF between lines); blank lines are dropped. */
export function decodeList(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== '')
    .map(unescapeAll);
}

/** A structured list item before list escaping: text, then ` [key: value; …]` when it has details. */
export function encodeItem(text: string, details: readonly (readonly [string, string])[]): string {
  const head = text.replace(/\\/g, '\\\\').replace(/\[/g, '\\[');
  if (details.length === 0) return head;
  const value = (v: string) => v.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/\]/g, '\\]');
  return `${head} [${details.map(([k, v]) => `${k}: ${value(v)}`).join('; ')}]`;
}

/** Undoes `encodeItem` (on an item already taken out of its list). */
export function decodeItem(item: string): { text: string; details: [string, string][] } | { error: string } {
  let text = '';
  let i = 0;
  for (; i < item.length; i++) {
    const c = item[i]!;
    if (c === '\\' && i + 1 < item.length) text += item[++i];
    else if (c === '[') break;
    else text += c;
  }
  if (i >= item.length) return { text, details: [] };
  if (!text.endsWith(' ')) return { error: 'a `[` in the text must be written `\\[`; an unescaped `[` starts the details, after a space' };
  text = text.slice(0, -1);
  const details: [string, string][] = [];
  let part = '';
  let closed = false;
  const push = () => {
    const at = part.indexOf(':');
    if (at < 0) return `the detail \`${part.trim()}\` has no \`key: value\``;
    // Written `key: value`, details joined by `; `: one space after each separator is the format's.
    details.push([part.slice(0, at).trim(), part.slice(at + 1).replace(/^ /, '')]);
    part = '';
    return undefined;
  };
  for (i++; i < item.length; i++) {
    const c = item[i]!;
    if (c === '\\' && i + 1 < item.length) part += item[++i];
    else if (c === ';') {
      const e = push();
      if (e) return { error: e };
    } else if (c === ']') {
      if (i !== item.length - 1) return { error: 'the details `[…]` must end the line' };
      closed = true;
    } else part += c;
  }
  if (!closed) return { error: 'the details `[…]` are not closed with `]`' };
  if (part.trim() !== '') {
    const e = push();
    if (e) return { error: e };
  }
  return { text, details };
}

/** Compares header texts tolerantly: case, spaces and punctuation are ignored. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** The column a header names, by its header text or one of its aliases; undefined if none. */
export function columnForHeader(header: string): HazardColumn | undefined {
  return byHeader.get(headerKey(header));
}

// ---------------------------------------------------------------------------------------------
// Helpers for the columns

const SEP = ' — ';
const ids = (v: readonly string[] | undefined) => encodeList(v);
const set = (draft: HazardDraft, path: string[], value: unknown) => {
  let at: Record<string, unknown> = draft;
  for (const p of path.slice(0, -1)) at = (at[p] ??= {}) as Record<string, unknown>;
  at[path[path.length - 1]!] = value;
};
/** A control reference shown as `id — title (kind, status)`; read back as its id (the first word). */
const controlLine = (id: string, ctx: HazardLogContext) => {
  const c = ctx.controls.get(id);
  return c ? `${id}${SEP}${c.title} (${c.kind}, ${c.status})` : id;
};
const idOfLine = (line: string) => line.trim().split(/\s+/)[0]!;
const ratingCell = (r: RiskRating | undefined): CellValue => r?.rating;

function causeDetails(cause: Hazard['causes'][number]): [string, string][] {
  const out: [string, string][] = [];
  if (cause.assets && cause.assets.length) out.push(['assets', cause.assets.join(', ')]);
  const sel = cause.select;
  if (sel) {
    for (const key of selectorKeys) {
      if (key === 'attributes') {
        for (const [name, v] of Object.entries(sel.attributes ?? {})) out.push([`attributes.${name}`, v]);
      } else if (sel[key] !== undefined) out.push([key, sel[key]!]);
    }
    if (out.length === (cause.assets?.length ? 1 : 0)) out.push(['select', 'all']);
  }
  if (cause.fault !== undefined) out.push(['fault', cause.fault]);
  return out;
}

function readCause(item: string, problems: CellProblem[]): Hazard['causes'][number] | undefined {
  const d = decodeItem(item);
  if ('error' in d) {
    problems.push({ column: 'Causes', message: `The cause "${item}" cannot be read: ${d.error}.` });
    return undefined;
  }
  const cause: Hazard['causes'][number] = { description: d.text };
  let select: Selector | undefined;
  for (const [k, v] of d.details) {
    if (k === 'assets') cause.assets = v.split(',').map((s) => s.trim()).filter(Boolean);
    else if (k === 'fault') cause.fault = v.trim();
    else if (k === 'select' && v === 'all') select ??= {};
    else if (k.startsWith('attributes.')) {
      select ??= {};
      (select.attributes ??= {})[k.slice('attributes.'.length)] = v;
    } else if ((selectorKeys as readonly string[]).includes(k) && k !== 'attributes') {
      select ??= {};
      (select as Record<string, string>)[k] = v;
    } else problems.push({ column: 'Causes', message: `The cause "${d.text}" has the detail \`${k}\`, which is not \`assets\`, \`fault\`, a selector key (${selectorKeys.join(', ')}) or \`attributes.<name>\`.` });
  }
  if (select) cause.select = select;
  return cause;
}

function readAction(item: string, problems: CellProblem[]): Record<string, string> | undefined {
  const d = decodeItem(item);
  if ('error' in d) {
    problems.push({ column: 'Actions', message: `The action "${item}" cannot be read: ${d.error}.` });
    return undefined;
  }
  const action: Record<string, string> = { description: d.text };
  for (const [k, v] of d.details) {
    if (k === 'owner' || k === 'due' || k === 'done') action[k] = v;
    else problems.push({ column: 'Actions', message: `The action "${d.text}" has the detail \`${k}\`; an action's details are owner, due and done.` });
  }
  return action;
}

const textColumn = (
  key: string,
  header: string,
  aliases: string[],
  description: string,
  path: string[],
  get: (h: Hazard) => string | undefined,
  width = 30,
  intent: CellIntent = 'text',
): HazardColumn => ({
  key,
  header,
  aliases,
  description,
  intent,
  list: false,
  derived: false,
  width,
  write: (h) => get(h),
  read: (text, draft) => set(draft, path, text),
});

const listColumn = (
  key: string,
  header: string,
  aliases: string[],
  description: string,
  path: string[],
  get: (h: Hazard) => readonly string[] | undefined,
  width = 30,
): HazardColumn => ({
  key,
  header,
  aliases,
  description,
  intent: 'text',
  list: true,
  derived: false,
  width,
  write: (h) => encodeList(get(h)),
  read: (text, draft) => set(draft, path, decodeList(text)),
});

// ---------------------------------------------------------------------------------------------
// The columns, in sheet order: the NHS hazard-log template's first, then crr's other fields.

export const hazardLogColumns: readonly HazardColumn[] = Object.freeze([
  textColumn('id', 'Hazard ID', ['ID', 'Hazard number', 'Hazard no', 'Hazard ref', 'Reference', 'Ref'], 'The hazard\'s stable id (`HAZ-001`).', ['id'], (h) => h.id, 12, 'id'),
  textColumn('title', 'Hazard name', ['Hazard', 'Hazard title', 'Title', 'Name'], 'The unsafe situation, in clinical terms.', ['title'], (h) => h.title, 40),
  textColumn('description', 'Description', ['Hazard description', 'Details'], 'The hazard in more words.', ['description'], (h) => h.description, 50),
  {
    key: 'causes',
    header: 'Causes',
    aliases: ['Cause', 'Possible causes', 'Hazard causes'],
    description:
      'One cause per line: what goes wrong, then its assets and selector in a trailing `[assets: vpn-a, Y90104/link; vendor: Cisco Meraki; software: MX 18.*]` (`attributes.<name>: value` for a free-form attribute, `select: all` for an empty selector, `fault: <fault id>` for the known fault it is).',
    intent: 'text',
    list: true,
    derived: false,
    width: 50,
    write: (h) => encodeList(h.causes.map((c) => encodeItem(c.description, causeDetails(c)))),
    read: (text, draft, problems) =>
      set(draft, ['causes'], decodeList(text).flatMap((item) => readCause(item, problems) ?? [])),
  },
  listColumn('effects', 'Effects', ['Effect', 'Hazard effects', 'Consequences'], 'What happens in care as a result, one per line.', ['effects'], (h) => h.effects, 40),
  listColumn('harms', 'Potential clinical harm', ['Harm', 'Harms', 'Clinical harm', 'Potential harm', 'Potential clinical impact'], 'Potential clinical impact on patients, one per line.', ['harms'], (h) => h.harms, 40),
  {
    key: 'existingControls',
    header: 'Existing controls',
    aliases: ['Existing control', 'Current controls', 'Controls in place'],
    description: 'Controls in place before the assessment, one per line: `id — title (kind, status)`; read back by the id, the first word.',
    intent: 'text',
    list: true,
    derived: false,
    width: 40,
    write: (h, ctx) => encodeList(h.existingControls?.map((id) => controlLine(id, ctx))),
    read: (text, draft) => set(draft, ['existingControls'], decodeList(text).map(idOfLine)),
  },
  textColumn('initialSeverity', 'Initial severity', ['Severity (initial)', 'Initial hazard severity', 'Severity before controls'], 'Severity before the additional controls: a level of the register\'s risk scheme.', ['initialRisk', 'severity'], (h) => h.initialRisk.severity, 14, 'severity'),
  textColumn('initialLikelihood', 'Initial likelihood', ['Likelihood (initial)', 'Initial hazard likelihood', 'Likelihood before controls'], 'Likelihood before the additional controls: a level of the register\'s risk scheme.', ['initialRisk', 'likelihood'], (h) => h.initialRisk.likelihood, 14, 'likelihood'),
  {
    key: 'initialRating',
    header: 'Initial rating',
    aliases: ['Initial risk rating', 'Initial risk', 'Rating (initial)'],
    description: 'Derived: the scheme\'s rating for the initial likelihood and severity, coloured by its acceptability. Empty when a level is not the scheme\'s.',
    intent: 'rating',
    list: false,
    derived: true,
    width: 10,
    write: (h, ctx) => ratingCell(rate(ctx.scheme, h.initialRisk.likelihood, h.initialRisk.severity)),
  },
  {
    key: 'additionalControls',
    header: 'Additional controls',
    aliases: ['Additional control', 'Additional controls (with kind and status)', 'New controls', 'Further controls', 'Mitigations'],
    description: 'Controls added to reduce the risk, one per line: `id — title (kind, status)`; read back by the id, the first word.',
    intent: 'text',
    list: true,
    derived: false,
    width: 40,
    write: (h, ctx) => encodeList(h.additionalControls?.map((id) => controlLine(id, ctx))),
    read: (text, draft) => set(draft, ['additionalControls'], decodeList(text).map(idOfLine)),
  },
  textColumn('residualSeverity', 'Residual severity', ['Severity (residual)', 'Residual hazard severity', 'Severity after controls'], 'Severity after the additional controls: a level of the register\'s risk scheme.', ['residualRisk', 'severity'], (h) => h.residualRisk.severity, 14, 'severity'),
  textColumn('residualLikelihood', 'Residual likelihood', ['Likelihood (residual)', 'Residual hazard likelihood', 'Likelihood after controls'], 'Likelihood after the additional controls: a level of the register\'s risk scheme.', ['residualRisk', 'likelihood'], (h) => h.residualRisk.likelihood, 14, 'likelihood'),
  {
    key: 'residualRating',
    header: 'Residual rating',
    aliases: ['Residual risk rating', 'Residual risk', 'Rating (residual)'],
    description: 'Derived: the scheme\'s rating for the residual likelihood and severity, coloured by its acceptability. Empty when a level is not the scheme\'s.',
    intent: 'rating',
    list: false,
    derived: true,
    width: 10,
    write: (h, ctx) => ratingCell(rate(ctx.scheme, h.residualRisk.likelihood, h.residualRisk.severity)),
  },
  textColumn('status', 'Status', ['Hazard status', 'State'], `The hazard's status: ${hazardStatuses.join(', ')}.`, ['status'], (h) => h.status, 12, 'hazard-status'),
  textColumn('owner', 'Owner', ['Hazard owner', 'Responsible', 'Assigned to'], 'Who is responsible for the hazard.', ['owner'], (h) => h.owner, 20),
  textColumn('raised', 'Raised', ['Date raised', 'Raised on', 'Date identified', 'Created'], 'When the hazard was raised (YYYY-MM-DD).', ['raised'], (h) => h.raised, 12, 'date'),
  textColumn('reviewed', 'Last reviewed', ['Reviewed', 'Date reviewed', 'Last review', 'Review date'], 'When it was last reviewed (YYYY-MM-DD).', ['reviewed'], (h) => h.reviewed, 12, 'date'),
  textColumn('justification', 'Justification', ['Residual risk justification', 'Rationale'], 'Why the residual risk is acceptable.', ['justification'], (h) => h.justification, 40),
  {
    key: 'acceptance',
    header: 'Acceptance',
    aliases: ['Acceptances', 'Risk acceptance', 'Accepted by'],
    description: 'Derived from the Acceptances sheet: one per line, `id — who (role), date` and `until` when it ends.',
    intent: 'text',
    list: true,
    derived: true,
    width: 36,
    write: (h, ctx) =>
      encodeList(
        (ctx.acceptances.get(h.id) ?? []).map((a) => `${a.id}${SEP}${a.acceptedBy} (${a.role}), ${a.date}${a.until ? `, until ${a.until}` : ''}`),
      ),
  },
  listColumn('services', 'Services', ['Clinical services', 'Service'], 'Clinical services the hazard is about, by id, one per line.', ['services'], (h) => h.services, 20),
  listColumn('sites', 'Sites', ['Site', 'Practices'], 'Sites the hazard is known to concern, by id, one per line.', ['sites'], (h) => h.sites, 16),
  {
    key: 'notApplicable',
    header: 'Control kinds not applicable',
    aliases: ['Not applicable', 'Not applicable control kinds'],
    description: `Kinds of control considered and found not applicable, one per line: \`kind: reason\` (kinds: ${controlKinds.join(', ')}).`,
    intent: 'text',
    list: true,
    derived: false,
    width: 40,
    write: (h) => encodeList(h.notApplicable?.map((n) => `${n.kind}: ${n.reason}`)),
    read: (text, draft, problems) =>
      set(
        draft,
        ['notApplicable'],
        decodeList(text).flatMap((line) => {
          const at = line.indexOf(':');
          if (at < 0) {
            problems.push({ column: 'Control kinds not applicable', message: `The line "${line}" has no \`kind: reason\`.` });
            return [];
          }
          return [{ kind: line.slice(0, at).trim(), reason: line.slice(at + 1).replace(/^ /, '') }];
        }),
      ),
  },
  textColumn('nextReview', 'Next review', ['Next review date', 'Review due', 'Due for review'], 'When it must next be reviewed (YYYY-MM-DD), when written.', ['nextReview'], (h) => h.nextReview, 12, 'date'),
  {
    key: 'actions',
    header: 'Actions',
    aliases: ['Action', 'Outstanding actions', 'Action plan'],
    description: 'Actions, one per line: what is to be done, then `[owner: …; due: YYYY-MM-DD; done: YYYY-MM-DD]`.',
    intent: 'text',
    list: true,
    derived: false,
    width: 50,
    write: (h) =>
      encodeList(
        h.actions?.map((a) =>
          encodeItem(a.description, [['owner', a.owner], ['due', a.due], ...(a.done ? ([['done', a.done]] as [string, string][]) : [])]),
        ),
      ),
    read: (text, draft, problems) => set(draft, ['actions'], decodeList(text).flatMap((item): Record<string, string>[] => {
      const action = readAction(item, problems);
      return action ? [action] : [];
    })),
  },
  textColumn('closureDate', 'Closed', ['Date closed', 'Closed on', 'Closure date'], 'When the hazard was closed (YYYY-MM-DD).', ['closure', 'date'], (h) => h.closure?.date, 12, 'date'),
  textColumn('closureReason', 'Closure reason', ['Reason for closure', 'Why closed'], 'Why it could be closed.', ['closure', 'reason'], (h) => h.closure?.reason, 40),
  textColumn('closureBy', 'Closed by', ['Closure by'], 'Who closed it, with their role.', ['closure', 'by'], (h) => h.closure?.by, 24),
  textColumn('transferFrom', 'Transferred from', ['Transfer from', 'Transferred by'], 'Organisation the hazard was transferred from, by id.', ['transfer', 'from'], (h) => h.transfer?.from, 16),
  textColumn('transferDate', 'Transfer date', ['Date transferred', 'Transferred on'], 'When the transfer was recorded (YYYY-MM-DD).', ['transfer', 'date'], (h) => h.transfer?.date, 12, 'date'),
  {
    key: 'transferControls',
    header: 'Transferred controls',
    aliases: ['Transfer controls', 'Controls transferred'],
    description: 'Controls the receiving organisation now owns, one per line: `id — title (kind, status)`; read back by the id.',
    intent: 'text',
    list: true,
    derived: false,
    width: 30,
    write: (h, ctx) => encodeList(h.transfer?.controls.map((id) => controlLine(id, ctx))),
    read: (text, draft) => set(draft, ['transfer', 'controls'], decodeList(text).map(idOfLine)),
  },
  textColumn('transferReference', 'Transfer reference', ['Transfer ref', 'Transfer document'], 'Where the transfer is documented.', ['transfer', 'reference'], (h) => h.transfer?.reference, 30),
] satisfies HazardColumn[]);

const byHeader = new Map<string, HazardColumn>();
for (const c of hazardLogColumns) for (const h of [c.header, ...c.aliases]) if (!byHeader.has(headerKey(h))) byHeader.set(headerKey(h), c);

/** The header row, in order. */
export const hazardLogHeaders: readonly string[] = hazardLogColumns.map((c) => c.header);

/** Builds the context the columns need from the register's records. */
export function hazardLogContext(
  scheme: RiskScheme,
  controls: readonly Pick<Control, 'id' | 'title' | 'kind' | 'status'>[],
  acceptances: readonly Pick<Acceptance, 'id' | 'hazard' | 'acceptedBy' | 'role' | 'date' | 'until'>[],
): HazardLogContext {
  const byId = new Map<string, Pick<Control, 'id' | 'title' | 'kind' | 'status'>>();
  for (const c of controls) if (!byId.has(c.id)) byId.set(c.id, c);
  const byHazard = new Map<string, Pick<Acceptance, 'id' | 'acceptedBy' | 'role' | 'date' | 'until'>[]>();
  for (const a of acceptances) {
    const list = byHazard.get(a.hazard) ?? [];
    list.push(a);
    byHazard.set(a.hazard, list);
  }
  return { scheme, controls: byId, acceptances: byHazard };
}

/** One hazard as its row of cells, in column order (before formula neutralisation). */
export function hazardRow(hazard: Hazard, ctx: HazardLogContext): CellValue[] {
  return hazardLogColumns.map((c) => c.write(hazard, ctx));
}

/**
 * Reads one row back into a draft hazard. `cells` maps a column key to the cell's text as found
 * in the file (a number as its decimal text); formula neutralisation is undone here. Derived
 * columns are ignored. The draft is for the model's schema to check: nothing here validates.
 */
export function readHazardRow(cells: ReadonlyMap<string, string>): { draft: HazardDraft; problems: CellProblem[] } {
  const draft: HazardDraft = {};
  const problems: CellProblem[] = [];
  for (const column of hazardLogColumns) {
    const raw = cells.get(column.key);
    if (raw === undefined || raw === '' || !column.read) continue;
    column.read(restoreFormula(raw), draft, problems);
  }
  return { draft, problems };
}
