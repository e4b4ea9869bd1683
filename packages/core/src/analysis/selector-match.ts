import type { RegisterAsset } from '../model/register.js';
import type { Selector } from '../model/selector.js';
import { attributeNamePattern, placeSelectorKeys, selectorKeys, selectorPatternProblem, type PlaceSelectorKey } from '../model/selector-keys.js';
import type { AssetPlaces } from './asset-places.js';
import type { PlaceTier } from './places.js';
import { foldCase, wildcardMatches } from './wildcard.js';

// A place key is named after the tier it selects by, so the key is the tier: the two lists must stay one.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const placeKeysAreTiers: Same<PlaceSelectorKey, PlaceTier> = true;

const isPlaceKey = (key: string): key is PlaceSelectorKey => (placeSelectorKeys as readonly string[]).includes(key);

/** The value of a selector key on an asset. */
export function assetAttribute(asset: RegisterAsset, key: string): string | undefined {
  switch (key) {
    case 'id':
      return asset.id;
    case 'site':
      return asset.site;
    case 'type':
    case 'supplier':
    case 'vendor':
    case 'model':
    case 'software':
    case 'carrier':
    case 'network':
    case 'location':
    case 'managedBy':
      return asset[key];
    default:
      return key.startsWith('attributes.') ? ownAttribute(asset, key.slice('attributes.'.length)) : undefined;
  }
}

/**
 * The values a selector key may match on an asset: its attribute, or for a place key the id and
 * ODS code of the place it is in at that tier (none for an asset in no place).
 */
function valuesOf(asset: RegisterAsset, key: string, places: AssetPlaces): readonly string[] {
  if (isPlaceKey(key)) return places.valuesAt(asset, key);
  const v = assetAttribute(asset, key);
  return v === undefined ? [] : [v];
}

/** `*` matches anything; everything else literally, ignoring case (people type "cisco meraki"). Linear time. */
export function globMatches(pattern: string, value: string | undefined): boolean {
  return typeof value === 'string' && wildcardMatches(pattern, value);
}

/** An asset's own free-form attribute: never one inherited from `Object.prototype` (`constructor`). */
function ownAttribute(asset: RegisterAsset, name: string): string | undefined {
  const attributes = asset.attributes;
  return attributes && Object.hasOwn(attributes, name) ? attributes[name] : undefined;
}

const isSelectorKey = (key: string) => key !== 'attributes' && (selectorKeys as readonly string[]).includes(key);

/**
 * Every key given must match. Only the selector's own keys are read, and a key that is not a
 * selector key (`__proto__` from a JSON caller) matches nothing. A selector that names nothing
 * (`{}`, `{ attributes: {} }`) selects nothing: CRR-E056 refuses it in a register, and reading a
 * mistake as "every asset fails" would be the worst possible answer. A place key matches the id
 * or the ODS code of the asset's place at that tier, from `places` (`assetPlacesOf(register)`).
 */
export function selectorMatches(selector: Selector, asset: RegisterAsset, places: AssetPlaces): boolean {
  let named = 0;
  for (const key of Object.keys(selector)) {
    const pattern: unknown = (selector as Record<string, unknown>)[key];
    if (key === 'attributes') {
      if (typeof pattern !== 'object' || pattern === null) return false;
      for (const name of Object.keys(pattern)) {
        const p: unknown = (pattern as Record<string, unknown>)[name];
        named++;
        if (typeof p !== 'string' || !globMatches(p, ownAttribute(asset, name))) return false;
      }
    } else {
      named++;
      if (!isSelectorKey(key) || typeof pattern !== 'string') return false;
      if (!valuesOf(asset, key, places).some((v) => globMatches(pattern, v))) return false;
    }
  }
  return named > 0;
}

/**
 * Assets indexed by the value of each selector key, so that a selector with a literal value
 * (`site: Y90104`, `vendor: Cisco Meraki`) looks its candidates up instead of scanning every
 * asset; wildcard patterns are then matched among the candidates only.
 */
export class AssetIndex {
  private readonly byKey = new Map<string, Map<string, number[]>>();

  constructor(
    private readonly assets: readonly RegisterAsset[],
    private readonly places: AssetPlaces,
  ) {}

  /** Built on first use of a key, in one pass; a place key indexes each asset under its place's id and its ODS code. */
  private values(key: string): Map<string, number[]> {
    let map = this.byKey.get(key);
    if (!map) {
      map = new Map();
      this.assets.forEach((a, i) => {
        for (const k of new Set(valuesOf(a, key, this.places).map(foldCase))) {
          const list = map!.get(k);
          if (list) list.push(i);
          else map!.set(k, [i]);
        }
      });
      this.byKey.set(key, map);
    }
    return map;
  }

