import { describe, expect, it } from 'vitest';
import { SourceText } from './source-text.js';

// Positions found by re-loading with js-yaml; these cases pin what the `yaml` library gave before.
const text = `# comment
defaults: &d
  vendor: Cisco   # trailing
assets:
  - id: a1
    <<: *d
    name:
    tags: [x, &t y, *t, { k: v }]
    notes: |
      block
  -
  - id: a2
    ? explicit
    : value
    list:
      - - nested
  - &anch
    id: a3
`;

describe('SourceText.locate', () => {
  const s = new SourceText('a.yaml', text);
  it.each([
    [['defaults'], false, { line: 3, column: 3 }],
    [['defaults', 'vendor'], true, { line: 3, column: 3 }],
    [['assets', 0], false, { line: 5, column: 5 }],
    // A key with no value: just after its colon, not the next line.
    [['assets', 0, 'name'], false, { line: 7, column: 10 }],
    [['assets', 0, 'tags', 3, 'k'], false, { line: 8, column: 30 }],
    [['assets', 0, 'notes'], false, { line: 9, column: 12 }],
    // A merged field has no place of its own: the record.
    [['assets', 0, 'vendor'], false, { line: 5, column: 5 }],
    // An empty item: just after its dash.
    [['assets', 1], false, { line: 11, column: 4 }],
    [['assets', 2, 'explicit'], false, { line: 14, column: 7 }],
    [['assets', 2, 'list', 0, 0], false, { line: 16, column: 11 }],
    // After an anchor, the node itself; a missing field, the deepest node there is.
    [['assets', 3], false, { line: 18, column: 5 }],
    [['assets', 3, 'missing'], false, { line: 18, column: 5 }],
  ] as const)('%j (key: %s) is at %j', (path, key, pos) => {
    expect(s.locate(path, { key })).toEqual(pos);
  });

  it('CRLF line ends give the same positions', () => {
    const crlf = new SourceText('b.yaml', text.replace(/\n/g, '\r\n'));
    expect(crlf.locate(['assets', 2, 'list', 0, 0])).toEqual({ line: 16, column: 11 });
    expect(crlf.locate(['assets', 0, 'name'])).toEqual({ line: 7, column: 10 });
  });

  it('a file that does not load has no positions, and says so without throwing', () => {
    expect(new SourceText('c.yaml', 'a: [').locate(['a'])).toBeUndefined();
  });
});
