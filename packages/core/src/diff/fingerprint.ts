import { createHash } from 'node:crypto';
import type { Hazard } from '../model/hazard.js';

/**
 * What an acceptance accepts: the hazard as assessed. A change to any of these fields after
 * the acceptance means top management accepted something else; review dates and owners do not
 * change what was accepted.
 */
const ACCEPTED_FIELDS = ['title', 'description', 'services', 'causes', 'effects', 'harms', 'existingControls', 'additionalControls', 'initialRisk', 'residualRisk', 'justification', 'status', 'transfer'] as const;

/** A stable hash of what was accepted: canonical JSON (sorted keys), sha-256, first 16 hex digits. */
export function hazardFingerprint(hazard: Hazard): string {
  const picked: Record<string, unknown> = {};
  for (const f of ACCEPTED_FIELDS) if (hazard[f] !== undefined) picked[f] = hazard[f];
  return createHash('sha256').update(canonical(picked)).digest('hex').slice(0, 16);
}

/** The accepted fields that differ between two versions of a hazard. */
export function acceptedFieldsChanged(before: Hazard, after: Hazard): string[] {
  return ACCEPTED_FIELDS.filter((f) => canonical(before[f] ?? null) !== canonical(after[f] ?? null));
}

/** JSON with object keys sorted at every level, so equal values give equal text. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => k !== 'source' && obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
    .join(',')}}`;
}
