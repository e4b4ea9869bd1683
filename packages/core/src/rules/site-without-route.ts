import { defineRule } from './rule.js';

/** Site types that are expected to use clinical services; data centres and offices are not. */
const SERVED = new Set(['practice', 'branch']);

export const siteWithoutRoute = defineRule({
  code: 'CRR-W050',
  name: 'site-without-route',
  severity: 'warning',
  title: 'A practice has no route to any clinical service',
  explanation:
    'A practice or branch with no routes is invisible to the analysis: nothing can be found that cuts it off. Give it a `profile`, or `routes` of its own.',
  *check({ register }) {
    const routed = new Set(register.routes.map((r) => r.site));
    for (const s of register.sites) {
      if (!SERVED.has(s.type) || routed.has(s.id)) continue;
      if (s.profile && register.unparsed.has(s.profile)) continue; // its profile failed to parse: reported there
      yield {
        at: s.source,
        below: ['id'],
        record: s.id,
        message: `Site \`${s.id}\` (${s.name}) has no route to any clinical service, so no failure can be traced to it.`,
        hint: 'Give it a `profile:` or its own `routes:`.',
      };
    }
  },
});
