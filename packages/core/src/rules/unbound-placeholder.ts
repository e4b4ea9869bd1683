import { holdersText, needPlaces, writtenIn } from './needs.js';
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
    for (const { need, holders } of needPlaces(register, (n) => n.kind === 'unbound')) {
      if (need.kind !== 'unbound') continue;
      const where = writtenIn(register, need.at);
      const self = where.record !== undefined && holders.length === 1 && holders[0]!.includes(`\`${where.record}\``);
      yield {
        at: need.at,
        ...(where.record ? { record: where.record } : {}),
        message: `\`$${need.name}\` in ${where.text} is bound to nothing${self ? '' : ` for ${holdersText(holders)}`}.`,
        hint: `Add \`${need.name}\` to the site's or profile's \`bindings\` (an asset id or a group), or declare a local asset named \`${need.name}\`.`,
      };
    }
  },
});
