import yaml from 'js-yaml';
import type { YamlPath } from '../diagnostics/diagnostic.js';
import { skipToNode } from './skip-to-node.js';
import { registerYamlSchema } from './yaml-schema.js';

/** One node as js-yaml composed it: where it starts and ends, what it became, and its children. */
interface Frame {
  start: number;
  end: number;
  result: unknown;
  children: Frame[];
}

/**
 * Where every node of a YAML file is, found by loading it again with js-yaml and listening to
 * each node it composes. Built only when a diagnostic needs a position, so a clean register
 * never pays for it; and linear in the file (the `yaml` library's document model, used before,
 * took ten times as long: 6-7 s for 20 MB).
 *
 * js-yaml names no node, so a container's entries are matched to its children by what they
 * loaded as: a sequence's items in order, a mapping's keys as the children followed by `:`.
 */
export class YamlPositions {
  private readonly frames = new Map<object, Frame>();
  private readonly root: unknown;

  /** Throws what js-yaml throws; callers build this only for text that has loaded once already. */
  constructor(private readonly text: string) {
    const open: Frame[] = [];
    const frames = this.frames;
    let root: Frame | undefined;
    yaml.load(text, {
      // The loader's schema, so that keys read as the same text (a date stays a string).
      schema: registerYamlSchema,
      listener(event, state) {
        if (event === 'open') {
          const frame: Frame = { start: state.position, end: state.position, result: undefined, children: [] };
          const parent = open[open.length - 1];
          if (parent) parent.children.push(frame);
          else root ??= frame;
          open.push(frame);
        } else {
          const frame = open.pop()!;
          frame.end = state.position;
          frame.result = state.result;
          // The innermost frame that produced an object holds its entries (js-yaml sometimes
          // composes one node twice, an outer attempt around the real one; and an alias is
          // the same object as its anchor, whose frame comes first).
          const r: unknown = state.result;
          if (r !== null && typeof r === 'object' && !frames.has(r)) frames.set(r, frame);
        }
      },
    });
    this.root = root?.result;
  }

  /**
   * The offset of the node at `path` (of its key, with `key`), or of the deepest node on the way
   * that exists. `undefined` when the file has no document.
   */
  offsetOf(path: YamlPath, options: { key?: boolean } = {}): number | undefined {
    let value: unknown = this.root;
    let found: number | undefined = this.nodeStart(value);
    for (let i = 0; i < path.length; i++) {
      if (value === null || typeof value !== 'object') break;
      const frame = this.frames.get(value);
      if (!frame) break;
      const segment = path[i]!;
      const last = i === path.length - 1;
      if (Array.isArray(value)) {
        if (typeof segment !== 'number' || segment < 0 || segment >= value.length) break;
        const item = this.item(frame, value, segment);
        if (item === undefined) break;
        found = typeof item === 'number' ? item : this.frameStart(item);
        value = value[segment];
        continue;
      }
      const entry = this.entryFrames(frame, String(segment));
      if (!entry) break;
      if (last && options.key) return this.frameStart(entry.key);
      found = this.frameStart(entry.value ?? entry.key);
      value = (value as Record<string, unknown>)[String(segment)];
    }
    return found;
  }

  private nodeStart(value: unknown): number | undefined {
    const frame = value !== null && typeof value === 'object' ? this.frames.get(value) : undefined;
    return frame ? this.frameStart(frame) : undefined;
  }

  /**
   * The frame of item `index`: children and items in order, a child matching the item it loaded
   * as. An empty item (`-` and nothing) has no frame: its offset, just after its `-`, is returned.
   */
  private item(frame: Frame, items: unknown[], index: number): Frame | number | undefined {
    const children = frame.children;
    if (children.length === items.length) return children[index];
    let c = 0;
    let from = frame.start;
    for (let i = 0; i <= index; i++) {
      const child = children[c];
      if (child && Object.is(child.result, items[i])) {
        if (i === index) return child;
        from = child.end;
        c++;
      } else {
        const dash = this.nextDash(from, child?.start ?? frame.end);
        if (dash === undefined) return undefined;
        if (i === index) return this.skipSpaces(dash + 1);
        from = dash + 1;
      }
    }
    return undefined;
  }

  /** The next block-sequence marker (`-` then a space or line break) in [from, to), outside comments. */
  private nextDash(from: number, to: number): number | undefined {
    const text = this.text;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 35 /* # */) {
        const nl = text.indexOf('\n', i);
        if (nl < 0) return undefined;
        i = nl;
      } else if (c === 45 /* - */ && /[ \t\r\n]/.test(text[i + 1] ?? '\n')) return i;
    }
    return undefined;
  }

  /** Where a frame's node starts; for an empty node (a key with no value), where it would be. */
  private frameStart(frame: Frame): number {
    const at = skipToNode(this.text, frame.start);
    return at >= frame.end && frame.result === null ? frame.start : at;
  }

  /** The key and value frames of `key` among a mapping's children. */
  private entryFrames(frame: Frame, key: string): { key: Frame; value?: Frame } | undefined {
    const children = frame.children;
    for (let i = 0; i < children.length; i++) {
      const k = children[i]!;
      const hasValue = this.followedByColon(k) && i + 1 < children.length && !this.followedByColon(children[i + 1]!);
      if (String(k.result) === key) return { key: k, ...(hasValue ? { value: children[i + 1] } : {}) };
      if (hasValue) i++;
    }
    return undefined;
  }

  /**
   * A key is followed by `:`, on its line or, after an explicit `? key`, at the start of a later
   * one; a value never is.
   */
  private followedByColon(frame: Frame): boolean {
    const text = this.text;
    let i = this.skipSpaces(frame.end);
    if (text.charCodeAt(i) === 58 /* : */) return true;
    i = skipToNode(text, i);
    return text.charCodeAt(i) === 58 && /[ \t\r\n]/.test(text[i + 1] ?? '\n');
  }

  private skipSpaces(at: number): number {
    let i = at;
    while (this.text.charCodeAt(i) === 32 || this.text.charCodeAt(i) === 9) i++;
    return i;
  }
}
