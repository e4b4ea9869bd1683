/**
 * A small YAML writer for generated registers: block style for records, flow style where a
 * person would write one line (`- { id: G10001, type: practice, … }`, `{ severity: major, … }`),
 * plain scalars where they are unambiguous and JSON-style double quotes otherwise. Output is a
 * pure function of the input, so generated registers are byte-for-byte reproducible.
 */

/** Wrap a mapping or list to write it in flow style on one line. */
export class Flow {
  constructor(readonly value: unknown) {}
}
export const flow = (value: unknown): Flow => new Flow(value);

const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n|~|\.nan|\.inf)$/i;
const PLAIN = /^[A-Za-z$][A-Za-z0-9 ._/'()$-]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A scalar as YAML text: plain when it reads back as the same string, else double-quoted. */
export function scalar(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = String(v);
  // Dates stay plain, as people write them: the register's YAML 1.2 core schema reads them as strings.
  if (DATE.test(s)) return s;
  if (PLAIN.test(s) && !s.endsWith(' ') && !RESERVED.test(s)) return s;
  return JSON.stringify(s);
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Flow);
const defined = (o: Record<string, unknown>) => Object.entries(o).filter(([, v]) => v !== undefined);

export function flowText(v: unknown): string {
  const value = v instanceof Flow ? v.value : v;
  if (Array.isArray(value)) return `[${value.map(flowText).join(', ')}]`;
  if (value !== null && typeof value === 'object') return `{ ${defined(value as Record<string, unknown>).map(([k, x]) => `${scalar(k)}: ${flowText(x)}`).join(', ')} }`;
  return scalar(value);
}

/** Lists of scalars are written inline (`[a, b]`); lists of mappings as blocks. */
const inline = (v: unknown): boolean =>
  v instanceof Flow || !(v !== null && typeof v === 'object') || (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object' || x instanceof Flow));

function mapping(out: string[], value: Record<string, unknown>, indent: string): void {
  for (const [key, v] of defined(value)) {
    if (inline(v)) out.push(`${indent}${scalar(key)}: ${flowText(v)}`);
    else {
      out.push(`${indent}${scalar(key)}:`);
      block(out, v, indent + '  ');
    }
  }
}

function block(out: string[], value: unknown, indent: string): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isObject(item)) {
        const start = out.length;
        mapping(out, item, indent + '  ');
        out[start] = `${indent}- ${out[start]!.slice(indent.length + 2)}`;
      } else if (Array.isArray(item)) {
        out.push(`${indent}- ${flowText(item)}`);
      } else {
        out.push(`${indent}- ${flowText(item)}`);
      }
    }
  } else if (isObject(value)) {
    mapping(out, value, indent);
  } else {
    throw new Error('block() needs a mapping or a list');
  }
}

/** A whole file: a top-level mapping of collections, with an optional comment header. */
export function yamlDocument(top: Record<string, unknown>, header?: string): string {
  const out: string[] = [];
  if (header) for (const line of header.split('\n')) out.push(line ? `# ${line}` : '#');
  const keys = defined(top);
  keys.forEach(([key, v], i) => {
    if (i > 0) out.push('');
    out.push(`${scalar(key)}:`);
    block(out, v, '  ');
  });
  return out.join('\n') + '\n';
}
