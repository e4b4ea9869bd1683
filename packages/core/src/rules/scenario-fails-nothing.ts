import { defineRule } from './rule.js';

export const scenarioFailsNothing = defineRule({
  code: 'CRR-E063',
  name: 'scenario-fails-nothing',
  severity: 'error',
  title: 'A scenario names nothing that fails',
  explanation:
    'A scenario fails the assets it names in `assets:` and those its `select:` matches. With neither, it fails nothing, so its evaluation is "nothing happens": a pass that says nothing about the register. Name the assets that fail, or select them by what they share.',
  *check({ register }) {
    for (const s of register.scenarios) {
      if (s.assets?.length || s.select) continue; // a `select` that names nothing is CRR-E056's
      yield {
        at: s.source,
        below: [s.assets ? 'assets' : 'id'],
        record: s.id,
        message: `Scenario \`${s.id}\` fails nothing: it has ${s.assets ? 'an empty `assets` list' : 'no `assets`'} and no \`select\`, so it would always evaluate to "nothing happens".`,
        hint: 'Name the assets that fail, e.g. `assets: [vpn-b]`, or select them by what they share, e.g. `select: { software: "MX 18.*" }`; a scenario may give both.',
      };
    }
  },
});
