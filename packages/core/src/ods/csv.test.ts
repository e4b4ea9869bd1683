import { describe, expect, it } from 'vitest';
import { CSV_LIMITS, parseCsv, readCsv } from './csv.js';
import { yamlScalar } from './ods-yaml.js';
import { parse } from 'yaml';

describe('readCsv (RFC 4180)', () => {
  it('reads quoted commas, doubled quotes and line breaks, with the line each row starts on', () => {
    const { rows, problems } = readCsv('"A1","ST JAMES\' SURGERY, ""X""",\n"B","y\nz"\r\nC,,\n');
    expect(rows).toEqual([
      { line: 1, fields: ['A1', 'ST JAMES\' SURGERY, "X"', ''] },
      { line: 2, fields: ['B', 'y\nz'] },
      { line: 4, fields: ['C', '', ''] },
    ]);
    expect(problems).toEqual([]);
  });

  it('skips a byte-order mark, ends rows at \\r\\n, \\n, a lone \\r or the end of the text', () => {
    expect(parseCsv('\ufeffa,b\r\nc\rd\ne')).toEqual([['a', 'b'], ['c'], ['d'], ['e']]);
  });

  it('keeps a stray quote as written and reports it; reports a quote never closed where it opened', () => {
    expect(readCsv('a,b"c\n"d"e,f\n')).toEqual({
      blank: 0,
      rows: [
        { line: 1, fields: ['a', 'b"c'] },
        { line: 2, fields: ['de', 'f'] },
      ],
      problems: [
        { kind: 'stray-quote', line: 1, field: 2 },
        { kind: 'stray-quote', line: 2, field: 1 },
      ],
    });
    expect(readCsv('a\n"b,\nc\n').problems).toEqual([{ kind: 'unclosed-quote', line: 2, field: 1 }]);
  });

  it('counts blank lines instead of keeping them, and keeps at most CSV_LIMITS of a hostile file', () => {
    expect(readCsv('a\n\n  \nb\n\n')).toEqual({ rows: [{ line: 1, fields: ['a'] }, { line: 4, fields: ['b'] }], blank: 3, problems: [] });
    const wide = readCsv(`${','.repeat(CSV_LIMITS.fields + 5)}\nx\n`);
    expect(wide.rows[0]!.fields).toHaveLength(CSV_LIMITS.fields);
    expect(wide.rows[0]!.width).toBe(CSV_LIMITS.fields + 6);
    expect(wide.rows[1]).toEqual({ line: 2, fields: ['x'] });
    const long = readCsv('a\n'.repeat(CSV_LIMITS.rows + 10));
    expect(long.rows).toHaveLength(CSV_LIMITS.rows);
    expect(long.problems).toEqual([{ kind: 'too-many-rows', line: CSV_LIMITS.rows + 1, field: 1 }]);
  });

  it('reads the same as the national generator did (a comma last ends with an empty field)', () => {
    expect(parseCsv('"A1","ST JAMES\' SURGERY, ""X""",\n"B","y\nz"\n')).toEqual([
      ['A1', 'ST JAMES\' SURGERY, "X"', ''],
      ['B', 'y\nz'],
    ]);
  });
});

describe('yamlScalar', () => {
  it('writes any value so that YAML reads back the same string', () => {
    for (const v of ["ST JAMES' SURGERY", 'TRUE', 'no', '123', '1E5', '00L', '# x', 'a: b', '- x', '[x]', '{x}', 'x, y', '"q"', 'a\nb', 'tab\there', '\u0085', '\u2028', 'é', '&anchor', '*alias', '!tag', '%x', '@x', '`x', '', ' lead', 'trail ', '~', 'null', '2021-01-01'])
    {
      expect(parse(`k: ${yamlScalar(v)}`), JSON.stringify(v)).toEqual({ k: v });
      expect(parse(`- { k: ${yamlScalar(v)}, n: 1 }`), JSON.stringify(v)).toEqual([{ k: v, n: 1 }]);
    }
  });
});
