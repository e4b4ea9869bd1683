import { selectorPatternLimits, selectorPatternProblem, type Selector } from '../model/selector.js';
import type { YamlPath } from '../diagnostics/diagnostic.js';
import { defineRule } from './rule.js';

/** Each pattern of a selector, with its path below the selector and the key it is for (also used by CRR-W064). */
export function* patternsOf(selector: Selector): Generator<{ below: YamlPath; key: string; pattern: string }> {
  for (const key of Object.keys(selector)) {
    const value: unknown = (selector as Record<string, unknown>)[key];
    if (typeof value === 'string') yield { below: [key], key, pattern: value };
    else if (key === 'attributes' && typeof value === 'object' && value !== null)
      for (const name of Object.keys(value)) {
        const p: unknown = (value as Record<string, unknown>)[name];
        if (typeof p === 'string') yield { below: [key, name], key: `attributes.${name}`, pattern: p };
      }
  }
}

const { length, wildcards } = selectorPatternLimits;

export const selectorPattern = defineRule({
  code: 'CRR-E058',
  name: 'selector-pattern',
  severity: 'error',
  title: 'A selector pattern is too long or has too many wildcards',
  explanation:
    `A selector value may have at most ${length} characters and at most ${wildcards} \`*\` wildcards. Every asset is compared with it, and ` +
    'a longer value or more wildcards never names a set of assets better: it is a mistake, or a register built to slow the tools that read it. ' +
    'One `*` stands for any run of characters (`fw-*`).',
  *check({ register }) {
    const hint = 'Select by a shorter value, or by an attribute the failing assets share, with one `*` for any run of characters, e.g. `select: { software: "MX 18.*" }`.';
    // Selectors appear in hazard causes and scenarios; a new place that holds one must be walked here too.
    for (const h of register.hazards) {
      for (const [i, c] of h.causes.entries()) {
        if (!c.select) continue;
        for (const { below, key, pattern } of patternsOf(c.select)) {
          const problem = selectorPatternProblem(pattern);
          if (!problem) continue;
          yield {
            at: h.source,
            below: ['causes', i, 'select', ...below],
            record: h.id,
            message: `Cause ${i + 1} of hazard \`${h.id}\` selects by \`${key}\` with a pattern that ${problem}.`,
            hint,
          };
        }
      }
    }
    for (const s of register.scenarios) {
      if (!s.select) continue;
      for (const { below, key, pattern } of patternsOf(s.select)) {
        const problem = selectorPatternProblem(pattern);
        if (!problem) continue;
        yield { at: s.source, below: ['select', ...below], record: s.id, message: `Scenario \`${s.id}\` selects by \`${key}\` with a pattern that ${problem}.`, hint };
      }
    }
  },
});
