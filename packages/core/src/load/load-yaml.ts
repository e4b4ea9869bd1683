import yaml from 'js-yaml';
import type { Diagnostic, YamlPath } from '../diagnostics/diagnostic.js';
import { makeDiagnostic, type DiagnosticDefinition } from '../diagnostics/make-diagnostic.js';
import type { SourceFile } from '../source/source-file.js';
import { SourceText } from '../source/source-text.js';
import { registerYamlSchema } from '../source/yaml-schema.js';
import { inspectValue, pathToLevel } from './inspect-value.js';
import { loadCodes } from './load-codes.js';
import { loadLimits } from './load-limits.js';
import { LimitExceeded, yamlGuard } from './yaml-guard.js';
import { yamlSyntaxProblem } from './yaml-syntax-error.js';

/** A YAML file loaded into plain data, with the start offset of every mapping and sequence. */
export interface LoadedYaml {
  source: SourceText;
  /** `undefined` for a file with no document (empty, or comments only). */
  value: unknown;
  /** Start offset of each mapping and sequence in `value`. */
  starts: WeakMap<object, number>;
}

export interface YamlLoad {
  loaded?: LoadedYaml;
  source?: SourceText;
  diagnostics: Diagnostic[];
}

/**
 * Above this many nodes after expanding aliases, or this many times the nodes actually written,
 * a file is an alias bomb, not a register.
 */
const MAX_EXPANDED_NODES = 5_000_000;
const MAX_EXPANSION_FACTOR = 50;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes to text, or a diagnostic at the first byte that is not UTF-8. */
export function decodeUtf8(file: SourceFile): { text?: string; diagnostic?: Diagnostic } {
  try {
    let text = utf8.decode(file.bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } catch {
    const offset = firstInvalidUtf8(file.bytes);
    const before = new TextDecoder('utf-8').decode(file.bytes.subarray(0, offset));
    const lines = before.split('\n');
    const byte = file.bytes[offset]?.toString(16).toUpperCase().padStart(2, '0');
    return {
      diagnostic: makeDiagnostic(loadCodes.encoding, {
        file: file.path,
        line: lines.length,
        column: lines[lines.length - 1]!.length + 1,
        message: `The byte 0x${byte} at offset ${offset} is not valid UTF-8; register files must be UTF-8 text.`,
        hint: 'Re-save the file as UTF-8. Files exported from spreadsheets are often Windows-1252 or Latin-1.',
      }),
    };
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return i;
}

/** Load one file: decode, parse, and refuse what must never reach the register. */
export function loadYaml(file: SourceFile): YamlLoad {
  const decoded = decodeUtf8(file);
  if (decoded.diagnostic) return { diagnostics: [decoded.diagnostic] };
  const source = new SourceText(file.path, decoded.text!);
  const text = source.text;
  const diagnostics: Diagnostic[] = [];
  const diag = (def: DiagnosticDefinition, message: string, hint: string, at?: { line: number; column: number }, path?: YamlPath) =>
    diagnostics.push(makeDiagnostic(def, { file: file.path, ...at, path, message, hint }));

  const guard = yamlGuard(text);
  let value: unknown;
  try {
    value = yaml.load(text, { schema: registerYamlSchema, filename: file.path, listener: guard.listener });
  } catch (e) {
    if (e instanceof LimitExceeded) {
      diag(e.def, e.message, e.hint, source.position(e.offset));
    } else if (e instanceof RangeError) {
      // The guard keeps js-yaml's recursion shallow; should the stack still run out, say so plainly.
      diag(loadCodes.tooDeep, `The YAML nests too deeply to be read.`, 'Check for unclosed brackets `[` or `{`; a register needs only a few levels.', { line: 1, column: 1 });
    } else {
      const problem = yamlSyntaxProblem(e as yaml.YAMLException, source);
      diag(problem.def, problem.message, problem.hint, problem.offset === undefined ? undefined : source.position(problem.offset));
    }
    return { source, diagnostics };
  }
  const starts = guard.starts;
  const nodes = guard.nodes();

  if (value === undefined || value === null) {
    diag(loadCodes.emptyFile, 'This file holds no records: it is empty, or holds only comments or an empty document.', 'Delete it, or add the records it was meant to hold.', { line: 1, column: 1 });
    return { source, loaded: { source, value: undefined, starts }, diagnostics };
  }

  // Aliases are shared references after loading: count what they expand to, and how deep they
  // nest, before anything walks the data, and find reserved keys, in one pass over each object.
  const { expanded, depth, reserved } = inspectValue(value);
  if (expanded > MAX_EXPANDED_NODES || expanded > MAX_EXPANSION_FACTOR * Math.max(nodes, 1000)) {
    diag(
      loadCodes.aliasExpansion,
      `Its aliases expand to ${expanded > 1e12 ? 'more than a trillion' : expanded.toLocaleString('en-GB')} nodes from ${nodes.toLocaleString('en-GB')} written, so the file was not read.`,
      'Write the repeated data out, or use a profile for what many sites share.',
      { line: 1, column: 1 },
    );
    return { source, diagnostics };
  }
  if (depth > loadLimits.depth) {
    // Deeper than the parser saw: aliases nest one structure inside another.
    const path = pathToLevel(value, loadLimits.depth + 1);
    diag(
      loadCodes.tooDeep,
      `The YAML nests more than ${loadLimits.depth} levels deep here (${depth.toLocaleString('en-GB')} levels, counting what its aliases bring in); a register needs fewer than ten, so the file was not read.`,
      'Write the data with less nesting; an alias (`*name`) places a whole structure where it is written.',
      source.locate(path) ?? { line: 1, column: 1 },
      path,
    );
    return { source, diagnostics };
  }
  for (const { path, key } of reserved) {
    diag(
      loadCodes.reservedKey,
      `The key \`${key}\` is reserved and can never be a register field.`,
      'Remove it; if it was meant as data, rename it.',
      undefined,
      path,
    );
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { source, diagnostics };
  return { source, loaded: { source, value, starts }, diagnostics };
}
