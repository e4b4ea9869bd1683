/** The register's names, as the lookup `selectorPhrase` takes: an id or ODS code → the name people use. */
import type { Register } from '../model/register.js';
import type { NameOf } from './selector-phrase.js';

const cache = new WeakMap<Register, NameOf>();

/**
 * Sites, organisations (by id and by ODS code), services and assets, first declaration first (as CRR-E001
 * reads a repeated id). Built once per register: a national register has thousands of causes.
 */
export function registerNames(register: Register): NameOf {
  let found = cache.get(register);
  if (!found) {
    const names = new Map<string, string>();
    const add = (key: string | undefined, name: string | undefined) => {
      if (key !== undefined && name && !names.has(key)) names.set(key, name);
    };
    for (const s of register.sites) add(s.id, s.name);
    for (const o of register.organisations) add(o.id, o.name);
    for (const o of register.organisations) add(o.ods, o.name);
    for (const s of register.services) add(s.id, s.name);
    for (const a of register.assets) add(a.id, a.name);
    found = (id) => names.get(id);
    cache.set(register, found);
  }
  return found;
}
