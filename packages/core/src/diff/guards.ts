import { toleranceMeasures } from '../analysis/named-scenarios.js';
import type { DiagnosticCode } from '../diagnostics/catalogue.js';
import type { CodeDefinition } from '../diagnostics/code.js';
import type { Policy } from '../model/manifest.js';
import { placesSentence } from './diff-places.js';
import type { At, RegisterDiff } from './register-diff.js';

export interface GuardFinding {
  message: string;
  hint: string;
  record?: string;
  at?: At;
}

/**
 * A guard: a change that must not pass unnoticed. Each has a permanent code (never renamed or
 * reused), can be switched off in the manifest's `policy.guards`, and fails CI when it trips.
 */
export interface Guard<C extends string = DiagnosticCode> extends CodeDefinition<C, 'error'> {
  name: keyof NonNullable<Policy['guards']>;
  check(diff: RegisterDiff): GuardFinding[];
}

/** Define a guard, as `defineRule` a rule: its code's definition and its check in one place. */
function defineGuard<C extends string>(guard: Guard<C>): Guard<C> {
  return Object.freeze(guard);
}

const deletedOpenHazard = defineGuard({
  code: 'CRR-G001',
  severity: 'error',
  name: 'deleted-open-hazard',
  title: 'An open or transferred hazard was deleted instead of closed',
  explanation:
    'A hazard leaves the log by being closed, with its controls verified, so that the audit trail shows why. Deleting an open or transferred hazard loses a risk that was still live.',
  check: (diff) =>
    diff.hazards.removed
      .filter((h) => h.status !== 'closed')
      .map((h) => ({
        record: h.id,
        at: h.at,
        message: `Hazard \`${h.id}\` (${h.title}) was ${h.status} and has been deleted.`,
        hint: 'Keep the hazard and set its status to `closed` once every control is verified, or restore it.',
      })),
});

const residualRaisedWithoutAcceptance = defineGuard({
  code: 'CRR-G002',
  severity: 'error',
  name: 'residual-raised-without-acceptance',
  title: 'A residual rating rose without a new acceptance',
  explanation:
    'A higher residual risk is a different risk from the one top management accepted. Record a new acceptance of the hazard in the same change (DCB0160).',
  check: (diff) =>
    diff.ratings
      .filter((r) => r.which === 'residual' && r.direction === 'up' && !diff.acceptances.added.some((a) => diff.acceptancesByHazard[a] === r.hazard))
      .map((r) => ({
        record: r.hazard,
        at: r.at,
        message: `The residual rating of hazard \`${r.hazard}\` (${r.title}) rises from ${r.before} to ${r.after}, and no new acceptance of it is recorded.`,
        hint: 'Add an acceptance of the hazard at its new residual risk under `acceptances:`, signed by the accountable role.',
      })),
});

const controlRemovedWithoutReplacement = defineGuard({
  code: 'CRR-G003',
  severity: 'error',
  name: 'control-removed-without-replacement',
  title: 'A control was removed from an open hazard with no replacement',
  explanation:
    'Taking a control away from a hazard that is still open raises its risk unless another control takes its place. Add the replacement in the same change, or reassess the hazard.',
  check: (diff) =>
    diff.controls.removedFromHazard
      .filter((r) => r.hazardStatus !== 'closed' && !r.replaced)
      .map((r) => ({
        record: r.hazard,
        at: r.at,
        message: `Control \`${r.control}\` was removed from ${r.hazardStatus} hazard \`${r.hazard}\`, and no control was added to it.`,
        hint: 'Add the control that replaces it, or put it back; if the risk really changed, reassess the hazard.',
      })),
});

const uncoveredFailurePoint = defineGuard({
  code: 'CRR-G004',
  severity: 'error',
  name: 'uncovered-failure-point',
  title: 'A new failure point reaches a clinical service and no hazard names it',
  explanation:
    'The change makes an asset a single failure point for some practices\' clinical services, and no hazard in the log has a cause that names it. Raise or extend a hazard before the change goes live.',
  check: (diff) =>
    diff.failurePoints.gained
      .filter((f) => f.hazards.length === 0)
      .map((f) => ({
        record: f.asset,
        ...(f.at ? { at: f.at } : {}),
        message: `\`${f.asset}\` (${f.name}) becomes a single failure point for ${f.sites.length} site${f.sites.length === 1 ? '' : 's'} (${f.patients.toLocaleString('en-GB')} patients): ${f.sites.slice(0, 5).map((s) => `${s.site} (${s.services.join(', ')})`).join('; ')}${f.sites.length > 5 ? ` and ${f.sites.length - 5} more` : ''}.${placesSentence(f)} No hazard names it.`,
        hint: `Name \`${f.asset}\` in a hazard's causes (by id or selector), or keep the redundancy these sites had.`,
      })),
});

