import type { YamlPath } from '../diagnostics/diagnostic.js';
import { LineIndex } from './line-index.js';
import { YamlPositions } from './yaml-positions.js';

export interface Position {
  line: number;
  column: number;
}

/**
 * The decoded text of one register file, with what is needed to point into it. The loader
 * records where every record starts; exact positions of individual fields are found only when a
 * diagnostic needs one, by loading the file again with a listener (YamlPositions). A clean
 * register never pays for that second pass.
 */
export class SourceText {
  private index: LineIndex | undefined;
  private positions: YamlPositions | null | undefined;

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
    if (this.positions === undefined) {
      try {
        this.positions = new YamlPositions(this.text);
      } catch {
        // Only files that loaded are located into; one that does not load has no positions.
        this.positions = null;
      }
    }
    const offset = this.positions?.offsetOf(path, options);
    return offset === undefined ? undefined : this.position(offset);
  }
}
