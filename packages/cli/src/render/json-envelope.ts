import type { Register } from '@crr/core';
import { CLI_VERSION } from '../version.js';

/**
 * The head of every JSON document crr writes (validate, analyse, what-if, diff, and the site's
 * analysis.json): which version of the format, and which crr wrote it. A tool reading one checks
 * `schemaVersion` first; fields are added, never renamed or removed, without a new one.
 */
export interface JsonEnvelope {
  schemaVersion: 2;
  tool: { name: 'crr'; version: string };
}

/** The register a document is about, as its manifest names it. */
export interface RegisterHead {
  id: string;
  title: string;
  version: string;
}

/** The head of a document about one register: `register` is null when it has no readable manifest. */
export interface RegisterEnvelope extends JsonEnvelope {
  register: RegisterHead | null;
}

/** A body may not bring its own head: the envelope's fields come first and are crr's alone. */
type Body = object & { schemaVersion?: never; tool?: never };

/** `body` inside the envelope; the head's fields come first, then the body's in their order. */
export function jsonEnvelope<T extends Body>(body: T): JsonEnvelope & T {
  return { schemaVersion: 2, tool: { name: 'crr', version: CLI_VERSION }, ...body };
}

/** `body` inside the envelope of a document about `register`: the head, then `register`, then the body. */
export function registerEnvelope<T extends Body & { register?: never }>(register: Register, body: T): RegisterEnvelope & T {
  return jsonEnvelope({ register: registerHead(register), ...body });
}

export function registerHead(register: Register): RegisterHead | null {
  const m = register.manifest;
  return m ? { id: m.id, title: m.title, version: m.version } : null;
}
