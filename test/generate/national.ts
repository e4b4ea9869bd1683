/**
 * The national register: every active GP practice in England, with its real ODS code, name,
 * postcode, PCN, sub-ICB location, ICB, region and list size, from `../shared/data/ods-england`
 * (see ods.ts); the infrastructure, profiles and hazard log around them are synthetic but shaped
 * per ICB as a national register would be: each ICB has its own two data-centre halls, its own
 * concentrator pairs (in some ICBs the A side of pair 01 is undersized: an N-1 shortfall), its
 * own DNS and directory, one firewall vendor with two software trains, an HSCN carrier and a
 * broadband carrier, two or three practice profiles and a handful of hazards naming its own
 * concentrators. One folder per ICB (`icbs/<code>/`: organisations, infrastructure, profiles,
 * sites, controls, hazards) and a few national files. Deterministic: the same options give the
 * same bytes.
 *
 * Region organisations are of type `region` when the schema has it, otherwise `other`; either
 * way an ICB's `parent` is its region, so every practice's chain is PCN → sub-ICB → ICB → region.
 */
import { Organisation } from '@crr/core';
import { AS_OF, listSize, SERVICES } from './generate-register.js';
import { ODS_ATTRIBUTION, readOdsEngland, type OdsEngland, type OdsPractice } from './ods.js';
import { Rng } from './random.js';
import { flow, yamlDocument } from './yaml-writer.js';

export interface NationalOptions {
  seed?: number;
  /** Only these ICBs (codes), or the first N ICBs in code order: a smaller register for tests. */
  icbs?: number | readonly string[];
  /** The ODS data (read from ../shared/data/ods-england when not given). */
  ods?: OdsEngland;
}

export interface NationalRegister {
  /** Relative path → YAML text. */
  files: Record<string, string>;
  practices: number;
  icbs: string[];
  /** ICBs whose concentrator pair 01 cannot carry the pair on its A side alone. */
  shortfallIcbs: string[];
  /** A concentrator of one ICB to fail in `crr what-if`: the preferred (B) side of a short pair. */
  whatIfAsset: string;
  /** Relative path of a hazards file, for a diff to change. */
  hazardsFile: string;
  /** What the importer did with the untidy rows, as sentences. */
  notes: string[];
}

// ---------------------------------------------------------------------------------------------
// Per-ICB choices.

interface Vendor {
  vendor: string;
  models: readonly [string, string];
  managedBy: string;
  /**
   * An on-premises management plane (FortiManager, Panorama) is one per ICB, run by its CSU, and
   * named after it (`QKS FortiManager`); only a vendor cloud (Meraki dashboard) is one plane for
   * the whole country, so only there does a management-plane common cause cross ICBs.
   */
  planePerIcb: boolean;
  /** Software versions, one per train; a train's selector pattern is the version cut at its minor number. */
  trains: readonly string[];
}
const VENDORS: readonly Vendor[] = [
  { vendor: 'Fortinet', models: ['FortiGate 60F', 'FortiGate 100F'], managedBy: 'FortiManager', planePerIcb: true, trains: ['FortiOS 7.0.15', 'FortiOS 7.2.10', 'FortiOS 7.4.7'] },
  { vendor: 'Cisco Meraki', models: ['MX68', 'MX85'], managedBy: 'Meraki dashboard', planePerIcb: false, trains: ['MX 18.107.12', 'MX 18.211.4', 'MX 19.1.7'] },
  { vendor: 'Palo Alto Networks', models: ['PA-440', 'PA-460'], managedBy: 'Panorama', planePerIcb: true, trains: ['PAN-OS 10.2.13', 'PAN-OS 11.1.6'] },
];
/** `FortiOS 7.2.10` → `FortiOS 7.2*`, `MX 18.107.12` → `MX 18.107*`: the train's selector. */
export const trainPattern = (software: string) => `${software.replace(/^(.*? \d+\.\d+).*$/, '$1')}*`;

const CARRIERS = [
  { id: 'org-carrier-northern', name: 'Northern Fibre Networks' },
  { id: 'org-carrier-pennine', name: 'Pennine Telecom' },
  { id: 'org-carrier-midland', name: 'Midland Data Networks' },
  { id: 'org-carrier-eastern', name: 'Eastern Counties Broadband' },
  { id: 'org-carrier-capital', name: 'Capital Connect' },
  { id: 'org-carrier-southern', name: 'Southern Fibre Networks' },
  { id: 'org-carrier-downland', name: 'Downland Broadband' },
  { id: 'org-carrier-western', name: 'Western Links' },
] as const;

