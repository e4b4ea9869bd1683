import { z } from 'zod';
import { RegisterFile } from './register-file.js';

/**
 * The JSON Schema (draft 2020-12) for one register file, generated from the zod model, never
 * kept by hand. Input mode, so that optional and defaulted fields are not marked required.
 */
export function registerJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(RegisterFile, { io: 'input', target: 'draft-2020-12', unrepresentable: 'throw' }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return { $schema, $id: 'https://crr.invalid/schema/register.schema.json', ...rest };
}

/** The schema as committed: stable key order, two-space indent, trailing newline. */
export function registerJsonSchemaText(): string {
  return JSON.stringify(registerJsonSchema(), null, 2) + '\n';
}
