import { holdersText, needPlaces, writtenIn } from './needs.js';
import { defineRule } from './rule.js';

export const groupSize = defineRule({
  code: 'CRR-E034',
  name: 'group-size',
  severity: 'error',
  title: 'A k-of-n group needs more members than it has',
  explanation:
    '`atLeast: k` over fewer than k members can never be met, so everything that depends on the group is always cut off. Lower k, or add the missing members.',
  *check({ register }) {
    for (const { need: n, holders } of needPlaces(register, (n) => n.kind === 'atLeast' && n.k > n.members.length)) {
      if (n.kind !== 'atLeast') continue;
      const where = writtenIn(register, n.at);
      const affects = where.record && holders.length === 1 && holders[0]!.includes(`\`${where.record}\``) ? '' : ` (used by ${holdersText(holders)})`;
      yield {
        at: n.at,
        below: ['atLeast'],
        ...(where.record ? { record: where.record } : {}),
        message: `A group in ${where.text}${affects} needs at least ${n.k} working members but has only ${n.members.length}, so it can never be met.`,
        hint: `Lower \`atLeast\` to ${n.members.length} or less, or add members.`,
      };
    }
  },
});
