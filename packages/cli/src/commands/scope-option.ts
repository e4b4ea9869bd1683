import { resolveScope, type Register, type Scope } from '@crr/core';
import { UsageError } from '../io.js';
import { safeLine } from '../render/safe-text.js';

/**
 * The place `--scope` names, or a usage error saying why it is not one, with the nearest places
 * for a did-you-mean. Shared by `crr analyse`, `crr what-if` and `crr build`.
 */
export function scopeOption(register: Register, text: string): Scope {
  const found = resolveScope(register, text);
  if ('scope' in found) return found.scope;
  const [first, ...rest] = found.suggestions.map(safeLine);
  const guess = first ? ` Did you mean ${first}${rest.length ? ` (or ${rest.join(', ')})` : ''}?` : '';
  throw new UsageError(
    `${safeLine(found.problem)}${guess}`,
    'Give the ODS code or id of a region, ICB, sub-ICB location or PCN that has sites, e.g. `--scope QKS`; the register\'s `organisations` list them.',
  );
}
