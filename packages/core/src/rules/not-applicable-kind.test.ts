import { describe, expect, it } from 'vitest';
import { codes, findings, hazardYaml, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-E075';
const CARRIER = 'The fault is in the carrier network; no training can prevent or shorten it.';

const register = (fields: Record<string, string | undefined>) => yaml`
  hazards:
    ${hazardYaml(fields)}
  controls:
    - { id: CTL-BCP-01, title: Paper fallback, kind: business-process, status: implemented, owner: Practice manager }
    - { id: CTL-VPN-02, title: Second concentrator, kind: design, status: implemented, owner: CSU network team }
    - { id: CTL-VPN-03, title: Failover monitoring, kind: design, status: implemented, owner: CSU network team }
`;

describe('not-applicable-kind (CRR-E075)', () => {
  it('reports a kind recorded as not applicable while an additional control is of that kind, at the entry\'s kind', () => {
    const snippet = register({
      additionalControls: '[CTL-VPN-02]',
      notApplicable: `[{ kind: design, reason: No design change is possible. }]`,
    });
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, severity: 'error', record: 'HAZ-001', file: RECORDS, line: lineOf(snippet, 'notApplicable'), field: 'notApplicable.kind' });
    expect(found[0]!.message).toBe('Hazard `HAZ-001` records `design` controls as not applicable, but its additional control `CTL-VPN-02` is of kind `design`.');
    expect(found[0]!.hint).toBe('If the control applies, remove the `design` entry from `notApplicable`; if not, remove it from the hazard\'s `additionalControls`.');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('names every clashing control, existing before additional', () => {
    const found = findings(
      CODE,
      register({
        existingControls: '[CTL-VPN-03]',
        additionalControls: '[CTL-VPN-02, CTL-BCP-01]',
        notApplicable: `[{ kind: design, reason: No design change is possible. }]`,
      }),
    );
    expect(found.map((d) => d.message)).toEqual([
      'Hazard `HAZ-001` records `design` controls as not applicable, but its existing control `CTL-VPN-03` and additional control `CTL-VPN-02` are of kind `design`.',
    ]);
    expect(found[0]!.hint).toBe('If the controls apply, remove the `design` entry from `notApplicable`; if not, remove them from the hazard\'s `existingControls` or `additionalControls`.');
  });

  it('reports a kind recorded twice, at the second entry', () => {
    const snippet = yaml`
      hazards:
        ${hazardYaml({ notApplicable: undefined })}
          notApplicable:
            - { kind: training, reason: ${CARRIER} }
            - { kind: test, reason: The carrier tests its own network. }
            - { kind: training, reason: Nothing to train. }
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    const line = lineOf(snippet, 'kind: training', 2);
    // At the kind's value, where the repeated word is.
    const column = snippet.split('\n')[line - 1]!.indexOf('training') + 1;
    expect(found[0]).toMatchObject({ line, column, field: 'notApplicable.kind' });
    expect(found[0]!.message).toBe('Hazard `HAZ-001` records `training` as not applicable twice, in entries 1 and 3 of `notApplicable`.');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('passes kinds not applicable that no control of the hazard has', () => {
    expect(
      codes(
        register({
          existingControls: '[CTL-BCP-01]',
          additionalControls: '[CTL-VPN-02]',
          notApplicable: `[{ kind: training, reason: ${CARRIER} }, { kind: test, reason: The carrier tests its own network. }]`,
        }),
      ),
    ).toEqual([]);
  });

  it('leaves an unknown control to the reference rule', () => {
    expect(codes(register({ additionalControls: '[CTL-NOPE]', notApplicable: `[{ kind: design, reason: None possible. }]` }))).toEqual(['CRR-E031']);
  });
});
