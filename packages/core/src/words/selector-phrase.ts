/**
 * A selector as an English noun phrase, for hazard causes and scenario titles: "the firewall at
 * Barrowfield Surgery", "every firewall running ASA 9.16", "every VPN concentrator in NHS Kent and
 * Medway ICB". A reviewer reads what fails, not `type=firewall, site=Y90208`. Pure: the register's
 * names come in as a lookup, so the phrase is the same wherever it is made.
 */
import type { Selector } from '../model/selector.js';

/** The register's name for an id or ODS code (a site, an organisation, a place, an asset), if it has one. */
export type NameOf = (idOrCode: string) => string | undefined;

/** Each asset type as a noun in a sentence (singular). */
export const ASSET_TYPE_WORDS: Record<string, string> = {
  firewall: 'firewall',
  'network-link': 'network link',
  'vpn-concentrator': 'VPN concentrator',
  router: 'router',
  switch: 'switch',
  'data-centre-service': 'data centre service',
  'internet-breakout': 'internet breakout',
  dns: 'DNS service',
  identity: 'identity service',
  'clinical-system': 'clinical system',
  telephony: 'telephony service',
  power: 'power supply',
  other: 'asset',
};

const PLACE_WORDS: Record<string, string> = { pcn: 'PCN', subIcb: 'sub-ICB location', icb: 'ICB', region: 'NHS England region' };

/** A pattern as read: `MX 18.*` → "MX 18.x", `fw-*` → "fw-…"; a literal stays as it is. */
export function patternWords(pattern: string): string {
  return pattern.replace(/\.\*$/, '.x').replace(/\*/g, '…');
}

const isLiteral = (p: string) => !p.includes('*');

/** A record named by a literal id: its name where the register has one, else the id. */
function named(value: string, nameOf: NameOf): string {
  return isLiteral(value) ? (nameOf(value) ?? value) : patternWords(value);
}

/** "in NHS Kent and Medway ICB", or, for a code the register does not name, "in ICB QKS"; a pattern: "in any ICB matching Q…". */
function placeWords(key: string, value: string, nameOf: NameOf): string {
  const tier = PLACE_WORDS[key] ?? key;
  if (!isLiteral(value)) return `in any ${tier} matching ${patternWords(value)}`;
  const name = nameOf(value);
  return name ? `in ${name}` : `in ${tier} ${value}`;
}

/**
 * The phrase for what a selector picks. Singular throughout ("every firewall …", "the firewall
 * at …"), so a title can say "What if every firewall running ASA 9.16 fails?". Keys are read in
 * one fixed order whatever order they were written in. A selector of one literal `id` is that
 * asset's name.
 */
export function selectorPhrase(selector: Selector, nameOf: NameOf = () => undefined): string {
  const s = selector as Record<string, unknown>;
  const str = (k: string) => (typeof s[k] === 'string' ? (s[k] as string) : undefined);
  const keys = Object.keys(s).filter((k) => s[k] !== undefined);
  const id = str('id');
  if (id !== undefined && isLiteral(id) && keys.length === 1) return nameOf(id) ?? `the asset ${id}`;

  const type = str('type');
  const noun = type === undefined ? 'asset' : isLiteral(type) ? (ASSET_TYPE_WORDS[type] ?? type.replace(/-/g, ' ')) : `asset of a type matching ${patternWords(type)}`;
  const vendor = str('vendor');
  const model = str('model');
  // Maker and model read before the noun ("Cisco Meraki MX68 firewall") when they are literal.
  const before = [vendor, model].filter((v): v is string => v !== undefined && isLiteral(v));
  const after: string[] = [];
  if (vendor !== undefined && !isLiteral(vendor)) after.push(`made by ${patternWords(vendor)}`);
  if (model !== undefined && !isLiteral(model)) after.push(`of a model matching ${patternWords(model)}`);
  if (id !== undefined) after.push(isLiteral(id) ? `named ${nameOf(id) ?? id}` : `with an id matching ${patternWords(id)}`);
  const site = str('site');
  if (site !== undefined) after.push(isLiteral(site) ? `at ${named(site, nameOf)}` : `at any site matching ${patternWords(site)}`);
  const location = str('location');
  if (location !== undefined) after.push(`hosted at ${isLiteral(location) ? named(location, nameOf) : `any site matching ${patternWords(location)}`}`);
  for (const key of ['pcn', 'subIcb', 'icb', 'region']) {
    const v = str(key);
    if (v !== undefined) after.push(placeWords(key, v, nameOf));
  }
  const software = str('software');
  if (software !== undefined) after.push(`running ${patternWords(software)}`);
  const supplier = str('supplier');
  if (supplier !== undefined) after.push(`supplied by ${named(supplier, nameOf)}`);
  const carrier = str('carrier');
  if (carrier !== undefined) after.push(`carried by ${named(carrier, nameOf)}`);
  const network = str('network');
  if (network !== undefined) after.push(`on the ${patternWords(network)} network`);
  const managedBy = str('managedBy');
  if (managedBy !== undefined) after.push(`managed through ${patternWords(managedBy)}`);
  const attributes = s.attributes;
  if (attributes && typeof attributes === 'object') {
    const parts = Object.entries(attributes as Record<string, unknown>)
      .filter((e): e is [string, string] => typeof e[1] === 'string')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${k.replace(/-/g, ' ')} ${isLiteral(v) ? 'is' : 'matches'} ${patternWords(v)}`);
    if (parts.length) after.push(`whose ${parts.join(' and whose ')}`);
  }

  // One site named and nothing but a type beside it: that site's own asset ("the firewall at …").
  const onlySite = site !== undefined && isLiteral(site) && keys.every((k) => k === 'site' || k === 'type');
  return [onlySite ? 'the' : 'every', ...before, noun, ...after].join(' ');
}
