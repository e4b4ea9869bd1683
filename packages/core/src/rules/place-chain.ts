import { placesOf, tierOf, tierType, type PlaceTier } from '../analysis/places.js';
import type { Organisation } from '../model/organisation.js';
import { defineRule } from './rule.js';

/** A tier in a sentence, with its article. */
const tierWords: Record<PlaceTier, string> = { pcn: 'a PCN', subIcb: 'a sub-ICB location', icb: 'an ICB', region: 'an NHS England region' };
/** A tier as the subject of a sentence. */
const tierLabels: Record<PlaceTier, string> = { pcn: 'PCN', subIcb: 'Sub-ICB location', icb: 'ICB', region: 'Region' };
/** What each tier sits under, as `allowedParents` has it. */
const parentWords: Record<PlaceTier, string> = {
  pcn: 'its sub-ICB location, or straight under its ICB',
  subIcb: 'its ICB',
  icb: 'its NHS England region',
  region: 'no other place',
};
/** The site field that names a tier, as a sentence names the organisation it gives. */
const viaWords: Record<PlaceTier, string> = { pcn: 'its PCN', subIcb: 'its sub-ICB location', icb: 'its ICB', region: 'its region' };

const what = (o: Organisation) => {
  const tier = tierOf(o);
  return tier ? tierWords[tier] : `an organisation of type \`${o.type}\``;
};

export const placeChain = defineRule({
  code: 'CRR-E068',
  name: 'place-chain',
  severity: 'error',
  title: 'A practice or organisation is placed inconsistently in the region, ICB, sub-ICB, PCN chain',
  explanation:
    'Reach is counted by ICB and region, so every practice must sit in one chain: its PCN under its sub-ICB location (or straight under its ICB), the sub-ICB under its ICB, the ICB under its NHS England region. A `parent` of the wrong tier (a PCN under a region) breaks the chain; a site that declares `subIcb`, `icb` or `region` must name an organisation of that type, and agree with what its PCN already gives, or its patients would be counted in two places or in none.',
  *check({ register }) {
    const orgName = new Map<string, string>();
    for (const o of register.organisations) if (!orgName.has(o.id)) orgName.set(o.id, o.name);
    const named = (id: string) => `\`${id}\`${orgName.has(id) ? ` (${orgName.get(id)})` : ''}`;

    for (const p of placesOf(register).problems) {
      switch (p.kind) {
        case 'parent-tier': {
          const { organisation: o, parent } = p;
          const tier = tierOf(o)!;
          yield {
            at: o.source,
            below: ['parent'],
            record: o.id,
            message: `${tierLabels[tier]} \`${o.id}\` (${o.name}) sits under ${named(parent.id)}, ${what(parent)}, but ${tierWords[tier]} sits under ${parentWords[tier]}: the chain from its practices up to their ICB and region breaks here.`,
            hint: tier === 'region' ? 'Remove the `parent` of the region, or correct its `type`.' : `Point \`parent\` at ${parentWords[tier].replace(', or straight under', ' or')}, or correct the \`type\` of one of the two.`,
          };
          break;
        }
        case 'not-a-place': {
          const { site, field, target } = p;
          yield {
            at: site.source,
            below: [field],
            record: site.id,
            message: `Site \`${site.id}\` declares \`${field}: ${target.id}\`, ${what(target)}, not ${tierWords[field]}: its patients cannot be counted in their ${field === 'region' ? 'region' : field === 'icb' ? 'ICB' : 'sub-ICB location'}.`,
            hint: `Point \`${field}\` at an organisation of type \`${tierType[field]}\`, or remove it and let the PCN's chain give it.`,
          };
          break;
        }
        case 'conflict': {
          const { site, field, tier, declared, found, via } = p;
          const tierName = tier === 'region' ? 'region' : tier === 'icb' ? 'ICB' : tier === 'subIcb' ? 'sub-ICB location' : 'PCN';
          const said = field === tier ? `declares \`${field}: ${declared}\`` : `declares \`${field}: ${site[field]}\`, which is in ${named(declared)}`;
          yield {
            at: site.source,
            below: [field],
            record: site.id,
            message: `Site \`${site.id}\` ${said}, but ${viaWords[via]} \`${site[via]}\` is in ${named(found)}: the two disagree, so it is not known in which ${tierName} its patients count.`,
            hint: `Correct \`${field}\`, or remove it (${viaWords[via]} already gives the ${tierName}); if ${viaWords[via]} is in the wrong place, correct its \`parent\`.`,
          };
          break;
        }
      }
    }
  },
});

