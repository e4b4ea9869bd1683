/**
 * Mutations of a register, as a hostile or careless author would make them: bytes (a binary
 * paste, a bad merge, a truncated upload), structure (a value of the wrong kind, a deleted key,
 * deep nesting, hostile strings) and ids (renamed in one place only, changed in case, made
 * long or path-like). A mutation is plain data that fast-check generates and shrinks, and
 * `applyMutation` is a pure function of it, so any failure the fuzz suite finds is reproducible
 * from its printed counterexample.
 */
import fc from 'fast-check';
import yaml from 'js-yaml';

export interface RegisterFileText {
  path: string;
  bytes: Uint8Array;
}

/** Strings that have broken, or could break, something downstream of the loader. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  '   ',
  '\u0000',
  '\x1b]52;c;ZXZpbA==\x07',
  '\x1b[8mhidden\x1b[0m',
  '\r\roverwritten',
  '\u202eevil\u202c',
  '*'.repeat(30) + 'zz',
  '*',
  'a'.repeat(10_000),
  '../../../../etc/passwd',
  '/proc/self/environ',
  '__proto__',
  'constructor',
  'toString',
  'index.html',
  'CON',
  'Telephony',
  '9999-99-99',
  '2026-02-30',
  '{{constructor.constructor "alert(1)"}}',
  '<script>alert(1)</script>',
  '](javascript:alert(1))',
  '%E0%A4%A',
  '::error file=x::y',
  'graph TD; A-->B',
  '😀'.repeat(50),
  '\ud800',
  'x'.repeat(300),
];

/** Bytes that break parsers: NUL, invalid UTF-8, a BOM in the middle, CR, tabs, YAML indicators. */
const HOSTILE_BYTES = [0x00, 0xff, 0xfe, 0xef, 0xbb, 0xbf, 0x0d, 0x09, 0x1b, 0x22, 0x27, 0x3a, 0x2d, 0x26, 0x2a, 0x21, 0x7c, 0x3e, 0x7b, 0x5b, 0x23, 0x25, 0x40, 0x60];

/** Values of another kind to put where a field was. */
const HOSTILE_VALUES: readonly unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  [],
  {},
  ['a', 'b'],
  { id: 'x' },
  JSON.parse('{"__proto__": "x", "constructor": "y", "prototype": 1}'),
  { select: {} },
  { anyOf: [] },
  { atLeast: 99, of: ['vpn-a'] },
  ...HOSTILE_STRINGS,
];

export type Mutation =
  | { kind: 'flip-byte'; file: number; at: number; byte: number }
  | { kind: 'insert-bytes'; file: number; at: number; bytes: number[] }
  | { kind: 'delete-range'; file: number; at: number; length: number }
  | { kind: 'duplicate-range'; file: number; at: number; length: number }
  | { kind: 'truncate'; file: number; at: number }
  | { kind: 'replace-value'; file: number; node: number; value: number }
  | { kind: 'delete-node'; file: number; node: number }
  | { kind: 'nest'; file: number; node: number; depth: number }
  | { kind: 'copy-node'; file: number; node: number; to: number }
  | { kind: 'hostile-field'; file: number; node: number; value: number }
  | { kind: 'rename-id'; id: number; to: number; everywhere: boolean }
  | { kind: 'case-id'; id: number }
  | { kind: 'new-file'; name: number; content: number };

