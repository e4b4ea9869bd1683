import { defineRule } from './rule.js';

export const transferDetails = defineRule({
  code: 'CRR-E055',
  name: 'transfer-details',
  severity: 'error',
  title: 'A transferred hazard does not say what was transferred',
  explanation:
    'A transferred hazard is one where the manufacturer\'s actions are done and the deployer\'s are not. The standards require the transferred controls to be identified as the deployer\'s: record `transfer` with the organisation it came from and the controls now owned, and list those controls on the hazard.',
  *check({ register }) {
    for (const h of register.hazards) {
      if (h.status === 'transferred' && !h.transfer) {
        yield {
          at: h.source,
          below: ['status'],
          record: h.id,
          message: `Hazard \`${h.id}\` is transferred but has no \`transfer\` details.`,
          hint: 'Add `transfer:` with `from` (the organisation), `date` and the `controls` the deployer now owns.',
        };
        continue;
      }
      if (!h.transfer) continue;
      const own = new Set([...(h.existingControls ?? []), ...(h.additionalControls ?? [])]);
      for (const [i, id] of h.transfer.controls.entries()) {
        if (own.has(id)) continue;
        yield {
          at: h.source,
          below: ['transfer', 'controls', i],
          record: h.id,
          message: `Control \`${id}\` is transferred with hazard \`${h.id}\` but is not among the hazard's controls.`,
          hint: 'Add it to the hazard\'s `existingControls` or `additionalControls`.',
        };
      }
    }
  },
});