const uncoveredCapacityShortfall = defineGuard({
  code: 'CRR-G007',
  severity: 'error',
  name: 'uncovered-capacity-shortfall',
  title: 'A new capacity shortfall and no hazard names the overloaded asset',
  explanation:
    'The change pushes a capacity-limited asset over its limit at peak, or over it when one member of its redundancy group fails (N-1), or makes such a shortfall larger, and no hazard has a cause that names the overloaded asset. Sites beyond its capacity get an intermittent service, as in the April 2026 outage. Raise or extend a hazard, or keep the load within the limit.',
  check: (diff) =>
    [...diff.capacity.overloads.new, ...diff.capacity.overloads.grown, ...diff.capacity.nMinusOne.new, ...diff.capacity.nMinusOne.grown]
      .filter((c) => c.hazards.length === 0)
      .map((c) => {
        const over = c.overloaded.map((o) => `\`${o.asset}\` (${o.name}) would carry ${o.load} of ${o.limit} ${o.unit}, a shortfall of ${o.shortfall}${o.shortfallBefore === undefined ? '' : o.shortfallBefore > 0 ? ` (${o.shortfallBefore} before this change)` : ' (within its limit before this change)'}`).join('; ');
        const sites = `${c.sites.length} site${c.sites.length === 1 ? '' : 's'} (${c.patients.toLocaleString('en-GB')} patients): ${c.sites.slice(0, 5).join(', ')}${c.sites.length > 5 ? ` and ${c.sites.length - 5} more` : ''}`;
        const names = c.overloaded.map((o) => `\`${o.asset}\``).join(' and ');
        return {
          record: c.overloaded[0]?.asset ?? c.finding,
          ...(c.at ? { at: c.at } : {}),
          message:
            c.kind === 'capacity'
              ? `At peak, ${over}, for ${sites}.${placesSentence(c)} No hazard names it.`
              : `If \`${c.failed}\` fails, ${over}, for ${sites}.${placesSentence(c)} No hazard names ${names}.`,
          hint: `Name ${names} in a hazard's causes (by id or selector), or keep the load within ${c.overloaded.length === 1 ? 'its limit' : 'their limits'}${c.kind === 'capacity-n-1' ? ` when \`${c.failed}\` fails` : ''}.`,
        };
      }),
});

const scenarioPastTolerance = defineGuard({
  code: 'CRR-G008',
  severity: 'error',
  name: 'scenario-past-tolerance',
  title: 'A named scenario goes past its tolerance',
  explanation:
    'The change pushes a named scenario past a ceiling of its tolerance that it was within before, or adds a scenario that is already past its own (the change is what records it). The tolerance is the base\'s when the scenario exists there: a change cannot relax the tolerance it is judged by, so a new tolerance is agreed in a change of its own.',
  check: (diff) =>
    diff.scenarios.list
      .filter((s) => s.newlyPast.length > 0)
      .map((s) => {
        const words = new Map(toleranceMeasures.map((m) => [m.measure, m.words] as const));
        const past = s.newlyPast.map((e) => `${words.get(e.measure)!(e.actual)} against at most ${e.limit.toLocaleString('en-GB')}`).join('; ');
        return {
          record: s.id,
          ...(s.at ? { at: s.at } : {}),
          message:
            s.change === 'added'
              ? `New scenario \`${s.id}\` (${s.title}) is past its tolerance: ${past}.`
              : `This change pushes scenario \`${s.id}\` (${s.title}) past its tolerance: ${past}.`,
          hint:
            s.change === 'added'
              ? 'Bring the scenario within its tolerance before recording it (add redundancy or capacity), or record the tolerance the register can really bear, agreed with the CSO.'
              : 'Keep the scenario within its tolerance (add redundancy or capacity, or leave the load where it was); a tolerance is raised only in a change of its own, agreed with the CSO.',
        };
      }),
});

/** Every guard, in code order; a tuple, so that their codes reach the closed union `DiagnosticCode`. */
export const guards = [
  deletedOpenHazard,
  residualRaisedWithoutAcceptance,
  controlRemovedWithoutReplacement,
  uncoveredFailurePoint,
  uncoveredCapacityShortfall,
  scenarioPastTolerance,
] as const satisfies readonly Guard<string>[];

export interface GuardResult {
  code: DiagnosticCode;
  name: string;
  title: string;
  enabled: boolean;
  findings: GuardFinding[];
}

/** Run the guards the policy leaves on. The policy is the base's: a change cannot relax the guards it is judged by. */
export function runGuards(diff: RegisterDiff, policy: Policy | undefined): GuardResult[] {
  return guards.map((g) => {
    const enabled = policy?.guards?.[g.name] !== false;
    return { code: g.code, name: g.name, title: g.title, enabled, findings: enabled ? g.check(diff) : [] };
  });
}
