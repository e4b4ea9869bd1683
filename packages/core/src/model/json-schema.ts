import { z } from 'zod';
import { DCB_EXAMPLE_SCHEME, type RiskScheme } from '../risk/scheme.js';
import { DATE_IN_WORDS, LEVEL_META } from './field.js';
import { RegisterFile } from './register-file.js';

/** The schema's `$id`: how `crr schema --out` knows a file it may replace is one it wrote. */
export const REGISTER_SCHEMA_ID = 'https://crr.invalid/schema/register.schema.json';

/**
 * The JSON Schema (draft 2020-12) for one register file, generated from the zod model, never
 * kept by hand. Input mode, so that optional and defaulted fields are not marked required.
 *
 * Two things are the editor's, not the model's:
 * - severity and likelihood list the levels of `scheme` (by default the DCB guidance example), so
 *   an editor offers them and underlines `hihg`. The model takes any word, since a register may
 *   define its own scheme; for such a register, `crr schema <dir>` writes its own levels here.
 * - a date's pattern is the plain shape `YYYY-MM-DD` with a sentence to show when it does not
 *   match (`patternErrorMessage`, read by the YAML and JSON language servers), instead of zod's
 *   200-character calendar expression; `format: date` still refuses 30 February.
 */
export function registerJsonSchema(scheme: RiskScheme = DCB_EXAMPLE_SCHEME): Record<string, unknown> {
  const levels = { severity: scheme.severities.map((l) => l.level), likelihood: scheme.likelihoods.map((l) => l.level) };
  const schema = z.toJSONSchema(RegisterFile, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'throw',
    override: ({ jsonSchema }) => {
      const node = jsonSchema as Record<string, unknown>;
      const kind = node[LEVEL_META];
      if (kind === 'severity' || kind === 'likelihood') {
        delete node[LEVEL_META];
        delete node.minLength;
        node.enum = levels[kind];
        node.description = `${String(node.description)} In ${scheme.name}: ${levels[kind].join(', ')} (lowest first).`;
      }
      if (node.format === 'date') {
        node.pattern = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
        node.patternErrorMessage = DATE_IN_WORDS;
      }
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return { $schema, $id: REGISTER_SCHEMA_ID, ...rest };
}

/** The schema as committed: stable key order, two-space indent, trailing newline. */
export function registerJsonSchemaText(scheme?: RiskScheme): string {
  return JSON.stringify(registerJsonSchema(scheme), null, 2) + '\n';
}
