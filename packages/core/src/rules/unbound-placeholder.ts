import type { Source } from '../model/register.js';
import { allNeedTrees, walkNeeds, whereKey } from './needs.js';
import { defineRule } from './rule.js';

export const unboundPlaceholder = defineRule({
  code: 'CRR-E035',
  name: 'unbound-placeholder',
  severity: 'error',
  title: 'A `$name` in a requirement is bound to nothing',
  explanation:
    'In a profile, `$name` stands for an asset each site provides: a local asset of that name (in the profile\'s or the site\'s `localAssets`), or a binding (in the profile\'s or the site\'s `bindings`). Outside profiles and site-local assets, `$name` has nothing to bind to.',
  *check({ register }) {
    // A profile's route is written once and used by many sites: report each place once, naming
    // the sites (or assets) it leaves unbound.
    const places = new Map<string, { at: Source; name: string; holders: string[] }>();
    for (const tree of allNeedTrees(register)) {
      const holder = tree.holder.replace(/^the \S+ route of /, '');
      for (const n of walkNeeds(tree.needs)) {
        if (n.kind !== 'unbound') continue;
        const key = whereKey(n.at);
        const place = places.get(key);
        if (!place) places.set(key, { at: n.at, name: n.name, holders: [holder] });
        else if (!place.holders.includes(holder)) place.holders.push(holder);
      }
    }
    for (const { at, name, holders } of places.values()) {
      const shown = holders.slice(0, 5).join(', ') + (holders.length > 5 ? ` and ${holders.length - 5} more` : '');
      yield {
        at,
        message: `\`$${name}\` is bound to nothing for ${holders.length === 1 ? '' : `${holders.length} of its users: `}${shown}.`,
        hint: `Add \`${name}\` to the site's or profile's \`bindings\` (an asset id or a group), or declare a local asset named \`${name}\`.`,
      };
    }
  },
});
