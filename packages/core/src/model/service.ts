import { z } from 'zod';
import { field, idField, textField } from './field.js';

export const Service = z
  .strictObject({
    id: idField('Stable id, used as the key of routes.', 'patient-record'),
    name: textField('Name as clinicians know it.', 'Patient record and consultation'),
    description: field(z.string(), 'What clinicians use it for.', 'Viewing and recording in the GP record during consultations.').optional(),
  })
  .meta({ description: 'A clinical service a site needs: patient record, prescribing, online consultation, document workflow, telephony.' });
export type Service = z.infer<typeof Service>;
