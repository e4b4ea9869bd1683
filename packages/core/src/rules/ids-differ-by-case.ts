import type { Source } from '../model/register.js';
import { recordKindOf } from '../model/register-file.js';
import { withArticle } from './needs.js';
import { defineRule } from './rule.js';

export const idsDifferByCase = defineRule({
  code: 'CRR-W059',
  name: 'ids-differ-by-case',
  severity: 'warning',
  title: 'Two ids differ only by letter case',
  explanation:
    'Ids are matched exactly, so `Telephony` and `telephony` are two records, but a reader takes them for one and a reference written in the wrong case quietly names the other. Their pages would also share a folder on a file system that ignores case (macOS, Windows, a gh-pages checkout), so the site gives them pages with a hash in the name. Each id after the first of its kind, in file order, is reported, whatever kind of record it names.',
  *check({ register }) {
    // The first declaration of each id, grouped by the id in lower case. A site's own assets
    // (`Y90104/link`) are left out: their names are lower case, so they differ by case only
    // when their sites do, and that is one problem, reported at the site.
    const groups = new Map<string, { id: string; kind: string; source: Source }[]>();
    for (const [id, entries] of register.index) {
      const first = entries[0];
      if (!first || first.collection === 'local-asset' || register.unparsed.has(id)) continue;
      const folded = id.toLowerCase();
      const group = groups.get(folded) ?? [];
      group.push({ id, kind: recordKindOf[first.collection], source: first.source });
      groups.set(folded, group);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      group.sort((a, b) => compare(a.source.file, b.source.file) || a.source.line - b.source.line || a.source.column - b.source.column || compare(a.id, b.id));
      const first = group[0]!;
      for (const other of group.slice(1))
        yield {
          at: other.source,
          below: ['id'],
          record: other.id,
          message: `The id \`${other.id}\` of this ${other.kind} differs only by letter case from the id \`${first.id}\` of ${withArticle(first.kind)} at ${first.source.file}:${first.source.line}: a reader takes them for one record, and a reference in the wrong case names the other.`,
          hint: 'Rename one of them so the ids differ by more than case; if they are the same record, keep one and write its id exactly in every reference.',
        };
    }
  },
});

/** Code-point order, so the first of a group never depends on the locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
