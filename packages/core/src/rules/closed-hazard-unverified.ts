import { defineRule } from './rule.js';

export const closedHazardUnverified = defineRule({
  code: 'CRR-E044',
  name: 'closed-hazard-unverified',
  severity: 'error',
  title: 'A closed hazard relies on controls that are not verified',
  explanation:
    'A hazard is closed only when all its actions are complete, and controls count only once implemented and verified with evidence. Reopen the hazard, or verify its controls.',
  *check({ register }) {
    const controls = new Map(register.controls.map((c) => [c.id, c] as const));
    for (const h of register.hazards) {
      if (h.status !== 'closed') continue;
      const ids = [...(h.existingControls ?? []), ...(h.additionalControls ?? [])];
      const unverified = ids.filter((id) => {
        const c = controls.get(id);
        return c !== undefined && c.status !== 'verified';
      });
      if (!unverified.length) continue;
      yield {
        at: h.source,
        below: ['status'],
        record: h.id,
        message: `Hazard \`${h.id}\` is closed, but ${unverified.length === 1 ? 'its control' : 'its controls'} ${unverified.map((id) => `\`${id}\` (${controls.get(id)!.status})`).join(', ')} ${unverified.length === 1 ? 'is' : 'are'} not verified.`,
        hint: 'Set the hazard\'s status to `open` until every control is verified with evidence.',
      };
    }
  },
});
