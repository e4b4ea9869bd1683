import { z } from 'zod';
import { assetRefListField, dateField, field, idField, levelField, refField, refListField, Text, textField } from './field.js';
import { controlKinds } from './control.js';
import { Selector } from './selector.js';

export const hazardStatuses = ['open', 'transferred', 'closed'] as const;
export type HazardStatus = (typeof hazardStatuses)[number];

/** Human judgement of risk. The rating is derived from the scheme; if written, it must match. */
export const RiskAssessment = z
  .strictObject({
    severity: levelField('severity', 'Severity level from the register\'s risk scheme.', 'major'),
    likelihood: levelField('likelihood', 'Likelihood level from the register\'s risk scheme.', 'low'),
    rating: field(
      z.number().int().min(1),
      'Optional, for readers of the YAML: the rating the scheme gives. Checked against the matrix, never used in its place.',
      3,
    ).optional(),
  })
  .meta({ description: 'Severity and likelihood as judged by the CSO.' });
export type RiskAssessment = z.infer<typeof RiskAssessment>;

export const Cause = z
  .strictObject({
    description: textField('What goes wrong.', 'Firmware defect in MX 18.1 drops site-to-site VPN tunnels under load.'),
    assets: assetRefListField('Assets whose failure this cause is; a site\'s own asset is `<site id>/<name>`.', ['vpn-a', 'Y90104/link']).optional(),
    select: field(
      Selector,
      'Assets selected by attribute that fail together under this cause.',
      { vendor: 'Cisco Meraki', software: 'MX 18.*' },
    ).optional(),
    fault: refField(
      'The known fault this cause is, by id from the fault catalogue (crr\'s or the register\'s `faults.add`): it covers that fault for the asset types of the assets it names.',
      'firewall-firmware-defect',
    ).optional(),
  })
  .meta({ description: 'A cause that can lead to the hazard, tied to the assets it hits.' });

export const Transfer = z
  .strictObject({
    from: refField('Organisation the hazard was transferred from (a manufacturer, under DCB0129).', 'org-emis'),
    date: dateField('When the transfer was recorded.', '2026-03-02'),
    controls: refListField('Controls the receiving organisation now owns.', ['CTL-BCP-01']),
    reference: field(Text, 'Where the transfer is documented.', 'EMIS Web CSCR v12.3 §7, hazard H-44').optional(),
  })
  .meta({ description: 'Transfer details: the manufacturer\'s actions are done; these controls are now the deployer\'s.' });

export const Action = z
  .strictObject({
    description: textField('What is to be done.', 'Move the remaining practices onto concentrator B.'),
    owner: textField('Who is to do it.', 'CSU network team'),
    due: dateField('When it is due.', '2026-12-31'),
    done: dateField('When it was done.', '2026-11-02').optional(),
  })
  .meta({ description: 'An outstanding or completed action on the hazard.' });

export const Closure = z
  .strictObject({
    date: dateField('When the hazard was closed.', '2026-10-15'),
    reason: textField('Why it could be closed: the actions done and the controls shown to work.', 'Queue-age alert verified at every practice in the October 2026 audit; both actions done.'),
    by: textField('Who closed it, with their role.', 'Dr Asha Patel, Clinical Safety Officer').optional(),
  })
  .meta({ description: 'When and why a closed hazard was closed. A closed hazard is not reviewed again: if it needs looking at, it is reopened.' });

export const NotApplicableKind = z
  .strictObject({
    kind: field(z.enum(controlKinds), 'The kind of control considered: design, test, training or business-process.', 'training'),
    reason: textField(
      'Why no control of this kind applies to the hazard.',
      "The fault is in the carrier's network: no training of practice or CSU staff can prevent it or shorten it.",
    ),
  })
  .meta({ description: 'A kind of control considered for the hazard and found not applicable, with the reason.' });
export type NotApplicableKind = z.infer<typeof NotApplicableKind>;

export const Hazard = z
  .strictObject({
    id: idField('Hazard number.', 'HAZ-001'),
    title: textField('Hazard name: the unsafe situation, in clinical terms.', 'Clinicians cannot open the patient record during consultations'),
    description: field(Text, 'The hazard in more words.', 'Practices lose the VPN path to the hosted clinical system.'),
    services: refListField('Clinical services the hazard is about.', ['patient-record', 'prescribing']).optional(),
    causes: field(z.array(Cause).min(1), 'Possible causes.', [{ description: 'VPN concentrator runs out of tunnel capacity at the morning peak.', assets: ['vpn-a'] }]),
    effects: field(z.array(Text).min(1), 'What happens in care as a result.', ['Prescribing without a medication history']),
    harms: field(z.array(Text).min(1), 'Potential clinical impact on patients.', ['Adverse drug event']),
    existingControls: refListField('Controls in place before this assessment (they shape the initial risk).', ['CTL-BCP-01']).optional(),
    additionalControls: refListField('Controls added to reduce the risk from initial to residual.', ['CTL-VPN-02']).optional(),
    notApplicable: field(
      z.array(NotApplicableKind),
      'Kinds of control considered and found not applicable, each with the reason, so a reviewer sees every kind was considered. A kind listed here has no control on the hazard (CRR-E075).',
      [{ kind: 'training', reason: "The fault is in the carrier's network: no training of practice or CSU staff can prevent it or shorten it." }],
    ).optional(),
    initialRisk: field(RiskAssessment, 'Risk before the additional controls.', { severity: 'major', likelihood: 'medium' }),
    residualRisk: field(RiskAssessment, 'Risk after the additional controls.', { severity: 'major', likelihood: 'low' }),
    justification: field(
      Text,
      'Why the residual risk is acceptable: required when the residual rating needs a justification.',
      'A second concentrator removes the capacity cause; further reduction would need a third data centre.',
    ).optional(),
    status: field(z.enum(hazardStatuses), 'open (actions outstanding), transferred (the deployer\'s actions remain), closed (all actions complete).', 'open'),
    owner: textField('Who is responsible for the hazard.', 'ICB digital team'),
    raised: dateField('When the hazard was raised.', '2026-01-20'),
    reviewed: dateField('When it was last reviewed.', '2026-05-14').optional(),
    nextReview: dateField('When it must next be reviewed; defaults to the review policy interval after the last review. Not for a closed hazard.', '2026-11-14').optional(),
    closure: Closure.optional(),
    transfer: Transfer.optional(),
    actions: field(z.array(Action), 'Actions with owner and dates.', [{ description: 'Upgrade firewalls to MX 19.1', owner: 'CSU', due: '2026-07-01' }]).optional(),
    sites: refListField('Sites the hazard is known to concern, where it is narrower than its causes imply.', ['G99001']).optional(),
  })
  .meta({ description: 'A hazard in the hazard log: causes, effects, harms, initial and residual risk, controls.' });
export type Hazard = z.infer<typeof Hazard>;
