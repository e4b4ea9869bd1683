import { describe, expect, it } from 'vitest';
import type { Criticality } from '../model/service.js';
import { analyse } from './analyse.js';
import { compareFindings, criticalityOf, type Finding } from './finding.js';
import { NO_REACH } from './reach.js';
import { rankFindings } from './ranking.js';
import { hazard, smallRegister } from './test-support.js';

const asOf = '2026-11-21';

/** The small register with its services' criticalities declared as given (undefined: undeclared). */
function withCriticality(criticality: Record<string, Criticality | undefined>, hazards?: string) {
  const r = smallRegister(hazards ? { hazards } : {});
  return { ...r, services: r.services.map((s) => (criticality[s.id] ? { ...s, criticality: criticality[s.id] } : s)) };
}

const finding = (id: string, over: Partial<Finding> & { patients?: number } = {}): Finding => {
  const { patients = 0, ...rest } = over;
  return { id, kind: 'failure-point', title: id, explanation: '', assets: [], hazards: [], reach: { ...NO_REACH, pairs: patients ? 1 : 0, patients }, ...rest };
};

describe('the ranking rule', () => {
  it('never puts a covered finding before an uncovered one, whatever their patients or criticality', () => {
    const covered = finding('a', { coverage: 'covered', criticality: 'critical', patients: 50000 });
    const gap = finding('b', { coverage: 'gap', criticality: 'low', patients: 10 });
    const partial = finding('c', { coverage: 'partial', criticality: 'low', patients: 10 });
    const noCoverage = finding('d', { kind: 'incident-likelihood' });
    expect([covered, gap, partial, noCoverage].sort(compareFindings).map((f) => f.id)).toEqual(['b', 'c', 'd', 'a']);
  });

  it('ranks by criticality before patients: prescribing for 5,000 before document workflow for 50,000', () => {
    const prescribing = finding('prescribing', { coverage: 'gap', criticality: 'critical', patients: 5000 });
    const documents = finding('documents', { coverage: 'gap', criticality: 'medium', patients: 50000 });
    expect([documents, prescribing].sort(compareFindings).map((f) => f.id)).toEqual(['prescribing', 'documents']);
    // Same criticality: patients decide; then kind; then id, so the order is total.
    const big = finding('z', { coverage: 'gap', criticality: 'medium', patients: 60000 });
    const commonCause = finding('a', { kind: 'common-cause', coverage: 'gap', criticality: 'medium', patients: 50000 });
    expect([commonCause, documents, big].sort(compareFindings).map((f) => f.id)).toEqual(['z', 'documents', 'a']);
  });

  it('counts an undeclared criticality as critical, and gives none to a finding that reaches nothing', () => {
    const declared = new Map<string, Criticality | undefined>([['telephony', 'low'], ['patient-record', undefined]]);
    expect(criticalityOf(['telephony'], declared)).toBe('low');
    expect(criticalityOf(['telephony', 'patient-record'], declared)).toBe('critical');
    expect(criticalityOf(['not-declared-anywhere'], declared)).toBe('critical');
    expect(criticalityOf([], declared)).toBeUndefined();
    const ranked = rankFindings({ services: [] }, [finding('x', { patients: 1, reach: { ...NO_REACH, pairs: 1, patients: 1, services: ['s'] } }), finding('y')]);
    expect(ranked.map((f) => [f.id, f.criticality])).toEqual([['x', 'critical'], ['y', undefined]]);
  });

  it('in an analysis: a critical service for 4,000 patients before a low one for 7,000', () => {
    const a = analyse(withCriticality({ 'patient-record': 'critical', telephony: 'low' }), { asOf });
    const ids = a.findings.map((f) => f.id);
    const firewall = a.findings.find((f) => f.id === 'failure-point:local:firewall')!;
    const phones = a.findings.find((f) => f.id === 'failure-point:phones')!;
    expect([firewall.criticality, firewall.reach.patients, phones.criticality, phones.reach.patients]).toEqual(['critical', 4000, 'low', 7000]);
    expect(ids.indexOf(firewall.id)).toBeLessThan(ids.indexOf(phones.id));
    // Undeclared, both are critical and patients decide.
    const plain = analyse(smallRegister(), { asOf }).findings.map((f) => f.id);
    expect(plain.indexOf('failure-point:phones')).toBeLessThan(plain.indexOf('failure-point:local:firewall'));
  });

  it('in an analysis: what a hazard names comes after everything it does not, and the order is the rule', () => {
    const a = analyse(withCriticality({}, hazard('HAZ-1', '{ description: Phones fail, assets: [phones] }')), { asOf });
    const phones = a.findings.findIndex((f) => f.id === 'failure-point:phones');
    expect(a.findings[phones]!.coverage).toBe('covered');
    const firstCovered = a.findings.findIndex((f) => f.coverage === 'covered');
    expect(a.findings.slice(firstCovered).every((f) => f.coverage === 'covered')).toBe(true);
    expect(a.findings.slice(0, firstCovered).length).toBeGreaterThan(0);
    expect([...a.findings].sort(compareFindings)).toEqual(a.findings);
  });
});
