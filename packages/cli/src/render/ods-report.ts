import { groupDigits, type ImportCounts, type OdsComparison } from '@crr/core';
import { crrCommand } from '../command-prefix.js';
import { safeLine } from './safe-text.js';

/**
 * What `crr import ods` prints: what was imported, what was done with each kind of untidy row
 * (with its count), and, with `--compare`, what differs from the register. Sorted as the core
 * gives it; names from the files pass through `safeLine`.
 */

const n = (x: number) => groupDigits(x);
const s = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;

/** What was imported and what was done with each kind of untidy row, with counts. */
export function importReport(c: ImportCounts, w: { shown: string; files: number; bytes: number; icbs: string[]; profile: string; all: boolean }): string {
  const status = (k: string) => c.gpByStatus[k] ?? 0;
  const lines = [
    `Imported ${s(c.selected, 'active GP practice')} (${n(c.patients)} registered patients) of ${w.all ? `every ICB in England (${c.icbs})` : `${s(c.icbs, 'ICB')} (${w.icbs.join(', ')})`} into ${w.shown}/: ${s(w.files, 'file')}, ${n(w.bytes)} bytes.`,
    `  ${s(c.regions, 'region')}, ${s(c.icbs, 'ICB')}, ${s(c.subIcbs, 'sub-ICB location')}, ${s(c.pcns, 'PCN')}${c.standInPcns ? ` and ${s(c.standInPcns, 'stand-in PCN')} for practices with none` : ''}.`,
    '',
    'Selected from the practices file:',
    `  ${s(c.epraccurRows, 'row')}: ${n(c.englandActive)} active GP practices in England (status A, prescribing setting 4) in ${s(c.icbsInEngland, 'ICB')};`,
    `  left out: ${n(c.wales)} active in Wales (region W00), ${n(status('C'))} closed, ${n(status('D'))} dormant, ${n(status('P'))} proposed, ${n(c.otherSettings)} other prescribing settings (not GP practices)${c.epraccurRepeated ? `, ${s(c.epraccurRepeated, 'repeated row')} read once` : ''}${c.epraccurBlank ? `, ${s(c.epraccurBlank, 'blank line')}` : ''}.`,
    '',
    'What was done with the untidy rows (the PCN map and list sizes are older than the practices file):',
    `  ${s(c.notInMap, 'practice')} not in the PCN map, and ${n(c.unallocated)} filed there as U "Unallocated": put in their ICB's stand-in PCN (pcn-<icb>-unmapped), naming their own sub-ICB location.`,
    `  ${s(c.pcnInOtherIcb, 'practice')} whose PCN is now mostly in another ICB: put in their own ICB's stand-in PCN, with a comment naming the PCN and its ICB.`,
    `  ${s(c.icbChangedKept, 'practice')} in another ICB than the map says, whose whole PCN moved with them: kept in their PCN, under their current ICB (with a comment).`,
    `  ${s(c.pcnsUnderIcb, 'PCN')} whose practices are in more than one sub-ICB location: placed straight under their ICB; their ${s(c.practicesNamingSubIcb - (c.notInMap + c.unallocated + c.pcnInOtherIcb), 'practice')} name their own sub-ICB location.`,
    `  ${s(c.noListSize, 'practice')} with no published list size (mostly walk-in and extended-access services): listSize 0 written, with a comment; correct it where the practice has registered patients.`,
    `  ${s(c.nameDiffers, 'practice')} named differently in the PCN map: the practices file's name (the newer) is written, as published (capitals kept).`,
    `  Not imported, as no longer active practices: ${s(c.mapRowsNotActive, 'row')} of the PCN map, ${s(c.listSizesNotActive, 'list size')}${c.listSizeBreakdownRows ? `; ${s(c.listSizeBreakdownRows, 'breakdown row')} (by sex or age) of the list sizes, the ALL total used` : ''}.`,
  ];
  const unnamed = [
    c.unnamedRegions.length ? `regions ${c.unnamedRegions.join(', ')}` : '',
    c.unnamedIcbs.length ? `ICBs ${c.unnamedIcbs.join(', ')}` : '',
    c.unnamedSubIcbs.length ? `sub-ICB locations ${c.unnamedSubIcbs.join(', ')}` : '',
  ].filter(Boolean);
  lines.push(
    unnamed.length
      ? `  No name in the PCN map for ${unnamed.join('; ')}: named by code.`
      : '  Region, ICB and sub-ICB location names are the PCN map\'s (its STP and CCG names).',
  );
  lines.push(
    '',
    `Every practice names profile \`${w.profile}\`: the register must define it (\`profiles:\`) with the routes its practices take.`,
    'The files are a register part: add them to a register folder with a manifest (`register:`), then',
    `  ${crrCommand('validate <register>')}`,
    '',
  );
  return lines.join('\n');
}

export function comparisonText(c: OdsComparison, register: string, note: string, share: number): string {
  const lines = [`Compared with ${register}${note}: ${s(c.compared, 'practice')} with an ODS code.`];
  const section = <T>(title: string, items: readonly T[], line: (x: T) => string) => {
    lines.push(`  ${title}: ${n(items.length)}`);
    for (const x of items) lines.push(`    ${safeLine(line(x))}`);
  };
  section('New in ODS (active, not in the register)', c.added, (x) => `${x.code} ${x.name}`);
  section('Closed (in the register, not active in ODS)', c.closed, (x) => `${x.code} ${x.name}: ${x.status === undefined ? 'not in the practices file' : `status ${x.status}${x.closeDate ? `, closed ${x.closeDate.replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3')}` : ''}${x.setting !== '4' ? `, prescribing setting ${x.setting}` : ''}`}`);
  section('Now in another ICB than the ones imported', c.otherIcb, (x) => `${x.code} ${x.name}: ${x.from} → ${x.to}`);
  section('Moved PCN', c.pcnChanged, (x) => `${x.code} ${x.name}: ${x.from} → ${x.to}`);
  section(`List size changed by more than ${Math.round(share * 1000) / 10}%`, c.listSizeChanged, (x) => `${x.code} ${x.name}: ${x.from ?? 'none'} → ${x.to}${x.share === undefined ? '' : ` (${x.share > 0 ? '+' : ''}${Math.round(x.share * 1000) / 10}%)`}`);
  if (c.withoutOds.length) lines.push(`  Practices without an ODS code, not compared: ${c.withoutOds.join(', ')}`);
  lines.push('The register was not changed; the refreshed practices are in the output folder.', '');
  return lines.join('\n');
}