/** Commissioning support units by NHS England region: each runs its ICBs' concentrators. */
const CSUS: Record<string, { id: string; name: string }> = {
  Y63: { id: 'org-csu-north', name: 'North of England Commissioning Support' },
  Y62: { id: 'org-csu-north', name: 'North of England Commissioning Support' },
  Y60: { id: 'org-csu-midlands', name: 'Midlands Commissioning Support' },
  Y61: { id: 'org-csu-east', name: 'East and London Commissioning Support' },
  Y56: { id: 'org-csu-east', name: 'East and London Commissioning Support' },
  Y59: { id: 'org-csu-south', name: 'South Commissioning Support' },
  Y58: { id: 'org-csu-south', name: 'South Commissioning Support' },
};
const csuOf = (region: string) => CSUS[region] ?? { id: 'org-csu-other', name: 'Commissioning support' };

/** About 120 practices per concentrator pair: an ICB of 51 has one pair, one of 409 has four. */
const PRACTICES_PER_PAIR = 120;
const pad = (n: number) => String(n).padStart(2, '0');
const titleCase = (s: string) => s.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase());

interface Icb {
  code: string;
  slug: string;
  name: string;
  region: string;
  practices: OdsPractice[];
  pairs: number;
  shortfall: boolean;
  vendor: Vendor;
  trainA: string;
  trainB: string;
  carrier: (typeof CARRIERS)[number];
  broadbandCarrier: (typeof CARRIERS)[number];
  emisShare: number;
  broadbandProfile: boolean;
  halls: [string, string];
}

const LIKELIHOODS = ['very low', 'low', 'medium', 'high', 'very high'] as const;
const SEVERITIES = ['minor', 'significant', 'considerable', 'major', 'catastrophic'] as const;
const MATRIX = [
  [1, 1, 2, 2, 3],
  [1, 2, 2, 3, 4],
  [2, 2, 3, 3, 4],
  [2, 3, 3, 4, 5],
  [3, 4, 4, 5, 5],
] as const;
const clinical = ['patient-record', 'prescribing', 'document-workflow'];
const OWNERS = ['CSU network team', 'ICB digital team', 'CSU service desk', 'ICB primary care team'];
const EFFECTS = [
  'Consultations without the medical history',
  'Prescribing without a medication history',
  'Repeat prescriptions delayed',
  'Test results not seen by the requesting clinician',
  'Patients unable to contact the practice',
];
const HARMS = ['Adverse drug event', 'Delayed diagnosis', 'Delayed treatment', 'Deterioration not recognised'];
const JUSTIFICATIONS = [
  'Further reduction needs a third data hall; disproportionate to the residual risk.',
  'A diverse second circuit at every practice would cost more than the reduction it brings.',
  'Local business continuity plans and paper downtime procedures cover the residual risk.',
];

const DAY = 86_400_000;
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

/** A hazard's dates and risk: residual rated 1 to 3 (justified when 2 or 3), reviewed this year. */
function assessment(rng: Rng) {
  const rl = rng.int(0, 2);
  const rs = rng.int(0, 3);
  const residual = MATRIX[rl]![rs]!;
  const il = Math.min(4, rl + rng.int(0, 2));
  const is = Math.min(4, rs + (rng.chance(0.3) ? 1 : 0));
  const raised = rng.int(dayOf('2023-01-09'), dayOf('2026-06-30'));
  return {
    reduced: il !== rl || is !== rs,
    effects: rng.sample(EFFECTS, rng.int(1, 3)),
    harms: rng.sample(HARMS, rng.int(1, 2)),
    initialRisk: flow({ severity: SEVERITIES[is], likelihood: LIKELIHOODS[il] }),
    residualRisk: flow({ severity: SEVERITIES[rs], likelihood: LIKELIHOODS[rl] }),
    justification: residual >= 2 ? rng.pick(JUSTIFICATIONS) : undefined,
    status: 'open',
    owner: rng.pick(OWNERS),
    raised: isoOf(raised),
    reviewed: isoOf(rng.int(Math.max(raised, dayOf('2025-12-01')), dayOf('2026-11-15'))),
  };
}

