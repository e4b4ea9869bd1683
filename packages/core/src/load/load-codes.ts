import { defineCode } from '../diagnostics/code.js';

/** Codes raised while reading files and parsing YAML, before any record exists. */
export const loadCodes = {
  noRegister: defineCode({
    code: 'CRR-E001',
    name: 'no-register',
    severity: 'error',
    title: 'The folder holds no register',
    explanation:
      'A register is a folder of `.yaml` files, one of which holds the `register:` manifest. Point the command at that folder.',
  }),
  yamlSyntax: defineCode({
    code: 'CRR-E002',
    name: 'yaml-syntax',
    severity: 'error',
    title: 'The file is not valid YAML',
    explanation: 'The YAML parser stopped at the position shown. Nothing in the file is read until it parses.',
  }),
  duplicateKey: defineCode({
    code: 'CRR-E003',
    name: 'duplicate-key',
    severity: 'error',
    title: 'A mapping has the same key twice',
    explanation: 'YAML would silently keep only one of the two values; crr refuses the file so that nothing is lost.',
  }),
  encoding: defineCode({
    code: 'CRR-E004',
    name: 'encoding',
    severity: 'error',
    title: 'The file is not UTF-8',
    explanation: 'Register files must be UTF-8. Re-save the file as UTF-8 (most editors offer this under "Save with encoding").',
  }),
  fileTooLarge: defineCode({
    code: 'CRR-E005',
    name: 'file-too-large',
    severity: 'error',
    title: 'The file is larger than a register file can be',
    explanation:
      'A hand-written register file of this size is almost certainly something else (an export, a log). Split the register into several files, or move the file out of the register folder.',
  }),
  aliasExpansion: defineCode({
    code: 'CRR-E006',
    name: 'alias-expansion',
    severity: 'error',
    title: 'YAML aliases expand to too much data',
    explanation:
      'Anchors and aliases (`&a`, `*a`) that refer to each other can expand to billions of nodes (an "alias bomb"). Write the data out, or use a profile.',
  }),
  outsideFolder: defineCode({
    code: 'CRR-E007',
    name: 'outside-folder',
    severity: 'error',
    title: 'A symbolic link leads out of the register folder',
    explanation:
      'crr reads only files inside the register folder, so that what is validated is what is in the repository. Copy the file in, or remove the link.',
  }),
  emptyFile: defineCode({
    code: 'CRR-W008',
    name: 'empty-file',
    severity: 'warning',
    title: 'The file is empty',
    explanation: 'An empty file contributes nothing. Delete it, or add the records it was meant to hold.',
  }),
  reservedKey: defineCode({
    code: 'CRR-E009',
    name: 'reserved-key',
    severity: 'error',
    title: 'A key is reserved',
    explanation:
      '`__proto__`, `constructor` and `prototype` have special meaning to the JavaScript tools that read registers and are never register fields.',
  }),
  notAMapping: defineCode({
    code: 'CRR-E010',
    name: 'file-shape',
    severity: 'error',
    title: 'The file is not a mapping of collections',
    explanation:
      'Each register file is a YAML mapping whose keys are collections (`register`, `sites`, `assets`, `hazards`…) holding lists of records.',
  }),
  unreadable: defineCode({
    code: 'CRR-E011',
    name: 'unreadable',
    severity: 'error',
    title: 'A file or folder could not be read',
    explanation: 'The operating system refused to read it (permissions, a broken link, a special file). Fix or remove it.',
  }),
  tooManyRecords: defineCode({
    code: 'CRR-E013',
    name: 'too-many-records',
    severity: 'error',
    title: 'A file holds more records than a register file can',
    explanation:
      'A register file may hold at most 20,000 records (a national register of 6,500 practices has about 1,100 in its largest file). A file with more is generated or pasted by mistake, and would make every command slow; it is not read. Split it into several files.',
  }),
  listTooLong: defineCode({
    code: 'CRR-E014',
    name: 'list-too-long',
    severity: 'error',
    title: 'A list or mapping inside a record has too many entries',
    explanation:
      'A list in a record (effects, causes, controls, evidence, members…) may have at most 1,000 items, and a mapping at most 1,000 keys; registers need a few dozen at most. A longer one is a mistake or an attack on the tools that read the register, so the file is not read. Shorten the list, or use a selector to name many assets at once.',
  }),
  tooDeep: defineCode({
    code: 'CRR-E015',
    name: 'too-deep',
    severity: 'error',
    title: 'The YAML nests too deeply',
    explanation:
      'Lists and mappings may nest at most 64 levels deep, counting those reached through aliases; a register needs fewer than ten. Deeper nesting is usually unclosed brackets, and would exhaust the tools that read the register, so the file is not read.',
  }),
  diagnosticsCapped: defineCode({
    code: 'CRR-W016',
    name: 'diagnostics-capped',
    severity: 'warning',
    title: 'More problems were found than are shown',
    explanation:
      'crr shows at most 100 problems per file and 500 in all, errors first, then says how many more it found. So many problems usually share one cause (a file in the wrong format, a bad indentation): fix the ones shown and run again.',
  }),
  notARegularFile: defineCode({
    code: 'CRR-E012',
    name: 'not-a-regular-file',
    severity: 'error',
    title: 'A register file is a pipe, a socket or a device',
    explanation:
      'A name ending in `.yaml` or `.yml` that is a named pipe (FIFO), a socket or a device is not a file of records: reading it could wait forever for a writer, or never end. crr never opens it. Replace it with an ordinary file, or remove it.',
  }),
  skippedFolder: defineCode({
    code: 'CRR-W017',
    name: 'skipped-folder',
    severity: 'warning',
    title: 'A folder in the register folder was not read',
    explanation:
      'crr never reads `node_modules` folders (installed packages) or folders whose names start with `.` (hidden folders), so any records in them are not part of the register, its validation or its report. `.git`, `.github` and `.crr` hold tools\' files and pass without a word; a hidden folder is reported only when it holds `.yaml` or `.yml` files. Move register files out of the skipped folder, or the skipped folder out of the register folder.',
  }),
} as const;
