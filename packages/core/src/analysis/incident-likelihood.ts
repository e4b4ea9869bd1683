import { addMonths } from '../dates.js';
import type { Register } from '../model/register.js';
import { likelihoodIndex } from '../risk/scheme.js';
import type { Finding } from './finding.js';
import { NO_REACH } from './reach.js';

/**
 * How many incidents in the 12 months before the as-of date contradict a likelihood, by its
 * place in the scheme, lowest first: 2 contradict the lowest level ("negligible"), 3 the next
 * ("in the great majority of occasions will not"), 5 the middle ("possible"). The upper levels
 * expect incidents. Judged against the residual likelihood, the one the log claims now.
 */
export const INCIDENTS_CONTRADICTING = [2, 3, 5] as const;

export function incidentLikelihoodFindings(register: Register, asOf: string): Finding[] {
  const from = addMonths(asOf, -12);
  const findings: Finding[] = [];
  for (const h of register.hazards) {
    const level = h.residualRisk.likelihood;
    const index = likelihoodIndex(register.scheme, level);
    const threshold = INCIDENTS_CONTRADICTING[index];
    if (index < 0 || threshold === undefined) continue;
    const incidents = register.incidents.filter((i) => (i.hazards ?? []).includes(h.id) && i.start > from && i.start <= asOf);
    if (incidents.length < threshold) continue;
    findings.push({
      id: `incident-likelihood:${h.id}`,
      kind: 'incident-likelihood',
      title: `Hazard \`${h.id}\` has had ${incidents.length} incidents in a year against a likelihood of ${level}`,
      explanation: `${incidents.map((i) => `\`${i.id}\` (${i.start})`).join(', ')} realised hazard \`${h.id}\` in the 12 months to ${asOf}, but its residual likelihood is \`${level}\`: ${threshold} or more in a year contradict that. Reassess the likelihood, or the controls it rests on.`,
      assets: [],
      reach: NO_REACH,
      hazards: [h.id],
      figures: { incidents: incidents.length, threshold, likelihood: level },
    });
  }
  return findings;
}