/**
 * The controls every ICB and the nation has: a verified failover test, a business continuity plan,
 * N-1 capacity in place and a diverse line still proposed. A hazard whose residual is below its
 * initial names only controls in place as additional (CRR-W070); the proposed line goes to the
 * others.
 */
function controlsFor(rng: Rng, prefix: string, scope: string): unknown[] {
  const tested = rng.int(dayOf('2025-12-01'), dayOf('2026-11-15'));
  return [
    {
      id: `${prefix}-CTL-01`,
      title: `Annual failover test of the concentrators and data halls (${scope})`,
      kind: 'test',
      status: 'verified',
      owner: 'CSU network team',
      evidence: [flow({ description: 'Test report', date: isoOf(tested), expires: isoOf(tested + 365), reference: `CHG-${rng.int(10000, 29999)}` })],
    },
    { id: `${prefix}-CTL-02`, title: `Practice business continuity plans (${scope})`, kind: 'business-process', status: 'implemented', owner: 'ICB primary care team' },
    { id: `${prefix}-CTL-03`, title: `Concentrator capacity sized for N-1 at the morning peak (${scope})`, kind: 'design', status: 'implemented', owner: 'CSU network team' },
    { id: `${prefix}-CTL-04`, title: `Diverse broadband line as a backup path (${scope})`, kind: 'design', status: 'proposed', owner: 'ICB digital team' },
  ];
}

// ---------------------------------------------------------------------------------------------

