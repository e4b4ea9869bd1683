import { describe, expect, it } from 'vitest';
import { findings, lineOf, yaml } from './test-register.js';

/** A scenario's selector gets the checks a hazard cause's does: CRR-E056 and CRR-E058. */
const register = (select: string) => yaml`
  assets:
    - { id: fw-northgate, type: firewall, name: Northgate Surgery firewall, vendor: Cisco Meraki, model: MX68, software: MX 18.107 }
  scenarios:
    - id: mx18-defect
      title: A firmware defect drops every MX 18 tunnel at once
      reason: The April 2026 defect, across the whole estate.
      select: ${select}
`;

describe('the selector of a scenario', () => {
  it('is refused when it names no attribute but wildcards (CRR-E056), at the selector', () => {
    const snippet = register('{ software: "*" }');
    const found = findings('CRR-E056', snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ record: 'mx18-defect', line: lineOf(snippet, 'select:'), field: 'select' });
    expect(found[0]!.message).toBe('Scenario `mx18-defect` has a `select` that names no attribute but wildcards, so it would fail every asset at once.');
  });

  it('is refused when empty (CRR-E056)', () => {
    expect(findings('CRR-E056', register('{}'))).toHaveLength(1);
    expect(findings('CRR-E056', register('{ attributes: {} }'))).toHaveLength(1);
  });

  it('is refused when a pattern has too many wildcards (CRR-E058), at the pattern', () => {
    const snippet = register(`{ vendor: Cisco Meraki, attributes: { exchange: "${'*a'.repeat(11)}" } }`);
    const found = findings('CRR-E058', snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ record: 'mx18-defect', field: 'select.attributes.exchange' });
    expect(found[0]!.message).toBe('Scenario `mx18-defect` selects by `attributes.exchange` with a pattern that has 11 `*` wildcards, more than the 10 a selector pattern may have.');
  });

  it('is refused when a pattern is too long (CRR-E058)', () => {
    const found = findings('CRR-E058', register(`{ software: "MX ${'1'.repeat(200)}" }`));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('is 203 characters long');
  });

  it('passes a selector naming a real attribute', () => {
    expect(findings('CRR-E056', register('{ software: "MX 18.*" }'))).toEqual([]);
    expect(findings('CRR-E058', register('{ software: "MX 18.*" }'))).toEqual([]);
  });
});
