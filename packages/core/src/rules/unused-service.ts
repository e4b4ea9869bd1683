import { defineRule } from './rule.js';

export const unusedService = defineRule({
  code: 'CRR-W051',
  name: 'unused-service',
  severity: 'warning',
  title: 'No site uses a clinical service',
  explanation: 'A clinical service that no route leads to is either not modelled yet or no longer used. Add routes to it, or remove it.',
  *check({ register }) {
    // With a profile or site that failed to parse, its routes are unknown: no service can be called unused.
    for (const collection of register.unparsed.values()) if (collection === 'profiles' || collection === 'sites') return;
    const used = new Set(register.routes.map((r) => r.service));
    for (const s of register.services) {
      if (used.has(s.id)) continue;
      yield {
        at: s.source,
        below: ['id'],
        record: s.id,
        message: `No site has a route to clinical service \`${s.id}\` (${s.name}).`,
        hint: 'Add routes to it in the profiles or sites that use it, or remove it.',
      };
    }
  },
});
