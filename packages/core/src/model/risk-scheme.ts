import { z } from 'zod';
import { field, Text } from './field.js';

/**
 * A register may declare its own risk scheme (its Clinical Risk Management Plan defines one);
 * without one, the DCB guidance's example 5×5 applies. Completeness and monotonicity are
 * checked by the `risk-scheme` rule, not here, so that every problem is reported at once.
 */
const Level = z.strictObject({
  level: field(Text, 'The word authors write in hazards.', 'medium'),
  description: field(Text, 'What the level means.', 'Possible.'),
});

export const RiskSchemeInput = z
  .strictObject({
    name: field(Text, 'Name of the scheme, as in the Clinical Risk Management Plan.', 'Kent ICB CRMP scheme v2'),
    likelihood: field(z.array(Level).min(2), 'Likelihood levels, lowest first.', [
      { level: 'low', description: 'Unlikely.' },
      { level: 'high', description: 'Likely.' },
    ]),
    severity: field(z.array(Level).min(2), 'Severity levels, lowest first.', [
      { level: 'minor', description: 'Inconvenience.' },
      { level: 'major', description: 'Serious harm.' },
    ]),
    matrix: field(
      z.record(z.string(), z.array(z.number().int().min(1))),
      'One row per likelihood level (keyed by level), one rating per severity level, lowest severity first.',
      { low: [1, 2], high: [2, 3] },
    ),
    ratings: field(
      z.array(
        z.strictObject({
          rating: field(z.number().int().min(1), 'The rating number used in the matrix.', 3),
          label: field(Text, 'Short label.', 'undesirable'),
          acceptability: field(
            z.enum(['acceptable', 'acceptable-with-justification', 'unacceptable']),
            'What the rating obliges: acceptable; acceptable only with a recorded justification; or unacceptable (reduce the risk, or have top management accept it).',
            'acceptable-with-justification',
          ),
          text: field(Text, 'The scheme\'s words for the rating.', 'Undesirable; acceptable only where further reduction is impractical.'),
        }),
      ),
      'What each rating means.',
      [{ rating: 1, label: 'acceptable', acceptability: 'acceptable', text: 'No further action.' }],
    ),
  })
  .meta({ description: 'A custom risk scheme. Omit to use the DCB guidance example 5×5 matrix.' });
export type RiskSchemeInput = z.infer<typeof RiskSchemeInput>;
