import { createRequire } from 'node:module';
import type { Document, Node } from 'yaml';
import type { YamlPath } from '../diagnostics/diagnostic.js';
import { LineIndex } from './line-index.js';

/**
 * The `yaml` library, loaded on first use: it is needed only to place a diagnostic on a field,
 * and loading it costs every run about 30 ms that a clean register need never pay.
 */
let yamlModule: typeof import('yaml') | undefined;
export function yamlLibrary(): typeof import('yaml') {
  return (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
}

export interface Position {
  line: number;
  column: number;
}

/**
 * The decoded text of one register file, with what is needed to point into it. The fast loader
 * (js-yaml) records where every record starts; exact positions of individual fields are found
 * only when a diagnostic needs one, by parsing this file again with the `yaml` library, whose
 * nodes carry ranges. A clean register never pays for that second parse.
 */
export class SourceText {
  private index: LineIndex | undefined;
  private document: Document | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
  ) {}

  get lines(): LineIndex {
    return (this.index ??= new LineIndex(this.text));
  }

  position(offset: number): Position {
    return this.lines.position(offset);
  }

  /**
   * Where a YAML path points. With `key`, the position of the last key rather than its value
   * (an unknown key is shown at the key). When the path goes further than the document (a missing
   * field), the position of the deepest node that exists.
   */
  locate(path: YamlPath, options: { key?: boolean } = {}): Position | undefined {
    const { isAlias, isMap, isScalar, isSeq, parseDocument } = yamlLibrary();
    const doc = (this.document ??= parseDocument(this.text, {
      keepSourceTokens: false,
      merge: true,
      uniqueKeys: false,
    }));
    let node: unknown = doc.contents;
    let found: { range?: [number, number, number] | null } | undefined = asRanged(node);
    for (let i = 0; i < path.length; i++) {
      const segment = path[i]!;
      if (isAlias(node)) node = node.resolve(doc);
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(segment));
        if (!pair) break;
        const last = i === path.length - 1;
        if (last && options.key && asRanged(pair.key)) {
          found = asRanged(pair.key);
          break;
        }
        node = pair.value;
        found = asRanged(node) ?? asRanged(pair.key) ?? found;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
        if (node === undefined) break;
        found = asRanged(node) ?? found;
      } else {
        break;
      }
    }
    const offset = found?.range?.[0];
    return offset === undefined ? undefined : this.position(offset);
  }
}

function asRanged(node: unknown): { range?: [number, number, number] | null } | undefined {
  return node && typeof node === 'object' && 'range' in (node as Node) ? (node as Node) : undefined;
}
