import type { Need, Register, Source } from '../model/register.js';
import { hazardRisk } from '../risk/hazard-risk.js';

/**
 * The register as plain JSON for other tools: every record as written, plus what crr derives
 * (hazards' ratings, site-local assets, each site's routes with `$name` bound), and where each
 * record was written. Stable: fields are added, never renamed or removed, without a new
 * `schemaVersion`.
 */
export function registerExport(register: Register) {
  const where = (s: Source) => ({ file: s.file, line: s.line, column: s.column });
  const plain = <T extends { source: Source }>(r: T) => {
    const { source, ...rest } = r;
    return { ...rest, source: where(source) };
  };
  const need = (n: Need): unknown => {
    switch (n.kind) {
      case 'asset':
        return n.id;
      case 'unbound':
        return `$${n.name}`;
      case 'all':
        return { allOf: n.members.map(need), ...(n.name ? { name: n.name } : {}) };
      case 'any':
        return { anyOf: n.members.map(need), ...(n.name ? { name: n.name } : {}) };
      case 'atLeast':
        return { atLeast: n.k, of: n.members.map(need), ...(n.name ? { name: n.name } : {}) };
    }
  };
  return {
    schemaVersion: 1,
    register: register.manifest ? plain(register.manifest) : null,
    scheme: register.scheme,
    organisations: register.organisations.map(plain),
    services: register.services.map(plain),
    sites: register.sites.map(plain),
    profiles: register.profiles.map(plain),
    assets: register.assets.map(({ requires: _requires, ...a }) => plain(a)),
    hazards: register.hazards.map((h) => {
      const risk = hazardRisk(register.scheme, h);
      return { ...plain(h), initialRating: risk.initial?.rating ?? null, residualRating: risk.residual?.rating ?? null };
    }),
    controls: register.controls.map(plain),
    incidents: register.incidents.map(plain),
    acceptances: register.acceptances.map(plain),
    routes: register.routes.map((r) => ({ site: r.site, service: r.service, requires: r.requires.map(need) })),
  };
}
