import { contentFingerprint, latestApproval, type Register } from '@crr/core';
import { EXIT, useColour, type Io } from '../io.js';
import type { Parsed } from '../options.js';
import { paint } from '../render/colour.js';
import { registerEnvelope } from '../render/json-envelope.js';
import { jsonText, safeLine } from '../render/safe-text.js';
import { writeDiagnostics } from '../render/pretty.js';
import { crrCommand } from '../command-prefix.js';
import { loadValidated } from './load.js';
import { validationJson } from './validate.js';

/**
 * `crr fingerprint [dir]`: the register's content fingerprint (see core's content-fingerprint.ts)
 * and version, which the CSO's approval records (`approvals:` in the manifest), and whether the
 * latest approval is of this content. It reads only: recording the approval is the author's
 * edit, never crr's.
 */
export async function fingerprintCommand(parsed: Parsed<'fingerprint'>, io: Io): Promise<number> {
  const { dir } = parsed.args;
  const { format, 'as-of': asOf } = parsed.options;
  const { register, diagnostics, errors } = await loadValidated(io, dir, asOf, 'fingerprint');
  const json = format === 'json';
  if (errors) {
    // Content with errors is not content anyone should approve: report them instead.
    if (json) io.stdout.write(jsonText({ ...validationJson(register, diagnostics, asOf), fingerprint: null }));
    else
      writeDiagnostics(
        io.stdout,
        diagnostics,
        { displayDir: dir, register, paint: paint(useColour(io)), asOf },
        `The register has errors, so it has no fingerprint to approve. Fix them and run \`${crrCommand('fingerprint')}\` again.`,
      );
    return EXIT.errors;
  }
  const view = fingerprintView(register);
  if (json) io.stdout.write(jsonText(registerEnvelope(register, view)));
  else io.stdout.write(fingerprintPretty(view));
  return EXIT.ok;
}

/**
 * The documented JSON of `crr fingerprint --format json` (inside the register envelope). Stable:
 * fields are added, never renamed or removed, without a new `schemaVersion`.
 */
export interface FingerprintJson {
  /** The content fingerprint: 16 hex digits, what an approval's `fingerprint` records. */
  fingerprint: string;
  /** The manifest's `version`, or null without a manifest. */
  version: string | null;
  /** The latest approval (by date), and whether it is of this content; null when none is recorded. */
  latestApproval: { version: string; fingerprint: string; by: string; role: string; date: string; matches: boolean } | null;
}

export function fingerprintView(register: Register): FingerprintJson {
  const fingerprint = contentFingerprint(register);
  const latest = latestApproval(register.manifest?.approvals);
  return {
    fingerprint,
    version: register.manifest?.version ?? null,
    latestApproval: latest ? { version: latest.version, fingerprint: latest.fingerprint, by: latest.by, role: latest.role, date: latest.date, matches: latest.fingerprint === fingerprint } : null,
  };
}

function fingerprintPretty(view: FingerprintJson): string {
  const lines = [`Content fingerprint: ${view.fingerprint}`, `Version: ${view.version === null ? 'none (the register has no manifest)' : safeLine(view.version)}`];
  const a = view.latestApproval;
  if (!a) lines.push('Approved: no approval is recorded. To record one, add it to the manifest\'s `approvals` with this fingerprint.');
  else {
    const who = `version ${safeLine(a.version)}, by ${safeLine(a.by)} (${safeLine(a.role)}) on ${a.date}`;
    lines.push(
      a.matches
        ? `Approved: ${who}. The register is the content approved.`
        : `Approved: ${who}, as content ${a.fingerprint}. The register has changed since (CRR-W077): once the changes are approved, record a new approval with this fingerprint.`,
    );
  }
  return lines.join('\n') + '\n';
}
