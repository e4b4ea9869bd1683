/**
 * The entry of the what-if page's engine: core's own failure evaluation (`whatIfOn` through
 * `graphOfCompact`) and selector parsing, bundled by `pnpm gen:engine` (scripts/what-if-engine.ts)
 * into one classic script, site/static/js/what-if-engine.js, that sets `crrWhatIf`. Only pure
 * modules are reachable from here (no Node API): the bundle check fails on one that is not.
 */
import { graphOfCompact, whatIfCompact, type CompactEvaluation, type CompactGraph } from '../analysis/compact-graph.js';
import type { FailureSpec, WhatIf } from '../analysis/scenario.js';
import { declaredAttributeNames, parseSelectorText, type SelectorText } from '../analysis/selector-match.js';

export interface WhatIfEngine {
  /** The evaluation of a compact graph: built once, then a what-if in O(size of the graph). */
  load(data: CompactGraph): CompactEvaluation;
  whatIf(e: CompactEvaluation, specs: readonly FailureSpec[]): WhatIf;
  /** `key=value,…` as `crr what-if --fail` reads it, with the attribute names the assets declare. */
  parseSelector(text: string, e: CompactEvaluation): SelectorText;
}

export const engine: WhatIfEngine = {
  load: graphOfCompact,
  whatIf: whatIfCompact,
  parseSelector: (text, e) => parseSelectorText(text, new Set(declaredAttributeNames(e.graph.assets))),
};

(globalThis as { crrWhatIf?: WhatIfEngine }).crrWhatIf = engine;
