import { z } from 'zod';
import { assetRefListField, dateField, field, idField, refListField, Text, textField } from './field.js';

export const Incident = z
  .strictObject({
    id: idField('Stable id.', 'INC-2026-04'),
    title: textField('What happened, in a line.', 'Intermittent loss of clinical systems at practices across the ICB'),
    description: field(Text, 'What happened.', 'Firewall defect and concentrator saturation at the morning peak.').optional(),
    start: dateField('First day of the incident.', '2026-04-07'),
    end: dateField('Last day of the incident.', '2026-04-21').optional(),
    assets: assetRefListField('Assets involved; a site\'s own asset is `<site id>/<name>`.', ['vpn-a', 'Y90104/firewall']).optional(),
    sites: refListField('Sites touched.', ['G99001']).optional(),
    hazards: refListField('Hazards the incident realised; it must feed back into their assessment.', ['HAZ-001']).optional(),
    reference: field(Text, 'External reference (LFPSE, service desk, supplier incident).', 'CSU-MI-2026-014').optional(),
    harm: field(Text, 'Harm that occurred, if any.', 'No harm reported; appointments rebooked.').optional(),
  })
  .meta({ description: 'A safety incident in live service.' });
export type Incident = z.infer<typeof Incident>;
