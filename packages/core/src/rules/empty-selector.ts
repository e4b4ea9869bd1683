import type { Selector } from '../model/selector.js';
import { defineRule } from './rule.js';

/** No keys, or only keys whose patterns are all `*`: every asset matches. */
function selectsEverything(selector: Selector): boolean {
  return Object.values(selector).every((v) => (typeof v === 'string' ? /^\**$/.test(v) : Object.values(v as Record<string, string>).every((p) => /^\**$/.test(p))));
}

export const emptySelector = defineRule({
  code: 'CRR-E056',
  name: 'empty-selector',
  severity: 'error',
  title: 'A selector selects every asset',
  explanation:
    'A `select:` with no attributes, or only wildcards (`id: "*"`), would match every asset in the register, which is never what a cause or a scenario means. Name at least one attribute.',
  *check({ register }) {
    const hint = 'Name the attributes the failing assets share, e.g. `select: { vendor: Cisco Meraki, software: "MX 18.*" }`.';
    for (const h of register.hazards) {
      for (const [i, c] of h.causes.entries()) {
        if (!c.select || !selectsEverything(c.select)) continue;
        yield {
          at: h.source,
          below: ['causes', i, 'select'],
          record: h.id,
          message: `Cause ${i + 1} of hazard \`${h.id}\` has a \`select\` that names no attribute but wildcards, so it would match every asset.`,
          hint,
        };
      }
    }
    for (const s of register.scenarios) {
      if (!s.select || !selectsEverything(s.select)) continue;
      yield {
        at: s.source,
        below: ['select'],
        record: s.id,
        message: `Scenario \`${s.id}\` has a \`select\` that names no attribute but wildcards, so it would fail every asset at once.`,
        hint,
      };
    }
  },
});
