/**
 * @crr/core: the clinical risk register for the GP IT supply chain, as a typed library.
 * Pure functions of data, apart from `readRegisterFolder` (and `validateFolder`, which uses it).
 */
export * from './diagnostics/diagnostic.js';
export { catalogue } from './diagnostics/catalogue.js';
export type { CodeDefinition } from './diagnostics/code.js';
export { didYouMean } from './diagnostics/did-you-mean.js';
export { addMonths, isIsoDate } from './dates.js';
export { readRegisterFolder, FolderNotFoundError, MAX_FILE_BYTES } from './io/read-folder.js';
export { loadRegister } from './load/load-register.js';
export { validateFiles, validateFolder, runRules, type ValidateOptions, type Validation } from './validate.js';
export { registerJsonSchema, registerJsonSchemaText } from './model/json-schema.js';
export { RegisterFile, collections, collectionNames, type CollectionName } from './model/register-file.js';
export type * from './model/register.js';
export { Asset, assetTypes, type AssetType } from './model/asset.js';
export { Control, controlKinds, controlStatuses, type ControlKind, type ControlStatus } from './model/control.js';
export { Hazard, hazardStatuses, type HazardStatus } from './model/hazard.js';
export { Incident } from './model/incident.js';
export { Acceptance } from './model/acceptance.js';
export { Manifest } from './model/manifest.js';
export { Organisation } from './model/organisation.js';
export { Profile } from './model/profile.js';
export { Service } from './model/service.js';
export { Site } from './model/site.js';
export { Selector, selectorKeys } from './model/selector.js';
export { DCB_EXAMPLE_SCHEME, type RiskScheme, type Acceptability, type RatingMeaning } from './risk/scheme.js';
export { rate, describeRating, type RiskRating } from './risk/rating.js';
export { hazardRisk, type HazardRisk } from './risk/hazard-risk.js';
export { checkScheme } from './risk/check-scheme.js';
export { rules } from './rules/index.js';
export type { Rule, RuleContext, Finding as RuleFinding } from './rules/rule.js';
export { sourceFromText, type SourceFile } from './source/source-file.js';
export { SourceText } from './source/source-text.js';
export { analyse, type Analysis } from './analysis/analyse.js';
export type { Finding, FindingKind, HazardSuggestion } from './analysis/finding.js';
export { findingKinds, compareFindings } from './analysis/finding.js';
export type { Reach } from './analysis/reach.js';
export { reachOf } from './analysis/reach.js';
export type { AssetImpact, PairFailurePoints } from './analysis/failure-points.js';
export type { CapacityReport, CapacityLoad, NMinusOne } from './analysis/capacity.js';
export { buildGraph, type DependencyGraph, type Req } from './analysis/graph.js';
export { evaluateAccess } from './analysis/access.js';
export { computeCutSets, type Cut, type CutSets } from './analysis/cut-sets.js';
export { indexRoutes } from './analysis/routes-of.js';
export { routesCutBy } from './analysis/what-if.js';
export { softwareTrain } from './analysis/common-causes.js';
export { parseSelectorText, selectAssets, selectorMatches } from './analysis/selector-match.js';
export { whatIf, type WhatIf } from './analysis/scenario.js';
