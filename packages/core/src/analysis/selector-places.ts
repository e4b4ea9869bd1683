import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { Register } from '../model/register.js';
import { placeSelectorKeys, type PlaceSelectorKey, type Selector } from '../model/selector.js';
import { placeOrganisations, type NamedPlace } from './asset-places.js';
import { foldCase } from './wildcard.js';

/** A place key whose literal value names no place organisation of that tier in the register. */
export interface UnknownPlace {
  key: PlaceSelectorKey;
  value: string;
  /** A near ODS code or id of that tier, for a did-you-mean. */
  suggestion?: string;
  /** How many places of that tier the register has (none: the key can select nothing here). */
  known: number;
  /** A few of them, by ODS code where they have one, for a hint. */
  examples: string[];
}

/** The tier a place key names, in a sentence (`an ICB`). */
export const placeKeyWords: Record<PlaceSelectorKey, string> = { pcn: 'PCN', subIcb: 'sub-ICB location', icb: 'ICB', region: 'NHS England region' };

/**
 * The place keys of a selector whose value names no place of that tier, by ODS code or id
 * (ignoring case, as matching does). A value with a `*` is a pattern, not a name, and is not
 * checked: whether it selects anything is CRR-W064's question. Used by CRR-E069 and by
 * `crr what-if --fail`, so a typo (`icb: QSK`) is an error rather than a selector that quietly
 * fails nothing, which reads as "nothing happens".
 */
export function unknownPlaces(register: Register, selector: Selector): UnknownPlace[] {
  const out: UnknownPlace[] = [];
  for (const key of placeSelectorKeys) {
    if (!Object.hasOwn(selector, key)) continue;
    const value: unknown = selector[key];
    if (typeof value !== 'string' || value.includes('*')) continue;
    const tier = namesOf(register)[key];
    if (tier.folded.has(foldCase(value))) continue;
    const suggestion = didYouMean(value, tier.names);
    out.push({ key, value, known: tier.places, examples: tier.examples, ...(suggestion !== undefined ? { suggestion } : {}) });
  }
  return out;
}

interface TierNames {
  /** ODS codes and ids, as written, for a did-you-mean. */
  names: string[];
  /** The same, case-folded, for the check. */
  folded: Set<string>;
  places: number;
  examples: string[];
}

const cache = new WeakMap<Register, Record<PlaceSelectorKey, TierNames>>();

/** The names of each tier's places, once per register: a national register has hundreds of selectors and thousands of PCNs. */
function namesOf(register: Register): Record<PlaceSelectorKey, TierNames> {
  let found = cache.get(register);
  if (!found) {
    const byTier = placeOrganisations(register);
    const tierNames = (places: readonly NamedPlace[]): TierNames => {
      const names = places.flatMap((p) => (p.ods !== undefined ? [p.ods, p.id] : [p.id]));
      return { names, folded: new Set(names.map(foldCase)), places: places.length, examples: places.slice(0, 3).map((p) => p.ods ?? p.id) };
    };
    found = { pcn: tierNames(byTier.pcn), subIcb: tierNames(byTier.subIcb), icb: tierNames(byTier.icb), region: tierNames(byTier.region) };
    cache.set(register, found);
  }
  return found;
}
