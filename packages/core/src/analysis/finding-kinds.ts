/**
 * How each kind of finding is shown: its name, one sentence on what it means, and the colour of
 * its tag. Beside the kinds, so a new kind cannot be added without saying how it reads.
 */
import type { FindingKind } from './finding.js';

export interface FindingKindMeta {
  label: string;
  description: string;
  /** An NHS tag colour (`nhsuk-tag--<colour>`). */
  colour: 'red' | 'orange' | 'yellow' | 'purple' | 'pink' | 'blue' | 'green' | 'grey';
}

export const FINDING_KIND_META: Record<FindingKind, FindingKindMeta> = {
  'failure-point': { label: 'Failure point', description: 'An asset whose failure alone cuts some sites off a service.', colour: 'red' },
  'common-cause': { label: 'Common cause', description: 'Assets that share an attribute (a vendor, a software version, a carrier), so one cause can fail them together.', colour: 'orange' },
  'redundancy-defeated': { label: 'Redundancy defeated', description: 'A group of alternatives whose members share an attribute, so one cause can defeat the redundancy.', colour: 'orange' },
  'double-failure': { label: 'Double failure', description: 'Two assets whose failing together cuts sites off that neither cuts alone.', colour: 'yellow' },
  capacity: { label: 'Capacity', description: 'An asset whose load is above its limit.', colour: 'purple' },
  'capacity-n-1': { label: 'Capacity after a failure (N-1)', description: 'An asset that would be over its limit when an alternative fails and its load moves over.', colour: 'purple' },
  'scenario-tolerance': { label: 'Scenario past its tolerance', description: 'A named scenario of the register that cuts, degrades or overloads more than its tolerance allows.', colour: 'orange' },
  'incident-likelihood': { label: 'Incidents against the likelihood', description: 'A hazard with more incidents in a year than its likelihood allows.', colour: 'blue' },
  'fault-gap': { label: 'Fault not considered', description: 'A known fault of an asset type the register has, which no hazard cause names and the register does not mark not applicable: a gap in hazard identification.', colour: 'pink' },
};
