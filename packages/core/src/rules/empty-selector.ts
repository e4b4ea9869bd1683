import { defineRule } from './rule.js';

export const emptySelector = defineRule({
  code: 'CRR-E056',
  name: 'empty-selector',
  severity: 'error',
  title: 'A selector selects every asset',
  explanation: 'A `select:` with no attributes would match every asset in the register, which is never what a cause means. Name at least one attribute.',
  *check({ register }) {
    for (const h of register.hazards) {
      for (const [i, c] of h.causes.entries()) {
        if (!c.select || Object.keys(c.select).length > 0) continue;
        yield {
          at: h.source,
          below: ['causes', i, 'select'],
          record: h.id,
          message: `Cause ${i + 1} of hazard \`${h.id}\` has an empty \`select\`, which would match every asset.`,
          hint: 'Name the attributes the failing assets share, e.g. `select: { vendor: Cisco Meraki, software: "MX 18.*" }`.',
        };
      }
    }
  },
});
