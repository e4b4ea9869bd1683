import yaml from 'js-yaml';
import type { Diagnostic, YamlPath } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../source/source-file.js';
import { SourceText, yamlLibrary } from '../source/source-text.js';
import { loadCodes } from './load-codes.js';

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

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Reported as the depth when nesting exhausts the parser; no register comes near it. */
const MAX_DEPTH = 1000;

/** Where flow brackets first nest deeper than MAX_DEPTH (or the start): the place to look. */
function tooDeepAt(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[' || c === '{') {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === ']' || c === '}') depth--;
  }
  return 0;
}

/** The start of a second document (js-yaml names no position for that error). */
function secondDocument(source: SourceText): { line: number; column: number } | undefined {
  const docs = yamlLibrary().parseAllDocuments(source.text);
  const second = Array.isArray(docs) ? docs[1] : undefined;
  const offset = second?.range?.[0];
  if (offset === undefined) return undefined;
  // The range starts after the `---` marker; point at the marker itself.
  const marker = source.text.lastIndexOf('---', offset);
  return source.position(marker >= 0 ? marker : offset);
}

// YAML 1.2 core schema (no timestamps, so dates stay strings; no `yes`/`no` booleans), plus merge
// keys (`<<: *defaults`), which hand authors expect.
// (`types` is exported by js-yaml 4 but missing from its type definitions.)
const { merge } = (yaml as unknown as { types: { merge: yaml.Type } }).types;
const schema = yaml.CORE_SCHEMA.extend({ implicit: [merge] });

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
      diagnostic: {
        code: loadCodes.encoding.code,
        severity: loadCodes.encoding.severity,
        rule: loadCodes.encoding.name,
        file: file.path,
        line: lines.length,
        column: lines[lines.length - 1]!.length + 1,
        message: `The byte 0x${byte} at offset ${offset} is not valid UTF-8; register files must be UTF-8 text.`,
        hint: 'Re-save the file as UTF-8. Files exported from spreadsheets are often Windows-1252 or Latin-1.',
      },
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
  const diag = (def: (typeof loadCodes)[keyof typeof loadCodes], message: string, hint: string, at?: { line: number; column: number }, path?: YamlPath) =>
    diagnostics.push({ code: def.code, severity: def.severity, rule: def.name, file: file.path, ...(at ?? {}), ...(path ? { path } : {}), message, hint });

  const starts = new WeakMap<object, number>();
  const open: number[] = [];
  let nodes = 0;
  let value: unknown;
  try {
    value = yaml.load(text, {
      schema,
      filename: file.path,
      listener(event, state) {
        if (event === 'open') {
          open.push(state.position);
          nodes++;
        } else {
          const at = open.pop()!;
          // Only the file, its collections and their records need a start: deeper positions are
          // found when a diagnostic asks. (A flow mapping is opened twice, hence depth 4.)
          if (open.length > 3) return;
          const result: unknown = state.result;
          if (result !== null && typeof result === 'object' && !starts.has(result)) starts.set(result, skipToContent(text, at));
        }
      },
    });
  } catch (e) {
    if (e instanceof RangeError) {
      // js-yaml recurses once per level of nesting; thousands of levels exhaust the stack.
      diag(
        loadCodes.yamlSyntax,
        `The YAML nests more than ${MAX_DEPTH} levels deep here, deeper than any register can be.`,
        'Check for unclosed brackets `[` or `{`; a register needs only a few levels.',
        source.position(tooDeepAt(text)),
      );
      return { source, diagnostics };
    }
    const err = e as yaml.YAMLException;
    const reason = err.reason ?? String(err.message);
    const mark = err.mark;
    const at = mark ? { line: mark.line + 1, column: mark.column + 1 } : /single document/.test(reason) ? secondDocument(source) : undefined;
    if (/duplicated mapping key/.test(reason)) {
      diag(loadCodes.duplicateKey, 'This key appears twice in the same mapping; YAML would keep only one of the values.', 'Remove one of the two, or merge them.', at);
    } else if (/single document/.test(reason)) {
      diag(loadCodes.yamlSyntax, 'A second YAML document starts here (`---`); a register file holds one document.', 'Remove the `---` line, or move what follows into a file of its own.', at);
    } else {
      diag(loadCodes.yamlSyntax, `The YAML could not be parsed: ${reason}.`, 'Check indentation, quotes and colons at this position.', at);
    }
    return { source, diagnostics };
  }

  if (value === undefined || value === null) {
    diag(loadCodes.emptyFile, 'This file holds no records: it is empty, or holds only comments or an empty document.', 'Delete it, or add the records it was meant to hold.', { line: 1, column: 1 });
    return { source, loaded: { source, value: undefined, starts }, diagnostics };
  }

  // Aliases are shared references after loading: count what they expand to before anything walks
  // the data, and find reserved keys, in one pass over each distinct object.
  const { expanded, reserved } = inspect(value);
  if (expanded > MAX_EXPANDED_NODES || expanded > MAX_EXPANSION_FACTOR * Math.max(nodes, 1000)) {
    diag(
      loadCodes.aliasExpansion,
      `Its aliases expand to ${expanded > 1e12 ? 'more than a trillion' : expanded.toLocaleString('en-GB')} nodes from ${nodes.toLocaleString('en-GB')} written, so the file was not read.`,
      'Write the repeated data out, or use a profile for what many sites share.',
      { line: 1, column: 1 },
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

/** js-yaml reports the position before leading white space and comments; skip to the node. */
function skipToContent(text: string, at: number): number {
  let i = at;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 35 /* # */) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) return i;
      i = nl + 1;
    } else return i;
  }
}

