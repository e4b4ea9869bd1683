import { didYouMeanSentence } from '../diagnostics/did-you-mean.js';
import { recordKindOf } from '../model/register-file.js';
import type { Register } from '../model/register.js';
import { allNeedTrees, walkNeeds, whereKey } from './needs.js';
import { references, type Target } from './references.js';
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

    for (const ref of references(register)) {
      const problem = check(register, ref.id, ref.targets, suggestions);
      if (problem) yield { at: ref.from.source, below: ref.path, ...(ref.from.id ? { record: ref.from.id } : {}), message: `${capitalise(ref.role)} is \`${ref.id}\`, ${problem.what}`, hint: problem.hint };
    }

    // Parts of routes and of assets' needs. A profile's route is shared by many sites: report
    // each place it is written once.
    const reported = new Set<string>();
    const assetTargets: Target[] = ['assets', 'local-asset'];
    for (const tree of allNeedTrees(register)) {
      for (const n of walkNeeds(tree.needs)) {
        if (n.kind !== 'asset') continue;
        const problem = check(register, n.id, assetTargets, suggestions);
        if (!problem) continue;
        const key = whereKey(n.at) + '\u0000' + n.id;
        if (reported.has(key)) continue;
        reported.add(key);
        yield { at: n.at, message: `A requirement of ${tree.holder} is \`${n.id}\`, ${problem.what}`, hint: problem.hint } satisfies Finding;
      }
    }
  },
});

function check(register: Register, id: string, targets: readonly Target[], suggestions: (t: readonly Target[]) => string[]): { what: string; hint: string } | undefined {
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
      what: `which is a ${kindWord(entries[0]!.collection)}, not a ${wanted}.`,
      hint: `Refer to a ${wanted} here.`,
    };
  }
  return undefined;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
