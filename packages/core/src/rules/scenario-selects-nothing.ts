import { assetPlacesOf } from '../analysis/asset-places.js';
import { selectorMatches } from '../analysis/selector-match.js';
import { unknownPlaces } from '../analysis/selector-places.js';
import { selectorPatternProblem } from '../model/selector.js';
import { defineRule } from './rule.js';
import { patternsOf } from './selector-pattern.js';

export const scenarioSelectsNothing = defineRule({
  code: 'CRR-W064',
  name: 'scenario-selects-nothing',
  severity: 'warning',
  title: 'A scenario\'s selector matches no asset',
  explanation:
    'A scenario with no `assets:` fails only what its `select:` matches. If that is no asset, the scenario evaluates to "nothing happens", which reads as reassurance when it is usually a typo or an asset since renamed. Matching ignores case and `*` is a wildcard.',
  *check({ register }) {
    // Assets, sites or profiles that failed their schema are missing from the register: the
    // selector may have been meant for them, and their own diagnostics come first.
    for (const collection of register.unparsed.values()) if (collection === 'assets' || collection === 'profiles' || collection === 'sites') return;
    for (const s of register.scenarios) {
      if (s.assets?.length || !s.select) continue;
      const patterns = [...patternsOf(s.select)];
      // Nothing named but wildcards (CRR-E056) or a pattern past the limits (CRR-E058): already an error.
      // A place the register does not have (CRR-E069): already an error.
      if (patterns.every((p) => /^\**$/.test(p.pattern)) || patterns.some((p) => selectorPatternProblem(p.pattern)) || unknownPlaces(register, s.select).length) continue;
      // Whether any asset matches, not which: the first match settles it.
      const places = assetPlacesOf(register);
      const select = s.select;
      if (register.assets.some((a) => selectorMatches(select, a, places))) continue;
      const written = patterns.map((p) => `${p.key}: ${p.pattern}`).join(', ');
      yield {
        at: s.source,
        below: ['select'],
        record: s.id,
        message: `Scenario \`${s.id}\` fails nothing: its \`select\` (\`${written}\`) matches no asset and it names no \`assets\`, so it evaluates to "nothing happens", which reads as reassurance.`,
        hint: 'Check the values against the assets\' attributes (matching ignores case; `*` is a wildcard), or name the failing assets in `assets:`.',
      };
    }
  },
});
