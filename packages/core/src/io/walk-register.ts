import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/make-diagnostic.js';
import { loadCodes } from '../load/load-codes.js';
import type { SourceFile } from '../source/source-file.js';
import type { LinkTarget, RegisterTree, SpecialKind } from './register-tree.js';
import { isRegisterFile, isSkipped, skippedFolderDiagnostic, skippedFolderPolicy, YAML_SEARCH_LIMIT } from './skipped-folder.js';

/**
 * Register files larger than this are refused (CRR-E005). The largest file of the generated
 * national register (6,500 practices) is 0.7 MiB; a file of 4 MiB loads, and is located into for
 * its diagnostics, in well under a second (docs/decisions.md, "Limits on input").
 */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** A register folder read: its files sorted by path, and what was refused or skipped, in walk order. */
export interface FolderRead {
  files: SourceFile[];
  diagnostics: Diagnostic[];
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const join = (dir: string, name: string) => (dir === '' ? name : `${dir}/${name}`);

const SPECIAL_NAMES: Record<SpecialKind, string> = {
  fifo: 'a named pipe (FIFO)',
  socket: 'a socket',
  device: 'a device',
  other: 'a special file',
};

/** What the walk decided, in order; reads and links out are settled afterwards, in one batch each. */
type Step =
  | { kind: 'problem'; diagnostic: Diagnostic }
  | { kind: 'read'; file: string; real: string }
  | { kind: 'outside'; file: string; name: string; to: Extract<LinkTarget, { where: 'outside' }> };

const brokenLink = (file: string) =>
  makeDiagnostic(loadCodes.unreadable, { file, message: 'This symbolic link is broken: its target does not exist.', hint: 'Remove the link or restore its target.' });

/**
 * The folder policy, once, over any tree: which entries are register files (`.yaml`, `.yml`),
 * which folders are skipped and when that is worth a word (CRR-W017, `skipped-folder.ts`), links
 * followed inside the folder and refused when they lead out (CRR-E007) or nowhere (CRR-E011),
 * special files refused unopened (CRR-E012), files over `MAX_FILE_BYTES` refused unread
 * (CRR-E005), unreadable files and folders reported (CRR-E011). A submodule is not a file of
 * records, and is passed over. Files come back sorted by path; diagnostics in the order the walk
 * met them.
 */
export async function walkRegister(tree: RegisterTree): Promise<FolderRead> {
  const steps: Step[] = [];
  const report = (diagnostic: Diagnostic) => steps.push({ kind: 'problem', diagnostic });
  const seenFolders = new Set<string>();

  /**
   * The first YAML file under a skipped folder (each folder's own entries by name before its
   * subfolders'), without following links and looking at no more than `YAML_SEARCH_LIMIT` entries.
   */
  function firstYaml(real: string, shown: string): string | undefined {
    let budget = YAML_SEARCH_LIMIT;
    const stack: [string, string][] = [[real, shown]]; // a stack, not recursion: a hostile folder may nest thousands deep
    while (stack.length) {
      const [r, s] = stack.pop()!;
      const listed = tree.list(r);
      if ('unreadable' in listed) continue;
      const subs: [string, string][] = [];
      for (const e of [...listed].sort((a, b) => byName(a.name, b.name))) {
        if (--budget < 0) return undefined;
        if (e.kind === 'file' && isRegisterFile(e.name)) return join(s, e.name);
        if (e.kind === 'folder') subs.push([join(r, e.name), join(s, e.name)]);
      }
      for (let i = subs.length - 1; i >= 0; i--) stack.push(subs[i]!);
    }
    return undefined;
  }

  /** A folder, named `shown` (the way the walk reached it) and found at `real`. */
  function walk(shown: string, real: string): void {
    if (seenFolders.has(real)) return; // a link back into a folder already read
    seenFolders.add(real);
    const listed = tree.list(real);
    if ('unreadable' in listed) {
      report(makeDiagnostic(loadCodes.unreadable, { file: shown, message: `The folder could not be read (${listed.unreadable}).`, hint: 'Check its permissions.' }));
      return;
    }
    for (const entry of [...listed].sort((a, b) => byName(a.name, b.name))) {
      const file = join(shown, entry.name);
      if (isSkipped(entry.name)) {
        // A skipped folder is reported when someone could take it for part of the register.
        const policy = entry.kind === 'folder' ? skippedFolderPolicy(entry.name) : 'silent';
        const yaml = policy === 'report-if-yaml' ? firstYaml(join(real, entry.name), file) : undefined;
        if (policy === 'report' || yaml !== undefined) report(skippedFolderDiagnostic(file, yaml));
        continue;
      }
      let target = join(real, entry.name);
      let kind = entry.kind;
      let special = entry.special;
      if (kind === 'link') {
        const to = tree.followLink(target);
        if (to.where === 'broken') {
          if (isRegisterFile(entry.name)) report(brokenLink(file));
          continue;
        }
        if (to.where === 'outside') {
          steps.push({ kind: 'outside', file, name: entry.name, to });
          continue;
        }
        kind = to.kind;
        special = to.special;
        target = to.path;
      }
      if (kind === 'folder') walk(file, target);
      else if (!isRegisterFile(entry.name)) continue;
      else if (kind === 'file') steps.push({ kind: 'read', file, real: target });
      else if (kind === 'special')
        report(
          makeDiagnostic(loadCodes.notARegularFile, {
            file,
            message: `This is ${SPECIAL_NAMES[special ?? 'other']}, not an ordinary file, so it was not read: reading it could wait forever or never end.`,
            hint: 'Replace it with an ordinary YAML file, or remove it from the register folder.',
          }),
        );
    }
  }

  walk('', '');

  const outside = steps.filter((s): s is Extract<Step, { kind: 'outside' }> => s.kind === 'outside');
  const reads = steps.filter((s): s is Extract<Step, { kind: 'read' }> => s.kind === 'read');
  const outsideKinds = await tree.outsideKinds(outside.map((s) => s.to));
  const contents = await tree.read(
    reads.map((s) => s.real),
    MAX_FILE_BYTES,
  );
  const settled = new Map<Step, number>([...outside.map((s, i) => [s, i] as const), ...reads.map((s, i) => [s, i] as const)]);

  const files: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const step of steps) {
    if (step.kind === 'problem') diagnostics.push(step.diagnostic);
    else if (step.kind === 'read') {
      const got = contents[settled.get(step)!]!;
      if (got.kind === 'bytes') files.push({ path: step.file, bytes: got.bytes });
      else if (got.kind === 'too-large')
        diagnostics.push(
          makeDiagnostic(loadCodes.fileTooLarge, {
            file: step.file,
            message: `This file is ${(got.size / 1024 / 1024).toFixed(1)} MiB; register files may be at most ${MAX_FILE_BYTES / 1024 / 1024} MiB, so it was not read.`,
            hint: 'Split the register into several smaller files, or move this file out of the register folder.',
          }),
        );
      else diagnostics.push(makeDiagnostic(loadCodes.unreadable, { file: step.file, message: `The file could not be read (${got.cause}).`, hint: got.hint }));
    } else {
      // Only links that would have been read matter: to a folder, or with a YAML name.
      const kind = outsideKinds[settled.get(step)!]!;
      if (kind === 'missing') {
        if (isRegisterFile(step.name)) diagnostics.push(brokenLink(step.file));
        continue;
      }
      if (kind !== 'folder' && !isRegisterFile(step.name)) continue;
      diagnostics.push(
        makeDiagnostic(loadCodes.outsideFolder, {
          file: step.file,
          message: `This symbolic link leads out of the register folder, to ${step.to.abs}, so it was not read.`,
          hint: 'Copy the file into the register folder, or remove the link.',
        }),
      );
    }
  }
  files.sort((a, b) => byName(a.path, b.path));
  return { files, diagnostics };
}