/** fast-check's generator of one mutation; numbers are taken modulo what they index. */
export function mutationArbitrary(): fc.Arbitrary<Mutation> {
  const file = fc.nat();
  const at = fc.double({ min: 0, max: 1, noNaN: true }).map((x) => Math.floor(x * 1e9));
  return fc.oneof(
    fc.record({ kind: fc.constant('flip-byte' as const), file, at, byte: fc.oneof(fc.constantFrom(...HOSTILE_BYTES), fc.integer({ min: 0, max: 255 })) }),
    fc.record({ kind: fc.constant('insert-bytes' as const), file, at, bytes: fc.array(fc.oneof(fc.constantFrom(...HOSTILE_BYTES), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }) }),
    fc.record({ kind: fc.constant('delete-range' as const), file, at, length: fc.integer({ min: 1, max: 200 }) }),
    fc.record({ kind: fc.constant('duplicate-range' as const), file, at, length: fc.integer({ min: 1, max: 400 }) }),
    fc.record({ kind: fc.constant('truncate' as const), file, at }),
    fc.record({ kind: fc.constant('replace-value' as const), file, node: fc.nat(), value: fc.nat() }),
    fc.record({ kind: fc.constant('delete-node' as const), file, node: fc.nat() }),
    fc.record({ kind: fc.constant('nest' as const), file, node: fc.nat(), depth: fc.integer({ min: 2, max: 300 }) }),
    fc.record({ kind: fc.constant('copy-node' as const), file, node: fc.nat(), to: fc.nat() }),
    fc.record({ kind: fc.constant('hostile-field' as const), file, node: fc.nat(), value: fc.nat() }),
    fc.record({ kind: fc.constant('rename-id' as const), id: fc.nat(), to: fc.nat(), everywhere: fc.boolean() }),
    fc.record({ kind: fc.constant('case-id' as const), id: fc.nat() }),
    fc.record({ kind: fc.constant('new-file' as const), name: fc.nat(), content: fc.nat() }),
  );
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A path to every node of a parsed YAML value, parents before children. */
function nodePaths(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (out.length > 5000) return out;
  if (Array.isArray(value)) value.forEach((v, i) => nodePaths(v, [...path, i], out));
  else if (value && typeof value === 'object') for (const k of Object.keys(value)) nodePaths((value as Record<string, unknown>)[k], [...path, k], out);
  return out;
}

function getAt(root: unknown, path: readonly (string | number)[]): unknown {
  let v = root;
  for (const p of path) v = (v as Record<string | number, unknown>)?.[p];
  return v;
}

function setAt(root: unknown, path: readonly (string | number)[], value: unknown, remove = false): unknown {
  if (path.length === 0) return remove ? {} : value;
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, unknown> | unknown[] | undefined;
  const last = path[path.length - 1]!;
  if (!parent || typeof parent !== 'object') return root;
  if (remove) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete (parent as Record<string, unknown>)[last];
  } else if (Array.isArray(parent)) parent[Number(last)] = value;
  else Object.defineProperty(parent, last, { value, enumerable: true, writable: true, configurable: true });
  return root;
}

function nested(value: unknown, depth: number): unknown {
  let v = value;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { deeper: v };
  return v;
}

