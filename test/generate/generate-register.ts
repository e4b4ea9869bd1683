/**
 * A generator of valid crr registers at any scale, shaped like a real ICB's: organisations,
 * services, shared ICB infrastructure, four practice profiles, one line per practice split one
 * file per PCN, and a hazard log with controls, incidents and acceptances whose dates are all
 * consistent as of AS_OF. Deterministic: the same options give the same bytes.
 *
 * List sizes follow the quantiles of the registered-patient counts of the practices of one real
 * ICB (Kent and Medway, January 2021: min 1,552, p10 3,570, median 8,834, p90 16,825, max 40,781),
 * clamped to 2,000–30,000. Derived from ../shared/data/ods-kent-medway/gp-list-size-QKS-2021-01.csv:
 * contains public sector information licensed under the Open Government Licence v3.0 (source:
 * NHS England / NHS Digital, GP registration publications). Everything else is synthetic.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Rng } from './random.js';
import { flow, yamlDocument } from './yaml-writer.js';
import type { Criticality } from '@crr/core';

/** The date generated registers are consistent at: `crr validate --as-of AS_OF` finds nothing. */
export const AS_OF = '2026-11-21';

export interface GenerateOptions {
  practices: number;
  seed?: number;
}

// ---------------------------------------------------------------------------------------------
// Dates, as day numbers (UTC, so no time zone or clock is involved).

const DAY = 86_400_000;
const dayOf = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;
const isoOf = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);
const between = (rng: Rng, from: string, to: string): number => rng.int(dayOf(from), dayOf(to));
const AS_OF_DAY = dayOf(AS_OF);

// ---------------------------------------------------------------------------------------------
// The DCB0129/DCB0160 guidance example matrix, lowest likelihood and severity first.

const LIKELIHOODS = ['very low', 'low', 'medium', 'high', 'very high'] as const;
const SEVERITIES = ['minor', 'significant', 'considerable', 'major', 'catastrophic'] as const;
const MATRIX: readonly (readonly number[])[] = [
  [1, 1, 2, 2, 3],
  [1, 2, 2, 3, 4],
  [2, 2, 3, 3, 4],
  [2, 3, 3, 4, 5],
  [3, 4, 4, 5, 5],
];
const rating = (l: number, s: number): number => MATRIX[l]![s]!;

// ---------------------------------------------------------------------------------------------
// Names.

const PLACE_ROOTS = [
  'Ash', 'Oak', 'Elm', 'Birch', 'Willow', 'Hazel', 'Thorn', 'Bramble', 'Chalk', 'Flint', 'Mill', 'Brook', 'Church', 'Castle',
  'King', 'Queen', 'Market', 'Stone', 'Hawk', 'Fern', 'Marsh', 'Hollow', 'Bourne', 'Cherry', 'Apple', 'Hop', 'Rose', 'Down',
  'Sand', 'Harbour',
];
const PLACE_ENDINGS = ['ford', 'field', 'gate', 'ham', 'hurst', 'ley', 'stone', 'wood', 'den', 'bridge', 'mead', 'borough', 'ton', 'well', 'combe'];
const PLACE_PREFIXES = ['', '', '', '', 'North ', 'South ', 'East ', 'West ', 'Upper ', 'Lower ', 'Great ', 'Little '];
const PRACTICE_SUFFIXES = ['Surgery', 'Medical Centre', 'Health Centre', 'Medical Practice', 'Group Practice', 'Family Practice', 'Surgery', 'Medical Centre'];
const SAINTS = ["St James'", "St Mary's", "St Andrew's", "St Peter's", "St Luke's", "St Margaret's"];
const PARTNER_NAMES = ['Patel', 'Okafor', 'Khan', 'Smith', 'Jones', 'Williams', 'Chen', 'Nair', 'Brown', 'Taylor', 'Ahmed', 'Evans'];
const POSTCODE_AREAS = ['ME', 'CT', 'TN', 'DA', 'BR'];
const POSTCODE_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

function placeName(rng: Rng): string {
  return `${rng.pick(PLACE_PREFIXES)}${rng.pick(PLACE_ROOTS)}${rng.pick(PLACE_ENDINGS)}`;
}

function practiceName(rng: Rng, place: string): string {
  const r = rng.next();
  if (r < 0.08) return `${rng.pick(SAINTS)} Surgery`;
  if (r < 0.14) return `Dr ${rng.pick(PARTNER_NAMES)} & Partners`;
  if (r < 0.2) return `The ${place} Practice`;
  return `${r < 0.6 ? place : placeName(rng).trim()} ${rng.pick(PRACTICE_SUFFIXES)}`;
}

function postcode(rng: Rng): string {
  const letters = POSTCODE_LETTERS;
  return `${rng.pick(POSTCODE_AREAS)}${rng.int(1, 20)} ${rng.int(1, 9)}${letters[rng.int(0, letters.length - 1)]}${letters[rng.int(0, letters.length - 1)]}`;
}

