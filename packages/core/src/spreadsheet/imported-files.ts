import { Document, isMap, isScalar, isSeq, visit } from 'yaml';
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
    files.push({ name: `${name}.yaml`, text: `${head}\n${registerYaml(name, records)}` });
  }
  return files;
}

/**
 * A collection as a person would write it: a blank line between records, lists of ids and a
 * risk's severity and likelihood on one line (`[CTL-1, CTL-2]`, `{ severity: major, likelihood: low }`).
 */
function registerYaml(name: string, records: readonly unknown[]): string {
  const doc = new Document({ [name]: records });
  visit(doc, {
    Seq(_, node) {
      if (node.items.length && node.items.every((i) => isScalar(i) && typeof i.value === 'string' && /^[A-Za-z0-9][A-Za-z0-9_./-]*$/.test(i.value))) node.flow = true;
    },
    Pair(_, pair) {
      if (isScalar(pair.key) && (pair.key.value === 'initialRisk' || pair.key.value === 'residualRisk') && isMap(pair.value)) pair.value.flow = true;
    },
  });
  const top = doc.get(name, true);
  if (isSeq(top)) top.items.forEach((item, i) => {
    if (i > 0 && isMap(item)) item.spaceBefore = true;
  });
  return doc.toString({ lineWidth: 100, minContentWidth: 40, flowCollectionPadding: true });
}

/** A file name in a comment: one line, no control characters. */
const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');
