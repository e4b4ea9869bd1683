/**
 * The register's content fingerprint: one short hash of everything the register says, printed on
 * every page of the report (document control). Two builds of the same register content give the
 * same fingerprint, whatever the files' layout, key order, comments or the as-of date; any change
 * to a record gives another. Derived data is left out (routes, the index, and each practice's own
 * assets, which its site and profile records make), as is where records came from (`source`:
 * file and line): none of it is content.
 *
 * The manifest's approvals (`approvals`, and the older `approved` date) are left out too: an
 * approval records the fingerprint of the content it approves, so if it were part of the content,
 * writing the approval down would change the fingerprint and the approval would never match what
 * it approves. They say who approved the content, not what the content is.
 */
import { createHash } from 'node:crypto';
import { canonical } from '../diff/fingerprint.js';
import type { Register } from '../model/register.js';

/** What the register says, record by record (the manifest, scheme and every collection). */
const CONTENT = ['manifest', 'scheme', 'organisations', 'sites', 'services', 'assets', 'profiles', 'hazards', 'controls', 'incidents', 'acceptances', 'scenarios'] as const;

/** The manifest without its approvals (see above): what an approval approves. */
function approvedContent(manifest: Register['manifest']): unknown {
  if (!manifest) return manifest;
  const { approvals: _approvals, approved: _approved, ...content } = manifest;
  return content;
}

/** The parts of the content, in order: the manifest, the scheme and every collection. */
export type ContentPart = (typeof CONTENT)[number];

/** One part's canonical JSON, as the fingerprint reads it. */
function partText(register: Register, key: ContentPart): string {
  const records = key === 'assets' ? register.assets.filter((a) => !a.site) : key === 'manifest' ? approvedContent(register.manifest) : register[key];
  return canonical(records);
}

/** sha-256 of the canonical JSON of the register's content, first 16 hex digits. */
export function contentFingerprint(register: Register): string {
  const hash = createHash('sha256');
  // One collection at a time: the national register's text is never held whole.
  for (const key of CONTENT) hash.update(`${JSON.stringify(key)}:${partText(register, key)}\n`);
  return hash.digest('hex').slice(0, 16);
}

/** The parts of the content (see `CONTENT`) that differ between two registers, in content order. */
export function changedContentParts(before: Register, after: Register): ContentPart[] {
  return CONTENT.filter((key) => partText(before, key) !== partText(after, key));
}
