import { dirname, join } from 'node:path';
import { lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { addMonths, registerJsonSchemaText } from '@crr/core';
import { EXIT, UsageError, type Io } from '../io.js';
import type { Parsed } from '../options.js';
import { describeFsError } from '../fs-problem.js';
import { crrCommand } from '../command-prefix.js';
import { folderHolds, isFolder, placeOf, shownPath } from '../register-root.js';
import { resolveDir } from './common.js';

/** The starter register's files, in the order a CSO reads them (the manifest first). */
const TEMPLATES = ['register.yaml', 'organisations.yaml', 'sites.yaml', 'profiles.yaml', 'services.yaml', 'assets.yaml', 'hazards.yaml', 'controls.yaml'] as const;
const SCHEMA_FILE = 'register.schema.json';
const TEMPLATE_DIR = new URL('../../templates/init/', import.meta.url);

/**
 * `crr init <dir>`: a small valid register for a CSO to make their own, and the schema its files'
 * first line names (beside them, so the line works wherever the register is kept).
 *
 * It only ever creates: the folder must be new or empty (a `.git` folder may be there, for a
 * register started in a fresh repository), each file is opened with an exclusive create, and a
 * folder inside another register is refused (the loader would read the new files as part of it).
 */
export async function initCommand(parsed: Parsed<'init'>, io: Io): Promise<number> {
  const { dir } = parsed.args;
  const asOf = parsed.options['as-of'];
  const abs = resolveDir(io, dir);
  const existing = lstatSync(abs, { throwIfNoEntry: false });
  if (existing && !existing.isDirectory())
    throw new UsageError(`\`${dir}\` already exists and is not a folder, so crr cannot start a register there.`, 'Give the name of a new folder, e.g. `crr init registers/my-icb`.');
  if (existing) {
    let entries: string[];
    try {
      entries = readdirSync(abs).filter((e) => e !== '.git');
    } catch (e) {
      throw describeFsError(e, 'read the folder', dir);
    }
    if (entries.length)
      throw new UsageError(
        `\`${dir}\` is not empty (it holds ${entries.length === 1 ? `\`${entries[0]}\`` : `${entries.length} entries, such as \`${entries.sort()[0]}\``}), and \`crr init\` never writes over or beside a folder's files.`,
        'Give the name of a new folder, e.g. `crr init registers/my-icb`, or empty this one first.',
      );
  }
  // The nearest existing folder on the path decides whether the new one would sit in a register.
  let probe = abs;
  while (!isFolder(probe) && dirname(probe) !== probe) probe = dirname(probe);
  const place = isFolder(probe) ? placeOf(probe) : undefined;
  const inside = place?.kind === 'inside' ? place.root : isFolder(probe) && folderHolds(probe) === 'manifest' ? probe : undefined;
  if (inside !== undefined)
    throw new UsageError(
      `\`${dir}\` would be inside the register at \`${shownPath(io.cwd, inside)}\`, whose validation would then read the new files as its own.`,
      'Start the register in a folder of its own, e.g. beside that one.',
    );

  // One level at a time from the nearest existing folder, not `recursive: true`: on a file system
  // that refuses a new entry with ENOENT (such as /proc), Node's recursive mkdir retries forever.
  const missing: string[] = [];
  for (let p = abs; p !== probe && dirname(p) !== p; p = dirname(p)) missing.unshift(p);
  try {
    for (const p of missing) mkdirSync(p);
  } catch (e) {
    throw describeFsError(e, 'create the folder', dir);
  }
  const tokens: Record<string, string> = { AS_OF: asOf, NEXT_YEAR: addMonths(asOf, 12) };
  const written: string[] = [];
  for (const name of TEMPLATES) {
    const template = readFileSync(new URL(name, TEMPLATE_DIR), 'utf8');
    write(join(abs, name), template.replace(/\{\{([A-Z_]+)\}\}/g, (_, key: string) => tokens[key] ?? ''), `${dir}/${name}`);
    written.push(name);
  }
  write(join(abs, SCHEMA_FILE), registerJsonSchemaText(), `${dir}/${SCHEMA_FILE}`);
  written.push(SCHEMA_FILE);

  const shown = shownPath(io.cwd, abs);
  const next: [string, string][] = [
    [crrCommand(`validate ${shown}`), 'check it (0 errors now; keep it so)'],
    [crrCommand(`analyse ${shown}`), 'what can cut which practices off which services'],
    [crrCommand(`build ${shown} --out _site`), 'its hazard log and safety case report as a website'],
    [crrCommand(`schema ${shown} --out ${shown}/${SCHEMA_FILE}`), 'after upgrading crr, so the editor\'s schema matches it'],
  ];
  const width = Math.max(...next.map(([command]) => command.length));
  io.stdout.write(
    [
      `Started a register in ${shown}/ as of ${asOf}: ${written.join(', ')}.`,
      'Its organisations, practices, assets and hazards are invented examples: replace them with your own.',
      '',
      'Next:',
      ...next.map(([command, why]) => `  ${command.padEnd(width)}   ${why}`),
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}

/** Create a file, never replace one: `wx` fails if something appeared there meanwhile. */
function write(path: string, text: string, shown: string): void {
  try {
    writeFileSync(path, text, { flag: 'wx' });
  } catch (e) {
    throw describeFsError(e, 'write', shown);
  }
}
