import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { registerJsonSchema, registerJsonSchemaText } from './json-schema.js';

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
});
