/** The register's title block and its headline counts. */
import type { Standard } from '../../model/manifest.js';
import type { ReportData, StandardView } from '../report-data.js';
import { contentFingerprint } from '../content-fingerprint.js';
import { latestApproval } from '../../model/approval.js';
import { ACCEPTABILITY_TEXT } from './matrix-view.js';
import type { ReportContext } from './report-context.js';

export function metaView(rc: ReportContext, tool: string): ReportData['meta'] {
  const { register, asOf } = rc.ctx;
  const { organisation } = rc.links;
  const m = register.manifest;
  const scheme = register.scheme;
  // The date of the approval in force, only while the register is the content it approved: the
  // pages' "Approved" rows and the safety statement must not call a changed register approved
  // (the document-control block says what was approved, and what changed). The older `approved`
  // date, which names no content, when no approval is recorded.
  const fingerprint = contentFingerprint(register);
  const latest = latestApproval(m?.approvals);
  const approvedOn = latest ? (latest.fingerprint === fingerprint ? latest.date : undefined) : m?.approved;
  return {
    id: m?.id ?? 'register',
    title: m?.title ?? 'Register',
    version: m?.version ?? '',
    ...(m ? { organisation: organisation(m.organisation) } : {}),
    asOf,
    standard: STANDARDS[m?.standard ?? 'DCB0160'],
    describesInfrastructure: rc.ctx.graph.assets.length + rc.ctx.graph.sites.length > 0,
    ...(m?.purpose ? { purpose: m.purpose } : {}),
    ...(m?.scope ? { scope: m.scope } : {}),
    ...(m?.intendedUse ? { intendedUse: m.intendedUse } : {}),
    ...(m?.users ? { users: m.users } : {}),
    ...(m?.assessment ? { assessment: m.assessment } : {}),
    ...(m?.safetyStatement ? { safetyStatement: m.safetyStatement } : {}),
    terms: { severity: m?.terms?.severity?.toLowerCase() ?? 'severity', likelihood: m?.terms?.likelihood?.toLowerCase() ?? 'likelihood' },
    ...(m?.lifecyclePhase ? { lifecyclePhase: m.lifecyclePhase } : {}),
    ...(approvedOn ? { approved: approvedOn } : {}),
    ...(m ? { cso: { name: m.cso.name, registration: registrationText(m.cso.registration), ...(m.cso.organisation ? { organisation: organisation(m.cso.organisation) } : {}) } } : {}),
    fingerprint,
    scheme: {
      name: scheme.name,
      isDefault: register.schemeIsDefault,
      likelihoods: [...scheme.likelihoods],
      severities: [...scheme.severities],
      ratings: scheme.ratings.map((r) => ({ ...r, acceptabilityLabel: ACCEPTABILITY_TEXT[r.acceptability] ?? r.acceptability })),
    },
    tool,
  };
}

const STANDARDS: Record<Standard, StandardView> = {
  DCB0129: { code: 'DCB0129', title: 'Clinical Risk Management: its Application in the Manufacture of Health IT Systems', owner: 'manufacturer' },
  DCB0160: { code: 'DCB0160', title: 'Clinical Risk Management: its Application in the Deployment and Use of Health IT Systems', owner: 'deploying organisation' },
};

/**
 * The CSO's registration as one phrase: "GMC 7012345". A register that cannot publish the number
 * may write "not published" in both fields; it then reads once, not "not published not published".
 */
export function registrationText(r: { body: string; number: string }): string {
  const body = r.body.trim();
  const number = r.number.trim();
  if (body.toLowerCase() === number.toLowerCase()) return body;
  return /^not\b/i.test(number) ? `${body}, number ${number}` : `${body} ${number}`;
}

export function countsView(rc: ReportContext, pcns: number): ReportData['counts'] {
  const { register, graph } = rc.ctx;
  const practices = graph.sites.filter((s) => s.type === 'practice');
  return {
    practices: practices.length,
    sites: graph.sites.length,
    pcns,
    patients: practices.reduce((n, s) => n + s.patients, 0),
    services: register.services.length,
    assets: graph.assets.length,
    sharedAssets: graph.assets.filter((a) => !a.site).length,
    hazards: register.hazards.length,
    openHazards: register.hazards.filter((h) => h.status !== 'closed').length,
    controls: register.controls.length,
    incidents: register.incidents.length,
    acceptances: register.acceptances.length,
    findings: rc.analysis.findings.length,
    coverageGaps: rc.analysis.summary.coverage.gap + rc.analysis.summary.coverage.partial,
  };
}
