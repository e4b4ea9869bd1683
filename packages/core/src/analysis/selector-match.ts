import type { RegisterAsset } from '../model/register.js';
import { selectorKeys, type Selector } from '../model/selector.js';

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
      return key.startsWith('attributes.') ? asset.attributes?.[key.slice('attributes.'.length)] : undefined;
  }
}

const patterns = new Map<string, RegExp>();

/** `*` matches anything; everything else literally, ignoring case (people type "cisco meraki"). */
export function globMatches(pattern: string, value: string | undefined): boolean {
  if (value === undefined) return false;
  let re = patterns.get(pattern);
  if (!re) {
    re = new RegExp('^' + pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$', 'is');
    patterns.set(pattern, re);
  }
  return re.test(value);
}

export function selectorMatches(selector: Selector, asset: RegisterAsset): boolean {
  for (const [key, pattern] of Object.entries(selector)) {
    if (key === 'attributes') {
      for (const [name, p] of Object.entries(pattern as Record<string, string>)) if (!globMatches(p, asset.attributes?.[name])) return false;
    } else if (!globMatches(pattern as string, assetAttribute(asset, key))) return false;
  }
  return true;
}

/**
 * Assets indexed by the value of each selector key, so that a selector with a literal value
 * (`site: Y90104`, `vendor: Cisco Meraki`) looks its candidates up instead of scanning every
 * asset; wildcard patterns are then matched among the candidates only.
 */
export class AssetIndex {
  private readonly byKey = new Map<string, Map<string, number[]>>();

  constructor(private readonly assets: readonly RegisterAsset[]) {}

  private values(key: string): Map<string, number[]> {
    let map = this.byKey.get(key);
    if (!map) {
      map = new Map();
      this.assets.forEach((a, i) => {
        const v = assetAttribute(a, key);
        if (v === undefined) return;
        const k = v.toLowerCase();
        const list = map!.get(k);
        if (list) list.push(i);
        else map!.set(k, [i]);
      });
      this.byKey.set(key, map);
    }
    return map;
  }

  select(selector: Selector): number[] {
    let candidates: readonly number[] | undefined;
    for (const [key, pattern] of Object.entries(selector)) {
      if (key === 'attributes' || typeof pattern !== 'string' || pattern.includes('*')) continue;
      const found = this.values(key).get(pattern.toLowerCase()) ?? [];
      if (!candidates || found.length < candidates.length) candidates = found;
    }
    const pool = candidates ?? this.assets.map((_, i) => i);
    return pool.filter((i) => selectorMatches(selector, this.assets[i]!)).sort((a, b) => a - b);
  }
}

export function selectAssets(selector: Selector, assets: readonly RegisterAsset[]): number[] {
  const out: number[] = [];
  assets.forEach((a, i) => {
    if (selectorMatches(selector, a)) out.push(i);
  });
  return out;
}

/** `key=value[,key=value…]` as typed on the command line, e.g. `software=MX 18.*,vendor=Cisco Meraki`. */
export function parseSelectorText(text: string): { selector?: Selector; problem?: string; badKey?: string } {
  const selector: Record<string, unknown> = {};
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return { problem: `\`${part}\` is not \`key=value\`` };
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (!value) return { problem: `\`${key}=\` has no value` };
    if (key.startsWith('attributes.')) {
      const attrs = (selector.attributes ??= {}) as Record<string, string>;
      attrs[key.slice('attributes.'.length)] = value;
    } else if (key !== 'attributes' && (selectorKeys as readonly string[]).includes(key)) selector[key] = value;
    else return { problem: `\`${key}\` is not a selector key`, badKey: key };
  }
  return { selector: selector as Selector };
}
