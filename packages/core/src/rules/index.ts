import { acceptanceDates } from './acceptance-dates.js';
import { acceptanceEnding } from './acceptance-ending.js';
import { acceptanceRequired } from './acceptance-required.js';
import { approvalHistory } from './approval-history.js';
import { approvalStale } from './approval-stale.js';
import { capacityUnit } from './capacity-unit.js';
import { capacityWithoutDemand } from './capacity-without-demand.js';
import { closedHazardReview } from './closed-hazard-review.js';
import { closedHazardUnverified } from './closed-hazard-unverified.js';
import { closureDetails } from './closure-details.js';
import { dependencyDepth } from './dependency-depth.js';
import { demandUnlimited } from './demand-unlimited.js';
import { duplicateId } from './duplicate-id.js';
import { emptySelector } from './empty-selector.js';
import { evidenceDates } from './evidence-dates.js';
import { expiredEvidence } from './expired-evidence.js';
import { groupSize } from './group-size.js';
import { idsDifferByCase } from './ids-differ-by-case.js';
import { incidentDates } from './incident-dates.js';
import { incidentInFuture } from './incident-in-future.js';
import { incidentWithoutHazard } from './incident-without-hazard.js';
import { localAssetType } from './local-asset-type.js';
import { notApplicableKind } from './not-applicable-kind.js';
import { organisationCycle } from './organisation-cycle.js';
import { placeChain } from './place-chain.js';
import { practiceDetails } from './practice-details.js';
import { requirementCycle } from './requirement-cycle.js';
import { residualAboveInitial } from './residual-above-initial.js';
import { residualJustification } from './residual-justification.js';
import { residualOnProposedControls } from './residual-on-proposed-controls.js';
import { reviewOverdue } from './review-overdue.js';
import { riskLevel } from './risk-level.js';
import { riskSchemeIncomplete, riskSchemeNotMonotone } from './risk-scheme.js';
import { scenarioFailsNothing } from './scenario-fails-nothing.js';
import { tooManyScenarios } from './too-many-scenarios.js';
import { scenarioSelectsNothing } from './scenario-selects-nothing.js';
import { selectorPattern } from './selector-pattern.js';
import type { Rule } from './rule.js';
import { siteWithoutRoute } from './site-without-route.js';
import { storedRating } from './stored-rating.js';
import { transferDetails } from './transfer-details.js';
import { unacceptableWithoutControls } from './unacceptable-without-controls.js';
import { unboundPlaceholder } from './unbound-placeholder.js';
import { unknownPlaceInSelector } from './unknown-place-in-selector.js';
import { unknownFault } from './unknown-fault.js';
import { unknownReference } from './unknown-reference.js';
import { unusedService } from './unused-service.js';
import { verifiedWithoutEvidence } from './verified-without-evidence.js';

/**
 * Every validation rule, in code order. Adding a rule is adding a file and a line here. A tuple
 * (`as const`), so that each rule's literal code reaches the closed union `DiagnosticCode`.
 */
export const rules = [
  duplicateId,
  unknownReference,
  requirementCycle,
  groupSize,
  unboundPlaceholder,
  riskLevel,
  riskSchemeIncomplete,
  riskSchemeNotMonotone,
  storedRating,
  residualAboveInitial,
  unacceptableWithoutControls,
  residualJustification,
  acceptanceRequired,
  closedHazardUnverified,
  verifiedWithoutEvidence,
  expiredEvidence,
  reviewOverdue,
  incidentInFuture,
  incidentWithoutHazard,
  siteWithoutRoute,
  unusedService,
  practiceDetails,
  incidentDates,
  evidenceDates,
  transferDetails,
  emptySelector,
  localAssetType,
  idsDifferByCase,
  selectorPattern,
  organisationCycle,
  capacityUnit,
  dependencyDepth,
  scenarioFailsNothing,
  tooManyScenarios,
  scenarioSelectsNothing,
  capacityWithoutDemand,
  demandUnlimited,
  placeChain,
  unknownPlaceInSelector,
  residualOnProposedControls,
  acceptanceEnding,
  acceptanceDates,
  closureDetails,
  closedHazardReview,
  notApplicableKind,
  approvalStale,
  approvalHistory,
  unknownFault,
] as const satisfies readonly Rule<string>[];
