import { z } from 'zod';
import { field, idField, refField, Text, textField } from './field.js';
import { RequirementList } from './requirement.js';

export const assetTypes = [
  'firewall',
  'network-link',
  'vpn-concentrator',
  'router',
  'switch',
  'data-centre-service',
  'internet-breakout',
  'dns',
  'identity',
  'clinical-system',
  'telephony',
  'power',
  'other',
] as const;
export type AssetType = (typeof assetTypes)[number];

export const Capacity = z
  .strictObject({
    limit: field(z.number().positive(), 'How much it can carry at once.', 250),
    unit: field(
      z.string().regex(/^[a-z][a-z0-9-]*$/),
      'What is counted: matches the key of sites\' `demand` (tunnels, mbps, users…).',
      'tunnels',
    ),
  })
  .meta({ description: 'Where capacity is limited: what it can carry at peak.' });

/**
 * The attributes common failures hinge on. Shared by asset records and by the local-asset
 * templates in profiles, so a selector reads them the same way wherever an asset was declared.
 * Every one is optional but the type (and, on an asset record, the name).
 */
const type = field(z.enum(assetTypes), 'What kind of component this is.', 'firewall');
const name = textField('Name people use for it.', 'Northgate Surgery firewall');
const attributes = {
  description: field(z.string(), 'Notes.', 'Meraki MX at the practice edge; terminates the site-to-site VPN.').optional(),
  supplier: refField('Organisation that supplies or operates it.', 'org-csu').optional(),
  vendor: field(Text, 'Who makes it.', 'Cisco Meraki').optional(),
  model: field(Text, 'Model.', 'MX68').optional(),
  software: field(Text, 'Software or firmware version: a defect in one train hits every device on it.', 'MX 18.107').optional(),
  carrier: refField('For links: the carrier organisation whose network it rides on.', 'org-carrier-a').optional(),
  network: field(Text, 'For links: the network it belongs to (KPSN, HSCN, internet…).', 'KPSN').optional(),
  location: refField('Site (usually a data centre) where it is hosted.', 'dc-maidstone').optional(),
  managedBy: field(Text, 'Management plane or cloud that configures it.', 'Meraki dashboard').optional(),
  capacity: Capacity.optional(),
  needs: RequirementList.optional(),
  attributes: field(
    z.record(z.string().regex(/^[a-z][a-zA-Z0-9-]*$/), z.string()),
    'Any other attributes a common cause may hinge on.',
    { exchange: 'Maidstone North' },
  ).optional(),
};

export const Asset = z
  .strictObject({ id: idField('Stable id.', 'vpn-b'), type, name, ...attributes })
  .meta({ description: 'A component in the supply chain: firewall, link, concentrator, data-centre service, clinical system, telephony…' });
export type Asset = z.infer<typeof Asset>;

/** A template for an asset every site on a profile has its own of (its firewall, its link). */
export const LocalAssetTemplate = z
  .strictObject({ type, name: name.optional(), ...attributes })
  .meta({ description: 'An asset each site on the profile has its own of; its id becomes `<site id>/<name>`.' });

/** A site's changes to a local asset from its profile: any attribute, merged over the template. */
export const LocalAssetOverride = LocalAssetTemplate.partial().meta({
  description: 'Attributes that differ at this site, merged over the profile\'s template.',
});
export type LocalAssetTemplate = z.infer<typeof LocalAssetTemplate>;
export type LocalAssetOverride = z.infer<typeof LocalAssetOverride>;
