/**
 * The Controls and Acceptances sheets as the importer reads them: each column's header, other
 * spellings, and how its cell text becomes a field of a draft record. The same cell conventions
 * as the Hazards sheet (`hazard-log-columns.ts`): one list item per line, structured items as
 * `text [key: value; …]`.
 */
import { decodeItem, decodeList, type CellProblem, type HazardDraft } from './hazard-log-columns.js';

/** A column the importer reads: what the Hazards sheet's columns have, less what only the writer needs. */
export interface ReadColumn {
  key: string;
  header: string;
  aliases: readonly string[];
  list: boolean;
  derived: boolean;
  intent?: string;
  read?(text: string, draft: HazardDraft, problems: CellProblem[]): void;
}

const set = (draft: HazardDraft, path: string[], value: unknown) => {
  let at: Record<string, unknown> = draft;
  for (const p of path.slice(0, -1)) at = (at[p] ??= {}) as Record<string, unknown>;
  at[path[path.length - 1]!] = value;
};

const text = (key: string, header: string, aliases: string[], path: string[], intent = 'text'): ReadColumn => ({
  key,
  header,
  aliases,
  list: false,
  derived: false,
  intent,
  read: (t, draft) => set(draft, path, t),
});

const list = (key: string, header: string, aliases: string[], path: string[]): ReadColumn => ({
  key,
  header,
  aliases,
  list: true,
  derived: false,
  read: (t, draft) => set(draft, path, decodeList(t)),
});

/** The Controls sheet. */
export const controlReadColumns: readonly ReadColumn[] = Object.freeze([
  text('id', 'Control ID', ['ID', 'Control', 'Control number', 'Control ref', 'Reference', 'Ref'], ['id'], 'id'),
  text('title', 'Control name', ['Title', 'Name', 'Control title'], ['title']),
  text('kind', 'Kind', ['Control kind', 'Type', 'Control type'], ['kind'], 'control-kind'),
  text('status', 'Status', ['Control status', 'State'], ['status'], 'control-status'),
  text('owner', 'Owner', ['Control owner', 'Responsible'], ['owner']),
  text('description', 'Description', ['Control description', 'Details'], ['description']),
  {
    key: 'evidence',
    header: 'Evidence',
    aliases: ['Verification evidence', 'Evidence of verification'],
    list: true,
    derived: false,
    read: (t, draft, problems) =>
      set(
        draft,
        ['evidence'],
        decodeList(t).flatMap((item) => {
          const d = decodeItem(item);
          if ('error' in d) {
            problems.push({ column: 'Evidence', message: `The evidence "${item}" cannot be read: ${d.error}.` });
            return [];
          }
          const e: Record<string, string> = { description: d.text };
          for (const [k, v] of d.details) {
            if (k === 'date' || k === 'expires' || k === 'reference') e[k] = v;
            else problems.push({ column: 'Evidence', message: `The evidence "${d.text}" has the detail \`${k}\`; evidence's details are date, expires and reference.` });
          }
          return [e];
        }),
      ),
  },
  text('transferredFrom', 'Transferred from', ['Transfer from'], ['transferredFrom'], 'org-ref'),
  { key: 'hazards', header: 'Hazards', aliases: ['Used by', 'Hazards controlled'], list: true, derived: true },
]);

/** The Acceptances sheet. */
export const acceptanceReadColumns: readonly ReadColumn[] = Object.freeze([
  text('id', 'Acceptance ID', ['ID', 'Acceptance', 'Reference', 'Ref'], ['id'], 'id'),
  text('hazard', 'Hazard ID', ['Hazard'], ['hazard'], 'id'),
  text('acceptedBy', 'Accepted by', ['Accepted by (name)', 'Name'], ['acceptedBy']),
  text('role', 'Role', ['Accepted by (role)', 'Job title'], ['role']),
  text('organisation', 'Organisation', ['Organisation ID'], ['organisation'], 'org-ref'),
  text('date', 'Date', ['Date accepted', 'Accepted on'], ['date'], 'date'),
  text('residualSeverity', 'Residual severity', ['Severity'], ['residualRisk', 'severity'], 'severity'),
  text('residualLikelihood', 'Residual likelihood', ['Likelihood'], ['residualRisk', 'likelihood'], 'likelihood'),
  { key: 'residualRating', header: 'Residual rating', aliases: ['Rating'], list: false, derived: true, intent: 'rating' },
  text('until', 'Until', ['Valid until', 'Expires'], ['until'], 'date'),
  list('conditions', 'Conditions', ['Condition'], ['conditions']),
  text('statement', 'Statement', ['Acceptance statement'], ['statement']),
]);
