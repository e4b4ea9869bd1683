/**
 * The Open Government Licence v3.0 attribution the published NHS organisation data requires:
 * every copy of it, and every register file written from it, keeps this line.
 */
export const ODS_ATTRIBUTION =
  'Contains public sector information licensed under the Open Government Licence v3.0 (source: NHS England / NHS Digital ' +
  'Organisation Data Service and GP registration publications).';

/** The attribution as YAML comment lines, wrapped at about 100 characters. */
export function attributionComment(): string[] {
  const out: string[] = [];
  let line = '#';
  for (const word of ODS_ATTRIBUTION.split(' ')) {
    if (line.length + word.length + 1 > 100) {
      out.push(line);
      line = '#';
    }
    line += ` ${word}`;
  }
  out.push(line);
  return out;
}
