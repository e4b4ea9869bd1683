import type { AssetType } from '../model/asset.js';

/**
 * The shared-fate table: when assets that share an attribute can fail together, so that sharing
 * it is a common cause (and can defeat a redundancy group). Sharing a value is not enough: six
 * thousand broadband lines share `network: internet` and have nothing that fails under all of them
 * at once, while two lines through one exchange do. Rows are read in order; the first whose
 * attribute matches and whose types include the asset's decides. The same table, with each
 * reason, is in docs/analysis.md ("The shared-fate table"); a test keeps the two in step.
 */
export interface SharedFateRow {
  /** The attribute as findings name it (`software train`), or a free-form one as `attributes.<key>`; `attributes.*` is any other. */
  attribute: string;
  /** The asset types this row is about; `any` for every type. */
  types: 'any' | readonly AssetType[];
  shared: boolean;
  reason: string;
}

export const SHARED_FATE: readonly SharedFateRow[] = [
  {
    attribute: 'software train',
    types: 'any',
    shared: true,
    reason: 'One defect in a release train hits every device running it, whatever its patch level, and is often triggered by the same traffic or date everywhere (the April 2026 MX 18 tunnel drops).',
  },
  {
    attribute: 'model',
    types: 'any',
    shared: false,
    reason: 'What makes every unit of a model fail at once is its firmware (an uptime counter, a certificate or a date in it), and that is a software train, a row of its own; a hardware defect of a model (a component batch) wears units out one by one over months, not together. Forty concentrators of one model running different trains in different halls are not one failure. A batch that matters is written as a free-form attribute (`attributes.batch`).',
  },
  {
    attribute: 'location',
    types: 'any',
    shared: true,
    reason: 'Everything hosted in one place shares its power, cooling, building and people: a fire, flood or power failure there takes it all.',
  },
  {
    attribute: 'carrier',
    types: 'any',
    shared: true,
    reason: 'Circuits of one carrier share its core network, routing and operations: one fault or bad change in its core drops them together (the January 2026 outage).',
  },
  {
    attribute: 'management plane',
    types: 'any',
    shared: true,
    reason: 'One plane configures every asset it manages: a bad configuration or firmware push, an expired credential or a compromise reaches them all at once.',
  },
  {
    attribute: 'network',
    types: 'any',
    shared: false,
    reason: 'A network is a name for many independent paths, not a thing that fails: broadband lines on the internet fail together only through a carrier or an exchange they share (rows of their own). A network core that sites need (the HSCN core, a KPSN core) is an asset on their routes, and is found as a failure point or common cause through that.',
  },
  {
    attribute: 'supplier',
    types: ['network-link'],
    shared: true,
    reason: 'The supplier of a link operates the network service it is part of (a connectivity provider\'s core and routing), so its links share that service\'s failures, as a carrier\'s do.',
  },
  {
    attribute: 'supplier',
    types: 'any',
    shared: false,
    reason: 'A supplier\'s failure reaches its assets through what it runs for them: its data centre (location), its management plane, its network (carrier), each a row of its own. One contract alone means a slower repair, not a joint failure.',
  },
  {
    attribute: 'vendor',
    types: 'any',
    shared: false,
    reason: 'Different models and software trains of one maker do not share a defect; what one vendor\'s devices do share is a software train, a model or a vendor cloud (a management plane), each a row of its own.',
  },
  {
    attribute: 'attributes.exchange',
    types: 'any',
    shared: true,
    reason: 'Lines through one telephone exchange share its building, power and duct routes: a fire, flood or cable cut there takes them all, whatever their carrier.',
  },
  {
    attribute: 'attributes.*',
    types: 'any',
    shared: true,
    reason: 'A free-form attribute (a power feed, a building, a duct route) is written under `attributes` to say what a common cause may hinge on, so the register says it is shared fate.',
  },
];

/** The row that decides whether sharing `attribute` (`model`, `attributes.exchange`) is shared fate for an asset of this type. */
export function sharedFateRow(attribute: string, type: AssetType): SharedFateRow {
  const applies = (r: SharedFateRow) => r.types === 'any' || r.types.includes(type);
  const row =
    SHARED_FATE.find((r) => r.attribute === attribute && applies(r)) ??
    (attribute.startsWith('attributes.') ? SHARED_FATE.find((r) => r.attribute === 'attributes.*' && applies(r)) : undefined);
  // Every attribute the analysis groups by has a row for any type (a test checks it); a free-form one falls to `attributes.*`.
  if (!row) throw new Error(`The shared-fate table has no row for ${attribute}.`);
  return row;
}

/** Whether assets of this type that share this attribute can fail together. */
export function sharesFate(attribute: string, type: AssetType): boolean {
  return sharedFateRow(attribute, type).shared;
}
