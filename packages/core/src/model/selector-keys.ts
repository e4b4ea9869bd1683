// The selector's keys and limits, apart from its zod schema (selector.ts): the what-if page's
// engine bundles selector matching for the browser without zod.

/**
 * A selector names a set of assets by their attributes: every key given must match. Values may
 * use `*` as a wildcard (`MX 18.*`). Used by hazard causes and what-if scenarios to say "all of
 * these fail together". The place keys (`pcn`, `subIcb`, `icb`, `region`) match the place an asset
 * is in, through its owning site or its hosting location (see `analysis/asset-places.ts`).
 */
export const selectorKeys = [
  'id',
  'type',
  'supplier',
  'vendor',
  'model',
  'software',
  'carrier',
  'network',
  'location',
  'managedBy',
  'site',
  'pcn',
  'subIcb',
  'icb',
  'region',
  'attributes',
] as const;
export type SelectorKey = (typeof selectorKeys)[number];

/** The keys that select by place, lowest tier first: the same names as a site's place fields. */
export const placeSelectorKeys = ['pcn', 'subIcb', 'icb', 'region'] as const;
export type PlaceSelectorKey = (typeof placeSelectorKeys)[number];

/** How a free-form attribute is named, on an asset and in a selector (`exchange`, `power-feed`). */
export const attributeNamePattern = /^[a-z][a-zA-Z0-9-]*$/;

/**
 * The most a selector pattern may be. Matching is linear whatever the pattern, but patterns come
 * from untrusted registers and command lines and are compared with every asset: a longer value or
 * more wildcards never names a set of assets better, so they are refused (CRR-E058, or a usage
 * error for `crr what-if --fail`).
 */
export const selectorPatternLimits = { length: 200, wildcards: 10 } as const;

/** What is wrong with a selector pattern, as a clause (`has 24 \`*\` wildcards, …`), or nothing. */
export function selectorPatternProblem(pattern: string): string | undefined {
  if (pattern.length > selectorPatternLimits.length)
    return `is ${pattern.length} characters long, more than the ${selectorPatternLimits.length} a selector pattern may have`;
  let wildcards = 0;
  for (const ch of pattern) if (ch === '*') wildcards++;
  if (wildcards > selectorPatternLimits.wildcards)
    return `has ${wildcards} \`*\` wildcards, more than the ${selectorPatternLimits.wildcards} a selector pattern may have`;
  return undefined;
}
