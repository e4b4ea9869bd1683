import { tierType } from '../analysis/places.js';
import { placeKeyWords, unknownPlaces, type UnknownPlace } from '../analysis/selector-places.js';
import { defineRule } from './rule.js';

/** The hint for one unknown place: the near name, or what the register has. */
function hintFor(u: UnknownPlace): string {
  const words = placeKeyWords[u.key];
  if (u.suggestion !== undefined) return `Write \`${u.key}: ${u.suggestion}\` if that is the ${words} meant, or add the ${words} to the organisations (\`type: ${tierType[u.key]}\`, with its \`ods\` code).`;
  if (!u.known) return `The register declares no ${words}: add it to the organisations (\`type: ${tierType[u.key]}\`, with its \`ods\` code) and place the sites in it, or select by another key.`;
  return `Give the ODS code or the id of one of the register's ${words}s (organisations of \`type: ${tierType[u.key]}\`), e.g. ${u.examples.map((e) => `\`${u.key}: ${e}\``).join(', ')}; \`*\` is a wildcard.`;
}

/** `CRR-E069`: a place selector naming a place the register does not have. */
export const unknownPlaceInSelector = defineRule({
  code: 'CRR-E069',
  name: 'unknown-place-in-selector',
  severity: 'error',
  title: 'A selector names a place the register does not have',
  explanation:
    'A place key in a selector (`pcn`, `subIcb`, `icb`, `region`) matches the ODS code or the id of a place organisation of that tier. A value with no `*` that names no such organisation is a typo or a place since renamed: the cause would cover nothing, or the scenario would fail nothing and read as reassurance. Matching ignores case.',
  *check({ register }) {
    // Selectors appear in hazard causes and scenarios; a new place that holds one must be walked here too.
    for (const h of register.hazards) {
      for (const [i, c] of h.causes.entries()) {
        if (!c.select) continue;
        for (const u of unknownPlaces(register, c.select))
          yield {
            at: h.source,
            below: ['causes', i, 'select', u.key],
            record: h.id,
            message: `Cause ${i + 1} of hazard \`${h.id}\` selects \`${u.key}: ${u.value}\`, but no ${placeKeyWords[u.key]} in the register has that ODS code or id, so the cause names no asset.${u.suggestion !== undefined ? ` Did you mean \`${u.suggestion}\`?` : ''}`,
            hint: hintFor(u),
          };
      }
    }
    for (const s of register.scenarios) {
      if (!s.select) continue;
      for (const u of unknownPlaces(register, s.select))
        yield {
          at: s.source,
          below: ['select', u.key],
          record: s.id,
          message: `Scenario \`${s.id}\` selects \`${u.key}: ${u.value}\`, but no ${placeKeyWords[u.key]} in the register has that ODS code or id, so the scenario fails nothing and reads as reassurance.${u.suggestion !== undefined ? ` Did you mean \`${u.suggestion}\`?` : ''}`,
          hint: hintFor(u),
        };
    }
  },
});