/** Ids of the register's records, in file order (keys named `id` with a string value). */
export function registerIds(files: readonly RegisterFileText[]): string[] {
  const ids = new Set<string>();
  for (const f of files) for (const m of decoder.decode(f.bytes).matchAll(/^\s*-?\s*\{?\s*id:\s*"?([A-Za-z0-9][A-Za-z0-9_.\/-]*)"?/gm)) ids.add(m[1]!);
  return [...ids];
}

function replaceWord(text: string, from: string, to: string, everywhere: boolean): string {
  const re = new RegExp(`(?<![A-Za-z0-9_.-])${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_-])`, everywhere ? 'g' : '');
  return text.replace(re, () => to);
}

const SENSITIVE_KEYS = new Set(['id', 'name', 'title', 'description', 'software', 'vendor', 'model', 'carrier', 'managedBy', 'service', 'unit', 'siteUrl', 'parent', 'pcn']);

const NEW_FILE_NAMES = ['extra.yaml', 'sub/more.yml', 'UPPER.YAML', 'a b.yaml', 'deep/er/still.yaml', 'profiles.yaml.yaml'];

/** Apply one mutation to a copy of the files. Pure: the input is never changed. */
export function applyMutation(input: readonly RegisterFileText[], m: Mutation): RegisterFileText[] {
  const files = input.map((f) => ({ path: f.path, bytes: f.bytes }));
  if (m.kind === 'rename-id' || m.kind === 'case-id') {
    const ids = registerIds(files);
    if (!ids.length) return files;
    const id = ids[m.id % ids.length]!;
    const to =
      m.kind === 'case-id'
        ? id === id.toUpperCase()
          ? id.toLowerCase()
          : id.toUpperCase()
        : m.to % 3 === 0
          ? ids[m.to % ids.length]! // a duplicate of another id
          : HOSTILE_STRINGS[m.to % HOSTILE_STRINGS.length]!.replace(/\n/g, ' ');
    const everywhere = m.kind === 'case-id' ? m.id % 2 === 0 : m.everywhere;
    for (const f of files) f.bytes = encoder.encode(replaceWord(decoder.decode(f.bytes), id, to, everywhere));
    return files;
  }
  if (m.kind === 'new-file') {
    const content = HOSTILE_VALUES[m.content % HOSTILE_VALUES.length];
    const text = m.content % 4 === 0 ? `hazards:\n  - ${JSON.stringify(content)}\n` : yaml.dump({ assets: [{ id: 'x', type: 'firewall', name: content }] }, { skipInvalid: true });
    files.push({ path: NEW_FILE_NAMES[m.name % NEW_FILE_NAMES.length]!, bytes: encoder.encode(text) });
    return files;
  }
  if (!files.length) return files;
  const f = files[m.file % files.length]!;
  const b = f.bytes;
  const pos = b.length && 'at' in m ? m.at % b.length : 0;
  switch (m.kind) {
    case 'flip-byte': {
      const out = Uint8Array.from(b);
      if (out.length) out[pos] = m.byte;
      f.bytes = out;
      return files;
    }
    case 'insert-bytes':
      f.bytes = concat(b.subarray(0, pos), Uint8Array.from(m.bytes), b.subarray(pos));
      return files;
    case 'delete-range':
      f.bytes = concat(b.subarray(0, pos), b.subarray(Math.min(b.length, pos + m.length)));
      return files;
    case 'duplicate-range':
      f.bytes = concat(b.subarray(0, Math.min(b.length, pos + m.length)), b.subarray(pos));
      return files;
    case 'truncate':
      f.bytes = b.subarray(0, pos);
      return files;
    default:
      break;
  }
  // Structure: parse, change one node, write back. Files that no longer parse are left alone.
  let doc: unknown;
  try {
    doc = yaml.load(decoder.decode(b));
  } catch {
    return files;
  }
  const paths = nodePaths(doc);
  const path = paths[m.node % paths.length]!;
  if (m.kind === 'hostile-field') {
    // The fields that become file names, terminal text, links, selectors and labels: a random
    // node would rarely be one of them.
    const fields = paths.filter((p) => SENSITIVE_KEYS.has(String(p[p.length - 1])) || p.includes('select'));
    if (!fields.length) return files;
    doc = setAt(doc, fields[m.node % fields.length]!, HOSTILE_STRINGS[m.value % HOSTILE_STRINGS.length]);
    f.bytes = encoder.encode(yaml.dump(doc, { skipInvalid: true, noRefs: true, lineWidth: -1 }));
    return files;
  }
  switch (m.kind) {
    case 'replace-value':
      doc = setAt(doc, path, structuredClone(HOSTILE_VALUES[m.value % HOSTILE_VALUES.length]));
      break;
    case 'delete-node':
      doc = setAt(doc, path, undefined, true);
      break;
    case 'nest':
      doc = setAt(doc, path, nested(structuredClone(getAt(doc, path)), m.depth));
      break;
    case 'copy-node':
      doc = setAt(doc, paths[m.to % paths.length]!, structuredClone(getAt(doc, path)));
      break;
  }
  f.bytes = encoder.encode(yaml.dump(doc, { skipInvalid: true, noRefs: true, lineWidth: -1 }));
  return files;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
