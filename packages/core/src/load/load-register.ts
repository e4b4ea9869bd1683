import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/make-diagnostic.js';
import { collectionNames, type CollectionName } from '../model/register-file.js';
import type { Register } from '../model/register.js';
import type { SourceFile } from '../source/source-file.js';
import type { SourceText } from '../source/source-text.js';
import { loadCodes } from './load-codes.js';
import { loadYaml } from './load-yaml.js';
import { parseCodes } from './parse-codes.js';
import { emptyRecords, parseRecords } from './parse-records.js';
import { resolve } from './resolve.js';

export interface RegisterLoad {
  register: Register;
  /** Problems found while reading, parsing and checking shapes; rules come later. */
  diagnostics: Diagnostic[];
}

/**
 * Files to Register: load each YAML file, check each record's shape, then resolve. Every stage
 * keeps going past bad input so that one run reports everything it can.
 */
export function loadRegister(files: readonly SourceFile[], options: { refused?: number } = {}): RegisterLoad {
  const diagnostics: Diagnostic[] = [];
  const records = emptyRecords();
  const sources = new Map<string, SourceText>();
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // Files refused by the folder reader, or that could not be loaded: the manifest may be in one,
  // so its absence is not reported on top of the reason they were not read.
  let unread = options.refused ?? 0;
  for (const file of sorted) {
    const { loaded, source, diagnostics: found } = loadYaml(file);
    if (source) sources.set(file.path, source);
    // Appended one by one: spreading a long array into push() overflows the stack.
    for (const d of found) diagnostics.push(d);
    if (loaded) for (const d of parseRecords(loaded, records)) diagnostics.push(d);
    else if (found.some((d) => d.severity === 'error')) unread++;
  }

  if (sorted.length === 0 && unread === 0) {
    diagnostics.push(
      makeDiagnostic(loadCodes.noRegister, {
        message: 'The folder holds no register files (`.yaml` or `.yml`).',
        hint: 'Point the command at the folder that holds the register, the one with the `register:` manifest.',
      }),
    );
  } else if (records.manifests.length === 0 && unread === 0 && !diagnostics.some((d) => d.path?.[0] === 'register')) {
    diagnostics.push(
      makeDiagnostic(parseCodes.manifest, {
        message: 'No file of the register holds its manifest (`register:`), so it has no title, owner, CSO or risk scheme.',
        hint: 'Add a file such as `register.yaml` that starts with `register:` and gives `id`, `title`, `version`, `organisation` and `cso`.',
      }),
    );
  }
  // With more than one manifest, the one in `register.yaml` is the real one, wherever it sorts.
  const main = records.manifests.findIndex((m) => /(^|\/)register\.ya?ml$/.test(m.source.file));
  if (main > 0) records.manifests.unshift(records.manifests.splice(main, 1)[0]!);
  for (const extra of records.manifests.slice(1)) {
    const first = records.manifests[0]!.source;
    diagnostics.push(
      makeDiagnostic(parseCodes.manifest, {
        file: extra.source.file,
        line: extra.source.line,
        column: extra.source.column,
        path: extra.source.path,
        message: `This is a second register manifest; the first is at ${first.file}:${first.line}. A register has exactly one.`,
        hint: 'Keep one `register:` section and merge the other into it.',
      }),
    );
  }

  const register = resolve(records, sources, sorted.map((f) => f.path));
  indexUnparsed(register, sources, diagnostics);
  return { register, diagnostics };
}

/**
 * A record that failed its schema is not in the register, but its id is: otherwise every
 * reference to it would be reported again as unknown, burying the one real problem.
 */
function indexUnparsed(register: Register, sources: Map<string, SourceText>, diagnostics: Diagnostic[]): void {
  const seen = new Set<string>();
  for (const d of diagnostics) {
    const [collection, index] = d.path ?? [];
    if (!d.record || !d.file || typeof index !== 'number' || !collectionNames.includes(collection as CollectionName)) continue;
    const key = `${d.file}\u0000${String(collection)}\u0000${index}`;
    if (seen.has(key) || register.index.has(d.record)) continue;
    seen.add(key);
    const pos = sources.get(d.file)?.locate([collection as string, index]) ?? { line: 1, column: 1 };
    register.index.set(d.record, [{ collection: collection as CollectionName, source: { file: d.file, path: [collection as string, index], ...pos } }]);
    register.unparsed.set(d.record, collection as CollectionName);
  }
}
