import type { YamlPath } from '../diagnostics/diagnostic.js';

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface Inspection {
  /** Nodes the value would have if every alias were copied out (Infinity for an alias inside itself). */
  expanded: number;
  /** Levels of lists and mappings, the value itself being level 1, aliases followed. */
  depth: number;
  /** Reserved keys found, with their paths. */
  reserved: { path: YamlPath; key: string }[];
}

/**
 * One pass over a loaded value, each distinct object once (memoised, so linear in the data
 * written; iterative, so no nesting exhausts the stack): the number of nodes it expands to, its
 * depth through aliases, and the reserved keys, with paths rebuilt only for those found.
 */
export function inspectValue(root: unknown): Inspection {
  type Frame = { v: object; keys: string[] | null; i: number; n: number; h: number; parent: Frame | null; via: string | number };
  const memo = new Map<object, { n: number; h: number }>();
  const reserved: { path: (string | number)[]; key: string }[] = [];
  if (root === null || typeof root !== 'object') return { expanded: 1, depth: 0, reserved };
  const pathOf = (f: Frame, key: string): (string | number)[] => {
    const path: (string | number)[] = [key];
    for (let g: Frame | null = f; g && g.parent; g = g.parent) path.unshift(g.via);
    return path;
  };
  const onStack = new Set<object>([root]);
  let top: Frame | null = { v: root, keys: Array.isArray(root) ? null : Object.keys(root), i: 0, n: 1, h: 1, parent: null, via: '' };
  let result = { n: 1, h: 1 };
  while (top) {
    const f: Frame = top;
    const length = f.keys ? f.keys.length : (f.v as unknown[]).length;
    if (f.i >= length || f.n > 1e15) {
      memo.set(f.v, { n: f.n, h: f.h });
      onStack.delete(f.v);
      top = f.parent;
      if (top) {
        top.n += f.n;
        top.h = Math.max(top.h, f.h + 1);
      } else result = { n: f.n, h: f.h };
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
      f.n += known.n;
      f.h = Math.max(f.h, known.h + 1);
      continue;
    }
    if (onStack.has(child)) {
      f.n = Infinity; // an alias inside itself: infinite when expanded
      f.h = Infinity;
      continue;
    }
    onStack.add(child);
    top = { v: child, keys: Array.isArray(child) ? null : Object.keys(child), i: 0, n: 1, h: 1, parent: f, via };
  }
  return { expanded: result.n, depth: result.h, reserved };
}

/**
 * The path to the first node at `level` (the value itself being level 1), following the deepest
 * branch: where a value that nests too deeply crosses the limit. Iterative; stops at cycles.
 */
export function pathToLevel(root: unknown, level: number): YamlPath {
  const heights = new Map<object, number>();
  // Heights bottom-up, iteratively (post-order), each distinct object once.
  const height = (start: object): number => {
    const stack: { v: object; children: object[]; i: number; h: number }[] = [];
    const push = (v: object) => {
      const children = Object.values(v).filter((c): c is object => c !== null && typeof c === 'object');
      heights.set(v, Infinity); // on the stack: a cycle counts as infinitely deep
      stack.push({ v, children, i: 0, h: 1 });
    };
    push(start);
    for (;;) {
      const top = stack[stack.length - 1]!;
      if (top.i < top.children.length) {
        const c = top.children[top.i++]!;
        const known = heights.get(c);
        if (known !== undefined) top.h = Math.max(top.h, known + 1);
        else push(c);
        continue;
      }
      heights.set(top.v, top.h);
      stack.pop();
      const parent = stack[stack.length - 1];
      if (!parent) return top.h;
      parent.h = Math.max(parent.h, top.h + 1);
    }
  };
  const path: (string | number)[] = [];
  let v: unknown = root;
  if (v === null || typeof v !== 'object') return path;
  height(v);
  for (let l = 1; l < level && v !== null && typeof v === 'object'; l++) {
    let best: { key: string | number; h: number } | undefined;
    for (const [k, c] of Object.entries(v)) {
      if (c === null || typeof c !== 'object') continue;
      const h = heights.get(c) ?? height(c);
      if (!best || h > best.h) best = { key: Array.isArray(v) ? Number(k) : k, h };
    }
    if (!best) break;
    path.push(best.key);
    v = (v as Record<string | number, unknown>)[best.key];
  }
  return path;
}
