import { defineRule } from './rule.js';

/**
 * `notApplicable` is the log's record that a kind of control was considered and ruled out. A
 * control of that kind on the same hazard contradicts it, and a reviewer cannot tell which is
 * true; a kind listed twice has two reasons, and the log should give one.
 */
export const notApplicableKind = defineRule({
  code: 'CRR-E075',
  name: 'not-applicable-kind',
  severity: 'error',
  title: 'A kind of control is recorded as not applicable but the hazard has one, or twice',
  explanation:
    "A hazard's `notApplicable` records the kinds of control (design, test, training, business process) considered and found not to apply, with the reason, so a reviewer sees that each kind was considered. A kind recorded there while the hazard lists a control of that kind, existing or additional, is a contradiction; a kind recorded twice gives two reasons where the log needs one.",
  *check({ register }) {
    const kindOf = new Map(register.controls.map((c) => [c.id, c.kind] as const));
    for (const h of register.hazards) {
      const entries = h.notApplicable ?? [];
      if (!entries.length) continue;
      // Existing first, as the log lists them; an unknown id is CRR-E031's to report.
      const controls = [
        ...(h.existingControls ?? []).map((id) => ({ id, role: 'existing', list: 'existingControls' })),
        ...(h.additionalControls ?? []).map((id) => ({ id, role: 'additional', list: 'additionalControls' })),
      ];
      const first = new Map<string, number>();
      for (const [i, entry] of entries.entries()) {
        const { kind } = entry;
        const earlier = first.get(kind);
        if (earlier !== undefined) {
          yield {
            at: h.source,
            below: ['notApplicable', i, 'kind'],
            record: h.id,
            message: `Hazard \`${h.id}\` records \`${kind}\` as not applicable twice, in entries ${earlier + 1} and ${i + 1} of \`notApplicable\`.`,
            hint: `Keep one entry for \`${kind}\`, with one reason.`,
          };
          continue;
        }
        first.set(kind, i);
        const clashing = controls.filter((c) => kindOf.get(c.id) === kind);
        if (!clashing.length) continue;
        const named = clashing.map((c) => `${c.role} control \`${c.id}\``);
        const lists = [...new Set(clashing.map((c) => `\`${c.list}\``))].join(' or ');
        const list = named.length === 1 ? named[0]! : `${named.slice(0, -1).join(', ')} and ${named.at(-1)!}`;
        yield {
          at: h.source,
          below: ['notApplicable', i, 'kind'],
          record: h.id,
          message: `Hazard \`${h.id}\` records \`${kind}\` controls as not applicable, but its ${list} ${clashing.length === 1 ? 'is' : 'are'} of kind \`${kind}\`.`,
          hint: `If the ${clashing.length === 1 ? 'control applies' : 'controls apply'}, remove the \`${kind}\` entry from \`notApplicable\`; if not, remove ${clashing.length === 1 ? 'it' : 'them'} from the hazard's ${lists}.`,
        };
      }
    }
  },
});
