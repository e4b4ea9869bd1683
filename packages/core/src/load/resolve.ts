import type { YamlPath } from '../diagnostics/diagnostic.js';
import type { RiskSchemeInput } from '../model/risk-scheme.js';
import type { Profile } from '../model/profile.js';
import type { RequirementInput } from '../model/requirement.js';
import type { IndexedRecord, Need, Register, RegisterAsset, Route, Source, Sourced } from '../model/register.js';
import { collectionNames } from '../model/register-file.js';
import type { Site } from '../model/site.js';
import { DCB_EXAMPLE_SCHEME, type RiskScheme } from '../risk/scheme.js';
import type { SourceText } from '../source/source-text.js';
import type { ParsedRecords } from './parse-records.js';

/**
 * Bind the parsed records into a Register: index every id, give each site its own local assets
 * and its routes from its profile, and resolve every requirement into a tree of needs. Resolve
 * never judges: an id that names nothing, or a `$name` nothing binds, is kept as written for
 * the rules to report.
 */
export function resolve(records: ParsedRecords, sources: Map<string, SourceText>, files: readonly string[] = [...sources.keys()]): Register {
  const manifest = records.manifests[0];
  const custom = manifest?.riskScheme;
  const register: Register = {
    ...(manifest ? { manifest } : {}),
    scheme: custom ? schemeFromInput(custom) : DCB_EXAMPLE_SCHEME,
    schemeIsDefault: !custom,
    organisations: records.organisations,
    sites: records.sites,
    services: records.services,
    assets: [],
    profiles: records.profiles,
    hazards: records.hazards,
    controls: records.controls,
    incidents: records.incidents,
    acceptances: records.acceptances,
    scenarios: records.scenarios,
    routes: [],
    index: new Map(),
    sources,
    files: [...files],
    unparsed: new Map(),
  };

  const index = (id: string, entry: IndexedRecord) => {
    const list = register.index.get(id);
    if (list) list.push(entry);
    else register.index.set(id, [entry]);
  };
  for (const name of collectionNames) {
    if (name === 'assets') continue;
    for (const record of records[name] as Sourced<{ id: string }>[]) index(record.id, { collection: name, source: record.source });
  }

  for (const asset of records.assets) {
    register.assets.push({ ...asset, requires: asset.needs?.length ? resolveList(asset.needs, noBindings, at(asset.source, ['needs'])) : [] });
    index(asset.id, { collection: 'assets', source: asset.source });
  }

  const profiles = new Map(records.profiles.map((p) => [p.id, p] as const));
  const templates = new Map<string, ProfileTemplate>();
  for (const site of records.sites) {
    const profile = site.profile ? profiles.get(site.profile) : undefined;
    let template: ProfileTemplate | undefined;
    if (profile) {
      template = templates.get(profile.id);
      if (!template) templates.set(profile.id, (template = profileTemplate(profile)));
    }
    const { assets, routes } = expandSite(site, profile, template);
    for (const asset of assets) {
      register.assets.push(asset);
      index(asset.id, { collection: 'local-asset', source: asset.source });
    }
    for (const route of routes) register.routes.push(route); // no spread: a site may have many
  }
  return register;
}

/** The scheme as written, cell by cell; the `risk-scheme` rule reports what is missing. */
function schemeFromInput(input: RiskSchemeInput): RiskScheme {
  return {
    name: input.name,
    likelihoods: input.likelihood,
    severities: input.severity,
    matrix: input.likelihood.map((l) => input.matrix[l.level] ?? []),
    ratings: input.ratings,
  };
}

function at(base: Source, rel: YamlPath): Source {
  return { ...base, path: [...base.path, ...rel] };
}

type Binder = (name: string, at: Source) => Need;
const noBindings: Binder = (name, where) => ({ kind: 'unbound', name, at: where });

function resolveList(list: readonly RequirementInput[], bind: Binder, where: Source): Need[] {
  return list.map((r, i) => resolveOne(r, bind, at(where, [i])));
}

function resolveOne(r: RequirementInput, bind: Binder, where: Source): Need {
  if (typeof r === 'string') return r.startsWith('$') ? bind(r.slice(1), where) : { kind: 'asset', id: r, at: where };
  const named = r.name !== undefined ? { name: r.name } : {};
  if ('allOf' in r) return { kind: 'all', members: resolveList(r.allOf, bind, at(where, ['allOf'])), ...named, at: where };
  if ('anyOf' in r) return { kind: 'any', members: resolveList(r.anyOf, bind, at(where, ['anyOf'])), ...named, at: where };
  return { kind: 'atLeast', k: r.atLeast, members: resolveList(r.of, bind, at(where, ['of'])), ...named, at: where };
}

/**
 * A profile's routes resolved once, with placeholders left as `unbound` nodes. Each site then
 * copies only the nodes above a placeholder and shares the rest, so 6,500 sites on one profile
 * cost little more than the placeholders they bind.
 */
interface ProfileTemplate {
  routes: { service: string; requires: Need[]; at: Source }[];
  hasPlaceholder: WeakSet<Need>;
}

