import type { z } from 'zod';
import type { Diagnostic, YamlPath } from '../diagnostics/diagnostic.js';
import { didYouMeanSentence } from '../diagnostics/did-you-mean.js';
import { makeDiagnostic } from '../diagnostics/make-diagnostic.js';
import { Manifest } from '../model/manifest.js';
import { collectionNames, collections, recordKindOf, type CollectionName } from '../model/register-file.js';
import type { Source, Sourced } from '../model/register.js';
import { loadCodes } from './load-codes.js';
import type { LoadedYaml } from './load-yaml.js';
import { parseCodes } from './parse-codes.js';
import { issuesToDiagnostics } from './zod-issues.js';

/** Records of every collection, each with where it was written. */
export type ParsedRecords = { [K in CollectionName]: Sourced<z.infer<(typeof collections)[K]>>[] } & {
  manifests: Sourced<Manifest>[];
};

export function emptyRecords(): ParsedRecords {
  const r = { manifests: [] } as unknown as ParsedRecords;
  for (const name of collectionNames) (r as Record<string, unknown[]>)[name] = [];
  return r;
}

const topLevelKeys = ['register', ...collectionNames];

/** zod's output is a fresh object of ours: give it its source in place rather than copy it. */
function withSource<T extends object>(record: T, source: Source): Sourced<T> {
  (record as T & { source: Source }).source = source;
  return record as Sourced<T>;
}

/**
 * Check each record against its schema, one record at a time, so that one bad record never
 * hides the others, and keep where each was written.
 */
export function parseRecords(file: LoadedYaml, into: ParsedRecords): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const { value, source, starts } = file;
  if (value === undefined) return diagnostics;
  const at = (node: unknown, path: YamlPath, fallback?: object): Source => {
    const offset = (node !== null && typeof node === 'object' ? starts.get(node) : undefined) ?? (fallback ? starts.get(fallback) : undefined) ?? 0;
    const { line, column } = source.position(offset);
    return { file: source.path, path, line, column };
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    diagnostics.push(
      makeDiagnostic(loadCodes.notAMapping, {
        file: source.path,
        path: [],
        message: `This file holds ${Array.isArray(value) ? 'a list' : `the ${typeof value} ${JSON.stringify(value).slice(0, 40)}`}, but a register file is a mapping of collections.`,
        hint: 'Start the file with a collection key such as `sites:` or `hazards:`, followed by a list of records.',
      }),
    );
    return diagnostics;
  }

  for (const [key, section] of Object.entries(value)) {
    if (key === 'register') {
      const result = Manifest.safeParse(section);
      if (result.success) into.manifests.push(withSource(result.data, at(section, ['register'], value)));
      else for (const d of issuesToDiagnostics(result.error, section, ['register'], source, 'the register manifest', Manifest)) diagnostics.push(d);
      continue;
    }
    if (!(collectionNames as string[]).includes(key)) {
      diagnostics.push(
        makeDiagnostic(parseCodes.unknownKey, {
          file: source.path,
          path: [key],
          message: `\`${key}\` is not a register collection.${didYouMeanSentence(key, topLevelKeys)}`,
          hint: `A register file holds: ${topLevelKeys.map((k) => `\`${k}\``).join(', ')}.`,
        }),
      );
      continue;
    }
    const name = key as CollectionName;
    if (section === null || section === undefined) continue; // `hazards:` with nothing under it yet
    if (!Array.isArray(section)) {
      diagnostics.push(
        makeDiagnostic(parseCodes.invalidValue, {
          file: source.path,
          path: [key],
          message: `\`${key}\` must be a list of ${recordKindOf[name]} records, each starting with \`- id:\`.`,
          hint: `Write each ${recordKindOf[name]} as a list item under \`${key}:\`.`,
        }),
      );
      continue;
    }
    const schema = collections[name] as z.ZodType;
    for (let i = 0; i < section.length; i++) {
      const item: unknown = section[i];
      const result = schema.safeParse(item);
      const id = item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : undefined;
      if (result.success) {
        (into[name] as unknown[]).push(withSource(result.data as object, at(item, [key, i], section)));
      } else {
        const what = id ? `${recordKindOf[name]} \`${id}\`` : `${recordKindOf[name]} number ${i + 1} of \`${key}\``;
        for (const d of issuesToDiagnostics(result.error, item, [key, i], source, what, schema, id)) diagnostics.push(d);
      }
    }
  }
  return diagnostics;
}
