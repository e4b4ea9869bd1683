import { defineRule } from './rule.js';

export const incidentWithoutHazard = defineRule({
  code: 'CRR-W049',
  name: 'incident-without-hazard',
  severity: 'warning',
  title: 'An incident names no hazard',
  explanation:
    'The standards require incidents to feed back into the hazard assessment. An incident that realised no logged hazard is a sign the log is missing one: raise it, or name the hazards the incident realised.',
  *check({ register }) {
    for (const i of register.incidents) {
      if ((i.hazards ?? []).length) continue;
      yield {
        at: i.source,
        below: ['title'],
        record: i.id,
        message: `Incident \`${i.id}\` names no hazard, so it does not feed back into the hazard log.`,
        hint: 'Add `hazards:` with the hazards it realised; if none fits, raise a new hazard.',
      };
    }
  },
});
