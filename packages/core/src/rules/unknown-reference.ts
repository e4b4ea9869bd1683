import { capitalise, didYouMeanSentence } from '../diagnostics/did-you-mean.js';
import { recordKindOf } from '../model/register-file.js';
import type { Register } from '../model/register.js';
import { holdersText, needPlaces, withArticle, writtenIn } from './needs.js';
import { forEachReferencedId, references, type Target } from './references.js';
import { defineRule, type Finding } from './rule.js';

const kindWord = (t: Target) => (t === 'local-asset' ? 'site-local asset' : recordKindOf[t]);

export const unknownReference = defineRule({
  code: 'CRR-E031',
  name: 'unknown-reference',
  severity: 'error',
  title: 'A reference names a record that does not exist, or one of the wrong kind',
  explanation:
    'Every id a record mentions must be declared somewhere in the register, as a record of the right kind: a hazard\'s controls are controls, a site\'s PCN is an organisation, a route\'s parts are assets.',
  *check({ register }) {
    const idsOf = (targets: readonly Target[]) => {
      const out: string[] = [];
      for (const [id, entries] of register.index) if (entries.some((e) => targets.includes(e.collection))) out.push(id);
      return out;
    };
    const candidates = new Map<string, string[]>();
    const suggestions = (targets: readonly Target[]) => {
      const key = targets.join(',');
      let c = candidates.get(key);
      if (!c) candidates.set(key, (c = idsOf(targets)));
      return c;
    };

    // Most registers resolve every reference: check the ids cheaply first, and build the table
    // of references (with the words and paths a diagnostic needs) only when one does not.
    let unresolved = false;
    forEachReferencedId(register, (id, targets) => {
      if (!unresolved && !resolves(register, id, targets)) unresolved = true;
    });
    for (const ref of unresolved ? references(register) : []) {
      const problem = check(register, ref.id, ref.targets, suggestions);
      if (problem) yield { at: ref.from.source, below: ref.path, ...(ref.from.id ? { record: ref.from.id } : {}), message: `${capitalise(ref.role)} is \`${ref.id}\`, ${problem.what}`, hint: problem.hint };
    }

    // Parts of routes and of assets' needs. A profile's route is shared by many sites: report
    // each place it is written once, naming the place and whom it affects.
    const assetTargets: Target[] = ['assets', 'local-asset'];
    const places = needPlaces(register, (n) => n.kind === 'asset' && !resolves(register, n.id, assetTargets));
    for (const { need, holders } of places) {
      if (need.kind !== 'asset') continue;
      const problem = check(register, need.id, assetTargets, suggestions)!;
      const where = writtenIn(register, need.at);
      const affects = where.record && holders.length === 1 && holders[0]!.includes(`\`${where.record}\``) ? '' : ` (used by ${holdersText(holders)})`;
      yield {
        at: need.at,
        ...(where.record ? { record: where.record } : {}),
        message: `A requirement in ${where.text}${affects} is \`${need.id}\`, ${problem.what}`,
        hint: problem.hint,
      } satisfies Finding;
    }
  },
});

/** The cheap question, asked of every reference: does the id name a record of the right kind? */
function resolves(register: Register, id: string, targets: readonly Target[]): boolean {
  const entries = register.index.get(id);
  if (!entries) return false;
  for (const e of entries) if (targets.includes(e.collection)) return true;
  return false;
}

function check(register: Register, id: string, targets: readonly Target[], suggestions: (t: readonly Target[]) => string[]): { what: string; hint: string } | undefined {
  if (resolves(register, id, targets)) return undefined;
  const entries = register.index.get(id);
  const wanted = targets.map(kindWord).join(' or ');
  if (!entries) {
    return {
      what: `but no record has that id.${didYouMeanSentence(id, suggestions(targets))}`,
      hint: `Declare the ${wanted}, or correct the id.`,
    };
  }
  if (!entries.some((e) => targets.includes(e.collection))) {
    return {
      what: `which is ${withArticle(kindWord(entries[0]!.collection))}, not ${withArticle(wanted)}.`,
      hint: `Refer to ${withArticle(wanted)} here.`,
    };
  }
  return undefined;
}

