import type { YamlPath } from '../diagnostics/diagnostic.js';
import type { RiskScheme } from '../risk/scheme.js';
import type { SourceText } from '../source/source-text.js';
import type { Acceptance } from './acceptance.js';
import type { Asset } from './asset.js';
import type { Control } from './control.js';
import type { Hazard } from './hazard.js';
import type { Incident } from './incident.js';
import type { Scenario } from './scenario.js';
import type { Manifest } from './manifest.js';
import type { Organisation } from './organisation.js';
import type { Profile } from './profile.js';
import type { CollectionName } from './register-file.js';
import type { Service } from './service.js';
import type { Site } from './site.js';

/** Where a record, or a part of one, was written. */
export interface Source {
  file: string;
  /** Path of the node inside its file. */
  path: YamlPath;
  line: number;
  column: number;
}

export type Sourced<T> = T & { readonly source: Source };

/**
 * A resolved requirement: a tree of needs. Placeholders are already bound per site; an id that
 * names no asset stays as written (the `unknown-reference` rule reports it) and counts as an
 * asset that never works.
 */
export type Need =
  | { kind: 'asset'; id: string; at: Source }
  | { kind: 'unbound'; name: string; at: Source }
  | { kind: 'all'; members: Need[]; name?: string; at: Source }
  | { kind: 'any'; members: Need[]; name?: string; at: Source }
  | { kind: 'atLeast'; k: number; members: Need[]; name?: string; at: Source };

/** An asset of the register: declared under `assets:`, or a site's own from its profile. */
export type RegisterAsset = Sourced<Asset> & {
  /** For site-local assets: the owning site and the local name (`firewall`). */
  site?: string;
  localName?: string;
  /** The asset's needs, resolved. */
  requires: Need[];
};

/** One site's access to one clinical service. */
export interface Route {
  site: string;
  service: string;
  /** All of these must hold. */
  requires: Need[];
  /** Where the route was written: the site's own routes, or its profile's. */
  from: 'site' | 'profile';
  at: Source;
}

/** A register with references bound and the dependency graph built. Plain data throughout. */
export interface Register {
  manifest?: Sourced<Manifest>;
  scheme: RiskScheme;
  schemeIsDefault: boolean;
  organisations: Sourced<Organisation>[];
  sites: Sourced<Site>[];
  services: Sourced<Service>[];
  assets: RegisterAsset[];
  profiles: Sourced<Profile>[];
  hazards: Sourced<Hazard>[];
  controls: Sourced<Control>[];
  incidents: Sourced<Incident>[];
  acceptances: Sourced<Acceptance>[];
  scenarios: Sourced<Scenario>[];
  routes: Route[];
  /** Every record by id, first declaration first (later ones are duplicates). */
  index: Map<string, IndexedRecord[]>;
  /** The texts the register was read from, for code frames and exact field positions. */
  sources: Map<string, SourceText>;
  /** Every file given, read or not, sorted. */
  files: string[];
  /**
   * Ids of records that failed their schema and so are not in the register. Rules that would
   * only repeat the consequence (every site on a broken profile "has no route") hold back.
   */
  unparsed: Map<string, CollectionName>;
}

export interface IndexedRecord {
  collection: CollectionName | 'local-asset';
  source: Source;
}
