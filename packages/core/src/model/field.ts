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

export const Id = z
  .string()
  .regex(idPattern, 'Use letters, digits, `-`, `_` and `.`, starting with a letter or digit.');

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
export const AssetRef = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*(\/[a-z][a-z0-9-]*)?$/, 'Use an asset id (`vpn-a`), or a site\'s own asset as `<site id>/<name>` (`Y90104/link`).');

export function assetRefListField(description: string, example: string[]) {
  return field(z.array(AssetRef), description, example);
}

/** An ISO calendar date, `YYYY-MM-DD`. Dates are never times: no time zone can shift them. */
export const IsoDate = z.iso.date();

export function dateField(description: string, example: string) {
  return field(IsoDate, description, example);
}

export function textField(description: string, example: string) {
  return field(z.string().min(1), description, example);
}