/**
 * One pass over the loaded value, each distinct object once: the number of nodes it would have
 * if every alias were copied out (memoised, so linear in the data written; Infinity for an alias
 * that contains itself), and the reserved keys, with paths rebuilt only for those found.
 */
function inspect(root: unknown): { expanded: number; reserved: { path: (string | number)[]; key: string }[] } {
  type Frame = { v: object; keys: string[] | null; i: number; n: number; parent: Frame | null; via: string | number };
  const memo = new Map<object, number>();
  const reserved: { path: (string | number)[]; key: string }[] = [];
  if (root === null || typeof root !== 'object') return { expanded: 1, reserved };
  const pathOf = (f: Frame, key: string): (string | number)[] => {
    const path: (string | number)[] = [key];
    for (let g: Frame | null = f; g && g.parent; g = g.parent) path.unshift(g.via);
    return path;
  };
  const onStack = new Set<object>([root]);
  let top: Frame | null = { v: root, keys: Array.isArray(root) ? null : Object.keys(root), i: 0, n: 1, parent: null, via: '' };
  let result = 1;
  while (top) {
    const f: Frame = top;
    const length = f.keys ? f.keys.length : (f.v as unknown[]).length;
    if (f.i >= length || f.n > 1e15) {
      memo.set(f.v, f.n);
      onStack.delete(f.v);
      top = f.parent;
      if (top) top.n += f.n;
      else result = f.n;
      continue;
    }
    const via = f.keys ? f.keys[f.i]! : f.i;
    f.i++;
    if (typeof via === 'string' && RESERVED_KEYS.has(via)) {
      reserved.push({ path: pathOf(f, via), key: via });
      continue;
    }
    const child: unknown = (f.v as Record<string | number, unknown>)[via];
    if (child === null || typeof child !== 'object') {
      f.n++;
      continue;
    }
    const known = memo.get(child);
    if (known !== undefined) {
      f.n += known;
      continue;
    }
    if (onStack.has(child)) {
      f.n = Infinity; // an alias inside itself: infinite when expanded
      continue;
    }
    onStack.add(child);
    top = { v: child, keys: Array.isArray(child) ? null : Object.keys(child), i: 0, n: 1, parent: f, via };
  }
  return { expanded: result, reserved };
}
