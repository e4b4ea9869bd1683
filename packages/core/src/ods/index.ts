/** `crr import ods`: the published NHS organisation files to a register part. Pure: texts in, records and YAML texts out. */
export { odsCodes, makeOdsDiagnostic } from './ods-codes.js';
export { ODS_ATTRIBUTION, attributionComment } from './attribution.js';
export { readCsv, parseCsv, type CsvRow, type CsvProblem, type CsvRead } from './csv.js';
export { MAX_ODS_FILE_BYTES, odsText } from './ods-file.js';
export { readEpraccur, isActiveEnglishPractice, EPRACCUR_FIELDS, type Epraccur, type EpraccurRecord } from './epraccur.js';
export { readPcnMap, PCN_MAP_COLUMNS, UNALLOCATED, type PcnMap, type PcnMapRow } from './pcn-map.js';
export { readListSizes, type ListSizes } from './list-sizes.js';
export { importOds, standInPcnId, type OdsImport, type OdsImportOptions, type ImportedPractice, type IcbPart, type ImportCounts, type NoPcn } from './select-practices.js';
export { readOds, type OdsRead, type OdsInputFile } from './ods-import.js';
export { compareWithOds, type OdsComparison, type PracticeRef, type ClosedPractice, type MovedPractice, type ListSizeChange, type RegisterSide } from './compare.js';
export { odsYamlFiles, yamlScalar, type OdsProvenance } from './ods-yaml.js';
