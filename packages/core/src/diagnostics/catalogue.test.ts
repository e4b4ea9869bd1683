import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogue, diffCatalogue, importCatalogue, validationCatalogue } from './catalogue.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

/** Every source and template file of the packages, the site and the scripts; tests and build output left out. */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|js|hbs|njk)$/.test(entry.name) && !/\.test\.ts$|test-register\.ts$/.test(entry.name)) out.push(path);
  }
  return out;
}

const sourceDirs = [...readdirSync(join(root, 'packages')).map((p) => join(root, 'packages', p, 'src')), join(root, 'site/src'), join(root, 'scripts')];

describe('the catalogue of codes', () => {
  it('has every code any source file mentions, so that no code is raised undocumented', () => {
    const mentioned = new Map<string, string>();
    for (const dir of sourceDirs)
      for (const file of sourceFiles(dir)) for (const [code] of readFileSync(file, 'utf8').matchAll(/CRR-[EWGI]\d{3}/g)) if (!mentioned.has(code)) mentioned.set(code, file.slice(root.length));
    // The scan must see the sources at all: a guard, a load code and a rule are mentioned in them.
    expect([...mentioned.keys()]).toEqual(expect.arrayContaining(['CRR-G001', 'CRR-G006', 'CRR-E001', 'CRR-W016', 'CRR-E062']));
    const known = new Set(catalogue.map((c) => c.code));
    expect([...mentioned].filter(([code]) => !known.has(code as never)).map(([code, file]) => `${code} in ${file}`)).toEqual([]);
  });

  it('lists load, parse, rule, guard and notice codes, each once, with a unique name', () => {
    const codes = catalogue.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(catalogue.map((c) => c.name)).size).toBe(codes.length);
    expect(codes).toEqual(expect.arrayContaining(['CRR-E001', 'CRR-E020', 'CRR-E030', 'CRR-G001', 'CRR-G004', 'CRR-G005', 'CRR-G006']));
  });

  it("gives each code the letter of its severity: E an error, W a warning, G a diff guard or notice, I an import error or warning", () => {
    for (const c of catalogue) {
      const letter = c.code.charAt(4);
      if (letter === 'G') expect(['error', 'warning', 'notice'], c.code).toContain(c.severity);
      else if (letter === 'I') expect(['error', 'warning'], c.code).toContain(c.severity);
      else expect([c.code, c.severity]).toEqual([c.code, letter === 'E' ? 'error' : 'warning']);
      expect(c.code).toMatch(/^CRR-[EWGI]\d{3}$/);
    }
    // Only `crr diff` has notices, and its guards are errors: a tripped guard fails the check.
    expect(catalogue.filter((c) => c.severity === 'notice').map((c) => c.code)).toEqual(['CRR-G006']);
    expect(diffCatalogue.map((c) => [c.code, c.severity])).toEqual([
      ['CRR-G001', 'error'],
      ['CRR-G002', 'error'],
      ['CRR-G003', 'error'],
      ['CRR-G004', 'error'],
      ['CRR-G005', 'warning'],
      ['CRR-G006', 'notice'],
      ['CRR-G007', 'error'],
      ['CRR-G008', 'error'],
    ]);
  });

  it('is in code order, validation codes before the diff codes before the import codes, and split the same way', () => {
    const key = (code: string) => [({ G: 1, I: 2 } as Record<string, number>)[code.charAt(4)] ?? 0, Number(code.slice(5))] as const;
    const sorted = [...catalogue].sort((a, b) => key(a.code)[0] - key(b.code)[0] || key(a.code)[1] - key(b.code)[1]);
    expect(catalogue.map((c) => c.code)).toEqual(sorted.map((c) => c.code));
    expect([...validationCatalogue, ...diffCatalogue, ...importCatalogue]).toEqual(catalogue);
    // What `crr validate`'s SARIF describes: a register's errors and warnings only.
    expect(validationCatalogue.every((c) => /^CRR-[EW]/.test(c.code))).toBe(true);
    // The hazard-log importer owns CRR-I001–I019; CRR-I020–I039 are the ODS importer's.
    const hazardLog = importCatalogue.map((c) => Number(c.code.slice(5))).filter((n) => n < 20);
    expect(hazardLog).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
  });

  it('holds definitions only, every one with a title and an explanation, and cannot be changed', () => {
    for (const c of catalogue) {
      expect(Object.keys(c).sort()).toEqual(['code', 'explanation', 'name', 'severity', 'title']);
      expect(c.name).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(c.title.length).toBeGreaterThan(10);
      expect(c.explanation.length).toBeGreaterThan(20);
      expect(Object.isFrozen(c)).toBe(true);
    }
  });
});
