import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { Source } from '../model/register.js';
import { limitedThrough, someOf } from './limited-through.js';
import { defineRule } from './rule.js';

const sorted = (xs: Iterable<string>) => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const units = (us: readonly string[]) => someOf(us, 6).replace(/ and (?=`[^`]*`$)/, ' or ');

/** Demand written in one place (a profile, or a site's own) that no capacity on the routes of the sites using it counts. */
interface Unchecked {
  at: Source;
  record: string;
  kind: 'profile' | 'site';
  /** Units given there that no asset on the routes limits. */
  units: Set<string>;
  /** The sites whose demand it is, and the units the assets on their routes do limit. */
  sites: string[];
  limitedUnits: Set<string>;
}

export const demandUnlimited = defineRule({
  code: 'CRR-W066',
  name: 'demand-unlimited',
  severity: 'warning',
  title: 'Demand given in a unit that no capacity on the site\'s routes counts',
  explanation:
    'A site\'s peak `demand` (its own, or its profile\'s) is counted only against the capacities of the assets its routes pass through, and only in the unit each capacity counts. Demand in a unit that no asset on any of the site\'s routes limits (say `mbps`, when only `tunnels` are limited) is never checked: an overload in that unit goes unseen. Demand in a unit that some asset on the route limits is fine, even if other assets limit other units. A site whose routes pass through a capacity counted in a unit its demand does not give is reported by CRR-E061 instead (often the same misspelt unit). Reported once per profile when the demand comes from a profile. Give the asset that carries the traffic a capacity in that unit, or drop the unit from the demand.',
  *check({ register }) {
    const { limited, sites } = limitedThrough(register);
    const profiles = new Map(register.profiles.map((p) => [p.id, p] as const));
    const found = new Map<string, Unchecked>(); // `profile:<id>` or `site:<id>`
    for (const s of sites) {
      if (!s.routed) continue; // site-without-route (CRR-W050) reports a site with no route
      const given = Object.keys(s.demand);
      if (given.length === 0) continue;
      const limitedUnits = new Set<string>();
      for (const a of s.through) limitedUnits.add(limited.get(a)!.capacity!.unit);
      // A capacity on the route in a unit this demand does not give is CRR-E061's finding: one problem, one report.
      if ([...limitedUnits].some((u) => !Object.hasOwn(s.demand, u))) continue;
      for (const unit of given) {
        if (limitedUnits.has(unit)) continue;
        const own = s.site.demand !== undefined && Object.hasOwn(s.site.demand, unit);
        const profile = own || !s.site.profile ? undefined : profiles.get(s.site.profile);
        const key = profile ? `profile:${profile.id}` : `site:${s.site.id}`;
        let u = found.get(key);
        if (!u) {
          u = profile
            ? { at: profile.source, record: profile.id, kind: 'profile', units: new Set(), sites: [], limitedUnits: new Set() }
            : { at: s.site.source, record: s.site.id, kind: 'site', units: new Set(), sites: [], limitedUnits: new Set() };
          found.set(key, u);
        }
        u.units.add(unit);
        if (u.sites.at(-1) !== s.site.id) u.sites.push(s.site.id);
        for (const l of limitedUnits) u.limitedUnits.add(l);
      }
    }
    for (const u of found.values()) {
      const unitList = sorted(u.units);
      const limitedList = sorted(u.limitedUnits);
      const siteList = sorted(u.sites);
      const gives = `${u.kind === 'profile' ? 'Profile' : 'Site'} \`${u.record}\` gives peak demand in ${units(unitList)}`;
      const whose =
        u.kind === 'site'
          ? 'its routes'
          : `the routes of ${siteList.length === 1 ? `its site \`${siteList[0]}\`` : `its ${siteList.length} sites (${someOf(siteList)})`}`;
      const limits = limitedList.length
        ? `; the capacities there count only ${units(limitedList)}`
        : '; no asset there declares a capacity';
      const guess = limitedList.length ? unitList.map((x) => [x, didYouMean(x, limitedList)] as const).find(([, g]) => g !== undefined) : undefined;
      yield {
        at: u.at,
        below: ['demand', unitList[0]!],
        atKey: true,
        record: u.record,
        message: `${gives}, but no asset on ${whose} limits ${unitList.length === 1 ? 'that unit' : 'those units'}${limits}. So that demand is never checked against any limit, and an overload in ${unitList.length === 1 ? 'it' : 'them'} goes unseen.`,
        hint: guess
          ? `Did you mean \`${guess[1]}\`? Correct the demand's unit, or give the asset that carries this traffic a \`capacity\` in \`${guess[0]}\`.`
          : `Give the asset that carries this traffic a \`capacity\` in ${units(unitList)}, or drop ${unitList.length === 1 ? 'that unit' : 'those units'} from the demand.`,
      };
    }
  },
});
