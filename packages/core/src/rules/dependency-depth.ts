import { MAX_DEPENDENCY_DEPTH } from '../load/load-limits.js';
import type { RegisterAsset } from '../model/register.js';
import { walkNeeds, whereKey } from './needs.js';
import { defineRule } from './rule.js';

const n = (x: number) => x.toLocaleString('en-GB');

/** Ids shown at the head of a chain in a message; the rest are elided to its last id. */
const SHOWN = 4;

export const dependencyDepth = defineRule({
  code: 'CRR-E062',
  name: 'dependency-depth',
  severity: 'error',
  title: 'A chain of needs is too long',
  explanation: `Needs form chains: a practice firewall needs a link, the link needs the HSCN, the HSCN a data-centre core, the core its power. A chain of more than ${MAX_DEPENDENCY_DEPTH} assets is refused: the analysis holds, for every asset, everything below it, so its time and memory grow with the square of a chain's length, and no real supply chain is anywhere near that deep, so such a chain is likely generated, or a mistake.`,
  *check({ register }) {
    const byId = new Map<string, RegisterAsset>();
    for (const a of register.assets) if (!byId.has(a.id)) byId.set(a.id, a);
    // Assets by index, in id order, so the result does not depend on file order; the national
    // register has about 20,000 assets, so the walk below works on numbers, not id strings.
    const ids = [...byId.keys()].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    const indexOf = new Map(ids.map((id, i) => [id, i] as const));
    const count = ids.length;
    // The same walk of needs as the other need rules: every kind of group, site-local assets
    // included; unknown ids are CRR-E031's and unbound names CRR-E035's.
    const deps: number[][] = ids.map((id) => {
      const out: number[] = [];
      const a = byId.get(id)!;
      if (a.requires.length)
        for (const need of walkNeeds(a.requires)) {
          const j = need.kind === 'asset' ? indexOf.get(need.id) : undefined;
          if (j !== undefined) out.push(j);
        }
      return out;
    });

    // Iterative depth-first search in id order. An asset's height (the assets in the longest chain
    // it heads, itself included) is known when it finishes. A need that closes a cycle (its asset
    // is still on the stack) is skipped: cycles are CRR-E033's. `order` is the finishing order:
    // everything an asset needs, cycles aside, comes before it.
    const state = new Uint8Array(count); // 0 new, 1 on the stack, 2 finished
    const height = new Int32Array(count);
    const below = new Int32Array(count).fill(-1);
    const finished = new Int32Array(count);
    const order: number[] = [];
    const stack: number[] = [];
    const next: number[] = [];
    for (let start = 0; start < count; start++) {
      if (state[start]) continue;
      state[start] = 1;
      stack.push(start);
      next.push(0);
      while (stack.length) {
        const top = stack[stack.length - 1]!;
        const kids = deps[top]!;
        const i = next[next.length - 1]!;
        if (i < kids.length) {
          next[next.length - 1] = i + 1;
          const child = kids[i]!;
          if (!state[child]) {
            state[child] = 1;
            stack.push(child);
            next.push(0);
          }
          continue;
        }
        let h = 1;
        for (const d of kids) {
          if (state[d] === 2 && height[d]! + 1 > h) {
            h = height[d]! + 1;
            below[top] = d;
          }
        }
        height[top] = h;
        finished[top] = order.length;
        order.push(top);
        state[top] = 2;
        stack.pop();
        next.pop();
      }
    }

    // The longest chain that leads down to each asset, and where it starts: in reverse finishing
    // order every asset comes before what it needs, so one pass over the same edges suffices.
    // Of equally long chains, the one from the smallest id (index), so the message reads naturally.
    const above = new Int32Array(count).fill(1);
    const head = Int32Array.from({ length: count }, (_, i) => i);
    for (let k = order.length - 1; k >= 0; k--) {
      const x = order[k]!;
      for (const d of deps[x]!) {
        if (finished[d]! >= k) continue;
        if (above[x]! + 1 > above[d]! || (above[x]! + 1 === above[d]! && head[x]! < head[d]!)) {
          above[d] = above[x]! + 1;
          head[d] = head[x]!;
        }
      }
    }

    // Each chain over the cap is reported once, at the asset where it crosses the cap: the one
    // heading exactly one asset too many. Assets above it only lengthen the same chain. A crossing
    // written once in a profile's local-asset templates repeats at every site on the profile, so
    // crossings are grouped by where they were written.
    const places = new Map<string, RegisterAsset[]>();
    for (const x of order) {
      if (height[x] !== MAX_DEPENDENCY_DEPTH + 1) continue;
      const a = byId.get(ids[x]!)!;
      const key = whereKey(a.source);
      const list = places.get(key);
      if (list) list.push(a);
      else places.set(key, [a]);
    }
    for (const list of places.values()) {
      const asset = list.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))[0]!;
      const x = indexOf.get(asset.id)!;
      const chain = [asset.id];
      for (let d = below[x]!; d !== -1; d = below[d]!) chain.push(ids[d]!);
      const shown = chain.length > SHOWN + 1 ? [...chain.slice(0, SHOWN), '…', chain[chain.length - 1]!] : chain;
      const path = shown.map((id) => (id === '…' ? id : `\`${id}\``)).join(' → ');
      const up = above[x]!;
      const longer = up > 1 ? ` Assets that need it make the chain longer still: ${n(up + chain.length - 1)} assets from \`${ids[head[x]!]}\`.` : '';
      const more = list.length > 1 ? ` The same chain, written once, repeats at ${n(list.length - 1)} other site${list.length === 2 ? '' : 's'}.` : '';
      yield {
        at: asset.source,
        below: asset.site ? [] : ['needs'],
        record: asset.id,
        message:
          `Asset \`${asset.id}\` heads a chain of ${n(chain.length)} assets, each needing the next (${path}), more than the ${MAX_DEPENDENCY_DEPTH} a chain may have.${longer}` +
          ` The analysis holds everything below each asset, so its time and memory grow with the square of a chain's length, and no real supply chain is that deep: this one is likely generated, or a mistake.${more}`,
        hint: `Check the needs along the chain: an asset should need only what it depends on directly, and real chains are about ten assets long. Remove the needs that are not real dependencies, so that no chain is longer than ${MAX_DEPENDENCY_DEPTH} assets.`,
      };
    }
  },
});
