import { z } from 'zod';
import { dateField, field, idField, refField, Text, textField } from './field.js';
import { RiskAssessment } from './hazard.js';

export const Acceptance = z
  .strictObject({
    id: idField('Stable id.', 'ACC-007'),
    hazard: refField('The hazard whose residual risk is accepted.', 'HAZ-007'),
    acceptedBy: textField('Who accepted it.', 'Dr Sam Okafor'),
    role: textField('Their role: top management of the deploying organisation under DCB0160.', 'ICB Chief Medical Officer'),
    organisation: refField('Organisation they accepted it for.', 'org-icb').optional(),
    date: dateField('When it was accepted.', '2026-06-03'),
    residualRisk: field(RiskAssessment, 'The residual risk as it stood when accepted.', { severity: 'major', likelihood: 'low' }).optional(),
    until: dateField(
      'The last day the acceptance holds. After it the residual risk is unaccepted again (CRR-E043), and validate warns from `reviewPolicy.acceptanceNoticeDays` before (CRR-W071). Leave it out for an acceptance that holds until the hazard changes.',
      '2027-03-31',
    ).optional(),
    conditions: field(
      z.array(Text).min(1),
      'The conditions the acceptance was given on, one each: what must happen, and by when.',
      ['The N-1 capacity uplift is approved by the ICB board in January 2027.'],
    ).optional(),
    statement: field(Text, 'What was accepted, in the acceptor\'s words.', 'Accepted until the remaining practices move to concentrator B.').optional(),
  })
  .meta({ description: 'A recorded acceptance of a residual risk, by whom, in which role, when.' });
export type Acceptance = z.infer<typeof Acceptance>;
