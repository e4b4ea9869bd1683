import { lstatSync, readFileSync, writeFileSync } from 'node:fs';
import { REGISTER_SCHEMA_ID, registerJsonSchemaText, type RiskScheme } from '@crr/core';
import { EXIT, UsageError, useColour, type Io } from '../io.js';
import { localIsoDate, type Parsed } from '../options.js';
import { paint } from '../render/colour.js';
import { writeDiagnostics } from '../render/pretty.js';
import { describeFsError } from '../fs-problem.js';
import { resolveDir } from './common.js';
import { loadValidated } from './load.js';

/** The codes of a risk scheme the schema cannot list levels from: its own shape, and its matrix. */
const SCHEME_CODES = new Set(['CRR-E037', 'CRR-E038']);

/**
 * `crr schema [dir] [--out file]`: the JSON Schema editors check a register file against. With a
 * register, its own risk scheme's levels are the ones the editor offers; with `--out`, the schema
 * is written to a file (beside the register, so that a register kept outside crr's checkout can
 * name it in its first line) instead of printed.
 */
export async function schemaCommand(parsed: Parsed<'schema'>, io: Io): Promise<number> {
  const { dir } = parsed.args;
  const { out } = parsed.options;
  let scheme: RiskScheme | undefined;
  if (dir !== undefined) {
    // The date only moves date rules, which say nothing of the scheme.
    const asOf = localIsoDate((io.today ?? (() => new Date()))());
    const { register, diagnostics } = await loadValidated(io, dir, asOf, 'schema');
    const broken = diagnostics.filter((d) => SCHEME_CODES.has(d.code));
    if (broken.length) {
      writeDiagnostics(io.stderr, broken, { displayDir: dir, register, paint: paint(useColour(io, 'stderr')), asOf }, 'The register\'s risk scheme is not complete, so there are no levels to list. Fix it and run the command again.');
      return EXIT.errors;
    }
    scheme = register.scheme;
  }
  const text = registerJsonSchemaText(scheme);
  if (out === undefined) {
    io.stdout.write(text);
    return EXIT.ok;
  }
  writeSchemaFile(io, out, text);
  io.stdout.write(`Wrote the register schema to ${out}. A register file names it in its first line: # yaml-language-server: $schema=${schemaRef(out)}\n`);
  return EXIT.ok;
}

/** Larger than any schema crr writes (about 100 kB): such a file is not one, and is not read. */
const MAX_SCHEMA_BYTES = 10_000_000;

/** How a register file beside the schema names it. */
function schemaRef(out: string): string {
  return out.split(/[\\/]/).pop()!;
}

/**
 * Write the schema, replacing only a schema crr wrote before (same `$id`): `--out register.yaml`
 * by mistake must not cost a CSO their manifest.
 */
export function writeSchemaFile(io: Io, out: string, text: string): void {
  const path = resolveDir(io, out);
  const existing = lstatSync(path, { throwIfNoEntry: false });
  if (existing) {
    if (!existing.isFile()) throw new UsageError(`\`${out}\` is not a file crr can write the schema to (it is ${existing.isDirectory() ? 'a folder' : 'a link or special file'}).`, 'Give a file name, e.g. `--out registers/my-icb/register.schema.json`.');
    if (existing.size > MAX_SCHEMA_BYTES || !isCrrSchema(path)) throw new UsageError(`\`${out}\` already exists and is not a schema crr wrote, so crr leaves it alone.`, 'Give a new file name, e.g. `register.schema.json` beside the register.');
  }
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw describeFsError(e, 'write the schema to', out);
  }
}

function isCrrSchema(path: string): boolean {
  try {
    const text = readFileSync(path, 'utf8');
    return (JSON.parse(text) as { $id?: unknown }).$id === REGISTER_SCHEMA_ID;
  } catch {
    return false;
  }
}
