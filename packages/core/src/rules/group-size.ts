import { allNeedTrees, walkNeeds, whereKey } from './needs.js';
import { defineRule } from './rule.js';

export const groupSize = defineRule({
  code: 'CRR-E034',
  name: 'group-size',
  severity: 'error',
  title: 'A k-of-n group needs more members than it has',
  explanation:
    '`atLeast: k` over fewer than k members can never be met, so everything that depends on the group is always cut off. Lower k, or add the missing members.',
  *check({ register }) {
    const reported = new Set<string>();
    for (const tree of allNeedTrees(register)) {
      for (const n of walkNeeds(tree.needs)) {
        if (n.kind !== 'atLeast' || n.k <= n.members.length) continue;
        const key = whereKey(n.at);
        if (reported.has(key)) continue;
        reported.add(key);
        yield {
          at: n.at,
          below: ['atLeast'],
          message: `A group in ${tree.holder} needs at least ${n.k} working members but has only ${n.members.length}, so it can never be met.`,
          hint: `Lower \`atLeast\` to ${n.members.length} or less, or add members.`,
        };
      }
    }
  },
});
