import { stringify } from 'yaml';
import type { HazardLogImport } from './import-hazard-log.js';

/** A register file the importer writes: its name in the output folder and its text. */
export interface ImportedFile {
  name: string;
  text: string;
}

/**
 * The imported records as register files: `hazards.yaml`, `controls.yaml` and
 * `acceptances.yaml` (those that have records), each a collection in the order of the sheet's
 * rows, headed by where it came from. The same import gives the same bytes.
 */
export function importedFiles(result: Pick<HazardLogImport, 'hazards' | 'controls' | 'acceptances'>, from: string): ImportedFile[] {
  const files: ImportedFile[] = [];
  const collections = [
    ['hazards', result.hazards, 'Hazards'],
    ['controls', result.controls, 'Controls'],
    ['acceptances', result.acceptances, 'Acceptances'],
  ] as const;
  for (const [name, records, sheet] of collections) {
    if (records.length === 0) continue;
    const head = [
      `# ${sheet} imported by \`crr import hazard-log\` from ${oneLine(from)}.`,
      '# Ratings are not stored: crr derives them from severity and likelihood.',
      '',
    ].join('\n');
    files.push({ name: `${name}.yaml`, text: `${head}\n${stringify({ [name]: records }, { lineWidth: 100, minContentWidth: 40 })}` });
  }
  return files;
}

/** A file name in a comment: one line, no control characters. */
const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');