  select(selector: Selector): number[] {
    let candidates: readonly number[] | undefined;
    for (const [key, pattern] of Object.entries(selector)) {
      if (!isSelectorKey(key) || typeof pattern !== 'string' || pattern.includes('*')) continue;
      const found = this.values(key).get(foldCase(pattern)) ?? [];
      if (!candidates || found.length < candidates.length) candidates = found;
    }
    const pool = candidates ?? this.assets.map((_, i) => i);
    return pool.filter((i) => selectorMatches(selector, this.assets[i]!, this.places)).sort((a, b) => a - b);
  }
}

/** The indices of the assets the selector matches, by scanning them all (see `AssetIndex` for many selectors). */
export function selectAssets(selector: Selector, assets: readonly RegisterAsset[], places: AssetPlaces): number[] {
  const out: number[] = [];
  assets.forEach((a, i) => {
    if (selectorMatches(selector, a, places)) out.push(i);
  });
  return out;
}

/** What `parseSelectorText` made of the text: a selector, or the problem with it. */
export interface SelectorText {
  selector?: Selector;
  /** What is wrong, as a clause to follow "`…` is not a valid selector: ". */
  problem?: string;
  /** A key that is not a selector key, for a did-you-mean among `selectorKeys`. */
  badKey?: string;
  /** An attribute name no asset declares (or no attribute name at all), for a did-you-mean. */
  badAttribute?: string;
  /** A value beyond `selectorPatternLimits`. */
  overLimit?: boolean;
}

/** A fragment of what was typed, in backticks and cut short: a command line can be very long. */
function quote(s: string): string {
  return '`' + (s.length > 60 ? `${s.slice(0, 59)}…` : s) + '`';
}

/**
 * `key=value[,key=value…]` as typed on the command line, e.g. `software=MX 18.*,vendor=Cisco Meraki`.
 * Free-form attributes (`attributes.exchange=Riverhythe`) must be named by `attributeNames`, the
 * names the register's assets declare, when given: the set is closed, so a typo or a name like
 * `__proto__` or `constructor` is an error rather than a selector that matches nothing, or
 * everything. The objects built have no prototype, so no key typed can reach `Object.prototype`.
 */
export function parseSelectorText(text: string, attributeNames?: ReadonlySet<string>): SelectorText {
  const selector = Object.create(null) as Record<string, unknown>;
  let attributes: Record<string, string> | undefined;
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return { problem: `${quote(part)} is not \`key=value\`` };
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (!value) return { problem: `${quote(`${key}=`)} has no value` };
    if (key.startsWith('attributes.')) {
      const name = key.slice('attributes.'.length);
      if (attributeNames && !attributeNames.has(name)) return { problem: `${quote(name)} is not an attribute of any asset in the register`, badAttribute: name };
      if (!attributeNamePattern.test(name))
        return { problem: `${quote(name)} is not an attribute name (a lower-case letter, then letters, digits or \`-\`)`, badAttribute: name };
      attributes ??= Object.create(null) as Record<string, string>;
      if (Object.hasOwn(attributes, name)) return { problem: `${quote(key)} is given twice` };
      attributes[name] = value;
    } else if (isSelectorKey(key)) {
      if (Object.hasOwn(selector, key)) return { problem: `${quote(key)} is given twice` };
      selector[key] = value;
    } else return { problem: `${quote(key)} is not a selector key`, badKey: key };
    const limit = selectorPatternProblem(value);
    if (limit) return { problem: `the value of ${quote(key)} ${limit}`, overLimit: true };
  }
  if (attributes) selector.attributes = attributes;
  return { selector: selector as Selector };
}

/** The free-form attribute names the assets declare, sorted: the names a selector may use. */
export function declaredAttributeNames(assets: readonly RegisterAsset[]): string[] {
  const names = new Set<string>();
  for (const a of assets) if (a.attributes) for (const name of Object.keys(a.attributes)) names.add(name);
  return [...names].sort();
}

/** A selector as `key=value,…`, the form `crr what-if --fail` takes: how a scenario's selector is shown. */
export function selectorText(selector: Selector): string {
  const parts: string[] = [];
  for (const key of Object.keys(selector).sort()) {
    const value = (selector as Record<string, unknown>)[key];
    if (key === 'attributes' && value && typeof value === 'object') for (const name of Object.keys(value).sort()) parts.push(`attributes.${name}=${(value as Record<string, string>)[name]}`);
    else if (typeof value === 'string') parts.push(`${key}=${value}`);
  }
  return parts.join(',');
}
