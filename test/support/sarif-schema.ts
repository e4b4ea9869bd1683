import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ajvModule from 'ajv';
import ajv2020Module from 'ajv/dist/2020.js';
import ajvFormatsModule from 'ajv-formats';
import { expect } from 'vitest';

/** The official SARIF 2.1.0 JSON Schema, committed from @microsoft/sarif-multitool-linux 5.7.0 (see its README). */
export const SCHEMA_PATH = join(fileURLToPath(new URL('../..', import.meta.url)), 'test/fixtures/sarif/sarif-schema-2.1.0.json');
export const SCHEMA_SHA256 = '1c49a0f2b60444c71bb14878e21e0d882198eff4c539861b133093ad89ed798c';
export const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;

// ajv and ajv-formats are CommonJS with a `default` export; under NodeNext the default import is
// the module object, so take `.default` where it is there.
type AjvClass = typeof ajvModule.default;
type Ajv2020Class = typeof ajv2020Module.default;
type AddFormats = typeof ajvFormatsModule.default;
const Ajv = ((ajvModule as unknown as { default?: AjvClass }).default ?? ajvModule) as AjvClass;
const Ajv2020 = ((ajv2020Module as unknown as { default?: Ajv2020Class }).default ?? ajv2020Module) as Ajv2020Class;
const addFormats = ((ajvFormatsModule as unknown as { default?: AddFormats }).default ?? ajvFormatsModule) as AddFormats;

// The schema's body is draft-07 style, but its first line names draft 2020-12, a meta-schema that
// Ajv's draft-07 build does not have (it throws "no schema with key or ref"), so that line is
// dropped for this build; the body is still checked against the draft-07 meta-schema. Ajv's
// default strict mode accepts the schema. `strict: true` would not: it adds `strictRequired`,
// and the schema's `anyOf` branches list in `required` properties that the enclosing object
// defines (e.g. `location` requires one of `physicalLocation`, `logicalLocations`, …), which is
// valid JSON Schema that strictRequired reports as an error.
const { $schema: _declaredDialect, ...schemaBody } = schema;
const ajv = new Ajv({ allErrors: true });
addFormats(ajv);
export const validateDraft07 = ajv.compile(schemaBody);
// And read as the file declares itself, as a cross-check that the dialect makes no difference.
const ajv2020 = new Ajv2020({ allErrors: true });
addFormats(ajv2020);
export const validate2020 = ajv2020.compile(schema);

/** Fails the test unless the log is valid SARIF 2.1.0, read both ways. */
export function expectValidSarif(log: unknown): void {
  const ok = validateDraft07(log);
  expect(validateDraft07.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
  expect(validate2020(log)).toBe(true);
}
