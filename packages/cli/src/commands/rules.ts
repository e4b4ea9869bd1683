import { catalogue } from '@crr/core';
import { EXIT, type Io } from '../io.js';
import type { Parsed } from '../options.js';

/** The catalogue of codes as markdown: the README's rule catalogue is this, verbatim. */
export function rulesMarkdown(): string {
  const rows = catalogue.map((c) => `| \`${c.code}\` | ${c.name} | ${c.severity} | ${c.title}. ${c.explanation.replace(/\|/g, '\\|')} |`);
  return ['| code | rule | severity | what it means |', '| --- | --- | --- | --- |', ...rows].join('\n') + '\n';
}

export function rulesCommand(parsed: Parsed, io: Io): number {
  const format = parsed.options.format;
  if (format === 'json') io.stdout.write(JSON.stringify(catalogue, null, 2) + '\n');
  else if (format === 'markdown') io.stdout.write(rulesMarkdown());
  else for (const c of catalogue) io.stdout.write(`${c.code}  ${c.severity.padEnd(7)}  ${c.name.padEnd(32)} ${c.title}\n`);
  return EXIT.ok;
}
