import { z } from 'zod';
import { assetTypes } from './asset.js';
import { field, idField, refField, Text, textField } from './field.js';

/** A fault of the register's own, beside crr's catalogue (faults/fault-catalogue.ts). */
export const RegisterFault = z
  .strictObject({
    id: idField('Permanent id of the fault, unique among crr\'s catalogue and the register\'s own; causes name it with `fault:`.', 'firewall-ha-split-brain'),
    assetType: field(z.enum(assetTypes), 'The asset type the fault happens to.', 'firewall'),
    title: textField('A few words, for a column heading.', 'High-availability split brain'),
    description: field(Text, 'What goes wrong, and how it has been seen to.', 'Both members of a firewall pair believe they are active and the site loses its path.'),
    hazard: field(Text, 'A hazard wording to start from: the unsafe situation, in clinical terms.', 'A practice loses its clinical systems because its firewall pair fails over wrongly'),
  })
  .meta({ description: 'A way an asset type is known to fail that crr\'s fault catalogue does not list.' });
export type RegisterFault = z.infer<typeof RegisterFault>;

export const FaultNotApplicable = z
  .strictObject({
    assetType: field(z.enum(assetTypes), 'The asset type.', 'firewall'),
    fault: refField('The fault, by id (crr\'s catalogue or the register\'s own).', 'firewall-cloud-management'),
    reason: textField(
      'Why the fault cannot happen to the register\'s assets of that type, or cannot reach a clinical service.',
      'The practice firewalls are managed on premises by the CSU; they have no vendor cloud to lose.',
    ),
  })
  .meta({ description: 'An (asset type, fault) pair considered and found not applicable, with the reason.' });
export type FaultNotApplicable = z.infer<typeof FaultNotApplicable>;

export const FaultsPolicy = z
  .strictObject({
    add: field(z.array(RegisterFault).max(1000), 'Faults of the register\'s own, added to crr\'s catalogue for hazard identification.', [
      {
        id: 'firewall-ha-split-brain',
        assetType: 'firewall',
        title: 'High-availability split brain',
        description: 'Both members of a firewall pair believe they are active.',
        hazard: 'A practice loses its clinical systems because its firewall pair fails over wrongly',
      },
    ]).optional(),
    notApplicable: field(z.array(FaultNotApplicable).max(1000), 'Faults considered and found not applicable to an asset type of this register, each with the reason.', [
      { assetType: 'firewall', fault: 'firewall-cloud-management', reason: 'The firewalls are managed on premises; there is no vendor cloud.' },
    ]).optional(),
  })
  .meta({
    description:
      'Hazard identification from the fault catalogue: every known fault of every asset type the register has is named by a hazard cause (`fault:`), marked not applicable here, or reported by `crr analyse` as a gap.',
  });
export type FaultsPolicy = z.infer<typeof FaultsPolicy>;
