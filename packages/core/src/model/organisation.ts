import { z } from 'zod';
import { field, idField, refField, Text, textField } from './field.js';

export const organisationTypes = [
  'region',
  'icb',
  'sub-icb',
  'pcn',
  'csu',
  'supplier',
  'carrier',
  'manufacturer',
  'provider',
  'other',
] as const;

export const Organisation = z
  .strictObject({
    id: idField('Stable id.', 'org-carrier-a'),
    type: field(z.enum(organisationTypes), 'What kind of organisation it is. `region`, `icb`, `sub-icb` and `pcn` are places: every practice sits in one of each.', 'carrier'),
    name: textField('Name.', 'Southern Fibre Networks Ltd'),
    ods: field(z.string().regex(/^[A-Z0-9]{3,6}$/), 'ODS code, where it has one.', 'U12345').optional(),
    parent: refField(
      'Organisation this one sits under: a PCN under its sub-ICB (or straight under its ICB), a sub-ICB under its ICB, an ICB under its NHS England region.',
      'org-icb',
    ).optional(),
    safetyCase: field(
      Text,
      'For manufacturers: reference to their DCB0129 clinical safety case report, which the deployer must check.',
      'EMIS Web CSCR v12.3',
    ).optional(),
    description: field(z.string(), 'Notes.', 'Runs the KPSN core for the county.').optional(),
  })
  .meta({ description: 'An organisation: a place (NHS England region, ICB, sub-ICB location, PCN), a CSU, supplier, carrier, manufacturer.' });
export type Organisation = z.infer<typeof Organisation>;
