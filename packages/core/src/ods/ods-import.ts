import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { readEpraccur } from './epraccur.js';
import { readListSizes } from './list-sizes.js';
import { readPcnMap } from './pcn-map.js';
import { importOds, type OdsImport, type OdsImportOptions } from './select-practices.js';

/** One input file: the name to show in diagnostics, and its text. */
export interface OdsInputFile {
  file: string;
  text: string;
}

export interface OdsRead {
  /** Absent when a file could not be read as what it should be (then there are errors). */
  result?: OdsImport;
  /** Extract dates of the PCN map and the list sizes, as ISO dates (for the written files' headers). */
  pcnExtract: string[];
  listExtract: string[];
  /** Every diagnostic of the three files and the selection, sorted. */
  diagnostics: Diagnostic[];
}

/**
 * The whole import as one pure function: read the three files, and if none of them has an error,
 * select and map the practices. Errors in any file stop the import (nothing should be written from
 * a file that is not what it claims to be); warnings do not.
 */
export function readOds(files: { practices: OdsInputFile; pcns: OdsInputFile; listSizes: OdsInputFile }, options: OdsImportOptions): OdsRead {
  const epraccur = readEpraccur(files.practices.text, files.practices.file);
  const map = readPcnMap(files.pcns.text, files.pcns.file);
  const lists = readListSizes(files.listSizes.text, files.listSizes.file);
  const diagnostics = [...epraccur.diagnostics, ...map.diagnostics, ...lists.diagnostics];
  const out: OdsRead = { pcnExtract: map.extract.iso, listExtract: lists.extract.iso, diagnostics };
  if (!diagnostics.some((d) => d.severity === 'error')) {
    const result = importOds(epraccur, map, lists, options, { practices: files.practices.file });
    diagnostics.push(...result.diagnostics);
    if (!result.diagnostics.some((d) => d.severity === 'error')) out.result = result;
  }
  out.diagnostics = sortDiagnostics(diagnostics);
  return out;
}
