import type { z } from 'zod';
import type { Diagnostic, YamlPath } from '../diagnostics/diagnostic.js';
import { makeDiagnostic, type DiagnosticDefinition } from '../diagnostics/make-diagnostic.js';
import { capitalise, didYouMeanSentence } from '../diagnostics/did-you-mean.js';
import type { SourceText } from '../source/source-text.js';
import { parseCodes } from './parse-codes.js';

type Issue = z.core.$ZodIssue;
type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; valueType?: z.ZodType; getter?: () => z.ZodType; options?: z.ZodType[]; in?: z.ZodType };

/**
 * Turn zod's issues into sentences a CSO can act on. zod's own messages ("Invalid input:
 * expected string, received undefined") are for programmers; these name the field, the record
 * and what to write instead.
 */
export function issuesToDiagnostics(
  error: z.ZodError,
  input: unknown,
  base: YamlPath,
  source: SourceText,
  what: string,
  schema: z.ZodType,
  record?: string,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of flatten(error.issues, input)) {
    const rel = issue.path as (string | number)[];
    const fieldName = rel.filter((p) => typeof p === 'string').join('.') || undefined;
    // Positioned by the positioning stage (diagnostics/position.ts), which points an unknown key at the key.
    const make = (def: DiagnosticDefinition, path: (string | number)[], message: string, hint: string): Diagnostic =>
      makeDiagnostic(def, {
        file: source.path,
        path: [...base, ...path],
        ...(record ? { record } : {}),
        ...(fieldName ? { field: path.filter((p) => typeof p === 'string').join('.') } : {}),
        message,
        hint,
      });
    const name = describePath(rel);
    // "`status` in control `CTL-1`", or just "control `CTL-1`" when the issue is the record itself.
    const subject = rel.length ? `\`${name}\` in ${what}` : what;
    const actualHere = valueAt(input, rel);
    if (actualHere === undefined && rel.length > 0 && issue.code !== 'unrecognized_keys' && issue.code !== 'too_small') {
      // zod reports a missing enum as a bad value and a missing union as no match: all are missing fields.
      const parentPath = rel.slice(0, -1);
      const expected = issue.code === 'invalid_value' ? `one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}` : issue.code === 'invalid_type' ? expectedWords(issue.expected) : 'a value';
      out.push(make(parseCodes.missingField, parentPath, `${capitalise(what)} has no \`${name}\`, which is required.`, `Add \`${String(rel[rel.length - 1])}:\` with ${expected}.`));
      continue;
    }
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = Object.keys(shapeAt(schema, rel) ?? {});
        for (const key of issue.keys) {
          out.push(
            make(
              parseCodes.unknownKey,
              [...rel, key],
              `\`${key}\` is not a field of ${rel.length ? `\`${name}\` in ` : ''}${what}.${didYouMeanSentence(key, known)}`,
              known.length ? `The fields here are: ${known.map((k) => `\`${k}\``).join(', ')}.` : 'Remove it.',
            ),
          );
        }
        break;
      }
      case 'invalid_type': {
        const actual = valueAt(input, rel);
        if (actual === undefined) {
          const parentPath = rel.slice(0, -1);
          out.push(make(parseCodes.missingField, parentPath, `${capitalise(what)} has no \`${name}\`, which is required.`, `Add \`${String(rel[rel.length - 1])}:\` with ${expectedWords(issue.expected)}.`));
        } else {
          out.push(make(parseCodes.invalidValue, rel, `${capitalise(subject)} should be ${expectedWords(issue.expected)}, but it is ${actualWords(actual)}.`, hintForType(issue.expected, actual)));
        }
        break;
      }
      case 'invalid_value': {
        const actual = valueAt(input, rel);
        const allowed = issue.values.map(String);
        out.push(
          make(
            parseCodes.invalidValue,
            rel,
            `${capitalise(subject)} is ${actualWords(actual)}, which is not one of the allowed values.${typeof actual === 'string' ? didYouMeanSentence(actual, allowed) : ''}`,
            `Use one of: ${allowed.map((v) => `\`${v}\``).join(', ')}.`,
          ),
        );
        break;
      }
      case 'invalid_format': {
        const actual = valueAt(input, rel);
        // A pattern's own message says what to write ("Use letters, digits…"); it goes in the hint.
        const patternHint = issue.message && !/^Invalid/.test(issue.message) ? issue.message : `Write text matching ${(issue as { pattern?: string }).pattern}.`;
        const message =
          issue.format === 'date'
            ? `${capitalise(subject)} is ${actualWords(actual)}, which is not a real calendar date written \`YYYY-MM-DD\`.`
            : issue.format === 'regex' && typeof actual === 'string' && actual.trim() === ''
              ? `${capitalise(subject)} is ${actual === '' ? 'empty' : 'blank: it holds only white space'}, so it says nothing.` // text fields (`Text`)
              : issue.format === 'regex'
                ? `${capitalise(subject)} is ${actualWords(actual)}, which is not in the form this field takes.`
                : `${capitalise(subject)} is ${actualWords(actual)}, which is not a valid ${issue.format}.`;
        out.push(make(parseCodes.invalidValue, rel, message, issue.format === 'date' ? 'Write dates as `2026-04-07`.' : patternHint));
        break;
      }
      case 'too_small': {
        const actual = valueAt(input, rel);
        const min = Number(issue.minimum);
        const message =
          issue.origin === 'array'
            ? `${capitalise(subject)} needs at least ${min} ${min === 1 ? 'entry' : 'entries'}, but it has ${Array.isArray(actual) ? actual.length : 0}.`
            : issue.origin === 'string'
              ? `${capitalise(subject)} is empty.`
              : `${capitalise(subject)} is ${actualWords(actual)}, but it must be ${issue.inclusive === false ? 'more than' : 'at least'} ${min}.`;
        out.push(make(parseCodes.invalidValue, rel, message, issue.origin === 'string' ? 'Write something, or remove the field.' : 'Correct the value.'));
        break;
      }
      case 'too_big': {
        out.push(make(parseCodes.invalidValue, rel, `${capitalise(subject)} is ${actualWords(valueAt(input, rel))}, but it must be at most ${String(issue.maximum)}.`, 'Correct the value.'));
        break;
      }
      case 'invalid_union': {
        out.push(
          make(
            parseCodes.invalidValue,
            rel,
            `${capitalise(subject)} is not a valid requirement: it is ${actualWords(valueAt(input, rel))}.`,
            'Write an asset id (`vpn-b`), `$name` in a profile, or a group: `{ anyOf: [...] }`, `{ allOf: [...] }`, `{ atLeast: 2, of: [...] }`.',
          ),
        );
        break;
      }
      default:
        out.push(make(parseCodes.invalidValue, rel, `${capitalise(subject)} is not valid: ${issue.message}.`, 'Correct the value.'));
    }
  }
  return out;
}

