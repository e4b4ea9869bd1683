import { z } from 'zod';
import { LocalAssetOverride } from './asset.js';
import { field, idField, refField, Text, textField } from './field.js';
import { Requirement, Routes } from './requirement.js';

export const siteTypes = ['practice', 'branch', 'data-centre', 'office', 'other'] as const;

const localName = z.string().regex(/^[a-z][a-z0-9-]*$/, 'Use lower-case letters, digits and `-`.');

export const Bindings = field(
  z.record(localName, Requirement),
  'What each `$name` in the profile\'s routes stands for at this site: an asset id or a group.',
  { concentrator: 'vpn-a' },
);

export const Demand = field(
  z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.number().min(0)),
  'Peak demand this site puts on capacity-limited assets, by unit.',
  { tunnels: 1, mbps: 40 },
);

export const Site = z
  .strictObject({
    id: idField('Stable id; for practices, the ODS code is a good choice.', 'G99001'),
    type: field(z.enum(siteTypes), 'What kind of site.', 'practice'),
    name: textField('Name.', 'Northgate Surgery'),
    ods: field(z.string().regex(/^[A-Z0-9]{3,6}$/, 'An ODS code is 3 to 6 capital letters and digits.'), 'ODS code.', 'G99001').optional(),
    pcn: refField('Primary care network the practice belongs to.', 'pcn-north-downs').optional(),
    subIcb: refField('Sub-ICB location the site is in, when its PCN does not say (an organisation of type `sub-icb`).', 'org-subicb-west').optional(),
    icb: refField('ICB the site is in, when its PCN does not say (an organisation of type `icb`).', 'org-icb').optional(),
    region: refField('NHS England region the site is in, when its ICB does not say (an organisation of type `region`).', 'org-region-south-east').optional(),
    listSize: field(z.number().int().min(0), 'Registered list size: patients who depend on this practice.', 9240).optional(),
    parent: refField('For a branch surgery: its main practice.', 'G99001').optional(),
    postcode: field(Text, 'Postcode.', 'ME14 1AA').optional(),
    profile: refField('Shared profile that gives this site its routes and local assets.', 'kpsn-emis').optional(),
    bindings: Bindings.optional(),
    localAssets: field(
      z.record(localName, LocalAssetOverride),
      'Assets this site has its own of, or changes to the profile\'s templates for them.',
      { firewall: { software: 'MX 19.1' } },
    ).optional(),
    routes: Routes.optional(),
    demand: Demand.optional(),
  })
  .meta({ description: 'A place: a GP practice (ODS code, PCN, list size), a branch surgery, a data centre.' });
export type Site = z.infer<typeof Site>;
