import { defineCode } from '../diagnostics/code.js';

/** Codes raised while checking each record's shape and types against the schema. */
export const parseCodes = {
  unknownKey: defineCode({
    code: 'CRR-E020',
    name: 'unknown-key',
    severity: 'error',
    title: 'A key is not a field of this record',
    explanation: 'Usually a typo. crr refuses unknown keys rather than ignore them, so that nothing written is silently lost.',
  }),
  invalidValue: defineCode({
    code: 'CRR-E021',
    name: 'invalid-value',
    severity: 'error',
    title: 'A value has the wrong type or form',
    explanation: 'The value does not fit the field: a number where text is expected, a date not written `YYYY-MM-DD`, a word not in the list of allowed ones.',
  }),
  missingField: defineCode({
    code: 'CRR-E022',
    name: 'missing-field',
    severity: 'error',
    title: 'A required field is missing',
    explanation: 'The record lacks a field every record of its kind must have.',
  }),
  manifest: defineCode({
    code: 'CRR-E023',
    name: 'manifest',
    severity: 'error',
    title: 'The register has no manifest, or more than one',
    explanation: 'Exactly one file of the register holds `register:` with its title, owner, CSO and risk scheme.',
  }),
} as const;
