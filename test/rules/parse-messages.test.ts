import { sourceFromText, validateFiles } from '@crr/core';
import { describe, expect, it } from 'vitest';
import { MINIMAL_MANIFEST } from '../support/temp-register.js';

/**
 * Wording of the parse codes (CRR-E020…E023) where the fixtures' snapshots alone would pin a
 * wrong sentence. The fixtures under `test/fixtures/rules/` cover the codes themselves.
 */
function diagnose(records: string) {
  const files = [sourceFromText('register.yaml', MINIMAL_MANIFEST), sourceFromText('records.yaml', records)];
  return validateFiles(files, { asOf: '2026-11-21' }).diagnostics;
}

describe('parse messages', () => {
  it('reports an id with a character ids may not hold (CRR-E021)', () => {
    const found = diagnose('incidents:\n  - { id: INC-1, title: Firewall outage, start: 2026-04-07, hazards: [HAZ 001] }\n');
    expect(found.map((d) => [d.code, d.record, d.line])).toEqual([['CRR-E021', 'INC-1', 2]]);
  });

  // A pattern's own message ("Use letters, digits…") once was spliced into "which is not …",
  // giving "which is not use letters, digits, …". It belongs in the hint.
  it('reads as a sentence when an id does not match the id pattern (CRR-E021)', () => {
    const found = diagnose('incidents:\n  - { id: INC-1, title: Firewall outage, start: 2026-04-07, hazards: [HAZ 001] }\n');
    expect(found[0]!.message).toMatch(/^`hazards\[0\]` in incident `INC-1` is the text `HAZ 001`, which is not /);
    expect(found[0]!.message).not.toMatch(/which is not use letters/i);
    expect(found[0]!.hint).toMatch(/^Use letters, digits/);
  });
});