/**
 * A union (a requirement) fails with one issue list per alternative. When the value is a mapping,
 * the alternative with the matching key says what is really wrong; report its issues instead.
 */
function flatten(issues: readonly Issue[], input: unknown): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    if (issue.code === 'invalid_union' && issue.errors.length) {
      const value = valueAt(input, issue.path as (string | number)[]);
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        const keys = Object.keys(value);
        const branch = issue.errors.find((errs) => errs.length > 0 && errs.every((e) => e.code !== 'invalid_type' || e.path.length > 0) && !errs.some((e) => e.code === 'unrecognized_keys' && e.keys.some((k) => ['anyOf', 'allOf', 'atLeast', 'of'].includes(k))) && keys.some((k) => ['anyOf', 'allOf', 'atLeast'].includes(k)));
        if (branch) {
          for (const e of flatten(branch.map((e) => ({ ...e, path: [...issue.path, ...e.path] }) as Issue), input)) out.push(e);
          continue;
        }
      }
    }
    out.push(issue);
  }
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Object.prototype.hasOwnProperty.call(v, p) ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  }
  return v;
}

/** The object shape a path leads to inside a schema, for did-you-mean on unknown keys. */
function shapeAt(schema: z.ZodType, path: readonly PropertyKey[]): Record<string, z.ZodType> | undefined {
  let s: z.ZodType | undefined = unwrap(schema);
  for (const p of path) {
    if (!s) return undefined;
    const def = s._zod.def as unknown as Def;
    if (def.type === 'object') s = def.shape?.[String(p)];
    else if (def.type === 'array') s = def.element;
    else if (def.type === 'record') s = def.valueType;
    else return undefined;
    s = s ? unwrap(s) : undefined;
  }
  const def = s?._zod.def as unknown as Def | undefined;
  return def?.type === 'object' ? def.shape : undefined;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let i = 0; i < 10; i++) {
    const def = s._zod.def as unknown as Def;
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable') && def.innerType) s = def.innerType;
    else if (def.type === 'lazy' && def.getter) s = def.getter();
    else if (def.type === 'pipe' && def.in) s = def.in;
    else break;
  }
  return s;
}

function describePath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s || 'the record';
}

function expectedWords(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping of fields';
    case 'boolean':
      return '`true` or `false`';
    default:
      return `a ${expected}`;
  }
}

function actualWords(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the text \`${v.length > 60 ? v.slice(0, 57) + '…' : v}\``;
  if (typeof v === 'number') return Number.isInteger(v) ? `the number ${v}` : `the number ${v}`;
  if (typeof v === 'boolean') return `\`${v}\``;
  return typeof v;
}

function hintForType(expected: string, actual: unknown): string {
  if (expected === 'string' && (typeof actual === 'number' || typeof actual === 'boolean')) return 'Put the value in quotes to make it text.';
  if (expected === 'array') return 'Write a list: one `- item` per line, or `[a, b]`.';
  if (expected === 'object') return 'Write the fields indented under the key.';
  if (expected === 'number' && typeof actual === 'string') return 'Write the number without quotes or units.';
  return `Write ${expectedWords(expected)}.`;
}

