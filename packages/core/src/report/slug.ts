import { createHash } from 'node:crypto';

/**
 * Page slugs: the folder name a record's page is written under (`hazards/<slug>/index.html`)
 * and the fragment a record is linked by. Ids come from registers in pull requests from anyone,
 * so a slug must be safe whatever the id: a plain path segment, short enough for every file
 * system, never a name the site or Windows reserves, and distinct from every other slug of its
 * section even where the file system ignores letter case (macOS, Windows, a gh-pages checkout).
 *
 * A slug is the id itself wherever that is safe (`HAZ-001` stays `HAZ-001`; a site's own asset
 * `Y90104/link` becomes `Y90104~link`). Otherwise it is a readable prefix of the id and `~` and a
 * short hash of the whole id (`index.html` → `index.html~3f2a9c10`): an id that is too long, has
 * characters a path cannot hold, is a reserved name, or equals another id of its section letter
 * case aside (then every id of that group is hashed, so none of them takes the other's page).
 * Because of that last rule a slug depends on the ids of its section: `slugIndex` computes them
 * once for a section and the report carries them; links never recompute a slug from an id.
 */

/** The longest slug: well inside every file system's 255-byte name limit and short enough to read. */
export const SLUG_MAX_LENGTH = 64;

/** Hex digits of the hash a slug carries when the id cannot be its slug as it is. */
const HASH_DIGITS = 8;

const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._~-]*$/;

/** Windows device names: reserved as a file name on their own or before any extension (`nul.txt`). */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** Names of the site's own files inside a section folder (`hazards/index.html`). */
const SITE_FILE = /^index(\.html?)?$/i;

/**
 * Whether `s` can be a record's folder name as it is: one path segment of `[A-Za-z0-9._~-]`
 * starting with a letter or digit (so never `.`, `..` or hidden), at most `SLUG_MAX_LENGTH`
 * characters, not ending in `.` (Windows drops it), and not a reserved name.
 */
export function isSafeSlug(s: string): boolean {
  if (s.length > SLUG_MAX_LENGTH || !SAFE_SEGMENT.test(s) || s.endsWith('.')) return false;
  const dot = s.indexOf('.');
  return !WINDOWS_DEVICE.test(dot < 0 ? s : s.slice(0, dot)) && !SITE_FILE.test(s);
}

/** `readable` if it is a safe slug, else a safe prefix of it with the hash of `id`. */
function bounded(readable: string, id: string): string {
  return isSafeSlug(readable) ? readable : hashedSlug(readable, id, HASH_DIGITS);
}

/**
 * `<prefix>~<hash>`: the prefix is `readable` made safe and cut to fit, the hash is of the whole
 * id, so two ids that share a long prefix or differ only by case still part. Always safe.
 */
function hashedSlug(readable: string, id: string, digits: number): string {
  const hash = createHash('sha256').update(id).digest('hex').slice(0, digits);
  const room = SLUG_MAX_LENGTH - 1 - digits;
  // Cut before cleaning so that a 10,000-character id costs no more than a short one.
  const prefix = readable
    .slice(0, room * 2)
    .replace(/[^A-Za-z0-9._~-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, room);
  const slug = `${prefix}~${hash}`;
  // A prefix that is empty or a device name before a dot (`con.x~…`) gives way to a fixed one.
  return prefix && isSafeSlug(slug) ? slug : `id~${hash}`;
}

/**
 * A record's page slug on its own, as `slugIndex` gives it when no other id of its section
 * equals it letter case aside. Use `slugIndex` for pages; this is for a link made without the
 * section at hand (the pull-request comment), which is right for every id not in such a clash.
 */
export function slugOf(id: string): string {
  return bounded(id.replace(/\//g, '~'), id);
}

/**
 * A finding's slug on its own: its id (`common-cause:software train=Cisco Meraki MX 18`) in lower
 * case with every run of other characters as `-`, bounded like a record's (see `slugIndex`).
 */
export function findingSlug(id: string): string {
  return bounded(trimDashes(id.toLowerCase().replace(/[^a-z0-9._~-]+/g, '-')), id);
}

/** `s` without leading and trailing `-` (a loop: a regex anchored at the end can take quadratic time). */
function trimDashes(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s[start] === '-') start++;
  while (end > start && s[end - 1] === '-') end--;
  return s.slice(start, end);
}

/**
 * The slug of every id of one section (ids repeated count once), collision-free under case
 * folding. Ids whose own slugs (`slugOf`, or `findingSlug` for findings) are unique letter case
 * aside keep them; the others get their hashed slug, and in the unlikely case that clashes too
 * (a hash collision crafted on purpose), a longer hash, then a salted one. The result depends
 * only on the set of ids, never on their order.
 */
export function slugIndex(ids: Iterable<string>, own: (id: string) => string = slugOf): ReadonlyMap<string, string> {
  const sorted = [...new Set(ids)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const fold = (s: string) => s.toLowerCase();
  const owned = new Map(sorted.map((id) => [id, own(id)] as const));
  const holders = new Map<string, number>();
  for (const slug of owned.values()) holders.set(fold(slug), (holders.get(fold(slug)) ?? 0) + 1);

  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const [id, slug] of owned)
    if (holders.get(fold(slug)) === 1) {
      out.set(id, slug);
      taken.add(fold(slug));
    }
  for (const id of sorted) {
    if (out.has(id)) continue;
    // The readable part is the id's own slug, so a finding's hashed slug stays in lower case.
    const readable = owned.get(id)!.replace(/~[0-9a-f]+$/, '');
    let slug = hashedSlug(readable, id, HASH_DIGITS);
    for (let salt = 0; taken.has(fold(slug)); salt++) slug = hashedSlug(readable, salt === 0 ? id : `${id}\u0000${salt}`, 16);
    out.set(id, slug);
    taken.add(fold(slug));
  }
  return out;
}
