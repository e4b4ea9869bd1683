import type { YamlPath } from '../diagnostics/diagnostic.js';
import type { CollectionName } from '../model/register-file.js';
import type { Register, Source } from '../model/register.js';

/** What a reference may point at. Local assets count as assets. */
export type Target = CollectionName | 'local-asset';

export interface Reference {
  id: string;
  targets: readonly Target[];
  /** The record that holds the reference. */
  from: { id?: string; source: Source };
  /** Path of the reference below the record. */
  path: YamlPath;
  /** How the field reads in a message: "the PCN of site `G99001`". */
  role: string;
}

const assetTargets: readonly Target[] = ['assets', 'local-asset'];

/**
 * Every referenced id with the kinds it may name, without the words and paths a diagnostic
 * needs: the cheap pass that tells whether the full table must be built at all.
 */
export function forEachReferencedId(register: Register, visit: (id: string, targets: readonly Target[]) => void): void {
  const orgs: readonly Target[] = ['organisations'];
  const sites: readonly Target[] = ['sites'];
  const one = (id: string | undefined, t: readonly Target[]) => id !== undefined && visit(id, t);
  const many = (ids: readonly string[] | undefined, t: readonly Target[]) => {
    if (ids) for (const id of ids) visit(id, t);
  };
  const m = register.manifest;
  if (m) {
    one(m.organisation, orgs);
    one(m.cso.organisation, orgs);
  }
  for (const o of register.organisations) one(o.parent, orgs);
  for (const s of register.sites) {
    one(s.pcn, orgs);
    one(s.subIcb, orgs);
    one(s.icb, orgs);
    one(s.region, orgs);
    one(s.parent, sites);
    one(s.profile, ['profiles']);
    if (s.routes) for (const service in s.routes) visit(service, ['services']);
  }
  for (const p of register.profiles) for (const service in p.routes) visit(service, ['services']);
  for (const a of register.assets) {
    one(a.supplier, orgs);
    one(a.carrier, orgs);
    one(a.location, sites);
  }
  for (const h of register.hazards) {
    many(h.services, ['services']);
    for (const c of h.causes) many(c.assets, assetTargets);
    many(h.existingControls, ['controls']);
    many(h.additionalControls, ['controls']);
    many(h.sites, sites);
    if (h.transfer) {
      one(h.transfer.from, orgs);
      many(h.transfer.controls, ['controls']);
    }
  }
  for (const c of register.controls) one(c.transferredFrom, orgs);
  for (const i of register.incidents) {
    many(i.assets, assetTargets);
    many(i.sites, sites);
    many(i.hazards, ['hazards']);
  }
  for (const a of register.acceptances) {
    one(a.hazard, ['hazards']);
    one(a.organisation, orgs);
  }
  for (const s of register.scenarios) many(s.assets, assetTargets);
}

/**
 * Every id-valued field of every record, in one table, so that the reference rule, the analysis
 * and reports agree on what refers to what. Requirement trees are walked separately.
 */
export function* references(register: Register): Generator<Reference> {
  const ref = (id: string | undefined, targets: readonly Target[], from: { id?: string; source: Source }, path: YamlPath, role: string) =>
    id === undefined ? [] : [{ id, targets, from, path, role }];
  const refs = (ids: readonly string[] | undefined, targets: readonly Target[], from: { id?: string; source: Source }, path: YamlPath, role: string) =>
    (ids ?? []).map((id, i) => ({ id, targets, from, path: [...path, i], role }));

  const m = register.manifest;
  if (m) {
    yield* ref(m.organisation, ['organisations'], m, ['organisation'], 'the organisation of the register');
    yield* ref(m.cso.organisation, ['organisations'], m, ['cso', 'organisation'], 'the CSO\'s organisation');
  }
  for (const o of register.organisations) yield* ref(o.parent, ['organisations'], o, ['parent'], `the parent of organisation \`${o.id}\``);
  for (const s of register.sites) {
    yield* ref(s.pcn, ['organisations'], s, ['pcn'], `the PCN of site \`${s.id}\``);
    yield* ref(s.subIcb, ['organisations'], s, ['subIcb'], `the sub-ICB location of site \`${s.id}\``);
    yield* ref(s.icb, ['organisations'], s, ['icb'], `the ICB of site \`${s.id}\``);
    yield* ref(s.region, ['organisations'], s, ['region'], `the region of site \`${s.id}\``);
    yield* ref(s.parent, ['sites'], s, ['parent'], `the main practice of site \`${s.id}\``);
    yield* ref(s.profile, ['profiles'], s, ['profile'], `the profile of site \`${s.id}\``);
    for (const service of Object.keys(s.routes ?? {})) yield* ref(service, ['services'], s, ['routes', service], `a route of site \`${s.id}\``);
  }
  for (const p of register.profiles) for (const service of Object.keys(p.routes)) yield* ref(service, ['services'], p, ['routes', service], `a route of profile \`${p.id}\``);
  for (const a of register.assets) {
    const from = { id: a.id, source: a.source };
    yield* ref(a.supplier, ['organisations'], from, ['supplier'], `the supplier of asset \`${a.id}\``);
    yield* ref(a.carrier, ['organisations'], from, ['carrier'], `the carrier of asset \`${a.id}\``);
    yield* ref(a.location, ['sites'], from, ['location'], `the location of asset \`${a.id}\``);
  }
  for (const h of register.hazards) {
    yield* refs(h.services, ['services'], h, ['services'], `a service of hazard \`${h.id}\``);
    for (const [i, c] of h.causes.entries()) yield* refs(c.assets, assetTargets, h, ['causes', i, 'assets'], `an asset of a cause of hazard \`${h.id}\``);
    yield* refs(h.existingControls, ['controls'], h, ['existingControls'], `an existing control of hazard \`${h.id}\``);
    yield* refs(h.additionalControls, ['controls'], h, ['additionalControls'], `an additional control of hazard \`${h.id}\``);
    yield* refs(h.sites, ['sites'], h, ['sites'], `a site of hazard \`${h.id}\``);
    if (h.transfer) {
      yield* ref(h.transfer.from, ['organisations'], h, ['transfer', 'from'], `the organisation hazard \`${h.id}\` was transferred from`);
      yield* refs(h.transfer.controls, ['controls'], h, ['transfer', 'controls'], `a transferred control of hazard \`${h.id}\``);
    }
  }
  for (const c of register.controls) yield* ref(c.transferredFrom, ['organisations'], c, ['transferredFrom'], `the organisation control \`${c.id}\` was transferred from`);
  for (const i of register.incidents) {
    yield* refs(i.assets, assetTargets, i, ['assets'], `an asset of incident \`${i.id}\``);
    yield* refs(i.sites, ['sites'], i, ['sites'], `a site of incident \`${i.id}\``);
    yield* refs(i.hazards, ['hazards'], i, ['hazards'], `a hazard of incident \`${i.id}\``);
  }
  for (const a of register.acceptances) {
    yield* ref(a.hazard, ['hazards'], a, ['hazard'], `the hazard of acceptance \`${a.id}\``);
    yield* ref(a.organisation, ['organisations'], a, ['organisation'], `the organisation of acceptance \`${a.id}\``);
  }
  for (const s of register.scenarios) yield* refs(s.assets, assetTargets, s, ['assets'], `an asset of scenario \`${s.id}\``);
}