/** Registered list size: piecewise-linear inverse of the Kent and Medway quantiles (see top). */
const LIST_SIZE_QUANTILES: readonly (readonly [number, number])[] = [
  [0, 2000],
  [0.1, 3570],
  [0.25, 5318],
  [0.5, 8834],
  [0.75, 12482],
  [0.9, 16825],
  [0.97, 22400],
  [1, 30000],
];
export function listSize(rng: Rng): number {
  const u = rng.next();
  for (let i = 1; i < LIST_SIZE_QUANTILES.length; i++) {
    const [p1, v1] = LIST_SIZE_QUANTILES[i]!;
    if (u <= p1) {
      const [p0, v0] = LIST_SIZE_QUANTILES[i - 1]!;
      return Math.round(v0 + ((u - p0) / (p1 - p0)) * (v1 - v0));
    }
  }
  return 30000;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The clinical services every generated register declares (the synthetic and the national one). */
export const SERVICES: readonly { id: string; name: string; criticality: Criticality }[] = [
  { id: 'patient-record', name: 'Patient record and consultation', criticality: 'critical' },
  { id: 'prescribing', name: 'Electronic prescribing', criticality: 'critical' },
  { id: 'document-workflow', name: 'Clinical document workflow', criticality: 'medium' },
  { id: 'online-consultation', name: 'Online consultation', criticality: 'high' },
  { id: 'telephony', name: 'Practice telephony', criticality: 'critical' },
];

/** An ODS-style practice code, a letter and five digits: G10000, G10001, … then H10000, … */
const ODS_LETTERS = 'GHJKLMNPWY';
function practiceCode(index: number): string {
  const letter = ODS_LETTERS[Math.floor(index / 90000)];
  if (letter === undefined) throw new Error(`at most ${ODS_LETTERS.length * 90000} practices`);
  return `${letter}${10000 + (index % 90000)}`;
}

// ---------------------------------------------------------------------------------------------
// The register's shape, built as plain data first, then written out.

interface Practice {
  id: string;
  name: string;
  pcn: Pcn;
  listSize: number;
  network: 'KPSN' | 'HSCN';
  system: 'emis' | 'tpp';
  pair: number;
  firstOnly: boolean;
  trainB: boolean;
}

interface Pcn {
  id: string;
  name: string;
  subIcb: string;
  pair: number;
  practices: Practice[];
}

const DATA_CENTRES = [
  { id: 'dc-a', name: 'Maidstone data centre', town: 'Maidstone' },
  { id: 'dc-b', name: 'Ashford data centre', town: 'Ashford' },
] as const;

const TRAIN_A = 'MX 18.107';
const TRAIN_B = 'MX 19.1.4';
const PRACTICES_PER_PAIR = 500;
const DNS_GROUP = flow({ anyOf: ['dns-1', 'dns-2'], name: 'ICB DNS resolvers' });

const vpnId = (pair: number, side: 'a' | 'b') => `vpn-${pad(pair, 2)}${side}`;
const pairGroup = (pair: number) => ({ anyOf: [vpnId(pair, 'b'), vpnId(pair, 'a')], name: `VPN concentrator pair ${pad(pair, 2)}` });

/** Generate a register of `practices` practices: relative path → YAML text. */
export function generateRegister(options: GenerateOptions): Record<string, string> {
  const n = options.practices;
  if (!Number.isInteger(n) || n < 1) throw new Error(`practices must be a whole number of at least 1, not ${n}`);
  const seed = options.seed ?? 1;
  const header = `Synthetic register generated by test/generate (practices: ${n}, seed: ${seed}). Not real data.`;
  const files: Record<string, string> = {};

  // --- PCNs of 5–12 practices, in sub-ICB locations; concentrator pairs by blocks of practices.
  const orgRng = Rng.stream(seed, 'organisations');
  const sizes: number[] = [];
  for (let left = n; left > 0; ) {
    if (left <= 12) {
      sizes.push(left);
      break;
    }
    let size = orgRng.int(5, 12);
    if (left - size < 5) size = left - 5;
    sizes.push(size);
    left -= size;
  }
  const pairs = Math.max(1, Math.ceil(n / PRACTICES_PER_PAIR));
  const subIcbs = Math.max(1, Math.round(n / 300));
  const pcnWidth = Math.max(3, String(sizes.length).length);
  const pcns: Pcn[] = [];
  const practices: Practice[] = [];
  const siteRng = Rng.stream(seed, 'sites');
  let start = 0;
  sizes.forEach((size, k) => {
    const pcn: Pcn = {
      id: `pcn-${pad(k + 1, pcnWidth)}`,
      name: `${placeName(orgRng)} PCN`,
      subIcb: `org-sub-icb-${pad(Math.min(subIcbs - 1, Math.floor((start * subIcbs) / n)) + 1, 2)}`,
      pair: Math.min(pairs - 1, Math.floor((start * pairs) / n)) + 1,
      practices: [],
    };
    const place = pcn.name.replace(/ PCN$/, '').replace(/^(North|South|East|West|Upper|Lower|Great|Little) /, '');
    for (let i = 0; i < size; i++) {
      const practice: Practice = {
        id: practiceCode(start + i),
        name: practiceName(siteRng, place),
        pcn,
        listSize: listSize(siteRng),
        network: siteRng.chance(0.7) ? 'KPSN' : 'HSCN',
        system: siteRng.chance(0.6) ? 'emis' : 'tpp',
        pair: pcn.pair,
        firstOnly: siteRng.chance(0.03),
        trainB: siteRng.chance(0.35),
      };
      pcn.practices.push(practice);
      practices.push(practice);
    }
    pcns.push(pcn);
    start += size;
  });
  const pairSize = (pair: number) => practices.filter((p) => p.pair === pair).length;

  // --- The manifest.
  files['register.yaml'] = yamlDocument(
    {
      register: {
        id: 'synthetic-icb',
        title: 'Synthetic ICB GP IT infrastructure hazard log',
        version: '3.2.0',
        organisation: 'org-icb',
        scope: 'Network, hosting and telephony infrastructure under GP clinical systems',
        lifecyclePhase: 'live service and maintenance',
        cso: { name: 'Dr Asha Patel', registration: flow({ body: 'GMC', number: '7012345' }), organisation: 'org-icb', email: 'cso@synthetic-icb.nhs.uk' },
        approved: '2026-10-01',
        reviewPolicy: { hazardReviewMonths: 12 },
      },
    },
    header,
  );

  // --- Organisations.
  const organisations: unknown[] = [
    flow({ id: 'org-icb', type: 'icb', name: 'NHS Synthetic Integrated Care Board', ods: 'QZZ' }),
  ];
  for (let s = 1; s <= subIcbs; s++)
    organisations.push(flow({ id: `org-sub-icb-${pad(s, 2)}`, type: 'sub-icb', name: `Synthetic sub-ICB location ${pad(s, 2)}`, ods: `${pad(s + 10, 2)}Z`, parent: 'org-icb' }));
  for (const [k, pcn] of pcns.entries()) organisations.push(flow({ id: pcn.id, type: 'pcn', name: pcn.name, ods: `U${pad(10000 + k, 5)}`, parent: pcn.subIcb }));
  organisations.push(
    flow({ id: 'org-csu', type: 'csu', name: 'Synthetic Commissioning Support Unit', description: 'Runs the VPN concentrators, DNS and identity for the ICB.' }),
    flow({ id: 'org-carrier-a', type: 'carrier', name: 'Southern Fibre Networks' }),
    flow({ id: 'org-carrier-b', type: 'carrier', name: 'Downland Broadband' }),
    flow({ id: 'org-meraki', type: 'manufacturer', name: 'Cisco Meraki' }),
    flow({ id: 'org-emis', type: 'manufacturer', name: 'EMIS Health', safetyCase: 'EMIS Web CSCR v12.3' }),
    flow({ id: 'org-tpp', type: 'manufacturer', name: 'TPP', safetyCase: 'SystmOne CSCR v8.1' }),
  );
  files['organisations.yaml'] = yamlDocument({ organisations }, header);

  // --- Services.
  files['services.yaml'] = yamlDocument(
    {
      services: SERVICES.map((service) => flow({ ...service })),
    },
    header,
  );

  // --- Shared infrastructure: data centres, their core and power, concentrator pairs, DNS,
  // identity, the clinical systems and the national and cloud services practices reach.
  const assets: unknown[] = [];
  for (const dc of DATA_CENTRES) {
    assets.push(
      { id: `${dc.id}-power`, type: 'power', name: `${dc.town} data centre power and UPS`, supplier: 'org-csu', location: dc.id },
      {
        id: `${dc.id}-core`,
        type: 'data-centre-service',
        name: `${dc.town} data centre core network`,
        supplier: 'org-csu',
        vendor: 'Cisco',
        model: 'Nexus 9300',
        software: 'NX-OS 10.2(5)',
        location: dc.id,
        needs: [`${dc.id}-power`],
      },
    );
  }
  for (let pair = 1; pair <= pairs; pair++) {
    const limit = Math.max(100, Math.ceil((pairSize(pair) * 1.25) / 50) * 50);
    // Most pairs are sized for N-1 with room. Like the example's vpn-a, the original A of every
    // sixth pair (01, 07, …) was bought for a smaller estate and cannot carry its whole pair when
    // B fails: the N-1 shortfall the analysis, what-if and the bench must meet at national scale.
    const undersized = pair % 6 === 1 ? Math.max(10, Math.floor((pairSize(pair) * 0.7) / 10) * 10) : limit;
    for (const [side, dc] of [['a', DATA_CENTRES[0]], ['b', DATA_CENTRES[1]]] as const) {
      assets.push({
        id: vpnId(pair, side),
        type: 'vpn-concentrator',
        name: `VPN concentrator ${pad(pair, 2)}${side.toUpperCase()}`,
        supplier: 'org-csu',
        vendor: 'Cisco',
        model: 'ASA 5555',
        software: side === 'a' ? '9.16.4' : '9.18.3',
        location: dc.id,
        capacity: flow({ limit: side === 'a' ? undersized : limit, unit: 'tunnels' }),
        needs: [`${dc.id}-core`],
      });
    }
  }
  assets.push(
    { id: 'dns-1', type: 'dns', name: 'ICB DNS resolver 1', supplier: 'org-csu', vendor: 'Infoblox', software: 'NIOS 9.0', location: 'dc-a', needs: ['dc-a-core'] },
    { id: 'dns-2', type: 'dns', name: 'ICB DNS resolver 2', supplier: 'org-csu', vendor: 'Infoblox', software: 'NIOS 9.0', location: 'dc-b', needs: ['dc-b-core'] },
    {
      id: 'identity',
      type: 'identity',
      name: 'ICB Active Directory',
      supplier: 'org-csu',
      vendor: 'Microsoft',
      software: 'Windows Server 2022',
      needs: [flow({ anyOf: ['dc-a-core', 'dc-b-core'], name: 'ICB data-centre cores' })],
    },
    { id: 'emis-web', type: 'clinical-system', name: 'EMIS Web', supplier: 'org-emis', vendor: 'EMIS Health', model: 'EMIS Web', managedBy: 'EMIS hosted service' },
    { id: 'systmone', type: 'clinical-system', name: 'SystmOne', supplier: 'org-tpp', vendor: 'TPP', model: 'SystmOne', managedBy: 'TPP hosted service' },
    { id: 'docman', type: 'clinical-system', name: 'Docman document workflow', vendor: 'Docman', model: 'Docman 10', managedBy: 'Docman cloud', attributes: flow({ category: 'document-workflow' }) },
    { id: 'oc-platform', type: 'other', name: 'Online consultation platform', vendor: 'Consult Online', managedBy: 'Consult Online cloud', network: 'internet' },
    { id: 'cloud-telephony', type: 'telephony', name: 'Cloud telephony platform', vendor: 'CloudVoice', model: 'Hosted PBX', managedBy: 'CloudVoice portal', network: 'internet' },
    { id: 'spine-eps', type: 'other', name: 'NHS Spine Electronic Prescription Service', vendor: 'NHS England', network: 'HSCN' },
  );
  files['infrastructure.yaml'] = yamlDocument(
    {
      sites: DATA_CENTRES.map((dc) => flow({ id: dc.id, type: 'data-centre', name: dc.name })),
      assets,
    },
    header,
  );

  // --- Four profiles: KPSN or HSCN, EMIS Web or SystmOne.
  const profileId = (p: Pick<Practice, 'network' | 'system'>) => `${p.network.toLowerCase()}-${p.system}`;
  const profiles: unknown[] = [];
  for (const network of ['KPSN', 'HSCN'] as const) {
    for (const system of ['emis', 'tpp'] as const) {
      const clinical = system === 'emis' ? 'emis-web' : 'systmone';
      const viaVpn = ['$firewall', '$link', '$concentrator', DNS_GROUP, 'identity'];
      profiles.push({
        id: profileId({ network, system }),
        name: `${network} practice on ${system === 'emis' ? 'EMIS Web' : 'SystmOne'}`,
        description: `Practices on a ${network} link through the CSU concentrators; phones on the broadband line.`,
        localAssets: {
          firewall: flow({ type: 'firewall', supplier: 'org-csu', vendor: 'Cisco Meraki', model: 'MX68', software: TRAIN_A, managedBy: 'Meraki dashboard' }),
          link: flow({ type: 'network-link', network, carrier: network === 'KPSN' ? 'org-carrier-a' : 'org-carrier-b' }),
          broadband: flow({ type: 'network-link', network: 'internet', carrier: network === 'KPSN' ? 'org-carrier-b' : 'org-carrier-a' }),
        },
        bindings: { concentrator: flow(pairGroup(1)) },
        demand: flow({ tunnels: 1 }),
        routes: {
          'patient-record': [...viaVpn, clinical],
          prescribing: [...viaVpn, clinical, 'spine-eps'],
          'document-workflow': [...viaVpn, 'docman'],
          'online-consultation': ['$firewall', '$broadband', 'oc-platform'],
          telephony: ['$broadband', 'cloud-telephony'],
        },
      });
    }
  }
  files['profiles.yaml'] = yamlDocument({ profiles }, header);

  // --- Practices: one line each, one file per PCN.
  for (const pcn of pcns) {
    const lines = pcn.practices.map((p) => {
      const localAssets: Record<string, unknown> = {};
      const firewall: Record<string, string> = {};
      if (p.trainB) firewall.software = TRAIN_B;
      if (p.listSize > 20000) firewall.model = 'MX85';
      if (Object.keys(firewall).length) localAssets.firewall = firewall;
      const bindings = p.firstOnly ? { concentrator: vpnId(p.pair, 'a') } : p.pair !== 1 ? { concentrator: pairGroup(p.pair) } : undefined;
      return flow({
        id: p.id,
        type: 'practice',
        name: p.name,
        ods: p.id,
        pcn: pcn.id,
        listSize: p.listSize,
        postcode: postcode(siteRng),
        profile: profileId(p),
        bindings,
        localAssets: Object.keys(localAssets).length ? localAssets : undefined,
      });
    });
    files[`sites/${pcn.id}.yaml`] = yamlDocument({ sites: lines }, `${pcn.name}: ${pcn.practices.length} practices. ${header}`);
  }

  // --- Controls, then hazards that use them, then acceptances and incidents.
  const log = hazardLog({ seed, n, pcns, practices, pairs });
  files['controls.yaml'] = yamlDocument({ controls: log.controls }, header);
  files['hazards.yaml'] = yamlDocument({ hazards: log.hazards }, header);
  files['acceptances.yaml'] = yamlDocument({ acceptances: log.acceptances }, header);
  files['incidents.yaml'] = yamlDocument({ incidents: log.incidents }, header);
  files['scenarios.yaml'] = yamlDocument({ scenarios: scenarios(n, practices) }, header);

  const sorted: Record<string, string> = {};
  for (const path of Object.keys(files).sort()) sorted[path] = files[path]!;
  return sorted;
}

// ---------------------------------------------------------------------------------------------
// Named scenarios: three national ones (a scenario per ICB would be too many to read), so that
// the bench and the national tests evaluate them. Over tolerance or not, as the shape falls.

function scenarios(n: number, practices: readonly Practice[]): unknown[] {
  const out: unknown[] = [
    {
      id: `${vpnId(1, 'b')}-maintenance`,
      title: `Planned maintenance of VPN concentrator ${pad(1, 2)}B`,
      reason: `Quarterly firmware upgrade: the practices that prefer ${vpnId(1, 'b')} fail over to ${vpnId(1, 'a')} while it is out.`,
      assets: [vpnId(1, 'b')],
      tolerance: flow({ sitesCut: 0, overloads: 0 }),
    },
  ];
  // Only while some practice is left on the MX 18 train: a selector that matches nothing is CRR-W064.
  if (practices.some((p) => !p.trainB))
    out.push({
      id: 'mx18-defect',
      title: 'A defect in the MX 18 firmware drops tunnels on every firewall still running it',
      reason: 'The April 2026 pattern: one firmware defect across every practice firewall on the same train.',
      select: flow({ vendor: 'Cisco Meraki', software: 'MX 18.*' }),
      tolerance: flow({ sitesCut: Math.max(1, Math.round(n / 20)), overloads: 0 }),
    });
  out.push({
    id: 'carrier-b-down',
    title: 'Downland Broadband core outage',
    reason: 'A carrier core failure takes the HSCN circuits and the KPSN practices\' backup broadband at once.',
    select: flow({ carrier: 'org-carrier-b' }),
    tolerance: flow({ overloads: 0 }),
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// The hazard log.

interface ControlPlan {
  id: string;
  verified: boolean;
  /** Only proposed: a lower residual must not rest on it (CRR-W070). */
  proposed: boolean;
  transferredFrom?: 'org-emis' | 'org-tpp';
}

const CONTROL_TITLES: Record<'design' | 'test' | 'training' | 'business-process', readonly string[]> = {
  design: [
    'Second VPN concentrator with automatic failover',
    'Diverse broadband line as a backup path',
    '4G failover on the practice firewall',
    'DNS resolvers in separate data centres',
    'Dual power feeds and UPS in the data centre',
    'Firmware rollout in staged rings',
  ],
  test: [
    'Annual concentrator failover test',
    'Quarterly data-centre failover exercise',
    'Firmware regression testing on pilot practices',
    'Monthly restore test of document workflow',
    'Telephony failover call-routing test',
  ],
  training: [
    'Downtime procedure training for reception staff',
    'Paper prescribing fallback training for clinicians',
    'Service desk escalation training',
    'Business continuity awareness for practice managers',
  ],
  'business-process': [
    'Practice business continuity plan',
    'Paper FP10 prescription stock held at each practice',
    'Incident escalation through the CSU service desk',
    'Change advisory board review of network changes',
    'Supplier outage communication cascade',
  ],
};
const CONTROL_KINDS = ['design', 'test', 'training', 'business-process'] as const;
const OWNERS = ['CSU network team', 'ICB digital team', 'CSU service desk', 'ICB primary care team', 'Practice managers forum'];

const EFFECTS = [
  'Consultations without the medical history',
  'Prescribing without a medication history',
  'Repeat prescriptions delayed',
  'Test results not seen by the requesting clinician',
  'Hospital letters not actioned',
  'Patients unable to contact the practice',
  'Urgent requests not triaged in time',
  'Appointments cancelled or rebooked',
];
const HARMS = ['Adverse drug event', 'Delayed diagnosis', 'Delayed treatment', 'Missed safeguarding concern', 'Deterioration not recognised'];

interface HazardContext {
  rng: Rng;
  pcns: Pcn[];
  practices: Practice[];
  pairs: number;
}

interface HazardDraft {
  title: string;
  description: string;
  services: string[];
  causes: unknown[];
  sites?: string[];
  /** Manufacturer the hazard may have been transferred from. */
  manufacturer?: 'org-emis' | 'org-tpp';
}

type Template = (c: HazardContext) => HazardDraft;

const clinical = ['patient-record', 'prescribing', 'document-workflow'];

const TEMPLATES: readonly Template[] = [
  ({ rng, pairs }) => {
    const pair = rng.int(1, pairs);
    return {
      title: `Clinicians cannot open the patient record during consultations (concentrator pair ${pad(pair, 2)})`,
      description: `Practices homed on concentrator pair ${pad(pair, 2)} lose the VPN path to the hosted clinical systems.`,
      services: ['patient-record', 'prescribing'],
      causes: [
        { description: 'Firmware defect in MX 18 drops site-to-site VPN tunnels under load.', select: flow({ vendor: 'Cisco Meraki', software: 'MX 18.*' }) },
        { description: `Concentrator ${pad(pair, 2)}A runs out of tunnel capacity at the morning peak when ${pad(pair, 2)}B fails.`, assets: [vpnId(pair, 'a')] },
      ],
    };
  },
  ({ rng }) => ({
    title: 'Prescriptions cannot be sent electronically to community pharmacies',
    description: 'Practices cannot reach the Electronic Prescription Service, so prescriptions are printed or delayed.',
    services: ['prescribing'],
    causes: [
      { description: 'National EPS outage.', assets: ['spine-eps'] },
      { description: 'HSCN connectivity lost at practices on HSCN links.', select: flow({ network: 'HSCN', type: 'network-link' }) },
      ...(rng.chance(0.5) ? [{ description: 'Identity service unavailable, so smartcard authentication fails.', assets: ['identity'] }] : []),
    ],
  }),
  ({ rng, pcns }) => {
    const pcn = rng.pick(pcns);
    const hit = rng.sample(pcn.practices, Math.min(3, pcn.practices.length));
    return {
      title: `Patients cannot reach ${pcn.name} practices by telephone`,
      description: 'Incoming calls fail or go unanswered, so urgent requests are not received.',
      services: ['telephony'],
      causes: [
        { description: 'Cloud telephony platform outage.', assets: ['cloud-telephony'] },
        ...hit.map((p) => ({ description: `The broadband line of ${p.name} fails.`, select: flow({ site: p.id, network: 'internet' }) })),
      ],
      sites: pcn.practices.map((p) => p.id),
    };
  },
  () => ({
    title: 'Incoming clinical correspondence is not filed or actioned',
    description: 'Hospital letters and results wait unseen in the document workflow queue.',
    services: ['document-workflow'],
    causes: [
      { description: 'Document workflow service outage.', assets: ['docman'] },
      { description: 'Practices cannot log on to the document workflow.', assets: ['identity'] },
    ],
  }),
  () => ({
    title: 'Online consultation requests are lost or not seen in time',
    description: 'Requests submitted by patients are not triaged while the platform or the practice internet line is down.',
    services: ['online-consultation'],
    causes: [
      { description: 'Online consultation platform outage.', assets: ['oc-platform'] },
      { description: 'Practice internet lines fail.', select: flow({ type: 'network-link', network: 'internet' }) },
    ],
  }),
  ({ rng }) => {
    const dc = rng.pick(DATA_CENTRES);
    return {
      title: `Loss of the ${dc.name} takes its concentrators and DNS offline`,
      description: `A power or core network failure at the ${dc.name} removes one side of every concentrator pair at once.`,
      services: clinical,
      causes: [
        { description: 'Mains and UPS power failure.', assets: [`${dc.id}-power`] },
        { description: 'Everything hosted in the data centre fails together.', select: flow({ location: dc.id }) },
      ],
    };
  },
  () => ({
    title: 'Name resolution fails for hosted clinical systems',
    description: 'Practices cannot resolve the names of the hosted services while both resolvers are unavailable.',
    services: clinical,
    causes: [{ description: 'Both DNS resolvers fail, or a bad zone change is replicated to both.', assets: ['dns-1', 'dns-2'] }],
  }),
  () => ({
    title: 'Clinicians cannot log on to clinical systems',
    description: 'The identity service is unavailable, so no new sessions can start.',
    services: clinical,
    causes: [{ description: 'Directory service failure.', assets: ['identity'] }],
  }),
  ({ rng, practices }) => {
    const p = rng.pick(practices);
    return {
      title: `${p.name} loses its ${p.network} link`,
      description: `${p.name} (${p.id}) has a single ${p.network} circuit; while it is down the practice has no clinical systems.`,
      services: clinical,
      causes: [
        { description: 'Circuit failure or a cable cut near the practice.', assets: [`${p.id}/link`] },
        { description: 'Practice firewall hardware failure.', select: flow({ site: p.id, type: 'firewall' }) },
      ],
      sites: [p.id],
    };
  },
  ({ rng, pcns }) => {
    const pcn = rng.pick(pcns);
    const kpsn = pcn.practices.filter((p) => p.network === 'KPSN');
    return {
      title: `Carrier outage cuts the KPSN links of ${pcn.name}`,
      description: 'A fault in the carrier network takes down every KPSN circuit in an exchange area.',
      services: clinical,
      causes: [
        { description: 'Carrier core network fault.', select: flow({ network: 'KPSN', carrier: 'org-carrier-a' }) },
        ...kpsn.slice(0, 2).map((p) => ({ description: `The circuit of ${p.name} is on the affected exchange.`, select: flow({ site: p.id, network: 'KPSN' }) })),
      ],
      sites: pcn.practices.map((p) => p.id),
    };
  },
  () => ({
    title: 'Firewall management plane outage prevents urgent changes',
    description: 'While the cloud dashboard is unavailable no firewall can be reconfigured, so a failing route cannot be moved.',
    services: clinical,
    causes: [{ description: 'Meraki dashboard outage.', select: flow({ managedBy: 'Meraki dashboard' }) }],
  }),
  () => ({
    title: 'EMIS Web is unavailable to practices',
    description: 'The hosted EMIS Web service is down; practices work from paper and downtime reports.',
    services: ['patient-record', 'prescribing'],
    causes: [{ description: 'Hosted service outage at the manufacturer.', assets: ['emis-web'] }],
    manufacturer: 'org-emis',
  }),
  () => ({
    title: 'SystmOne is unavailable to practices',
    description: 'The hosted SystmOne service is down; practices work from paper and downtime reports.',
    services: ['patient-record', 'prescribing'],
    causes: [{ description: 'Hosted service outage at the manufacturer.', assets: ['systmone'] }],
    manufacturer: 'org-tpp',
  }),
  () => ({
    title: 'Firmware upgrade to MX 19 causes VPN instability',
    description: 'Practices upgraded to the MX 19 train see tunnels flap during the working day.',
    services: clinical,
    causes: [{ description: 'Regression in the MX 19 train.', select: flow({ vendor: 'Cisco Meraki', software: 'MX 19.*' }) }],
  }),
  ({ rng, pairs }) => {
    const pair = rng.int(1, pairs);
    return {
      title: `Practices bound to one concentrator have no failover (pair ${pad(pair, 2)})`,
      description: 'Some practices could not move onto the preferred concentrator and depend on the first one alone.',
      services: clinical,
      causes: [{ description: `Concentrator ${pad(pair, 2)}A fails.`, assets: [vpnId(pair, 'a')] }],
    };
  },
];

function hazardLog({ seed, n, pcns, practices, pairs }: { seed: number; n: number; pcns: Pcn[]; practices: Practice[]; pairs: number }) {
  // --- Controls.
  const crng = Rng.stream(seed, 'controls');
  const controlCount = Math.max(8, Math.round(n / 6));
  const controlWidth = Math.max(3, String(controlCount).length);
  const plans: ControlPlan[] = [];
  const controls: unknown[] = [];
  for (let i = 0; i < controlCount; i++) {
    const id = `CTL-${pad(i + 1, controlWidth)}`;
    const transferredFrom = i === 0 || (i % 50 === 0 && i % 100 !== 0) ? 'org-emis' : i === 1 || (i % 100 === 1 && i > 1) ? 'org-tpp' : undefined;
    const kind = transferredFrom ? 'business-process' : CONTROL_KINDS[i % 4]!;
    const r = crng.next();
    const status = transferredFrom || r < 0.6 ? 'verified' : r < 0.85 ? 'implemented' : 'proposed';
    const scope = crng.chance(0.5) ? `${crng.pick(pcns).name}` : 'ICB-wide';
    const title = transferredFrom
      ? `${transferredFrom === 'org-emis' ? 'EMIS Web' : 'SystmOne'} downtime procedures from the manufacturer's safety case`
      : `${crng.pick(CONTROL_TITLES[kind])} (${scope})`;
    let evidence: unknown[] | undefined;
    if (status === 'verified' || (status === 'implemented' && crng.chance(0.3))) {
      evidence = [];
      const day = between(crng, '2025-12-01', '2026-11-15');
      if (crng.chance(0.3)) {
        // The record of implementation, which does not expire; nothing in a generated register has.
        const earlier = day - crng.int(60, 400);
        evidence.push(flow({ description: 'Implementation change record', date: isoOf(earlier), reference: `CHG-${crng.int(10000, 29999)}` }));
      }
      const expires = kind === 'training' && crng.chance(0.5) ? undefined : isoOf(day + 365);
      evidence.push(
        flow({
          description: kind === 'test' ? 'Test report' : kind === 'training' ? 'Training attendance record' : kind === 'design' ? 'Change record and acceptance test' : 'Exercise report',
          date: isoOf(day),
          expires,
          reference: `CHG-${crng.int(10000, 29999)}`,
        }),
      );
    }
    controls.push({
      id,
      title,
      kind,
      status,
      owner: crng.pick(OWNERS),
      description: crng.chance(0.5) ? `${title}: reduces the likelihood or the impact of loss of clinical systems.` : undefined,
      transferredFrom,
      evidence,
    });
    plans.push({ id, verified: status === 'verified', proposed: status === 'proposed', ...(transferredFrom ? { transferredFrom } : {}) });
  }
  const verified = plans.filter((c) => c.verified && !c.transferredFrom);
  const ordinary = plans.filter((c) => !c.transferredFrom);

  // --- Hazards.
  const hrng = Rng.stream(seed, 'hazards');
  const hazardCount = Math.max(TEMPLATES.length, Math.round(n / 10));
  const hazardWidth = Math.max(3, String(hazardCount).length);
  const hazards: unknown[] = [];
  const acceptances: unknown[] = [];
  const hazardIds: string[] = [];
  const causeAssets = new Map<string, string[]>();
  const titles = new Map<string, string>();
  for (let i = 0; i < hazardCount; i++) {
    const id = `HAZ-${pad(i + 1, hazardWidth)}`;
    hazardIds.push(id);
    const draft = TEMPLATES[i % TEMPLATES.length]!({ rng: hrng, pcns, practices, pairs });
    titles.set(id, draft.title);
    causeAssets.set(id, draft.causes.flatMap((c) => ((c as { assets?: string[] }).assets ?? [])));

    // Residual first (mostly low likelihood), then an initial risk at least as bad in both.
    const rl = hrng.chance(0.06) ? 3 : hrng.int(0, 2);
    const rs = hrng.int(0, 4);
    const il = Math.min(4, rl + hrng.int(0, 2));
    const is = Math.min(4, rs + (hrng.chance(0.3) ? 1 : 0));
    const residualRating = rating(rl, rs);
    const reduced = il !== rl || is !== rs;

    const transferable = draft.manufacturer ? plans.find((c) => c.transferredFrom === draft.manufacturer) : undefined;
    const status = transferable && hrng.chance(0.5) ? 'transferred' : residualRating <= 3 && verified.length >= 2 && hrng.chance(0.12) ? 'closed' : 'open';
    const pool = status === 'closed' ? verified : ordinary;
    const chosen = hrng.sample(pool, hrng.int(2, 4));
    const existing = chosen.slice(0, chosen.length <= 1 ? chosen.length : hrng.int(1, Math.min(2, chosen.length - 1))).map((c) => c.id);
    const drawn = chosen.slice(existing.length);
    let additional = drawn.filter((c) => !(reduced && c.proposed)).map((c) => c.id);
    // A lowered residual may rest only on controls in place (CRR-W070). When every one drawn was
    // proposed, the first control in place stands in for them (found, not drawn, so that the random
    // sequence is unchanged): with none at all, an unacceptable residual would be CRR-E041.
    if (drawn.length && !additional.length) {
      const inPlace = pool.find((c) => !c.proposed && !existing.includes(c.id));
      if (inPlace) additional = [inPlace.id];
    }
    if (!reduced && residualRating <= 3 && hrng.chance(0.5)) additional = [];
    if (status === 'transferred') existing.unshift(transferable!.id);

    const raised = between(hrng, '2023-01-09', '2026-06-30');
    const reviewed = hrng.int(Math.max(raised, dayOf('2025-12-01')), dayOf('2026-11-15'));
    // Drawn for every hazard, so that the random sequence (and every register generated before) is unchanged;
    // a closed hazard leaves the review cycle (CRR-W074) and records its closure instead.
    const drawnReview = hrng.chance(0.3) ? isoOf(between(hrng, '2026-12-01', '2027-09-30')) : undefined;
    const nextReview = status === 'closed' ? undefined : drawnReview;
    const actions: unknown[] = [];
    for (let a = 0, count = status === 'closed' ? hrng.int(1, 2) : hrng.int(0, 2); a < count; a++) {
      const done = status === 'closed' || hrng.chance(0.5);
      const due = done ? hrng.int(raised + 14, AS_OF_DAY + 30) : between(hrng, '2026-12-01', '2027-06-30');
      const doneDay = done ? Math.min(AS_OF_DAY, hrng.int(raised + 7, due)) : undefined;
      actions.push(
        flow({
          description: hrng.pick(['Upgrade remaining firewalls to MX 19.1', 'Move practices onto the preferred concentrator', 'Re-exercise the business continuity plan', 'Add a diverse backup line', 'Review supplier outage notifications']),
          owner: hrng.pick(OWNERS),
          due: isoOf(due),
          done: doneDay === undefined ? undefined : isoOf(doneDay),
        }),
      );
    }

    hazards.push({
      id,
      title: draft.title,
      description: draft.description,
      services: draft.services,
      causes: draft.causes,
      effects: hrng.sample(EFFECTS, hrng.int(1, 3)),
      harms: hrng.sample(HARMS, hrng.int(1, 2)),
      existingControls: existing.length ? existing : undefined,
      additionalControls: additional.length ? additional : undefined,
      initialRisk: flow({ severity: SEVERITIES[is], likelihood: LIKELIHOODS[il], rating: hrng.chance(0.5) ? rating(il, is) : undefined }),
      residualRisk: flow({ severity: SEVERITIES[rs], likelihood: LIKELIHOODS[rl], rating: hrng.chance(0.5) ? residualRating : undefined }),
      justification:
        residualRating >= 2 && residualRating <= 3
          ? hrng.pick([
              'Further reduction needs a third data centre; disproportionate to the residual risk.',
              'Remaining risk depends on national services outside the ICB’s control; downtime procedures are in place.',
              'A diverse second circuit at every practice would cost more than the reduction it brings.',
              'The manufacturer’s controls and local business continuity plans cover the residual risk.',
            ])
          : undefined,
      status,
      owner: hrng.pick(OWNERS),
      raised: isoOf(raised),
      reviewed: isoOf(reviewed),
      nextReview,
      closure: status === 'closed' ? { date: isoOf(reviewed), reason: 'Every action done and every control verified at the last review.' } : undefined,
      transfer:
        status === 'transferred'
          ? { from: draft.manufacturer, date: isoOf(hrng.int(raised, reviewed)), controls: [transferable!.id], reference: `${draft.manufacturer === 'org-emis' ? 'EMIS Web CSCR v12.3' : 'SystmOne CSCR v8.1'} §7` }
          : undefined,
      actions: actions.length ? actions : undefined,
      sites: draft.sites,
    });

    if (residualRating >= 4 || status === 'transferred') {
      acceptances.push({
        id: `ACC-${pad(acceptances.length + 1, 3)}`,
        hazard: id,
        acceptedBy: 'Dr Sam Okafor',
        role: 'ICB Chief Medical Officer',
        organisation: 'org-icb',
        date: isoOf(Math.min(AS_OF_DAY - 1, reviewed + hrng.int(0, 14))),
        residualRisk: flow({ severity: SEVERITIES[rs], likelihood: LIKELIHOODS[rl] }),
        statement: status === 'transferred' ? 'The deployer accepts the controls transferred from the manufacturer.' : 'Accepted while the additional controls are completed.',
      });
    }
  }

  // --- Incidents, each realising one or two hazards.
  const irng = Rng.stream(seed, 'incidents');
  const incidentCount = 3 + Math.floor(n / 500);
  const incidents: unknown[] = [];
  for (let i = 0; i < incidentCount; i++) {
    const startDay = between(irng, '2025-06-02', '2026-11-10');
    const end = Math.min(AS_OF_DAY, startDay + irng.int(0, 10));
    const realised = irng.sample(hazardIds, irng.int(1, 2)).sort();
    const involved = [...new Set(realised.flatMap((h) => causeAssets.get(h) ?? []))].slice(0, 5);
    const sites = irng.sample(practices, irng.int(0, 3)).map((p) => p.id);
    const year = isoOf(startDay).slice(0, 4);
    incidents.push({
      id: `INC-${year}-${pad(i + 1, 3)}`,
      title: `${irng.pick(['Outage', 'Partial outage', 'Degraded service', 'Intermittent failures'])}: ${titles.get(realised[0]!)!.replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase())}`,
      description: 'Reported through the CSU service desk; recorded and reviewed against the hazard log.',
      start: isoOf(startDay),
      end: isoOf(end),
      assets: involved.length ? involved : undefined,
      sites: sites.length ? sites : undefined,
      hazards: realised,
      reference: `CSU-MI-${year}-${pad(irng.int(1, 999), 3)}`,
      harm: irng.pick(['No harm reported; appointments rebooked.', 'No harm reported.', 'Two prescriptions delayed by a day; no harm.']),
    });
  }

  return { controls, hazards, acceptances, incidents };
}

/** Write generated files into `dir` (created if needed). */
export function writeRegister(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
}
