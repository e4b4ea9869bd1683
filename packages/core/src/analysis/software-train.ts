import type { Policy } from '../model/manifest.js';
import { foldCase, wildcardMatches } from './wildcard.js';

/**
 * Software release trains. A defect in a train hits every device running it, whatever its patch
 * level, so a train is a common cause; two trains of one vendor are not (FortiOS 7.0 and 7.4 do
 * not share a defect because they share a first number).
 *
 * The default train is the version up to the end of its second number: `FortiOS 7.2.5` is on
 * `FortiOS 7.2`, `9.16.4` on `9.16`, `NX-OS 10.2(5)` on `NX-OS 10.2`, `MX 19.1.4` on `MX 19.1`.
 * That is how most vendors number a release train (major.minor, then maintenance), and it cannot
 * know any vendor's exceptions: Meraki numbered MX 18 builds `18.1xx` (the 18.1 train: 18.104,
 * 18.107) and `18.2xx` (the 18.2 train: 18.211), and earlier MX majors as one train with builds
 * (`MX 15.44`). The default puts `MX 18.107` on `MX 18.107`, a train with one build; a register
 * says how its vendors number in `policy.trains`, by the number of leading numeric components or
 * by naming the trains with the same wildcard patterns a hazard's selector uses, so that a hazard
 * selecting `MX 18.1*` covers the train `MX 18.1` by construction.
 */
export type TrainRules = NonNullable<Policy['trains']>;
type TrainRule = TrainRules[string];

export const DEFAULT_TRAIN_COMPONENTS = 2;

// `\D*` and `\d+` cannot both take a character, so these never backtrack far.
const leading = [1, 2, 3, 4].map((n) => new RegExp(`^\\D*\\d+(?:\\.\\d+){0,${n - 1}}`));

/** The version up to the end of its `components`-th number: `softwareTrain('9.16.4', 1)` is `9`. */
export function softwareTrain(version: string, components = DEFAULT_TRAIN_COMPONENTS): string {
  const v = version.trim();
  const m = leading[Math.min(Math.max(components, 1), leading.length) - 1]!.exec(v);
  return m ? m[0] : v;
}

/**
 * The name of a train given as a pattern: the pattern without its trailing wildcard (and the dot
 * or space before it), `MX 18.1*` is `MX 18.1` and `MX 18.*` is `MX 18`; a pattern with a
 * wildcard inside is its own name.
 */
export function trainName(pattern: string): string {
  const stem = pattern.trim().replace(/\*+$/, '').replace(/[\s._-]+$/, '');
  return stem && !stem.includes('*') ? stem : pattern.trim();
}

/** The train of each (vendor, version), under a register's `policy.trains`. */
export class SoftwareTrains {
  private readonly rules = new Map<string, TrainRule>();

  constructor(rules: TrainRules = {}) {
    // Vendors compare as selectors do, ignoring case: "cisco meraki" is Cisco Meraki.
    for (const [vendor, rule] of Object.entries(rules)) this.rules.set(foldCase(vendor.trim()), rule);
  }

  of(vendor: string | undefined, version: string): string {
    const rule = vendor === undefined ? undefined : this.rules.get(foldCase(vendor.trim()));
    if (typeof rule === 'number') return softwareTrain(version, rule);
    if (rule) {
      const v = version.trim();
      // The first pattern that matches; a version none matches is on its default train.
      for (const pattern of rule) if (wildcardMatches(pattern, v)) return trainName(pattern);
    }
    return softwareTrain(version);
  }
}
