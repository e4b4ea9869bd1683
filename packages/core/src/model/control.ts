import { z } from 'zod';
import { dateField, field, idField, refField, Text, textField } from './field.js';

/** The standards' four kinds of control; business continuity plans are business-process controls. */
export const controlKinds = ['design', 'test', 'training', 'business-process'] as const;
export type ControlKind = (typeof controlKinds)[number];

/** In order of strength: a control is only verified once evidence shows it works. */
export const controlStatuses = ['proposed', 'implemented', 'verified'] as const;
export type ControlStatus = (typeof controlStatuses)[number];

export const Evidence = z
  .strictObject({
    description: textField('What shows the control is implemented and works.', 'Failover test report: all practices re-homed within 4 minutes'),
    date: dateField('Date of the evidence.', '2026-05-20'),
    expires: dateField('When the evidence stops counting (a test must be repeated, a plan re-exercised).', '2027-05-20').optional(),
    reference: field(Text, 'Where to find it.', 'CSU change CHG-20931').optional(),
  })
  .meta({ description: 'Evidence that a control was implemented and verified.' });
export type Evidence = z.infer<typeof Evidence>;

export const Control = z
  .strictObject({
    id: idField('Stable id.', 'CTL-VPN-02'),
    title: textField('Name.', 'Second VPN concentrator with automatic failover'),
    kind: field(z.enum(controlKinds), 'design, test, training or business-process (business continuity plans are business-process).', 'design'),
    status: field(z.enum(controlStatuses), 'proposed, implemented, or verified (implemented and shown to work, with evidence).', 'verified'),
    owner: textField('Who owns the control.', 'CSU network team'),
    description: field(Text, 'What the control does.', 'Practices home to concentrator B and fail over to A.').optional(),
    evidence: field(z.array(Evidence), 'Evidence of implementation and verification.', [{ description: 'Failover test', date: '2026-05-20' }]).optional(),
    transferredFrom: refField('Organisation this control was transferred from, when it came with a transferred hazard.', 'org-emis').optional(),
  })
  .meta({ description: 'A control: a measure that lowers the likelihood or severity of one or more hazards.' });
export type Control = z.infer<typeof Control>;
