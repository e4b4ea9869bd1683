import { z } from 'zod';
import { assetRefListField, field, idField, Text, textField } from './field.js';
import { Selector } from './selector.js';

const atMost = (what: string, example: number) => field(z.int().min(0), `At most this many ${what}; more exceeds the tolerance.`, example).optional();

/**
 * What a scenario may do and still be tolerable: each figure is a ceiling. `crr analyse` reports
 * a finding when the scenario goes past one, and `crr diff` when a change pushes it past one.
 */
export const Tolerance = z
  .strictObject({
    sitesCut: atMost('sites cut off from at least one clinical service', 0),
    patientsCut: atMost('patients registered at sites cut off', 0),
    sitesDegraded: atMost('sites left degraded (reachable only through an overloaded asset, or with no redundancy left)', 10),
    patientsDegraded: atMost('patients registered at degraded sites', 50000),
    overloads: atMost('capacity-limited assets pushed over their limit at peak', 0),
  })
  .meta({ description: 'The most this scenario may cut, degrade or overload and still be tolerable. Give only the ceilings that matter.' });
export type Tolerance = z.infer<typeof Tolerance>;

/**
 * A named what-if: the assets that fail together (by id and by selector), why that is worth
 * planning for, and what would still be tolerable. Evaluated by `crr analyse`, shown on its own
 * page of the report, and compared before and after by `crr diff`.
 */
export const Scenario = z
  .strictObject({
    id: idField('Stable id.', 'vpn-b-maintenance'),
    title: textField('What happens, in a line.', 'Planned maintenance of VPN concentrator B'),
    reason: textField('Why the scenario is worth planning for: the maintenance, defect or outage it stands for.', 'Firmware upgrades of vpn-b take it out of service for an evening each quarter.'),
    assets: assetRefListField('Assets that fail, by id; a site\'s own asset is `<site id>/<name>`.', ['vpn-b']).optional(),
    select: field(Selector, 'Assets selected by attribute that fail together in this scenario.', { software: 'MX 18.*' }).optional(),
    tolerance: Tolerance.optional(),
    notes: field(Text, 'Anything else a reviewer should know.', 'Agreed with the CSU change board in June 2026.').optional(),
  })
  .meta({ description: 'A named what-if scenario: what fails together, why, and what would be tolerable.' });
export type Scenario = z.infer<typeof Scenario>;
