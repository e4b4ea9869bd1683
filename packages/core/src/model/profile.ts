import { z } from 'zod';
import { LocalAssetTemplate } from './asset.js';
import { field, idField, Text } from './field.js';
import { Routes } from './requirement.js';
import { Bindings, Demand } from './site.js';

export const Profile = z
  .strictObject({
    id: idField('Stable id.', 'kpsn-emis'),
    name: field(Text, 'Name.', 'KPSN practice on EMIS Web').optional(),
    description: field(z.string(), 'Notes.', 'Practices on a KPSN link through the CSU concentrators.').optional(),
    localAssets: field(
      z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), LocalAssetTemplate),
      'Assets every site on this profile has its own of; `$name` in routes refers to them.',
      { firewall: { type: 'firewall', vendor: 'Cisco Meraki', model: 'MX68', software: 'MX 18.107' } },
    ).optional(),
    bindings: Bindings.optional(),
    routes: Routes,
    demand: Demand.optional(),
  })
  .meta({ description: 'A shared profile: routes and local assets that many near-identical sites share.' });
export type Profile = z.infer<typeof Profile>;
