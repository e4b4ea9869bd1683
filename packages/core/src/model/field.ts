import { z } from 'zod';

/**
 * Every authored field carries a description and an example, because the JSON Schema that
 * editors show is generated from these and a CSO writing YAML by hand reads them as help.
 */
export function field<T extends z.ZodType>(schema: T, description: string, example: unknown): T {
  return schema.meta({ description, examples: [example] }) as T;
}

/** Stable, human-readable record id, unique in the register. */
export const idPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/**
 * The longest id. An id names its record's page (`hazards/<id>/index.html`); the page slug is
 * bounded and hashed whatever the id (see `report/slug.ts`), but an id of thousands of characters
 * is a mistake or an attack, and every message that quotes it would carry it.
 */
export const ID_MAX_LENGTH = 128;

/** A site's own asset is `<site id>/<name>`: two id-sized parts. */
const ASSET_REF_MAX_LENGTH = 2 * ID_MAX_LENGTH + 1;

/** Refuses text longer than `max` with a sentence that says so; the JSON Schema gets `maxLength`. */
function capped<T extends z.ZodString>(schema: T, max: number, what: string) {
  return schema
    .refine((s) => s.length <= max, { error: (issue) => `it is ${String(issue.input).length} characters long, and ${what} can be at most ${max}; shorten it` })
    .meta({ maxLength: max });
}

export const Id = capped(z.string().regex(idPattern, 'Use letters, digits, `-`, `_` and `.`, starting with a letter or digit.'), ID_MAX_LENGTH, 'an id');

export function idField(description: string, example: string) {
  return field(Id, description, example);
}

/** A reference to another record, by id. */
export function refField(description: string, example: string) {
  return field(Id, description, example);
}

export function refListField(description: string, example: string[]) {
  return field(z.array(Id), description, example);
}

/**
 * A reference to an asset: an authored id, or a site-local asset's derived id
 * `<site id>/<local name>` (`Y90104/link`).
 */
export const AssetRef = capped(
  z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*(\/[a-z][a-z0-9-]*)?$/, 'Use an asset id (`vpn-a`), or a site\'s own asset as `<site id>/<name>` (`Y90104/link`).'),
  ASSET_REF_MAX_LENGTH,
  'an asset reference',
);

export function assetRefListField(description: string, example: string[]) {
  return field(z.array(AssetRef), description, example);
}

/** An ISO calendar date, `YYYY-MM-DD`. Dates are never times: no time zone can shift them. */
export const IsoDate = z.iso.date();

/**
 * What an editor says of a date it cannot read. zod's own pattern for a real calendar date is
 * 200 characters of regular expression, which is what an editor would otherwise show; the JSON
 * Schema carries this sentence instead (json-schema.ts), and crr itself still checks the calendar.
 */
export const DATE_IN_WORDS = 'Write a date as YYYY-MM-DD (year, month, day), a day that exists, for example 2026-04-07.';

/** A date field; its description ends by saying how a date is written, for the editor's hover. */
export function dateField(description: string, example: string) {
  return field(IsoDate, `${description} Written YYYY-MM-DD.`, example);
}

/**
 * A severity or likelihood: a word of the register's risk scheme. The model takes any word,
 * because a register may define its own scheme (crr checks the word against it, CRR-E036); the
 * JSON Schema for editors lists the levels of the scheme it is written for (json-schema.ts).
 */
export function levelField(kind: 'severity' | 'likelihood', description: string, example: string) {
  return z.string().min(1).meta({ description, examples: [example], [LEVEL_META]: kind });
}

/** The metadata key that marks a level field for the JSON Schema generator; never in the output. */
export const LEVEL_META = 'crrRiskLevel';

/**
 * Text that says something: at least one character that is not white space. A title, a name or
 * a justification of `"   "` passes a length check and says nothing, so it is refused (CRR-E021).
 */
export const Text = z.string().regex(/\S/, 'Write some text: a value that is empty or only white space says nothing.');

export function textField(description: string, example: string) {
  return field(Text, description, example);
}
