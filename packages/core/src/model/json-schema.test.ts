import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DCB_EXAMPLE_SCHEME } from '../risk/scheme.js';
import { registerJsonSchema, registerJsonSchemaText } from './json-schema.js';

/** Every node of the schema with a given key, with its path. */
function nodesWith(node: unknown, key: string, path = ''): [string, Record<string, unknown>][] {
  if (!node || typeof node !== 'object') return [];
  const n = node as Record<string, unknown>;
  const own: [string, Record<string, unknown>][] = key in n ? [[path, n]] : [];
  return own.concat(Object.entries(n).flatMap(([k, child]) => nodesWith(child, key, `${path}/${k}`)));
}

const committed = fileURLToPath(new URL('../../schema/register.schema.json', import.meta.url));

describe('the JSON Schema generated from the zod model', () => {
  it('matches the committed file (run `pnpm run gen:schema` to regenerate it)', () => {
    expect(readFileSync(committed, 'utf8')).toBe(registerJsonSchemaText());
  });

  it('gives every property a description and an example, for editors', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (n.properties && typeof n.properties === 'object') {
        for (const [key, prop] of Object.entries(n.properties as Record<string, Record<string, unknown>>)) {
          const p = `${path}.${key}`;
          if (typeof prop.description !== 'string' || !prop.description) missing.push(`${p}: description`);
          if (!Array.isArray(prop.examples) || prop.examples.length === 0) {
            // An object whose own fields are all documented is documented by them.
            if (!(prop.type === 'object' && prop.properties)) missing.push(`${p}: examples`);
          }
        }
      }
      for (const [key, child] of Object.entries(n)) if (key !== 'examples') walk(child, key === 'properties' ? path : `${path}/${key}`);
    };
    walk(registerJsonSchema(), '');
    expect(missing).toEqual([]);
  });

  it('is draft 2020-12 and names the recursive requirement', () => {
    const s = registerJsonSchema() as { $schema: string; $defs: Record<string, unknown> };
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(s.$defs)).toContain('Requirement');
  });

  it('offers the scheme\'s severity and likelihood levels as enumerations, lowest first', () => {
    const enums = nodesWith(registerJsonSchema(), 'enum').filter(([p]) => /(severity|likelihood)$/.test(p));
    // initialRisk and residualRisk, in a hazard and in a what-if scenario's hazard at least.
    expect(enums.length).toBeGreaterThanOrEqual(4);
    for (const [path, node] of enums) {
      const levels = path.endsWith('severity') ? DCB_EXAMPLE_SCHEME.severities : DCB_EXAMPLE_SCHEME.likelihoods;
      expect(node.enum, path).toEqual(levels.map((l) => l.level));
      expect(String(node.description), path).toContain(levels.map((l) => l.level).join(', '));
    }
  });

  it('lists a register\'s own scheme\'s levels when given it', () => {
    const own = {
      ...DCB_EXAMPLE_SCHEME,
      name: 'Our CRMP scheme',
      likelihoods: [{ level: 'rare', description: 'x' }, { level: 'often', description: 'y' }],
    } as typeof DCB_EXAMPLE_SCHEME;
    const enums = nodesWith(registerJsonSchema(own), 'enum').filter(([p]) => p.endsWith('likelihood'));
    expect(enums.length).toBeGreaterThan(0);
    for (const [, node] of enums) {
      expect(node.enum).toEqual(['rare', 'often']);
      expect(String(node.description)).toContain('In Our CRMP scheme: rare, often');
    }
  });

  it('describes dates in words, with a pattern short enough to read', () => {
    const dates = nodesWith(registerJsonSchema(), 'format').filter(([, n]) => n.format === 'date');
    expect(dates.length).toBeGreaterThan(5);
    for (const [path, node] of dates) {
      expect(String(node.pattern).length, path).toBeLessThan(40);
      expect(node.patternErrorMessage, path).toMatch(/YYYY-MM-DD/);
      expect(String(node.description), path).toMatch(/Written YYYY-MM-DD/);
    }
  });
});