/** Generate the national register (or the ICBs asked for) from the ODS files. */
export function generateNational(options: NationalOptions = {}): NationalRegister {
  const seed = options.seed ?? 1;
  const ods = options.ods ?? readOdsEngland();
  const allIcbs = [...new Set(ods.practices.map((p) => p.icb))].sort();
  const wanted = options.icbs === undefined ? allIcbs : typeof options.icbs === 'number' ? allIcbs.slice(0, options.icbs) : [...options.icbs].sort();
  for (const code of wanted) if (!allIcbs.includes(code)) throw new Error(`no active practices in ICB ${code}; the ICBs are ${allIcbs.join(', ')}`);
  if (wanted.length === 0) throw new Error('at least one ICB');
  const regionType = Organisation.safeParse({ id: 'x', type: 'region', name: 'x' }).success ? 'region' : 'other';

  const practices = ods.practices.filter((p) => wanted.includes(p.icb));
  const header = [
    `National register generated by test/generate/national.ts (seed ${seed}${options.icbs === undefined ? '' : `, ICBs ${wanted.join(' ')}`}).`,
    'Practice ODS codes, names, postcodes, PCNs, sub-ICB locations, ICBs, regions and list sizes are real, from',
    '../shared/data/ods-england (epraccur April 2025, PCN map January 2022, list sizes January 2021);',
    'the infrastructure, profiles and hazard log are synthetic.',
    ODS_ATTRIBUTION,
  ].join('\n');
  const files: Record<string, string> = {};

  // --- ICBs and their choices, each from its own random stream.
  const icbs: Icb[] = wanted.map((code) => {
    const rng = Rng.stream(seed, `icb:${code}`);
    const members = practices.filter((p) => p.icb === code);
    const vendor = rng.pick(VENDORS);
    const [trainA, trainB] = rng.sample(vendor.trains, 2) as [string, string];
    const [carrier, broadbandCarrier] = rng.sample(CARRIERS, 2) as [(typeof CARRIERS)[number], (typeof CARRIERS)[number]];
    const towns = new Map<string, number>();
    for (const p of members) if (p.town) towns.set(p.town, (towns.get(p.town) ?? 0) + 1);
    const ranked = [...towns].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([t]) => titleCase(t));
    return {
      code,
      slug: code.toLowerCase(),
      name: `${ods.icbNames.get(code) ?? code} ICB`,
      region: members[0]!.region,
      practices: members,
      pairs: Math.max(1, Math.round(members.length / PRACTICES_PER_PAIR)),
      shortfall: rng.chance(0.35),
      vendor,
      trainA,
      trainB,
      carrier,
      broadbandCarrier,
      emisShare: 0.3 + 0.6 * rng.next(),
      broadbandProfile: rng.chance(0.85),
      halls: [ranked[0] ?? code, ranked[1] ?? `${ranked[0] ?? code} North`],
    };
  });

  // --- The manifest and the national organisations, services and infrastructure.
  files['register.yaml'] = yamlDocument(
    {
      register: {
        id: 'national-gp-it',
        title: 'National GP IT infrastructure hazard log (generated)',
        version: '1.0.0',
        organisation: 'org-nhse',
        scope: 'Network, hosting and telephony infrastructure under GP clinical systems in England',
        lifecyclePhase: 'live service and maintenance',
        cso: { name: 'Dr Asha Patel', registration: flow({ body: 'GMC', number: '7012345' }), organisation: 'org-nhse', email: 'cso@national-gp-it.nhs.uk' },
        approved: '2026-10-01',
        reviewPolicy: { hazardReviewMonths: 12 },
      },
    },
    `${header}\n\nImported: ${importNotes(practices).join(' ')}`,
  );

  const regions = [...new Set(icbs.map((i) => i.region))].sort();
  const usedCarriers = CARRIERS.filter((c) => icbs.some((i) => i.carrier === c || i.broadbandCarrier === c));
  const usedCsus = [...new Map(icbs.map((i) => [csuOf(i.region).id, csuOf(i.region)])).values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  files['organisations.yaml'] = yamlDocument(
    {
      organisations: [
        flow({ id: 'org-nhse', type: 'other', name: 'NHS England' }),
        ...regions.map((r) => flow({ id: `org-region-${r.toLowerCase()}`, type: regionType, name: `NHS England ${ods.regionNames.get(r) ?? r}`, ods: r })),
        ...usedCsus.map((c) => flow({ id: c.id, type: 'csu', name: c.name })),
        ...usedCarriers.map((c) => flow({ id: c.id, type: 'carrier', name: c.name })),
        ...VENDORS.filter((v) => icbs.some((i) => i.vendor === v)).map((v) => flow({ id: `org-${v.vendor.toLowerCase().replace(/ /g, '-')}`, type: 'manufacturer', name: v.vendor })),
        flow({ id: 'org-emis', type: 'manufacturer', name: 'EMIS Health', safetyCase: 'EMIS Web CSCR v12.3' }),
        flow({ id: 'org-tpp', type: 'manufacturer', name: 'TPP', safetyCase: 'SystmOne CSCR v8.1' }),
      ],
    },
    header,
  );
  files['services.yaml'] = yamlDocument(
    {
      services: SERVICES.map((service) => flow({ ...service })),
    },
    header,
  );
  files['infrastructure.yaml'] = yamlDocument(
    {
      assets: [
        { id: 'emis-web', type: 'clinical-system', name: 'EMIS Web', supplier: 'org-emis', vendor: 'EMIS Health', model: 'EMIS Web', managedBy: 'EMIS hosted service' },
        { id: 'systmone', type: 'clinical-system', name: 'SystmOne', supplier: 'org-tpp', vendor: 'TPP', model: 'SystmOne', managedBy: 'TPP hosted service' },
        { id: 'docman', type: 'clinical-system', name: 'Docman document workflow', vendor: 'Docman', model: 'Docman 10', managedBy: 'Docman cloud' },
        { id: 'oc-platform', type: 'other', name: 'Online consultation platform', vendor: 'Consult Online', managedBy: 'Consult Online cloud', network: 'internet' },
        { id: 'cloud-telephony', type: 'telephony', name: 'Cloud telephony platform', vendor: 'CloudVoice', model: 'Hosted PBX', managedBy: 'CloudVoice portal', network: 'internet' },
        { id: 'spine-eps', type: 'other', name: 'NHS Spine Electronic Prescription Service', vendor: 'NHS England', network: 'HSCN' },
      ],
    },
    header,
  );

  // --- Per ICB.
  const national = Rng.stream(seed, 'national');
  const hazardsFile = `icbs/${icbs[0]!.slug}/hazards.yaml`;
  for (const icb of icbs) writeIcb(files, icb, ods, seed, header);

  // --- National controls and hazards: the hosted clinical systems and national services.
  files['controls.yaml'] = yamlDocument({ controls: controlsFor(national, 'NAT', 'national') }, header);
  const nationalHazards: [string, string, string[], string[]][] = [
    ['EMIS Web is unavailable to practices', 'Hosted service outage at the manufacturer.', ['emis-web'], ['patient-record', 'prescribing']],
    ['SystmOne is unavailable to practices', 'Hosted service outage at the manufacturer.', ['systmone'], ['patient-record', 'prescribing']],
    ['Prescriptions cannot be sent electronically to community pharmacies', 'National EPS outage.', ['spine-eps'], ['prescribing']],
    ['Incoming clinical correspondence is not filed or actioned', 'Document workflow service outage.', ['docman'], ['document-workflow']],
    ['Online consultation requests are lost or not seen in time', 'Online consultation platform outage.', ['oc-platform'], ['online-consultation']],
    ['Patients cannot reach their practice by telephone', 'Cloud telephony platform outage.', ['cloud-telephony'], ['telephony']],
  ];
  files['hazards.yaml'] = yamlDocument(
    {
      hazards: nationalHazards.map(([title, cause, assets, services], k) => {
        const { reduced, ...assessed } = assessment(national);
        return {
          id: `NAT-HAZ-${pad(k + 1)}`,
          title,
          description: `${title}; practices work from paper and downtime procedures.`,
          services,
          causes: [{ description: cause, assets }],
          existingControls: ['NAT-CTL-01', 'NAT-CTL-02'],
          additionalControls: reduced ? ['NAT-CTL-03'] : undefined,
          ...assessed,
        };
      }),
    },
    header,
  );

  // --- Four national scenarios (a scenario per ICB would be 42 evaluations), one scoped to an ICB by place.
  const short = icbs.find((i) => i.shortfall) ?? icbs[0]!;
  const whatIfAsset = `${short.slug}-vpn-01b`;
  const train = trainPattern(icbs[0]!.trainA);
  files['scenarios.yaml'] = yamlDocument(
    {
      scenarios: [
        {
          id: `${short.slug}-vpn-01b-maintenance`,
          title: `Planned maintenance of ${short.code} VPN concentrator 01B`,
          reason: `Quarterly firmware upgrade: the practices of ${short.name} that prefer 01B fail over to 01A while it is out.`,
          assets: [whatIfAsset],
          tolerance: flow({ sitesCut: 0, overloads: 0 }),
        },
        {
          id: `${short.slug}-concentrator-config-push`,
          title: `A bad configuration pushed to every ${short.code} VPN concentrator at once`,
          reason: `One change from the CSU reaches every concentrator in ${short.name}'s data halls; no other ICB's, and nothing national.`,
          select: flow({ icb: short.code, type: 'vpn-concentrator' }),
        },
        {
          id: 'firewall-train-defect',
          title: `A defect in ${train.slice(0, -1)} drops tunnels on every firewall running it`,
          reason: 'One firmware defect across every practice firewall on the same train, in every ICB that runs it.',
          select: flow({ vendor: icbs[0]!.vendor.vendor, software: train }),
          tolerance: flow({ overloads: 0 }),
        },
        {
          id: 'carrier-core-outage',
          title: `${icbs[0]!.carrier.name} core outage`,
          reason: 'A carrier core failure takes the HSCN circuits of every ICB on that carrier at once.',
          select: flow({ carrier: icbs[0]!.carrier.id }),
          tolerance: flow({ overloads: 0 }),
        },
      ],
    },
    header,
  );

  const sorted: Record<string, string> = {};
  for (const path of Object.keys(files).sort()) sorted[path] = files[path]!;
  return {
    files: sorted,
    practices: practices.length,
    icbs: icbs.map((i) => i.code),
    shortfallIcbs: icbs.filter((i) => i.shortfall).map((i) => i.code),
    whatIfAsset,
    hazardsFile,
    notes: importNotes(practices),
  };
}

