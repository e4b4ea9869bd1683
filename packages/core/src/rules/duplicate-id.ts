import { recordKindOf } from '../model/register-file.js';
import { withArticle } from './needs.js';
import { defineRule } from './rule.js';

export const duplicateId = defineRule({
  code: 'CRR-E030',
  name: 'duplicate-id',
  severity: 'error',
  title: 'Two records have the same id',
  explanation:
    'Ids are unique across the whole register, whatever their kind, so that every reference means one thing. The second and later declarations are reported.',
  *check({ register }) {
    for (const [id, entries] of register.index) {
      if (entries.length < 2) continue;
      const first = entries[0]!;
      // A site's own assets are named after it: a duplicated site would duplicate them too, and
      // that is one problem, reported at the site.
      const owner = first.collection === 'local-asset' ? id.slice(0, id.indexOf('/')) : undefined;
      if (owner !== undefined && (register.index.get(owner)?.length ?? 0) > 1) continue;
      for (const entry of entries.slice(1)) {
        const kind = entry.collection === 'local-asset' ? 'site-local asset' : recordKindOf[entry.collection];
        const firstKind = first.collection === 'local-asset' ? 'site-local asset' : recordKindOf[first.collection];
        yield {
          at: entry.source,
          below: entry.collection === 'local-asset' ? [] : ['id'],
          record: id,
          message: `The id \`${id}\` of this ${kind} is already used by ${withArticle(firstKind)} at ${first.source.file}:${first.source.line}.`,
          hint: 'Give each record its own id; ids are unique across all kinds of record.',
        };
      }
    }
  },
});