function profileTemplate(profile: Sourced<Profile>): ProfileTemplate {
  const hasPlaceholder = new WeakSet<Need>();
  const mark = (n: Need): boolean => {
    let found = n.kind === 'unbound';
    if (n.kind === 'all' || n.kind === 'any' || n.kind === 'atLeast') for (const m of n.members) found = mark(m) || found;
    if (found) hasPlaceholder.add(n);
    return found;
  };
  const routes = Object.entries(profile.routes).map(([service, list]) => {
    const where = at(profile.source, ['routes', service]);
    const requires = resolveList(list, noBindings, where);
    requires.forEach(mark);
    return { service, requires, at: where };
  });
  return { routes, hasPlaceholder };
}

function instantiate(n: Need, template: ProfileTemplate, bind: Binder): Need {
  if (!template.hasPlaceholder.has(n)) return n;
  if (n.kind === 'unbound') return bind(n.name, n.at);
  if (n.kind === 'asset') return n;
  return { ...n, members: n.members.map((m) => instantiate(m, template, bind)) };
}

const NO_NEEDS: Need[] = [];

/** Per profile, the places its local-asset templates were written: shared by every site on it. */
const localSources = new WeakMap<object, Map<string, Source>>();
function localSource(profile: Sourced<Profile>, name: string): Source {
  let byName = localSources.get(profile);
  if (!byName) localSources.set(profile, (byName = new Map()));
  let source = byName.get(name);
  if (!source) byName.set(name, (source = at(profile.source, ['localAssets', name])));
  return source;
}

/**
 * A profile's binding, resolved once and shared by every site on the profile: it is resolved
 * without the site's bindings, so it is the same tree at every site, and sharing it spares
 * 6,000 copies on a national register (and lets walks memoised per node visit it once).
 */
const profileBindings = new WeakMap<object, Map<string, Need>>();
function profileBinding(profile: Sourced<Profile>, name: string): Need {
  let byName = profileBindings.get(profile);
  if (!byName) profileBindings.set(profile, (byName = new Map()));
  let need = byName.get(name);
  if (!need) byName.set(name, (need = resolveOne(profile.bindings![name]!, noBindings, at(profile.source, ['bindings', name]))));
  return need;
}

function expandSite(site: Sourced<Site>, profile: Sourced<Profile> | undefined, template: ProfileTemplate | undefined): { assets: RegisterAsset[]; routes: Route[] } {
  // Local assets: the profile's templates, with the site's changes merged over them, plus any
  // the site adds. Their ids are `<site>/<name>`, which no authored id can collide with.
  const profileLocals = profile?.localAssets;
  const siteLocals = site.localAssets;
  const localNames = siteLocals ? new Set([...Object.keys(profileLocals ?? {}), ...Object.keys(siteLocals)]) : Object.keys(profileLocals ?? {});
  const localId = (name: string) => `${site.id}/${name}`;

  // Precedence: the site's own bindings, the site's local assets, the profile's bindings, then
  // the profile's local assets. The site knows best; within a level, an explicit binding wins.
  // Each name is bound once per site and the node shared by all the site's routes.
  // Each name is bound once per site and the node shared by all the site's routes. (A node for a
  // local asset keeps the place of the first `$name` that asked for it: it can never be the
  // subject of a diagnostic, since the asset it names always exists.)
  const bound = new Map<string, Need>();
  const bind: Binder = (name, where) => {
    const known = bound.get(name);
    if (known) return known;
    let need: Need;
    const fromSite = site.bindings?.[name];
    if (fromSite !== undefined) need = resolveOne(fromSite, noBindings, at(site.source, ['bindings', name]));
    else if (siteLocals?.[name] !== undefined) need = { kind: 'asset', id: localId(name), at: where };
    else if (profile?.bindings?.[name] !== undefined) need = profileBinding(profile, name);
    else if (profileLocals?.[name] !== undefined) need = { kind: 'asset', id: localId(name), at: where };
    else return { kind: 'unbound', name, at: where }; // reported where written, so not shared
    bound.set(name, need);
    return need;
  };

  const assets: RegisterAsset[] = [];
  for (const name of localNames) {
    const base = profileLocals?.[name];
    const override = siteLocals?.[name];
    const source = override ? at(site.source, ['localAssets', name]) : profile ? localSource(profile, name) : site.source;
    // One object per asset, of one shape: the template, the site's changes, then what is derived.
    const type = override?.type ?? base?.type ?? 'other';
    const label = override?.name ?? base?.name ?? `${site.name} ${name.replace(/-/g, ' ')}`;
    const asset: RegisterAsset = { ...base, ...override, id: localId(name), type, name: label, site: site.id, localName: name, source, requires: NO_NEEDS };
    const needs = asset.needs;
    if (needs && needs.length) asset.requires = resolveList(needs, bind, override?.needs ? at(site.source, ['localAssets', name, 'needs']) : at(source, ['needs']));
    assets.push(asset);
  }

  const routes: Route[] = [];
  const own = site.routes;
  if (template) {
    for (const r of template.routes) {
      if (own?.[r.service] !== undefined) continue;
      routes.push({ site: site.id, service: r.service, from: 'profile', at: r.at, requires: r.requires.map((n) => instantiate(n, template, bind)) });
    }
  }
  if (own) {
    for (const [service, list] of Object.entries(own)) {
      const where = at(site.source, ['routes', service]);
      routes.push({ site: site.id, service, from: 'site', at: where, requires: resolveList(list, bind, where) });
    }
  }
  return { assets, routes };
}
