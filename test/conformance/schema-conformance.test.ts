import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ajv2020Module from 'ajv/dist/2020.js';
import ajvFormatsModule from 'ajv-formats';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { RegisterFile } from '@crr/core';

/**
 * The committed JSON Schema (what editors check against) and the zod model (what crr checks
 * against) must agree on which files are structurally valid. Checked over every YAML fixture in
 * the repository, and over near-misses made from each valid one.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const schema = JSON.parse(readFileSync(join(root, 'packages/core/schema/register.schema.json'), 'utf8'));
// ajv and ajv-formats are CommonJS with a `default` export; under NodeNext the default import is
// the module object, so take `.default` where it is there.
type Ajv2020Class = typeof ajv2020Module.default;
type AddFormats = typeof ajvFormatsModule.default;
const Ajv2020 = ((ajv2020Module as unknown as { default?: Ajv2020Class }).default ?? ajv2020Module) as Ajv2020Class;
const addFormats = ((ajvFormatsModule as unknown as { default?: AddFormats }).default ?? ajvFormatsModule) as AddFormats;
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
// The language servers' own keyword: the sentence shown when a date does not match its pattern.
ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
const validate = ajv.compile(schema);

// The loader's YAML dialect: 1.2 core schema (dates stay strings) with merge keys.
const { merge } = (yaml as unknown as { types: { merge: yaml.Type } }).types;
const dialect = yaml.CORE_SCHEMA.extend({ implicit: [merge] });

function yamlFiles(dir: string): string[] {
  let out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return out;
  }
  for (const name of entries) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = join(dir, name);
    const s = statSync(full, { throwIfNoEntry: false });
    if (!s) continue;
    if (s.isDirectory()) out = out.concat(yamlFiles(full));
    else if (/\.ya?ml$/.test(name) && s.size < 1_000_000) out.push(full);
  }
  return out;
}

const files = [...yamlFiles(join(root, 'registers')), ...yamlFiles(join(root, 'test'))]
  .map((path) => {
    try {
      return { path: relative(root, path), value: yaml.load(readFileSync(path, 'utf8'), { schema: dialect }) };
    } catch {
      return undefined; // not YAML at all: the loader reports those, the schema has nothing to say
    }
  })
  .filter((f): f is { path: string; value: unknown } => f !== undefined && f.value !== undefined && f.value !== null);

/**
 * The one intended difference: the schema offers the default scheme's severity and likelihood
 * levels as enumerations, while zod takes any word (a register may define its own scheme, whose
 * levels crr checks once the manifest is read). A file refused by the schema for that alone
 * counts as agreeing.
 */
function ajvAgrees(value: unknown): boolean {
  if (validate(value)) return true;
  return (validate.errors ?? []).every((e) => e.keyword === 'enum' && /\/(severity|likelihood)$/.test(e.instancePath));
}

const agree = (value: unknown) => ({ zod: RegisterFile.safeParse(value).success, ajv: ajvAgrees(value) });

/** Near-misses of a valid file: each must be invalid to both, or valid to both. */
function mutations(value: Record<string, unknown>): [string, unknown][] {
  const out: [string, unknown][] = [['unknown collection', { ...value, hazard: [] }]];
  for (const [key, section] of Object.entries(value)) {
    if (key === 'register') {
      const { title: _t, ...noTitle } = section as Record<string, unknown>;
      out.push(['manifest without title', { ...value, register: noTitle }]);
      continue;
    }
    if (!Array.isArray(section) || !section.length) continue;
    const first = section[0] as Record<string, unknown>;
    const swap = (name: string, record: unknown) => out.push([`${key}: ${name}`, { ...value, [key]: [record, ...section.slice(1)] }]);
    const { id: _id, ...noId } = first;
    swap('record without id', noId);
    swap('numeric id', { ...first, id: 42 });
    swap('unknown key', { ...first, bogus: 'x' });
    swap('id with a space', { ...first, id: 'has space' });
    for (const [k, v] of Object.entries(first)) {
      if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) swap(`impossible date in ${k}`, { ...first, [k]: '2026-02-30' });
      if (Array.isArray(v)) swap(`text instead of list in ${k}`, { ...first, [k]: 'not a list' });
      if (typeof v === 'number') swap(`text instead of number in ${k}`, { ...first, [k]: 'many' });
    }
    out.push([`${key}: not a list`, { ...value, [key]: { a: 1 } }]);
  }
  return out;
}

const requirementCases: [string, unknown][] = [
  ['asset id', 'vpn-a'],
  ['placeholder', '$firewall'],
  ['anyOf', { anyOf: ['a', 'b'] }],
  ['named anyOf', { anyOf: ['a', 'b'], name: 'pair' }],
  ['nested', { anyOf: [{ allOf: ['link-a', 'vpn-a'] }, { allOf: ['link-b', 'vpn-b'] }] }],
  ['atLeast', { atLeast: 2, of: ['d1', 'd2', 'd3'] }],
  ['atLeast zero', { atLeast: 0, of: ['d1'] }],
  ['empty anyOf', { anyOf: [] }],
  ['two kinds at once', { anyOf: ['a'], allOf: ['b'] }],
  ['of without atLeast', { of: ['a'] }],
  ['number', 5],
  ['id with space', 'vpn a'],
];

describe('JSON Schema and zod agree', () => {
  it('finds the repository\'s YAML fixtures', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [f.path, f.value] as const))('on %s', (_path, value) => {
    const { zod, ajv: ajvOk } = agree(value);
    expect(ajvOk).toBe(zod);
  });

  it('on near-misses of every valid file', () => {
    const disagreements: string[] = [];
    let checked = 0;
    for (const f of files) {
      if (!agree(f.value).zod || typeof f.value !== 'object') continue;
      for (const [name, mutated] of mutations(f.value as Record<string, unknown>)) {
        const r = agree(mutated);
        checked++;
        if (r.zod !== r.ajv) disagreements.push(`${f.path}: ${name}: zod ${r.zod}, ajv ${r.ajv}`);
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(disagreements).toEqual([]);
  });

  it('offers the default scheme\'s levels, and refuses a misspelt one', () => {
    const hazard = { id: 'HAZ-1', title: 't', initialRisk: { severity: 'major', likelihood: 'hihg' } };
    expect(validate({ hazards: [hazard] })).toBe(false);
    expect(validate.errors?.map((e) => [e.keyword, e.instancePath])).toContainEqual(['enum', '/hazards/0/initialRisk/likelihood']);
  });

  it.each(requirementCases)('on a requirement: %s', (_name, requirement) => {
    const value = { profiles: [{ id: 'p', routes: { 'patient-record': [requirement] } }] };
    const { zod, ajv: ajvOk } = agree(value);
    expect(ajvOk).toBe(zod);
  });
});
