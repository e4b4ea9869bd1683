/**
 * What changed since the approved content, in a few lines for the overview and the safety case:
 * a summary of `diffRegisters` between the register as approved (read from git by the CLI) and
 * the register now. Pure: the reading is the CLI's.
 */
import type { Register } from '../model/register.js';
import { changedContentParts, type ContentPart } from '../report/content-fingerprint.js';
import { plural } from '../words/count.js';
import type { RegisterDiff } from './register-diff.js';

/** One change: a sentence, and the hazard it is about, which the pages link when it has a page. */
export interface ApprovalChange {
  text: string;
  hazard?: string;
}

const PART_WORDS: Record<ContentPart, string> = {
  manifest: 'the manifest',
  scheme: 'the risk scheme',
  organisations: 'organisations',
  sites: 'sites',
  services: 'services',
  assets: 'assets',
  profiles: 'profiles',
  hazards: 'hazards',
  controls: 'controls',
  incidents: 'incidents',
  acceptances: 'acceptances',
  scenarios: 'scenarios',
};


const count = (n: number, word: string) => `${n} ${plural(n, word)}`;

/** The changes, in a fixed order: hazards, ratings, controls, acceptances, the analysis, then other records. */
export function approvalChanges(diff: RegisterDiff, approved: Register, now: Register): ApprovalChange[] {
  const out: ApprovalChange[] = [];
  for (const h of diff.hazards.added) out.push({ text: `Hazard added: ${h.id}, ${h.title}.`, hazard: h.id });
  for (const h of diff.hazards.removed) out.push({ text: `Hazard removed: ${h.id}, ${h.title}.` });
  for (const h of diff.hazards.changed) out.push({ text: `Hazard ${h.id} changed: ${h.fields.map((f) => f.field).join(', ')}.`, hazard: h.id });
  for (const r of diff.ratings)
    out.push({ text: `Hazard ${r.hazard}'s ${r.which} rating ${r.direction === 'up' ? 'rose' : 'fell'} from ${r.before} to ${r.after}.`, hazard: r.hazard });
  for (const c of diff.controls.added) out.push({ text: `Control added: ${c}.` });
  for (const c of diff.controls.removed) out.push({ text: `Control removed: ${c}.` });
  for (const c of diff.controls.removedFromHazard) out.push({ text: `Control ${c.control} taken off hazard ${c.hazard}.`, hazard: c.hazard });
  for (const c of diff.controls.weakened) out.push({ text: `Control ${c.control} weakened from ${c.before} to ${c.after}.` });
  for (const c of diff.controls.evidenceExpired) out.push({ text: `Control ${c.control}'s evidence expired on ${c.expired}.` });
  for (const a of diff.acceptances.added) out.push({ text: `Acceptance recorded: ${a}${diff.acceptancesByHazard[a] ? `, of hazard ${diff.acceptancesByHazard[a]}` : ''}.`, ...(diff.acceptancesByHazard[a] ? { hazard: diff.acceptancesByHazard[a] } : {}) });
  for (const a of diff.acceptances.noLongerHold) out.push({ text: `Acceptance ${a.acceptance} no longer holds: hazard ${a.hazard} changed since it was given.`, hazard: a.hazard });
  const gainedLost = (what: string, g: number, l: number) => {
    if (g || l) out.push({ text: `${what}: ${g} new, ${l} gone.` });
  };
  gainedLost('Failure points', diff.failurePoints.gained.length, diff.failurePoints.lost.length);
  gainedLost('Common causes', diff.commonCauses.gained.length, diff.commonCauses.lost.length);
  if (diff.coverage.lost.length) out.push({ text: `Coverage lost: ${count(diff.coverage.lost.length, 'finding')} no longer fully named by a hazard.` });
  if (diff.coverage.gained.length) out.push({ text: `Coverage gained: ${count(diff.coverage.gained.length, 'finding')} now named by a hazard.` });
  if (diff.reach.length) out.push({ text: `Patients at risk changed for ${count(diff.reach.length, 'asset')}.` });
  // Last, every part of the register that changed: a change the lines above do not name (a
  // control's owner, a site's list size, an acceptance removed) still shows here.
  const parts = changedContentParts(approved, now);
  if (parts.length) out.push({ text: `Parts of the register changed: ${parts.map((p) => PART_WORDS[p]).join(', ')}.` });
  return out;
}
