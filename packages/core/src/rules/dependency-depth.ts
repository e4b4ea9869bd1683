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
    // The same walk of needs as the other need rules: every kind of group, site-local assets
    // included; unknown ids are CRR-E031's and unbound names CRR-E035's.
    const depsCache = new Map<string, string[]>();
    const deps = (id: string): string[] => {
      let out = depsCache.get(id);
      if (out) return out;
      out = [];
      const a = byId.get(id)!;
      if (a.requires.length) for (const need of walkNeeds(a.requires)) if (need.kind === 'asset' && byId.has(need.id)) out.push(need.id);
      depsCache.set(id, out);
      return out;
    };

    // Iterative depth-first search, in id order so the result does not depend on file order. An
    // asset's height (the assets in the longest chain it heads, itself included) is known when it
    // finishes. A need that closes a cycle (its asset is still on the stack) is skipped: cycles are
    // CRR-E033's. `order` is the finishing order: everything an asset needs, cycles aside, comes
    // before it.
    const state = new Map<string, 1 | 2>();
    const height = new Map<string, number>();
    const below = new Map<string, string>();
    const finished = new Map<string, number>();
    const order: string[] = [];
    for (const start of [...byId.keys()].sort()) {
      if (state.has(start)) continue;
      const stack: { id: string; i: number }[] = [{ id: start, i: 0 }];
      state.set(start, 1);
      while (stack.length) {
        const top = stack[stack.length - 1]!;
        const next = deps(top.id);
        if (top.i < next.length) {
          const child = next[top.i++]!;
          if (!state.has(child)) {
            state.set(child, 1);
            stack.push({ id: child, i: 0 });
          }
          continue;
        }
        let h = 1;
        for (const d of next) {
          const hd = height.get(d);
          if (hd !== undefined && hd + 1 > h) {
            h = hd + 1;
            below.set(top.id, d);
          }
        }
        height.set(top.id, h);
        finished.set(top.id, order.length);
        order.push(top.id);
        state.set(top.id, 2);
        stack.pop();
      }
    }

    // The longest chain that leads down to each asset, and where it starts: in reverse finishing
    // order every asset comes before what it needs, so one pass over the same edges suffices.
    const above = new Map<string, number>();
    const head = new Map<string, string>();
    for (let i = order.length - 1; i >= 0; i--) {
      const id = order[i]!;
      const up = above.get(id) ?? 1;
      const from = head.get(id) ?? id;
      for (const d of deps(id)) {
        if (finished.get(d)! >= i) continue;
        // Of equally long chains, the one from the smallest id, so the message reads naturally.
        const was = above.get(d) ?? 1;
        if (up + 1 > was || (up + 1 === was && from < head.get(d)!)) {
          above.set(d, up + 1);
          head.set(d, from);
        }
      }
    }

    // Each chain over the cap is reported once, at the asset where it crosses the cap: the one
    // heading exactly one asset too many. Assets above it only lengthen the same chain. A crossing
    // written once in a profile's local-asset templates repeats at every site on the profile, so
    // crossings are grouped by where they were written.
    const places = new Map<string, RegisterAsset[]>();
    for (const id of order) {
      if (height.get(id) !== MAX_DEPENDENCY_DEPTH + 1) continue;
      const a = byId.get(id)!;
      const key = whereKey(a.source);
      const list = places.get(key);
      if (list) list.push(a);
      else places.set(key, [a]);
    }
    for (const list of places.values()) {
      const asset = list.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))[0]!;
      const chain = [asset.id];
      for (let d = below.get(asset.id); d !== undefined; d = below.get(d)) chain.push(d);
      const shown = chain.length > SHOWN + 1 ? [...chain.slice(0, SHOWN), '…', chain[chain.length - 1]!] : chain;
      const path = shown.map((id) => (id === '…' ? id : `\`${id}\``)).join(' → ');
      const up = above.get(asset.id) ?? 1;
      const longer = up > 1 ? ` Assets that need it make the chain longer still: ${n(up + chain.length - 1)} assets from \`${head.get(asset.id)}\`.` : '';
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
