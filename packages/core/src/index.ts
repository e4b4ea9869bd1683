/**
 * @crr/core: the clinical risk register for the GP IT supply chain, as a typed library.
 *
 * This file is the public API, and the only one: load, validate, analyse, what-if, diff, report
 * data, and their types (documented in packages/core/README.md; the names are pinned by
 * packages/core/api.txt and test/api/public-api.test.ts). Everything else is internal and may
 * change. Pure functions of data, apart from the readers of folders and git revisions.
 */
export * from './diagnostics/diagnostic.js';
export { catalogue, validationCatalogue, diffCatalogue, importCatalogue, type CatalogueEntry, type DiagnosticCode } from './diagnostics/catalogue.js';
export type { CodeDefinition, CodeSeverity } from './diagnostics/code.js';
export { didYouMean } from './diagnostics/did-you-mean.js';
export { addMonths, isIsoDate } from './dates.js';
export { amountOf, articleFor, countOf, groupDigits, plural, withArticle } from './words/count.js';
export { selectorPhrase, ASSET_TYPE_WORDS, type NameOf } from './words/selector-phrase.js';
export { registerNames } from './words/register-names.js';
export { readRegisterFolder, FolderNotFoundError, MAX_FILE_BYTES } from './io/read-folder.js';
export { loadRegister } from './load/load-register.js';
export { validateFiles, validateFolder, validateRead, runRules, type ValidateOptions, type Validation } from './validate.js';
export { REGISTER_SCHEMA_ID, registerJsonSchema, registerJsonSchemaText } from './model/json-schema.js';
export { RegisterFile, collections, collectionNames, type CollectionName } from './model/register-file.js';
export type * from './model/register.js';
export { Asset, assetTypes, type AssetType } from './model/asset.js';
export { Control, controlKinds, controlStatuses, type ControlKind, type ControlStatus } from './model/control.js';
export { Hazard, hazardStatuses, type HazardStatus } from './model/hazard.js';
export { Incident } from './model/incident.js';
export { Scenario, Tolerance } from './model/scenario.js';
export { Acceptance } from './model/acceptance.js';
export { Manifest } from './model/manifest.js';
export { Approval, latestApproval } from './model/approval.js';
export { contentFingerprint } from './report/content-fingerprint.js';
export { approvalChanges, type ApprovalChange } from './diff/approval-changes.js';
export type { ChangesSinceApproval, DocumentControlView, ApprovalView } from './report/views/document-control-view.js';
export { findApprovedRevision, APPROVAL_SEARCH_LIMIT, type ApprovedRevision } from './io/approved-revision.js';
export { Organisation } from './model/organisation.js';
export { Profile } from './model/profile.js';
export { Service, criticalities, type Criticality } from './model/service.js';
export { Site } from './model/site.js';
export { Selector, placeSelectorKeys, selectorKeys, selectorPatternLimits, selectorPatternProblem, type PlaceSelectorKey } from './model/selector.js';
export { DCB_EXAMPLE_SCHEME, type RiskScheme, type Acceptability, type RatingMeaning } from './risk/scheme.js';
export { rate, describeRating, type RiskRating } from './risk/rating.js';
export { hazardRisk, type HazardRisk } from './risk/hazard-risk.js';
export { checkScheme } from './risk/check-scheme.js';
export { rules } from './rules/index.js';
export type { Rule, RuleContext, Finding as RuleFinding } from './rules/rule.js';
export { sourceFromText, type SourceFile } from './source/source-file.js';
export { SourceText } from './source/source-text.js';
export { analyse, type Analysis } from './analysis/analyse.js';
export type { Coverage, Finding, FindingKind, HazardSuggestion } from './analysis/finding.js';
export { findingKinds, compareFindings, coverageStates, criticalityOf } from './analysis/finding.js';
export { rankFindings } from './analysis/ranking.js';
export { FINDING_KIND_META, type FindingKindMeta } from './analysis/finding-kinds.js';
export type { Reach, PlaceReach } from './analysis/reach.js';
export { reachOf } from './analysis/reach.js';
export { placesOf, placeTiers, type Places, type PlaceTier, type SitePlaces } from './analysis/places.js';
export { resolveScope, scopeAnalysis, placeLabel, type Scope } from './analysis/scope.js';
export { whatIfInScope } from './analysis/scope-what-if.js';
export type { AssetImpact, PairFailurePoints } from './analysis/failure-points.js';
export type { CapacityReport, CapacityLoad, NMinusOne } from './analysis/capacity.js';
export { declaredAttributeNames, parseSelectorText, selectAssets, selectorMatches, selectorText, type SelectorText } from './analysis/selector-match.js';
export { assetPlacesOf, noPlaces, type AssetPlaces } from './analysis/asset-places.js';
export { unknownPlaces, placeKeyWords, type UnknownPlace } from './analysis/selector-places.js';
export { whatIf, type FailureSpec, type WhatIf } from './analysis/scenario.js';
export { compactGraph, graphOfCompact, whatIfCompact, type CompactAsset, type CompactEvaluation, type CompactGraph, type CompactReq, type CompactSite } from './analysis/compact-graph.js';
export type { DegradedPair, FailureReport, LoadChange, Overload, Pair } from './analysis/failure-report.js';
export { pastTolerance, scenarioFigures, toleranceMeasures, type ScenarioResult, type ToleranceExceeded } from './analysis/named-scenarios.js';
export { buildReport, type ReportOptions } from './report/build-report.js';
export type * from './report/report-data.js';
export { slugOf, findingSlug, slugIndex, isSafeSlug, SLUG_MAX_LENGTH } from './report/refs.js';
export { registerExport } from './report/register-export.js';
export { diffRegisters, type RegisterDiff, type DiffSide, type At, type FieldChange, type RatingChange, type FailurePointChange, type HazardRef, type ReachChange } from './diff/register-diff.js';
export { diffAnalysis, type DiffAnalysis, type DiffAssetImpact } from './diff/diff-analysis.js';
export { guards, runGuards, type Guard, type GuardFinding, type GuardResult } from './diff/guards.js';
export { diffNotices, runDiffNotices, type DiffNoticeFinding, type DiffNoticeResult } from './diff/diff-notices.js';
export { hazardFingerprint } from './diff/fingerprint.js';
export { capacityChanged, type CapacityDiff, type CapacityLoadChange, type CapacitySide, type DegradedReachChange, type OverloadFigure, type ShortfallChange } from './diff/capacity-diff.js';
export { type ScenarioChange, type ScenarioDiff, type ScenarioSide } from './diff/scenario-diff.js';
export { placeList, placesOfSites, placesWords, type ByPlace } from './diff/diff-places.js';
export { Policy } from './model/manifest.js';
export { readRegisterAtRevision, readFileAtRevision, resolveRevision, isGitWorkTree, GitError, type GitErrorKind, type FileAtRevision } from './io/git.js';
export type { FolderRead } from './io/read-folder.js';
export * from './ods/index.js';
export { MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, type CellWorkbook, type GridCell, type SheetGrid } from './spreadsheet/cell-grid.js';
export { importCodes, importDiagnostic } from './spreadsheet/import-codes.js';
export { MappingFile, MAX_MAPPING_BYTES, parseMappingFile, importSheets, type ImportSheet, type ParsedMapping } from './spreadsheet/mapping-file.js';
export {
  hazardLogColumns,
  hazardLogHeaders,
  hazardLogContext,
  hazardRow,
  readHazardRow,
  columnForHeader,
  headerKey,
  neutraliseFormula,
  restoreFormula,
  encodeList,
  decodeList,
  encodeItem,
  decodeItem,
  EXCEL_CELL_LIMIT,
  HAZARDS_SHEET,
  type HazardColumn,
  type HazardLogContext,
  type HazardDraft,
  type CellValue,
  type CellIntent,
  type CellProblem,
} from './spreadsheet/hazard-log-columns.js';
export { importHazardLog, importColumns, MAX_CELL_CHARS, MAX_CELL_LINES, type HazardLogImport, type ImportOptions } from './spreadsheet/import-hazard-log.js';
export { importedFiles, type ImportedFile } from './spreadsheet/imported-files.js';
export { hazardLogWorkbook, sheetFiles, LIST_LIMIT, type HazardLogWorkbook, type Sheet, type SheetColumn, type SheetIntent, type CellTooLong, type WorkbookOptions } from './spreadsheet/hazard-log-workbook.js';
export { FAULT_CATALOGUE, faultsById, type Fault } from './faults/fault-catalogue.js';
export { registerFaults } from './faults/register-faults.js';
export { FaultsPolicy, FaultNotApplicable, RegisterFault } from './model/fault.js';
export { faultGrid, faultGapFindings, faultStates, reachOfType, type FaultCell, type FaultRow, type FaultState } from './analysis/fault-gaps.js';
export { FAULT_STATE_LABELS } from './report/views/fault-grid-view.js';
