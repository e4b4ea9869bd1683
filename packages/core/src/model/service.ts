import { z } from 'zod';
import { field, idField, textField } from './field.js';

/**
 * How soon losing a service can harm a patient, highest first. The ranking of findings reads it
 * (see docs/analysis.md, "Ranking"): losing prescribing for 5,000 patients can harm sooner than
 * losing document workflow for 50,000.
 */
export const criticalities = ['critical', 'high', 'medium', 'low'] as const;
export type Criticality = (typeof criticalities)[number];

export const Service = z
  .strictObject({
    id: idField('Stable id, used as the key of routes.', 'patient-record'),
    name: textField('Name as clinicians know it.', 'Patient record and consultation'),
    description: field(z.string(), 'What clinicians use it for.', 'Viewing and recording in the GP record during consultations.').optional(),
    criticality: field(
      z.enum(criticalities),
      'How soon losing the service can harm a patient. critical: within hours (the record, prescribing, telephony: patients cannot reach the practice); high: within a day; medium: within days (document workflow); low: no foreseeable clinical harm. Findings are ranked by it before patients. Undeclared ranks as critical, so nothing is buried for want of a word.',
      'critical',
    ).optional(),
  })
  .meta({ description: 'A clinical service a site needs: patient record, prescribing, online consultation, document workflow, telephony.' });
export type Service = z.infer<typeof Service>;
