import { didYouMeanSentence } from '../diagnostics/did-you-mean.js';
import { registerFaults } from '../faults/register-faults.js';
import { defineRule } from './rule.js';

/**
 * A cause's `fault:` and a not-applicable mark name a fault of the catalogue (crr's or the
 * register's own). An id that names none covers nothing: the gap it was meant to close is still
 * reported, and the reader cannot tell which fault was meant.
 */
export const unknownFault = defineRule({
  code: 'CRR-E079',
  name: 'unknown-fault',
  severity: 'error',
  title: 'A cause or a not-applicable mark names a fault the catalogue does not have',
  explanation:
    "A hazard cause's `fault:` says which known fault it covers, and the manifest's `faults.notApplicable` marks a fault as not applicable to an asset type; both name a fault by its id in crr's fault catalogue or the register's own `faults.add`. An id that is in neither covers nothing, so the fault it was meant for is still reported as a gap; a not-applicable mark whose fault belongs to another asset type marks nothing.",
  *check({ register }) {
    const faults = registerFaults(register);
    const ids = [...faults.keys()];
    for (const h of register.hazards) {
      for (const [i, cause] of h.causes.entries()) {
        if (cause.fault === undefined || faults.has(cause.fault)) continue;
        yield {
          at: h.source,
          below: ['causes', i, 'fault'],
          record: h.id,
          message: `Cause ${i + 1} of hazard \`${h.id}\` names fault \`${cause.fault}\`, which is not in the fault catalogue.${didYouMeanSentence(cause.fault, ids)}`,
          hint: 'Use an id from the fault catalogue (`docs/analysis.md`, "Fault gaps"), or add the fault to the manifest\'s `faults.add`.',
        };
      }
    }
    const m = register.manifest;
    for (const [i, mark] of (m?.faults?.notApplicable ?? []).entries()) {
      const fault = faults.get(mark.fault);
      if (!fault) {
        yield {
          at: m!.source,
          below: ['faults', 'notApplicable', i, 'fault'],
          message: `Not-applicable mark ${i + 1} names fault \`${mark.fault}\`, which is not in the fault catalogue.${didYouMeanSentence(mark.fault, ids.filter((id) => faults.get(id)!.assetType === mark.assetType))}`,
          hint: 'Use an id from the fault catalogue (`docs/analysis.md`, "Fault gaps"), or add the fault to the manifest\'s `faults.add`.',
        };
      } else if (fault.assetType !== mark.assetType) {
        yield {
          at: m!.source,
          below: ['faults', 'notApplicable', i, 'assetType'],
          message: `Not-applicable mark ${i + 1} marks fault \`${mark.fault}\` for asset type \`${mark.assetType}\`, but it is a fault of \`${fault.assetType}\`: the mark marks nothing.`,
          hint: `Write \`assetType: ${fault.assetType}\`, or name a fault of \`${mark.assetType}\`.`,
        };
      }
    }
  },
});