/** What the importer did with the untidy rows of the ODS files, for the manifest's comment and the CLI. */
function importNotes(practices: readonly OdsPractice[]): string[] {
  const count = (test: (p: OdsPractice) => boolean) => practices.filter(test).length;
  return [
    `${practices.length} active GP practices (status A, prescribing setting 4, England).`,
    `${count((p) => p.noPcn === 'unmapped')} with no PCN in the January 2022 map (or filed there as Unallocated) and ` +
      `${count((p) => p.noPcn === 'moved')} whose PCN is now mostly in another ICB are in their ICB's "not in the 2022 PCN map" PCN.`,
    `${count((p) => p.listSize === undefined)} with no published list size were given a plausible one, drawn from the practice code.`,
  ];
}

/** One ICB's folder: its places, infrastructure, profiles, practices, controls and hazards. */
function writeIcb(files: Record<string, string>, icb: Icb, ods: OdsEngland, seed: number, header: string): void {
  const { slug, code } = icb;
  const rng = Rng.stream(seed, `icb-records:${code}`);
  const icbHeader = `${icb.name} (${code}): ${icb.practices.length} practices.\n${header}`;
  const csu = csuOf(icb.region).id;

  // --- Places: the ICB under its region, sub-ICB locations, PCNs (and one for unmapped practices).
  const orgId = `org-icb-${slug}`;
  const subIcbs = [...new Set(icb.practices.map((p) => p.subIcb))].sort();
  const pcns = new Map<string, OdsPractice[]>();
  for (const p of icb.practices) {
    const key = p.pcn ?? '';
    pcns.set(key, [...(pcns.get(key) ?? []), p]);
  }
  const pcnId = (pcn: string) => (pcn ? `pcn-${pcn.toLowerCase()}` : `pcn-${slug}-unmapped`);
  const subIcbOf = (members: OdsPractice[]) => {
    const counts = new Map<string, number>();
    for (const p of members) counts.set(p.subIcb, (counts.get(p.subIcb) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
  };
  const subIcbName = (s: string) => {
    const ccg = ods.subIcbNames.get(s);
    return ccg ? `${ccg.replace(/ CCG$/, '')} sub-ICB location` : `Sub-ICB location ${s}`;
  };
  files[`icbs/${slug}/organisations.yaml`] = yamlDocument(
    {
      organisations: [
        flow({ id: orgId, type: 'icb', name: icb.name, ods: code, parent: `org-region-${icb.region.toLowerCase()}` }),
        ...subIcbs.map((s) => flow({ id: `org-sub-icb-${s.toLowerCase()}`, type: 'sub-icb', name: subIcbName(s), ods: s, parent: orgId })),
        ...[...pcns.keys()].sort().map((pcn) =>
          pcn
            ? flow({ id: pcnId(pcn), type: 'pcn', name: ods.pcnNames.get(pcn) ?? pcn, ods: pcn, parent: `org-sub-icb-${subIcbOf(pcns.get(pcn)!).toLowerCase()}` })
            : flow({ id: pcnId(pcn), type: 'pcn', name: `${code} practices not in the 2022 PCN map`, parent: orgId }),
        ),
      ],
    },
    icbHeader,
  );

  // --- Infrastructure: two data halls, their power and core, concentrator pairs, DNS, directory.
  const halls = (['a', 'b'] as const).map((side, k) => ({ id: `${slug}-dc-${side}`, side, town: icb.halls[k]! }));
  const vpn = (pair: number, side: 'a' | 'b') => `${slug}-vpn-${pad(pair)}${side}`;
  const pairGroup = (pair: number) => flow({ anyOf: [vpn(pair, 'b'), vpn(pair, 'a')], name: `${code} VPN concentrator pair ${pad(pair)}` });
  const pairOf = (index: number) => Math.min(icb.pairs, Math.floor((index * icb.pairs) / icb.practices.length) + 1);
  const pairSize = (pair: number) => icb.practices.filter((_, i) => pairOf(i) === pair).length;
  const assets: unknown[] = [];
  for (const hall of halls)
    assets.push(
      { id: `${hall.id}-power`, type: 'power', name: `${code} ${hall.town} data hall power and UPS`, supplier: csu, location: hall.id },
      { id: `${hall.id}-core`, type: 'data-centre-service', name: `${code} ${hall.town} data hall core network`, supplier: csu, vendor: 'Cisco', model: 'Nexus 9300', software: 'NX-OS 10.2(5)', location: hall.id, needs: [`${hall.id}-power`] },
    );
  for (let pair = 1; pair <= icb.pairs; pair++) {
    const limit = Math.max(100, Math.ceil((pairSize(pair) * 1.25) / 50) * 50);
    // In the ICBs drawn short, the original A of pair 01 was bought for a smaller estate.
    const undersized = icb.shortfall && pair === 1 ? Math.max(10, Math.floor((pairSize(pair) * 0.7) / 10) * 10) : limit;
    for (const hall of halls)
      assets.push({
        id: vpn(pair, hall.side),
        type: 'vpn-concentrator',
        name: `${code} VPN concentrator ${pad(pair)}${hall.side.toUpperCase()}`,
        supplier: csu,
        vendor: 'Cisco',
        model: 'ASA 5555',
        software: hall.side === 'a' ? '9.16.4' : '9.18.3',
        location: hall.id,
        capacity: flow({ limit: hall.side === 'a' ? undersized : limit, unit: 'tunnels' }),
        needs: [`${hall.id}-core`],
      });
  }
  assets.push(
    { id: `${slug}-dns-1`, type: 'dns', name: `${code} DNS resolver 1`, supplier: csu, vendor: 'Infoblox', software: 'NIOS 9.0', location: halls[0]!.id, needs: [`${halls[0]!.id}-core`] },
    { id: `${slug}-dns-2`, type: 'dns', name: `${code} DNS resolver 2`, supplier: csu, vendor: 'Infoblox', software: 'NIOS 9.0', location: halls[1]!.id, needs: [`${halls[1]!.id}-core`] },
    {
      id: `${slug}-identity`,
      type: 'identity',
      name: `${code} Active Directory`,
      supplier: csu,
      vendor: 'Microsoft',
      software: 'Windows Server 2022',
      needs: [flow({ anyOf: halls.map((h) => `${h.id}-core`), name: `${code} data-hall cores` })],
    },
  );
  files[`icbs/${slug}/infrastructure.yaml`] = yamlDocument(
    // The halls declare their ICB, so what they host is in it: `icb: QKS, type: vpn-concentrator` selects QKS's concentrators.
    { sites: halls.map((h) => flow({ id: h.id, type: 'data-centre', name: `${code} ${h.town} data hall`, icb: orgId })), assets },
    icbHeader,
  );

  // --- Profiles: HSCN on EMIS Web or SystmOne, and (in most ICBs) broadband-only on EMIS Web.
  const dns = flow({ anyOf: [`${slug}-dns-1`, `${slug}-dns-2`], name: `${code} DNS resolvers` });
  const managedBy = icb.vendor.planePerIcb ? `${code} ${icb.vendor.managedBy}` : icb.vendor.managedBy;
  const firewall = flow({ type: 'firewall', supplier: csu, vendor: icb.vendor.vendor, model: icb.vendor.models[0], software: icb.trainA, managedBy });
  const broadband = flow({ type: 'network-link', network: 'internet', carrier: icb.broadbandCarrier.id });
  const kinds = [
    ['hscn', 'emis'],
    ['hscn', 'tpp'],
    ...(icb.broadbandProfile ? [['broadband', 'emis'] as const] : []),
  ] as const;
  const profiles = kinds.map(([network, system]) => {
    const record = system === 'emis' ? 'emis-web' : 'systmone';
    const path = network === 'hscn' ? '$link' : '$broadband';
    const viaVpn = ['$firewall', path, '$concentrator', dns, `${slug}-identity`];
    return {
      id: `${slug}-${network}-${system}`,
      name: `${code} practice on ${network === 'hscn' ? 'HSCN' : 'broadband only'}, ${system === 'emis' ? 'EMIS Web' : 'SystmOne'}`,
      description: network === 'hscn' ? 'An HSCN link to the ICB concentrators; phones and online consultation on the broadband line.' : 'No HSCN link: the VPN to the ICB concentrators runs over the broadband line.',
      localAssets: {
        firewall,
        ...(network === 'hscn' ? { link: flow({ type: 'network-link', network: 'HSCN', carrier: icb.carrier.id }) } : {}),
        broadband,
      },
      bindings: { concentrator: pairGroup(1) },
      demand: flow({ tunnels: 1 }),
      routes: {
        'patient-record': [...viaVpn, record],
        prescribing: [...viaVpn, record, 'spine-eps'],
        'document-workflow': [...viaVpn, 'docman'],
        'online-consultation': ['$firewall', '$broadband', 'oc-platform'],
        telephony: ['$broadband', 'cloud-telephony'],
      },
    };
  });
  files[`icbs/${slug}/profiles.yaml`] = yamlDocument({ profiles }, icbHeader);

  // --- Practices, one line each, in code order.
  const lines = icb.practices.map((p, i) => {
    const prng = Rng.stream(seed, `practice:${p.code}`);
    const system = prng.chance(icb.emisShare) ? 'emis' : 'tpp';
    const network = icb.broadbandProfile && system === 'emis' && prng.chance(0.25) ? 'broadband' : 'hscn';
    const size = p.listSize ?? listSize(prng);
    const localAssets: Record<string, unknown> = {};
    const fw: Record<string, string> = {};
    if (prng.chance(0.35)) fw.software = icb.trainB;
    if (size > 20000) fw.model = icb.vendor.models[1];
    if (Object.keys(fw).length) localAssets.firewall = fw;
    const pair = pairOf(i);
    const bindings = prng.chance(0.03) ? { concentrator: vpn(pair, 'a') } : pair !== 1 ? { concentrator: pairGroup(pair) } : undefined;
    return flow({
      id: p.code,
      type: 'practice',
      name: p.name,
      ods: p.code,
      pcn: pcnId(p.pcn ?? ''),
      listSize: size,
      postcode: p.postcode || undefined,
      profile: `${slug}-${network}-${system}`,
      bindings,
      localAssets: Object.keys(localAssets).length ? localAssets : undefined,
    });
  });
  files[`icbs/${slug}/sites.yaml`] = yamlDocument({ sites: lines }, icbHeader);

  // --- Controls and hazards naming this ICB's own concentrators, halls, DNS, directory and carrier.
  const prefix = code;
  files[`icbs/${slug}/controls.yaml`] = yamlDocument({ controls: controlsFor(rng, prefix, code) }, icbHeader);
  const controls = (reduced: boolean) => ({ existingControls: [`${prefix}-CTL-01`, `${prefix}-CTL-02`], additionalControls: [reduced ? `${prefix}-CTL-03` : `${prefix}-CTL-04`] });
  const hall = rng.pick(halls);
  const hazards = [
    ...Array.from({ length: icb.pairs }, (_, k) => k + 1).map((pair) => ({
      title: `Clinicians cannot open the patient record (${code} concentrator pair ${pad(pair)})`,
      description: `Practices of ${icb.name} homed on concentrator pair ${pad(pair)} lose the VPN path to the hosted clinical systems.`,
      services: ['patient-record', 'prescribing'],
      causes: [
        { description: `Concentrator ${pad(pair)}A cannot carry the pair at the morning peak when ${pad(pair)}B fails.`, assets: [vpn(pair, 'a')] },
        { description: `A defect in the ${trainPattern(icb.trainA).slice(0, -1)} train drops site-to-site tunnels.`, select: flow({ vendor: icb.vendor.vendor, software: trainPattern(icb.trainA) }) },
      ],
    })),
    {
      title: `Loss of the ${code} ${hall.town} data hall takes its concentrators and DNS offline`,
      description: `A power or core network failure removes one side of every ${code} concentrator pair at once.`,
      services: clinical,
      causes: [
        { description: 'Mains and UPS power failure.', assets: [`${hall.id}-power`] },
        { description: 'Everything hosted in the hall fails together.', select: flow({ location: hall.id }) },
      ],
    },
    {
      title: `Name resolution fails for ${code} practices`,
      description: 'Practices cannot resolve the hosted services while both resolvers are unavailable.',
      services: clinical,
      causes: [{ description: 'Both DNS resolvers fail, or a bad zone change is replicated to both.', assets: [`${slug}-dns-1`, `${slug}-dns-2`] }],
    },
    {
      title: `Clinicians cannot log on to clinical systems (${code})`,
      description: 'The directory is unavailable, so no new sessions can start.',
      services: clinical,
      causes: [{ description: 'Directory service failure.', assets: [`${slug}-identity`] }],
    },
    {
      title: `${icb.carrier.name} outage cuts the HSCN links of ${code} practices`,
      description: 'A fault in the carrier network takes down the HSCN circuits it carries.',
      services: clinical,
      causes: [{ description: 'Carrier core network fault.', select: flow({ carrier: icb.carrier.id, network: 'HSCN' }) }],
    },
  ];
  files[`icbs/${slug}/hazards.yaml`] = yamlDocument(
    {
      hazards: hazards.map((h, k) => {
        const { reduced, ...assessed } = assessment(rng);
        return { id: `${prefix}-HAZ-${pad(k + 1)}`, ...h, ...controls(reduced), ...assessed };
      }),
    },
    icbHeader,
  );
}

export { AS_OF };
