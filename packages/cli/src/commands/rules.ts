import { catalogue, diffCatalogue, importCatalogue, validationCatalogue, type CatalogueEntry } from '@crr/core';
import { EXIT, type Io } from '../io.js';
import type { Parsed } from '../options.js';

/** One table of codes, in catalogue order. */
function codeTable(entries: readonly CatalogueEntry[]): string {
  const rows = entries.map((c) => `| \`${c.code}\` | ${c.name} | ${c.severity} | ${c.title}. ${c.explanation.replace(/\|/g, '\\|')} |`);
  return ['| code | rule | severity | what it means |', '| --- | --- | --- | --- |', ...rows].join('\n') + '\n';
}

/**
 * The catalogue of codes as markdown: the README's rule catalogue is this, verbatim. Validation's
 * codes first, then those only `crr diff` reports, then the importers', so that a reader of either finds every code.
 */
export function rulesMarkdown(): string {
  return [
    codeTable(validationCatalogue),
    '`crr diff` also reports the guards of a change (errors: a tripped guard fails the check) and notices for reviewers (a warning or a notice fails nothing):\n',
    codeTable(diffCatalogue),
    '`crr import hazard-log` reports problems of the spreadsheet it reads, each at its sheet and cell (`Hazards!F12`), and `crr import ods` problems of the NHS ODS files it reads, at their file and line:\n',
    codeTable(importCatalogue),
  ].join('\n');
}

export function rulesCommand(parsed: Parsed<'rules'>, io: Io): number {
  const { format } = parsed.options;
  if (format === 'json') io.stdout.write(JSON.stringify(catalogue, null, 2) + '\n');
  else if (format === 'markdown') io.stdout.write(rulesMarkdown());
  else for (const c of catalogue) io.stdout.write(`${c.code}  ${c.severity.padEnd(7)}  ${c.name.padEnd(32)} ${c.title}\n`);
  return EXIT.ok;
}
