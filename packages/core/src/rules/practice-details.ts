import { defineRule, type Finding } from './rule.js';

export const practiceDetails = defineRule({
  code: 'CRR-E052',
  name: 'practice-details',
  severity: 'error',
  title: 'A practice lacks its ODS code, PCN or list size, or its PCN is not a PCN',
  explanation:
    'The analysis counts patients by practice and rolls them up by PCN: every practice needs its ODS code, its PCN (an organisation of type `pcn`) and its registered list size.',
  *check({ register }) {
    const orgs = new Map(register.organisations.map((o) => [o.id, o] as const));
    for (const s of register.sites) {
      if (s.type !== 'practice') continue;
      const missing = (['ods', 'pcn', 'listSize'] as const).filter((k) => s[k] === undefined);
      if (missing.length) {
        yield {
          at: s.source,
          below: ['id'],
          record: s.id,
          message: `Practice \`${s.id}\` has no ${missing.map((k) => `\`${k}\``).join(', ')}.`,
          hint: 'Add the ODS code, the PCN and the registered list size; the ODS extracts (epraccur) and list-size publications have them.',
        } satisfies Finding;
      }
      const pcn = s.pcn ? orgs.get(s.pcn) : undefined;
      if (pcn && pcn.type !== 'pcn') {
        yield {
          at: s.source,
          below: ['pcn'],
          record: s.id,
          message: `The PCN of practice \`${s.id}\` is \`${pcn.id}\`, an organisation of type \`${pcn.type}\`, not \`pcn\`.`,
          hint: 'Point `pcn` at the practice\'s primary care network.',
        };
      }
    }
  },
});
