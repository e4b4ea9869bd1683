import type { Register } from '../model/register.js';
import { compareFindings, criticalityOf, type Finding } from './finding.js';

/**
 * Findings in the order of the ranking rule (see `compareFindings`), each with the criticality of
 * the services it reaches. Called again by anything that changes a reach (a scoped view), so the
 * criticality always follows the reach it is read from.
 */
export function rankFindings(register: Pick<Register, 'services'>, findings: readonly Finding[]): Finding[] {
  const declared = new Map(register.services.map((s) => [s.id, s.criticality] as const));
  return findings
    .map((f) => {
      const { criticality: _old, ...rest } = f;
      const criticality = criticalityOf(f.reach.services, declared);
      return criticality === undefined ? rest : { ...rest, criticality };
    })
    .sort(compareFindings);
}
