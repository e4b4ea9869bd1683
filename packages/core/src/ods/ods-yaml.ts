import type { Organisation } from '../model/organisation.js';
import type { Site } from '../model/site.js';
import { attributionComment } from './attribution.js';
import type { IcbPart, OdsImport } from './select-practices.js';

/**
 * The register part an import writes, as YAML texts by relative path: `regions.yaml`, then per
 * ICB `icbs/<code>/organisations.yaml` and `icbs/<code>/sites.yaml`. One record a line, in flow
 * style like the hand-written registers, so a diff of two imports is a diff of practices. Every
 * file opens with the Open Government Licence attribution. No date or time is written: the same
 * files give the same bytes.
 */

/** Where the data came from, for each file's header: file names (made safe for a comment) and extract dates. */
export interface OdsProvenance {
  practices: string;
  pcns: string;
  listSizes: string;
  pcnExtract: string[];
  listExtract: string[];
}

const RESERVED = /^(?:true|false|yes|no|on|off|null|y|n|~)$/i;
const NUMBERISH = /^[-+.]?[0-9][0-9_.:eE+-]*$/;

/**
 * A YAML scalar for a value from the files: plain when it can only be read back as the same
 * string, otherwise double-quoted with JSON escapes (valid YAML), control characters and
 * non-characters escaped too, so no value can start a comment, a key or a new line.
 */
export function yamlScalar(value: string): string {
  if (/^[A-Za-z0-9][A-Za-z0-9 .&()/'-]*$/.test(value) && !value.endsWith(' ') && !RESERVED.test(value) && !NUMBERISH.test(value)) return value;
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Text for a comment: control, line-breaking and direction-changing characters become `_`, so it stays one comment line. */
export function commentSafe(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g, '_').slice(0, 200);
}

function flow(record: Record<string, unknown>): string {
  const parts = Object.entries(record)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${typeof v === 'number' ? String(v) : yamlScalar(String(v))}`);
  return `{ ${parts.join(', ')} }`;
}

function header(lines: readonly string[], provenance: OdsProvenance): string {
  const extract = (dates: string[]) => (dates.length ? ` (extract ${dates.join(', ')})` : '');
  return [
    ...attributionComment(),
    '#',
    ...lines.map((l) => `# ${l}`),
    '#',
    '# Written by `crr import ods` from the NHS organisation data files:',
    `#   practices  ${commentSafe(provenance.practices)}`,
    `#   PCN map    ${commentSafe(provenance.pcns)}${extract(provenance.pcnExtract)}`,
    `#   list sizes ${commentSafe(provenance.listSizes)}${extract(provenance.listExtract)}`,
    '# Names are as published (capitals kept). Re-import rather than edit by hand what came from the files.',
    '',
  ].join('\n');
}

function organisationLines(orgs: readonly Organisation[]): string[] {
  return orgs.map((o) => `  - ${flow({ id: o.id, type: o.type, name: o.name, ods: o.ods, parent: o.parent, description: o.description })}`);
}

function siteLines(part: IcbPart): string[] {
  const lines: string[] = [];
  // Grouped by PCN (the stand-in last), each group in code order, with the PCN's name above it.
  const pcnName = new Map(part.organisations.filter((o) => o.type === 'pcn').map((o) => [o.id, o.name]));
  const groups = new Map<string, Site[]>();
  for (const s of part.sites) groups.set(s.pcn!, [...(groups.get(s.pcn!) ?? []), s]);
  const order = [...groups.keys()].sort((a, b) => Number(a.endsWith('-unmapped')) - Number(b.endsWith('-unmapped')) || (a < b ? -1 : a > b ? 1 : 0));
  for (const pcn of order) {
    const sites = groups.get(pcn)!;
    lines.push(`  # ${commentSafe(pcnName.get(pcn) ?? pcn)} (${sites.length})`);
    for (const s of sites) {
      const remark = part.remarks.get(s.id);
      lines.push(
        `  - ${flow({ id: s.id, type: s.type, name: s.name, ods: s.ods, pcn: s.pcn, subIcb: s.subIcb, listSize: s.listSize, postcode: s.postcode, profile: s.profile })}${remark ? `  # ${commentSafe(remark)}` : ''}`,
      );
    }
  }
  return lines;
}

/** The files of an import, by relative path, in path order. */
export function odsYamlFiles(result: OdsImport, provenance: OdsProvenance): Map<string, string> {
  const files = new Map<string, string>();
  files.set(
    'regions.yaml',
    `${header(['NHS England regions of the imported ICBs.'], provenance)}\norganisations:\n${organisationLines(result.regions).join('\n')}\n`,
  );
  for (const part of result.icbs) {
    const title = `${commentSafe(part.name)} (${part.code}): ${part.practices.length} active GP practices`;
    files.set(
      `icbs/${part.slug}/organisations.yaml`,
      `${header([`${title}; the ICB, its sub-ICB locations and PCNs.`], provenance)}\norganisations:\n${organisationLines(part.organisations).join('\n')}\n`,
    );
    files.set(`icbs/${part.slug}/sites.yaml`, `${header([`${title}.`], provenance)}\nsites:\n${siteLines(part).join('\n')}\n`);
  }
  return new Map([...files].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}
