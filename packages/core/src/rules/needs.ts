import { recordKindOf, type CollectionName } from '../model/register-file.js';
import type { Need, Register, Source } from '../model/register.js';

/** A tree of needs and who holds it: a site's route, or an asset's own needs. */
export interface NeedTree {
  holder: { kind: 'site' | 'asset'; id: string };
  needs: Need[];
  at: Source;
}

/** Every need tree in the register: routes first, then assets' own needs. */
export function* allNeedTrees(register: Register): Generator<NeedTree> {
  for (const r of register.routes) yield { holder: { kind: 'site', id: r.site }, needs: r.requires, at: r.at };
  for (const a of register.assets) if (a.requires.length) yield { holder: { kind: 'asset', id: a.id }, needs: a.requires, at: a.source };
}

/** "site `G1`", "asset `dc-core`". */
export const holderText = (h: NeedTree['holder']) => `${h.kind} \`${h.id}\``;

/** Depth-first over a need tree, each distinct node once (profile templates share nodes). */
export function* walkNeeds(needs: readonly Need[], seen = new WeakSet<Need>()): Generator<Need> {
  if (needs.length === 0) return;
  const stack = [...needs].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    yield n;
    if (n.kind === 'all' || n.kind === 'any' || n.kind === 'atLeast') for (let i = n.members.length - 1; i >= 0; i--) stack.push(n.members[i]!);
  }
}

/** A key that says where a node was written, to report a shared profile node once, not per site. */
export const whereKey = (at: Source) => `${at.file}\u0000${at.path.join('\u0000')}`;

/**
 * The places in requirement trees where a need matches, each once, with everyone it affects: a
 * profile's route is written once and used by every site on the profile.
 */
const distinct = new WeakMap<Register, Need[]>();

/**
 * Every distinct node of every requirement tree, once: profile routes share most of their nodes
 * between sites, so this is the size of the register, not sites × route length. Collected once
 * per register and shared by the rules.
 */
export function distinctNeeds(register: Register): readonly Need[] {
  let list = distinct.get(register);
  if (list) return list;
  list = [];
  const seen = new Set<Need>();
  const stack: Need[] = [];
  const add = (needs: readonly Need[]) => {
    for (let i = needs.length - 1; i >= 0; i--) stack.push(needs[i]!);
    while (stack.length) {
      const n = stack.pop()!;
      if (seen.has(n)) continue;
      seen.add(n);
      list!.push(n);
      if (n.kind === 'all' || n.kind === 'any' || n.kind === 'atLeast') for (let i = n.members.length - 1; i >= 0; i--) stack.push(n.members[i]!);
    }
  };
  for (const r of register.routes) add(r.requires);
  for (const a of register.assets) if (a.requires.length) add(a.requires);
  distinct.set(register, list);
  return list;
}

export function needPlaces(register: Register, matches: (n: Need) => boolean): { need: Need; holders: string[] }[] {
  // Only when some distinct node matches is a second pass made, to learn whom each place affects.
  if (!distinctNeeds(register).some(matches)) return [];

  const places = new Map<string, { need: Need; holders: string[] }>();
  for (const tree of allNeedTrees(register)) {
    for (const n of walkNeeds(tree.needs)) {
      if (!matches(n)) continue;
      const holder = holderText(tree.holder);
      const key = whereKey(n.at) + '\u0000' + (n.kind === 'asset' ? n.id : '');
      const place = places.get(key);
      if (!place) places.set(key, { need: n, holders: [holder] });
      else if (!place.holders.includes(holder)) place.holders.push(holder);
    }
  }
  return [...places.values()];
}

/**
 * Where a node of a requirement tree was written, in words, and the record that holds it:
 * "the patient-record route of profile `kpsn-emis`", "binding `concentrator` of site `G1`",
 * "the needs of asset `dc-core`".
 */
export function writtenIn(register: Register, at: Source): { text: string; record?: string } {
  const [collection, index, part, name] = at.path;
  const record = recordAt(register, at.file, collection as string, index as number);
  if (!record) return { text: `${at.file}` };
  const kind = recordKindOf[collection as CollectionName] ?? String(collection);
  const whose = `${kind} \`${record}\``;
  switch (part) {
    case 'routes':
      return { text: `the ${String(name)} route of ${whose}`, record };
    case 'bindings':
      return { text: `binding \`${String(name)}\` of ${whose}`, record };
    case 'needs':
      return { text: `the needs of ${whose}`, record };
    case 'localAssets':
      return { text: `the needs of local asset \`${String(name)}\` of ${whose}`, record };
    default:
      return { text: whose, record };
  }
}

/** "site `G1`", or "3 sites (`G1`, `G2`, `G3`)", for messages about what a place affects. */
export function holdersText(holders: readonly string[]): string {
  if (holders.length === 1) return holders[0]!;
  const shown = holders.slice(0, 4).map((h) => h.replace(/^\w[\w-]* /, ''));
  const kinds = new Set(holders.map((h) => h.split(' ')[0]));
  const noun = kinds.size === 1 ? `${[...kinds][0]}s` : 'records';
  return `${holders.length} ${noun} (${shown.join(', ')}${holders.length > 4 ? ` and ${holders.length - 4} more` : ''})`;
}

const recordIndex = new WeakMap<Register, Map<string, string>>();

function recordAt(register: Register, file: string, collection: string, index: number): string | undefined {
  let map = recordIndex.get(register);
  if (!map) {
    map = new Map();
    const add = (records: readonly { id: string; source: Source }[]) => {
      for (const r of records) if (r.source.path.length === 2) map!.set(`${r.source.file}\u0000${String(r.source.path[0])}\u0000${String(r.source.path[1])}`, r.id);
    };
    add(register.profiles);
    add(register.sites);
    add(register.assets.filter((a) => !a.site));
    recordIndex.set(register, map);
  }
  return map.get(`${file}\u0000${collection}\u0000${index}`);
}

/** "a control", "an asset", "an organisation". */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}
