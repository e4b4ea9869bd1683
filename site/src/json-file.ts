/**
 * JSON written straight to a file, in chunks: the same bytes as `JSON.stringify(value) + '\n'`
 * (or, pretty, `JSON.stringify(value, null, 2) + '\n'`), without ever holding the whole text as
 * one string (a national register's analysis is tens of megabytes, and V8 limits a string's length).
 */
import { closeSync, openSync, writeSync } from 'node:fs';

const CHUNK = 1 << 20;

/**
 * Writes `value` as JSON with a final newline to `path`; returns the bytes written. Compact by
 * default: the site's exports are data for programs, and at 6,500 practices the two-space indent
 * alone was a third of their 80 MB.
 */
export function writeJsonFile(path: string, value: unknown, options: { pretty?: boolean } = {}): number {
  const fd = openSync(path, 'w');
  let parts: string[] = [];
  let pending = 0;
  let bytes = 0;
  const flush = () => {
    if (!parts.length) return;
    const buffer = Buffer.from(parts.join(''), 'utf8');
    writeSync(fd, buffer);
    bytes += buffer.length;
    parts = [];
    pending = 0;
  };
  const emit = (s: string) => {
    parts.push(s);
    pending += s.length;
    if (pending >= CHUNK) flush();
  };
  try {
    const text = writeJson(value, '', emit, options.pretty ?? false);
    if (!text) throw new TypeError('The value has no JSON form (it is undefined, a function or a symbol).');
    emit('\n');
    flush();
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/** Serialises a value through `emit`, as JSON.stringify(value, null, 2) would (or JSON.stringify(value), not pretty); `false` if it has no JSON form. */
export function writeJson(value: unknown, indent: string, emit: (s: string) => void, pretty = true): boolean {
  const nl = pretty ? '\n' : '';
  const colon = pretty ? ': ' : ':';
  const stack = new Set<object>();

  const prepare = (holderKey: string, v: unknown): unknown => {
    if (v !== null && (typeof v === 'object' || typeof v === 'bigint') && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
      v = (v as { toJSON: (key: string) => unknown }).toJSON(holderKey);
    }
    if (v instanceof Number || v instanceof String || v instanceof Boolean) v = v.valueOf();
    return v;
  };
  const hasForm = (v: unknown) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';

  // Below the top, a value is handed to JSON.stringify whole: ten times faster than walking it
  // here. Only a value whose text would pass V8's string limit is walked, a level further down.
  const whole = (v: object, ind: string): string | undefined => {
    try {
      const text = JSON.stringify(v, null, pretty ? 2 : undefined);
      return pretty && ind ? text.replace(/\n/g, `\n${ind}`) : text;
    } catch (e) {
      if (e instanceof RangeError) return undefined;
      throw e;
    }
  };

  const write = (v: unknown, ind: string, depth = 0): void => {
    if (v === null) return emit('null');
    switch (typeof v) {
      case 'string':
        return emit(JSON.stringify(v));
      case 'number':
        return emit(Number.isFinite(v) ? JSON.stringify(v) : 'null');
      case 'boolean':
        return emit(v ? 'true' : 'false');
      case 'bigint':
        throw new TypeError('Do not know how to serialize a BigInt');
      case 'object':
        break;
      default:
        return emit('null');
    }
    const obj = v as object;
    if (depth > 0) {
      const text = whole(obj, ind);
      if (text !== undefined) return emit(text);
    }
    if (stack.has(obj)) throw new TypeError('Converting circular structure to JSON');
    stack.add(obj);
    const inner = pretty ? ind + '  ' : '';
    if (Array.isArray(obj)) {
      if (obj.length === 0) emit('[]');
      else {
        emit(`[${nl}`);
        for (let i = 0; i < obj.length; i++) {
          emit(inner);
          const item = prepare(String(i), obj[i]);
          if (hasForm(item)) write(item, inner, depth + 1);
          else emit('null');
          emit(i < obj.length - 1 ? `,${nl}` : nl);
        }
        emit(ind + ']');
      }
    } else {
      let first = true;
      for (const key of Object.keys(obj)) {
        const item = prepare(key, (obj as Record<string, unknown>)[key]);
        if (!hasForm(item)) continue;
        emit(first ? `{${nl}` : `,${nl}`);
        first = false;
        emit(`${inner}${JSON.stringify(key)}${colon}`);
        write(item, inner, depth + 1);
      }
      emit(first ? '{}' : `${nl}${pretty ? ind : ''}}`);
    }
    stack.delete(obj);
  };

  const top = prepare('', value);
  if (!hasForm(top)) return false;
  write(top, indent);
  return true;
}
