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
} as const;
