import { z } from 'zod';
import { field } from './field.js';

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

const pattern = (what: string, example: string) =>
  field(z.string().min(1), `Match assets whose ${what} matches this (\`*\` is a wildcard).`, example);

const place = (tier: string, example: string) =>
  field(
    z.string().min(1),
    `Match assets in this ${tier}, by its ODS code or organisation id (\`*\` is a wildcard). An asset is in the places of its owning site (\`site\`) or, if it has none, of the site hosting it (\`location\`); national services and clouds are in no place and never match.`,
    example,
  );

export const Selector = z
  .strictObject({
    id: pattern('id', 'fw-*'),
    type: pattern('type', 'firewall'),
    supplier: pattern('supplier organisation id', 'org-meraki'),
    vendor: pattern('vendor', 'Cisco Meraki'),
    model: pattern('model', 'MX68'),
    software: pattern('software version', 'MX 18.*'),
    carrier: pattern('carrier organisation id', 'org-carrier-a'),
    network: pattern('network', 'KPSN'),
    location: pattern('hosting location (site id)', 'dc-maidstone'),
    managedBy: pattern('management plane', 'Meraki dashboard'),
    site: pattern('owning site id (for site-local assets)', 'G99001'),
    pcn: place('PCN', 'U12345'),
    subIcb: place('sub-ICB location', '91Q'),
    icb: place('ICB', 'QKS'),
    region: place('NHS England region', 'Y59'),
    attributes: field(
      z.record(z.string().regex(attributeNamePattern), z.string().min(1)),
      'Match assets whose free-form `attributes` match these (`*` is a wildcard).',
      { exchange: 'Maidstone North' },
    ),
  })
  .partial()
  .meta({ description: 'Assets selected by attribute or by place; every key given must match.', examples: [{ vendor: 'Cisco Meraki', software: 'MX 18.*' }, { icb: 'QKS', type: 'vpn-concentrator' }] });
export type Selector = z.infer<typeof Selector>;
