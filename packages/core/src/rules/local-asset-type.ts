import { defineRule } from './rule.js';

export const localAssetType = defineRule({
  code: 'CRR-E057',
  name: 'local-asset-type',
  severity: 'error',
  title: 'A site-local asset has no type',
  explanation: 'A local asset a site adds without a profile template to inherit from must say what kind of asset it is, or no selector or report can place it.',
  *check({ register }) {
    const profiles = new Map(register.profiles.map((p) => [p.id, p] as const));
    for (const s of register.sites) {
      if (s.profile && register.unparsed.has(s.profile)) continue; // its templates are unknown
      const templates = s.profile ? profiles.get(s.profile)?.localAssets ?? {} : {};
      for (const [name, override] of Object.entries(s.localAssets ?? {})) {
        if (override.type !== undefined || templates[name]?.type !== undefined) continue;
        yield {
          at: s.source,
          below: ['localAssets', name],
          record: s.id,
          message: s.profile
            ? `Local asset \`${name}\` of site \`${s.id}\` has no \`type\`, and its profile \`${s.profile}\` has no template of that name to give it one.`
            : `Local asset \`${name}\` of site \`${s.id}\` has no \`type\`, and the site has no profile to give it one.`,
          hint: 'Add `type:` (firewall, network-link, …), or check the spelling of the name against the profile\'s `localAssets`.',
        };
      }
    }
  },
});
