/** `crr import ods`: the published NHS organisation files to a register part. Pure: texts in, records and YAML texts out. */
export { odsCodes, makeOdsDiagnostic } from './ods-codes.js';
export { ODS_ATTRIBUTION } from './attribution.js';
export { readCsv, parseCsv, CSV_LIMITS, type CsvRow, type CsvProblem, type CsvRead } from './csv.js';
export { MAX_ODS_FILE_BYTES, odsText } from './ods-file.js';
export { readOds, type OdsRead, type OdsInputFile } from './ods-import.js';
export type { OdsImport, OdsImportOptions, ImportedPractice, IcbPart, ImportCounts, NoPcn, OdsNames } from './select-practices.js';
export { compareWithOds, type OdsComparison, type PracticeRef, type ClosedPractice, type MovedPractice, type ListSizeChange } from './compare.js';
export { odsYamlFiles, type OdsProvenance } from './ods-yaml.js';
