/** The register's title block and its headline counts. */
import type { ReportData } from '../report-data.js';
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
    ...(m?.scope ? { scope: m.scope } : {}),
    ...(m?.lifecyclePhase ? { lifecyclePhase: m.lifecyclePhase } : {}),
    ...(approvedOn ? { approved: approvedOn } : {}),
    ...(m ? { cso: { name: m.cso.name, registration: `${m.cso.registration.body} ${m.cso.registration.number}`, ...(m.cso.organisation ? { organisation: organisation(m.cso.organisation) } : {}) } } : {}),
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
