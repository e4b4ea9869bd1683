import type { DependencyGraph } from '../analysis/graph.js';
import type { Register } from '../model/register.js';
import { slugIndex } from './slug.js';

/** The page slug of every record, by kind: each kind is one section of the site, or one page of anchors. */
export interface SectionSlugs {
  hazards: ReadonlyMap<string, string>;
  /** Every asset, a site's own ones included (`Y90104/link`). */
  assets: ReadonlyMap<string, string>;
  sites: ReadonlyMap<string, string>;
  /** PCNs and suppliers: two sections drawn from one list, so one index keeps both collision-free. */
  organisations: ReadonlyMap<string, string>;
  services: ReadonlyMap<string, string>;
  /** Anchors on hazard pages (`#control-<slug>`). */
  controls: ReadonlyMap<string, string>;
  /** Anchors on the incidents page. */
  incidents: ReadonlyMap<string, string>;
  acceptances: ReadonlyMap<string, string>;
  /** Named scenarios, one page each (`scenarios/<slug>/`). */
  scenarios: ReadonlyMap<string, string>;
}

/** Computed once per report: a slug depends on the other ids of its section (see `slugIndex`). */
export function sectionSlugs(register: Register, graph: DependencyGraph): SectionSlugs {
  const ids = (records: readonly { id: string }[]) => slugIndex(records.map((r) => r.id));
  return {
    hazards: ids(register.hazards),
    assets: ids(graph.assets),
    sites: ids(graph.sites),
    organisations: ids(register.organisations),
    services: ids(register.services),
    controls: ids(register.controls),
    incidents: ids(register.incidents),
    acceptances: ids(register.acceptances),
    scenarios: ids(register.scenarios),
  };
}
