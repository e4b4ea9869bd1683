import { z } from 'zod';
import { field } from './field.js';
import { attributeNamePattern } from './selector-keys.js';

export { attributeNamePattern, placeSelectorKeys, selectorKeys, selectorPatternLimits, selectorPatternProblem, type PlaceSelectorKey, type SelectorKey } from './selector-keys.js';

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
