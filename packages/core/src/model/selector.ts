import { z } from 'zod';
import { field } from './field.js';

/**
 * A selector names a set of assets by their attributes: every key given must match. Values may
 * use `*` as a wildcard (`MX 18.*`). Used by hazard causes and what-if scenarios to say "all of
 * these fail together".
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
  'attributes',
] as const;
export type SelectorKey = (typeof selectorKeys)[number];

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
    attributes: field(
      z.record(z.string().regex(attributeNamePattern), z.string().min(1)),
      'Match assets whose free-form `attributes` match these (`*` is a wildcard).',
      { exchange: 'Maidstone North' },
    ),
  })
  .partial()
  .meta({ description: 'Assets selected by attribute; every key given must match.', examples: [{ vendor: 'Cisco Meraki', software: 'MX 18.*' }] });
export type Selector = z.infer<typeof Selector>;
